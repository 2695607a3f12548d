"""A class's subsidies (domain/subsidies.py) to and from their rows."""

from datetime import date

import hashlib

from sqlalchemy import delete, select, text

from servicekit import paging
from servicekit.repository import Repository

from ..domain.subsidies import (Agreement, Certificate, ClassFacts, ClassSubsidies, Claim,
                                FraudCase, Objection, PriorClaim)
from .orm import CompletionCertificateRow, TrainingClassRow
from .subsidy_orm import FraudCaseRow, SubsidyClaimRow, SubsidyLedgerRow, SubsidyObjectionRow

_CLAIM_STATE = ("state", "publicity_start", "publicity_end", "paid_on")


def _claim(row: SubsidyClaimRow, objections: list[SubsidyObjectionRow]) -> Claim:
    return Claim(
        person_id=row.person_id, trainee_name=row.trainee_name,
        certificate_number=row.certificate_number, claim_year=row.claim_year,
        amount_fen=row.amount_fen,
        agreement=Agreement(row.agreement_signed_date, row.agreement_sha256,
                            row.declares_no_other_claim),
        state=row.state, filed_by=row.filed_by, filed_at=row.filed_at,
        publicity_start=row.publicity_start, publicity_end=row.publicity_end,
        paid_on=row.paid_on,
        objections=[Objection(o.seq, o.reason, o.actor, o.recorded_at, o.decided, o.upheld,
                              o.decision_reason, o.decided_by, o.decided_at)
                    for o in objections])


