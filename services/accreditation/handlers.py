"""accreditation's use cases: one transaction each. Rules live in domain.py."""

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit import auth, dates, paging
from servicekit.auth import Caller
from servicekit.errors import AlreadyExists, NotFound, PermissionDenied, Violations
from servicekit.unitofwork import UnitOfWork, new_event, utcnow

from . import domain, occupations
from .adapters.orm import (CandidateRow, EvaluatorRow, ExamSessionRow, InstitutionRow,
                           OrganisationRow, PreAppointmentTrainingRow, SessionEvaluatorRow,
                           StatusChangeRow)
from .adapters.registry_client import RegistryClient


@dataclass
class InstitutionView:
    institution: InstitutionRow
    history: list[StatusChangeRow]


@dataclass
class SessionView:
    session: ExamSessionRow
    evaluator_ids: list[str]
    candidates: list[CandidateRow]


def _new_id() -> str:
    return uuid.uuid4().hex


def require_institution_scope(actor: Caller, institution: InstitutionRow) -> None:
    """An institution's token acts for that institution only; a city admin in its region."""
    if actor.role in ("eval_org", "training_org") and actor.scope != f"institutions/{institution.id}":
        raise PermissionDenied(f"this token acts for {actor.scope or 'no institution'}, "
                               f"not institutions/{institution.id}")
    auth.require_region(actor, institution.region_code)


def _institution(uow: UnitOfWork, institution_id: str) -> InstitutionRow:
    row = uow.session.get(InstitutionRow, institution_id)
    if row is None:
        raise NotFound(f"institutions/{institution_id} does not exist")
    return row


def _history(uow: UnitOfWork, institution_id: str) -> list[StatusChangeRow]:
    return list(uow.session.scalars(select(StatusChangeRow)
                                    .where(StatusChangeRow.institution_id == institution_id)
                                    .order_by(StatusChangeRow.id)))


def _lock_organisation(uow: UnitOfWork, uscc: str) -> None:
    """Serialises role changes of one USCC (PostgreSQL row lock; SQLite writes are serial)."""
    try:
        with uow.session.begin_nested():
            uow.session.execute(insert(OrganisationRow).values(uscc=uscc, created_at=utcnow()))
    except IntegrityError:
        pass
    uow.session.execute(select(OrganisationRow).where(OrganisationRow.uscc == uscc)
                        .with_for_update())


def _change_status(uow: UnitOfWork, row: InstitutionRow, target: int, actor: Caller,
                   reason: str) -> None:
    previous = row.status
    row.status = target
    uow.session.add(StatusChangeRow(institution_id=row.id, from_status=previous, to_status=target,
                                    actor=actor.subject, reason=reason, changed_at=utcnow()))
    uow.emit(new_event(events_pb2.InstitutionStatusChanged, institution=f"institutions/{row.id}",
                       display_name=row.display_name, uscc=row.uscc, role=row.role,
                       from_status=previous, to_status=target, reason=reason))


def create_institution(uow: UnitOfWork, actor: Caller, *, display_name: str, uscc: str,
                       role: int, region_code: str, category: int, ministry_code: str,
                       site_serial: str) -> InstitutionView:
    auth.require_region(actor, region_code)
    with uow:
        _lock_organisation(uow, uscc)
        held = uow.session.scalars(select(InstitutionRow).where(
            InstitutionRow.uscc == uscc,
            InstitutionRow.status.not_in(domain.ENDED))).all()
        domain.check_separation({h.role for h in held}, role)
        if held:
            raise AlreadyExists(f"this USCC already holds the role as institutions/{held[0].id}")
        row = InstitutionRow(id=_new_id(), display_name=display_name, uscc=uscc, role=role,
                             status=pb.INSTITUTION_STATUS_UNSPECIFIED, region_code=region_code,
                             category=category, ministry_code=ministry_code,
                             site_serial=site_serial, created_at=utcnow())
        uow.session.add(row)
        _change_status(uow, row, pb.INSTITUTION_STATUS_APPLIED, actor, "application filed")
        uow.commit()
        return InstitutionView(row, _history(uow, row.id))


def change_institution_status(uow: UnitOfWork, actor: Caller, institution_id: str, target: int,
                              reason: str) -> InstitutionView:
    with uow:
        row = _institution(uow, institution_id)
        auth.require_region(actor, row.region_code)
        domain.check_transition(row.status, target)
        if target == pb.INSTITUTION_STATUS_ACTIVE:
            _lock_organisation(uow, row.uscc)
            others = uow.session.scalars(select(InstitutionRow.role).where(
                InstitutionRow.uscc == row.uscc, InstitutionRow.id != row.id,
                InstitutionRow.status.not_in(domain.ENDED))).all()
            domain.check_separation(set(others), row.role)
        _change_status(uow, row, target, actor, reason)
        uow.commit()
        return InstitutionView(row, _history(uow, row.id))


