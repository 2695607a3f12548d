"""JetStream plumbing: streams named after the producing proto package, the outbox
relay (publish with Nats-Msg-Id = event ID, signed by the producer), and durable pull
consumers with explicit ack that apply only authentic events, whose effects and inbox
record commit together."""

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Callable

import grpc
import nats
from nats.aio.client import Client as NATS
from nats.aio.msg import Msg
from nats.js import JetStreamContext
from nats.js.api import AckPolicy, ConsumerConfig, StorageType, StreamConfig
from nats.js.errors import BadRequestError, NotFoundError, ServiceUnavailableError
from google.protobuf.message import DecodeError, Message
from sqlalchemy import select, update
from opentelemetry.trace import SpanKind
from sqlalchemy.exc import OperationalError

from . import deadletters, eventsigning, logs, tracing
from .db import Database
from .errors import DomainError
from .eventsigning import Signer, Unauthentic, Verifier
from .leadership import Lease
from .natsauth import durable_name, stream_name
from .unitofwork import AlreadyApplied, Batch, MessagingTables, UnitOfWork, subject_of, utcnow

log = logs.get("servicekit.jetstream")

DUPLICATE_WINDOW_S = 600.0
EVENT_ID_MAX = 64  # the inbox's key column


async def _log_error(exc: Exception) -> None:
    log.warning("NATS: %s: %s", type(exc).__name__, exc)


async def _log_disconnected() -> None:
    log.warning("NATS disconnected")


async def _log_reconnected() -> None:
    log.info("NATS reconnected")


async def connect(url: str, name: str, attempts: int = 60, **options) -> NATS:
    """Connects, retrying while the server comes up; afterwards reconnects forever, to
    any node of a cluster (`url` may list several, comma-separated).
    `options`: credentials, inbox prefix and TLS (`natsauth.connect_options`)."""
    servers = [u.strip() for u in url.split(",") if u.strip()]
    for attempt in range(attempts):
        try:
            return await nats.connect(servers, name=name, max_reconnect_attempts=-1,
                                      reconnect_time_wait=0.5, connect_timeout=2,
                                      error_cb=_log_error, disconnected_cb=_log_disconnected,
                                      reconnected_cb=_log_reconnected, **options)
        except Exception as exc:  # noqa: BLE001 - any failure to reach the server
            if attempt == attempts - 1:
                raise
            log.warning("NATS not reachable yet (%s); retrying", type(exc).__name__)
            await asyncio.sleep(0.5)
    raise AssertionError("unreachable")


# what the JetStream API answers while a cluster has no meta leader (a node just died or
# restarted): passing, so worth waiting out rather than failing the start-up
_JETSTREAM_SETTLING = (nats.errors.TimeoutError, nats.errors.NoRespondersError,
                       ServiceUnavailableError)


async def ensure_stream(js: JetStreamContext, package: str, replicas: int = 1,
                        patience: float = 60.0) -> str:
    """Creates (or updates) the stream that holds every event of a proto package, stored
    on `replicas` nodes of a cluster; waits up to `patience` seconds for a cluster that is
    electing its leaders (found by the fault suite: a replica restarted during a node's
    restart died at start-up)."""
    name = stream_name(package)
    config = StreamConfig(name=name, subjects=[package + ".>"], storage=StorageType.FILE,
                          duplicate_window=DUPLICATE_WINDOW_S, num_replicas=replicas)
    deadline = asyncio.get_running_loop().time() + patience
    while True:
        try:
            try:
                await js.add_stream(config)
            except BadRequestError:
                await js.update_stream(config)
            return name
        except _JETSTREAM_SETTLING as exc:
            if asyncio.get_running_loop().time() > deadline:
                raise
            log.warning("stream %s: JetStream not answering (%s); retrying", name,
                        type(exc).__name__)
            await asyncio.sleep(0.5)


