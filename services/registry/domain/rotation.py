"""POOL-3: when a key unit's security cadre (保卫干部) is due for training, computed from
the appointment, the training records and the date asked about — never a stored flag.

A new cadre owes an initial course (初任培训) of at least `initial_hours` class hours
within `initial_within_days` of the appointment; once it is done, and for a cadre already
serving when recorded, rotation training (轮训) of at least `rotation_hours` class hours is
due every `rotation_years` years, counted from the end of the last qualifying training (or
from the appointment for a serving cadre with none). Hours of courses with the purpose
asked for add up from the last anchor until they reach the threshold (a late course still
catches the cadre up); courses of another purpose count for nothing."""

from dataclasses import dataclass
from datetime import date, timedelta

from anbao.registry.v1 import registry_pb2 as pb
from servicekit import dates

INITIAL, ROTATION = pb.TRAINING_DUE_KIND_INITIAL, pb.TRAINING_DUE_KIND_ROTATION


@dataclass(frozen=True)
class Thresholds:
    """POOL-3's numbers, as configuration (RegistrySettings)."""

    rotation_years: int = 2
    rotation_hours: int = 24
    initial_hours: int = 36
    # assumption: the notice sets no deadline for the initial course; one year by default
    initial_within_days: int = 365


@dataclass(frozen=True)
class Training:
    purpose: int
    class_hours: int
    end_date: date


@dataclass(frozen=True)
class Due:
    kind: int
    due_date: date
    hours_done: int
    hours_required: int

    def overdue(self, as_of: date) -> bool:
        """Due on the due date itself; overdue from the day after."""
        return as_of > self.due_date


def training_due(appointed: date, new_cadre: bool, trainings: list[Training],
                 rules: Thresholds) -> Due:
    """The next training the cadre owes (POOL-3)."""
    done = sorted((t for t in trainings if t.end_date >= appointed), key=lambda t: t.end_date)
    anchor = appointed
    if new_cadre:
        hours, finished = 0, None
        for t in done:
            if t.purpose == pb.TRAINING_PURPOSE_CADRE_INITIAL:  # POOL-3: the initial course
                hours += t.class_hours
                if hours >= rules.initial_hours:
                    finished = t.end_date
                    break
        if finished is None:
            return Due(INITIAL, appointed + timedelta(days=rules.initial_within_days), hours,
                       rules.initial_hours)
        anchor = finished
    hours = 0
    for t in done:
        if t.end_date <= anchor or t.purpose != pb.TRAINING_PURPOSE_CADRE_ROTATION:
            continue
        hours += t.class_hours
        if hours >= rules.rotation_hours:  # POOL-3: at least 24 class hours every two years
            anchor, hours = t.end_date, 0
    return Due(ROTATION, dates.add_years(anchor, rules.rotation_years), hours,
               rules.rotation_hours)
