"""accreditation's handlers: `verb(uow, message)`, one transaction each. A handler
loads aggregates, asks them to act, and commits; the rules are the aggregates', the
scope checks `servicekit.auth`'s, and the repositories write back and emit on commit."""

import uuid
from dataclasses import dataclass, field
from typing import Protocol

from anbao.certificates.v1 import certificates_pb2 as cert_pb
from anbao.certificates.v1 import events_pb2 as certificate_events
from servicekit import auth
from servicekit.errors import AlreadyExists
from servicekit.unitofwork import UnitOfWork, utcnow

from .adapters.repository import AccreditationRepositories
from .domain import assessment as assessment_data, commands as c
from .domain import eligibility as eligibility_data
from .domain.evaluators import Evaluator, PreAppointmentTraining
from .domain.exams import Appeal, Candidate, ExamSession, PersonFacts
from .domain.institutions import Institution
from .domain.launches import LevelLaunch, province_of
from .domain.sites import ExamSite


class People(Protocol):
    """registry as accreditation needs it: a person's facts, or NotFound/Unavailable."""

    def person(self, person_id: str) -> PersonFacts: ...


@dataclass(frozen=True)
class Rules:
    """Values the notices leave to the province (accreditation's settings)."""

    evaluator_term_years: int = 3            # EVAL-1
    guard_certificate_exemption_years: int = 3  # ASMT-3
    # reference data, loaded at start (data/eligibility.toml, data/assessment.toml)
    eligibility: eligibility_data.Eligibility = field(
        default_factory=eligibility_data.load)  # ASMT-5
    assessment: assessment_data.Assessment = field(
        default_factory=assessment_data.load)  # ASMT-6/7/10, CERT-5


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
    """The session and its organisation, in the caller's reach: an evaluator reaches the
    sessions it is assigned to."""
    exam = _repos(uow).exam_sessions.get(session_id)
    institution = _repos(uow).institutions.get(exam.institution_id)
    auth.require_reach(actor, region=institution.region_code, institution=institution.id,
                       evaluators=exam.evaluator_ids)
    return exam, institution


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


def appoint_evaluator(uow: UnitOfWork, cmd: c.AppointEvaluator, *, people: People,
                      rules: Rules) -> Evaluator:
    person = people.person(cmd.person_id)
    with uow:
        institution = _scoped_institution(uow, cmd.actor, cmd.institution_id)
        repo = _repos(uow).evaluators
        evaluator = Evaluator.appoint(
            id=_new_id(), person_id=cmd.person_id, full_name=person.full_name,
            institution=institution, term_start=cmd.term_start,
            term_years=rules.evaluator_term_years, recommended_by=cmd.recommended_by,
            trainings=repo.trainings(cmd.person_id),
            current=repo.current(cmd.person_id, institution.id), at=utcnow())
        repo.add(evaluator)
        uow.commit()
        return evaluator


def get_evaluator(uow: UnitOfWork, query: c.GetEvaluator) -> Evaluator:
    with uow:
        evaluator = _repos(uow).evaluators.get(query.evaluator_id)
        _scoped_institution(uow, query.actor, evaluator.institution_id)
        return evaluator


def create_exam_session(uow: UnitOfWork, cmd: c.CreateExamSession, *,
                        rules: Rules) -> ExamSession:
    """ASMT-6: the level's exam mode; ASMT-10: computer-based 保安员 exams at a registered
    national exam site."""
    mode = rules.assessment.mode(cmd.occupation_code, cmd.level)
    with uow:
        institution = _scoped_institution(uow, cmd.actor, cmd.institution_id)
        site = _repos(uow).exam_sites.find(cmd.exam_site_id) if cmd.exam_site_id else None
        exam = ExamSession.open(
            id=_new_id(), institution=institution, occupation_code=cmd.occupation_code,
            level=cmd.level, exam_date=cmd.exam_date, mode=mode,
            site_required=rules.assessment.needs_registered_site(cmd.occupation_code, mode),
            site_requested=cmd.exam_site_id, site=site, at=utcnow())
        _repos(uow).exam_sessions.add(exam)
        uow.commit()
        return exam


def get_exam_session(uow: UnitOfWork, query: c.GetExamSession) -> ExamSession:
    with uow:
        return _scoped_session(uow, query.actor, query.session_id)[0]


def assign_evaluator(uow: UnitOfWork, cmd: c.AssignEvaluator) -> ExamSession:
    with uow:
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        exam.assign(_repos(uow).evaluators.get(cmd.evaluator_id), institution)
        uow.commit()
        return exam


def enroll_candidate(uow: UnitOfWork, cmd: c.EnrollCandidate, *, people: People,
                     rules: Rules) -> Candidate:
    """An application (ASMT-5, ASMT-11, ASMT-3/4), awaiting its two reviews (ASMT-9)."""
    rules.eligibility.require_valid(list(cmd.facts))
    person = people.person(cmd.person_id)
    with uow:
        repos = _repos(uow)
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        launched = exam.level in repos.level_launches.launched(
            province_of(institution.region_code), exam.occupation_code)
        candidate = exam.enrol(candidate_id=_new_id(), person=person, facts=list(cmd.facts),
                               held=repos.held_certificates.of(cmd.person_id),
                               eligibility=rules.eligibility, launched=launched,
                               institution=institution,
                               exemption_years=rules.guard_certificate_exemption_years)
        uow.commit()
        return candidate


