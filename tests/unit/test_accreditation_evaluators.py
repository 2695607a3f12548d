"""Evaluators through accreditation's handlers (in-memory database): appointment and
renewal (EVAL-1), training (EVAL-2), the annual assessment (EVAL-3), the recommender
(EVAL-4), who may examine on the exam date and the conflict of interest (EVAL-5), and
pass-rate monitoring. Every boundary is tested on both sides."""

import uuid
from dataclasses import replace
from datetime import date

import pytest

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit import dates, paging
from servicekit.auth import Caller, Reach
from servicekit.unitofwork import utcnow
from servicekit.errors import (AlreadyExists, FailedPrecondition, InvalidArgument, NotFound,
                               PermissionDenied)
from services.accreditation import handlers
from services.accreditation.adapters.orm import metadata
from services.accreditation.adapters.repository import AccreditationRepositories
from services.accreditation.domain import commands as c
from services.accreditation.domain.evaluators import AssessmentSchedule
from services.accreditation.domain.exams import Candidate, ExamSession
from services.accreditation.domain.pass_rates import (Monitoring, SessionOutcome,
                                                      binomial_two_sided_p, pass_rates)
from services.accreditation.policy import POLICY
from tests.unit.accreditation_world import (ADMIN, RULES, TWO_YEARS, People, active_org,
                                            launch, org_token, site)
from tests.unit.memory import MemoryUnitOfWorks

ADMINISTRATOR, GUARD = "3-02-02-00", "4-07-05-01"
PASS, FAIL = pb.ASSESSMENT_RESULT_PASSED, pb.ASSESSMENT_RESULT_FAILED
TRAINING = pb.INSTITUTION_ROLE_TRAINING


@pytest.fixture
def uows():
    return MemoryUnitOfWorks(metadata, AccreditationRepositories)


@pytest.fixture
def people():
    return People()


def appoint(uows, people, org, pid="ev1", start=date(2025, 6, 1), occupation=ADMINISTRATOR,
            max_level=1, affiliations=(), rules=RULES, trained=True):
    people.add(pid)
    if trained:
        handlers.record_pre_appointment_training(uows(), c.RecordPreAppointmentTraining(
            ADMIN, pid, date(2020, 1, 1), True, "省公安厅"), people=people)
    return handlers.appoint_evaluator(uows(), c.AppointEvaluator(
        ADMIN, org.id, pid, start, "吉林省公安厅内保总队", occupation, max_level,
        tuple(i.id for i in affiliations)), people=people, rules=rules)


def assess(uows, evaluator, year, ethics=PASS, professional=80, performance=80, on=None,
           actor=ADMIN, rules=RULES):
    return handlers.record_annual_assessment(uows(), c.RecordAnnualAssessment(
        actor, evaluator.id, year, ethics, professional, performance,
        on or date(year + 1, 1, 15)), rules=rules)


def session(uows, org, exam_date, level=3, occupation=ADMINISTRATOR):
    """A session with its level launched (ASMT-11), at a registered site where its exam
    mode needs one (ASMT-10)."""
    launch(uows, occupation, level)
    needs_site = RULES.assessment.needs_registered_site(
        occupation, RULES.assessment.mode(occupation, level))
    exam_site = site(uows, f"国保考点-{uuid.uuid4().hex[:8]}").id if needs_site else ""
    return handlers.create_exam_session(uows(), c.CreateExamSession(
        ADMIN, org.id, occupation, level, exam_date, exam_site), rules=RULES)


def assign(uows, exam, evaluator, rules=RULES):
    return handlers.assign_evaluator(uows(), c.AssignEvaluator(ADMIN, exam.id, evaluator.id),
                                     rules=rules)


def refusal(call) -> str:
    with pytest.raises(FailedPrecondition) as caught:
        call()
    return caught.value.reason


def get(uows, evaluator):
    return handlers.get_evaluator(uows(), c.GetEvaluator(ADMIN, evaluator.id))


def listed(uows, rules=RULES, **filters) -> list[str]:
    query = dict(institution_id="", status=0, overdue=None, as_of=date(2026, 11, 23),
                 page=paging.Page())
    query.update(filters)
    return [e.id for e in handlers.list_evaluators(uows(), c.ListEvaluators(ADMIN, **query),
                                                   rules=rules)[0]]


