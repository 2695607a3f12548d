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


REPORT_COLUMNS = ("专业(工种)代码", "专业(工种)", "培训班数", "培训人数", "结业人数", "计划课时",
                  "结业学员课时", "已发补贴(元)")


def report_xlsx(title: str, lines) -> bytes:
    """POOL-4: the quarterly report's lines (domain/report.Line), the total last."""
    book = Workbook()
    sheet = book.active
    sheet.title = "培训季报"
    sheet.append([title])
    sheet.append(REPORT_COLUMNS)
    for x in lines:
        sheet.append([x.occupation_code, x.occupation_name, x.classes, x.trainees,
                      x.completed_trainees, x.planned_class_hours, x.trainee_class_hours,
                      f"{x.subsidies_paid_fen // 100}.{x.subsidies_paid_fen % 100:02d}"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
