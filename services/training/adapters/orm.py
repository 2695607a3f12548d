"""training's tables, in its own SQLModel metadata."""

from datetime import date, datetime

from sqlalchemy import BigInteger
from sqlmodel import Field

from servicekit.orm import service_base

Base = service_base()
metadata = Base.metadata


class TrainingClassRow(Base, table=True):
    __tablename__ = "training_class"

    id: str = Field(primary_key=True, max_length=32)
    institution_id: str = Field(index=True, max_length=32)
    institution_name: str = Field(max_length=100)
    region_code: str = Field(index=True, max_length=6)
    class_code: str = Field(max_length=30)
    occupation_code: str = Field(max_length=10)
    occupation_name: str = Field(max_length=50)
    level: int
    purpose: int
    state: int = Field(index=True)
    start_date: date = Field(index=True)  # the first lesson's date, for the reports
    end_date: date
    created_at: datetime
    created_by: str = Field(max_length=200)
    filed_at: datetime | None = None
    filing_deadline: date | None = None   # TRN-2, as counted when filed
    review_approved: bool | None = None   # TRN-3
    review_reason: str | None = Field(default=None, max_length=500)
    reviewed_by: str | None = Field(default=None, max_length=200)
    reviewed_at: datetime | None = None


class InspectionVisitRow(Base, table=True):
    """TRN-3: random visits of the police to a class."""

    __tablename__ = "inspection_visit"

    class_id: str = Field(primary_key=True, max_length=32)
    number: int = Field(primary_key=True)
    visit_date: date
    inspector: str = Field(max_length=100)
    findings: str = Field(max_length=1000)
    recorded_by: str = Field(max_length=200)
    recorded_at: datetime


class LessonRow(Base, table=True):
    __tablename__ = "lesson"

    class_id: str = Field(primary_key=True, max_length=32)
    number: int = Field(primary_key=True)
    title: str = Field(max_length=100)
    lesson_date: date
    minutes: int
    kind: int
    mode: int
    teacher_id: str = Field(max_length=32)


class InstitutionStandingRow(Base, table=True):
    """What accreditation's events say of an institution: its status and the blacklist
    (INST-7), which a filing checks."""

    __tablename__ = "institution_standing"

    id: str = Field(primary_key=True, max_length=32)
    status: int = 0
    blacklisted: bool = False
    changed_at: datetime | None = None


class TeacherRow(Base, table=True):
    """Teachers as accreditation's events report them (INST-4): qualified once they pass
    the provincial teacher assessment."""

    __tablename__ = "teacher"

    id: str = Field(primary_key=True, max_length=32)
    person_id: str = Field(max_length=32)
    full_name: str = Field(default="", max_length=50)
    institution_id: str = Field(index=True, max_length=32)
    qualified: bool = False
    assessed_on: date | None = None


class CompletionCertificateRow(Base, table=True):
    """The completion certificate (CERT-2) each trainee got, from CertificateIssued, for
    the roster (TRN-10)."""

    __tablename__ = "completion_certificate"

    number: str = Field(primary_key=True, max_length=32)
    class_id: str = Field(index=True, max_length=32)
    person_id: str = Field(max_length=32)
    issue_date: date


class TraineeRow(Base, table=True):
    """TRN-9, TRN-12: a person enrolled in a class before it starts, with the masked data
    registry gave (never the resident ID or phone in the clear)."""

    __tablename__ = "trainee"

    class_id: str = Field(primary_key=True, max_length=32)
    person_id: str = Field(primary_key=True, max_length=32)
    full_name: str = Field(max_length=50)
    gender: int
    resident_id_masked: str = Field(max_length=18)
    phone_masked: str = Field(max_length=20)
    enrolled_at: datetime


class SignInRow(Base, table=True):
    """TRN-9: one sign-in per trainee per lesson."""

    __tablename__ = "sign_in"

    class_id: str = Field(primary_key=True, max_length=32)
    lesson_number: int = Field(primary_key=True)
    person_id: str = Field(primary_key=True, max_length=32)
    method: int
    minutes: int
    recorded_by: str = Field(max_length=200)
    recorded_at: datetime


class PaperSignInRow(Base, table=True):
    """TRN-9: the police allowed paper sign-in for a lesson (entered back later)."""

    __tablename__ = "paper_sign_in"

    class_id: str = Field(primary_key=True, max_length=32)
    lesson_number: int = Field(primary_key=True)
    reason: str = Field(max_length=500)
    approved_by: str = Field(max_length=200)
    approved_at: datetime


class EvidenceRow(Base, table=True):
    """TRN-4: a photo or video's metadata; its bytes are in the media store under
    `sha256` (TRN-7: kept for the retention period)."""

    __tablename__ = "evidence"

    id: str = Field(primary_key=True, max_length=32)
    class_id: str = Field(index=True, max_length=32)
    kind: int
    lesson_number: int = 0
    person_id: str = Field(default="", max_length=32)
    duration_seconds: int = 0
    sha256: str = Field(index=True, max_length=64)
    size_bytes: int = Field(sa_type=BigInteger)
    media_type: str = Field(max_length=30)
    uploaded_by: str = Field(max_length=200)
    uploaded_at: datetime


class ChangeRequestRow(Base, table=True):
    """TRN-8: a change to a filed plan; its lessons (JSON) join the plan once approved."""

    __tablename__ = "change_request"

    class_id: str = Field(primary_key=True, max_length=32)
    number: int = Field(primary_key=True)
    kind: int
    reason: str = Field(max_length=500)
    lessons_json: str
    requested_by: str = Field(max_length=200)
    requested_at: datetime
    state: int
    decided_by: str = Field(default="", max_length=200)
    decision_reason: str = Field(default="", max_length=500)
    decided_at: datetime | None = None


# the subsidy tables join this metadata (kept in their own module)
from . import subsidy_orm  # noqa: E402,F401
