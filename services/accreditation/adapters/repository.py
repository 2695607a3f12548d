"""accreditation's aggregates to and from its rows."""

import json
from datetime import date

from sqlalchemy import case, func, insert, or_, select
from sqlalchemy.exc import IntegrityError

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit import divisions, paging
from servicekit.errors import NotFound
from servicekit.repository import Repositories, Repository
from servicekit.unitofwork import utcnow

from ..domain.evaluators import (Affiliation, AnnualAssessment, Evaluator,
                                 PreAppointmentTraining, Term)
from ..domain.pass_rates import SessionOutcome
from ..domain.eligibility import DeclaredFact, HeldCertificate
from ..domain.exams import (Appeal, Candidate, ExamSession, ReviewDecision, ScoreEntry,
                            Scores, SessionStep)
from ..domain.launches import LevelLaunch
from ..domain.sites import ExamSite
from ..domain.calls import CallForApplications
from ..domain.institutions import (ENDED, HOLDING, BlacklistEntry, Institution, NumberingParts,
                                   QualityAssessment, SelectionDecision, StatusChange)
from ..domain.licences import TrainingLicence
from ..domain.quotas import QuotaPhase
from ..domain.supervisors import Finding, SupervisionVisit, Supervisor
from ..domain.teachers import Teacher, TeacherAssessment
from .orm import (AppealRow, BlacklistEntryRow, CallForApplicationsRow, CandidateFactRow,
                  CandidateRow, EvaluatorAffiliationRow, EvaluatorAssessmentRow, EvaluatorRow,
                  EvaluatorTermRow, ExamSessionRow, ExamSiteRow, HeldCertificateRow,
                  InstitutionOccupationRow, InstitutionRow, LevelLaunchRow, LockRow,
                  NumberingSeriesRow, OrganisationRow, PreAppointmentTrainingRow,
                  QualityAssessmentRow, QuotaPhaseRow, ReviewDecisionRow, ScoreChangeRow,
                  SelectionDecisionRow, SessionEvaluatorRow, SessionStepRow, StatusChangeRow,
                  SupervisionVisitRow, SupervisorRow, TeacherAssessmentRow, TeacherRow,
                  TrainingLicenceRow)


def _lock(session, name: str) -> None:
    """Creates the named lock's row if missing, then locks it until the transaction ends
    (a PostgreSQL row lock; SQLite write transactions are serial, BEGIN IMMEDIATE)."""
    try:
        with session.begin_nested():
            session.execute(insert(LockRow).values(name=name))
    except IntegrityError:
        pass
    session.execute(select(LockRow).where(LockRow.name == name).with_for_update())


