"""The certificates the lookups run against: N real, signed certificates in a certificates
database, built once per size and backend and cached under data/bench/datasets.

Each one is made by the project's own code — an `AssessmentPassed` event through
`Certificate.issue`, numbered in its series, given two status-list positions, signed with
the service's `KeyRing` (sealed key in the database, proof set eddsa-jcs-2022 +
eddsa-rdfc-2022) — and bulk-inserted, thousands per transaction, into the service's own
tables (certificate, status_entry, serial_counter, status_list) of a database migrated by
the service's own migrations. Canonicalisation goes through `canonical_cache` (checked
against the real one); a run verifies a sample through the real public lookup, which
re-checks every proof with PyLD."""

import hashlib
import json
import random
import shutil
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from anbao.accreditation.v1 import events_pb2 as accreditation_events
from anbaoctl import secrets
from servicekit import dates, migrations
from servicekit.db import Database
from servicekit.unitofwork import utcnow
from services import manifest
from services.certificates import contexts
from services.certificates.adapters.keyring import KeyRing
from services.certificates.adapters.orm import (CertificateRow, SerialCounterRow,
                                                StatusEntryRow, StatusListRow, metadata)
from services.certificates.domain import statuslist
from services.certificates.domain.certificates import Certificate, Signing

from .canonical_cache import CanonicalCache
from .system import PUBLIC_BASE_URL

BATCH = 2000
SAMPLE = 200  # certificates the lookups cycle through, spread evenly over the dataset
ORGANISATIONS = 20
REGION = "220102"
OCCUPATION = ("5-05-02-02", "保安员")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥建文辉力志国荣斌"
ROW_FIELDS = [c.name for c in CertificateRow.__table__.columns]


