"""A person (人员) identified by a validated resident ID (POOL-5), and the certificates
their talent-pool profile holds (POOL-1)."""

from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.registry.v1 import events_pb2
from servicekit import masking
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
    # known only when the resident ID is revealed (domain/exposure.py); never stored
    birth_date: date | None = None
    secrets: Secrets | None = field(default=None, repr=False)
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def register(cls, *, id: str, resident_id: ResidentId, full_name: str, phone: str,
                 region_code: str, employer_unit: str, industry: int,
                 guard_certificate_date: date | None, at: datetime) -> "Person":
        person = cls(
            id=id, full_name=full_name,
            resident_id_masked=masking.mask_resident_id(resident_id.value),
            gender=1 if resident_id.gender == "MALE" else 2,
            phone_masked=masking.mask_phone(phone),
            region_code=region_code, employer_unit=employer_unit, industry=industry,
            guard_certificate_date=guard_certificate_date, created_at=at,
            secrets=Secrets(resident_id.value, phone))
        person.events.append(new_event(
            events_pb2.PersonRegistered, person=person.name, full_name=full_name,
            resident_id_masked=person.resident_id_masked, region_code=region_code))
        return person

    @property
    def name(self) -> str:
        return f"persons/{self.id}"

    def revealed(self, resident_id: ResidentId) -> "Person":
        """The province's view (domain/exposure.py): the register form of the resident ID
        and the birth date it carries."""
        self.resident_id_masked = masking.mask_resident_id(resident_id.value, keep=4)
        self.birth_date = resident_id.birth_date
        return self
