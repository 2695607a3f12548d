"""accreditation's handlers without a network: every command's success and refusal
paths, through the real repositories on an in-memory database (tests/unit/memory.py)."""

import itertools
import json
from datetime import date, timedelta

import pytest

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit import audit, dates
from servicekit.auth import Caller, Reach
from servicekit.errors import (AlreadyExists, FailedPrecondition, InvalidArgument, NotFound,
                               PermissionDenied, Unavailable)
from services.accreditation import handlers
from services.accreditation.adapters.orm import metadata
from services.accreditation.adapters.repository import AccreditationRepositories
from services.accreditation.domain import commands as c
from services.accreditation.domain.exams import PersonFacts, Scores
from tests.builders import uscc
from tests.unit.memory import MemoryUnitOfWorks

ADMIN = Caller("admin", "province_admin")
# INST-1: the two departments that select institutions jointly
POLICE = Caller("police-officer", "province_admin", department="police")
HRSS = Caller("hr-officer", "province_admin", department="human_resources")
_serials = itertools.count(100001)
RULES = handlers.Rules(evaluator_term_years=3, guard_certificate_exemption_years=3)
EXAM_DAY = "2026-11-20"


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


@pytest.fixture
def uows():
    return MemoryUnitOfWorks(metadata, AccreditationRepositories)


@pytest.fixture
def people():
    return People()


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


def active_org(uows, role=pb.INSTITUTION_ROLE_EVALUATION, code=None):
    return move(uows, create(uows, role, code=code), pb.INSTITUTION_STATUS_SELECTED,
                pb.INSTITUTION_STATUS_ACTIVE)


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


def exam(uows, org, level=3, occupation="3-02-02-00"):
    return handlers.create_exam_session(uows(), c.CreateExamSession.parse(
        org_token(org), institution=f"institutions/{org.id}", occupation_code=occupation,
        level=level, exam_date=EXAM_DAY))


# institutions

def test_inst1_create_institution_applies_with_history_and_event(uows):
    created = create(uows)
    stored = handlers.get_institution(uows(), c.GetInstitution(ADMIN, created.id))
    assert stored.status == pb.INSTITUTION_STATUS_APPLIED and len(stored.history) == 1
    assert [e.institution for e in uows.emitted(events_pb2.InstitutionStatusChanged)] == \
        [created.name]


def test_inst2_create_refused_for_the_other_role_and_nothing_written(uows):
    code = uscc()
    create(uows, pb.INSTITUTION_ROLE_EVALUATION, code=code)
    with pytest.raises(FailedPrecondition) as caught:
        create(uows, pb.INSTITUTION_ROLE_TRAINING, code=code)
    assert caught.value.reason == "INST_2_SEPARATION"
    with pytest.raises(AlreadyExists):
        create(uows, pb.INSTITUTION_ROLE_EVALUATION, code=code)
    assert len(handlers.list_institutions(uows(), c.ListInstitutions(ADMIN, 0, c.paging.Page()))[0]) == 1
    assert len(uows.emitted(events_pb2.InstitutionStatusChanged)) == 1


def test_create_institution_refused_outside_a_city_admins_division(uows):
    with pytest.raises(PermissionDenied):
        create(uows, actor=Caller("c", "city_admin", "320500", Reach.DIVISION), region="220102")
    create(uows, actor=Caller("c", "city_admin", "220100", Reach.DIVISION), region="220102")


def test_create_institution_reports_every_bad_field():
    with pytest.raises(InvalidArgument) as caught:
        c.CreateInstitution.parse(ADMIN, display_name="", uscc="x", role=9, region_code="999999",
                                  category=0, ministry_code="", site_serial="")
    assert {v.field for v in caught.value.violations} == {"display_name", "uscc", "role",
                                                         "region_code", "call",
                                                         "occupation_codes"}


