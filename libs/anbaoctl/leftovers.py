"""What an earlier `anbao up` may have left in the way, found before anything starts: a
run still going on the same data directory (its pid in `<data>/up.pid`), or a port that
something else holds. Each is refused with a message naming the pid or the port."""

import os
import socket
from pathlib import Path

PID_FILE = "up.pid"


class Refused(RuntimeError):
    """`anbao up` cannot start; the message says why and what to do."""


def claim(data_dir: Path) -> Path:
    """Writes our pid to `<data>/up.pid`, unless a live `anbao up` already owns it."""
    path = data_dir / PID_FILE
    try:
        pid = int(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        pid = 0
    if pid and pid != os.getpid() and _is_anbao(pid):
        raise Refused(f"anbao up is already running on {data_dir} as pid {pid} ({path}); "
                      f"stop it with Ctrl-C in its terminal or `kill {pid}`")
    path.write_text(f"{os.getpid()}\n")  # a dead or foreign pid is a stale file: replaced
    return path


def release(path: Path) -> None:
    try:
        if int(path.read_text().strip()) == os.getpid():
            path.unlink()
    except (FileNotFoundError, ValueError):
        pass


def check_ports(ports: dict[str, int]) -> None:
    """Refuses, naming every port in use and what holds it when we can see that."""
    busy = [f"{port} ({what}){_holder(port)}" for what, port in ports.items()
            if port and not _free(port)]
    if busy:
        raise Refused(f"port {', '.join(busy)} in use; stop what holds it, or move anbao "
                      "with the --*-port options (`anbao up --help`)")


def _is_anbao(pid: int) -> bool:
    """Is `pid` an `anbao up` (and not a process that got its number since)?"""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
        return "up" in args and any(Path(a).name == "anbao" or "anbaoctl" in a for a in args)
    except FileNotFoundError:
        return False
    except OSError:  # no /proc here: a live process at least
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


def _free(port: int) -> bool:
    with socket.socket() as probe:
        # as the servers bind: a closed connection in TIME_WAIT does not hold the port
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _holder(port: int) -> str:
    """" by pid N (name)" for a listening socket of ours on `port`; "" when unknown."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # LISTEN
                inodes.add(f"socket:[{fields[9]}]")
    if not inodes:
        return ""
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if any(os.readlink(fd) in inodes for fd in (proc / "fd").iterdir()):
                return f" by pid {proc.name} ({(proc / 'comm').read_text().strip()})"
        except OSError:  # gone, or not ours to read
            continue
    return ""