def get_institution(uow: UnitOfWork, institution_id: str) -> InstitutionView:
    with uow:
        return InstitutionView(_institution(uow, institution_id), _history(uow, institution_id))


def list_institutions(uow: UnitOfWork, role: int, page_size: int,
                      after: str | None) -> tuple[list[InstitutionView], str | None]:
    stmt = select(InstitutionRow)
    if role:
        stmt = stmt.where(InstitutionRow.role == role)
    if after:
        stmt = stmt.where(InstitutionRow.id > after)
    with uow:
        rows = uow.session.scalars(stmt.order_by(InstitutionRow.id).limit(page_size + 1)).all()
        page, last = paging.split_page(rows, page_size, key=lambda r: r.id)
        return [InstitutionView(r, _history(uow, r.id)) for r in page], last


def record_pre_appointment_training(uow: UnitOfWork, people: RegistryClient, *, person_id: str,
                                    completion_date: date, passed: bool,
                                    provider: str) -> PreAppointmentTrainingRow:
    people.person(person_id)  # must exist
    with uow:
        row = PreAppointmentTrainingRow(person_id=person_id, completion_date=completion_date,
                                        passed=passed, provider=provider, recorded_at=utcnow())
        uow.session.add(row)
        uow.commit()
        return row


def appoint_evaluator(uow: UnitOfWork, actor: Caller, people: RegistryClient, *,
                      institution_id: str, person_id: str, term_start: date,
                      term_years: int, recommended_by: str) -> EvaluatorRow:
    person = people.person(person_id)
    with uow:
        institution = _institution(uow, institution_id)
        require_institution_scope(actor, institution)
        domain.require_active_evaluation_org(institution.role, institution.status)
        trainings = uow.session.scalars(select(PreAppointmentTrainingRow.completion_date).where(
            PreAppointmentTrainingRow.person_id == person_id,
            PreAppointmentTrainingRow.passed.is_(True))).all()
        domain.require_pre_appointment_training(list(trainings), term_start)
        current = uow.session.scalars(select(EvaluatorRow).where(
            EvaluatorRow.person_id == person_id, EvaluatorRow.institution_id == institution_id,
            EvaluatorRow.status == pb.EVALUATOR_STATUS_APPOINTED,
            EvaluatorRow.term_end > term_start)).first()
        if current is not None:
            raise AlreadyExists(f"already appointed as evaluators/{current.id}")
        row = EvaluatorRow(id=_new_id(), person_id=person_id, full_name=person.full_name,
                           institution_id=institution_id, status=pb.EVALUATOR_STATUS_APPOINTED,
                           term_start=term_start, term_end=domain.term_end(term_start, term_years),
                           recommended_by=recommended_by, created_at=utcnow())
        uow.session.add(row)
        uow.emit(new_event(events_pb2.EvaluatorAppointed, evaluator=f"evaluators/{row.id}",
                           person=f"persons/{person_id}", institution=f"institutions/{institution_id}",
                           term_start=row.term_start.isoformat(), term_end=row.term_end.isoformat()))
        uow.commit()
        return row


def get_evaluator(uow: UnitOfWork, evaluator_id: str) -> EvaluatorRow:
    with uow:
        row = uow.session.get(EvaluatorRow, evaluator_id)
        if row is None:
            raise NotFound(f"evaluators/{evaluator_id} does not exist")
        return row


def _session_view(uow: UnitOfWork, session: ExamSessionRow) -> SessionView:
    evaluators = uow.session.scalars(select(SessionEvaluatorRow.evaluator_id).where(
        SessionEvaluatorRow.session_id == session.id).order_by(SessionEvaluatorRow.evaluator_id))
    candidates = uow.session.scalars(select(CandidateRow).where(
        CandidateRow.session_id == session.id).order_by(CandidateRow.id))
    return SessionView(session, list(evaluators), list(candidates))


def _session(uow: UnitOfWork, session_id: str, actor: Caller | None = None) -> ExamSessionRow:
    row = uow.session.get(ExamSessionRow, session_id)
    if row is None:
        raise NotFound(f"examSessions/{session_id} does not exist")
    if actor is not None:
        require_institution_scope(actor, _institution(uow, row.institution_id))
    return row


def create_exam_session(uow: UnitOfWork, actor: Caller, *, institution_id: str,
                        occupation_code: str, level: int, exam_date: date) -> SessionView:
    with uow:
        institution = _institution(uow, institution_id)
        require_institution_scope(actor, institution)
        domain.require_active_evaluation_org(institution.role, institution.status)
        row = ExamSessionRow(id=_new_id(), institution_id=institution_id,
                             occupation_code=occupation_code, level=level, exam_date=exam_date,
                             state=pb.EXAM_SESSION_STATE_OPEN, created_at=utcnow())
        uow.session.add(row)
        uow.commit()
        return SessionView(row, [], [])