def test_inst1_status_change_follows_the_lifecycle_and_keeps_history(uows):
    institution = create(uows)
    with pytest.raises(FailedPrecondition) as caught:
        move(uows, institution, pb.INSTITUTION_STATUS_ACTIVE)
    assert caught.value.reason == "INST_1_LIFECYCLE"
    active = move(uows, institution, pb.INSTITUTION_STATUS_SELECTED, pb.INSTITUTION_STATUS_ACTIVE)
    stored = handlers.get_institution(uows(), c.GetInstitution(ADMIN, active.id))
    assert [h.to_status for h in stored.history] == [
        pb.INSTITUTION_STATUS_APPLIED, pb.INSTITUTION_STATUS_SELECTED, pb.INSTITUTION_STATUS_ACTIVE]
    with pytest.raises(NotFound):
        handlers.change_institution_status(uows(), c.ChangeInstitutionStatus(
            ADMIN, "missing", pb.INSTITUTION_STATUS_SELECTED, "r"))
    with pytest.raises(PermissionDenied):
        move(uows, active, pb.INSTITUTION_STATUS_SUSPENDED, actor=Caller("c", "city_admin", "320500", Reach.DIVISION))


def test_inst2_an_ended_role_does_not_bar_the_other(uows):
    code = uscc()
    training = create(uows, pb.INSTITUTION_ROLE_TRAINING, code=code)
    move(uows, training, pb.INSTITUTION_STATUS_REJECTED)  # ended: the USCC may apply again
    evaluation = active_org(uows, code=code)
    assert evaluation.status == pb.INSTITUTION_STATUS_ACTIVE


def test_list_institutions_pages_by_role(uows):
    for _ in range(3):
        create(uows, pb.INSTITUTION_ROLE_TRAINING)
    create(uows, pb.INSTITUTION_ROLE_EVALUATION)
    first, token = handlers.list_institutions(uows(), c.ListInstitutions.parse(
        ADMIN, role=pb.INSTITUTION_ROLE_TRAINING, page_size=2, page_token=""))
    rest, last = handlers.list_institutions(uows(), c.ListInstitutions.parse(
        ADMIN, role=pb.INSTITUTION_ROLE_TRAINING, page_size=2, page_token=token))
    assert len(first) == 2 and len(rest) == 1 and token and last == ""
    assert {i.id for i in first}.isdisjoint(i.id for i in rest)


# evaluators

def test_eval1_eval2_appointment_after_training_emits_and_reads_back(uows, people):
    org = active_org(uows)
    appointed = evaluator(uows, people, org)
    assert appointed.term_end == date(2028, 6, 1)
    assert handlers.get_evaluator(uows(), c.GetEvaluator(ADMIN, appointed.id)).person_id == "ev1"
    assert [e.evaluator for e in uows.emitted(events_pb2.EvaluatorAppointed)] == [appointed.name]
    with pytest.raises(AlreadyExists):
        handlers.appoint_evaluator(uows(), c.AppointEvaluator(
            ADMIN, org.id, "ev1", date(2026, 1, 1), "", "3-02-02-00", 3), people=people,
            rules=RULES)


def test_eval2_appointment_refused_without_passed_training(uows, people):
    org = active_org(uows)
    people.add("p")
    handlers.record_pre_appointment_training(uows(), c.RecordPreAppointmentTraining(
        ADMIN, "p", date(2025, 1, 1), False, ""), people=people)
    with pytest.raises(FailedPrecondition) as caught:
        handlers.appoint_evaluator(uows(), c.AppointEvaluator(
            ADMIN, org.id, "p", date(2025, 6, 1), "", "3-02-02-00", 3), people=people,
            rules=RULES)
    assert caught.value.reason == "EVAL_2_PRE_APPOINTMENT_TRAINING"
    assert not uows.emitted(events_pb2.EvaluatorAppointed)


def test_appointment_refusals_unknown_person_registry_down_other_org_token(uows, people):
    org = active_org(uows)
    with pytest.raises(NotFound):
        handlers.record_pre_appointment_training(uows(), c.RecordPreAppointmentTraining(
            ADMIN, "nobody", date(2025, 1, 1), True, ""), people=people)
    people.add("p")
    people.down = True
    with pytest.raises(Unavailable):
        handlers.appoint_evaluator(uows(), c.AppointEvaluator(
            ADMIN, org.id, "p", date(2025, 6, 1), "", "3-02-02-00", 3), people=people,
            rules=RULES)
    people.down = False
    other = active_org(uows)
    with pytest.raises(PermissionDenied):
        handlers.appoint_evaluator(uows(), c.AppointEvaluator(
            org_token(other), org.id, "p", date(2025, 6, 1), "", "3-02-02-00", 3),
            people=people, rules=RULES)
    with pytest.raises(NotFound):
        handlers.get_evaluator(uows(), c.GetEvaluator(ADMIN, "missing"))


