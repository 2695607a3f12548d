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

class PassRateUnit(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PASS_RATE_UNIT_UNSPECIFIED: _ClassVar[PassRateUnit]
    PASS_RATE_UNIT_SESSION: _ClassVar[PassRateUnit]
    PASS_RATE_UNIT_EVALUATOR_YEAR: _ClassVar[PassRateUnit]
    PASS_RATE_UNIT_ORGANISATION_YEAR: _ClassVar[PassRateUnit]

class Department(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DEPARTMENT_UNSPECIFIED: _ClassVar[Department]
    DEPARTMENT_POLICE: _ClassVar[Department]
    DEPARTMENT_HUMAN_RESOURCES: _ClassVar[Department]

class SelectionOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SELECTION_OUTCOME_UNSPECIFIED: _ClassVar[SelectionOutcome]
    SELECTION_OUTCOME_APPROVED: _ClassVar[SelectionOutcome]
    SELECTION_OUTCOME_REJECTED: _ClassVar[SelectionOutcome]

class AffiliateRelation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AFFILIATE_RELATION_UNSPECIFIED: _ClassVar[AffiliateRelation]
    AFFILIATE_RELATION_SHARED_LEGAL_REPRESENTATIVE: _ClassVar[AffiliateRelation]
    AFFILIATE_RELATION_DECLARED_PARENT: _ClassVar[AffiliateRelation]
    AFFILIATE_RELATION_DECLARED_SUBSIDIARY: _ClassVar[AffiliateRelation]

class QuotaPhaseKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    QUOTA_PHASE_KIND_UNSPECIFIED: _ClassVar[QuotaPhaseKind]
    QUOTA_PHASE_KIND_PILOT: _ClassVar[QuotaPhaseKind]
    QUOTA_PHASE_KIND_PROMOTION: _ClassVar[QuotaPhaseKind]

class TeacherStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TEACHER_STATUS_UNSPECIFIED: _ClassVar[TeacherStatus]
    TEACHER_STATUS_UNQUALIFIED: _ClassVar[TeacherStatus]
    TEACHER_STATUS_QUALIFIED: _ClassVar[TeacherStatus]
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
PASS_RATE_UNIT_UNSPECIFIED: PassRateUnit
PASS_RATE_UNIT_SESSION: PassRateUnit
PASS_RATE_UNIT_EVALUATOR_YEAR: PassRateUnit
PASS_RATE_UNIT_ORGANISATION_YEAR: PassRateUnit
DEPARTMENT_UNSPECIFIED: Department
DEPARTMENT_POLICE: Department
DEPARTMENT_HUMAN_RESOURCES: Department
SELECTION_OUTCOME_UNSPECIFIED: SelectionOutcome
SELECTION_OUTCOME_APPROVED: SelectionOutcome
SELECTION_OUTCOME_REJECTED: SelectionOutcome
AFFILIATE_RELATION_UNSPECIFIED: AffiliateRelation
AFFILIATE_RELATION_SHARED_LEGAL_REPRESENTATIVE: AffiliateRelation
AFFILIATE_RELATION_DECLARED_PARENT: AffiliateRelation
AFFILIATE_RELATION_DECLARED_SUBSIDIARY: AffiliateRelation
QUOTA_PHASE_KIND_UNSPECIFIED: QuotaPhaseKind
QUOTA_PHASE_KIND_PILOT: QuotaPhaseKind
QUOTA_PHASE_KIND_PROMOTION: QuotaPhaseKind
TEACHER_STATUS_UNSPECIFIED: TeacherStatus
TEACHER_STATUS_UNQUALIFIED: TeacherStatus
TEACHER_STATUS_QUALIFIED: TeacherStatus

class Institution(_message.Message):
    __slots__ = ("name", "display_name", "uscc", "role", "status", "region_code", "category", "ministry_code", "site_serial", "history", "create_time", "call", "occupation_codes", "legal_representative", "parent_uscc", "selection_decisions", "training_licences", "blacklisted", "blacklist_entries", "quality_assessments")
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
    CALL_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODES_FIELD_NUMBER: _ClassVar[int]
    LEGAL_REPRESENTATIVE_FIELD_NUMBER: _ClassVar[int]
    PARENT_USCC_FIELD_NUMBER: _ClassVar[int]
    SELECTION_DECISIONS_FIELD_NUMBER: _ClassVar[int]
    TRAINING_LICENCES_FIELD_NUMBER: _ClassVar[int]
    BLACKLISTED_FIELD_NUMBER: _ClassVar[int]
    BLACKLIST_ENTRIES_FIELD_NUMBER: _ClassVar[int]
    QUALITY_ASSESSMENTS_FIELD_NUMBER: _ClassVar[int]
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
    call: str
    occupation_codes: _containers.RepeatedScalarFieldContainer[str]
    legal_representative: str
    parent_uscc: str
    selection_decisions: _containers.RepeatedCompositeFieldContainer[SelectionDecision]
    training_licences: _containers.RepeatedCompositeFieldContainer[TrainingLicence]
    blacklisted: bool
    blacklist_entries: _containers.RepeatedCompositeFieldContainer[BlacklistEntry]
    quality_assessments: _containers.RepeatedCompositeFieldContainer[QualityAssessment]
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., uscc: _Optional[str] = ..., role: _Optional[_Union[InstitutionRole, str]] = ..., status: _Optional[_Union[InstitutionStatus, str]] = ..., region_code: _Optional[str] = ..., category: _Optional[_Union[OrganisationCategory, str]] = ..., ministry_code: _Optional[str] = ..., site_serial: _Optional[str] = ..., history: _Optional[_Iterable[_Union[StatusChange, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., call: _Optional[str] = ..., occupation_codes: _Optional[_Iterable[str]] = ..., legal_representative: _Optional[str] = ..., parent_uscc: _Optional[str] = ..., selection_decisions: _Optional[_Iterable[_Union[SelectionDecision, _Mapping]]] = ..., training_licences: _Optional[_Iterable[_Union[TrainingLicence, _Mapping]]] = ..., blacklisted: _Optional[bool] = ..., blacklist_entries: _Optional[_Iterable[_Union[BlacklistEntry, _Mapping]]] = ..., quality_assessments: _Optional[_Iterable[_Union[QualityAssessment, _Mapping]]] = ...) -> None: ...

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
    __slots__ = ("role", "page_size", "page_token", "status", "region_code", "occupation_code")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    role: InstitutionRole
    page_size: int
    page_token: str
    status: InstitutionStatus
    region_code: str
    occupation_code: str
    def __init__(self, role: _Optional[_Union[InstitutionRole, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., status: _Optional[_Union[InstitutionStatus, str]] = ..., region_code: _Optional[str] = ..., occupation_code: _Optional[str] = ...) -> None: ...

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
    __slots__ = ("name", "person", "full_name", "institution", "status", "term_start", "term_end", "recommended_by", "occupation_code", "max_level", "terms", "assessments", "affiliations", "overdue_years", "in_term")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TERM_START_FIELD_NUMBER: _ClassVar[int]
    TERM_END_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_BY_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    MAX_LEVEL_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    ASSESSMENTS_FIELD_NUMBER: _ClassVar[int]
    AFFILIATIONS_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_YEARS_FIELD_NUMBER: _ClassVar[int]
    IN_TERM_FIELD_NUMBER: _ClassVar[int]
    name: str
    person: str
    full_name: str
    institution: str
    status: EvaluatorStatus
    term_start: _date_pb2.Date
    term_end: _date_pb2.Date
    recommended_by: str
    occupation_code: str
    max_level: int
    terms: _containers.RepeatedCompositeFieldContainer[EvaluatorTerm]
    assessments: _containers.RepeatedCompositeFieldContainer[AnnualAssessment]
    affiliations: _containers.RepeatedCompositeFieldContainer[EvaluatorAffiliation]
    overdue_years: _containers.RepeatedScalarFieldContainer[int]
    in_term: bool
    def __init__(self, name: _Optional[str] = ..., person: _Optional[str] = ..., full_name: _Optional[str] = ..., institution: _Optional[str] = ..., status: _Optional[_Union[EvaluatorStatus, str]] = ..., term_start: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., term_end: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., recommended_by: _Optional[str] = ..., occupation_code: _Optional[str] = ..., max_level: _Optional[int] = ..., terms: _Optional[_Iterable[_Union[EvaluatorTerm, _Mapping]]] = ..., assessments: _Optional[_Iterable[_Union[AnnualAssessment, _Mapping]]] = ..., affiliations: _Optional[_Iterable[_Union[EvaluatorAffiliation, _Mapping]]] = ..., overdue_years: _Optional[_Iterable[int]] = ..., in_term: _Optional[bool] = ...) -> None: ...

class AppointEvaluatorRequest(_message.Message):
    __slots__ = ("institution", "person", "term_start", "recommended_by", "occupation_code", "max_level", "affiliations", "request_id")
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    TERM_START_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_BY_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    MAX_LEVEL_FIELD_NUMBER: _ClassVar[int]
    AFFILIATIONS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    institution: str
    person: str
    term_start: _date_pb2.Date
    recommended_by: str
    occupation_code: str
    max_level: int
    affiliations: _containers.RepeatedScalarFieldContainer[str]
    request_id: str
    def __init__(self, institution: _Optional[str] = ..., person: _Optional[str] = ..., term_start: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., recommended_by: _Optional[str] = ..., occupation_code: _Optional[str] = ..., max_level: _Optional[int] = ..., affiliations: _Optional[_Iterable[str]] = ..., request_id: _Optional[str] = ...) -> None: ...

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
    __slots__ = ("name", "person", "full_name", "resident_id_masked", "theory_exempt", "theory_score", "skill_score", "review_score", "result", "score_history", "trained_by", "application_state", "reviews", "facts", "eligibility_route", "module_scores", "appeals")
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
    TRAINED_BY_FIELD_NUMBER: _ClassVar[int]
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
    trained_by: str
    application_state: ApplicationState
    reviews: _containers.RepeatedCompositeFieldContainer[ReviewDecision]
    facts: _containers.RepeatedCompositeFieldContainer[DeclaredFact]
    eligibility_route: str
    module_scores: _containers.RepeatedCompositeFieldContainer[ModuleScore]
    appeals: _containers.RepeatedCompositeFieldContainer[Appeal]
    def __init__(self, name: _Optional[str] = ..., person: _Optional[str] = ..., full_name: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., theory_exempt: _Optional[bool] = ..., theory_score: _Optional[int] = ..., skill_score: _Optional[int] = ..., review_score: _Optional[int] = ..., result: _Optional[_Union[AssessmentResult, str]] = ..., score_history: _Optional[_Iterable[_Union[ScoreEntry, _Mapping]]] = ..., trained_by: _Optional[str] = ..., application_state: _Optional[_Union[ApplicationState, str]] = ..., reviews: _Optional[_Iterable[_Union[ReviewDecision, _Mapping]]] = ..., facts: _Optional[_Iterable[_Union[DeclaredFact, _Mapping]]] = ..., eligibility_route: _Optional[str] = ..., module_scores: _Optional[_Iterable[_Union[ModuleScore, _Mapping]]] = ..., appeals: _Optional[_Iterable[_Union[Appeal, _Mapping]]] = ...) -> None: ...

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
    __slots__ = ("exam_session", "person", "trained_by", "facts", "request_id")
    EXAM_SESSION_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    TRAINED_BY_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    exam_session: str
    person: str
    trained_by: str
    facts: _containers.RepeatedCompositeFieldContainer[DeclaredFact]
    request_id: str
    def __init__(self, exam_session: _Optional[str] = ..., person: _Optional[str] = ..., trained_by: _Optional[str] = ..., facts: _Optional[_Iterable[_Union[DeclaredFact, _Mapping]]] = ..., request_id: _Optional[str] = ...) -> None: ...

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

class EvaluatorTerm(_message.Message):
    __slots__ = ("term_start", "term_end", "actor", "record_time")
    TERM_START_FIELD_NUMBER: _ClassVar[int]
    TERM_END_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    term_start: _date_pb2.Date
    term_end: _date_pb2.Date
    actor: str
    record_time: _timestamp_pb2.Timestamp
    def __init__(self, term_start: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., term_end: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., actor: _Optional[str] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AnnualAssessment(_message.Message):
    __slots__ = ("year", "ethics", "professional_score", "performance_score", "result", "assessed_on", "remarks", "actor", "record_time")
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ETHICS_FIELD_NUMBER: _ClassVar[int]
    PROFESSIONAL_SCORE_FIELD_NUMBER: _ClassVar[int]
    PERFORMANCE_SCORE_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ASSESSED_ON_FIELD_NUMBER: _ClassVar[int]
    REMARKS_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    year: int
    ethics: AssessmentResult
    professional_score: int
    performance_score: int
    result: AssessmentResult
    assessed_on: _date_pb2.Date
    remarks: str
    actor: str
    record_time: _timestamp_pb2.Timestamp
    def __init__(self, year: _Optional[int] = ..., ethics: _Optional[_Union[AssessmentResult, str]] = ..., professional_score: _Optional[int] = ..., performance_score: _Optional[int] = ..., result: _Optional[_Union[AssessmentResult, str]] = ..., assessed_on: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., remarks: _Optional[str] = ..., actor: _Optional[str] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class EvaluatorAffiliation(_message.Message):
    __slots__ = ("institution", "display_name", "start_time", "end_time")
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    institution: str
    display_name: str
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    def __init__(self, institution: _Optional[str] = ..., display_name: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RenewEvaluatorRequest(_message.Message):
    __slots__ = ("name", "term_start", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TERM_START_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    term_start: _date_pb2.Date
    request_id: str
    def __init__(self, name: _Optional[str] = ..., term_start: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class RecordAnnualAssessmentRequest(_message.Message):
    __slots__ = ("evaluator", "year", "ethics", "professional_score", "performance_score", "assessed_on", "remarks", "request_id")
    EVALUATOR_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ETHICS_FIELD_NUMBER: _ClassVar[int]
    PROFESSIONAL_SCORE_FIELD_NUMBER: _ClassVar[int]
    PERFORMANCE_SCORE_FIELD_NUMBER: _ClassVar[int]
    ASSESSED_ON_FIELD_NUMBER: _ClassVar[int]
    REMARKS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    evaluator: str
    year: int
    ethics: AssessmentResult
    professional_score: int
    performance_score: int
    assessed_on: _date_pb2.Date
    remarks: str
    request_id: str
    def __init__(self, evaluator: _Optional[str] = ..., year: _Optional[int] = ..., ethics: _Optional[_Union[AssessmentResult, str]] = ..., professional_score: _Optional[int] = ..., performance_score: _Optional[int] = ..., assessed_on: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., remarks: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ListEvaluatorsRequest(_message.Message):
    __slots__ = ("institution", "status", "overdue", "as_of_date", "page_size", "page_token")
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_DATE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    institution: str
    status: EvaluatorStatus
    overdue: bool
    as_of_date: _date_pb2.Date
    page_size: int
    page_token: str
    def __init__(self, institution: _Optional[str] = ..., status: _Optional[_Union[EvaluatorStatus, str]] = ..., overdue: _Optional[bool] = ..., as_of_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListEvaluatorsResponse(_message.Message):
    __slots__ = ("evaluators", "next_page_token")
    EVALUATORS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    evaluators: _containers.RepeatedCompositeFieldContainer[Evaluator]
    next_page_token: str
    def __init__(self, evaluators: _Optional[_Iterable[_Union[Evaluator, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class SetEvaluatorAffiliationsRequest(_message.Message):
    __slots__ = ("evaluator", "affiliations", "request_id")
    EVALUATOR_FIELD_NUMBER: _ClassVar[int]
    AFFILIATIONS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    evaluator: str
    affiliations: _containers.RepeatedScalarFieldContainer[str]
    request_id: str
    def __init__(self, evaluator: _Optional[str] = ..., affiliations: _Optional[_Iterable[str]] = ..., request_id: _Optional[str] = ...) -> None: ...

class PassRate(_message.Message):
    __slots__ = ("unit", "subject", "occupation_code", "level", "year", "candidates", "passed", "rate", "reference_candidates", "reference_passed", "reference_rate", "tested", "p_value", "anomalous")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    RATE_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_PASSED_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_RATE_FIELD_NUMBER: _ClassVar[int]
    TESTED_FIELD_NUMBER: _ClassVar[int]
    P_VALUE_FIELD_NUMBER: _ClassVar[int]
    ANOMALOUS_FIELD_NUMBER: _ClassVar[int]
    unit: PassRateUnit
    subject: str
    occupation_code: str
    level: int
    year: int
    candidates: int
    passed: int
    rate: float
    reference_candidates: int
    reference_passed: int
    reference_rate: float
    tested: bool
    p_value: float
    anomalous: bool
    def __init__(self, unit: _Optional[_Union[PassRateUnit, str]] = ..., subject: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., year: _Optional[int] = ..., candidates: _Optional[int] = ..., passed: _Optional[int] = ..., rate: _Optional[float] = ..., reference_candidates: _Optional[int] = ..., reference_passed: _Optional[int] = ..., reference_rate: _Optional[float] = ..., tested: _Optional[bool] = ..., p_value: _Optional[float] = ..., anomalous: _Optional[bool] = ...) -> None: ...

class ListPassRatesRequest(_message.Message):
    __slots__ = ("year", "subject", "page_size", "page_token")
    YEAR_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    year: int
    subject: str
    page_size: int
    page_token: str
    def __init__(self, year: _Optional[int] = ..., subject: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListPassRatesResponse(_message.Message):
    __slots__ = ("pass_rates", "next_page_token")
    PASS_RATES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    pass_rates: _containers.RepeatedCompositeFieldContainer[PassRate]
    next_page_token: str
    def __init__(self, pass_rates: _Optional[_Iterable[_Union[PassRate, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListPassRateAnomaliesRequest(_message.Message):
    __slots__ = ("year", "page_size", "page_token")
    YEAR_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    year: int
    page_size: int
    page_token: str
    def __init__(self, year: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class SelectionDecision(_message.Message):
    __slots__ = ("department", "outcome", "actor", "reason", "decide_time")
    DEPARTMENT_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DECIDE_TIME_FIELD_NUMBER: _ClassVar[int]
    department: Department
    outcome: SelectionOutcome
    actor: str
    reason: str
    decide_time: _timestamp_pb2.Timestamp
    def __init__(self, department: _Optional[_Union[Department, str]] = ..., outcome: _Optional[_Union[SelectionOutcome, str]] = ..., actor: _Optional[str] = ..., reason: _Optional[str] = ..., decide_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CallForApplications(_message.Message):
    __slots__ = ("name", "title", "role", "occupation_code", "region_code", "open_date", "close_date", "creator", "create_time", "publish_time", "selected", "rejected", "close_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    OPEN_DATE_FIELD_NUMBER: _ClassVar[int]
    CLOSE_DATE_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    PUBLISH_TIME_FIELD_NUMBER: _ClassVar[int]
    SELECTED_FIELD_NUMBER: _ClassVar[int]
    REJECTED_FIELD_NUMBER: _ClassVar[int]
    CLOSE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    role: InstitutionRole
    occupation_code: str
    region_code: str
    open_date: _date_pb2.Date
    close_date: _date_pb2.Date
    creator: str
    create_time: _timestamp_pb2.Timestamp
    publish_time: _timestamp_pb2.Timestamp
    selected: _containers.RepeatedScalarFieldContainer[str]
    rejected: _containers.RepeatedScalarFieldContainer[str]
    close_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., role: _Optional[_Union[InstitutionRole, str]] = ..., occupation_code: _Optional[str] = ..., region_code: _Optional[str] = ..., open_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., close_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., creator: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., publish_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., selected: _Optional[_Iterable[str]] = ..., rejected: _Optional[_Iterable[str]] = ..., close_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CloseCallForApplicationsRequest(_message.Message):
    __slots__ = ("name", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateCallForApplicationsRequest(_message.Message):
    __slots__ = ("call_for_applications", "request_id")
    CALL_FOR_APPLICATIONS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    call_for_applications: CallForApplications
    request_id: str
    def __init__(self, call_for_applications: _Optional[_Union[CallForApplications, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetCallForApplicationsRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DecideApplicationRequest(_message.Message):
    __slots__ = ("name", "outcome", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    outcome: SelectionOutcome
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., outcome: _Optional[_Union[SelectionOutcome, str]] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class PublishCallResultRequest(_message.Message):
    __slots__ = ("name", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class CheckSeparationRequest(_message.Message):
    __slots__ = ("uscc", "role", "legal_representative", "parent_uscc")
    USCC_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    LEGAL_REPRESENTATIVE_FIELD_NUMBER: _ClassVar[int]
    PARENT_USCC_FIELD_NUMBER: _ClassVar[int]
    uscc: str
    role: InstitutionRole
    legal_representative: str
    parent_uscc: str
    def __init__(self, uscc: _Optional[str] = ..., role: _Optional[_Union[InstitutionRole, str]] = ..., legal_representative: _Optional[str] = ..., parent_uscc: _Optional[str] = ...) -> None: ...

class Affiliate(_message.Message):
    __slots__ = ("institution", "relation")
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    RELATION_FIELD_NUMBER: _ClassVar[int]
    institution: str
    relation: AffiliateRelation
    def __init__(self, institution: _Optional[str] = ..., relation: _Optional[_Union[AffiliateRelation, str]] = ...) -> None: ...

class CheckSeparationResponse(_message.Message):
    __slots__ = ("allowed", "reason", "conflicting_institutions", "affiliates")
    ALLOWED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CONFLICTING_INSTITUTIONS_FIELD_NUMBER: _ClassVar[int]
    AFFILIATES_FIELD_NUMBER: _ClassVar[int]
    allowed: bool
    reason: str
    conflicting_institutions: _containers.RepeatedScalarFieldContainer[str]
    affiliates: _containers.RepeatedCompositeFieldContainer[Affiliate]
    def __init__(self, allowed: _Optional[bool] = ..., reason: _Optional[str] = ..., conflicting_institutions: _Optional[_Iterable[str]] = ..., affiliates: _Optional[_Iterable[_Union[Affiliate, _Mapping]]] = ...) -> None: ...

class QuotaPhase(_message.Message):
    __slots__ = ("province_code", "occupation_code", "phase", "limit", "setter", "set_time")
    PROVINCE_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    SETTER_FIELD_NUMBER: _ClassVar[int]
    SET_TIME_FIELD_NUMBER: _ClassVar[int]
    province_code: str
    occupation_code: str
    phase: QuotaPhaseKind
    limit: int
    setter: str
    set_time: _timestamp_pb2.Timestamp
    def __init__(self, province_code: _Optional[str] = ..., occupation_code: _Optional[str] = ..., phase: _Optional[_Union[QuotaPhaseKind, str]] = ..., limit: _Optional[int] = ..., setter: _Optional[str] = ..., set_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SetQuotaPhaseRequest(_message.Message):
    __slots__ = ("quota_phase", "request_id")
    QUOTA_PHASE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    quota_phase: QuotaPhase
    request_id: str
    def __init__(self, quota_phase: _Optional[_Union[QuotaPhase, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class TeacherAssessment(_message.Message):
    __slots__ = ("assess_date", "passed", "assessor", "notes", "actor", "record_time")
    ASSESS_DATE_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    ASSESSOR_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    assess_date: _date_pb2.Date
    passed: bool
    assessor: str
    notes: str
    actor: str
    record_time: _timestamp_pb2.Timestamp
    def __init__(self, assess_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., passed: _Optional[bool] = ..., assessor: _Optional[str] = ..., notes: _Optional[str] = ..., actor: _Optional[str] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Teacher(_message.Message):
    __slots__ = ("name", "person", "full_name", "institution", "status", "assessments")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ASSESSMENTS_FIELD_NUMBER: _ClassVar[int]
    name: str
    person: str
    full_name: str
    institution: str
    status: TeacherStatus
    assessments: _containers.RepeatedCompositeFieldContainer[TeacherAssessment]
    def __init__(self, name: _Optional[str] = ..., person: _Optional[str] = ..., full_name: _Optional[str] = ..., institution: _Optional[str] = ..., status: _Optional[_Union[TeacherStatus, str]] = ..., assessments: _Optional[_Iterable[_Union[TeacherAssessment, _Mapping]]] = ...) -> None: ...

class RegisterTeacherRequest(_message.Message):
    __slots__ = ("institution", "person", "request_id")
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    institution: str
    person: str
    request_id: str
    def __init__(self, institution: _Optional[str] = ..., person: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class RecordTeacherAssessmentRequest(_message.Message):
    __slots__ = ("teacher", "assess_date", "passed", "assessor", "notes", "request_id")
    TEACHER_FIELD_NUMBER: _ClassVar[int]
    ASSESS_DATE_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    ASSESSOR_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    teacher: str
    assess_date: _date_pb2.Date
    passed: bool
    assessor: str
    notes: str
    request_id: str
    def __init__(self, teacher: _Optional[str] = ..., assess_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., passed: _Optional[bool] = ..., assessor: _Optional[str] = ..., notes: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetTeacherRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class Supervisor(_message.Message):
    __slots__ = ("name", "person", "full_name", "affiliation", "term_start", "term_end", "appointer")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    AFFILIATION_FIELD_NUMBER: _ClassVar[int]
    TERM_START_FIELD_NUMBER: _ClassVar[int]
    TERM_END_FIELD_NUMBER: _ClassVar[int]
    APPOINTER_FIELD_NUMBER: _ClassVar[int]
    name: str
    person: str
    full_name: str
    affiliation: str
    term_start: _date_pb2.Date
    term_end: _date_pb2.Date
    appointer: str
    def __init__(self, name: _Optional[str] = ..., person: _Optional[str] = ..., full_name: _Optional[str] = ..., affiliation: _Optional[str] = ..., term_start: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., term_end: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., appointer: _Optional[str] = ...) -> None: ...

class AppointSupervisorRequest(_message.Message):
    __slots__ = ("person", "affiliation", "term_start", "request_id")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    AFFILIATION_FIELD_NUMBER: _ClassVar[int]
    TERM_START_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    person: str
    affiliation: str
    term_start: _date_pb2.Date
    request_id: str
    def __init__(self, person: _Optional[str] = ..., affiliation: _Optional[str] = ..., term_start: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class SupervisionFinding(_message.Message):
    __slots__ = ("description", "serious")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SERIOUS_FIELD_NUMBER: _ClassVar[int]
    description: str
    serious: bool
    def __init__(self, description: _Optional[str] = ..., serious: _Optional[bool] = ...) -> None: ...

class SupervisionVisit(_message.Message):
    __slots__ = ("name", "supervisor", "institution", "visit_date", "findings", "record_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SUPERVISOR_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    VISIT_DATE_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    supervisor: str
    institution: str
    visit_date: _date_pb2.Date
    findings: _containers.RepeatedCompositeFieldContainer[SupervisionFinding]
    record_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., supervisor: _Optional[str] = ..., institution: _Optional[str] = ..., visit_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., findings: _Optional[_Iterable[_Union[SupervisionFinding, _Mapping]]] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RecordSupervisionVisitRequest(_message.Message):
    __slots__ = ("supervisor", "institution", "visit_date", "findings", "request_id")
    SUPERVISOR_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    VISIT_DATE_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    supervisor: str
    institution: str
    visit_date: _date_pb2.Date
    findings: _containers.RepeatedCompositeFieldContainer[SupervisionFinding]
    request_id: str
    def __init__(self, supervisor: _Optional[str] = ..., institution: _Optional[str] = ..., visit_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., findings: _Optional[_Iterable[_Union[SupervisionFinding, _Mapping]]] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetSupervisionBulletinRequest(_message.Message):
    __slots__ = ("start_date", "end_date", "region_code")
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    start_date: _date_pb2.Date
    end_date: _date_pb2.Date
    region_code: str
    def __init__(self, start_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., end_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., region_code: _Optional[str] = ...) -> None: ...

class SupervisionBulletinEntry(_message.Message):
    __slots__ = ("institution", "display_name", "visit_count", "finding_count", "serious_finding_count", "visits")
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    VISIT_COUNT_FIELD_NUMBER: _ClassVar[int]
    FINDING_COUNT_FIELD_NUMBER: _ClassVar[int]
    SERIOUS_FINDING_COUNT_FIELD_NUMBER: _ClassVar[int]
    VISITS_FIELD_NUMBER: _ClassVar[int]
    institution: str
    display_name: str
    visit_count: int
    finding_count: int
    serious_finding_count: int
    visits: _containers.RepeatedCompositeFieldContainer[SupervisionVisit]
    def __init__(self, institution: _Optional[str] = ..., display_name: _Optional[str] = ..., visit_count: _Optional[int] = ..., finding_count: _Optional[int] = ..., serious_finding_count: _Optional[int] = ..., visits: _Optional[_Iterable[_Union[SupervisionVisit, _Mapping]]] = ...) -> None: ...

class SupervisionBulletin(_message.Message):
    __slots__ = ("start_date", "end_date", "region_code", "visit_count", "finding_count", "entries")
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    VISIT_COUNT_FIELD_NUMBER: _ClassVar[int]
    FINDING_COUNT_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    start_date: _date_pb2.Date
    end_date: _date_pb2.Date
    region_code: str
    visit_count: int
    finding_count: int
    entries: _containers.RepeatedCompositeFieldContainer[SupervisionBulletinEntry]
    def __init__(self, start_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., end_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., region_code: _Optional[str] = ..., visit_count: _Optional[int] = ..., finding_count: _Optional[int] = ..., entries: _Optional[_Iterable[_Union[SupervisionBulletinEntry, _Mapping]]] = ...) -> None: ...

class TrainingLicence(_message.Message):
    __slots__ = ("number", "issuer", "valid_from", "valid_until", "record_time")
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    ISSUER_FIELD_NUMBER: _ClassVar[int]
    VALID_FROM_FIELD_NUMBER: _ClassVar[int]
    VALID_UNTIL_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    number: str
    issuer: str
    valid_from: _date_pb2.Date
    valid_until: _date_pb2.Date
    record_time: _timestamp_pb2.Timestamp
    def __init__(self, number: _Optional[str] = ..., issuer: _Optional[str] = ..., valid_from: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., valid_until: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RecordTrainingLicenceRequest(_message.Message):
    __slots__ = ("name", "training_licence", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TRAINING_LICENCE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    training_licence: TrainingLicence
    request_id: str
    def __init__(self, name: _Optional[str] = ..., training_licence: _Optional[_Union[TrainingLicence, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class BlacklistEntry(_message.Message):
    __slots__ = ("reason", "evidence", "actor", "qualification_revoked", "blacklist_time")
    REASON_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    QUALIFICATION_REVOKED_FIELD_NUMBER: _ClassVar[int]
    BLACKLIST_TIME_FIELD_NUMBER: _ClassVar[int]
    reason: str
    evidence: str
    actor: str
    qualification_revoked: bool
    blacklist_time: _timestamp_pb2.Timestamp
    def __init__(self, reason: _Optional[str] = ..., evidence: _Optional[str] = ..., actor: _Optional[str] = ..., qualification_revoked: _Optional[bool] = ..., blacklist_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class BlacklistInstitutionRequest(_message.Message):
    __slots__ = ("name", "reason", "evidence", "revoke_qualification", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    REVOKE_QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    evidence: str
    revoke_qualification: bool
    request_id: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ..., evidence: _Optional[str] = ..., revoke_qualification: _Optional[bool] = ..., request_id: _Optional[str] = ...) -> None: ...

class QualityAssessment(_message.Message):
    __slots__ = ("assess_date", "findings", "qualification_withdrawn", "actor", "record_time")
    ASSESS_DATE_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    QUALIFICATION_WITHDRAWN_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    assess_date: _date_pb2.Date
    findings: _containers.RepeatedScalarFieldContainer[str]
    qualification_withdrawn: bool
    actor: str
    record_time: _timestamp_pb2.Timestamp
    def __init__(self, assess_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., findings: _Optional[_Iterable[str]] = ..., qualification_withdrawn: _Optional[bool] = ..., actor: _Optional[str] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RecordQualityAssessmentRequest(_message.Message):
    __slots__ = ("name", "assess_date", "findings", "withdraw_qualification", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ASSESS_DATE_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    WITHDRAW_QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    assess_date: _date_pb2.Date
    findings: _containers.RepeatedScalarFieldContainer[str]
    withdraw_qualification: bool
    request_id: str
    def __init__(self, name: _Optional[str] = ..., assess_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., findings: _Optional[_Iterable[str]] = ..., withdraw_qualification: _Optional[bool] = ..., request_id: _Optional[str] = ...) -> None: ...

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
