"""The exam flow through accreditation's handlers (in-memory database): applications
checked against eligibility routes (ASMT-5) on launched levels (ASMT-11), reviewed twice
(ASMT-9), scored by assigned evaluators with modules (ASMT-7), signed off, checked by the
province (CERT-5) and closed; exam modes (ASMT-6) and sites (ASMT-10); ACTIVE at every
step; appeals after close. Each test names the rule it proves."""

from datetime import date

import pytest

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from anbao.certificates.v1 import certificates_pb2 as cert_pb
from anbao.certificates.v1 import events_pb2 as cert_events
from servicekit import auth
from servicekit.auth import Caller, Reach
from servicekit.errors import AlreadyExists, FailedPrecondition, InvalidArgument, PermissionDenied
from servicekit.unitofwork import AlreadyApplied, new_event
from services.accreditation import handlers
from services.accreditation.adapters.orm import metadata
from services.accreditation.adapters.repository import AccreditationRepositories
from services.accreditation.domain import commands as c
from services.accreditation.domain.eligibility import DeclaredFact
from services.accreditation.domain.exams import Scores
from tests.unit.accreditation_world import (ADMIN, ADMINISTRATOR, GUARD, ONE_YEAR, RULES,
                                            TWO_YEARS,
                                            People, active_org, enrol, evaluator,
                                            evaluator_token, exam, finish, launch, modules,
                                            move, org_token, review, score, site)
from tests.unit.memory import MemoryUnitOfWorks

S = pb.InstitutionStatus


@pytest.fixture
def uows():
    return MemoryUnitOfWorks(metadata, AccreditationRepositories)


@pytest.fixture
def people():
    return People()


def refused(reason: str, act) -> FailedPrecondition:
    with pytest.raises(FailedPrecondition) as caught:
        act()
    assert caught.value.reason == reason, caught.value
    return caught.value


def ready(uows, people, occupation=ADMINISTRATOR, level=3, exam_site=""):
    """An active organisation, its level launched, a session with an assigned evaluator."""
    org = active_org(uows)
    launch(uows, occupation, level)
    session = exam(uows, org, level, occupation, exam_site)
    examiner = evaluator(uows, people, org, occupation=occupation)
    handlers.assign_evaluator(uows(), c.AssignEvaluator(org_token(org), session.id,
                                                        examiner.id), rules=RULES)
    return org, session, examiner


def certificate_issued(person_id, occupation, level, number="S00002212326326" "3000001"):
    return new_event(cert_events.CertificateIssued, certificate=f"certificates/{number}",
                     number=number, person=f"persons/{person_id}", occupation_code=occupation,
                     level=level)


# the whole flow

def test_asmt8_cert5_flow_reviews_scores_sign_off_check_close_announces_each_passer(uows, people):
    org, session, examiner = ready(uows, people)
    passer = enrol(uows, people, session, "a")
    failer = enrol(uows, people, session, "b")
    assert passer.application_state == pb.APPLICATION_STATE_SUBMITTED
    assert passer.route == "occupation-2y"
    for cid in (passer.id, failer.id):
        review(uows, org, session, cid)
    score(uows, session, examiner, passer.id, 80, 70)
    score(uows, session, examiner, failer.id, 40, 70)
    closed = finish(uows, org, session)
    assert closed.state == pb.EXAM_SESSION_STATE_CLOSED
    assert [(s.to_state, s.actor) for s in closed.steps] == [
        (pb.EXAM_SESSION_STATE_SIGNED_OFF, "org"), (pb.EXAM_SESSION_STATE_CHECKED, "admin"),
        (pb.EXAM_SESSION_STATE_CLOSED, "admin")]
    passed = uows.emitted(events_pb2.AssessmentPassed)
    assert [e.candidate for e in passed] == [passer.name]
    # CERT-5: a 保卫管理员 certificate is the evaluation organisation's own
    assert passed[0].issuer == pb.CERTIFICATE_ISSUER_EVALUATION_ORGANISATION
    assert passed[0].issuer_name == org.display_name
    stored = handlers.get_exam_session(uows(), c.GetExamSession(ADMIN, session.id))
    assert {x.id: x.result for x in stored.candidates} == {
        passer.id: pb.ASSESSMENT_RESULT_PASSED, failer.id: pb.ASSESSMENT_RESULT_FAILED}
    refused("ASMT_8_SESSION_CLOSED", lambda: handlers.close_exam_session(
        uows(), c.CloseExamSession(ADMIN, session.id), rules=RULES))
    refused("ASMT_8_SESSION_CLOSED", lambda: score(uows, session, examiner, passer.id, 10, 10))
    assert len(uows.emitted(events_pb2.AssessmentPassed)) == 1