def get_exam_session(uow: UnitOfWork, actor: Caller, session_id: str) -> SessionView:
    with uow:
        return _session_view(uow, _session(uow, session_id, actor))


def assign_evaluator(uow: UnitOfWork, actor: Caller, *, session_id: str,
                     evaluator_id: str) -> SessionView:
    with uow:
        session = _session(uow, session_id, actor)
        domain.require_open(session.state)
        evaluator = uow.session.get(EvaluatorRow, evaluator_id)
        if evaluator is None:
            raise NotFound(f"evaluators/{evaluator_id} does not exist")
        domain.require_assignable(
            domain.EvaluatorFacts(evaluator.status, evaluator.institution_id,
                                  evaluator.term_start, evaluator.term_end),
            session.institution_id, session.exam_date)
        if uow.session.get(SessionEvaluatorRow, (session_id, evaluator_id)) is None:
            uow.session.add(SessionEvaluatorRow(session_id=session_id, evaluator_id=evaluator_id))
        uow.commit()
        return _session_view(uow, session)


def enroll_candidate(uow: UnitOfWork, actor: Caller, people: RegistryClient, *,
                     session_id: str, person_id: str, exemption_years: int) -> CandidateRow:
    person = people.person(person_id)
    with uow:
        session = _session(uow, session_id, actor)
        domain.require_open(session.state)
        exempt = domain.eligibility(session.occupation_code, session.level,
                                    person.guard_certificate_date, session.exam_date,
                                    exemption_years)
        existing = uow.session.scalars(select(CandidateRow).where(
            CandidateRow.session_id == session_id, CandidateRow.person_id == person_id)).first()
        if existing is not None:
            raise AlreadyExists(f"already enrolled as examSessions/{session_id}/candidates/"
                                f"{existing.id}")
        row = CandidateRow(id=_new_id(), session_id=session_id, person_id=person_id,
                           full_name=person.full_name,
                           resident_id_masked=person.resident_id_masked, theory_exempt=exempt,
                           result=pb.ASSESSMENT_RESULT_PENDING)
        uow.session.add(row)
        uow.commit()
        return row


def _candidate(uow: UnitOfWork, session_id: str, candidate_id: str) -> CandidateRow:
    row = uow.session.get(CandidateRow, candidate_id)
    if row is None or row.session_id != session_id:
        raise NotFound(f"examSessions/{session_id}/candidates/{candidate_id} does not exist")
    return row


def record_scores(uow: UnitOfWork, actor: Caller, *, session_id: str, candidate_id: str,
                  scores: domain.Scores) -> CandidateRow:
    with uow:
        session = _session(uow, session_id, actor)
        domain.require_open(session.state)
        candidate = _candidate(uow, session_id, candidate_id)
        v = Violations()
        domain.validate_scores(v, scores, level=session.level,
                               theory_exempt=candidate.theory_exempt)
        v.raise_if_any()
        candidate.theory_score, candidate.skill_score = scores.theory, scores.skill
        candidate.review_score = scores.review
        candidate.result = domain.result_of(scores, level=session.level,
                                            theory_exempt=candidate.theory_exempt)
        uow.commit()
        return candidate


def close_exam_session(uow: UnitOfWork, actor: Caller, session_id: str) -> SessionView:
    """ASMT-8: closing makes results final; each passer gets one AssessmentPassed."""
    with uow:
        session = _session(uow, session_id, actor)
        domain.require_open(session.state)
        view = _session_view(uow, session)
        unscored = sum(c.result == pb.ASSESSMENT_RESULT_PENDING for c in view.candidates)
        domain.require_closable(len(view.evaluator_ids), unscored)
        institution = _institution(uow, session.institution_id)
        prefix = domain.number_prefix(institution.category, institution.ministry_code,
                                      institution.region_code, institution.site_serial)
        occupation = occupations.find(session.occupation_code)
        session.state = pb.EXAM_SESSION_STATE_CLOSED
        session.closed_at = utcnow()
        for c in view.candidates:
            if c.result != pb.ASSESSMENT_RESULT_PASSED:
                continue
            event = new_event(
                events_pb2.AssessmentPassed,
                candidate=f"examSessions/{session.id}/candidates/{c.id}",
                person=f"persons/{c.person_id}", holder_name=c.full_name,
                resident_id_masked=c.resident_id_masked,
                occupation_code=session.occupation_code, occupation_name=occupation.name,
                level=session.level, institution=f"institutions/{institution.id}",
                organisation_name=institution.display_name, organisation_prefix=prefix,
                exam_date=dates.iso(session.exam_date))
            event.close_time.FromDatetime(session.closed_at)
            uow.emit(event)
        uow.commit()
        return view