class Institutions(Repository[Institution]):
    # the institution's append-only lists and the rows that hold them
    _LISTS = ("history", "decisions", "licences", "blacklist", "quality_assessments")

    def __init__(self, session):
        super().__init__(session)
        self._stored: dict[tuple[str, str], int] = {}  # (id, list) → entries already in rows

    def get(self, institution_id: str) -> Institution:
        row = self.session.get(InstitutionRow, institution_id)
        if row is None:
            raise NotFound(f"institutions/{institution_id} does not exist")
        return self._track(self._load(row))

    def _children(self, row_type, institution_id: str):
        return self.session.scalars(select(row_type).where(
            row_type.institution_id == institution_id).order_by(row_type.id)).all()

    def _load(self, row: InstitutionRow) -> Institution:
        history = self.session.scalars(select(StatusChangeRow).where(
            StatusChangeRow.institution_id == row.id).order_by(StatusChangeRow.id))
        codes = self.session.scalars(select(InstitutionOccupationRow.occupation_code).where(
            InstitutionOccupationRow.institution_id == row.id)
            .order_by(InstitutionOccupationRow.occupation_code)).all()
        institution = Institution(
            id=row.id, display_name=row.display_name, uscc=row.uscc, role=row.role,
            region_code=row.region_code, created_at=row.created_at, status=row.status,
            numbering=NumberingParts(row.category, row.ministry_code, row.site_serial),
            history=[StatusChange(h.from_status, h.to_status, h.actor, h.reason, h.changed_at)
                     for h in history],
            call_id=row.call_id, occupation_codes=tuple(codes),
            legal_representative=row.legal_representative, parent_uscc=row.parent_uscc,
            decisions=[SelectionDecision(d.department, d.outcome, d.actor, d.reason,
                                         d.decided_at)
                       for d in self._children(SelectionDecisionRow, row.id)],
            licences=[TrainingLicence(x.number, x.issuer, x.valid_from, x.valid_until,
                                      x.recorded_at)
                      for x in self._children(TrainingLicenceRow, row.id)],
            blacklist=[BlacklistEntry(b.reason, b.evidence, b.actor, b.qualification_revoked,
                                      b.blacklisted_at)
                       for b in self._children(BlacklistEntryRow, row.id)],
            quality_assessments=[QualityAssessment(q.assess_date, tuple(json.loads(q.findings)),
                                                   q.qualification_withdrawn, q.actor,
                                                   q.recorded_at)
                                 for q in self._children(QualityAssessmentRow, row.id)])
        for name in self._LISTS:
            self._stored[(row.id, name)] = len(getattr(institution, name))
        return institution

    def page(self, role: int, page: paging.Page, *, division: str = "",
             institution: str = "", status: int = 0, region: str = "",
             occupation: str = "") -> tuple[list[Institution], str]:
        stmt = select(InstitutionRow)
        if role:
            stmt = stmt.where(InstitutionRow.role == role)
        if status:
            stmt = stmt.where(InstitutionRow.status == status)
        for area in (division, region):
            if area:
                stmt = stmt.where(InstitutionRow.region_code.startswith(
                    divisions.division_prefix(area)))
        if occupation:
            stmt = stmt.where(InstitutionRow.id.in_(
                select(InstitutionOccupationRow.institution_id).where(
                    InstitutionOccupationRow.occupation_code == occupation)))
        if institution:
            stmt = stmt.where(InstitutionRow.id == institution)
        rows, token = paging.fetch_page(self.session, stmt, InstitutionRow.id, page)
        return [self._load(r) for r in rows], token

    def of_call(self, call_id: str) -> dict[str, int]:
        """INST-1: the applications filed against a call, with their statuses."""
        return dict(self.session.execute(select(InstitutionRow.id, InstitutionRow.status).where(
            InstitutionRow.call_id == call_id)).all())

    def lock_organisation(self, uscc: str) -> None:
        """Serialises role changes of one USCC, so two concurrent applications cannot
        both pass INST-2."""
        try:
            with self.session.begin_nested():
                self.session.execute(insert(OrganisationRow).values(uscc=uscc,
                                                                   created_at=utcnow()))
        except IntegrityError:
            pass
        self.session.execute(select(OrganisationRow).where(OrganisationRow.uscc == uscc)
                             .with_for_update())

    def lock_quota(self, province_code: str, occupation_code: str) -> None:
        """INST-3: one selection at a time counts a province's places of an occupation."""
        _lock(self.session, f"quota/{province_code}/{occupation_code}")

    def lock_institution(self, institution_id: str) -> None:
        """One change of an institution at a time."""
        _lock(self.session, f"institution/{institution_id}")

    def lock_numbering(self, prefix: str) -> None:
        """CERT-1: one claim of numbering parts 1–4 at a time."""
        _lock(self.session, f"numbering/{prefix}")

    def quota_holders(self, occupation_code: str, prefix: str, excluding: str) -> list[str]:
        """INST-3: training institutions of the occupation in the divisions starting with
        `prefix` that hold, or are selected to hold, a place."""
        return list(self.session.scalars(select(InstitutionRow.id).where(
            InstitutionRow.role == pb.INSTITUTION_ROLE_TRAINING,
            InstitutionRow.status.in_(HOLDING), InstitutionRow.id != excluding,
            InstitutionRow.region_code.startswith(prefix),
            InstitutionRow.id.in_(select(InstitutionOccupationRow.institution_id).where(
                InstitutionOccupationRow.occupation_code == occupation_code)))
            .order_by(InstitutionRow.id)))

    def held_roles(self, uscc: str, excluding: str = "") -> dict[int, str]:
        """The roles a USCC holds through institutions not ended, with one holder each."""
        rows = self.session.execute(select(InstitutionRow.role, InstitutionRow.id).where(
            InstitutionRow.uscc == uscc, InstitutionRow.id != excluding,
            InstitutionRow.status.not_in(ENDED))).all()
        return {role: iid for role, iid in rows}

    def possible_affiliates(self, uscc: str, legal_representative: str,
                            parent_uscc: str) -> list[Institution]:
        """INST-2: institutions not ended sharing the legal representative, or related
        by a declared parent, in either direction."""
        related = [InstitutionRow.parent_uscc == uscc]
        if legal_representative:
            related.append(InstitutionRow.legal_representative == legal_representative)
        if parent_uscc:
            related.append(InstitutionRow.uscc == parent_uscc)
        rows = self.session.scalars(select(InstitutionRow).where(
            or_(*related), InstitutionRow.uscc != uscc, InstitutionRow.status.not_in(ENDED))
            .order_by(InstitutionRow.id).limit(1000))
        return [self._load(r) for r in rows]

    def numbering_holder(self, prefix: str) -> str | None:
        """CERT-1: the USCC that parts 1–4 belong to, if any."""
        row = self.session.get(NumberingSeriesRow, prefix)
        return row.uscc if row is not None else None

    def names(self, ids: list[str]) -> dict[str, str]:
        return dict(self.session.execute(select(InstitutionRow.id, InstitutionRow.display_name)
                                         .where(InstitutionRow.id.in_(ids))).all())

    def _write(self, institution: Institution) -> None:
        row = self.session.get(InstitutionRow, institution.id)
        if row is None:
            n = institution.numbering
            row = InstitutionRow(id=institution.id, display_name=institution.display_name,
                                 uscc=institution.uscc, role=institution.role,
                                 region_code=institution.region_code, category=n.category,
                                 ministry_code=n.ministry_code, site_serial=n.site_serial,
                                 status=institution.status, created_at=institution.created_at,
                                 call_id=institution.call_id,
                                 legal_representative=institution.legal_representative,
                                 parent_uscc=institution.parent_uscc)
            self.session.add(row)
            self.session.add_all(InstitutionOccupationRow(institution_id=institution.id,
                                                          occupation_code=code)
                                 for code in institution.occupation_codes)
            if institution.role == pb.INSTITUTION_ROLE_EVALUATION:
                prefix = institution.number_prefix
                if self.session.get(NumberingSeriesRow, prefix) is None:
                    self.session.add(NumberingSeriesRow(prefix=prefix, uscc=institution.uscc,
                                                        institution_id=institution.id))
        row.status = institution.status
        for h in self._new(institution, "history"):
            self.session.add(StatusChangeRow(institution_id=institution.id,
                                             from_status=h.from_status, to_status=h.to_status,
                                             actor=h.actor, reason=h.reason,
                                             changed_at=h.changed_at))
        for d in self._new(institution, "decisions"):
            self.session.add(SelectionDecisionRow(
                institution_id=institution.id, department=d.department, outcome=d.outcome,
                actor=d.actor, reason=d.reason, decided_at=d.decided_at))
        for x in self._new(institution, "licences"):
            self.session.add(TrainingLicenceRow(
                institution_id=institution.id, number=x.number, issuer=x.issuer,
                valid_from=x.valid_from, valid_until=x.valid_until, recorded_at=x.recorded_at))
        for b in self._new(institution, "blacklist"):
            self.session.add(BlacklistEntryRow(
                institution_id=institution.id, reason=b.reason, evidence=b.evidence,
                actor=b.actor, qualification_revoked=b.qualification_revoked,
                blacklisted_at=b.blacklisted_at))
        for q in self._new(institution, "quality_assessments"):
            self.session.add(QualityAssessmentRow(
                institution_id=institution.id, assess_date=q.assess_date,
                findings=json.dumps(list(q.findings), ensure_ascii=False),
                qualification_withdrawn=q.qualification_withdrawn, actor=q.actor,
                recorded_at=q.recorded_at))

    def _new(self, institution: Institution, list_name: str) -> list:
        """The entries of an append-only list not yet in rows (and now counted as in)."""
        entries = getattr(institution, list_name)
        key = (institution.id, list_name)
        new, self._stored[key] = entries[self._stored.get(key, 0):], len(entries)
        return new


