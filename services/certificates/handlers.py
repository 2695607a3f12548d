"""certificates' use cases: one transaction each."""

import hmac
import json
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from anbao.accreditation.v1 import events_pb2 as accreditation_events
from anbao.certificates.v1 import certificates_pb2 as pb
from anbao.certificates.v1 import events_pb2
from servicekit import dates, paging
from servicekit.errors import NotFound
from servicekit.unitofwork import UnitOfWork, new_event, utcnow

from . import credential, numbering
from .adapters.keyring import KeyRing
from .adapters.orm import CertificateRow, SerialCounterRow, SigningKeyRow


def _next_serial(uow: UnitOfWork, series: str) -> int:
    """Atomic: the counter row is updated in the certificate's own transaction."""
    t = SerialCounterRow.__table__
    bump = update(t).where(t.c.series == series).values(last_serial=t.c.last_serial + 1) \
        .returning(t.c.last_serial)
    serial = uow.session.execute(bump).scalar()
    if serial is not None:
        return serial
    try:
        with uow.session.begin_nested():
            uow.session.execute(insert(t).values(series=series, last_serial=1))
        return 1
    except IntegrityError:  # a concurrent issuer created the series first
        return uow.session.execute(bump).scalar_one()


def on_assessment_passed(uow: UnitOfWork, event: accreditation_events.AssessmentPassed, *,
                         keys: KeyRing) -> None:
    """CERT-1: one signed, nationally numbered certificate per passed result."""
    if uow.session.scalars(select(CertificateRow.number)
                           .where(CertificateRow.candidate == event.candidate)).first():
        return
    closed = event.close_time.ToDatetime(tzinfo=dates.CHINA)
    issue_date = closed.date()
    series = numbering.series(event.organisation_prefix, issue_date.year, event.level)
    number = numbering.compose(series, _next_serial(uow, series))
    facts = credential.CertificateFacts(
        number=number, person=event.person, holder_name=event.holder_name,
        resident_id_masked=event.resident_id_masked, occupation_code=event.occupation_code,
        occupation_name=event.occupation_name, level=event.level, issue_date=issue_date,
        issuing_organisation=event.organisation_name, institution=event.institution)
    now = utcnow()
    signed = keys.sign(credential.document(facts, keys.issuer_id(), closed), created=now)
    uow.session.add(CertificateRow(
        number=number, candidate=event.candidate, person_id=event.person.removeprefix("persons/"),
        holder_name=event.holder_name, resident_id_masked=event.resident_id_masked,
        occupation_code=event.occupation_code, occupation_name=event.occupation_name,
        level=event.level, issue_date=issue_date, issuing_organisation=event.organisation_name,
        institution=event.institution, status=pb.CERTIFICATE_STATUS_VALID,
        key_id=keys.active_key_id, credential_json=json.dumps(signed, ensure_ascii=False),
        created_at=now))
    uow.emit(new_event(events_pb2.CertificateIssued, certificate=f"certificates/{number}",
                       number=number, person=event.person, holder_name=event.holder_name,
                       occupation_code=event.occupation_code,
                       occupation_name=event.occupation_name, level=event.level,
                       issue_date=issue_date.isoformat(),
                       issuing_organisation=event.organisation_name,
                       institution=event.institution, candidate=event.candidate))


def get_certificate(uow: UnitOfWork, number: str) -> CertificateRow:
    with uow:
        row = uow.session.get(CertificateRow, number)
        if row is None:
            raise NotFound(f"certificates/{number} does not exist")
        return row


def list_certificates(uow: UnitOfWork, person_id: str, page_size: int,
                      after: str | None) -> tuple[list[CertificateRow], str | None]:
    stmt = select(CertificateRow)
    if person_id:
        stmt = stmt.where(CertificateRow.person_id == person_id)
    if after:
        stmt = stmt.where(CertificateRow.number > after)
    with uow:
        rows = uow.session.scalars(stmt.order_by(CertificateRow.number).limit(page_size + 1)).all()
    return paging.split_page(rows, page_size, key=lambda r: r.number)


@dataclass(frozen=True)
class Lookup:
    certificate: CertificateRow
    signature_verified: bool


def lookup(uow: UnitOfWork, keys: KeyRing, number: str, holder_name: str) -> Lookup:
    """CERT-4: the number and the holder's name together; an unknown number and a wrong
    name are the same NotFound, so the lookup confirms but never discloses."""
    with uow:
        row = uow.session.get(CertificateRow, number)
    if row is None or not hmac.compare_digest(row.holder_name.encode(),
                                              holder_name.strip().encode()):
        raise NotFound("no certificate with this number and holder name")
    return Lookup(row, keys.verify(row.credential_json))


def list_keys(uow: UnitOfWork) -> list[SigningKeyRow]:
    with uow:
        return list(uow.session.scalars(select(SigningKeyRow).order_by(SigningKeyRow.created_at)))
