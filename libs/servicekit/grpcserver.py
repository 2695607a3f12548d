"""gRPC server bootstrap: one interceptor for decoding, auth, logging, error mapping and
idempotency on every RPC kind; health, reflection, message limits, graceful shutdown."""

import asyncio
import contextlib
import inspect
import math
import time
import uuid
from dataclasses import dataclass

import grpc
from google.protobuf import any_pb2
from google.protobuf.message import DecodeError
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from grpc_status import rpc_status
from opentelemetry.trace import SpanKind
from sqlalchemy.exc import DBAPIError, OperationalError

from . import audit, auth, errors, idempotency, logs, tokens, tracing
from .metrics import Metrics

log = logs.get("servicekit.grpc")

_OPEN_PREFIXES = ("/grpc.health.v1.", "/grpc.reflection.")


def _packed(message) -> any_pb2.Any:
    packed = any_pb2.Any()
    packed.Pack(message)
    return packed


def to_status(exc: errors.DomainError, domain: str) -> status_pb2.Status:
    """Maps a domain error to google.rpc.Status with BadRequest / ErrorInfo details."""
    if isinstance(exc, errors.InvalidArgument):
        bad = error_details_pb2.BadRequest(field_violations=[
            error_details_pb2.BadRequest.FieldViolation(field=v.field, description=v.description)
            for v in exc.violations])
        return status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message=str(exc),
                                 details=[_packed(bad)])
    if isinstance(exc, errors.FailedPrecondition):
        info = error_details_pb2.ErrorInfo(reason=exc.reason, domain=domain,
                                           metadata={"rule": exc.rule_id, **exc.metadata})
        return status_pb2.Status(code=code_pb2.FAILED_PRECONDITION, message=str(exc),
                                 details=[_packed(info)])
    if isinstance(exc, errors.ResourceExhausted):
        retry = error_details_pb2.RetryInfo()
        retry.retry_delay.FromMilliseconds(math.ceil(exc.retry_after * 1000))
        return status_pb2.Status(code=code_pb2.RESOURCE_EXHAUSTED, message=str(exc),
                                 details=[_packed(retry)])
    code = {errors.NotFound: code_pb2.NOT_FOUND, errors.AlreadyExists: code_pb2.ALREADY_EXISTS,
            errors.Aborted: code_pb2.ABORTED,
            errors.PermissionDenied: code_pb2.PERMISSION_DENIED,
            errors.Unauthenticated: code_pb2.UNAUTHENTICATED,
            errors.Unavailable: code_pb2.UNAVAILABLE}.get(type(exc), code_pb2.INTERNAL)
    return status_pb2.Status(code=code, message=str(exc))


class Undecodable:
    """What a request deserializer returns for bytes that are not the request message
    (truncated, or a string field that is not UTF-8), so the RPC can answer
    INVALID_ARGUMENT instead of grpc logging a traceback and answering UNKNOWN."""

    def __init__(self, reason: str):
        self.reason = reason


class _Refused(Exception):
    """Raised in the interceptor for an undecodable request (unary or in a stream)."""

    def __init__(self, undecodable: Undecodable):
        self.undecodable = undecodable


def _tolerant(deserializer):
    if deserializer is None:  # a generic handler taking raw bytes
        return None

    def deserialize(data: bytes):
        try:
            return deserializer(data)
        except DecodeError as exc:
            return Undecodable(str(exc))
    return deserialize


async def _decoded(requests):
    async for request in requests:
        if isinstance(request, Undecodable):
            raise _Refused(request)
        yield request


def _undecodable_status(undecodable: Undecodable) -> status_pb2.Status:
    violation = error_details_pb2.BadRequest.FieldViolation(
        field="body", description=f"is not the request message: {undecodable.reason}")
    bad = error_details_pb2.BadRequest(field_violations=[violation])
    return status_pb2.Status(code=code_pb2.INVALID_ARGUMENT,
                             message="request could not be decoded", details=[_packed(bad)])


