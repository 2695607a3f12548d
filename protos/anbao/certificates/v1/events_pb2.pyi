import datetime

from anbao.certificates.v1 import certificates_pb2 as _certificates_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import date_pb2 as _date_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CertificateIssued(_message.Message):
    __slots__ = ("event_id", "occur_time", "certificate", "number", "person", "holder_name", "occupation_code", "level", "issue_date", "issuing_organisation", "institution", "candidate", "occupation_name", "kind", "training_class")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    HOLDER_NAME_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DATE_FIELD_NUMBER: _ClassVar[int]
    ISSUING_ORGANISATION_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    certificate: str
    number: str
    person: str
    holder_name: str
    occupation_code: str
    level: int
    issue_date: _date_pb2.Date
    issuing_organisation: str
    institution: str
    candidate: str
    occupation_name: str
    kind: _certificates_pb2.CertificateKind
    training_class: str
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., certificate: _Optional[str] = ..., number: _Optional[str] = ..., person: _Optional[str] = ..., holder_name: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., issue_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., issuing_organisation: _Optional[str] = ..., institution: _Optional[str] = ..., candidate: _Optional[str] = ..., occupation_name: _Optional[str] = ..., kind: _Optional[_Union[_certificates_pb2.CertificateKind, str]] = ..., training_class: _Optional[str] = ...) -> None: ...

class CertificateStatusChanged(_message.Message):
    __slots__ = ("event_id", "occur_time", "certificate", "number", "person", "from_status", "to_status", "actor", "revocation_reason", "reason", "replaced_by", "change_time")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REVOCATION_REASON_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REPLACED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    certificate: str
    number: str
    person: str
    from_status: _certificates_pb2.CertificateStatus
    to_status: _certificates_pb2.CertificateStatus
    actor: str
    revocation_reason: _certificates_pb2.RevocationReason
    reason: str
    replaced_by: str
    change_time: _timestamp_pb2.Timestamp
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., certificate: _Optional[str] = ..., number: _Optional[str] = ..., person: _Optional[str] = ..., from_status: _Optional[_Union[_certificates_pb2.CertificateStatus, str]] = ..., to_status: _Optional[_Union[_certificates_pb2.CertificateStatus, str]] = ..., actor: _Optional[str] = ..., revocation_reason: _Optional[_Union[_certificates_pb2.RevocationReason, str]] = ..., reason: _Optional[str] = ..., replaced_by: _Optional[str] = ..., change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
