"""POOL-3 at its boundaries: when a key unit's security cadre owes training."""

from datetime import date

from anbao.registry.v1 import registry_pb2 as pb
from services.registry.domain.rotation import INITIAL, ROTATION, Thresholds, Training, training_due

RULES = Thresholds()
ROT, INIT, SKILL = (pb.TRAINING_PURPOSE_CADRE_ROTATION, pb.TRAINING_PURPOSE_CADRE_INITIAL,
                    pb.TRAINING_PURPOSE_SKILL)
APPOINTED = date(2022, 3, 1)


def test_pool3_serving_cadre_is_due_two_years_after_the_last_24_hours():
    due = training_due(APPOINTED, False, [Training(ROT, 24, date(2024, 11, 23))], RULES)
    assert (due.kind, due.due_date, due.hours_done) == (ROTATION, date(2026, 11, 23), 0)
    assert not due.overdue(date(2026, 11, 23))  # exactly two years: due, not yet overdue
    assert due.overdue(date(2026, 11, 24))


def test_pool3_23_hours_do_not_renew_the_cycle_24_do():
    short = training_due(APPOINTED, False, [Training(ROT, 23, date(2023, 5, 1))], RULES)
    assert short.due_date == date(2024, 3, 1) and short.hours_done == 23
    enough = training_due(APPOINTED, False, [Training(ROT, 24, date(2023, 5, 1))], RULES)
    assert enough.due_date == date(2025, 5, 1) and enough.hours_done == 0


def test_pool3_hours_add_up_across_courses_of_the_right_purpose():
    due = training_due(APPOINTED, False, [Training(ROT, 12, date(2022, 9, 1)),
                                          Training(ROT, 12, date(2023, 2, 1))], RULES)
    assert due.due_date == date(2025, 2, 1)


def test_pool3_a_course_of_the_wrong_purpose_counts_for_nothing():
    due = training_due(APPOINTED, False, [Training(SKILL, 40, date(2023, 5, 1)),
                                          Training(INIT, 40, date(2023, 6, 1))], RULES)
    assert due.kind == ROTATION and due.due_date == date(2024, 3, 1) and due.hours_done == 0


def test_pool3_training_before_the_appointment_does_not_count():
    due = training_due(APPOINTED, False, [Training(ROT, 30, date(2022, 2, 28))], RULES)
    assert due.due_date == date(2024, 3, 1)


def test_pool3_new_cadre_owes_an_initial_course_of_36_hours_first():
    pending = training_due(APPOINTED, True, [Training(INIT, 35, date(2022, 6, 1)),
                                             Training(ROT, 24, date(2022, 7, 1))], RULES)
    assert (pending.kind, pending.hours_done, pending.hours_required) == (INITIAL, 35, 36)
    assert pending.due_date == date(2023, 3, 1)  # 365 days (configuration)
    done = training_due(APPOINTED, True, [Training(INIT, 36, date(2022, 6, 1))], RULES)
    assert (done.kind, done.due_date) == (ROTATION, date(2024, 6, 1))


def test_pool3_thresholds_are_configuration():
    rules = Thresholds(rotation_years=1, rotation_hours=30, initial_hours=20,
                       initial_within_days=90)
    assert training_due(APPOINTED, False, [Training(ROT, 24, date(2022, 5, 1))],
                        rules).due_date == date(2023, 3, 1)
    assert training_due(APPOINTED, True, [], rules).due_date == date(2022, 5, 30)
    assert training_due(APPOINTED, True, [Training(INIT, 20, date(2022, 4, 1))],
                        rules).due_date == date(2023, 4, 1)


def test_pool3_29_february_falls_to_the_28th():
    due = training_due(date(2023, 1, 1), False, [Training(ROT, 24, date(2024, 2, 29))], RULES)
    assert due.due_date == date(2026, 2, 28)
