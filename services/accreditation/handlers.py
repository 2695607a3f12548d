"""accreditation's handlers: `verb(uow, message)`, one transaction each. A handler
loads aggregates, asks them to act, and commits; the rules are the aggregates', the
scope checks `servicekit.auth`'s, and the repositories write back and emit on commit."""

import uuid
from dataclasses import dataclass
from typing import Protocol

from servicekit import auth, paging
from servicekit.errors import AlreadyExists
from servicekit.unitofwork import UnitOfWork, utcnow

from .adapters.repository import AccreditationRepositories
from .domain import commands as c
from .domain.evaluators import AssessmentSchedule, Evaluator, PreAppointmentTraining
from .domain.exams import Candidate, ExamSession, PersonFacts
from .domain.institutions import Institution
from .domain.pass_rates import Monitoring, PassRate, pass_rates


class People(Protocol):
    """registry as accreditation needs it: a person's facts, or NotFound/Unavailable."""

    def person(self, person_id: str) -> PersonFacts: ...


@dataclass(frozen=True)
class Rules:
    """Values the notices leave to the province (accreditation's settings)."""

    evaluator_term_years: int = 3            # EVAL-1
    guard_certificate_exemption_years: int = 3  # ASMT-3
    assessment: AssessmentSchedule = AssessmentSchedule()  # EVAL-3 deadline, pass mark
    monitoring: Monitoring = Monitoring()    # pass-rate test threshold, minimum candidates


def _new_id() -> str:
    return uuid.uuid4().hex


def _repos(uow: UnitOfWork) -> AccreditationRepositories:
    return uow.repos


def _scoped_institution(uow: UnitOfWork, actor: auth.Caller, institution_id: str) -> Institution:
    institution = _repos(uow).institutions.get(institution_id)
    auth.require_reach(actor, region=institution.region_code, institution=institution.id)
    return institution


def _scoped_session(uow: UnitOfWork, actor: auth.Caller,
                    session_id: str) -> tuple[ExamSession, Institution]:
    exam = _repos(uow).exam_sessions.get(session_id)
    return exam, _scoped_institution(uow, actor, exam.institution_id)


def create_institution(uow: UnitOfWork, cmd: c.CreateInstitution) -> Institution:
    auth.require_reach(cmd.actor, region=cmd.region_code)
    with uow:
        repo = _repos(uow).institutions
        repo.lock_organisation(cmd.uscc)
        held = repo.held_roles(cmd.uscc)
        institution = Institution.apply(
            id=_new_id(), display_name=cmd.display_name, uscc=cmd.uscc, role=cmd.role,
            region_code=cmd.region_code, numbering=cmd.numbering, other_roles=set(held),
            actor=cmd.actor.subject, at=utcnow())
        if cmd.role in held:
            raise AlreadyExists(f"this USCC already holds the role as institutions/{held[cmd.role]}")
        repo.add(institution)
        uow.commit()
        return institution


def change_institution_status(uow: UnitOfWork, cmd: c.ChangeInstitutionStatus) -> Institution:
    with uow:
        repo = _repos(uow).institutions
        institution = _scoped_institution(uow, cmd.actor, cmd.institution_id)
        repo.lock_organisation(institution.uscc)
        institution.change_status(cmd.status, actor=cmd.actor.subject, reason=cmd.reason,
                                  at=utcnow(),
                                  other_roles=set(repo.held_roles(institution.uscc,
                                                                  excluding=institution.id)))
        uow.commit()
        return institution


def get_institution(uow: UnitOfWork, query: c.GetInstitution) -> Institution:
    with uow:
        return _scoped_institution(uow, query.actor, query.institution_id)


def list_institutions(uow: UnitOfWork, query: c.ListInstitutions) -> tuple[list[Institution], str]:
    """Confined to a city admin's division, or to an institution itself."""
    with uow:
        return _repos(uow).institutions.page(query.role, query.page,
                                             division=auth.division_of(query.actor),
                                             institution=auth.institution_of(query.actor))


def record_pre_appointment_training(uow: UnitOfWork, cmd: c.RecordPreAppointmentTraining, *,
                                    people: People) -> PreAppointmentTraining:
    people.person(cmd.person_id)  # must exist
    training = PreAppointmentTraining(cmd.person_id, cmd.completion_date, cmd.passed,
                                      cmd.provider)
    with uow:
        _repos(uow).evaluators.add_training(training)
        uow.commit()
    return training


def _institutions(uow: UnitOfWork, ids: tuple[str, ...]) -> list[Institution]:
    return [_repos(uow).institutions.get(i) for i in ids]


def appoint_evaluator(uow: UnitOfWork, cmd: c.AppointEvaluator, *, people: People,
                      rules: Rules) -> Evaluator:
    person = people.person(cmd.person_id)
    with uow:
        institution = _scoped_institution(uow, cmd.actor, cmd.institution_id)
        repo = _repos(uow).evaluators
        evaluator = Evaluator.appoint(
            id=_new_id(), person_id=cmd.person_id, full_name=person.full_name,
            institution=institution, occupation_code=cmd.occupation_code,
            max_level=cmd.max_level, term_start=cmd.term_start,
            term_years=rules.evaluator_term_years, recommended_by=cmd.recommended_by,
            trainings=repo.trainings(cmd.person_id),
            existing=repo.existing(cmd.person_id, institution.id, cmd.occupation_code),
            dismissed_elsewhere=repo.dismissed(cmd.person_id),
            affiliations=_institutions(uow, cmd.affiliations), actor=cmd.actor.subject,
            at=utcnow())
        repo.add(evaluator)
        uow.commit()
        return evaluator


