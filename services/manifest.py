"""The one list of the services: what each is called, where its code and protos live,
its default ports, its settings and composition root, the events it publishes and
consumes, the keys it needs and the services it calls.

Everything that runs or addresses "all the services" reads this list: `anbao up`,
`demo`, `call` and `token`, the embedded deployment's secrets, the test harness and the
server-convention tests. Adding a service is a folder under `services/`, its protos, and
one entry here.

It lives in `services/` rather than `servicekit`, because `servicekit` is the runtime every
service shares and knows no particular service; the CLI and the tests already depend on
`services`. Code and protos are named by import path and loaded on first use, so reading
the list (for `anbao call`, say) imports no service's code.
"""

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Callable


@dataclass(frozen=True)
class Service:
    name: str
    # the proto module holding the service and its `Service` name in it
    proto: str
    proto_service: str
    grpc_port: int
    # "module:attribute" of the pydantic-settings class and of `build(settings, verifier)`
    settings: str
    build: str
    http_port: int | None = None
    # events_pb2 modules: its own stream(s), and those whose events it applies
    publishes: tuple[str, ...] = ()
    consumes: tuple[str, ...] = ()
    # settings fields holding a generated 32-byte key (base64)
    secrets: tuple[str, ...] = ()
    # services it calls: its settings have `<name>_address` and `<name>_token` (a `service`
    # token with this service's name as subject)
    calls: tuple[str, ...] = ()

    @property
    def package(self) -> str:
        """The Python package; `python -m <package>` runs the service."""
        return f"services.{self.name}"

    @property
    def proto_module(self) -> ModuleType:
        return importlib.import_module(self.proto)

    @property
    def proto_package(self) -> str:
        return self.proto_module.DESCRIPTOR.package

    @property
    def full_name(self) -> str:
        """The gRPC service's full name, as reflection and health know it."""
        return f"{self.proto_package}.{self.proto_service}"

    def stub(self, channel) -> Any:
        grpc_module = importlib.import_module(self.proto.removesuffix("_pb2") + "_pb2_grpc")
        return getattr(grpc_module, f"{self.proto_service}Stub")(channel)

    def settings_class(self) -> type:
        return _resolve(self.settings)

    def build_function(self) -> Callable:
        return _resolve(self.build)

    def env(self, setting: str) -> str:
        """The environment variable of one of its settings (`ANBAO_REGISTRY_GRPC_PORT`)."""
        return self.settings_class().model_config["env_prefix"] + setting.upper()

    def wiring(self, address_of: Callable[[str], str],
               mint_service_token: Callable[[str], str]) -> dict[str, str]:
        """The settings that point it at the services it calls: each callee's address, and
        a `service` token minted for this service's name."""
        if not self.calls:
            return {}
        token = mint_service_token(self.name)
        values = {}
        for callee in self.calls:
            values[f"{callee}_address"] = address_of(callee)
            values[f"{callee}_token"] = token
        return values


# Beside each service's gRPC port: its Prometheus metrics (`anbao up`, deploy/) and, in
# deploy/, the plaintext health-only port its probes ask
METRICS_PORT_OFFSET = 2000
HEALTH_PORT_OFFSET = 1000


def _resolve(path: str) -> Any:
    module, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module), attribute)


# In start order: a service comes after the services it calls.
SERVICES: tuple[Service, ...] = (
    Service(
        name="registry",
        proto="anbao.registry.v1.registry_pb2", proto_service="RegistryService",
        grpc_port=50051,
        settings="services.registry.config:RegistrySettings",
        build="services.registry.bootstrap:build",
        publishes=("anbao.registry.v1.events_pb2",),
        # certificates into the talent pool (POOL-1, POOL-2); training records and the
        # subsidies paid (POOL-1, POOL-3, POOL-4)
        consumes=("anbao.certificates.v1.events_pb2", "anbao.training.v1.events_pb2"),
        secrets=("field_key", "blind_index_key", "audit_key")),
    Service(
        name="accreditation",
        proto="anbao.accreditation.v1.accreditation_pb2", proto_service="AccreditationService",
        grpc_port=50052,
        settings="services.accreditation.config:AccreditationSettings",
        build="services.accreditation.bootstrap:build",
        publishes=("anbao.accreditation.v1.events_pb2",),
        # held certificates (ASMT-5); fraud found in a training class (INST-7)
        consumes=("anbao.certificates.v1.events_pb2", "anbao.training.v1.events_pb2"),
        secrets=("audit_key",),
        calls=("registry",)),
    Service(
        name="certificates",
        proto="anbao.certificates.v1.certificates_pb2", proto_service="CertificatesService",
        grpc_port=50053, http_port=8080,
        settings="services.certificates.config:CertificatesSettings",
        build="services.certificates.bootstrap:build",
        publishes=("anbao.certificates.v1.events_pb2",),
        # passers (CERT-1) and institutions' standing; completed classes (CERT-2)
        consumes=("anbao.accreditation.v1.events_pb2", "anbao.training.v1.events_pb2"),
        secrets=("key_encryption_key", "audit_key")),
    Service(
        name="training",
        proto="anbao.training.v1.training_pb2", proto_service="TrainingService",
        grpc_port=50054,
        settings="services.training.config:TrainingSettings",
        build="services.training.bootstrap:build",
        publishes=("anbao.training.v1.events_pb2",),
        # teachers' qualification and institutions' standing (INST-4, INST-7); the
        # completion certificates issued for its classes (CERT-2, for the roster)
        consumes=("anbao.accreditation.v1.events_pb2", "anbao.certificates.v1.events_pb2"),
        secrets=("audit_key",),
        # registry: trainees exist, and their data for the roster; accreditation: the
        # institution a class belongs to
        calls=("registry", "accreditation")),
)

BY_NAME: dict[str, Service] = {s.name: s for s in SERVICES}
NAMES: tuple[str, ...] = tuple(BY_NAME)


def get(name: str) -> Service:
    """The service called `name`; ValueError naming the known ones otherwise."""
    if name not in BY_NAME:
        raise ValueError(f"unknown service {name!r}; one of {', '.join(NAMES)}")
    return BY_NAME[name]