class _PerPeerLog:
    """At most one line per caller address per interval: a flood of garbage from one
    address must not flood the log."""

    def __init__(self, interval: float = 60.0, max_peers: int = 10_000):
        self._interval, self._max_peers = interval, max_peers
        self._last: dict[str, float] = {}

    def warning(self, peer: str, message: str, *args) -> None:
        address = peer.rsplit(":", 1)[0]  # without the port: one caller, many connections
        now = time.monotonic()
        if now - self._last.get(address, -self._interval) < self._interval:
            return
        if len(self._last) >= self._max_peers:
            self._last = {a: t for a, t in self._last.items() if now - t < self._interval}
        self._last[address] = now
        log.warning(message + " (further ones from %s muted for %.0fs)", *args, address,
                    self._interval)


class ServiceInterceptor(grpc.aio.ServerInterceptor):
    """Every RPC of every kind (unary or streaming either way) passes the same checks:
    decodable request, bearer token against the policy (default deny), request-id bound
    to the logs, domain errors mapped to google.rpc.Status, `request_id` idempotency."""

    def __init__(self, policy: auth.Policy, verifier: tokens.TokenVerifier,
                 domain: str, metrics: Metrics | None = None,
                 traces: tracing.Tracing | None = None):
        self._policy, self._verifier, self._domain = policy, verifier, domain
        self._metrics = metrics
        self._traces = traces or tracing.Tracing(domain, enabled=False)
        self._undecodable_log = _PerPeerLog()
        self._wrapped: dict[str, object] = {}  # method → its guarded handler, made once

    async def intercept_service(self, continuation, details):
        wrapped = self._wrapped.get(details.method)
        if wrapped is None:
            handler = await continuation(details)
            if handler is None or details.method.startswith(_OPEN_PREFIXES):
                return handler  # unknown methods are not remembered: callers choose them
            wrapped = self._wrapped[details.method] = self._wrap(handler, details.method)
        return wrapped

    def _wrap(self, handler, full_method: str):
        deserializer = _tolerant(handler.request_deserializer)
        serializer = handler.response_serializer
        if handler.unary_unary:
            return grpc.unary_unary_rpc_method_handler(
                self._unary_unary(handler.unary_unary, full_method),
                request_deserializer=deserializer, response_serializer=serializer)
        if handler.unary_stream:
            return grpc.unary_stream_rpc_method_handler(
                self._streaming(handler.unary_stream, full_method, False),
                request_deserializer=deserializer, response_serializer=serializer)
        if handler.stream_unary:
            return grpc.stream_unary_rpc_method_handler(
                self._unary_response(handler.stream_unary, full_method),
                request_deserializer=deserializer, response_serializer=serializer)
        return grpc.stream_stream_rpc_method_handler(
            self._streaming(handler.stream_stream, full_method, True),
            request_deserializer=deserializer, response_serializer=serializer)

    @contextlib.asynccontextmanager
    async def _guarded(self, context: grpc.aio.ServicerContext, full_method: str, request=None):
        """Checks the request and the caller, binds the log context and maps every error
        the body raises, in a span continuing the caller's trace; yields the caller."""
        metadata = dict(context.invocation_metadata() or ())
        with self._traces.span(full_method.lstrip("/"), metadata, SpanKind.SERVER) as span:
            async with self._checked(context, full_method, metadata, request, span) as caller:
                yield caller

    @contextlib.asynccontextmanager
    async def _checked(self, context: grpc.aio.ServicerContext, full_method: str,
                       metadata: dict, request, span):
        method = full_method.rsplit("/", 1)[-1]
        started = time.perf_counter()
        request_id = metadata.get("x-request-id") or str(uuid.uuid4())
        log_token = logs.bind(rpc=method, request_id=request_id)
        call_token = audit.bind_call(full_method, request_id)
        caller_token = None
        try:
            if isinstance(request, Undecodable):  # before authentication: nothing to check
                raise _Refused(request)
            bearer = metadata.get("authorization", "")
            bearer = bearer[7:] if bearer.lower().startswith("bearer ") else None
            caller = auth.authorize(self._policy, method, bearer, self._verifier)
            caller_token = auth.set_caller(caller)
            yield caller
        except errors.DomainError as exc:
            if isinstance(exc, errors.NotFound) and auth.current_caller().reach != auth.Reach.ANY:
                # AIP-211: a caller confined to its division or institution is told the same
                # for a missing resource as for one that is not its own
                exc = errors.PermissionDenied(auth.OUT_OF_REACH)
            log.info("refused: %s", exc)
            await context.abort_with_status(rpc_status.to_status(to_status(exc, self._domain)))
        except _Refused as exc:
            self._undecodable_log.warning(context.peer(), "undecodable %s request: %s",
                                          method, exc.undecodable.reason)
            await context.abort_with_status(rpc_status.to_status(
                _undecodable_status(exc.undecodable)))
        except grpc.aio.AbortError:
            raise
        except Exception as exc:
            if _database_unreachable(exc):  # passing (a restart, a failover): retry
                log.warning("database unreachable: %s", type(exc.orig).__name__)
                await context.abort(grpc.StatusCode.UNAVAILABLE,
                                    "the database is not reachable; retry")
            log.exception("unexpected error")
            await context.abort(grpc.StatusCode.INTERNAL, "internal error")
        finally:
            if caller_token is not None:
                auth.reset_caller(caller_token)
            audit.unbind_call(call_token)
            logs.unbind(log_token)
            code = context.code() or grpc.StatusCode.OK
            if self._metrics is not None:
                self._metrics.rpc(method, code, time.perf_counter() - started)
            if code != grpc.StatusCode.OK:
                tracing.failed(span, code.name)

    def _unary_unary(self, behavior, full_method: str):
        async def call(request, context):
            async with self._guarded(context, full_method, request) as caller:
                pending = idempotency.pending_for(request, caller.subject, full_method)
                if pending is None:
                    return await behavior(request, context)
                return await self._idempotent(behavior, request, context, pending)
        return call

    async def _idempotent(self, behavior, request, context, pending: idempotency.Pending):
        token = idempotency.begin(pending)
        try:
            response = await behavior(request, context)
        except idempotency.Repeated as repeat:
            answer = await repeat.wait_for_answer(
                min(idempotency.ANSWER_WAIT_SECONDS, context.time_remaining() or
                    idempotency.ANSWER_WAIT_SECONDS))
            if answer is None:
                await context.abort(grpc.StatusCode.ABORTED, (
                    f"request_id {pending.request_id} was applied, but its answer is not "
                    "recorded (the first call is still answering, or failed after its "
                    "effect); read the resource instead of repeating"))
            log.info("repeated request_id %s: the first answer", pending.request_id)
            return idempotency.response_class(pending.method).FromString(answer)
        finally:
            idempotency.end(token)
        if pending.claim is not None:
            await asyncio.to_thread(pending.claim.store, pending, response.SerializeToString())
        return response

    def _unary_response(self, behavior, full_method: str):
        async def call(requests, context):
            async with self._guarded(context, full_method):
                return await behavior(_decoded(requests), context)
        return call

    def _streaming(self, behavior, full_method: str, streamed_requests: bool):
        """Wraps an async generator servicer (yields responses) or a coroutine one
        (writes them with context.write), keeping its shape."""
        def arguments(request):
            return (_decoded(request), None) if streamed_requests else (request, request)

        if inspect.isasyncgenfunction(behavior):
            async def generate(request, context):
                request, checked = arguments(request)
                async with self._guarded(context, full_method, checked):
                    async for response in behavior(request, context):
                        yield response
            return generate

        async def write(request, context):
            request, checked = arguments(request)
            async with self._guarded(context, full_method, checked):
                await behavior(request, context)
        return write


