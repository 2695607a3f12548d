"""The life of one service process: database, NATS, outbox relay, event consumers and
the gRPC server, started in order and stopped in reverse."""

import asyncio
from dataclasses import dataclass, field
from types import ModuleType
from typing import Awaitable, Callable

from sqlalchemy import MetaData

from . import auth, logs
from .db import Database
from .grpcserver import RunningServer, ServiceInterceptor, start_server
from .jetstream import EventConsumer, OutboxRelay, Subscription, connect, ensure_stream
from .settings import ServiceSettings
from .unitofwork import MessagingTables, UnitOfWork, messaging_tables

log = logs.get("servicekit.runtime")


@dataclass
class ServiceSpec:
    """What a service's bootstrap declares; the runtime does the wiring."""

    name: str
    metadata: MetaData
    policy: dict[str, frozenset[str]]
    # the events_pb2 modules it publishes from: one stream per proto package
    publishes: list[ModuleType] = field(default_factory=list)
    # (uow_factory) -> [(add_XServicer_to_server, servicer, full service name)]
    servicers: Callable[[Callable[[], UnitOfWork]], list[tuple]] = lambda uow: []
    subscriptions: list[Subscription] = field(default_factory=list)
    # runs on a worker thread once the schema exists, before any event or call is served
    prepare: Callable[["ServiceRuntime"], None] | None = None
    # extra long-running parts (e.g. the public HTTP site), started after gRPC
    extras: list[Callable[["ServiceRuntime"], Awaitable[Callable[[], Awaitable[None]]]]] = \
        field(default_factory=list)


class ServiceRuntime:
    def __init__(self, spec: ServiceSpec, settings: ServiceSettings,
                 verifier: auth.TokenVerifier):
        self.spec, self.settings, self.verifier = spec, settings, verifier
        self.tables: MessagingTables = messaging_tables(spec.metadata)
        self.db = Database(settings.database_url, spec.metadata)
        self.relay: OutboxRelay | None = None
        self.server: RunningServer | None = None
        self._tasks: list[asyncio.Task] = []
        self._stoppers: list[Callable[[], Awaitable[None]]] = []
        self.nc = None
        self.http_port = 0  # set by a service that also serves HTTP

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.db, self.tables,
                          on_commit=self.relay.wake if self.relay else None)

    @property
    def port(self) -> int:
        return self.server.port if self.server else 0

    async def start(self) -> None:
        await asyncio.to_thread(self.db.create_schema)
        if self.spec.prepare:
            await asyncio.to_thread(self.spec.prepare, self)
        self.nc = await connect(self.settings.nats_url, name=self.spec.name)
        js = self.nc.jetstream()
        for events in self.spec.publishes:
            await ensure_stream(js, events.DESCRIPTOR.package)
        self.relay = OutboxRelay(self.db, self.tables, js)
        self._tasks.append(asyncio.create_task(self.relay.run(), name="outbox-relay"))
        for sub in self.spec.subscriptions:
            consumer = EventConsumer(self.spec.name, js, sub, self.uow)
            self._tasks.append(asyncio.create_task(consumer.run(), name=consumer.durable))
        self.server = await start_server(
            services=self.spec.servicers(self.uow),
            host=self.settings.grpc_host, port=self.settings.grpc_port,
            interceptor=ServiceInterceptor(self.spec.policy, self.verifier,
                                           f"{self.spec.name}.anbao"),
            grace=self.settings.grace_seconds,
            max_message_bytes=self.settings.max_message_bytes)
        for extra in self.spec.extras:
            self._stoppers.append(await extra(self))
        log.info("%s serving gRPC on %s:%d", self.spec.name, self.settings.grpc_host, self.port)

    async def stop(self) -> None:
        """Each step is bounded, so a stuck part never keeps the process from exiting."""
        for stopper in reversed(self._stoppers):
            await _bounded(stopper(), "extra part")
        if self.server:
            await _bounded(self.server.stop(), "gRPC server", self.settings.grace_seconds + 5)
        for task in self._tasks:
            task.cancel()
        await _bounded(asyncio.gather(*self._tasks, return_exceptions=True), "background tasks")
        self._tasks.clear()
        # close, not drain: unacked events are redelivered and unmarked outbox rows
        # republished, and the inbox and Nats-Msg-Id make both harmless
        if self.nc is not None and not self.nc.is_closed:
            await _bounded(self.nc.close(), "NATS connection")
        self.db.dispose()


async def _bounded(step: Awaitable, what: str, seconds: float = 5.0) -> None:
    try:
        await asyncio.wait_for(step, timeout=seconds)
    except TimeoutError:
        log.warning("stopping %s took over %.0fs; going on", what, seconds)


async def run_until_signalled(runtime: ServiceRuntime) -> None:
    """`python -m services.X`: start, serve until SIGINT/SIGTERM, stop gracefully."""
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await runtime.start()
    await stop.wait()
    log.info("%s shutting down", runtime.spec.name)
    await runtime.stop()


def main(settings_cls: type[ServiceSettings],
         build: Callable[[ServiceSettings, auth.TokenVerifier], ServiceRuntime]) -> None:
    """The body of every service's `__main__`: settings from the environment, then serve."""
    settings = settings_cls()
    logs.configure(settings.log_level, settings.log_json)
    verifier = auth.TokenVerifier(auth.load_public_key(settings.token_public_key_file))
    asyncio.run(run_until_signalled(build(settings, verifier)))