def test_cert5_guard_certificates_are_issued_by_the_provincial_hr_department(uows, people):
    place = site(uows)
    org, session, examiner = ready(uows, people, GUARD, 5, place.name)
    candidate = enrol(uows, people, session, "g", facts=ONE_YEAR, guard=date(2020, 1, 1))
    review(uows, org, session, candidate.id)
    score(uows, session, examiner, candidate.id, 70, 70)
    finish(uows, org, session)
    [passed] = uows.emitted(events_pb2.AssessmentPassed)
    assert passed.issuer == pb.CERTIFICATE_ISSUER_HR_DEPARTMENT
    assert passed.issuer_name == "吉林省人力资源和社会保障厅"


def test_cert5_results_are_signed_off_then_checked_by_the_province_before_close(uows, people):
    org, session, examiner = ready(uows, people)
    candidate = enrol(uows, people, session, "a")
    review(uows, org, session, candidate.id)
    close = lambda: handlers.close_exam_session(uows(), c.CloseExamSession(ADMIN, session.id),
                                                rules=RULES)
    check = lambda ok: handlers.check_exam_results(uows(), c.CheckExamResults(
        ADMIN, session.id, ok, "核对成绩"))
    sign_off = lambda: handlers.sign_off_exam_session(uows(), c.SignOffExamSession(
        org_token(org), session.id, ""))
    refused("ASMT_8_UNSCORED", sign_off)
    score(uows, session, examiner, candidate.id, 90, 90)
    refused("CERT_5_NOT_SIGNED_OFF", lambda: check(True))
    refused("CERT_5_NOT_CHECKED", close)
    sign_off()
    refused("ASMT_8_SIGNED_OFF", lambda: score(uows, session, examiner, candidate.id, 10, 10))
    refused("CERT_5_NOT_CHECKED", close)
    returned = check(False)  # the province returns it: open again, the reason kept
    assert returned.state == pb.EXAM_SESSION_STATE_OPEN
    assert returned.steps[-1].reason == "核对成绩" and returned.steps[-1].actor == "admin"
    refused("CERT_5_NOT_CHECKED", close)
    score(uows, session, examiner, candidate.id, 95, 90)
    sign_off()
    check(True)
    close()
    assert [e.candidate for e in uows.emitted(events_pb2.AssessmentPassed)] == [candidate.name]


# ASMT-9 two-stage review

def test_asmt9_only_an_application_passing_both_reviews_is_scored(uows, people):
    org, session, examiner = ready(uows, people)
    candidate = enrol(uows, people, session, "a")
    refused("ASMT_9_NOT_APPROVED", lambda: score(uows, session, examiner, candidate.id, 80, 80))
    refused("ASMT_9_FIRST_REVIEW_PENDING",
            lambda: review(uows, org, session, candidate.id, first=False))
    review(uows, org, session, candidate.id, second=False)
    refused("ASMT_9_NOT_APPROVED", lambda: score(uows, session, examiner, candidate.id, 80, 80))
    refused("ASMT_9_REVIEW_PENDING", lambda: handlers.sign_off_exam_session(
        uows(), c.SignOffExamSession(org_token(org), session.id, "")))
    refused("ASMT_9_ALREADY_REVIEWED",
            lambda: review(uows, org, session, candidate.id, second=False))
    approved = review(uows, org, session, candidate.id, first=False)
    assert approved.application_state == pb.APPLICATION_STATE_APPROVED
    assert [(r.stage, r.approved, r.actor, r.reason) for r in approved.reviews] == [
        (pb.REVIEW_STAGE_FIRST, True, "org", "资料齐全"),
        (pb.REVIEW_STAGE_SECOND, True, "admin", "复审通过")]
    assert score(uows, session, examiner, candidate.id, 80, 80).result == \
        pb.ASSESSMENT_RESULT_PASSED


