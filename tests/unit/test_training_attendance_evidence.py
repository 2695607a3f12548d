"""TRN-9 (sign-in), TRN-12 (enrolled before the start), TRN-4 (evidence counts), TRN-7
(retention) and CERT-2 (the completion review) on the domain, without I/O."""

from datetime import date, datetime, timedelta, timezone

import pytest

from anbao.training.v1 import events_pb2 as ev, training_pb2 as pb
from servicekit.errors import FailedPrecondition, InvalidArgument
from services.training.domain import attendance, evidence
from services.training.domain.classes import Lesson, TrainingClass
from services.training.domain.evidence import EvidenceItem
from services.training.domain.plans import OFFLINE, ONLINE, PRACTICAL, THEORY, PlanRules

NOW = datetime(2026, 10, 1, tzinfo=timezone.utc)
START = date(2026, 10, 12)
RULES = PlanRules()
PERSON = attendance.TraineeFacts("p1", "赵一", 1, "11**************2X", "139****5678")


def a_class(state=pb.CLASS_STATE_APPROVED, plan=((THEORY, OFFLINE), (PRACTICAL, OFFLINE),
                                                   (THEORY, ONLINE))) -> TrainingClass:
    lessons = [Lesson(i + 1, "课", START + timedelta(days=i), 180, kind, mode, "t1")
               for i, (kind, mode) in enumerate(plan)]
    return TrainingClass(id="c1", institution_id="i1", institution_name="机构", region_code="350500",
                         class_code="1", occupation_code="3-02-02-00", occupation_name="保卫管理员",
                         level=3, purpose=ev.TRAINING_PURPOSE_SKILL, lessons=lessons, state=state,
                         created_at=NOW, created_by="org")


def reason(call) -> str:
    with pytest.raises(FailedPrecondition) as refused:
        call()
    return refused.value.reason


def sign(k, *, lesson=1, enrolled=True, method=attendance.PLATFORM, minutes=180, paper=False,
         today=START):
    return attendance.sign_in(k, k.lesson(lesson), "p1", enrolled=enrolled, method=method,
                              minutes=minutes, paper_approved=paper, today=today, actor="org",
                              at=NOW)


def test_trn_12_trainees_are_entered_before_the_class_starts():
    k = a_class()
    assert attendance.enrol(k, PERSON, today=START - timedelta(days=1), already=False, at=NOW)
    assert reason(lambda: attendance.enrol(k, PERSON, today=START, already=False,
                                           at=NOW)) == "TRN_12_ENROL_BEFORE_START"


def test_trn_9_platform_sign_in_is_on_the_lessons_day():
    k = a_class()
    assert sign(k).minutes == 180
    assert reason(lambda: sign(k, today=START + timedelta(days=1))) == "TRN_9_PLATFORM_SAME_DAY"


def test_trn_9_paper_sign_in_needs_the_polices_approval_and_comes_after_the_lesson():
    k = a_class()
    paper = attendance.PAPER
    assert reason(lambda: sign(k, method=paper)) == "TRN_9_PAPER_NOT_APPROVED"
    assert reason(lambda: sign(k, method=paper, paper=True,
                               today=START - timedelta(days=1))) == "TRN_9_PAPER_AFTER_LESSON"
    assert sign(k, method=paper, paper=True, today=START + timedelta(days=3)).method == paper


def test_trn_9_only_trainees_of_an_approved_class_sign_in_for_at_most_the_lesson():
    assert reason(lambda: sign(a_class(), enrolled=False)) == "TRN_9_NOT_ENROLLED"
    assert reason(lambda: sign(a_class(pb.CLASS_STATE_FILED))) == "TRN_9_NOT_APPROVED"
    with pytest.raises(InvalidArgument):
        sign(a_class(), minutes=181)


def test_trn_9_hours_are_verified_per_trainee_against_the_plan():
    k = a_class()
    full = [attendance.SignIn("c1", n, "p1", 1, 180, "org", NOW) for n in (1, 2, 3)]
    short = full[:2] + [attendance.SignIn("c1", 3, "p1", 1, 134, "org", NOW)]
    assert attendance.verify(k, full, "p1", RULES, 100) == attendance.Verified("p1", 540, 12, True)
    assert attendance.verify(k, short, "p1", RULES, 100).met is False  # 134 minutes: 2 hours
    assert attendance.verify(k, short, "p1", RULES, 80).met is True  # 10 of 12 hours


def item(kind, lesson=0, seconds=0, person="", uploaded=NOW, n=[0]) -> EvidenceItem:
    n[0] += 1
    return EvidenceItem(str(n[0]), "c1", kind, lesson, person, seconds, "0" * 64, 10,
                        "image/jpeg", "org", uploaded)


def complete_set() -> list[EvidenceItem]:
    return ([item(evidence.GROUP_PHOTO)] + [item(evidence.PRACTICAL_PHOTO)] * 3
            + [item(evidence.THEORY_VIDEO, 1, 180 * 60)]
            + [item(evidence.PRACTICAL_VIDEO, 2, 60)] * 4
            + [item(evidence.FACE_CAPTURE, 3, person="p1")] * 8)


