"""Calendar dates as the offices see them (China Standard Time) and their wire form."""

from datetime import date, datetime, timedelta, timezone

from .errors import Violations

CHINA = timezone(timedelta(hours=8), "CST")


def today() -> date:
    return datetime.now(CHINA).date()


def parse_date(value: str, field: str, violations: Violations, *,
               required: bool = False, not_future: bool = False) -> date | None:
    """YYYY-MM-DD; an empty value is None unless required."""
    if not value:
        violations.check(not required, field, "is required (YYYY-MM-DD)")
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        violations.add(field, "must be a date as YYYY-MM-DD")
        return None
    if len(value) != 10:
        violations.add(field, "must be a date as YYYY-MM-DD")
        return None
    if not_future and parsed > today():
        violations.add(field, "must not be in the future")
    return parsed


def iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (or earlier); 29 February falls to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
