import datetime

from anbao.training.v1 import events_pb2 as _events_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import date_pb2 as _date_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LessonKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LESSON_KIND_UNSPECIFIED: _ClassVar[LessonKind]
    LESSON_KIND_THEORY: _ClassVar[LessonKind]
    LESSON_KIND_PRACTICAL: _ClassVar[LessonKind]

class LessonMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LESSON_MODE_UNSPECIFIED: _ClassVar[LessonMode]
    LESSON_MODE_OFFLINE: _ClassVar[LessonMode]
    LESSON_MODE_ONLINE: _ClassVar[LessonMode]

class ClassState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CLASS_STATE_UNSPECIFIED: _ClassVar[ClassState]
    CLASS_STATE_DRAFT: _ClassVar[ClassState]
    CLASS_STATE_FILED: _ClassVar[ClassState]
    CLASS_STATE_APPROVED: _ClassVar[ClassState]
    CLASS_STATE_REFUSED: _ClassVar[ClassState]
    CLASS_STATE_COMPLETED: _ClassVar[ClassState]

class ChangeKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHANGE_KIND_UNSPECIFIED: _ClassVar[ChangeKind]
    CHANGE_KIND_MAKE_UP_LESSON: _ClassVar[ChangeKind]
    CHANGE_KIND_RE_SIT: _ClassVar[ChangeKind]

class ChangeState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHANGE_STATE_UNSPECIFIED: _ClassVar[ChangeState]
    CHANGE_STATE_PENDING: _ClassVar[ChangeState]
    CHANGE_STATE_APPROVED: _ClassVar[ChangeState]
    CHANGE_STATE_REFUSED: _ClassVar[ChangeState]

class SignInMethod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SIGN_IN_METHOD_UNSPECIFIED: _ClassVar[SignInMethod]
    SIGN_IN_METHOD_PLATFORM: _ClassVar[SignInMethod]
    SIGN_IN_METHOD_PAPER: _ClassVar[SignInMethod]

class EvidenceKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EVIDENCE_KIND_UNSPECIFIED: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_GROUP_PHOTO: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_PRACTICAL_PHOTO: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_THEORY_VIDEO: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_PRACTICAL_VIDEO: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_FACE_CAPTURE: _ClassVar[EvidenceKind]

