"""`anbao employers …`: register an employer (用人单位), and as that employer manage its
watchlist and read its webhook deliveries (EMP-1..5) against a running `anbao up`.

An admin registers with a province_admin token; the other commands act as the employer
with an `employer` token for employers/{uscc}. Both are minted with the local key under
--data unless --token (or ANBAO_TOKEN) gives one."""

import json
import os
from pathlib import Path

import grpc
import typer

from . import secrets
from .call import CallError, call, describe_error, to_json
from .ports import Ports

app = typer.Typer(help="Employers: registration, watchlists, webhook deliveries.",
                  no_args_is_help=True, add_completion=False)
DATA = typer.Option(Path("./data"), "--data", help="where `anbao up` keeps its files")
ADDRESS = typer.Option("", help="certificates' host:port; default the `anbao up` port "
                                "(ANBAO_UP_CERTIFICATES_PORT)")
TOKEN = typer.Option("", envvar="ANBAO_TOKEN", help="bearer token; default one minted with "
                                                    "the local key")


def _address(address: str) -> str:
    """As given, or where `anbao up` puts certificates (the same ANBAO_UP_… setting)."""
    port = os.environ.get("ANBAO_UP_CERTIFICATES_PORT") or Ports().grpc["certificates"]
    return address or f"127.0.0.1:{port}"


def _run(method: str, request: dict, address: str, token: str, data: Path, *,
         role: str, scope: str = "") -> None:
    try:
        bearer = token or secrets.issuer(data).mint("cli", role, scope,
                                                    audience=["certificates"])
        answer = call("certificates", method, json.dumps(request, ensure_ascii=False),
                      _address(address), bearer)
    except (CallError, FileNotFoundError, ValueError) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2)
    except grpc.RpcError as exc:
        typer.echo(describe_error(exc), err=True)
        raise typer.Exit(1)
    typer.echo(to_json(answer))


@app.command()
def register(uscc: str = typer.Option(..., help="统一社会信用代码, 18 characters"),
             name: str = typer.Option(..., help="the unit's name"),
             region: str = typer.Option(..., help="its division code (GB/T 2260), e.g. 220102"),
             url: str = typer.Option(..., help="its webhook URL (https)"),
             address: str = ADDRESS, token: str = TOKEN, data: Path = DATA):
    """Register an employer (as an admin). The answer shows the webhook secret once."""
    _run("RegisterEmployer", {"employer": {"uscc": uscc, "display_name": name,
                                           "region_code": region, "webhook_url": url}},
         address, token, data, role="province_admin")


@app.command()
def watch(uscc: str = typer.Argument(..., help="the employer's USCC"),
          number: str = typer.Argument(..., help="the certificate number"),
          holder_name: str = typer.Option(..., "--holder-name", help="the holder's name"),
          address: str = ADDRESS, token: str = TOKEN, data: Path = DATA):
    """Watch a certificate: its status changes are pushed to the employer's webhook."""
    _run("WatchCertificate", {"parent": f"employers/{uscc}", "number": number,
                              "holder_name": holder_name},
         address, token, data, role="employer", scope=f"employers/{uscc}")


@app.command()
def unwatch(uscc: str = typer.Argument(...), number: str = typer.Argument(...),
            address: str = ADDRESS, token: str = TOKEN, data: Path = DATA):
    """Stop watching a certificate."""
    _run("UnwatchCertificate", {"name": f"employers/{uscc}/watches/{number}"},
         address, token, data, role="employer", scope=f"employers/{uscc}")


@app.command()
def watches(uscc: str = typer.Argument(...), page_size: int = 0, page_token: str = "",
            address: str = ADDRESS, token: str = TOKEN, data: Path = DATA):
    """The employer's watchlist, by certificate number."""
    _run("ListWatches", {"parent": f"employers/{uscc}", "page_size": page_size,
                         "page_token": page_token},
         address, token, data, role="employer", scope=f"employers/{uscc}")


@app.command()
def deliveries(uscc: str = typer.Argument(...), page_size: int = 0, page_token: str = "",
               address: str = ADDRESS, token: str = TOKEN, data: Path = DATA):
    """The employer's webhook deliveries, oldest first, each with every attempt."""
    _run("ListDeliveries", {"parent": f"employers/{uscc}", "page_size": page_size,
                            "page_token": page_token},
         address, token, data, role="employer", scope=f"employers/{uscc}")
