"""The messages that reach registry's handlers; `parse` reports every bad field at once."""

import re
from dataclasses import dataclass
from datetime import date

from anbao.certificates.v1 import events_pb2 as certificate_events
from anbao.registry.v1 import registry_pb2 as pb
from servicekit import dates, divisions, paging
from servicekit.auth import Caller, region_in_scope
from servicekit.errors import Violations
from servicekit.resident_id import InvalidResidentId, ResidentId, validate_resident_id

from .people import HeldCertificate

_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")


@dataclass(frozen=True)
class RegisterPerson:
    """POOL-5: people are identified by a validated resident ID."""

    actor: Caller
    resident_id: ResidentId
    full_name: str
    phone: str
    region_code: str
    employer_unit: str
    industry: int
    guard_certificate_date: date | None

    @classmethod
    def parse(cls, actor: Caller, *, resident_id: str, full_name: str, phone: str,
              region_code: str, employer_unit: str, industry: int,
              guard_certificate_date: dates.DateInput) -> "RegisterPerson":
        v = Violations()
        rid = None
        try:
            rid = validate_resident_id(resident_id)
        except InvalidResidentId as exc:
            v.add("resident_id", str(exc))
        name = v.text(full_name, "full_name", 50)
        v.check(bool(_MOBILE.fullmatch(phone)), "phone",
                "must be an 11-digit mainland mobile number")
        v.check(divisions.is_known_division(region_code), "region_code",
                "is not a GB/T 2260 division code")
        employer = v.text(employer_unit, "employer_unit", 100, required=False)
        v.check(industry in pb.Industry.values(), "industry", "unknown industry")
        guard_date = dates.parse_date(guard_certificate_date, "guard_certificate_date", v,
                                      not_future=True)
        if rid and guard_date and guard_date < rid.birth_date:
            v.add("guard_certificate_date", "is before the holder's birth date")
        v.raise_if_any()
        return cls(actor, rid, name, phone, region_code, employer, industry, guard_date)


@dataclass(frozen=True)
class GetPerson:
    actor: Caller
    person_id: str


@dataclass(frozen=True)
class SearchTalent:
    """POOL-2: certified people by occupation, level, region, industry and employer, whose
    certificate is valid and who have not withdrawn consent to be listed."""

    actor: Caller
    occupation_code: str
    level: int
    region_code: str
    industry: int
    page: paging.Page
    employer_unit: str = ""  # the unit's name, exactly

    @classmethod
    def parse(cls, actor: Caller, *, occupation_code: str, level: int, region_code: str,
              industry: int, page_size: int, page_token: str,
              employer_unit: str = "") -> "SearchTalent":
        v = Violations()
        employer = v.text(employer_unit, "employer_unit", 100, required=False)
        v.check(industry in pb.Industry.values(), "industry", "unknown industry")
        v.check(0 <= level <= 5, "level", "must be 1 to 5, or 0 for any")
        v.check(not region_code or divisions.is_known_division(region_code),
                "region_code", "is not a GB/T 2260 division code")
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, occupation_code, level, region_in_scope(actor, region_code), industry,
                   page, employer)


def held_certificate(event: certificate_events.CertificateIssued) -> HeldCertificate:
    """What the talent pool keeps of an issued certificate."""
    return HeldCertificate(number=event.number, person_id=event.person.removeprefix("persons/"),
                           occupation_code=event.occupation_code, level=event.level,
                           issue_date=dates.of_proto(event.issue_date),
                           issuing_organisation=event.issuing_organisation)