def _scoped_evaluator(uow: UnitOfWork, actor: auth.Caller,
                      evaluator_id: str) -> tuple[Evaluator, Institution]:
    evaluator = _repos(uow).evaluators.get(evaluator_id)
    return evaluator, _scoped_institution(uow, actor, evaluator.institution_id)


def get_evaluator(uow: UnitOfWork, query: c.GetEvaluator) -> Evaluator:
    with uow:
        return _scoped_evaluator(uow, query.actor, query.evaluator_id)[0]


def renew_evaluator(uow: UnitOfWork, cmd: c.RenewEvaluator, *, rules: Rules) -> Evaluator:
    with uow:
        evaluator, institution = _scoped_evaluator(uow, cmd.actor, cmd.evaluator_id)
        evaluator.renew(institution=institution, start=cmd.term_start,
                        term_years=rules.evaluator_term_years, actor=cmd.actor.subject,
                        at=utcnow())
        uow.commit()
        return evaluator


def record_annual_assessment(uow: UnitOfWork, cmd: c.RecordAnnualAssessment, *,
                             rules: Rules) -> Evaluator:
    with uow:
        evaluator, _ = _scoped_evaluator(uow, cmd.actor, cmd.evaluator_id)
        evaluator.record_assessment(
            year=cmd.year, ethics=cmd.ethics, professional_score=cmd.professional_score,
            performance_score=cmd.performance_score, assessed_on=cmd.assessed_on,
            remarks=cmd.remarks, schedule=rules.assessment, actor=cmd.actor.subject,
            at=utcnow())
        uow.commit()
        return evaluator


def set_evaluator_affiliations(uow: UnitOfWork, cmd: c.SetEvaluatorAffiliations) -> Evaluator:
    with uow:
        evaluator, _ = _scoped_evaluator(uow, cmd.actor, cmd.evaluator_id)
        evaluator.set_affiliations(_institutions(uow, cmd.affiliations),
                                   actor=cmd.actor.subject, at=utcnow())
        uow.commit()
        return evaluator


def list_evaluators(uow: UnitOfWork, query: c.ListEvaluators, *,
                    rules: Rules) -> tuple[list[Evaluator], str]:
    """Status and overdue as of the query's date; confined to a city admin's division or
    an organisation's own evaluators."""
    def keep(e: Evaluator) -> bool:
        if query.status and e.status_on(query.as_of) != query.status:
            return False
        overdue = bool(e.overdue_years(query.as_of, rules.assessment))
        return query.overdue is None or overdue == query.overdue

    with uow:
        if query.institution_id:
            _scoped_institution(uow, query.actor, query.institution_id)
        return _repos(uow).evaluators.page(
            keep, query.page, institution=query.institution_id or auth.institution_of(query.actor),
            division=auth.division_of(query.actor))


def list_pass_rates(uow: UnitOfWork, query: c.ListPassRates, *,
                    rules: Rules) -> tuple[list[PassRate], str]:
    """Computed from closed sessions on every call: nothing to keep in step."""
    with uow:
        outcomes = _repos(uow).exam_sessions.closed_outcomes(query.year)
    rates = [r for r in pass_rates(outcomes, rules.monitoring)
             if (not query.subject or r.subject == query.subject)
             and (not query.anomalies_only or r.anomalous(rules.monitoring.alpha))
             and (query.page.after is None or r.key > query.page.after)]
    items, last = paging.split_page(rates, query.page.size, key=lambda r: r.key)
    return items, paging.encode_token(last) if last else ""


def create_exam_session(uow: UnitOfWork, cmd: c.CreateExamSession) -> ExamSession:
    with uow:
        institution = _scoped_institution(uow, cmd.actor, cmd.institution_id)
        exam = ExamSession.open(id=_new_id(), institution=institution,
                                occupation_code=cmd.occupation_code, level=cmd.level,
                                exam_date=cmd.exam_date, at=utcnow())
        _repos(uow).exam_sessions.add(exam)
        uow.commit()
        return exam


def get_exam_session(uow: UnitOfWork, query: c.GetExamSession) -> ExamSession:
    with uow:
        return _scoped_session(uow, query.actor, query.session_id)[0]


def assign_evaluator(uow: UnitOfWork, cmd: c.AssignEvaluator, *, rules: Rules) -> ExamSession:
    with uow:
        exam, _ = _scoped_session(uow, cmd.actor, cmd.session_id)
        exam.assign(_repos(uow).evaluators.get(cmd.evaluator_id), rules.assessment)
        uow.commit()
        return exam


def enroll_candidate(uow: UnitOfWork, cmd: c.EnrollCandidate, *, people: People,
                     rules: Rules) -> Candidate:
    person = people.person(cmd.person_id)
    with uow:
        exam, _ = _scoped_session(uow, cmd.actor, cmd.session_id)
        if cmd.trained_by_id:  # must exist; EVAL-5 against every assigned evaluator
            _repos(uow).institutions.get(cmd.trained_by_id)
        candidate = exam.enrol(candidate_id=_new_id(), person=person,
                               exemption_years=rules.guard_certificate_exemption_years,
                               trained_by_id=cmd.trained_by_id,
                               evaluators=[_repos(uow).evaluators.get(e)
                                           for e in exam.evaluator_ids])
        uow.commit()
        return candidate


def record_scores(uow: UnitOfWork, cmd: c.RecordScores) -> Candidate:
    with uow:
        exam, _ = _scoped_session(uow, cmd.actor, cmd.session_id)
        candidate = exam.record_scores(cmd.candidate_id, cmd.scores,
                                       actor=cmd.actor.subject, at=utcnow())
        uow.commit()
        return candidate


def close_exam_session(uow: UnitOfWork, cmd: c.CloseExamSession) -> ExamSession:
    with uow:
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        exam.close(institution, at=utcnow())
        uow.commit()
        return exam
