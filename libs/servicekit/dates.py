"""Calendar dates as the offices see them (China Standard Time) and their wire form,
google.type.Date: the one place that converts and validates it."""

from datetime import date, datetime, timedelta, timezone

from google.type import date_pb2

from .errors import Violations

CHINA = timezone(timedelta(hours=8), "CST")
DateInput = str | date_pb2.Date  # a request's google.type.Date, or YYYY-MM-DD text
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)  # any real date here is inside


def today() -> date:
    return datetime.now(CHINA).date()


def to_proto(day: date | None) -> date_pb2.Date | None:
    """None (an unset field) for no date."""
    return date_pb2.Date(year=day.year, month=day.month, day=day.day) if day else None


def of_proto(value: date_pb2.Date) -> date | None:
    """A date this system wrote (an answer or an event): unset is None."""
    return date(value.year, value.month, value.day) if value.year else None


def parse_date(value: "DateInput", field: str, violations: Violations, *,
               required: bool = False, not_future: bool = False) -> date | None:
    """A caller's date, a google.type.Date (or YYYY-MM-DD text): a real, full date within
    1900–2100; an unset (all zero) or empty value is None unless required."""
    if isinstance(value, date_pb2.Date):
        unset = not (value.year or value.month or value.day)
        parts = (value.year, value.month, value.day)
    else:
        unset, parts = not value, None
    if unset:
        violations.check(not required, field, "is required")
        return None
    try:
        parsed = date(*parts) if parts else date.fromisoformat(value)
        if parts is None and len(value) != 10:
            raise ValueError(value)
    except ValueError:
        violations.add(field, "must be a real calendar date (year, month and day)")
        return None
    if not EARLIEST <= parsed <= LATEST:
        violations.add(field, f"must be between {EARLIEST} and {LATEST}")
    elif not_future and parsed > today():
        violations.add(field, "must not be in the future")
    return parsed


def iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def term_end(start: date, years: int) -> date:
    """The exclusive end of a term of `years` from `start`: the first day out of term. A
    term from 1 June 2025 runs to 31 May 2028 inclusive (end 1 June 2028). The last day is
    the day before the same calendar day `years` later (民法典 §203: a month without that
    day ends the period on its last day), so a term from 29 February 2024 has 28 February
    2027 as its last day and ends on 1 March 2027: it loses no day."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February into a common year
        return date(start.year + years, 3, 1)


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (or earlier); 29 February falls to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
