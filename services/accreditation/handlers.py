"""accreditation's handlers: `verb(uow, message)`, one transaction each. A handler
loads aggregates, asks them to act, and commits; the rules are the aggregates', the
scope checks `servicekit.auth`'s, and the repositories write back and emit on commit."""

import uuid
from dataclasses import dataclass, field
from typing import Protocol

from servicekit import auth, dates, paging
from servicekit.errors import AlreadyExists
from servicekit.unitofwork import UnitOfWork, utcnow

from anbao.accreditation.v1 import accreditation_pb2 as pb

from .adapters.repository import AccreditationRepositories
from .domain import commands as c
from .domain.evaluators import AssessmentSchedule, Evaluator, PreAppointmentTraining
from .domain.exams import Candidate, ExamSession, PersonFacts
from .domain import quotas, separation, supervisors
from .domain.calls import CallForApplications
from .domain.institutions import Institution
from .domain.pass_rates import Monitoring, PassRate, pass_rates
from .domain.licences import TrainingLicence
from .domain.supervisors import Bulletin, Supervisor, SupervisionVisit
from .domain.teachers import Teacher, TeacherAssessment


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
    supervisor_term_years: int = 3           # INST-5 assumption: like evaluators
    quota_table: quotas.QuotaTable = field(default_factory=quotas.load_table)  # INST-3


def _new_id() -> str:
    return uuid.uuid4().hex


def _repos(uow: UnitOfWork) -> AccreditationRepositories:
    return uow.repos


def _scoped_institution(uow: UnitOfWork, actor: auth.Caller, institution_id: str) -> Institution:
    institution = _repos(uow).institutions.get(institution_id)
    auth.require_reach(actor, region=institution.region_code, institution=institution.id)
    return institution


def _locked_institution(uow: UnitOfWork, actor: auth.Caller, institution_id: str) -> Institution:
    """The institution, read after taking its lock: concurrent changes of one institution
    (the two departments deciding at once) apply one after the other, each seeing the
    other's (PostgreSQL; SQLite write transactions are serial anyway)."""
    _repos(uow).institutions.lock_institution(institution_id)
    return _scoped_institution(uow, actor, institution_id)


def _scoped_session(uow: UnitOfWork, actor: auth.Caller,
                    session_id: str) -> tuple[ExamSession, Institution]:
    exam = _repos(uow).exam_sessions.get(session_id)
    return exam, _scoped_institution(uow, actor, exam.institution_id)


def create_institution(uow: UnitOfWork, cmd: c.CreateInstitution) -> Institution:
    """INST-1: an application against an open call; INST-2; CERT-1."""
    auth.require_reach(cmd.actor, region=cmd.region_code)
    with uow:
        repos = _repos(uow)
        repo = repos.institutions
        call = repos.calls.get(cmd.call_id)
        repo.lock_organisation(cmd.uscc)
        held = repo.held_roles(cmd.uscc)
        institution = Institution.apply(
            id=_new_id(), display_name=cmd.display_name, uscc=cmd.uscc, role=cmd.role,
            region_code=cmd.region_code, numbering=cmd.numbering, other_roles=set(held),
            actor=cmd.actor.subject, at=utcnow(), call=call, today=dates.today(),
            occupation_codes=cmd.occupation_codes,
            legal_representative=cmd.legal_representative, parent_uscc=cmd.parent_uscc)
        if cmd.role in held:
            raise AlreadyExists(f"this USCC already holds the role as institutions/{held[cmd.role]}")
        if institution.role == pb.INSTITUTION_ROLE_EVALUATION:
            prefix = institution.number_prefix
            repo.lock_numbering(prefix)
            institution.numbering.require_unclaimed(institution.region_code, institution.uscc,
                                                    repo.numbering_holder(prefix))
        repo.add(institution)
        uow.commit()
        return institution


