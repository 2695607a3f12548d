"""`anbao migrate`: bring services' databases to their newest schema revision. The
production profile runs it before starting new code (`migrate_on_start=false`); the
embedded profile migrates on start."""

import importlib
import os
from importlib import resources

import typer


def migrate(services: list[str] = typer.Argument(
                None, help="services to migrate; default every service with migrations"),
            database_url: str = typer.Option(
                "", "--database-url", help="the database of the one service named; default "
                "ANBAO_<SERVICE>_DATABASE_URL, else the service's default")):
    """Apply each service's missing schema migrations and say what was applied."""
    from sqlalchemy.engine import make_url

    from servicekit import migrations

    known = migratable()
    unknown = [s for s in services or [] if s not in known]
    if unknown:
        typer.echo(f"no migrations for {', '.join(unknown)}; known: {', '.join(known)}",
                   err=True)
        raise typer.Exit(2)
    chosen = services or known
    if database_url and len(chosen) != 1:
        typer.echo("--database-url needs exactly one service (each has its own database)",
                   err=True)
        raise typer.Exit(2)
    for service in chosen:
        url = database_url or default_database_url(service)
        location = migrations.script_location(service)
        typer.echo(f"{service}: {make_url(url).render_as_string(hide_password=True)}")
        try:
            typer.echo(f"  current  {migrations.current(url) or 'none'}")
            typer.echo(f"  head     {migrations.head(location)}")
            applied = migrations.upgrade(url, location)
        except Exception as exc:  # noqa: BLE001 - say which service failed and why, then stop
            typer.echo(f"  failed: {type(exc).__name__}: {exc}", err=True)
            raise typer.Exit(1)
        for revision in applied:
            typer.echo(f"  applied  {migrations.describe(location, revision)}")
        if not applied:
            typer.echo("  applied  nothing: up to date")


def migratable() -> list[str]:
    """The services that ship a migration history (services/<svc>/migrations/env.py)."""
    return sorted(entry.name for entry in resources.files("services").iterdir()
                  if entry.joinpath("migrations", "env.py").is_file())


def default_database_url(service: str) -> str:
    """The URL the service itself would use: its settings' env variable, else its default
    (without building its settings, which need secrets a migration does not)."""
    from servicekit.settings import ServiceSettings

    config = importlib.import_module(f"services.{service}.config")
    settings = next(cls for cls in vars(config).values() if isinstance(cls, type)
                    and issubclass(cls, ServiceSettings) and cls is not ServiceSettings)
    prefix = settings.model_config.get("env_prefix", "")
    return os.environ.get(f"{prefix}DATABASE_URL",
                          settings.model_fields["database_url"].default)
