"""registry's aggregates to and from its rows; personal data sealed on the way in."""

import json
from dataclasses import dataclass

from datetime import datetime, timezone

from sqlalchemy import select, update

from anbao.certificates.v1 import certificates_pb2 as certificates
from anbao.registry.v1 import registry_pb2 as pb

from servicekit import divisions, paging
from servicekit.errors import Aborted, NotFound
from servicekit.fieldcrypto import BlindIndex, BlindIndexes, FieldCipher
from servicekit.repository import Repositories, Repository
from servicekit.resident_id import validate_resident_id

from ..domain.commands import SearchTalent
from ..domain.people import PERSONAL, Change, EmploymentPeriod, HeldCertificate, Person
from .orm import EmploymentPeriodRow, HeldCertificateRow, PersonChangeRow, PersonRow
from .talent import TalentPool
from .talent_orm import ListingConsentRow

CHANGE_KINDS = {"REGISTERED": 1, "UPDATED": 2, "MERGED": 3, "MERGED_INTO": 4, "KEYS_ROTATED": 5}


@dataclass(frozen=True)
class Protector:
    """Encrypts personal data and indexes the resident ID for exact lookup, each with
    versioned keys (POOL-5 rotation: the current version seals, every version reads)."""

    cipher: FieldCipher
    index: BlindIndexes

    def __post_init__(self):
        if isinstance(self.index, BlindIndex):  # one key: version 1
            object.__setattr__(self, "index", BlindIndexes({1: self.index}, 1))

    def digest(self, field_name: str, value: str) -> str:
        """A keyed digest of a personal value for the history: equal values compare equal,
        nothing else can be learnt without the key."""
        return self.index.of(f"history:{field_name}:{value}")[:32]


