"""accreditation's tables, in its own SQLModel metadata."""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from servicekit.orm import service_base

Base = service_base()
metadata = Base.metadata


class OrganisationRow(Base, table=True):
    """One legal entity per USCC; locked while its roles change (INST-2)."""

    __tablename__ = "organisation"

    uscc: str = Field(primary_key=True, max_length=18)
    created_at: datetime


class InstitutionRow(Base, table=True):
    __tablename__ = "institution"

    id: str = Field(primary_key=True, max_length=32)
    display_name: str = Field(max_length=100)
    uscc: str = Field(index=True, max_length=18)
    role: int
    status: int
    region_code: str = Field(max_length=6)
    category: int = 0
    ministry_code: str = Field(default="", max_length=4)
    site_serial: str = Field(default="", max_length=6)
    created_at: datetime


class StatusChangeRow(Base, table=True):
    """INST-1: every transition with actor, time and reason."""

    __tablename__ = "institution_status_change"

    id: int | None = Field(default=None, primary_key=True)
    institution_id: str = Field(index=True, max_length=32)
    from_status: int
    to_status: int
    actor: str = Field(max_length=100)
    reason: str = Field(max_length=500)
    changed_at: datetime


class PreAppointmentTrainingRow(Base, table=True):
    """EVAL-2: 聘前培训 records."""

    __tablename__ = "pre_appointment_training"

    id: int | None = Field(default=None, primary_key=True)
    person_id: str = Field(index=True, max_length=32)
    completion_date: date
    passed: bool
    provider: str = Field(max_length=100)
    recorded_at: datetime


class EvaluatorRow(Base, table=True):
    __tablename__ = "evaluator"

    id: str = Field(primary_key=True, max_length=32)
    person_id: str = Field(index=True, max_length=32)
    full_name: str = Field(max_length=50)
    institution_id: str = Field(index=True, max_length=32)
    status: int
    term_start: date
    term_end: date
    recommended_by: str = Field(default="", max_length=100)
    created_at: datetime


class ExamSessionRow(Base, table=True):
    __tablename__ = "exam_session"

    id: str = Field(primary_key=True, max_length=32)
    institution_id: str = Field(index=True, max_length=32)
    occupation_code: str = Field(max_length=10)
    level: int
    exam_date: date
    state: int
    closed_at: datetime | None = None
    created_at: datetime
    exam_mode: int = 0                                          # ASMT-6
    exam_site_id: str = Field(default="", max_length=32)       # ASMT-10


class SessionEvaluatorRow(Base, table=True):
    __tablename__ = "exam_session_evaluator"

    session_id: str = Field(primary_key=True, max_length=32)
    evaluator_id: str = Field(primary_key=True, max_length=32)


class CandidateRow(Base, table=True):
    __tablename__ = "candidate"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    id: str = Field(primary_key=True, max_length=32)
    session_id: str = Field(index=True, max_length=32)
    person_id: str = Field(max_length=32)
    full_name: str = Field(max_length=50)
    resident_id_masked: str = Field(max_length=18)
    theory_exempt: bool = False
    theory_score: int | None = None
    skill_score: int | None = None
    review_score: int | None = None
    result: int = 1
    module_scores: str = Field(default="")                      # ASMT-7, JSON [[module, score]]
    application_state: int = 1                                  # ASMT-9
    route: str = Field(default="", max_length=64)               # ASMT-5


class ScoreChangeRow(Base, table=True):
    """Every entry of a candidate's scores, with who entered it and when; the candidate
    row holds the latest."""

    __tablename__ = "candidate_score_change"

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: str = Field(index=True, max_length=32)
    theory_score: int | None = None
    skill_score: int | None = None
    review_score: int | None = None
    result: int
    actor: str = Field(max_length=100)
    entered_at: datetime
    module_scores: str = Field(default="")
    evaluator_id: str = Field(default="", max_length=32)
    appeal_id: str = Field(default="", max_length=32)


class CandidateFactRow(Base, table=True):
    """ASMT-5: a fact the applicant declared, with its evidence reference."""

    __tablename__ = "candidate_fact"

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: str = Field(index=True, max_length=32)
    kind: str = Field(max_length=40)
    years: int = 0
    evidence: str = Field(max_length=200)


class ReviewDecisionRow(Base, table=True):
    """ASMT-9: each stage's decision on an application."""

    __tablename__ = "candidate_review"

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: str = Field(index=True, max_length=32)
    stage: int
    approved: bool
    actor: str = Field(max_length=100)
    reason: str = Field(max_length=500)
    decided_at: datetime


class SessionStepRow(Base, table=True):
    """Sign-off, the province's checks and close, with actor, time and reason."""

    __tablename__ = "exam_session_step"

    id: int | None = Field(default=None, primary_key=True)
    session_id: str = Field(index=True, max_length=32)
    to_state: int
    actor: str = Field(max_length=100)
    reason: str = Field(max_length=500)
    at: datetime


class AppealRow(Base, table=True):
    __tablename__ = "appeal"

    id: str = Field(primary_key=True, max_length=32)
    candidate_id: str = Field(index=True, max_length=32)
    session_id: str = Field(max_length=32)
    evaluator_id: str = Field(max_length=32)
    reason: str = Field(max_length=500)
    filed_by: str = Field(max_length=100)
    filed_at: datetime
    state: int
    decided_by: str = Field(default="", max_length=100)
    decision_reason: str = Field(default="", max_length=500)
    decided_at: datetime | None = None
    from_result: int = 0
    to_result: int = 0


class ExamSiteRow(Base, table=True):
    """ASMT-10: registered national 保安员 exam sites."""

    __tablename__ = "exam_site"

    id: str = Field(primary_key=True, max_length=32)
    display_name: str = Field(max_length=100)
    region_code: str = Field(max_length=6)
    filing_number: str = Field(unique=True, max_length=40)
    created_at: datetime


class LevelLaunchRow(Base, table=True):
    """ASMT-11: the levels a province has launched."""

    __tablename__ = "level_launch"

    province: str = Field(primary_key=True, max_length=6)
    occupation_code: str = Field(primary_key=True, max_length=10)
    level: int = Field(primary_key=True)
    actor: str = Field(max_length=100)
    launched_at: datetime


class HeldCertificateRow(Base, table=True):
    """ASMT-5: certificates people hold, learned from certificates' events."""

    __tablename__ = "held_certificate"

    number: str = Field(primary_key=True, max_length=22)
    person_id: str = Field(index=True, max_length=32)
    occupation_code: str = Field(max_length=10)
    level: int
    valid: bool = True