class Calls(Repository[CallForApplications]):
    def get(self, call_id: str) -> CallForApplications:
        row = self.session.get(CallForApplicationsRow, call_id)
        if row is None:
            raise NotFound(f"callsForApplications/{call_id} does not exist")
        return self._track(CallForApplications(
            id=row.id, title=row.title, role=row.role, occupation_code=row.occupation_code,
            region_code=row.region_code, open_date=row.open_date, close_date=row.close_date,
            creator=row.creator, created_at=row.created_at, published_at=row.published_at,
            closed_at=row.closed_at, selected=row.selected.split(), rejected=row.rejected.split()))

    def _write(self, call: CallForApplications) -> None:
        row = self.session.get(CallForApplicationsRow, call.id)
        if row is None:
            row = CallForApplicationsRow(
                id=call.id, title=call.title, role=call.role,
                occupation_code=call.occupation_code, region_code=call.region_code,
                open_date=call.open_date, close_date=call.close_date, creator=call.creator,
                created_at=call.created_at)
            self.session.add(row)
        row.published_at, row.closed_at = call.published_at, call.closed_at
        row.selected, row.rejected = " ".join(call.selected), " ".join(call.rejected)


class QuotaPhases(Repository[QuotaPhase]):
    def get(self, province_code: str, occupation_code: str) -> QuotaPhase | None:
        row = self.session.get(QuotaPhaseRow, (province_code, occupation_code))
        if row is None:
            return None
        return self._track(QuotaPhase(row.province_code, row.occupation_code, row.phase,
                                      row.setter, row.set_at))

    def _write(self, phase: QuotaPhase) -> None:
        row = self.session.get(QuotaPhaseRow, (phase.province_code, phase.occupation_code))
        if row is None:
            row = QuotaPhaseRow(province_code=phase.province_code,
                                occupation_code=phase.occupation_code, phase=phase.phase,
                                setter=phase.setter, set_at=phase.set_at)
            self.session.add(row)
        row.phase, row.setter, row.set_at = phase.phase, phase.setter, phase.set_at


