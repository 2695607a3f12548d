"""Institutions over real gRPC (INST-1, -3, -7, CERT-1): each refusal is
FAILED_PRECONDITION naming its rule, and the last quota place goes to exactly one of
concurrent selections, on SQLite and PostgreSQL."""

import asyncio

import grpc
import pytest

from anbao.accreditation.v1 import accreditation_pb2 as acc
from servicekit import dates
from tests import builders
from tests.harness import error_details

TRAINING = acc.INSTITUTION_ROLE_TRAINING


async def refused(call) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    return caught.value.code(), error_details(caught.value)[1]


FAILED = grpc.StatusCode.FAILED_PRECONDITION


async def test_inst1_selection_needs_both_departments_and_a_published_result(system):
    admin = system.stubs()
    applied = await builders.institution(admin, TRAINING, active=False)
    decide = acc.DecideApplicationRequest(name=applied.name,
                                          outcome=acc.SELECTION_OUTCOME_APPROVED, reason="审核通过")
    assert await refused(admin.accreditation.DecideApplication(decide, metadata=admin.metadata)) \
        == (FAILED, "INST_1_DEPARTMENT")
    police = await builders.decide(admin, applied, "police")
    assert police.status == acc.INSTITUTION_STATUS_APPLIED
    assert await refused(admin.accreditation.DecideApplication(
        decide, metadata=admin.departments["police"])) == (FAILED, "INST_1_ALREADY_DECIDED")
    selected = await builders.decide(admin, applied, "human_resources")
    assert selected.status == acc.INSTITUTION_STATUS_SELECTED
    assert [(d.department, d.actor) for d in selected.selection_decisions] == [
        (acc.DEPARTMENT_POLICE, "test-province_admin-police"),
        (acc.DEPARTMENT_HUMAN_RESOURCES, "test-province_admin-human_resources")]
    confirm = acc.ChangeInstitutionStatusRequest(name=applied.name,
                                                 status=acc.INSTITUTION_STATUS_ACTIVE, reason="确定")
    assert await refused(admin.accreditation.ChangeInstitutionStatus(
        confirm, metadata=admin.metadata)) == (FAILED, "INST_1_RESULT_NOT_PUBLISHED")
    assert await refused(admin.accreditation.PublishCallResult(acc.PublishCallResultRequest(
        name=applied.call), metadata=admin.metadata)) == (FAILED, "INST_1_CALL_NOT_CLOSED")
    # the call is a public notice: anyone reads it, and its result once published
    public = system.stubs()
    call = await public.accreditation.GetCallForApplications(
        acc.GetCallForApplicationsRequest(name=applied.call))
    assert call.title and not call.selected


async def test_inst3_the_last_place_goes_to_exactly_one_concurrent_selection(system, backend):
    """Jilin, 保卫管理员, pilot phase (data/quotas.json): 2 places province-wide."""
    admin = system.stubs()
    await builders.institution(admin, TRAINING, region="220100")  # takes one place
    applicants = []
    for region in ("220200", "220300", "220400", "220500"):
        applied = await builders.institution(admin, TRAINING, active=False, region=region)
        applicants.append(await builders.decide(admin, applied, "police"))
    results = await asyncio.gather(*(builders.decide(admin, a, "human_resources")
                                     for a in applicants), return_exceptions=True)
    selected = [r for r in results if isinstance(r, acc.Institution)]
    refusals = [(r.code(), error_details(r)[1]) for r in results
                if isinstance(r, grpc.aio.AioRpcError)]
    assert len(selected) == 1 and selected[0].status == acc.INSTITUTION_STATUS_SELECTED
    assert refusals == [(FAILED, "INST_3_QUOTA")] * 3
    listed = await admin.accreditation.ListInstitutions(acc.ListInstitutionsRequest(
        role=TRAINING, status=acc.INSTITUTION_STATUS_SELECTED, region_code="220000",
        occupation_code="3-02-02-00"), metadata=admin.metadata)
    assert [i.name for i in listed.institutions] == [selected[0].name]
    # the promotion phase counts per prefecture-level city: the others now fit
    await admin.accreditation.SetQuotaPhase(acc.SetQuotaPhaseRequest(quota_phase=acc.QuotaPhase(
        province_code="220000", occupation_code="3-02-02-00",
        phase=acc.QUOTA_PHASE_KIND_PROMOTION)), metadata=admin.metadata)
    rest = [a for a in applicants if a.name != selected[0].name]
    for applicant in rest:
        selected = await builders.decide(admin, applicant, "human_resources")
        assert selected.status == acc.INSTITUTION_STATUS_SELECTED


async def test_inst1_both_departments_approving_at_once_select(system, backend):
    admin = system.stubs()
    applied = [await builders.institution(admin, TRAINING, active=False, region=region)
               for region in ("220100", "220200")]
    decided = await asyncio.gather(*(builders.decide(admin, a, d) for a in applied
                                     for d in ("police", "human_resources")))
    assert {d.name for d in decided} == {a.name for a in applied}
    for institution in applied:
        stored = await admin.accreditation.GetInstitution(acc.GetInstitutionRequest(
            name=institution.name), metadata=admin.metadata)
        assert stored.status == acc.INSTITUTION_STATUS_SELECTED
        assert len(stored.selection_decisions) == 2


