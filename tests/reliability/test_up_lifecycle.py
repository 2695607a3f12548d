"""`anbao up` as a real process: when it is killed its children (the services and
nats-server) end with it and the next `anbao up` starts on the same ports; while one runs,
another is refused with a message naming its pid, or the port in its way."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from services import manifest

ANBAO = Path(sys.executable).parent / "anbao"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads /proc; the parent-death signal is Linux's")


def free_ports() -> dict[str, int]:
    """One free port per `anbao up --<x>` port option."""
    options = [f"--{s.name}-port" for s in manifest.SERVICES]
    options += [f"--{s.name}-http-port" for s in manifest.SERVICES if s.http_port is not None]
    options.append("--nats-port")
    sockets = [socket.socket() for _ in options]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = {option: s.getsockname()[1] for option, s in zip(options, sockets)}
    for s in sockets:
        s.close()
    return ports


class Up:
    def __init__(self, data: Path, ports: dict[str, int], log: Path):
        self.log = log
        arguments = [str(ANBAO), "up", "--data", str(data)]
        for option, port in ports.items():
            arguments += [option, str(port)]
        with open(log, "w") as out:
            self.process = subprocess.Popen(arguments, stdout=out, stderr=subprocess.STDOUT,
                                            start_new_session=True)  # not in pytest's group

    @property
    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_up(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while "anbao is up" not in self.output:
            assert self.process.poll() is None, f"anbao up exited:\n{self.output}"
            assert time.monotonic() < deadline, f"anbao up did not come up:\n{self.output}"
            time.sleep(0.2)

    def children(self) -> dict[int, str]:
        """pid → command name of every live child."""
        found = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                text = stat.read_text()
            except OSError:
                continue
            name, rest = text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:]
            if int(rest.split()[1]) == self.process.pid:
                found[int(stat.parent.name)] = name
        return found

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for a reaper (it holds no port then)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def wait_gone(pids, timeout: float) -> list[int]:
    deadline = time.monotonic() + timeout
    while (left := [p for p in pids if alive(p)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def start_on_free_ports(data: Path, log: Path) -> tuple["Up", dict[str, int]]:
    """`anbao up` on ports free a moment ago; another process on the machine may take one
    in between (it then refuses, naming it), so pick again a few times."""
    for _ in range(3):
        ports = free_ports()
        up = Up(data, ports, log)
        try:
            up.wait_up()
            return up, ports
        except AssertionError:
            if "in use" not in up.output:
                raise
            up.stop()
    raise AssertionError(f"no free ports for anbao up:\n{up.output}")


def test_killed_up_takes_its_children_with_it_and_the_next_up_starts(tmp_path):
    first, ports = start_on_free_ports(tmp_path / "data", tmp_path / "first.log")
    children = {}
    try:
        children = first.children()
        assert "nats-server" in children.values()
        assert len(children) == len(manifest.SERVICES) + 1, children
        first.process.kill()  # SIGKILL: no handler runs, as in a crash
        first.process.wait()
        assert wait_gone(children, timeout=15) == [], \
            f"outlived anbao up: {[children[p] for p in wait_gone(children, 0)]}"
    finally:
        first.stop()
        for pid in wait_gone(children, 0):  # what outlived a failed run
            os.kill(pid, signal.SIGKILL)

    second = Up(tmp_path / "data", ports, tmp_path / "second.log")  # same ports, same data
    try:
        second.wait_up()
        children = second.children()
    finally:
        second.stop()
    assert second.process.returncode == 0, second.output
    assert wait_gone(children, timeout=5) == []
    assert not (tmp_path / "data" / "up.pid").exists()


@pytest.fixture(scope="module")
def running_up(tmp_path_factory):
    where = tmp_path_factory.mktemp("running")
    ports = free_ports()
    up = Up(where / "data", ports, where / "up.log")
    try:
        up.wait_up()
        yield up, where / "data", ports
    finally:
        up.stop()


def test_a_second_up_on_the_same_data_is_refused_naming_the_first_pid(running_up, tmp_path):
    first, data, _ports = running_up
    second = Up(data, free_ports(), tmp_path / "second.log")
    try:
        assert second.process.wait(timeout=30) == 1
    finally:
        second.stop()
    assert f"already running on {data} as pid {first.process.pid}" in second.output
    assert f"kill {first.process.pid}" in second.output and "Traceback" not in second.output
    assert (data / "up.pid").read_text().strip() == str(first.process.pid)
    assert first.process.poll() is None


def test_a_taken_port_is_named_before_anything_starts(running_up, tmp_path):
    first, _data, ports = running_up
    moved = {**free_ports(), "--nats-port": ports["--nats-port"]}
    second = Up(tmp_path / "data", moved, tmp_path / "second.log")
    try:
        assert second.process.wait(timeout=30) == 1
    finally:
        second.stop()
    assert f"port {ports['--nats-port']} (NATS) by pid" in second.output
    assert "nats-server" in second.output and "Traceback" not in second.output
    assert not (tmp_path / "data" / "nats").exists()  # refused before NATS was started


def test_a_stale_pid_file_is_replaced(tmp_path):
    """A pid file left by a killed run, its pid gone, is no reason to refuse."""
    from anbaoctl import leftovers

    gone = subprocess.Popen(["true"])
    gone.wait()
    (tmp_path / "up.pid").write_text(f"{gone.pid}\n")
    path = leftovers.claim(tmp_path)
    assert path.read_text().strip() == str(os.getpid())
    leftovers.release(path)
    assert not path.exists()
