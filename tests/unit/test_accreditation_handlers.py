"""accreditation's handlers without a network: every command's success and refusal
paths, through the real repositories on an in-memory database (tests/unit/memory.py)."""

import json
from datetime import date

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
from tests.builders import uscc
from tests.unit.accreditation_world import (ADMIN, POLICE, RULES, People, active_org, create,
                                            decide, evaluator, exam, move, open_call,
                                            org_token)
from tests.unit.memory import MemoryUnitOfWorks


@pytest.fixture
def uows():
    return MemoryUnitOfWorks(metadata, AccreditationRepositories)


@pytest.fixture
def people():
    return People()


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


# exam sessions (the whole flow and each new rule: tests/unit/test_exam_handlers.py)

def test_asmt8_session_only_for_an_active_evaluation_org_in_scope(uows):
    org = active_org(uows)
    assert exam(uows, org).state == pb.EXAM_SESSION_STATE_OPEN
    training = active_org(uows, pb.INSTITUTION_ROLE_TRAINING)
    with pytest.raises(FailedPrecondition):
        handlers.create_exam_session(uows(), c.CreateExamSession(
            ADMIN, training.id, "3-02-02-00", 3, date(2026, 11, 20)), rules=RULES)
    with pytest.raises(PermissionDenied):
        handlers.create_exam_session(uows(), c.CreateExamSession(
            org_token(training), org.id, "3-02-02-00", 3, date(2026, 11, 20)), rules=RULES)




def test_eval5_evaluator_of_another_org_or_out_of_term_is_refused(uows, people):
    org, other = active_org(uows), active_org(uows)
    outsider = evaluator(uows, people, other, "x")
    session = exam(uows, org)
    with pytest.raises(FailedPrecondition) as caught:
        handlers.assign_evaluator(uows(), c.AssignEvaluator(ADMIN, session.id, outsider.id),
                                 rules=RULES)
    assert caught.value.reason == "EVAL_5_OTHER_ORGANISATION"
    late = handlers.create_exam_session(uows(), c.CreateExamSession(
        ADMIN, other.id, "3-02-02-00", 3, date(2028, 6, 1)), rules=RULES)  # the term's first day after
    with pytest.raises(FailedPrecondition) as caught:
        handlers.assign_evaluator(uows(), c.AssignEvaluator(ADMIN, late.id, outsider.id),
                                 rules=RULES)
    assert caught.value.reason == "EVAL_5_OUT_OF_TERM"
    with pytest.raises(NotFound):
        handlers.assign_evaluator(uows(), c.AssignEvaluator(ADMIN, session.id, "missing"),
                                 rules=RULES)


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
