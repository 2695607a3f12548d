"""CERT-1: serials are allocated atomically and never reused, also with concurrent
issuers (two certificates replicas consuming at once) on SQLite and PostgreSQL."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from anbao.accreditation.v1 import events_pb2 as acc_events
from servicekit import fieldcrypto
from servicekit.db import Database
from servicekit.unitofwork import UnitOfWork, new_event
from services.certificates import handlers
from services.certificates.adapters.keyring import KeyRing
from services.certificates.adapters.orm import CertificateRow, messaging, metadata


def passed(i: int, level: int = 3) -> acc_events.AssessmentPassed:
    event = new_event(acc_events.AssessmentPassed, candidate=f"examSessions/s/candidates/c{i}",
                      person=f"persons/p{i}", holder_name="张伟",
                      resident_id_masked="2201**********0011", occupation_code="3-02-02-00",
                      occupation_name="保卫管理员", level=level, institution="institutions/x",
                      organisation_name="评价中心", organisation_prefix="S000022000123",
                      exam_date="2026-11-20")
    event.close_time.GetCurrentTime()
    return event


def test_cert1_concurrent_issuers_get_distinct_consecutive_serials(db_urls):
    db = Database(db_urls["certificates"], metadata)
    db.create_schema()
    tables = messaging
    keys = KeyRing(fieldcrypto.new_key(), timedelta(days=30))
    with db.session() as session:
        keys.load(session)

    def issue(i: int) -> None:
        with UnitOfWork(db, tables) as uow:
            handlers.on_assessment_passed(uow, passed(i), keys=keys)
            uow.commit()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(issue, range(60)))
    with UnitOfWork(db, tables) as uow:
        handlers.on_assessment_passed(uow, passed(60, level=2), keys=keys)  # another series
        uow.commit()
        numbers = [r.number for r in uow.session.query(CertificateRow).all()]
    db.dispose()

    level3 = sorted(n for n in numbers if n[15] == "3")
    assert [int(n[-6:]) for n in level3] == list(range(1, 61))
    assert [n[-7:] for n in numbers if n[15] == "2"] == ["2000001"]
    assert len(set(numbers)) == 61
