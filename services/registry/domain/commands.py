"""The messages that reach registry's handlers; `parse` reports every bad field at once."""

import re
from dataclasses import dataclass
from datetime import date

from anbao.certificates.v1 import events_pb2 as certificate_events
from anbao.registry.v1 import registry_pb2 as pb
from servicekit import dates, divisions, paging
from servicekit.auth import Caller, region_in_scope
from servicekit.errors import Violations
from servicekit.messagebus import Query
from servicekit.names import resource_id
from servicekit.uscc import InvalidUscc, validate_uscc
from servicekit.resident_id import InvalidResidentId, ResidentId, validate_resident_id

from .people import UPDATABLE, HeldCertificate

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
        _industry(industry, v)
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


# Assumption (the notices give no format for the 保安员证 number): an optional one-character
# province abbreviation, then 6 to 19 digits or capital letters.
GUARD_CERTIFICATE_NUMBER = re.compile(r"^[\u4e00-\u9fff]?[0-9A-Z]{6,19}$")


def _industry(value: int, v: Violations) -> int:
    """POOL-2: one of the eight key-unit industries (or other), as reference data."""
    known = ", ".join(f"{n}={pb.Industry.Value(n)}" for n in pb.Industry.keys()
                      if pb.Industry.Value(n))
    v.check(value in pb.Industry.values(), "industry",
            f"unknown industry code {value}; known: {known}")
    return value


@dataclass(frozen=True)
class UpdatePerson:
    """AIP-134 update of the fields named in the mask (POOL-1), guarded by the etag."""

    actor: Caller
    person_id: str
    etag: str
    values: dict

    @classmethod
    def parse(cls, actor: Caller, *, person: pb.Person, mask_paths: list[str],
              phone: str) -> "UpdatePerson":
        v = Violations()
        person_id = resource_id(person.name, "persons", "person.name", v)
        unknown = [p for p in mask_paths if p != "*" and p not in UPDATABLE]
        for path in unknown:
            v.add("update_mask", f"unknown or read-only field {path!r}; updatable: "
                  + ", ".join(UPDATABLE))
        if "*" in mask_paths and len(mask_paths) > 1:
            v.add("update_mask", "'*' stands alone")
        given = {"full_name": person.full_name, "phone": phone,
                 "region_code": person.region_code, "employer_unit": person.employer_unit,
                 "employer_uscc": person.employer_uscc, "industry": person.industry,
                 "education": person.education,
                 "guard_certificate_number": person.guard_certificate_number,
                 "guard_certificate_date": person.guard_certificate_date,
                 "guard_certificate_evidence": person.guard_certificate_evidence}
        if mask_paths == ["*"]:      # full replacement: what is not given is cleared
            paths = list(UPDATABLE)
        elif mask_paths:
            paths = [p for p in mask_paths if p in UPDATABLE]
        else:                        # AIP-134: no mask updates the fields that are set
            paths = [f for f in UPDATABLE if f != "guard_certificate_date" and given[f]]
            paths += ["guard_certificate_date"] if person.HasField("guard_certificate_date") else []
            if not paths:
                v.add("update_mask", "names no field, and no updatable field is set")
        values = {f: cls._parse_field(f, given[f], v) for f in dict.fromkeys(paths)}
        v.raise_if_any()
        return cls(actor, person_id, person.etag, values)

    @staticmethod
    def _parse_field(f: str, value, v: Violations):
        if f == "full_name":
            return v.text(value, f, 50)
        if f == "phone":
            v.check(bool(_MOBILE.fullmatch(value)), "phone",
                    "must be an 11-digit mainland mobile number")
            return value
        if f == "region_code":
            v.check(divisions.is_known_division(value), f, "is not a GB/T 2260 division code")
            return value
        if f == "employer_unit":
            return v.text(value, f, 100, required=False)
        if f == "employer_uscc":
            if not value:
                return ""
            try:
                return validate_uscc(value)
            except InvalidUscc as exc:
                v.add(f, str(exc))
                return value
        if f == "industry":
            return _industry(value, v)
        if f == "education":
            v.check(value in pb.Education.values(), f, f"unknown education code {value}")
            return value
        if f == "guard_certificate_number":
            value = value.strip().upper()
            v.check(not value or bool(GUARD_CERTIFICATE_NUMBER.fullmatch(value)), f,
                    "must be an optional province abbreviation and 6-19 digits or capital "
                    "letters (保安员证 number)")
            return value
        if f == "guard_certificate_date":
            return dates.parse_date(value, f, v, not_future=True)
        return v.text(value, f, 200, required=False)  # guard_certificate_evidence


@dataclass(frozen=True)
class ListPersonHistory(Query):
    actor: Caller
    person_id: str
    page: paging.Page

    @classmethod
    def parse(cls, actor: Caller, *, name: str, page_size: int,
              page_token: str) -> "ListPersonHistory":
        v = Violations()
        person_id = resource_id(name, "persons", "name", v)
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, person_id, page)


@dataclass(frozen=True)
class MergePersons:
    """A person registered twice by mistake: the duplicate merges into the survivor."""

    actor: Caller
    person_id: str
    merged_id: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, merged_person: str) -> "MergePersons":
        v = Violations()
        person_id = resource_id(name, "persons", "name", v)
        merged_id = resource_id(merged_person, "persons", "merged_person", v)
        if person_id and person_id == merged_id:
            v.add("merged_person", "a person cannot be merged into itself")
        v.raise_if_any()
        return cls(actor, person_id, merged_id)