# EVAL-1 appointment, term, renewal

def test_eval1_term_first_day_last_day_and_the_day_after(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2025, 6, 1))
    assert (ev.term_start, ev.term_end) == (date(2025, 6, 1), date(2028, 6, 1))  # exclusive
    for year in (2025, 2026, 2027):
        assess(uows, ev, year)
    assign(uows, session(uows, org, date(2025, 6, 1)), ev)      # the first day
    assign(uows, session(uows, org, date(2028, 5, 31)), ev)     # the last day
    assert refusal(lambda: assign(uows, session(uows, org, date(2028, 6, 1)), ev)) == \
        "EVAL_5_OUT_OF_TERM"                                    # the day after
    assert refusal(lambda: assign(uows, session(uows, org, date(2025, 5, 31)), ev)) == \
        "EVAL_5_OUT_OF_TERM"                                    # the day before the start


def test_eval1_a_term_from_29_february_keeps_its_last_day(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2024, 2, 29))
    assert ev.term_end == date(2027, 3, 1)  # last day in term: 28 February 2027
    for year in (2024, 2025, 2026):
        assess(uows, ev, year)
    assign(uows, session(uows, org, date(2027, 2, 28)), ev)
    assert refusal(lambda: assign(uows, session(uows, org, date(2027, 3, 1)), ev)) == \
        "EVAL_5_OUT_OF_TERM"


def test_eval1_term_length_is_configuration(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2025, 6, 1),
                 rules=replace(RULES, evaluator_term_years=5))
    assert ev.term_end == date(2030, 6, 1)


def test_eval1_renewal_adds_a_term_and_keeps_the_earlier_one(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2023, 6, 1))
    with pytest.raises(AlreadyExists):  # a second appointment is a renewal
        appoint(uows, people, org, start=date(2026, 6, 1))
    assert refusal(lambda: handlers.renew_evaluator(uows(), c.RenewEvaluator(
        ADMIN, ev.id, date(2026, 5, 31)), rules=RULES)) == "EVAL_1_TERM_OVERLAP"
    renewed = handlers.renew_evaluator(uows(), c.RenewEvaluator(org_token(org), ev.id, None),
                                       rules=RULES)
    assert [(t.start, t.end) for t in renewed.terms] == [
        (date(2023, 6, 1), date(2026, 6, 1)), (date(2026, 6, 1), date(2029, 6, 1))]
    stored = get(uows, ev)
    assert (stored.term_start, stored.term_end) == (date(2026, 6, 1), date(2029, 6, 1))
    assert len(stored.terms) == 2 and stored.terms[1].actor == "org"
    assert [dates.of_proto(e.term_start) for e in uows.emitted(events_pb2.EvaluatorRenewed)] \
        == [date(2026, 6, 1)]
    for year in (2023, 2024, 2025):
        assess(uows, ev, year)
    assign(uows, session(uows, org, date(2027, 1, 5)), ev)  # in the new term


def test_eval1_renewal_refused_for_another_organisations_token(uows, people):
    org, other = active_org(uows), active_org(uows)
    ev = appoint(uows, people, org)
    with pytest.raises(PermissionDenied):
        handlers.renew_evaluator(uows(), c.RenewEvaluator(org_token(other), ev.id, None),
                                 rules=RULES)


def test_eval1_appointment_needs_an_occupation_and_one_of_its_levels():
    with pytest.raises(InvalidArgument) as caught:
        c.AppointEvaluator.parse(ADMIN, institution="institutions/a", person="persons/p",
                                 term_start="", recommended_by="", occupation_code=ADMINISTRATOR,
                                 max_level=5, affiliations=["nope"])
    assert {v.field for v in caught.value.violations} == {"max_level", "affiliations[0]"}
    with pytest.raises(InvalidArgument) as caught:
        c.AppointEvaluator.parse(ADMIN, institution="institutions/a", person="persons/p",
                                 term_start="", recommended_by="", occupation_code="",
                                 max_level=0)
    assert {v.field for v in caught.value.violations} == {"occupation_code"}


