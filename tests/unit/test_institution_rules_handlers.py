"""Institutions in the handler tier (INST-1..8, CERT-1): calls and the departments' joint
selection, the lifecycle and its history, separation and affiliates, quotas, teachers,
supervisors, licences, the blacklist and the loss of the training qualification —
through the real repositories on an in-memory database."""

from datetime import date, timedelta

import pytest

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit import dates, paging
from servicekit.auth import Caller, Reach
from servicekit.errors import AlreadyExists, FailedPrecondition, InvalidArgument, PermissionDenied
from services.accreditation import handlers
from services.accreditation.domain import commands as c
from services.accreditation.domain.supervisors import Finding
from tests.builders import uscc
from tests.unit.accreditation_world import (ADMIN, HRSS, POLICE, RULES, active_org, create,
                                            decide, exam, move, open_call)
from tests.unit.test_accreditation_handlers import people, uows  # noqa: F401 - fixtures

S = pb.InstitutionStatus
TRAINING, EVALUATION = pb.INSTITUTION_ROLE_TRAINING, pb.INSTITUTION_ROLE_EVALUATION
APPROVED, REJECTED = pb.SELECTION_OUTCOME_APPROVED, pb.SELECTION_OUTCOME_REJECTED
ADMINISTRATOR, GUARD = "3-02-02-00", "4-07-05-01"
TODAY = dates.today()


def refused(_rule: str, _action, *args, **kwargs):
    """The action, refused with FAILED_PRECONDITION naming `_rule`."""
    with pytest.raises(FailedPrecondition) as caught:
        _action(*args, **kwargs)
    assert caught.value.reason == _rule, caught.value
    return caught.value


def status(uows, institution) -> int:
    return handlers.get_institution(uows(), c.GetInstitution(ADMIN, institution.id)).status


def training(uows, region="220102", occupations=(ADMINISTRATOR,), **extra):
    return create(uows, TRAINING, region=region, occupations=occupations, **extra)


# INST-1: calls, joint selection, publication, lifecycle

def test_inst1_application_refused_outside_the_call_or_for_another_role_or_region(uows):
    closed = open_call(uows, TRAINING)
    handlers.close_call_for_applications(uows(), c.CloseCallForApplications(ADMIN, closed.id))
    refused("INST_1_CALL_NOT_OPEN", training, uows, call=closed)
    refused("INST_1_CALL_NOT_OPEN", training, uows, call=open_call(uows, TRAINING, opens=1))
    refused("INST_1_CALL_NOT_OPEN", training, uows, call=open_call(uows, TRAINING, opens=-9,
                                                                    closes=-1))
    refused("INST_1_CALL_MISMATCH", create, uows, EVALUATION, call=open_call(uows, TRAINING))
    refused("INST_1_CALL_MISMATCH", training, uows,
            call=open_call(uows, TRAINING, region="220100"), region="220202")
    refused("INST_1_CALL_MISMATCH", training, uows,
            call=open_call(uows, TRAINING, occupation=GUARD))
    # the window's ends are inclusive: a call opening and closing today takes it
    assert training(uows, call=open_call(uows, TRAINING, opens=0, closes=0)).status == \
        S.Value("INSTITUTION_STATUS_APPLIED")


def test_inst1_selection_needs_an_approval_from_each_department_each_recorded(uows):
    applied = training(uows)
    refused("INST_1_DEPARTMENT", decide, uows, applied, ADMIN)  # a token naming no department
    after_police = decide(uows, applied, POLICE)
    assert after_police.status == S.Value("INSTITUTION_STATUS_APPLIED")
    refused("INST_1_ALREADY_DECIDED", decide, uows, applied,
            Caller("another-officer", "province_admin", department="police"))
    refused("INST_1_ALREADY_DECIDED", decide, uows, applied,  # one officer, two departments
            Caller("police-officer", "province_admin", department="human_resources"))
    selected = decide(uows, applied, HRSS)
    assert selected.status == S.Value("INSTITUTION_STATUS_SELECTED")
    stored = handlers.get_institution(uows(), c.GetInstitution(ADMIN, applied.id))
    assert [(d.department, d.outcome, d.actor, d.reason) for d in stored.decisions] == [
        (pb.DEPARTMENT_POLICE, APPROVED, "police-officer", "联合遴选"),
        (pb.DEPARTMENT_HUMAN_RESOURCES, APPROVED, "hr-officer", "联合遴选")]
    assert all(d.decided_at for d in stored.decisions)
    assert stored.history[-1].to_status == S.Value("INSTITUTION_STATUS_SELECTED")
    refused("INST_1_LIFECYCLE", decide, uows, applied, POLICE)  # decided already


