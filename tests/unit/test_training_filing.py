"""TRN-2 (filing 5 Chinese working days ahead), INST-4 (qualified teachers), INST-7 (no
blacklisted institution files) and TRN-3 (the police decide) on the class aggregate,
with dates around the 2026 National Day holiday and its make-up working days."""

from datetime import date, datetime, timedelta, timezone

import pytest

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.training.v1 import events_pb2 as ev, training_pb2 as pb
from servicekit.errors import FailedPrecondition, InvalidArgument
from services.training.domain import workdays
from services.training.domain.classes import (InstitutionFacts, Lesson, TeacherFacts,
                                              TrainingClass)

NOW = datetime(2026, 9, 1, tzinfo=timezone.utc)
INSTITUTION = InstitutionFacts("i1", "测试培训机构", "350500", acc.INSTITUTION_ROLE_TRAINING,
                               acc.INSTITUTION_STATUS_ACTIVE, False)
QUALIFIED = {"t1": TeacherFacts("t1", "i1", True)}


def a_class(start: date, teachers=("t1",)) -> TrainingClass:
    lessons = [Lesson(i + 1, f"第{i + 1}课", start + timedelta(days=i), 180, pb.LESSON_KIND_THEORY,
                      pb.LESSON_MODE_OFFLINE, teacher) for i, teacher in enumerate(teachers)]
    return TrainingClass(id="c1", institution_id="i1", institution_name="测试培训机构",
                         region_code="350500", class_code="1", occupation_code="3-02-02-00",
                         occupation_name="保卫管理员", level=3, purpose=ev.TRAINING_PURPOSE_SKILL,
                         lessons=lessons, state=pb.CLASS_STATE_DRAFT, created_at=NOW,
                         created_by="org")


def file(k: TrainingClass, today: date, *, blacklisted=False, teachers=QUALIFIED,
         institution=INSTITUTION) -> None:
    k.file(today=today, institution=institution, blacklisted=blacklisted, teachers=teachers,
           at=NOW)


def refusal(k: TrainingClass, today: date, **kw) -> str:
    with pytest.raises(FailedPrecondition) as refused:
        file(k, today, **kw)
    return refused.value.reason


def test_trn_2_the_deadline_counts_holidays_and_make_up_working_days():
    # a class on Monday 12 October 2026: Saturday 10 October is a make-up working day and
    # 1–7 October the National Day holiday, so the five working days before it are 10, 9
    # and 8 October, 30 and 29 September (a weekday count would say 5 October)
    assert workdays.is_workday(date(2026, 10, 10)) and not workdays.is_workday(date(2026, 10, 5))
    assert workdays.working_days_before(date(2026, 10, 12), 5) == date(2026, 9, 29)
    # the Mid-autumn Festival (25–27 September) too: a class on Friday 9 October
    assert workdays.working_days_before(date(2026, 10, 9), 5) == date(2026, 9, 24)
    # an ordinary week: Monday to Monday
    assert workdays.working_days_before(date(2026, 6, 15), 5) == date(2026, 6, 8)


def test_trn_2_filing_on_the_deadline_passes_and_a_day_later_is_refused():
    on_time = a_class(date(2026, 10, 12))
    file(on_time, date(2026, 9, 29))
    assert on_time.state == pb.CLASS_STATE_FILED and on_time.filing_deadline == date(2026, 9, 29)
    assert refusal(a_class(date(2026, 10, 12)), date(2026, 9, 30)) == "TRN_2_FILING_TOO_LATE"


def test_trn_2_a_date_beyond_the_calendar_is_refused_not_guessed():
    first, last = workdays.known_years()
    k = a_class(date(last + 1, 3, 1))
    with pytest.raises(FailedPrecondition) as refused:
        file(k, date(last, 1, 5))
    assert refused.value.reason == "TRN_2_CALENDAR_UNKNOWN"
    assert f"knows {first}–{last}" in str(refused.value) and k.state == pb.CLASS_STATE_DRAFT


def test_trn_2_a_plan_is_filed_once():
    k = a_class(date(2026, 10, 12))
    file(k, date(2026, 9, 1))
    assert refusal(k, date(2026, 9, 1)) == "TRN_2_ALREADY_FILED"


def test_inst_4_every_teacher_must_have_passed_the_provincial_assessment():
    teachers = {**QUALIFIED, "t2": TeacherFacts("t2", "i1", False),
                "t3": TeacherFacts("t3", "other", True)}
    k = a_class(date(2026, 10, 12), teachers=("t1", "t2", "t3", "t4"))
    with pytest.raises(FailedPrecondition) as refused:
        file(k, date(2026, 9, 1), teachers=teachers)
    assert refused.value.reason == "INST_4_TEACHER_NOT_QUALIFIED"
    # failed, of another institution, never assessed; the qualified one is not named
    assert str(refused.value).endswith("teachers/t2, teachers/t3, teachers/t4")


