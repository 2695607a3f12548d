"""`anbao cluster up`: the production shape on one machine. Three nats-server nodes on
loopback joined by routes (JetStream, streams on all three, `sync_interval: always`),
one PostgreSQL database per service, and N replicas of every service on ports of their
own; callers reach a service's replicas through one round-robin channel
(`grpcserver.round_robin_target`). The fault suite (`tests/chaos`) drives the same
`Cluster`: it kills and restarts nodes and replicas while passers are issued."""

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from servicekit import lifetime, migrations
from servicekit.grpcserver import round_robin_target
from services import manifest

from . import secrets
from .migrate import migratable
from .natsserver import NatsServer, server_config
from .ports import Ports
from .up import _wait_serving, service_environment

NODES = 3
CLUSTER_DATA = Path("./data/cluster")


@dataclass(frozen=True)
class Layout:
    """Where everything listens: replica r of a service at its manifest port + 100·r
    (+ `port_offset`, for a second cluster beside the first: the fault suite's)."""
    replicas: int = 2
    nats_base: int = 4231   # client ports 4231, 4232, 4233
    route_base: int = 6231  # cluster routes 6231, 6232, 6233
    port_offset: int = 0

    def grpc_port(self, service: manifest.Service, replica: int) -> int:
        return service.grpc_port + self.port_offset + 100 * replica

    def http_port(self, service: manifest.Service, replica: int) -> int | None:
        if service.http_port is None:
            return None
        return service.http_port + self.port_offset + replica

    def target(self, name: str, host: str = "127.0.0.1") -> str:
        service = manifest.get(name)
        return round_robin_target(
            [f"{host}:{self.grpc_port(service, r)}" for r in range(self.replicas)])

    @property
    def nats_urls(self) -> str:
        return ",".join(f"nats://127.0.0.1:{self.nats_base + i}" for i in range(NODES))

    def named(self) -> dict[str, int]:
        ports = {f"NATS node {i + 1}": self.nats_base + i for i in range(NODES)}
        ports.update({f"NATS route {i + 1}": self.route_base + i for i in range(NODES)})
        for service in manifest.SERVICES:
            for r in range(self.replicas):
                ports[f"{service.name}[{r}] gRPC"] = self.grpc_port(service, r)
                ports[f"{service.name}[{r}] metrics"] = (self.grpc_port(service, r)
                                                         + manifest.METRICS_PORT_OFFSET)
                if service.http_port is not None:
                    ports[f"{service.name}[{r}] HTTP"] = self.http_port(service, r)
        return ports


def database_urls(postgres_url: str, prefix: str = "anbao_cluster") -> dict[str, str]:
    url = make_url(postgres_url)
    return {s.name: url.set(database=f"{prefix}_{s.name}").render_as_string(hide_password=False)
            for s in manifest.SERVICES}


def create_databases(postgres_url: str, urls: dict[str, str], reset: bool) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        for url in urls.values():
            name = make_url(url).database
            if reset:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (name,)).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')