class SubsidyBooks(Repository[ClassSubsidies]):
    def lock_class(self, class_id: str) -> None:
        """One change of a class's subsidies at a time (two payments at once would pay
        twice): the class's row, locked to the end of the transaction on PostgreSQL
        (SQLite write transactions are serial)."""
        self.session.execute(select(TrainingClassRow.id).where(
            TrainingClassRow.id == class_id).with_for_update())

    def lock_person(self, person_id: str) -> None:
        """TRN-5's yearly limits count a person's claims in every class: one claim of a
        person at a time (a PostgreSQL advisory lock held to commit)."""
        if self.session.get_bind().dialect.name == "postgresql":
            key = int.from_bytes(hashlib.sha256(f"subsidy/{person_id}".encode()).digest()[:8],
                                 "big", signed=True)
            self.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})

    def of_class(self, facts: ClassFacts) -> ClassSubsidies:
        rows = self.session.scalars(select(SubsidyClaimRow).where(
            SubsidyClaimRow.class_id == facts.id).order_by(SubsidyClaimRow.filed_at,
                                                           SubsidyClaimRow.person_id)).all()
        objections: dict[str, list] = {}
        for o in self.session.scalars(select(SubsidyObjectionRow).where(
                SubsidyObjectionRow.class_id == facts.id).order_by(SubsidyObjectionRow.seq)):
            objections.setdefault(o.person_id, []).append(o)
        fraud = self.session.scalars(select(FraudCaseRow).where(
            FraudCaseRow.class_id == facts.id)).first()
        return self._track(ClassSubsidies(
            facts, [_claim(r, objections.get(r.person_id, [])) for r in rows],
            None if fraud is None else FraudCase(
                fraud.id, fraud.reason, fraud.evidence, fraud.revoke_qualification,
                fraud.clawed_back_fen, tuple(filter(None, fraud.clawed_back_claims.split("\n"))),
                fraud.actor, fraud.recorded_at)))

    def page(self, class_id: str, page: paging.Page) -> tuple[list[Claim], str]:
        stmt = select(SubsidyClaimRow).where(SubsidyClaimRow.class_id == class_id)
        rows, token = paging.fetch_page(self.session, stmt, SubsidyClaimRow.person_id, page)
        objections: dict[str, list] = {}
        for o in self.session.scalars(select(SubsidyObjectionRow).where(
                SubsidyObjectionRow.class_id == class_id,
                SubsidyObjectionRow.person_id.in_([r.person_id for r in rows]))
                .order_by(SubsidyObjectionRow.seq)):
            objections.setdefault(o.person_id, []).append(o)
        return [_claim(r, objections.get(r.person_id, [])) for r in rows], token

    def prior_claims(self, person_id: str, other_than: str) -> list[PriorClaim]:
        """The person's claims in other classes (TRN-5's limits count them)."""
        rows = self.session.execute(select(
            SubsidyClaimRow.class_id, SubsidyClaimRow.occupation_code, SubsidyClaimRow.level,
            SubsidyClaimRow.claim_year, SubsidyClaimRow.state).where(
            SubsidyClaimRow.person_id == person_id,
            SubsidyClaimRow.class_id != other_than)).all()
        return [PriorClaim(f"classes/{r[0]}", r[1], r[2], r[3], r[4]) for r in rows]

    def completion_certificate(self, class_id: str, person_id: str) -> Certificate | None:
        """TRN-11: the trainee's completion certificate of the class, if certificates
        issued one (it does so only for trainees who met the hours)."""
        row = self.session.scalars(select(CompletionCertificateRow).where(
            CompletionCertificateRow.class_id == class_id,
            CompletionCertificateRow.person_id == person_id)).first()
        return None if row is None else Certificate(row.number, row.issue_date)

    def ledger(self, class_id: str = "") -> list[SubsidyLedgerRow]:
        stmt = select(SubsidyLedgerRow).order_by(SubsidyLedgerRow.id)
        if class_id:
            stmt = stmt.where(SubsidyLedgerRow.class_id == class_id)
        return list(self.session.scalars(stmt))

    def purge_ledger(self, today: date) -> int:
        """TRN-7: deletes only the entries whose retention is over; the rest stay."""
        done = self.session.execute(delete(SubsidyLedgerRow).where(
            SubsidyLedgerRow.retain_until <= today))
        return done.rowcount

    def _write(self, book: ClassSubsidies) -> None:
        facts = book.facts
        for claim in book.claims:
            row = self.session.get(SubsidyClaimRow, (facts.id, claim.person_id))
            if row is None:
                a = claim.agreement
                self.session.add(SubsidyClaimRow(
                    class_id=facts.id, person_id=claim.person_id,
                    trainee_name=claim.trainee_name,
                    certificate_number=claim.certificate_number,
                    occupation_code=facts.occupation_code, level=facts.level,
                    claim_year=claim.claim_year, amount_fen=claim.amount_fen,
                    agreement_signed_date=a.signed_date, agreement_sha256=a.document_sha256,
                    declares_no_other_claim=a.declares_no_other_claim, state=claim.state,
                    filed_by=claim.filed_by, filed_at=claim.filed_at,
                    publicity_start=claim.publicity_start, publicity_end=claim.publicity_end,
                    paid_on=claim.paid_on))
            else:
                for name in _CLAIM_STATE:
                    setattr(row, name, getattr(claim, name))
            for o in claim.objections:
                stored = self.session.get(SubsidyObjectionRow, (facts.id, claim.person_id, o.seq))
                if stored is None:
                    stored = SubsidyObjectionRow(class_id=facts.id, person_id=claim.person_id,
                                                 seq=o.seq, reason=o.reason, actor=o.actor,
                                                 recorded_at=o.recorded_at)
                    self.session.add(stored)
                stored.decided, stored.upheld = o.decided, o.upheld
                stored.decision_reason, stored.decided_by = o.decision_reason, o.decided_by
                stored.decided_at = o.decided_at
        for entry in book.ledger:  # only ever added (TRN-7)
            self.session.add(SubsidyLedgerRow(**vars(entry)))
        book.ledger.clear()
        f = book.fraud
        if f is not None and self.session.get(FraudCaseRow, f.id) is None:
            self.session.add(FraudCaseRow(
                id=f.id, class_id=facts.id, reason=f.reason, evidence=f.evidence,
                revoke_qualification=f.revoke_qualification, clawed_back_fen=f.clawed_back_fen,
                clawed_back_claims="\n".join(f.clawed_back_claims), actor=f.actor,
                recorded_at=f.recorded_at))
        self.touched.add(facts.name)
