"""training's subsidy tables (TRN-5, TRN-6, TRN-7, TRN-12, INST-7), in its metadata."""

from datetime import date, datetime

from sqlmodel import Field

from .orm import Base


class SubsidyClaimRow(Base, table=True):
    """A claim: one per (class, person); the trainee's name for the publicity (masked
    there), the 代领 agreement (TRN-12), publicity dates and payment (TRN-6)."""

    __tablename__ = "subsidy_claim"

    class_id: str = Field(primary_key=True, max_length=32)
    person_id: str = Field(primary_key=True, max_length=32, index=True)
    trainee_name: str = Field(max_length=50)
    certificate_number: str = Field(max_length=32)
    occupation_code: str = Field(max_length=10)
    level: int
    claim_year: int = Field(index=True)
    amount_fen: int
    agreement_signed_date: date
    agreement_sha256: str = Field(max_length=64)
    declares_no_other_claim: bool
    state: int
    filed_by: str = Field(max_length=200)
    filed_at: datetime
    publicity_start: date | None = None
    publicity_end: date | None = None
    paid_on: date | None = None


class SubsidyObjectionRow(Base, table=True):
    """TRN-6: an objection to a publicised claim and its decision."""

    __tablename__ = "subsidy_objection"

    class_id: str = Field(primary_key=True, max_length=32)
    person_id: str = Field(primary_key=True, max_length=32)
    seq: int = Field(primary_key=True)
    reason: str = Field(max_length=500)
    actor: str = Field(max_length=200)
    recorded_at: datetime
    decided: bool = False
    upheld: bool = False
    decision_reason: str = Field(default="", max_length=500)
    decided_by: str = Field(default="", max_length=200)
    decided_at: datetime | None = None


class SubsidyLedgerRow(Base, table=True):
    """TRN-7: the subsidy ledger (台账): payments (+) and claw-backs (−) in fen, only
    ever added; an entry is deleted only after `retain_until`."""

    __tablename__ = "subsidy_ledger"

    id: int | None = Field(default=None, primary_key=True)
    class_id: str = Field(index=True, max_length=32)
    person_id: str = Field(max_length=32)
    amount_fen: int
    booked_on: date
    retain_until: date = Field(index=True)
    reason: str = Field(max_length=60)


class FraudCaseRow(Base, table=True):
    """INST-7: fraud found in a class; one per class (it disqualifies the class)."""

    __tablename__ = "fraud_case"

    id: str = Field(primary_key=True, max_length=32)
    class_id: str = Field(unique=True, max_length=32)
    reason: str = Field(max_length=500)
    evidence: str = Field(default="", max_length=200)
    revoke_qualification: bool = False
    clawed_back_fen: int = 0
    clawed_back_claims: str = ""   # the claims' names, one per line
    actor: str = Field(max_length=200)
    recorded_at: datetime
