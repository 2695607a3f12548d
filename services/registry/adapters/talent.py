"""The talent pool's facts to and from their rows (talent_orm.py)."""

from dataclasses import asdict
from datetime import date, datetime

from sqlalchemy import and_, func, select

from anbao.certificates.v1 import certificates_pb2 as certificates
from anbao.registry.v1 import registry_pb2 as pb
from servicekit import divisions
from servicekit.errors import AlreadyExists
from servicekit.repository import Repository

from ..domain.talent import (CadreAppointment, EarlierCertificate, SubsidyPaid, TalentProfile,
                             TrainingRecord)
from .orm import HeldCertificateRow, PersonRow
from .talent_orm import (CadreAppointmentRow, EarlierCertificateRow, ListingConsentRow,
                         SubsidyPaidRow, TrainingRecordRow)


def _earlier(r: EarlierCertificateRow) -> EarlierCertificate:
    return EarlierCertificate(r.person_id, r.format, r.number, r.occupation_code, r.level,
                              r.issue_date, r.issuing_authority, r.verified, r.created_at)


def _appointment(r: CadreAppointmentRow) -> CadreAppointment:
    return CadreAppointment(r.id, r.person_id, r.unit_name, r.unit_uscc, r.industry,
                            r.appointed_date, r.new_cadre, r.created_at)


def _training(r: TrainingRecordRow) -> TrainingRecord:
    return TrainingRecord(r.training_class, r.person_id, r.class_code, r.institution_name,
                          r.region_code, r.occupation_code, r.level, r.purpose, r.class_hours,
                          r.start_date, r.end_date)