def test_eval4_recommender_is_recorded_and_read_back(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org)
    assert get(uows, ev).recommended_by == "吉林省公安厅内保总队"


# EVAL-2 pre-appointment training

def test_eval2_a_failed_training_does_not_count_a_passed_one_does(uows, people):
    org = active_org(uows)
    people.add("p")
    handlers.record_pre_appointment_training(uows(), c.RecordPreAppointmentTraining(
        ADMIN, "p", date(2025, 5, 1), False, "省公安厅"), people=people)
    assert refusal(lambda: appoint(uows, people, org, "p", trained=False)) == \
        "EVAL_2_PRE_APPOINTMENT_TRAINING"
    # passed, but completed after the term starts: not yet
    handlers.record_pre_appointment_training(uows(), c.RecordPreAppointmentTraining(
        ADMIN, "p", date(2025, 6, 2), True, "省公安厅"), people=people)
    assert refusal(lambda: appoint(uows, people, org, "p", trained=False)) == \
        "EVAL_2_PRE_APPOINTMENT_TRAINING"
    assert not uows.emitted(events_pb2.EvaluatorAppointed)
    handlers.record_pre_appointment_training(uows(), c.RecordPreAppointmentTraining(
        ADMIN, "p", date(2025, 6, 1), True, "省公安厅"), people=people)
    assert appoint(uows, people, org, "p", trained=False).term_start == date(2025, 6, 1)


def test_eval2_training_is_recorded_only_by_the_province_that_runs_it():
    assert dict(POLICY["RecordPreAppointmentTraining"]) == {"province_admin": Reach.ANY}


# EVAL-3 annual assessment

def test_eval3_ethics_fail_fails_the_year_whatever_the_scores(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org)
    assessed = assess(uows, ev, 2025, ethics=FAIL, professional=100, performance=100)
    assert assessed.assessments[0].result == FAIL
    assert assessed.status == pb.EVALUATOR_STATUS_SUSPENDED
    assert [e.to_status for e in uows.emitted(events_pb2.EvaluatorStatusChanged)] == [
        pb.EVALUATOR_STATUS_SUSPENDED]


def test_eval3_scores_below_the_pass_mark_fail_and_at_it_pass(uows, people):
    org = active_org(uows)
    low, edge = appoint(uows, people, org, "a"), appoint(uows, people, org, "b")
    assert assess(uows, low, 2025, professional=59, performance=100).status == \
        pb.EVALUATOR_STATUS_SUSPENDED
    assert assess(uows, edge, 2025, professional=60, performance=60).status == \
        pb.EVALUATOR_STATUS_APPOINTED


def test_eval3_the_ethics_input_must_be_explicit():
    with pytest.raises(InvalidArgument) as caught:
        c.RecordAnnualAssessment.parse(ADMIN, evaluator="evaluators/e", year=2030,
                                       ethics=pb.ASSESSMENT_RESULT_UNSPECIFIED,
                                       professional_score=101, performance_score=-1,
                                       assessed_on="2025-01-01", remarks="")
    assert {v.field for v in caught.value.violations} == {
        "ethics", "professional_score", "performance_score", "year"}


def test_eval3_two_failed_years_in_a_row_dismiss(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2024, 6, 1))
    assess(uows, ev, 2024, ethics=FAIL)
    dismissed = assess(uows, ev, 2025, professional=10)
    assert dismissed.status == pb.EVALUATOR_STATUS_DISMISSED
    assert refusal(lambda: assess(uows, ev, 2026, on=date(2026, 11, 1))) == "EVAL_3_DISMISSED"
    assert get(uows, ev).overdue_years(date(2027, 4, 1), RULES.assessment_schedule) == []  # owes none
    assert refusal(lambda: handlers.renew_evaluator(uows(), c.RenewEvaluator(
        ADMIN, ev.id, None), rules=RULES)) == "EVAL_3_DISMISSED"
    other = active_org(uows)  # dismissal is not escaped by another organisation
    assert refusal(lambda: appoint(uows, people, other, "ev1")) == "EVAL_3_DISMISSED"
    assert refusal(lambda: assign(uows, session(uows, org, date(2026, 6, 1)), ev)) == \
        "EVAL_5_DISMISSED"


