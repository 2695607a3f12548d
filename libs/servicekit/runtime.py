"""The life of one service process: database, NATS, outbox relay, event consumers and
the gRPC server, started in order and stopped in reverse.

Health: the relay and the consumers run under a supervisor; while any of them is down
(dead, waiting to be restarted) the overall health ("") and every served proto service
report NOT_SERVING, and each part also has its own health entry under its name
("outbox-relay", "certificates__AssessmentPassed")."""

import asyncio
from dataclasses import dataclass, field
from types import ModuleType
from typing import Awaitable, Callable

from grpc_health.v1 import health_pb2
from google.protobuf import descriptor_pool
from sqlalchemy import MetaData, func, select
from sqlalchemy.orm import Session

from . import audit, auth, lifetime, logs, metrics, migrations, natsauth, tokens, tracing
from .eventsigning import Signer, Verifier
from .db import Database
from .grpcserver import RunningServer, ServiceInterceptor, server_tls, start_server
from .jetstream import (EventConsumer, OutboxRelay, RetryPolicy, Subscription, connect,
                        ensure_stream)
from .leadership import Lease
from .repository import Repositories
from .settings import ServiceSettings
from .supervisor import Supervisor
from .unitofwork import Batch, MessagingTables, UnitOfWork, messaging_tables, utcnow

log = logs.get("servicekit.runtime")


@dataclass
class ServiceSpec:
    """What a service's bootstrap declares; the runtime does the wiring."""

    name: str
    metadata: MetaData
    policy: auth.Policy
    # the events_pb2 modules it publishes from: one stream per proto package
    publishes: list[ModuleType] = field(default_factory=list)
    # (uow_factory) -> [(add_XServicer_to_server, servicer, full service name)]
    servicers: Callable[[Callable[[], UnitOfWork]], list[tuple]] = lambda uow: []
    subscriptions: list[Subscription] = field(default_factory=list)
    # the service's repositories over a session, handed to handlers as `uow.repos`
    repositories: Callable[[Session], Repositories] = Repositories
    # runs on a worker thread once the schema exists, before any event or call is served
    prepare: Callable[["ServiceRuntime"], None] | None = None
    # extra long-running parts (e.g. the public HTTP site), started after gRPC
    extras: list[Callable[["ServiceRuntime"], Awaitable[Callable[[], Awaitable[None]]]]] = \
        field(default_factory=list)


