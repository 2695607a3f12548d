"""Date edges of the institution rules, pure: a call's window (INST-1) and a licence's
validity (INST-6) include both ends, a supervisor's term (INST-5) excludes its end, and
29 February counts like any other day."""

from datetime import date, datetime, timezone

import pytest

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit.errors import FailedPrecondition
from services.accreditation.domain.calls import CallForApplications
from services.accreditation.domain.licences import TrainingLicence
from servicekit.dates import term_end
from services.accreditation.domain.supervisors import Supervisor

AT = datetime(2028, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize("day,open_", [
    (date(2028, 2, 1), True), (date(2028, 2, 29), True),
    (date(2028, 1, 31), False), (date(2028, 3, 1), False)])
def test_inst1_a_call_ending_on_29_february_takes_applications_that_day(day, open_):
    call = CallForApplications(id="c", title="t", role=pb.INSTITUTION_ROLE_TRAINING,
                               occupation_code="", region_code="220000",
                               open_date=date(2028, 2, 1), close_date=date(2028, 2, 29),
                               creator="a", created_at=AT)
    assert call.is_open_on(day) is open_
    if open_:
        call.require_open(day)
    else:
        with pytest.raises(FailedPrecondition) as caught:
            call.require_open(day)
        assert caught.value.reason == "INST_1_CALL_NOT_OPEN"
    assert call.is_closed_on(day) is (day > call.close_date)


def test_inst1_a_call_closed_early_takes_no_more_and_is_closed():
    call = CallForApplications(id="c", title="t", role=pb.INSTITUTION_ROLE_TRAINING,
                               occupation_code="", region_code="220000",
                               open_date=date(2028, 2, 1), close_date=date(2028, 2, 29),
                               creator="a", created_at=AT)
    call.close(date(2028, 2, 10), AT)
    assert not call.is_open_on(date(2028, 2, 10)) and call.is_closed_on(date(2028, 2, 10))


def test_inst6_a_licence_valid_until_29_february_is_valid_that_day_only_up_to_it():
    licence = TrainingLicence("吉公保培001", "吉林省公安厅", date(2025, 3, 1), date(2028, 2, 29), AT)
    assert licence.valid_on(date(2025, 3, 1)) and licence.valid_on(date(2028, 2, 29))
    assert not licence.valid_on(date(2025, 2, 28)) and not licence.valid_on(date(2028, 3, 1))


def test_inst5_a_term_from_29_february_runs_to_28_february_inclusive():
    assert term_end(date(2024, 2, 29), 3) == date(2027, 3, 1)
    assert term_end(date(2024, 2, 29), 4) == date(2028, 2, 29)
    supervisor = Supervisor(id="s", person_id="p", full_name="n", affiliation="a",
                            term_start=date(2024, 2, 29), term_end=term_end(date(2024, 2, 29), 3),
                            appointer="a", created_at=AT)
    supervisor.require_in_term(date(2027, 2, 28))
    with pytest.raises(FailedPrecondition) as caught:
        supervisor.require_in_term(date(2027, 3, 1))
    assert caught.value.reason == "INST_5_OUT_OF_TERM"