class People(Repository[Person]):
    def __init__(self, session, protector: Protector):
        super().__init__(session)
        self._protector = protector
        self._loaded_versions: dict[str, int] = {}

    def get(self, person_id: str, *, for_update: bool = False) -> Person:
        """The person; a person merged into another is NOT_FOUND naming the survivor.
        `for_update` locks the row (PostgreSQL) and writes the person back at commit."""
        stmt = select(PersonRow).where(PersonRow.id == person_id)
        row = self.session.scalars(stmt.with_for_update() if for_update else stmt).first()
        if row is None:
            raise NotFound(f"persons/{person_id} does not exist")
        if row.merged_into:
            raise NotFound(f"persons/{person_id} was merged into persons/{row.merged_into}; "
                           f"use persons/{row.merged_into}")
        person = self._load([row])[0]
        if not for_update:
            return person
        self._loaded_versions[person.id] = row.version  # the condition of the write
        return self._track(person)

    def by_resident_id(self, resident_id: str) -> Person | None:
        """POOL-5: while keys rotate, a row may still be indexed under an older blind-index
        key, so every configured version is tried. A merged person leads to the survivor."""
        row = self.session.scalars(select(PersonRow).where(
            PersonRow.resident_id_index.in_(self._protector.index.candidates(resident_id)))).first()
        if row is None:
            return None
        if row.merged_into:
            row = self.session.get(PersonRow, row.merged_into)
        return self._load([row])[0]

    def phone(self, person: Person) -> str:
        row = self.session.get(PersonRow, person.id)
        return self._protector.cipher.decrypt(row.phone_cipher, "person.phone")

    def history(self, person_id: str, page: paging.Page) -> tuple[list[tuple[str, Change, dict]], str]:
        """The changes of a person and of those merged into it, oldest first."""
        ids = [person_id, *self.session.scalars(select(PersonRow.id).where(
            PersonRow.merged_into == person_id))]
        stmt = select(PersonChangeRow).where(PersonChangeRow.person_id.in_(ids))
        if page.after is not None:
            stmt = stmt.where(PersonChangeRow.seq > int(page.after))
        rows = self.session.scalars(stmt.order_by(PersonChangeRow.seq).limit(page.size + 1)).all()
        items, last = paging.split_page(rows, page.size, key=lambda r: str(r.seq))
        kinds = {v: k for k, v in CHANGE_KINDS.items()}
        return [(f"persons/{r.person_id}",
                 Change(kinds[r.kind], r.actor, r.actor_role, r.change_time,
                        tuple(json.loads(r.fields)), r.other_person),
                 json.loads(r.value_digests)) for r in items], \
            paging.encode_token(last) if last else ""

    def search(self, query: SearchTalent) -> tuple[list[Person], str]:
        holders = select(HeldCertificateRow.person_id).where(
            HeldCertificateRow.status == certificates.CERTIFICATE_STATUS_VALID)
        if query.occupation_code:
            holders = holders.where(HeldCertificateRow.occupation_code == query.occupation_code)
        if query.level:
            holders = holders.where(HeldCertificateRow.level == query.level)
        stmt = select(PersonRow).where(PersonRow.id.in_(holders))
        if query.region_code:
            stmt = stmt.where(PersonRow.region_code.startswith(
                divisions.division_prefix(query.region_code)))
        if query.industry:
            stmt = stmt.where(PersonRow.industry == query.industry)
        if query.employer_unit:
            stmt = stmt.where(PersonRow.employer_unit == query.employer_unit)
        # POOL-2: a person who withdrew consent to be listed is not found
        stmt = stmt.where(PersonRow.id.not_in(select(ListingConsentRow.person_id).where(
            ListingConsentRow.consent == pb.LISTING_CONSENT_WITHDRAWN)))
        rows, token = paging.fetch_page(self.session, stmt, PersonRow.id, query.page)
        return self._load(rows), token

    def _load(self, rows: list[PersonRow]) -> list[Person]:
        held = self.session.scalars(select(HeldCertificateRow).where(
            HeldCertificateRow.person_id.in_([r.id for r in rows]))
            .order_by(HeldCertificateRow.issue_date, HeldCertificateRow.number)).all()
        periods = self.session.scalars(select(EmploymentPeriodRow).where(
            EmploymentPeriodRow.person_id.in_([r.id for r in rows]))
            .order_by(EmploymentPeriodRow.start_date, EmploymentPeriodRow.id)).all()
        return [Person(
            id=r.id, full_name=r.full_name, resident_id_masked=r.resident_id_masked,
            gender=r.gender, phone_masked=r.phone_masked,
            region_code=r.region_code, employer_unit=r.employer_unit, industry=r.industry,
            guard_certificate_date=r.guard_certificate_date, created_at=r.created_at,
            certificates=[HeldCertificate(h.number, h.person_id, h.occupation_code, h.level,
                                          h.issue_date, h.issuing_organisation)
                          for h in held if h.person_id == r.id],
            version=r.version, updated_at=r.updated_at, employer_uscc=r.employer_uscc,
            education=r.education, guard_certificate_number=r.guard_certificate_number,
            guard_certificate_evidence=r.guard_certificate_evidence,
            employment=[EmploymentPeriod(e.employer_unit, e.employer_uscc, e.industry,
                                         e.start_date, e.end_date)
                        for e in periods if e.person_id == r.id],
            merged_into=r.merged_into) for r in rows]

    def reveal(self, person: Person) -> Person:
        """Decrypts the person's resident ID for the roles that may see more of it."""
        row = self.session.get(PersonRow, person.id)
        value = self._protector.cipher.decrypt(row.resident_id_cipher, "person.resident_id")
        return person.revealed(validate_resident_id(value))

    def add_certificate(self, held: HeldCertificate) -> bool:
        """False when the profile already holds it (the event came twice)."""
        if self.session.get(HeldCertificateRow, held.number) is not None:
            return False
        self.touched.add(f"persons/{held.person_id}")
        self.session.add(HeldCertificateRow(
            number=held.number, person_id=held.person_id, occupation_code=held.occupation_code,
            level=held.level, issue_date=held.issue_date,
            issuing_organisation=held.issuing_organisation))
        return True

    def set_certificate_status(self, number: str, status: int, at: datetime) -> bool:
        """False when the profile does not hold it, or a later change is already applied."""
        row = self.session.get(HeldCertificateRow, number)
        if row is None:
            return False
        if row.status_changed_at is not None and _naive(row.status_changed_at) > _naive(at):
            return False
        self.touched.add(f"persons/{row.person_id}")
        row.status, row.status_changed_at = status, at
        return True

    def _write(self, person: Person) -> None:
        if person.secrets is not None:
            self._insert(person)
        elif person.changes:
            self._update(person)
        self._write_changes(person)

    def _insert(self, person: Person) -> None:
        p, s, seal = person, person.secrets, self._protector.cipher.encrypt
        self.session.add(PersonRow(
            id=p.id, full_name=p.full_name, resident_id_index=self._protector.index.of(s.resident_id),
            resident_id_cipher=seal(s.resident_id, "person.resident_id"),
            resident_id_masked=p.resident_id_masked, gender=p.gender,
            phone_cipher=seal(s.phone, "person.phone"), phone_masked=p.phone_masked,
            region_code=p.region_code, employer_unit=p.employer_unit, industry=p.industry,
            guard_certificate_date=p.guard_certificate_date, created_at=p.created_at,
            employer_uscc=p.employer_uscc, education=p.education,
            guard_certificate_number=p.guard_certificate_number,
            guard_certificate_evidence=p.guard_certificate_evidence,
            field_key_id=self._protector.cipher.current,
            index_key_id=self._protector.index.current))
        self._write_employment(p)
        person.secrets = None

    def _update(self, p: Person) -> None:
        """Writes a changed person if nobody else did since it was loaded (AIP-154): the
        version it was loaded at is the condition of the UPDATE."""
        row = self.session.get(PersonRow, p.id)
        loaded_version = self._loaded_versions[p.id]
        values = dict(
            full_name=p.full_name, phone_masked=p.phone_masked, region_code=p.region_code,
            employer_unit=p.employer_unit, employer_uscc=p.employer_uscc, industry=p.industry,
            education=p.education, guard_certificate_number=p.guard_certificate_number,
            guard_certificate_date=p.guard_certificate_date,
            guard_certificate_evidence=p.guard_certificate_evidence,
            merged_into=p.merged_into, version=p.version, updated_at=p.updated_at)
        if p.new_phone is not None:
            values.update(phone_cipher=self._protector.cipher.encrypt(p.new_phone, "person.phone"),
                          field_key_id=self._protector.cipher.current)
            if row.field_key_id != self._protector.cipher.current:  # one key id per row
                rid = self._protector.cipher.decrypt(row.resident_id_cipher, "person.resident_id")
                values["resident_id_cipher"] = self._protector.cipher.encrypt(
                    rid, "person.resident_id")
        updated = self.session.execute(
            update(PersonRow).where(PersonRow.id == p.id, PersonRow.version == loaded_version)
            .values(**values).execution_options(synchronize_session=False))
        if updated.rowcount != 1:
            raise Aborted(f"{p.name} changed concurrently; read it again")
        self.session.expire(row)
        if p.merged_into:  # its certificates now belong to the survivor
            self.session.execute(update(HeldCertificateRow)
                                 .where(HeldCertificateRow.person_id == p.id)
                                 .values(person_id=p.merged_into)
                                 .execution_options(synchronize_session=False))
        self._write_employment(p)

    def _write_employment(self, p: Person) -> None:
        """The service history as the person holds it now (a handful of rows)."""
        self.session.execute(EmploymentPeriodRow.__table__.delete().where(
            EmploymentPeriodRow.person_id == p.id))
        self.session.add_all([EmploymentPeriodRow(
            person_id=p.id, employer_unit=e.employer_unit, employer_uscc=e.employer_uscc,
            industry=e.industry, start_date=e.start_date, end_date=e.end_date)
            for e in p.employment])

    def _write_changes(self, p: Person) -> None:
        for change in p.changes:
            digests = {}
            if change.kind == "UPDATED":
                for f in change.fields:
                    if f in PERSONAL:
                        value = p.new_phone if f == "phone" else getattr(p, f)
                        digests[f] = self._protector.digest(f, value)
            self.session.add(PersonChangeRow(
                person_id=p.id, change_time=change.at, actor=change.actor,
                actor_role=change.actor_role, kind=CHANGE_KINDS[change.kind],
                fields=json.dumps(list(change.fields)), value_digests=json.dumps(digests),
                other_person=change.other_person))
        p.changes.clear()
        p.new_phone = None


def _naive(value: datetime) -> datetime:
    """UTC without its zone, as SQLite hands it back."""
    return value if value.tzinfo is None else value.astimezone(timezone.utc).replace(tzinfo=None)


class RegistryRepositories(Repositories):
    def __init__(self, session, protector: Protector):
        super().__init__(session)
        self.people = People(session, protector)
        self.talent = TalentPool(session)
