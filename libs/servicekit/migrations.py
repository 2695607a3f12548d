"""Schema migrations: one Alembic history per service in `services/<svc>/migrations`.

Alembic is driven from code (no alembic.ini): the script location comes from the
service's package and the database URL from its settings. Each service's env.py is
three lines that hand its metadata to `run_env`. A migration runs in one transaction
under a database lock (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL), so
processes starting together migrate one after the other and the later finds nothing
to do."""

import threading

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, TypeDecorator, inspect
from sqlalchemy.engine import Connection

from . import logs
from .db import make_engine

log = logs.get("servicekit.migrations")

# Alembic's `context` is a module-level proxy: one migration at a time per process.
_one_at_a_time = threading.Lock()
# any constant: PostgreSQL scopes advisory locks to the database, one per service
_PG_LOCK_KEY = 0x616E62616F


def script_location(service: str) -> str:
    return f"services.{service}:migrations"


def config(database_url: str, location: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", location)
    # '%%' because Config values pass through configparser interpolation
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    cfg.set_main_option("file_template",
                        "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    return cfg


def head(location: str) -> str | None:
    """The newest revision of a history; an error when it has more than one head."""
    return ScriptDirectory.from_config(config("", location)).get_current_head()


def current(database_url: str) -> str | None:
    """The revision the database is at; None for a database never migrated."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def upgrade(database_url: str, location: str, revision: str = "head") -> list[str]:
    """Applies the missing revisions; returns the ones this call applied, oldest first."""
    cfg = config(database_url, location)
    cfg.attributes["applied"] = applied = []
    with _one_at_a_time:
        command.upgrade(cfg, revision)
    return applied


def describe(location: str, revision: str) -> str:
    script = ScriptDirectory.from_config(config("", location)).get_revision(revision)
    return f"{revision} ({script.doc})" if script else revision


def check(database_url: str, metadata: MetaData) -> list:
    """What autogenerate finds between the database and the models; [] when they agree."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            return compare_metadata(MigrationContext.configure(conn, opts=COMPARE), metadata)
    finally:
        engine.dispose()


def on_start(service: str, database_url: str, migrate: bool) -> None:
    """Embedded profile: migrate to head. Production (`anbao migrate` beforehand): refuse
    to serve on a database behind the code; a newer one (code rolled back) is let be."""
    location = script_location(service)
    if migrate:
        for revision in upgrade(database_url, location):
            log.info("%s: applied migration %s", service, describe(location, revision))
        return
    at, wanted = current(database_url), head(location)
    if at == wanted:
        return
    known = ScriptDirectory.from_config(config("", location)).get_revision(at) if at else None
    if at is None or known is not None:
        raise RuntimeError(f"{service}: database at revision {at or 'none'}, this code needs "
                           f"{wanted}: run `anbao migrate {service}`")
    log.warning("%s: database at revision %s, newer than this code's %s", service, at, wanted)


def _render_item(kind: str, obj, _context):
    """A model's own column type (sqlmodel's AutoString) renders as the SQLAlchemy type it
    stands for, so revisions import nothing but SQLAlchemy and Alembic."""
    if kind == "type" and isinstance(obj, TypeDecorator) and \
            not type(obj).__module__.startswith("sqlalchemy.") and \
            type(obj.impl).__module__ == "sqlalchemy.sql.sqltypes":
        return f"sa.{obj.impl!r}"
    return False


# batch mode, because SQLite can ALTER little; server defaults compared too
COMPARE = {"render_as_batch": True, "compare_server_default": True, "render_item": _render_item}


def run_env(metadata: MetaData) -> None:
    """The body of every service's env.py (online mode only)."""
    from alembic import context

    cfg = context.config
    applied = cfg.attributes.get("applied", [])
    engine = make_engine(cfg.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as conn, conn.begin():
            lock(conn)
            context.configure(
                connection=conn, target_metadata=metadata, **COMPARE,
                on_version_apply=lambda step, **_: applied.append(step.up_revision_id))
            adopting = _made_before_migrations(conn, context.get_context(), metadata)
            if adopting:
                context.get_context().stamp(context.script, context.script.get_base())
            unlike = RuntimeError("the database predates migrations and its tables differ "
                                  "from the first revision's; nothing was changed")
            try:
                context.run_migrations()
            except Exception as exc:  # a later revision met tables it does not expect
                if adopting:
                    raise unlike from exc
                raise
            if adopting and compare_metadata(context.get_context(), metadata):
                raise unlike
    finally:
        engine.dispose()


def _made_before_migrations(conn: Connection, migration: MigrationContext,
                            metadata: MetaData) -> bool:
    """Tables but no revision: made by create_all before this service had migrations,
    so at its first revision. Adopted in the same transaction as the upgrade, which
    rolls back unless the result matches the models."""
    if migration.get_current_revision() is not None:
        return False
    if not set(inspect(conn).get_table_names()) & set(metadata.tables):
        return False
    log.warning("database has tables but no revision (made before migrations): "
                "adopting it at the first revision")
    return True


def lock(conn: Connection) -> None:
    """Serialises migrators across processes (SQLite's BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")


def remask_resident_ids(table: str, column: str = "resident_id_masked") -> None:
    """In a revision: turns stored register-form masks (`1101**********002X`) into the
    everyday form (`11**************2X`, servicekit.masking), on SQLite and PostgreSQL.
    One way: the characters it drops are not kept anywhere in the clear."""
    from alembic import op

    op.execute(f"""UPDATE {table} SET {column} = CASE length({column})
        WHEN 18 THEN substr({column}, 1, 2) || '**************' || substr({column}, 17, 2)
        WHEN 15 THEN substr({column}, 1, 2) || '***********' || substr({column}, 14, 2)
        ELSE {column} END""")
