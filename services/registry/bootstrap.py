"""The composition root of registry."""

from anbao.registry.v1 import events_pb2
from servicekit import auth
from servicekit.fieldcrypto import BlindIndex, FieldCipher
from servicekit.runtime import ServiceRuntime, ServiceSpec

from . import api, consumers
from .adapters.orm import metadata
from .config import RegistrySettings
from .handlers import Protector


def build(settings: RegistrySettings, verifier: auth.TokenVerifier) -> ServiceRuntime:
    protector = Protector(FieldCipher({1: settings.field_key}, current=1),
                          BlindIndex(settings.blind_index_key))
    spec = ServiceSpec(
        name="registry", metadata=metadata, policy=api.POLICY,
        publishes=[events_pb2],
        servicers=lambda uow: api.servicers(uow, protector),
        subscriptions=consumers.SUBSCRIPTIONS)
    return ServiceRuntime(spec, settings, verifier)