@dataclass
class RunningServer:
    server: grpc.aio.Server
    health: health.aio.HealthServicer
    port: int
    grace: float
    # the plaintext health-only listener, when there is one (`start_server`)
    health_server: grpc.aio.Server | None = None
    health_port: int = 0

    async def stop(self) -> None:
        """Health NOT_SERVING first, so balancers stop sending; then drain and stop."""
        await self.health.enter_graceful_shutdown()
        await self.server.stop(self.grace)
        if self.health_server is not None:
            await self.health_server.stop(0)


# A client's channel spreads its calls over every address its target resolves to (the
# replicas of a service) instead of keeping to the first
CHANNEL_OPTIONS = (("grpc.lb_policy_name", "round_robin"),)


def round_robin_target(addresses: list[str]) -> str:
    """One channel target for several `host:port` replicas (gRPC's `ipv4:` scheme); with
    `CHANNEL_OPTIONS` each call goes to the next live one."""
    return addresses[0] if len(addresses) == 1 else "ipv4:" + ",".join(addresses)


def server_tls(settings) -> grpc.ServerCredentials | None:
    """mTLS when the settings name a certificate: callers must present a client
    certificate signed by `tls_ca_file`."""
    if settings.tls_cert_file is None:
        return None
    return grpc.ssl_server_credentials(
        [(settings.tls_key_file.read_bytes(), settings.tls_cert_file.read_bytes())],
        root_certificates=settings.tls_ca_file.read_bytes(), require_client_auth=True)


