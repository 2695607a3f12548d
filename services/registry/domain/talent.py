"""The talent pool's facts about a person beyond the register (POOL-1), and the numbers of
the annual report (POOL-4). Plain values: no I/O."""

from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.registry.v1 import registry_pb2 as pb
from anbao.training.v1 import events_pb2 as training_events
from servicekit import dates


@dataclass(frozen=True)
class EarlierCertificate:
    person_id: str
    format: int
    number: str
    occupation_code: str
    level: int
    issue_date: date
    issuing_authority: str
    verified: bool
    created_at: datetime

    @property
    def name(self) -> str:
        return f"persons/{self.person_id}/earlierCertificates/{self.number}"


@dataclass(frozen=True)
class CadreAppointment:
    id: str
    person_id: str
    unit_name: str
    unit_uscc: str
    industry: int
    appointed_date: date
    new_cadre: bool
    created_at: datetime

    @property
    def name(self) -> str:
        return f"persons/{self.person_id}/cadreAppointments/{self.id}"


@dataclass(frozen=True)
class TrainingRecord:
    training_class: str
    person_id: str
    class_code: str
    institution_name: str
    region_code: str
    occupation_code: str
    level: int
    purpose: int
    class_hours: int
    start_date: date
    end_date: date


@dataclass(frozen=True)
class TalentProfile:
    person_id: str
    listing_consent: int = pb.LISTING_CONSENT_UNSPECIFIED
    earlier_certificates: list[EarlierCertificate] = field(default_factory=list)
    training_records: list[TrainingRecord] = field(default_factory=list)
    cadre_appointments: list[CadreAppointment] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"persons/{self.person_id}/talentProfile"


@dataclass(frozen=True)
class SubsidyPaid:
    claim: str
    person_id: str
    region_code: str
    occupation_code: str
    level: int
    amount_fen: int
    paid_date: date


@dataclass(frozen=True)
class DueCadre:
    """A cadre on the due list: who, where, and what they owe (domain/rotation.py)."""

    person_name: str
    full_name: str
    resident_id_masked: str
    region_code: str
    appointment: CadreAppointment
    kind: int
    due_date: date
    overdue: bool
    hours_done: int
    hours_required: int


@dataclass(frozen=True)
class AnnualReport:
    region_code: str
    region_name: str
    year: int
    # (occupation_code, level) → certificates obtained in the year
    lines: dict[tuple[str, int], int]
    subsidies_paid: int
    subsidies_paid_fen: int

    @property
    def due_date(self) -> date:
        """POOL-4: cities report to the province by 10 December each year."""
        return date(self.year, 12, 10)

    @property
    def certificates_total(self) -> int:
        return sum(self.lines.values())

    SOURCE_NOTE = ("certificates: skill certificates from CertificateIssued, one per person, "
                   "occupation and level, in the year of the first one, none revoked "
                   "(CertificateStatusChanged), by the holder's registered region; "
                   "incentives: SubsidyPaid events by the class's region and paid date")


def training_records(event: training_events.ClassCompleted) -> list[TrainingRecord]:
    """What the pool keeps of a completed class, one record per trainee (POOL-1)."""
    start, end = dates.of_proto(event.start_date), dates.of_proto(event.end_date)
    return [TrainingRecord(
        training_class=event.training_class, person_id=t.person.removeprefix("persons/"),
        class_code=event.class_code, institution_name=event.institution_name,
        region_code=event.region_code, occupation_code=event.occupation_code,
        level=event.level, purpose=int(event.purpose), class_hours=t.class_hours,
        start_date=start or end, end_date=end or start) for t in event.trainees]


def subsidy_paid(event: training_events.SubsidyPaid) -> SubsidyPaid:
    return SubsidyPaid(claim=event.claim, person_id=event.person.removeprefix("persons/"),
                       region_code=event.region_code, occupation_code=event.occupation_code,
                       level=event.level, amount_fen=event.amount_fen,
                       paid_date=dates.of_proto(event.paid_date))
