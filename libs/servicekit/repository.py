"""Repositories hand aggregates to handlers and write them back.

An aggregate is a plain object that enforces its rules and records the events it
causes in `events`; it does no I/O. A repository remembers every aggregate it handed
out or was given (`seen`); when the unit of work commits, it asks each repository to
write those aggregates back and moves their events to the outbox, in the same
transaction. So a handler loads, calls and commits — it never saves or emits by hand.

The repository also tells the audit log which aggregates changed: those added, and
those whose state differs from what was loaded (a digest of each, taken on loading)."""

import dataclasses
from abc import ABC, abstractmethod
from typing import Generic, TypeVar

from google.protobuf.message import Message
from sqlalchemy.orm import Session

from . import audit

A = TypeVar("A")


def state_digest(aggregate) -> str:
    """A digest of an aggregate's state (its fields, without the events it recorded)."""
    return audit.digest({f.name: getattr(aggregate, f.name)
                         for f in dataclasses.fields(aggregate) if f.name != "events"}
                        if dataclasses.is_dataclass(aggregate) else vars(aggregate))


class Repository(ABC, Generic[A]):
    def __init__(self, session: Session):
        self.session = session
        self.seen: list[A] = []
        self._loaded: dict[int, str] = {}  # id(aggregate) → state digest when loaded
        # resources changed other than through an aggregate (a row a repository adds)
        self.touched: set[str] = set()

    def _track(self, aggregate: A) -> A:
        if not any(a is aggregate for a in self.seen):
            self.seen.append(aggregate)
            self._loaded[id(aggregate)] = state_digest(aggregate)
        return aggregate

    def add(self, aggregate: A) -> None:
        """A new aggregate, written at commit."""
        if not any(a is aggregate for a in self.seen):
            self.seen.append(aggregate)

    @abstractmethod
    def _write(self, aggregate: A) -> None:
        """Writes an aggregate's state to its rows (the session flushes at commit)."""

    def flush(self) -> list[Message]:
        """Writes back every aggregate seen; returns the events they recorded."""
        events: list[Message] = []
        for aggregate in self.seen:
            self._write(aggregate)
            recorded = getattr(aggregate, "events", [])
            events.extend(recorded)
            recorded.clear()
        return events

    def changed(self) -> dict[str, str]:
        """Name → state digest of each aggregate added or changed since it was loaded."""
        changed = {}
        for aggregate in self.seen:
            now = state_digest(aggregate)
            if self._loaded.get(id(aggregate)) != now:
                changed[getattr(aggregate, "name", type(aggregate).__name__)] = now
        return changed


class Repositories:
    """A service's repositories over one session; subclasses declare them as attributes."""

    def __init__(self, session: Session):
        self.session = session

    def all(self) -> list[Repository]:
        return [r for r in vars(self).values() if isinstance(r, Repository)]
