"""The composition root of certificates."""

from datetime import timedelta

from anbao.certificates.v1 import events_pb2
from servicekit import auth
from servicekit.runtime import ServiceRuntime, ServiceSpec

from . import api, consumers, public_http
from .adapters.keyring import KeyRing
from .adapters.orm import metadata
from .config import CertificatesSettings


def build(settings: CertificatesSettings, verifier: auth.TokenVerifier) -> ServiceRuntime:
    keys = KeyRing(settings.key_encryption_key,
                   timedelta(days=settings.signing_key_validity_days))

    def load_keys(runtime: ServiceRuntime) -> None:
        with runtime.db.session() as session:
            keys.load(session)

    async def serve_http(runtime: ServiceRuntime):
        runner, runtime.http_port = await public_http.start(
            public_http.make_app(runtime.uow, keys), settings.http_host, settings.http_port)
        return runner.cleanup

    spec = ServiceSpec(
        name="certificates", metadata=metadata, policy=api.POLICY,
        publishes=[events_pb2],
        servicers=lambda uow: api.servicers(uow, keys),
        subscriptions=consumers.subscriptions(keys),
        prepare=load_keys, extras=[serve_http])
    return ServiceRuntime(spec, settings, verifier)
