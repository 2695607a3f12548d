"""certificates' aggregates to and from their rows."""

import secrets
from datetime import datetime
from typing import Callable

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from anbao.certificates.v1 import events_pb2
from servicekit import paging
from servicekit.db import Prepared
from servicekit.errors import NotFound
from servicekit.repository import Repositories, Repository

from ..domain import statuslist
from ..domain.certificates import Certificate, StatusChange
from .employer_store import Deliveries, Employers, Watches
from .orm import (CertificateRow, OrganisationStatusRow, SerialCounterRow, SigningKeyRow,
                  StatusChangeRow, StatusEntryRow, StatusListRow)

_FIELDS = ("number", "candidate", "person_id", "holder_name", "resident_id_masked",
           "occupation_code", "occupation_name", "level", "issue_date", "issuing_organisation",
           "institution", "status", "key_id", "credential_json", "created_at", "region_code",
           "holding", "status_changed_at", "revocation_reason", "status_reason", "replaced_by",
           "replaces", "evaluation_organisation", "kind", "training_class")
# what a status change writes back
_STATUS_FIELDS = ("status", "holding", "status_changed_at", "revocation_reason",
                  "status_reason", "replaced_by")


_COLUMNS = CertificateRow.__table__.c
_ROWS = select(*(_COLUMNS[k] for k in _FIELDS))
_BY_NUMBER = Prepared(_ROWS.where(_COLUMNS.number == bindparam("number")))
_HELD_BY = Prepared(_ROWS.where(_COLUMNS.number == bindparam("number"),
                                _COLUMNS.holder_name == bindparam("holder_name")))


def _certificate(row: CertificateRow) -> Certificate:
    return Certificate(**{k: getattr(row, k) for k in _FIELDS})


