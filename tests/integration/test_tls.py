"""The production profile: TLS on NATS and mTLS on gRPC with the certificates `anbao certs`
makes. A client without a certificate the CA signed is refused by both; with one, the
whole flow (accreditation calling registry, events over NATS) works."""

import ssl

import grpc
import nats
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from typer.testing import CliRunner

from anbaoctl.main import app
from servicekit import natsauth
from tests.harness import Bus, System, eventually, start_nats, tls_settings
from tests.reliability.test_consumer_faults import issue_one
from tests.reliability.test_exactly_once import _count_is, _pool_is


@pytest.fixture
async def tls_system(db_urls, keys, tmp_path):
    tls_dir = tmp_path / "certs"
    server = start_nats(tmp_path, tls_dir)
    running = System(server, db_urls, keys, Bus(tmp_path, tls_dir))
    try:
        await running.start()
        yield running
    finally:
        await running.stop()
        server.stop()


def test_anbao_certs_makes_a_ca_and_a_private_key_per_identity(tmp_path):
    result = CliRunner().invoke(app, ["certs", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    made = {p.name for p in (tmp_path / "certs").iterdir()}
    for identity in ("ca", "registry", "accreditation", "certificates", "nats", "admin"):
        assert {f"{identity}.pem", f"{identity}.key"} <= made
        assert (tmp_path / "certs" / f"{identity}.key").stat().st_mode & 0o777 == 0o600
    ca = (tmp_path / "certs" / "ca.pem").read_bytes()
    again = CliRunner().invoke(app, ["certs", "--data", str(tmp_path)])
    assert again.exit_code == 0 and (tmp_path / "certs" / "ca.pem").read_bytes() == ca


async def test_the_flow_runs_over_mtls_and_nats_tls(tls_system, backend):
    stubs = await issue_one(tls_system)  # accreditation asks registry over mTLS
    await eventually(lambda: _count_is(stubs, 1))
    await eventually(lambda: _pool_is(stubs, 1))


async def _health(channel) -> str:
    answer = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(),
                                                             timeout=3)
    return health_pb2.HealthCheckResponse.ServingStatus.Name(answer.status)


async def test_grpc_refuses_a_caller_without_a_client_certificate(tls_system, backend):
    address = f"127.0.0.1:{tls_system.registry.port}"
    ca = tls_settings(tls_system.tls_dir, "admin")["tls_ca_file"].read_bytes()
    for credentials in (None, grpc.ssl_channel_credentials(ca)):  # plain; TLS, no client cert
        async with (grpc.aio.secure_channel(address, credentials) if credentials
                    else grpc.aio.insecure_channel(address)) as channel:
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                await _health(channel)
            assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
    assert await _health(tls_system.channel("registry")) == "SERVING"  # with a certificate


async def test_the_health_port_answers_probes_in_plaintext_and_serves_nothing_else(
        tls_system, backend):
    from anbao.registry.v1 import registry_pb2, registry_pb2_grpc

    running = tls_system.registry.server
    assert running.health_port not in (0, running.port)
    async with grpc.aio.insecure_channel(f"127.0.0.1:{running.health_port}") as channel:
        assert await _health(channel) == "SERVING"  # what a Kubernetes gRPC probe asks
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await registry_pb2_grpc.RegistryServiceStub(channel).GetPerson(
                registry_pb2.GetPersonRequest(name="persons/1"), timeout=3)
        assert refused.value.code() == grpc.StatusCode.UNIMPLEMENTED


async def test_nats_refuses_a_client_without_a_certificate(tls_system, backend):
    tls = tls_settings(tls_system.tls_dir, "admin")
    seed = tls_system.bus.credentials("admin")
    without_certificate = ssl.create_default_context(cafile=str(tls["nats_tls_ca_file"]))
    for options in ({}, {"tls": without_certificate}):
        with pytest.raises((nats.errors.Error, OSError)):
            await nats.connect(tls_system.nats.url, allow_reconnect=False, connect_timeout=2,
                               nkeys_seed=str(seed), **options)
    nc = await tls_system.bus.connect(tls_system.nats.url)  # its certificate and its NKey
    assert nc.is_connected
    await nc.close()
    # and the certificate alone is not enough: NKey authentication still applies
    with pytest.raises(nats.errors.Error, match="[Aa]uthorization"):
        await nats.connect(tls_system.nats.url, allow_reconnect=False, connect_timeout=2,
                           **natsauth.connect_options("admin", None, tls["nats_tls_ca_file"],
                                                      tls["nats_tls_cert_file"],
                                                      tls["nats_tls_key_file"]))