def test_inst1_one_departments_rejection_rejects_and_admins_cannot_select_alone(uows):
    applied = training(uows)
    for target in (pb.INSTITUTION_STATUS_SELECTED, pb.INSTITUTION_STATUS_REJECTED):
        refused("INST_1_JOINT_SELECTION", handlers.change_institution_status, uows(),
                c.ChangeInstitutionStatus(ADMIN, applied.id, target, "一人决定"))
    decide(uows, applied, POLICE)
    rejected = decide(uows, applied, HRSS, REJECTED)
    assert rejected.status == S.Value("INSTITUTION_STATUS_REJECTED")
    assert rejected.history[-1].actor == "hr-officer"


def test_inst1_result_published_after_the_window_with_all_decided_then_confirmed(uows):
    call = open_call(uows, TRAINING)
    first, second = training(uows, call=call), training(uows, call=call, region="220202")
    selected = move(uows, first, pb.INSTITUTION_STATUS_SELECTED)
    refused("INST_1_RESULT_NOT_PUBLISHED", handlers.change_institution_status, uows(),
            c.ChangeInstitutionStatus(ADMIN, selected.id, pb.INSTITUTION_STATUS_ACTIVE, "确定"))
    publish = c.PublishCallResult(ADMIN, call.id)
    refused("INST_1_CALL_NOT_CLOSED", handlers.publish_call_result, uows(), publish)
    handlers.close_call_for_applications(uows(), c.CloseCallForApplications(ADMIN, call.id))
    refused("INST_1_CALL_NOT_OPEN", training, uows, call=call)
    refused("INST_1_UNDECIDED", handlers.publish_call_result, uows(), publish)
    decide(uows, second, POLICE, REJECTED)
    published = handlers.publish_call_result(uows(), publish)
    assert (published.selected, published.rejected) == ([first.id], [second.id])
    refused("INST_1_RESULT_PUBLISHED", handlers.publish_call_result, uows(), publish)
    active = handlers.change_institution_status(uows(), c.ChangeInstitutionStatus(
        ADMIN, first.id, pb.INSTITUTION_STATUS_ACTIVE, "确定并公布"))
    assert active.status == S.Value("INSTITUTION_STATUS_ACTIVE")


def test_inst1_the_whole_lifecycle_is_kept_with_actor_time_and_reason(uows):
    org = active_org(uows, TRAINING)
    for target in (pb.INSTITUTION_STATUS_SUSPENDED, pb.INSTITUTION_STATUS_ACTIVE,
                   pb.INSTITUTION_STATUS_REVOKED):
        org = move(uows, org, target)
    refused("INST_1_LIFECYCLE", move, uows, org, pb.INSTITUTION_STATUS_ACTIVE)
    stored = handlers.get_institution(uows(), c.GetInstitution(ADMIN, org.id))
    assert [h.to_status for h in stored.history] == [
        pb.INSTITUTION_STATUS_APPLIED, pb.INSTITUTION_STATUS_SELECTED,
        pb.INSTITUTION_STATUS_ACTIVE, pb.INSTITUTION_STATUS_SUSPENDED,
        pb.INSTITUTION_STATUS_ACTIVE, pb.INSTITUTION_STATUS_REVOKED]
    assert all(h.actor and h.reason and h.changed_at for h in stored.history)
    assert [e.to_status for e in uows.emitted(events_pb2.InstitutionStatusChanged)
            if e.institution == org.name] == [h.to_status for h in stored.history]


