"""The talent pool across the system: the demo's due list and annual report (POOL-3,
POOL-4), their CSV and XLSX export from the CLI, and a revoked certificate leaving talent
search within 5 s (POOL-2)."""

import asyncio
import csv
import time
import uuid
from datetime import timedelta

from openpyxl import load_workbook
from typer.testing import CliRunner

from anbao.certificates.v1 import certificates_pb2 as cert
from anbao.registry.v1 import registry_pb2 as reg
from anbao.training.v1 import events_pb2 as training_events
from anbaoctl.demo import eventually, run_demo
from anbaoctl.main import app
from servicekit import dates
from servicekit.unitofwork import new_event
from tests import builders
from tests.e2e.test_certificate_status import endpoints

runner = CliRunner()


async def test_pool2_pool3_pool4_demo_due_list_report_exports_and_revocation(system, backend,
                                                                             tmp_path):
    result = await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=12)
    kinds = {kind: overdue for _, kind, _, overdue in result.rotation_due}
    assert kinds == {"ROTATION": True, "INITIAL": False}  # 张伟 three years on; 李娜 new
    assert result.annual_report.get(("3-02-02-00", 3), 0) == len(result.passed_persons)

    token = system.issuer.mint("cli-test", "province_admin")
    address = f"127.0.0.1:{system.runtimes()['registry'].port}"
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"due.{suffix}"
        run = await asyncio.to_thread(runner.invoke, app, [
            "pool", "due", "--region", "220000", "--within-days", "400", "--page-size", "1",
            "--out", str(out), "--address", address, "--token", token])
        assert run.exit_code == 0, run.output
        if suffix == "csv":
            rows = list(csv.reader(out.open(encoding="utf-8-sig")))
        else:
            rows = [list(r) for r in load_workbook(out, read_only=True).active.iter_rows(
                values_only=True)]
        assert len(rows) == 1 + 2 and {r[7] for r in rows[1:]} == {"ROTATION", "INITIAL"}
        assert all("*" in r[3] for r in rows[1:])  # masked resident IDs only
        out = tmp_path / f"report.{suffix}"
        run = await asyncio.to_thread(runner.invoke, app, [
            "pool", "report", "--region", "220000", "--out", str(out),
            "--address", address, "--token", token])
        assert run.exit_code == 0, run.output
        assert out.stat().st_size > 0
    report_rows = list(csv.reader((tmp_path / "report.csv").open(encoding="utf-8-sig")))
    assert ["3-02-02-00", "3"] == report_rows[1][2:4]
    assert int(report_rows[1][4]) == len(result.passed_persons)
    run = await asyncio.to_thread(runner.invoke, app, [
        "pool", "report", "--region", "220102", "--address", address, "--token", token])
    assert run.exit_code == 1 and "region_code" in run.output  # a county: not a report region

    # POOL-2: a revoked certificate leaves talent search within 5 s
    stubs = system.stubs()
    number = result.certificate_numbers[0]
    holder = (await stubs.certificates.GetCertificate(cert.GetCertificateRequest(
        name=f"certificates/{number}"), metadata=stubs.metadata)).person

    async def pooled() -> set:
        answer = await stubs.registry.SearchTalent(reg.SearchTalentRequest(
            occupation_code="3-02-02-00", region_code="220000", page_size=1000),
            metadata=stubs.metadata)
        return {p.name for p in answer.persons}

    assert holder in await pooled()
    await stubs.certificates.RevokeCertificate(cert.RevokeCertificateRequest(
        name=f"certificates/{number}", revocation_reason=cert.REVOCATION_REASON_FRAUD,
        reason="fraud found", request_id=str(uuid.uuid4())),
        metadata=stubs.metadata)
    started = time.monotonic()
    await eventually(lambda: _absent(holder, pooled), "the revoked holder to leave the pool",
                     timeout=5.0)
    assert time.monotonic() - started < 5.0


async def _absent(holder: str, pooled) -> bool:
    return holder not in await pooled()


def _emit_from_training(system, event) -> None:
    """Writes the event to the training service's own outbox, as its completion and payment
    handlers will once they exist (the skeleton publishes neither yet): its relay signs it
    with training's key and publishes it; registry authenticates and applies it."""
    uow = system.runtimes()["training"].uow()
    with uow:
        uow.emit(event)
        uow.commit()


async def test_pool1_pool3_pool4_training_events_reach_the_pool_across_the_bus(system, backend):
    stubs = system.stubs()
    r, md = stubs.registry, stubs.metadata
    cadre = await builders.person(stubs, "周强")
    appointed = dates.add_years(dates.today(), -3)
    await r.RecordCadreAppointment(reg.RecordCadreAppointmentRequest(
        parent=cadre.name, unit_name="长春市第一中学", industry=reg.INDUSTRY_SCHOOLS_HOSPITALS,
        appointed_date=dates.to_proto(appointed)), metadata=md)

    async def due() -> list:
        answer = await r.ListRotationTrainingDue(reg.ListRotationTrainingDueRequest(
            region_code="220000"), metadata=md)
        return [d for d in answer.dues if d.person == cadre.name]

    assert [d.overdue for d in await due()] == [True]
    ended = dates.today() - timedelta(days=10)
    await asyncio.to_thread(_emit_from_training, system, new_event(
        training_events.ClassCompleted, training_class="classes/e2e1", class_code="2026-轮训-1",
        institution="institutions/t1", institution_name="长春保安培训学校", region_code="220100",
        occupation_code="3-02-02-00", level=3,
        purpose=training_events.TRAINING_PURPOSE_CADRE_ROTATION,
        start_date=dates.to_proto(ended - timedelta(days=3)), end_date=dates.to_proto(ended),
        planned_class_hours=24, trainees=[training_events.CompletedTrainee(
            person=cadre.name, full_name="周强", class_hours=24)]))
    await eventually(lambda: _async_not(due), "the trained cadre to leave the due list",
                     timeout=10)
    profile = await r.GetTalentProfile(reg.GetTalentProfileRequest(
        name=f"{cadre.name}/talentProfile"), metadata=md)
    assert [(t.training_class, t.class_hours) for t in profile.training_records] == [
        ("classes/e2e1", 24)]

    year = dates.today().year
    before = await r.GetAnnualReport(reg.GetAnnualReportRequest(region_code="220100", year=year),
                                     metadata=md)
    await asyncio.to_thread(_emit_from_training, system, new_event(
        training_events.SubsidyPaid, claim="subsidyClaims/e2e1", training_class="classes/e2e1",
        institution="institutions/t1", person=cadre.name, region_code="220100",
        occupation_code="3-02-02-00", level=3, amount_fen=50000,
        paid_date=dates.to_proto(dates.today())))

    async def paid():
        now = await r.GetAnnualReport(reg.GetAnnualReportRequest(region_code="220100",
                                                                 year=year), metadata=md)
        return now.subsidies_paid_fen - before.subsidies_paid_fen == 50000

    await eventually(paid, "the subsidy in the annual report", timeout=10)


async def _async_not(source) -> bool:
    return not await source()
