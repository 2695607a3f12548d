"""registry's rules: what a valid registration is, and how the talent pool is searched.
Pure: no I/O."""

import re
from dataclasses import dataclass
from datetime import date

from servicekit import dates, divisions
from servicekit.errors import Violations
from servicekit.resident_id import InvalidResidentId, ResidentId, validate_resident_id

_MOBILE = re.compile(r"^1[3-9]\d{9}$")


@dataclass(frozen=True)
class Registration:
    resident_id: ResidentId
    full_name: str
    phone: str
    region_code: str
    employer_unit: str
    industry: int
    guard_certificate_date: date | None


def validate_registration(v: Violations, *, resident_id: str, full_name: str, phone: str,
                          region_code: str, employer_unit: str, industry: int,
                          guard_certificate_date: str) -> Registration:
    """POOL-5: people are identified by a validated resident ID. Reports every bad field."""
    rid = None
    try:
        rid = validate_resident_id(resident_id)
    except InvalidResidentId as exc:
        v.add("resident_id", str(exc))
    name = v.text(full_name, "full_name", 50)
    v.check(bool(_MOBILE.match(phone)), "phone", "must be an 11-digit mainland mobile number")
    v.check(divisions.is_known_division(region_code), "region_code",
            "is not a GB/T 2260 division code")
    employer = v.text(employer_unit, "employer_unit", 100, required=False)
    guard_date = dates.parse_date(guard_certificate_date, "guard_certificate_date", v,
                                  not_future=True)
    if rid and guard_date and guard_date < rid.birth_date:
        v.add("guard_certificate_date", "is before the holder's birth date")
    v.raise_if_any()
    return Registration(rid, name, phone, region_code, employer, industry,
                        guard_date)


@dataclass(frozen=True)
class TalentQuery:
    occupation_code: str = ""
    level: int = 0
    region_code: str = ""
    industry: int = 0
