"""Builders for accreditation's handler tier: institutions, evaluators, launched levels,
sessions and applications through the real handlers on an in-memory database."""

import itertools
from datetime import date, timedelta

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit import dates
from servicekit.auth import Caller, Reach
from servicekit.errors import NotFound, Unavailable
from services.accreditation import handlers
from services.accreditation.domain import commands as c
from services.accreditation.domain.eligibility import DeclaredFact
from services.accreditation.domain.exams import PersonFacts, Scores
from tests.builders import uscc

ADMIN = Caller("admin", "province_admin")
# INST-1: the two departments that select institutions jointly
POLICE = Caller("police-officer", "province_admin", department="police")
HRSS = Caller("hr-officer", "province_admin", department="human_resources")
_serials = itertools.count(100001)
RULES = handlers.Rules(evaluator_term_years=3, guard_certificate_exemption_years=3)
EXAM_DAY = "2026-11-20"
GUARD, ADMINISTRATOR = "4-07-05-01", "3-02-02-00"
MODULES = ("组织防范", "技术防范", "保卫管理", "应急管理", "培训与指导")
# a 保卫管理员 三级 route (ASMT-5): two years in the occupation, with evidence
TWO_YEARS = (DeclaredFact("occupation_years", 2, "劳动合同 2022-001"),)
ONE_YEAR = (DeclaredFact("occupation_years", 1, "劳动合同 2022-001"),)


class People:
    """registry as a dict: what the RegistryClient adapter answers."""

    def __init__(self):
        self.known: dict[str, PersonFacts] = {}
        self.down = False

    def add(self, pid: str, guard: date | None = None) -> str:
        self.known[pid] = PersonFacts(pid, f"姓名{pid}", "2201**********0011", guard)
        return pid

    def person(self, person_id: str) -> PersonFacts:
        if self.down:
            raise Unavailable("registry did not answer: DEADLINE_EXCEEDED")
        if person_id not in self.known:
            raise NotFound(f"persons/{person_id} is not registered")
        return self.known[person_id]


def open_call(uows, role=pb.INSTITUTION_ROLE_EVALUATION, occupation="", region="220000",
              opens=-10, closes=10):
    """INST-1: a call for applications whose window is open today (days from today)."""
    today = dates.today()
    return handlers.create_call_for_applications(uows(), c.CreateCallForApplications(
        ADMIN, "公开征集", role, occupation, region, today + timedelta(days=opens),
        today + timedelta(days=closes)))


def create(uows, role=pb.INSTITUTION_ROLE_EVALUATION, actor=ADMIN, code=None, region="220102",
           call=None, occupations=("3-02-02-00",), serial=None, **extra):
    """An application against `call` (a new open call of the role by default)."""
    evaluation = role == pb.INSTITUTION_ROLE_EVALUATION
    call = call or open_call(uows, role, region=f"{region[:2]}0000")
    return handlers.create_institution(uows(), c.CreateInstitution.parse(
        actor, display_name="机构", uscc=code or uscc(), role=role, region_code=region,
        category=pb.ORGANISATION_CATEGORY_SOCIAL if evaluation else 0,
        ministry_code="0000" if evaluation else "",
        site_serial=(serial or f"{next(_serials):06d}") if evaluation else "",
        call=f"callsForApplications/{call.id}", occupation_codes=occupations, **extra))


def decide(uows, institution, actor, outcome=pb.SELECTION_OUTCOME_APPROVED, rules=None):
    return handlers.decide_application(uows(), c.DecideApplication(
        actor, institution.id, outcome, "联合遴选"), rules=rules or RULES)


def confirm(uows, institution, actor=ADMIN):
    """INST-1: the call closed and its result published, then the selected confirmed."""
    call = handlers.get_call_for_applications(uows(), c.GetCallForApplications(
        ADMIN, institution.call_id))
    if call.published_at is None:
        handlers.close_call_for_applications(uows(), c.CloseCallForApplications(ADMIN, call.id))
        handlers.publish_call_result(uows(), c.PublishCallResult(ADMIN, call.id))
    return handlers.change_institution_status(uows(), c.ChangeInstitutionStatus(
        actor, institution.id, pb.INSTITUTION_STATUS_ACTIVE, "确定并公布"))


def move(uows, institution, *targets, actor=ADMIN):
    """Along the lifecycle the way the departments do it: SELECTED by both departments'
    approval, REJECTED by one's rejection, ACTIVE after the result is published."""
    for target in targets:
        if target == pb.INSTITUTION_STATUS_SELECTED:
            institution = decide(uows, decide(uows, institution, POLICE), HRSS)
        elif target == pb.INSTITUTION_STATUS_REJECTED:
            institution = decide(uows, institution, POLICE, pb.SELECTION_OUTCOME_REJECTED)
        elif target == pb.INSTITUTION_STATUS_ACTIVE and \
                institution.status == pb.INSTITUTION_STATUS_SELECTED:
            institution = confirm(uows, institution, actor)
        else:
            institution = handlers.change_institution_status(uows(), c.ChangeInstitutionStatus(
                actor, institution.id, target, "联合遴选"))
    return institution


