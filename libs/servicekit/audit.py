"""The append-only audit log of one service: who did what to which resources, when.

Every unit of work that changes something appends one record in its own transaction
(`UnitOfWork.commit`), so a handler cannot forget it. A record names the actor (the
caller of the RPC, or the consumer and event ID of an applied event), the RPC's full
method or the event's subject, the request ID, the time (UTC), the resources whose
state changed, and `changes`: a canonical JSON of digests (SHA-256) — of each changed
aggregate's state, of each database row written (as read back in the transaction), and
of each event emitted. Only digests, names and keys: never a resident ID, phone or
name in plaintext.

Records form a hash chain: `hash = SHA-256(prev_hash || canonical(record))` with a
sequence number, so an edit, a deletion or a reordering breaks a link. Appends are
serialised (a PostgreSQL advisory lock held to commit; SQLite writes are serial), so two
transactions never chain to the same record. Every `every` records, or when `seconds`
have passed since the last one, a checkpoint signs (seq, hash) with the service's
Ed25519 audit key: truncating the tail before a checkpoint is caught by it, and the
signatures say the chain was the service's.

`verify` checks all of it, and recomputes the digest of every row named by the latest
record that wrote it: an SQL UPDATE of a business table that no unit of work made shows
as a row whose digest no longer matches."""

import base64
import contextvars
import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Iterable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (Ed25519PrivateKey,
                                                               Ed25519PublicKey)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import (Column, Integer, LargeBinary, MetaData, String, Table, Text, and_,
                        insert, or_, select, text)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

GENESIS = "0" * 64
# the advisory lock that serialises appends on PostgreSQL (one database per service;
# not the migrators' lock)
_PG_LOCK_KEY = 0x6175646974  # "audit"
# a row's digest in `changes` when the unit of work deleted it
DELETED = "deleted"


@dataclass(frozen=True)
class AuditTables:
    record: Table
    checkpoint: Table


def audit_tables(metadata: MetaData) -> AuditTables:
    """The audit tables of one service, in its own metadata (once)."""
    if "audit_record" in metadata.tables:
        return AuditTables(metadata.tables["audit_record"], metadata.tables["audit_checkpoint"])
    record = Table(
        "audit_record", metadata,
        Column("seq", Integer, primary_key=True, autoincrement=False),
        # ISO 8601 UTC with microseconds: the same text on every backend, ordered as time
        Column("recorded_at", String(32), nullable=False, index=True),
        Column("actor_subject", String(200), nullable=False),
        Column("actor_role", String(50), nullable=False),
        Column("actor_scope", String(200), nullable=False),
        Column("method", String(200), nullable=False),
        Column("request_id", String(200), nullable=False),
        # " name1 name2 " so a resource filter is one LIKE '% name %'
        Column("resources", Text, nullable=False),
        Column("changes", Text, nullable=False),
        Column("digest", String(64), nullable=False),
        Column("prev_hash", String(64), nullable=False),
        Column("hash", String(64), nullable=False),
    )
    checkpoint = Table(
        "audit_checkpoint", metadata,
        Column("seq", Integer, primary_key=True, autoincrement=False),
        Column("hash", String(64), nullable=False),
        Column("signed_at", String(32), nullable=False),
        Column("key_id", String(64), nullable=False),
        Column("signature", LargeBinary, nullable=False),
    )
    return AuditTables(record, checkpoint)


# --- the call being served -------------------------------------------------------------

@dataclass(frozen=True)
class Call:
    method: str  # the RPC's full method: /anbao.registry.v1.RegistryService/RegisterPerson
    request_id: str


_call: contextvars.ContextVar[Call | None] = contextvars.ContextVar("audit_call", default=None)


def bind_call(method: str, request_id: str) -> contextvars.Token:
    """The gRPC interceptor binds each RPC, so units of work inside it name it."""
    return _call.set(Call(method, request_id))


def unbind_call(token: contextvars.Token) -> None:
    _call.reset(token)


def current_call() -> Call | None:
    return _call.get()


@dataclass(frozen=True)
class Actor:
    subject: str
    role: str
    scope: str
    method: str
    request_id: str


# --- canonical forms and digests -------------------------------------------------------

def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"no canonical form for {type(value).__name__}")


def canonical(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8: one byte string per value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=_plain).encode()


def digest(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


def _chained(prev_hash: str, fields: dict) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical(fields)).hexdigest()


_HASHED = ("seq", "recorded_at", "actor_subject", "actor_role", "actor_scope", "method",
           "request_id", "resources", "digest")


def record_hash(row: dict) -> str:
    """`SHA-256(prev_hash || canonical(record))`; `changes` is covered by its digest."""
    return _chained(row["prev_hash"], {k: row[k] for k in _HASHED})


