import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import date_pb2 as _date_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InstitutionRole(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INSTITUTION_ROLE_UNSPECIFIED: _ClassVar[InstitutionRole]
    INSTITUTION_ROLE_EVALUATION: _ClassVar[InstitutionRole]
    INSTITUTION_ROLE_TRAINING: _ClassVar[InstitutionRole]

class InstitutionStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INSTITUTION_STATUS_UNSPECIFIED: _ClassVar[InstitutionStatus]
    INSTITUTION_STATUS_APPLIED: _ClassVar[InstitutionStatus]
    INSTITUTION_STATUS_SELECTED: _ClassVar[InstitutionStatus]
    INSTITUTION_STATUS_REJECTED: _ClassVar[InstitutionStatus]
    INSTITUTION_STATUS_ACTIVE: _ClassVar[InstitutionStatus]
    INSTITUTION_STATUS_SUSPENDED: _ClassVar[InstitutionStatus]
    INSTITUTION_STATUS_REVOKED: _ClassVar[InstitutionStatus]

class OrganisationCategory(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORGANISATION_CATEGORY_UNSPECIFIED: _ClassVar[OrganisationCategory]
    ORGANISATION_CATEGORY_EMPLOYER: _ClassVar[OrganisationCategory]
    ORGANISATION_CATEGORY_SOCIAL: _ClassVar[OrganisationCategory]

class EvaluatorStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EVALUATOR_STATUS_UNSPECIFIED: _ClassVar[EvaluatorStatus]
    EVALUATOR_STATUS_APPOINTED: _ClassVar[EvaluatorStatus]
    EVALUATOR_STATUS_SUSPENDED: _ClassVar[EvaluatorStatus]
    EVALUATOR_STATUS_DISMISSED: _ClassVar[EvaluatorStatus]

class ExamSessionState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXAM_SESSION_STATE_UNSPECIFIED: _ClassVar[ExamSessionState]
    EXAM_SESSION_STATE_OPEN: _ClassVar[ExamSessionState]
    EXAM_SESSION_STATE_CLOSED: _ClassVar[ExamSessionState]
    EXAM_SESSION_STATE_SIGNED_OFF: _ClassVar[ExamSessionState]
    EXAM_SESSION_STATE_CHECKED: _ClassVar[ExamSessionState]

class ExamMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXAM_MODE_UNSPECIFIED: _ClassVar[ExamMode]
    EXAM_MODE_COMPUTER_BASED: _ClassVar[ExamMode]
    EXAM_MODE_WRITTEN_AND_DEFENSE: _ClassVar[ExamMode]

class ApplicationState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    APPLICATION_STATE_UNSPECIFIED: _ClassVar[ApplicationState]
    APPLICATION_STATE_SUBMITTED: _ClassVar[ApplicationState]
    APPLICATION_STATE_FIRST_APPROVED: _ClassVar[ApplicationState]
    APPLICATION_STATE_APPROVED: _ClassVar[ApplicationState]
    APPLICATION_STATE_REJECTED: _ClassVar[ApplicationState]

class ReviewStage(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REVIEW_STAGE_UNSPECIFIED: _ClassVar[ReviewStage]
    REVIEW_STAGE_FIRST: _ClassVar[ReviewStage]
    REVIEW_STAGE_SECOND: _ClassVar[ReviewStage]

class CertificateIssuer(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CERTIFICATE_ISSUER_UNSPECIFIED: _ClassVar[CertificateIssuer]
    CERTIFICATE_ISSUER_HR_DEPARTMENT: _ClassVar[CertificateIssuer]
    CERTIFICATE_ISSUER_EVALUATION_ORGANISATION: _ClassVar[CertificateIssuer]

class AppealState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    APPEAL_STATE_UNSPECIFIED: _ClassVar[AppealState]
    APPEAL_STATE_FILED: _ClassVar[AppealState]
    APPEAL_STATE_DECIDED: _ClassVar[AppealState]

class AssessmentResult(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ASSESSMENT_RESULT_UNSPECIFIED: _ClassVar[AssessmentResult]
    ASSESSMENT_RESULT_PENDING: _ClassVar[AssessmentResult]
    ASSESSMENT_RESULT_PASSED: _ClassVar[AssessmentResult]
    ASSESSMENT_RESULT_FAILED: _ClassVar[AssessmentResult]
INSTITUTION_ROLE_UNSPECIFIED: InstitutionRole
INSTITUTION_ROLE_EVALUATION: InstitutionRole
INSTITUTION_ROLE_TRAINING: InstitutionRole
INSTITUTION_STATUS_UNSPECIFIED: InstitutionStatus
INSTITUTION_STATUS_APPLIED: InstitutionStatus
INSTITUTION_STATUS_SELECTED: InstitutionStatus
INSTITUTION_STATUS_REJECTED: InstitutionStatus
INSTITUTION_STATUS_ACTIVE: InstitutionStatus
INSTITUTION_STATUS_SUSPENDED: InstitutionStatus
INSTITUTION_STATUS_REVOKED: InstitutionStatus
ORGANISATION_CATEGORY_UNSPECIFIED: OrganisationCategory
ORGANISATION_CATEGORY_EMPLOYER: OrganisationCategory
ORGANISATION_CATEGORY_SOCIAL: OrganisationCategory
EVALUATOR_STATUS_UNSPECIFIED: EvaluatorStatus
EVALUATOR_STATUS_APPOINTED: EvaluatorStatus
EVALUATOR_STATUS_SUSPENDED: EvaluatorStatus
EVALUATOR_STATUS_DISMISSED: EvaluatorStatus
EXAM_SESSION_STATE_UNSPECIFIED: ExamSessionState
EXAM_SESSION_STATE_OPEN: ExamSessionState
EXAM_SESSION_STATE_CLOSED: ExamSessionState
EXAM_SESSION_STATE_SIGNED_OFF: ExamSessionState
EXAM_SESSION_STATE_CHECKED: ExamSessionState
EXAM_MODE_UNSPECIFIED: ExamMode
EXAM_MODE_COMPUTER_BASED: ExamMode
EXAM_MODE_WRITTEN_AND_DEFENSE: ExamMode
APPLICATION_STATE_UNSPECIFIED: ApplicationState
APPLICATION_STATE_SUBMITTED: ApplicationState
APPLICATION_STATE_FIRST_APPROVED: ApplicationState
APPLICATION_STATE_APPROVED: ApplicationState
APPLICATION_STATE_REJECTED: ApplicationState
REVIEW_STAGE_UNSPECIFIED: ReviewStage
REVIEW_STAGE_FIRST: ReviewStage
REVIEW_STAGE_SECOND: ReviewStage
CERTIFICATE_ISSUER_UNSPECIFIED: CertificateIssuer
CERTIFICATE_ISSUER_HR_DEPARTMENT: CertificateIssuer
CERTIFICATE_ISSUER_EVALUATION_ORGANISATION: CertificateIssuer
APPEAL_STATE_UNSPECIFIED: AppealState
APPEAL_STATE_FILED: AppealState
APPEAL_STATE_DECIDED: AppealState
ASSESSMENT_RESULT_UNSPECIFIED: AssessmentResult
ASSESSMENT_RESULT_PENDING: AssessmentResult
ASSESSMENT_RESULT_PASSED: AssessmentResult
ASSESSMENT_RESULT_FAILED: AssessmentResult

class Institution(_message.Message):
    __slots__ = ("name", "display_name", "uscc", "role", "status", "region_code", "category", "ministry_code", "site_serial", "history", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    USCC_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MINISTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    SITE_SERIAL_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    uscc: str
    role: InstitutionRole
    status: InstitutionStatus
    region_code: str
    category: OrganisationCategory
    ministry_code: str
    site_serial: str
    history: _containers.RepeatedCompositeFieldContainer[StatusChange]
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., uscc: _Optional[str] = ..., role: _Optional[_Union[InstitutionRole, str]] = ..., status: _Optional[_Union[InstitutionStatus, str]] = ..., region_code: _Optional[str] = ..., category: _Optional[_Union[OrganisationCategory, str]] = ..., ministry_code: _Optional[str] = ..., site_serial: _Optional[str] = ..., history: _Optional[_Iterable[_Union[StatusChange, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StatusChange(_message.Message):
    __slots__ = ("from_status", "to_status", "actor", "reason", "change_time")
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    from_status: InstitutionStatus
    to_status: InstitutionStatus
    actor: str
    reason: str
    change_time: _timestamp_pb2.Timestamp
    def __init__(self, from_status: _Optional[_Union[InstitutionStatus, str]] = ..., to_status: _Optional[_Union[InstitutionStatus, str]] = ..., actor: _Optional[str] = ..., reason: _Optional[str] = ..., change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateInstitutionRequest(_message.Message):
    __slots__ = ("institution", "request_id")
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    institution: Institution
    request_id: str
    def __init__(self, institution: _Optional[_Union[Institution, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetInstitutionRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListInstitutionsRequest(_message.Message):
    __slots__ = ("role", "page_size", "page_token")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    role: InstitutionRole
    page_size: int
    page_token: str
    def __init__(self, role: _Optional[_Union[InstitutionRole, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListInstitutionsResponse(_message.Message):
    __slots__ = ("institutions", "next_page_token")
    INSTITUTIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    institutions: _containers.RepeatedCompositeFieldContainer[Institution]
    next_page_token: str
    def __init__(self, institutions: _Optional[_Iterable[_Union[Institution, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ChangeInstitutionStatusRequest(_message.Message):
    __slots__ = ("name", "status", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    status: InstitutionStatus
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., status: _Optional[_Union[InstitutionStatus, str]] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class PreAppointmentTraining(_message.Message):
    __slots__ = ("person", "completion_date", "passed", "provider")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_DATE_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    person: str
    completion_date: _date_pb2.Date
    passed: bool
    provider: str
    def __init__(self, person: _Optional[str] = ..., completion_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., passed: _Optional[bool] = ..., provider: _Optional[str] = ...) -> None: ...

class RecordPreAppointmentTrainingRequest(_message.Message):
    __slots__ = ("person", "completion_date", "passed", "provider", "request_id")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_DATE_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    person: str
    completion_date: _date_pb2.Date
    passed: bool
    provider: str
    request_id: str
    def __init__(self, person: _Optional[str] = ..., completion_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., passed: _Optional[bool] = ..., provider: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class Evaluator(_message.Message):
    __slots__ = ("name", "person", "full_name", "institution", "status", "term_start", "term_end", "recommended_by")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TERM_START_FIELD_NUMBER: _ClassVar[int]
    TERM_END_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_BY_FIELD_NUMBER: _ClassVar[int]
    name: str
    person: str
    full_name: str
    institution: str
    status: EvaluatorStatus
    term_start: _date_pb2.Date
    term_end: _date_pb2.Date
    recommended_by: str
    def __init__(self, name: _Optional[str] = ..., person: _Optional[str] = ..., full_name: _Optional[str] = ..., institution: _Optional[str] = ..., status: _Optional[_Union[EvaluatorStatus, str]] = ..., term_start: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., term_end: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., recommended_by: _Optional[str] = ...) -> None: ...

class AppointEvaluatorRequest(_message.Message):
    __slots__ = ("institution", "person", "term_start", "recommended_by", "request_id")
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    TERM_START_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    institution: str
    person: str
    term_start: _date_pb2.Date
    recommended_by: str
    request_id: str
    def __init__(self, institution: _Optional[str] = ..., person: _Optional[str] = ..., term_start: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., recommended_by: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetEvaluatorRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ExamSession(_message.Message):
    __slots__ = ("name", "institution", "occupation_code", "level", "exam_date", "state", "evaluators", "candidates", "close_time", "exam_site", "exam_mode", "steps")
    NAME_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    EXAM_DATE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    EVALUATORS_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    CLOSE_TIME_FIELD_NUMBER: _ClassVar[int]
    EXAM_SITE_FIELD_NUMBER: _ClassVar[int]
    EXAM_MODE_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    name: str
    institution: str
    occupation_code: str
    level: int
    exam_date: _date_pb2.Date
    state: ExamSessionState
    evaluators: _containers.RepeatedScalarFieldContainer[str]
    candidates: _containers.RepeatedCompositeFieldContainer[Candidate]
    close_time: _timestamp_pb2.Timestamp
    exam_site: str
    exam_mode: ExamMode
    steps: _containers.RepeatedCompositeFieldContainer[SessionStep]
    def __init__(self, name: _Optional[str] = ..., institution: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., exam_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., state: _Optional[_Union[ExamSessionState, str]] = ..., evaluators: _Optional[_Iterable[str]] = ..., candidates: _Optional[_Iterable[_Union[Candidate, _Mapping]]] = ..., close_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., exam_site: _Optional[str] = ..., exam_mode: _Optional[_Union[ExamMode, str]] = ..., steps: _Optional[_Iterable[_Union[SessionStep, _Mapping]]] = ...) -> None: ...

class SessionStep(_message.Message):
    __slots__ = ("to_state", "actor", "reason", "step_time")
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    STEP_TIME_FIELD_NUMBER: _ClassVar[int]
    to_state: ExamSessionState
    actor: str
    reason: str
    step_time: _timestamp_pb2.Timestamp
    def __init__(self, to_state: _Optional[_Union[ExamSessionState, str]] = ..., actor: _Optional[str] = ..., reason: _Optional[str] = ..., step_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class DeclaredFact(_message.Message):
    __slots__ = ("kind", "years", "evidence")
    KIND_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    kind: str
    years: int
    evidence: str
    def __init__(self, kind: _Optional[str] = ..., years: _Optional[int] = ..., evidence: _Optional[str] = ...) -> None: ...

class ModuleScore(_message.Message):
    __slots__ = ("module", "score")
    MODULE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    module: str
    score: int
    def __init__(self, module: _Optional[str] = ..., score: _Optional[int] = ...) -> None: ...

class ReviewDecision(_message.Message):
    __slots__ = ("stage", "approved", "actor", "reason", "decide_time")
    STAGE_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DECIDE_TIME_FIELD_NUMBER: _ClassVar[int]
    stage: ReviewStage
    approved: bool
    actor: str
    reason: str
    decide_time: _timestamp_pb2.Timestamp
    def __init__(self, stage: _Optional[_Union[ReviewStage, str]] = ..., approved: _Optional[bool] = ..., actor: _Optional[str] = ..., reason: _Optional[str] = ..., decide_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Candidate(_message.Message):
    __slots__ = ("name", "person", "full_name", "resident_id_masked", "theory_exempt", "theory_score", "skill_score", "review_score", "result", "score_history", "application_state", "reviews", "facts", "eligibility_route", "module_scores", "appeals")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    RESIDENT_ID_MASKED_FIELD_NUMBER: _ClassVar[int]
    THEORY_EXEMPT_FIELD_NUMBER: _ClassVar[int]
    THEORY_SCORE_FIELD_NUMBER: _ClassVar[int]
    SKILL_SCORE_FIELD_NUMBER: _ClassVar[int]
    REVIEW_SCORE_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    SCORE_HISTORY_FIELD_NUMBER: _ClassVar[int]
    APPLICATION_STATE_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    ELIGIBILITY_ROUTE_FIELD_NUMBER: _ClassVar[int]
    MODULE_SCORES_FIELD_NUMBER: _ClassVar[int]
    APPEALS_FIELD_NUMBER: _ClassVar[int]
    name: str
    person: str
    full_name: str
    resident_id_masked: str
    theory_exempt: bool
    theory_score: int
    skill_score: int
    review_score: int
    result: AssessmentResult
    score_history: _containers.RepeatedCompositeFieldContainer[ScoreEntry]
    application_state: ApplicationState
    reviews: _containers.RepeatedCompositeFieldContainer[ReviewDecision]
    facts: _containers.RepeatedCompositeFieldContainer[DeclaredFact]
    eligibility_route: str
    module_scores: _containers.RepeatedCompositeFieldContainer[ModuleScore]
    appeals: _containers.RepeatedCompositeFieldContainer[Appeal]
    def __init__(self, name: _Optional[str] = ..., person: _Optional[str] = ..., full_name: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., theory_exempt: _Optional[bool] = ..., theory_score: _Optional[int] = ..., skill_score: _Optional[int] = ..., review_score: _Optional[int] = ..., result: _Optional[_Union[AssessmentResult, str]] = ..., score_history: _Optional[_Iterable[_Union[ScoreEntry, _Mapping]]] = ..., application_state: _Optional[_Union[ApplicationState, str]] = ..., reviews: _Optional[_Iterable[_Union[ReviewDecision, _Mapping]]] = ..., facts: _Optional[_Iterable[_Union[DeclaredFact, _Mapping]]] = ..., eligibility_route: _Optional[str] = ..., module_scores: _Optional[_Iterable[_Union[ModuleScore, _Mapping]]] = ..., appeals: _Optional[_Iterable[_Union[Appeal, _Mapping]]] = ...) -> None: ...

class ScoreEntry(_message.Message):
    __slots__ = ("theory_score", "skill_score", "review_score", "result", "actor", "enter_time", "module_scores", "appeal")
    THEORY_SCORE_FIELD_NUMBER: _ClassVar[int]
    SKILL_SCORE_FIELD_NUMBER: _ClassVar[int]
    REVIEW_SCORE_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ENTER_TIME_FIELD_NUMBER: _ClassVar[int]
    MODULE_SCORES_FIELD_NUMBER: _ClassVar[int]
    APPEAL_FIELD_NUMBER: _ClassVar[int]
    theory_score: int
    skill_score: int
    review_score: int
    result: AssessmentResult
    actor: str
    enter_time: _timestamp_pb2.Timestamp
    module_scores: _containers.RepeatedCompositeFieldContainer[ModuleScore]
    appeal: str
    def __init__(self, theory_score: _Optional[int] = ..., skill_score: _Optional[int] = ..., review_score: _Optional[int] = ..., result: _Optional[_Union[AssessmentResult, str]] = ..., actor: _Optional[str] = ..., enter_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., module_scores: _Optional[_Iterable[_Union[ModuleScore, _Mapping]]] = ..., appeal: _Optional[str] = ...) -> None: ...

class CreateExamSessionRequest(_message.Message):
    __slots__ = ("exam_session", "request_id")
    EXAM_SESSION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    exam_session: ExamSession
    request_id: str
    def __init__(self, exam_session: _Optional[_Union[ExamSession, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetExamSessionRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class AssignEvaluatorRequest(_message.Message):
    __slots__ = ("exam_session", "evaluator", "request_id")
    EXAM_SESSION_FIELD_NUMBER: _ClassVar[int]
    EVALUATOR_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    exam_session: str
    evaluator: str
    request_id: str
    def __init__(self, exam_session: _Optional[str] = ..., evaluator: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class EnrollCandidateRequest(_message.Message):
    __slots__ = ("exam_session", "person", "facts", "request_id")
    EXAM_SESSION_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    exam_session: str
    person: str
    facts: _containers.RepeatedCompositeFieldContainer[DeclaredFact]
    request_id: str
    def __init__(self, exam_session: _Optional[str] = ..., person: _Optional[str] = ..., facts: _Optional[_Iterable[_Union[DeclaredFact, _Mapping]]] = ..., request_id: _Optional[str] = ...) -> None: ...

class RecordScoresRequest(_message.Message):
    __slots__ = ("candidate", "theory_score", "skill_score", "review_score", "request_id", "module_scores")
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    THEORY_SCORE_FIELD_NUMBER: _ClassVar[int]
    SKILL_SCORE_FIELD_NUMBER: _ClassVar[int]
    REVIEW_SCORE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    MODULE_SCORES_FIELD_NUMBER: _ClassVar[int]
    candidate: str
    theory_score: int
    skill_score: int
    review_score: int
    request_id: str
    module_scores: _containers.RepeatedCompositeFieldContainer[ModuleScore]
    def __init__(self, candidate: _Optional[str] = ..., theory_score: _Optional[int] = ..., skill_score: _Optional[int] = ..., review_score: _Optional[int] = ..., request_id: _Optional[str] = ..., module_scores: _Optional[_Iterable[_Union[ModuleScore, _Mapping]]] = ...) -> None: ...

class CloseExamSessionRequest(_message.Message):
    __slots__ = ("name", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class AuditRecord(_message.Message):
    __slots__ = ("name", "sequence", "record_time", "actor", "actor_role", "actor_scope", "method", "request_id", "resources", "changes", "change_digest", "previous_hash", "hash")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_SCOPE_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    CHANGE_DIGEST_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_HASH_FIELD_NUMBER: _ClassVar[int]
    HASH_FIELD_NUMBER: _ClassVar[int]
    name: str
    sequence: int
    record_time: _timestamp_pb2.Timestamp
    actor: str
    actor_role: str
    actor_scope: str
    method: str
    request_id: str
    resources: _containers.RepeatedScalarFieldContainer[str]
    changes: str
    change_digest: str
    previous_hash: str
    hash: str
    def __init__(self, name: _Optional[str] = ..., sequence: _Optional[int] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor: _Optional[str] = ..., actor_role: _Optional[str] = ..., actor_scope: _Optional[str] = ..., method: _Optional[str] = ..., request_id: _Optional[str] = ..., resources: _Optional[_Iterable[str]] = ..., changes: _Optional[str] = ..., change_digest: _Optional[str] = ..., previous_hash: _Optional[str] = ..., hash: _Optional[str] = ...) -> None: ...

class ListAuditRecordsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "resource", "start_time", "end_time")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    resource: str
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., resource: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListAuditRecordsResponse(_message.Message):
    __slots__ = ("audit_records", "next_page_token")
    AUDIT_RECORDS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    audit_records: _containers.RepeatedCompositeFieldContainer[AuditRecord]
    next_page_token: str
    def __init__(self, audit_records: _Optional[_Iterable[_Union[AuditRecord, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class FirstReviewApplicationRequest(_message.Message):
    __slots__ = ("candidate", "approved", "reason", "request_id")
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    candidate: str
    approved: bool
    reason: str
    request_id: str
    def __init__(self, candidate: _Optional[str] = ..., approved: _Optional[bool] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class SecondReviewApplicationRequest(_message.Message):
    __slots__ = ("candidate", "approved", "reason", "request_id")
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    candidate: str
    approved: bool
    reason: str
    request_id: str
    def __init__(self, candidate: _Optional[str] = ..., approved: _Optional[bool] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ExamSite(_message.Message):
    __slots__ = ("name", "display_name", "region_code", "filing_number", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    FILING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    region_code: str
    filing_number: str
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., region_code: _Optional[str] = ..., filing_number: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RegisterExamSiteRequest(_message.Message):
    __slots__ = ("exam_site", "request_id")
    EXAM_SITE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    exam_site: ExamSite
    request_id: str
    def __init__(self, exam_site: _Optional[_Union[ExamSite, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class LevelLaunch(_message.Message):
    __slots__ = ("name", "province", "occupation_code", "level", "actor", "launch_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    LAUNCH_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    province: str
    occupation_code: str
    level: int
    actor: str
    launch_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., province: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., actor: _Optional[str] = ..., launch_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class LaunchLevelRequest(_message.Message):
    __slots__ = ("province", "occupation_code", "level", "request_id")
    PROVINCE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    province: str
    occupation_code: str
    level: int
    request_id: str
    def __init__(self, province: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., request_id: _Optional[str] = ...) -> None: ...

class SignOffExamSessionRequest(_message.Message):
    __slots__ = ("name", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class CheckExamResultsRequest(_message.Message):
    __slots__ = ("name", "approved", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    approved: bool
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., approved: _Optional[bool] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class Appeal(_message.Message):
    __slots__ = ("name", "evaluator", "state", "reason", "filed_by", "file_time", "decided_by", "decision_reason", "decide_time", "from_result", "to_result")
    NAME_FIELD_NUMBER: _ClassVar[int]
    EVALUATOR_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    FILED_BY_FIELD_NUMBER: _ClassVar[int]
    FILE_TIME_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    DECISION_REASON_FIELD_NUMBER: _ClassVar[int]
    DECIDE_TIME_FIELD_NUMBER: _ClassVar[int]
    FROM_RESULT_FIELD_NUMBER: _ClassVar[int]
    TO_RESULT_FIELD_NUMBER: _ClassVar[int]
    name: str
    evaluator: str
    state: AppealState
    reason: str
    filed_by: str
    file_time: _timestamp_pb2.Timestamp
    decided_by: str
    decision_reason: str
    decide_time: _timestamp_pb2.Timestamp
    from_result: AssessmentResult
    to_result: AssessmentResult
    def __init__(self, name: _Optional[str] = ..., evaluator: _Optional[str] = ..., state: _Optional[_Union[AppealState, str]] = ..., reason: _Optional[str] = ..., filed_by: _Optional[str] = ..., file_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., decided_by: _Optional[str] = ..., decision_reason: _Optional[str] = ..., decide_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., from_result: _Optional[_Union[AssessmentResult, str]] = ..., to_result: _Optional[_Union[AssessmentResult, str]] = ...) -> None: ...

class AppealResultRequest(_message.Message):
    __slots__ = ("candidate", "evaluator", "reason", "request_id")
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    EVALUATOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    candidate: str
    evaluator: str
    reason: str
    request_id: str
    def __init__(self, candidate: _Optional[str] = ..., evaluator: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class DecideAppealRequest(_message.Message):
    __slots__ = ("name", "theory_score", "skill_score", "review_score", "module_scores", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    THEORY_SCORE_FIELD_NUMBER: _ClassVar[int]
    SKILL_SCORE_FIELD_NUMBER: _ClassVar[int]
    REVIEW_SCORE_FIELD_NUMBER: _ClassVar[int]
    MODULE_SCORES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    theory_score: int
    skill_score: int
    review_score: int
    module_scores: _containers.RepeatedCompositeFieldContainer[ModuleScore]
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., theory_score: _Optional[int] = ..., skill_score: _Optional[int] = ..., review_score: _Optional[int] = ..., module_scores: _Optional[_Iterable[_Union[ModuleScore, _Mapping]]] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...