def active_org(uows, role=pb.INSTITUTION_ROLE_EVALUATION, code=None, region="220102"):
    return move(uows, create(uows, role, code=code, region=region),
                pb.INSTITUTION_STATUS_SELECTED, pb.INSTITUTION_STATUS_ACTIVE)


def org_token(institution) -> Caller:
    return Caller("org", "eval_org", f"institutions/{institution.id}", Reach.INSTITUTION)


def evaluator(uows, people, org, pid="ev1", occupation="3-02-02-00", max_level=1,
              start=date(2025, 6, 1)):
    """Appointed 1 June 2025 and assessed (passed) for 2025, so assignable on EXAM_DAY."""
    people.add(pid)
    handlers.record_pre_appointment_training(uows(), c.RecordPreAppointmentTraining(
        ADMIN, pid, date(2025, 1, 1), True, "省公安厅"), people=people)
    appointed = handlers.appoint_evaluator(uows(), c.AppointEvaluator(
        ADMIN, org.id, pid, start, "市人社局", occupation, max_level), people=people,
        rules=RULES)
    if start.year < 2026:
        handlers.record_annual_assessment(uows(), c.RecordAnnualAssessment(
            ADMIN, appointed.id, 2025, pb.ASSESSMENT_RESULT_PASSED, 80, 80, date(2026, 1, 15)),
            rules=RULES)
    return handlers.get_evaluator(uows(), c.GetEvaluator(ADMIN, appointed.id))


def evaluator_token(evaluator, subject="examiner") -> Caller:
    return Caller(subject, "evaluator", f"evaluators/{evaluator.id}", Reach.EVALUATOR)


def launch(uows, occupation=ADMINISTRATOR, up_to=3, province="220000"):
    """ASMT-11: the occupation's levels launched in the province, lowest first (those
    launched already are left as they are)."""
    with uows() as uow:
        launched = uow.repos.level_launches.launched(province, occupation)
    for level in sorted((lv for lv in (5, 4, 3, 2, 1) if lv >= up_to), reverse=True):
        if (occupation == ADMINISTRATOR and level > 3) or level in launched:
            continue
        handlers.launch_level(uows(), c.LaunchLevel(ADMIN, province, occupation, level))


def site(uows, filing="国保考点-220001"):
    return handlers.register_exam_site(uows(), c.RegisterExamSite(
        ADMIN, "长春考点", "220102", filing))


def exam(uows, org, level=3, occupation=ADMINISTRATOR, exam_site=""):
    return handlers.create_exam_session(uows(), c.CreateExamSession.parse(
        org_token(org), institution=f"institutions/{org.id}", occupation_code=occupation,
        level=level, exam_date=EXAM_DAY, exam_site=exam_site), rules=RULES)


def enrol(uows, people, session, pid, facts=TWO_YEARS, guard=None, actor=ADMIN):
    return handlers.enroll_candidate(uows(), c.EnrollCandidate(
        actor, session.id, people.add(pid, guard), facts=tuple(facts)), people=people,
        rules=RULES)


def review(uows, org, session, candidate_id, *, first=True, second=True):
    """ASMT-9: 初审 by the organisation, then 复审 by the province."""
    result = None
    if first:
        result = handlers.review_application(uows(), c.ReviewApplication(
            org_token(org), session.id, candidate_id, pb.REVIEW_STAGE_FIRST, True, "资料齐全"))
    if second:
        result = handlers.review_application(uows(), c.ReviewApplication(
            ADMIN, session.id, candidate_id, pb.REVIEW_STAGE_SECOND, True, "复审通过"))
    return result


def modules(score=80):
    return tuple((m, score) for m in MODULES)


def score(uows, session, examiner, candidate_id, theory, skill, review_score=None,
          module_scores=None):
    occupation_modules = module_scores if module_scores is not None else (
        modules() if session.occupation_code == ADMINISTRATOR else ())
    return handlers.record_scores(uows(), c.RecordScores(
        evaluator_token(examiner), session.id, candidate_id,
        Scores(theory, skill, review_score, occupation_modules)), rules=RULES)


def finish(uows, org, session):
    """Sign-off by the organisation, the province's check (CERT-5), close."""
    handlers.sign_off_exam_session(uows(), c.SignOffExamSession(org_token(org), session.id,
                                                                "评分完毕"))
    handlers.check_exam_results(uows(), c.CheckExamResults(ADMIN, session.id, True, "审核通过"))
    return handlers.close_exam_session(uows(), c.CloseExamSession(ADMIN, session.id),
                                       rules=RULES)
