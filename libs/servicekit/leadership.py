"""One leader among a service's replicas, for work only one of them should do at a time:
its outbox relay, which publishes the committed events in commit order.

On PostgreSQL the leader holds a session-level advisory lock on a connection of its own:
the lock lives exactly as long as that session, so a replica that dies, or loses its
database, gives the lead up without anyone waiting for a lease to run out, and the
election is held in the very database whose rows the leader publishes. A replica checks
its session before every batch; the others try for the lock about once a second.

Should a leader's session die while it is mid-batch, a second leader may publish the same
rows before the first notices: JetStream drops the repeats by message ID (the event ID),
so the cost is work, not duplicates.

SQLite is one machine's database, and the replicas of a service on SQLite are the one
process `anbao up` runs: there every relay leads."""

import hashlib

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for `pg_try_advisory_lock`, from the lease's name."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class Lease:
    def __init__(self, engine: Engine, name: str):
        self._engine, self.name, self._key = engine, name, lock_key(name)
        self._conn: Connection | None = None
        self._shared = engine.dialect.name != "postgresql"

    @property
    def held(self) -> bool:
        return self._shared or self._conn is not None

    def ensure(self) -> bool:
        """Whether this replica leads now: keeps the lead while its session lives, else
        tries to take it. Blocking; call it off the event loop."""
        if self._shared:
            return True
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT 1"))
                return True
            except Exception:  # noqa: BLE001 - the session died, and the lock with it
                self._drop()
        try:
            conn = self._engine.connect()
        except Exception:  # noqa: BLE001 - no database: no lead
            return False
        try:
            won = conn.execute(text("SELECT pg_try_advisory_lock(:key)"),
                               {"key": self._key}).scalar()
            conn.commit()  # the lock is the session's, not the transaction's
        except Exception:  # noqa: BLE001
            conn.invalidate()
            conn.close()
            return False
        if won:
            self._conn = conn
            return True
        conn.close()
        return False

    def release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self._key})
                self._conn.commit()
            except Exception:  # noqa: BLE001 - a dead session holds nothing
                pass
            self._drop()

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        try:
            conn.invalidate()  # never back into the pool with the lock on it
            conn.close()
        except Exception:  # noqa: BLE001
            pass
