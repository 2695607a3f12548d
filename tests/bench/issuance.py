"""Issuance and its propagation, driven through the real path, and the raw limit it is
compared with.

The project: signed `AssessmentPassed` events, exactly as accreditation's outbox relay
publishes them (its event signing key, `Nats-Msg-Id` = event ID, on its stream), pipelined
onto the bus; certificates consumes them, issues and publishes `CertificateIssued`;
registry consumes those into the talent pool. The times come from the services' own
tables afterwards: a certificate is issued when its outbox row commits
(`outbox.created_at` in certificates), in the pool when registry's inbox claims its event
(`inbox.applied_at`), joined on the event ID; nothing is polled per certificate.

The raw limit (`raw_limit`, in the load generator's process): the same work with nothing
around it — the same credential document and proof set (`dataintegrity.sign_set`, PyLD
RDFC-1.0 and JCS, Ed25519), the event, inserts of a batch per transaction into the same
tables, and the batch's publishes pipelined on JetStream."""

import asyncio
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import nats
from sqlalchemy import create_engine, func, insert, select

from anbao.certificates.v1 import events_pb2 as certificate_events
from servicekit import dates, eventsigning, natsauth
from servicekit.unitofwork import messaging_tables, new_event, subject_of
from services.certificates.adapters.orm import metadata as certificates_metadata
from services.registry.adapters.orm import metadata as registry_metadata

from . import dataset
from .load import quantile

ISSUED = subject_of(certificate_events.CertificateIssued)
BATCH = 500


async def _connect(url: str, credentials: Path):
    return await nats.connect(url, **natsauth.connect_options(natsauth.ADMIN, credentials))


def passers(count: int, tag: str) -> list:
    """`count` new passers (distinct people, so each gets a certificate)."""
    at = datetime.now(timezone.utc)
    out = []
    for i in range(count):
        event = dataset.passed(i, at)
        event.candidate = f"examSessions/{tag}/candidates/{i}"
        event.person = f"persons/{uuid.uuid4().hex}"
        out.append(event)
    return out


async def publish(url: str, credentials: Path, signing_key: str, events: list,
                  rate: float | None = None) -> float:
    """Publishes the events as accreditation's relay would, pipelined (`rate` per second
    when given, else as fast as the bus acknowledges); returns when it started (epoch)."""
    signer = eventsigning.Signer(signing_key)
    messages = []
    for event in events:
        subject, payload = subject_of(event), event.SerializeToString()
        messages.append((subject, payload, {"Nats-Msg-Id": event.event_id,
                                            eventsigning.HEADER: signer.sign(subject, payload)}))
    nc = await _connect(url, credentials)
    js = nc.jetstream()
    started, clock = time.time(), time.monotonic()
    try:
        if rate is None:
            for first in range(0, len(messages), BATCH):
                await asyncio.gather(*(js.publish(s, p, headers=h)
                                       for s, p, h in messages[first:first + BATCH]))
        else:
            pending = []
            for i, (s, p, h) in enumerate(messages):
                await asyncio.sleep(max(0.0, clock + i / rate - time.monotonic()))
                pending.append(asyncio.ensure_future(js.publish(s, p, headers=h)))
            await asyncio.gather(*pending)
    finally:
        await nc.close()
    return started


