"""accreditation's handlers: `verb(uow, message)`, one transaction each. A handler
loads aggregates, asks them to act, and commits; the rules are the aggregates', the
scope checks `servicekit.auth`'s, and the repositories write back and emit on commit."""

import uuid
from dataclasses import dataclass, field
from typing import Protocol

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.certificates.v1 import certificates_pb2 as cert_pb
from anbao.certificates.v1 import events_pb2 as certificate_events
from anbao.training.v1 import events_pb2 as training_events
from servicekit import auth, dates, paging
from servicekit.errors import AlreadyExists
from servicekit.unitofwork import UnitOfWork, utcnow

from .adapters.repository import AccreditationRepositories
from .domain import assessment as assessment_data, commands as c
from .domain import eligibility as eligibility_data
from .domain import quotas, separation, supervisors
from .domain.calls import CallForApplications
from .domain.evaluators import AssessmentSchedule, Evaluator, PreAppointmentTraining
from .domain.exams import Appeal, Candidate, ExamSession, PersonFacts
from .domain.institutions import Institution
from .domain.launches import LevelLaunch, province_of
from .domain.licences import TrainingLicence
from .domain.pass_rates import Monitoring, PassRate, pass_rates
from .domain.sites import ExamSite
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
    assessment_schedule: AssessmentSchedule = AssessmentSchedule()  # EVAL-3 deadline, pass mark
    # reference data, loaded at start (data/eligibility.toml, data/assessment.toml)
    eligibility: eligibility_data.Eligibility = field(
        default_factory=eligibility_data.load)  # ASMT-5
    assessment: assessment_data.Assessment = field(
        default_factory=assessment_data.load)  # ASMT-6/7/10, CERT-5
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
    """The session and its organisation, in the caller's reach: an evaluator reaches the
    sessions it is assigned to."""
    exam = _repos(uow).exam_sessions.get(session_id)
    institution = _repos(uow).institutions.get(exam.institution_id)
    auth.require_reach(actor, region=institution.region_code, institution=institution.id,
                       evaluators=exam.evaluator_ids)
    return exam, institution


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
            remarks=cmd.remarks, schedule=rules.assessment_schedule, actor=cmd.actor.subject,
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
        overdue = bool(e.overdue_years(query.as_of, rules.assessment_schedule))
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


def assign_evaluator(uow: UnitOfWork, cmd: c.AssignEvaluator, *, rules: Rules) -> ExamSession:
    with uow:
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        exam.assign(_repos(uow).evaluators.get(cmd.evaluator_id), institution,
                    rules.assessment_schedule)
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
        if cmd.trained_by_id:  # must exist; EVAL-5 against every assigned evaluator
            repos.institutions.get(cmd.trained_by_id)
        launched = exam.level in repos.level_launches.launched(
            province_of(institution.region_code), exam.occupation_code)
        candidate = exam.enrol(candidate_id=_new_id(), person=person, facts=list(cmd.facts),
                               held=repos.held_certificates.of(cmd.person_id),
                               eligibility=rules.eligibility, launched=launched,
                               institution=institution,
                               exemption_years=rules.guard_certificate_exemption_years,
                               trained_by_id=cmd.trained_by_id,
                               evaluators=[repos.evaluators.get(e) for e in exam.evaluator_ids])
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


def appeal_result(uow: UnitOfWork, cmd: c.AppealResult, *, rules: Rules) -> Appeal:
    with uow:
        exam, institution = _scoped_session(uow, cmd.actor, cmd.session_id)
        appeal = exam.file_appeal(cmd.candidate_id, appeal_id=_new_id(),
                                  evaluator=_repos(uow).evaluators.get(cmd.evaluator_id),
                                  reason=cmd.reason, actor=cmd.actor.subject,
                                  institution=institution,
                                  schedule=rules.assessment_schedule, at=utcnow())
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
            issuer=_issuer(rules, exam, institution), schedule=rules.assessment_schedule,
            at=utcnow())
        uow.commit()
        return appeal


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
                            term_end=dates.term_end(cmd.term_start,
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
    event and gives a unit of work whose inbox holds it, so a redelivery changes nothing;
    and a fraud case already on the blacklist, announced again, adds nothing)."""
    actor = f"FraudFound {event.fraud_case or event.event_id}"
    with uow:
        _repos(uow).institutions.lock_institution(event.institution_id)
        institution = _repos(uow).institutions.get(event.institution_id)
        if not any(entry.actor == actor for entry in institution.blacklist):
            institution.put_on_blacklist(reason=event.reason, evidence=event.evidence,
                                         revoke=event.revoke_qualification, actor=actor,
                                         at=utcnow())
        uow.commit()
        return institution


def on_fraud_found(uow: UnitOfWork, event: training_events.FraudFound) -> None:
    """INST-7: the training service found fraud in a class: blacklist its institution
    (and, when the case says so, revoke its training qualification)."""
    fraud_found(uow, c.FraudFound.of_event(event))


def record_quality_assessment(uow: UnitOfWork, cmd: c.RecordQualityAssessment) -> Institution:
    with uow:
        institution = _locked_institution(uow, cmd.actor, cmd.institution_id)
        institution.assess_quality(assess_date=cmd.assess_date, findings=cmd.findings,
                                   withdraw=cmd.withdraw_qualification,
                                   actor=cmd.actor.subject, at=utcnow())
        uow.commit()
        return institution


# events

def on_certificate_issued(uow: UnitOfWork, event: certificate_events.CertificateIssued) -> None:
    """ASMT-5: a certificate someone now holds, for the routes that need one. A training-
    completion certificate (CERT-2) is no skill level: no route counts it."""
    if event.kind == cert_pb.CERTIFICATE_KIND_TRAINING_COMPLETION:
        return
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
