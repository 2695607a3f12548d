"""Chinese working days (TRN-2), from the pinned `chinese-calendar` package: official
holidays and the make-up working days (调休) on weekends, as the State Council publishes
them each year. The package knows the years up to its release; a day outside them is
refused, never guessed from the weekday."""

from datetime import date, timedelta

import chinese_calendar

from servicekit.errors import FailedPrecondition


def is_workday(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        first, last = known_years()
        raise FailedPrecondition(
            "TRN_2_CALENDAR_UNKNOWN",
            f"the working-day calendar knows {first}–{last}; {day.isoformat()} is outside "
            f"it, so the filing deadline cannot be counted (update chinese-calendar once "
            f"the State Council publishes {day.year}'s holidays)", day=day.isoformat()) from None


def known_years() -> tuple[int, int]:
    years = [d.year for d in chinese_calendar.holidays]
    return min(years), max(years)


def working_days_before(start: date, count: int) -> date:
    """The `count`-th working day before `start` (not counting `start`): the last day a
    plan may be filed for a class starting on `start` (TRN-2, 开班5个工作日前)."""
    day, found = start, 0
    while found < count:
        day -= timedelta(days=1)
        if is_workday(day):
            found += 1
    return day
