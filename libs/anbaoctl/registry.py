"""`anbao registry ...`: registry's operator jobs (POOL-5 data keys).

Rotating the data keys without downtime (README "Rotating the data keys"):
1. `anbao registry new-key-version` adds a new field key and blind-index key version to
   the secrets (the old versions become "retired": still read, no longer written);
2. restart the registry replicas with them (`anbao up` again in the embedded profile);
   they seal new data with the new versions and read both;
3. `anbao registry rotate-keys` re-encrypts everyone in batches, resumable after a crash;
4. `anbao registry retire-keys` drops the retired versions once no row needs them."""

import json
import os
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from servicekit import fieldcrypto, natsauth
from services import manifest

app = typer.Typer(help="registry's operator jobs: data-key rotation (POOL-5).",
                  no_args_is_help=True, add_completion=False)
console = Console(emoji=False, highlight=False, soft_wrap=True)
DATA = typer.Option(Path("./data"), "--data", help="where `anbao up` keeps its files")
KEYS = (("field_key", "field_key_id", "retired_field_keys"),
        ("blind_index_key", "blind_index_key_id", "retired_blind_index_keys"))


def _env_name(setting: str) -> str:
    return manifest.get("registry").env(setting)


def _key_file(data: Path) -> Path:
    return data / "secrets" / "service-keys.env"


def _write_env_file(path: Path, values: dict[str, str]) -> None:
    """Replaces the key file in one step: a crash leaves the old file or the new one."""
    scratch = path.with_suffix(".new")
    natsauth.write_secret(scratch, "".join(f"{k}={v}\n" for k, v in values.items()))
    os.replace(scratch, path)


def _read_env_file(path: Path) -> dict[str, str]:
    values = {}
    if path.exists():
        for line in path.read_text().splitlines():
            name, _, value = line.partition("=")
            if name:
                values[name] = value
    return values


def settings(data: Path, database_url: str = ""):
    """registry's settings as its service would have them: the environment first, then
    the embedded deployment's key file; the database under `data` unless told."""
    from services.registry.config import RegistrySettings

    prefix = RegistrySettings.model_config["env_prefix"]
    from_file = {name.removeprefix(prefix).lower(): value
                 for name, value in _read_env_file(_key_file(data)).items()
                 if name.startswith(prefix) and name not in os.environ}
    for _, _, retired in KEYS:  # JSON in the file, as the environment would carry it
        if retired in from_file:
            from_file[retired] = json.loads(from_file[retired])
    if database_url:
        from_file["database_url"] = database_url
    elif _env_name("database_url") not in os.environ:
        from_file["database_url"] = f"sqlite:///{data / 'registry.db'}"
    return RegistrySettings(**from_file)


@app.command("new-key-version")
def new_key_version(data: Path = DATA):
    """Add a new version of registry's field key and blind-index key to the embedded
    deployment's secrets; the current ones are kept as retired versions (still read)."""
    path = _key_file(data)
    values = _read_env_file(path)
    if _env_name("field_key") not in values:
        console.print(f"[red]{path} holds no registry keys: run `anbao up` first[/red]")
        raise typer.Exit(2)
    for key, key_id, retired in KEYS:
        current = int(values.get(_env_name(key_id), "1"))
        old = json.loads(values.get(_env_name(retired), "{}"))
        old[str(current)] = values[_env_name(key)]
        values[_env_name(retired)] = json.dumps(old, separators=(",", ":"))
        values[_env_name(key)] = fieldcrypto.new_key()
        values[_env_name(key_id)] = str(current + 1)
        console.print(f"{key}: version {current + 1} is current, {current} retired")
    _write_env_file(path, values)
    console.print("Restart the services (anbao up), then run `anbao registry rotate-keys`.")


@app.command("rotate-keys")
def rotate_keys(data: Path = DATA,
                database_url: str = typer.Option("", "--database-url",
                                                 help="default: registry's own setting"),
                batch_size: int = typer.Option(500, min=1, max=10000),
                pause: float = typer.Option(0.0, min=0.0,
                                            help="seconds between batches, to spare a busy "
                                                 "database"),
                plain: bool = typer.Option(False, "--plain",
                                           help="one progress line per batch, no bar")):
    """Re-encrypt every person under the current key versions, in batches; killed, it
    resumes from its last committed batch when run again."""
    from servicekit.db import Database
    from services.registry.adapters import keyrotation
    from services.registry.adapters.orm import metadata
    from services.registry.bootstrap import protector_of

    config = settings(data, database_url)
    protector = protector_of(config)
    db = Database(config.database_url, metadata)
    try:
        if plain:
            result = keyrotation.rotate(
                db.session, protector, batch_size=batch_size, pause_seconds=pause,
                on_progress=lambda p: print(f"{p.job} {p.done}/{p.total}"
                                            + (" finished" if p.finished else ""), flush=True))
        else:
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          console=console) as bar:
                task = bar.add_task("re-encrypting", total=None)

                def shown(p):
                    bar.update(task, description=p.job, completed=p.done, total=p.total)
                result = keyrotation.rotate(db.session, protector, batch_size=batch_size,
                                            pause_seconds=pause, on_progress=shown)
    finally:
        db.dispose()
    console.print(f"{result.job}: {result.done} people re-encrypted; none left under older "
                  "keys. `anbao registry retire-keys` drops the retired versions.")


@app.command("retire-keys")
def retire_keys(data: Path = DATA,
                database_url: str = typer.Option("", "--database-url")):
    """Drop the retired key versions from the embedded secrets once no person needs them."""
    from servicekit.db import Database
    from services.registry.adapters import keyrotation
    from services.registry.adapters.orm import metadata
    from services.registry.bootstrap import protector_of

    config = settings(data, database_url)
    db = Database(config.database_url, metadata)
    try:
        with db.session() as session:
            left = keyrotation.stale_count(session, protector_of(config))
    finally:
        db.dispose()
    if left:
        console.print(f"[red]{left} people still use a retired key: run rotate-keys[/red]")
        raise typer.Exit(1)
    path = _key_file(data)
    values = _read_env_file(path)
    for _, _, retired in KEYS:
        values.pop(_env_name(retired), None)
    _write_env_file(path, values)
    console.print("retired key versions removed; restart the services to forget them.")
