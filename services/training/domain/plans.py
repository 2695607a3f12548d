"""TRN-1 (000 §二(二)) and POOL-3 (001 §四(四)): what a class plan's lessons must add up
to. Each violated clause is one field violation naming its rule, all reported at once."""

from dataclasses import dataclass

from anbao.training.v1 import events_pb2, training_pb2 as pb
from servicekit.errors import FieldViolation

THEORY, PRACTICAL = pb.LESSON_KIND_THEORY, pb.LESSON_KIND_PRACTICAL
OFFLINE, ONLINE = pb.LESSON_MODE_OFFLINE, pb.LESSON_MODE_ONLINE


@dataclass(frozen=True)
class PlanRules:
    """The thresholds, from configuration (config.TrainingSettings)."""

    class_hour_minutes: int = 45
    min_class_hours: int = 20
    min_theory_percent: int = 60
    max_practical_percent: int = 40
    max_online_percent: int = 60
    min_cadre_initial_hours: int = 36
    min_cadre_rotation_hours: int = 24

    def hours(self, minutes: int) -> int:
        """Whole class hours in a lesson of `minutes`."""
        return minutes // self.class_hour_minutes

    def min_hours(self, purpose: int) -> tuple[str, int]:
        """The rule that sets the class's least hours for its purpose, and the least."""
        if purpose == events_pb2.TRAINING_PURPOSE_CADRE_INITIAL:
            return "POOL-3", max(self.min_class_hours, self.min_cadre_initial_hours)
        if purpose == events_pb2.TRAINING_PURPOSE_CADRE_ROTATION:
            return "POOL-3", max(self.min_class_hours, self.min_cadre_rotation_hours)
        return "TRN-1", self.min_class_hours


def violations(lessons, purpose: int, rules: PlanRules) -> list[FieldViolation]:
    """Every clause of TRN-1 (and POOL-3's hours) the lessons break. `lessons` have
    `minutes`, `kind` and `mode`."""
    found: list[FieldViolation] = []
    for i, lesson in enumerate(lessons):
        if lesson.minutes < rules.class_hour_minutes:
            found.append(FieldViolation(
                f"lessons[{i}].minutes",
                f"TRN-1: a lesson lasts at least {rules.class_hour_minutes} minutes"))
        if lesson.kind == PRACTICAL and lesson.mode != OFFLINE:
            found.append(FieldViolation(f"lessons[{i}].mode",
                                        "TRN-1: practical lessons are held offline only"))
    total = sum(rules.hours(x.minutes) for x in lessons)
    theory = sum(rules.hours(x.minutes) for x in lessons if x.kind == THEORY)
    practical = sum(rules.hours(x.minutes) for x in lessons if x.kind == PRACTICAL)
    online = sum(rules.hours(x.minutes) for x in lessons if x.mode == ONLINE)
    rule, least = rules.min_hours(purpose)
    if total < least:
        found.append(FieldViolation(
            "lessons", f"{rule}: the plan has {total} class hours; at least {least}"))
    if theory * 100 < rules.min_theory_percent * total:
        found.append(FieldViolation(
            "lessons", f"TRN-1: theory is {theory} of {total} class hours; at least "
                       f"{rules.min_theory_percent}%"))
    if practical * 100 > rules.max_practical_percent * total:
        found.append(FieldViolation(
            "lessons", f"TRN-1: practice is {practical} of {total} class hours; at most "
                       f"{rules.max_practical_percent}%"))
    if online * 100 > rules.max_online_percent * total:
        found.append(FieldViolation(
            "lessons", f"TRN-1: online lessons are {online} of {total} class hours; at most "
                       f"{rules.max_online_percent}%"))
    return found