def test_eval3_two_failed_years_not_in_a_row_only_suspend(uows, people):
    org = active_org(uows)
    gap, between = (appoint(uows, people, org, p, start=date(2023, 6, 1)) for p in ("a", "b"))
    assess(uows, gap, 2023, ethics=FAIL)
    assess(uows, gap, 2025, ethics=FAIL)        # 2024 not assessed: not in a row
    assert get(uows, gap).status == pb.EVALUATOR_STATUS_SUSPENDED
    assess(uows, between, 2023, ethics=FAIL)
    assert assess(uows, between, 2024).status == pb.EVALUATOR_STATUS_APPOINTED  # reinstated
    assert assess(uows, between, 2025, ethics=FAIL).status == pb.EVALUATOR_STATUS_SUSPENDED


def test_eval3_a_year_outside_every_term_or_twice_is_refused(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2025, 6, 1))
    assert refusal(lambda: assess(uows, ev, 2024)) == "EVAL_3_YEAR_OUT_OF_TERM"
    assess(uows, ev, 2025)
    with pytest.raises(AlreadyExists):
        assess(uows, ev, 2025, ethics=FAIL)


def test_eval3_recorded_by_the_departments_not_the_appointing_organisation(uows, people):
    assert set(POLICY["RecordAnnualAssessment"]) == {"province_admin", "city_admin"}
    org = active_org(uows)  # in 220102
    ev = appoint(uows, people, org)
    with pytest.raises(PermissionDenied):
        assess(uows, ev, 2025, actor=Caller("c", "city_admin", "320500", Reach.DIVISION))
    assess(uows, ev, 2025, actor=Caller("c", "city_admin", "220100", Reach.DIVISION))


def test_eval3_overdue_from_the_day_after_the_deadline_never_by_a_job(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2025, 6, 1))
    assert listed(uows, overdue=True, as_of=date(2026, 3, 31)) == []        # the deadline day
    assert listed(uows, overdue=True, as_of=date(2026, 4, 1)) == [ev.id]    # the day after
    assert listed(uows, overdue=False, as_of=date(2026, 3, 31)) == [ev.id]
    assess(uows, ev, 2025, on=date(2026, 4, 2))                              # late
    assert listed(uows, overdue=True, as_of=date(2026, 4, 1)) == [ev.id]    # not yet recorded
    assert listed(uows, overdue=True, as_of=date(2026, 4, 2)) == []
    assert get(uows, ev).overdue_years(date(2026, 4, 1), RULES.assessment_schedule) == [2025]


def test_eval3_the_deadline_is_configuration(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2025, 6, 1))
    later = replace(RULES, assessment_schedule=AssessmentSchedule(deadline_month=4, deadline_day=30))
    assert listed(uows, later, overdue=True, as_of=date(2026, 4, 30)) == []
    assert listed(uows, later, overdue=True, as_of=date(2026, 5, 1)) == [ev.id]
    assign(uows, session(uows, org, date(2026, 4, 30)), ev, rules=later)


def test_list_evaluators_by_status_organisation_and_pages(uows, people):
    org, other = active_org(uows), active_org(uows)
    good, failed, elsewhere = (appoint(uows, people, o, p)
                               for o, p in ((org, "a"), (org, "b"), (other, "c")))
    for ev in (good, elsewhere):
        assess(uows, ev, 2025)
    assess(uows, failed, 2025, ethics=FAIL)
    assert listed(uows, status=pb.EVALUATOR_STATUS_SUSPENDED) == [failed.id]
    # status as of a date: before the failed assessment was recorded it was appointed
    assert set(listed(uows, status=pb.EVALUATOR_STATUS_APPOINTED, as_of=date(2026, 1, 1))) \
        == {good.id, failed.id, elsewhere.id}
    assert set(listed(uows, institution_id=org.id)) == {good.id, failed.id}
    first, token = handlers.list_evaluators(uows(), c.ListEvaluators(
        ADMIN, "", 0, None, date(2026, 11, 23), paging.Page(size=2)), rules=RULES)
    rest, last = handlers.list_evaluators(uows(), c.ListEvaluators.parse(
        ADMIN, institution="", status=0, overdue=None, as_of_date="2026-11-23", page_size=2,
        page_token=token), rules=RULES)
    assert len(first) == 2 and len(rest) == 1 and last == ""
    assert {e.id for e in first} | {e.id for e in rest} == {good.id, failed.id, elsewhere.id}
    own, _ = handlers.list_evaluators(uows(), c.ListEvaluators(
        org_token(other), "", 0, None, date(2026, 11, 23), paging.Page()), rules=RULES)
    assert [e.id for e in own] == [elsewhere.id]
    with pytest.raises(PermissionDenied):
        handlers.list_evaluators(uows(), c.ListEvaluators(
            org_token(other), org.id, 0, None, date(2026, 11, 23), paging.Page()), rules=RULES)


