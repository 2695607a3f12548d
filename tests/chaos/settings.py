"""The knobs of a run, from the environment (as the bench's ANBAO_BENCH_*)."""

import os
from dataclasses import dataclass


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


@dataclass(frozen=True)
class Settings:
    passers: int          # ANBAO_CHAOS_PASSERS: published AssessmentPassed events
    sessions: int         # ANBAO_CHAOS_SESSIONS: exam sessions they are spread over
    rate: int             # ANBAO_CHAOS_RATE: passers published per second
    min_node_kills: int   # ANBAO_CHAOS_NODE_KILLS: at least this many kill -9 of a node
    kill_every: tuple[float, float]  # seconds between node kills (drawn uniformly)
    restart_postgres: bool  # ANBAO_CHAOS_RESTART_POSTGRES=0 skips the PostgreSQL restart
    postgres_url: str     # ANBAO_CHAOS_POSTGRES_URL
    drain_timeout: float  # ANBAO_CHAOS_DRAIN_TIMEOUT: seconds for everything to settle
    smoke: bool

    @classmethod
    def from_environment(cls) -> "Settings":
        smoke = os.environ.get("ANBAO_CHAOS_SMOKE", "") not in ("", "0")
        return cls(
            passers=_int("ANBAO_CHAOS_PASSERS", 1_000 if smoke else 10_000),
            sessions=_int("ANBAO_CHAOS_SESSIONS", 4 if smoke else 10),
            rate=_int("ANBAO_CHAOS_RATE", 40 if smoke else 60),
            min_node_kills=_int("ANBAO_CHAOS_NODE_KILLS", 2 if smoke else 5),
            kill_every=(5.0, 15.0),
            restart_postgres=os.environ.get("ANBAO_CHAOS_RESTART_POSTGRES", "1") != "0",
            postgres_url=os.environ.get("ANBAO_CHAOS_POSTGRES_URL",
                                        "postgresql://postgres@127.0.0.1:5432/postgres"),
            drain_timeout=float(os.environ.get("ANBAO_CHAOS_DRAIN_TIMEOUT",
                                               900 if smoke else 3600)),
            smoke=smoke)