def test_asmt9_a_rejected_application_does_not_sit_nor_block_the_session(uows, people):
    org, session, examiner = ready(uows, people)
    rejected = enrol(uows, people, session, "a")
    admitted = enrol(uows, people, session, "b")
    handlers.review_application(uows(), c.ReviewApplication(
        org_token(org), session.id, rejected.id, pb.REVIEW_STAGE_FIRST, False, "证明不实"))
    refused("ASMT_9_ALREADY_REVIEWED",
            lambda: review(uows, org, session, rejected.id, first=False))
    refused("ASMT_9_NOT_APPROVED", lambda: score(uows, session, examiner, rejected.id, 90, 90))
    review(uows, org, session, admitted.id, second=False)
    handlers.review_application(uows(), c.ReviewApplication(
        ADMIN, session.id, admitted.id, pb.REVIEW_STAGE_SECOND, False, "复审不通过"))
    finish(uows, org, session)  # nothing to score: both rejected
    assert not uows.emitted(events_pb2.AssessmentPassed)
    with pytest.raises(InvalidArgument):
        c.ReviewApplication.parse(ADMIN, stage=pb.REVIEW_STAGE_SECOND,
                                  candidate=rejected.name, approved=True, reason="")


# ASMT-5 eligibility routes

def test_asmt5_a_route_must_be_met_by_declared_facts(uows, people):
    org, session, _ = ready(uows, people)
    error = refused("ASMT_5_NOT_ELIGIBLE", lambda: enrol(uows, people, session, "a",
                                                         facts=ONE_YEAR))
    assert "occupation_years ≥ 2" in str(error)
    bachelor = enrol(uows, people, session, "b", facts=(
        DeclaredFact("bachelor_degree", 0, "学位证 10001"),
        DeclaredFact("occupation_years", 1, "劳动合同 7")))
    assert bachelor.route == "bachelor-occupation-1y"
    veteran = enrol(uows, people, session, "c", facts=(
        DeclaredFact("military_years", 5, "退役证 9"),))
    assert veteran.route == "military-5y"
    refused("ASMT_5_NOT_ELIGIBLE", lambda: enrol(uows, people, session, "d", facts=(
        DeclaredFact("military_years", 4, "退役证 9"),)))
    stored = handlers.get_exam_session(uows(), c.GetExamSession(ADMIN, session.id))
    assert {x.person_id: [f.evidence for f in x.facts] for x in stored.candidates}["b"] == [
        "学位证 10001", "劳动合同 7"]


def test_asmt5_declared_facts_need_evidence_and_known_kinds(uows, people):
    org, session, _ = ready(uows, people)
    with pytest.raises(InvalidArgument) as caught:
        enrol(uows, people, session, "a", facts=(
            DeclaredFact("occupation_years", 2, ""), DeclaredFact("astrology", 3, "x"),
            DeclaredFact("bachelor_degree", 4, "学位证")))
    assert {v.field for v in caught.value.violations} == {
        "facts[0].evidence", "facts[1].kind", "facts[2].years"}


