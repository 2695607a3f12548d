"""GB/T 2260 administrative division codes, from the shipped table ``data/divisions.csv``.

Validity is table membership; abolished codes stay known because old resident IDs keep them.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

PROVINCE_PREFIXES: frozenset[str] = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 "
    "46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)

# code -> ((name, valid_from, valid_to), ...) in historical order; years are None when open.
_Period = tuple[str, int | None, int | None]


def _year(text: str) -> int | None:
    return int(text) if text else None


@cache
def _table() -> dict[str, tuple[_Period, ...]]:
    text = resources.files("servicekit").joinpath("data/divisions.csv").read_text(encoding="utf-8")
    lines = (line for line in io.StringIO(text) if not line.startswith("#"))
    table: dict[str, list[_Period]] = {}
    for row in csv.DictReader(lines):
        table.setdefault(row["code"], []).append(
            (row["name"], _year(row["valid_from"]), _year(row["valid_to"]))
        )
    return {code: tuple(periods) for code, periods in table.items()}


def _is_code(code: object) -> bool:
    return isinstance(code, str) and len(code) == 6 and code.isascii() and code.isdigit()


def is_known_division(code: str) -> bool:
    """True if ``code`` is 6 digits and in the table (abolished codes included)."""
    return _is_code(code) and code in _table()


def division_name(code: str) -> str | None:
    """The latest name of the division, or None if the code is unknown."""
    periods = _table().get(code) if _is_code(code) else None
    return periods[-1][0] if periods else None


def province_of(code: str) -> str:
    """The 2-digit province prefix of a 6-digit division code."""
    if not _is_code(code):
        raise ValueError(f"division code must be 6 digits, got {code!r}")
    return code[:2]


def is_current(code: str, year: int) -> bool:
    """True if the code was in use in ``year``."""
    periods = _table().get(code, ()) if _is_code(code) else ()
    return any(
        (start is None or start <= year) and (end is None or year <= end)
        for _, start, end in periods
    )


def division_prefix(code: str) -> str:
    """A province (320000) or city (320500) code covers every code that starts like it."""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def within(code: str, area: str) -> bool:
    """True when `code` lies inside the province, city or county `area`."""
    return code.startswith(division_prefix(area))
