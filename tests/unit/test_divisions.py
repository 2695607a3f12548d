"""GB/T 2260 administrative division table shipped as package data."""

import pytest

from servicekit.divisions import (
    PROVINCE_PREFIXES,
    division_name,
    is_current,
    is_known_division,
    province_of,
)


@pytest.mark.parametrize(
    "code, name",
    [("220000", "吉林省"), ("320000", "江苏省"), ("350500", "泉州市"), ("371600", "滨州市")],
)
def test_divisions_named_by_the_notices_are_present(code, name):
    assert is_known_division(code)
    assert division_name(code) == name


@pytest.mark.parametrize("code", ["710000", "810000", "820000"])
def test_taiwan_hong_kong_macau_are_present(code):
    assert is_known_division(code)
    assert division_name(code)


def test_unknown_and_malformed_codes_are_not_known():
    for code in ["999999", "", "22000", "2200000", "22000a", "２２００００"]:
        assert not is_known_division(code)
        assert division_name(code) is None
    assert not is_current("999999", 2020)


def test_abolished_code_is_known_but_not_current():
    assert is_known_division("110103")
    assert division_name("110103") == "崇文区"
    assert is_current("110103", 2010)
    assert not is_current("110103", 2011)


def test_is_current_respects_valid_from():
    assert not is_current("371600", 1999)  # 滨州市 from 2000
    assert is_current("371600", 2000)
    assert is_current("220000", 1980)


def test_renamed_code_reports_its_latest_name_and_stays_current():
    assert division_name("420600") == "襄阳市"  # 襄樊市 until 2009
    assert is_current("420600", 2005) and is_current("420600", 2024)


def test_province_prefixes_are_the_34_of_gb_t_2260_and_all_in_the_table():
    assert len(PROVINCE_PREFIXES) == 34
    assert {"22", "32", "35", "37", "71", "81", "82"} <= PROVINCE_PREFIXES
    assert all(is_known_division(p + "0000") for p in PROVINCE_PREFIXES)


def test_province_of_takes_the_first_two_digits():
    assert province_of("350500") == "35"
    with pytest.raises(ValueError):
        province_of("35")
