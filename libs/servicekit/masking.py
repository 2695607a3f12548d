"""Masking of personal data shown in anything public."""

from __future__ import annotations

COMPOUND_SURNAMES: frozenset[str] = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 "
    "南宫 西门 百里 呼延 万俟 申屠 太史 钟离 闻人 赫连 澹台 公冶 宗政 濮阳 淳于 单于 太叔 "
    "仲孙 东郭 拓跋".split()
)


def mask_name(name: str) -> str:
    """Keep the surname (compound surnames too), one ``*`` per remaining character."""
    name = name.strip()
    keep = 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1
    return name[:keep] + "*" * (len(name) - keep) if len(name) > 1 else name


def mask_resident_id(value: str, keep: int = 2) -> str:
    """First `keep` + ``*`` + last `keep` characters; never the birth date.

    The everyday form keeps 2 and 2 (`11**************2X`): with the holder's region and
    gender beside it, at least 139,000 resident IDs still fit (`tests/integration/
    test_reidentification.py`). The register form of `coding-rules.md`, 4 and 4
    (`1101**********002X`), is shown to the province only: in a city with one county code
    it leaves about 1,400 candidates, fewer with a region code beside it."""
    value = value.strip()
    if len(value) < 12:  # not a resident ID: show nothing of it
        return "*" * len(value)
    return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]


def mask_phone(phone: str) -> str:
    """``138****1234``: last 4 kept, at most 3 leading kept, never fewer than 3 masked.

    Anything shorter than 7 characters is all ``*``.
    """
    phone = phone.strip()
    if len(phone) < 7:
        return "*" * len(phone)
    head = min(3, len(phone) - 8) if len(phone) > 8 else 0
    return phone[:head] + "*" * (len(phone) - head - 4) + phone[-4:]