def test_list_institutions_filters_by_role_status_region_and_occupation(uows):
    a = active_org(uows, TRAINING)                          # 220102, 保卫管理员
    b = training(uows, region="220202")                     # applied
    g = training(uows, region="320505", occupations=(GUARD,))
    e = active_org(uows)                                    # evaluation, 220102

    def ids(**filters):
        found, _ = handlers.list_institutions(uows(), c.ListInstitutions.parse(
            ADMIN, role=filters.pop("role", 0), page_size=0, page_token="", **filters))
        return {i.id for i in found}
    assert ids(role=TRAINING) == {a.id, b.id, g.id}
    assert ids(status=pb.INSTITUTION_STATUS_ACTIVE) == {a.id, e.id}
    assert ids(region_code="220000") == {a.id, b.id, e.id}
    assert ids(region_code="220200") == {b.id}
    assert ids(occupation_code=GUARD) == {g.id}
    assert ids(role=TRAINING, status=pb.INSTITUTION_STATUS_ACTIVE, region_code="220100",
               occupation_code=ADMINISTRATOR) == {a.id}
    city = Caller("c", "city_admin", "220200", Reach.DIVISION)
    found, _ = handlers.list_institutions(uows(), c.ListInstitutions(
        city, 0, paging.Page(), region_code="220000"))
    assert {i.id for i in found} == {b.id}  # a city sees its own division only
    with pytest.raises(InvalidArgument):
        c.ListInstitutions.parse(ADMIN, role=0, page_size=0, page_token="", status=99,
                                 region_code="999999", occupation_code="x")


# INST-2: separation and affiliates

def test_inst2_check_separation_refuses_the_same_uscc_and_flags_affiliates(uows):
    parent, code = uscc(), uscc()
    trainer = training(uows, code=code, legal_representative="张三", parent_uscc=parent)
    same = handlers.check_separation(uows(), c.CheckSeparation(ADMIN, code, EVALUATION, "", ""))
    assert (same.allowed, same.reason, same.conflicting) == (False, "INST_2_SEPARATION",
                                                             [trainer.id])
    other = uscc()
    report = handlers.check_separation(uows(), c.CheckSeparation(ADMIN, other, EVALUATION,
                                                                 "张三", ""))
    assert report.allowed and report.reason == ""
    assert [(a.institution_id, a.relation) for a in report.affiliates] == [
        (trainer.id, pb.AFFILIATE_RELATION_SHARED_LEGAL_REPRESENTATIVE)]
    as_parent = handlers.check_separation(uows(), c.CheckSeparation(ADMIN, parent, EVALUATION,
                                                                    "", ""))
    assert [(a.institution_id, a.relation) for a in as_parent.affiliates] == [
        (trainer.id, pb.AFFILIATE_RELATION_DECLARED_SUBSIDIARY)]
    parent_trainer = training(uows, code=uscc())
    child = handlers.check_separation(uows(), c.CheckSeparation(
        ADMIN, uscc(), EVALUATION, "", parent_trainer.uscc))
    assert [(a.institution_id, a.relation) for a in child.affiliates] == [
        (parent_trainer.id, pb.AFFILIATE_RELATION_DECLARED_PARENT)]
    # the same role is no affiliate concern, and a flagged affiliate is not refused
    assert not handlers.check_separation(uows(), c.CheckSeparation(
        ADMIN, other, TRAINING, "张三", "")).affiliates
    assert create(uows, EVALUATION, code=other, legal_representative="张三").status == \
        S.Value("INSTITUTION_STATUS_APPLIED")


def test_inst2_check_separation_shows_a_city_admin_its_own_division_only(uows):
    code = uscc()
    trainer = training(uows, code=code, region="220202", legal_representative="李四")
    elsewhere = Caller("c", "city_admin", "220100", Reach.DIVISION)
    same = handlers.check_separation(uows(), c.CheckSeparation(elsewhere, code, EVALUATION, "",
                                                               ""))
    assert (same.allowed, same.reason, same.conflicting) == (False, "INST_2_SEPARATION", [])
    assert not handlers.check_separation(uows(), c.CheckSeparation(
        elsewhere, uscc(), EVALUATION, "李四", "")).affiliates
    home = Caller("c", "city_admin", "220200", Reach.DIVISION)
    assert [a.institution_id for a in handlers.check_separation(uows(), c.CheckSeparation(
        home, uscc(), EVALUATION, "李四", "")).affiliates] == [trainer.id]


