"""`anbao pool`: the talent pool's due list (POOL-3) and annual report (POOL-4), shown or
exported as CSV or XLSX; a large export pages through the service behind a progress bar."""

import csv
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

import grpc
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from anbao.registry.v1 import registry_pb2 as reg
from servicekit import dates
from services import manifest

from . import secrets
from .call import describe_error
from .ports import Ports

app = typer.Typer(help="The talent pool: rotation training due, annual reports.",
                  no_args_is_help=True, add_completion=False)
console = Console(emoji=False, highlight=False, soft_wrap=True)
DATA = typer.Option(Path("./data"), "--data", help="where `anbao up` keeps its files")
TOKEN = typer.Option("", envvar="ANBAO_TOKEN", help="bearer token; default a province_admin "
                                                    "token minted with the local key")
OUT = typer.Option(None, "--out", help="write a .csv or .xlsx file instead of a table")
PAGE = 500

DUE_HEADER = ["序号 no", "人员 person", "姓名 name", "身份证号 resident ID (masked)",
              "区划 region", "单位 unit", "行业 industry", "类型 kind", "截止 due date",
              "逾期 overdue", "已完成学时 hours done", "应完成学时 hours required"]
# what fits a terminal: index into DUE_HEADER → short heading
TERMINAL_COLUMNS = {0: "#", 2: "name", 3: "resident ID", 5: "unit", 7: "kind", 8: "due",
                    9: "overdue", 10: "hours"}
REPORT_HEADER = ["区划 region", "年度 year", "职业 occupation", "等级 level",
                 "取得证书 certificates obtained"]


def _stub(address: str, token: str, data: Path):
    service = manifest.get("registry")
    bearer = token or secrets.issuer(data).mint("cli", "province_admin", audience=[service.name])
    channel = grpc.insecure_channel(address or f"127.0.0.1:{Ports().grpc['registry']}")
    return channel, service.stub(channel), (("authorization", f"Bearer {bearer}"),)


def write_rows(path: Path, header: list[str], rows: Iterator[list]) -> int:
    """Writes `rows` under `header` to a .csv (UTF-8 with BOM, so spreadsheet programs
    read the Chinese) or .xlsx file, streaming; how many rows."""
    count = 0
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)  # rows stream to disk: memory stays flat
        sheet = book.create_sheet()
        sheet.append(header)
        for row in rows:
            sheet.append(row)
            count += 1
        book.save(path)
    elif path.suffix.lower() == ".csv":
        with path.open("w", newline="", encoding="utf-8-sig") as f:
            out = csv.writer(f)
            out.writerow(header)
            for row in rows:
                out.writerow(row)
                count += 1
    else:
        raise ValueError(f"{path.name}: the export is .csv or .xlsx")
    return count


def due_rows(fetch: Callable[[str], reg.ListRotationTrainingDueResponse],
             advance: Callable[[int], None]) -> Iterator[list]:
    """Every due cadre, page by page (keyset tokens), numbered from 1."""
    token, n = "", 0
    while True:
        page = fetch(token)
        for d in page.dues:
            n += 1
            yield [n, d.person, d.full_name, d.resident_id_masked, d.region_code, d.unit_name,
                   reg.Industry.Name(d.industry).removeprefix("INDUSTRY_"),
                   reg.TrainingDueKind.Name(d.kind).removeprefix("TRAINING_DUE_KIND_"),
                   dates.iso(dates.of_proto(d.due_date)), "yes" if d.overdue else "no",
                   d.hours_done, d.hours_required]
        advance(len(page.dues))
        token = page.next_page_token
        if not token:
            return


def report_rows(report: reg.AnnualReport) -> list[list]:
    rows = [[report.region_code, report.year, line.occupation_code, line.level,
             line.certificates_obtained] for line in report.lines]
    rows.append([report.region_code, report.year, "total", "", report.certificates_total])
    rows.append([report.region_code, report.year, "incentives: subsidies paid", "",
                 report.subsidies_paid])
    rows.append([report.region_code, report.year, "incentives: amount (fen)", "",
                 report.subsidies_paid_fen])
    return rows


@app.command()
def due(region: str = typer.Option("", help="a province, city or county code; default all"),
        within_days: int = typer.Option(30, help="due within this many days (overdue always)"),
        as_of: str = typer.Option("", help="YYYY-MM-DD; default today"),
        page_size: int = typer.Option(PAGE, help="rows fetched per call"),
        out: Path = OUT, address: str = typer.Option("", help="registry's host:port"),
        token: str = TOKEN, data: Path = DATA):
    """POOL-3: security cadres of key units whose training is due or overdue."""
    channel, stub, md = _stub(address, token, data)
    day = date.fromisoformat(as_of) if as_of else None

    def fetch(page_token: str):
        return stub.ListRotationTrainingDue(reg.ListRotationTrainingDueRequest(
            region_code=region, within_days=within_days, as_of=dates.to_proto(day),
            page_size=page_size, page_token=page_token), metadata=md, timeout=30)

    try:
        with channel:
            if out is None:
                table = Table(title=f"rotation training due (as of {as_of or 'today'})")
                for column in TERMINAL_COLUMNS.values():
                    table.add_column(column)
                for row in due_rows(fetch, lambda _: None):
                    cells = [str(row[i]) for i in TERMINAL_COLUMNS]
                    cells[-1] = f"{row[10]}/{row[11]}"
                    table.add_row(*cells)
                console.print(table)
                return
            with Progress(TextColumn("exporting due list"), BarColumn(), MofNCompleteColumn(),
                          console=console, transient=True) as progress:
                task = progress.add_task("export", total=None)
                written = write_rows(out, DUE_HEADER, due_rows(
                    fetch, lambda n: progress.advance(task, n)))
            console.print(f"wrote {written} due cadres to {out}")
    except grpc.RpcError as exc:
        console.print(f"[red]{describe_error(exc)}[/red]")
        raise typer.Exit(1)
    except ValueError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)


@app.command()
def report(region: str = typer.Option(..., help="a city (220100) or the province (220000)"),
           year: int = typer.Option(date.today().year, help="the report's year"),
           out: Path = OUT, address: str = typer.Option("", help="registry's host:port"),
           token: str = TOKEN, data: Path = DATA):
    """POOL-4: the annual report (certificates obtained, incentives), due 10 December."""
    channel, stub, md = _stub(address, token, data)
    try:
        with channel:
            answer = stub.GetAnnualReport(reg.GetAnnualReportRequest(
                region_code=region, year=year), metadata=md, timeout=30)
        rows = report_rows(answer)
        if out is not None:
            write_rows(out, REPORT_HEADER, iter(rows))
            console.print(f"wrote the {year} report of {answer.region_name} to {out}")
            return
    except grpc.RpcError as exc:
        console.print(f"[red]{describe_error(exc)}[/red]")
        raise typer.Exit(1)
    except ValueError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    table = Table(title=f"{answer.region_name} {year} annual report, due "
                        f"{dates.iso(dates.of_proto(answer.due_date))}")
    for column in REPORT_HEADER:
        table.add_column(column)
    for row in rows:
        table.add_row(*map(str, row))
    console.print(table)
    console.print(answer.source_note)
