"""The `anbao` CLI: run the system, walk the demo, mint tokens, verify certificates."""

import asyncio
import json
import urllib.request
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from servicekit import auth

from . import secrets
from .up import Ports

app = typer.Typer(help="anbao: vocational skills of security personnel.",
                  no_args_is_help=True, add_completion=False)
console = Console(emoji=False, highlight=False, soft_wrap=True)
DATA = typer.Option(Path("./data"), "--data", help="where `anbao up` keeps its files")


@app.command()
def up(data: Path = DATA,
       registry_port: int = typer.Option(50051, envvar="ANBAO_UP_REGISTRY_PORT"),
       accreditation_port: int = typer.Option(50052, envvar="ANBAO_UP_ACCREDITATION_PORT"),
       certificates_port: int = typer.Option(50053, envvar="ANBAO_UP_CERTIFICATES_PORT"),
       http_port: int = typer.Option(8080, envvar="ANBAO_UP_HTTP_PORT"),
       nats_port: int = typer.Option(4223, envvar="ANBAO_UP_NATS_PORT")):
    """Start NATS, the three services and the public lookup; Ctrl-C stops them."""
    from .up import run

    ports = Ports(registry_port, accreditation_port, certificates_port, http_port, nats_port)
    try:
        code = run(data, ports, say=console.print)
    except RuntimeError as exc:  # NATS could not start: a taken port, a bad store
        console.print(f"[red]anbao up failed:[/red] {exc}")
        code = 1
    raise typer.Exit(code)


@app.command()
def demo(data: Path = DATA, host: str = "127.0.0.1",
         registry_port: int = typer.Option(50051, envvar="ANBAO_UP_REGISTRY_PORT"),
         accreditation_port: int = typer.Option(50052, envvar="ANBAO_UP_ACCREDITATION_PORT"),
         certificates_port: int = typer.Option(50053, envvar="ANBAO_UP_CERTIFICATES_PORT"),
         http_port: int = typer.Option(8080, envvar="ANBAO_UP_HTTP_PORT")):
    """Walk the whole flow against a running `anbao up`; exit 0 only if every step worked."""
    from .demo import Endpoints, run_demo

    endpoints = Endpoints(f"{host}:{registry_port}", f"{host}:{accreditation_port}",
                          f"{host}:{certificates_port}", f"http://{host}:{http_port}")
    try:
        result = asyncio.run(run_demo(endpoints, secrets.issuer(data), say=console.print))
    except Exception as exc:  # noqa: BLE001 - any failed step fails the demo
        console.print(f"[red]demo failed:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(1)
    table = Table(title="certificates issued")
    table.add_column("number")
    for number in result.certificate_numbers:
        table.add_row(number)
    console.print(table)
    console.print("[green]demo complete: every step worked[/green]")


@app.command("call")
def call_rpc(service: str = typer.Argument(..., help="registry, accreditation or certificates"),
             method: str = typer.Argument(..., help="e.g. RegisterPerson"),
             request: str = typer.Argument("{}", help="the request as JSON"),
             address: str = typer.Option("", help="host:port; default the `anbao up` port"),
             token: str = typer.Option("", envvar="ANBAO_TOKEN",
                                       help="bearer token; default a province_admin token "
                                            "minted with the local key"),
             data: Path = DATA):
    """Call any RPC with a JSON request and print the answer as JSON."""
    import grpc

    from .call import CallError, call, describe_error, to_json

    ports = Ports()
    default_port = {"registry": ports.registry, "accreditation": ports.accreditation,
                    "certificates": ports.certificates}.get(service, 0)
    try:
        bearer = token or secrets.issuer(data).mint("cli", "province_admin")
        answer = call(service, method, request, address or f"127.0.0.1:{default_port}", bearer)
    except (CallError, FileNotFoundError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    except grpc.RpcError as exc:
        console.print(f"[red]{describe_error(exc)}[/red]")
        raise typer.Exit(1)
    typer.echo(to_json(answer))


@app.command()
def token(role: str = typer.Option(..., help=f"one of {', '.join(sorted(auth.ROLES))}"),
          scope: str = typer.Option("", help="division code or institutions/{id}"),
          subject: str = typer.Option("cli", help="who the token is for"),
          ttl: int = typer.Option(3600, help="seconds"), data: Path = DATA):
    """Mint a role token for the gRPC APIs (`authorization: Bearer …`)."""
    try:
        typer.echo(secrets.issuer(data).mint(subject, role, scope, ttl))
    except (ValueError, FileNotFoundError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)


@app.command()
def verify(file: Path, keys: str = typer.Option(
        "", help="the issuer's published keys: a URL such as http://127.0.0.1:8080/api/v1/keys "
                 "or a saved JSON file; without it, any valid did:key proof verifies")):
    """Check an exported certificate credential offline; fails on any change to it."""
    from .verify import verify_file

    trusted = None
    if keys:
        raw = urllib.request.urlopen(keys, timeout=10).read() if keys.startswith("http") \
            else Path(keys).read_bytes()
        trusted = {k["id"] for k in json.loads(raw)["keys"] if not k.get("revoked")}
    ok, reason, credential = verify_file(file, trusted)
    subject = credential.get("credentialSubject", {}) if isinstance(credential, dict) else {}
    if ok:
        console.print(f"[green]VERIFIED[/green] {subject.get('certificateNumber', '')} "
                      f"{subject.get('occupationName', '')} level {subject.get('level', '')} "
                      f"issued {subject.get('issueDate', '')} by "
                      f"{subject.get('evaluationOrganisation', '')}")
        return
    console.print(f"[red]NOT VERIFIED[/red]: {reason}")
    raise typer.Exit(1)
