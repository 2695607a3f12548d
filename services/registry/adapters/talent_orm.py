"""The talent pool's own tables (POOL-1..4), beside the person's, in registry's metadata."""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from .orm import Base


class EarlierCertificateRow(Base, table=True):
    """A certificate obtained outside this system, as the person declared it (POOL-1)."""

    __tablename__ = "earlier_certificate"

    person_id: str = Field(primary_key=True, max_length=32)
    number: str = Field(primary_key=True, max_length=22)
    format: int
    occupation_code: str = Field(max_length=10)
    level: int
    issue_date: date
    issuing_authority: str = Field(max_length=100)
    verified: bool = False
    created_at: datetime


class CadreAppointmentRow(Base, table=True):
    """A security cadre of a key unit (POOL-3)."""

    __tablename__ = "cadre_appointment"

    id: str = Field(primary_key=True, max_length=32)
    person_id: str = Field(index=True, max_length=32)
    unit_name: str = Field(max_length=100)
    unit_uscc: str = Field(default="", max_length=18)
    industry: int
    appointed_date: date
    new_cadre: bool
    created_at: datetime


class TrainingRecordRow(Base, table=True):
    """One trainee's completion of one class, from ClassCompleted (POOL-1, POOL-3)."""

    __tablename__ = "training_record"
    __table_args__ = (UniqueConstraint("training_class", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    training_class: str = Field(max_length=64)
    person_id: str = Field(index=True, max_length=32)
    class_code: str = Field(max_length=64)
    institution_name: str = Field(max_length=100)
    region_code: str = Field(max_length=6)
    occupation_code: str = Field(max_length=10)
    level: int
    purpose: int
    class_hours: int
    start_date: date
    end_date: date


class ListingConsentRow(Base, table=True):
    """The person's answer to being listed in talent search (POOL-2)."""

    __tablename__ = "listing_consent"

    person_id: str = Field(primary_key=True, max_length=32)
    consent: int
    changed_at: datetime


class SubsidyPaidRow(Base, table=True):
    """A subsidy paid to a person, from SubsidyPaid: the incentives of POOL-4."""

    __tablename__ = "subsidy_paid"

    claim: str = Field(primary_key=True, max_length=64)
    person_id: str = Field(index=True, max_length=32)
    region_code: str = Field(index=True, max_length=6)
    occupation_code: str = Field(max_length=10)
    level: int
    amount_fen: int
    paid_date: date
