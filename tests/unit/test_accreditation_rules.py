"""accreditation's aggregates, pure: each rule by its ID, no database."""

from datetime import date, datetime, timezone

import pytest

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit import dates
from servicekit.errors import AlreadyExists, FailedPrecondition, InvalidArgument, Violations
from services.accreditation.domain.evaluators import (AssessmentSchedule, Evaluator,
                                                      PreAppointmentTraining,
                                                      require_pre_appointment_training, term_end)
from services.accreditation.domain import assessment, eligibility
from services.accreditation.domain.calls import CallForApplications
from services.accreditation.domain.eligibility import DeclaredFact, HeldCertificate
from services.accreditation.domain.exams import (ExamSession, PersonFacts, Scores,
                                                 theory_exempt, validate_occupation_level)
from services.accreditation.domain.institutions import (Institution, NumberingParts,
                                                        check_separation)

AT = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)
EVALUATION, TRAINING = pb.INSTITUTION_ROLE_EVALUATION, pb.INSTITUTION_ROLE_TRAINING
S = pb.InstitutionStatus


def institution(role=EVALUATION, status=pb.INSTITUTION_STATUS_ACTIVE) -> Institution:
    parts = NumberingParts(pb.ORGANISATION_CATEGORY_SOCIAL, "0000", "123263") \
        if role == EVALUATION else NumberingParts()
    found = Institution(id="org", display_name="评价中心", uscc="91220100MA00000011",
                        role=role, region_code="220102", numbering=parts, created_at=AT)
    found.status = status
    return found


def a_call(role=TRAINING, occupation="", region="220000", opens=date(2026, 11, 1),
           closes=date(2026, 11, 30)) -> CallForApplications:
    return CallForApplications(id="call1", title="公开征集", role=role, occupation_code=occupation,
                               region_code=region, open_date=opens, close_date=closes,
                               creator="admin", created_at=AT)


def test_inst1_application_starts_applied_with_history_and_event():
    applied = Institution.apply(id="i1", display_name="x", uscc="u", role=TRAINING,
                                region_code="220102", numbering=NumberingParts(),
                                other_roles=set(), actor="admin", at=AT, call=a_call(),
                                today=date(2026, 11, 20), occupation_codes=("3-02-02-00",))
    assert applied.status == S.Value("INSTITUTION_STATUS_APPLIED")
    assert [(h.from_status, h.to_status, h.actor) for h in applied.history] == \
        [(0, pb.INSTITUTION_STATUS_APPLIED, "admin")]
    assert [e.to_status for e in applied.events] == [pb.INSTITUTION_STATUS_APPLIED]


@pytest.mark.parametrize("current,target,allowed", [
    (pb.INSTITUTION_STATUS_ACTIVE, pb.INSTITUTION_STATUS_SUSPENDED, True),
    (pb.INSTITUTION_STATUS_SUSPENDED, pb.INSTITUTION_STATUS_ACTIVE, True),
    (pb.INSTITUTION_STATUS_APPLIED, pb.INSTITUTION_STATUS_ACTIVE, False),
    (pb.INSTITUTION_STATUS_REVOKED, pb.INSTITUTION_STATUS_ACTIVE, False),
    (pb.INSTITUTION_STATUS_REJECTED, pb.INSTITUTION_STATUS_SELECTED, False),
])
def test_inst1_only_lifecycle_transitions_are_allowed(current, target, allowed):
    found = institution(status=current)
    if allowed:
        found.change_status(target, actor="a", reason="r", at=AT, other_roles=set())
        assert found.status == target and found.history[-1].reason == "r"
        assert isinstance(found.events[-1], events_pb2.InstitutionStatusChanged)
        return
    with pytest.raises(FailedPrecondition) as caught:
        found.change_status(target, actor="a", reason="r", at=AT, other_roles=set())
    assert caught.value.reason in ("INST_1_LIFECYCLE", "INST_1_JOINT_SELECTION")
    assert caught.value.rule_id == "INST-1"
    assert found.status == current and not found.events


def test_inst2_one_uscc_cannot_hold_both_roles():
    check_separation({EVALUATION}, EVALUATION)
    with pytest.raises(FailedPrecondition) as caught:
        check_separation({EVALUATION}, TRAINING)
    assert caught.value.reason == "INST_2_SEPARATION"


def test_inst2_checked_again_when_an_institution_becomes_active():
    selected = institution(role=TRAINING, status=pb.INSTITUTION_STATUS_SELECTED)
    with pytest.raises(FailedPrecondition) as caught:
        selected.change_status(pb.INSTITUTION_STATUS_ACTIVE, actor="a", reason="r", at=AT,
                               other_roles={EVALUATION}, result_published=True)
    assert caught.value.reason == "INST_2_SEPARATION"