def change_institution_status(uow: UnitOfWork, cmd: c.ChangeInstitutionStatus) -> Institution:
    with uow:
        repos = _repos(uow)
        repo = repos.institutions
        institution = _locked_institution(uow, cmd.actor, cmd.institution_id)
        repo.lock_organisation(institution.uscc)
        published = bool(institution.call_id) and \
            repos.calls.get(institution.call_id).published_at is not None
        institution.change_status(cmd.status, actor=cmd.actor.subject, reason=cmd.reason,
                                  at=utcnow(),
                                  other_roles=set(repo.held_roles(institution.uscc,
                                                                  excluding=institution.id)),
                                  result_published=published)
        uow.commit()
        return institution


def get_institution(uow: UnitOfWork, query: c.GetInstitution) -> Institution:
    with uow:
        return _scoped_institution(uow, query.actor, query.institution_id)


def list_institutions(uow: UnitOfWork, query: c.ListInstitutions) -> tuple[list[Institution], str]:
    """Confined to a city admin's division, or to an institution itself."""
    with uow:
        return _repos(uow).institutions.page(
            query.role, query.page, division=auth.division_of(query.actor),
            institution=auth.institution_of(query.actor), status=query.status,
            region=query.region_code, occupation=query.occupation_code)


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


# institutions: calls and joint selection (INST-1), separation (INST-2), quotas (INST-3)

def create_call_for_applications(uow: UnitOfWork,
                                 cmd: c.CreateCallForApplications) -> CallForApplications:
    auth.require_reach(cmd.actor, region=cmd.region_code)
    call = CallForApplications(
        id=_new_id(), title=cmd.title, role=cmd.role, occupation_code=cmd.occupation_code,
        region_code=cmd.region_code, open_date=cmd.open_date, close_date=cmd.close_date,
        creator=cmd.actor.subject, created_at=utcnow())
    with uow:
        _repos(uow).calls.add(call)
        uow.commit()
    return call


def get_call_for_applications(uow: UnitOfWork,
                              query: c.GetCallForApplications) -> CallForApplications:
    """Public: a call and its published result are notices to the public (公开征集)."""
    with uow:
        return _repos(uow).calls.get(query.call_id)


def _quota(uow: UnitOfWork, rules: Rules, institution: Institution) -> dict:
    """INST-3: for each occupation of a training institution, its phase's rule and the
    other holders in the quota's scope — counted under the quota's lock."""
    repos = _repos(uow)
    out = {}
    if institution.role != pb.INSTITUTION_ROLE_TRAINING:
        return out
    province = quotas.province_code(institution.region_code)
    for code in institution.occupation_codes:
        set_phase = repos.quota_phases.get(province, code)
        phase = set_phase.phase if set_phase else rules.quota_table.defaults.get((province, code))
        rule = rules.quota_table.rule(phase) if phase else None
        if rule is None:
            continue
        repos.institutions.lock_quota(province, code)
        out[code] = (rule, repos.institutions.quota_holders(
            code, quotas.scope_prefix(rule, institution.region_code), institution.id))
    return out


def decide_application(uow: UnitOfWork, cmd: c.DecideApplication, *, rules: Rules) -> Institution:
    """INST-1: one department's decision; the second approval selects (INST-2, -3, -6, -7)."""
    with uow:
        repo = _repos(uow).institutions
        institution = _locked_institution(uow, cmd.actor, cmd.institution_id)
        repo.lock_organisation(institution.uscc)
        quota = _quota(uow, rules, institution) if cmd.outcome == pb.SELECTION_OUTCOME_APPROVED \
            else {}
        institution.decide(department=cmd.actor.department, outcome=cmd.outcome,
                           actor=cmd.actor.subject, reason=cmd.reason, at=utcnow(),
                           today=dates.today(),
                           other_roles=set(repo.held_roles(institution.uscc,
                                                           excluding=institution.id)),
                           quota=quota)
        uow.commit()
        return institution


