"""google.type.Date on the wire: converted in one place, a caller's date checked to be a
real, full date within 1900–2100."""

from datetime import date

import pytest
from google.type.date_pb2 import Date

from servicekit import dates
from servicekit.errors import Violations


def parsed(value, **options):
    v = Violations()
    return dates.parse_date(value, "day", v, **options), {x.field: x.description for x in v.items}


def test_dates_round_trip_and_none_is_an_unset_field():
    assert dates.of_proto(dates.to_proto(date(2026, 11, 20))) == date(2026, 11, 20)
    assert dates.to_proto(None) is None
    assert dates.of_proto(Date()) is None
    assert parsed(Date(year=2028, month=2, day=29)) == (date(2028, 2, 29), {})
    assert parsed(Date(year=1900, month=1, day=1)) == (date(1900, 1, 1), {})
    assert parsed(Date(year=2100, month=12, day=31)) == (date(2100, 12, 31), {})


@pytest.mark.parametrize("value", [
    Date(year=2026, month=2, day=30), Date(year=2026, month=13, day=1),
    Date(year=2026, month=0, day=0), Date(year=0, month=3, day=1),
    Date(year=-5, month=1, day=1), "2026-02-30", "2026-1-1"])
def test_a_date_that_is_not_real_or_not_full_is_a_field_violation(value):
    assert parsed(value) == (None, {"day": "must be a real calendar date (year, month and day)"})


@pytest.mark.parametrize("value", [Date(year=1899, month=12, day=31),
                                   Date(year=2101, month=1, day=1), "2999-01-01"])
def test_a_date_outside_1900_to_2100_is_a_field_violation(value):
    assert parsed(value)[1] == {"day": "must be between 1900-01-01 and 2100-12-31"}


def test_unset_is_none_unless_required_and_future_dates_can_be_refused():
    assert parsed(Date()) == (None, {})
    assert parsed(Date(), required=True) == (None, {"day": "is required"})
    assert parsed(dates.to_proto(date(2099, 1, 1)), not_future=True)[1] == {
        "day": "must not be in the future"}
