"""registry's use cases: one transaction each."""

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from anbao.certificates.v1 import events_pb2 as certificate_events
from anbao.registry.v1 import events_pb2
from servicekit import divisions, masking, paging
from servicekit.errors import NotFound
from servicekit.fieldcrypto import BlindIndex, FieldCipher
from servicekit.unitofwork import UnitOfWork, new_event, utcnow

from .adapters.orm import HeldCertificateRow, PersonRow
from .domain import Registration, TalentQuery


@dataclass(frozen=True)
class Protector:
    """Encrypts personal data and indexes the resident ID for exact lookup."""

    cipher: FieldCipher
    index: BlindIndex


@dataclass
class PersonView:
    person: PersonRow
    certificates: list[HeldCertificateRow]


def _certificates(uow: UnitOfWork, person_ids: list[str]) -> dict[str, list[HeldCertificateRow]]:
    rows = uow.session.scalars(select(HeldCertificateRow)
                               .where(HeldCertificateRow.person_id.in_(person_ids))
                               .order_by(HeldCertificateRow.issue_date)).all()
    grouped: dict[str, list[HeldCertificateRow]] = {pid: [] for pid in person_ids}
    for row in rows:
        grouped[row.person_id].append(row)
    return grouped


def _find_by_resident_id(uow: UnitOfWork, protector: Protector, value: str) -> PersonRow | None:
    return uow.session.scalars(select(PersonRow).where(
        PersonRow.resident_id_index == protector.index.of(value))).first()


def register_person(uow: UnitOfWork, protector: Protector, reg: Registration) -> PersonView:
    """Idempotent on the resident ID: a second registration returns the first person."""
    rid = reg.resident_id.value
    with uow:
        existing = _find_by_resident_id(uow, protector, rid)
        if existing is None:
            person = PersonRow(
                id=uuid.uuid4().hex, full_name=reg.full_name,
                resident_id_index=protector.index.of(rid),
                resident_id_cipher=protector.cipher.encrypt(rid, "person.resident_id"),
                resident_id_masked=masking.mask_resident_id(rid),
                gender=1 if reg.resident_id.gender == "MALE" else 2,
                birth_date=reg.resident_id.birth_date,
                phone_cipher=protector.cipher.encrypt(reg.phone, "person.phone"),
                phone_masked=masking.mask_phone(reg.phone), region_code=reg.region_code,
                employer_unit=reg.employer_unit, industry=reg.industry,
                guard_certificate_date=reg.guard_certificate_date, created_at=utcnow())
            uow.session.add(person)
            uow.emit(new_event(events_pb2.PersonRegistered, person=f"persons/{person.id}",
                               full_name=person.full_name,
                               resident_id_masked=person.resident_id_masked,
                               region_code=person.region_code))
            try:
                uow.commit()
                return PersonView(person, [])
            except IntegrityError:  # a concurrent registration of the same ID won
                uow.session.rollback()
                existing = _find_by_resident_id(uow, protector, rid)
        return PersonView(existing, _certificates(uow, [existing.id])[existing.id])


def get_person(uow: UnitOfWork, person_id: str) -> PersonView:
    with uow:
        person = uow.session.get(PersonRow, person_id)
        if person is None:
            raise NotFound(f"persons/{person_id} does not exist")
        return PersonView(person, _certificates(uow, [person_id])[person_id])


def search_talent(uow: UnitOfWork, query: TalentQuery, page_size: int,
                  after: str | None) -> tuple[list[PersonView], str | None]:
    """POOL-2: certified people by occupation, level, region and industry; keyset pages."""
    stmt = select(PersonRow).where(PersonRow.id.in_(_holders(query)))
    if query.region_code:
        stmt = stmt.where(PersonRow.region_code.startswith(divisions.division_prefix(query.region_code)))
    if query.industry:
        stmt = stmt.where(PersonRow.industry == query.industry)
    if after:
        stmt = stmt.where(PersonRow.id > after)
    with uow:
        rows = uow.session.scalars(stmt.order_by(PersonRow.id).limit(page_size + 1)).all()
        people, last = paging.split_page(rows, page_size, key=lambda p: p.id)
        held = _certificates(uow, [p.id for p in people])
        return [PersonView(p, held[p.id]) for p in people], last


def _holders(query: TalentQuery):
    stmt = select(HeldCertificateRow.person_id)
    if query.occupation_code:
        stmt = stmt.where(HeldCertificateRow.occupation_code == query.occupation_code)
    if query.level:
        stmt = stmt.where(HeldCertificateRow.level == query.level)
    return stmt


def on_certificate_issued(uow: UnitOfWork, event: certificate_events.CertificateIssued) -> None:
    """Adds the certificate to the holder's talent-pool profile (POOL-1)."""
    if uow.session.get(HeldCertificateRow, event.number) is not None:
        return
    uow.session.add(HeldCertificateRow(
        number=event.number, person_id=event.person.removeprefix("persons/"),
        occupation_code=event.occupation_code, level=event.level,
        issue_date=date.fromisoformat(event.issue_date),
        issuing_organisation=event.issuing_organisation))
