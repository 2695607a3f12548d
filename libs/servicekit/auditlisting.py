"""`ListAuditRecords`, the same in every service: the query, its handler and the
translation to the service's own `AuditRecord` proto (each proto package has one)."""

from dataclasses import dataclass
from datetime import datetime, timezone

from google.protobuf.message import Message

from . import audit, paging
from .errors import Violations
from .messagebus import Query
from .unitofwork import UnitOfWork


@dataclass(frozen=True)
class ListAuditRecords(Query):
    resource: str
    start: datetime | None
    end: datetime | None
    page_size: int
    after_seq: int

    @classmethod
    def parse(cls, request: Message) -> "ListAuditRecords":
        v = Violations()
        size = paging.page_size(request.page_size, v)
        after = paging.decode_token(request.page_token, v)
        if after is not None and not after.isdigit():
            v.add("page_token", "is not a token this service issued")
        start = _time(request, "start_time")
        end = _time(request, "end_time")
        v.check(start is None or end is None or start < end, "end_time",
                "must be after start_time")
        v.check(len(request.resource) <= 300 and " " not in request.resource, "resource",
                "must be a resource name")
        v.raise_if_any()
        return cls(request.resource, start, end, size,
                   int(after) if after and after.isdigit() else 0)


def _time(request: Message, field: str) -> datetime | None:
    if not request.HasField(field):
        return None
    return getattr(request, field).ToDatetime(tzinfo=timezone.utc)


def list_audit_records(uow: UnitOfWork, query: ListAuditRecords) -> tuple[list, str]:
    with uow:
        rows, last = audit.page(uow.session, uow.audit_tables, resource=query.resource,
                                start=query.start, end=query.end, after_seq=query.after_seq,
                                size=query.page_size)
    return rows, paging.encode_token(str(last)) if last is not None else ""


def to_proto(record_cls: type[Message], row) -> Message:
    out = record_cls(
        name=f"auditRecords/{row.seq}", sequence=row.seq, actor=row.actor_subject,
        actor_role=row.actor_role, actor_scope=row.actor_scope, method=row.method,
        request_id=row.request_id, resources=row.resources.split(), changes=row.changes,
        change_digest=row.digest, previous_hash=row.prev_hash, hash=row.hash)
    out.record_time.FromDatetime(datetime.strptime(row.recorded_at, "%Y-%m-%dT%H:%M:%S.%fZ")
                                 .replace(tzinfo=timezone.utc))
    return out


async def answer(bus, pb, request):
    """The ListAuditRecords RPC of any service; `pb` is that service's proto module."""
    rows, token = await bus.handle(ListAuditRecords.parse(request))
    return pb.ListAuditRecordsResponse(
        audit_records=[to_proto(pb.AuditRecord, r) for r in rows], next_page_token=token)
