"""Every server: health SERVING, reflection listing its service, graceful shutdown."""

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from services import manifest


async def test_reflection_lists_every_manifest_service_and_health_reports_serving(system):
    assert set(system.runtimes()) == set(manifest.NAMES)
    for entry in manifest.SERVICES:
        full_name = entry.full_name
        channel = system.channel(entry.name)
        stub = reflection_pb2_grpc.ServerReflectionStub(channel)
        responses = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(
            list_services="")]))
        listed = set()
        async for response in responses:
            listed |= {s.name for s in response.list_services_response.service}
        assert full_name in listed and "grpc.health.v1.Health" in listed
        health = health_pb2_grpc.HealthStub(channel)
        for name in ("", full_name):  # health needs no token
            answer = await health.Check(health_pb2.HealthCheckRequest(service=name))
            assert answer.status == health_pb2.HealthCheckResponse.SERVING


async def test_shutdown_reports_not_serving_before_stopping(system):
    runtime = system.registry
    await runtime.server.health.enter_graceful_shutdown()
    channel = system.channel("registry")
    answer = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
    assert answer.status == health_pb2.HealthCheckResponse.NOT_SERVING


async def test_public_lookup_needs_no_token_but_other_calls_do(system):
    from anbao.certificates.v1 import certificates_pb2 as cert

    stubs = system.stubs()
    keys = await stubs.certificates.ListVerificationKeys(cert.ListVerificationKeysRequest())
    assert keys.keys and keys.keys[0].public_key_multibase.startswith("z6Mk")
    try:
        await stubs.certificates.LookupCertificate(cert.LookupCertificateRequest(
            number="S000022000123263000001", holder_name="张伟"))
    except grpc.aio.AioRpcError as exc:
        assert exc.code() == grpc.StatusCode.NOT_FOUND
    try:
        await stubs.certificates.ListCertificates(cert.ListCertificatesRequest())
    except grpc.aio.AioRpcError as exc:
        assert exc.code() == grpc.StatusCode.UNAUTHENTICATED
    else:
        raise AssertionError("ListCertificates without a token must be refused")
