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

class RevocationReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REVOCATION_REASON_UNSPECIFIED: _ClassVar[RevocationReason]
    REVOCATION_REASON_FRAUD: _ClassVar[RevocationReason]
    REVOCATION_REASON_ISSUED_IN_ERROR: _ClassVar[RevocationReason]
    REVOCATION_REASON_HOLDER_DECEASED: _ClassVar[RevocationReason]
    REVOCATION_REASON_ORGANISATION_REVOKED: _ClassVar[RevocationReason]
    REVOCATION_REASON_OTHER: _ClassVar[RevocationReason]

class CertificateStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CERTIFICATE_STATUS_UNSPECIFIED: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_VALID: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_SUSPENDED: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_REVOKED: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_REPLACED: _ClassVar[CertificateStatus]

class CertificateKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CERTIFICATE_KIND_UNSPECIFIED: _ClassVar[CertificateKind]
    CERTIFICATE_KIND_SKILL: _ClassVar[CertificateKind]
    CERTIFICATE_KIND_TRAINING_COMPLETION: _ClassVar[CertificateKind]

class Verdict(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    VERDICT_UNSPECIFIED: _ClassVar[Verdict]
    VERDICT_VALID: _ClassVar[Verdict]
    VERDICT_MALFORMED: _ClassVar[Verdict]
    VERDICT_TAMPERED: _ClassVar[Verdict]
    VERDICT_KEY_NOT_VALID: _ClassVar[Verdict]
    VERDICT_UNKNOWN_ISSUER: _ClassVar[Verdict]
    VERDICT_ISSUER_NOT_ACCREDITED: _ClassVar[Verdict]
    VERDICT_REVOKED: _ClassVar[Verdict]
    VERDICT_SUSPENDED: _ClassVar[Verdict]
    VERDICT_REPLACED: _ClassVar[Verdict]
    VERDICT_OUTSIDE_VALIDITY_PERIOD: _ClassVar[Verdict]
    VERDICT_INCOMPLETE: _ClassVar[Verdict]

class StepOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STEP_OUTCOME_UNSPECIFIED: _ClassVar[StepOutcome]
    STEP_OUTCOME_PASSED: _ClassVar[StepOutcome]
    STEP_OUTCOME_FAILED: _ClassVar[StepOutcome]
    STEP_OUTCOME_COULD_NOT_CHECK: _ClassVar[StepOutcome]
    STEP_OUTCOME_SKIPPED: _ClassVar[StepOutcome]

class DeliveryState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DELIVERY_STATE_UNSPECIFIED: _ClassVar[DeliveryState]
    DELIVERY_STATE_PENDING: _ClassVar[DeliveryState]
    DELIVERY_STATE_DELIVERED: _ClassVar[DeliveryState]
    DELIVERY_STATE_EXPIRED: _ClassVar[DeliveryState]
REVOCATION_REASON_UNSPECIFIED: RevocationReason
REVOCATION_REASON_FRAUD: RevocationReason
REVOCATION_REASON_ISSUED_IN_ERROR: RevocationReason
REVOCATION_REASON_HOLDER_DECEASED: RevocationReason
REVOCATION_REASON_ORGANISATION_REVOKED: RevocationReason
REVOCATION_REASON_OTHER: RevocationReason
CERTIFICATE_STATUS_UNSPECIFIED: CertificateStatus
CERTIFICATE_STATUS_VALID: CertificateStatus
CERTIFICATE_STATUS_SUSPENDED: CertificateStatus
CERTIFICATE_STATUS_REVOKED: CertificateStatus
CERTIFICATE_STATUS_REPLACED: CertificateStatus
CERTIFICATE_KIND_UNSPECIFIED: CertificateKind
CERTIFICATE_KIND_SKILL: CertificateKind
CERTIFICATE_KIND_TRAINING_COMPLETION: CertificateKind
VERDICT_UNSPECIFIED: Verdict
VERDICT_VALID: Verdict
VERDICT_MALFORMED: Verdict
VERDICT_TAMPERED: Verdict
VERDICT_KEY_NOT_VALID: Verdict
VERDICT_UNKNOWN_ISSUER: Verdict
VERDICT_ISSUER_NOT_ACCREDITED: Verdict
VERDICT_REVOKED: Verdict
VERDICT_SUSPENDED: Verdict
VERDICT_REPLACED: Verdict
VERDICT_OUTSIDE_VALIDITY_PERIOD: Verdict
VERDICT_INCOMPLETE: Verdict
STEP_OUTCOME_UNSPECIFIED: StepOutcome
STEP_OUTCOME_PASSED: StepOutcome
STEP_OUTCOME_FAILED: StepOutcome
STEP_OUTCOME_COULD_NOT_CHECK: StepOutcome
STEP_OUTCOME_SKIPPED: StepOutcome
DELIVERY_STATE_UNSPECIFIED: DeliveryState
DELIVERY_STATE_PENDING: DeliveryState
DELIVERY_STATE_DELIVERED: DeliveryState
DELIVERY_STATE_EXPIRED: DeliveryState

class Certificate(_message.Message):
    __slots__ = ("name", "number", "person", "holder_name", "resident_id_masked", "occupation_code", "occupation_name", "level", "issue_date", "issuing_organisation", "institution", "status", "credential_json", "create_time", "status_change_time", "revocation_reason", "status_reason", "replaced_by", "replaces", "kind", "training_class")
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
    STATUS_CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    REVOCATION_REASON_FIELD_NUMBER: _ClassVar[int]
    STATUS_REASON_FIELD_NUMBER: _ClassVar[int]
    REPLACED_BY_FIELD_NUMBER: _ClassVar[int]
    REPLACES_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    name: str
    number: str
    person: str
    holder_name: str
    resident_id_masked: str
    occupation_code: str
    occupation_name: str
    level: int
    issue_date: _date_pb2.Date
    issuing_organisation: str
    institution: str
    status: CertificateStatus
    credential_json: str
    create_time: _timestamp_pb2.Timestamp
    status_change_time: _timestamp_pb2.Timestamp
    revocation_reason: RevocationReason
    status_reason: str
    replaced_by: str
    replaces: str
    kind: CertificateKind
    training_class: str
    def __init__(self, name: _Optional[str] = ..., number: _Optional[str] = ..., person: _Optional[str] = ..., holder_name: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., occupation_code: _Optional[str] = ..., occupation_name: _Optional[str] = ..., level: _Optional[int] = ..., issue_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., issuing_organisation: _Optional[str] = ..., institution: _Optional[str] = ..., status: _Optional[_Union[CertificateStatus, str]] = ..., credential_json: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., status_change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., revocation_reason: _Optional[_Union[RevocationReason, str]] = ..., status_reason: _Optional[str] = ..., replaced_by: _Optional[str] = ..., replaces: _Optional[str] = ..., kind: _Optional[_Union[CertificateKind, str]] = ..., training_class: _Optional[str] = ...) -> None: ...

class CertificateStatusChange(_message.Message):
    __slots__ = ("from_status", "to_status", "actor", "revocation_reason", "reason", "replaced_by", "change_time")
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REVOCATION_REASON_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REPLACED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    from_status: CertificateStatus
    to_status: CertificateStatus
    actor: str
    revocation_reason: RevocationReason
    reason: str
    replaced_by: str
    change_time: _timestamp_pb2.Timestamp
    def __init__(self, from_status: _Optional[_Union[CertificateStatus, str]] = ..., to_status: _Optional[_Union[CertificateStatus, str]] = ..., actor: _Optional[str] = ..., revocation_reason: _Optional[_Union[RevocationReason, str]] = ..., reason: _Optional[str] = ..., replaced_by: _Optional[str] = ..., change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SuspendCertificateRequest(_message.Message):
    __slots__ = ("name", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ReinstateCertificateRequest(_message.Message):
    __slots__ = ("name", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class RevokeCertificateRequest(_message.Message):
    __slots__ = ("name", "revocation_reason", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REVOCATION_REASON_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    revocation_reason: RevocationReason
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., revocation_reason: _Optional[_Union[RevocationReason, str]] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ReplaceCertificateRequest(_message.Message):
    __slots__ = ("name", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ListCertificateHistoryRequest(_message.Message):
    __slots__ = ("name", "page_size", "page_token")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    name: str
    page_size: int
    page_token: str
    def __init__(self, name: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListCertificateHistoryResponse(_message.Message):
    __slots__ = ("changes", "next_page_token")
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    changes: _containers.RepeatedCompositeFieldContainer[CertificateStatusChange]
    next_page_token: str
    def __init__(self, changes: _Optional[_Iterable[_Union[CertificateStatusChange, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class VerifyCertificateRequest(_message.Message):
    __slots__ = ("credential_json",)
    CREDENTIAL_JSON_FIELD_NUMBER: _ClassVar[int]
    credential_json: str
    def __init__(self, credential_json: _Optional[str] = ...) -> None: ...

class VerificationStep(_message.Message):
    __slots__ = ("step", "outcome", "detail")
    STEP_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    step: str
    outcome: StepOutcome
    detail: str
    def __init__(self, step: _Optional[str] = ..., outcome: _Optional[_Union[StepOutcome, str]] = ..., detail: _Optional[str] = ...) -> None: ...

class VerificationReport(_message.Message):
    __slots__ = ("verdict", "steps", "check_time")
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    CHECK_TIME_FIELD_NUMBER: _ClassVar[int]
    verdict: Verdict
    steps: _containers.RepeatedCompositeFieldContainer[VerificationStep]
    check_time: _timestamp_pb2.Timestamp
    def __init__(self, verdict: _Optional[_Union[Verdict, str]] = ..., steps: _Optional[_Iterable[_Union[VerificationStep, _Mapping]]] = ..., check_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

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
    __slots__ = ("number", "holder_name_masked", "resident_id_masked", "occupation_code", "occupation_name", "level", "issue_date", "issuing_organisation", "status", "signature_verified", "status_change_time", "revocation_reason", "replaced_by", "kind")
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
    STATUS_CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    REVOCATION_REASON_FIELD_NUMBER: _ClassVar[int]
    REPLACED_BY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    number: str
    holder_name_masked: str
    resident_id_masked: str
    occupation_code: str
    occupation_name: str
    level: int
    issue_date: _date_pb2.Date
    issuing_organisation: str
    status: CertificateStatus
    signature_verified: bool
    status_change_time: _timestamp_pb2.Timestamp
    revocation_reason: RevocationReason
    replaced_by: str
    kind: CertificateKind
    def __init__(self, number: _Optional[str] = ..., holder_name_masked: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., occupation_code: _Optional[str] = ..., occupation_name: _Optional[str] = ..., level: _Optional[int] = ..., issue_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., issuing_organisation: _Optional[str] = ..., status: _Optional[_Union[CertificateStatus, str]] = ..., signature_verified: _Optional[bool] = ..., status_change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., revocation_reason: _Optional[_Union[RevocationReason, str]] = ..., replaced_by: _Optional[str] = ..., kind: _Optional[_Union[CertificateKind, str]] = ...) -> None: ...

class ListVerificationKeysRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class VerificationKey(_message.Message):
    __slots__ = ("id", "type", "public_key_multibase", "create_time", "expire_time", "revoke_time", "compromise_time", "algorithm")
    ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_MULTIBASE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    REVOKE_TIME_FIELD_NUMBER: _ClassVar[int]
    COMPROMISE_TIME_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    id: str
    type: str
    public_key_multibase: str
    create_time: _timestamp_pb2.Timestamp
    expire_time: _timestamp_pb2.Timestamp
    revoke_time: _timestamp_pb2.Timestamp
    compromise_time: _timestamp_pb2.Timestamp
    algorithm: str
    def __init__(self, id: _Optional[str] = ..., type: _Optional[str] = ..., public_key_multibase: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., revoke_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., compromise_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., algorithm: _Optional[str] = ...) -> None: ...

class RotateSigningKeyRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class MarkSigningKeyCompromisedRequest(_message.Message):
    __slots__ = ("key", "compromise_time")
    KEY_FIELD_NUMBER: _ClassVar[int]
    COMPROMISE_TIME_FIELD_NUMBER: _ClassVar[int]
    key: str
    compromise_time: _timestamp_pb2.Timestamp
    def __init__(self, key: _Optional[str] = ..., compromise_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListVerificationKeysResponse(_message.Message):
    __slots__ = ("keys",)
    KEYS_FIELD_NUMBER: _ClassVar[int]
    keys: _containers.RepeatedCompositeFieldContainer[VerificationKey]
    def __init__(self, keys: _Optional[_Iterable[_Union[VerificationKey, _Mapping]]] = ...) -> None: ...

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

class Employer(_message.Message):
    __slots__ = ("name", "display_name", "uscc", "region_code", "webhook_url", "webhook_secret", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    USCC_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    WEBHOOK_URL_FIELD_NUMBER: _ClassVar[int]
    WEBHOOK_SECRET_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    uscc: str
    region_code: str
    webhook_url: str
    webhook_secret: str
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., uscc: _Optional[str] = ..., region_code: _Optional[str] = ..., webhook_url: _Optional[str] = ..., webhook_secret: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RegisterEmployerRequest(_message.Message):
    __slots__ = ("employer",)
    EMPLOYER_FIELD_NUMBER: _ClassVar[int]
    employer: Employer
    def __init__(self, employer: _Optional[_Union[Employer, _Mapping]] = ...) -> None: ...

class GetEmployerRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class Watch(_message.Message):
    __slots__ = ("name", "certificate", "holder_name_masked", "status", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    HOLDER_NAME_MASKED_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    certificate: str
    holder_name_masked: str
    status: CertificateStatus
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., certificate: _Optional[str] = ..., holder_name_masked: _Optional[str] = ..., status: _Optional[_Union[CertificateStatus, str]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class WatchCertificateRequest(_message.Message):
    __slots__ = ("parent", "number", "holder_name", "request_id")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    HOLDER_NAME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    number: str
    holder_name: str
    request_id: str
    def __init__(self, parent: _Optional[str] = ..., number: _Optional[str] = ..., holder_name: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ListWatchesRequest(_message.Message):
    __slots__ = ("parent", "page_size", "page_token")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    parent: str
    page_size: int
    page_token: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListWatchesResponse(_message.Message):
    __slots__ = ("watches", "next_page_token")
    WATCHES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    watches: _containers.RepeatedCompositeFieldContainer[Watch]
    next_page_token: str
    def __init__(self, watches: _Optional[_Iterable[_Union[Watch, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UnwatchCertificateRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeliveryAttempt(_message.Message):
    __slots__ = ("attempt", "attempt_time", "http_status", "error", "duration_ms")
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_TIME_FIELD_NUMBER: _ClassVar[int]
    HTTP_STATUS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    attempt: int
    attempt_time: _timestamp_pb2.Timestamp
    http_status: int
    error: str
    duration_ms: int
    def __init__(self, attempt: _Optional[int] = ..., attempt_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., http_status: _Optional[int] = ..., error: _Optional[str] = ..., duration_ms: _Optional[int] = ...) -> None: ...

class Delivery(_message.Message):
    __slots__ = ("name", "event_id", "certificate", "to_status", "state", "attempts", "create_time", "next_attempt_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    NEXT_ATTEMPT_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    event_id: str
    certificate: str
    to_status: CertificateStatus
    state: DeliveryState
    attempts: _containers.RepeatedCompositeFieldContainer[DeliveryAttempt]
    create_time: _timestamp_pb2.Timestamp
    next_attempt_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., event_id: _Optional[str] = ..., certificate: _Optional[str] = ..., to_status: _Optional[_Union[CertificateStatus, str]] = ..., state: _Optional[_Union[DeliveryState, str]] = ..., attempts: _Optional[_Iterable[_Union[DeliveryAttempt, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., next_attempt_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListDeliveriesRequest(_message.Message):
    __slots__ = ("parent", "page_size", "page_token")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    parent: str
    page_size: int
    page_token: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListDeliveriesResponse(_message.Message):
    __slots__ = ("deliveries", "next_page_token")
    DELIVERIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    deliveries: _containers.RepeatedCompositeFieldContainer[Delivery]
    next_page_token: str
    def __init__(self, deliveries: _Optional[_Iterable[_Union[Delivery, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
