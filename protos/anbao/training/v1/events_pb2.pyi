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

class TrainingPurpose(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRAINING_PURPOSE_UNSPECIFIED: _ClassVar[TrainingPurpose]
    TRAINING_PURPOSE_SKILL: _ClassVar[TrainingPurpose]
    TRAINING_PURPOSE_CADRE_INITIAL: _ClassVar[TrainingPurpose]
    TRAINING_PURPOSE_CADRE_ROTATION: _ClassVar[TrainingPurpose]
TRAINING_PURPOSE_UNSPECIFIED: TrainingPurpose
TRAINING_PURPOSE_SKILL: TrainingPurpose
TRAINING_PURPOSE_CADRE_INITIAL: TrainingPurpose
TRAINING_PURPOSE_CADRE_ROTATION: TrainingPurpose

class CompletedTrainee(_message.Message):
    __slots__ = ("person", "full_name", "resident_id_masked", "attended_minutes", "class_hours")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    RESIDENT_ID_MASKED_FIELD_NUMBER: _ClassVar[int]
    ATTENDED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    CLASS_HOURS_FIELD_NUMBER: _ClassVar[int]
    person: str
    full_name: str
    resident_id_masked: str
    attended_minutes: int
    class_hours: int
    def __init__(self, person: _Optional[str] = ..., full_name: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., attended_minutes: _Optional[int] = ..., class_hours: _Optional[int] = ...) -> None: ...

class ClassCompleted(_message.Message):
    __slots__ = ("event_id", "occur_time", "training_class", "class_code", "institution", "institution_name", "region_code", "occupation_code", "occupation_name", "level", "purpose", "start_date", "end_date", "planned_class_hours", "trainees")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    CLASS_CODE_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_NAME_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    PLANNED_CLASS_HOURS_FIELD_NUMBER: _ClassVar[int]
    TRAINEES_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    training_class: str
    class_code: str
    institution: str
    institution_name: str
    region_code: str
    occupation_code: str
    occupation_name: str
    level: int
    purpose: TrainingPurpose
    start_date: _date_pb2.Date
    end_date: _date_pb2.Date
    planned_class_hours: int
    trainees: _containers.RepeatedCompositeFieldContainer[CompletedTrainee]
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., training_class: _Optional[str] = ..., class_code: _Optional[str] = ..., institution: _Optional[str] = ..., institution_name: _Optional[str] = ..., region_code: _Optional[str] = ..., occupation_code: _Optional[str] = ..., occupation_name: _Optional[str] = ..., level: _Optional[int] = ..., purpose: _Optional[_Union[TrainingPurpose, str]] = ..., start_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., end_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., planned_class_hours: _Optional[int] = ..., trainees: _Optional[_Iterable[_Union[CompletedTrainee, _Mapping]]] = ...) -> None: ...

class SubsidyPaid(_message.Message):
    __slots__ = ("event_id", "occur_time", "claim", "training_class", "institution", "person", "region_code", "occupation_code", "level", "amount_fen", "paid_date")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    CLAIM_FIELD_NUMBER: _ClassVar[int]
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    PAID_DATE_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    claim: str
    training_class: str
    institution: str
    person: str
    region_code: str
    occupation_code: str
    level: int
    amount_fen: int
    paid_date: _date_pb2.Date
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., claim: _Optional[str] = ..., training_class: _Optional[str] = ..., institution: _Optional[str] = ..., person: _Optional[str] = ..., region_code: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., amount_fen: _Optional[int] = ..., paid_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ...) -> None: ...

class FraudFound(_message.Message):
    __slots__ = ("event_id", "occur_time", "fraud_case", "institution", "training_class", "reason", "evidence", "clawed_back_fen", "revoke_training_qualification")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    FRAUD_CASE_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    CLAWED_BACK_FEN_FIELD_NUMBER: _ClassVar[int]
    REVOKE_TRAINING_QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    fraud_case: str
    institution: str
    training_class: str
    reason: str
    evidence: str
    clawed_back_fen: int
    revoke_training_qualification: bool
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., fraud_case: _Optional[str] = ..., institution: _Optional[str] = ..., training_class: _Optional[str] = ..., reason: _Optional[str] = ..., evidence: _Optional[str] = ..., clawed_back_fen: _Optional[int] = ..., revoke_training_qualification: _Optional[bool] = ...) -> None: ...
