import datetime

from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.type import date_pb2 as _date_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Gender(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENDER_UNSPECIFIED: _ClassVar[Gender]
    GENDER_MALE: _ClassVar[Gender]
    GENDER_FEMALE: _ClassVar[Gender]

class Industry(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INDUSTRY_UNSPECIFIED: _ClassVar[Industry]
    INDUSTRY_UTILITIES: _ClassVar[Industry]
    INDUSTRY_DEFENCE: _ClassVar[Industry]
    INDUSTRY_SCHOOLS_HOSPITALS: _ClassVar[Industry]
    INDUSTRY_PARTY_GOVERNMENT: _ClassVar[Industry]
    INDUSTRY_FINANCE_POST: _ClassVar[Industry]
    INDUSTRY_CULTURE_RESEARCH: _ClassVar[Industry]
    INDUSTRY_PUBLIC_TRANSIT: _ClassVar[Industry]
    INDUSTRY_MATERIAL_RESERVES: _ClassVar[Industry]
    INDUSTRY_OTHER: _ClassVar[Industry]

class Education(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EDUCATION_UNSPECIFIED: _ClassVar[Education]
    EDUCATION_PRIMARY: _ClassVar[Education]
    EDUCATION_JUNIOR_SECONDARY: _ClassVar[Education]
    EDUCATION_SENIOR_SECONDARY: _ClassVar[Education]
    EDUCATION_JUNIOR_COLLEGE: _ClassVar[Education]
    EDUCATION_BACHELOR: _ClassVar[Education]
    EDUCATION_MASTER: _ClassVar[Education]
    EDUCATION_DOCTORATE: _ClassVar[Education]

class PersonChangeKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PERSON_CHANGE_KIND_UNSPECIFIED: _ClassVar[PersonChangeKind]
    PERSON_CHANGE_KIND_REGISTERED: _ClassVar[PersonChangeKind]
    PERSON_CHANGE_KIND_UPDATED: _ClassVar[PersonChangeKind]
    PERSON_CHANGE_KIND_MERGED: _ClassVar[PersonChangeKind]
    PERSON_CHANGE_KIND_MERGED_INTO: _ClassVar[PersonChangeKind]
    PERSON_CHANGE_KIND_KEYS_ROTATED: _ClassVar[PersonChangeKind]

class CertificateFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CERTIFICATE_FORMAT_UNSPECIFIED: _ClassVar[CertificateFormat]
    CERTIFICATE_FORMAT_SKILL22: _ClassVar[CertificateFormat]
    CERTIFICATE_FORMAT_QUAL16: _ClassVar[CertificateFormat]

class TrainingPurpose(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRAINING_PURPOSE_UNSPECIFIED: _ClassVar[TrainingPurpose]
    TRAINING_PURPOSE_SKILL: _ClassVar[TrainingPurpose]
    TRAINING_PURPOSE_CADRE_INITIAL: _ClassVar[TrainingPurpose]
    TRAINING_PURPOSE_CADRE_ROTATION: _ClassVar[TrainingPurpose]

class ListingConsent(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LISTING_CONSENT_UNSPECIFIED: _ClassVar[ListingConsent]
    LISTING_CONSENT_GIVEN: _ClassVar[ListingConsent]
    LISTING_CONSENT_WITHDRAWN: _ClassVar[ListingConsent]

class TrainingDueKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRAINING_DUE_KIND_UNSPECIFIED: _ClassVar[TrainingDueKind]
    TRAINING_DUE_KIND_INITIAL: _ClassVar[TrainingDueKind]
    TRAINING_DUE_KIND_ROTATION: _ClassVar[TrainingDueKind]
GENDER_UNSPECIFIED: Gender
GENDER_MALE: Gender
GENDER_FEMALE: Gender
INDUSTRY_UNSPECIFIED: Industry
INDUSTRY_UTILITIES: Industry
INDUSTRY_DEFENCE: Industry
INDUSTRY_SCHOOLS_HOSPITALS: Industry
INDUSTRY_PARTY_GOVERNMENT: Industry
INDUSTRY_FINANCE_POST: Industry
INDUSTRY_CULTURE_RESEARCH: Industry
INDUSTRY_PUBLIC_TRANSIT: Industry
INDUSTRY_MATERIAL_RESERVES: Industry
INDUSTRY_OTHER: Industry
EDUCATION_UNSPECIFIED: Education
EDUCATION_PRIMARY: Education
EDUCATION_JUNIOR_SECONDARY: Education
EDUCATION_SENIOR_SECONDARY: Education
EDUCATION_JUNIOR_COLLEGE: Education
EDUCATION_BACHELOR: Education
EDUCATION_MASTER: Education
EDUCATION_DOCTORATE: Education
PERSON_CHANGE_KIND_UNSPECIFIED: PersonChangeKind
PERSON_CHANGE_KIND_REGISTERED: PersonChangeKind
PERSON_CHANGE_KIND_UPDATED: PersonChangeKind
PERSON_CHANGE_KIND_MERGED: PersonChangeKind
PERSON_CHANGE_KIND_MERGED_INTO: PersonChangeKind
PERSON_CHANGE_KIND_KEYS_ROTATED: PersonChangeKind
CERTIFICATE_FORMAT_UNSPECIFIED: CertificateFormat
CERTIFICATE_FORMAT_SKILL22: CertificateFormat
CERTIFICATE_FORMAT_QUAL16: CertificateFormat
TRAINING_PURPOSE_UNSPECIFIED: TrainingPurpose
TRAINING_PURPOSE_SKILL: TrainingPurpose
TRAINING_PURPOSE_CADRE_INITIAL: TrainingPurpose
TRAINING_PURPOSE_CADRE_ROTATION: TrainingPurpose
LISTING_CONSENT_UNSPECIFIED: ListingConsent
LISTING_CONSENT_GIVEN: ListingConsent
LISTING_CONSENT_WITHDRAWN: ListingConsent
TRAINING_DUE_KIND_UNSPECIFIED: TrainingDueKind
TRAINING_DUE_KIND_INITIAL: TrainingDueKind
TRAINING_DUE_KIND_ROTATION: TrainingDueKind

class Person(_message.Message):
    __slots__ = ("name", "full_name", "resident_id_masked", "gender", "birth_date", "phone_masked", "region_code", "employer_unit", "industry", "guard_certificate_date", "certificates", "create_time", "etag", "employer_uscc", "education", "guard_certificate_number", "guard_certificate_evidence", "employment_periods", "update_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    RESIDENT_ID_MASKED_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    BIRTH_DATE_FIELD_NUMBER: _ClassVar[int]
    PHONE_MASKED_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    EMPLOYER_UNIT_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    GUARD_CERTIFICATE_DATE_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATES_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    EMPLOYER_USCC_FIELD_NUMBER: _ClassVar[int]
    EDUCATION_FIELD_NUMBER: _ClassVar[int]
    GUARD_CERTIFICATE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    GUARD_CERTIFICATE_EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    EMPLOYMENT_PERIODS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    full_name: str
    resident_id_masked: str
    gender: Gender
    birth_date: _date_pb2.Date
    phone_masked: str
    region_code: str
    employer_unit: str
    industry: Industry
    guard_certificate_date: _date_pb2.Date
    certificates: _containers.RepeatedCompositeFieldContainer[HeldCertificate]
    create_time: _timestamp_pb2.Timestamp
    etag: str
    employer_uscc: str
    education: Education
    guard_certificate_number: str
    guard_certificate_evidence: str
    employment_periods: _containers.RepeatedCompositeFieldContainer[EmploymentPeriod]
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., full_name: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., gender: _Optional[_Union[Gender, str]] = ..., birth_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., phone_masked: _Optional[str] = ..., region_code: _Optional[str] = ..., employer_unit: _Optional[str] = ..., industry: _Optional[_Union[Industry, str]] = ..., guard_certificate_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., certificates: _Optional[_Iterable[_Union[HeldCertificate, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ..., employer_uscc: _Optional[str] = ..., education: _Optional[_Union[Education, str]] = ..., guard_certificate_number: _Optional[str] = ..., guard_certificate_evidence: _Optional[str] = ..., employment_periods: _Optional[_Iterable[_Union[EmploymentPeriod, _Mapping]]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class EmploymentPeriod(_message.Message):
    __slots__ = ("employer_unit", "employer_uscc", "industry", "start_date", "end_date")
    EMPLOYER_UNIT_FIELD_NUMBER: _ClassVar[int]
    EMPLOYER_USCC_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    employer_unit: str
    employer_uscc: str
    industry: Industry
    start_date: _date_pb2.Date
    end_date: _date_pb2.Date
    def __init__(self, employer_unit: _Optional[str] = ..., employer_uscc: _Optional[str] = ..., industry: _Optional[_Union[Industry, str]] = ..., start_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., end_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ...) -> None: ...

class HeldCertificate(_message.Message):
    __slots__ = ("certificate_number", "occupation_code", "level", "issue_date", "issuing_organisation")
    CERTIFICATE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DATE_FIELD_NUMBER: _ClassVar[int]
    ISSUING_ORGANISATION_FIELD_NUMBER: _ClassVar[int]
    certificate_number: str
    occupation_code: str
    level: int
    issue_date: _date_pb2.Date
    issuing_organisation: str
    def __init__(self, certificate_number: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., issue_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., issuing_organisation: _Optional[str] = ...) -> None: ...

class RegisterPersonRequest(_message.Message):
    __slots__ = ("resident_id", "full_name", "phone", "region_code", "employer_unit", "industry", "guard_certificate_date", "request_id")
    RESIDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    EMPLOYER_UNIT_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    GUARD_CERTIFICATE_DATE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    resident_id: str
    full_name: str
    phone: str
    region_code: str
    employer_unit: str
    industry: Industry
    guard_certificate_date: _date_pb2.Date
    request_id: str
    def __init__(self, resident_id: _Optional[str] = ..., full_name: _Optional[str] = ..., phone: _Optional[str] = ..., region_code: _Optional[str] = ..., employer_unit: _Optional[str] = ..., industry: _Optional[_Union[Industry, str]] = ..., guard_certificate_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetPersonRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class SearchTalentRequest(_message.Message):
    __slots__ = ("occupation_code", "level", "region_code", "industry", "page_size", "page_token", "employer_unit")
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    EMPLOYER_UNIT_FIELD_NUMBER: _ClassVar[int]
    occupation_code: str
    level: int
    region_code: str
    industry: Industry
    page_size: int
    page_token: str
    employer_unit: str
    def __init__(self, occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., region_code: _Optional[str] = ..., industry: _Optional[_Union[Industry, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., employer_unit: _Optional[str] = ...) -> None: ...

class SearchTalentResponse(_message.Message):
    __slots__ = ("persons", "next_page_token")
    PERSONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    persons: _containers.RepeatedCompositeFieldContainer[Person]
    next_page_token: str
    def __init__(self, persons: _Optional[_Iterable[_Union[Person, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

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

class UpdatePersonRequest(_message.Message):
    __slots__ = ("person", "update_mask", "phone")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    person: Person
    update_mask: _field_mask_pb2.FieldMask
    phone: str
    def __init__(self, person: _Optional[_Union[Person, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., phone: _Optional[str] = ...) -> None: ...

class ListPersonHistoryRequest(_message.Message):
    __slots__ = ("name", "page_size", "page_token")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    name: str
    page_size: int
    page_token: str
    def __init__(self, name: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class PersonChange(_message.Message):
    __slots__ = ("person", "change_time", "actor", "actor_role", "kind", "fields", "value_digests", "other_person")
    class ValueDigestsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PERSON_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    VALUE_DIGESTS_FIELD_NUMBER: _ClassVar[int]
    OTHER_PERSON_FIELD_NUMBER: _ClassVar[int]
    person: str
    change_time: _timestamp_pb2.Timestamp
    actor: str
    actor_role: str
    kind: PersonChangeKind
    fields: _containers.RepeatedScalarFieldContainer[str]
    value_digests: _containers.ScalarMap[str, str]
    other_person: str
    def __init__(self, person: _Optional[str] = ..., change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor: _Optional[str] = ..., actor_role: _Optional[str] = ..., kind: _Optional[_Union[PersonChangeKind, str]] = ..., fields: _Optional[_Iterable[str]] = ..., value_digests: _Optional[_Mapping[str, str]] = ..., other_person: _Optional[str] = ...) -> None: ...

class ListPersonHistoryResponse(_message.Message):
    __slots__ = ("changes", "next_page_token")
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    changes: _containers.RepeatedCompositeFieldContainer[PersonChange]
    next_page_token: str
    def __init__(self, changes: _Optional[_Iterable[_Union[PersonChange, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class MergePersonsRequest(_message.Message):
    __slots__ = ("name", "merged_person", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    MERGED_PERSON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    merged_person: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., merged_person: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class EarlierCertificate(_message.Message):
    __slots__ = ("name", "format", "certificate_number", "occupation_code", "level", "issue_date", "issuing_authority", "verified", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DATE_FIELD_NUMBER: _ClassVar[int]
    ISSUING_AUTHORITY_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    format: CertificateFormat
    certificate_number: str
    occupation_code: str
    level: int
    issue_date: _date_pb2.Date
    issuing_authority: str
    verified: bool
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., format: _Optional[_Union[CertificateFormat, str]] = ..., certificate_number: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., issue_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., issuing_authority: _Optional[str] = ..., verified: _Optional[bool] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RecordEarlierCertificateRequest(_message.Message):
    __slots__ = ("parent", "format", "certificate_number", "occupation_code", "issue_date", "issuing_authority")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DATE_FIELD_NUMBER: _ClassVar[int]
    ISSUING_AUTHORITY_FIELD_NUMBER: _ClassVar[int]
    parent: str
    format: CertificateFormat
    certificate_number: str
    occupation_code: str
    issue_date: _date_pb2.Date
    issuing_authority: str
    def __init__(self, parent: _Optional[str] = ..., format: _Optional[_Union[CertificateFormat, str]] = ..., certificate_number: _Optional[str] = ..., occupation_code: _Optional[str] = ..., issue_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., issuing_authority: _Optional[str] = ...) -> None: ...

class CadreAppointment(_message.Message):
    __slots__ = ("name", "unit_name", "unit_uscc", "industry", "appointed_date", "new_cadre", "create_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_USCC_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    APPOINTED_DATE_FIELD_NUMBER: _ClassVar[int]
    NEW_CADRE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    unit_name: str
    unit_uscc: str
    industry: Industry
    appointed_date: _date_pb2.Date
    new_cadre: bool
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., unit_name: _Optional[str] = ..., unit_uscc: _Optional[str] = ..., industry: _Optional[_Union[Industry, str]] = ..., appointed_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., new_cadre: _Optional[bool] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RecordCadreAppointmentRequest(_message.Message):
    __slots__ = ("parent", "unit_name", "unit_uscc", "industry", "appointed_date", "new_cadre")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_USCC_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    APPOINTED_DATE_FIELD_NUMBER: _ClassVar[int]
    NEW_CADRE_FIELD_NUMBER: _ClassVar[int]
    parent: str
    unit_name: str
    unit_uscc: str
    industry: Industry
    appointed_date: _date_pb2.Date
    new_cadre: bool
    def __init__(self, parent: _Optional[str] = ..., unit_name: _Optional[str] = ..., unit_uscc: _Optional[str] = ..., industry: _Optional[_Union[Industry, str]] = ..., appointed_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., new_cadre: _Optional[bool] = ...) -> None: ...

class TrainingRecord(_message.Message):
    __slots__ = ("training_class", "class_code", "institution_name", "occupation_code", "level", "purpose", "class_hours", "start_date", "end_date")
    TRAINING_CLASS_FIELD_NUMBER: _ClassVar[int]
    CLASS_CODE_FIELD_NUMBER: _ClassVar[int]
    INSTITUTION_NAME_FIELD_NUMBER: _ClassVar[int]
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    CLASS_HOURS_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    training_class: str
    class_code: str
    institution_name: str
    occupation_code: str
    level: int
    purpose: TrainingPurpose
    class_hours: int
    start_date: _date_pb2.Date
    end_date: _date_pb2.Date
    def __init__(self, training_class: _Optional[str] = ..., class_code: _Optional[str] = ..., institution_name: _Optional[str] = ..., occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., purpose: _Optional[_Union[TrainingPurpose, str]] = ..., class_hours: _Optional[int] = ..., start_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., end_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ...) -> None: ...

class TalentProfile(_message.Message):
    __slots__ = ("name", "listing_consent", "earlier_certificates", "training_records", "cadre_appointments")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LISTING_CONSENT_FIELD_NUMBER: _ClassVar[int]
    EARLIER_CERTIFICATES_FIELD_NUMBER: _ClassVar[int]
    TRAINING_RECORDS_FIELD_NUMBER: _ClassVar[int]
    CADRE_APPOINTMENTS_FIELD_NUMBER: _ClassVar[int]
    name: str
    listing_consent: ListingConsent
    earlier_certificates: _containers.RepeatedCompositeFieldContainer[EarlierCertificate]
    training_records: _containers.RepeatedCompositeFieldContainer[TrainingRecord]
    cadre_appointments: _containers.RepeatedCompositeFieldContainer[CadreAppointment]
    def __init__(self, name: _Optional[str] = ..., listing_consent: _Optional[_Union[ListingConsent, str]] = ..., earlier_certificates: _Optional[_Iterable[_Union[EarlierCertificate, _Mapping]]] = ..., training_records: _Optional[_Iterable[_Union[TrainingRecord, _Mapping]]] = ..., cadre_appointments: _Optional[_Iterable[_Union[CadreAppointment, _Mapping]]] = ...) -> None: ...

class GetTalentProfileRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class SetListingConsentRequest(_message.Message):
    __slots__ = ("person", "listing_consent")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    LISTING_CONSENT_FIELD_NUMBER: _ClassVar[int]
    person: str
    listing_consent: ListingConsent
    def __init__(self, person: _Optional[str] = ..., listing_consent: _Optional[_Union[ListingConsent, str]] = ...) -> None: ...

class RotationTrainingDue(_message.Message):
    __slots__ = ("person", "full_name", "resident_id_masked", "region_code", "cadre_appointment", "unit_name", "industry", "kind", "due_date", "overdue", "hours_done", "hours_required")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    RESIDENT_ID_MASKED_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    CADRE_APPOINTMENT_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    HOURS_DONE_FIELD_NUMBER: _ClassVar[int]
    HOURS_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    person: str
    full_name: str
    resident_id_masked: str
    region_code: str
    cadre_appointment: str
    unit_name: str
    industry: Industry
    kind: TrainingDueKind
    due_date: _date_pb2.Date
    overdue: bool
    hours_done: int
    hours_required: int
    def __init__(self, person: _Optional[str] = ..., full_name: _Optional[str] = ..., resident_id_masked: _Optional[str] = ..., region_code: _Optional[str] = ..., cadre_appointment: _Optional[str] = ..., unit_name: _Optional[str] = ..., industry: _Optional[_Union[Industry, str]] = ..., kind: _Optional[_Union[TrainingDueKind, str]] = ..., due_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., overdue: _Optional[bool] = ..., hours_done: _Optional[int] = ..., hours_required: _Optional[int] = ...) -> None: ...

class ListRotationTrainingDueRequest(_message.Message):
    __slots__ = ("region_code", "within_days", "as_of", "page_size", "page_token")
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    WITHIN_DAYS_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    region_code: str
    within_days: int
    as_of: _date_pb2.Date
    page_size: int
    page_token: str
    def __init__(self, region_code: _Optional[str] = ..., within_days: _Optional[int] = ..., as_of: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListRotationTrainingDueResponse(_message.Message):
    __slots__ = ("dues", "next_page_token")
    DUES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    dues: _containers.RepeatedCompositeFieldContainer[RotationTrainingDue]
    next_page_token: str
    def __init__(self, dues: _Optional[_Iterable[_Union[RotationTrainingDue, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetAnnualReportRequest(_message.Message):
    __slots__ = ("region_code", "year")
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    region_code: str
    year: int
    def __init__(self, region_code: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class AnnualReportLine(_message.Message):
    __slots__ = ("occupation_code", "level", "certificates_obtained")
    OCCUPATION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATES_OBTAINED_FIELD_NUMBER: _ClassVar[int]
    occupation_code: str
    level: int
    certificates_obtained: int
    def __init__(self, occupation_code: _Optional[str] = ..., level: _Optional[int] = ..., certificates_obtained: _Optional[int] = ...) -> None: ...

class AnnualReport(_message.Message):
    __slots__ = ("region_code", "region_name", "year", "due_date", "lines", "certificates_total", "subsidies_paid", "subsidies_paid_fen", "source_note")
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    REGION_NAME_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATES_TOTAL_FIELD_NUMBER: _ClassVar[int]
    SUBSIDIES_PAID_FIELD_NUMBER: _ClassVar[int]
    SUBSIDIES_PAID_FEN_FIELD_NUMBER: _ClassVar[int]
    SOURCE_NOTE_FIELD_NUMBER: _ClassVar[int]
    region_code: str
    region_name: str
    year: int
    due_date: _date_pb2.Date
    lines: _containers.RepeatedCompositeFieldContainer[AnnualReportLine]
    certificates_total: int
    subsidies_paid: int
    subsidies_paid_fen: int
    source_note: str
    def __init__(self, region_code: _Optional[str] = ..., region_name: _Optional[str] = ..., year: _Optional[int] = ..., due_date: _Optional[_Union[_date_pb2.Date, _Mapping]] = ..., lines: _Optional[_Iterable[_Union[AnnualReportLine, _Mapping]]] = ..., certificates_total: _Optional[int] = ..., subsidies_paid: _Optional[int] = ..., subsidies_paid_fen: _Optional[int] = ..., source_note: _Optional[str] = ...) -> None: ...