def close_call_for_applications(uow: UnitOfWork,
                                cmd: c.CloseCallForApplications) -> CallForApplications:
    with uow:
        call = _repos(uow).calls.get(cmd.call_id)
        auth.require_reach(cmd.actor, region=call.region_code)
        call.close(dates.today(), utcnow())
        uow.commit()
        return call


def publish_call_result(uow: UnitOfWork, cmd: c.PublishCallResult) -> CallForApplications:
    with uow:
        repos = _repos(uow)
        call = repos.calls.get(cmd.call_id)
        auth.require_reach(cmd.actor, region=call.region_code)
        call.publish(repos.institutions.of_call(call.id), dates.today(), utcnow())
        uow.commit()
        return call


def check_separation(uow: UnitOfWork, query: c.CheckSeparation) -> separation.SeparationReport:
    """INST-2 as a dry run; a city admin sees the institutions of its division only (the
    verdict itself is not confined: an application would meet it anywhere)."""
    with uow:
        repo = _repos(uow).institutions
        others = repo.possible_affiliates(query.uscc, query.legal_representative,
                                          query.parent_uscc)
        report = separation.assess(
            uscc=query.uscc, role=query.role, legal_representative=query.legal_representative,
            parent_uscc=query.parent_uscc, same_uscc=repo.held_roles(query.uscc), others=others)
        regions = {i.id: i.region_code for i in others}
        for iid in report.conflicting:
            regions[iid] = repo.get(iid).region_code

        def visible(iid: str) -> bool:
            return auth.reaches(query.actor, region=regions.get(iid, ""))
        return separation.SeparationReport(
            report.allowed, report.reason, [i for i in report.conflicting if visible(i)],
            [a for a in report.affiliates if visible(a.institution_id)])


def set_quota_phase(uow: UnitOfWork, cmd: c.SetQuotaPhase, *, rules: Rules) -> quotas.QuotaPhase:
    with uow:
        repo = _repos(uow).quota_phases
        phase = repo.get(cmd.province_code, cmd.occupation_code)
        if phase is None:
            phase = quotas.QuotaPhase(cmd.province_code, cmd.occupation_code, cmd.phase)
            repo.add(phase)
        phase.phase, phase.setter, phase.set_at = cmd.phase, cmd.actor.subject, utcnow()
        uow.commit()
        return phase


# teachers (INST-4)

def register_teacher(uow: UnitOfWork, cmd: c.RegisterTeacher, *, people: People) -> Teacher:
    person = people.person(cmd.person_id)
    with uow:
        repos = _repos(uow)
        institution = _scoped_institution(uow, cmd.actor, cmd.institution_id)
        teacher = Teacher.register(id=_new_id(), person_id=cmd.person_id,
                                   full_name=person.full_name, institution=institution,
                                   at=utcnow())
        existing = repos.teachers.find(cmd.person_id, institution.id)
        if existing:
            raise AlreadyExists(f"already registered as teachers/{existing}")
        repos.teachers.add(teacher)
        uow.commit()
        return teacher


def _scoped_teacher(uow: UnitOfWork, actor: auth.Caller, teacher_id: str) -> Teacher:
    teacher = _repos(uow).teachers.get(teacher_id)
    _scoped_institution(uow, actor, teacher.institution_id)
    return teacher


def record_teacher_assessment(uow: UnitOfWork, cmd: c.RecordTeacherAssessment) -> Teacher:
    with uow:
        teacher = _scoped_teacher(uow, cmd.actor, cmd.teacher_id)
        teacher.assess(TeacherAssessment(cmd.assess_date, cmd.passed, cmd.assessor, cmd.notes,
                                         cmd.actor.subject, utcnow()))
        uow.commit()
        return teacher


def get_teacher(uow: UnitOfWork, query: c.GetTeacher) -> Teacher:
    with uow:
        return _scoped_teacher(uow, query.actor, query.teacher_id)


# supervisors (INST-5)

