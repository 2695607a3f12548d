"""Resident identity number (公民身份号码, GB 11643): 18 characters with an ISO 7064 check."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from servicekit.divisions import PROVINCE_PREFIXES

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_PATTERN = re.compile(r"[0-9]{17}[0-9X]")
_EARLIEST = date(1900, 1, 1)


class InvalidResidentId(ValueError):
    """The text is not a valid 18-character resident identity number."""


@dataclass(frozen=True)
class ResidentId:
    value: str
    birth_date: date
    gender: Literal["MALE", "FEMALE"]
    address_code: str


def normalize_resident_id(raw: str) -> str:
    """Strip surrounding whitespace and upper-case a trailing ``x``."""
    return raw.strip().upper()


def _check_char(first17: str) -> str:
    return _CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, _WEIGHTS)) % 11]


def validate_resident_id(raw: str, today: date | None = None) -> ResidentId:
    """Validate and parse a resident ID; raise InvalidResidentId with the reason."""
    value = normalize_resident_id(raw)
    if not _PATTERN.fullmatch(value):
        raise InvalidResidentId("resident ID must be 17 digits followed by a digit or X")
    if value[17] != _check_char(value[:17]):
        raise InvalidResidentId("resident ID check character does not match")
    if value[:2] not in PROVINCE_PREFIXES:
        raise InvalidResidentId(f"resident ID has unknown province prefix {value[:2]}")
    try:
        birth = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise InvalidResidentId(
            f"resident ID birth date {value[6:14]} is not a real date"
        ) from None
    if birth < _EARLIEST:
        raise InvalidResidentId("resident ID birth date is before 1900-01-01")
    if birth > (today or date.today()):
        raise InvalidResidentId("resident ID birth date is in the future")
    gender: Literal["MALE", "FEMALE"] = "MALE" if int(value[16]) % 2 else "FEMALE"
    return ResidentId(value=value, birth_date=birth, gender=gender, address_code=value[:6])


def make_resident_id(address_code: str, birth_date: date, sequence: int) -> str:
    """Build an ID with the right check character (sequence 0-999; odd is male)."""
    if not (len(address_code) == 6 and address_code.isdigit()) or not 0 <= sequence <= 999:
        raise ValueError("address_code must be 6 digits and sequence 0-999")
    first17 = f"{address_code}{birth_date:%Y%m%d}{sequence:03d}"
    return first17 + _check_char(first17)
