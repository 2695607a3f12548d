"""`anbao up`: NATS with JetStream, the three services and the public lookup on this
machine, SQLite files under ./data; Ctrl-C stops everything cleanly."""

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from . import secrets
from .natsserver import NatsServer


@dataclass
class Ports:
    registry: int = 50051
    accreditation: int = 50052
    certificates: int = 50053
    http: int = 8080
    nats: int = 4223


def _wait_serving(port: int, child: subprocess.Popen, timeout: float = 60.0) -> bool:
    """Health SERVING on `port`; False as soon as the child exits (a port in use, say)."""
    deadline = time.monotonic() + timeout
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        while time.monotonic() < deadline and child.poll() is None:
            try:
                if stub.Check(health_pb2.HealthCheckRequest(), timeout=1).status == \
                        health_pb2.HealthCheckResponse.SERVING:
                    return True
            except grpc.RpcError:
                pass
            time.sleep(0.2)
    return False


def service_environment(data_dir: Path, ports: Ports, keys: dict[str, str],
                        registry_token: str) -> dict[str, str]:
    nats_url = f"nats://127.0.0.1:{ports.nats}"
    public_key = data_dir / "secrets" / "token_public.pem"
    env = dict(keys)
    for name, port in (("REGISTRY", ports.registry), ("ACCREDITATION", ports.accreditation),
                       ("CERTIFICATES", ports.certificates)):
        env[f"ANBAO_{name}_DATABASE_URL"] = f"sqlite:///{data_dir / name.lower()}.db"
        env[f"ANBAO_{name}_NATS_URL"] = nats_url
        env[f"ANBAO_{name}_GRPC_PORT"] = str(port)
        env[f"ANBAO_{name}_TOKEN_PUBLIC_KEY_FILE"] = str(public_key)
    env["ANBAO_ACCREDITATION_REGISTRY_ADDRESS"] = f"127.0.0.1:{ports.registry}"
    env["ANBAO_ACCREDITATION_REGISTRY_TOKEN"] = registry_token
    env["ANBAO_CERTIFICATES_HTTP_PORT"] = str(ports.http)
    return env


def run(data_dir: Path, ports: Ports, say=print) -> int:
    data_dir = data_dir.resolve()
    keys = secrets.ensure(data_dir)
    token = secrets.issuer(data_dir).mint("accreditation", "service", ttl_seconds=365 * 86400)
    nats = NatsServer(data_dir / "nats", port=ports.nats).start()
    env = {**os.environ, **service_environment(data_dir, ports, keys, token)}
    children: list[tuple[str, subprocess.Popen]] = []
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        for name, port in (("registry", ports.registry), ("accreditation", ports.accreditation),
                           ("certificates", ports.certificates)):
            child = subprocess.Popen([sys.executable, "-m", f"services.{name}"], env=env)
            children.append((name, child))
            if not _wait_serving(port, child):
                say(f"{name} did not start on port {port} (see its log above; is the port "
                    f"taken? `anbao up --help` shows how to move it)")
                return 1
        say("")
        say("anbao is up:")
        say(f"  registry       grpc  127.0.0.1:{ports.registry}")
        say(f"  accreditation  grpc  127.0.0.1:{ports.accreditation}")
        say(f"  certificates   grpc  127.0.0.1:{ports.certificates}")
        say(f"  public lookup  http  http://127.0.0.1:{ports.http}/api/v1/certificates/{{number}}?name=…")
        say(f"  NATS JetStream       {nats.url}  (store {nats.store_dir})")
        say(f"  data                 {data_dir}")
        say("Try `.venv/bin/anbao demo` in another terminal. Ctrl-C stops everything.")
        while not stopping:
            for name, child in children:
                if child.poll() is not None:
                    say(f"{name} exited with {child.returncode}; stopping")
                    return 1
            time.sleep(0.2)
        return 0
    finally:
        for _name, child in reversed(children):
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for _name, child in reversed(children):
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        nats.stop()
        say("anbao stopped.")
