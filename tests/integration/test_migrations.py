"""Schema migrations on SQLite and PostgreSQL: each service's history builds exactly
its models' schema, `anbao migrate` applies what is missing once, migrators racing on
one database apply it once, and databases made before migrations are adopted."""

import importlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, select, text
from typer.testing import CliRunner

from anbaoctl.main import app
from servicekit import migrations
from servicekit.db import make_engine
from servicekit.unitofwork import utcnow
from tests.harness import SERVICES


def models(service: str):
    return importlib.import_module(f"services.{service}.adapters.orm").metadata


def table_names(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def test_each_history_at_head_matches_its_models_exactly(db_urls):
    """Fails when a model changes without a revision: run scripts/newmigration.py."""
    for service in SERVICES:
        url, location = db_urls[service], migrations.script_location(service)
        assert migrations.upgrade(url, location), service
        assert migrations.current(url) == migrations.head(location)
        assert migrations.check(url, models(service)) == [], (
            f"{service}: models and migrations differ; "
            f"run scripts/newmigration.py {service} \"what changed\"")
        assert {"outbox", "inbox"} <= table_names(url)


def test_anbao_migrate_creates_the_tables_then_applies_nothing(db_urls, monkeypatch):
    for service, url in db_urls.items():
        monkeypatch.setenv(f"ANBAO_{service.upper()}_DATABASE_URL", url)
    runner = CliRunner()

    first = runner.invoke(app, ["migrate"])
    assert first.exit_code == 0, first.output
    for service in SERVICES:
        head = migrations.head(migrations.script_location(service))
        assert f"applied  {head}" in first.output
        assert set(models(service).tables) <= table_names(db_urls[service])

    second = runner.invoke(app, ["migrate"])
    assert second.exit_code == 0, second.output
    assert second.output.count("applied  nothing: up to date") == len(SERVICES)


def test_anbao_migrate_refuses_unknown_services_and_one_url_for_many(db_urls):
    runner = CliRunner()
    result = runner.invoke(app, ["migrate", "nosuch"])
    assert result.exit_code == 2 and "registry" in result.output
    result = runner.invoke(app, ["migrate", "registry", "certificates",
                                 "--database-url", db_urls["registry"]])
    assert result.exit_code == 2


def test_migrators_racing_on_one_database_apply_the_history_once(db_urls, backend):
    """Services or `anbao migrate` started together: each migrator takes the database's
    lock before reading its revision, so the later ones find nothing to do."""
    url = db_urls["certificates"]
    holder = make_engine(url)
    with holder.connect() as conn, conn.begin():
        migrations.lock(conn)  # every migrator queues behind this transaction
        racers = [subprocess.Popen(
            [Path(sys.executable).parent / "anbao", "migrate", "certificates",
             "--database-url", url],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"}) for _ in range(3)]
        _wait_until_queued(conn, backend, racers)
    outputs = [racer.stdout.read() for racer in racers]  # to exit, after what was read
    for racer in racers:
        racer.wait(timeout=60)
    holder.dispose()

    assert [racer.returncode for racer in racers] == [0, 0, 0], outputs
    assert sum("applied  nothing" not in output for output in outputs) == 1, outputs
    assert migrations.check(url, models("certificates")) == []


def _wait_until_queued(conn, backend: str, racers: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + 60
    if backend == "postgres":  # PostgreSQL shows who waits for the advisory lock
        waiting = text("SELECT count(*) FROM pg_locks JOIN pg_database d ON d.oid = database "
                       "WHERE locktype = 'advisory' AND NOT granted "
                       "AND d.datname = current_database()")
        while conn.execute(waiting).scalar() < len(racers):
            assert time.monotonic() < deadline, "migrators never queued for the lock"
            time.sleep(0.05)
        return
    # SQLite shows no waiters: each racer has named its database, and its first query
    # begins with BEGIN IMMEDIATE, which waits for this transaction
    for racer in racers:
        while "certificates:" not in racer.stdout.readline():
            assert time.monotonic() < deadline and racer.poll() is None


def test_a_database_made_before_migrations_is_adopted_with_its_rows(db_urls):
    url, location = db_urls["accreditation"], migrations.script_location("accreditation")
    metadata = models("accreditation")
    engine = make_engine(url)
    # how services made their schema before migrations: the models of then, which are the
    # first revision's tables (later tables and columns came with later revisions)
    migrations.upgrade(url, location, "30b69cec94d9")
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    with engine.begin() as conn:
        conn.execute(insert(metadata.tables["inbox"]).values(
            event_id="e1", subject="s", applied_at=utcnow()))
    engine.dispose()

    migrations.upgrade(url, location)

    assert migrations.current(url) == migrations.head(location)
    assert migrations.check(url, metadata) == []
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(select(metadata.tables["inbox"].c.event_id)).scalars().all() == ["e1"]
    engine.dispose()


def test_a_database_unlike_the_first_revision_is_not_adopted(db_urls):
    url, location = db_urls["registry"], migrations.script_location("registry")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE person (id VARCHAR(32) PRIMARY KEY)"))
    engine.dispose()

    with pytest.raises(RuntimeError, match="predates migrations"):
        migrations.upgrade(url, location)
    assert migrations.current(url) is None
    assert table_names(url) == {"person"}


def test_a_service_not_migrating_on_start_refuses_a_database_behind_its_code(db_urls):
    url = db_urls["registry"]
    with pytest.raises(RuntimeError, match="run `anbao migrate registry`"):
        migrations.on_start("registry", url, migrate=False)
    migrations.upgrade(url, migrations.script_location("registry"))
    migrations.on_start("registry", url, migrate=False)