@dataclass
class Propagation:
    """What the services' tables say about certificates issued from `since` on."""

    certificates_url: str
    registry_url: str

    def __post_init__(self):
        self._cert = create_engine(_sqlalchemy_url(self.certificates_url))
        self._reg = create_engine(_sqlalchemy_url(self.registry_url))
        self._outbox = messaging_tables(certificates_metadata).outbox
        self._inbox = messaging_tables(registry_metadata).inbox

    def counts(self, since: datetime) -> tuple[int, int]:
        """(certificates issued, of them in the pool) since `since`."""
        issued = self._issued(since)
        with self._reg.connect() as conn:
            pooled = conn.execute(select(func.count()).select_from(self._inbox).where(
                self._inbox.c.subject == ISSUED, self._inbox.c.applied_at >= _db_time(since))
            ).scalar_one()
        return len(issued), pooled

    def _issued(self, since: datetime) -> dict[str, datetime]:
        o = self._outbox
        with self._cert.connect() as conn:
            return {r.event_id: _aware(r.created_at) for r in conn.execute(
                select(o.c.event_id, o.c.created_at).where(
                    o.c.subject == ISSUED, o.c.created_at >= _db_time(since)))}

    def wait(self, since: datetime, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            issued, pooled = self.counts(since)
            if issued >= count and pooled >= count:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"after {timeout:.0f} s only {issued} of {count} "
                                   f"certificates issued and {pooled} in the pool")
            time.sleep(0.5)

    def times(self, since: datetime) -> dict:
        """Issued and pooled times of every certificate since `since`, and latencies."""
        issued = self._issued(since)
        i = self._inbox
        with self._reg.connect() as conn:
            pooled = {r.event_id: _aware(r.applied_at) for r in conn.execute(
                select(i.c.event_id, i.c.applied_at).where(
                    i.c.subject == ISSUED, i.c.applied_at >= _db_time(since)))}
        latencies = [(pooled[e] - t).total_seconds() * 1e3 for e, t in issued.items()
                     if e in pooled]
        return {"issued": len(issued), "pooled": len(pooled),
                "last_issued": max(issued.values()), "last_pooled": max(pooled.values()),
                "p50_ms": quantile(latencies, 0.5), "p99_ms": quantile(latencies, 0.99)}

    def dispose(self) -> None:
        self._cert.dispose()
        self._reg.dispose()


def _sqlalchemy_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def _db_time(at: datetime):
    return at.astimezone(timezone.utc).replace(tzinfo=None)  # SQLite keeps naive UTC


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def burst(system, propagation: Propagation, count: int, tag: str,
          rate: float | None = None, timeout: float = 3600) -> dict:
    """Publishes `count` passers (at `rate`/s, or at once), waits until every certificate
    is in the pool; issuance and propagation figures."""
    events = passers(count, tag)
    since = datetime.now(timezone.utc)
    started = asyncio.run(publish(system.nats_url, system.admin_credentials(),
                                  system.signing_key("accreditation"), events, rate))
    propagation.wait(since, count, timeout)
    t = propagation.times(since)
    issuing = t["last_issued"].timestamp() - started
    pooling = t["last_pooled"].timestamp() - started
    return {"passers": count, "rate_offered": rate, "issue_seconds": issuing,
            "certificates_per_second": count / issuing, "pool_seconds": pooling,
            "pool_over_issue": pooling / issuing,
            "issue_to_pool_p50_ms": t["p50_ms"], "issue_to_pool_p99_ms": t["p99_ms"]}


def raw_limit(count: int, nats_url: str, credentials: str, database_url: str) -> dict:
    """In the load generator's process: certificates/s of the bare work (see above)."""
    return asyncio.run(_raw(count, nats_url, Path(credentials), database_url))