def missing(items, trainees=("p1",)) -> list[str]:
    return evidence.shortfalls(a_class(), items, list(trainees), RULES)


def without(items, kind, keep=0):
    others = [i for i in items if i.kind != kind]
    return others + [i for i in items if i.kind == kind][:keep]


def test_trn_4_a_complete_set_has_no_shortfall():
    assert missing(complete_set()) == []


def test_trn_4_at_least_one_group_photo():
    assert missing(without(complete_set(), evidence.GROUP_PHOTO)) == [
        "TRN-4: at least 1 group photo of the trainees"]


def test_trn_4_at_least_three_practical_photos_with_practical_lessons():
    assert missing(without(complete_set(), evidence.PRACTICAL_PHOTO, 2)) == [
        "TRN-4: at least 3 practical photos; 2 uploaded"]


def test_trn_4_offline_theory_is_filmed_whole():
    short = without(complete_set(), evidence.THEORY_VIDEO) + [
        item(evidence.THEORY_VIDEO, 1, 180 * 60 - 1)]
    assert missing(short) == ["TRN-4: lesson 1 (offline theory) needs a video of the whole "
                              "180 minutes"]


def test_trn_4_a_continuous_minute_of_video_per_practical_hour():
    short = without(complete_set(), evidence.PRACTICAL_VIDEO, 3) + [
        item(evidence.PRACTICAL_VIDEO, 2, 59)]
    assert missing(short) == ["TRN-4: lesson 2 (practical) needs a continuous minute of "
                              "video per class hour: 4; 3 uploaded"]


def test_trn_4_two_face_captures_per_online_hour_of_each_trainee():
    assert missing(complete_set(), ("p1", "p2")) == [
        "TRN-4: lesson 3 (online) needs 8 face captures of each trainee; short for persons/p2"]
    assert missing(without(complete_set(), evidence.FACE_CAPTURE, 7)) != []


def test_trn_7_nothing_under_retention_is_deleted():
    kept = item(evidence.GROUP_PHOTO, uploaded=datetime(2026, 10, 16, tzinfo=timezone.utc))
    with pytest.raises(FailedPrecondition) as refused:
        evidence.require_deletable(kept, date(2029, 10, 15), 3)
    assert refused.value.reason == "TRN_7_UNDER_RETENTION" and "2029-10-16" in str(refused.value)
    evidence.require_deletable(kept, date(2029, 10, 16), 3)
    with pytest.raises(FailedPrecondition):
        evidence.require_deletable(kept, date(2031, 10, 15), 5)  # configurable


def test_cert_2_completion_after_the_end_with_the_evidence_names_who_met_their_hours():
    k = a_class()
    trainees = [attendance.Trainee("c1", PERSON, NOW),
                attendance.Trainee("c1", attendance.TraineeFacts("p2", "钱二", 2, "m", "m"), NOW)]
    verified = [attendance.Verified("p1", 540, 12, True), attendance.Verified("p2", 90, 2, False)]
    end = START + timedelta(days=2)
    kw = dict(trainees=trainees, verified=verified, rules=RULES, at=NOW)
    assert reason(lambda: k.complete(today=end - timedelta(days=1), shortfalls=[],
                                     **kw)) == "CERT_2_NOT_ENDED"
    assert reason(lambda: k.complete(today=end, shortfalls=["TRN-4: x"],
                                     **kw)) == "TRN_4_EVIDENCE_MISSING"
    assert reason(lambda: a_class(pb.CLASS_STATE_FILED).complete(
        today=end, shortfalls=[], **kw)) == "CERT_2_NOT_APPROVED"
    k.complete(today=end, shortfalls=[], **kw)
    (event,) = k.events
    assert k.state == pb.CLASS_STATE_COMPLETED and isinstance(event, ev.ClassCompleted)
    assert [t.person for t in event.trainees] == ["persons/p1"]
    assert event.planned_class_hours == 12


def test_trn_10_the_roster_has_the_notices_columns_masked_with_certificate_numbers():
    from services.training.adapters import roster_files
    from services.training.domain import roster

    k = a_class()
    trainees = [attendance.Trainee("c1", PERSON, NOW),
                attendance.Trainee("c1", attendance.TraineeFacts("p2", "钱二", 2, "22**2X",
                                                                 "138****0000"), NOW)]
    rows = roster.rows(k, trainees, {"p1": "T350500202600001"})
    assert roster.COLUMNS == ("序号", "姓名", "性别", "身份证号", "手机", "专业(工种)", "证书编号",
                              "培训日期", "班期")
    assert rows[0] == ("1", "赵一", "男", "11**************2X", "139****5678", "保卫管理员",
                       "T350500202600001", "2026-10-12至2026-10-14", "1")
    assert rows[1][2] == "女" and rows[1][6] == ""
    assert roster_files.to_csv(rows).startswith("\ufeff序号".encode())
