"""AIP-158 paging: `page_size` (0 = default, capped) and an opaque keyset `page_token`."""

import base64
import binascii
from dataclasses import dataclass

from sqlalchemy import Select
from sqlalchemy.orm import InstrumentedAttribute, Session

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


@dataclass(frozen=True)
class Page:
    """A validated page request: its size and the key after which it starts."""

    size: int = DEFAULT_PAGE_SIZE
    after: str | None = None

    @classmethod
    def parse(cls, requested_size: int, token: str, violations: Violations) -> "Page":
        return cls(page_size(requested_size, violations), decode_token(token, violations))


def fetch_page(session: Session, stmt: Select, key: InstrumentedAttribute,
               page: Page) -> tuple[list, str]:
    """The one keyset query: rows of `stmt` after the page's key, ordered by `key`,
    and the token of the next page ("" on the last)."""
    if page.after is not None:
        stmt = stmt.where(key > page.after)
    rows = session.scalars(stmt.order_by(key).limit(page.size + 1)).all()
    items, last = split_page(rows, page.size, key=lambda r: getattr(r, key.key))
    return items, encode_token(last) if last else ""
