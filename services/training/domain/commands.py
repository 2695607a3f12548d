"""The messages that reach training's handlers; `parse` reports every bad field at once."""

from dataclasses import dataclass
from datetime import date, timedelta

from anbao.training.v1 import events_pb2, training_pb2 as pb
from servicekit import dates, divisions, paging
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


@dataclass(frozen=True)
class EnrollTrainee:
    """TRN-9, TRN-12: a registry person joins a class before it starts."""

    actor: Caller
    class_id: str
    person_id: str

    @classmethod
    def parse(cls, actor: Caller, *, training_class: str, person: str) -> "EnrollTrainee":
        v = Violations()
        class_id = resource_id(training_class, "classes", "training_class", v)
        person_id = resource_id(person, "persons", "person", v)
        v.raise_if_any()
        return cls(actor, class_id, person_id)


@dataclass(frozen=True)
class ListTrainees(Query):
    actor: Caller
    class_id: str


def lesson_of(name: str, field: str, v: Violations) -> tuple[str, int]:
    """`classes/{id}/lessons/{n}` → (id, n)."""
    parts = name.split("/")
    ok = (len(parts) == 4 and parts[0] == "classes" and parts[2] == "lessons"
          and parts[1].isascii() and parts[1].isalnum() and 0 < len(parts[1]) <= 32
          and parts[3].isdigit() and 0 < len(parts[3]) <= 4)
    v.check(ok, field, "must be classes/{id}/lessons/{number}")
    return (parts[1], int(parts[3])) if ok else ("", 0)


@dataclass(frozen=True)
class ApprovePaperSignIn:
    """TRN-9: the police allow paper sign-in for one lesson."""

    actor: Caller
    class_id: str
    lesson_number: int
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, lesson: str, reason: str) -> "ApprovePaperSignIn":
        v = Violations()
        class_id, number = lesson_of(lesson, "lesson", v)
        text = v.text(reason, "reason", 500)
        v.raise_if_any()
        return cls(actor, class_id, number, text)


@dataclass(frozen=True)
class RecordAttendance:
    """TRN-9: one trainee's sign-in for one lesson."""

    actor: Caller
    class_id: str
    lesson_number: int
    person_id: str
    method: int
    minutes: int

    @classmethod
    def parse(cls, actor: Caller, *, lesson: str, person: str, method: int,
              minutes: int) -> "RecordAttendance":
        v = Violations()
        class_id, number = lesson_of(lesson, "lesson", v)
        person_id = resource_id(person, "persons", "person", v)
        v.check(method in pb.SignInMethod.values() and method != pb.SIGN_IN_METHOD_UNSPECIFIED,
                "method", "must be PLATFORM or PAPER")
        v.check(0 < minutes <= 24 * 60, "minutes", "must be 1 to 1440")
        v.raise_if_any()
        return cls(actor, class_id, number, person_id, method, minutes)


@dataclass(frozen=True)
class CompleteTrainingClass:
    """CERT-2: the police's completion review of an ended class."""

    actor: Caller
    class_id: str


@dataclass(frozen=True)
class EvidenceUpload(Query):
    """TRN-4: an upload's metadata, checked before any byte is accepted."""

    actor: Caller
    class_id: str
    kind: int
    lesson_number: int
    person_id: str
    duration_seconds: int
    media_type: str

    @classmethod
    def parse(cls, actor: Caller, *, training_class: str, kind: int, lesson: str, person: str,
              duration_seconds: int, media_type: str, media_types) -> "EvidenceUpload":
        v = Violations()
        class_id = resource_id(training_class, "classes", "metadata.training_class", v)
        known = v.check(kind in pb.EvidenceKind.values()
                        and kind != pb.EVIDENCE_KIND_UNSPECIFIED, "metadata.kind",
                        "unknown evidence kind")
        video = kind in (pb.EVIDENCE_KIND_THEORY_VIDEO, pb.EVIDENCE_KIND_PRACTICAL_VIDEO)
        per_lesson = video or kind == pb.EVIDENCE_KIND_FACE_CAPTURE
        number = 0
        if lesson:
            lesson_class, number = lesson_of(lesson, "metadata.lesson", v)
            v.check(not lesson_class or lesson_class == class_id, "metadata.lesson",
                    "is a lesson of another class")
        elif known and per_lesson:
            v.add("metadata.lesson", "is required for videos and face captures")
        person_id = ""
        if kind == pb.EVIDENCE_KIND_FACE_CAPTURE:
            person_id = resource_id(person, "persons", "metadata.person", v)
        else:
            v.check(not person, "metadata.person", "is for face captures only")
        if video:
            v.check(0 < duration_seconds <= 24 * 3600, "metadata.duration_seconds",
                    "a video lasts 1 second to 24 hours")
            v.check(media_type == "video/mp4", "metadata.media_type", "videos are video/mp4")
        else:
            v.check(duration_seconds == 0, "metadata.duration_seconds", "is for videos only")
            v.check(media_type in media_types and media_type.startswith("image/"),
                    "metadata.media_type", "photos are image/jpeg or image/png")
        v.raise_if_any()
        return cls(actor, class_id, kind, number, person_id, duration_seconds, media_type)