class Teachers(Repository[Teacher]):
    def __init__(self, session):
        super().__init__(session)
        self._stored: dict[str, int] = {}

    def get(self, teacher_id: str) -> Teacher:
        row = self.session.get(TeacherRow, teacher_id)
        if row is None:
            raise NotFound(f"teachers/{teacher_id} does not exist")
        assessments = [TeacherAssessment(a.assess_date, a.passed, a.assessor, a.notes, a.actor,
                                         a.recorded_at)
                       for a in self.session.scalars(select(TeacherAssessmentRow).where(
                           TeacherAssessmentRow.teacher_id == teacher_id)
                           .order_by(TeacherAssessmentRow.id))]
        self._stored[row.id] = len(assessments)
        return self._track(Teacher(id=row.id, person_id=row.person_id, full_name=row.full_name,
                                   institution_id=row.institution_id, created_at=row.created_at,
                                   assessments=assessments))

    def find(self, person_id: str, institution_id: str) -> str | None:
        return self.session.scalars(select(TeacherRow.id).where(
            TeacherRow.person_id == person_id,
            TeacherRow.institution_id == institution_id)).first()

    def _write(self, teacher: Teacher) -> None:
        if self.session.get(TeacherRow, teacher.id) is None:
            self.session.add(TeacherRow(id=teacher.id, person_id=teacher.person_id,
                                        full_name=teacher.full_name,
                                        institution_id=teacher.institution_id,
                                        created_at=teacher.created_at))
        for a in teacher.assessments[self._stored.get(teacher.id, 0):]:
            self.session.add(TeacherAssessmentRow(
                teacher_id=teacher.id, assess_date=a.assess_date, passed=a.passed,
                assessor=a.assessor, notes=a.notes, actor=a.actor, recorded_at=a.recorded_at))
        self._stored[teacher.id] = len(teacher.assessments)


class Supervisors(Repository[Supervisor]):
    def get(self, supervisor_id: str) -> Supervisor:
        row = self.session.get(SupervisorRow, supervisor_id)
        if row is None:
            raise NotFound(f"supervisors/{supervisor_id} does not exist")
        return self._track(Supervisor(
            id=row.id, person_id=row.person_id, full_name=row.full_name,
            affiliation=row.affiliation, term_start=row.term_start, term_end=row.term_end,
            appointer=row.appointer, created_at=row.created_at))

    def overlapping(self, person_id: str, start: date, end: date) -> str | None:
        """INST-5: the person's appointment whose term overlaps [start, end), if any."""
        return self.session.scalars(select(SupervisorRow.id).where(
            SupervisorRow.person_id == person_id, SupervisorRow.term_start < end,
            SupervisorRow.term_end > start)).first()

    def _write(self, supervisor: Supervisor) -> None:
        if self.session.get(SupervisorRow, supervisor.id) is None:
            self.session.add(SupervisorRow(
                id=supervisor.id, person_id=supervisor.person_id,
                full_name=supervisor.full_name, affiliation=supervisor.affiliation,
                term_start=supervisor.term_start, term_end=supervisor.term_end,
                appointer=supervisor.appointer, created_at=supervisor.created_at))


class SupervisionVisits(Repository[SupervisionVisit]):
    def __init__(self, session):
        super().__init__(session)
        self._regions: dict[str, str] = {}

    def add_visit(self, visit: SupervisionVisit, region_code: str) -> None:
        self._regions[visit.id] = region_code
        self.add(visit)

    def between(self, start: date, end: date, region: str) -> list[SupervisionVisit]:
        """INST-5: the visits from `start` to `end` inclusive in a division ("" = all)."""
        stmt = select(SupervisionVisitRow).where(SupervisionVisitRow.visit_date >= start,
                                                 SupervisionVisitRow.visit_date <= end)
        if region:
            stmt = stmt.where(SupervisionVisitRow.region_code.startswith(
                divisions.division_prefix(region)))
        return [SupervisionVisit(
            id=r.id, supervisor_id=r.supervisor_id, institution_id=r.institution_id,
            visit_date=r.visit_date, recorded_at=r.recorded_at,
            findings=tuple(Finding(f["description"], f["serious"])
                           for f in json.loads(r.findings)))
            for r in self.session.scalars(stmt.order_by(SupervisionVisitRow.visit_date,
                                                        SupervisionVisitRow.id))]

    def _write(self, visit: SupervisionVisit) -> None:
        if self.session.get(SupervisionVisitRow, visit.id) is None:
            self.session.add(SupervisionVisitRow(
                id=visit.id, supervisor_id=visit.supervisor_id,
                institution_id=visit.institution_id, region_code=self._regions[visit.id],
                visit_date=visit.visit_date, recorded_at=visit.recorded_at,
                findings=json.dumps([{"description": f.description, "serious": f.serious}
                                     for f in visit.findings], ensure_ascii=False)))


