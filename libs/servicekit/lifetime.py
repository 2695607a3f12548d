"""A process that ends when the process that started it ends, however that one ends
(Ctrl-C, SIGTERM, SIGKILL, a crash). On Linux the kernel sends SIGTERM to a child whose
parent dies (prctl PR_SET_PDEATHSIG); elsewhere only an orderly stop ends it.

The request is made by the child itself, after exec, when its parent named itself in
`ANBAO_DIE_WITH_PARENT`: running code between fork and exec (`preexec_fn`) can deadlock
when the parent has threads, and `anbao up` has them (gRPC health probes)."""

import ctypes
import os
import signal
import sys

ENV = "ANBAO_DIE_WITH_PARENT"
_PR_SET_PDEATHSIG = 1


def request(parent: int) -> None:
    """Asks the kernel for SIGTERM when `parent` dies; exits if it is already gone."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def from_environment() -> None:
    """In a child: honours its parent's `ANBAO_DIE_WITH_PARENT`."""
    if value := os.environ.get(ENV):
        request(int(value))
