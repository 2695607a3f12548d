"""Unified social credit code (统一社会信用代码, GB 32100): 18 characters with a mod-31 check."""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUES = {c: i for i, c in enumerate(ALPHABET)}
_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1 3 9 27 19 26 ... 28


class InvalidUscc(ValueError):
    """The text is not a valid unified social credit code."""


def _check_char(first17: str) -> str:
    total = sum(_VALUES[c] * w for c, w in zip(first17, _WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def validate_uscc(raw: str) -> str:
    """Return the normalised (upper-case) code; raise InvalidUscc with the reason."""
    value = raw.strip().upper()
    if len(value) != 18:
        raise InvalidUscc(f"USCC must be 18 characters, got {len(value)}")
    bad = sorted({c for c in value if c not in _VALUES})
    if bad:
        raise InvalidUscc(f"USCC contains characters outside the GB 32100 alphabet: {''.join(bad)}")
    if not value[2:8].isdigit():
        raise InvalidUscc("USCC positions 3-8 must be a 6-digit division code")
    if value[17] != _check_char(value[:17]):
        raise InvalidUscc("USCC check character does not match")
    return value


def make_uscc(first17: str) -> str:
    """Append the right check character to 17 alphabet characters."""
    first17 = first17.upper()
    if len(first17) != 17 or any(c not in _VALUES for c in first17):
        raise ValueError("first17 must be 17 characters of the GB 32100 alphabet")
    return first17 + _check_char(first17)
