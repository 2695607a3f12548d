"""accreditation's pure rules, one rule ID each."""

from datetime import date

import pytest

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit.errors import FailedPrecondition, Violations
from services.accreditation import domain


def test_inst1_only_lifecycle_transitions_are_allowed():
    domain.check_transition(pb.INSTITUTION_STATUS_APPLIED, pb.INSTITUTION_STATUS_SELECTED)
    domain.check_transition(pb.INSTITUTION_STATUS_SUSPENDED, pb.INSTITUTION_STATUS_ACTIVE)
    for current, target in ((pb.INSTITUTION_STATUS_APPLIED, pb.INSTITUTION_STATUS_ACTIVE),
                            (pb.INSTITUTION_STATUS_REVOKED, pb.INSTITUTION_STATUS_ACTIVE),
                            (pb.INSTITUTION_STATUS_REJECTED, pb.INSTITUTION_STATUS_SELECTED)):
        with pytest.raises(FailedPrecondition) as caught:
            domain.check_transition(current, target)
        assert caught.value.reason == "INST_1_LIFECYCLE" and caught.value.rule_id == "INST-1"


def test_inst2_one_uscc_cannot_hold_both_roles():
    domain.check_separation({pb.INSTITUTION_ROLE_EVALUATION}, pb.INSTITUTION_ROLE_EVALUATION)
    with pytest.raises(FailedPrecondition) as caught:
        domain.check_separation({pb.INSTITUTION_ROLE_EVALUATION}, pb.INSTITUTION_ROLE_TRAINING)
    assert caught.value.reason == "INST_2_SEPARATION"


def test_eval1_term_is_configurable_years_and_handles_leap_day():
    assert domain.term_end(date(2026, 3, 1), 3) == date(2029, 3, 1)
    assert domain.term_end(date(2028, 2, 29), 3) == date(2031, 2, 28)


def test_eval2_training_must_be_passed_by_the_term_start():
    domain.require_pre_appointment_training([date(2026, 1, 1)], date(2026, 1, 1))
    with pytest.raises(FailedPrecondition):
        domain.require_pre_appointment_training([date(2026, 2, 1)], date(2026, 1, 1))
    with pytest.raises(FailedPrecondition):
        domain.require_pre_appointment_training([], date(2026, 1, 1))


def test_eval5_term_bounds():
    facts = domain.EvaluatorFacts(pb.EVALUATOR_STATUS_APPOINTED, "org", date(2026, 1, 1),
                                  date(2029, 1, 1))
    domain.require_assignable(facts, "org", date(2028, 12, 31))
    with pytest.raises(FailedPrecondition) as caught:
        domain.require_assignable(facts, "org", date(2029, 1, 1))
    assert caught.value.reason == "EVAL_5_OUT_OF_TERM"
    suspended = domain.EvaluatorFacts(pb.EVALUATOR_STATUS_SUSPENDED, "org", date(2026, 1, 1),
                                      date(2029, 1, 1))
    with pytest.raises(FailedPrecondition):
        domain.require_assignable(suspended, "org", date(2026, 6, 1))


def test_asmt3_exemption_window_and_asmt4_guard_certificate():
    exam = date(2026, 6, 1)
    assert domain.eligibility("4-07-05-01", 5, date(2023, 6, 1), exam, 3) is True
    assert domain.eligibility("4-07-05-01", 5, date(2023, 5, 31), exam, 3) is False
    assert domain.eligibility("4-07-05-01", 4, date(2025, 1, 1), exam, 3) is False
    assert domain.eligibility("3-02-02-00", 3, None, exam, 3) is False
    with pytest.raises(FailedPrecondition) as caught:
        domain.eligibility("4-07-05-01", 5, None, exam, 3)
    assert caught.value.reason == "ASMT_4_GUARD_CERTIFICATE"


@pytest.mark.parametrize("theory,skill,review,level,expected", [
    (60, 60, None, 3, pb.ASSESSMENT_RESULT_PASSED),
    (59, 100, None, 3, pb.ASSESSMENT_RESULT_FAILED),
    (100, 59, None, 5, pb.ASSESSMENT_RESULT_FAILED),
    (80, 80, 60, 2, pb.ASSESSMENT_RESULT_PASSED),
    (80, 80, 59, 1, pb.ASSESSMENT_RESULT_FAILED),
])
def test_asmt2_both_components_and_review_must_pass(theory, skill, review, level, expected):
    scores = domain.Scores(theory, skill, review)
    assert domain.result_of(scores, level=level, theory_exempt=False) == expected


def test_asmt2_review_only_for_levels_two_and_one():
    v = Violations()
    domain.validate_scores(v, domain.Scores(80, 80, 80), level=3, theory_exempt=False)
    assert [x.field for x in v.items] == ["review_score"]


def test_asmt1_levels_come_from_reference_data():
    v = Violations()
    domain.validate_occupation_level(v, "3-02-02-00", 4)
    domain.validate_occupation_level(v, "9-99-99-99", 1)
    assert [x.field for x in v.items] == ["level", "occupation_code"]