def test_asmt5_levels_in_order_a_lower_certificate_known_from_certificate_issued(uows, people):
    org = active_org(uows)
    launch(uows, ADMINISTRATOR, 2)
    session = exam(uows, org, level=2)
    five_years = (DeclaredFact("occupation_years", 5, "劳动合同"),)
    refused("ASMT_5_NOT_ELIGIBLE", lambda: enrol(uows, people, session, "p", facts=five_years))
    issued = certificate_issued("p", ADMINISTRATOR, 3)
    handlers.on_certificate_issued(uows(inbox=issued), issued)
    with pytest.raises(AlreadyApplied):  # the inbox: a redelivery changes nothing
        handlers.on_certificate_issued(uows(inbox=issued), issued)
    other = certificate_issued("p", GUARD, 3, number="S000022123263263000002")
    handlers.on_certificate_issued(uows(inbox=other), other)
    revoked = new_event(cert_events.CertificateStatusChanged, number=issued.number,
                        person="persons/p", to_status=cert_pb.CERTIFICATE_STATUS_REVOKED)
    handlers.on_certificate_status_changed(uows(inbox=revoked), revoked)
    refused("ASMT_5_NOT_ELIGIBLE", lambda: enrol(uows, people, session, "p", facts=five_years))
    reinstated = new_event(cert_events.CertificateStatusChanged, number=issued.number,
                           person="persons/p", to_status=cert_pb.CERTIFICATE_STATUS_VALID)
    handlers.on_certificate_status_changed(uows(inbox=reinstated), reinstated)
    candidate = enrol(uows, people, session, "p", facts=five_years)
    assert candidate.route == "level3-occupation-5y"
    # ten years in the occupation is a route of its own, without a certificate
    assert enrol(uows, people, session, "q", facts=(
        DeclaredFact("occupation_years", 10, "社保记录"),)).route == "occupation-10y"


def test_asmt5_a_level_without_a_configured_route_takes_no_application(uows, people):
    place = site(uows)
    org, session, _ = ready(uows, people, GUARD, 3, place.name)
    refused("ASMT_5_NO_ROUTE", lambda: enrol(uows, people, session, "g", facts=ONE_YEAR,
                                             guard=date(2020, 1, 1)))


def test_asmt5_guard_level4_needs_the_level5_certificate(uows, people):
    place = site(uows)
    org, session, _ = ready(uows, people, GUARD, 4, place.name)
    four = (DeclaredFact("occupation_years", 4, "劳动合同"),)
    refused("ASMT_5_NOT_ELIGIBLE", lambda: enrol(uows, people, session, "g", facts=four,
                                                 guard=date(2020, 1, 1)))
    issued = certificate_issued("g", GUARD, 5)
    handlers.on_certificate_issued(uows(inbox=issued), issued)
    assert enrol(uows, people, session, "g", facts=four,
                 guard=date(2020, 1, 1)).route == "level5-occupation-4y"


# ASMT-3 and ASMT-4 on the exam date

def test_asmt3_exemption_counted_back_from_the_exam_date_boundaries(uows, people):
    place = site(uows)
    org, session, _ = ready(uows, people, GUARD, 5, place.name)  # exam 2026-11-20
    for pid, held, exempt in (("on-window-start", date(2023, 11, 20), True),
                              ("day-before-window", date(2023, 11, 19), False),
                              ("on-exam-day", date(2026, 11, 20), True)):
        candidate = enrol(uows, people, session, pid, facts=ONE_YEAR, guard=held)
        assert candidate.theory_exempt is exempt, pid
    # a 保安员证 dated after the exam date neither exempts nor admits (ASMT-4)
    refused("ASMT_4_GUARD_CERTIFICATE", lambda: enrol(uows, people, session, "after",
                                                      facts=ONE_YEAR, guard=date(2026, 11, 21)))


@pytest.mark.parametrize("level", [5, 4, 3, 2, 1])
def test_asmt4_guard_certificate_needed_at_every_guard_level(uows, people, level):
    place = site(uows)
    org, session, _ = ready(uows, people, GUARD, level, place.name)
    refused("ASMT_4_GUARD_CERTIFICATE", lambda: enrol(uows, people, session, "g",
                                                      facts=ONE_YEAR))


# ASMT-6 exam mode, ASMT-2 comprehensive review

