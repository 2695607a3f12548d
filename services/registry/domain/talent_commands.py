"""The talent pool's messages (issue 12, part 2); `parse` reports every bad field at once."""

import re
from dataclasses import dataclass
from datetime import date

from anbao.registry.v1 import registry_pb2 as pb
from servicekit import auth, dates, divisions, names, paging
from servicekit.auth import Caller
from servicekit.certificate_numbers import (InvalidCertificateNumber, validate_qual16,
                                            validate_skill22)
from servicekit.errors import Violations
from servicekit.messagebus import Query
from servicekit.uscc import InvalidUscc, validate_uscc

# GB/T 6565 occupation codes (e.g. 3-02-02-00): earlier certificates may be of any occupation
_OCCUPATION = re.compile(r"^[1-8]-[0-9]{2}-[0-9]{2}-[0-9]{2}$")
# POOL-2: the eight key-unit industries (水电油气 … 物资储备); INDUSTRY_OTHER is not one
KEY_UNIT_INDUSTRIES = frozenset(range(pb.INDUSTRY_UTILITIES, pb.INDUSTRY_MATERIAL_RESERVES + 1))
MAX_WITHIN_DAYS = 3660


@dataclass(frozen=True)
class RecordEarlierCertificate:
    """POOL-1: a certificate from outside this system, recorded as declared (unverified)."""

    actor: Caller
    person_id: str
    format: int
    number: str
    occupation_code: str
    level: int
    issue_date: date
    issuing_authority: str

    @classmethod
    def parse(cls, actor: Caller, *, parent: str, format: int, certificate_number: str,
              occupation_code: str, issue_date: dates.DateInput,
              issuing_authority: str) -> "RecordEarlierCertificate":
        v = Violations()
        person_id = names.resource_id(parent, "persons", "parent", v)
        today = dates.today()
        number, year, level = certificate_number, None, 0
        validators = {pb.CERTIFICATE_FORMAT_SKILL22: validate_skill22,
                      pb.CERTIFICATE_FORMAT_QUAL16: validate_qual16}
        if v.check(format in validators, "format", "must be SKILL22 or QUAL16"):
            try:  # coding-rules.md: SKILL22 and QUAL16 are validated strictly
                number, year, level = validators[format](certificate_number, today)
            except InvalidCertificateNumber as exc:
                v.add("certificate_number", str(exc))
        v.check(bool(_OCCUPATION.fullmatch(occupation_code)), "occupation_code",
                "must be a GB/T 6565 occupation code like 4-07-05-01")
        issued = dates.parse_date(issue_date, "issue_date", v, required=True, not_future=True)
        if issued and year and format == pb.CERTIFICATE_FORMAT_SKILL22 and issued.year != year:
            v.add("issue_date", f"is not in {year}, the issue year the number carries")
        authority = v.text(issuing_authority, "issuing_authority", 100)
        v.raise_if_any()
        return cls(actor, person_id, format, number, occupation_code, level, issued, authority)


@dataclass(frozen=True)
class RecordCadreAppointment:
    """POOL-3: the security cadre of a key unit in one of POOL-2's eight industries."""

    actor: Caller
    person_id: str
    unit_name: str
    unit_uscc: str
    industry: int
    appointed_date: date
    new_cadre: bool

    @classmethod
    def parse(cls, actor: Caller, *, parent: str, unit_name: str, unit_uscc: str,
              industry: int, appointed_date: dates.DateInput,
              new_cadre: bool) -> "RecordCadreAppointment":
        v = Violations()
        person_id = names.resource_id(parent, "persons", "parent", v)
        unit = v.text(unit_name, "unit_name", 100)
        uscc = ""
        if unit_uscc:
            try:
                uscc = validate_uscc(unit_uscc)
            except InvalidUscc as exc:
                v.add("unit_uscc", str(exc))
        v.check(industry in KEY_UNIT_INDUSTRIES, "industry",
                "must be one of the eight key-unit industries of POOL-2 (1-8)")
        appointed = dates.parse_date(appointed_date, "appointed_date", v, required=True,
                                     not_future=True)
        v.raise_if_any()
        return cls(actor, person_id, unit, uscc, industry, appointed, bool(new_cadre))


@dataclass(frozen=True)
class SetListingConsent:
    """POOL-2: whether the person may be found by talent search."""

    actor: Caller
    person_id: str
    consent: int

    @classmethod
    def parse(cls, actor: Caller, *, person: str, consent: int) -> "SetListingConsent":
        v = Violations()
        person_id = names.resource_id(person, "persons", "person", v)
        v.check(consent in (pb.LISTING_CONSENT_GIVEN, pb.LISTING_CONSENT_WITHDRAWN),
                "listing_consent", "must be GIVEN or WITHDRAWN")
        v.raise_if_any()
        return cls(actor, person_id, consent)


@dataclass(frozen=True)
class GetTalentProfile(Query):
    actor: Caller
    person_id: str


@dataclass(frozen=True)
class ListRotationTrainingDue(Query):
    """POOL-3: cadres due within `within_days` of `as_of`, or overdue."""

    actor: Caller
    region_code: str
    within_days: int
    as_of: date
    page: paging.Page

    @classmethod
    def parse(cls, actor: Caller, *, region_code: str, within_days: int,
              as_of: dates.DateInput, page_size: int,
              page_token: str) -> "ListRotationTrainingDue":
        v = Violations()
        v.check(not region_code or divisions.is_known_division(region_code), "region_code",
                "is not a GB/T 2260 division code")
        v.check(0 <= within_days <= MAX_WITHIN_DAYS, "within_days",
                f"must be 0 to {MAX_WITHIN_DAYS}")
        day = dates.parse_date(as_of, "as_of", v)
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, auth.region_in_scope(actor, region_code), within_days,
                   day or dates.today(), page)


@dataclass(frozen=True)
class GetAnnualReport(Query):
    """POOL-4: a city's or the province's report for one year."""

    actor: Caller
    region_code: str
    year: int

    @classmethod
    def parse(cls, actor: Caller, *, region_code: str, year: int) -> "GetAnnualReport":
        v = Violations()
        v.check(divisions.is_known_division(region_code) and region_code.endswith("00"),
                "region_code", "must be a GB/T 2260 province or city code")
        v.check(2000 <= year <= dates.today().year, "year",
                f"must be 2000 to {dates.today().year}")
        v.raise_if_any()
        auth.require_reach(actor, region=region_code)
        return cls(actor, region_code, year)
