"""Numbers of certificates from outside this system (coding-rules.md; POOL-1)."""

from datetime import date

import pytest

from servicekit.certificate_numbers import (InvalidCertificateNumber, validate_qual16,
                                            validate_skill22)

TODAY = date(2026, 11, 23)


def test_pool1_skill22_official_shape_gives_year_and_level():
    assert validate_skill22("Y000122000123195000001", TODAY) == ("Y000122000123195000001",
                                                                  2019, 5)
    assert validate_skill22(" S000032000001263000042 ", TODAY)[1:] == (2026, 3)


@pytest.mark.parametrize("number, why", [
    ("Y00012200012319500000", "22 characters"),          # 21
    ("X000122000123195000001", "S or Y"),                 # category
    ("y000122000123195000001", "S or Y"),                 # lower case
    ("Y000122000123196000001", "level 1-5"),              # level 6
    ("Y000199000123195000001", "not a province"),         # 99
    ("Y000122000123275000001", "in the future"),          # 2027
    ("Y000122000123195000000", "from 000001"),
    ("Y０00122000123195000001", "S or Y"),                 # a full-width digit
])
def test_pool1_skill22_refuses_the_wrong_shape_and_says_why(number, why):
    with pytest.raises(InvalidCertificateNumber) as caught:
        validate_skill22(number, TODAY)
    assert why in str(caught.value)


def test_pool1_qual16_shape_century_and_shanghai_padding():
    assert validate_qual16("1832050012310001", TODAY) == ("1832050012310001", 2018, 3)
    assert validate_qual16("9935050002550001", TODAY)[1] == 1999
    assert validate_qual16("3050012310001", TODAY) == ("0003050012310001", 2000, 3)  # Shanghai


@pytest.mark.parametrize("number, why", [
    ("183205001231000", "16 digits"),
    ("1832055012310001", "agency type"),  # type 5
    ("1832050012610001", "level 1-5"),    # level 6
    ("18320500123A0001", "16 digits with"),
])
def test_pool1_qual16_refuses_the_wrong_shape(number, why):
    with pytest.raises(InvalidCertificateNumber) as caught:
        validate_qual16(number, TODAY)
    assert why in str(caught.value)
