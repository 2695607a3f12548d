"""The faults, injected while passers are issued:

- kill -9 of a NATS node every 5–15 s (the next node each time), restarted 2 s later;
- kill -9 of one replica of every service, once each, restarted as Kubernetes would;
- one restart of PostgreSQL (`pg_ctlcluster … restart`: every database session of every
  replica dies at once), only as root; otherwise skipped with a note.

Each fault is logged with its time, for the report."""

import asyncio
import os
import random
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from anbaoctl.cluster import NODES, Cluster
from services import manifest

NODE_DOWN_SECONDS = 2.0
RESTART_ATTEMPTS = 3


@dataclass
class Faults:
    cluster: Cluster
    kill_every: tuple[float, float]
    say: callable = print
    node_kills: int = 0
    replica_kills: int = 0
    postgres_restarts: int = 0
    failed_starts: int = 0
    notes: list[str] = field(default_factory=list)
    _started: float = field(default_factory=time.monotonic)

    def begin(self) -> None:
        self._started = time.monotonic()

    def log(self, text: str) -> None:
        self.say(f"  [{time.monotonic() - self._started:6.1f} s] {text}")

    async def kill_nodes(self, stop: asyncio.Event, at_least: int) -> None:
        """Until `stop` is set and `at_least` nodes were killed."""
        node = 0
        while not (stop.is_set() and self.node_kills >= at_least):
            await asyncio.sleep(random.uniform(*self.kill_every))
            self.cluster.kill_node(node)
            self.node_kills += 1
            self.log(f"kill -9 nats-{node + 1} (node kill {self.node_kills})")
            await asyncio.sleep(NODE_DOWN_SECONDS)
            await asyncio.to_thread(self.cluster.start_node, node)
            self.log(f"nats-{node + 1} restarted")
            node = (node + 1) % NODES

    async def kill_replicas(self, replica: int = 0, pause: float = 3.0) -> None:
        """Replica 0 of each service: the first started, so the likeliest relay leader."""
        for service in manifest.SERVICES:
            self.cluster.kill_replica(service.name, replica)
            self.replica_kills += 1
            self.log(f"kill -9 {service.name}[{replica}]")
            await asyncio.sleep(1.0)
            await self._start_as_kubernetes_would(service.name, replica)
            await asyncio.sleep(pause)

    async def _start_as_kubernetes_would(self, name: str, replica: int) -> None:
        """Started again until it serves, as a restart policy would; a start that fails
        is counted (and the replica's log keeps why)."""
        for attempt in range(1, RESTART_ATTEMPTS + 1):
            try:
                await asyncio.to_thread(self.cluster.start_replica, name, replica)
            except RuntimeError as exc:
                self.failed_starts += 1
                self.log(f"{name}[{replica}] failed to start (attempt {attempt}): {exc}")
                continue
            self.log(f"{name}[{replica}] restarted and serving")
            return
        raise RuntimeError(f"{name}[{replica}] did not start in {RESTART_ATTEMPTS} attempts")

    async def restart_postgres(self, enabled: bool) -> None:
        reason = _cannot_restart_postgres() if enabled else "ANBAO_CHAOS_RESTART_POSTGRES=0"
        if reason:
            note = f"PostgreSQL restart SKIPPED: {reason}"
            self.notes.append(note)
            self.log(note)
            return
        version = sorted(os.listdir("/etc/postgresql"))[-1]
        self.log(f"restarting PostgreSQL {version}/main")
        await asyncio.to_thread(subprocess.run, [
            "pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
            check=True, capture_output=True, timeout=120)
        self.postgres_restarts += 1
        self.log("PostgreSQL is back")


def _cannot_restart_postgres() -> str:
    if os.geteuid() != 0:
        return "not root (pg_ctlcluster restarts the server as root only)"
    if not shutil.which("pg_ctlcluster") or not Path("/etc/postgresql").is_dir():
        return "no pg_ctlcluster / /etc/postgresql on this machine"
    return ""