class Certificates(Repository[Certificate]):
    # called with each CertificateStatusChanged as its change is written
    on_status_changed: Callable[[events_pb2.CertificateStatusChanged, datetime], None] | None \
        = None

    def get(self, number: str) -> Certificate:
        found = self.find(number)
        if found is None:
            raise NotFound(f"certificates/{number} does not exist")
        return self._track(found)

    def find(self, number: str) -> Certificate | None:
        row = self.session.get(CertificateRow, number)
        return _certificate(row) if row is not None else None

    def held_by(self, number: str, holder_name: str) -> Certificate | None:
        """For queries: the certificate with this number and holder, in one prepared
        query on the number: an unknown number and a wrong name find nothing alike."""
        found = _HELD_BY.first(self.session.get_bind(), number=number, holder_name=holder_name)
        return Certificate(**found) if found is not None else None

    def read(self, number: str) -> Certificate:
        """For queries (outside a write transaction): the certificate, or NotFound."""
        found = _BY_NUMBER.first(self.session.get_bind(), number=number)
        if found is None:
            raise NotFound(f"certificates/{number} does not exist")
        return Certificate(**found)

    def issued_for(self, candidate: str) -> bool:
        return self.session.scalars(select(CertificateRow.number)
                                    .where(CertificateRow.candidate == candidate)).first() is not None

    def holding(self, key: str) -> Certificate | None:
        """The certificate that holds person × occupation × level, if any (CERT-1)."""
        row = self.session.scalars(select(CertificateRow)
                                   .where(CertificateRow.holding == key)).first()
        return _certificate(row) if row is not None else None

    def page(self, person_id: str, page: paging.Page,
             institution: str = "") -> tuple[list[Certificate], str]:
        stmt = select(CertificateRow)
        if person_id:
            stmt = stmt.where(CertificateRow.person_id == person_id)
        if institution:
            stmt = stmt.where(CertificateRow.institution == institution)
        rows, token = paging.fetch_page(self.session, stmt, CertificateRow.number, page)
        return [_certificate(r) for r in rows], token

    def history(self, number: str, page: paging.Page) -> tuple[list[StatusChange], str]:
        stmt = select(StatusChangeRow).where(StatusChangeRow.number == number)
        if page.after is not None:
            stmt = stmt.where(StatusChangeRow.id > int(page.after))
        rows = self.session.scalars(stmt.order_by(StatusChangeRow.id).limit(page.size + 1)).all()
        items, last = paging.split_page(rows, page.size, key=lambda r: str(r.id))
        return [StatusChange(r.from_status, r.to_status, r.actor, r.revocation_reason, r.reason,
                             r.replaced_by, r.changed_at) for r in items], \
            paging.encode_token(last) if last else ""

    def next_serial(self, series: str) -> int:
        """Atomic: the counter row is updated in the certificate's own transaction."""
        t = SerialCounterRow.__table__
        bump = update(t).where(t.c.series == series) \
            .values(last_serial=t.c.last_serial + 1).returning(t.c.last_serial)
        serial = self.session.execute(bump).scalar()
        if serial is not None:
            return serial
        try:
            with self.session.begin_nested():
                self.session.execute(insert(t).values(series=series, last_serial=1))
            return 1
        except IntegrityError:  # a concurrent issuer created the series first
            return self.session.execute(bump).scalar_one()

    def allocate_status(self, purpose: str, number: str, at: datetime) -> statuslist.Position:
        """A random free position in the purpose's open list (the spec's privacy advice),
        taken in the certificate's own transaction."""
        list_number = self._open_list(purpose, at)
        while True:
            position = secrets.randbelow(statuslist.LIST_BITS)
            try:
                with self.session.begin_nested():
                    self.session.execute(insert(StatusEntryRow.__table__).values(
                        purpose=purpose, list_number=list_number, position=position,
                        certificate=number, set=False))
                return statuslist.Position(purpose, list_number, position)
            except IntegrityError:  # taken: draw again (at most half the list is taken)
                continue

    def _open_list(self, purpose: str, at: datetime) -> int:
        """The newest list of the purpose with room; a full one opens the next."""
        t = StatusListRow.__table__
        newest = self.session.execute(select(func.max(t.c.number))
                                      .where(t.c.purpose == purpose)).scalar()
        if newest is not None:
            taken = self.session.execute(
                update(t).where(t.c.purpose == purpose, t.c.number == newest,
                                t.c.allocated < statuslist.FILL_LIMIT)
                .values(allocated=t.c.allocated + 1).returning(t.c.number)).scalar()
            if taken is not None:
                return taken
        try:
            with self.session.begin_nested():
                self.session.execute(insert(t).values(
                    purpose=purpose, number=(newest or 0) + 1, allocated=1, version=0,
                    changed_at=at))
            return (newest or 0) + 1
        except IntegrityError:  # a concurrent issuer opened it first
            return self._open_list(purpose, at)

    def status_list(self, purpose: str, list_number: int) -> tuple[StatusListRow, list[int]]:
        row = self.session.get(StatusListRow, (purpose, list_number))
        if row is None:
            raise NotFound(f"status list {purpose}/{list_number} does not exist")
        e = StatusEntryRow
        positions = self.session.scalars(select(e.position).where(
            e.purpose == purpose, e.list_number == list_number, e.set.is_(True))).all()
        return row, list(positions)

    def list_version(self, purpose: str, list_number: int) -> int | None:
        return self.session.scalars(select(StatusListRow.version).where(
            StatusListRow.purpose == purpose, StatusListRow.number == list_number)).first()

    def _write(self, certificate: Certificate) -> None:
        row = self.session.get(CertificateRow, certificate.number)
        if row is None:
            self.session.add(CertificateRow(**{k: getattr(certificate, k) for k in _FIELDS}))
            return
        for name in _STATUS_FIELDS:
            setattr(row, name, getattr(certificate, name))
        self.session.flush()  # frees `holding` before a replacement takes it
        for change in certificate.changes:
            self.session.add(StatusChangeRow(number=certificate.number, **vars(change)))
        for event in certificate.events:  # EMP-2: watchers hear of it in this transaction
            if isinstance(event, events_pb2.CertificateStatusChanged) and self.on_status_changed:
                self.on_status_changed(event, certificate.status_changed_at)
        if certificate.changes:
            self._set_bits(certificate.number, statuslist.bits_for(certificate.status),
                           certificate.changes[-1].changed_at)
        certificate.changes.clear()

    def _set_bits(self, number: str, bits: dict[str, bool], at: datetime) -> None:
        """Sets the certificate's bits; a list whose bits changed gets a new version."""
        entries = self.session.scalars(select(StatusEntryRow)
                                       .where(StatusEntryRow.certificate == number)).all()
        for entry in entries:
            if entry.set != bits[entry.purpose]:
                entry.set = bits[entry.purpose]
                t = StatusListRow.__table__
                self.session.execute(update(t).where(
                    t.c.purpose == entry.purpose, t.c.number == entry.list_number)
                    .values(version=t.c.version + 1, changed_at=at))

    def keys(self) -> list[SigningKeyRow]:
        return list(self.session.scalars(select(SigningKeyRow)
                                         .order_by(SigningKeyRow.created_at)))


class Organisations:
    """Evaluation organisations' status history (from InstitutionStatusChanged)."""

    def __init__(self, session):
        self.session = session

    def record(self, *, event_id: str, institution: str, display_name: str, status: int,
               at: datetime) -> None:
        self.session.add(OrganisationStatusRow(event_id=event_id, institution=institution,
                                               display_name=display_name, status=status,
                                               changed_at=at))

    def status_at(self, institution: str, before: datetime) -> tuple[bool, int | None]:
        """(known at all, its last status before `before` — None if it had none yet)."""
        o = OrganisationStatusRow
        known = self.session.scalars(select(o.event_id).where(o.institution == institution)
                                     .limit(1)).first() is not None
        status = self.session.scalars(select(o.status).where(
            o.institution == institution, o.changed_at < before)
            .order_by(o.changed_at.desc()).limit(1)).first()
        return known, status


class CertificatesRepositories(Repositories):
    def __init__(self, session):
        super().__init__(session)
        self.certificates = Certificates(session)
        self.organisations = Organisations(session)
        self.employers = Employers(session)
        self.watches = Watches(session)
        self.deliveries = Deliveries(session)
        self.certificates.on_status_changed = self.deliveries.enqueue
