import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CertificateStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CERTIFICATE_STATUS_UNSPECIFIED: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_VALID: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_SUSPENDED: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_REVOKED: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_REPLACED: _ClassVar[CertificateStatus]
CERTIFICATE_STATUS_UNSPECIFIED: CertificateStatus
CERTIFICATE_STATUS_VALID: CertificateStatus
CERTIFICATE_STATUS_SUSPENDED: CertificateStatus
CERTIFICATE_STATUS_REVOKED: CertificateStatus
CERTIFICATE_STATUS_REPLACED: CertificateStatus

class Certificate(_message.Message):
    __slots__ = ("name", "number", "person", "holder_name", "resident_id_masked", "occupation_code", "occupation_name", "level", "issue_date", "issuing_organisation", "institution", "status", "credential_json", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    HOLDER_NAME_FIELD_NUMBER: _ClassVar[int]
    RESIDENT_ID_MASKED_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_NAME_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DATE_FIELD_NUMBER: _ClassVar[int]
    ISSUING_ORGANISATION_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREDENTIAL_JSON_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    number: str
    person: str
    holder_name: str
    resident_id_masked: str
    occupation_code: str
    occupation_name: str
    level: int
    issue_date: str
    issuing_organisation: str
    institution: str
    status: CertificateStatus
    credential_json: str
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., number: _Optional[str] = ..., person: _Optional[str] = ..., holder_name: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., occupation_code: _Optional[str] = ..., occupation_name: _Optional[str] = ..., level: _Optional[int] = ..., issue_date: _Optional[str] = ..., issuing_organisation: _Optional[str] = ..., institution: _Optional[str] = ..., status: _Optional[_Union[CertificateStatus, str]] = ..., credential_json: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetCertificateRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListCertificatesRequest(_message.Message):
    __slots__ = ("person", "page_size", "page_token")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    person: str
    page_size: int
    page_token: str
    def __init__(self, person: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListCertificatesResponse(_message.Message):
    __slots__ = ("certificates", "next_page_token")
    CERTIFICATES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    certificates: _containers.RepeatedCompositeFieldContainer[Certificate]
    next_page_token: str
    def __init__(self, certificates: _Optional[_Iterable[_Union[Certificate, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class LookupCertificateRequest(_message.Message):
    __slots__ = ("number", "holder_name")
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    HOLDER_NAME_FIELD_NUMBER: _ClassVar[int]
    number: str
    holder_name: str
    def __init__(self, number: _Optional[str] = ..., holder_name: _Optional[str] = ...) -> None: ...

class CertificateLookup(_message.Message):
    __slots__ = ("number", "holder_name_masked", "resident_id_masked", "occupation_code", "occupation_name", "level", "issue_date", "issuing_organisation", "status", "signature_verified")
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    HOLDER_NAME_MASKED_FIELD_NUMBER: _ClassVar[int]
    RESIDENT_ID_MASKED_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_NAME_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DATE_FIELD_NUMBER: _ClassVar[int]
    ISSUING_ORGANISATION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_VERIFIED_FIELD_NUMBER: _ClassVar[int]
    number: str
    holder_name_masked: str
    resident_id_masked: str
    occupation_code: str
    occupation_name: str
    level: int
    issue_date: str
    issuing_organisation: str
    status: CertificateStatus
    signature_verified: bool
    def __init__(self, number: _Optional[str] = ..., holder_name_masked: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., occupation_code: _Optional[str] = ..., occupation_name: _Optional[str] = ..., level: _Optional[int] = ..., issue_date: _Optional[str] = ..., issuing_organisation: _Optional[str] = ..., status: _Optional[_Union[CertificateStatus, str]] = ..., signature_verified: _Optional[bool] = ...) -> None: ...

class ListVerificationKeysRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class VerificationKey(_message.Message):
    __slots__ = ("id", "type", "public_key_multibase", "create_time", "expire_time", "revoke_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_MULTIBASE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    REVOKE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    type: str
    public_key_multibase: str
    create_time: _timestamp_pb2.Timestamp
    expire_time: _timestamp_pb2.Timestamp
    revoke_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., type: _Optional[str] = ..., public_key_multibase: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., revoke_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListVerificationKeysResponse(_message.Message):
    __slots__ = ("keys",)
    KEYS_FIELD_NUMBER: _ClassVar[int]
    keys: _containers.RepeatedCompositeFieldContainer[VerificationKey]
    def __init__(self, keys: _Optional[_Iterable[_Union[VerificationKey, _Mapping]]] = ...) -> None: ...