# exam sessions

def test_asmt8_session_only_for_an_active_evaluation_org_in_scope(uows):
    org = active_org(uows)
    assert exam(uows, org).state == pb.EXAM_SESSION_STATE_OPEN
    training = active_org(uows, pb.INSTITUTION_ROLE_TRAINING)
    with pytest.raises(FailedPrecondition):
        handlers.create_exam_session(uows(), c.CreateExamSession(
            ADMIN, training.id, "3-02-02-00", 3, date(2026, 11, 20)))
    with pytest.raises(PermissionDenied):
        handlers.create_exam_session(uows(), c.CreateExamSession(
            org_token(training), org.id, "3-02-02-00", 3, date(2026, 11, 20)))


def test_eval5_assignment_and_whole_session_to_assessment_passed(uows, people):
    org = active_org(uows)
    session = exam(uows, org)
    ev = evaluator(uows, people, org)
    token = org_token(org)
    assigned = handlers.assign_evaluator(uows(), c.AssignEvaluator(token, session.id, ev.id),
                                        rules=RULES)
    again = handlers.assign_evaluator(uows(), c.AssignEvaluator(token, session.id, ev.id),
                                        rules=RULES)
    assert assigned.evaluator_ids == again.evaluator_ids == [ev.id]
    ids = [handlers.enroll_candidate(uows(), c.EnrollCandidate(token, session.id, people.add(p)),
                                     people=people, rules=RULES).id for p in ("a", "b")]
    with pytest.raises(FailedPrecondition) as caught:
        handlers.close_exam_session(uows(), c.CloseExamSession(token, session.id))
    assert caught.value.reason == "ASMT_8_UNSCORED"
    handlers.record_scores(uows(), c.RecordScores(token, session.id, ids[0], Scores(80, 70, None)))
    handlers.record_scores(uows(), c.RecordScores(token, session.id, ids[1], Scores(40, 70, None)))
    closed = handlers.close_exam_session(uows(), c.CloseExamSession(token, session.id))
    assert closed.state == pb.EXAM_SESSION_STATE_CLOSED
    passed = uows.emitted(events_pb2.AssessmentPassed)
    assert [e.candidate for e in passed] == [f"examSessions/{session.id}/candidates/{ids[0]}"]
    stored = handlers.get_exam_session(uows(), c.GetExamSession(token, session.id))
    assert {x.id: x.result for x in stored.candidates} == {
        ids[0]: pb.ASSESSMENT_RESULT_PASSED, ids[1]: pb.ASSESSMENT_RESULT_FAILED}
    with pytest.raises(FailedPrecondition) as caught:
        handlers.close_exam_session(uows(), c.CloseExamSession(token, session.id))
    assert caught.value.reason == "ASMT_8_SESSION_CLOSED"
    assert len(uows.emitted(events_pb2.AssessmentPassed)) == 1


def test_eval5_evaluator_of_another_org_or_out_of_term_is_refused(uows, people):
    org, other = active_org(uows), active_org(uows)
    outsider = evaluator(uows, people, other, "x")
    session = exam(uows, org)
    with pytest.raises(FailedPrecondition) as caught:
        handlers.assign_evaluator(uows(), c.AssignEvaluator(ADMIN, session.id, outsider.id),
                                 rules=RULES)
    assert caught.value.reason == "EVAL_5_OTHER_ORGANISATION"
    late = handlers.create_exam_session(uows(), c.CreateExamSession(
        ADMIN, other.id, "3-02-02-00", 3, date(2028, 6, 1)))  # the term's first day after
    with pytest.raises(FailedPrecondition) as caught:
        handlers.assign_evaluator(uows(), c.AssignEvaluator(ADMIN, late.id, outsider.id),
                                 rules=RULES)
    assert caught.value.reason == "EVAL_5_OUT_OF_TERM"
    with pytest.raises(NotFound):
        handlers.assign_evaluator(uows(), c.AssignEvaluator(ADMIN, session.id, "missing"),
                                 rules=RULES)


