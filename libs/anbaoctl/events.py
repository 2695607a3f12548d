"""`anbao events`: the dead letters consumers set aside, and their replay once the cause
is fixed."""

import asyncio
import json
from pathlib import Path
from typing import Awaitable, Callable, TypeVar

import nats
import typer
from google.protobuf import descriptor_pool, message_factory
from nats.js import JetStreamContext
from nats.js.errors import NotFoundError
from rich.console import Console
from rich.table import Table

from anbao.accreditation.v1 import events_pb2 as _accreditation  # noqa: F401 - registers
from anbao.certificates.v1 import events_pb2 as _certificates  # noqa: F401 - the event
from anbao.registry.v1 import events_pb2 as _registry  # noqa: F401 - types by name
from servicekit import deadletters, natsauth

from .ports import Ports

app = typer.Typer(help="Events on the bus: dead letters and their replay.",
                  no_args_is_help=True, add_completion=False)
console = Console(emoji=False, highlight=False, soft_wrap=True)
NATS_URL = typer.Option(f"nats://127.0.0.1:{Ports().nats}", "--nats-url",
                        envvar="ANBAO_NATS_URL", help="default: the NATS of `anbao up`")
CREDENTIALS = typer.Option(Path("data/secrets/nats/admin.nk"), "--nats-credentials",
                          envvar="ANBAO_NATS_CREDENTIALS",
                          help="the admin NKey seed file; default: the one `anbao up` made")
T = TypeVar("T")


async def _quiet(exc: Exception) -> None:
    """The one failure that matters is reported once, below."""


def _on_bus(url: str, credentials: Path,
            work: Callable[[JetStreamContext], Awaitable[T]]) -> T:
    async def run() -> T:
        nc = await nats.connect(url, connect_timeout=2, allow_reconnect=False,
                                max_reconnect_attempts=1, reconnect_time_wait=0.2,
                                error_cb=_quiet,
                                **natsauth.connect_options(natsauth.ADMIN, credentials))
        try:
            return await work(nc.jetstream())
        finally:
            await nc.close()

    try:
        return asyncio.run(run())
    except (OSError, nats.errors.Error) as exc:
        if isinstance(exc, NotFoundError):
            raise
        console.print(f"[red]NATS at {url}: {type(exc).__name__}: {exc}[/red]")
        raise typer.Exit(1)


def event_id(letter: deadletters.DeadLetter) -> str:
    """The event ID when the bytes decode as the event the subject names; else empty."""
    try:
        cls = message_factory.GetMessageClass(
            descriptor_pool.Default().FindMessageTypeByName(letter.subject))
        return getattr(cls.FromString(letter.data), "event_id", "")
    except Exception:  # noqa: BLE001 - unknown subject or undecodable bytes
        return ""


@app.command("dead-letters")
def dead_letters(nats_url: str = NATS_URL, credentials: Path = CREDENTIALS,
                 as_json: bool = typer.Option(False, "--json", help="one JSON object a line")):
    """List the events consumers could not apply, oldest first."""
    letters = _on_bus(nats_url, credentials, deadletters.read_all)
    if as_json:
        for d in letters:
            typer.echo(json.dumps({"seq": d.seq, "service": d.service, "subject": d.subject,
                                   "reason": d.reason, "time": d.time, "consumer": d.consumer,
                                   "stream": d.stream, "stream_seq": d.stream_seq,
                                   "event_id": event_id(d)}, ensure_ascii=False))
        return
    if not letters:
        console.print("no dead letters")
        return
    table = Table(title=f"dead letters ({len(letters)})")
    for column in ("seq", "service", "subject", "reason", "time", "event id"):
        table.add_column(column, overflow="fold")
    for d in letters:
        table.add_row(str(d.seq), d.service, d.subject, d.reason, d.time, event_id(d))
    console.print(table)


@app.command()
def replay(seq: int = typer.Argument(..., help="the dead letter's seq, as listed"),
           nats_url: str = NATS_URL, credentials: Path = CREDENTIALS):
    """Republish one dead letter to its original subject and headers, then remove it.

    The consumer's inbox keeps an event from being applied twice."""
    try:
        letter = _on_bus(nats_url, credentials, lambda js: deadletters.replay(js, seq))
    except NotFoundError:
        console.print(f"[red]no dead letter {seq}[/red]")
        raise typer.Exit(1)
    eid = event_id(letter)
    console.print(f"replayed dead letter {seq} to {letter.subject}"
                  + (f" (event {eid})" if eid else ""))