@pytest.mark.parametrize("from_event, from_accreditation", [(True, False), (False, True)])
def test_inst_7_a_blacklisted_institution_cannot_file(from_event, from_accreditation):
    institution = InstitutionFacts(**{**INSTITUTION.__dict__, "blacklisted": from_accreditation})
    k = a_class(date(2026, 10, 12))
    assert refusal(k, date(2026, 9, 1), blacklisted=from_event,
                   institution=institution) == "INST_7_BLACKLISTED"
    assert k.state == pb.CLASS_STATE_DRAFT


def test_trn_3_the_police_approve_or_refuse_a_filed_plan_only():
    k = a_class(date(2026, 10, 12))
    with pytest.raises(FailedPrecondition) as early:
        k.decide(approved=True, reason="", reviewer="police", at=NOW)
    assert early.value.reason == "TRN_3_NOT_FILED"
    file(k, date(2026, 9, 1))
    k.decide(approved=False, reason="师资不足", reviewer="police", at=NOW)
    assert k.state == pb.CLASS_STATE_REFUSED and k.review.reason == "师资不足"
    with pytest.raises(FailedPrecondition):
        k.decide(approved=True, reason="", reviewer="police", at=NOW)


def test_trn_3_visits_are_to_approved_classes_within_their_dates():
    k = a_class(date(2026, 10, 12))
    with pytest.raises(FailedPrecondition) as refused:
        k.record_visit(visit_date=date(2026, 10, 12), inspector="治安支队", findings="正常",
                       actor="police", at=NOW)
    assert refused.value.reason == "TRN_3_NOT_APPROVED"
    file(k, date(2026, 9, 1))
    k.decide(approved=True, reason="", reviewer="police", at=NOW)
    with pytest.raises(InvalidArgument):
        k.record_visit(visit_date=date(2026, 10, 13), inspector="治安支队", findings="正常",
                       actor="police", at=NOW)
    k.record_visit(visit_date=date(2026, 10, 12), inspector="治安支队", findings="正常",
                   actor="police", at=NOW)
    assert [v.number for v in k.visits] == [1]


def make_up(day: date, teacher="t1") -> Lesson:
    return Lesson(0, "补课", day, 90, pb.LESSON_KIND_THEORY, pb.LESSON_MODE_OFFLINE, teacher)


def test_trn_8_a_filed_plan_changes_only_through_an_approved_change_request():
    k = a_class(date(2026, 10, 12))
    with pytest.raises(FailedPrecondition) as draft:
        k.request_change(kind=pb.CHANGE_KIND_MAKE_UP_LESSON, reason="补课", actor="org", at=NOW,
                         lessons=[make_up(date(2026, 10, 20))])
    assert draft.value.reason == "TRN_8_NOT_FILED"
    file(k, date(2026, 9, 1))
    for i in (1, 2):
        change = k.request_change(kind=pb.CHANGE_KIND_MAKE_UP_LESSON, reason="补课",
                                  lessons=[make_up(date(2026, 10, 19 + i))], actor="org", at=NOW)
        assert change.number == i
    assert [x.number for x in k.lessons] == [1]  # asked, not yet changed
    k.decide_change(1, approved=False, reason="无必要", teachers=QUALIFIED, actor="police", at=NOW)
    assert [x.number for x in k.lessons] == [1]
    k.decide_change(2, approved=True, reason="", teachers=QUALIFIED, actor="police", at=NOW)
    assert [(x.number, x.lesson_date) for x in k.lessons] == [(1, date(2026, 10, 12)),
                                                               (2, date(2026, 10, 21))]
    with pytest.raises(FailedPrecondition) as again:
        k.decide_change(2, approved=True, reason="", teachers=QUALIFIED, actor="police", at=NOW)
    assert again.value.reason == "TRN_8_ALREADY_DECIDED"


def test_trn_8_inst_4_a_make_up_lesson_is_taught_by_a_qualified_teacher():
    k = a_class(date(2026, 10, 12))
    file(k, date(2026, 9, 1))
    k.request_change(kind=pb.CHANGE_KIND_RE_SIT, reason="补考", actor="org", at=NOW,
                     lessons=[make_up(date(2026, 10, 20), teacher="t9")])
    with pytest.raises(FailedPrecondition) as refused:
        k.decide_change(1, approved=True, reason="", teachers=QUALIFIED, actor="police", at=NOW)
    assert refused.value.reason == "INST_4_TEACHER_NOT_QUALIFIED" and len(k.lessons) == 1