class Gender(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENDER_UNSPECIFIED: _ClassVar[Gender]
    GENDER_MALE: _ClassVar[Gender]
    GENDER_FEMALE: _ClassVar[Gender]

class RosterFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ROSTER_FORMAT_UNSPECIFIED: _ClassVar[RosterFormat]
    ROSTER_FORMAT_CSV: _ClassVar[RosterFormat]
    ROSTER_FORMAT_XLSX: _ClassVar[RosterFormat]

class SubsidyClaimState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SUBSIDY_CLAIM_STATE_UNSPECIFIED: _ClassVar[SubsidyClaimState]
    SUBSIDY_CLAIM_STATE_FILED: _ClassVar[SubsidyClaimState]
    SUBSIDY_CLAIM_STATE_PUBLICISED: _ClassVar[SubsidyClaimState]
    SUBSIDY_CLAIM_STATE_PAID: _ClassVar[SubsidyClaimState]
    SUBSIDY_CLAIM_STATE_REJECTED: _ClassVar[SubsidyClaimState]
    SUBSIDY_CLAIM_STATE_CLAWED_BACK: _ClassVar[SubsidyClaimState]
    SUBSIDY_CLAIM_STATE_VOID: _ClassVar[SubsidyClaimState]
LESSON_KIND_UNSPECIFIED: LessonKind
LESSON_KIND_THEORY: LessonKind
LESSON_KIND_PRACTICAL: LessonKind
LESSON_MODE_UNSPECIFIED: LessonMode
LESSON_MODE_OFFLINE: LessonMode
LESSON_MODE_ONLINE: LessonMode
CLASS_STATE_UNSPECIFIED: ClassState
CLASS_STATE_DRAFT: ClassState
CLASS_STATE_FILED: ClassState
CLASS_STATE_APPROVED: ClassState
CLASS_STATE_REFUSED: ClassState
CLASS_STATE_COMPLETED: ClassState
CHANGE_KIND_UNSPECIFIED: ChangeKind
CHANGE_KIND_MAKE_UP_LESSON: ChangeKind
CHANGE_KIND_RE_SIT: ChangeKind
CHANGE_STATE_UNSPECIFIED: ChangeState
CHANGE_STATE_PENDING: ChangeState
CHANGE_STATE_APPROVED: ChangeState
CHANGE_STATE_REFUSED: ChangeState
SIGN_IN_METHOD_UNSPECIFIED: SignInMethod
SIGN_IN_METHOD_PLATFORM: SignInMethod
SIGN_IN_METHOD_PAPER: SignInMethod
EVIDENCE_KIND_UNSPECIFIED: EvidenceKind
EVIDENCE_KIND_GROUP_PHOTO: EvidenceKind
EVIDENCE_KIND_PRACTICAL_PHOTO: EvidenceKind
EVIDENCE_KIND_THEORY_VIDEO: EvidenceKind
EVIDENCE_KIND_PRACTICAL_VIDEO: EvidenceKind
EVIDENCE_KIND_FACE_CAPTURE: EvidenceKind
GENDER_UNSPECIFIED: Gender
GENDER_MALE: Gender
GENDER_FEMALE: Gender
ROSTER_FORMAT_UNSPECIFIED: RosterFormat
ROSTER_FORMAT_CSV: RosterFormat
ROSTER_FORMAT_XLSX: RosterFormat
SUBSIDY_CLAIM_STATE_UNSPECIFIED: SubsidyClaimState
SUBSIDY_CLAIM_STATE_FILED: SubsidyClaimState
SUBSIDY_CLAIM_STATE_PUBLICISED: SubsidyClaimState
SUBSIDY_CLAIM_STATE_PAID: SubsidyClaimState
SUBSIDY_CLAIM_STATE_REJECTED: SubsidyClaimState
SUBSIDY_CLAIM_STATE_CLAWED_BACK: SubsidyClaimState
SUBSIDY_CLAIM_STATE_VOID: SubsidyClaimState

class ClassChange(_message.Message):
    __slots__ = ("name", "kind", "reason", "lessons", "state", "requested_by", "decided_by", "decision_reason")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    DECISION_REASON_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: ChangeKind
    reason: str
    lessons: _containers.RepeatedCompositeFieldContainer[Lesson]
    state: ChangeState
    requested_by: str
    decided_by: str
    decision_reason: str
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[_Union[ChangeKind, str]] = ..., reason: _Optional[str] = ..., lessons: _Optional[_Iterable[_Union[Lesson, _Mapping]]] = ..., state: _Optional[_Union[ChangeState, str]] = ..., requested_by: _Optional[str] = ..., decided_by: _Optional[str] = ..., decision_reason: _Optional[str] = ...) -> None: ...

class Lesson(_message.Message):
    __slots__ = ("name", "title", "lesson_date", "minutes", "kind", "mode", "teacher", "class_hours", "paper_sign_in_approved")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    TEACHER_FIELD_NUMBER: _ClassVar[int]
    CLASS_HOURS_FIELD_NUMBER: _ClassVar[int]
    PAPER_SIGN_IN_APPROVED_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    lesson_date: _date_pb2.Date
    minutes: int
    kind: LessonKind
    mode: LessonMode
    teacher: str
    class_hours: int
    paper_sign_in_approved: bool
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., lesson_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., minutes: _Optional[int] = ..., kind: _Optional[_Union[LessonKind, str]] = ..., mode: _Optional[_Union[LessonMode, str]] = ..., teacher: _Optional[str] = ..., class_hours: _Optional[int] = ..., paper_sign_in_approved: _Optional[bool] = ...) -> None: ...

