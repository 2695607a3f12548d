"""JetStream plumbing: streams named after the producing proto package, the outbox
relay (publish with Nats-Msg-Id = event ID), and durable pull consumers with explicit
ack whose effects and inbox record commit together."""

import asyncio
from dataclasses import dataclass
from typing import Callable

import nats
from nats.aio.client import Client as NATS
from nats.js import JetStreamContext
from nats.js.api import AckPolicy, ConsumerConfig, StorageType, StreamConfig
from nats.js.errors import BadRequestError
from google.protobuf.message import Message
from sqlalchemy import select, update

from . import logs
from .db import Database
from .errors import DomainError
from .unitofwork import MessagingTables, UnitOfWork, subject_of, utcnow

log = logs.get("servicekit.jetstream")

DUPLICATE_WINDOW_S = 600.0


def stream_name(package: str) -> str:
    """Events of `anbao.certificates.v1` go to the stream `ANBAO_CERTIFICATES_V1`."""
    return package.replace(".", "_").upper()


async def _log_error(exc: Exception) -> None:
    log.warning("NATS: %s: %s", type(exc).__name__, exc)


async def _log_disconnected() -> None:
    log.warning("NATS disconnected")


async def _log_reconnected() -> None:
    log.info("NATS reconnected")


async def connect(url: str, name: str, attempts: int = 60) -> NATS:
    """Connects, retrying while the server comes up; afterwards reconnects forever."""
    for attempt in range(attempts):
        try:
            return await nats.connect(url, name=name, max_reconnect_attempts=-1,
                                      reconnect_time_wait=0.5, connect_timeout=2,
                                      error_cb=_log_error, disconnected_cb=_log_disconnected,
                                      reconnected_cb=_log_reconnected)
        except Exception as exc:  # noqa: BLE001 - any failure to reach the server
            if attempt == attempts - 1:
                raise
            log.warning("NATS not reachable yet (%s); retrying", type(exc).__name__)
            await asyncio.sleep(0.5)
    raise AssertionError("unreachable")


async def ensure_stream(js: JetStreamContext, package: str) -> str:
    """Creates (or updates) the stream that holds every event of a proto package."""
    name = stream_name(package)
    config = StreamConfig(name=name, subjects=[package + ".>"], storage=StorageType.FILE,
                          duplicate_window=DUPLICATE_WINDOW_S)
    try:
        await js.add_stream(config)
    except BadRequestError:
        await js.update_stream(config)
    return name


class OutboxRelay:
    """Publishes committed outbox rows in order; marks them only after JetStream acks.

    A crash between the ack and the mark republishes the same Nats-Msg-Id, which the
    stream's duplicate window drops and every consumer's inbox ignores."""

    def __init__(self, db: Database, tables: MessagingTables, js: JetStreamContext,
                 batch_size: int = 500):
        self._db, self._tables, self._js, self._batch = db, tables, js, batch_size
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    def wake(self) -> None:
        """Thread-safe: called by a unit of work after a commit with events."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    def _pending(self) -> list:
        t = self._tables.outbox
        with self._db.engine.connect() as conn:
            return conn.execute(select(t.c.seq, t.c.event_id, t.c.subject, t.c.payload)
                                .where(t.c.published_at.is_(None))
                                .order_by(t.c.seq).limit(self._batch)).all()

    def _mark(self, seqs: list[int]) -> None:
        t = self._tables.outbox
        with self._db.engine.begin() as conn:
            conn.execute(update(t).where(t.c.seq.in_(seqs)).values(published_at=utcnow()))

    async def publish_pending(self) -> int:
        rows = await asyncio.to_thread(self._pending)
        if rows:
            await asyncio.gather(*(
                self._js.publish(r.subject, r.payload, headers={"Nats-Msg-Id": r.event_id})
                for r in rows))
            await asyncio.to_thread(self._mark, [r.seq for r in rows])
        return len(rows)

    async def run(self) -> None:
        self._loop = asyncio.get_running_loop()
        backoff = 0.2
        while True:
            self._wake.clear()
            try:
                if await self.publish_pending():
                    backoff = 0.2
                    continue
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - NATS or the database is down: retry
                log.warning("outbox relay: %s: %s; retrying", type(exc).__name__, exc)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
                continue
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=1.0)
            except TimeoutError:
                pass


EventHandler = Callable[[UnitOfWork, Message], None]


@dataclass(frozen=True)
class Subscription:
    event_cls: type[Message]
    handler: EventHandler


class EventConsumer:
    """One durable pull consumer per (service, event type), explicit ack.

    The handler runs inside the unit of work that records the event ID in the inbox,
    so a redelivered event changes nothing. A handler that raises a DomainError is a
    poison message: it is logged and terminated, not redelivered forever."""

    def __init__(self, service: str, js: JetStreamContext, subscription: Subscription,
                 uow_factory: Callable[[], UnitOfWork]):
        self._service, self._js, self._sub = service, js, subscription
        self._uow_factory = uow_factory

    @property
    def durable(self) -> str:
        return f"{self._service}__{self._sub.event_cls.DESCRIPTOR.name}"

    def _apply(self, event: Message) -> bool:
        with self._uow_factory() as uow:
            if not uow.claim_inbox(event.event_id, subject_of(event)):
                return False
            self._sub.handler(uow, event)
            uow.commit()
            return True

    async def subscribe(self):
        stream = await ensure_stream(self._js, self._sub.event_cls.DESCRIPTOR.file.package)
        return await self._js.pull_subscribe(
            subject_of(self._sub.event_cls), durable=self.durable, stream=stream,
            config=ConsumerConfig(ack_policy=AckPolicy.EXPLICIT, ack_wait=30,
                                  max_ack_pending=1000))

    async def run(self) -> None:
        psub = None
        while True:
            try:
                if psub is None:
                    psub = await self.subscribe()
                msgs = await psub.fetch(batch=100, timeout=1)
            except asyncio.CancelledError:
                raise
            except (nats.errors.TimeoutError, TimeoutError):
                continue
            except Exception as exc:  # noqa: BLE001 - NATS is away: retry
                log.warning("consumer %s: %s: %s; retrying", self.durable,
                            type(exc).__name__, exc)
                await asyncio.sleep(0.5)
                continue
            for msg in msgs:
                event = self._sub.event_cls.FromString(msg.data)
                token = logs.bind(event_id=event.event_id, consumer=self.durable)
                try:
                    applied = await asyncio.to_thread(self._apply, event)
                    await msg.ack()
                    log.debug("event %s", "applied" if applied else "already applied")
                except DomainError as exc:
                    log.error("event refused, terminated: %s", exc)
                    await msg.term()
                except Exception:  # noqa: BLE001 - transient: redeliver later
                    log.exception("event failed; will be redelivered")
                    await msg.nak(delay=1)
                finally:
                    logs.unbind(token)