def appoint_supervisor(uow: UnitOfWork, cmd: c.AppointSupervisor, *, people: People,
                       rules: Rules) -> Supervisor:
    person = people.person(cmd.person_id)
    supervisor = Supervisor(id=_new_id(), person_id=cmd.person_id, full_name=person.full_name,
                            affiliation=cmd.affiliation, term_start=cmd.term_start,
                            term_end=supervisors.term_end(cmd.term_start,
                                                          rules.supervisor_term_years),
                            appointer=cmd.actor.subject, created_at=utcnow())
    with uow:
        repo = _repos(uow).supervisors
        current = repo.overlapping(cmd.person_id, supervisor.term_start, supervisor.term_end)
        if current:
            raise AlreadyExists(f"already appointed as supervisors/{current} for a term "
                                "overlapping this one")
        repo.add(supervisor)
        uow.commit()
    return supervisor


def record_supervision_visit(uow: UnitOfWork, cmd: c.RecordSupervisionVisit) -> SupervisionVisit:
    with uow:
        repos = _repos(uow)
        institution = _scoped_institution(uow, cmd.actor, cmd.institution_id)
        visit = SupervisionVisit.record(
            id=_new_id(), supervisor=repos.supervisors.get(cmd.supervisor_id),
            institution=institution, visit_date=cmd.visit_date, findings=cmd.findings,
            at=utcnow())
        repos.supervision_visits.add_visit(visit, institution.region_code)
        uow.commit()
        return visit


def get_supervision_bulletin(uow: UnitOfWork, query: c.GetSupervisionBulletin) -> Bulletin:
    region = auth.region_in_scope(query.actor, query.region_code)
    with uow:
        repos = _repos(uow)
        visits = repos.supervision_visits.between(query.start_date, query.end_date, region)
        names = repos.institutions.names(sorted({v.institution_id for v in visits}))
        return supervisors.bulletin(query.start_date, query.end_date, region, visits, names)


# licences (INST-6), blacklist (INST-7), quality (INST-8)

def record_training_licence(uow: UnitOfWork, cmd: c.RecordTrainingLicence) -> Institution:
    with uow:
        institution = _locked_institution(uow, cmd.actor, cmd.institution_id)
        institution.record_licence(TrainingLicence(cmd.number, cmd.issuer, cmd.valid_from,
                                                   cmd.valid_until, utcnow()))
        uow.commit()
        return institution


def blacklist_institution(uow: UnitOfWork, cmd: c.BlacklistInstitution) -> Institution:
    with uow:
        institution = _locked_institution(uow, cmd.actor, cmd.institution_id)
        institution.put_on_blacklist(reason=cmd.reason, evidence=cmd.evidence,
                                     revoke=cmd.revoke_qualification, actor=cmd.actor.subject,
                                     at=utcnow())
        uow.commit()
        return institution


def fraud_found(uow: UnitOfWork, event: c.FraudFound) -> Institution:
    """INST-7 from the training service's FraudFound event (its consumer translates the
    event and gives a unit of work whose inbox holds it, so a redelivery changes nothing)."""
    with uow:
        _repos(uow).institutions.lock_institution(event.institution_id)
        institution = _repos(uow).institutions.get(event.institution_id)
        institution.put_on_blacklist(reason=event.reason, evidence=event.evidence,
                                     revoke=event.revoke_qualification,
                                     actor=f"FraudFound {event.event_id}", at=utcnow())
        uow.commit()
        return institution


def record_quality_assessment(uow: UnitOfWork, cmd: c.RecordQualityAssessment) -> Institution:
    with uow:
        institution = _locked_institution(uow, cmd.actor, cmd.institution_id)
        institution.assess_quality(assess_date=cmd.assess_date, findings=cmd.findings,
                                   withdraw=cmd.withdraw_qualification,
                                   actor=cmd.actor.subject, at=utcnow())
        uow.commit()
        return institution
