"""TRN-4 (000 §三(一)3): the evidence a class must have before its completion review,
and TRN-7: how long it is kept. Counting only; the media themselves are in the
content-addressed store (adapters/media_store.py)."""

from dataclasses import dataclass
from datetime import date, datetime

from anbao.training.v1 import training_pb2 as pb
from servicekit.dates import add_years
from servicekit.errors import FailedPrecondition, FieldViolation, InvalidArgument

from .classes import APPROVED, TrainingClass
from .plans import OFFLINE, ONLINE, PRACTICAL, THEORY, PlanRules

GROUP_PHOTO, PRACTICAL_PHOTO = pb.EVIDENCE_KIND_GROUP_PHOTO, pb.EVIDENCE_KIND_PRACTICAL_PHOTO
THEORY_VIDEO, PRACTICAL_VIDEO = pb.EVIDENCE_KIND_THEORY_VIDEO, pb.EVIDENCE_KIND_PRACTICAL_VIDEO
FACE_CAPTURE = pb.EVIDENCE_KIND_FACE_CAPTURE
PHOTOS, VIDEOS = {GROUP_PHOTO, PRACTICAL_PHOTO, FACE_CAPTURE}, {THEORY_VIDEO, PRACTICAL_VIDEO}

MIN_GROUP_PHOTOS = 1           # 全体培训学员合影至少 1 张
MIN_PRACTICAL_PHOTOS = 3       # 分组（分工位）实操照片至少 3 张
PRACTICAL_CLIP_SECONDS = 60    # 每学时不低于 1 分钟的连续录像
FACES_PER_ONLINE_HOUR = 2      # 每课时至少 2 张人脸照片


@dataclass(frozen=True)
class EvidenceItem:
    id: str
    class_id: str
    kind: int
    lesson_number: int          # 0: the class as a whole (group photos)
    person_id: str              # face captures: whose face
    duration_seconds: int       # videos: the continuous recording's length
    sha256: str
    size_bytes: int
    media_type: str
    uploaded_by: str
    uploaded_at: datetime

    @property
    def name(self) -> str:
        return f"classes/{self.class_id}/evidence/{self.id}"


def shortfalls(k: TrainingClass, items: list[EvidenceItem], trainee_ids: list[str],
               rules: PlanRules) -> list[str]:
    """What TRN-4 still misses, one sentence each; [] when the evidence is complete."""
    missing = []
    offline = [x for x in k.lessons if x.mode == OFFLINE]
    practical = [x for x in k.lessons if x.kind == PRACTICAL]
    count = lambda kind: sum(1 for i in items if i.kind == kind)  # noqa: E731
    if offline and count(GROUP_PHOTO) < MIN_GROUP_PHOTOS:
        missing.append(f"TRN-4: at least {MIN_GROUP_PHOTOS} group photo of the trainees")
    if practical and count(PRACTICAL_PHOTO) < MIN_PRACTICAL_PHOTOS:
        missing.append(f"TRN-4: at least {MIN_PRACTICAL_PHOTOS} practical photos; "
                       f"{count(PRACTICAL_PHOTO)} uploaded")
    for x in k.lessons:
        of_lesson = [i for i in items if i.lesson_number == x.number]
        if x.kind == THEORY and x.mode == OFFLINE:
            full = [i for i in of_lesson if i.kind == THEORY_VIDEO
                    and i.duration_seconds >= x.minutes * 60]
            if not full:
                missing.append(f"TRN-4: lesson {x.number} (offline theory) needs a video of "
                               f"the whole {x.minutes} minutes")
        if x.kind == PRACTICAL:
            clips = [i for i in of_lesson if i.kind == PRACTICAL_VIDEO
                     and i.duration_seconds >= PRACTICAL_CLIP_SECONDS]
            if len(clips) < rules.hours(x.minutes):
                missing.append(f"TRN-4: lesson {x.number} (practical) needs a continuous "
                               f"minute of video per class hour: {rules.hours(x.minutes)}; "
                               f"{len(clips)} uploaded")
        if x.mode == ONLINE:
            need = FACES_PER_ONLINE_HOUR * rules.hours(x.minutes)
            short = [p for p in trainee_ids
                     if sum(1 for i in of_lesson if i.kind == FACE_CAPTURE and i.person_id == p)
                     < need]
            if short:
                missing.append(f"TRN-4: lesson {x.number} (online) needs {need} face captures "
                               f"of each trainee; short for "
                               + ", ".join(f"persons/{p}" for p in short))
    return missing


def require_deletable(item: EvidenceItem, today: date, retention_years: int) -> None:
    """TRN-7: archives (evidence included) are kept at least `retention_years` from the
    upload; nothing under retention is deleted."""
    until = add_years(item.uploaded_at.date(), retention_years)
    if today < until:
        raise FailedPrecondition(
            "TRN_7_UNDER_RETENTION", f"{item.name} is kept until {until.isoformat()} "
            f"({retention_years} years); it cannot be deleted before", until=until.isoformat())


def check_upload(k: TrainingClass, *, kind: int, lesson_number: int, person_enrolled: bool
                 ) -> None:
    """Evidence belongs to an approved class, and each kind to the lesson it shows."""
    if k.state != APPROVED:
        raise FailedPrecondition("TRN_4_NOT_APPROVED", f"{k.name} is not an approved class; "
                                 "evidence is uploaded for approved classes until completion")
    if not lesson_number:
        return
    lesson = k.lesson(lesson_number)
    wrong = {THEORY_VIDEO: not (lesson.kind == THEORY and lesson.mode == OFFLINE),
             PRACTICAL_VIDEO: lesson.kind != PRACTICAL,
             FACE_CAPTURE: lesson.mode != ONLINE}.get(kind, False)
    if wrong:
        raise InvalidArgument([FieldViolation(
            "metadata.lesson", f"lesson {lesson_number} is not the kind of lesson this evidence "
                               "shows (theory videos: offline theory; practical videos: "
                               "practical; face captures: online)")])
    if kind == FACE_CAPTURE and not person_enrolled:
        raise InvalidArgument([FieldViolation("metadata.person", "is not a trainee of the class")])
