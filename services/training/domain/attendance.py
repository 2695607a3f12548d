"""Trainees and their attendance (TRN-9): sign-in per trainee per lesson on the platform,
or on paper where the police approved it for that lesson and the records are entered
back; at the end each trainee's hours are verified against the plan (TRN-4)."""

from dataclasses import dataclass
from datetime import date, datetime

from anbao.training.v1 import training_pb2 as pb
from servicekit.errors import FailedPrecondition, FieldViolation, InvalidArgument

from .classes import APPROVED, Lesson, TrainingClass
from .plans import PlanRules

PLATFORM, PAPER = pb.SIGN_IN_METHOD_PLATFORM, pb.SIGN_IN_METHOD_PAPER


@dataclass(frozen=True)
class TraineeFacts:
    """What registry tells training about a person (masked, its everyday form)."""

    person_id: str
    full_name: str
    gender: int
    resident_id_masked: str
    phone_masked: str


@dataclass(frozen=True)
class Trainee:
    class_id: str
    person: TraineeFacts
    enrolled_at: datetime

    @property
    def name(self) -> str:
        return f"classes/{self.class_id}/trainees/{self.person.person_id}"


@dataclass(frozen=True)
class SignIn:
    class_id: str
    lesson_number: int
    person_id: str
    method: int
    minutes: int
    recorded_by: str
    at: datetime


def enrol(training_class: TrainingClass, person: TraineeFacts, *, today: date,
          already: bool, at: datetime) -> Trainee:
    """TRN-12: trainees' data are entered before the training starts."""
    if training_class.state not in (pb.CLASS_STATE_DRAFT, pb.CLASS_STATE_FILED, APPROVED):
        raise FailedPrecondition("TRN_9_CLASS_CLOSED",
                                 f"{training_class.name} takes no more trainees")
    if today >= training_class.start_date:
        raise FailedPrecondition(
            "TRN_12_ENROL_BEFORE_START",
            f"trainees are entered before the class starts ({training_class.start_date.isoformat()})")
    if already:
        raise FailedPrecondition("TRN_9_ALREADY_ENROLLED",
                                 f"persons/{person.person_id} is enrolled already")
    return Trainee(training_class.id, person, at)


def sign_in(training_class: TrainingClass, lesson: Lesson, person_id: str, *, enrolled: bool,
            method: int, minutes: int, paper_approved: bool, today: date, actor: str,
            at: datetime) -> SignIn:
    """TRN-9: one sign-in per trainee per lesson of an approved class; on the platform on
    the lesson's day, on paper (entered back later) only where the police approved it."""
    if training_class.state != APPROVED:
        raise FailedPrecondition("TRN_9_NOT_APPROVED",
                                 f"{training_class.name} is not an approved class in progress")
    if not enrolled:
        raise FailedPrecondition("TRN_9_NOT_ENROLLED",
                                 f"persons/{person_id} is not a trainee of {training_class.name}")
    if minutes > lesson.minutes:
        raise InvalidArgument([FieldViolation(
            "minutes", f"the lesson lasts {lesson.minutes} minutes")])
    if method == PLATFORM and today != lesson.lesson_date:
        raise FailedPrecondition(
            "TRN_9_PLATFORM_SAME_DAY", "platform sign-in happens on the lesson's day "
            f"({lesson.lesson_date.isoformat()}); a later entry is a paper back-entry")
    if method == PAPER:
        if not paper_approved:
            raise FailedPrecondition(
                "TRN_9_PAPER_NOT_APPROVED", "paper sign-in needs the police's approval for "
                f"lesson {lesson.number} first")
        if today < lesson.lesson_date:
            raise FailedPrecondition("TRN_9_PAPER_AFTER_LESSON",
                                     "paper sign-in is entered back after the lesson")
    return SignIn(training_class.id, lesson.number, person_id, method, minutes, actor, at)


@dataclass(frozen=True)
class Verified:
    """A trainee's hours, verified at the end (TRN-4 签到课时)."""

    person_id: str
    attended_minutes: int
    class_hours: int
    met: bool


def verify(training_class: TrainingClass, sign_ins: list[SignIn], person_id: str,
           rules: PlanRules, min_percent: int) -> Verified:
    """Each lesson counts the whole class hours its signed-in minutes cover; a trainee
    meets the class when those reach `min_percent` of the plan's hours."""
    minutes = {s.lesson_number: s.minutes for s in sign_ins if s.person_id == person_id}
    hours = sum(rules.hours(m) for m in minutes.values())
    planned = training_class.class_hours(rules)
    return Verified(person_id, sum(minutes.values()), hours, hours * 100 >= min_percent * planned)
