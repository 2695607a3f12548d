"""`anbao certificates pdf`: the printed certificate (A4 PDF with its QR verification link).

One certificate, as anyone may have it: `anbao certificates pdf NUMBER --name 张伟` asks the
public HTTP endpoint (number and holder name, like the lookup). A whole exam session, for
the organisation that hands them out: `anbao certificates pdf --session examSessions/… --out
DIR` reads the session's passers and their certificates over gRPC with an admin token and
prints each here, signing the QR links with the certificates service's key from the local
`anbao up` secrets (so printing a session spends no public lookup budget)."""

import json
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress

from services import manifest

from . import secrets
from .ports import Ports, with_port_options

app = typer.Typer(help="Certificates: print them.", no_args_is_help=True)
console = Console(emoji=False, highlight=False, soft_wrap=True)
PASSED = "ASSESSMENT_RESULT_PASSED"


def fetch_pdf(base: str, number: str, name: str, timeout: float = 30.0) -> bytes:
    """The printed certificate from the public endpoint; ValueError says why not."""
    url = (f"{base}/api/v1/certificates/{urllib.parse.quote(number, safe='')}/pdf?"
           + urllib.parse.urlencode({"name": name}))
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        try:
            message = json.loads(exc.read()).get("message", "")
        except ValueError:
            message = ""
        if exc.code == 429:
            message += f" (retry after {exc.headers.get('Retry-After', '?')} s)"
        raise ValueError(f"HTTP {exc.code}: {message or exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise ValueError(f"cannot reach {base}: {exc.reason}") from exc


def _link_key(data: Path) -> bytes:
    from services.certificates.domain import verification_link

    variable = manifest.get("certificates").env("key_encryption_key")
    values = secrets.read_service_keys(data)
    if variable not in values:
        raise ValueError(f"{variable} is not in {data}/secrets: is this the folder "
                         "`anbao up` runs with?")
    return verification_link.link_key(values[variable])


def session_certificates(session: str, grpc: dict[str, str], token_for) -> list[dict]:
    """The certificates of a session's passers: each passer's certificate for the
    session's occupation and level (its replacement, if it was replaced)."""
    from .call import call

    exam = call("accreditation", "GetExamSession", json.dumps({"name": session}),
                grpc["accreditation"], token_for("accreditation"))
    found = []
    for candidate in exam.get("candidates", []):
        if candidate.get("result") != PASSED:
            continue
        held = call("certificates", "ListCertificates",
                    json.dumps({"person": candidate["person"], "page_size": 100}),
                    grpc["certificates"], token_for("certificates")).get("certificates", [])
        found += [c for c in held if c.get("occupation_code") == exam.get("occupation_code")
                  and c.get("level") == exam.get("level")
                  and c.get("status") != "CERTIFICATE_STATUS_REPLACED"]
    return found


def render_certificate(c: dict, link: str) -> bytes:
    from services.certificates import certificate_pdf

    issued = c["issue_date"]
    return certificate_pdf.render(certificate_pdf.printed_fields(
        holder_name=c["holder_name"], resident_id_masked=c.get("resident_id_masked", ""),
        occupation_name=c["occupation_name"], level=c["level"], number=c["number"],
        issue_date=date(issued["year"], issued["month"], issued["day"]),
        issuer=c["issuing_organisation"]), link)


@app.command("pdf")
@with_port_options(nats=False)
def pdf(number: str = typer.Argument("", help="the certificate number (22 characters)"),
        name: str = typer.Option("", help="the holder's name, as for the public lookup"),
        session: str = typer.Option("", help="examSessions/{id}: one PDF per passer"),
        out: Path = typer.Option(None, help="the file (one certificate; default NUMBER.pdf) "
                                            "or the folder (--session)"),
        host: str = typer.Option("127.0.0.1", help="where `anbao up` runs"),
        public_base: str = typer.Option(
            "", envvar="ANBAO_CERTIFICATES_PUBLIC_BASE_URL",
            help="the public address QR links start with (--session); default the "
                 "certificates HTTP port on --host"),
        data: Path = typer.Option(Path("./data"), "--data",
                                  help="where `anbao up` keeps its files"),
        ports: Ports = None):
    """Print a certificate, or every certificate of an exam session, as an A4 PDF."""
    base = f"http://{host}:{ports.http['certificates']}"
    if bool(number) == bool(session):
        console.print("[red]give a NUMBER (with --name) or --session[/red]")
        raise typer.Exit(2)
    if number:
        if not name:
            console.print("[red]--name is required: the number alone never unlocks a "
                          "certificate[/red]")
            raise typer.Exit(2)
        try:
            body = fetch_pdf(base, number, name)
        except ValueError as exc:
            console.print(f"[red]{exc}[/red]")
            raise typer.Exit(1)
        target = out or Path(f"{number}.pdf")
        target.write_bytes(body)
        typer.echo(f"wrote {target}")
        return
    _print_session(session, out or Path("."), ports, host, public_base or base, data)


def _print_session(session: str, folder: Path, ports: Ports, host: str, public_base: str,
                   data: Path) -> None:
    import grpc

    from services.certificates.domain import verification_link

    from .call import CallError, describe_error

    grpc_addresses = {n: f"{host}:{p}" for n, p in ports.grpc.items()}
    try:
        key = _link_key(data)
        issuer = secrets.issuer(data)
        found = session_certificates(session, grpc_addresses, lambda service: issuer.mint(
            "cli", "province_admin", audience=[service]))
    except (ValueError, FileNotFoundError, CallError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    except grpc.RpcError as exc:
        console.print(f"[red]{describe_error(exc)}[/red]")
        raise typer.Exit(1)
    folder.mkdir(parents=True, exist_ok=True)
    with Progress(console=console) as progress:
        task = progress.add_task(f"printing {session}", total=len(found))
        for c in found:
            link = f"{public_base.rstrip('/')}/v/{verification_link.issue(key, c['number'])}"
            (folder / f"{c['number']}.pdf").write_bytes(render_certificate(c, link))
            progress.advance(task)
    typer.echo(f"wrote {len(found)} certificate(s) to {folder}")
