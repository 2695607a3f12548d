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
