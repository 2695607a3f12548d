"""CERT-1: serials are allocated atomically and never reused, also with concurrent
issuers (two certificates replicas consuming at once) on SQLite and PostgreSQL."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from servicekit import fieldcrypto, migrations
from servicekit.db import Database
from servicekit.unitofwork import UnitOfWork, messaging_tables
from services.certificates import handlers
from services.certificates.adapters.keyring import KeyRing
from services.certificates.adapters.repository import CertificatesRepositories
from services.certificates.adapters.orm import (CertificateRow, StatusEntryRow, StatusListRow,
                                                metadata)
from tests.builders import assessment_passed


def test_cert1_concurrent_issuers_get_distinct_consecutive_serials(db_urls):
    migrations.upgrade(db_urls["certificates"], migrations.script_location("certificates"))
    migrations.upgrade(db_urls["certificates"], migrations.script_location("certificates"))
    db = Database(db_urls["certificates"], metadata)

    def uow() -> UnitOfWork:
        return UnitOfWork(db, messaging_tables(metadata), repositories=CertificatesRepositories)

    keys = KeyRing(fieldcrypto.new_key(), timedelta(days=30))
    with db.session() as session:
        keys.load(session)

    issuing = handlers.Issuing(keys, lambda: "https://anbao.example")

    def issue(i: int) -> None:
        handlers.on_assessment_passed(uow(), assessment_passed(i), issuing=issuing)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(issue, range(60)))
    handlers.on_assessment_passed(uow(), assessment_passed(60, level=2), issuing=issuing)  # another series
    with db.session() as session:
        numbers = [r.number for r in session.query(CertificateRow).all()]
        entries = session.query(StatusEntryRow).all()  # CERT-3: a position each, per purpose
        lists = session.query(StatusListRow).all()
    db.dispose()

    level3 = sorted(n for n in numbers if n[15] == "3")
    assert [int(n[-6:]) for n in level3] == list(range(1, 61))
    assert [n[-7:] for n in numbers if n[15] == "2"] == ["2000001"]
    assert len(set(numbers)) == 61
    assert sorted(e.purpose for e in entries) == ["revocation"] * 61 + ["suspension"] * 61
    assert {e.certificate for e in entries} == set(numbers)
    assert sorted((x.purpose, x.number, x.allocated) for x in lists) == [
        ("revocation", 1, 61), ("suspension", 1, 61)]
