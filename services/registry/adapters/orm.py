"""registry's tables, in its own SQLModel metadata."""

from datetime import date, datetime

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


# the talent pool's own tables join this metadata (issue 12, part 2)
from . import talent_orm  # noqa: E402,F401
