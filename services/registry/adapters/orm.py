"""registry's tables, in its own SQLModel metadata."""

from datetime import date, datetime

from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from servicekit.unitofwork import messaging_tables


class Base(SQLModel, registry=registry()):
    pass


metadata = Base.metadata
messaging = messaging_tables(metadata)  # the outbox and inbox live beside the service's tables


class PersonRow(Base, table=True):
    __tablename__ = "person"

    id: str = Field(primary_key=True, max_length=32)
    full_name: str = Field(max_length=50)
    resident_id_index: str = Field(unique=True, max_length=64)  # HMAC blind index
    resident_id_cipher: bytes                                    # AES-GCM
    resident_id_masked: str = Field(max_length=18)
    gender: int
    birth_date: date
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
