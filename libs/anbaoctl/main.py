"""The `anbao` CLI: run the system, walk the demo, mint tokens, verify certificates."""

import asyncio
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from servicekit import tokens
from services import manifest

from . import audit, certs, employers, events, migrate, pool, printing, registry, secrets
from .ports import Ports, with_port_options

app = typer.Typer(help="anbao: vocational skills of security personnel.",
                  no_args_is_help=True, add_completion=False)
console = Console(emoji=False, highlight=False, soft_wrap=True)
app.add_typer(events.app, name="events")
app.add_typer(audit.app, name="audit")
app.add_typer(registry.app, name="registry")
app.add_typer(pool.app, name="pool")
app.add_typer(employers.app, name="employers")
app.add_typer(printing.app, name="certificates")
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
def demo(data: Path = DATA, host: str = "127.0.0.1", ports: Ports = None,
         cluster: bool = typer.Option(False, "--cluster", help="against `anbao cluster up` "
                                      "(its data folder, every replica of each service)"),
         replicas: int = typer.Option(2, help="with --cluster: replicas per service")):
    """Walk the whole flow against a running `anbao up`; exit 0 only if every step worked."""
    from .demo import Endpoints, run_demo

    endpoints = Endpoints({name: f"{host}:{port}" for name, port in ports.grpc.items()},
                          {name: f"http://{host}:{port}" for name, port in ports.http.items()})
    if cluster:
        from .cluster import CLUSTER_DATA, Layout

        layout, data = Layout(replicas=replicas), CLUSTER_DATA if data == DATA.default else data
        endpoints = Endpoints(
            {s.name: layout.target(s.name, host) for s in manifest.SERVICES},
            {s.name: f"http://{host}:{layout.http_port(s, 0)}" for s in manifest.SERVICES
             if s.http_port is not None})
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
@with_port_options(nats=False)
def call_rpc(service: str = typer.Argument(..., help=" or ".join(manifest.NAMES)),
             method: str = typer.Argument(..., help="e.g. RegisterPerson"),
             request: str = typer.Argument("{}", help="the request as JSON"),
             address: str = typer.Option("", help="host:port; default the service's port as "
                                                  "`anbao up` and `anbao demo` take it"),
             token: str = typer.Option("", envvar="ANBAO_TOKEN",
                                       help="bearer token; default a province_admin token "
                                            "minted with the local key"),
             data: Path = DATA, ports: Ports = None):
    """Call any RPC with a JSON request and print the answer as JSON."""
    import grpc

    from .call import CallError, call, describe_error, to_json

    default_port = ports.grpc.get(service, 0)  # --<service>-port or ANBAO_UP_<SERVICE>_PORT
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
                                             "evaluator's evaluators/{id}, an employer's "
                                             "employers/{uscc}"),
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
@with_port_options(nats=False)
def status(host: str = "127.0.0.1", ports: Ports = None,
           cluster: bool = typer.Option(False, "--cluster", help="every replica of "
                                        "`anbao cluster up`"),
           replicas: int = typer.Option(2, help="with --cluster: replicas per service")):
    """Each service's health, outbox backlog, consumer lag and dead letters; exit 0 only
    when every one is serving with nothing waiting."""
    from .status import gather, targets_of

    if cluster:
        from .cluster import Layout

        layout = Layout(replicas=replicas)
        targets = targets_of({f"{s.name}[{r}]": layout.grpc_port(s, r)
                              for s in manifest.SERVICES for r in range(replicas)})
    else:
        targets = targets_of(ports.grpc)
    table = Table(title="anbao status")
    for column in ("service", "address", "health", "outbox backlog", "consumer pending",
                   "unacked", "dead letters", "RPCs"):
        table.add_column(column)
    found = gather(targets, host)
    for s in found:
        numbers = (s.backlog, s.pending, s.ack_pending, s.dead_letters, s.rpcs)
        table.add_row(s.name, s.address,
                      s.health if s.health == "SERVING" else f"[red]{s.health}[/red]",
                      *("-" if n is None else str(n) for n in numbers))
    console.print(table)
    raise typer.Exit(0 if all(s.healthy for s in found) else 1)


cluster_app = typer.Typer(help="The production shape on one machine: a 3-node JetStream "
                          "cluster, PostgreSQL and replicas of every service.",
                          no_args_is_help=True)
app.add_typer(cluster_app, name="cluster")


@cluster_app.command("up")
def cluster_up(postgres_url: str = typer.Option(
                   "postgresql://postgres@127.0.0.1:5432/postgres",
                   help="a PostgreSQL server whose user may create databases; each service "
                        "gets anbao_cluster_<service>"),
               replicas: int = typer.Option(2, min=1, max=9, help="replicas per service"),
               reset: bool = typer.Option(False, help="drop the cluster's databases first"),
               data: Path = typer.Option(Path("./data/cluster"), "--data")):
    """Start three NATS nodes, N replicas of every service on PostgreSQL; Ctrl-C stops."""
    from .cluster import Layout, run

    try:
        code = run(data, postgres_url, Layout(replicas=replicas), reset, say=console.print)
    except RuntimeError as exc:
        console.print(f"[red]anbao cluster up failed:[/red] {exc}")
        code = 1
    raise typer.Exit(code)


@app.command("deploy-secrets")
def deploy_secrets(out: Path = typer.Argument(Path("deploy/secrets"), help="where to write"),
                   database_url: str = typer.Option(
                       "postgresql://postgres@postgres:5432/anbao_{service}",
                       help="each service's database; {service} is replaced by its name"),
                   data: Path = DATA):
    """Write what deploy/ mounts: per service its keys (.env) and files (NKey seed, TLS,
    token public key), and the broker's; from the secrets under DATA (made when missing,
    as `anbao up` makes them) and `anbao certs`' certificates."""
    from . import deploysecrets

    if "{service}" not in database_url:
        typer.echo("--database-url must name {service}: each service has its own database",
                   err=True)
        raise typer.Exit(2)
    for path in deploysecrets.write(data, out, database_url):
        typer.echo(f"wrote {path}")


@app.command("bus-auth")
def bus_auth(out: Path = typer.Argument(..., help="where to write it, e.g. "
                                        "deploy/secrets/nats/auth.conf"),
             data: Path = DATA):
    """Write the bus's users and permissions (from the manifest; NKey seeds under DATA,
    made when missing) for a NATS cluster's configuration to include (deploy/)."""
    from .natsserver import write_authorization

    typer.echo(f"wrote {write_authorization(data, out)}")


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
