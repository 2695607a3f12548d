"""certificates' tables, in its own SQLModel metadata."""

from datetime import date, datetime

from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from servicekit.unitofwork import messaging_tables


class Base(SQLModel, registry=registry()):
    pass


metadata = Base.metadata
messaging = messaging_tables(metadata)  # the outbox and inbox live beside the service's tables


class SigningKeyRow(Base, table=True):
    """An Ed25519 issuing key. Old keys stay for verification after rotation."""

    __tablename__ = "signing_key"

    id: str = Field(primary_key=True, max_length=200)  # the proof's verificationMethod
    public_key_multibase: str = Field(max_length=60)
    private_key_sealed: bytes                           # AES-GCM under the key-encryption key
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None = None


class SerialCounterRow(Base, table=True):
    """Certificate serials per (parts 1–4, year, level): allocated atomically, never reused."""

    __tablename__ = "serial_counter"

    series: str = Field(primary_key=True, max_length=16)
    last_serial: int


class CertificateRow(Base, table=True):
    __tablename__ = "certificate"

    number: str = Field(primary_key=True, max_length=22)
    candidate: str = Field(unique=True, max_length=120)  # one certificate per passed result
    person_id: str = Field(index=True, max_length=32)
    holder_name: str = Field(max_length=50)
    resident_id_masked: str = Field(max_length=18)
    occupation_code: str = Field(max_length=10)
    occupation_name: str = Field(max_length=50)
    level: int
    issue_date: date
    issuing_organisation: str = Field(max_length=100)
    institution: str = Field(max_length=60)
    status: int
    key_id: str = Field(max_length=200)
    credential_json: str
    created_at: datetime
