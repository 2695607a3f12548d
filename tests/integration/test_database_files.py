"""SQLite files hold personal data and certificates: only the service's user reads them."""

import stat

from sqlalchemy import text

from servicekit.db import make_engine


def test_sqlite_files_are_created_readable_by_their_owner_alone(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path}/data/service.db")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (a INTEGER)"))
    files = sorted(tmp_path.joinpath("data").iterdir())
    assert [f.name for f in files] == ["service.db", "service.db-shm", "service.db-wal"]
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}
    engine.dispose()


def _database(tmp_path):
    from sqlalchemy import Column, Integer, MetaData, Table

    from servicekit.db import Database
    metadata = MetaData()
    Table("t", metadata, Column("a", Integer, primary_key=True))
    db = Database(f"sqlite:///{tmp_path}/service.db", metadata)
    metadata.create_all(db.engine)
    return db


def test_a_query_reads_while_a_writer_holds_the_lock_and_cannot_write(tmp_path):
    import threading

    import pytest
    from sqlalchemy.exc import OperationalError

    from servicekit.messagebus import MessageBus, Query
    from servicekit.unitofwork import UnitOfWork, messaging_tables
    db = _database(tmp_path)
    with db.session() as writer:
        writer.execute(text("INSERT INTO t (a) VALUES (1)"))  # BEGIN IMMEDIATE: holds the lock
        answers = []
        reading = threading.Thread(target=lambda: answers.append(
            db.read_session().execute(text("SELECT count(*) FROM t")).scalar_one()))
        reading.start()
        reading.join(timeout=5)  # a read that queued for the write lock would wait 30 s
        assert answers == [0]  # the last commit, not the writer's uncommitted row
        writer.commit()

    with db.read_session() as reader, pytest.raises(OperationalError, match="readonly"):
        reader.execute(text("INSERT INTO t (a) VALUES (2)"))

    class Count(Query):
        pass

    def count(uow: UnitOfWork, _query):
        with uow:
            assert uow.read_only
            with pytest.raises(RuntimeError, match="cannot commit"):
                uow.commit()
            return uow.session.execute(text("SELECT count(*) FROM t")).scalar_one()

    tables = messaging_tables(db.metadata)
    bus = MessageBus(lambda read_only=False: UnitOfWork(db, tables, read_only=read_only),
                     {Count: count})
    assert bus.handle_sync(Count()) == 1
    db.dispose()


async def test_on_sqlite_a_query_runs_on_the_event_loop_and_a_command_on_a_worker(tmp_path):
    import threading

    from servicekit.messagebus import MessageBus, Query
    from servicekit.unitofwork import UnitOfWork, messaging_tables

    class Look(Query):
        pass

    class Change:
        pass

    db = _database(tmp_path)
    tables = messaging_tables(db.metadata)
    bus = MessageBus(lambda read_only=False: UnitOfWork(db, tables, read_only=read_only),
                     {Look: lambda uow, _: threading.current_thread(),
                      Change: lambda uow, _: threading.current_thread()})
    assert await bus.handle(Look()) is threading.current_thread()
    assert await bus.handle(Change()) is not threading.current_thread()
    db.dispose()