def _timestamp(at: datetime) -> str:
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def row_key(table: Table, row: Any) -> dict:
    """A row's primary key as JSON values, {column: value}."""
    return {c.name: json.loads(canonical(getattr(row, c.name))) for c in table.primary_key}


def row_digest(table: Table, row: Any) -> str:
    return digest({c.name: getattr(row, c.name) for c in table.columns})


def read_rows(conn: Connection | Session, table: Table, keys: list[dict]) -> dict[str, Any]:
    """The rows at `keys`, by canonical key text; absent ones are missing."""
    found: dict[str, Any] = {}
    columns = list(table.primary_key)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        if len(columns) == 1:
            where = columns[0].in_([k[columns[0].name] for k in chunk])
        else:
            where = or_(*(and_(*(c == k[c.name] for c in columns)) for k in chunk))
        for row in conn.execute(select(table).where(where)):
            found[canonical(row_key(table, row)).decode()] = row
    return found


# --- signing ---------------------------------------------------------------------------

class Signer:
    """The service's audit key: Ed25519 from a generated 32-byte secret (base64)."""

    def __init__(self, private_key: Ed25519PrivateKey):
        self._key = private_key
        self.public_key = private_key.public_key()
        self.key_id = key_id(self.public_key)

    @classmethod
    def from_secret(cls, secret: str) -> "Signer":
        return cls(Ed25519PrivateKey.from_private_bytes(base64.b64decode(secret)))

    def sign(self, seq: int, hash_: str) -> bytes:
        return self._key.sign(_checkpoint_message(seq, hash_))


def public_key_of(secret: str) -> Ed25519PublicKey:
    return Signer.from_secret(secret).public_key


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:32]


def _checkpoint_message(seq: int, hash_: str) -> bytes:
    return canonical({"audit_checkpoint": {"seq": seq, "hash": hash_}})


# --- appending -------------------------------------------------------------------------

class AuditLog:
    """Appends records to one service's chain; checkpoints it when one is due."""

    def __init__(self, tables: AuditTables, signer: Signer | None = None, every: int = 100,
                 seconds: float = 300.0):
        self.tables, self.signer = tables, signer
        self.every, self.seconds = every, seconds

    def append(self, session: Session, actor: Actor, resources: Iterable[str],
               changes: dict, at: datetime) -> int:
        """Adds one record after the chain's head, in the session's transaction; returns
        its sequence number. Holds the chain until the transaction ends."""
        _lock_chain(session)
        t = self.tables.record
        head = session.execute(select(t.c.seq, t.c.hash).order_by(t.c.seq.desc())
                               .limit(1)).first()
        seq, prev_hash = (head.seq + 1, head.hash) if head else (1, GENESIS)
        changes_text = canonical(changes).decode()
        row = {"seq": seq, "recorded_at": _timestamp(at), "actor_subject": actor.subject,
               "actor_role": actor.role, "actor_scope": actor.scope, "method": actor.method,
               "request_id": actor.request_id,
               "resources": " " + " ".join(sorted(set(resources))) + " " if resources else "",
               "changes": changes_text,
               "digest": hashlib.sha256(changes_text.encode()).hexdigest(),
               "prev_hash": prev_hash}
        row["hash"] = record_hash(row)
        session.execute(insert(t).values(**row))
        if self.signer is not None and self._checkpoint_due(session, seq, at):
            self._checkpoint(session, seq, row["hash"], at)
        return seq

    def seal(self, session: Session, at: datetime) -> int | None:
        """Signs the chain's head when records came after the last checkpoint, so records
        are never left unsigned for longer than the interval, writes or no writes (the
        runtime calls it on a timer). Returns the sequence signed, if any."""
        if self.signer is None:
            return None
        _lock_chain(session)
        t, c = self.tables.record, self.tables.checkpoint
        head = session.execute(select(t.c.seq, t.c.hash).order_by(t.c.seq.desc())
                               .limit(1)).first()
        signed = session.execute(select(c.c.seq).order_by(c.c.seq.desc()).limit(1)).scalar()
        if head is None or (signed is not None and signed >= head.seq):
            return None
        self._checkpoint(session, head.seq, head.hash, at)
        return head.seq

    def _checkpoint_due(self, session: Session, seq: int, at: datetime) -> bool:
        if seq % self.every == 0:
            return True
        c = self.tables.checkpoint
        last = session.execute(select(c.c.signed_at).order_by(c.c.seq.desc()).limit(1)).first()
        return last is None or last.signed_at <= _timestamp(at - timedelta(seconds=self.seconds))

    def _checkpoint(self, session: Session, seq: int, hash_: str, at: datetime) -> None:
        session.execute(insert(self.tables.checkpoint).values(
            seq=seq, hash=hash_, signed_at=_timestamp(at), key_id=self.signer.key_id,
            signature=self.signer.sign(seq, hash_)))


def _lock_chain(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})


# --- reading ---------------------------------------------------------------------------

