"""The printed certificate: an A4 PDF with the national style's fields and a QR code
carrying the certificate's verification link (CERT-1, CERT-4).

Every personal field is masked as the public lookup shows it (the paper travels). The
text is set in Noto Sans CJK SC, embedded as a subset with its Unicode map, so a reader
can select and search the Chinese (SIL Open Font License, from the `noto-cjk-sans-otc`
package)."""

import io
from dataclasses import dataclass
from datetime import date
from importlib import resources

import segno
from fpdf import FPDF

from servicekit import masking

from . import wording
from .domain.certificates import Certificate

_FONT = resources.files("noto_cjk_sans_otc").joinpath("NotoSansCJK-Regular.ttc")
_SIMPLIFIED_CHINESE = 2  # the collection's faces: JP, KR, SC, TC, HK, then the Mono ones

# the title per kind of certificate; training-completion certificates (CERT-2) add theirs
TITLES = {"skill_level": ("职业技能等级证书", "Vocational Skill Level Certificate")}


@dataclass(frozen=True)
class PrintedFields:
    title: tuple[str, str]
    holder: str
    gender: str
    resident_id: str
    occupation: str
    level: str
    number: str
    issue_date: str
    issuer: str


def fields_of(certificate: Certificate, kind: str = "skill_level") -> PrintedFields:
    return printed_fields(
        holder_name=certificate.holder_name, resident_id_masked=certificate.resident_id_masked,
        occupation_name=certificate.occupation_name, level=certificate.level,
        number=certificate.number, issue_date=certificate.issue_date,
        issuer=certificate.issuing_organisation, kind=kind)


def printed_fields(*, holder_name: str, resident_id_masked: str, occupation_name: str,
                   level: int, number: str, issue_date: date, issuer: str,
                   kind: str = "skill_level") -> PrintedFields:
    """Masked as the public lookup shows them (CERT-4): the paper travels."""
    gender = wording.gender_of(resident_id_masked)
    return PrintedFields(
        title=TITLES[kind], holder=masking.mask_name(holder_name),
        gender=wording.GENDERS["zh"][gender] if gender is not None else "",
        resident_id=resident_id_masked, occupation=occupation_name,
        level=wording.LEVELS["zh"].get(level, str(level)), number=number,
        issue_date=f"{issue_date.year}年{issue_date.month}月{issue_date.day}日", issuer=issuer)


def _rows(f: PrintedFields) -> list[tuple[str, str, str]]:
    return [("姓名", "Name", f.holder), ("性别", "Gender", f.gender),
            ("身份证号", "Resident ID", f.resident_id), ("职业（工种）", "Occupation", f.occupation),
            ("等级", "Level", f.level), ("证书编号", "Certificate No.", f.number),
            ("发证日期", "Issue date", f.issue_date), ("发证机构", "Issued by", f.issuer)]


def render(fields: PrintedFields, link: str) -> bytes:
    """The PDF's bytes; `link` is the verification URL the QR code carries."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_title(f"{fields.title[0]} {fields.number}")
    pdf.set_creator("anbao certificates")
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=str(_FONT), collection_font_number=_SIMPLIFIED_CHINESE)
    pdf.add_page()
    pdf.set_draw_color(150, 30, 30)
    pdf.set_line_width(1.2)
    pdf.rect(12, 12, 186, 273)
    pdf.set_line_width(0.3)
    pdf.rect(15, 15, 180, 267)
    pdf.set_text_color(150, 30, 30)
    pdf.set_font("cjk", size=30)
    pdf.set_xy(15, 38)
    pdf.cell(180, 14, fields.title[0], align="C")
    pdf.set_font("cjk", size=13)
    pdf.set_xy(15, 54)
    pdf.cell(180, 8, fields.title[1], align="C")
    pdf.set_text_color(20, 20, 20)
    y = 82
    for chinese, english, value in _rows(fields):
        pdf.set_xy(32, y)
        pdf.set_font("cjk", size=14)
        pdf.cell(42, 8, chinese)
        pdf.set_xy(32, y + 7)
        pdf.set_font("cjk", size=8)
        pdf.set_text_color(110, 110, 110)
        pdf.cell(42, 5, english)
        pdf.set_text_color(20, 20, 20)
        pdf.set_xy(78, y)
        pdf.set_font("cjk", size=14)
        pdf.multi_cell(100, 8, value)
        y += 17
    qr = io.BytesIO()
    segno.make(link, error="m").save(qr, kind="png", scale=8, border=2)
    qr.seek(0)
    pdf.image(qr, x=140, y=222, w=42, h=42)
    pdf.set_font("cjk", size=9)
    pdf.set_xy(28, 236)
    pdf.multi_cell(105, 5, "扫描二维码核验本证书的真伪和当前状态。\n"
                           "Scan the QR code to verify this certificate and its status now.")
    pdf.set_xy(28, 252)
    pdf.set_font("cjk", size=7)
    pdf.multi_cell(105, 4, link)
    return bytes(pdf.output())


def file_name(number: str) -> str:
    return f"{number}.pdf"



