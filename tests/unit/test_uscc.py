"""Unified social credit code (GB 32100); INST-2 identifies an institution by its USCC."""

import pytest

from servicekit.uscc import ALPHABET, InvalidUscc, make_uscc, validate_uscc

PUBLIC = "91350100M000100Y43"


def test_known_public_code_is_valid():
    assert validate_uscc(PUBLIC) == PUBLIC


def test_lower_case_and_whitespace_are_normalised():
    assert validate_uscc(f"  {PUBLIC.lower()} ") == PUBLIC


@pytest.mark.parametrize(
    "first17",
    [
        "91320500MA1MXXXX0",  # 工商 enterprise, Suzhou
        "52220100MJ0000001",  # 民政 social organisation, Changchun
        "12371600000000001",  # 机构编制 public institution, Binzhou
        "N2350500MF0000001",  # 农业 (letter first)
        "Y1220000MC0000001",  # other (letter first)
        "A1320000MB0000001",  # letter first
    ],
)
def test_codes_built_with_make_uscc_are_valid_including_letter_first(first17):
    code = make_uscc(first17)
    assert validate_uscc(code) == code


def test_check_character_follows_the_mod_31_formula():
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(ALPHABET.index(c) * w for c, w in zip(PUBLIC[:17], weights))
    assert ALPHABET[(31 - total % 31) % 31] == PUBLIC[17]
    assert make_uscc(PUBLIC[:17]) == PUBLIC


def test_every_wrong_check_character_is_rejected():
    for char in ALPHABET:
        if char != PUBLIC[17]:
            with pytest.raises(InvalidUscc, match="check character"):
                validate_uscc(PUBLIC[:17] + char)


@pytest.mark.parametrize("letter", "IOZSV")
def test_forbidden_letters_are_rejected(letter):
    with pytest.raises(InvalidUscc, match="alphabet"):
        validate_uscc(letter + PUBLIC[1:])
    with pytest.raises(ValueError):
        make_uscc(letter + PUBLIC[1:17])


@pytest.mark.parametrize("raw", ["", PUBLIC[:17], PUBLIC + "0"])
def test_wrong_length_is_rejected(raw):
    with pytest.raises(InvalidUscc, match="18 characters"):
        validate_uscc(raw)


def test_division_code_positions_must_be_digits():
    with pytest.raises(InvalidUscc, match="division code"):
        validate_uscc(make_uscc("9135A100M000100Y4"))


def test_division_code_need_not_be_in_the_table():
    code = make_uscc("91999999M000100Y4")
    assert validate_uscc(code) == code


def test_invalid_uscc_is_a_value_error():
    assert issubclass(InvalidUscc, ValueError)
