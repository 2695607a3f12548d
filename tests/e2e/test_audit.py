"""The audit log over the whole flow: every command of the demo is in its service's log
with its actor, only an auditor may read the log, no personal data is in it, and
`anbao audit verify` catches an SQL edit of an institution's history or a score."""

import re

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import text
from typer.testing import CliRunner

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbaoctl.demo import run_demo
from anbaoctl.main import app
from servicekit import logs
from servicekit.db import make_engine
from services import manifest
from tests.e2e.test_flow import endpoints
from tests.harness import eventually

ACC = "/anbao.accreditation.v1.AccreditationService/"


async def records(stubs, service: str, **filters) -> list:
    """Every record of a service's log, a few per page."""
    module = manifest.get(service).proto_module
    out, token = [], ""
    while True:
        answer = await getattr(stubs, service).ListAuditRecords(
            module.ListAuditRecordsRequest(page_size=7, page_token=token, **filters),
            metadata=stubs.metadata, timeout=10)
        out.extend(answer.audit_records)
        token = answer.next_page_token
        if not token:
            return out


def verify(system, service: str):
    runtime = getattr(system, service)
    return CliRunner().invoke(
        app, ["audit", "verify", service, "--database-url", system.db_urls[service]],
        env={manifest.get(service).env("audit_key"): runtime.settings.audit_key})


async def test_every_command_is_audited_with_its_actor_and_sql_edits_are_caught(system, backend):
    await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=11)
    auditor = system.stubs("auditor")

    async def status_changes_applied():  # the demo does not wait for the consumers
        for service in ("registry", "accreditation"):
            applied = [r for r in await records(auditor, service)
                       if r.method.endswith("CertificateStatusChanged")]
            if len(applied) != 2:
                return False
        return True
    await eventually(status_changes_applied, "registry and accreditation to apply both status changes")
    logged = {s: await records(auditor, s) for s in manifest.NAMES}

    by_method: dict[str, list] = {}
    for r in logged["accreditation"]:
        if r.actor_role != "event":
            by_method.setdefault(r.method.removeprefix(ACC), []).append(r)
    # ASMT-5: accreditation learns the certificates people hold, and their status
    assert sorted(r.method for r in logged["accreditation"] if r.actor_role == "event") == \
        ["anbao.certificates.v1.CertificateIssued"] * 2 + \
        ["anbao.certificates.v1.CertificateStatusChanged"] * 2
    assert {m: len(rs) for m, rs in by_method.items()} == {
        "CreateCallForApplications": 2, "CreateInstitution": 2,  # the refused one changed nothing
        # the training institution is selected too, and its teacher registered and assessed
        # (the demo's training class, steps 12–15)
        "DecideApplication": 4, "CloseCallForApplications": 2, "PublishCallResult": 2,
        "ChangeInstitutionStatus": 2, "RegisterTeacher": 1, "RecordTeacherAssessment": 1,
        "RecordPreAppointmentTraining": 1, "AppointEvaluator": 1, "CreateExamSession": 1,
        "AssignEvaluator": 1, "EnrollCandidate": 3, "RecordScores": 3, "CloseExamSession": 1,
        "LaunchLevel": 1, "FirstReviewApplication": 3, "SecondReviewApplication": 3,
        "SignOffExamSession": 1, "CheckExamResults": 1}
    assert {r.actor for r in by_method["ChangeInstitutionStatus"]} == {"demo-admin"}
    assert [r.actor for r in by_method["DecideApplication"]] == ["demo-police",
                                                                "demo-human_resources"] * 2
    assert {(r.actor, r.actor_role) for r in by_method["RecordScores"]} == {
        ("demo-evaluator", "evaluator")}
    assert {(r.actor, r.actor_role) for r in by_method["FirstReviewApplication"]} == {
        ("demo-eval-org", "eval_org")}
    assert {(r.actor, r.actor_role) for r in by_method["CheckExamResults"]} == {
        ("demo-admin", "province_admin")}
    assert all(r.request_id and r.resources for rs in by_method.values() for r in rs)
    registered = [r for r in logged["registry"] if r.method.endswith("/RegisterPerson")]
    assert len(registered) == 4 and {r.actor for r in registered} == {"demo-admin"}
    applied = [r for r in logged["registry"] if r.actor_role == "event"]
    assert sorted(r.method for r in applied) == \
        ["anbao.certificates.v1.CertificateIssued"] * 2 + \
        ["anbao.certificates.v1.CertificateStatusChanged"] * 2  # the demo's suspend, reinstate
    assert all(r.resources[0].startswith("persons/") for r in applied)
    assert sorted(r.method.rsplit("/", 1)[-1] for r in logged["certificates"]) == [
        "RegisterEmployer", "ReinstateCertificate", "SuspendCertificate",
        "WatchCertificate",  # the demo's employer (EMP-1)
        *["anbao.accreditation.v1.AssessmentPassed"] * 2,
        # the evaluation organisation's and the training institution's (CERT-2: a
        # completion certificate is verified against its institution's status)
        *["anbao.accreditation.v1.InstitutionStatusChanged"] * 6]
    for service, rs in logged.items():  # one chain per service, no personal data in it
        assert [r.sequence for r in rs] == list(range(1, len(rs) + 1))
        for r in rs:
            shown = re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{32,64}", "", str(r))  # IDs, digests
            assert logs.redact(shown) == shown
            assert not any(n in shown for n in ("张伟", "李娜", "欧阳明远", "王芳"))

    # filters: by resource, by time
    org = by_method["ChangeInstitutionStatus"][0].resources[0]
    assert [r.method.removeprefix(ACC) for r in await records(auditor, "accreditation",
                                                               resource=org)] == \
        ["CreateInstitution", "DecideApplication", "DecideApplication", "ChangeInstitutionStatus"]
    first = logged["accreditation"][0].record_time
    assert await records(auditor, "accreditation", end_time=first) == []
    later = Timestamp(seconds=first.seconds + 3600)
    assert await records(auditor, "accreditation", start_time=later) == []

    admin = system.stubs("province_admin")
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await admin.accreditation.ListAuditRecords(acc.ListAuditRecordsRequest(),
                                                   metadata=admin.metadata, timeout=10)
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED

    for service in manifest.NAMES:
        result = verify(system, service)
        assert result.exit_code == 0 and "intact" in result.output, result.output

    engine = make_engine(system.db_urls["accreditation"])
    try:
        for tamper, table in (
                ("UPDATE institution_status_change SET reason = 'approved' "
                 "WHERE id = (SELECT MAX(id) FROM institution_status_change)",
                 "institution_status_change"),
                ("UPDATE candidate SET theory_score = 95 WHERE theory_score < 60", "candidate")):
            with engine.begin() as conn:
                conn.execute(text(tamper))
            result = verify(system, "accreditation")
            assert result.exit_code == 1, result.output
            assert "BROKEN: first at record" in result.output
            assert f"{table} row" in result.output and "digest no longer matches" in result.output
    finally:
        engine.dispose()
