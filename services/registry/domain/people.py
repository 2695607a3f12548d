"""A person (人员) identified by a validated resident ID (POOL-5), and the certificates
their talent-pool profile holds (POOL-1)."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from anbao.registry.v1 import events_pb2
from servicekit import masking
from servicekit.errors import (Aborted, FailedPrecondition, FieldViolation, InvalidArgument,
                               Violations)
from servicekit.resident_id import ResidentId
from servicekit.unitofwork import new_event


@dataclass(frozen=True)
class HeldCertificate:
    number: str
    person_id: str
    occupation_code: str
    level: int
    issue_date: date
    issuing_organisation: str


@dataclass(frozen=True)
class EmploymentPeriod:
    """Service history (POOL-1): one employer unit from start to end (None: still there)."""

    employer_unit: str
    employer_uscc: str
    industry: int
    start_date: date
    end_date: date | None = None


@dataclass(frozen=True)
class Change:
    """One entry of a person's history: who changed which fields when. `fields` are names;
    the repository adds keyed digests of personal values, never the values."""

    kind: str  # REGISTERED, UPDATED, MERGED, MERGED_INTO
    actor: str
    actor_role: str
    at: datetime
    fields: tuple[str, ...] = ()
    other_person: str = ""


# The fields UpdatePerson may change (AIP-134), and those holding personal data, whose
# history entries carry a keyed digest rather than nothing.
UPDATABLE = ("full_name", "phone", "region_code", "employer_unit", "employer_uscc", "industry",
             "education", "guard_certificate_number", "guard_certificate_date",
             "guard_certificate_evidence")
PERSONAL = frozenset({"full_name", "phone"})
EMPLOYER = ("employer_unit", "employer_uscc", "industry")


@dataclass(frozen=True)
class Secrets:
    """Plaintext personal data of a new registration, until the repository seals it."""

    resident_id: str
    phone: str


@dataclass(eq=False)
class Person:
    id: str
    full_name: str
    resident_id_masked: str
    gender: int
    phone_masked: str
    region_code: str
    employer_unit: str
    industry: int
    guard_certificate_date: date | None
    created_at: datetime
    certificates: list[HeldCertificate] = field(default_factory=list)
    version: int = 1
    updated_at: datetime | None = None
    employer_uscc: str = ""
    education: int = 0
    guard_certificate_number: str = ""
    guard_certificate_evidence: str = ""
    employment: list[EmploymentPeriod] = field(default_factory=list)
    merged_into: str | None = None
    # changes since loaded, for the repository to write (history, new phone, merge moves)
    changes: list[Change] = field(default_factory=list, repr=False)
    new_phone: str | None = field(default=None, repr=False)
    # known only when the resident ID is revealed (domain/exposure.py); never stored
    birth_date: date | None = None
    secrets: Secrets | None = field(default=None, repr=False)
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def register(cls, *, id: str, resident_id: ResidentId, full_name: str, phone: str,
                 region_code: str, employer_unit: str, industry: int,
                 guard_certificate_date: date | None, at: datetime, actor: str = "",
                 actor_role: str = "") -> "Person":
        person = cls(
            id=id, full_name=full_name,
            resident_id_masked=masking.mask_resident_id(resident_id.value),
            gender=1 if resident_id.gender == "MALE" else 2,
            phone_masked=masking.mask_phone(phone),
            region_code=region_code, employer_unit=employer_unit, industry=industry,
            guard_certificate_date=guard_certificate_date, created_at=at,
            secrets=Secrets(resident_id.value, phone))
        if employer_unit:
            person.employment.append(EmploymentPeriod(employer_unit, "", industry, at.date()))
        person.changes.append(Change("REGISTERED", actor, actor_role, at))
        person.events.append(new_event(
            events_pb2.PersonRegistered, person=person.name, full_name=full_name,
            resident_id_masked=person.resident_id_masked, region_code=region_code))
        return person

    @property
    def name(self) -> str:
        return f"persons/{self.id}"

    @property
    def etag(self) -> str:
        """AIP-154: changes with every update of the person."""
        return f'W/"{self.id[:8]}-{self.version}"'

    def update(self, values: dict[str, Any], *, etag: str, actor: str, actor_role: str,
               at: datetime) -> list[str]:
        """Applies the values given (AIP-134 update); returns the fields that changed.
        A stale etag is refused (AIP-154) so two editors never overwrite each other."""
        if etag and etag != self.etag:
            raise Aborted(f"{self.name} changed since etag {etag}; read it again "
                          f"(current etag {self.etag})")
        changed = [f for f in UPDATABLE if f in values and values[f] != self._value(f)]
        if not changed:
            return []
        old_employer = tuple(self._value(f) for f in EMPLOYER)
        for f in changed:
            if f == "phone":
                self.new_phone = values[f]
                self.phone_masked = masking.mask_phone(values[f])
            else:
                setattr(self, f, values[f])
        self._require_guard_pair()
        if tuple(self._value(f) for f in EMPLOYER) != old_employer:
            self._change_employer(at.date())
        self.version += 1
        self.updated_at = at
        self.changes.append(Change("UPDATED", actor, actor_role, at, tuple(changed)))
        self.events.append(new_event(
            events_pb2.PersonUpdated, person=self.name, fields=changed, full_name=self.full_name,
            region_code=self.region_code, etag=self.etag))
        return changed

    def _value(self, f: str):
        return self.phone_masked if f == "phone" else getattr(self, f)

    def _require_guard_pair(self) -> None:
        """A 保安员证 is a number and its issue date together (ASMT-4 reads the date)."""
        v = Violations()
        if self.guard_certificate_number and self.guard_certificate_date is None:
            v.add("guard_certificate_date", "is required with guard_certificate_number")
        if self.guard_certificate_evidence and not self.guard_certificate_number:
            v.add("guard_certificate_number", "is required with guard_certificate_evidence")
        v.raise_if_any()

    def _change_employer(self, on: date) -> None:
        """Service history: a new employer closes the open period and opens another."""
        self.employment = [p if p.end_date is not None else
                           EmploymentPeriod(p.employer_unit, p.employer_uscc, p.industry,
                                            p.start_date, on)
                           for p in self.employment]
        if self.employer_unit:
            self.employment.append(EmploymentPeriod(
                self.employer_unit, self.employer_uscc, self.industry, on))

    def absorb(self, duplicate: "Person", *, actor: str, actor_role: str, at: datetime) -> None:
        """Merges a person registered twice by mistake into this one: the duplicate's
        certificates and service history move here; both histories are kept."""
        if duplicate.id == self.id:
            raise InvalidArgument([FieldViolation("merged_person",
                                                  "a person cannot be merged into itself")])
        for p in (self, duplicate):
            if p.merged_into:
                raise FailedPrecondition(
                    "POOL_1_MERGED", f"{p.name} was merged into persons/{p.merged_into} already",
                    person=p.name)
        self.certificates = sorted([*self.certificates, *duplicate.certificates],
                                   key=lambda h: (h.issue_date, h.number))
        self.employment = sorted([*self.employment, *duplicate.employment],
                                 key=lambda e: e.start_date)
        duplicate.certificates, duplicate.employment = [], []
        duplicate.merged_into = self.id
        self.version += 1
        duplicate.version += 1
        self.updated_at = duplicate.updated_at = at
        self.changes.append(Change("MERGED", actor, actor_role, at, (), duplicate.name))
        duplicate.changes.append(Change("MERGED_INTO", actor, actor_role, at, (), self.name))
        self.events.append(new_event(events_pb2.PersonsMerged, person=self.name,
                                     merged_person=duplicate.name))

    def revealed(self, resident_id: ResidentId) -> "Person":
        """The province's view (domain/exposure.py): the register form of the resident ID
        and the birth date it carries."""
        self.resident_id_masked = masking.mask_resident_id(resident_id.value, keep=4)
        self.birth_date = resident_id.birth_date
        return self
