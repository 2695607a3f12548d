"""Unit of work: one database transaction whose events go to the outbox in the same
commit (transactional outbox), and whose consumed event IDs go to the inbox."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from google.protobuf.message import Message
from sqlalchemy import (Column, DateTime, Integer, LargeBinary, MetaData, String, Table,
                        insert)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .db import Database


@dataclass(frozen=True)
class MessagingTables:
    outbox: Table
    inbox: Table


def messaging_tables(metadata: MetaData) -> MessagingTables:
    """The outbox and inbox of one service, in that service's own metadata (once)."""
    if "outbox" in metadata.tables:
        return MessagingTables(metadata.tables["outbox"], metadata.tables["inbox"])
    outbox = Table(
        "outbox", metadata,
        Column("seq", Integer, primary_key=True, autoincrement=True),
        Column("event_id", String(64), nullable=False, unique=True),
        Column("subject", String(200), nullable=False),
        Column("payload", LargeBinary, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("published_at", DateTime(timezone=True), nullable=True, index=True),
    )
    inbox = Table(
        "inbox", metadata,
        Column("event_id", String(64), primary_key=True),
        Column("subject", String(200), nullable=False),
        Column("applied_at", DateTime(timezone=True), nullable=False),
    )
    return MessagingTables(outbox, inbox)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_event(cls: type[Message], **fields) -> Message:
    """An event with a fresh ID and occurrence time; the subject is its full proto name."""
    event = cls(event_id=str(uuid.uuid4()), **fields)
    event.occur_time.FromDatetime(utcnow())
    return event


def subject_of(event: Message | type[Message]) -> str:
    return event.DESCRIPTOR.full_name


class UnitOfWork:
    """`with uow: ...; uow.commit()` — rolls back unless committed.

    Not re-entrant: a handler gets a fresh one per call from the service's factory."""

    def __init__(self, db: Database, tables: MessagingTables,
                 on_commit: Callable[[], None] | None = None):
        self._db = db
        self._tables = tables
        self._on_commit = on_commit
        self._events: list[Message] = []
        self.session: Session

    def __enter__(self) -> "UnitOfWork":
        self.session = self._db.session()
        self._events = []
        return self

    def __exit__(self, *exc) -> None:
        # close() discards an uncommitted transaction (a rollback) and detaches the loaded
        # rows without expiring them, so handlers can return them
        self.session.close()

    def emit(self, event: Message) -> None:
        self._events.append(event)

    def claim_inbox(self, event_id: str, subject: str) -> bool:
        """Records a consumed event; False when it was applied before (redelivery)."""
        try:
            with self.session.begin_nested():
                self.session.execute(insert(self._tables.inbox).values(
                    event_id=event_id, subject=subject, applied_at=utcnow()))
        except IntegrityError:
            return False
        return True

    def commit(self) -> None:
        if self._events:
            now = utcnow()
            self.session.execute(insert(self._tables.outbox), [
                {"event_id": e.event_id, "subject": subject_of(e),
                 "payload": e.SerializeToString(), "created_at": now}
                for e in self._events])
        self.session.commit()
        had_events, self._events = bool(self._events), []
        if had_events and self._on_commit:
            self._on_commit()
