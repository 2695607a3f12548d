"""registry's aggregates to and from its rows; personal data sealed on the way in."""

from dataclasses import dataclass

from datetime import datetime, timezone

from sqlalchemy import select

from anbao.certificates.v1 import certificates_pb2 as certificates
from anbao.registry.v1 import registry_pb2 as pb

from servicekit import divisions, paging
from servicekit.errors import NotFound
from servicekit.fieldcrypto import BlindIndex, FieldCipher
from servicekit.repository import Repositories, Repository
from servicekit.resident_id import validate_resident_id

from ..domain.commands import SearchTalent
from ..domain.people import HeldCertificate, Person
from .orm import HeldCertificateRow, PersonRow
from .talent import TalentPool
from .talent_orm import ListingConsentRow


@dataclass(frozen=True)
class Protector:
    """Encrypts personal data and indexes the resident ID for exact lookup."""

    cipher: FieldCipher
    index: BlindIndex


class People(Repository[Person]):
    def __init__(self, session, protector: Protector):
        super().__init__(session)
        self._protector = protector

    def get(self, person_id: str) -> Person:
        row = self.session.get(PersonRow, person_id)
        if row is None:
            raise NotFound(f"persons/{person_id} does not exist")
        return self._load([row])[0]

    def by_resident_id(self, resident_id: str) -> Person | None:
        row = self.session.scalars(select(PersonRow).where(
            PersonRow.resident_id_index == self._protector.index.of(resident_id))).first()
        return self._load([row])[0] if row is not None else None

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
        return [Person(
            id=r.id, full_name=r.full_name, resident_id_masked=r.resident_id_masked,
            gender=r.gender, phone_masked=r.phone_masked,
            region_code=r.region_code, employer_unit=r.employer_unit, industry=r.industry,
            guard_certificate_date=r.guard_certificate_date, created_at=r.created_at,
            certificates=[HeldCertificate(h.number, h.person_id, h.occupation_code, h.level,
                                          h.issue_date, h.issuing_organisation)
                          for h in held if h.person_id == r.id]) for r in rows]

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
        if person.secrets is None:  # loaded people do not change yet
            return
        p, s, seal = person, person.secrets, self._protector.cipher.encrypt
        self.session.add(PersonRow(
            id=p.id, full_name=p.full_name, resident_id_index=self._protector.index.of(s.resident_id),
            resident_id_cipher=seal(s.resident_id, "person.resident_id"),
            resident_id_masked=p.resident_id_masked, gender=p.gender,
            phone_cipher=seal(s.phone, "person.phone"), phone_masked=p.phone_masked,
            region_code=p.region_code, employer_unit=p.employer_unit, industry=p.industry,
            guard_certificate_date=p.guard_certificate_date, created_at=p.created_at))
        person.secrets = None


def _naive(value: datetime) -> datetime:
    """UTC without its zone, as SQLite hands it back."""
    return value if value.tzinfo is None else value.astimezone(timezone.utc).replace(tzinfo=None)


class RegistryRepositories(Repositories):
    def __init__(self, session, protector: Protector):
        super().__init__(session)
        self.people = People(session, protector)
        self.talent = TalentPool(session)
