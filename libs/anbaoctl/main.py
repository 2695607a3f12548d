"""The `anbao` CLI: run the system, walk the demo, mint tokens, verify certificates."""

import asyncio
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from servicekit import tokens
from services import manifest

from . import audit, certs, events, migrate, secrets
from .ports import Ports, with_port_options

app = typer.Typer(help="anbao: vocational skills of security personnel.",
                  no_args_is_help=True, add_completion=False)
console = Console(emoji=False, highlight=False, soft_wrap=True)
app.add_typer(events.app, name="events")
app.add_typer(audit.app, name="audit")
DATA = typer.Option(Path("./data"), "--data", help="where `anbao up` keeps its files")


@app.command()
@with_port_options(nats=True)
def up(data: Path = DATA, ports: Ports = None):
    """Start NATS, the services and the public lookup; Ctrl-C stops them."""
    from .up import run

    try:
        code = run(data, ports, say=console.print)
    except RuntimeError as exc:  # an earlier run still going, a taken port, a bad store
        console.print(f"[red]anbao up failed:[/red] {exc}")
        code = 1
    raise typer.Exit(code)


@app.command()
@with_port_options(nats=False)
def demo(data: Path = DATA, host: str = "127.0.0.1", ports: Ports = None):
    """Walk the whole flow against a running `anbao up`; exit 0 only if every step worked."""
    from .demo import Endpoints, run_demo

    endpoints = Endpoints({name: f"{host}:{port}" for name, port in ports.grpc.items()},
                          {name: f"http://{host}:{port}" for name, port in ports.http.items()})
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
def call_rpc(service: str = typer.Argument(..., help=" or ".join(manifest.NAMES)),
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

    default_port = Ports().grpc.get(service, 0)
    try:
        bearer = token or secrets.issuer(data).mint("cli", "province_admin", audience=[service])
        answer = call(service, method, request, address or f"127.0.0.1:{default_port}", bearer)
    except (CallError, FileNotFoundError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    except grpc.RpcError as exc:
        console.print(f"[red]{describe_error(exc)}[/red]")
        raise typer.Exit(1)
    typer.echo(to_json(answer))


@app.command()
def roster(training_class: str = typer.Argument(..., help="classes/{id}"),
           format: str = typer.Option("xlsx", help="xlsx or csv"),
           out: Path = typer.Option(None, help="the file to write; default its own name"),
           address: str = typer.Option("", help="host:port; default the `anbao up` port"),
           token: str = typer.Option("", envvar="ANBAO_TOKEN",
                                     help="bearer token; default a province_admin token "
                                          "minted with the local key"),
           data: Path = DATA):
    """Export a training class's roster (TRN-10, 花名册) as XLSX or CSV, masked."""
    import base64
    import json

    import grpc

    from .call import CallError, call, describe_error

    if format not in ("xlsx", "csv"):
        console.print("[red]--format is xlsx or csv[/red]")
        raise typer.Exit(2)
    try:
        bearer = token or secrets.issuer(data).mint("cli", "province_admin",
                                                    audience=["training"])
        answer = call("training", "ExportRoster", json.dumps({
            "training_class": training_class, "format": f"ROSTER_FORMAT_{format.upper()}"}),
            address or f"127.0.0.1:{Ports().grpc['training']}", bearer)
    except (CallError, FileNotFoundError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    except grpc.RpcError as exc:
        console.print(f"[red]{describe_error(exc)}[/red]")
        raise typer.Exit(1)
    target = out or Path(answer["filename"])
    target.write_bytes(base64.b64decode(answer.get("content", "")))
    typer.echo(f"{target}: {answer.get('rows', 0)} trainees")


@app.command()
def token(role: str = typer.Option("", help=f"one of {', '.join(sorted(tokens.ROLES))}"),
          scope: str = typer.Option("", help="a city_admin's division code (320500), an "
                                             "institution's institutions/{id}, an "
                                             "evaluator's evaluators/{id}"),
          subject: str = typer.Option("cli", help="who the token is for"),
          service: str = typer.Option(
              "", help="the `service` token a service presents to those it calls: "
                       + ", ".join(s.name for s in manifest.SERVICES if s.calls)),
          audience: list[str] = typer.Option(
              [], help="a service the token is for (repeat it); default every service"),
          ttl: int = typer.Option(3600, help="seconds, at most the role's maximum"),
          department: str = typer.Option(
              "", help="an admin's department: police or human_resources (they select "
                       "institutions jointly)"),
          data: Path = DATA):
    """Mint a role token for the gRPC APIs (`authorization: Bearer …`)."""
    try:
        if service:  # what `anbao up` sets as ANBAO_<SERVICE>_<CALLEE>_TOKEN
            role, subject = "service", manifest.get(service).name
        if not role:
            raise ValueError("give --role, or --service for a service's own token")
        for name in audience:
            manifest.get(name)
        typer.echo(secrets.issuer(data).mint(subject, role, scope, ttl, audience or None,
                                                 department))
    except (ValueError, FileNotFoundError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)


@app.command("revoke-token")
def revoke_token(jti: str = typer.Argument(..., help="the token's `jti` claim"),
                 data: Path = DATA):
    """Revoke a token before it expires; the services refuse it within a second or two."""
    tokens.revoke(secrets.revocation_file(data), jti)
    typer.echo(f"revoked {jti}")


@app.command("rotate-token-key")
def rotate_token_key(data: Path = DATA):
    """A new token signing key; tokens signed with the old one stay valid until they expire."""
    typer.echo(f"new signing key {tokens.rotate_key(data / 'secrets')}; its public key is "
               f"published beside the old ones")


app.command("migrate")(migrate.migrate)
app.command("certs")(certs.certs)


@app.command()
def verify(file: Path, keys: str = typer.Option(
        "", help="the issuer's published keys: a URL such as http://127.0.0.1:8080/api/v1/keys "
                 "or a saved JSON file; without it, any valid did:key proof verifies and key "
                 "validity is not checked"),
        service: str = typer.Option(
            "", help="the issuing service's HTTP address (e.g. http://127.0.0.1:8080), to check "
                     "the issuer's accreditation online")):
    """Check a certificate credential step by step: well-formed, each proof, the key, the
    issuer, its status now (online, from its status lists) and its validity period.
    Exit 0 valid, 1 not valid, 3 when every step that ran passed but some could not."""
    from services.certificates.domain import verification as v

    from .verify import published_keys, verify_file

    try:
        trusted = published_keys(keys) if keys else None
    except (OSError, ValueError, KeyError) as exc:
        console.print(f"[red]cannot read the published keys:[/red] {exc}")
        raise typer.Exit(2)
    report, credential = verify_file(file, trusted, service)
    table = Table(title=f"verification of {file}")
    for column in ("step", "outcome", "detail"):
        table.add_column(column)
    colours = {v.PASSED: "green", v.FAILED: "red"}
    for step in report.steps:
        colour = colours.get(step.outcome, "yellow")
        table.add_row(step.step, f"[{colour}]{v.outcome_label(step.outcome)}[/{colour}]",
                      step.detail)
    console.print(table)
    subject = credential.get("credentialSubject", {}) if isinstance(credential, dict) else {}
    subject = subject if isinstance(subject, dict) else {}
    verdict = v.verdict_label(report.verdict)
    if report.valid:
        console.print(f"[green]VERIFIED: {verdict}[/green] {subject.get('certificateNumber', '')} "
                      f"{subject.get('occupationName', '')} level {subject.get('level', '')} "
                      f"issued {subject.get('issueDate', '')} by "
                      f"{subject.get('evaluationOrganisation', '')}")
        return
    if report.verdict == v.pb.VERDICT_INCOMPLETE:
        console.print(f"[yellow]{verdict}[/yellow]: every step that ran passed; "
                      "some could not be checked")
        raise typer.Exit(3)
    console.print(f"[red]NOT VERIFIED: {verdict}[/red]")
    raise typer.Exit(1)