def test_cert1_numbering_parts_belong_to_evaluation_organisations_only():
    v = Violations()
    NumberingParts(pb.ORGANISATION_CATEGORY_SOCIAL, "00٠0", "12345").validate(v, EVALUATION)
    NumberingParts(pb.ORGANISATION_CATEGORY_SOCIAL, "0000", "").validate(v, TRAINING)
    assert [x.field for x in v.items] == ["ministry_code", "site_serial", "category",
                                          "ministry_code"]
    assert institution().number_prefix == "S000022123263"


def test_eval1_term_is_configurable_years_and_handles_leap_day():
    assert term_end(date(2026, 3, 1), 3) == date(2029, 3, 1)
    # exclusive end: the last day in term is 28 February 2031, a full three years
    assert term_end(date(2028, 2, 29), 3) == date(2031, 3, 1)
    assert term_end(date(2028, 2, 29), 4) == date(2032, 2, 29)


def training(day: date, passed: bool = True) -> PreAppointmentTraining:
    return PreAppointmentTraining("p", day, passed, "省公安厅")


def test_eval2_training_must_be_passed_by_the_term_start():
    require_pre_appointment_training([training(date(2026, 1, 1))], date(2026, 1, 1))
    for trainings in ([training(date(2026, 2, 1))], [], [training(date(2025, 1, 1), False)]):
        with pytest.raises(FailedPrecondition) as caught:
            require_pre_appointment_training(trainings, date(2026, 1, 1))
        assert caught.value.reason == "EVAL_2_PRE_APPOINTMENT_TRAINING"


SCHEDULE = AssessmentSchedule()


def appoint(org=None, existing=None, trainings=None, start=date(2026, 1, 1),
            occupation="3-02-02-00", max_level=1) -> Evaluator:
    return Evaluator.appoint(id="e1", person_id="p", full_name="王芳",
                             institution=org or institution(), occupation_code=occupation,
                             max_level=max_level, term_start=start, term_years=3,
                             recommended_by="市人社局",
                             trainings=[training(date(2025, 12, 1))] if trainings is None
                             else trainings, existing=existing, dismissed_elsewhere=False,
                             affiliations=[], actor="admin", at=AT)


def test_eval1_appointment_records_term_and_event():
    evaluator = appoint()
    assert (evaluator.term_start, evaluator.term_end) == (date(2026, 1, 1), date(2029, 1, 1))
    assert dates.of_proto(evaluator.events[0].term_end) == date(2029, 1, 1)


def test_appointment_refused_when_one_exists_or_org_not_active():
    with pytest.raises(AlreadyExists):  # a new term is a renewal
        appoint(existing=appoint(), start=date(2029, 1, 1))
    with pytest.raises(FailedPrecondition) as caught:
        appoint(org=institution(status=pb.INSTITUTION_STATUS_SUSPENDED))
    assert caught.value.reason == "ASMT_8_EVALUATION_ORGANISATION"


def test_eval5_term_bounds_and_organisation():
    evaluator = appoint()
    for year in (2026, 2027):  # assessed on time, passed
        evaluator.record_assessment(year=year, ethics=pb.ASSESSMENT_RESULT_PASSED,
                                    professional_score=80, performance_score=80,
                                    assessed_on=date(year + 1, 1, 10), remarks="",
                                    schedule=SCHEDULE, actor="a", at=AT)

    def check(org, day):
        evaluator.require_assignable(institution_id=org, occupation_code="3-02-02-00", level=3,
                                     exam_date=day, schedule=SCHEDULE)
    check("org", date(2028, 12, 31))
    check("org", date(2026, 1, 1))
    for org, day, reason in (
            ("org", date(2029, 1, 1), "EVAL_5_OUT_OF_TERM"),
            ("org", date(2025, 12, 31), "EVAL_5_OUT_OF_TERM"),
            ("other", date(2026, 6, 1), "EVAL_5_OTHER_ORGANISATION")):
        with pytest.raises(FailedPrecondition) as caught:
            check(org, day)
        assert caught.value.reason == reason


def test_asmt3_exemption_window_and_asmt4_guard_certificate():
    exam = date(2026, 6, 1)
    assert theory_exempt("4-07-05-01", 5, date(2023, 6, 1), exam, 3) is True
    assert theory_exempt("4-07-05-01", 5, date(2023, 5, 31), exam, 3) is False
    assert theory_exempt("4-07-05-01", 4, date(2025, 1, 1), exam, 3) is False
    assert theory_exempt("3-02-02-00", 3, None, exam, 3) is False
    for held in (None, date(2026, 6, 2)):  # none, or obtained after the exam date
        with pytest.raises(FailedPrecondition) as caught:
            theory_exempt("4-07-05-01", 5, held, exam, 3)
        assert caught.value.reason == "ASMT_4_GUARD_CERTIFICATE"


