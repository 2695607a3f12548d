"""The talent pool over real gRPC on SQLite and PostgreSQL (issue 12, part 2)."""

from datetime import date

import grpc
import pytest

from anbao.registry.v1 import registry_pb2 as reg
from servicekit import dates
from tests import builders
from tests.harness import error_details


async def _refused(call, request, md):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call(request, metadata=md)
    return caught.value.code(), error_details(caught.value)[0]


async def test_pool1_facts_and_bad_input_name_the_field(system, backend):
    stubs = system.stubs()
    r, md = stubs.registry, stubs.metadata
    person = await builders.person(stubs)
    recorded = await r.RecordEarlierCertificate(reg.RecordEarlierCertificateRequest(
        parent=person.name, format=reg.CERTIFICATE_FORMAT_SKILL22,
        certificate_number="S000022000123233000001", occupation_code="3-02-02-00",
        issue_date=dates.to_proto(date(2023, 5, 1)), issuing_authority="吉林省鉴定中心"),
        metadata=md)
    assert recorded.name == f"{person.name}/earlierCertificates/S000022000123233000001"
    assert recorded.level == 3 and not recorded.verified
    code, fields = await _refused(r.RecordEarlierCertificate, reg.RecordEarlierCertificateRequest(
        parent=person.name, format=reg.CERTIFICATE_FORMAT_QUAL16,
        certificate_number="18220100123100", occupation_code="3-02-02-00",
        issue_date=dates.to_proto(date(2018, 5, 1)), issuing_authority="x"), md)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and set(fields) == {"certificate_number"}
    code, fields = await _refused(r.RecordCadreAppointment, reg.RecordCadreAppointmentRequest(
        parent=person.name, unit_name="银行", industry=77,
        appointed_date=dates.to_proto(date(2024, 1, 1))), md)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and set(fields) == {"industry"}
    code, _ = await _refused(r.GetTalentProfile, reg.GetTalentProfileRequest(
        name="persons/doesnotexist/talentProfile"), md)
    assert code == grpc.StatusCode.NOT_FOUND
    code, fields = await _refused(r.GetTalentProfile, reg.GetTalentProfileRequest(
        name=person.name), md)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and set(fields) == {"name"}
    profile = await r.GetTalentProfile(reg.GetTalentProfileRequest(
        name=f"{person.name}/talentProfile"), metadata=md)
    assert [e.certificate_number for e in profile.earlier_certificates] == [
        "S000022000123233000001"]


async def test_pool3_pool4_due_list_and_report_over_grpc(system, backend):
    stubs = system.stubs()
    r, md = stubs.registry, stubs.metadata
    cadres = [await builders.person(stubs, f"干部{i}") for i in range(3)]
    for person in cadres:
        appointment = await r.RecordCadreAppointment(reg.RecordCadreAppointmentRequest(
            parent=person.name, unit_name="吉林银行", unit_uscc=builders.uscc(),
            industry=reg.INDUSTRY_FINANCE_POST,
            appointed_date=dates.to_proto(date(2020, 1, 1))), metadata=md)
        assert appointment.name.startswith(f"{person.name}/cadreAppointments/")
    names, token = [], ""
    while True:
        page = await r.ListRotationTrainingDue(reg.ListRotationTrainingDueRequest(
            region_code="220000", page_size=2, page_token=token), metadata=md)
        names += [d.person for d in page.dues]
        assert all(d.overdue and d.kind == reg.TRAINING_DUE_KIND_ROTATION
                   and d.due_date == dates.to_proto(date(2022, 1, 1))
                   and "*" in d.resident_id_masked for d in page.dues)
        token = page.next_page_token
        if not token:
            break
    assert sorted(names) == sorted(p.name for p in cadres)
    code, fields = await _refused(r.ListRotationTrainingDue, reg.ListRotationTrainingDueRequest(
        page_token="not-ours!", within_days=-5), md)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and set(fields) == {"page_token",
                                                                        "within_days"}
    report = await r.GetAnnualReport(reg.GetAnnualReportRequest(
        region_code="220000", year=dates.today().year), metadata=md)
    assert report.due_date == dates.to_proto(date(dates.today().year, 12, 10))
    assert report.region_name and report.source_note
    code, fields = await _refused(r.GetAnnualReport, reg.GetAnnualReportRequest(
        region_code="220102", year=1990), md)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and set(fields) == {"region_code", "year"}
