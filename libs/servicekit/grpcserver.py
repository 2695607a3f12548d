"""gRPC server bootstrap: one interceptor for auth, logging and error mapping; health,
reflection, message limits, graceful shutdown."""

import uuid
from dataclasses import dataclass

import grpc
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from grpc_status import rpc_status

from . import auth, errors, logs

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
    code = {errors.NotFound: code_pb2.NOT_FOUND, errors.AlreadyExists: code_pb2.ALREADY_EXISTS,
            errors.PermissionDenied: code_pb2.PERMISSION_DENIED,
            errors.Unauthenticated: code_pb2.UNAUTHENTICATED,
            errors.Unavailable: code_pb2.UNAVAILABLE}.get(type(exc), code_pb2.INTERNAL)
    return status_pb2.Status(code=code, message=str(exc))


class ServiceInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, policy: dict[str, frozenset[str]], verifier: auth.TokenVerifier,
                 domain: str):
        self._policy, self._verifier, self._domain = policy, verifier, domain

    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or details.method.startswith(_OPEN_PREFIXES):
            return handler
        if handler.unary_unary is None:  # we serve unary RPCs only
            return handler
        method = details.method.rsplit("/", 1)[-1]
        return grpc.unary_unary_rpc_method_handler(
            self._wrap(handler.unary_unary, method),
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer)

    def _wrap(self, behavior, method: str):
        async def call(request, context: grpc.aio.ServicerContext):
            metadata = dict(context.invocation_metadata() or ())
            request_id = metadata.get("x-request-id") or str(uuid.uuid4())
            log_token = logs.bind(rpc=method, request_id=request_id)
            caller_token = None
            try:
                bearer = metadata.get("authorization", "")
                bearer = bearer[7:] if bearer.lower().startswith("bearer ") else None
                caller = auth.authorize(self._policy, method, bearer, self._verifier)
                caller_token = auth.set_caller(caller)
                return await behavior(request, context)
            except errors.DomainError as exc:
                log.info("refused: %s", exc)
                await context.abort_with_status(rpc_status.to_status(to_status(exc, self._domain)))
            except grpc.aio.AbortError:
                raise
            except Exception:
                log.exception("unexpected error")
                await context.abort(grpc.StatusCode.INTERNAL, "internal error")
            finally:
                if caller_token is not None:
                    auth.reset_caller(caller_token)
                logs.unbind(log_token)
        return call


@dataclass
class RunningServer:
    server: grpc.aio.Server
    health: health.aio.HealthServicer
    port: int
    grace: float

    async def stop(self) -> None:
        """Health NOT_SERVING first, so balancers stop sending; then drain and stop."""
        await self.health.enter_graceful_shutdown()
        await self.server.stop(self.grace)


async def start_server(*, services: list[tuple], host: str, port: int,
                       interceptor: ServiceInterceptor, grace: float = 5.0,
                       max_message_bytes: int = 4 * 1024 * 1024) -> RunningServer:
    """`services` holds (add_XServicer_to_server, servicer, full service name) triples."""
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
    bound = server.add_insecure_port(f"{host}:{port}")
    if bound == 0:
        raise RuntimeError(f"could not bind {host}:{port}")
    await server.start()
    for name in ["", *names]:
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    return RunningServer(server, health_servicer, bound, grace)
