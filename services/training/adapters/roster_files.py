"""TRN-10 rosters as files: CSV (UTF-8 with a BOM, so spreadsheet programs read the
Chinese headers) and XLSX (openpyxl)."""

import csv
import io

from openpyxl import Workbook

from ..domain.roster import COLUMNS

CSV, XLSX = "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def to_csv(rows: list[tuple[str, ...]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[tuple[str, ...]], title: str = "花名册") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(list(row))  # every cell text: IDs and numbers keep their form
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
