"""The messages that reach training's handlers; `parse` reports every bad field at once."""

from dataclasses import dataclass
from datetime import date

from anbao.training.v1 import events_pb2, training_pb2 as pb
from servicekit import dates, paging
from servicekit.auth import Caller
from servicekit.errors import Violations
from servicekit.messagebus import Query
from servicekit.names import resource_id

from . import occupations
from .classes import Lesson

MAX_LESSONS = 500


@dataclass(frozen=True)
class LessonInput:
    """A lesson as the caller sent it (`api` copies the proto's fields)."""

    title: str
    lesson_date: dates.DateInput
    minutes: int
    kind: int
    mode: int
    teacher: str


def parse_lessons(raw: list[LessonInput], v: Violations, first_number: int = 1) -> list[Lesson]:
    """Each lesson's own fields; what the lessons add up to is TRN-1's (domain/plans.py)."""
    lessons = []
    for i, x in enumerate(raw):
        at = f"lessons[{i}]"
        title = v.text(x.title, f"{at}.title", 100)
        day = dates.parse_date(x.lesson_date, f"{at}.lesson_date", v, required=True)
        v.check(0 < x.minutes <= 24 * 60, f"{at}.minutes", "must be 1 to 1440 minutes")
        v.check(x.kind in pb.LessonKind.values() and x.kind != pb.LESSON_KIND_UNSPECIFIED,
                f"{at}.kind", "must be THEORY or PRACTICAL")
        v.check(x.mode in pb.LessonMode.values() and x.mode != pb.LESSON_MODE_UNSPECIFIED,
                f"{at}.mode", "must be OFFLINE or ONLINE")
        teacher = resource_id(x.teacher, "teachers", f"{at}.teacher", v)
        lessons.append(Lesson(first_number + i, title, day or date.min, x.minutes, x.kind,
                              x.mode, teacher))
    return lessons


@dataclass(frozen=True)
class CreateTrainingClass:
    actor: Caller
    institution_id: str
    class_code: str
    occupation_code: str
    occupation_name: str
    level: int
    purpose: int
    lessons: tuple[Lesson, ...]

    @classmethod
    def parse(cls, actor: Caller, *, institution: str, class_code: str, occupation_code: str,
              level: int, purpose: int, lessons: list[LessonInput]) -> "CreateTrainingClass":
        v = Violations()
        institution_id = resource_id(institution, "institutions", "institution", v)
        code = v.text(class_code, "class_code", 30)
        occupation = occupations.find(occupation_code)
        if v.check(occupation is not None, "occupation_code", "unknown occupation code"):
            v.check(level in occupation.levels, "level",
                    f"{occupation.name} has levels {sorted(occupation.levels)}")
        v.check(purpose in events_pb2.TrainingPurpose.values()
                and purpose != events_pb2.TRAINING_PURPOSE_UNSPECIFIED, "purpose",
                "must be SKILL, CADRE_INITIAL or CADRE_ROTATION")
        if v.check(0 < len(lessons) <= MAX_LESSONS, "lessons",
                   f"a plan has 1 to {MAX_LESSONS} lessons"):
            parsed = parse_lessons(lessons, v)
        v.raise_if_any()
        return cls(actor, institution_id, code, occupation.code, occupation.name, level, purpose,
                   tuple(parsed))


@dataclass(frozen=True)
class GetTrainingClass(Query):
    actor: Caller
    class_id: str


@dataclass(frozen=True)
class ListTrainingClasses(Query):
    actor: Caller
    institution_id: str
    state: int
    page: paging.Page

    @classmethod
    def parse(cls, actor: Caller, *, institution: str, state: int, page_size: int,
              page_token: str) -> "ListTrainingClasses":
        v = Violations()
        institution_id = (resource_id(institution, "institutions", "institution", v)
                          if institution else "")
        v.check(state in pb.ClassState.values(), "state", "unknown state")
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, institution_id, state, page)


@dataclass(frozen=True)
class FileTrainingClass:
    """TRN-2: the institution files its plan with the police."""

    actor: Caller
    class_id: str


@dataclass(frozen=True)
class ReviewTrainingClass:
    """TRN-3: the police approve or refuse a filed plan, with a reason."""

    actor: Caller
    class_id: str
    approved: bool
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, approved: bool,
              reason: str) -> "ReviewTrainingClass":
        v = Violations()
        class_id = resource_id(name, "classes", "name", v)
        text = v.text(reason, "reason", 500, required=not approved)
        v.raise_if_any()
        return cls(actor, class_id, approved, text)


@dataclass(frozen=True)
class RecordInspectionVisit:
    """TRN-3: a random visit of the police to a class."""

    actor: Caller
    class_id: str
    visit_date: date
    inspector: str
    findings: str

    @classmethod
    def parse(cls, actor: Caller, *, training_class: str, visit_date: dates.DateInput,
              inspector: str, findings: str) -> "RecordInspectionVisit":
        v = Violations()
        class_id = resource_id(training_class, "classes", "training_class", v)
        day = dates.parse_date(visit_date, "visit_date", v, required=True, not_future=True)
        who = v.text(inspector, "inspector", 100)
        what = v.text(findings, "findings", 1000)
        v.raise_if_any()
        return cls(actor, class_id, day, who, what)