def test_inst2_checked_again_when_a_department_approves(uows):
    from services.accreditation.domain.institutions import Institution
    applied = training(uows)
    institution = handlers.get_institution(uows(), c.GetInstitution(ADMIN, applied.id))
    assert isinstance(institution, Institution)
    refused("INST_2_SEPARATION", institution.decide, department="police", outcome=APPROVED,
            actor="p", reason="r", at=applied.created_at, today=TODAY,
            other_roles={EVALUATION}, quota={})


# INST-3: quotas

def test_inst3_pilot_phase_two_province_wide_the_third_refused_until_a_place_frees(uows):
    first = move(uows, training(uows, region="220102"), pb.INSTITUTION_STATUS_SELECTED,
                 pb.INSTITUTION_STATUS_ACTIVE)
    move(uows, training(uows, region="220202"), pb.INSTITUTION_STATUS_SELECTED)
    third = decide(uows, training(uows, region="220302"), POLICE)
    error = refused("INST_3_QUOTA", decide, uows, third, HRSS)
    assert error.rule_id == "INST-3"
    assert status(uows, third) == S.Value("INSTITUTION_STATUS_APPLIED")
    # another occupation, another role, another province: not this quota
    active_org(uows)
    for region in ("320102", "320202", "320302"):
        move(uows, training(uows, region=region), pb.INSTITUTION_STATUS_SELECTED)
    move(uows, first, pb.INSTITUTION_STATUS_REVOKED)   # a revoked one frees its place
    assert decide(uows, third, HRSS).status == S.Value("INSTITUTION_STATUS_SELECTED")


def test_inst3_promotion_phase_one_per_prefecture_level_city(uows):
    phase = handlers.set_quota_phase(uows(), c.SetQuotaPhase(
        ADMIN, "220000", ADMINISTRATOR, pb.QUOTA_PHASE_KIND_PROMOTION), rules=RULES)
    assert (phase.phase, phase.setter) == (pb.QUOTA_PHASE_KIND_PROMOTION, "admin")
    move(uows, training(uows, region="220102"), pb.INSTITUTION_STATUS_SELECTED)
    second = decide(uows, training(uows, region="220104"), POLICE)
    refused("INST_3_QUOTA", decide, uows, second, HRSS)           # same city 2201
    for region in ("220202", "220302"):                            # other cities
        move(uows, training(uows, region=region), pb.INSTITUTION_STATUS_SELECTED)
    handlers.set_quota_phase(uows(), c.SetQuotaPhase(
        ADMIN, "220000", ADMINISTRATOR, pb.QUOTA_PHASE_KIND_UNSPECIFIED), rules=RULES)
    assert decide(uows, second, HRSS).status == S.Value("INSTITUTION_STATUS_SELECTED")


def test_inst3_the_phase_and_limits_are_reference_data():
    from services.accreditation.domain import quotas
    table = quotas.parse_table('{"phases": {"PILOT": {"per": "province", "limit": 3}}, '
                               '"defaults": [{"province_code": "320000", "occupation_code": '
                               '"4-07-05-01", "phase": "PILOT"}]}')
    assert table.defaults == {("320000", "4-07-05-01"): pb.QUOTA_PHASE_KIND_PILOT}
    assert table.rule(pb.QUOTA_PHASE_KIND_PILOT).limit == 3
    shipped = quotas.load_table()
    assert shipped.rule(pb.QUOTA_PHASE_KIND_PILOT) == quotas.PhaseRule("province", 2)
    assert shipped.rule(pb.QUOTA_PHASE_KIND_PROMOTION) == quotas.PhaseRule("prefecture", 1)
    assert shipped.defaults[("220000", ADMINISTRATOR)] == pb.QUOTA_PHASE_KIND_PILOT


# INST-4: teachers