class Trainee(_message.Message):
    __slots__ = ("name", "person", "full_name", "gender", "resident_id_masked", "phone_masked", "enroll_time", "attended_minutes", "class_hours", "met_hours")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    RESIDENT_ID_MASKED_FIELD_NUMBER: _ClassVar[int]
    PHONE_MASKED_FIELD_NUMBER: _ClassVar[int]
    ENROLL_TIME_FIELD_NUMBER: _ClassVar[int]
    ATTENDED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    CLASS_HOURS_FIELD_NUMBER: _ClassVar[int]
    MET_HOURS_FIELD_NUMBER: _ClassVar[int]
    name: str
    person: str
    full_name: str
    gender: Gender
    resident_id_masked: str
    phone_masked: str
    enroll_time: _timestamp_pb2.Timestamp
    attended_minutes: int
    class_hours: int
    met_hours: bool
    def __init__(self, name: _Optional[str] = ..., person: _Optional[str] = ..., full_name: _Optional[str] = ..., gender: _Optional[_Union[Gender, str]] = ..., resident_id_masked: _Optional[str] = ..., phone_masked: _Optional[str] = ..., enroll_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., attended_minutes: _Optional[int] = ..., class_hours: _Optional[int] = ..., met_hours: _Optional[bool] = ...) -> None: ...