class OutboxRelay:
    """Publishes committed outbox rows in order; marks them only after JetStream acks.

    A crash between the ack and the mark republishes the same Nats-Msg-Id, which the
    stream's duplicate window drops and every consumer's inbox ignores.

    With several replicas of a service, only the one holding `lease` publishes
    (`leadership`), so the events leave in commit order; the others stand by. The leader
    also looks for rows every `poll_seconds`, since a standby's commits wake only the
    standby."""

    def __init__(self, db: Database, tables: MessagingTables, js: JetStreamContext,
                 signer: Signer, batch_size: int = 500, lease: Lease | None = None):
        self._db, self._tables, self._js, self._batch = db, tables, js, batch_size
        self._signer = signer
        self._lease = lease
        self.poll_seconds = 1.0 if lease is None or lease.held else 0.25
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    def wake(self) -> None:
        """Thread-safe: called by a unit of work after a commit with events."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    def _pending(self) -> list:
        t = self._tables.outbox
        with self._db.read_engine.connect() as conn:
            return conn.execute(select(t.c.seq, t.c.event_id, t.c.subject, t.c.payload,
                                       t.c.trace_context)
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
                self._js.publish(r.subject, r.payload, headers=self._headers(r))
                for r in rows))
            await asyncio.to_thread(self._mark, [r.seq for r in rows])
        return len(rows)

    def _headers(self, row) -> dict[str, str]:
        headers = {"Nats-Msg-Id": row.event_id,
                   eventsigning.HEADER: self._signer.sign(row.subject, row.payload)}
        if row.trace_context:
            headers[tracing.HEADER] = row.trace_context
        return headers

    async def run(self) -> None:
        self._loop = asyncio.get_running_loop()
        try:
            await self._run()
        finally:
            if self._lease is not None:
                await asyncio.to_thread(self._lease.release)

    async def _leads(self) -> bool:
        return self._lease is None or await asyncio.to_thread(self._lease.ensure)

    async def _run(self) -> None:
        backoff = 0.2
        while True:
            _honour_cancel()
            self._wake.clear()
            try:
                if not await self._leads():
                    await asyncio.sleep(1.0)  # standing by; try for the lead again
                    continue
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
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
            except TimeoutError:
                pass


def _honour_cancel() -> None:
    # Python 3.11's asyncio.wait_for (inside nats-py's fetch, and our wake-up wait) drops a
    # cancel that lands just as its awaitable completes (CPython gh-86296): a part told to
    # stop would carry on, healthy, forever. Its loop checks at every turn.
    if asyncio.current_task().cancelling():
        raise asyncio.CancelledError


# `handler(uow, event)` owns `with uow`, like a command handler
EventHandler = Callable[[UnitOfWork, Message], None]


@dataclass(frozen=True)
class Subscription:
    event_cls: type[Message]
    handler: EventHandler


@dataclass(frozen=True)
class RetryPolicy:
    """How a failed event is redelivered: after a delay that doubles with each delivery,
    up to a cap; an unexpected failure is dead-lettered after `max_deliveries`."""

    max_deliveries: int = 20
    first_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, num_delivered: int) -> float:
        return min(self.first_delay * 2 ** min(max(num_delivered - 1, 0), 30), self.max_delay)


class Unusable(Exception):
    """An event that cannot be applied as sent: undecodable or invalid."""


def is_transient(exc: BaseException) -> bool:
    """Failures that retrying later can cure: a called service away, a database locked
    or unreachable, a deadline passed, NATS trouble."""
    if isinstance(exc, DomainError):
        return exc.transient
    if isinstance(exc, grpc.RpcError) and hasattr(exc, "code"):
        return exc.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED,
                              grpc.StatusCode.RESOURCE_EXHAUSTED)
    return isinstance(exc, (OperationalError, TimeoutError, nats.errors.Error))


class EventConsumer:
    """One durable pull consumer per (service, event type), explicit ack.

    The handler runs inside the unit of work that records the event ID in the inbox,
    so a redelivered event changes nothing. What follows a failure depends on what
    failed: an event its producer did not sign (checked before anything else), an
    undecodable or invalid event, or one a handler refuses with a domain
    error, is dead-lettered at once (retrying changes nothing); a transient failure is
    redelivered with backoff for as long as it lasts; any other failure is redelivered
    with backoff up to `retry.max_deliveries` times, then dead-lettered. Nothing is
    terminated, so nothing is lost.

    With `batches`, the events of one fetch are applied in one transaction (`Batch`)
    and acknowledged after its commit; if any of them fails, the batch is rolled back
    and its events applied one by one, so only the failing one is retried or
    dead-lettered."""

    def __init__(self, service: str, js: JetStreamContext, subscription: Subscription,
                 uow_factory: Callable[..., UnitOfWork], verifier: Verifier,
                 retry: RetryPolicy = RetryPolicy(),
                 batches: Callable[[], Batch] | None = None, ack_wait: float = 30.0,
                 replicas: int = 1, on_dead_letter: Callable[[str], None] | None = None,
                 traces: tracing.Tracing | None = None):
        self._service, self._js, self.subscription = service, js, subscription
        self._uow_factory, self._verifier = uow_factory, verifier
        self.retry = retry
        self._batches, self._ack_wait = batches, ack_wait
        self._replicas = replicas  # of the dead-letter stream, should it create it
        self._on_dead_letter = on_dead_letter  # told the durable name of each (metrics)
        self._traces = traces or tracing.Tracing(service, enabled=False)

    @property
    def durable(self) -> str:
        return durable_name(self._service, self.subscription.event_cls.DESCRIPTOR.name)

    @property
    def stream(self) -> str:
        """The producer's stream it reads."""
        return stream_name(self.subscription.event_cls.DESCRIPTOR.file.package)

    def _decode(self, data: bytes) -> Message:
        try:
            event = self.subscription.event_cls.FromString(data)
        except DecodeError as exc:
            raise Unusable(f"undecodable {self.subscription.event_cls.DESCRIPTOR.full_name}: "
                           f"{exc}") from exc
        if not 0 < len(event.event_id) <= EVENT_ID_MAX:
            raise Unusable(f"invalid event: event_id must be 1 to {EVENT_ID_MAX} characters")
        return event

    def _apply(self, event: Message, headers: dict | None = None) -> bool:
        # in the producer's trace, so the events this one causes continue it
        with self._traces.span(event.DESCRIPTOR.name, headers, SpanKind.CONSUMER) as span:
            try:
                self.subscription.handler(self._uow_factory(inbox=event), event)
            except AlreadyApplied:
                return False
            except Exception as exc:
                tracing.failed(span, f"{type(exc).__name__}: {exc}")
                raise
            return True

    def _apply_batch(self, events: list[tuple[Message, dict | None]]) -> None:
        batch = self._batches()
        try:
            for event, headers in events:
                with self._traces.span(event.DESCRIPTOR.name, headers, SpanKind.CONSUMER):
                    try:
                        self.subscription.handler(self._uow_factory(inbox=event, batch=batch),
                                                  event)
                    except AlreadyApplied:
                        pass
            batch.commit()
        finally:
            batch.close()

    async def subscribe(self):
        # the producer creates its stream (we may not): until it has, this fails and
        # `run` retries
        await deadletters.ensure_stream(self._js, self._replicas)
        return await self._js.pull_subscribe(
            subject_of(self.subscription.event_cls), durable=self.durable, stream=self.stream,
            config=ConsumerConfig(ack_policy=AckPolicy.EXPLICIT, ack_wait=self._ack_wait,
                                  max_ack_pending=1000))

    async def run(self) -> None:
        psub, waiting = None, False
        while True:
            _honour_cancel()
            try:
                if psub is None:
                    psub = await self.subscribe()
                msgs = await psub.fetch(batch=100, timeout=1)
            except asyncio.CancelledError:
                raise
            except (nats.errors.TimeoutError, TimeoutError):
                continue
            except NotFoundError:  # its producer has not created the stream yet
                if psub is None and not waiting:
                    log.info("consumer %s: waiting for the stream of its producer", self.durable)
                    waiting = True
                await asyncio.sleep(0.2)
                continue
            except Exception as exc:  # noqa: BLE001 - NATS is away: retry
                log.warning("consumer %s: %s: %s; retrying", self.durable,
                            type(exc).__name__, exc)
                await asyncio.sleep(0.5)
                continue
            try:
                await self._handle_all(msgs)
            except (nats.errors.Error, TimeoutError) as exc:
                # could not ack, nak or dead-letter: JetStream redelivers after ack_wait
                log.warning("consumer %s: settling a message: %s: %s", self.durable,
                            type(exc).__name__, exc)

    async def _handle_all(self, msgs: list[Msg]) -> None:
        """Dead-letters what is unauthentic or unusable, applies the rest in one batch,
        or one by one (the first failure, or no `batches`)."""
        token = logs.bind(consumer=self.durable)
        try:
            usable = [(msg, event) for msg in msgs
                      if (event := await self._usable(msg)) is not None]
        finally:
            logs.unbind(token)
        if len(usable) > 1 and self._batches is not None:
            try:
                async with self._in_progress([msg for msg, _ in usable]):
                    await asyncio.to_thread(self._apply_batch,
                                            [(event, msg.headers) for msg, event in usable])
            except Exception as exc:  # noqa: BLE001 - the events are applied one by one
                log.info("consumer %s: a batch of %d failed (%s: %s); one by one",
                         self.durable, len(usable), type(exc).__name__, exc)
            else:
                await asyncio.gather(*(msg.ack() for msg, _ in usable))
                return
        for msg, event in usable:
            try:
                await self._handle(msg, event)
            except (nats.errors.Error, TimeoutError) as exc:
                log.warning("consumer %s: settling a message: %s: %s", self.durable,
                            type(exc).__name__, exc)

    @contextlib.asynccontextmanager
    async def _in_progress(self, msgs: list[Msg]):
        """Tells JetStream, every third of `ack_wait`, that the messages are still being
        worked on: a batch that outlasts `ack_wait` (a hundred certificates signed on a
        loaded machine) would otherwise be redelivered to the other replica, which would
        wait on this one's inbox rows and then do it all again (found by tests/chaos)."""
        async def beat():
            while True:
                await asyncio.sleep(self._ack_wait / 3)
                await asyncio.gather(*(m.in_progress() for m in msgs), return_exceptions=True)

        beating = asyncio.create_task(beat())
        try:
            yield
        finally:
            beating.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beating

    async def _usable(self, msg: Msg) -> Message | None:
        """The message's event, or None once it is dead-lettered as unauthentic or
        unusable (retrying changes nothing)."""
        try:
            self._verifier.verify(msg.subject, msg.data, msg.headers)
            return self._decode(msg.data)
        except Unauthentic as exc:
            await self._dead_letter(msg, f"unauthentic: {exc}")
        except Unusable as exc:
            await self._dead_letter(msg, str(exc))
        return None

    async def _handle(self, msg: Msg, event: Message) -> None:
        token = logs.bind(consumer=self.durable)
        try:
            logs.bind(event_id=event.event_id)
            try:
                async with self._in_progress([msg]):
                    applied = await asyncio.to_thread(self._apply, event, msg.headers)
            except Exception as exc:  # noqa: BLE001 - sorted by what retrying can do
                await self._failed(msg, exc)
                return
            await msg.ack()
            log.debug("event %s", "applied" if applied else "already applied")
        finally:
            logs.unbind(token)

    async def _failed(self, msg: Msg, exc: Exception) -> None:
        reason = f"{type(exc).__name__}: {exc}"
        delivered = msg.metadata.num_delivered or 1
        if isinstance(exc, DomainError) and not exc.transient:
            await self._dead_letter(msg, f"refused: {reason}")
        elif not is_transient(exc) and delivered >= self.retry.max_deliveries:
            await self._dead_letter(msg, f"failed {delivered} times: {reason}", exc)
        else:
            delay = self.retry.delay(delivered)
            if is_transient(exc):
                log.warning("event failed (%s); redelivery %d in %.1fs", reason, delivered, delay)
            else:
                log.error("event failed; redelivery %d in %.1fs", delivered, delay, exc_info=exc)
            await msg.nak(delay=delay)

    async def _dead_letter(self, msg: Msg, reason: str, exc: Exception | None = None) -> None:
        await deadletters.publish(self._js, self._service, self.durable, msg, reason)
        await msg.ack()
        if self._on_dead_letter is not None:
            self._on_dead_letter(self.durable)
        log.error("event dead-lettered: %s", reason, exc_info=exc)
