"""Teachers of training institutions (培训教师, INST-4): a teacher may teach only after
passing the provincial teacher assessment (organised by the provincial police's 内保总队).
The latest assessment decides; each is published, so the training service can refuse a
class with a teacher who is not qualified on the class's terms."""

from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit import dates
from servicekit.errors import FailedPrecondition
from servicekit.unitofwork import new_event

from .institutions import Institution


@dataclass(frozen=True)
class TeacherAssessment:
    assess_date: date
    passed: bool
    assessor: str
    notes: str
    actor: str
    recorded_at: datetime


@dataclass(eq=False)
class Teacher:
    id: str
    person_id: str
    full_name: str
    institution_id: str
    created_at: datetime
    assessments: list[TeacherAssessment] = field(default_factory=list)
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def register(cls, *, id: str, person_id: str, full_name: str, institution: Institution,
                 at: datetime) -> "Teacher":
        """A teacher of an ACTIVE training institution, unqualified until assessed."""
        if institution.role != pb.INSTITUTION_ROLE_TRAINING:
            raise FailedPrecondition("INST_4_NOT_TRAINING", "teachers belong to training "
                                     "institutions")
        institution.require_active("INST_4_INSTITUTION_NOT_ACTIVE")
        return cls(id=id, person_id=person_id, full_name=full_name,
                   institution_id=institution.id, created_at=at)

    @property
    def name(self) -> str:
        return f"teachers/{self.id}"

    @property
    def status(self) -> int:
        """INST-4: qualified by the latest assessment, and only by a pass."""
        latest = self.latest
        return pb.TEACHER_STATUS_QUALIFIED if latest and latest.passed \
            else pb.TEACHER_STATUS_UNQUALIFIED

    @property
    def latest(self) -> TeacherAssessment | None:
        return max(self.assessments, key=lambda a: (a.assess_date, a.recorded_at), default=None)

    def qualified_on(self, day: date) -> bool:
        """INST-4: the latest assessment on or before `day` was passed."""
        held = [a for a in self.assessments if a.assess_date <= day]
        latest = max(held, key=lambda a: (a.assess_date, a.recorded_at), default=None)
        return bool(latest and latest.passed)

    def require_qualified(self, day: date) -> None:
        if not self.qualified_on(day):
            raise FailedPrecondition("INST_4_TEACHER_NOT_QUALIFIED", f"{self.name} has not "
                                     f"passed the provincial teacher assessment by {day}",
                                     teacher=self.name)

    def assess(self, assessment: TeacherAssessment) -> None:
        was = self.status
        self.assessments.append(assessment)
        common = dict(teacher=self.name, person=f"persons/{self.person_id}",
                      institution=f"institutions/{self.institution_id}",
                      assess_date=dates.to_proto(assessment.assess_date))
        self.events.append(new_event(events_pb2.TeacherAssessed, passed=assessment.passed,
                                     status=self.status, **common))
        if self.status == pb.TEACHER_STATUS_QUALIFIED and was != pb.TEACHER_STATUS_QUALIFIED:
            self.events.append(new_event(events_pb2.TeacherQualified,
                                         full_name=self.full_name, **common))
