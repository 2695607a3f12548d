"""The whole system in one process for tests: each service of the manifest with its own
database, all on one real NATS server, gRPC on real sockets (port 0), HTTP on a real
socket. `system.<service>` is a service's runtime and `stubs.<service>` its stub.

The bus is secured as `anbao up` secures it, from the same code: the server runs with
the generated NKey users and permissions, and the services sign and verify events; a
test reaches the bus through `system.bus` (as `admin` unless it says otherwise)."""

from pathlib import Path

import grpc
import nats
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from anbaoctl.demo import eventually  # noqa: F401 - the tests' one polling helper
from anbaoctl import certs, secrets
from anbaoctl.natsserver import NatsServer, write_config
from servicekit import eventsigning, fieldcrypto, natsauth, tokens
from services import manifest

SERVICES = manifest.NAMES


def token_keys(audience: str = "test") -> tuple[tokens.TokenIssuer, tokens.TokenVerifier]:
    """An issuer whose tokens name every service (and `audience`), and a verifier for
    `audience`: what a test server outside the manifest checks."""
    key = Ed25519PrivateKey.generate()
    return (tokens.TokenIssuer(key, audience=[*SERVICES, audience]),
            tokens.TokenVerifier(key.public_key(), audience=audience))


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


def start_nats(data_dir: Path, tls_dir: Path | None = None) -> NatsServer:
    """A nats-server with the configuration `anbao up` writes, its secrets in `data_dir`;
    with TLS (client certificates required) when given `anbao certs`' directory."""
    store, tls = data_dir / "nats", None
    if tls_dir is not None:
        issued = certs.issue(tls_dir, "nats")
        tls = natsauth.ServerTLS(issued.cert_file, issued.key_file, issued.ca_file)
    return NatsServer(store, write_config(data_dir, store, tls), tls=tls is not None).start()


def tls_settings(tls_dir: Path | None, identity: str) -> dict[str, Path]:
    """The production profile's TLS settings of one identity (none without `tls_dir`)."""
    if tls_dir is None:
        return {}
    issued = certs.issue(tls_dir, identity)
    return {"tls_cert_file": issued.cert_file, "tls_key_file": issued.key_file,
            "tls_ca_file": issued.ca_file, "nats_tls_ca_file": issued.ca_file,
            "nats_tls_cert_file": issued.cert_file, "nats_tls_key_file": issued.key_file}


class Bus:
    """One test's bus secrets (as `anbao up` makes them): NKey seeds, event signing keys."""

    def __init__(self, data_dir: Path, tls_dir: Path | None = None):
        self.data_dir, self.tls_dir = data_dir, tls_dir
        self.keys = secrets.ensure(data_dir)
        self.settings = secrets.bus_settings(data_dir, self.keys)

    def signing_key(self, service: str) -> str:
        return self.keys[manifest.get(service).env(secrets.SIGNING_KEY)]

    def signer(self, service: str) -> eventsigning.Signer:
        return eventsigning.Signer(self.signing_key(service))

    def credentials(self, identity: str) -> Path:
        return secrets.credentials_file(self.data_dir, identity)

    async def connect(self, url: str, identity: str = natsauth.ADMIN, **options):
        async def quiet(exc):
            pass

        tls = tls_settings(self.tls_dir, identity)
        return await nats.connect(url, **{
            "allow_reconnect": False, "error_cb": quiet,
            **natsauth.connect_options(identity, self.credentials(identity),
                                       tls.get("nats_tls_ca_file"), tls.get("nats_tls_cert_file"),
                                       tls.get("nats_tls_key_file")),
            **options})