# EVAL-5 on the exam date

def test_eval5_judged_on_the_exam_date_not_today(uows, people):
    org = active_org(uows)
    future = appoint(uows, people, org, "a", start=date(2027, 1, 1))   # not yet in term today
    assign(uows, session(uows, org, date(2027, 1, 1)), future)
    ended = appoint(uows, people, org, "b", start=date(2023, 6, 1))    # out of term today
    for year in (2023, 2024, 2025):
        assess(uows, ended, year)
    assign(uows, session(uows, org, date(2026, 5, 31)), ended)
    # failed on 20 March 2026: an exam on 15 March 2026 was before it (and before the deadline)
    late = appoint(uows, people, org, "c", start=date(2025, 6, 1))
    assess(uows, late, 2025, ethics=FAIL, on=date(2026, 3, 20))
    assign(uows, session(uows, org, date(2026, 3, 15)), late)
    assert refusal(lambda: assign(uows, session(uows, org, date(2026, 3, 20)), late)) == \
        "EVAL_5_SUSPENDED"


def test_eval5_suspended_evaluator_is_refused_until_a_passed_year(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2024, 6, 1))
    assess(uows, ev, 2024, ethics=FAIL)
    assert refusal(lambda: assign(uows, session(uows, org, date(2025, 6, 1)), ev)) == \
        "EVAL_5_SUSPENDED"
    assess(uows, ev, 2025)
    assign(uows, session(uows, org, date(2026, 6, 1)), ev)


def test_eval5_overdue_on_the_exam_date(uows, people):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2025, 6, 1))  # 2025 never assessed
    assign(uows, session(uows, org, date(2026, 3, 31)), ev)
    assert refusal(lambda: assign(uows, session(uows, org, date(2026, 4, 1)), ev)) == \
        "EVAL_5_OVERDUE"


@pytest.mark.parametrize("occupation,max_level,session_level,session_occupation,ok", [
    (GUARD, 4, 5, GUARD, True),            # lower level than the maximum
    (GUARD, 4, 4, GUARD, True),            # the maximum itself
    (GUARD, 4, 3, GUARD, False),           # above the maximum (3 is higher than 4)
    (ADMINISTRATOR, 1, 3, GUARD, False),   # another occupation
    (ADMINISTRATOR, 2, 1, ADMINISTRATOR, False),
    (ADMINISTRATOR, 2, 3, ADMINISTRATOR, True),
])
def test_eval5_covers_the_occupation_at_or_below_the_maximum_level(
        uows, people, occupation, max_level, session_level, session_occupation, ok):
    org = active_org(uows)
    ev = appoint(uows, people, org, start=date(2026, 1, 1), occupation=occupation,
                 max_level=max_level)
    exam = session(uows, org, date(2026, 6, 1), session_level, session_occupation)
    if ok:
        assert assign(uows, exam, ev).evaluator_ids == [ev.id]
    else:
        assert refusal(lambda: assign(uows, exam, ev)) == "EVAL_5_NOT_COVERED"


def _enrol(uows, people, exam, pid, trained_by=""):
    return handlers.enroll_candidate(uows(), c.EnrollCandidate(
        ADMIN, exam.id, people.add(pid), trained_by, TWO_YEARS), people=people, rules=RULES)


