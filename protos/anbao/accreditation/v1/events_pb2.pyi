import datetime

from anbao.accreditation.v1 import accreditation_pb2 as _accreditation_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import date_pb2 as _date_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InstitutionStatusChanged(_message.Message):
    __slots__ = ("event_id", "occur_time", "institution", "display_name", "uscc", "role", "from_status", "to_status", "reason")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    USCC_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    institution: str
    display_name: str
    uscc: str
    role: _accreditation_pb2.InstitutionRole
    from_status: _accreditation_pb2.InstitutionStatus
    to_status: _accreditation_pb2.InstitutionStatus
    reason: str
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., institution: _Optional[str] = ..., display_name: _Optional[str] = ..., uscc: _Optional[str] = ..., role: _Optional[_Union[_accreditation_pb2.InstitutionRole, str]] = ..., from_status: _Optional[_Union[_accreditation_pb2.InstitutionStatus, str]] = ..., to_status: _Optional[_Union[_accreditation_pb2.InstitutionStatus, str]] = ..., reason: _Optional[str] = ...) -> None: ...

class EvaluatorAppointed(_message.Message):
    __slots__ = ("event_id", "occur_time", "evaluator", "person", "institution", "term_start", "term_end")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    EVALUATOR_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    TERM_START_FIELD_NUMBER: _ClassVar[int]
    TERM_END_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    evaluator: str
    person: str
    institution: str
    term_start: _date_pb2.Date
    term_end: _date_pb2.Date
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., evaluator: _Optional[str] = ..., person: _Optional[str] = ..., institution: _Optional[str] = ..., term_start: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., term_end: _Optional[_Union[_date_pb2.Date, _Mapping]] = ...) -> None: ...

class AssessmentPassed(_message.Message):
    __slots__ = ("event_id", "occur_time", "candidate", "person", "holder_name", "resident_id_masked", "occupation_code", "level", "institution", "organisation_name", "organisation_prefix", "exam_date", "occupation_name", "close_time", "region_code", "issuer", "issuer_name")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    HOLDER_NAME_FIELD_NUMBER: _ClassVar[int]
    RESIDENT_ID_MASKED_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    ORGANISATION_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANISATION_PREFIX_FIELD_NUMBER: _ClassVar[int]
    EXAM_DATE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_NAME_FIELD_NUMBER: _ClassVar[int]
    CLOSE_TIME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    ISSUER_FIELD_NUMBER: _ClassVar[int]
    ISSUER_NAME_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    candidate: str
    person: str
    holder_name: str
    resident_id_masked: str
    occupation_code: str
    level: int
    institution: str
    organisation_name: str
    organisation_prefix: str
    exam_date: _date_pb2.Date
    occupation_name: str
    close_time: _timestamp_pb2.Timestamp
    region_code: str
    issuer: _accreditation_pb2.CertificateIssuer
    issuer_name: str
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., candidate: _Optional[str] = ..., person: _Optional[str] = ..., holder_name: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., institution: _Optional[str] = ..., organisation_name: _Optional[str] = ..., organisation_prefix: _Optional[str] = ..., exam_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., occupation_name: _Optional[str] = ..., close_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., region_code: _Optional[str] = ..., issuer: _Optional[_Union[_accreditation_pb2.CertificateIssuer, str]] = ..., issuer_name: _Optional[str] = ...) -> None: ...

class EvaluatorRenewed(_message.Message):
    __slots__ = ("event_id", "occur_time", "evaluator", "term_start", "term_end")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    EVALUATOR_FIELD_NUMBER: _ClassVar[int]
    TERM_START_FIELD_NUMBER: _ClassVar[int]
    TERM_END_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    evaluator: str
    term_start: _date_pb2.Date
    term_end: _date_pb2.Date
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., evaluator: _Optional[str] = ..., term_start: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., term_end: _Optional[_Union[_date_pb2.Date, _Mapping]] = ...) -> None: ...

class EvaluatorAssessed(_message.Message):
    __slots__ = ("event_id", "occur_time", "evaluator", "year", "result")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    EVALUATOR_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    evaluator: str
    year: int
    result: _accreditation_pb2.AssessmentResult
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., evaluator: _Optional[str] = ..., year: _Optional[int] = ..., result: _Optional[_Union[_accreditation_pb2.AssessmentResult, str]] = ...) -> None: ...

class EvaluatorStatusChanged(_message.Message):
    __slots__ = ("event_id", "occur_time", "evaluator", "from_status", "to_status", "reason")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    EVALUATOR_FIELD_NUMBER: _ClassVar[int]
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    evaluator: str
    from_status: _accreditation_pb2.EvaluatorStatus
    to_status: _accreditation_pb2.EvaluatorStatus
    reason: str
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., evaluator: _Optional[str] = ..., from_status: _Optional[_Union[_accreditation_pb2.EvaluatorStatus, str]] = ..., to_status: _Optional[_Union[_accreditation_pb2.EvaluatorStatus, str]] = ..., reason: _Optional[str] = ...) -> None: ...

class TeacherAssessed(_message.Message):
    __slots__ = ("event_id", "occur_time", "teacher", "person", "institution", "assess_date", "passed", "status")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    ASSESS_DATE_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    teacher: str
    person: str
    institution: str
    assess_date: _date_pb2.Date
    passed: bool
    status: _accreditation_pb2.TeacherStatus
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., teacher: _Optional[str] = ..., person: _Optional[str] = ..., institution: _Optional[str] = ..., assess_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., passed: _Optional[bool] = ..., status: _Optional[_Union[_accreditation_pb2.TeacherStatus, str]] = ...) -> None: ...

class TeacherQualified(_message.Message):
    __slots__ = ("event_id", "occur_time", "teacher", "person", "full_name", "institution", "assess_date")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    ASSESS_DATE_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    teacher: str
    person: str
    full_name: str
    institution: str
    assess_date: _date_pb2.Date
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., teacher: _Optional[str] = ..., person: _Optional[str] = ..., full_name: _Optional[str] = ..., institution: _Optional[str] = ..., assess_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ...) -> None: ...

class InstitutionBlacklisted(_message.Message):
    __slots__ = ("event_id", "occur_time", "institution", "uscc", "role", "reason", "evidence", "qualification_revoked")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    USCC_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    QUALIFICATION_REVOKED_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    institution: str
    uscc: str
    role: _accreditation_pb2.InstitutionRole
    reason: str
    evidence: str
    qualification_revoked: bool
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., institution: _Optional[str] = ..., uscc: _Optional[str] = ..., role: _Optional[_Union[_accreditation_pb2.InstitutionRole, str]] = ..., reason: _Optional[str] = ..., evidence: _Optional[str] = ..., qualification_revoked: _Optional[bool] = ...) -> None: ...
