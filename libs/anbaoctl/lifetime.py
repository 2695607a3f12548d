"""Children that end when `anbao up` ends, however it ends: Ctrl-C, SIGTERM, SIGKILL or
a crash. On Linux the kernel sends the child SIGTERM when its parent dies
(prctl PR_SET_PDEATHSIG); elsewhere only an orderly stop ends them."""

import ctypes
import os
import signal
import sys
from typing import Callable

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> Callable[[], None] | None:
    """A `preexec_fn` for Popen, for a child that cannot ask by itself (nats-server).
    Use it only while the parent has a single thread: code between fork and exec can
    deadlock otherwise (our own services ask after exec: `servicekit.lifetime`). Call it
    on the thread that keeps running for as long as the child should (the kernel watches
    the forking thread, not the process)."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before fork, not in the child
    parent, sigterm = os.getpid(), int(signal.SIGTERM)

    def preexec() -> None:
        prctl(_PR_SET_PDEATHSIG, sigterm, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)
    return preexec
