"""EMP-2: pushes due webhook deliveries to employers, at least once.

Each round claims due deliveries with a lease (their next attempt moved past the POST's
timeout), POSTs each signed body, and records the attempt: delivered on a 2xx, else the
next attempt by the retry schedule, or EXPIRED when the window (24 h) is over. A
dispatcher that dies between the POST and the record leaves the lease to run out, and
the delivery is sent again — which the receiver de-duplicates by `webhook-id`. Replicas
share the table; the lease keeps two of them off one delivery.

EMP-3 at dispatch too: the URL is checked again against the current settings, and a
host name must resolve to public addresses only (loopback where allowed), so a name
re-pointed at an internal address after registration reaches nothing."""

import asyncio
import ipaddress
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable
from urllib.parse import urlsplit

import aiohttp

from servicekit import auth, logs
from servicekit.errors import Violations
from servicekit.fieldcrypto import FieldCipher
from servicekit.unitofwork import UnitOfWork, utcnow

from ..domain import employers, webhooks
from .employer_store import aware

log = logs.get("certificates.webhooks")
DISPATCHER = auth.Caller(subject="webhook-dispatcher", role="service")


class GuardedResolver(aiohttp.ThreadedResolver):
    """EMP-3: only public addresses (and loopback, where allowed) of a host name."""

    def __init__(self, allow_loopback: bool):
        super().__init__()
        self.allow_loopback = allow_loopback

    async def resolve(self, host: str, port: int = 0, family=0):
        found = await super().resolve(host, port, family)
        allowed = [r for r in found if employers.address_allowed(r["host"], self.allow_loopback)]
        if not allowed:
            raise OSError(f"EMP-3: {host} resolves to no public address")
        return allowed


@dataclass(frozen=True)
class Claimed:
    id: str
    url: str
    secret: str
    event_id: str
    payload: str
    created_at: datetime
    attempts: int


class WebhookDispatcher:
    def __init__(self, uow: Callable[[], UnitOfWork], cipher: FieldCipher,
                 schedule: webhooks.RetrySchedule, *, allow_loopback_http: bool,
                 poll_seconds: float, timeout_seconds: float, batch: int = 20,
                 lease_margin_seconds: float = 30.0):
        self._uow, self._cipher, self._schedule = uow, cipher, schedule
        self._allow_loopback = allow_loopback_http
        self._poll, self._timeout, self._batch = poll_seconds, timeout_seconds, batch
        # a claimed delivery is not claimed again before its POST has timed out and then
        # this much longer (time to record the attempt)
        self._lease = timedelta(seconds=timeout_seconds + lease_margin_seconds)

    def client(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(resolver=GuardedResolver(self._allow_loopback),
                                         limit=self._batch)
        return aiohttp.ClientSession(connector=connector,
                                     timeout=aiohttp.ClientTimeout(total=self._timeout))

    async def run(self) -> None:
        auth.set_caller(DISPATCHER)  # the audit log names who wrote the attempts
        async with self.client() as http:
            while True:
                if not await self.round(http):
                    await asyncio.sleep(self._poll)

    async def round(self, http: aiohttp.ClientSession) -> int:
        """Claims the due deliveries and attempts each once; how many there were."""
        claimed = await asyncio.to_thread(self._claim)
        await asyncio.gather(*(self._deliver(http, d) for d in claimed))
        return len(claimed)

    def _claim(self) -> list[Claimed]:
        now = utcnow()
        lease_until = now + self._lease
        claimed = []
        uow = self._uow()
        with uow:
            repos = uow.repos
            for row in repos.deliveries.due(now, self._batch):
                if not repos.deliveries.lease(row, lease_until):
                    continue  # another dispatcher took it
                employer = repos.employers.get(row.employer)
                secret = self._cipher.decrypt(employer.webhook_secret_sealed,
                                              webhooks.secret_context(employer.uscc))
                claimed.append(Claimed(row.id, employer.webhook_url, secret, row.event_id,
                                       row.payload, aware(row.created_at), row.attempts))
            uow.commit()
        return claimed

    def _refusal(self, url: str) -> str:
        """EMP-3 with today's settings: why this URL may not be called, or ""."""
        v = Violations()
        employers.check_webhook_url(url, "webhook_url", v,
                                    allow_loopback_http=self._allow_loopback)
        host = urlsplit(url).hostname or ""
        try:
            literal = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        if literal is not None and not employers.address_allowed(host, self._allow_loopback):
            v.add("webhook_url", "EMP-3: not a public address")
        return "; ".join(x.description for x in v.items)

    async def _deliver(self, http: aiohttp.ClientSession, d: Claimed) -> None:
        body = d.payload.encode()
        status, error, started = 0, self._refusal(d.url), time.monotonic()
        if not error:
            headers = webhooks.headers(d.secret, d.event_id, int(time.time()), body)
            try:
                async with http.post(d.url, data=body, headers=headers,
                                     allow_redirects=False) as answer:  # a redirect: not 2xx
                    status = answer.status
                    answer.release()
                error = "" if 200 <= status < 300 else f"HTTP {status}"
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
                error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        duration_ms = int((time.monotonic() - started) * 1000)
        now = utcnow()
        delivered = not error
        next_attempt = None if delivered else self._schedule.next_attempt(
            d.created_at, d.attempts + 1, now)
        if error:
            log.info("webhook delivery %s attempt %d failed: %s", d.id, d.attempts + 1, error)
        try:
            await asyncio.to_thread(self._record, d.id, now, status, error, duration_ms,
                                    delivered, next_attempt)
        except Exception:  # the lease runs out and the delivery is sent again
            log.exception("could not record webhook delivery %s", d.id)

    def _record(self, delivery: str, at: datetime, status: int, error: str, duration_ms: int,
                delivered: bool, next_attempt: datetime | None) -> None:
        uow = self._uow()
        with uow:
            uow.repos.deliveries.record(delivery, at=at, http_status=status, error=error,
                                        duration_ms=duration_ms, delivered=delivered,
                                        next_attempt=next_attempt)
            uow.commit()