class System:
    def __init__(self, nats_server, db_urls: dict[str, str], keys, bus: Bus):
        self.nats, self.db_urls, self.bus = nats_server, db_urls, bus
        self.tls_dir = bus.tls_dir  # the production profile: mTLS on gRPC, TLS on NATS
        self.issuer = keys[0]
        self._runtimes = {}
        self.channels: list[grpc.aio.Channel] = []

    def settings(self, service: manifest.Service):
        """A service's settings: port 0, fresh keys, the addresses of the services it calls
        (started before it, in manifest order)."""
        values = {"database_url": self.db_urls[service.name], "nats_url": self.nats.url,
                  "grpc_port": 0, "grace_seconds": 0.5,
                  "event_ack_wait_seconds": 5,  # a crashed consumer's events come back soon
                  secrets.SIGNING_KEY: self.bus.signing_key(service.name),
                  **self.bus.settings[service.name], **tls_settings(self.tls_dir, service.name)}
        values.update({secret: fieldcrypto.new_key() for secret in service.secrets})
        if "media_dir" in service.settings_class().model_fields:  # files a service keeps
            values["media_dir"] = str(self.bus.data_dir / f"{service.name}-media")
        if service.http_port is not None:
            values["http_port"] = 0
        values.update(service.wiring(
            lambda callee: f"127.0.0.1:{self._runtimes[callee].port}",
            lambda subject: self.issuer.mint(subject, "service", ttl_seconds=86400)))
        return service.settings_class()(**values)

    async def start(self) -> None:
        for service in manifest.SERVICES:
            verifier = tokens.TokenVerifier(self.issuer.public_key, audience=service.name)
            runtime = service.build_function()(self.settings(service), verifier)
            self._runtimes[service.name] = runtime
            await runtime.start()

    async def stop(self) -> None:
        for channel in self.channels:
            await channel.close()
        for runtime in reversed(list(self._runtimes.values())):
            await runtime.stop()

    def __getattr__(self, name: str):
        if name in SERVICES:  # system.registry: that service's runtime
            return self._runtimes.get(name)
        raise AttributeError(name)

    def runtimes(self):
        return dict(self._runtimes)

    def channel(self, service: str) -> grpc.aio.Channel:
        address = f"127.0.0.1:{self._runtimes[service].port}"
        if self.tls_dir is None:
            channel = grpc.aio.insecure_channel(address)
        else:  # as the operator, with the admin certificate
            tls = tls_settings(self.tls_dir, natsauth.ADMIN)
            channel = grpc.aio.secure_channel(address, grpc.ssl_channel_credentials(
                tls["tls_ca_file"].read_bytes(), tls["tls_key_file"].read_bytes(),
                tls["tls_cert_file"].read_bytes()))
        self.channels.append(channel)
        return channel

    def stubs(self, role: str = "province_admin", scope: str = "", department: str = ""):
        """Stubs for every service plus call metadata for a token of `role` (an admin's
        acting for `department`, where one is named)."""
        token = self.issuer.mint(f"test-{role}" + (f"-{department}" if department else ""),
                                 role, scope, department=department)
        # INST-1: the departments an admin's stubs can also act for, jointly
        departments = {d: (("authorization", "Bearer " + self.issuer.mint(
            f"test-{role}-{d}", role, scope, department=d)),)
            for d in tokens.DEPARTMENTS} if role in tokens.ADMIN_ROLES else {}
        return Stubs({s.name: s.stub(self.channel(s.name)) for s in manifest.SERVICES},
                     (("authorization", f"Bearer {token}"),), departments)

    def http_bases(self) -> dict[str, str]:
        """service name → base URL, for the services that serve HTTP."""
        return {s.name: f"http://127.0.0.1:{self._runtimes[s.name].http_port}"
                for s in manifest.SERVICES if s.http_port is not None}

    @property
    def http_base(self) -> str:
        return self.http_bases()["certificates"]


class Stubs:
    def __init__(self, stubs: dict, metadata, departments: dict | None = None):
        self._stubs, self.metadata = stubs, metadata
        self.departments = departments or {}  # department → metadata of an admin acting for it

    def __getattr__(self, name: str):
        try:  # stubs.registry: that service's stub
            return self._stubs[name]
        except KeyError:
            raise AttributeError(name) from None


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