def channel_credentials(settings) -> grpc.ChannelCredentials | None:
    """A client's side of mTLS: the same certificate and key (it is both server and
    client certificate) and the CA that signed the server's."""
    if settings.tls_cert_file is None:
        return None
    return grpc.ssl_channel_credentials(
        root_certificates=settings.tls_ca_file.read_bytes(),
        private_key=settings.tls_key_file.read_bytes(),
        certificate_chain=settings.tls_cert_file.read_bytes())


async def start_server(*, services: list[tuple], host: str, port: int,
                       interceptor: ServiceInterceptor, grace: float = 5.0,
                       max_message_bytes: int = 4 * 1024 * 1024,
                       tls: grpc.ServerCredentials | None = None,
                       health_port: int | None = None) -> RunningServer:
    """`services` holds (add_XServicer_to_server, servicer, full service name) triples.

    With `health_port`, the health service alone is also served in plaintext on that port:
    Kubernetes' gRPC probes speak no TLS, and health says nothing a caller may not know."""
    server = grpc.aio.server(interceptors=[interceptor], options=[
        ("grpc.max_receive_message_length", max_message_bytes),
        ("grpc.max_send_message_length", max_message_bytes),
        ("grpc.so_reuseport", 0)])
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    names = []
    for add, servicer, name in services:
        add(servicer, server)
        names.append(name)
    reflection.enable_server_reflection(
        [*names, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
         reflection.SERVICE_NAME], server)
    bound = (server.add_secure_port(f"{host}:{port}", tls) if tls
             else server.add_insecure_port(f"{host}:{port}"))
    if bound == 0:
        raise RuntimeError(f"could not bind {host}:{port}")
    await server.start()
    running = RunningServer(server, health_servicer, bound, grace)
    if health_port is not None:
        running.health_server = grpc.aio.server()
        health_pb2_grpc.add_HealthServicer_to_server(health_servicer, running.health_server)
        running.health_port = running.health_server.add_insecure_port(f"{host}:{health_port}")
        if running.health_port == 0:
            raise RuntimeError(f"could not bind {host}:{health_port}")
        await running.health_server.start()
    for name in ["", *names]:
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    return running


def _database_unreachable(exc: Exception) -> bool:
    """A lost or refused database connection (PostgreSQL restarting, say: found by the
    fault suite, tests/chaos), which the caller may retry: UNAVAILABLE, not INTERNAL.
    SQLite's OperationalError also covers a missing table, which is no passing state."""
    if not isinstance(exc, DBAPIError):
        return False
    return exc.connection_invalidated or (
        isinstance(exc, OperationalError) and type(exc.orig).__module__.startswith("psycopg"))
