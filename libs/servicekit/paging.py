"""AIP-158 paging: `page_size` (0 = default, capped) and an opaque keyset `page_token`."""

import base64
import binascii

from .errors import Violations

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000


def page_size(requested: int, violations: Violations) -> int:
    violations.check(requested >= 0, "page_size", "must not be negative")
    return min(requested or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)


def decode_token(token: str, violations: Violations) -> str | None:
    """The key after which the page starts, or None for the first page."""
    if not token:
        return None
    try:
        key = base64.b64decode(token.encode(), altchars=b"-_", validate=True).decode()
        if key.isascii() and key.isalnum():  # every key we page by is an ASCII ID
            return key
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    violations.add("page_token", "is not a token this service issued")
    return None


def encode_token(last_key: str) -> str:
    return base64.urlsafe_b64encode(last_key.encode()).decode()


def split_page(rows: list, page_size: int, key) -> tuple[list, str | None]:
    """Rows fetched with `limit(page_size + 1)` → (this page, key of its last row if more)."""
    page = list(rows[:page_size])
    return page, (key(page[-1]) if len(rows) > page_size else None)
