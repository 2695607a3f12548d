"""Unit of work: one database transaction whose events go to the outbox in the same
commit (transactional outbox), whose consumed event IDs go to the inbox, and which
appends its audit record (`audit`) when it changed something."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

from google.protobuf.message import Message
from sqlalchemy import (Column, DateTime, Integer, LargeBinary, MetaData, String, Table,
                        event, insert)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_mapper

from . import audit, auth, idempotency, logs, tracing
from .db import Database
from .repository import Repositories


@dataclass(frozen=True)
class MessagingTables:
    outbox: Table
    inbox: Table
    idempotency: Table
    audit: audit.AuditTables


def messaging_tables(metadata: MetaData) -> MessagingTables:
    """The outbox, inbox and request_id claims of one service, in its own metadata (once)."""
    if "outbox" in metadata.tables:
        return MessagingTables(metadata.tables["outbox"], metadata.tables["inbox"],
                               metadata.tables["idempotency"], audit.audit_tables(metadata))
    outbox = Table(
        "outbox", metadata,
        Column("seq", Integer, primary_key=True, autoincrement=True),
        Column("event_id", String(64), nullable=False, unique=True),
        Column("subject", String(200), nullable=False),
        Column("payload", LargeBinary, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("published_at", DateTime(timezone=True), nullable=True, index=True),
        # the W3C traceparent of the span that committed it (`tracing`), when traced
        Column("trace_context", String(64), nullable=True),
    )
    inbox = Table(
        "inbox", metadata,
        Column("event_id", String(64), primary_key=True),
        Column("subject", String(200), nullable=False),
        Column("applied_at", DateTime(timezone=True), nullable=False),
    )
    return MessagingTables(outbox, inbox, idempotency.idempotency_table(metadata),
                           audit.audit_tables(metadata))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_event(cls: type[Message], **fields) -> Message:
    """An event with a fresh ID and occurrence time; the subject is its full proto name."""
    event = cls(event_id=str(uuid.uuid4()), **fields)
    event.occur_time.FromDatetime(utcnow())
    return event


def subject_of(event: Message | type[Message]) -> str:
    return event.DESCRIPTOR.full_name


class AlreadyApplied(Exception):
    """Raised on entering a unit of work for an event its inbox already holds."""


class Batch:
    """One transaction for several consumed events. Each event's unit of work runs in a
    savepoint of it (its inbox claim, writes, outbox rows and audit record, kept at its
    `commit()`, undone without it), and the batch commits once: one fsync for N events
    instead of N. The consumer acknowledges the events only after `commit()`."""

    def __init__(self, db: Database, on_commit: Callable[[], None] | None = None):
        self.session = db.session()
        self._on_commit = on_commit
        self.emitted = False

    def commit(self) -> None:
        self.session.commit()
        if self.emitted and self._on_commit:
            self._on_commit()

    def close(self) -> None:
        self.session.close()  # uncommitted: everything the batch did is rolled back


class UnitOfWork:
    """`with uow: ...; uow.commit()` — rolls back unless committed.

    Commands and events have one shape: the handler owns `with uow`. A unit of work made
    for a consumed event (`inbox=event`) claims the event's ID on entry, in the same
    transaction as the handler's effects, and raises AlreadyApplied for a redelivery, so
    event handlers never see the inbox. Likewise, inside an RPC with a `request_id`, the
    first unit of work to commit claims it (`idempotency`: Repeated on a repeat).

    Every commit that changed a row, emitted an event or recorded a read of unmasked
    personal data (`record_read`) appends one audit record in the same transaction: the
    rows written (every ORM flush is watched), the aggregates changed, the events. Without
    an `audit` log (handler tests) records are appended but no checkpoint is signed.

    A query's unit of work (`read_only`, see `messagebus.Query`) reads through the
    database's read pool, which never takes the write lock, and cannot commit. A
    consumed event's unit of work may be one of a `Batch`: then its commit keeps its
    changes in the batch's transaction, which the batch commits.

    Not re-entrant: a handler gets a fresh one per call from the service's factory."""

    def __init__(self, db: Database, tables: MessagingTables,
                 on_commit: Callable[[], None] | None = None, inbox: Message | None = None,
                 repositories: Callable[[Session], Repositories] = Repositories,
                 audit_log: audit.AuditLog | None = None, read_only: bool = False,
                 batch: Batch | None = None):
        self._db = db
        self.read_only = read_only
        self._batch = batch
        self._savepoint = None
        self._audit = audit_log or audit.AuditLog(tables.audit)
        self._make_repos = repositories
        self._tables = tables
        self._on_commit = on_commit
        self._inbox = inbox
        self._events: list[Message] = []
        self._claiming: idempotency.Pending | None = None
        self._written: dict[int, tuple[Table, object, bool]] = {}
        self._reads: list[tuple[list[str], list[str]]] = []
        self.session: Session
        self.repos: Any = None

    def __enter__(self) -> "UnitOfWork":
        if self.read_only:
            self.session = self._db.read_session()
            self.repos = self._make_repos(self.session)
            return self
        if self._batch is not None:
            self.session = self._batch.session
            self._savepoint = self.session.begin_nested()
        else:
            self.session = self._db.session()
        self.repos = self._make_repos(self.session)
        self._events, self._written, self._reads = [], {}, []
        event.listen(self.session, "after_flush", self._note_flush)
        if self._inbox is not None and not self._claim_inbox(self._inbox):
            self._end()
            raise AlreadyApplied(self._inbox.event_id)
        self._claiming = idempotency.unclaimed()
        if self._claiming is not None:
            try:
                idempotency.claim(self.session, self._claim_target(), self._claiming)
            except BaseException:
                self._end()
                raise
        return self

    def __exit__(self, *exc) -> None:
        self._end()

    def _end(self) -> None:
        if self._batch is None:
            # close() discards an uncommitted transaction (a rollback) and detaches the
            # loaded rows without expiring them, so handlers can return them
            self.session.close()
            return
        if self._savepoint.is_active:  # not committed: undo this event alone
            self._savepoint.rollback()
        event.remove(self.session, "after_flush", self._note_flush)

    @property
    def in_batch(self) -> bool:
        return self._batch is not None

    @property
    def reads_locally(self) -> bool:
        """Its database is a local SQLite file (or memory), not a server."""
        return self._db.url.startswith("sqlite")

    @property
    def audit_tables(self) -> audit.AuditTables:
        return self._tables.audit

    def emit(self, event: Message) -> None:
        self._events.append(event)

    def record_read(self, resources: list[str], revealed: list[str]) -> None:
        """Audits a read of unmasked personal data: the resources and the names of the
        fields revealed (never their values). The handler commits to record it."""
        self._reads.append((list(resources), list(revealed)))

    def _note_flush(self, session: Session, _context) -> None:
        for obj, deleted in [*((o, False) for o in session.new),
                             *((o, False) for o in session.dirty if session.is_modified(o)),
                             *((o, True) for o in session.deleted)]:
            self._written[id(obj)] = (object_mapper(obj).local_table, obj, deleted)

    def _claim_inbox(self, event: Message) -> bool:
        """Records a consumed event; False when it was applied before (redelivery)."""
        try:
            with self.session.begin_nested():
                self.session.execute(insert(self._tables.inbox).values(
                    event_id=event.event_id, subject=subject_of(event), applied_at=utcnow()))
        except IntegrityError:
            return False
        return True

    def _claim_target(self) -> idempotency.Claim:
        return idempotency.Claim(self._db.sessions, self._tables.idempotency)

    def commit(self) -> None:
        if self.read_only:
            raise RuntimeError("a query's unit of work cannot commit; make it a command")
        for repository in self.repos.all():
            self._events.extend(repository.flush())
        self.session.flush()
        now = utcnow()
        if self._events:
            parent = tracing.traceparent()  # the span that caused them, carried on the bus
            self.session.execute(insert(self._tables.outbox), [
                {"event_id": e.event_id, "subject": subject_of(e),
                 "payload": e.SerializeToString(), "created_at": now, "trace_context": parent}
                for e in self._events])
        self._append_audit(now)
        if self._batch is not None:
            self._savepoint.commit()
            self._batch.emitted |= bool(self._events)
            self._events, self._written, self._reads = [], {}, []
            return
        self.session.commit()
        if self._claiming is not None:  # consumed: later units of work in this RPC don't claim
            self._claiming.claim, self._claiming = self._claim_target(), None
        had_events, self._events = bool(self._events), []
        self._written, self._reads = {}, []
        if had_events and self._on_commit:
            self._on_commit()

    def _append_audit(self, now: datetime) -> None:
        rows = self._row_digests()
        if not (rows or self._events or self._reads):
            return
        aggregates: dict[str, str] = {}
        touched: set[str] = set()
        for repository in self.repos.all():
            aggregates.update(repository.changed())
            touched |= repository.touched
        changes = {"aggregates": aggregates, "rows": rows,
                   "events": [[subject_of(e), e.event_id,
                               audit.digest(e.SerializeToString())] for e in self._events]}
        if self._reads:
            changes["reads"] = [{"resources": r, "revealed": f} for r, f in self._reads]
        resources = {*aggregates, *touched, *(r for rs, _ in self._reads for r in rs)}
        self._audit.append(self.session, self._actor(), resources, changes, now)

    def _row_digests(self) -> list:
        """[table, key, digest] of every row written, as the database now holds it."""
        by_table: dict[str, tuple[Table, list[tuple[dict, bool]]]] = {}
        for table, obj, deleted in self._written.values():
            key = audit.row_key(table, obj)
            by_table.setdefault(table.name, (table, []))[1].append((key, deleted))
        out = []
        for name, (table, entries) in sorted(by_table.items()):
            current = audit.read_rows(self.session, table, [k for k, d in entries if not d])
            for key, deleted in entries:
                row = None if deleted else current.get(audit.canonical(key).decode())
                out.append([name, key, audit.row_digest(table, row) if row is not None
                            else audit.DELETED])
        return out

    def _actor(self) -> audit.Actor:
        """Who acts: the RPC's caller, or the consumer applying an event."""
        if self._inbox is not None:
            return audit.Actor(subject=logs.context().get("consumer", "consumer"),
                               role="event", scope="", method=subject_of(self._inbox),
                               request_id=self._inbox.event_id)
        caller, call = auth.current_caller(), audit.current_call()
        return audit.Actor(subject=caller.subject, role=caller.role, scope=caller.scope,
                           method=call.method if call else "",
                           request_id=call.request_id if call else "")