def review_application(uow: UnitOfWork, cmd: c.ReviewApplication) -> Candidate:
    """ASMT-9: 初审 (the organisation) or 复审 (the province), by RPC and policy."""
    with uow:
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        candidate = exam.review(cmd.candidate_id, cmd.stage, approved=cmd.approved,
                                actor=cmd.actor.subject, reason=cmd.reason,
                                institution=institution, at=utcnow())
        uow.commit()
        return candidate


def record_scores(uow: UnitOfWork, cmd: c.RecordScores, *, rules: Rules) -> Candidate:
    """By an evaluator assigned to the session (its token names it)."""
    with uow:
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        candidate = exam.record_scores(
            cmd.candidate_id, cmd.scores, evaluator_id=auth.evaluator_of(cmd.actor),
            modules=rules.assessment.modules.get(exam.occupation_code, ()),
            actor=cmd.actor.subject, institution=institution, at=utcnow())
        uow.commit()
        return candidate


def sign_off_exam_session(uow: UnitOfWork, cmd: c.SignOffExamSession) -> ExamSession:
    with uow:
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        exam.sign_off(actor=cmd.actor.subject, reason=cmd.reason, institution=institution,
                      at=utcnow())
        uow.commit()
        return exam


def check_exam_results(uow: UnitOfWork, cmd: c.CheckExamResults) -> ExamSession:
    """CERT-5: the province's check. The roles cannot tell the police department from the
    human-resources one, so the check is the province's (province_admin)."""
    with uow:
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        exam.check_results(approved=cmd.approved, actor=cmd.actor.subject, reason=cmd.reason,
                           institution=institution, at=utcnow())
        uow.commit()
        return exam


def _issuer(rules: Rules, exam: ExamSession, institution: Institution) -> assessment_data.Issuer:
    return rules.assessment.issuer(exam.occupation_code,
                                   organisation_name=institution.display_name,
                                   region_code=institution.region_code)


def close_exam_session(uow: UnitOfWork, cmd: c.CloseExamSession, *,
                       rules: Rules) -> ExamSession:
    with uow:
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        exam.close(institution, issuer=_issuer(rules, exam, institution),
                   actor=cmd.actor.subject, at=utcnow())
        uow.commit()
        return exam


def register_exam_site(uow: UnitOfWork, cmd: c.RegisterExamSite) -> ExamSite:
    with uow:
        sites = _repos(uow).exam_sites
        if (held := sites.filed(cmd.filing_number)) is not None:
            raise AlreadyExists(f"the filing number is registered as examSites/{held}")
        site = ExamSite(_new_id(), cmd.display_name, cmd.region_code, cmd.filing_number,
                        utcnow())
        sites.add(site)
        uow.commit()
        return site


def launch_level(uow: UnitOfWork, cmd: c.LaunchLevel) -> LevelLaunch:
    with uow:
        launches = _repos(uow).level_launches
        launch = LevelLaunch.launch(
            province=cmd.province, occupation_code=cmd.occupation_code, level=cmd.level,
            launched=launches.launched(cmd.province, cmd.occupation_code),
            actor=cmd.actor.subject, at=utcnow())
        launches.add(launch)
        uow.commit()
        return launch


def appeal_result(uow: UnitOfWork, cmd: c.AppealResult) -> Appeal:
    with uow:
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        appeal = exam.file_appeal(cmd.candidate_id, appeal_id=_new_id(),
                                  evaluator=_repos(uow).evaluators.get(cmd.evaluator_id),
                                  reason=cmd.reason, actor=cmd.actor.subject,
                                  institution=institution, at=utcnow())
        uow.commit()
        return appeal


def decide_appeal(uow: UnitOfWork, cmd: c.DecideAppeal, *, rules: Rules) -> Appeal:
    """By the evaluator the appeal names (its token)."""
    with uow:
        repos = _repos(uow)
        exam = repos.exam_sessions.get(cmd.session_id)
        institution = repos.institutions.get(exam.institution_id)
        named = [a.evaluator_id for x in exam.candidates if x.id == cmd.candidate_id
                 for a in x.appeals if a.id == cmd.appeal_id]
        auth.require_reach(cmd.actor, region=institution.region_code,
                           institution=institution.id, evaluators=named)
        appeal = exam.decide_appeal(
            cmd.candidate_id, cmd.appeal_id, cmd.scores,
            evaluator=repos.evaluators.get(auth.evaluator_of(cmd.actor)),
            modules=rules.assessment.modules.get(exam.occupation_code, ()), reason=cmd.reason,
            actor=cmd.actor.subject, institution=institution,
            issuer=_issuer(rules, exam, institution), at=utcnow())
        uow.commit()
        return appeal


# events

def on_certificate_issued(uow: UnitOfWork, event: certificate_events.CertificateIssued) -> None:
    """ASMT-5: a certificate someone now holds, for the routes that need one."""
    with uow:
        if _repos(uow).held_certificates.record(eligibility_data.HeldCertificate(
                event.number, event.person.removeprefix("persons/"), event.occupation_code,
                event.level)):
            uow.commit()


def on_certificate_status_changed(uow: UnitOfWork,
                                  event: certificate_events.CertificateStatusChanged) -> None:
    """ASMT-5: only a VALID certificate counts towards a route."""
    with uow:
        if _repos(uow).held_certificates.set_valid(
                event.number, event.to_status == cert_pb.CERTIFICATE_STATUS_VALID):
            uow.commit()