def test_asmt6_exam_mode_per_level_and_asmt2_review_must_pass_at_levels_2_and_1(uows, people):
    org = active_org(uows)
    assert exam(uows, org, level=3).exam_mode == pb.EXAM_MODE_COMPUTER_BASED
    for level in (2, 1):
        assert exam(uows, org, level=level).exam_mode == pb.EXAM_MODE_WRITTEN_AND_DEFENSE
    assert exam(uows, org, level=2, occupation=GUARD).exam_mode == \
        pb.EXAM_MODE_WRITTEN_AND_DEFENSE  # no site needed for a written exam (ASMT-10)
    launch(uows, ADMINISTRATOR, 2)
    session = exam(uows, org, level=2)
    examiner = evaluator(uows, people, org)
    handlers.assign_evaluator(uows(), c.AssignEvaluator(ADMIN, session.id, examiner.id),
                              rules=RULES)
    candidate = enrol(uows, people, session, "veteran", facts=(
        DeclaredFact("military_officer_battalion", 0, "军官证"),))
    review(uows, org, session, candidate.id)
    with pytest.raises(InvalidArgument) as caught:
        score(uows, session, examiner, candidate.id, 90, 90)
    assert [v.field for v in caught.value.violations] == ["review_score"]
    assert score(uows, session, examiner, candidate.id, 90, 90, 59).result == \
        pb.ASSESSMENT_RESULT_FAILED
    assert score(uows, session, examiner, candidate.id, 90, 90, 60).result == \
        pb.ASSESSMENT_RESULT_PASSED


# ASMT-7 modules

def test_asmt7_administrator_skill_scored_with_each_module(uows, people):
    org, session, examiner = ready(uows, people)
    candidate = enrol(uows, people, session, "a")
    review(uows, org, session, candidate.id)
    refused("ASMT_7_MODULES", lambda: score(uows, session, examiner, candidate.id, 80, 80,
                                            module_scores=()))
    refused("ASMT_7_MODULES", lambda: score(uows, session, examiner, candidate.id, 80, 80,
                                            module_scores=modules()[:4]))
    refused("ASMT_7_MODULES", lambda: score(uows, session, examiner, candidate.id, 80, 80,
                                            module_scores=modules()[:4] + (("组织防范", 70),)))
    with pytest.raises(InvalidArgument):
        score(uows, session, examiner, candidate.id, 80, 80, module_scores=modules(101))
    scored = score(uows, session, examiner, candidate.id, 80, 80, module_scores=modules(75))
    assert dict(scored.scores.modules) == dict(modules(75))
    stored = handlers.get_exam_session(uows(), c.GetExamSession(ADMIN, session.id))
    assert dict(stored.candidates[0].score_history[-1].scores.modules)["培训与指导"] == 75


def test_asmt7_guard_has_no_modules(uows, people):
    place = site(uows)
    org, session, examiner = ready(uows, people, GUARD, 5, place.name)
    candidate = enrol(uows, people, session, "g", facts=ONE_YEAR, guard=date(2020, 1, 1))
    review(uows, org, session, candidate.id)
    refused("ASMT_7_MODULES", lambda: score(uows, session, examiner, candidate.id, 80, 80,
                                            module_scores=modules()))


# ASMT-10 exam sites

def test_asmt10_computer_based_guard_exams_only_at_registered_sites(uows, people):
    org = active_org(uows)
    refused("ASMT_10_EXAM_SITE", lambda: exam(uows, org, 5, GUARD))
    refused("ASMT_10_EXAM_SITE", lambda: exam(uows, org, 5, GUARD, "examSites/unregistered"))
    place = site(uows)
    with pytest.raises(AlreadyExists):
        site(uows)  # one registration per filing number
    session = exam(uows, org, 5, GUARD, place.name)
    assert session.exam_site_id == place.id
    assert exam(uows, org, 3, ADMINISTRATOR).exam_site_id == ""  # not a 保安员 exam
    # a site that is named must be registered, even where none is required
    refused("ASMT_10_EXAM_SITE", lambda: exam(uows, org, 3, ADMINISTRATOR,
                                              "examSites/unregistered"))


# ASMT-11 levels launched one at a time