async def _raw(count: int, nats_url: str, credentials: Path, database_url: str) -> dict:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from servicekit import dataintegrity as di
    from servicekit.db import Database
    from services.certificates import contexts
    from services.certificates.adapters.orm import CertificateRow, StatusEntryRow
    from services.certificates.domain import credential, numbering, statuslist
    from .system import PUBLIC_BASE_URL

    key = Ed25519PrivateKey.generate()
    method = di.did_key_verification_method(key.public_key())
    issuer = credential.Issuer(method.split("#", 1)[0], contexts.DEFAULT_URL)
    loader = contexts.loader(contexts.DEFAULT_URL, contexts.DEFAULT_BASE)
    suites = di.PROFILE_SUITES["ed25519"]
    signer = eventsigning.Signer(eventsigning.new_key())
    db = Database(database_url, certificates_metadata)
    certificates_metadata.create_all(db.engine)
    outbox = messaging_tables(certificates_metadata).outbox
    nc = await _connect(nats_url, credentials)
    js = nc.jetstream()
    stream = f"BENCH_RAW_{uuid.uuid4().hex[:8]}"
    await js.add_stream(name=stream, subjects=[f"bench.raw.{stream}.>"])
    run = uuid.uuid4().hex[:6]
    events = passers(count, f"raw-{run}")
    started = time.perf_counter()
    try:
        for first in range(0, count, BATCH):
            rows, entries, published, now = [], [], [], datetime.now(timezone.utc)
            created = now.strftime("%Y-%m-%dT%H:%M:%SZ")
            for i, passed in enumerate(events[first:first + BATCH], start=first):
                number = numbering.compose(f"{passed.organisation_prefix}{now.year % 100:02d}"
                                           f"{passed.level}", i + 1)
                positions = [statuslist.Position(p, 1, i) for p in statuslist.PURPOSES]
                facts = SimpleNamespace(
                    number=number, person_id=passed.person.removeprefix("persons/"),
                    holder_name=passed.holder_name, resident_id_masked=passed.resident_id_masked,
                    occupation_code=passed.occupation_code,
                    occupation_name=passed.occupation_name, level=passed.level,
                    issue_date=now.date(),
                    # CERT-5: as Certificate.issue names the issuer and the examiner
                    issuing_organisation=passed.issuer_name or passed.organisation_name,
                    evaluation_organisation=(passed.organisation_name
                                             if passed.issuer_name not in
                                             ("", passed.organisation_name) else ""),
                    institution=passed.institution, training_class="")
                document = credential.document(facts, issuer, now, statuslist.entries(
                    positions, PUBLIC_BASE_URL))
                signed = di.sign_set(document, key, verification_method=method,
                                     created=created, cryptosuites=suites, loader=loader)
                rows.append({"number": number, "candidate": f"{passed.candidate}/{run}",
                             "person_id": facts.person_id, "holder_name": facts.holder_name,
                             "resident_id_masked": facts.resident_id_masked,
                             "occupation_code": facts.occupation_code,
                             "occupation_name": facts.occupation_name, "level": facts.level,
                             "issue_date": facts.issue_date,
                             "issuing_organisation": facts.issuing_organisation,
                             "institution": facts.institution, "status": 1, "key_id": method,
                             "credential_json": credential.serialise(signed), "created_at": now,
                             "region_code": passed.region_code,
                             "holding": f"{facts.person_id}/{facts.occupation_code}/{facts.level}"})
                entries += [{"purpose": p.purpose, "list_number": p.list_number,
                             "position": p.position, "certificate": number, "set": False}
                            for p in positions]
                event = new_event(certificate_events.CertificateIssued,
                                  certificate=f"certificates/{number}", number=number,
                                  person=passed.person, holder_name=facts.holder_name,
                                  occupation_code=facts.occupation_code,
                                  occupation_name=facts.occupation_name, level=facts.level,
                                  issue_date=dates.to_proto(facts.issue_date),
                                  issuing_organisation=facts.issuing_organisation,
                                  institution=facts.institution, candidate=passed.candidate)
                published.append((event.event_id, event.SerializeToString()))
            with db.engine.begin() as conn:
                conn.execute(insert(CertificateRow.__table__), rows)
                conn.execute(insert(StatusEntryRow.__table__), entries)
                conn.execute(insert(outbox), [{"event_id": e, "subject": ISSUED, "payload": p,
                                               "created_at": now} for e, p in published])
            subject = f"bench.raw.{stream}.CertificateIssued"
            await asyncio.gather(*(js.publish(subject, p, headers={
                "Nats-Msg-Id": e, eventsigning.HEADER: signer.sign(subject, p)})
                for e, p in published))
        seconds = time.perf_counter() - started
    finally:
        await js.delete_stream(stream)
        await nc.close()
        db.dispose()
    return {"certificates": count, "seconds": seconds, "certificates_per_second": count / seconds}