class Evaluators(Repository[Evaluator]):
    def get(self, evaluator_id: str) -> Evaluator:
        row = self.session.get(EvaluatorRow, evaluator_id)
        if row is None:
            raise NotFound(f"evaluators/{evaluator_id} does not exist")
        return self._track(self._load(row))

    def _load(self, row: EvaluatorRow) -> Evaluator:
        terms = self.session.scalars(select(EvaluatorTermRow).where(
            EvaluatorTermRow.evaluator_id == row.id).order_by(EvaluatorTermRow.seq))
        assessments = self.session.scalars(select(EvaluatorAssessmentRow).where(
            EvaluatorAssessmentRow.evaluator_id == row.id)
            .order_by(EvaluatorAssessmentRow.recorded_at, EvaluatorAssessmentRow.year))
        affiliations = self.session.scalars(select(EvaluatorAffiliationRow).where(
            EvaluatorAffiliationRow.evaluator_id == row.id).order_by(EvaluatorAffiliationRow.seq))
        return Evaluator(
            id=row.id, person_id=row.person_id, full_name=row.full_name,
            institution_id=row.institution_id, occupation_code=row.occupation_code,
            max_level=row.max_level, status=row.status, recommended_by=row.recommended_by,
            created_at=row.created_at,
            terms=[Term(t.term_start, t.term_end, t.actor, t.recorded_at) for t in terms],
            assessments=[AnnualAssessment(
                a.year, a.ethics, a.professional_score, a.performance_score, a.result,
                a.assessed_on, a.remarks, a.actor, a.recorded_at) for a in assessments],
            affiliations=[Affiliation(a.institution_id, a.display_name, a.started_at, a.actor,
                                      a.ended_at) for a in affiliations])

    def existing(self, person_id: str, institution_id: str,
                 occupation_code: str) -> Evaluator | None:
        """The person's appointment by this organisation for this occupation, if any."""
        row = self.session.scalars(select(EvaluatorRow).where(
            EvaluatorRow.person_id == person_id, EvaluatorRow.institution_id == institution_id,
            EvaluatorRow.occupation_code == occupation_code)
            .order_by(EvaluatorRow.created_at.desc())).first()
        return self._load(row) if row is not None else None

    def dismissed(self, person_id: str) -> bool:
        """EVAL-3: whether any organisation dismissed the person as an evaluator."""
        return self.session.scalars(select(EvaluatorRow.id).where(
            EvaluatorRow.person_id == person_id,
            EvaluatorRow.status == pb.EVALUATOR_STATUS_DISMISSED)).first() is not None

    def page(self, keep, page: paging.Page, *, institution: str = "",
             division: str = "") -> tuple[list[Evaluator], str]:
        """Evaluators for which `keep(evaluator)` holds, in ID order after the page's key;
        the filter needs the date, so it runs here over batches of rows, not in SQL."""
        stmt = select(EvaluatorRow)
        if institution:
            stmt = stmt.where(EvaluatorRow.institution_id == institution)
        if division:
            stmt = stmt.join(InstitutionRow, InstitutionRow.id == EvaluatorRow.institution_id) \
                .where(InstitutionRow.region_code.startswith(divisions.division_prefix(division)))
        found, after = [], page.after
        while len(found) <= page.size:
            batch = stmt.order_by(EvaluatorRow.id).limit(200)
            if after is not None:
                batch = batch.where(EvaluatorRow.id > after)
            rows = self.session.scalars(batch).all()
            if not rows:
                break
            for row in rows:
                evaluator = self._load(row)
                if keep(evaluator):
                    found.append(evaluator)
                    if len(found) > page.size:
                        break
            after = rows[-1].id
        items, last = paging.split_page(found, page.size, key=lambda e: e.id)
        return items, paging.encode_token(last) if last else ""

    def trainings(self, person_id: str) -> list[PreAppointmentTraining]:
        rows = self.session.scalars(select(PreAppointmentTrainingRow).where(
            PreAppointmentTrainingRow.person_id == person_id))
        return [PreAppointmentTraining(r.person_id, r.completion_date, r.passed, r.provider)
                for r in rows]

    def add_training(self, training: PreAppointmentTraining) -> None:
        self.touched.add(f"persons/{training.person_id}")
        self.session.add(PreAppointmentTrainingRow(
            person_id=training.person_id, completion_date=training.completion_date,
            passed=training.passed, provider=training.provider, recorded_at=utcnow()))

    def _write(self, evaluator: Evaluator) -> None:
        row = self.session.get(EvaluatorRow, evaluator.id)
        if row is None:
            row = EvaluatorRow(id=evaluator.id, person_id=evaluator.person_id,
                               full_name=evaluator.full_name,
                               institution_id=evaluator.institution_id,
                               occupation_code=evaluator.occupation_code,
                               max_level=evaluator.max_level,
                               term_start=evaluator.term_start, term_end=evaluator.term_end,
                               recommended_by=evaluator.recommended_by,
                               status=evaluator.status, created_at=evaluator.created_at)
            self.session.add(row)
        row.status = evaluator.status
        row.term_start, row.term_end = evaluator.term_start, evaluator.term_end
        for seq, t in enumerate(evaluator.terms):
            if self.session.get(EvaluatorTermRow, (evaluator.id, seq)) is None:
                self.session.add(EvaluatorTermRow(evaluator_id=evaluator.id, seq=seq,
                                                  term_start=t.start, term_end=t.end,
                                                  actor=t.actor, recorded_at=t.at))
        for a in evaluator.assessments:
            if self.session.get(EvaluatorAssessmentRow, (evaluator.id, a.year)) is None:
                self.session.add(EvaluatorAssessmentRow(
                    evaluator_id=evaluator.id, year=a.year, ethics=a.ethics,
                    professional_score=a.professional_score,
                    performance_score=a.performance_score, result=a.result,
                    assessed_on=a.assessed_on, remarks=a.remarks, actor=a.actor,
                    recorded_at=a.at))
        for seq, a in enumerate(evaluator.affiliations):
            arow = self.session.get(EvaluatorAffiliationRow, (evaluator.id, seq))
            if arow is None:
                arow = EvaluatorAffiliationRow(evaluator_id=evaluator.id, seq=seq,
                                               institution_id=a.institution_id,
                                               display_name=a.display_name, actor=a.actor,
                                               started_at=a.start)
                self.session.add(arow)
            arow.ended_at = a.end