def test_asmt11_a_level_accepts_applications_only_once_launched(uows, people):
    org = active_org(uows)
    session = exam(uows, org)
    refused("ASMT_11_LEVEL_NOT_LAUNCHED", lambda: enrol(uows, people, session, "a"))
    handlers.launch_level(uows(), c.LaunchLevel(ADMIN, "320000", ADMINISTRATOR, 3))
    refused("ASMT_11_LEVEL_NOT_LAUNCHED", lambda: enrol(uows, people, session, "a"))  # another province
    launched = handlers.launch_level(uows(), c.LaunchLevel(ADMIN, "220000", ADMINISTRATOR, 3))
    assert launched.name == "levelLaunches/220000-3-02-02-00-3"
    assert enrol(uows, people, session, "a").route == "occupation-2y"


def test_asmt11_levels_launch_from_the_lowest_up_one_at_a_time(uows):
    launch_ = lambda level, occupation=GUARD: handlers.launch_level(
        uows(), c.LaunchLevel(ADMIN, "320000", occupation, level))
    refused("ASMT_11_LOWER_LEVEL_FIRST", lambda: launch_(4))
    launch_(5)
    with pytest.raises(AlreadyExists):
        launch_(5)
    refused("ASMT_11_LOWER_LEVEL_FIRST", lambda: launch_(3))
    launch_(4)
    launch_(3)
    refused("ASMT_11_LOWER_LEVEL_FIRST", lambda: launch_(1))
    refused("ASMT_11_LOWER_LEVEL_FIRST", lambda: launch_(2, ADMINISTRATOR))  # 三级 is its lowest
    launch_(3, ADMINISTRATOR)
    with pytest.raises(InvalidArgument):
        c.LaunchLevel.parse(ADMIN, province="320500", occupation_code=GUARD, level=5)


# scores by the session's assigned evaluators

def test_asmt8_scores_only_by_an_assigned_evaluator_every_change_kept(uows, people):
    org, session, examiner = ready(uows, people)
    colleague = evaluator(uows, people, org, "ev2")
    candidate = enrol(uows, people, session, "a")
    review(uows, org, session, candidate.id)
    with pytest.raises(PermissionDenied):  # not assigned to this session
        score(uows, session, colleague, candidate.id, 80, 80)
    refused("ASMT_8_NOT_ASSIGNED", lambda: handlers.record_scores(uows(), c.RecordScores(
        ADMIN, session.id, candidate.id, Scores(80, 80, None, modules())), rules=RULES))
    handlers.record_scores(uows(), c.RecordScores(
        evaluator_token(examiner, "first"), session.id, candidate.id,
        Scores(40, 70, None, modules())), rules=RULES)
    handlers.record_scores(uows(), c.RecordScores(
        evaluator_token(examiner, "second"), session.id, candidate.id,
        Scores(80, 70, None, modules())), rules=RULES)
    stored = handlers.get_exam_session(uows(), c.GetExamSession(evaluator_token(examiner),
                                                                session.id))
    history = stored.candidates[0].score_history
    assert [(h.scores.theory, h.result, h.actor, h.evaluator_id) for h in history] == [
        (40, pb.ASSESSMENT_RESULT_FAILED, "first", examiner.id),
        (80, pb.ASSESSMENT_RESULT_PASSED, "second", examiner.id)]
    with pytest.raises(PermissionDenied):
        handlers.get_exam_session(uows(), c.GetExamSession(evaluator_token(colleague),
                                                           session.id))


# ACTIVE at every step

