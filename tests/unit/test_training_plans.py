"""TRN-1 and POOL-3's hours: what a class plan's lessons must add up to. Each clause is
one field violation naming its rule, and every clause broken is reported at once."""

from dataclasses import dataclass

import pytest

from anbao.training.v1 import events_pb2 as ev
from services.training.domain.plans import (OFFLINE, ONLINE, PRACTICAL, THEORY, PlanRules,
                                            violations)

RULES = PlanRules()
SKILL, INITIAL, ROTATION = (ev.TRAINING_PURPOSE_SKILL, ev.TRAINING_PURPOSE_CADRE_INITIAL,
                            ev.TRAINING_PURPOSE_CADRE_ROTATION)


@dataclass(frozen=True)
class L:
    minutes: int
    kind: int = THEORY
    mode: int = OFFLINE


def plan(theory: int, practical: int = 0, online: int = 0) -> list[L]:
    """Class hours of offline theory, practice and online theory, one 45-minute lesson each."""
    return ([L(45)] * theory + [L(45, PRACTICAL)] * practical + [L(45, THEORY, ONLINE)] * online)


def found(lessons, purpose=SKILL) -> list[tuple[str, str]]:
    return [(v.field, v.description) for v in violations(lessons, purpose, RULES)]


def test_trn_1_a_plan_meeting_every_threshold_exactly_passes():
    # 20 hours: 12 theory (60%) of which 12 online (60%), 8 practical (40%)
    assert found(plan(0, 8, 12)) == []
    assert found(plan(20)) == []


def test_trn_1_lessons_last_at_least_45_minutes():
    lessons = plan(20) + [L(44)]
    assert found(lessons) == [("lessons[20].minutes",
                               "TRN-1: a lesson lasts at least 45 minutes")]


def test_trn_1_a_class_has_at_least_20_class_hours():
    assert [f for f, d in found(plan(19)) if d.startswith("TRN-1: the plan has 19")] == ["lessons"]
    assert found(plan(20)) == []


def test_trn_1_class_hours_are_whole_45_minute_hours():
    # 20 lessons of 89 minutes are 20 class hours, not 39
    assert found([L(89)] * 19) and not found([L(89)] * 20)


def test_trn_1_theory_is_at_least_60_percent():
    broken = found(plan(11, 9))
    assert ("lessons", "TRN-1: theory is 11 of 20 class hours; at least 60%") in broken


def test_trn_1_practice_is_at_most_40_percent():
    broken = found(plan(11, 9))
    assert ("lessons", "TRN-1: practice is 9 of 20 class hours; at most 40%") in broken
    # with the theory clause relaxed, the practice clause alone still refuses
    alone = violations(plan(11, 9), SKILL, PlanRules(min_theory_percent=0))
    assert [v.description for v in alone] == ["TRN-1: practice is 9 of 20 class hours; at most 40%"]


def test_trn_1_practical_lessons_are_offline_only():
    lessons = plan(12, 7) + [L(45, PRACTICAL, ONLINE)]
    assert found(lessons) == [("lessons[19].mode", "TRN-1: practical lessons are held offline only")]


def test_trn_1_online_theory_is_at_most_60_percent_of_all_hours():
    assert found(plan(7, 0, 13)) == [
        ("lessons", "TRN-1: online lessons are 13 of 20 class hours; at most 60%")]


def test_trn_1_every_broken_clause_is_reported_at_once():
    # 6 hours: 3 online theory, 3 online practice, and a 30-minute lesson
    lessons = [L(30)] + [L(45, PRACTICAL, ONLINE)] * 3 + plan(0, 0, 3)
    broken = found(lessons)
    assert [f for f, _ in broken] == ["lessons[0].minutes", "lessons[1].mode", "lessons[2].mode",
                                      "lessons[3].mode", "lessons", "lessons", "lessons",
                                      "lessons"]
    assert all(d.startswith("TRN-1: ") for _, d in broken)


@pytest.mark.parametrize("purpose, least", [(INITIAL, 36), (ROTATION, 24)])
def test_pool_3_cadre_courses_have_their_own_least_hours(purpose, least):
    assert found(plan(least - 1), purpose) == [
        ("lessons", f"POOL-3: the plan has {least - 1} class hours; at least {least}")]
    assert found(plan(least), purpose) == []


def test_trn_1_thresholds_are_configuration():
    assert found(plan(10)) and violations(plan(10), SKILL, PlanRules(min_class_hours=10)) == []
