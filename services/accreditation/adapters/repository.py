"""accreditation's aggregates to and from its rows."""

from datetime import date

from sqlalchemy import case, func, insert, select
from sqlalchemy.exc import IntegrityError

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit import divisions, paging
from servicekit.errors import NotFound
from servicekit.repository import Repositories, Repository
from servicekit.unitofwork import utcnow

from ..domain.evaluators import (Affiliation, AnnualAssessment, Evaluator,
                                 PreAppointmentTraining, Term)
from ..domain.pass_rates import SessionOutcome
from ..domain.exams import Candidate, ExamSession, ScoreEntry, Scores
from ..domain.institutions import ENDED, Institution, NumberingParts, StatusChange
from .orm import (CandidateRow, EvaluatorAffiliationRow, EvaluatorAssessmentRow,
                  EvaluatorRow, EvaluatorTermRow, ExamSessionRow, InstitutionRow,
                  OrganisationRow, PreAppointmentTrainingRow, ScoreChangeRow,
                  SessionEvaluatorRow, StatusChangeRow)


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


class ExamSessions(Repository[ExamSession]):
    def __init__(self, session):
        super().__init__(session)
        self._stored_history: dict[str, int] = {}  # candidate → score entries in rows

    def get(self, session_id: str) -> ExamSession:
        row = self.session.get(ExamSessionRow, session_id)
        if row is None:
            raise NotFound(f"examSessions/{session_id} does not exist")
        evaluators = self.session.scalars(select(SessionEvaluatorRow.evaluator_id).where(
            SessionEvaluatorRow.session_id == session_id)
            .order_by(SessionEvaluatorRow.evaluator_id))
        candidates = self.session.scalars(select(CandidateRow).where(
            CandidateRow.session_id == session_id).order_by(CandidateRow.id)).all()
        history: dict[str, list[ScoreEntry]] = {c.id: [] for c in candidates}
        for h in self.session.scalars(select(ScoreChangeRow).where(
                ScoreChangeRow.candidate_id.in_(list(history))).order_by(ScoreChangeRow.id)):
            history[h.candidate_id].append(ScoreEntry(
                Scores(h.theory_score, h.skill_score, h.review_score), h.result, h.actor,
                h.entered_at))
        self._stored_history.update({cid: len(entries) for cid, entries in history.items()})
        return self._track(ExamSession(
            id=row.id, institution_id=row.institution_id, occupation_code=row.occupation_code,
            level=row.level, exam_date=row.exam_date, created_at=row.created_at,
            state=row.state, closed_at=row.closed_at, evaluator_ids=list(evaluators),
            candidates=[Candidate(
                id=c.id, session_id=c.session_id, person_id=c.person_id,
                full_name=c.full_name, resident_id_masked=c.resident_id_masked,
                theory_exempt=c.theory_exempt,
                scores=Scores(c.theory_score, c.skill_score, c.review_score), result=c.result,
                score_history=history[c.id], trained_by_id=c.trained_by_id)
                for c in candidates]))

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

    def _write(self, exam: ExamSession) -> None:
        row = self.session.get(ExamSessionRow, exam.id)
        if row is None:
            row = ExamSessionRow(id=exam.id, institution_id=exam.institution_id,
                                 occupation_code=exam.occupation_code, level=exam.level,
                                 exam_date=exam.exam_date, state=exam.state,
                                 created_at=exam.created_at)
            self.session.add(row)
        row.state, row.closed_at = exam.state, exam.closed_at
        for evaluator_id in exam.evaluator_ids:
            if self.session.get(SessionEvaluatorRow, (exam.id, evaluator_id)) is None:
                self.session.add(SessionEvaluatorRow(session_id=exam.id,
                                                     evaluator_id=evaluator_id))
        for c in exam.candidates:
            crow = self.session.get(CandidateRow, c.id)
            if crow is None:
                crow = CandidateRow(id=c.id, session_id=exam.id, person_id=c.person_id,
                                    full_name=c.full_name,
                                    resident_id_masked=c.resident_id_masked,
                                    theory_exempt=c.theory_exempt,
                                    trained_by_id=c.trained_by_id)
                self.session.add(crow)
            crow.theory_score, crow.skill_score = c.scores.theory, c.scores.skill
            crow.review_score, crow.result = c.scores.review, c.result
            for h in c.score_history[self._stored_history.get(c.id, 0):]:
                self.session.add(ScoreChangeRow(
                    candidate_id=c.id, theory_score=h.scores.theory, skill_score=h.scores.skill,
                    review_score=h.scores.review, result=h.result, actor=h.actor,
                    entered_at=h.at))
            self._stored_history[c.id] = len(c.score_history)


class AccreditationRepositories(Repositories):
    def __init__(self, session):
        super().__init__(session)
        self.institutions = Institutions(session)
        self.evaluators = Evaluators(session)
        self.exam_sessions = ExamSessions(session)
