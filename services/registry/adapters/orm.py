"""registry's tables, in its own SQLModel metadata."""

from datetime import date, datetime

from sqlalchemy import text
from sqlmodel import Field

from servicekit.orm import service_base

Base = service_base()
metadata = Base.metadata


class PersonRow(Base, table=True):
    __tablename__ = "person"

    id: str = Field(primary_key=True, max_length=32)
    full_name: str = Field(max_length=50)
    resident_id_index: str = Field(unique=True, max_length=64)  # HMAC blind index
    resident_id_cipher: bytes                                    # AES-GCM
    resident_id_masked: str = Field(max_length=18)  # the everyday form (domain/exposure.py)
    gender: int
    phone_cipher: bytes
    phone_masked: str = Field(max_length=20)
    region_code: str = Field(index=True, max_length=6)
    employer_unit: str = Field(default="", max_length=100)
    industry: int = Field(default=0, index=True)
    guard_certificate_date: date | None = None
    created_at: datetime
    # --- person lifecycle (issue 12, part 1) ---
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})  # the etag
    updated_at: datetime | None = None
    employer_uscc: str = Field(default="", max_length=18,
                               sa_column_kwargs={"server_default": text("''")})
    education: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    guard_certificate_number: str = Field(default="", max_length=20,
                                          sa_column_kwargs={"server_default": text("''")})
    guard_certificate_evidence: str = Field(default="", max_length=200,
                                            sa_column_kwargs={"server_default": text("''")})
    merged_into: str | None = Field(default=None, max_length=32)  # the survivor's id
    # POOL-5 key rotation: the versions of the field key (both ciphertexts) and of the
    # blind-index key this row is sealed with; the rotation job moves them to the current
    field_key_id: int = Field(default=1, index=True, sa_column_kwargs={"server_default": "1"})
    index_key_id: int = Field(default=1, index=True, sa_column_kwargs={"server_default": "1"})


class HeldCertificateRow(Base, table=True):
    """The talent-pool profile's certificates, fed by CertificateIssued (POOL-1)."""

    __tablename__ = "held_certificate"

    number: str = Field(primary_key=True, max_length=22)
    person_id: str = Field(index=True, max_length=32)
    occupation_code: str = Field(index=True, max_length=10)
    level: int
    issue_date: date
    issuing_organisation: str = Field(max_length=100)
    # CERT-3 as CertificateStatusChanged says; the pool offers VALID ones only (POOL-2)
    status: int = Field(default=1, index=True, sa_column_kwargs={"server_default": "1"})
    status_changed_at: datetime | None = None


class PersonChangeRow(Base, table=True):
    """History of a person (POOL-1): who changed which fields when, never the values."""

    __tablename__ = "person_change"

    seq: int | None = Field(default=None, primary_key=True)
    person_id: str = Field(index=True, max_length=32)
    change_time: datetime
    actor: str = Field(max_length=200)
    actor_role: str = Field(max_length=40)
    kind: int
    fields: str = Field(default="[]")          # JSON list of field names
    value_digests: str = Field(default="{}")   # JSON field → keyed digest of the new value
    other_person: str = Field(default="", max_length=50)


class EmploymentPeriodRow(Base, table=True):
    """Service history (POOL-1): one row per employer unit, open while end_date is null."""

    __tablename__ = "employment_period"

    id: int | None = Field(default=None, primary_key=True)
    person_id: str = Field(index=True, max_length=32)
    employer_unit: str = Field(max_length=100)
    employer_uscc: str = Field(default="", max_length=18)
    industry: int = 0
    start_date: date
    end_date: date | None = None


class KeyRotationRow(Base, table=True):
    """Checkpoint of a re-encryption job (POOL-5): the last person re-sealed, committed with
    the batch that re-sealed it, so a job killed at any point resumes after it."""

    __tablename__ = "key_rotation"

    job: str = Field(primary_key=True, max_length=40)  # field key → blind-index key versions
    last_person_id: str = Field(default="", max_length=32)
    done: int = 0
    total: int = 0
    started_at: datetime
    finished_at: datetime | None = None


# the talent pool's own tables join this metadata (issue 12, part 2)
from . import talent_orm  # noqa: E402,F401