def test_asmt8_a_suspended_or_revoked_organisation_cannot_go_on_mid_session(uows, people):
    org, session, examiner = ready(uows, people)
    scored = enrol(uows, people, session, "a")
    review(uows, org, session, scored.id)
    score(uows, session, examiner, scored.id, 80, 80)
    pending = enrol(uows, people, session, "b")
    spare = evaluator(uows, people, org, "ev2")
    org = move(uows, org, S.INSTITUTION_STATUS_SUSPENDED)
    steps = {
        "enrol": lambda: enrol(uows, people, session, "c"),
        "assign": lambda: handlers.assign_evaluator(uows(), c.AssignEvaluator(
            ADMIN, session.id, spare.id), rules=RULES),
        "first review": lambda: review(uows, org, session, pending.id, second=False),
        "score": lambda: score(uows, session, examiner, scored.id, 90, 90),
        "sign off": lambda: handlers.sign_off_exam_session(uows(), c.SignOffExamSession(
            org_token(org), session.id, "")),
    }
    for step, act in steps.items():
        refused("ASMT_8_EVALUATION_ORGANISATION", act)
    org = move(uows, org, S.INSTITUTION_STATUS_ACTIVE)
    review(uows, org, session, pending.id, second=False)
    org = move(uows, org, S.INSTITUTION_STATUS_SUSPENDED)
    refused("ASMT_8_EVALUATION_ORGANISATION", lambda: review(uows, org, session, pending.id,
                                                             first=False))
    org = move(uows, org, S.INSTITUTION_STATUS_ACTIVE)
    handlers.review_application(uows(), c.ReviewApplication(
        ADMIN, session.id, pending.id, pb.REVIEW_STAGE_SECOND, False, "复审不通过"))
    handlers.sign_off_exam_session(uows(), c.SignOffExamSession(org_token(org), session.id, ""))
    org = move(uows, org, S.INSTITUTION_STATUS_SUSPENDED)
    refused("ASMT_8_EVALUATION_ORGANISATION", lambda: handlers.check_exam_results(
        uows(), c.CheckExamResults(ADMIN, session.id, True, "审核")))
    org = move(uows, org, S.INSTITUTION_STATUS_ACTIVE)
    handlers.check_exam_results(uows(), c.CheckExamResults(ADMIN, session.id, True, "审核"))
    move(uows, org, S.INSTITUTION_STATUS_REVOKED)
    refused("ASMT_8_EVALUATION_ORGANISATION", lambda: handlers.close_exam_session(
        uows(), c.CloseExamSession(ADMIN, session.id), rules=RULES))
    assert not uows.emitted(events_pb2.AssessmentPassed)


# appeals after close

def closed_with_a_failure(uows, people):
    org, session, examiner = ready(uows, people)
    candidate = enrol(uows, people, session, "a")
    review(uows, org, session, candidate.id)
    score(uows, session, examiner, candidate.id, 50, 80)
    return org, session, examiner, candidate


def test_asmt8_after_close_a_result_changes_only_through_an_appeal_by_another_evaluator(
        uows, people):
    org, session, examiner, candidate = closed_with_a_failure(uows, people)
    appeal = lambda who, actor=ADMIN: handlers.appeal_result(uows(), c.AppealResult(
        actor, session.id, candidate.id, who.id, "理论成绩复核"), rules=RULES)
    reviewer = evaluator(uows, people, org, "ev2")
    refused("ASMT_8_NOT_CLOSED", lambda: appeal(reviewer))
    finish(uows, org, session)
    assert not uows.emitted(events_pb2.AssessmentPassed)
    refused("ASMT_8_SESSION_CLOSED", lambda: score(uows, session, examiner, candidate.id, 90, 80))
    refused("ASMT_8_APPEAL_SAME_EVALUATOR", lambda: appeal(examiner))
    outsider = evaluator(uows, people, active_org(uows), "ev3")
    refused("EVAL_5_OTHER_ORGANISATION", lambda: appeal(outsider))
    filed = appeal(reviewer, org_token(org))
    assert filed.state == pb.APPEAL_STATE_FILED and filed.filed_by == "org"
    refused("ASMT_8_APPEAL_PENDING", lambda: appeal(reviewer))
    decide = lambda who, theory: handlers.decide_appeal(uows(), c.DecideAppeal(
        evaluator_token(who, who.person_id), session.id, candidate.id, filed.id,
        Scores(theory, 80, None, modules()), "复核后更正"), rules=RULES)
    with pytest.raises(PermissionDenied):
        decide(examiner, 90)
    decided = decide(reviewer, 75)
    assert (decided.from_result, decided.to_result) == (pb.ASSESSMENT_RESULT_FAILED,
                                                        pb.ASSESSMENT_RESULT_PASSED)
    refused("ASMT_8_APPEAL_DECIDED", lambda: decide(reviewer, 95))
    [passed] = uows.emitted(events_pb2.AssessmentPassed)
    assert passed.candidate == candidate.name
    stored = handlers.get_exam_session(uows(), c.GetExamSession(ADMIN, session.id))
    history = stored.candidates[0].score_history
    assert [(h.scores.theory, h.evaluator_id, h.appeal_id) for h in history] == [
        (50, examiner.id, ""), (75, reviewer.id, filed.id)]
    # the next appeal cannot go to the evaluator who decided this one
    refused("ASMT_8_APPEAL_SAME_EVALUATOR", lambda: appeal(reviewer))


