"""The national skill-level certificate number (coding-rules.md, CERT-1): 22 characters,
1 letter + 21 digits, no check digit."""

import re
from datetime import date

from servicekit import divisions

PATTERN = re.compile(r"^[SY][0-9]{4}([0-9]{2})[0-9]{6}([0-9]{2})([1-5])[0-9]{6}$")  # ASCII digits only
MAX_SERIAL = 999_999


def series(prefix: str, year: int, level: int) -> str:
    """Serials run per (parts 1–4, issue year, level): the first 16 characters."""
    return f"{prefix}{year % 100:02d}{level}"


def compose(series_key: str, serial: int) -> str:
    if not 1 <= serial <= MAX_SERIAL:
        raise OverflowError(f"series {series_key} has used all {MAX_SERIAL} serials")
    return f"{series_key}{serial:06d}"


def is_valid(number: str, today: date) -> bool:
    """Shape, a real province, and an issue year not in the future."""
    match = PATTERN.match(number)
    if not match:
        return False
    province, year = match.group(1), 2000 + int(match.group(2))
    return province in divisions.PROVINCE_PREFIXES and year <= today.year


# Training-completion certificates (培训结业证书, CERT-2) have no national coding rule; our
# own series, shaped so it can never be taken for a skill number (nor a 16-digit legacy
# qualification number): 17 characters, `T` + the class's city (GB/T 2260, 6 digits) +
# the issue year (4 digits) + a serial per city and year (6 digits, from 000001), e.g.
# T350500 2026 000001 → `T3505002026000001`. A skill number starts with S or Y and has 22.
COMPLETION_PATTERN = re.compile(r"^T([0-9]{6})([0-9]{4})([0-9]{6})$")  # ASCII digits only


def completion_series(region_code: str, year: int) -> str:
    """Completion serials run per (city, issue year): the first 11 characters."""
    return f"T{region_code}{year:04d}"


def is_valid_completion(number: str, today: date) -> bool:
    """Shape, a known division, a year not in the future, a serial from 1."""
    match = COMPLETION_PATTERN.match(number)
    if not match:
        return False
    region, year, serial = match.group(1), int(match.group(2)), int(match.group(3))
    return divisions.is_known_division(region) and 2000 <= year <= today.year and serial >= 1


def is_certificate_number(number: str, today: date) -> bool:
    """Either series: a national skill number or a training-completion number."""
    return is_valid(number, today) or is_valid_completion(number, today)