def test_inst4_a_teacher_is_qualified_only_by_a_passed_provincial_assessment(uows, people):
    org = active_org(uows, TRAINING)
    teacher = handlers.register_teacher(uows(), c.RegisterTeacher(
        ADMIN, org.id, people.add("t1")), people=people)
    assert teacher.status == pb.TEACHER_STATUS_UNQUALIFIED
    with pytest.raises(AlreadyExists):
        handlers.register_teacher(uows(), c.RegisterTeacher(ADMIN, org.id, "t1"), people=people)

    def assess(day, passed):
        return handlers.record_teacher_assessment(uows(), c.RecordTeacherAssessment(
            ADMIN, teacher.id, day, passed, "吉林省公安厅内保总队", ""))
    failed = assess(TODAY - timedelta(days=30), False)
    assert failed.status == pb.TEACHER_STATUS_UNQUALIFIED
    assert not uows.emitted(events_pb2.TeacherQualified)
    passed = assess(TODAY - timedelta(days=10), True)
    assert passed.status == pb.TEACHER_STATUS_QUALIFIED
    refused("INST_4_TEACHER_NOT_QUALIFIED", passed.require_qualified, TODAY - timedelta(days=11))
    passed.require_qualified(TODAY - timedelta(days=10))
    assert [(e.teacher, e.institution) for e in uows.emitted(events_pb2.TeacherQualified)] == \
        [(teacher.name, org.name)]
    again = assess(TODAY, False)  # the latest assessment decides
    assert again.status == pb.TEACHER_STATUS_UNQUALIFIED
    assert [(e.passed, e.status) for e in uows.emitted(events_pb2.TeacherAssessed)] == [
        (False, pb.TEACHER_STATUS_UNQUALIFIED), (True, pb.TEACHER_STATUS_QUALIFIED),
        (False, pb.TEACHER_STATUS_UNQUALIFIED)]
    stored = handlers.get_teacher(uows(), c.GetTeacher(ADMIN, teacher.id))
    assert [a.passed for a in stored.assessments] == [False, True, False]


def test_inst4_teachers_belong_to_active_training_institutions(uows, people):
    refused("INST_4_NOT_TRAINING", handlers.register_teacher, uows(),
            c.RegisterTeacher(ADMIN, active_org(uows).id, people.add("t")), people=people)
    pending = training(uows)
    refused("INST_4_INSTITUTION_NOT_ACTIVE", handlers.register_teacher, uows(),
            c.RegisterTeacher(ADMIN, pending.id, "t"), people=people)
    other = active_org(uows, TRAINING)
    mine = Caller("org", "training_org", f"institutions/{pending.id}", Reach.INSTITUTION)
    with pytest.raises(PermissionDenied):
        handlers.register_teacher(uows(), c.RegisterTeacher(mine, other.id, "t"), people=people)


# INST-5: supervisors, visits, bulletin

def supervisor(uows, people, start=date(2025, 3, 1), pid="s1"):
    return handlers.appoint_supervisor(uows(), c.AppointSupervisor(
        ADMIN, people.add(pid), "吉林警察学院", start), people=people, rules=RULES)


def visit(uows, sup, org, day, *findings):
    return handlers.record_supervision_visit(uows(), c.RecordSupervisionVisit(
        ADMIN, sup.id, org.id, day, tuple(findings)))


def test_inst5_visits_only_within_the_supervisors_term(uows, people):
    sup = supervisor(uows, people)
    assert sup.term_end == date(2028, 3, 1)
    org = active_org(uows, TRAINING)
    visit(uows, sup, org, date(2025, 3, 1))
    visit(uows, sup, org, date(2028, 2, 29))
    refused("INST_5_OUT_OF_TERM", visit, uows, sup, org, date(2025, 2, 28))
    refused("INST_5_OUT_OF_TERM", visit, uows, sup, org, date(2028, 3, 1))
    with pytest.raises(AlreadyExists):  # one appointment of a person at a time
        supervisor(uows, people, date(2028, 2, 29))
    assert supervisor(uows, people, date(2028, 3, 1)).term_start == date(2028, 3, 1)  # renewed
    leap = supervisor(uows, people, date(2024, 2, 29), "s2")
    assert leap.term_end == date(2027, 3, 1)  # a 29 February start loses no day
    visit(uows, leap, org, date(2027, 2, 28))


def test_inst5_visits_are_to_selected_training_institutions(uows, people):
    sup = supervisor(uows, people, start=TODAY - timedelta(days=100))
    refused("INST_5_NOT_TRAINING", visit, uows, sup, active_org(uows), TODAY)
    refused("INST_5_NOT_SELECTED", visit, uows, sup, training(uows), TODAY)


