"""A training class (培训班): its plan of lessons (TRN-1) and where it stands."""

from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.training.v1 import training_pb2 as pb
from servicekit.errors import InvalidArgument

from . import plans

DRAFT, FILED, APPROVED = pb.CLASS_STATE_DRAFT, pb.CLASS_STATE_FILED, pb.CLASS_STATE_APPROVED
REFUSED, COMPLETED = pb.CLASS_STATE_REFUSED, pb.CLASS_STATE_COMPLETED


@dataclass(frozen=True)
class Lesson:
    number: int                # 1, 2, … in the plan's order; make-up lessons follow
    title: str
    lesson_date: date
    minutes: int
    kind: int                  # pb.LessonKind
    mode: int                  # pb.LessonMode
    teacher_id: str            # accreditation's teachers/{id}


@dataclass(frozen=True)
class InstitutionFacts:
    """What accreditation says of a training institution when a class is planned."""

    id: str
    display_name: str
    region_code: str
    role: int
    status: int
    blacklisted: bool


@dataclass(eq=False)
class TrainingClass:
    id: str
    institution_id: str
    institution_name: str
    region_code: str
    class_code: str
    occupation_code: str
    occupation_name: str
    level: int
    purpose: int
    lessons: list[Lesson]
    state: int
    created_at: datetime
    created_by: str
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def plan(cls, *, id: str, institution: InstitutionFacts, class_code: str,
             occupation_code: str, occupation_name: str, level: int, purpose: int,
             lessons: list[Lesson], rules: plans.PlanRules, actor: str,
             at: datetime) -> "TrainingClass":
        """A draft plan; TRN-1's clauses broken by its lessons are reported together."""
        broken = plans.violations(lessons, purpose, rules)
        if broken:
            raise InvalidArgument(broken)
        return cls(id=id, institution_id=institution.id,
                   institution_name=institution.display_name,
                   region_code=institution.region_code, class_code=class_code,
                   occupation_code=occupation_code, occupation_name=occupation_name,
                   level=level, purpose=purpose, lessons=list(lessons), state=DRAFT,
                   created_at=at, created_by=actor)

    @property
    def name(self) -> str:
        return f"classes/{self.id}"

    @property
    def start_date(self) -> date:
        return min(x.lesson_date for x in self.lessons)

    @property
    def end_date(self) -> date:
        return max(x.lesson_date for x in self.lessons)

    def class_hours(self, rules: plans.PlanRules) -> int:
        return sum(rules.hours(x.minutes) for x in self.lessons)
