"""Passers published as accreditation's outbox relay publishes them (signed with its key,
`Nats-Msg-Id` = event ID), at a steady rate while the faults run, through any of the
three nodes. A publish counts only once JetStream acknowledged it: those event IDs are
recorded, and each one must end as a certificate. A publish that times out or finds no
responders (a node just died, the stream is electing a leader) is sent again with the
same message ID, so JetStream keeps one copy whatever the first attempt did."""

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

import nats

from servicekit import eventsigning, natsauth
from servicekit.unitofwork import subject_of

RETRY_FOR = 120.0  # seconds one message may keep failing before the run gives up


async def _expected(exc: Exception) -> None:
    """A node killed under the client: it reconnects to another by itself; the default
    callback would print each refused connection with its traceback."""


async def connect(urls: str, credentials: Path):
    return await nats.connect(servers=urls.split(","), max_reconnect_attempts=-1,
                              reconnect_time_wait=0.5, connect_timeout=2, error_cb=_expected,
                              **natsauth.connect_options(natsauth.ADMIN, credentials))


@dataclass
class Publisher:
    urls: str
    credentials: Path
    signing_key: str
    acked: set[str] = field(default_factory=set)
    retries: int = 0
    first_at: float = 0.0
    last_ack_at: float = 0.0

    def _message(self, event) -> tuple[str, bytes, dict]:
        subject, payload = subject_of(event), event.SerializeToString()
        return subject, payload, {"Nats-Msg-Id": event.event_id,
                                  eventsigning.HEADER: self._signer.sign(subject, payload)}

    async def _publish_until_acked(self, js, event_id: str, message) -> None:
        subject, payload, headers = message
        deadline = time.monotonic() + RETRY_FOR
        while True:
            try:
                await js.publish(subject, payload, headers=headers, timeout=5)
            except Exception as exc:  # noqa: BLE001 - timeouts, no responders, reconnects
                if time.monotonic() > deadline:
                    raise RuntimeError(f"event {event_id} not acknowledged within "
                                       f"{RETRY_FOR:.0f} s: {type(exc).__name__}") from exc
                self.retries += 1
                await asyncio.sleep(0.5)
                continue
            self.acked.add(event_id)
            self.last_ack_at = time.time()
            return

    async def publish(self, events: list, rate: float, batch: int = 20) -> None:
        """`rate` events a second, in small concurrent batches."""
        self._signer = eventsigning.Signer(self.signing_key)
        nc = await connect(self.urls, self.credentials)
        js = nc.jetstream()
        self.first_at, clock = time.time(), time.monotonic()
        try:
            for first in range(0, len(events), batch):
                await asyncio.sleep(max(0.0, clock + first / rate - time.monotonic()))
                await asyncio.gather(*(self._publish_until_acked(js, e.event_id, self._message(e))
                                       for e in events[first:first + batch]))
        finally:
            await nc.close()

    async def publish_raw(self, subject: str, payload: bytes, message_id: str) -> None:
        """One message as a buggy producer would send it: signed, but not an event."""
        nc = await connect(self.urls, self.credentials)
        try:
            signer = eventsigning.Signer(self.signing_key)
            await self._publish_until_acked(nc.jetstream(), message_id, (
                subject, payload, {"Nats-Msg-Id": message_id,
                                   eventsigning.HEADER: signer.sign(subject, payload)}))
            self.acked.discard(message_id)  # not a passer: it must end as a dead letter
        finally:
            await nc.close()