async def test_cert1_concurrent_claims_of_the_same_parts_leave_one_holder(system, backend):
    admin = system.stubs()
    call = await builders.call_for_applications(admin)

    def application():
        return admin.accreditation.CreateInstitution(acc.CreateInstitutionRequest(
            institution=acc.Institution(
                display_name="评价机构", uscc=builders.uscc(), role=acc.INSTITUTION_ROLE_EVALUATION,
                region_code="220100", category=acc.ORGANISATION_CATEGORY_SOCIAL,
                ministry_code="0000", site_serial="424242", call=call.name,
                occupation_codes=["3-02-02-00"])), metadata=admin.metadata)
    results = await asyncio.gather(*(application() for _ in range(4)), return_exceptions=True)
    created = [r for r in results if isinstance(r, acc.Institution)]
    assert len(created) == 1
    assert [(r.code(), error_details(r)[1]) for r in results if r not in created] == \
        [(FAILED, "CERT_1_NUMBERING_TAKEN")] * 3


async def test_inst7_a_blacklisted_organisation_opens_no_exam_session(system):
    admin = system.stubs()
    org = await builders.institution(admin)
    listed = await admin.accreditation.BlacklistInstitution(acc.BlacklistInstitutionRequest(
        name=org.name, reason="骗取补贴", evidence="案件 2026-17"), metadata=admin.metadata)
    assert listed.blacklisted and listed.status == acc.INSTITUTION_STATUS_ACTIVE
    assert await refused(builders.session(admin, org, assign=False)) == \
        (FAILED, "INST_7_BLACKLISTED")
    revoked = await admin.accreditation.BlacklistInstitution(acc.BlacklistInstitutionRequest(
        name=org.name, reason="再次查实", revoke_qualification=True), metadata=admin.metadata)
    assert revoked.status == acc.INSTITUTION_STATUS_REVOKED
    assert [e.qualification_revoked for e in revoked.blacklist_entries] == [False, True]


async def test_cert1_two_organisations_cannot_share_numbering_parts(system):
    admin = system.stubs()
    first = await builders.institution(admin, active=False)
    call = await builders.call_for_applications(admin)
    code, reason = await refused(admin.accreditation.CreateInstitution(
        acc.CreateInstitutionRequest(institution=acc.Institution(
            display_name="另一评价机构", uscc=builders.uscc(), role=acc.INSTITUTION_ROLE_EVALUATION,
            region_code="220100", category=first.category, ministry_code=first.ministry_code,
            site_serial=first.site_serial, call=call.name, occupation_codes=["3-02-02-00"])),
        metadata=admin.metadata))
    assert (code, reason) == (FAILED, "CERT_1_NUMBERING_TAKEN")


async def test_inst4_inst5_inst8_refusals_name_their_rules(system):
    admin = system.stubs()
    org = await builders.institution(admin)  # an evaluation organisation
    someone = await builders.person(admin)
    assert await refused(admin.accreditation.RegisterTeacher(acc.RegisterTeacherRequest(
        institution=org.name, person=someone.name), metadata=admin.metadata)) == \
        (FAILED, "INST_4_NOT_TRAINING")
    supervisor = await admin.accreditation.AppointSupervisor(acc.AppointSupervisorRequest(
        person=someone.name, affiliation="吉林警察学院",
        term_start=dates.to_proto(dates.today())), metadata=admin.metadata)
    trainer = await builders.institution(admin, TRAINING)
    before = dates.to_proto(dates.add_years(dates.today(), -1))
    assert await refused(admin.accreditation.RecordSupervisionVisit(
        acc.RecordSupervisionVisitRequest(supervisor=supervisor.name, institution=trainer.name,
                                          visit_date=before), metadata=admin.metadata)) == \
        (FAILED, "INST_5_OUT_OF_TERM")
    assert await refused(admin.accreditation.RecordQualityAssessment(
        acc.RecordQualityAssessmentRequest(name=trainer.name,
                                           assess_date=dates.to_proto(dates.today()),
                                           withdraw_qualification=True),
        metadata=admin.metadata)) == (FAILED, "INST_8_NO_FINDINGS")
    teacher = await admin.accreditation.RegisterTeacher(acc.RegisterTeacherRequest(
        institution=trainer.name, person=someone.name), metadata=admin.metadata)
    assessed = await admin.accreditation.RecordTeacherAssessment(
        acc.RecordTeacherAssessmentRequest(teacher=teacher.name,
                                           assess_date=dates.to_proto(dates.today()),
                                           passed=True, assessor="吉林省公安厅内保总队"),
        metadata=admin.metadata)
    assert assessed.status == acc.TEACHER_STATUS_QUALIFIED