def test_asmt8_an_appeal_needs_an_active_organisation_and_a_known_appeal(uows, people):
    org, session, examiner, candidate = closed_with_a_failure(uows, people)
    finish(uows, org, session)
    reviewer = evaluator(uows, people, org, "ev2")
    filed = handlers.appeal_result(uows(), c.AppealResult(
        ADMIN, session.id, candidate.id, reviewer.id, "复核"), rules=RULES)
    with pytest.raises(PermissionDenied):  # AIP-211: missing and not its own look alike
        handlers.decide_appeal(uows(), c.DecideAppeal(
            evaluator_token(reviewer), session.id, candidate.id, "missing",
            Scores(90, 90, None, modules()), "r"), rules=RULES)
    move(uows, org, S.INSTITUTION_STATUS_SUSPENDED)
    refused("ASMT_8_EVALUATION_ORGANISATION", lambda: handlers.decide_appeal(
        uows(), c.DecideAppeal(evaluator_token(reviewer), session.id, candidate.id, filed.id,
                               Scores(90, 90, None, modules()), "r"), rules=RULES))


def test_evaluator_tokens_reach_only_their_assigned_sessions():
    caller = Caller("e", "evaluator", "evaluators/e1", Reach.EVALUATOR)
    assert auth.reaches(caller, region="220102", institution="org", evaluators=["e1", "e2"])
    assert not auth.reaches(caller, region="220102", institution="org", evaluators=["e2"])
    assert not auth.reaches(caller, region="220102", institution="org")
    assert auth.evaluator_of(caller) == "e1"
    assert auth.evaluator_of(ADMIN) == ""


def test_eval5_an_appeal_is_not_decided_by_an_evaluator_working_for_the_candidates_school(
        uows, people):
    """EVAL-5 conflict of interest holds for the evaluator an appeal names, too."""
    org, session, examiner = ready(uows, people)
    school = active_org(uows, pb.INSTITUTION_ROLE_TRAINING)
    candidate = handlers.enroll_candidate(uows(), c.EnrollCandidate(
        ADMIN, session.id, people.add("trainee"), school.id, TWO_YEARS), people=people,
        rules=RULES)
    review(uows, org, session, candidate.id)
    score(uows, session, examiner, candidate.id, 50, 80)
    finish(uows, org, session)
    reviewer = evaluator(uows, people, org, "ev2")
    handlers.set_evaluator_affiliations(uows(), c.SetEvaluatorAffiliations.parse(
        ADMIN, evaluator=f"evaluators/{reviewer.id}", affiliations=[f"institutions/{school.id}"]))
    appeal = lambda: handlers.appeal_result(uows(), c.AppealResult(
        ADMIN, session.id, candidate.id, reviewer.id, "理论成绩复核"), rules=RULES)
    refused("EVAL_5_CONFLICT", appeal)
    handlers.set_evaluator_affiliations(uows(), c.SetEvaluatorAffiliations.parse(
        ADMIN, evaluator=f"evaluators/{reviewer.id}", affiliations=[]))
    assert appeal().evaluator_id == reviewer.id
