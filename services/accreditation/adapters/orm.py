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
    call_id: str = Field(default="", index=True, max_length=32)
    legal_representative: str = Field(default="", index=True, max_length=50)
    parent_uscc: str = Field(default="", index=True, max_length=18)


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
    term_start: date              # the current (latest) term; every term is in evaluator_term
    term_end: date
    recommended_by: str = Field(default="", max_length=100)
    created_at: datetime
    occupation_code: str = Field(default="", max_length=10)
    max_level: int = 5


class EvaluatorTermRow(Base, table=True):
    """EVAL-1: every term of an evaluator, the appointment's and each renewal's."""

    __tablename__ = "evaluator_term"

    evaluator_id: str = Field(primary_key=True, max_length=32)
    seq: int = Field(primary_key=True)
    term_start: date
    term_end: date
    actor: str = Field(max_length=100)
    recorded_at: datetime


class EvaluatorAssessmentRow(Base, table=True):
    """EVAL-3: one annual assessment per evaluator and year."""

    __tablename__ = "evaluator_assessment"

    evaluator_id: str = Field(primary_key=True, max_length=32)
    year: int = Field(primary_key=True)
    ethics: int
    professional_score: int
    performance_score: int
    result: int
    assessed_on: date
    remarks: str = Field(default="", max_length=500)
    actor: str = Field(max_length=100)
    recorded_at: datetime


class EvaluatorAffiliationRow(Base, table=True):
    """EVAL-5: the institutions an evaluator works for, current and ended."""

    __tablename__ = "evaluator_affiliation"

    evaluator_id: str = Field(primary_key=True, max_length=32)
    seq: int = Field(primary_key=True)
    institution_id: str = Field(index=True, max_length=32)
    display_name: str = Field(max_length=100)
    actor: str = Field(max_length=100)
    started_at: datetime
    ended_at: datetime | None = None


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
    trained_by_id: str = Field(default="", max_length=32)  # EVAL-5 conflict of interest


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


class InstitutionOccupationRow(Base, table=True):
    """The occupations an institution holds its role for (INST-3 quotas, listing)."""

    __tablename__ = "institution_occupation"

    institution_id: str = Field(primary_key=True, max_length=32)
    occupation_code: str = Field(primary_key=True, max_length=10)


class CallForApplicationsRow(Base, table=True):
    """INST-1 公开征集."""

    __tablename__ = "call_for_applications"

    id: str = Field(primary_key=True, max_length=32)
    title: str = Field(max_length=200)
    role: int
    occupation_code: str = Field(default="", max_length=10)
    region_code: str = Field(max_length=6)
    open_date: date
    close_date: date
    creator: str = Field(max_length=100)
    created_at: datetime
    published_at: datetime | None = None
    closed_at: datetime | None = None
    selected: str = ""   # institution IDs, space-separated, once published
    rejected: str = ""


class SelectionDecisionRow(Base, table=True):
    """INST-1: one decision per department and application (the unique constraint keeps
    a department from deciding twice, even concurrently)."""

    __tablename__ = "selection_decision"
    __table_args__ = (UniqueConstraint("institution_id", "department"),)

    id: int | None = Field(default=None, primary_key=True)
    institution_id: str = Field(index=True, max_length=32)
    department: int
    outcome: int
    actor: str = Field(max_length=100)
    reason: str = Field(max_length=500)
    decided_at: datetime


class TrainingLicenceRow(Base, table=True):
    """INST-6 保安培训许可证."""

    __tablename__ = "training_licence"

    id: int | None = Field(default=None, primary_key=True)
    institution_id: str = Field(index=True, max_length=32)
    number: str = Field(max_length=50)
    issuer: str = Field(max_length=100)
    valid_from: date
    valid_until: date
    recorded_at: datetime


class BlacklistEntryRow(Base, table=True):
    """INST-7 信用黑名单."""

    __tablename__ = "blacklist_entry"

    id: int | None = Field(default=None, primary_key=True)
    institution_id: str = Field(index=True, max_length=32)
    reason: str = Field(max_length=500)
    evidence: str = Field(default="", max_length=200)
    actor: str = Field(max_length=100)
    qualification_revoked: bool = False
    blacklisted_at: datetime


class QualityAssessmentRow(Base, table=True):
    """INST-8: a quality assessment with its findings (a JSON list)."""

    __tablename__ = "quality_assessment"

    id: int | None = Field(default=None, primary_key=True)
    institution_id: str = Field(index=True, max_length=32)
    assess_date: date
    findings: str
    qualification_withdrawn: bool = False
    actor: str = Field(max_length=100)
    recorded_at: datetime


class QuotaPhaseRow(Base, table=True):
    """INST-3: the phase a province admin set, overriding the reference data's default."""

    __tablename__ = "quota_phase"

    province_code: str = Field(primary_key=True, max_length=6)
    occupation_code: str = Field(primary_key=True, max_length=10)
    phase: int
    setter: str = Field(max_length=100)
    set_at: datetime


class LockRow(Base, table=True):
    """A named lock a transaction holds while it counts or claims something shared:
    the places of a quota (INST-3), numbering parts (CERT-1)."""

    __tablename__ = "named_lock"

    name: str = Field(primary_key=True, max_length=100)


class NumberingSeriesRow(Base, table=True):
    """CERT-1: parts 1–4 of the certificate number, one organisation (USCC) each."""

    __tablename__ = "numbering_series"

    prefix: str = Field(primary_key=True, max_length=13)
    uscc: str = Field(max_length=18)
    institution_id: str = Field(max_length=32)


class TeacherRow(Base, table=True):
    """INST-4 培训教师."""

    __tablename__ = "teacher"
    __table_args__ = (UniqueConstraint("person_id", "institution_id"),)

    id: str = Field(primary_key=True, max_length=32)
    person_id: str = Field(max_length=32)
    full_name: str = Field(max_length=50)
    institution_id: str = Field(index=True, max_length=32)
    created_at: datetime


class TeacherAssessmentRow(Base, table=True):
    __tablename__ = "teacher_assessment"

    id: int | None = Field(default=None, primary_key=True)
    teacher_id: str = Field(index=True, max_length=32)
    assess_date: date
    passed: bool
    assessor: str = Field(max_length=100)
    notes: str = Field(default="", max_length=500)
    actor: str = Field(max_length=100)
    recorded_at: datetime


class SupervisorRow(Base, table=True):
    """INST-5 督导员."""

    __tablename__ = "supervisor"

    id: str = Field(primary_key=True, max_length=32)
    person_id: str = Field(index=True, max_length=32)
    full_name: str = Field(max_length=50)
    affiliation: str = Field(max_length=100)
    term_start: date
    term_end: date
    appointer: str = Field(max_length=100)
    created_at: datetime


class SupervisionVisitRow(Base, table=True):
    """INST-5: an on-site visit and its findings (a JSON list)."""

    __tablename__ = "supervision_visit"

    id: str = Field(primary_key=True, max_length=32)
    supervisor_id: str = Field(index=True, max_length=32)
    institution_id: str = Field(index=True, max_length=32)
    region_code: str = Field(max_length=6)  # the institution's, for a city's bulletin
    visit_date: date = Field(index=True)
    findings: str
    recorded_at: datetime
