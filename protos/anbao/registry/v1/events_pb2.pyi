import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PersonRegistered(_message.Message):
    __slots__ = ("event_id", "occur_time", "person", "full_name", "resident_id_masked", "region_code")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    RESIDENT_ID_MASKED_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    person: str
    full_name: str
    resident_id_masked: str
    region_code: str
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., person: _Optional[str] = ..., full_name: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., region_code: _Optional[str] = ...) -> None: ...

class PersonUpdated(_message.Message):
    __slots__ = ("event_id", "occur_time", "person", "fields", "full_name", "region_code", "etag")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    person: str
    fields: _containers.RepeatedScalarFieldContainer[str]
    full_name: str
    region_code: str
    etag: str
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., person: _Optional[str] = ..., fields: _Optional[_Iterable[str]] = ..., full_name: _Optional[str] = ..., region_code: _Optional[str] = ..., etag: _Optional[str] = ...) -> None: ...

class PersonsMerged(_message.Message):
    __slots__ = ("event_id", "occur_time", "person", "merged_person")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    MERGED_PERSON_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    person: str
    merged_person: str
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., person: _Optional[str] = ..., merged_person: _Optional[str] = ...) -> None: ...
