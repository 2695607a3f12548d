"""The audit log's chain on SQLite and PostgreSQL: any edit, deletion, reordering or
truncation of its records is found and the first broken record named; concurrent
writers never fork the chain."""

import random
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, select, update

from servicekit import audit, fieldcrypto, migrations
from servicekit.db import Database
from servicekit.unitofwork import UnitOfWork, messaging_tables
from services.certificates.adapters.orm import SerialCounterRow, metadata

RECORDS, EVERY, TRIALS = 200, 10, 1000
TEXT_FIELDS = ("recorded_at", "actor_subject", "actor_role", "actor_scope", "method",
               "request_id", "resources", "changes", "digest", "prev_hash", "hash")


@pytest.fixture
def chain(db_urls):
    """A chain of RECORDS records, checkpointed every EVERY (the last one included)."""
    url = db_urls["certificates"]
    migrations.upgrade(url, migrations.script_location("certificates"))
    db = Database(url, metadata)
    tables = messaging_tables(metadata).audit
    signer = audit.Signer.from_secret(fieldcrypto.new_key())
    log = audit.AuditLog(tables, signer, every=EVERY, seconds=10**9)
    start = datetime(2026, 11, 20, tzinfo=timezone.utc)
    with db.session() as session:
        for i in range(RECORDS):
            actor = audit.Actor(f"user-{i % 7}", "province_admin", "", "/svc/Method", f"r{i}")
            log.append(session, actor, [f"institutions/{i % 13}"],
                       {"rows": [], "aggregates": {f"institutions/{i % 13}": f"{i:064x}"}},
                       start + timedelta(seconds=i))
        session.commit()
    yield db, tables, signer
    db.dispose()


def _mutate(conn, tables: audit.AuditTables, rng: random.Random) -> tuple[str, int | None]:
    """One random tampering; returns what it did and the record that must be named first."""
    t, c = tables.record, tables.checkpoint
    kind = rng.choice(["field", "delete", "swap", "truncate", "checkpoint"])
    if kind == "field":
        seq = rng.randint(1, RECORDS)
        field = rng.choice((*TEXT_FIELDS, "seq"))
        if field == "seq":
            conn.execute(update(t).where(t.c.seq == seq).values(seq=RECORDS + rng.randint(1, 99)))
        else:
            old = conn.execute(select(t.c[field]).where(t.c.seq == seq)).scalar_one()
            at = rng.randrange(len(old)) if old else 0
            new = old[:at] + rng.choice([x for x in "0aZ" if old[at:at + 1] != x]) + old[at + 1:]
            conn.execute(update(t).where(t.c.seq == seq).values({field: new}))
        return f"change {field} of {seq}", seq
    if kind == "delete":
        seq = rng.randint(1, RECORDS)
        conn.execute(delete(t).where(t.c.seq == seq))
        return f"delete {seq}", seq
    if kind == "swap":
        a, b = sorted(rng.sample(range(1, RECORDS + 1), 2))
        rows = {r.seq: r._mapping for r in conn.execute(select(t).where(t.c.seq.in_([a, b])))}
        for here, there in ((a, b), (b, a)):
            conn.execute(update(t).where(t.c.seq == here).values(
                {f: rows[there][f] for f in TEXT_FIELDS}))
        return f"swap {a} and {b}", a
    if kind == "truncate":  # cut the tail somewhere before the last checkpoint
        after = rng.randint(0, RECORDS - 1)
        conn.execute(delete(t).where(t.c.seq > after))
        return f"truncate after {after}", None
    seq = rng.randrange(EVERY, RECORDS + 1, EVERY)
    field = rng.choice(["hash", "signature", "seq"])
    value = {"hash": "f" * 64, "signature": bytes(64), "seq": seq - 1}[field]
    conn.execute(update(c).where(c.c.seq == seq).values({field: value}))
    return f"change checkpoint {seq}'s {field}", None


def test_every_random_edit_deletion_reordering_or_truncation_is_detected(chain):
    db, tables, signer = chain
    rng = random.Random(20261123)
    with db.engine.connect() as conn:
        assert audit.verify(conn, tables, signer.public_key) == []
        conn.rollback()
        for _ in range(TRIALS):
            transaction = conn.begin()
            try:
                what, first = _mutate(conn, tables, rng)
                problems = audit.verify(conn, tables, signer.public_key)
            finally:
                transaction.rollback()
            assert problems, f"not detected: {what}"
            if first is not None:
                assert problems[0].seq == first, (what, problems[:3])
        assert audit.verify(conn, tables, signer.public_key) == []


def test_a_checkpoint_signed_by_another_key_is_refused(chain):
    db, tables, _ = chain
    with db.engine.connect() as conn:
        problems = audit.verify(conn, tables, audit.Signer.from_secret(fieldcrypto.new_key())
                                .public_key)
    assert len(problems) == RECORDS // EVERY + 1  # the first record is signed too
    assert all("signature" in p.what for p in problems)


def test_concurrent_writers_never_chain_to_the_same_record(db_urls):
    url = db_urls["certificates"]
    migrations.upgrade(url, migrations.script_location("certificates"))
    db = Database(url, metadata)
    signer = audit.Signer.from_secret(fieldcrypto.new_key())
    log = audit.AuditLog(messaging_tables(metadata).audit, signer, every=7)

    def write(i: int) -> None:  # transactions that touch no common row but the chain
        with UnitOfWork(db, messaging_tables(metadata), audit_log=log) as uow:
            uow.session.add(SerialCounterRow(series=f"series-{i}", last_serial=i))
            uow.commit()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(write, range(200)))
    t = log.tables.record
    with db.engine.connect() as conn:
        assert conn.execute(select(t.c.seq).order_by(t.c.seq)).scalars().all() == \
            list(range(1, 201))
        assert audit.verify(conn, log.tables, signer.public_key, metadata) == []
    db.dispose()


def test_the_sealer_signs_records_that_no_later_write_would_checkpoint(db_urls):
    """Without it, the newest records stay unsigned until the next write, and cutting
    them off could not be told from their never having been written."""
    url = db_urls["registry"]
    migrations.upgrade(url, migrations.script_location("registry"))
    from services.registry.adapters.orm import metadata as registry_metadata

    db = Database(url, registry_metadata)
    tables = messaging_tables(registry_metadata).audit
    signer = audit.Signer.from_secret(fieldcrypto.new_key())
    log = audit.AuditLog(tables, signer, every=100, seconds=10**9)
    at = datetime(2026, 11, 20, tzinfo=timezone.utc)
    with db.session() as session, session.begin():
        for i in range(3):  # the first is signed at once; 2 and 3 are not
            log.append(session, audit.Actor("u", "province_admin", "", "/m", f"r{i}"),
                       [], {"rows": []}, at)
    with db.session() as session, session.begin():
        assert log.seal(session, at) == 3
    with db.session() as session, session.begin():
        assert log.seal(session, at) is None  # nothing new since
        session.execute(delete(tables.record).where(tables.record.c.seq == 3))
        problems = audit.verify(session, tables, signer.public_key, None)
        session.rollback()
    assert problems, "cutting off the newest record went unnoticed"
    db.dispose()