class TalentPool(Repository[None]):
    """Facts are appended, never edited in place, so there is no aggregate to write back:
    each method adds its row and names the person it touched for the audit log."""

    def _write(self, aggregate) -> None:  # pragma: no cover - nothing is tracked
        pass

    def add_earlier_certificate(self, cert: EarlierCertificate) -> EarlierCertificate:
        """The same number declared again for the same person returns the first record;
        a number another person declared is ALREADY_EXISTS (POOL-1)."""
        same = self.session.get(EarlierCertificateRow, (cert.person_id, cert.number))
        if same is not None:
            return _earlier(same)
        other = self.session.scalars(select(EarlierCertificateRow).where(
            EarlierCertificateRow.number == cert.number)).first()
        if other is not None:
            raise AlreadyExists(f"certificate number {cert.number} is declared by another person")
        self.session.add(EarlierCertificateRow(**asdict(cert)))
        self.touched.add(f"persons/{cert.person_id}")
        return cert

    def add_appointment(self, appointment: CadreAppointment) -> CadreAppointment:
        self.session.add(CadreAppointmentRow(**asdict(appointment)))
        self.touched.add(f"persons/{appointment.person_id}")
        return appointment

    def set_consent(self, person_id: str, consent: int, at: datetime) -> None:
        row = self.session.get(ListingConsentRow, person_id)
        if row is None:
            self.session.add(ListingConsentRow(person_id=person_id, consent=consent,
                                               changed_at=at))
        else:
            row.consent, row.changed_at = consent, at
        self.touched.add(f"persons/{person_id}")

    def add_training(self, records: list[TrainingRecord]) -> int:
        """Adds the records not held yet (a class is applied once per trainee); how many."""
        added = 0
        for record in records:
            held = self.session.scalars(select(TrainingRecordRow.id).where(
                TrainingRecordRow.training_class == record.training_class,
                TrainingRecordRow.person_id == record.person_id)).first()
            if held is None:
                self.session.add(TrainingRecordRow(**asdict(record)))
                self.touched.add(f"persons/{record.person_id}")
                added += 1
        return added

    def add_subsidy(self, paid: SubsidyPaid) -> bool:
        if self.session.get(SubsidyPaidRow, paid.claim) is not None:
            return False
        self.session.add(SubsidyPaidRow(**asdict(paid)))
        self.touched.add(f"persons/{paid.person_id}")
        return True

    def profile(self, person_id: str) -> TalentProfile:
        s = self.session
        consent = s.get(ListingConsentRow, person_id)
        return TalentProfile(
            person_id=person_id,
            listing_consent=consent.consent if consent else pb.LISTING_CONSENT_UNSPECIFIED,
            earlier_certificates=[_earlier(r) for r in s.scalars(
                select(EarlierCertificateRow).where(EarlierCertificateRow.person_id == person_id)
                .order_by(EarlierCertificateRow.issue_date, EarlierCertificateRow.number))],
            training_records=self.trainings([person_id]).get(person_id, []),
            cadre_appointments=[_appointment(r) for r in s.scalars(
                select(CadreAppointmentRow).where(CadreAppointmentRow.person_id == person_id)
                .order_by(CadreAppointmentRow.appointed_date, CadreAppointmentRow.id))])

    def trainings(self, person_ids: list[str]) -> dict[str, list[TrainingRecord]]:
        out: dict[str, list[TrainingRecord]] = {}
        for r in self.session.scalars(select(TrainingRecordRow).where(
                TrainingRecordRow.person_id.in_(person_ids))
                .order_by(TrainingRecordRow.end_date, TrainingRecordRow.training_class)):
            out.setdefault(r.person_id, []).append(_training(r))
        return out

    def current_cadres(self, region_code: str) -> list[tuple[PersonRow, CadreAppointment]]:
        """Each cadre's latest appointment (a re-appointment replaces the earlier one),
        with the person, of people registered in the region."""
        latest = (select(CadreAppointmentRow.person_id,
                         func.max(CadreAppointmentRow.appointed_date).label("appointed"))
                  .group_by(CadreAppointmentRow.person_id).subquery())
        stmt = (select(PersonRow, CadreAppointmentRow)
                .join(latest, latest.c.person_id == PersonRow.id)
                .join(CadreAppointmentRow, and_(
                    CadreAppointmentRow.person_id == latest.c.person_id,
                    CadreAppointmentRow.appointed_date == latest.c.appointed)))
        if region_code:
            stmt = stmt.where(PersonRow.region_code.startswith(
                divisions.division_prefix(region_code)))
        seen: dict[str, tuple[PersonRow, CadreAppointment]] = {}
        for person, row in self.session.execute(stmt.order_by(CadreAppointmentRow.created_at)):
            seen[person.id] = (person, _appointment(row))  # same day: the last recorded
        return list(seen.values())

    def certificates_obtained(self, region_code: str, year: int) -> dict[tuple[str, int], int]:
        """POOL-4: skill certificates obtained in the year by people of the region: one per
        (person, occupation, level), in the year of the first, none revoked."""
        h = HeldCertificateRow
        first = (select(h.person_id, h.occupation_code, h.level,
                        func.min(h.issue_date).label("first"))
                 .join(PersonRow, PersonRow.id == h.person_id)
                 .where(h.status != certificates.CERTIFICATE_STATUS_REVOKED,
                        PersonRow.region_code.startswith(divisions.division_prefix(region_code)))
                 .group_by(h.person_id, h.occupation_code, h.level).subquery())
        rows = self.session.execute(
            select(first.c.occupation_code, first.c.level, func.count())
            .where(first.c.first >= date(year, 1, 1), first.c.first <= date(year, 12, 31))
            .group_by(first.c.occupation_code, first.c.level)
            .order_by(first.c.occupation_code, first.c.level)).all()
        return {(code, level): count for code, level, count in rows}

    def subsidies(self, region_code: str, year: int) -> tuple[int, int]:
        """POOL-4's incentives: subsidies paid in the year in the region (count, fen)."""
        count, fen = self.session.execute(
            select(func.count(), func.coalesce(func.sum(SubsidyPaidRow.amount_fen), 0)).where(
                SubsidyPaidRow.region_code.startswith(divisions.division_prefix(region_code)),
                SubsidyPaidRow.paid_date >= date(year, 1, 1),
                SubsidyPaidRow.paid_date <= date(year, 12, 31))).one()
        return int(count), int(fen)