@pytest.mark.parametrize("theory,skill,review,level,expected", [
    (60, 60, None, 3, pb.ASSESSMENT_RESULT_PASSED),
    (59, 100, None, 3, pb.ASSESSMENT_RESULT_FAILED),
    (100, 59, None, 5, pb.ASSESSMENT_RESULT_FAILED),
    (80, 80, 60, 2, pb.ASSESSMENT_RESULT_PASSED),
    (80, 80, 59, 1, pb.ASSESSMENT_RESULT_FAILED),
])
def test_asmt2_both_components_and_review_must_pass(theory, skill, review, level, expected):
    assert Scores(theory, skill, review).result(level=level, theory_exempt=False) == expected


def test_asmt2_review_only_for_levels_two_and_one():
    v = Violations()
    Scores(80, 80, 80).validate(v, level=3, theory_exempt=False)
    Scores(80, 80, None).validate(v, level=2, theory_exempt=False)
    assert [x.field for x in v.items] == ["review_score", "review_score"]


def test_asmt1_levels_come_from_reference_data():
    v = Violations()
    validate_occupation_level(v, "3-02-02-00", 4)
    validate_occupation_level(v, "9-99-99-99", 1)
    assert [x.field for x in v.items] == ["level", "occupation_code"]


ELIGIBILITY = eligibility.load()
ASSESSMENT = assessment.load()
TWO_YEARS = [DeclaredFact("occupation_years", 2, "劳动合同")]
MODULES = tuple((m, 80) for m in ASSESSMENT.modules["3-02-02-00"])


def session(level=3, occupation="3-02-02-00") -> ExamSession:
    return ExamSession.open(id="s1", institution=institution(), occupation_code=occupation,
                            level=level, exam_date=date(2026, 11, 20),
                            mode=ASSESSMENT.mode(occupation, level), site_required=False,
                            site_requested="", site=None, at=AT)


def person(pid="p1", guard=None) -> PersonFacts:
    return PersonFacts(pid, "张伟", "2201**********0011", guard)


def enrol(exam, cid, pid, launched=True):
    candidate = exam.enrol(candidate_id=cid, person=person(pid), facts=TWO_YEARS, held=[],
                           eligibility=ELIGIBILITY, launched=launched,
                           institution=institution(), exemption_years=3)
    for stage, actor in ((pb.REVIEW_STAGE_FIRST, "org"), (pb.REVIEW_STAGE_SECOND, "admin")):
        exam.review(cid, stage, approved=True, actor=actor, reason="ok",
                    institution=institution(), at=AT)
    return candidate


def scores(theory, skill):
    return Scores(theory, skill, None, MODULES)


def test_asmt8_session_belongs_to_an_active_evaluation_organisation():
    for org in (institution(status=pb.INSTITUTION_STATUS_REVOKED), institution(role=TRAINING)):
        with pytest.raises(FailedPrecondition) as caught:
            ExamSession.open(id="s", institution=org, occupation_code="3-02-02-00", level=3,
                             exam_date=date(2026, 11, 20), mode=pb.EXAM_MODE_COMPUTER_BASED,
                             site_required=False, site_requested="", site=None, at=AT)
        assert caught.value.reason == "ASMT_8_EVALUATION_ORGANISATION"


def test_asmt8_sign_off_needs_an_evaluator_and_every_score_then_close_announces_each_passer():
    exam = session()
    passer = enrol(exam, "c1", "p1")
    failer = enrol(exam, "c2", "p2")
    org = institution()
    with pytest.raises(FailedPrecondition) as caught:
        exam.sign_off(actor="org", reason="", institution=org, at=AT)
    assert caught.value.reason == "ASMT_8_NO_EVALUATOR"
    exam.assign(appoint(), org, SCHEDULE)
    evaluator_id = exam.evaluator_ids[0]
    score = lambda cid, s: exam.record_scores(cid, s, evaluator_id=evaluator_id,
                                              modules=ASSESSMENT.modules["3-02-02-00"],
                                              actor="e", institution=org, at=AT)
    score(passer.id, scores(90, 90))
    with pytest.raises(FailedPrecondition) as caught:
        exam.sign_off(actor="org", reason="", institution=org, at=AT)
    assert caught.value.reason == "ASMT_8_UNSCORED"
    score(failer.id, scores(50, 90))
    exam.sign_off(actor="org", reason="", institution=org, at=AT)
    exam.check_results(approved=True, actor="admin", reason="ok", institution=org, at=AT)
    issuer = ASSESSMENT.issuer("3-02-02-00", organisation_name="评价中心", region_code="220102")
    exam.close(org, issuer=issuer, actor="admin", at=AT)
    assert [e.candidate for e in exam.events] == ["examSessions/s1/candidates/c1"]
    assert exam.events[0].organisation_prefix == "S000022123263"
    for act in (lambda: score(passer.id, scores(10, 10)),
                lambda: enrol(exam, "c3", "p3"),
                lambda: exam.close(org, issuer=issuer, actor="admin", at=AT)):
        with pytest.raises(FailedPrecondition) as caught:
            act()
        assert caught.value.reason == "ASMT_8_SESSION_CLOSED"


