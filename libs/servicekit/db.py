"""One database per service: SQLite (WAL, synchronous=FULL) by default, PostgreSQL by URL.

Handlers are synchronous and run on a worker thread (the sync ORM costs a third of
AsyncSession over aiosqlite here). On SQLite every write transaction starts with
BEGIN IMMEDIATE so two writers never deadlock on a lock upgrade; queries go through a
second pool of query-only connections whose transactions are deferred, so a read never
waits for, nor holds, the write lock (WAL readers see the last commit)."""

from pathlib import Path

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool


def _in_memory(url: str) -> bool:
    return url in ("sqlite://", "sqlite:///:memory:")


def make_engine(url: str, query_only: bool = False) -> Engine:
    if _in_memory(url):
        # one connection shared by every session, or each would see its own empty database
        engine = create_engine(url, connect_args={"check_same_thread": False},
                               poolclass=StaticPool)
        _tune_sqlite(engine, query_only=False)
        return engine
    if url.startswith("sqlite"):
        path = Path(url.split("///", 1)[-1])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)  # readable by the service alone (WAL files follow)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               pool_size=8, max_overflow=8)
        _tune_sqlite(engine, query_only)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_size=8, max_overflow=8, pool_pre_ping=True)


def _tune_sqlite(engine: Engine, query_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        if query_only:  # a write through the read pool fails instead of taking the lock
            cur.execute("PRAGMA query_only=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        conn.exec_driver_sql("BEGIN" if query_only else "BEGIN IMMEDIATE")


class Database:
    def __init__(self, url: str, metadata: MetaData):
        self.url = url
        self.engine = make_engine(url)
        self.metadata = metadata
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # PostgreSQL's MVCC reads take no lock, and an in-memory database has one
        # connection: both read through the one engine
        self.read_engine = make_engine(url, query_only=True) \
            if url.startswith("sqlite") and not _in_memory(url) else self.engine
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessions()

    def read_session(self) -> Session:
        """A session for queries alone: it never takes nor waits for the write lock."""
        return self._read_sessions()

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()


class Prepared:
    """A Core SELECT compiled once per engine and run on a raw DBAPI connection from the
    engine's pool, its values converted by the columns' own types: for a query on a hot
    path, where SQLAlchemy's per-call statement handling costs many times the query
    itself. Outside any session's transaction, so for queries alone. Parameters are
    `bindparam`s named by the caller."""

    def __init__(self, statement):
        self._statement = statement
        self._by_engine: dict[Engine, tuple] = {}

    def _compiled(self, engine: Engine) -> tuple:
        compiled = self._by_engine.get(engine)
        if compiled is None:
            dialect = engine.dialect
            sql = self._statement.compile(dialect=dialect)
            columns = self._statement.selected_columns
            compiled = self._by_engine[engine] = (
                str(sql), sql.positiontup if sql.positional else None,
                [c.key for c in columns],
                [c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns])
        return compiled

    def first(self, engine: Engine, **params) -> dict | None:
        sql, order, keys, processors = self._compiled(engine)
        args = tuple(params[k] for k in order) if order is not None else params
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                cursor.execute(sql, args)
                row = cursor.fetchone()
            finally:
                cursor.close()
        finally:
            connection.close()  # back to the pool, which rolls back what the read began
        if row is None:
            return None
        return {k: p(v) if p else v for k, p, v in zip(keys, processors, row)}
