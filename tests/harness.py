"""The whole system in one process for tests: each service with its own database, all
on one real NATS server, gRPC on real sockets (port 0), HTTP on a real socket."""

from pathlib import Path

import grpc
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from anbao.accreditation.v1 import accreditation_pb2_grpc
from anbao.certificates.v1 import certificates_pb2_grpc
from anbao.registry.v1 import registry_pb2_grpc
from anbaoctl.demo import eventually  # noqa: F401 - the tests' one polling helper
from servicekit import auth, fieldcrypto
from services.accreditation.bootstrap import build as build_accreditation
from services.accreditation.config import AccreditationSettings
from services.certificates.bootstrap import build as build_certificates
from services.certificates.config import CertificatesSettings
from services.registry.bootstrap import build as build_registry
from services.registry.config import RegistrySettings

SERVICES = ("registry", "accreditation", "certificates")


def token_keys() -> tuple[auth.TokenIssuer, auth.TokenVerifier]:
    key = Ed25519PrivateKey.generate()
    return auth.TokenIssuer(key), auth.TokenVerifier(key.public_key())


def database_urls(backend: str, tmp_path: Path, postgres_url: str, tag: str) -> dict[str, str]:
    if backend == "sqlite":
        return {s: f"sqlite:///{tmp_path}/{s}.db" for s in SERVICES}
    import psycopg

    base = postgres_url.rsplit("/", 1)[0]
    urls = {}
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        for s in SERVICES:
            name = f"anbao_t_{tag}_{s}"
            conn.execute(f'CREATE DATABASE "{name}"')
            urls[s] = f"{base}/{name}"
    return urls


def drop_databases(postgres_url: str, urls: dict[str, str]) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        for url in urls.values():
            conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


class System:
    def __init__(self, nats_server, db_urls: dict[str, str], keys):
        self.nats, self.db_urls = nats_server, db_urls
        self.issuer, self.verifier = keys
        common = {"nats_url": nats_server.url, "grpc_port": 0, "grace_seconds": 0.5}
        self.registry = build_registry(RegistrySettings(
            database_url=db_urls["registry"], field_key=fieldcrypto.new_key(),
            blind_index_key=fieldcrypto.new_key(), **common), self.verifier)
        self._accreditation_settings = dict(database_url=db_urls["accreditation"], **common)
        self.certificates = build_certificates(CertificatesSettings(
            database_url=db_urls["certificates"], key_encryption_key=fieldcrypto.new_key(),
            http_port=0, **common), self.verifier)
        self.accreditation = None
        self.channels: list[grpc.aio.Channel] = []

    async def start(self) -> None:
        await self.registry.start()
        self.accreditation = build_accreditation(AccreditationSettings(
            registry_address=f"127.0.0.1:{self.registry.port}",
            registry_token=self.issuer.mint("accreditation", "service", ttl_seconds=86400),
            **self._accreditation_settings), self.verifier)
        await self.accreditation.start()
        await self.certificates.start()

    async def stop(self) -> None:
        for channel in self.channels:
            await channel.close()
        for runtime in (self.certificates, self.accreditation, self.registry):
            if runtime is not None:
                await runtime.stop()

    def runtimes(self):
        return {"registry": self.registry, "accreditation": self.accreditation,
                "certificates": self.certificates}

    def channel(self, service: str) -> grpc.aio.Channel:
        channel = grpc.aio.insecure_channel(f"127.0.0.1:{self.runtimes()[service].port}")
        self.channels.append(channel)
        return channel

    def stubs(self, role: str = "province_admin", scope: str = ""):
        """Stubs for the three services plus call metadata for a token of `role`."""
        token = self.issuer.mint(f"test-{role}", role, scope)
        return Stubs(registry_pb2_grpc.RegistryServiceStub(self.channel("registry")),
                     accreditation_pb2_grpc.AccreditationServiceStub(self.channel("accreditation")),
                     certificates_pb2_grpc.CertificatesServiceStub(self.channel("certificates")),
                     (("authorization", f"Bearer {token}"),))

    @property
    def http_base(self) -> str:
        return f"http://127.0.0.1:{self.certificates.http_port}"


class Stubs:
    def __init__(self, registry, accreditation, certificates, metadata):
        self.registry, self.accreditation, self.certificates = registry, accreditation, certificates
        self.metadata = metadata


def error_details(exc: grpc.aio.AioRpcError) -> tuple[dict[str, str], str]:
    """(field → description from BadRequest, ErrorInfo.reason) of a failed call."""
    from google.rpc import error_details_pb2
    from grpc_status import rpc_status

    status = rpc_status.from_call(exc)
    violations, reason = {}, ""
    for detail in status.details if status else []:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            violations.update({v.field: v.description for v in bad.field_violations})
        elif detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reason = info.reason
    return violations, reason
