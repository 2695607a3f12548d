"""Employers, their watches and their webhook deliveries, as rows. Times are written as
aware UTC; SQLite hands them back naive, so readers pass them through `aware`."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from anbao.certificates.v1 import certificates_pb2 as pb
from anbao.certificates.v1 import events_pb2
from servicekit import paging
from servicekit.errors import NotFound

from ..domain import webhooks
from .orm import DeliveryAttemptRow, DeliveryRow, EmployerRow, WatchRow

PENDING, DELIVERED, EXPIRED = (pb.DELIVERY_STATE_PENDING, pb.DELIVERY_STATE_DELIVERED,
                               pb.DELIVERY_STATE_EXPIRED)


def utc(at: datetime) -> datetime:
    return at.astimezone(timezone.utc) if at.tzinfo else at.replace(tzinfo=timezone.utc)


def aware(at: datetime | None) -> datetime | None:
    return at.replace(tzinfo=timezone.utc) if at is not None and at.tzinfo is None else at


def delivery_id(at: datetime) -> str:
    """Time-ordered (microseconds, hex) and unique: pages list deliveries oldest first."""
    return f"{int(utc(at).timestamp() * 1_000_000):014x}" \
           f"{secrets.token_hex(6)}"


@dataclass(frozen=True)
class Delivery:
    row: DeliveryRow
    attempts: list[DeliveryAttemptRow]


class Employers:
    def __init__(self, session: Session):
        self.session = session

    def add(self, row: EmployerRow) -> None:
        self.session.add(row)

    def find(self, uscc: str) -> EmployerRow | None:
        return self.session.get(EmployerRow, uscc)

    def get(self, uscc: str) -> EmployerRow:
        row = self.find(uscc)
        if row is None:
            raise NotFound(f"employers/{uscc} does not exist")
        return row


class Watches:
    def __init__(self, session: Session):
        self.session = session

    def find(self, employer: str, number: str) -> WatchRow | None:
        return self.session.get(WatchRow, (employer, number))

    def add(self, row: WatchRow) -> None:
        self.session.add(row)

    def remove(self, row: WatchRow) -> None:
        self.session.delete(row)

    def page(self, employer: str, page: paging.Page) -> tuple[list[WatchRow], str]:
        return paging.fetch_page(self.session, select(WatchRow).where(
            WatchRow.employer == employer), WatchRow.number, page)


class Deliveries:
    def __init__(self, session: Session):
        self.session = session

    def enqueue(self, event: events_pb2.CertificateStatusChanged, at: datetime) -> None:
        """EMP-2: a delivery per employer watching the certificate, in the status change's
        own transaction (so a change is never committed without its notifications, nor
        they without it); the watches record the new status."""
        watchers = self.session.scalars(select(WatchRow).where(
            WatchRow.number == event.number)).all()
        if not watchers:
            return
        body = webhooks.payload(event)
        for watch in watchers:
            watch.status = event.to_status
            self.session.add(DeliveryRow(
                id=delivery_id(at), employer=watch.employer, event_id=event.event_id,
                number=event.number, to_status=event.to_status, payload=body, state=PENDING,
                attempts=0, created_at=utc(at), next_attempt_at=utc(at)))

    def page(self, employer: str, page: paging.Page) -> tuple[list[Delivery], str]:
        rows, token = paging.fetch_page(self.session, select(DeliveryRow).where(
            DeliveryRow.employer == employer), DeliveryRow.id, page)
        attempts: dict[str, list[DeliveryAttemptRow]] = {r.id: [] for r in rows}
        if rows:
            for a in self.session.scalars(select(DeliveryAttemptRow).where(
                    DeliveryAttemptRow.delivery.in_(list(attempts)))
                    .order_by(DeliveryAttemptRow.attempt)):
                attempts[a.delivery].append(a)
        return [Delivery(r, attempts[r.id]) for r in rows], token

    # the dispatcher's side

    def due(self, now: datetime, limit: int) -> list[DeliveryRow]:
        return list(self.session.scalars(select(DeliveryRow).where(
            DeliveryRow.state == PENDING, DeliveryRow.next_attempt_at <= utc(now))
            .order_by(DeliveryRow.next_attempt_at).limit(limit)))

    def lease(self, row: DeliveryRow, until: datetime) -> bool:
        """Claims a due delivery for one attempt: moves its next attempt to `until`, only
        if no other dispatcher moved it first (compare and set). A dispatcher that dies
        mid-attempt leaves the lease to expire, and the delivery is tried again (at least
        once)."""
        t = DeliveryRow.__table__
        moved = self.session.execute(update(t).where(
            t.c.id == row.id, t.c.state == PENDING,
            t.c.next_attempt_at == row.next_attempt_at).values(next_attempt_at=utc(until)))
        if moved.rowcount != 1:
            return False
        # the row as now written, flushed again through the ORM: the audit log records
        # the lease like any write, so `anbao audit verify` sees no change from outside
        self.session.refresh(row)
        flag_modified(row, "next_attempt_at")
        self.session.flush()
        return True

    def record(self, delivery_id_: str, *, at: datetime, http_status: int, error: str,
               duration_ms: int, delivered: bool, next_attempt: datetime | None) -> None:
        row = self.session.get(DeliveryRow, delivery_id_)
        row.attempts += 1
        self.session.add(DeliveryAttemptRow(
            delivery=row.id, attempt=row.attempts, attempted_at=utc(at),
            http_status=http_status, error=error[:500], duration_ms=duration_ms))
        if delivered:
            row.state, row.delivered_at, row.next_attempt_at = DELIVERED, utc(at), None
        elif next_attempt is None:
            row.state, row.next_attempt_at = EXPIRED, None
        else:
            row.next_attempt_at = utc(next_attempt)

