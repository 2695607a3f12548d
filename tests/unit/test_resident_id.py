"""POOL-5: people are identified by a validated resident ID (GB 11643)."""

from datetime import date

import pytest

from servicekit.resident_id import (
    InvalidResidentId,
    ResidentId,
    make_resident_id,
    normalize_resident_id,
    validate_resident_id,
)

TODAY = date(2025, 6, 1)
VALID = "11010519491231002X"


def with_check(first17: str) -> str:
    """Independent oracle: GB 11643 weights and check characters, as in coding-rules.md."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


def test_pool5_official_example_is_valid_and_parsed():
    rid = validate_resident_id(VALID, today=TODAY)
    assert rid == ResidentId(
        value=VALID, birth_date=date(1949, 12, 31), gender="FEMALE", address_code="110105"
    )


def test_pool5_lower_case_x_and_whitespace_are_normalised():
    assert normalize_resident_id(" 11010519491231002x\n") == VALID
    assert validate_resident_id("11010519491231002x", today=TODAY).value == VALID


def test_pool5_odd_17th_digit_is_male_even_is_female():
    male = make_resident_id("350502", date(1990, 1, 1), 13)
    female = make_resident_id("350502", date(1990, 1, 1), 14)
    assert validate_resident_id(male, today=TODAY).gender == "MALE"
    assert validate_resident_id(female, today=TODAY).gender == "FEMALE"


def test_pool5_every_wrong_check_character_is_rejected():
    for char in "0123456789X":
        if char != VALID[-1]:
            with pytest.raises(InvalidResidentId, match="check character"):
                validate_resident_id(VALID[:17] + char, today=TODAY)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "11010519491231002",
        "11010519491231002XX",
        "1101051949123100XX",
        "11010519491231002Y",
        "１１０１０５１９４９１２３１００２X",  # full-width digits
    ],
)
def test_pool5_wrong_length_or_characters_are_rejected(raw):
    with pytest.raises(InvalidResidentId, match="17 digits"):
        validate_resident_id(raw, today=TODAY)


def test_pool5_birth_date_in_the_future_is_rejected():
    rid = make_resident_id("110105", date(2025, 6, 2), 1)
    with pytest.raises(InvalidResidentId, match="future"):
        validate_resident_id(rid, today=TODAY)


def test_pool5_birth_date_today_is_accepted():
    rid = make_resident_id("110105", TODAY, 1)
    assert validate_resident_id(rid, today=TODAY).birth_date == TODAY


def test_pool5_birth_date_before_1900_is_rejected():
    rid = make_resident_id("110105", date(1899, 12, 31), 1)
    with pytest.raises(InvalidResidentId, match="before 1900-01-01"):
        validate_resident_id(rid, today=TODAY)
    assert validate_resident_id(make_resident_id("110105", date(1900, 1, 1), 1), today=TODAY)


def test_pool5_impossible_birth_date_is_rejected():
    feb_30 = with_check("11010519900230001")
    with pytest.raises(InvalidResidentId, match="not a real date"):
        validate_resident_id(feb_30, today=TODAY)


def test_pool5_unknown_province_prefix_is_rejected():
    rid = make_resident_id("990101", date(1990, 1, 1), 1)
    with pytest.raises(InvalidResidentId, match="province prefix 99"):
        validate_resident_id(rid, today=TODAY)


def test_pool5_abolished_county_code_is_still_accepted():
    rid = make_resident_id("110103", date(1980, 5, 5), 21)  # 崇文区, abolished 2010
    assert validate_resident_id(rid, today=TODAY).address_code == "110103"


def test_pool5_unknown_county_in_a_known_province_is_accepted():
    rid = make_resident_id("119999", date(1980, 5, 5), 21)
    assert validate_resident_id(rid, today=TODAY).address_code == "119999"


@pytest.mark.parametrize("prefix", ["71", "81", "82"])
def test_pool5_residence_permit_prefixes_are_accepted(prefix):
    rid = make_resident_id(prefix + "0000", date(1985, 3, 3), 5)
    assert validate_resident_id(rid, today=TODAY).address_code == prefix + "0000"


def test_pool5_defaults_today_to_the_current_date():
    assert validate_resident_id(VALID).birth_date == date(1949, 12, 31)


def test_invalid_resident_id_is_a_value_error():
    assert issubclass(InvalidResidentId, ValueError)


def test_make_resident_id_reproduces_the_official_example():
    assert make_resident_id("110105", date(1949, 12, 31), 2) == VALID
    assert with_check(VALID[:17]) == VALID


def test_make_resident_id_agrees_with_the_independent_check():
    for seq in range(0, 1000, 37):
        rid = make_resident_id("350502", date(1991, 7, 9), seq)
        assert rid == with_check(rid[:17])


@pytest.mark.parametrize(
    "address, sequence", [("11010", 1), ("11010a", 1), ("110105", 1000), ("110105", -1)]
)
def test_make_resident_id_rejects_bad_parts(address, sequence):
    with pytest.raises(ValueError):
        make_resident_id(address, date(1990, 1, 1), sequence)
