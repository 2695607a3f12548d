"""certificates' tables, in its own SQLModel metadata."""

from datetime import date, datetime

from sqlalchemy import Index, text
from sqlmodel import Field

from servicekit.orm import service_base

Base = service_base()
metadata = Base.metadata


class SigningKeyRow(Base, table=True):
    """An issuing key (Ed25519 or SM2). Every key ever used stays, so the certificates it
    signed while it was good keep verifying after rotation."""

    __tablename__ = "signing_key"

    id: str = Field(primary_key=True, max_length=200)  # the proof's verificationMethod
    algorithm: str = Field(default="Ed25519", max_length=10,
                           sa_column_kwargs={"server_default": "Ed25519"})
    public_key_multibase: str = Field(max_length=60)
    private_key_sealed: bytes                           # AES-GCM under the key-encryption key
    created_at: datetime
    expires_at: datetime                                # not_after: signs nothing from then
    revoked_at: datetime | None = None                  # withdrawn (rotated out) from then
    compromised_at: datetime | None = None              # signatures from then are not trusted


class SerialCounterRow(Base, table=True):
    """Certificate serials per (parts 1–4, year, level): allocated atomically, never reused."""

    __tablename__ = "serial_counter"

    series: str = Field(primary_key=True, max_length=16)
    last_serial: int


class CertificateRow(Base, table=True):
    __tablename__ = "certificate"
    # covers the lookup's name check, so a known and an unknown number cost one index probe
    __table_args__ = (Index("ix_certificate_number_holder", "number", "holder_name"),)

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
    # the issuing organisation's division, for a city admin's scope
    region_code: str = Field(default="", max_length=6)
    # CERT-5: the examining organisation where another body issues; empty otherwise
    # server default: adding the column left existing rows in place (see its migration)
    evaluation_organisation: str = Field(default="", max_length=100,
                                         sa_column_kwargs={"server_default": text("''")})
    # CERT-1/CERT-3: one held certificate per person × occupation × level; emptied (NULL)
    # when the certificate is replaced, so the replacement can take it
    holding: str | None = Field(default=None, unique=True, max_length=60)
    # CERT-2: 1 skill (CERT-1), 2 training completion (numbered T…, see domain/numbering);
    # server defaults: existing rows are skill certificates of no class
    kind: int = Field(default=1, sa_column_kwargs={"server_default": text("1")})
    training_class: str = Field(default="", max_length=60,
                                sa_column_kwargs={"server_default": text("''")})
    status_changed_at: datetime | None = None
    revocation_reason: int = 0
    status_reason: str = Field(default="", max_length=500)
    replaced_by: str = Field(default="", max_length=22)
    replaces: str = Field(default="", max_length=22)


class StatusChangeRow(Base, table=True):
    """CERT-3: every status change, kept."""

    __tablename__ = "certificate_status_change"

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(index=True, max_length=22)
    from_status: int
    to_status: int
    actor: str = Field(max_length=200)
    revocation_reason: int = 0
    reason: str = Field(max_length=500)
    replaced_by: str = Field(default="", max_length=22)
    changed_at: datetime


class StatusListRow(Base, table=True):
    """One Bitstring Status List: how many positions are taken, and when a bit last
    changed (its version, for rebuilding, ETag and Last-Modified)."""

    __tablename__ = "status_list"

    purpose: str = Field(primary_key=True, max_length=20)  # revocation | suspension
    number: int = Field(primary_key=True)
    allocated: int = 0
    version: int = 0
    changed_at: datetime


class StatusEntryRow(Base, table=True):
    """A certificate's position in a status list, and whether its bit is set."""

    __tablename__ = "status_entry"

    purpose: str = Field(primary_key=True, max_length=20)
    list_number: int = Field(primary_key=True)
    position: int = Field(primary_key=True)
    certificate: str = Field(index=True, max_length=22)
    set: bool = False


class OrganisationStatusRow(Base, table=True):
    """Evaluation organisations' status history, from accreditation's
    InstitutionStatusChanged: was the issuer ACTIVE on a certificate's issue date?"""

    __tablename__ = "organisation_status"

    event_id: str = Field(primary_key=True, max_length=64)
    institution: str = Field(index=True, max_length=60)
    display_name: str = Field(max_length=100)
    status: int
    changed_at: datetime


class EmployerRow(Base, table=True):
    """A unit that relies on certificates (用人单位), by its USCC, with its webhook."""

    __tablename__ = "employer"

    uscc: str = Field(primary_key=True, max_length=18)
    display_name: str = Field(max_length=100)
    region_code: str = Field(max_length=6)
    webhook_url: str = Field(max_length=500)
    # the HMAC key of its webhook signatures, AES-GCM under the key-encryption key
    webhook_secret_sealed: bytes
    created_at: datetime


class WatchRow(Base, table=True):
    """EMP-1: a certificate an employer watches (named with its holder's name)."""

    __tablename__ = "watch"
    __table_args__ = (Index("ix_watch_number", "number"),)

    employer: str = Field(primary_key=True, max_length=18)
    number: str = Field(primary_key=True, max_length=22)
    holder_name_masked: str = Field(max_length=50)
    status: int
    created_at: datetime


class DeliveryRow(Base, table=True):
    """EMP-2: one event to push to one employer's webhook, until it answers 2xx or the
    retry window ends. Written in the status change's own transaction."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (Index("ix_webhook_delivery_due", "state", "next_attempt_at"),
                      Index("ux_webhook_delivery_event", "employer", "event_id", unique=True))

    id: str = Field(primary_key=True, max_length=32)  # time-ordered, for paging
    employer: str = Field(index=True, max_length=18)
    event_id: str = Field(max_length=64)
    number: str = Field(max_length=22)
    to_status: int
    payload: str                                  # the JSON body, fixed at enqueue time
    state: int
    attempts: int = 0
    created_at: datetime
    next_attempt_at: datetime | None = None
    delivered_at: datetime | None = None


class DeliveryAttemptRow(Base, table=True):
    """EMP-2: one POST of a delivery, kept as its log."""

    __tablename__ = "webhook_attempt"

    delivery: str = Field(primary_key=True, max_length=32)
    attempt: int = Field(primary_key=True)
    attempted_at: datetime
    http_status: int = 0
    error: str = Field(default="", max_length=500)
    duration_ms: int = 0