class ServiceRuntime:
    def __init__(self, spec: ServiceSpec, settings: ServiceSettings,
                 verifier: tokens.TokenVerifier):
        self.spec, self.settings, self.verifier = spec, settings, verifier
        self.tables: MessagingTables = messaging_tables(spec.metadata)
        self.db = Database(settings.database_url, spec.metadata)
        self.audit = audit.AuditLog(
            self.tables.audit, audit.Signer.from_secret(settings.audit_key),
            settings.audit_checkpoint_records, settings.audit_checkpoint_seconds)
        self.relay: OutboxRelay | None = None
        self.server: RunningServer | None = None
        self.supervisor = Supervisor(on_change=self._report_health)
        self.consumers: dict[str, EventConsumer] = {}
        self._health_names: list[str] = []
        self._stoppers: list[Callable[[], Awaitable[None]]] = []
        self.nc = None
        self.http_port = 0  # set by a service that also serves HTTP
        self.metrics = metrics.Metrics()
        self.metrics_port = 0
        self.tracing = tracing.Tracing(spec.name, settings.tracing_enabled,
                                       settings.tracing_exporter, settings.tracing_endpoint)

    def uow(self, inbox=None, read_only: bool = False, batch: Batch | None = None) -> UnitOfWork:
        return UnitOfWork(self.db, self.tables,
                          on_commit=self.relay.wake if self.relay else None, inbox=inbox,
                          repositories=self.spec.repositories, audit_log=self.audit,
                          read_only=read_only, batch=batch)

    def batch(self) -> Batch:
        return Batch(self.db, on_commit=self.relay.wake if self.relay else None)

    async def _seal_audit_log(self) -> None:
        """Checkpoints the audit log every interval, so its newest records are signed
        even when no write comes after them."""
        while True:
            await asyncio.sleep(self.settings.audit_checkpoint_seconds)
            await asyncio.to_thread(self._seal_once)

    def _seal_once(self) -> None:
        with self.db.session() as session, session.begin():
            self.audit.seal(session, utcnow())

    @property
    def port(self) -> int:
        return self.server.port if self.server else 0

    async def start(self) -> None:
        await asyncio.to_thread(migrations.on_start, self.spec.name, self.settings.database_url,
                                self.settings.migrate_on_start)
        if self.spec.prepare:
            await asyncio.to_thread(self.spec.prepare, self)
        s = self.settings
        self.nc = await connect(s.nats_url, name=self.spec.name, **natsauth.connect_options(
            self.spec.name, s.nats_credentials_file, s.nats_tls_ca_file, s.nats_tls_cert_file,
            s.nats_tls_key_file))
        js = self.nc.jetstream()
        for events in self.spec.publishes:
            await ensure_stream(js, events.DESCRIPTOR.package, s.stream_replicas)
        self.relay = OutboxRelay(self.db, self.tables, js, Signer(s.event_signing_key),
                                 lease=Lease(self.db.engine, f"{self.spec.name}-outbox-relay"))
        self.supervisor.start("outbox-relay", self.relay.run)
        self.supervisor.start("audit-sealer", self._seal_audit_log)
        retry = RetryPolicy(max_deliveries=s.event_max_deliveries)
        verifier = Verifier(s.event_trusted_keys)
        for package in {sub.event_cls.DESCRIPTOR.file.package for sub in self.spec.subscriptions}:
            if not s.event_trusted_keys.get(package):
                log.warning("no key is trusted for %s: every event of it will be "
                            "dead-lettered as unauthentic (set event_trusted_keys)", package)
        for sub in self.spec.subscriptions:
            consumer = EventConsumer(self.spec.name, js, sub, self.uow, verifier, retry,
                                     batches=self.batch, ack_wait=s.event_ack_wait_seconds,
                                     replicas=s.stream_replicas,
                                     on_dead_letter=self._count_dead_letter,
                                     traces=self.tracing)
            self.consumers[consumer.durable] = consumer
            self.supervisor.start(consumer.durable, consumer.run)
        services = self.spec.servicers(self.uow)
        auth.check_policy(self.spec.policy, [
            m.name for *_, name in services
            for m in descriptor_pool.Default().FindServiceByName(name).methods])
        self._health_names = ["", *(name for *_, name in services)]
        self.server = await start_server(
            services=services,
            host=self.settings.grpc_host, port=self.settings.grpc_port,
            interceptor=ServiceInterceptor(self.spec.policy, self.verifier,
                                           f"{self.spec.name}.anbao", self.metrics,
                                           self.tracing),
            grace=self.settings.grace_seconds,
            max_message_bytes=self.settings.max_message_bytes,
            tls=server_tls(self.settings),
            health_port=self.settings.health_port)
        await self._report_health()  # a part may have died before gRPC was up
        if s.metrics_port is not None:
            runner, self.metrics_port = await metrics.serve(
                self.metrics, self._refresh_metrics, s.metrics_host, s.metrics_port)
            self._stoppers.append(runner.cleanup)
        for extra in self.spec.extras:
            self._stoppers.append(await extra(self))
        log.info("%s serving gRPC on %s:%d", self.spec.name, self.settings.grpc_host, self.port)

    def _count_dead_letter(self, durable: str) -> None:
        self.metrics.dead_letters.labels(durable).inc()

    async def _refresh_metrics(self) -> None:
        """The gauges read at scrape time: the outbox backlog and each consumer's lag."""
        t = self.tables.outbox

        def backlog() -> int:
            with self.db.read_engine.connect() as conn:
                return conn.scalar(select(func.count()).select_from(t)
                                   .where(t.c.published_at.is_(None)))
        self.metrics.outbox_backlog.set(await asyncio.to_thread(backlog))
        if self.nc is not None and self.nc.is_connected:
            lag = await metrics.consumer_lag(self.nc.jetstream(), self.consumers)
            for durable, (pending, ack_pending) in lag.items():
                self.metrics.consumer_pending.labels(durable).set(pending)
                self.metrics.consumer_ack_pending.labels(durable).set(ack_pending)

    async def _report_health(self) -> None:
        if self.server is None:
            return
        down = self.supervisor.down
        serving, not_serving = (health_pb2.HealthCheckResponse.SERVING,
                                health_pb2.HealthCheckResponse.NOT_SERVING)
        for name in self._health_names:
            await self.server.health.set(name, not_serving if down else serving)
        for part in self.supervisor.tasks:
            await self.server.health.set(part, not_serving if part in down else serving)

    async def stop(self) -> None:
        """Each step is bounded, so a stuck part never keeps the process from exiting."""
        for stopper in reversed(self._stoppers):
            await _bounded(stopper(), "extra part")
        if self.server:
            await _bounded(self.server.stop(), "gRPC server", self.settings.grace_seconds + 5)
        await _bounded(self.supervisor.stop(), "background tasks")
        # close, not drain: unacked events are redelivered and unmarked outbox rows
        # republished, and the inbox and Nats-Msg-Id make both harmless
        if self.nc is not None and not self.nc.is_closed:
            await _bounded(self.nc.close(), "NATS connection")
        self.db.dispose()
        await _bounded(asyncio.to_thread(self.tracing.shutdown), "trace export")


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


def main(name: str, settings_cls: type[ServiceSettings],
         build: Callable[[ServiceSettings, tokens.TokenVerifier], ServiceRuntime]) -> None:
    """The body of every service's `__main__`: settings from the environment, then serve.
    Tokens are accepted only when they name this service (`name`) as an audience."""
    lifetime.from_environment()
    settings = settings_cls()
    logs.configure(settings.log_level, settings.log_json)
    verifier = tokens.TokenVerifier(settings.token_public_key_file, audience=name,
                                    revoked_file=settings.token_revocation_file)
    asyncio.run(run_until_signalled(build(settings, verifier)))
