"""What must hold once the faults stop and the system has drained, read from the services'
own databases and from JetStream:

- certificates == passers (acknowledged publishes + passers of the sessions driven through
  the API), one per passer (no candidate twice), no number twice;
- serials gapless per series: 1..n with n = the series' counter;
- talent-pool entries == certificates, number for number;
- every outbox drained (published_at set on every row);
- every durable consumer with nothing pending (num_pending and num_ack_pending 0);
- every acknowledged publish applied (its event ID in certificates' inbox);
- the dead-letter stream holds the poison messages and nothing else."""

import asyncio
import time
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import create_engine, inspect, text

from anbao.accreditation.v1 import events_pb2 as accreditation_events
from servicekit import deadletters

PASSED = accreditation_events.AssessmentPassed.DESCRIPTOR.full_name


@dataclass
class Check:
    name: str
    expected: object
    actual: object

    @property
    def ok(self) -> bool:
        return self.expected == self.actual


def engine(url: str):
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1),
                         pool_pre_ping=True)


class Reader:
    def __init__(self, db_urls: dict[str, str]):
        self.engines = {name: engine(url) for name, url in db_urls.items()}

    def dispose(self) -> None:
        for e in self.engines.values():
            e.dispose()

    def scalar(self, service: str, sql: str, **params):
        with self.engines[service].connect() as conn:
            return conn.execute(text(sql), params).scalar_one()

    def column(self, service: str, sql: str, **params) -> list:
        with self.engines[service].connect() as conn:
            return [r[0] for r in conn.execute(text(sql), params)]

    def api_passers(self) -> int:
        """Passers accreditation published itself (sessions driven through the API)."""
        return self.scalar("accreditation", "SELECT count(*) FROM outbox WHERE subject = :s",
                           s=PASSED)

    def certificates(self) -> int:
        return self.scalar("certificates", "SELECT count(*) FROM certificate")

    def pooled(self) -> int:
        return self.scalar("registry", "SELECT count(*) FROM held_certificate")

    def undrained(self) -> dict[str, int]:
        out = {}
        for name, e in self.engines.items():
            if inspect(e).has_table("outbox"):
                out[name] = self.scalar(name, "SELECT count(*) FROM outbox "
                                              "WHERE published_at IS NULL")
        return out


async def consumer_backlog(js) -> dict[str, tuple[int, int]]:
    """(num_pending, num_ack_pending) of every durable consumer of every stream."""
    out = {}
    for stream in await js.streams_info():
        for consumer in await js.consumers_info(stream.config.name):
            out[consumer.name] = (consumer.num_pending, consumer.num_ack_pending)
    return out


def settled(reader: Reader, expected_certificates: int, backlog: dict) -> bool:
    return (reader.certificates() >= expected_certificates
            and reader.pooled() >= expected_certificates
            and not any(reader.undrained().values())
            and all(p == (0, 0) for p in backlog.values()))


async def settled_backlog(js, consumers: set[str], patience: float = 60.0) -> dict:
    """The consumers' backlog once every consumer answers with nothing pending, or the
    last answer after `patience` s: just after a node's restart, a consumer's new leader
    may answer late or with a stale count before it has caught up."""
    deadline = time.monotonic() + patience
    while True:
        try:
            backlog = await consumer_backlog(js)
        except Exception:  # noqa: BLE001 - a node still electing: ask again
            backlog = {}
        if (set(backlog) >= consumers and all(p == (0, 0) for p in backlog.values())) \
                or time.monotonic() > deadline:
            return backlog
        await asyncio.sleep(1.0)


async def check(reader: Reader, js, acked: set[str], poison_ids: set[str],
                consumers: set[str]) -> tuple[dict, list[Check]]:
    """The figures, and the checks."""
    api_passers = reader.api_passers()
    passers = len(acked) + api_passers
    numbers = reader.column("certificates", "SELECT number FROM certificate")
    candidates = reader.scalar("certificates", "SELECT count(DISTINCT candidate) FROM certificate")
    pool = set(reader.column("registry", "SELECT number FROM held_certificate"))
    applied = set(reader.column("certificates", "SELECT event_id FROM inbox WHERE subject = :s",
                                s=PASSED))
    series: dict[str, list[int]] = defaultdict(list)
    for number in numbers:
        series[number[:16]].append(int(number[16:]))
    counters = dict((s, n) for s, n in _rows(reader, "certificates",
                                             "SELECT series, last_serial FROM serial_counter"))
    # a counter past its certificates is a gap too (a serial taken and never issued)
    gapped = sorted(s for s in set(series) | {s for s, n in counters.items() if n}
                    if sorted(series.get(s, [])) != list(range(1, counters.get(s, 0) + 1)))
    backlog = await settled_backlog(js, consumers)
    letters = await deadletters.read_all(js)
    dead_ids = {letter.headers.get("Nats-Msg-Id", "") for letter in letters}
    figures = {"passers published (acked)": len(acked), "passers of API sessions": api_passers,
               "certificates": len(numbers), "talent-pool entries": len(pool),
               "series": len(series), "dead letters": len(letters)}
    return figures, [
        Check("certificates == passers", passers, len(numbers)),
        Check("duplicate numbers", 0, len(numbers) - len(set(numbers))),
        Check("passers certified twice", 0, len(numbers) - candidates),
        Check(f"series with a serial gap (of {len(series)})", 0, len(gapped)),
        Check("talent-pool entries == certificates", len(numbers), len(pool)),
        Check("certificates missing from the pool", 0, len(set(numbers) - pool)),
        Check("outbox rows not published", 0, sum(reader.undrained().values())),
        Check(f"consumers with pending messages (of {len(consumers)})", "none",
              ", ".join(sorted(n for n, p in backlog.items() if p != (0, 0)))
              or (f"missing: {', '.join(sorted(consumers - set(backlog)))}"
                  if consumers - set(backlog) else "none")),
        Check("acked publishes lost (not applied)", 0, len(acked - applied)),
        Check("poison messages dead-lettered", len(poison_ids), len(poison_ids & dead_ids)),
        Check("good events dead-lettered", 0, len(dead_ids - poison_ids)),
    ]


def _rows(reader: Reader, service: str, sql: str) -> list:
    with reader.engines[service].connect() as conn:
        return list(conn.execute(text(sql)))

