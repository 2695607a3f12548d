"""The composition root of accreditation."""

from anbao.accreditation.v1 import events_pb2
from servicekit import auth
from servicekit.runtime import ServiceRuntime, ServiceSpec

from . import api
from .adapters.orm import metadata
from .adapters.registry_client import RegistryClient
from .config import AccreditationSettings


def build(settings: AccreditationSettings, verifier: auth.TokenVerifier) -> ServiceRuntime:
    people = RegistryClient(settings.registry_address, settings.registry_token,
                            settings.registry_deadline_seconds)

    async def close_client(_runtime):
        async def stop():
            people.close()
        return stop

    spec = ServiceSpec(
        name="accreditation", metadata=metadata, policy=api.POLICY,
        publishes=[events_pb2],
        servicers=lambda uow: api.servicers(uow, people, settings),
        extras=[close_client])
    return ServiceRuntime(spec, settings, verifier)
