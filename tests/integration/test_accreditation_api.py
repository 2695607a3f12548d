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
    scorer = system.stubs("eval_org", org.name)
    session = await builders.session(stubs, org, "4-07-05-01", 5)
    without = await builders.person(stubs)
    code, _, reason = await refused(stubs.accreditation.EnrollCandidate(
        acc.EnrollCandidateRequest(exam_session=session.name, person=without.name),
        metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_4_GUARD_CERTIFICATE")
    recent = await builders.person(stubs, guard_certificate_date=Date(year=2025, month=3, day=1))
    candidate = await stubs.accreditation.EnrollCandidate(
        acc.EnrollCandidateRequest(exam_session=session.name, person=recent.name),
        metadata=stubs.metadata)
    assert candidate.theory_exempt
    code, violations, _ = await refused(scorer.accreditation.RecordScores(
        acc.RecordScoresRequest(candidate=candidate.name, theory_score=70, skill_score=70),
        metadata=scorer.metadata))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "ASMT-3" in violations["theory_score"]
    scored = await scorer.accreditation.RecordScores(
        acc.RecordScoresRequest(candidate=candidate.name, skill_score=60), metadata=scorer.metadata)
    assert scored.result == acc.ASSESSMENT_RESULT_PASSED


async def test_asmt2_scores_range_and_review_for_levels_two_and_one(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    scorer = system.stubs("eval_org", org.name)
    session = await builders.session(stubs, org, "3-02-02-00", 2)
    someone = await builders.person(stubs)
    candidate = await stubs.accreditation.EnrollCandidate(
        acc.EnrollCandidateRequest(exam_session=session.name, person=someone.name),
        metadata=stubs.metadata)
    code, violations, _ = await refused(scorer.accreditation.RecordScores(
        acc.RecordScoresRequest(candidate=candidate.name, theory_score=101, skill_score=-1),
        metadata=scorer.metadata))
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert set(violations) == {"theory_score", "skill_score", "review_score"}
    failed = await scorer.accreditation.RecordScores(acc.RecordScoresRequest(
        candidate=candidate.name, theory_score=90, skill_score=90, review_score=59),
        metadata=scorer.metadata)
    assert failed.result == acc.ASSESSMENT_RESULT_FAILED
    passed = await scorer.accreditation.RecordScores(acc.RecordScoresRequest(
        candidate=candidate.name, theory_score=60, skill_score=60, review_score=60),
        metadata=scorer.metadata)
    assert passed.result == acc.ASSESSMENT_RESULT_PASSED


async def test_asmt8_close_needs_an_evaluator_and_complete_scores_then_is_final(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    scorer = system.stubs("eval_org", org.name)
    bare = await builders.session(stubs, org, assign=False)
    code, _, reason = await refused(scorer.accreditation.CloseExamSession(
        acc.CloseExamSessionRequest(name=bare.name), metadata=scorer.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_8_NO_EVALUATOR")
    session = await builders.session(stubs, org)
    someone = await builders.person(stubs)
    candidate = await stubs.accreditation.EnrollCandidate(
        acc.EnrollCandidateRequest(exam_session=session.name, person=someone.name),
        metadata=stubs.metadata)
    code, _, reason = await refused(scorer.accreditation.CloseExamSession(
        acc.CloseExamSessionRequest(name=session.name), metadata=scorer.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_8_UNSCORED")
    await scorer.accreditation.RecordScores(acc.RecordScoresRequest(
        candidate=candidate.name, theory_score=80, skill_score=80), metadata=scorer.metadata)
    closed = await scorer.accreditation.CloseExamSession(
        acc.CloseExamSessionRequest(name=session.name), metadata=scorer.metadata)
    assert closed.state == acc.EXAM_SESSION_STATE_CLOSED
    code, _, reason = await refused(scorer.accreditation.RecordScores(acc.RecordScoresRequest(
        candidate=candidate.name, theory_score=10, skill_score=10), metadata=scorer.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "ASMT_8_SESSION_CLOSED")


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