def test_asmt4_enrolment_refusals_and_asmt3_exemption(uows, people):
    org = active_org(uows)
    session = exam(uows, org, level=5, occupation="4-07-05-01")
    with pytest.raises(FailedPrecondition) as caught:
        handlers.enroll_candidate(uows(), c.EnrollCandidate(ADMIN, session.id, people.add("a")),
                                  people=people, rules=RULES)
    assert caught.value.reason == "ASMT_4_GUARD_CERTIFICATE"
    exempt = handlers.enroll_candidate(uows(), c.EnrollCandidate(
        ADMIN, session.id, people.add("b", guard=date(2024, 1, 1))), people=people, rules=RULES)
    assert exempt.theory_exempt
    with pytest.raises(AlreadyExists):
        handlers.enroll_candidate(uows(), c.EnrollCandidate(ADMIN, session.id, "b"),
                                  people=people, rules=RULES)
    with pytest.raises(InvalidArgument) as caught:
        handlers.record_scores(uows(), c.RecordScores(ADMIN, session.id, exempt.id,
                                                      Scores(70, 70, None)))
    assert [v.field for v in caught.value.violations] == ["theory_score"]
    with pytest.raises(NotFound):
        handlers.record_scores(uows(), c.RecordScores(ADMIN, session.id, "missing",
                                                      Scores(None, 70, None)))
    with pytest.raises(NotFound):
        handlers.get_exam_session(uows(), c.GetExamSession(ADMIN, "missing"))


def test_asmt2_rescoring_keeps_every_earlier_entry_with_who_entered_it(uows, people):
    org = active_org(uows)
    session = exam(uows, org)
    cid = handlers.enroll_candidate(uows(), c.EnrollCandidate(ADMIN, session.id, people.add("a")),
                                    people=people, rules=RULES).id
    first, second = org_token(org), Caller("org-2", "eval_org", f"institutions/{org.id}",
                                           Reach.INSTITUTION)
    handlers.record_scores(uows(), c.RecordScores(first, session.id, cid, Scores(40, 70, None)))
    handlers.record_scores(uows(), c.RecordScores(second, session.id, cid, Scores(80, 70, None)))
    stored = handlers.get_exam_session(uows(), c.GetExamSession(ADMIN, session.id))
    candidate = stored.candidates[0]
    assert candidate.scores == Scores(80, 70, None)
    assert [(h.scores, h.result, h.actor) for h in candidate.score_history] == [
        (Scores(40, 70, None), pb.ASSESSMENT_RESULT_FAILED, "org"),
        (Scores(80, 70, None), pb.ASSESSMENT_RESULT_PASSED, "org-2")]
    assert candidate.score_history[0].at <= candidate.score_history[1].at


def test_every_command_appends_one_chained_audit_record_naming_what_it_changed(uows):
    call = open_call(uows)
    created = create(uows, call=call)
    moved = decide(uows, created, POLICE, pb.SELECTION_OUTCOME_REJECTED)
    handlers.get_institution(uows(), c.GetInstitution(ADMIN, created.id))  # a read changes nothing
    t = uows().audit_tables.record
    with uows.db.engine.connect() as conn:
        rows = conn.execute(t.select().order_by(t.c.seq)).all()
        assert audit.verify(conn, uows().audit_tables, None, metadata) == []
    assert [r.seq for r in rows] == [1, 2, 3]
    assert rows[0].resources.split() == [call.name]
    assert all(r.resources.split() == [moved.name] for r in rows[1:])
    assert rows[2].prev_hash == rows[1].hash
    changes = json.loads(rows[2].changes)
    assert {table for table, _, _ in changes["rows"]} == {"institution", "selection_decision",
                                                           "institution_status_change"}
    assert [e[0] for e in changes["events"]] == ["anbao.accreditation.v1.InstitutionStatusChanged"]


def test_eval4_who_recommended_the_evaluator_is_recorded_and_read_back(uows, people):
    org = active_org(uows)
    people.add("p")
    handlers.record_pre_appointment_training(uows(), c.RecordPreAppointmentTraining(
        ADMIN, "p", date(2025, 1, 1), True, "省公安厅"), people=people)
    appointed = handlers.appoint_evaluator(uows(), c.AppointEvaluator.parse(
        ADMIN, institution=f"institutions/{org.id}", person="persons/p",
        term_start=dates.to_proto(date(2025, 6, 1)), recommended_by="吉林省公安厅内保总队",
        occupation_code="3-02-02-00", max_level=3),
        people=people, rules=RULES)
    stored = handlers.get_evaluator(uows(), c.GetEvaluator(ADMIN, appointed.id))
    assert stored.recommended_by == "吉林省公安厅内保总队"