def test_eval5_conflict_at_assignment_names_evaluator_and_institution(uows, people):
    org = active_org(uows)
    school = active_org(uows, TRAINING)
    ev = appoint(uows, people, org, start=date(2026, 1, 1), affiliations=[school])
    exam = session(uows, org, date(2026, 6, 1))
    _enrol(uows, people, exam, "c1", school.id)
    with pytest.raises(FailedPrecondition) as caught:
        assign(uows, exam, ev)
    assert caught.value.reason == "EVAL_5_CONFLICT"
    assert ev.name in str(caught.value) and school.name in str(caught.value)
    assert caught.value.metadata == {"evaluator": ev.name, "institution": school.name}
    clean = session(uows, org, date(2026, 6, 2))
    _enrol(uows, people, clean, "c2", active_org(uows, TRAINING).id)
    assign(uows, clean, ev)


def test_eval5_conflict_at_every_later_enrolment(uows, people):
    org = active_org(uows)
    school, other_school = active_org(uows, TRAINING), active_org(uows, TRAINING)
    ev = appoint(uows, people, org, start=date(2026, 1, 1), affiliations=[school])
    exam = session(uows, org, date(2026, 6, 1))
    assign(uows, exam, ev)
    _enrol(uows, people, exam, "c1", other_school.id)
    _enrol(uows, people, exam, "c2")  # trained by no institution
    with pytest.raises(FailedPrecondition) as caught:
        _enrol(uows, people, exam, "c3", school.id)
    assert caught.value.reason == "EVAL_5_CONFLICT" and school.name in str(caught.value)
    with pytest.raises(NotFound):
        _enrol(uows, people, exam, "c4", "nosuchinstitution")
    # the affiliation ends: the next enrolment is no conflict, and the history stays
    handlers.set_evaluator_affiliations(uows(), c.SetEvaluatorAffiliations(
        org_token(org), ev.id, (other_school.id,)))
    with pytest.raises(FailedPrecondition):
        _enrol(uows, people, exam, "c5", other_school.id)
    handlers.set_evaluator_affiliations(uows(), c.SetEvaluatorAffiliations(ADMIN, ev.id, ()))
    assert _enrol(uows, people, exam, "c6", school.id).trained_by_id == school.id
    history = get(uows, ev).affiliations
    assert [(a.institution_id, a.end is not None) for a in history] == [
        (school.id, True), (other_school.id, True)]
    stored = handlers.get_exam_session(uows(), c.GetExamSession(ADMIN, exam.id))
    assert {x.trained_by_id for x in stored.candidates} == {"", school.id, other_school.id}


# pass-rate monitoring

def test_binomial_two_sided_p_matches_known_values():
    assert binomial_two_sided_p(7, 20, 0.5) == pytest.approx(0.2631760, rel=1e-6)
    assert binomial_two_sided_p(682, 925, 0.75) == pytest.approx(0.3824916, rel=1e-5)
    assert binomial_two_sided_p(10, 10, 1.0) == 1.0 and binomial_two_sided_p(9, 10, 1.0) == 0


def outcome(sid, org, n, k, evaluators=("e",), year=2026, level=3):
    return SessionOutcome(sid, org, tuple(evaluators), ADMINISTRATOR, level, year, n, k)


def test_pass_rates_flag_at_p_below_threshold_with_at_least_20_candidates():
    province = [outcome(f"r{i}", "rest", 50, 30, (f"r{i}",)) for i in range(4)]  # 60%
    monitoring = Monitoring(alpha=0.001, min_candidates=20)

    def flagged(n, k) -> tuple[bool, bool]:
        rates = pass_rates(province + [outcome("s", "org", n, k)], monitoring)
        unit = next(r for r in rates if r.subject == "examSessions/s")
        return unit.tested, unit.anomalous(monitoring.alpha)
    assert flagged(19, 19) == (False, False)   # too few candidates to test
    assert flagged(20, 20) == (True, True)     # p ≈ 3.7e-5
    assert flagged(20, 19) == (True, True)     # p ≈ 8.6e-4 < 0.001
    assert flagged(20, 18) == (True, False)    # p ≈ 4.0e-3
    assert flagged(20, 0) == (True, True)      # improbably low is flagged too
    assert flagged(20, 12) == (True, False)


