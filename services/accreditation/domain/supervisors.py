"""Supervisors (督导员, INST-5): experts the provincial police appoint for a term to
inspect training institutions on site; each visit is recorded with its findings, and
the visits and findings of a period are reported in a bulletin (定期通报)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit.errors import FailedPrecondition

from .institutions import ENDED, Institution, status_label


@dataclass(eq=False)
class Supervisor:
    id: str
    person_id: str
    full_name: str
    affiliation: str
    term_start: date
    term_end: date            # exclusive
    appointer: str
    created_at: datetime
    events: list = field(default_factory=list, repr=False)

    @property
    def name(self) -> str:
        return f"supervisors/{self.id}"

    def require_in_term(self, day: date) -> None:
        """INST-5: a supervisor inspects within the term of the appointment."""
        if not self.term_start <= day < self.term_end:
            raise FailedPrecondition("INST_5_OUT_OF_TERM", f"{day} is outside the "
                                     f"supervisor's term {self.term_start} to "
                                     f"{self.term_end} (exclusive)", supervisor=self.name)


@dataclass(frozen=True)
class Finding:
    description: str
    serious: bool


@dataclass(eq=False)
class SupervisionVisit:
    id: str
    supervisor_id: str
    institution_id: str
    visit_date: date
    findings: tuple[Finding, ...]
    recorded_at: datetime
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def record(cls, *, id: str, supervisor: Supervisor, institution: Institution,
               visit_date: date, findings: tuple[Finding, ...],
               at: datetime) -> "SupervisionVisit":
        """INST-5: an on-site visit of a training institution that holds (or held until
        the visit) its role, by a supervisor in term on the visit's date."""
        supervisor.require_in_term(visit_date)
        if institution.role != pb.INSTITUTION_ROLE_TRAINING:
            raise FailedPrecondition("INST_5_NOT_TRAINING", "supervisors inspect training "
                                     "institutions", institution=institution.name)
        if institution.status in ENDED or institution.status == pb.INSTITUTION_STATUS_APPLIED:
            raise FailedPrecondition("INST_5_NOT_SELECTED", f"{institution.name} is "
                                     f"{status_label(institution.status)}: not a selected "
                                     "training institution", institution=institution.name)
        return cls(id=id, supervisor_id=supervisor.id, institution_id=institution.id,
                   visit_date=visit_date, findings=tuple(findings), recorded_at=at)

    @property
    def name(self) -> str:
        return f"supervisionVisits/{self.id}"


@dataclass(frozen=True)
class BulletinEntry:
    institution_id: str
    display_name: str
    visits: list[SupervisionVisit]

    @property
    def finding_count(self) -> int:
        return sum(len(v.findings) for v in self.visits)

    @property
    def serious_finding_count(self) -> int:
        return sum(f.serious for v in self.visits for f in v.findings)


@dataclass(frozen=True)
class Bulletin:
    """INST-5 定期通报: the visits of a period (both ends inclusive), per institution,
    the institutions with the most serious findings first."""

    start_date: date
    end_date: date
    region_code: str
    entries: list[BulletinEntry]

    @property
    def visit_count(self) -> int:
        return sum(len(e.visits) for e in self.entries)

    @property
    def finding_count(self) -> int:
        return sum(e.finding_count for e in self.entries)


def bulletin(start: date, end: date, region_code: str, visits: list[SupervisionVisit],
             names: dict[str, str]) -> Bulletin:
    by_institution: dict[str, list[SupervisionVisit]] = defaultdict(list)
    for visit in visits:
        if start <= visit.visit_date <= end:
            by_institution[visit.institution_id].append(visit)
    entries = [BulletinEntry(iid, names.get(iid, ""),
                             sorted(vs, key=lambda v: (v.visit_date, v.id)))
               for iid, vs in by_institution.items()]
    entries.sort(key=lambda e: (-e.serious_finding_count, -e.finding_count, e.institution_id))
    return Bulletin(start, end, region_code, entries)