def test_enrolment_is_once_per_person_and_scores_are_validated():
    exam = session()
    exam.assign(appoint(), institution(), SCHEDULE)
    candidate = enrol(exam, "c1", "p1")
    with pytest.raises(AlreadyExists):
        enrol(exam, "c2", "p1")
    with pytest.raises(InvalidArgument) as caught:
        exam.record_scores(candidate.id, Scores(101, None, None), evaluator_id=exam.evaluator_ids[0],
                           modules=(), actor="e", institution=institution(), at=AT)
    assert {v.field for v in caught.value.violations} == {"theory_score", "skill_score"}
    assert candidate.result == pb.ASSESSMENT_RESULT_PENDING


def test_asmt3_window_from_an_exam_on_29_february():
    exam = date(2028, 2, 29)
    assert theory_exempt("4-07-05-01", 5, date(2025, 2, 28), exam, 3) is True
    assert theory_exempt("4-07-05-01", 5, date(2025, 2, 27), exam, 3) is False


def test_eligibility_data_is_checked_when_loaded():
    with pytest.raises(ValueError):
        eligibility.parse('[fact_kinds]\nx = "years"\n[[route]]\noccupation = "3-02-02-00"\n'
                          'level = 3\nid = "r"\nfacts = { x = true }\n')
    with pytest.raises(ValueError):
        eligibility.parse('[[route]]\noccupation = "3-02-02-00"\nlevel = 3\nid = "r"\n'
                          'facts = { unknown = 1 }\n')


def _meeting(route) -> tuple[list[DeclaredFact], list[HeldCertificate]]:
    facts = [DeclaredFact(kind, 0 if need is True else need, "证明材料")
             for kind, need in route.facts]
    held = [HeldCertificate("N1", "p", *route.certificate)] if route.certificate else []
    return facts, held


@pytest.mark.parametrize("route", ELIGIBILITY.routes, ids=lambda r: f"{r.occupation_code}-{r.level}-{r.id}")
def test_asmt5_each_configured_route_admits_exactly_what_it_requires(route):
    facts, held = _meeting(route)
    assert ELIGIBILITY.check(route.occupation_code, route.level, facts, held).id == route.id
    for kind, need in route.facts:  # one requirement short: a year less, or undeclared
        fewer = [f for f in facts if f.kind != kind] + (
            [DeclaredFact(kind, need - 1, "证明材料")] if need is not True and need > 1 else [])
        with pytest.raises(FailedPrecondition) as caught:
            ELIGIBILITY.check(route.occupation_code, route.level, fewer, held)
        assert caught.value.reason == "ASMT_5_NOT_ELIGIBLE"
    if route.certificate:
        with pytest.raises(FailedPrecondition):
            ELIGIBILITY.check(route.occupation_code, route.level, facts, [])
        revoked = [HeldCertificate("N1", "p", *route.certificate, valid=False)]
        with pytest.raises(FailedPrecondition):
            ELIGIBILITY.check(route.occupation_code, route.level, facts, revoked)


def test_asmt5_routes_are_those_of_the_coding_rules_and_no_others():
    configured = {(r.occupation_code, r.level) for r in ELIGIBILITY.routes}
    assert configured == {("3-02-02-00", 3), ("3-02-02-00", 2), ("3-02-02-00", 1),
                          ("4-07-05-01", 5), ("4-07-05-01", 4)}
    assert [len(ELIGIBILITY.routes_for("3-02-02-00", level)) for level in (3, 2, 1)] == [5, 5, 5]
    assert [len(ELIGIBILITY.routes_for("4-07-05-01", level)) for level in (5, 4)] == [3, 1]
    for level in (3, 2, 1):
        with pytest.raises(FailedPrecondition) as caught:
            ELIGIBILITY.check("4-07-05-01", level, [], [])
        assert caught.value.reason == "ASMT_5_NO_ROUTE"
