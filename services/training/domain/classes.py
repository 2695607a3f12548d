"""A training class (培训班): its plan of lessons (TRN-1) and where it stands."""

from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.training.v1 import events_pb2, training_pb2 as pb
from servicekit import dates
from servicekit.unitofwork import new_event
from servicekit.errors import FailedPrecondition, FieldViolation, InvalidArgument

from . import plans, workdays

FILING_WORKING_DAYS = 5  # TRN-2: 开班 5 个工作日前

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


@dataclass(frozen=True)
class TeacherFacts:
    """What accreditation's events said of a teacher (INST-4)."""

    id: str
    institution_id: str
    qualified: bool


@dataclass(frozen=True)
class Review:
    """The police's decision on a filed plan (TRN-3)."""

    approved: bool
    reason: str
    reviewer: str
    at: datetime


@dataclass(frozen=True)
class InspectionVisit:
    """A random visit to a class (TRN-3, 现场随机抽查)."""

    number: int
    visit_date: date
    inspector: str
    findings: str
    recorded_by: str
    at: datetime


@dataclass
class ChangeRequest:
    """TRN-8: a change to a filed plan (make-up lessons, re-sits), decided by the police."""

    number: int
    kind: int                   # pb.ChangeKind
    reason: str
    lessons: list[Lesson]
    requested_by: str
    requested_at: datetime
    state: int = pb.CHANGE_STATE_PENDING
    decided_by: str = ""
    decision_reason: str = ""
    decided_at: datetime | None = None


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
    filed_at: datetime | None = None
    filing_deadline: date | None = None
    review: Review | None = None
    visits: list[InspectionVisit] = field(default_factory=list)
    changes: list[ChangeRequest] = field(default_factory=list)
    # lessons the police allowed paper sign-in for (TRN-9)
    paper_lessons: set[int] = field(default_factory=set)
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

    def file(self, *, today: date, institution: InstitutionFacts, blacklisted: bool,
             teachers: dict[str, TeacherFacts], at: datetime) -> None:
        """TRN-2: files the plan with the police; it is frozen from now on (TRN-8)."""
        if self.state != DRAFT:
            raise FailedPrecondition("TRN_2_ALREADY_FILED", f"{self.name} was filed already")
        if blacklisted or institution.blacklisted:
            raise FailedPrecondition("INST_7_BLACKLISTED", f"institutions/{self.institution_id} "
                                     "is on the credit blacklist and cannot file classes")
        unqualified = sorted({x.teacher_id for x in self.lessons
                              if not _qualified(teachers.get(x.teacher_id), self.institution_id)})
        if unqualified:
            raise FailedPrecondition(
                "INST_4_TEACHER_NOT_QUALIFIED",
                "these teachers have not passed the provincial teacher assessment for "
                f"institutions/{self.institution_id}: "
                + ", ".join(f"teachers/{t}" for t in unqualified))
        deadline = workdays.working_days_before(self.start_date, FILING_WORKING_DAYS)
        if today > deadline:
            raise FailedPrecondition(
                "TRN_2_FILING_TOO_LATE",
                f"a class starting {self.start_date.isoformat()} is filed by "
                f"{deadline.isoformat()}, {FILING_WORKING_DAYS} working days before it "
                f"(holidays and make-up working days counted); today is {today.isoformat()}",
                deadline=deadline.isoformat())
        self.state, self.filed_at, self.filing_deadline = FILED, at, deadline

    def decide(self, *, approved: bool, reason: str, reviewer: str, at: datetime) -> None:
        """TRN-3: the police approve the filed plan, or refuse it with a reason."""
        if self.state != FILED:
            raise FailedPrecondition("TRN_3_NOT_FILED", f"{self.name} is not awaiting review")
        self.review = Review(approved, reason, reviewer, at)
        self.state = APPROVED if approved else REFUSED

    def record_visit(self, *, visit_date: date, inspector: str, findings: str, actor: str,
                     at: datetime) -> InspectionVisit:
        """TRN-3: a random visit, to a class the police approved, during its dates."""
        if self.state not in (APPROVED, COMPLETED):
            raise FailedPrecondition("TRN_3_NOT_APPROVED",
                                     f"{self.name} is not an approved class")
        if not self.start_date <= visit_date <= self.end_date:
            raise InvalidArgument([FieldViolation(
                "visit_date", f"must be within the class's dates, {self.start_date.isoformat()}"
                              f" to {self.end_date.isoformat()}")])
        visit = InspectionVisit(len(self.visits) + 1, visit_date, inspector, findings, actor, at)
        self.visits.append(visit)
        return visit


    def complete(self, *, today: date, trainees: list, verified: list, shortfalls: list[str],
                 rules: plans.PlanRules, at: datetime) -> list:
        """CERT-2: the completion review passes once the class has ended, its evidence is
        complete (TRN-4) and its trainees' hours are verified (TRN-9); `ClassCompleted`
        names those who met their hours, whom certificates issues completion
        certificates to. `trainees` are attendance.Trainee, `verified` attendance.Verified."""
        if self.state != APPROVED:
            raise FailedPrecondition("CERT_2_NOT_APPROVED",
                                     f"{self.name} is not an approved class")
        if today < self.end_date:
            raise FailedPrecondition("CERT_2_NOT_ENDED", f"{self.name} ends on "
                                     f"{self.end_date.isoformat()}; it is reviewed after that")
        if shortfalls:
            raise FailedPrecondition("TRN_4_EVIDENCE_MISSING", "; ".join(shortfalls))
        met = {v.person_id: v for v in verified if v.met}
        self.state = COMPLETED
        completed = [t for t in trainees if t.person.person_id in met]
        self.events.append(new_event(
            events_pb2.ClassCompleted, training_class=self.name, class_code=self.class_code,
            institution=f"institutions/{self.institution_id}",
            institution_name=self.institution_name, region_code=self.region_code,
            occupation_code=self.occupation_code, occupation_name=self.occupation_name,
            level=self.level, purpose=self.purpose, start_date=dates.to_proto(self.start_date),
            end_date=dates.to_proto(self.end_date),
            planned_class_hours=self.class_hours(rules),
            trainees=[events_pb2.CompletedTrainee(
                person=f"persons/{t.person.person_id}", full_name=t.person.full_name,
                resident_id_masked=t.person.resident_id_masked,
                attended_minutes=met[t.person.person_id].attended_minutes,
                class_hours=met[t.person.person_id].class_hours) for t in completed]))
        return completed

    def lesson(self, number: int) -> Lesson:
        for x in self.lessons:
            if x.number == number:
                return x
        raise InvalidArgument([FieldViolation("lesson", f"{self.name} has no lesson {number}")])

    def request_change(self, *, kind: int, reason: str, lessons: list[Lesson], actor: str,
                       at: datetime) -> ChangeRequest:
        """TRN-8: a filed plan is frozen; its institution asks for a change, which changes
        nothing until the police approve it."""
        if self.state not in (FILED, APPROVED):
            raise FailedPrecondition("TRN_8_NOT_FILED", f"{self.name} is not a filed plan "
                                     "in force; only those take change requests")
        first = max(x.number for x in self.lessons) + 1
        numbered = [Lesson(first + i, x.title, x.lesson_date, x.minutes, x.kind, x.mode,
                           x.teacher_id) for i, x in enumerate(lessons)]
        change = ChangeRequest(len(self.changes) + 1, kind, reason, numbered, actor, at)
        self.changes.append(change)
        return change

    def decide_change(self, number: int, *, approved: bool, reason: str,
                      teachers: dict[str, "TeacherFacts"], actor: str,
                      at: datetime) -> ChangeRequest:
        """TRN-8: an approved change adds its lessons (their teachers qualified, INST-4)."""
        change = next((x for x in self.changes if x.number == number), None)
        if change is None:
            raise InvalidArgument([FieldViolation("name", f"{self.name} has no change {number}")])
        if change.state != pb.CHANGE_STATE_PENDING:
            raise FailedPrecondition("TRN_8_ALREADY_DECIDED", f"change {number} was decided")
        if approved:
            if self.state not in (FILED, APPROVED):
                raise FailedPrecondition("TRN_8_NOT_FILED", f"{self.name} is not in force")
            unqualified = sorted({x.teacher_id for x in change.lessons
                                  if not _qualified(teachers.get(x.teacher_id),
                                                    self.institution_id)})
            if unqualified:
                raise FailedPrecondition(
                    "INST_4_TEACHER_NOT_QUALIFIED", "not qualified: "
                    + ", ".join(f"teachers/{t}" for t in unqualified))
            # renumbered in case an earlier change added lessons since the request
            first = max(x.number for x in self.lessons) + 1
            change.lessons = [Lesson(first + i, x.title, x.lesson_date, x.minutes, x.kind,
                                     x.mode, x.teacher_id) for i, x in enumerate(change.lessons)]
            self.lessons.extend(change.lessons)
        change.state = pb.CHANGE_STATE_APPROVED if approved else pb.CHANGE_STATE_REFUSED
        change.decided_by, change.decision_reason, change.decided_at = actor, reason, at
        return change


def _qualified(teacher: TeacherFacts | None, institution_id: str) -> bool:
    return teacher is not None and teacher.qualified and teacher.institution_id == institution_id