@dataclass(frozen=True)
class RecordEvidence:
    """The stored upload's metadata, once its bytes are in the media store."""

    upload: EvidenceUpload
    sha256: str
    size_bytes: int


@dataclass(frozen=True)
class ListEvidence(Query):
    actor: Caller
    class_id: str


@dataclass(frozen=True)
class DeleteEvidence:
    """TRN-7: refused while under retention."""

    actor: Caller
    class_id: str
    item_id: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str) -> "DeleteEvidence":
        v = Violations()
        parts = name.split("/")
        ok = (len(parts) == 4 and parts[0] == "classes" and parts[2] == "evidence"
              and all(p.isascii() and p.isalnum() and 0 < len(p) <= 32 for p in parts[1::2]))
        v.check(ok, "name", "must be classes/{id}/evidence/{id}")
        v.raise_if_any()
        return cls(actor, parts[1], parts[3])


@dataclass(frozen=True)
class RequestClassChange:
    """TRN-8: make-up lessons or re-sits for a filed plan."""

    actor: Caller
    class_id: str
    kind: int
    reason: str
    lessons: tuple[Lesson, ...]

    @classmethod
    def parse(cls, actor: Caller, *, training_class: str, kind: int, reason: str,
              lessons: list[LessonInput]) -> "RequestClassChange":
        v = Violations()
        class_id = resource_id(training_class, "classes", "training_class", v)
        v.check(kind in pb.ChangeKind.values() and kind != pb.CHANGE_KIND_UNSPECIFIED, "kind",
                "must be MAKE_UP_LESSON or RE_SIT")
        text = v.text(reason, "reason", 500)
        parsed = []
        if v.check(0 < len(lessons) <= 50, "lessons", "a change adds 1 to 50 lessons"):
            parsed = parse_lessons(lessons, v)
            for i, x in enumerate(parsed):  # each lesson as TRN-1 wants it
                v.check(x.minutes >= 45, f"lessons[{i}].minutes",
                        "TRN-1: a lesson lasts at least 45 minutes")
                v.check(x.kind != pb.LESSON_KIND_PRACTICAL or x.mode == pb.LESSON_MODE_OFFLINE,
                        f"lessons[{i}].mode", "TRN-1: practical lessons are held offline only")
        v.raise_if_any()
        return cls(actor, class_id, kind, text, tuple(parsed))


@dataclass(frozen=True)
class DecideClassChange:
    actor: Caller
    class_id: str
    number: int
    approved: bool
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, approved: bool,
              reason: str) -> "DecideClassChange":
        v = Violations()
        parts = name.split("/")
        ok = (len(parts) == 4 and parts[0] == "classes" and parts[2] == "changes"
              and parts[1].isascii() and parts[1].isalnum() and 0 < len(parts[1]) <= 32
              and parts[3].isdigit() and 0 < len(parts[3]) <= 4)
        v.check(ok, "name", "must be classes/{id}/changes/{number}")
        text = v.text(reason, "reason", 500, required=not approved)
        v.raise_if_any()
        return cls(actor, parts[1], int(parts[3]), approved, text)


@dataclass(frozen=True)
class ExportRoster(Query):
    """TRN-10."""

    actor: Caller
    class_id: str
    format: int

    @classmethod
    def parse(cls, actor: Caller, *, training_class: str, format: int) -> "ExportRoster":
        v = Violations()
        class_id = resource_id(training_class, "classes", "training_class", v)
        v.check(format in (pb.ROSTER_FORMAT_CSV, pb.ROSTER_FORMAT_XLSX), "format",
                "must be CSV or XLSX")
        v.raise_if_any()
        return cls(actor, class_id, format)


@dataclass(frozen=True)
class GetTrainingReport(Query):
    """POOL-4: a city's quarterly training report."""

    actor: Caller
    region_code: str
    year: int
    quarter: int

    @classmethod
    def parse(cls, actor: Caller, *, region_code: str, year: int,
              quarter: int) -> "GetTrainingReport":
        v = Violations()
        v.check(divisions.is_known_division(region_code), "region_code",
                "is not a GB/T 2260 division code")
        v.check(2000 <= year <= 2100, "year", "must be 2000 to 2100")
        v.check(1 <= quarter <= 4, "quarter", "must be 1 to 4")
        v.raise_if_any()
        return cls(actor, region_code, year, quarter)

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def last_day(self) -> date:
        nxt = date(self.year + 1, 1, 1) if self.quarter == 4 else date(self.year,
                                                                       3 * self.quarter + 1, 1)
        return nxt - timedelta(days=1)