def holder_name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + \
        GIVEN[(i // 7) % len(GIVEN)]


def passed(i: int, close_time) -> accreditation_events.AssessmentPassed:
    """The i-th passer's event, as accreditation would publish it."""
    organisation = i % ORGANISATIONS
    event = accreditation_events.AssessmentPassed(
        event_id=str(uuid.uuid4()), candidate=f"examSessions/bench{organisation}/candidates/{i}",
        person=f"persons/{i:032x}", holder_name=holder_name(i),
        resident_id_masked=f"22{'*' * 14}{i % 90 + 10:02d}",
        occupation_code=OCCUPATION[0], occupation_name=OCCUPATION[1], level=i // 7 % 5 + 1,
        institution=f"institutions/bench-{organisation:04d}",
        organisation_name=f"吉林省第{organisation + 1}职业技能评价中心",
        organisation_prefix=f"S000022{101 + organisation:06d}", region_code=REGION,
        exam_date=dates.to_proto(close_time.astimezone(dates.CHINA).date()))
    event.close_time.FromDatetime(close_time)
    event.occur_time.FromDatetime(close_time)
    return event


class _Positions:
    """Random free positions per status list, as the repository draws them."""

    def __init__(self):
        self.lists: dict[str, int] = {p: 1 for p in statuslist.PURPOSES}
        self.free: dict[str, list[int]] = {}
        self.allocated: dict[tuple[str, int], int] = {}

    def allocate(self, purpose: str, number: str) -> statuslist.Position:
        free = self.free.get(purpose)
        if not free:
            if free is not None:
                self.lists[purpose] += 1
            self.free[purpose] = free = random.sample(range(statuslist.LIST_BITS),
                                                      statuslist.FILL_LIMIT)
        key = (purpose, self.lists[purpose])
        self.allocated[key] = self.allocated.get(key, 0) + 1
        return statuslist.Position(purpose, self.lists[purpose], free.pop())


def key_encryption_key(root: Path) -> str:
    return secrets.ensure(root)[manifest.get("certificates").env("key_encryption_key")]


def build(url: str, n: int, root: Path, say=print) -> list[tuple[str, str]]:
    """Fills the (new) certificates database at `url` with `n` certificates; returns the
    sample of (number, holder name) the lookups use."""
    migrations.on_start("certificates", url, True)
    db = Database(url, metadata)
    keys = KeyRing(key_encryption_key(root), timedelta(days=730), profile="ed25519",
                   loader=contexts.loader(contexts.DEFAULT_URL, contexts.DEFAULT_BASE),
                   context_url=contexts.DEFAULT_URL)
    with db.session() as session:
        keys.load(session)  # makes and seals the signing key, as the service's first start
    serials: dict[str, int] = {}
    positions = _Positions()

    def next_serial(series: str) -> int:
        serials[series] = serials.get(series, 0) + 1
        return serials[series]

    every = max(1, n // SAMPLE)
    sample, started, cache = [], time.monotonic(), CanonicalCache(check_every=1000)
    with cache.installed():
        for first in range(0, n, BATCH):
            at = utcnow()
            signing = Signing(serial=next_serial, sign=keys.sign, issuer=keys.issuer(),
                              allocate=positions.allocate, status_base=PUBLIC_BASE_URL)
            rows, entries = [], []
            for i in range(first, min(n, first + BATCH)):
                certificate = Certificate.issue(passed(i, at), held=None, signing=signing, at=at)
                rows.append({f: getattr(certificate, f) for f in ROW_FIELDS})
                entries += [{"purpose": p.purpose, "list_number": p.list_number,
                             "position": p.position, "certificate": certificate.number,
                             "set": False} for p in certificate.positions]
                if i % every == 0 and len(sample) < SAMPLE:
                    sample.append((certificate.number, certificate.holder_name))
            with db.engine.begin() as conn:
                conn.execute(insert(CertificateRow.__table__), rows)
                conn.execute(insert(StatusEntryRow.__table__), entries)
            done = first + len(rows)
            if done % 50_000 == 0 or done == n:
                rate = done / (time.monotonic() - started)
                say(f"  dataset: {done:,} of {n:,} certificates ({rate:,.0f}/s; canonical "
                    f"forms checked against PyLD: {cache.checked})")
    with db.engine.begin() as conn:
        conn.execute(insert(SerialCounterRow.__table__),
                     [{"series": s, "last_serial": last} for s, last in serials.items()])
        conn.execute(insert(StatusListRow.__table__), [
            {"purpose": purpose, "number": number, "allocated": count, "version": 0,
             "changed_at": utcnow()} for (purpose, number), count in positions.allocated.items()])
    if url.startswith("sqlite"):  # one self-contained file to copy
        raw = db.engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    db.dispose()
    return sample


@dataclass(frozen=True)
class Dataset:
    size: int
    sample: list  # [(number, holder name)]
    source: str   # the cached SQLite file, or the PostgreSQL template database's URL

    def sampled(self, count: int) -> "Dataset":
        """With `count` of the sample, still spread over the whole dataset."""
        step = max(1, len(self.sample) // count)
        return Dataset(self.size, self.sample[::step][:count], self.source)

    def materialise(self, run_dir: Path) -> str:
        """A copy for one system to run on (the services write audit records and the
        like): the database URL of the copy."""
        if self.source.startswith("postgresql"):
            return _pg_copy(self.source, f"{Path(run_dir).name}_certificates")
        target = run_dir / "certificates.db"
        run_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.source, target)
        target.chmod(0o600)
        return f"sqlite:///{target}"


def _fingerprint(root: Path) -> str:
    return hashlib.sha256(key_encryption_key(root).encode()).hexdigest()[:16]


def cached(root: Path, size: int, postgres_url: str = "", say=print) -> Dataset:
    """The dataset of `size` certificates, built now unless it is in the cache (built with
    this deployment's key-encryption key)."""
    backend = "postgres" if postgres_url else "sqlite"
    folder = root / "datasets" / f"{backend}-{size}"
    meta_file = folder / "meta.json"
    if meta_file.exists():
        meta = json.loads(meta_file.read_text())
        if meta.get("fingerprint") == _fingerprint(root) and meta.get("size") == size:
            # a SQLite dataset is the file beside its meta, wherever the folder was moved
            source = meta["source"] if postgres_url else str(folder / "certificates.db")
            return Dataset(size, [tuple(s) for s in meta["sample"]], source)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    if postgres_url:
        source = _pg_create(postgres_url, f"anbao_bench_dataset_{size}")
    else:
        source = f"sqlite:///{folder / 'certificates.db'}"
    say(f"building the dataset of {size:,} signed certificates ({backend}; once, then cached "
        f"in {folder})")
    started = time.monotonic()
    sample = build(source, size, root, say)
    path = source if postgres_url else str(folder / "certificates.db")
    meta_file.write_text(json.dumps({"size": size, "fingerprint": _fingerprint(root),
                                     "source": path, "sample": sample,
                                     "build_seconds": round(time.monotonic() - started, 1)},
                                    ensure_ascii=False))
    return Dataset(size, sample, path)


def _pg_admin(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


def _pg_create(url: str, name: str, template: str | None = None) -> str:
    base = url.rsplit("/", 1)[0]
    with _pg_admin(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return f"{base}/{name}"


def _pg_copy(source: str, name: str) -> str:
    base, template = source.rsplit("/", 1)
    return _pg_create(f"{base}/postgres", name, template)


def main() -> None:
    """`python -m tests.bench.dataset SIZE`: builds (or finds) the cached dataset."""
    import os
    import sys

    dataset = cached(Path("data/bench").resolve(), int(sys.argv[1]),
                     os.environ.get("ANBAO_BENCH_POSTGRES_URL", ""))
    print(f"{dataset.size:,} certificates in {dataset.source}")


if __name__ == "__main__":
    main()
