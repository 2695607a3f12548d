"""Numbers of certificates issued outside this system, as coding-rules.md gives them: the
national skill-level certificate (职业技能等级证书, SKILL22) and the legacy occupational
qualification certificate (国家职业资格证书, QUAL16). Neither has a check digit, so
validity is shape plus the parts that can be checked against a table or the calendar.
Written here rather than taken from python-stdnum, which has no such formats."""

from __future__ import annotations

import re
from datetime import date

from .divisions import PROVINCE_PREFIXES

# 1 letter (S, Y) + evaluation-organisation code (4) + province (2) + site serial (6) +
# issue year (2) + level (1, 1..5) + serial (6); ASCII digits only
_SKILL22 = re.compile(r"^[SY][0-9]{4}([0-9]{2})[0-9]{6}([0-9]{2})([1-5])([0-9]{6})$")
# year (2) + province or industry (2) + prefecture (2) + agency type (1, 0..4) +
# agency serial (3) + level (1, 1..5) + serial (5)
_QUAL16 = re.compile(r"^([0-9]{2})[0-9]{2}[0-9]{2}[0-4][0-9]{3}([1-5])[0-9]{5}$")
SHANGHAI_LENGTH = 13  # Shanghai's 13-digit numbers are left-padded with 000


class InvalidCertificateNumber(ValueError):
    """The text is not a certificate number of the declared format; says why."""


def validate_skill22(raw: str, today: date) -> tuple[str, int, int]:
    """The number, its issue year and its level; InvalidCertificateNumber otherwise."""
    value = raw.strip()
    if len(value) != 22:
        raise InvalidCertificateNumber(f"must be 22 characters, got {len(value)}")
    match = _SKILL22.match(value)
    if not match:
        raise InvalidCertificateNumber(
            "must be S or Y, then 21 digits with a level 1-5 at position 16")
    province, year, level, serial = match.groups()
    if province not in PROVINCE_PREFIXES:
        raise InvalidCertificateNumber(f"positions 6-7 ({province}) are not a province")
    full_year = 2000 + int(year)
    if full_year > today.year:
        raise InvalidCertificateNumber(f"issue year {full_year} is in the future")
    if serial == "000000":
        raise InvalidCertificateNumber("the serial runs from 000001")
    return value, full_year, int(level)


def validate_qual16(raw: str, today: date) -> tuple[str, int, int]:
    """The (padded) number, its issue year and its level; InvalidCertificateNumber
    otherwise. The year's century is the one that puts it in the past (the format dates
    from the 1990s to 2019)."""
    value = raw.strip()
    if len(value) == SHANGHAI_LENGTH and value.isascii() and value.isdigit():
        value = "000" + value
    if len(value) != 16:
        raise InvalidCertificateNumber(f"must be 16 digits (or Shanghai's 13), got {len(value)}")
    match = _QUAL16.match(value)
    if not match:
        raise InvalidCertificateNumber(
            "must be 16 digits with an agency type 0-4 at position 7 and a level 1-5 at 11")
    year, level = int(match.group(1)), int(match.group(2))
    full_year = 2000 + year if 2000 + year <= today.year else 1900 + year
    return value, full_year, level
