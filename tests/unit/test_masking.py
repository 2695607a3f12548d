"""POOL-5 / CERT-4: personal data is masked in anything public."""

import pytest

from servicekit.masking import mask_name, mask_phone, mask_resident_id


@pytest.mark.parametrize(
    "name, masked",
    [("张三", "张*"), ("王小明", "王**"), ("欧阳娜娜", "欧阳**"), ("司马光", "司马*"),
     ("诸葛亮", "诸葛*"), ("张", "张"), ("", ""), ("欧阳", "欧*")],
)
def test_cert4_name_keeps_surname_and_masks_the_rest(name, masked):
    assert mask_name(name) == masked


def test_pool5_resident_id_everyday_form_shows_first_and_last_two_only():
    assert mask_resident_id("11010519491231002X") == "11**************2X"


def test_pool5_register_form_for_the_province_shows_first_and_last_four():
    masked = mask_resident_id("11010519491231002X", keep=4)
    assert masked == "1101**********002X"
    assert "19491231" not in masked


def test_pool5_short_resident_id_text_is_fully_masked():
    assert mask_resident_id("1101051") == "*******"


def test_cert4_phone_shows_first_three_and_last_four():
    assert mask_phone("13812341234") == "138****1234"


@pytest.mark.parametrize("phone", ["", "1", "123456"])
def test_cert4_phone_shorter_than_seven_is_all_stars(phone):
    assert mask_phone(phone) == "*" * len(phone)


@pytest.mark.parametrize(
    "phone", ["1234567", "12345678", "123456789", "1234567890", "+8613812341234"]
)
def test_cert4_other_phone_lengths_always_hide_some_digits(phone):
    masked = mask_phone(phone)
    assert len(masked) == len(phone) and masked.count("*") >= 3
    assert masked.endswith(phone[-4:])
