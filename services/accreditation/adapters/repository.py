"""accreditation's aggregates to and from its rows."""

import json

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit import divisions, paging
from servicekit.errors import NotFound
from servicekit.repository import Repositories, Repository
from servicekit.unitofwork import utcnow

from ..domain.evaluators import Evaluator, PreAppointmentTraining
from ..domain.eligibility import DeclaredFact, HeldCertificate
from ..domain.exams import (Appeal, Candidate, ExamSession, ReviewDecision, ScoreEntry,
                            Scores, SessionStep)
from ..domain.institutions import ENDED, Institution, NumberingParts, StatusChange
from ..domain.launches import LevelLaunch
from ..domain.sites import ExamSite
from .orm import (AppealRow, CandidateFactRow, CandidateRow, EvaluatorRow, ExamSessionRow,
                  ExamSiteRow, HeldCertificateRow, InstitutionRow, LevelLaunchRow,
                  OrganisationRow, PreAppointmentTrainingRow, ReviewDecisionRow,
                  ScoreChangeRow, SessionEvaluatorRow, SessionStepRow, StatusChangeRow)


class Institutions(Repository[Institution]):
    def __init__(self, session):
        super().__init__(session)
        self._stored_history: dict[str, int] = {}  # history entries already in rows

    def get(self, institution_id: str) -> Institution:
        row = self.session.get(InstitutionRow, institution_id)
        if row is None:
            raise NotFound(f"institutions/{institution_id} does not exist")
        return self._track(self._load(row))

    def _load(self, row: InstitutionRow) -> Institution:
        history = self.session.scalars(select(StatusChangeRow).where(
            StatusChangeRow.institution_id == row.id).order_by(StatusChangeRow.id))
        institution = Institution(
            id=row.id, display_name=row.display_name, uscc=row.uscc, role=row.role,
            region_code=row.region_code, created_at=row.created_at, status=row.status,
            numbering=NumberingParts(row.category, row.ministry_code, row.site_serial),
            history=[StatusChange(h.from_status, h.to_status, h.actor, h.reason, h.changed_at)
                     for h in history])
        self._stored_history[row.id] = len(institution.history)
        return institution

    def page(self, role: int, page: paging.Page, *, division: str = "",
             institution: str = "") -> tuple[list[Institution], str]:
        stmt = select(InstitutionRow)
        if role:
            stmt = stmt.where(InstitutionRow.role == role)
        if division:
            stmt = stmt.where(InstitutionRow.region_code.startswith(
                divisions.division_prefix(division)))
        if institution:
            stmt = stmt.where(InstitutionRow.id == institution)
        rows, token = paging.fetch_page(self.session, stmt, InstitutionRow.id, page)
        return [self._load(r) for r in rows], token

    def lock_organisation(self, uscc: str) -> None:
        """Serialises role changes of one USCC (PostgreSQL row lock; SQLite writes are
        serial), so two concurrent applications cannot both pass INST-2."""
        try:
            with self.session.begin_nested():
                self.session.execute(insert(OrganisationRow).values(uscc=uscc,
                                                                   created_at=utcnow()))
        except IntegrityError:
            pass
        self.session.execute(select(OrganisationRow).where(OrganisationRow.uscc == uscc)
                             .with_for_update())

    def held_roles(self, uscc: str, excluding: str = "") -> dict[int, str]:
        """The roles a USCC holds through institutions not ended, with one holder each."""
        rows = self.session.execute(select(InstitutionRow.role, InstitutionRow.id).where(
            InstitutionRow.uscc == uscc, InstitutionRow.id != excluding,
            InstitutionRow.status.not_in(ENDED))).all()
        return {role: iid for role, iid in rows}

    def _write(self, institution: Institution) -> None:
        row = self.session.get(InstitutionRow, institution.id)
        if row is None:
            n = institution.numbering
            row = InstitutionRow(id=institution.id, display_name=institution.display_name,
                                 uscc=institution.uscc, role=institution.role,
                                 region_code=institution.region_code, category=n.category,
                                 ministry_code=n.ministry_code, site_serial=n.site_serial,
                                 status=institution.status, created_at=institution.created_at)
            self.session.add(row)
        row.status = institution.status
        for h in institution.history[self._stored_history.get(institution.id, 0):]:
            self.session.add(StatusChangeRow(institution_id=institution.id,
                                             from_status=h.from_status, to_status=h.to_status,
                                             actor=h.actor, reason=h.reason,
                                             changed_at=h.changed_at))
        self._stored_history[institution.id] = len(institution.history)


class Evaluators(Repository[Evaluator]):
    def get(self, evaluator_id: str) -> Evaluator:
        row = self.session.get(EvaluatorRow, evaluator_id)
        if row is None:
            raise NotFound(f"evaluators/{evaluator_id} does not exist")
        return self._track(self._load(row))

    @staticmethod
    def _load(row: EvaluatorRow) -> Evaluator:
        return Evaluator(id=row.id, person_id=row.person_id, full_name=row.full_name,
                         institution_id=row.institution_id, status=row.status,
                         term_start=row.term_start, term_end=row.term_end,
                         recommended_by=row.recommended_by, created_at=row.created_at)

    def current(self, person_id: str, institution_id: str) -> Evaluator | None:
        """The person's latest appointment by this organisation that is in force."""
        row = self.session.scalars(select(EvaluatorRow).where(
            EvaluatorRow.person_id == person_id, EvaluatorRow.institution_id == institution_id,
            EvaluatorRow.status == pb.EVALUATOR_STATUS_APPOINTED)
            .order_by(EvaluatorRow.term_end.desc())).first()
        return self._load(row) if row is not None else None

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
                               term_start=evaluator.term_start, term_end=evaluator.term_end,
                               recommended_by=evaluator.recommended_by,
                               status=evaluator.status, created_at=evaluator.created_at)
            self.session.add(row)
        row.status = evaluator.status


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
                                to_result=a.to_result) for a in appeals[c.id]]))
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
                                theory_exempt=c.theory_exempt, route=c.route)
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
        self.exam_sites = ExamSites(session)
        self.level_launches = LevelLaunches(session)
        self.held_certificates = HeldCertificates(session)