def test_inst5_the_bulletin_reports_the_periods_visits_and_findings(uows, people):
    sup = supervisor(uows, people, start=date(2025, 1, 1))
    north = active_org(uows, TRAINING)
    south = move(uows, training(uows, region="220202"), pb.INSTITUTION_STATUS_SELECTED)
    visit(uows, sup, north, date(2025, 3, 31), Finding("签到记录缺失", True))  # before
    visit(uows, sup, north, date(2025, 4, 1), Finding("教材过期", False))
    visit(uows, sup, south, date(2025, 6, 30), Finding("无实操场地", True),
          Finding("课时不足", True))
    visit(uows, sup, north, date(2025, 7, 1))                              # after

    def bulletin(region="", caller=ADMIN):
        return handlers.get_supervision_bulletin(uows(), c.GetSupervisionBulletin(
            caller, date(2025, 4, 1), date(2025, 6, 30), region))
    report = bulletin()
    assert (report.visit_count, report.finding_count) == (2, 3)
    assert [(e.institution_id, len(e.visits), e.serious_finding_count)
            for e in report.entries] == [(south.id, 1, 2), (north.id, 1, 0)]
    assert [e.institution_id for e in bulletin("220200").entries] == [south.id]
    city = Caller("c", "city_admin", "220100", Reach.DIVISION)
    assert [e.institution_id for e in bulletin(caller=city).entries] == [north.id]
    with pytest.raises(PermissionDenied):
        bulletin("220200", caller=city)


# INST-6: training licences

def test_inst6_a_guard_training_unit_is_selected_only_with_a_valid_licence(uows):
    unit = training(uows, occupations=(GUARD,))
    refused("INST_6_NO_LICENCE", decide, uows, unit, POLICE)

    def licence(start, until, number):
        return handlers.record_training_licence(uows(), c.RecordTrainingLicence(
            ADMIN, unit.id, number, "吉林省公安厅", start, until))
    licence(TODAY - timedelta(days=400), TODAY - timedelta(days=1), "吉公保培001")  # expired
    licence(TODAY + timedelta(days=1), TODAY + timedelta(days=400), "吉公保培002")  # not yet
    refused("INST_6_NO_LICENCE", decide, uows, unit, POLICE)
    licence(TODAY - timedelta(days=365), TODAY, "吉公保培003")  # valid until today inclusive
    assert move(uows, unit, pb.INSTITUTION_STATUS_SELECTED).status == \
        S.Value("INSTITUTION_STATUS_SELECTED")
    stored = handlers.get_institution(uows(), c.GetInstitution(ADMIN, unit.id))
    assert [x.number for x in stored.licences] == ["吉公保培001", "吉公保培002", "吉公保培003"]
    refused("INST_6_NOT_TRAINING", handlers.record_training_licence, uows(),
            c.RecordTrainingLicence(ADMIN, active_org(uows).id, "x", "y", TODAY, TODAY))
    # 保卫管理员 training needs no 保安培训许可证
    assert move(uows, training(uows), pb.INSTITUTION_STATUS_SELECTED).status == \
        S.Value("INSTITUTION_STATUS_SELECTED")


# INST-7: blacklist

def test_inst7_a_blacklisted_institution_is_not_selected_and_holds_no_session(uows):
    applied = training(uows)
    listed = handlers.blacklist_institution(uows(), c.BlacklistInstitution(
        ADMIN, applied.id, "虚报培训人数", "案件 2026-001", False))
    assert listed.blacklisted and listed.status == S.Value("INSTITUTION_STATUS_APPLIED")
    refused("INST_7_BLACKLISTED", decide, uows, applied, POLICE)
    org = active_org(uows)
    handlers.blacklist_institution(uows(), c.BlacklistInstitution(ADMIN, org.id, "骗取补贴", "",
                                                                  False))
    refused("INST_7_BLACKLISTED", exam, uows, org)
    refused("INST_7_BLACKLISTED", move, uows, org, pb.INSTITUTION_STATUS_SUSPENDED,
            pb.INSTITUTION_STATUS_ACTIVE)
    events = uows.emitted(events_pb2.InstitutionBlacklisted)
    assert [(e.institution, e.qualification_revoked) for e in events] == [
        (applied.name, False), (org.name, False)]


