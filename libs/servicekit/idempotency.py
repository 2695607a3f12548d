"""Idempotent commands by `request_id` (AIP-155), for every RPC whose request has one.

A repeat of a request (same caller subject, same method, same `request_id`) returns the
first answer and has no second effect; the same `request_id` with a different request is
INVALID_ARGUMENT. An empty `request_id` opts out. Only unary RPCs take part: a stream has
no single answer to replay.

How the parts meet, so no handler has to know:

1. The gRPC interceptor builds a `Pending` (the key and a SHA-256 of the request's
   deterministic serialisation) and puts it in a contextvar around the servicer.
2. The servicer runs its handler on a worker thread; `asyncio.to_thread` copies the
   context, so the handler's `UnitOfWork` sees the same `Pending` object.
3. `UnitOfWork.__enter__` inserts a claim row into the service's `idempotency` table,
   in the transaction that will hold the command's effects. A duplicate key means a
   repeat: entering raises `Repeated` with the stored answer (or INVALID_ARGUMENT when
   the digest differs), before the handler does anything.
4. The claim is *consumed* only when that unit of work commits (`Pending.claim` is set;
   the object is shared, although the contextvar itself is copied per thread). A unit
   of work left without commit (a failed command, or a read before the command) rolls
   its claim back, so the next one claims again and a failed command may be retried;
   after the commit, later units of work in the same RPC (a Get after the command) do
   not claim.
5. When the servicer returns, the interceptor stores the serialised answer in the claim
   row (a separate small update). A repeat that finds the claim but no answer yet (the
   first call is between its commit and that update) rereads for a moment, then gets
   ABORTED: the effect happened once; the caller can read the resource.

Concurrent repeats serialise on the claim's primary key (PostgreSQL makes the second
insert wait for the first transaction; SQLite writes are serial), so one applies.
Rows are kept; `created_at` allows pruning old ones (AIP-155 lets IDs expire)."""

import asyncio
import contextvars
import hashlib
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

from google.protobuf import descriptor_pool, message_factory
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message
from sqlalchemy import (Column, DateTime, LargeBinary, MetaData, String, Table, and_, insert,
                        select, update)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .errors import FieldViolation, InvalidArgument

ANSWER_WAIT_SECONDS = 2.0
_UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", re.I)


def idempotency_table(metadata: MetaData) -> Table:
    return Table(
        "idempotency", metadata,
        Column("caller", String(200), primary_key=True),
        Column("method", String(200), primary_key=True),
        Column("request_id", String(36), primary_key=True),
        Column("request_digest", String(64), nullable=False),
        Column("response", LargeBinary, nullable=True),  # set once the RPC has answered
        Column("created_at", DateTime(timezone=True), nullable=False),
    )


@dataclass
class Claim:
    """Where a committed claim lives, so the interceptor can store the answer there."""

    sessions: Callable[[], Session]  # of the service's database
    table: Table

    def _where(self, pending: "Pending"):
        t = self.table
        return and_(t.c.caller == pending.caller, t.c.method == pending.method,
                    t.c.request_id == pending.request_id)

    def store(self, pending: "Pending", response: bytes) -> None:
        with self.sessions() as session, session.begin():
            session.execute(update(self.table).where(self._where(pending))
                            .values(response=response))

    def stored_answer(self, pending: "Pending") -> bytes | None:
        with self.sessions() as session:
            return session.execute(select(self.table.c.response)
                                   .where(self._where(pending))).scalar()


@dataclass
class Pending:
    caller: str
    method: str
    request_id: str
    digest: str
    claim: Claim | None = field(default=None)  # set when a unit of work commits the claim


class Repeated(Exception):
    """Raised on entering a unit of work for a request whose `request_id` is claimed."""

    def __init__(self, pending: Pending, answer: bytes | None, claim: Claim):
        super().__init__(f"{pending.method} request_id {pending.request_id} seen before")
        self.pending, self.answer, self.claim = pending, answer, claim

    async def wait_for_answer(self, seconds: float = ANSWER_WAIT_SECONDS) -> bytes | None:
        """The first call's answer; None if it is not stored within `seconds`."""
        deadline = time.monotonic() + seconds
        answer = self.answer
        while answer is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            answer = await asyncio.to_thread(self.claim.stored_answer, self.pending)
        return answer


_pending: contextvars.ContextVar[Pending | None] = contextvars.ContextVar(
    "idempotent_request", default=None)


def pending_for(request: Message, caller: str, method: str) -> Pending | None:
    """The idempotency key of a request with a non-empty string `request_id`, else None."""
    fd = request.DESCRIPTOR.fields_by_name.get("request_id")
    if fd is None or fd.type != FieldDescriptor.TYPE_STRING or not request.request_id:
        return None
    if not _UUID4.fullmatch(request.request_id):
        raise InvalidArgument([FieldViolation(
            "request_id", "must be a UUID4 such as 0f8fad5b-d9cb-469f-a165-70867728950e")])
    body = type(request)()
    body.CopyFrom(request)
    body.ClearField("request_id")  # in the key already, in whatever case
    digest = hashlib.sha256(body.SerializeToString(deterministic=True)).hexdigest()
    return Pending(caller, method, request.request_id.lower(), digest)


def begin(pending: Pending) -> contextvars.Token:
    return _pending.set(pending)


def end(token: contextvars.Token) -> None:
    _pending.reset(token)


def unclaimed() -> Pending | None:
    """The current RPC's key while no unit of work has committed a claim for it."""
    pending = _pending.get()
    return pending if pending is not None and pending.claim is None else None


def claim(session: Session, target: Claim, pending: Pending) -> None:
    """Inserts the claim in the session's transaction; raises Repeated or InvalidArgument
    when the key was claimed (and committed) before."""
    try:
        with session.begin_nested():
            session.execute(insert(target.table).values(
                caller=pending.caller, method=pending.method, request_id=pending.request_id,
                request_digest=pending.digest, created_at=datetime.now(timezone.utc)))
        return
    except IntegrityError:
        pass
    row = session.execute(select(target.table.c.request_digest, target.table.c.response)
                          .where(target._where(pending))).one()
    if row.request_digest != pending.digest:
        raise InvalidArgument([FieldViolation("request_id", "reused with a different request")])
    raise Repeated(pending, row.response, target)


def response_class(full_method: str) -> type[Message]:
    """The response message class of `/package.Service/Method`, from the descriptor pool."""
    name = full_method.lstrip("/").replace("/", ".")
    method = descriptor_pool.Default().FindMethodByName(name)
    return message_factory.GetMessageClass(method.output_type)
