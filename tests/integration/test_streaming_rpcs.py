"""Streaming RPCs of every kind pass the same interceptor as unary ones: default-deny
auth, domain errors mapped to their status (also mid-stream), undecodable requests
refused. A test-only service on a real server, with well-known message types."""

import grpc
import pytest
from google.protobuf import wrappers_pb2

from servicekit import auth
from servicekit.errors import FailedPrecondition, NotFound
from servicekit.grpcserver import ServiceInterceptor, start_server
from tests.harness import error_details, token_keys

SERVICE = "anbao.probe.v1.ProbeService"
POLICY = {m: {"auditor": auth.Reach.ANY} for m in ("Watch", "Upload", "Chat", "WatchAsWriter")}
Text = wrappers_pb2.StringValue


async def watch(request, context):
    """Echoes the request three times; 'fail' stops after one with a rule's refusal."""
    for i in range(3):
        if request.value == "fail" and i == 1:
            raise FailedPrecondition("PROBE_1_STOP", "stopped mid-stream")
        yield Text(value=f"{request.value}-{i}-{auth.current_caller().subject}")


async def watch_as_writer(request, context):
    await context.write(Text(value=request.value))
    raise NotFound(f"probes/{request.value} does not exist")


async def upload(requests, context):
    return Text(value="+".join([r.value async for r in requests]))


async def chat(requests, context):
    async for r in requests:
        if r.value == "missing":
            raise NotFound("probes/missing does not exist")
        yield Text(value=r.value.upper())


def add_probe(_servicer, server):
    kw = dict(request_deserializer=Text.FromString, response_serializer=Text.SerializeToString)
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE, {
        "Watch": grpc.unary_stream_rpc_method_handler(watch, **kw),
        "WatchAsWriter": grpc.unary_stream_rpc_method_handler(watch_as_writer, **kw),
        "Secret": grpc.unary_stream_rpc_method_handler(watch, **kw),  # not in the policy
        "Upload": grpc.stream_unary_rpc_method_handler(upload, **kw),
        "Chat": grpc.stream_stream_rpc_method_handler(chat, **kw),
    }),))


@pytest.fixture
async def probe():
    issuer, verifier = token_keys()
    running = await start_server(services=[(add_probe, None, SERVICE)], host="127.0.0.1",
                                 port=0, interceptor=ServiceInterceptor(POLICY, verifier, "probe"),
                                 grace=0.1)
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{running.port}")
    token = issuer.mint("alice", "auditor")
    yield channel, (("authorization", f"Bearer {token}"),), issuer
    await channel.close()
    await running.stop()


def method(channel, kind: str, name: str, raw: bool = False):
    serializer = None if raw else Text.SerializeToString
    return getattr(channel, kind)(f"/{SERVICE}/{name}", request_serializer=serializer,
                                  response_deserializer=Text.FromString)


async def codes_of(call) -> grpc.StatusCode:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        async for _ in call:
            pass
    return refused.value.code()


async def test_a_streaming_method_not_in_the_policy_is_denied_even_with_a_token(probe):
    channel, metadata, issuer = probe
    secret = method(channel, "unary_stream", "Secret")
    assert await codes_of(secret(Text(value="x"))) == grpc.StatusCode.UNAUTHENTICATED
    assert await codes_of(secret(Text(value="x"), metadata=metadata)) == \
        grpc.StatusCode.PERMISSION_DENIED
    watch_ = method(channel, "unary_stream", "Watch")
    assert await codes_of(watch_(Text(value="x"))) == grpc.StatusCode.UNAUTHENTICATED
    admin = (("authorization", f"Bearer {issuer.mint('bob', 'province_admin')}"),)
    assert await codes_of(watch_(Text(value="x"), metadata=admin)) == \
        grpc.StatusCode.PERMISSION_DENIED


async def test_every_streaming_kind_works_for_an_allowed_caller(probe):
    channel, metadata, _ = probe
    answers = [r.value async for r in method(channel, "unary_stream", "Watch")(
        Text(value="w"), metadata=metadata)]
    assert answers == ["w-0-alice", "w-1-alice", "w-2-alice"]  # the caller is bound
    uploaded = await method(channel, "stream_unary", "Upload")(
        iter([Text(value="a"), Text(value="b")]), metadata=metadata)
    assert uploaded.value == "a+b"
    chatted = [r.value async for r in method(channel, "stream_stream", "Chat")(
        iter([Text(value="a"), Text(value="b")]), metadata=metadata)]
    assert chatted == ["A", "B"]
    assert await codes_of(method(channel, "stream_stream", "Chat")(
        iter([Text(value="a")]))) == grpc.StatusCode.UNAUTHENTICATED


async def test_a_domain_error_mid_stream_maps_to_its_status(probe):
    channel, metadata, _ = probe
    received = []
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        async for r in method(channel, "unary_stream", "Watch")(Text(value="fail"),
                                                                metadata=metadata):
            received.append(r.value)
    assert received == ["fail-0-alice"]
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_details(refused.value)[1] == "PROBE_1_STOP"
    assert await codes_of(method(channel, "unary_stream", "WatchAsWriter")(
        Text(value="p"), metadata=metadata)) == grpc.StatusCode.NOT_FOUND
    assert await codes_of(method(channel, "stream_stream", "Chat")(
        iter([Text(value="a"), Text(value="missing")]), metadata=metadata)) == \
        grpc.StatusCode.NOT_FOUND


async def test_an_undecodable_message_in_a_request_stream_is_invalid_argument(probe):
    channel, metadata, _ = probe
    upload_ = method(channel, "stream_unary", "Upload", raw=True)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await upload_(iter([Text(value="a").SerializeToString(), b"\x0a\x05ab"]),
                      metadata=metadata)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "body" in error_details(refused.value)[0]