def test_inst7_blacklisting_may_revoke_the_qualification(uows):
    org = active_org(uows, TRAINING)
    revoked = handlers.blacklist_institution(uows(), c.BlacklistInstitution(
        ADMIN, org.id, "伪造培训记录", "trainingClasses/abc", True))
    assert revoked.status == S.Value("INSTITUTION_STATUS_REVOKED")
    assert revoked.history[-1].reason.startswith("INST-7")
    assert revoked.blacklist[0].qualification_revoked


def test_inst7_fraud_found_from_training_blacklists_once_however_often_delivered(uows):
    org = active_org(uows, TRAINING)
    event = events_pb2.InstitutionBlacklisted(event_id="fraud-1")  # any message as inbox key
    fraud = c.FraudFound("fraud-1", org.id, "虚假考勤", "trainingClasses/c1", True)
    handlers.fraud_found(uows(inbox=event), fraud)
    from servicekit.unitofwork import AlreadyApplied
    with pytest.raises(AlreadyApplied):
        handlers.fraud_found(uows(inbox=event), fraud)
    stored = handlers.get_institution(uows(), c.GetInstitution(ADMIN, org.id))
    assert len(stored.blacklist) == 1 and stored.status == S.Value("INSTITUTION_STATUS_REVOKED")
    assert stored.blacklist[0].actor == "FraudFound fraud-1"


def test_require_active_names_the_callers_rule_for_every_other_status(uows):
    org = active_org(uows, TRAINING)
    org.require_active("ASMT_8_ANY_STEP")
    for state in (S.Value("INSTITUTION_STATUS_APPLIED"), S.Value("INSTITUTION_STATUS_SELECTED"),
                  S.Value("INSTITUTION_STATUS_SUSPENDED"), S.Value("INSTITUTION_STATUS_REVOKED"),
                  S.Value("INSTITUTION_STATUS_REJECTED")):
        org.status = state
        refused("ASMT_8_ANY_STEP", org.require_active, "ASMT_8_ANY_STEP")
    org.status = S.Value("INSTITUTION_STATUS_ACTIVE")
    org.put_on_blacklist(reason="r", evidence="", revoke=False, actor="a", at=org.created_at)
    refused("INST_7_BLACKLISTED", org.require_active, "ASMT_8_ANY_STEP")


# INST-8: loss of the training qualification for poor quality

def test_inst8_poor_quality_withdraws_the_qualification_with_the_findings_recorded(uows):
    org = active_org(uows, TRAINING)

    def assess(findings, withdraw, institution=org):
        return handlers.record_quality_assessment(uows(), c.RecordQualityAssessment(
            ADMIN, institution.id, TODAY, tuple(findings), withdraw))
    kept = assess(["教案不完整"], False)
    assert kept.status == S.Value("INSTITUTION_STATUS_ACTIVE")
    refused("INST_8_NO_FINDINGS", assess, [], True)
    refused("INST_8_NOT_TRAINING", assess, ["x"], True, active_org(uows))
    withdrawn = assess(["合格率持续偏低", "师资不足"], True)
    assert withdrawn.status == S.Value("INSTITUTION_STATUS_REVOKED")
    assert withdrawn.history[-1].reason.startswith("INST-8")
    stored = handlers.get_institution(uows(), c.GetInstitution(ADMIN, org.id))
    assert [(q.findings, q.qualification_withdrawn) for q in stored.quality_assessments] == [
        (("教案不完整",), False), (("合格率持续偏低", "师资不足"), True)]
    refused("INST_8_NOT_QUALIFIED", assess, ["again"], True)


# CERT-1: numbering parts 1–4, one organisation each

def test_cert1_two_organisations_cannot_share_numbering_parts(uows):
    first = create(uows, serial="000777")
    error = refused("CERT_1_NUMBERING_TAKEN", create, uows, serial="000777")
    assert error.rule_id == "CERT-1"
    # parts 1–4 include the province: the same site serial in Jiangsu is another series
    assert create(uows, serial="000777", region="320102",
                  call=open_call(uows, region="320000")).id != first.id
    # the same organisation, applying again after a rejection, keeps its series
    move(uows, first, pb.INSTITUTION_STATUS_REJECTED)
    assert create(uows, serial="000777", code=first.uscc).uscc == first.uscc
