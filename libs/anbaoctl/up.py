"""`anbao up`: NATS with JetStream, the services of the manifest and the public lookup on
this machine, SQLite files under ./data; Ctrl-C stops everything cleanly (services first,
the broker last), and a killed `anbao up` takes its children with it."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from servicekit import lifetime, tokens
from services import manifest

from . import leftovers, secrets
from .natsserver import NatsServer, write_config
from .ports import Ports


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
                        issuer) -> dict[str, str]:
    """Every service's settings as environment variables, from the manifest. On the bus:
    NKey authentication and signed events, always; no TLS, since all of it listens on
    loopback only (see `anbao certs` for the production profile)."""
    bus = secrets.bus_settings(data_dir, keys)
    common = {"nats_url": f"nats://127.0.0.1:{ports.nats}",
              "token_public_key_file": data_dir / "secrets" / "token_public.pem",
              "token_revocation_file": secrets.revocation_file(data_dir)}
    env = dict(keys)
    for service in manifest.SERVICES:
        values = {**common, "database_url": f"sqlite:///{data_dir / service.name}.db",
                  "grpc_port": ports.grpc[service.name],
                  "metrics_port": ports.grpc[service.name] + manifest.METRICS_PORT_OFFSET}
        if service.name in ports.http:
            values["http_port"] = ports.http[service.name]
        values.update(bus[service.name])
        values.update(service.wiring(
            lambda callee: f"127.0.0.1:{ports.grpc[callee]}",
            lambda subject: issuer.mint(subject, "service", ttl_seconds=tokens.MAX_TTL["service"])))
        env.update({service.env(name): json.dumps(value) if isinstance(value, dict)
                    else str(value) for name, value in values.items()})
    return env


def run(data_dir: Path, ports: Ports, say=print) -> int:
    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    pid_file = leftovers.claim(data_dir)
    try:
        leftovers.check_ports(ports.named())
        return _run(data_dir, ports, say)
    finally:
        leftovers.release(pid_file)


def _run(data_dir: Path, ports: Ports, say) -> int:
    keys = secrets.ensure(data_dir)
    env = {**os.environ, **service_environment(data_dir, ports, keys, secrets.issuer(data_dir))}
    children: list[tuple[str, subprocess.Popen]] = []
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    config = write_config(data_dir, data_dir / "nats")
    nats = NatsServer(data_dir / "nats", config, port=ports.nats, die_with_parent=True).start()
    try:
        for service in manifest.SERVICES:
            port = ports.grpc[service.name]
            # in our process group, so Ctrl-C reaches them first; and ended if we die
            child = subprocess.Popen([sys.executable, "-m", service.package],
                                     env={**env, lifetime.ENV: str(os.getpid())})
            children.append((service.name, child))
            if not _wait_serving(port, child):
                say(f"{service.name} did not start on port {port} (see its log above; is the "
                    f"port taken? `anbao up --help` shows how to move it)")
                return 1
        say("")
        say("anbao is up:")
        for name, port in ports.grpc.items():
            say(f"  {name:<15}grpc  127.0.0.1:{port}")
        for name, port in ports.http.items():
            say(f"  {name:<15}http  http://127.0.0.1:{port}")
        if "certificates" in ports.http:
            say(f"  public lookup  http://127.0.0.1:{ports.http['certificates']}/  (the page; "
                "JSON at /api/v1/certificates/{number}?name=…)")
        say(f"  NATS JetStream       {nats.url}  (store {nats.store_dir}; NKey users, "
            f"signed events; admin seed {secrets.credentials_file(data_dir, 'admin')})")
        say(f"  data                 {data_dir}  (pid {os.getpid()} in {leftovers.PID_FILE})")
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
