"""TRN-6 and TRN-5 under concurrency, on the migrated schema of SQLite and PostgreSQL:
two payments of one class at once pay each claim once; two claims of one person at once
respect the yearly limits (the class's lock, and a per-person lock on PostgreSQL)."""

import threading
from datetime import date, datetime, timezone

from sqlalchemy import select

from servicekit import migrations
from servicekit.db import Database
from servicekit.errors import AlreadyExists, FailedPrecondition
from servicekit.unitofwork import UnitOfWork, messaging_tables
from services.training import subsidy_handlers as sh
from services.training.adapters.orm import metadata
from services.training.adapters.repository import TrainingRepositories
from services.training.adapters.subsidy_orm import SubsidyClaimRow, SubsidyLedgerRow
from services.training.domain import subsidy_commands as c
from tests.unit.test_training_subsidies import ADMIN, FILED_AT, RULES, completed_class, org


class Uows:
    """Units of work over a migrated database (what `MemoryUnitOfWorks` is in memory)."""

    def __init__(self, url: str):
        migrations.upgrade(url, migrations.script_location("training"))
        self.db = Database(url, metadata)
        self.tables = messaging_tables(metadata)

    def __call__(self, inbox=None):
        return UnitOfWork(self.db, self.tables, inbox=inbox, repositories=TrainingRepositories)


def at_once(*actions) -> list:
    """Runs the actions on threads released together; their results or exceptions."""
    barrier, results = threading.Barrier(len(actions)), [None] * len(actions)

    def run(i, action):
        barrier.wait()
        try:
            results[i] = action()
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_trn6_two_payments_at_once_pay_each_claim_once(db_urls, backend):
    uows = Uows(db_urls["training"])
    k = completed_class(uows, trainees=("p1", "p2"))
    for person in ("p1", "p2"):
        sh.file_subsidy_claim(uows(), c.FileSubsidyClaim.parse(
            org(k.institution_id), parent=k.name, person=f"persons/{person}", trainee_name="王",
            agreement=c.AgreementInput("2026-11-01", "ab" * 32, True)), rules=RULES, at=FILED_AT)
    sh.publicise_subsidy_claims(uows(), c.PubliciseSubsidyClaims.parse(
        ADMIN, parent=k.name, start_date="2026-11-23"), rules=RULES)
    pay = c.PaySubsidyClaims.parse(ADMIN, parent=k.name)
    later = sh.SubsidyRules(RULES.schedule, RULES.is_workday, lambda: date(2026, 12, 1))
    results = at_once(*[lambda: sh.pay_subsidy_claims(uows(), pay, rules=later)] * 2)
    refused = [r for r in results if isinstance(r, FailedPrecondition)]
    assert len(refused) == 1 and refused[0].reason == "TRN_6_NOTHING_TO_PAY", results
    with uows.db.session() as session:
        ledger = session.scalars(select(SubsidyLedgerRow)).all()
    assert sorted(e.person_id for e in ledger) == ["p1", "p2"]
    uows.db.dispose()


def test_trn5_two_claims_of_one_person_at_once_keep_the_yearly_limit(db_urls, backend):
    uows = Uows(db_urls["training"])
    classes = [completed_class(uows, trainees=("p1",)) for _ in range(2)]  # same occupation+level

    def claim(k):
        return lambda: sh.file_subsidy_claim(uows(), c.FileSubsidyClaim.parse(
            org(k.institution_id), parent=k.name, person="persons/p1", trainee_name="王",
            agreement=c.AgreementInput("2026-11-01", "ab" * 32, True)), rules=RULES,
            at=datetime.now(timezone.utc))

    results = at_once(*(claim(k) for k in classes))
    refused = [r for r in results if isinstance(r, (FailedPrecondition, AlreadyExists))]
    assert len(refused) == 1, results
    assert refused[0].reason == "TRN_5_SAME_OCCUPATION_LEVEL_ONCE_A_YEAR"
    with uows.db.session() as session:
        assert len(session.scalars(select(SubsidyClaimRow)).all()) == 1
    uows.db.dispose()