class Cluster:
    def __init__(self, data_dir: Path, postgres_url: str, layout: Layout = Layout(),
                 reset: bool = False, database_prefix: str = "anbao_cluster"):
        self.data_dir, self.layout = Path(data_dir).resolve(), layout
        self.postgres_url, self.reset = postgres_url, reset
        self.db_urls = database_urls(postgres_url, database_prefix)
        self.nodes: list[NatsServer] = []
        self.replicas: dict[tuple[str, int], subprocess.Popen] = {}
        self._env: dict[str, str] = {}

    # -- preparing -----------------------------------------------------------------------
    def prepare(self) -> None:
        """Secrets, the databases and their schema: once, before any replica starts (the
        replicas run with `migrate_on_start` off, as in production)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        keys = secrets.ensure(self.data_dir)
        create_databases(self.postgres_url, self.db_urls, self.reset)
        for name in migratable():
            migrations.upgrade(self.db_urls[name], migrations.script_location(name))
        first = Ports(grpc={s.name: self.layout.grpc_port(s, 0) for s in manifest.SERVICES},
                      http={s.name: self.layout.http_port(s, 0) for s in manifest.SERVICES
                            if s.http_port is not None}, nats=self.layout.nats_base)
        env = service_environment(self.data_dir, first, keys, secrets.issuer(self.data_dir))
        for service in manifest.SERVICES:
            env[service.env("nats_url")] = self.layout.nats_urls
            env[service.env("database_url")] = self.db_urls[service.name]
            env[service.env("migrate_on_start")] = "false"
            env[service.env("stream_replicas")] = str(NODES)
            for callee in service.calls:
                env[service.env(f"{callee}_address")] = self.layout.target(callee)
        self._env = env

    # -- the broker ----------------------------------------------------------------------
    def _node_config(self, i: int) -> Path:
        store = self.data_dir / f"nats-{i + 1}"
        config = json.loads(server_config(self.data_dir, store).text())
        config["server_name"] = f"nats-{i + 1}"
        config["jetstream"]["sync_interval"] = "always"
        config["cluster"] = {
            "name": "anbao", "listen": f"127.0.0.1:{self.layout.route_base + i}",
            "routes": [f"nats-route://127.0.0.1:{self.layout.route_base + j}"
                       for j in range(NODES) if j != i]}
        path = store / "nats.conf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(config, indent=2) + "\n")
        return path

    def start_node(self, i: int) -> None:
        if len(self.nodes) <= i:
            self.nodes.append(NatsServer(self.data_dir / f"nats-{i + 1}", self._node_config(i),
                                         port=self.layout.nats_base + i))
        self.nodes[i].start(timeout=30)

    def kill_node(self, i: int) -> None:
        self.nodes[i].kill()

    # -- the services --------------------------------------------------------------------
    def start_replica(self, name: str, replica: int, wait: bool = True,
                      timeout: float = 60.0) -> subprocess.Popen:
        service = manifest.get(name)
        grpc_port = self.layout.grpc_port(service, replica)
        env = {**os.environ, **self._env, lifetime.ENV: str(os.getpid()),
               service.env("grpc_port"): str(grpc_port),
               service.env("metrics_port"): str(grpc_port + manifest.METRICS_PORT_OFFSET)}
        if service.http_port is not None:
            env[service.env("http_port")] = str(self.layout.http_port(service, replica))
        log = open(self.data_dir / f"{name}-{replica}.log", "ab")
        child = subprocess.Popen([sys.executable, "-m", service.package], env=env,
                                 stdout=log, stderr=subprocess.STDOUT)
        log.close()
        self.replicas[(name, replica)] = child
        if wait and not _wait_serving(self.layout.grpc_port(service, replica), child, timeout):
            # not left running behind the error: a second start would find its port taken
            # and a health check would be answered by the first (found by tests/chaos)
            child.kill()
            child.wait()
            raise RuntimeError(f"{name}[{replica}] did not start; see "
                               f"{self.data_dir / f'{name}-{replica}.log'}")
        return child

    def kill_replica(self, name: str, replica: int) -> None:
        child = self.replicas.get((name, replica))
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()

    def start(self) -> None:
        for i in range(NODES):
            self.start_node(i)
        for service in manifest.SERVICES:  # callees first, as the manifest orders them
            for r in range(self.layout.replicas):
                self.start_replica(service.name, r)

    def stop(self) -> None:
        for child in self.replicas.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in self.replicas.values():
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        for node in self.nodes:
            node.stop()

    def restart_exited(self, say=print) -> None:
        """What Kubernetes would do for a replica or node that died: start it again."""
        for (name, replica), child in list(self.replicas.items()):
            if child.poll() is not None:
                say(f"{name}[{replica}] exited with {child.returncode}; restarting")
                self.start_replica(name, replica, wait=False)
        for i, node in enumerate(self.nodes):
            if node.process is None or node.process.poll() is not None:
                say(f"nats-{i + 1} is down; restarting")
                self.start_node(i)


def run(data_dir: Path, postgres_url: str, layout: Layout, reset: bool, say=print) -> int:
    from . import leftovers

    cluster = Cluster(data_dir, postgres_url, layout, reset)
    cluster.data_dir.mkdir(parents=True, exist_ok=True)
    pid_file = leftovers.claim(cluster.data_dir)
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        leftovers.check_ports(layout.named())
        cluster.prepare()
        cluster.start()
        say("anbao cluster is up:")
        say(f"  NATS JetStream  {layout.nats_urls}  (3 nodes, streams on all three)")
        for service in manifest.SERVICES:
            say(f"  {service.name:<15}{layout.target(service.name)}")
            if service.http_port is not None:
                say(f"  {'':<15}http://127.0.0.1:{layout.http_port(service, 0)} … "
                    f"{layout.http_port(service, layout.replicas - 1)}")
        say(f"  PostgreSQL      {', '.join(make_url(u).database for u in cluster.db_urls.values())}")
        say(f"  logs            {cluster.data_dir}/<service>-<replica>.log")
        say(f"Try `.venv/bin/anbao demo --cluster --replicas {layout.replicas}`. "
            "Ctrl-C stops everything.")
        while not stopping:
            cluster.restart_exited(say)
            time.sleep(0.5)
        return 0
    finally:
        cluster.stop()
        leftovers.release(pid_file)
        say("anbao cluster stopped.")
