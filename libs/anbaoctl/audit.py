"""`anbao audit verify`: checks each service's audit log where it lies (the database
`anbao migrate` would use): every chain link, every checkpoint's signature under the
service's audit key, and the digest of every business row the log says was written."""

import importlib
import os
from pathlib import Path

import typer
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from services import manifest

from . import migrate

app = typer.Typer(help="The services' audit logs.", no_args_is_help=True,
                  add_completion=False)


@app.command()
def verify(services: list[str] = typer.Argument(
               None, help="services to check; default every service with a database"),
           database_url: str = typer.Option(
               "", "--database-url", help="the database of the one service named; default "
               "ANBAO_<SERVICE>_DATABASE_URL, else the service's default"),
           data: Path = typer.Option(Path("./data"), "--data",
                                     help="where `anbao up` keeps its secrets (the audit "
                                          "keys, unless ANBAO_<SERVICE>_AUDIT_KEY is set)")):
    """Check every record and checkpoint of the audit logs; exit 1 naming the first break."""
    from servicekit import audit
    from servicekit.db import make_engine

    known = migrate.migratable()
    chosen = services or known
    unknown = [s for s in chosen if s not in known]
    if unknown or (database_url and len(chosen) != 1):
        typer.echo(f"name one of {', '.join(known)}" + (" (--database-url takes exactly one)"
                                                        if database_url else ""), err=True)
        raise typer.Exit(2)
    broken = False
    for service in chosen:
        url = database_url or migrate.default_database_url(service)
        typer.echo(f"{service}: {make_url(url).render_as_string(hide_password=True)}")
        secret = audit_key(service, data)
        if secret is None:
            typer.echo(f"  no audit key: set {manifest.get(service).env('audit_key')} or "
                       f"give --data", err=True)
            raise typer.Exit(2)
        if url.startswith("sqlite") and not Path(url.split("///", 1)[-1]).exists():
            typer.echo("  no database here", err=True)
            raise typer.Exit(2)
        metadata = importlib.import_module(f"services.{service}.adapters.orm").metadata
        tables = audit.audit_tables(metadata)
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                problems = audit.verify(conn, tables, audit.public_key_of(secret), metadata)
                records = conn.execute(select(func.count()).select_from(tables.record)).scalar()
                checkpoints = conn.execute(
                    select(func.count()).select_from(tables.checkpoint)).scalar()
        finally:
            engine.dispose()
        if not problems:
            typer.echo(f"  intact: {records} records, {checkpoints} signed checkpoints")
            continue
        broken = True
        typer.echo(f"  BROKEN: first at {problems[0]}", err=True)
        for problem in problems[1:]:
            typer.echo(f"    also {problem}", err=True)
    if broken:
        raise typer.Exit(1)


def audit_key(service: str, data: Path) -> str | None:
    """The service's audit key: its environment variable, else `anbao up`'s secrets."""
    name = manifest.get(service).env("audit_key")
    if os.environ.get(name):
        return os.environ[name]
    env_file = data / "secrets" / "service-keys.env"
    if env_file.exists():
        for line in env_file.read_text().splitlines():
            key, _, value = line.partition("=")
            if key == name:
                return value
    return None