class Attendance(_message.Message):
    __slots__ = ("lesson", "person", "method", "minutes", "recorded_by", "record_time")
    LESSON_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    RECORDED_BY_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    lesson: str
    person: str
    method: SignInMethod
    minutes: int
    recorded_by: str
    record_time: _timestamp_pb2.Timestamp
    def __init__(self, lesson: _Optional[str] = ..., person: _Optional[str] = ..., method: _Optional[_Union[SignInMethod, str]] = ..., minutes: _Optional[int] = ..., recorded_by: _Optional[str] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class EvidenceItem(_message.Message):
    __slots__ = ("name", "kind", "lesson", "person", "duration_seconds", "media_type", "size_bytes", "sha256", "uploaded_by", "upload_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LESSON_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    DURATION_SECONDS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: EvidenceKind
    lesson: str
    person: str
    duration_seconds: int
    media_type: str
    size_bytes: int
    sha256: str
    uploaded_by: str
    upload_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[_Union[EvidenceKind, str]] = ..., lesson: _Optional[str] = ..., person: _Optional[str] = ..., duration_seconds: _Optional[int] = ..., media_type: _Optional[str] = ..., size_bytes: _Optional[int] = ..., sha256: _Optional[str] = ..., uploaded_by: _Optional[str] = ..., upload_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TrainingClass(_message.Message):
    __slots__ = ("name", "institution", "institution_name", "region_code", "class_code", "occupation_code", "occupation_name", "level", "purpose", "lessons", "start_date", "end_date", "class_hours", "state", "create_time", "file_time", "filing_deadline", "review", "inspection_visits", "changes")
    NAME_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    CLASS_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_NAME_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    CLASS_HOURS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    FILE_TIME_FIELD_NUMBER: _ClassVar[int]
    FILING_DEADLINE_FIELD_NUMBER: _ClassVar[int]
    REVIEW_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_VISITS_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    name: str
    institution: str
    institution_name: str
    region_code: str
    class_code: str
    occupation_code: str
    occupation_name: str
    level: int
    purpose: _events_pb2.TrainingPurpose
    lessons: _containers.RepeatedCompositeFieldContainer[Lesson]
    start_date: _date_pb2.Date
    end_date: _date_pb2.Date
    class_hours: int
    state: ClassState
    create_time: _timestamp_pb2.Timestamp
    file_time: _timestamp_pb2.Timestamp
    filing_deadline: _date_pb2.Date
    review: ClassReview
    inspection_visits: _containers.RepeatedCompositeFieldContainer[InspectionVisit]
    changes: _containers.RepeatedCompositeFieldContainer[ClassChange]
    def __init__(self, name: _Optional[str] = ..., institution: _Optional[str] = ..., institution_name: _Optional[str] = ..., region_code: _Optional[str] = ..., class_code: _Optional[str] = ..., occupation_code: _Optional[str] = ..., occupation_name: _Optional[str] = ..., level: _Optional[int] = ..., purpose: _Optional[_Union[_events_pb2.TrainingPurpose, str]] = ..., lessons: _Optional[_Iterable[_Union[Lesson, _Mapping]]] = ..., start_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., end_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., class_hours: _Optional[int] = ..., state: _Optional[_Union[ClassState, str]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., file_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., filing_deadline: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., review: _Optional[_Union[ClassReview, _Mapping]] = ..., inspection_visits: _Optional[_Iterable[_Union[InspectionVisit, _Mapping]]] = ..., changes: _Optional[_Iterable[_Union[ClassChange, _Mapping]]] = ...) -> None: ...

class ClassReview(_message.Message):
    __slots__ = ("approved", "reason", "reviewer", "review_time")
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REVIEWER_FIELD_NUMBER: _ClassVar[int]
    REVIEW_TIME_FIELD_NUMBER: _ClassVar[int]
    approved: bool
    reason: str
    reviewer: str
    review_time: _timestamp_pb2.Timestamp
    def __init__(self, approved: _Optional[bool] = ..., reason: _Optional[str] = ..., reviewer: _Optional[str] = ..., review_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class InspectionVisit(_message.Message):
    __slots__ = ("visit_date", "inspector", "findings", "recorded_by", "record_time")
    VISIT_DATE_FIELD_NUMBER: _ClassVar[int]
    INSPECTOR_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    RECORDED_BY_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    visit_date: _date_pb2.Date
    inspector: str
    findings: str
    recorded_by: str
    record_time: _timestamp_pb2.Timestamp
    def __init__(self, visit_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., inspector: _Optional[str] = ..., findings: _Optional[str] = ..., recorded_by: _Optional[str] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateTrainingClassRequest(_message.Message):
    __slots__ = ("training_class", "request_id")
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    training_class: TrainingClass
    request_id: str
    def __init__(self, training_class: _Optional[_Union[TrainingClass, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class FileTrainingClassRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ReviewTrainingClassRequest(_message.Message):
    __slots__ = ("name", "approved", "reason")
    NAME_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    name: str
    approved: bool
    reason: str
    def __init__(self, name: _Optional[str] = ..., approved: _Optional[bool] = ..., reason: _Optional[str] = ...) -> None: ...

class RecordInspectionVisitRequest(_message.Message):
    __slots__ = ("training_class", "visit_date", "inspector", "findings")
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    VISIT_DATE_FIELD_NUMBER: _ClassVar[int]
    INSPECTOR_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    training_class: str
    visit_date: _date_pb2.Date
    inspector: str
    findings: str
    def __init__(self, training_class: _Optional[str] = ..., visit_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., inspector: _Optional[str] = ..., findings: _Optional[str] = ...) -> None: ...

class EnrollTraineeRequest(_message.Message):
    __slots__ = ("training_class", "person")
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    training_class: str
    person: str
    def __init__(self, training_class: _Optional[str] = ..., person: _Optional[str] = ...) -> None: ...

class ListTraineesRequest(_message.Message):
    __slots__ = ("training_class",)
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    training_class: str
    def __init__(self, training_class: _Optional[str] = ...) -> None: ...

class ListTraineesResponse(_message.Message):
    __slots__ = ("trainees",)
    TRAINEES_FIELD_NUMBER: _ClassVar[int]
    trainees: _containers.RepeatedCompositeFieldContainer[Trainee]
    def __init__(self, trainees: _Optional[_Iterable[_Union[Trainee, _Mapping]]] = ...) -> None: ...

class ApprovePaperSignInRequest(_message.Message):
    __slots__ = ("lesson", "reason")
    LESSON_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    lesson: str
    reason: str
    def __init__(self, lesson: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RecordAttendanceRequest(_message.Message):
    __slots__ = ("lesson", "person", "method", "minutes")
    LESSON_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    lesson: str
    person: str
    method: SignInMethod
    minutes: int
    def __init__(self, lesson: _Optional[str] = ..., person: _Optional[str] = ..., method: _Optional[_Union[SignInMethod, str]] = ..., minutes: _Optional[int] = ...) -> None: ...

class EvidenceMetadata(_message.Message):
    __slots__ = ("training_class", "kind", "lesson", "person", "duration_seconds", "media_type")
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LESSON_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    DURATION_SECONDS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    training_class: str
    kind: EvidenceKind
    lesson: str
    person: str
    duration_seconds: int
    media_type: str
    def __init__(self, training_class: _Optional[str] = ..., kind: _Optional[_Union[EvidenceKind, str]] = ..., lesson: _Optional[str] = ..., person: _Optional[str] = ..., duration_seconds: _Optional[int] = ..., media_type: _Optional[str] = ...) -> None: ...

class UploadEvidenceRequest(_message.Message):
    __slots__ = ("metadata", "chunk")
    METADATA_FIELD_NUMBER: _ClassVar[int]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    metadata: EvidenceMetadata
    chunk: bytes
    def __init__(self, metadata: _Optional[_Union[EvidenceMetadata, _Mapping]] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class ListEvidenceRequest(_message.Message):
    __slots__ = ("training_class",)
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    training_class: str
    def __init__(self, training_class: _Optional[str] = ...) -> None: ...

class ListEvidenceResponse(_message.Message):
    __slots__ = ("evidence", "shortfalls")
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    SHORTFALLS_FIELD_NUMBER: _ClassVar[int]
    evidence: _containers.RepeatedCompositeFieldContainer[EvidenceItem]
    shortfalls: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, evidence: _Optional[_Iterable[_Union[EvidenceItem, _Mapping]]] = ..., shortfalls: _Optional[_Iterable[str]] = ...) -> None: ...

class DeleteEvidenceRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class CompleteTrainingClassRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class RequestClassChangeRequest(_message.Message):
    __slots__ = ("training_class", "kind", "reason", "lessons")
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    training_class: str
    kind: ChangeKind
    reason: str
    lessons: _containers.RepeatedCompositeFieldContainer[Lesson]
    def __init__(self, training_class: _Optional[str] = ..., kind: _Optional[_Union[ChangeKind, str]] = ..., reason: _Optional[str] = ..., lessons: _Optional[_Iterable[_Union[Lesson, _Mapping]]] = ...) -> None: ...

class DecideClassChangeRequest(_message.Message):
    __slots__ = ("name", "approved", "reason")
    NAME_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    name: str
    approved: bool
    reason: str
    def __init__(self, name: _Optional[str] = ..., approved: _Optional[bool] = ..., reason: _Optional[str] = ...) -> None: ...

class ExportRosterRequest(_message.Message):
    __slots__ = ("training_class", "format")
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    training_class: str
    format: RosterFormat
    def __init__(self, training_class: _Optional[str] = ..., format: _Optional[_Union[RosterFormat, str]] = ...) -> None: ...

class RosterFile(_message.Message):
    __slots__ = ("filename", "media_type", "content", "rows")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    filename: str
    media_type: str
    content: bytes
    rows: int
    def __init__(self, filename: _Optional[str] = ..., media_type: _Optional[str] = ..., content: _Optional[bytes] = ..., rows: _Optional[int] = ...) -> None: ...

class GetTrainingReportRequest(_message.Message):
    __slots__ = ("region_code", "year", "quarter")
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    QUARTER_FIELD_NUMBER: _ClassVar[int]
    region_code: str
    year: int
    quarter: int
    def __init__(self, region_code: _Optional[str] = ..., year: _Optional[int] = ..., quarter: _Optional[int] = ...) -> None: ...

class TrainingReportLine(_message.Message):
    __slots__ = ("occupation_code", "occupation_name", "classes", "trainees", "completed_trainees", "planned_class_hours", "trainee_class_hours", "subsidies_paid_fen")
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASSES_FIELD_NUMBER: _ClassVar[int]
    TRAINEES_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_TRAINEES_FIELD_NUMBER: _ClassVar[int]
    PLANNED_CLASS_HOURS_FIELD_NUMBER: _ClassVar[int]
    TRAINEE_CLASS_HOURS_FIELD_NUMBER: _ClassVar[int]
    SUBSIDIES_PAID_FEN_FIELD_NUMBER: _ClassVar[int]
    occupation_code: str
    occupation_name: str
    classes: int
    trainees: int
    completed_trainees: int
    planned_class_hours: int
    trainee_class_hours: int
    subsidies_paid_fen: int
    def __init__(self, occupation_code: _Optional[str] = ..., occupation_name: _Optional[str] = ..., classes: _Optional[int] = ..., trainees: _Optional[int] = ..., completed_trainees: _Optional[int] = ..., planned_class_hours: _Optional[int] = ..., trainee_class_hours: _Optional[int] = ..., subsidies_paid_fen: _Optional[int] = ...) -> None: ...

class TrainingReport(_message.Message):
    __slots__ = ("region_code", "year", "quarter", "lines", "total", "xlsx")
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    QUARTER_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    XLSX_FIELD_NUMBER: _ClassVar[int]
    region_code: str
    year: int
    quarter: int
    lines: _containers.RepeatedCompositeFieldContainer[TrainingReportLine]
    total: TrainingReportLine
    xlsx: bytes
    def __init__(self, region_code: _Optional[str] = ..., year: _Optional[int] = ..., quarter: _Optional[int] = ..., lines: _Optional[_Iterable[_Union[TrainingReportLine, _Mapping]]] = ..., total: _Optional[_Union[TrainingReportLine, _Mapping]] = ..., xlsx: _Optional[bytes] = ...) -> None: ...

class GetTrainingClassRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListTrainingClassesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "institution", "state")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    institution: str
    state: ClassState
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., institution: _Optional[str] = ..., state: _Optional[_Union[ClassState, str]] = ...) -> None: ...

class ListTrainingClassesResponse(_message.Message):
    __slots__ = ("training_classes", "next_page_token")
    TRAINING_CLASSES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    training_classes: _containers.RepeatedCompositeFieldContainer[TrainingClass]
    next_page_token: str
    def __init__(self, training_classes: _Optional[_Iterable[_Union[TrainingClass, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

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

class SubsidyAgreement(_message.Message):
    __slots__ = ("signed_date", "document_sha256", "declares_no_other_claim")
    SIGNED_DATE_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_SHA256_FIELD_NUMBER: _ClassVar[int]
    DECLARES_NO_OTHER_CLAIM_FIELD_NUMBER: _ClassVar[int]
    signed_date: _date_pb2.Date
    document_sha256: str
    declares_no_other_claim: bool
    def __init__(self, signed_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., document_sha256: _Optional[str] = ..., declares_no_other_claim: _Optional[bool] = ...) -> None: ...

class SubsidyObjection(_message.Message):
    __slots__ = ("reason", "actor", "record_time", "decided", "upheld", "decision_reason", "decide_time")
    REASON_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    DECIDED_FIELD_NUMBER: _ClassVar[int]
    UPHELD_FIELD_NUMBER: _ClassVar[int]
    DECISION_REASON_FIELD_NUMBER: _ClassVar[int]
    DECIDE_TIME_FIELD_NUMBER: _ClassVar[int]
    reason: str
    actor: str
    record_time: _timestamp_pb2.Timestamp
    decided: bool
    upheld: bool
    decision_reason: str
    decide_time: _timestamp_pb2.Timestamp
    def __init__(self, reason: _Optional[str] = ..., actor: _Optional[str] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., decided: _Optional[bool] = ..., upheld: _Optional[bool] = ..., decision_reason: _Optional[str] = ..., decide_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SubsidyClaim(_message.Message):
    __slots__ = ("name", "person", "trainee_name", "institution", "region_code", "occupation_code", "level", "certificate_number", "claim_year", "amount_fen", "agreement", "state", "publicity_start_date", "publicity_end_date", "objections", "paid_date", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    TRAINEE_NAME_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CLAIM_YEAR_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PUBLICITY_START_DATE_FIELD_NUMBER: _ClassVar[int]
    PUBLICITY_END_DATE_FIELD_NUMBER: _ClassVar[int]
    OBJECTIONS_FIELD_NUMBER: _ClassVar[int]
    PAID_DATE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    person: str
    trainee_name: str
    institution: str
    region_code: str
    occupation_code: str
    level: int
    certificate_number: str
    claim_year: int
    amount_fen: int
    agreement: SubsidyAgreement
    state: SubsidyClaimState
    publicity_start_date: _date_pb2.Date
    publicity_end_date: _date_pb2.Date
    objections: _containers.RepeatedCompositeFieldContainer[SubsidyObjection]
    paid_date: _date_pb2.Date
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., person: _Optional[str] = ..., trainee_name: _Optional[str] = ..., institution: _Optional[str] = ..., region_code: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., certificate_number: _Optional[str] = ..., claim_year: _Optional[int] = ..., amount_fen: _Optional[int] = ..., agreement: _Optional[_Union[SubsidyAgreement, _Mapping]] = ..., state: _Optional[_Union[SubsidyClaimState, str]] = ..., publicity_start_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., publicity_end_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., objections: _Optional[_Iterable[_Union[SubsidyObjection, _Mapping]]] = ..., paid_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class FileSubsidyClaimRequest(_message.Message):
    __slots__ = ("parent", "subsidy_claim", "request_id")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    SUBSIDY_CLAIM_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    subsidy_claim: SubsidyClaim
    request_id: str
    def __init__(self, parent: _Optional[str] = ..., subsidy_claim: _Optional[_Union[SubsidyClaim, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class ListSubsidyClaimsRequest(_message.Message):
    __slots__ = ("parent", "page_size", "page_token")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    parent: str
    page_size: int
    page_token: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListSubsidyClaimsResponse(_message.Message):
    __slots__ = ("subsidy_claims", "next_page_token")
    SUBSIDY_CLAIMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    subsidy_claims: _containers.RepeatedCompositeFieldContainer[SubsidyClaim]
    next_page_token: str
    def __init__(self, subsidy_claims: _Optional[_Iterable[_Union[SubsidyClaim, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class PubliciseSubsidyClaimsRequest(_message.Message):
    __slots__ = ("parent", "start_date", "request_id")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    start_date: _date_pb2.Date
    request_id: str
    def __init__(self, parent: _Optional[str] = ..., start_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class PubliciseSubsidyClaimsResponse(_message.Message):
    __slots__ = ("subsidy_claims",)
    SUBSIDY_CLAIMS_FIELD_NUMBER: _ClassVar[int]
    subsidy_claims: _containers.RepeatedCompositeFieldContainer[SubsidyClaim]
    def __init__(self, subsidy_claims: _Optional[_Iterable[_Union[SubsidyClaim, _Mapping]]] = ...) -> None: ...

class RecordSubsidyObjectionRequest(_message.Message):
    __slots__ = ("name", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class DecideSubsidyObjectionRequest(_message.Message):
    __slots__ = ("name", "upheld", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    UPHELD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    upheld: bool
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., upheld: _Optional[bool] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class PaySubsidyClaimsRequest(_message.Message):
    __slots__ = ("parent", "request_id")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    request_id: str
    def __init__(self, parent: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class PaySubsidyClaimsResponse(_message.Message):
    __slots__ = ("paid", "withheld", "paid_fen")
    PAID_FIELD_NUMBER: _ClassVar[int]
    WITHHELD_FIELD_NUMBER: _ClassVar[int]
    PAID_FEN_FIELD_NUMBER: _ClassVar[int]
    paid: _containers.RepeatedCompositeFieldContainer[SubsidyClaim]
    withheld: _containers.RepeatedCompositeFieldContainer[SubsidyClaim]
    paid_fen: int
    def __init__(self, paid: _Optional[_Iterable[_Union[SubsidyClaim, _Mapping]]] = ..., withheld: _Optional[_Iterable[_Union[SubsidyClaim, _Mapping]]] = ..., paid_fen: _Optional[int] = ...) -> None: ...

class RecordTrainingFraudRequest(_message.Message):
    __slots__ = ("parent", "reason", "evidence", "revoke_training_qualification", "request_id")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    REVOKE_TRAINING_QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    reason: str
    evidence: str
    revoke_training_qualification: bool
    request_id: str
    def __init__(self, parent: _Optional[str] = ..., reason: _Optional[str] = ..., evidence: _Optional[str] = ..., revoke_training_qualification: _Optional[bool] = ..., request_id: _Optional[str] = ...) -> None: ...

class FraudCase(_message.Message):
    __slots__ = ("name", "training_class", "institution", "reason", "evidence", "revoke_training_qualification", "clawed_back_fen", "clawed_back_claims", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    REVOKE_TRAINING_QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    CLAWED_BACK_FEN_FIELD_NUMBER: _ClassVar[int]
    CLAWED_BACK_CLAIMS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    training_class: str
    institution: str
    reason: str
    evidence: str
    revoke_training_qualification: bool
    clawed_back_fen: int
    clawed_back_claims: _containers.RepeatedScalarFieldContainer[str]
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., training_class: _Optional[str] = ..., institution: _Optional[str] = ..., reason: _Optional[str] = ..., evidence: _Optional[str] = ..., revoke_training_qualification: _Optional[bool] = ..., clawed_back_fen: _Optional[int] = ..., clawed_back_claims: _Optional[_Iterable[str]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
