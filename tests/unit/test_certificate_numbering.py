"""CERT-1: the 22-character national number (coding-rules.md)."""

from datetime import date

import pytest

from services.certificates.domain import numbering


def test_cert1_number_is_prefix_year_level_serial():
    series = numbering.series("S000022000123", 2026, 3)
    assert series == "S000022000123263"
    number = numbering.compose(series, 1)
    assert number == "S000022000123263000001" and len(number) == 22
    assert numbering.is_valid(number, date(2026, 11, 22))


def test_cert1_official_example_shape_and_rejections():
    today = date(2026, 1, 1)
    assert numbering.is_valid("Y000123123456195000001", today)
    assert not numbering.is_valid("Y000199123456195000001", today)  # province 99
    assert not numbering.is_valid("X000123123456195000001", today)  # category
    assert not numbering.is_valid("Y000123123456196000001", today)  # level 6
    assert not numbering.is_valid("Y000123123456275000001", today)  # year 2027 in 2026
    assert not numbering.is_valid("Y00012312345619500001", today)   # 21 characters


def test_cert1_serial_space_is_never_exceeded():
    with pytest.raises(OverflowError):
        numbering.compose("S000022000123263", 1_000_000)
