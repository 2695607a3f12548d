"""accreditation over real gRPC: the institution, evaluator and exam rules."""

import grpc
import pytest
from google.type.date_pb2 import Date

from anbao.accreditation.v1 import accreditation_pb2 as acc
from servicekit import dates
from tests import builders
from tests.harness import error_details


async def refused(call) -> tuple[grpc.StatusCode, dict, str]:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    violations, reason = error_details(caught.value)
    return caught.value.code(), violations, reason


async def test_inst2_same_uscc_cannot_train_and_evaluate(system, backend):
    stubs = system.stubs()
    org = await builders.institution(stubs, active=False)
    code, _, reason = await refused(builders.institution(
        stubs, role=acc.INSTITUTION_ROLE_TRAINING, code=org.uscc, active=False))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "INST_2_SEPARATION")
    code, _, _ = await refused(builders.institution(stubs, code=org.uscc, active=False))
    assert code == grpc.StatusCode.ALREADY_EXISTS


async def test_inst1_lifecycle_records_every_transition(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    assert org.status == acc.INSTITUTION_STATUS_ACTIVE
    assert [h.to_status for h in org.history] == [acc.INSTITUTION_STATUS_APPLIED,
                                                  acc.INSTITUTION_STATUS_SELECTED,
                                                  acc.INSTITUTION_STATUS_ACTIVE]
    assert [h.actor for h in org.history] == ["test-province_admin",
                                              "test-province_admin-human_resources",
                                              "test-province_admin"]
    assert all(h.reason for h in org.history)
    suspended = await stubs.accreditation.ChangeInstitutionStatus(
        acc.ChangeInstitutionStatusRequest(name=org.name, status=acc.INSTITUTION_STATUS_SUSPENDED,
                                           reason="暂停"), metadata=stubs.metadata)
    assert suspended.history[-1].to_status == acc.INSTITUTION_STATUS_SUSPENDED
    code, _, reason = await refused(stubs.accreditation.ChangeInstitutionStatus(
        acc.ChangeInstitutionStatusRequest(name=org.name, status=acc.INSTITUTION_STATUS_SELECTED,
                                           reason="back"), metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "INST_1_JOINT_SELECTION")


async def test_create_institution_reports_every_bad_field(system):
    stubs = system.stubs()
    code, violations, _ = await refused(stubs.accreditation.CreateInstitution(
        acc.CreateInstitutionRequest(institution=acc.Institution(
            display_name="", uscc="91350100M000100Y44", role=acc.INSTITUTION_ROLE_EVALUATION,
            region_code="000000", ministry_code="12", site_serial="x")), metadata=stubs.metadata))
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert set(violations) == {f"institution.{f}" for f in (
        "display_name", "uscc", "region_code", "category", "ministry_code", "site_serial",
        "call", "occupation_codes")}


async def test_eval2_appointment_needs_passed_pre_appointment_training(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    someone = await builders.person(stubs)
    code, _, reason = await refused(stubs.accreditation.AppointEvaluator(
        acc.AppointEvaluatorRequest(institution=org.name, person=someone.name,
                                    occupation_code="3-02-02-00", max_level=3),
        metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "EVAL_2_PRE_APPOINTMENT_TRAINING")
    evaluator = await builders.evaluator(stubs, org)
    assert evaluator.status == acc.EVALUATOR_STATUS_APPOINTED
    start, end = dates.of_proto(evaluator.term_start), dates.of_proto(evaluator.term_end)
    assert end == dates.add_years(start, 3)  # EVAL-1: 3-year term (configurable)


async def test_asmt1_security_administrator_has_levels_three_to_one_only(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    code, violations, _ = await refused(builders.session(stubs, org, "3-02-02-00", 5, assign=False))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "ASMT-1" in violations["exam_session.level"]
    created = await builders.session(stubs, org, "4-07-05-01", 5, assign=False)
    assert created.level == 5


async def test_asmt8_sessions_need_an_active_evaluation_organisation(system):
    stubs = system.stubs()
    pending = await builders.institution(stubs, active=False)
    code, _, reason = await refused(builders.session(stubs, pending, assign=False))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_8_EVALUATION_ORGANISATION")


async def test_asmt4_guard_candidates_need_a_guard_certificate_and_asmt3_exempts_theory(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    session = await builders.session(stubs, org, "4-07-05-01", 5)
    without = await builders.person(stubs)
    code, _, reason = await refused(stubs.accreditation.EnrollCandidate(
        acc.EnrollCandidateRequest(exam_session=session.name, person=without.name,
                                   facts=builders.ONE_YEAR), metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_4_GUARD_CERTIFICATE")
    recent = await builders.person(stubs, guard_certificate_date=Date(year=2025, month=3, day=1))
    candidate = await builders.admit(system, session, recent, builders.ONE_YEAR)
    assert candidate.theory_exempt and candidate.eligibility_route == "occupation-1y"
    code, violations, _ = await refused(builders.score(system, session, candidate, 70, 70))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "ASMT-3" in violations["theory_score"]
    scored = await builders.score(system, session, candidate, None, 60)
    assert scored.result == acc.ASSESSMENT_RESULT_PASSED


async def test_asmt2_scores_range_and_review_for_levels_two_and_one(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    session = await builders.session(stubs, org, "3-02-02-00", 2)
    assert session.exam_mode == acc.EXAM_MODE_WRITTEN_AND_DEFENSE  # ASMT-6
    someone = await builders.person(stubs)
    candidate = await builders.admit(system, session, someone, [acc.DeclaredFact(
        kind="occupation_years", years=10, evidence="社保缴费记录")])
    code, violations, _ = await refused(builders.score(system, session, candidate, 101, -1))
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert {"theory_score", "skill_score", "review_score"} <= set(violations)
    failed = await builders.score(system, session, candidate, 90, 90, 59)
    assert failed.result == acc.ASSESSMENT_RESULT_FAILED
    passed = await builders.score(system, session, candidate, 60, 60, 60)
    assert passed.result == acc.ASSESSMENT_RESULT_PASSED


async def test_asmt8_cert5_sign_off_check_and_close_in_order_then_final(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    scorer = system.stubs("eval_org", org.name)
    bare = await builders.session(stubs, org, assign=False)
    code, _, reason = await refused(scorer.accreditation.SignOffExamSession(
        acc.SignOffExamSessionRequest(name=bare.name), metadata=scorer.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_8_NO_EVALUATOR")
    session = await builders.session(stubs, org)
    someone = await builders.person(stubs)
    candidate = await builders.admit(system, session, someone)
    code, _, reason = await refused(scorer.accreditation.SignOffExamSession(
        acc.SignOffExamSessionRequest(name=session.name), metadata=scorer.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_8_UNSCORED")
    await builders.score(system, session, candidate, 80, 80)
    code, _, reason = await refused(scorer.accreditation.CloseExamSession(
        acc.CloseExamSessionRequest(name=session.name), metadata=scorer.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "CERT_5_NOT_CHECKED")
    closed = await builders.finish(system, session)
    assert closed.state == acc.EXAM_SESSION_STATE_CLOSED
    assert [s.to_state for s in closed.steps] == [acc.EXAM_SESSION_STATE_SIGNED_OFF,
                                                  acc.EXAM_SESSION_STATE_CHECKED,
                                                  acc.EXAM_SESSION_STATE_CLOSED]
    code, _, reason = await refused(builders.score(system, session, candidate, 10, 10))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_8_SESSION_CLOSED")


async def test_asmt8_scores_only_by_an_evaluator_assigned_to_the_session(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    session = await builders.session(stubs, org)
    colleague = await builders.evaluator(stubs, org)
    candidate = await builders.admit(system, session, await builders.person(stubs))
    request = acc.RecordScoresRequest(candidate=candidate.name, theory_score=80, skill_score=80,
                                      module_scores=[acc.ModuleScore(module=m, score=80)
                                                     for m in builders.MODULES])
    for role, scope in (("eval_org", org.name), ("evaluator", colleague.name)):
        caller = system.stubs(role, scope)
        code, _, _ = await refused(caller.accreditation.RecordScores(request,
                                                                     metadata=caller.metadata))
        assert code == grpc.StatusCode.PERMISSION_DENIED, role
    scored = await builders.score(system, session, candidate, 80, 80)
    assert [(h.actor, len(h.module_scores)) for h in scored.score_history] == [
        ("test-evaluator", 5)]
    code, _, reason = await refused(builders.examiner(system, session).accreditation.RecordScores(
        acc.RecordScoresRequest(candidate=candidate.name, theory_score=80, skill_score=80),
        metadata=builders.examiner(system, session).metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_7_MODULES")


async def test_asmt8_a_revoked_organisation_cannot_go_on_mid_session(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    session = await builders.session(stubs, org)
    candidate = await builders.admit(system, session, await builders.person(stubs))
    await builders.score(system, session, candidate, 80, 80)
    await builders.sign_off_and_check(system, session)
    await stubs.accreditation.ChangeInstitutionStatus(acc.ChangeInstitutionStatusRequest(
        name=org.name, status=acc.INSTITUTION_STATUS_REVOKED, reason="违规"),
        metadata=stubs.metadata)
    code, _, reason = await refused(stubs.accreditation.CloseExamSession(
        acc.CloseExamSessionRequest(name=session.name), metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION,
                              "ASMT_8_EVALUATION_ORGANISATION")
    code, _, reason = await refused(stubs.accreditation.EnrollCandidate(
        acc.EnrollCandidateRequest(exam_session=session.name,
                                   person=(await builders.person(stubs)).name,
                                   facts=builders.TWO_YEARS), metadata=stubs.metadata))
    assert code == grpc.StatusCode.FAILED_PRECONDITION


async def test_asmt9_reviews_asmt10_sites_asmt11_launches_over_grpc(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    code, _, reason = await refused(stubs.accreditation.LaunchLevel(acc.LaunchLevelRequest(
        province="350000", occupation_code="4-07-05-01", level=4), metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_11_LOWER_LEVEL_FIRST")
    code, _, reason = await refused(stubs.accreditation.CreateExamSession(
        acc.CreateExamSessionRequest(exam_session=acc.ExamSession(
            institution=org.name, occupation_code="4-07-05-01", level=5,
            exam_date=dates.to_proto(dates.today()))), metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_10_EXAM_SITE")
    session = await builders.session(stubs, org)
    candidate = await stubs.accreditation.EnrollCandidate(acc.EnrollCandidateRequest(
        exam_session=session.name, person=(await builders.person(stubs)).name,
        facts=builders.TWO_YEARS), metadata=stubs.metadata)
    code, _, reason = await refused(stubs.accreditation.SecondReviewApplication(
        acc.SecondReviewApplicationRequest(candidate=candidate.name, approved=True,
                                           reason="复审"), metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_9_FIRST_REVIEW_PENDING")
    # 初审 is the organisation's, 复审 the province's: neither does the other's
    own = system.stubs("eval_org", org.name)
    code, _, _ = await refused(own.accreditation.SecondReviewApplication(
        acc.SecondReviewApplicationRequest(candidate=candidate.name, approved=True,
                                           reason="复审"), metadata=own.metadata))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    code, _, _ = await refused(stubs.accreditation.FirstReviewApplication(
        acc.FirstReviewApplicationRequest(candidate=candidate.name, approved=True,
                                          reason="初审"), metadata=stubs.metadata))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    code, _, reason = await refused(builders.score(system, session, candidate))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_9_NOT_APPROVED")
    code, violations, _ = await refused(stubs.accreditation.EnrollCandidate(
        acc.EnrollCandidateRequest(exam_session=session.name,
                                   person=(await builders.person(stubs)).name,
                                   facts=[acc.DeclaredFact(kind="occupation_years", years=3)]),
        metadata=stubs.metadata))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "facts[0].evidence" in violations


async def test_appeal_after_close_decided_by_another_evaluator(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    session = await builders.session(stubs, org)
    candidate = await builders.admit(system, session, await builders.person(stubs))
    await builders.score(system, session, candidate, 50, 80)
    await builders.finish(system, session)
    reviewer = await builders.evaluator(stubs, org)
    code, _, reason = await refused(stubs.accreditation.AppealResult(acc.AppealResultRequest(
        candidate=candidate.name, evaluator=session.evaluators[0], reason="复核"),
        metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_8_APPEAL_SAME_EVALUATOR")
    appeal = await stubs.accreditation.AppealResult(acc.AppealResultRequest(
        candidate=candidate.name, evaluator=reviewer.name, reason="理论成绩复核"),
        metadata=stubs.metadata)
    decide = acc.DecideAppealRequest(
        name=appeal.name, theory_score=70, skill_score=80, reason="复核后更正",
        module_scores=[acc.ModuleScore(module=m, score=80) for m in builders.MODULES])
    original = builders.examiner(system, session)
    code, _, _ = await refused(original.accreditation.DecideAppeal(decide,
                                                                   metadata=original.metadata))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    decider = system.stubs("evaluator", reviewer.name)
    decided = await decider.accreditation.DecideAppeal(decide, metadata=decider.metadata)
    assert (decided.state, decided.to_result) == (acc.APPEAL_STATE_DECIDED,
                                                  acc.ASSESSMENT_RESULT_PASSED)
    found = await stubs.accreditation.GetExamSession(acc.GetExamSessionRequest(
        name=session.name), metadata=stubs.metadata)
    assert [h.theory_score for h in found.candidates[0].score_history] == [50, 70]
    assert found.candidates[0].score_history[-1].appeal == appeal.name


async def test_eval5_only_an_appointed_evaluator_of_the_same_organisation(system):
    stubs = system.stubs()
    org, other = await builders.institution(stubs), await builders.institution(stubs)
    session = await builders.session(stubs, org, assign=False)
    outsider = await builders.evaluator(stubs, other)
    code, _, reason = await refused(stubs.accreditation.AssignEvaluator(
        acc.AssignEvaluatorRequest(exam_session=session.name, evaluator=outsider.name),
        metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "EVAL_5_OTHER_ORGANISATION")


async def test_an_institution_token_acts_for_its_own_institution_only(system):
    admin = system.stubs()
    org, other = await builders.institution(admin), await builders.institution(admin)
    own = system.stubs("eval_org", org.name)
    def session_at(org):
        return acc.CreateExamSessionRequest(exam_session=acc.ExamSession(
            institution=org.name, occupation_code="3-02-02-00", level=3,
            exam_date=dates.to_proto(dates.today())))

    created = await own.accreditation.CreateExamSession(session_at(org), metadata=own.metadata)
    assert created.institution == org.name
    code, _, _ = await refused(own.accreditation.CreateExamSession(session_at(other),
                                                                   metadata=own.metadata))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    code, _, _ = await refused(own.accreditation.CreateInstitution(
        acc.CreateInstitutionRequest(), metadata=own.metadata))
    assert code == grpc.StatusCode.PERMISSION_DENIED


async def test_enrolling_an_unregistered_person_is_not_found(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    session = await builders.session(stubs, org, assign=False)
    code, _, _ = await refused(stubs.accreditation.EnrollCandidate(acc.EnrollCandidateRequest(
        exam_session=session.name, person="persons/0123456789abcdef"), metadata=stubs.metadata))
    assert code == grpc.StatusCode.NOT_FOUND


async def test_an_institution_token_cannot_read_another_institutions_session(system):
    admin = system.stubs()
    org, other = await builders.institution(admin), await builders.institution(admin)
    session = await builders.session(admin, other, assign=False)
    own = system.stubs("eval_org", org.name)
    code, _, _ = await refused(own.accreditation.GetExamSession(
        acc.GetExamSessionRequest(name=session.name), metadata=own.metadata))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    theirs = system.stubs("eval_org", other.name)
    found = await theirs.accreditation.GetExamSession(
        acc.GetExamSessionRequest(name=session.name), metadata=theirs.metadata)
    assert found.name == session.name