def test_pass_rates_per_session_evaluator_and_organisation_per_year():
    outcomes = [outcome("s1", "org", 30, 30, ("e1", "e2")), outcome("s2", "org", 10, 10, ("e1",)),
                outcome("s3", "rest", 100, 50, ("e3",)), outcome("s4", "org", 30, 15, ("e1",),
                                                                 year=2025)]
    rates = {(r.unit, r.subject, r.year): r for r in pass_rates(outcomes, Monitoring())}
    e1 = rates[(pb.PASS_RATE_UNIT_EVALUATOR_YEAR, "evaluators/e1", 2026)]
    assert (e1.candidates, e1.passed, e1.reference_candidates, e1.reference_passed) == \
        (40, 40, 100, 50)
    org = rates[(pb.PASS_RATE_UNIT_ORGANISATION_YEAR, "institutions/org", 2026)]
    assert (org.candidates, org.passed) == (40, 40) and org.anomalous(0.001)
    assert rates[(pb.PASS_RATE_UNIT_SESSION, "examSessions/s2", 2026)].tested is False
    # 2025 is its own stratum: no reference candidates in that year, so nothing is tested
    assert rates[(pb.PASS_RATE_UNIT_ORGANISATION_YEAR, "institutions/org", 2025)].tested is False


def _closed(uows, org, evaluator_id, n, k, exam_date=date(2026, 6, 1)):
    """A closed session with n results, k of them passed, stored as the repository would."""
    exam = ExamSession(id=f"s{org.id[:6]}{n}{k}", institution_id=org.id,
                       occupation_code=ADMINISTRATOR, level=3, exam_date=exam_date,
                       created_at=utcnow(),
                       state=pb.EXAM_SESSION_STATE_CLOSED, evaluator_ids=[evaluator_id])
    exam.candidates = [Candidate(id=f"{exam.id}c{i}", session_id=exam.id, person_id=f"p{i}",
                                 full_name="张伟", resident_id_masked="2201**********0011",
                                 theory_exempt=False, result=PASS if i < k else FAIL)
                       for i in range(n)]
    with uows() as uow:
        uow.repos.exam_sessions.add(exam)
        uow.commit()
    return exam


def test_list_pass_rate_anomalies_from_closed_sessions(uows, people):
    org, rest, third = active_org(uows), active_org(uows), active_org(uows)
    suspicious = _closed(uows, org, "e1", 25, 25)
    _closed(uows, rest, "e2", 60, 30)
    _closed(uows, rest, "e3", 40, 20)
    _closed(uows, third, "e4", 200, 100)  # p ≈ 0.005 against the others: not flagged
    open_one = session(uows, org, date(2026, 6, 1))  # open sessions do not count
    _enrol(uows, people, open_one, "x")

    def query(anomalies_only, subject="", year=0, page=paging.Page()):
        return handlers.list_pass_rates(uows(), c.ListPassRates(
            ADMIN, year, subject, anomalies_only, page), rules=RULES)
    anomalies, _ = query(True)
    assert {(r.unit, r.subject) for r in anomalies} == {
        (pb.PASS_RATE_UNIT_SESSION, suspicious.name),
        (pb.PASS_RATE_UNIT_EVALUATOR_YEAR, "evaluators/e1"),
        (pb.PASS_RATE_UNIT_ORGANISATION_YEAR, org.name)}
    assert all(r.rate == 1.0 and r.reference_rate == 0.5 and r.p_value < 0.001
               for r in anomalies)
    everything, _ = query(False)
    assert len(everything) == 4 + 4 + 3  # sessions, evaluators, organisations
    assert [r.subject for r in query(False, subject=org.name)[0]] == [org.name]
    assert query(True, year=2025)[0] == []
    first, token = query(False, page=paging.Page(size=6))
    rest_page, last = query(False, page=paging.Page(size=6, after=paging.decode_token(
        token, c.Violations())))
    assert len(first) == 6 and len(rest_page) == 5 and last == ""
    assert set(POLICY["ListPassRateAnomalies"]) == {"province_admin"}