def _modules_json(scores: Scores) -> str:
    return json.dumps([list(m) for m in scores.modules], ensure_ascii=False) if scores.modules else ""


def _modules(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((m, int(v)) for m, v in json.loads(text)) if text else ()


def _children(session, row_type, key, ids: list[str], order) -> dict[str, list]:
    """Rows of a child table grouped by their parent's ID, in `order`."""
    out: dict[str, list] = {i: [] for i in ids}
    if ids:
        for r in session.scalars(select(row_type).where(key.in_(ids)).order_by(order)):
            out[getattr(r, key.key)].append(r)
    return out


class ExamSessions(Repository[ExamSession]):
    """An exam session with its candidates; their append-only records (score entries,
    facts, reviews, steps) are written once, appeals updated in place."""

    def __init__(self, session):
        super().__init__(session)
        self._stored: dict[tuple[str, str], int] = {}  # (list, owner ID) → entries in rows

    def get(self, session_id: str) -> ExamSession:
        row = self.session.get(ExamSessionRow, session_id)
        if row is None:
            raise NotFound(f"examSessions/{session_id} does not exist")
        evaluators = self.session.scalars(select(SessionEvaluatorRow.evaluator_id).where(
            SessionEvaluatorRow.session_id == session_id)
            .order_by(SessionEvaluatorRow.evaluator_id))
        rows = self.session.scalars(select(CandidateRow).where(
            CandidateRow.session_id == session_id).order_by(CandidateRow.id)).all()
        ids = [c.id for c in rows]
        history = _children(self.session, ScoreChangeRow, ScoreChangeRow.candidate_id, ids,
                            ScoreChangeRow.id)
        facts = _children(self.session, CandidateFactRow, CandidateFactRow.candidate_id, ids,
                          CandidateFactRow.id)
        reviews = _children(self.session, ReviewDecisionRow, ReviewDecisionRow.candidate_id, ids,
                            ReviewDecisionRow.id)
        appeals = _children(self.session, AppealRow, AppealRow.candidate_id, ids,
                            AppealRow.filed_at)
        steps = self.session.scalars(select(SessionStepRow).where(
            SessionStepRow.session_id == session_id).order_by(SessionStepRow.id)).all()
        candidates = []
        for c in rows:
            candidates.append(Candidate(
                id=c.id, session_id=c.session_id, person_id=c.person_id,
                full_name=c.full_name, resident_id_masked=c.resident_id_masked,
                theory_exempt=c.theory_exempt,
                scores=Scores(c.theory_score, c.skill_score, c.review_score,
                              _modules(c.module_scores)), result=c.result,
                score_history=[ScoreEntry(Scores(h.theory_score, h.skill_score, h.review_score,
                                                 _modules(h.module_scores)), h.result, h.actor,
                                          h.entered_at, h.evaluator_id, h.appeal_id)
                               for h in history[c.id]],
                facts=[DeclaredFact(f.kind, f.years, f.evidence) for f in facts[c.id]],
                route=c.route, application_state=c.application_state,
                reviews=[ReviewDecision(r.stage, r.approved, r.actor, r.reason, r.decided_at)
                         for r in reviews[c.id]],
                appeals=[Appeal(id=a.id, candidate_id=a.candidate_id, session_id=a.session_id,
                                evaluator_id=a.evaluator_id, reason=a.reason,
                                filed_by=a.filed_by, filed_at=a.filed_at, state=a.state,
                                decided_by=a.decided_by, decision_reason=a.decision_reason,
                                decided_at=a.decided_at, from_result=a.from_result,
                                to_result=a.to_result) for a in appeals[c.id]],
                trained_by_id=c.trained_by_id))
            for kind, n in (("history", len(history[c.id])), ("facts", len(facts[c.id])),
                            ("reviews", len(reviews[c.id]))):
                self._stored[(kind, c.id)] = n
        self._stored[("steps", session_id)] = len(steps)
        return self._track(ExamSession(
            id=row.id, institution_id=row.institution_id, occupation_code=row.occupation_code,
            level=row.level, exam_date=row.exam_date, created_at=row.created_at,
            state=row.state, closed_at=row.closed_at, evaluator_ids=list(evaluators),
            candidates=candidates, exam_mode=row.exam_mode, exam_site_id=row.exam_site_id,
            steps=[SessionStep(s.to_state, s.actor, s.reason, s.at) for s in steps]))

    def closed_outcomes(self, year: int = 0) -> list[SessionOutcome]:
        """Pass counts of every closed session (of `year`, or all), for the monitoring."""
        passed = func.sum(case((CandidateRow.result == pb.ASSESSMENT_RESULT_PASSED, 1),
                               else_=0))
        stmt = (select(ExamSessionRow.id, ExamSessionRow.institution_id,
                       ExamSessionRow.occupation_code, ExamSessionRow.level,
                       ExamSessionRow.exam_date, func.count(CandidateRow.id), passed)
                .join(CandidateRow, CandidateRow.session_id == ExamSessionRow.id)
                .where(ExamSessionRow.state == pb.EXAM_SESSION_STATE_CLOSED)
                .group_by(ExamSessionRow.id, ExamSessionRow.institution_id,
                          ExamSessionRow.occupation_code, ExamSessionRow.level,
                          ExamSessionRow.exam_date))
        if year:
            stmt = stmt.where(ExamSessionRow.exam_date >= date(year, 1, 1),
                              ExamSessionRow.exam_date <= date(year, 12, 31))
        rows = self.session.execute(stmt).all()
        examiners: dict[str, list[str]] = {}
        ids = [r[0] for r in rows]
        for chunk in range(0, len(ids), 500):
            for sid, eid in self.session.execute(select(
                    SessionEvaluatorRow.session_id, SessionEvaluatorRow.evaluator_id).where(
                    SessionEvaluatorRow.session_id.in_(ids[chunk:chunk + 500]))):
                examiners.setdefault(sid, []).append(eid)
        return [SessionOutcome(sid, iid, tuple(sorted(examiners.get(sid, []))), code, level,
                               day.year, int(n), int(k or 0))
                for sid, iid, code, level, day, n, k in rows]

    def _new(self, kind: str, owner: str, entries: list) -> list:
        """The entries of an append-only list not yet in rows (and now counted as stored)."""
        done = self._stored.get((kind, owner), 0)
        self._stored[(kind, owner)] = len(entries)
        return entries[done:]

    def _write(self, exam: ExamSession) -> None:
        row = self.session.get(ExamSessionRow, exam.id)
        if row is None:
            row = ExamSessionRow(id=exam.id, institution_id=exam.institution_id,
                                 occupation_code=exam.occupation_code, level=exam.level,
                                 exam_date=exam.exam_date, state=exam.state,
                                 created_at=exam.created_at, exam_mode=exam.exam_mode,
                                 exam_site_id=exam.exam_site_id)
            self.session.add(row)
        row.state, row.closed_at = exam.state, exam.closed_at
        for step in self._new("steps", exam.id, exam.steps):
            self.session.add(SessionStepRow(session_id=exam.id, to_state=step.to_state,
                                            actor=step.actor, reason=step.reason, at=step.at))
        for evaluator_id in exam.evaluator_ids:
            if self.session.get(SessionEvaluatorRow, (exam.id, evaluator_id)) is None:
                self.session.add(SessionEvaluatorRow(session_id=exam.id,
                                                     evaluator_id=evaluator_id))
        for c in exam.candidates:
            self._write_candidate(exam, c)

    def _write_candidate(self, exam: ExamSession, c: Candidate) -> None:
        crow = self.session.get(CandidateRow, c.id)
        if crow is None:
            crow = CandidateRow(id=c.id, session_id=exam.id, person_id=c.person_id,
                                full_name=c.full_name, resident_id_masked=c.resident_id_masked,
                                theory_exempt=c.theory_exempt, route=c.route,
                                trained_by_id=c.trained_by_id)
            self.session.add(crow)
        crow.theory_score, crow.skill_score = c.scores.theory, c.scores.skill
        crow.review_score, crow.result = c.scores.review, c.result
        crow.module_scores, crow.application_state = _modules_json(c.scores), c.application_state
        for h in self._new("history", c.id, c.score_history):
            self.session.add(ScoreChangeRow(
                candidate_id=c.id, theory_score=h.scores.theory, skill_score=h.scores.skill,
                review_score=h.scores.review, module_scores=_modules_json(h.scores),
                result=h.result, actor=h.actor, entered_at=h.at, evaluator_id=h.evaluator_id,
                appeal_id=h.appeal_id))
        for f in self._new("facts", c.id, c.facts):
            self.session.add(CandidateFactRow(candidate_id=c.id, kind=f.kind, years=f.years,
                                              evidence=f.evidence))
        for r in self._new("reviews", c.id, c.reviews):
            self.session.add(ReviewDecisionRow(candidate_id=c.id, stage=r.stage,
                                               approved=r.approved, actor=r.actor,
                                               reason=r.reason, decided_at=r.at))
        for a in c.appeals:
            arow = self.session.get(AppealRow, a.id)
            if arow is None:
                arow = AppealRow(id=a.id, candidate_id=c.id, session_id=exam.id,
                                 evaluator_id=a.evaluator_id, reason=a.reason,
                                 filed_by=a.filed_by, filed_at=a.filed_at, state=a.state)
                self.session.add(arow)
            arow.state, arow.decided_by, arow.decision_reason = \
                a.state, a.decided_by, a.decision_reason
            arow.decided_at, arow.from_result, arow.to_result = \
                a.decided_at, a.from_result, a.to_result


class ExamSites(Repository[ExamSite]):
    """ASMT-10: registered national exam sites (written when registered; never changed)."""

    def find(self, site_id: str) -> ExamSite | None:
        row = self.session.get(ExamSiteRow, site_id)
        return None if row is None else ExamSite(row.id, row.display_name, row.region_code,
                                                 row.filing_number, row.created_at)

    def filed(self, filing_number: str) -> str | None:
        """The ID of the site registered under a filing number, if any."""
        return self.session.scalars(select(ExamSiteRow.id).where(
            ExamSiteRow.filing_number == filing_number)).first()

    def _write(self, site: ExamSite) -> None:
        if self.session.get(ExamSiteRow, site.id) is None:
            self.session.add(ExamSiteRow(id=site.id, display_name=site.display_name,
                                         region_code=site.region_code,
                                         filing_number=site.filing_number,
                                         created_at=site.created_at))


class LevelLaunches(Repository[LevelLaunch]):
    """ASMT-11: the levels each province launched."""

    def launched(self, province: str, occupation_code: str) -> set[int]:
        return set(self.session.scalars(select(LevelLaunchRow.level).where(
            LevelLaunchRow.province == province,
            LevelLaunchRow.occupation_code == occupation_code)))

    def _write(self, launch: LevelLaunch) -> None:
        key = (launch.province, launch.occupation_code, launch.level)
        if self.session.get(LevelLaunchRow, key) is None:
            self.session.add(LevelLaunchRow(province=launch.province,
                                            occupation_code=launch.occupation_code,
                                            level=launch.level, actor=launch.actor,
                                            launched_at=launch.launched_at))


class HeldCertificates(Repository[HeldCertificate]):
    """ASMT-5: the certificates people hold, from certificates' events."""

    def of(self, person_id: str) -> list[HeldCertificate]:
        return [HeldCertificate(r.number, r.person_id, r.occupation_code, r.level, r.valid)
                for r in self.session.scalars(select(HeldCertificateRow).where(
                    HeldCertificateRow.person_id == person_id))]

    def record(self, held: HeldCertificate) -> bool:
        """Whether it was new (a number is recorded once)."""
        if self.session.get(HeldCertificateRow, held.number) is not None:
            return False
        self.touched.add(f"persons/{held.person_id}")
        self.add(held)
        return True

    def set_valid(self, number: str, valid: bool) -> bool:
        """Whether anything changed (a number not seen yet changes nothing)."""
        row = self.session.get(HeldCertificateRow, number)
        if row is None or row.valid == valid:
            return False
        self.touched.add(f"persons/{row.person_id}")
        row.valid = valid
        return True

    def _write(self, held: HeldCertificate) -> None:
        if self.session.get(HeldCertificateRow, held.number) is None:
            self.session.add(HeldCertificateRow(number=held.number, person_id=held.person_id,
                                                occupation_code=held.occupation_code,
                                                level=held.level, valid=held.valid))


class AccreditationRepositories(Repositories):
    def __init__(self, session):
        super().__init__(session)
        self.institutions = Institutions(session)
        self.evaluators = Evaluators(session)
        self.exam_sessions = ExamSessions(session)
        self.calls = Calls(session)
        self.quota_phases = QuotaPhases(session)
        self.teachers = Teachers(session)
        self.supervisors = Supervisors(session)
        self.supervision_visits = SupervisionVisits(session)
        self.exam_sites = ExamSites(session)
        self.level_launches = LevelLaunches(session)
        self.held_certificates = HeldCertificates(session)
