"""Evaluators over real gRPC: appointment with occupation and level, the annual assessment
(EVAL-3) and its effect on assignment (EVAL-5), the conflict of interest, renewal, lists
and pass-rate monitoring."""

from datetime import date

import grpc

from anbao.accreditation.v1 import accreditation_pb2 as acc
from servicekit import dates
from tests import builders
from tests.integration.test_accreditation_api import refused


async def test_eval3_an_ethics_fail_suspends_and_eval5_refuses_the_assignment(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    examiner = await builders.evaluator(stubs, org)
    assert (examiner.occupation_code, examiner.max_level, examiner.in_term) == \
        ("3-02-02-00", 1, True)
    this_year = dates.today().year
    assessed = await stubs.accreditation.RecordAnnualAssessment(
        acc.RecordAnnualAssessmentRequest(
            evaluator=examiner.name, year=this_year, ethics=acc.ASSESSMENT_RESULT_FAILED,
            professional_score=100, performance_score=100), metadata=stubs.metadata)
    assert assessed.status == acc.EVALUATOR_STATUS_SUSPENDED
    assert [(a.year, a.result) for a in assessed.assessments] == [
        (this_year, acc.ASSESSMENT_RESULT_FAILED)]
    session = await builders.session(stubs, org, assign=False)
    code, _, reason = await refused(stubs.accreditation.AssignEvaluator(
        acc.AssignEvaluatorRequest(exam_session=session.name, evaluator=examiner.name),
        metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "EVAL_5_SUSPENDED")
    suspended = await stubs.accreditation.ListEvaluators(acc.ListEvaluatorsRequest(
        institution=org.name, status=acc.EVALUATOR_STATUS_SUSPENDED), metadata=stubs.metadata)
    assert [e.name for e in suspended.evaluators] == [examiner.name]
    org_token = system.stubs("eval_org", org.name)
    code, _, _ = await refused(org_token.accreditation.RecordAnnualAssessment(
        acc.RecordAnnualAssessmentRequest(evaluator=examiner.name, year=this_year,
                                          ethics=acc.ASSESSMENT_RESULT_PASSED),
        metadata=org_token.metadata))
    assert code == grpc.StatusCode.PERMISSION_DENIED  # the organisation does not assess


async def test_eval3_overdue_as_of_a_date_in_the_list(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    examiner = await builders.evaluator(stubs, org)
    year = dates.today().year
    deadline = date(year + 1, 3, 31)

    async def overdue_on(day: date) -> list[str]:
        answer = await stubs.accreditation.ListEvaluators(acc.ListEvaluatorsRequest(
            institution=org.name, overdue=True, as_of_date=dates.to_proto(day)),
            metadata=stubs.metadata)
        return [(e.name, list(e.overdue_years)) for e in answer.evaluators]
    assert await overdue_on(deadline) == []
    assert await overdue_on(date(year + 1, 4, 1)) == [(examiner.name, [year])]


async def test_eval5_conflict_at_enrolment_names_the_evaluator_and_the_institution(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    school = await builders.institution(stubs, role=acc.INSTITUTION_ROLE_TRAINING)
    examiner = await builders.evaluator(stubs, org, affiliations=(school.name,))
    assert [a.institution for a in examiner.affiliations] == [school.name]
    session = await builders.session(stubs, org, assign=False)
    await stubs.accreditation.AssignEvaluator(acc.AssignEvaluatorRequest(
        exam_session=session.name, evaluator=examiner.name), metadata=stubs.metadata)
    trainee = await builders.person(stubs, "李娜")
    with_conflict = stubs.accreditation.EnrollCandidate(acc.EnrollCandidateRequest(
        exam_session=session.name, person=trainee.name, trained_by=school.name,
        facts=builders.TWO_YEARS),
        metadata=stubs.metadata)
    try:
        await with_conflict
        raise AssertionError("a conflicted enrolment was accepted")
    except grpc.aio.AioRpcError as exc:
        assert exc.code() == grpc.StatusCode.FAILED_PRECONDITION
        assert examiner.name in exc.details() and school.name in exc.details()
    code, violations, _ = await refused(stubs.accreditation.EnrollCandidate(
        acc.EnrollCandidateRequest(exam_session=session.name, person=trainee.name,
                                   trained_by="school"), metadata=stubs.metadata))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "trained_by" in violations
    await stubs.accreditation.SetEvaluatorAffiliations(acc.SetEvaluatorAffiliationsRequest(
        evaluator=examiner.name), metadata=stubs.metadata)
    enrolled = await stubs.accreditation.EnrollCandidate(acc.EnrollCandidateRequest(
        exam_session=session.name, person=trainee.name, trained_by=school.name,
        facts=builders.TWO_YEARS),
        metadata=stubs.metadata)
    assert enrolled.trained_by == school.name


async def test_eval1_renewal_and_pass_rates_over_grpc(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    examiner = await builders.evaluator(stubs, org)
    renewed = await stubs.accreditation.RenewEvaluator(acc.RenewEvaluatorRequest(
        name=examiner.name), metadata=stubs.metadata)
    assert [dates.of_proto(t.term_start) for t in renewed.terms] == [
        dates.of_proto(examiner.term_start), dates.of_proto(examiner.term_end)]
    code, _, reason = await refused(stubs.accreditation.RenewEvaluator(acc.RenewEvaluatorRequest(
        name=examiner.name, term_start=examiner.term_start), metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "EVAL_1_TERM_OVERLAP")
    anomalies = await stubs.accreditation.ListPassRateAnomalies(
        acc.ListPassRateAnomaliesRequest(), metadata=stubs.metadata)
    assert list(anomalies.pass_rates) == []  # no closed session yet
    code, violations, _ = await refused(stubs.accreditation.ListPassRates(
        acc.ListPassRatesRequest(subject="persons/x"), metadata=stubs.metadata))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "subject" in violations


async def test_eval2_a_failed_training_over_grpc_does_not_open_the_appointment(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    someone = await builders.person(stubs, "赵敏")
    training = acc.RecordPreAppointmentTrainingRequest(
        person=someone.name, completion_date=dates.to_proto(dates.today()), passed=False,
        provider="内保总队")
    await stubs.accreditation.RecordPreAppointmentTraining(training, metadata=stubs.metadata)
    appoint = acc.AppointEvaluatorRequest(institution=org.name, person=someone.name,
                                          occupation_code="3-02-02-00", max_level=2,
                                          recommended_by="吉林省公安厅内保总队")
    code, _, reason = await refused(stubs.accreditation.AppointEvaluator(
        appoint, metadata=stubs.metadata))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION,
                              "EVAL_2_PRE_APPOINTMENT_TRAINING")
    training.passed = True
    await stubs.accreditation.RecordPreAppointmentTraining(training, metadata=stubs.metadata)
    appointed = await stubs.accreditation.AppointEvaluator(appoint, metadata=stubs.metadata)
    read = await stubs.accreditation.GetEvaluator(acc.GetEvaluatorRequest(name=appointed.name),
                                                  metadata=stubs.metadata)
    assert (read.recommended_by, read.max_level) == ("吉林省公安厅内保总队", 2)  # EVAL-4
