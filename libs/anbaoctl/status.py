"""`anbao status`: each service's (each replica's) health, outbox backlog, consumer lag and
dead letters, from its gRPC health service and its `/metrics`."""

import urllib.request
from dataclasses import dataclass

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from prometheus_client.parser import text_string_to_metric_families

from services import manifest


@dataclass
class Status:
    name: str            # registry, or registry[1] for a replica
    address: str
    health: str          # SERVING, NOT_SERVING, or why it could not be asked
    backlog: int | None = None
    pending: int | None = None      # events not yet received, over its consumers
    ack_pending: int | None = None  # received, not yet acknowledged
    dead_letters: int | None = None
    rpcs: int | None = None

    @property
    def healthy(self) -> bool:
        return self.health == "SERVING" and not self.backlog and not self.pending


def health(address: str, timeout: float = 2.0) -> str:
    try:
        with grpc.insecure_channel(address) as channel:
            answer = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(), timeout=timeout)
        return health_pb2.HealthCheckResponse.ServingStatus.Name(answer.status)
    except grpc.RpcError as exc:
        return f"unreachable ({exc.code().name})"


def metrics(url: str, timeout: float = 2.0) -> dict[str, float] | None:
    """metric sample name → its sum over every label."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            text = response.read().decode()
    except OSError:
        return None
    sums: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            sums[sample.name] = sums.get(sample.name, 0.0) + sample.value
    return sums


def one(name: str, host: str, grpc_port: int, metrics_port: int) -> Status:
    status = Status(name, f"{host}:{grpc_port}", health(f"{host}:{grpc_port}"))
    found = metrics(f"http://{host}:{metrics_port}/metrics")
    if found is not None:
        status.backlog = int(found.get("anbao_outbox_backlog", 0))
        status.pending = int(found.get("anbao_consumer_pending", 0))
        status.ack_pending = int(found.get("anbao_consumer_ack_pending", 0))
        status.dead_letters = int(found.get("anbao_dead_letters_total", 0))
        status.rpcs = int(found.get("anbao_rpc_requests_total", 0))
    return status


def gather(targets: list[tuple[str, int, int]], host: str = "127.0.0.1") -> list[Status]:
    """`targets`: (name, gRPC port, metrics port) of each service or replica."""
    return [one(name, host, grpc_port, metrics_port)
            for name, grpc_port, metrics_port in targets]


def targets_of(grpc_ports: dict[str, int]) -> list[tuple[str, int, int]]:
    """Where `anbao up` and `anbao cluster up` put metrics: beside each gRPC port."""
    return [(name, port, port + manifest.METRICS_PORT_OFFSET)
            for name, port in grpc_ports.items()]