def page(session: Session, tables: AuditTables, *, resource: str, start: datetime | None,
         end: datetime | None, after_seq: int, size: int) -> tuple[list, int | None]:
    """Records oldest first after `after_seq`, filtered; and the last seq if more follow."""
    t = tables.record
    stmt = select(t).where(t.c.seq > after_seq)
    if resource:
        escaped = resource.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(t.c.resources.like(f"% {escaped} %", escape="\\"))
    if start is not None:
        stmt = stmt.where(t.c.recorded_at >= _timestamp(start))
    if end is not None:
        stmt = stmt.where(t.c.recorded_at < _timestamp(end))
    rows = session.execute(stmt.order_by(t.c.seq).limit(size + 1)).all()
    more = len(rows) > size
    rows = rows[:size]
    return rows, (rows[-1].seq if more else None)


# --- verifying -------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    seq: int
    what: str

    def __str__(self) -> str:
        return f"record {self.seq}: {self.what}"


def verify(conn: Connection | Session, tables: AuditTables,
           public_key: Ed25519PublicKey | None, business: MetaData | None = None
           ) -> list[Problem]:
    """Every problem found, in order: the chain's links and digests, the checkpoints'
    hashes and signatures, and (given the service's metadata) the current digest of every
    row the log says was last written as something else. Empty: all intact."""
    problems: list[Problem] = []
    t = tables.record
    hashes: dict[int, str] = {}
    latest_rows: dict[tuple[str, str], tuple[int, str]] = {}
    expected_seq, prev_hash = 1, GENESIS
    for row in conn.execute(select(t).order_by(t.c.seq)):
        r = row._mapping
        if r["seq"] != expected_seq:
            problems.append(Problem(expected_seq, f"missing: the next record is {r['seq']}"))
        if r["prev_hash"] != prev_hash:
            problems.append(Problem(r["seq"], "prev_hash does not match the previous record"))
        if hashlib.sha256(r["changes"].encode()).hexdigest() != r["digest"]:
            problems.append(Problem(r["seq"], "changes do not match their digest"))
        if record_hash(r) != r["hash"]:
            problems.append(Problem(r["seq"], "hash does not match the record's contents"))
        hashes[r["seq"]] = r["hash"]
        if business is not None:
            _note_rows(r, latest_rows, problems)
        expected_seq, prev_hash = r["seq"] + 1, r["hash"]
    problems.extend(_checkpoint_problems(conn, tables, public_key, hashes))
    if business is not None:
        problems.extend(_row_problems(conn, business, latest_rows))
    return sorted(problems, key=lambda p: p.seq)


def _checkpoint_problems(conn, tables: AuditTables, public_key: Ed25519PublicKey | None,
                         hashes: dict[int, str]) -> list[Problem]:
    problems = []
    c = tables.checkpoint
    for cp in conn.execute(select(c).order_by(c.c.seq)):
        if cp.seq not in hashes:
            problems.append(Problem(cp.seq, "a signed checkpoint names this record, which is "
                                            "missing (deleted or truncated)"))
        elif hashes[cp.seq] != cp.hash:
            problems.append(Problem(cp.seq, "hash differs from the signed checkpoint's"))
        if public_key is None:
            continue
        try:
            public_key.verify(bytes(cp.signature), _checkpoint_message(cp.seq, cp.hash))
        except InvalidSignature:
            problems.append(Problem(cp.seq, "checkpoint signature is not the audit key's"))
    return problems


def _note_rows(record, latest: dict, problems: list[Problem]) -> None:
    try:
        rows = json.loads(record["changes"]).get("rows", [])
        for table, key, row_hash in rows:
            latest[(table, canonical(key).decode())] = (record["seq"], row_hash)
    except (ValueError, TypeError, AttributeError):
        problems.append(Problem(record["seq"], "changes are not an audit change list"))


def _row_problems(conn, metadata: MetaData, latest: dict) -> list[Problem]:
    problems = []
    by_table: dict[str, list[tuple[str, int, str]]] = {}
    for (table, key), (seq, row_hash) in latest.items():
        by_table.setdefault(table, []).append((key, seq, row_hash))
    for name, entries in sorted(by_table.items()):
        table = metadata.tables.get(name)
        if table is None:
            problems.extend(Problem(seq, f"names unknown table {name}") for _, seq, _ in entries)
            continue
        current = read_rows(conn, table, [json.loads(k) for k, _, _ in entries])
        for key, seq, row_hash in entries:
            row = current.get(key)
            if row is None and row_hash != DELETED:
                problems.append(Problem(seq, f"{name} row {key} it wrote is gone"))
            elif row is not None and row_hash == DELETED:
                problems.append(Problem(seq, f"{name} row {key} it deleted exists"))
            elif row is not None and row_digest(table, row) != row_hash:
                problems.append(Problem(seq, f"{name} row {key} was changed outside the "
                                             "service: its digest no longer matches"))
    return problems

