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

class Lesson(_message.Message):
    __slots__ = ("name", "title", "lesson_date", "minutes", "kind", "mode", "teacher", "class_hours")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    TEACHER_FIELD_NUMBER: _ClassVar[int]
    CLASS_HOURS_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    lesson_date: _date_pb2.Date
    minutes: int
    kind: LessonKind
    mode: LessonMode
    teacher: str
    class_hours: int
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., lesson_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., minutes: _Optional[int] = ..., kind: _Optional[_Union[LessonKind, str]] = ..., mode: _Optional[_Union[LessonMode, str]] = ..., teacher: _Optional[str] = ..., class_hours: _Optional[int] = ...) -> None: ...

class TrainingClass(_message.Message):
    __slots__ = ("name", "institution", "institution_name", "region_code", "class_code", "occupation_code", "occupation_name", "level", "purpose", "lessons", "start_date", "end_date", "class_hours", "state", "create_time")
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
    def __init__(self, name: _Optional[str] = ..., institution: _Optional[str] = ..., institution_name: _Optional[str] = ..., region_code: _Optional[str] = ..., class_code: _Optional[str] = ..., occupation_code: _Optional[str] = ..., occupation_name: _Optional[str] = ..., level: _Optional[int] = ..., purpose: _Optional[_Union[_events_pb2.TrainingPurpose, str]] = ..., lessons: _Optional[_Iterable[_Union[Lesson, _Mapping]]] = ..., start_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., end_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., class_hours: _Optional[int] = ..., state: _Optional[_Union[ClassState, str]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateTrainingClassRequest(_message.Message):
    __slots__ = ("training_class", "request_id")
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    training_class: TrainingClass
    request_id: str
    def __init__(self, training_class: _Optional[_Union[TrainingClass, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

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
