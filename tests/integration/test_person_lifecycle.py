"""The person lifecycle over real gRPC (issue 12, part 1): AIP-134 updates with an etag,
history without personal data, service history, merges, and a second registration with
other data refused (POOL-1)."""

import json

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from google.type.date_pb2 import Date

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.certificates.v1 import certificates_pb2 as cert
from anbao.registry.v1 import registry_pb2 as reg
from servicekit import dates
from tests import builders
from tests.harness import error_details, eventually

GUARD_NUMBER = "吉2201202300123"


async def update(stubs, person: reg.Person, *paths: str, phone: str = "", **values):
    return await stubs.registry.UpdatePerson(reg.UpdatePersonRequest(
        person=reg.Person(name=person.name, etag=person.etag, **values),
        update_mask=FieldMask(paths=list(paths)), phone=phone), metadata=stubs.metadata)


async def refused(call) -> tuple[grpc.StatusCode, dict[str, str], str]:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    return caught.value.code(), *error_details(caught.value)


async def test_pool1_update_changes_only_the_masked_fields_and_moves_the_etag(system, backend):
    stubs = system.stubs()
    person = await builders.person(stubs)
    assert person.etag
    updated = await update(
        stubs, person, "guard_certificate_number", "guard_certificate_date",
        "guard_certificate_evidence", "education",
        guard_certificate_number=GUARD_NUMBER.lower(),
        guard_certificate_date=Date(year=2023, month=5, day=4),
        guard_certificate_evidence="scans/guard/2023-00123.pdf",
        education=reg.EDUCATION_BACHELOR, full_name="不在掩码里")
    assert updated.guard_certificate_number == GUARD_NUMBER.upper()
    assert dates.of_proto(updated.guard_certificate_date).isoformat() == "2023-05-04"
    assert updated.education == reg.EDUCATION_BACHELOR
    assert updated.full_name == person.full_name  # not in the mask: untouched
    assert updated.etag != person.etag and updated.HasField("update_time")
    fetched = await stubs.registry.GetPerson(reg.GetPersonRequest(name=person.name),
                                             metadata=stubs.metadata)
    assert fetched == updated


async def test_pool1_new_phone_is_sealed_and_shown_masked(system):
    stubs = system.stubs()
    person = await builders.person(stubs)
    updated = await update(stubs, person, "phone", phone="13700001111")
    assert updated.phone_masked == "137****1111"


async def test_aip154_stale_etag_is_aborted_and_changes_nothing(system, backend):
    stubs = system.stubs()
    person = await builders.person(stubs)
    await update(stubs, person, "full_name", full_name="王五")
    code, _, _ = await refused(update(stubs, person, "full_name", full_name="赵六"))
    assert code == grpc.StatusCode.ABORTED
    fetched = await stubs.registry.GetPerson(reg.GetPersonRequest(name=person.name),
                                             metadata=stubs.metadata)
    assert fetched.full_name == "王五"


async def test_aip134_empty_mask_updates_the_fields_set_and_star_replaces_all(system):
    stubs = system.stubs()
    person = await builders.person(stubs)
    by_presence = await update(stubs, person, full_name="王五")
    assert by_presence.full_name == "王五" and by_presence.employer_unit == person.employer_unit
    replaced = await update(stubs, by_presence, "*", phone="13912345678", full_name="王五",
                            region_code="220102")
    assert replaced.employer_unit == "" and replaced.industry == reg.INDUSTRY_UNSPECIFIED


async def test_pool1_bad_update_names_every_bad_field_and_writes_nothing(system, backend):
    stubs = system.stubs()
    person = await builders.person(stubs)
    code, violations, _ = await refused(update(
        stubs, person, "full_name", "birth_date", "industry", "employer_uscc",
        "guard_certificate_number", "guard_certificate_date",
        full_name="王五", industry=42, employer_uscc="91220100MA0000000X",
        guard_certificate_number="12-34", guard_certificate_date=Date(year=2999, month=1, day=1)))
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert {"update_mask", "industry", "employer_uscc", "guard_certificate_number",
            "guard_certificate_date"} == set(violations)
    assert "birth_date" in violations["update_mask"]
    assert "42" in violations["industry"] and "INDUSTRY_UTILITIES" in violations["industry"]
    fetched = await stubs.registry.GetPerson(reg.GetPersonRequest(name=person.name),
                                             metadata=stubs.metadata)
    assert fetched.full_name == person.full_name and fetched.etag == person.etag
    history = await stubs.registry.ListPersonHistory(
        reg.ListPersonHistoryRequest(name=person.name), metadata=stubs.metadata)
    assert [c.kind for c in history.changes] == [reg.PERSON_CHANGE_KIND_REGISTERED]


async def test_pool1_guard_certificate_number_needs_its_date(system):
    stubs = system.stubs()
    person = await builders.person(stubs)
    code, violations, _ = await refused(update(stubs, person, "guard_certificate_number",
                                               guard_certificate_number=GUARD_NUMBER))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "guard_certificate_date" in violations


async def test_pool1_history_says_who_when_which_fields_never_the_values(system, backend):
    stubs = system.stubs()
    person = await builders.person(stubs)
    await update(stubs, person, "full_name", "phone", full_name="王五", phone="13700001111")
    history = await stubs.registry.ListPersonHistory(
        reg.ListPersonHistoryRequest(name=person.name), metadata=stubs.metadata)
    registered, updated = history.changes
    assert registered.kind == reg.PERSON_CHANGE_KIND_REGISTERED
    assert registered.actor == "test-province_admin"
    assert updated.kind == reg.PERSON_CHANGE_KIND_UPDATED
    assert list(updated.fields) == ["full_name", "phone"]
    assert updated.actor == "test-province_admin" and updated.actor_role == "province_admin"
    assert set(updated.value_digests) == {"full_name", "phone"}
    raw = history.SerializeToString()
    for secret in ("王五", "13700001111", "13912345678", person.full_name):
        assert secret.encode() not in raw


async def test_pool1_employer_change_closes_the_previous_period(system, backend):
    stubs = system.stubs()
    person = await builders.person(stubs)
    assert [p.employer_unit for p in person.employment_periods] == ["长春市第一中学"]
    uscc = builders.uscc()
    moved = await update(stubs, person, "employer_unit", "employer_uscc", "industry",
                         employer_unit="吉林银行", employer_uscc=uscc,
                         industry=reg.INDUSTRY_FINANCE_POST)
    first, second = moved.employment_periods
    assert first.employer_unit == "长春市第一中学" and first.HasField("end_date")
    assert (second.employer_unit, second.employer_uscc, second.industry) == (
        "吉林银行", uscc, reg.INDUSTRY_FINANCE_POST)
    assert not second.HasField("end_date")


async def test_pool1_second_registration_with_other_data_is_already_exists(system, backend):
    stubs = system.stubs()
    rid = builders.resident_id()
    first = await builders.person(stubs, resident_id=rid)
    assert (await builders.person(stubs, resident_id=rid)).name == first.name  # a retry
    code, _, _ = await refused(builders.person(stubs, resident_id=rid, full_name="李四"))
    assert code == grpc.StatusCode.ALREADY_EXISTS


async def test_city_admin_updates_only_people_of_its_division(system):
    admin = system.stubs()
    person = await builders.person(admin)
    city = system.stubs("city_admin", "220100")
    moved = await update(city, person, "employer_unit", employer_unit="长春市第二中学")
    code, _, _ = await refused(update(city, moved, "region_code", region_code="320505"))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    other = system.stubs("city_admin", "320500")
    code, _, _ = await refused(update(other, moved, "employer_unit", employer_unit="x"))
    assert code == grpc.StatusCode.PERMISSION_DENIED


async def test_asmt4_guard_certificate_recorded_by_update_lets_the_person_enrol(system):
    """The issue's case: a 保安员证 obtained after registration; accreditation asks registry
    (GetPerson) when it checks ASMT-4, so the update is seen at once."""
    stubs = system.stubs()
    org = await builders.institution(stubs)
    session = await builders.session(stubs, org, "4-07-05-01", 5)
    person = await builders.person(stubs)
    enrol = acc.EnrollCandidateRequest(exam_session=session.name, person=person.name,
                                       facts=builders.ONE_YEAR)
    code, _, reason = await refused(stubs.accreditation.EnrollCandidate(
        enrol, metadata=stubs.metadata))
    assert reason == "ASMT_4_GUARD_CERTIFICATE"
    await update(stubs, person, "guard_certificate_number", "guard_certificate_date",
                 guard_certificate_number=GUARD_NUMBER,
                 guard_certificate_date=Date(year=2025, month=3, day=1))
    candidate = await stubs.accreditation.EnrollCandidate(enrol, metadata=stubs.metadata)
    assert candidate.person == person.name


async def test_pool1_merge_moves_certificates_keeps_both_histories_and_points_on(system,
                                                                                  backend):
    admin = system.stubs()
    org = await builders.institution(admin)
    session = await builders.session(admin, org)
    survivor = await builders.person(admin, "张伟")
    duplicate = await builders.person(admin, "张伟")
    candidate = await builders.admit(system, session, duplicate)
    await builders.score(system, session, candidate, 80, 80)
    await builders.finish(system, session)

    async def held():
        got = await admin.registry.GetPerson(reg.GetPersonRequest(name=duplicate.name),
                                             metadata=admin.metadata)
        return got.certificates
    number = (await eventually(held, "the duplicate's certificate in the pool"))[0]

    code, violations, _ = await refused(admin.registry.MergePersons(reg.MergePersonsRequest(
        name=survivor.name, merged_person=survivor.name), metadata=admin.metadata))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "merged_person" in violations
    city = system.stubs("city_admin", "220100")
    code, _, _ = await refused(city.registry.MergePersons(reg.MergePersonsRequest(
        name=survivor.name, merged_person=duplicate.name), metadata=city.metadata))
    assert code == grpc.StatusCode.PERMISSION_DENIED

    merged = await admin.registry.MergePersons(reg.MergePersonsRequest(
        name=survivor.name, merged_person=duplicate.name), metadata=admin.metadata)
    assert [c.certificate_number for c in merged.certificates] == [number.certificate_number]
    assert len(merged.employment_periods) == 2
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await admin.registry.GetPerson(reg.GetPersonRequest(name=duplicate.name),
                                       metadata=admin.metadata)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert survivor.name in caught.value.details()
    history = await admin.registry.ListPersonHistory(
        reg.ListPersonHistoryRequest(name=survivor.name), metadata=admin.metadata)
    assert {(c.person, c.kind) for c in history.changes} == {
        (survivor.name, reg.PERSON_CHANGE_KIND_REGISTERED),
        (duplicate.name, reg.PERSON_CHANGE_KIND_REGISTERED),
        (survivor.name, reg.PERSON_CHANGE_KIND_MERGED),
        (duplicate.name, reg.PERSON_CHANGE_KIND_MERGED_INTO)}
    found = await admin.registry.SearchTalent(reg.SearchTalentRequest(
        occupation_code=number.occupation_code), metadata=admin.metadata)
    assert survivor.name in [p.name for p in found.persons]
    assert duplicate.name not in [p.name for p in found.persons]
    listed = await admin.certificates.ListCertificates(cert.ListCertificatesRequest(
        person=duplicate.name), metadata=admin.metadata)
    assert listed.certificates  # certificates keeps its own record; PersonsMerged tells it


async def test_anbao_call_updates_a_person_as_the_readme_shows(system):
    """The README's UpdatePerson example through `anbao call` (proto JSON: a FieldMask is
    a string of camelCase paths)."""
    from tests.integration.test_cli_call import invoke

    person = await builders.person(system.stubs())
    request = json.dumps({"person": {
        "name": person.name, "etag": person.etag, "guard_certificate_number": GUARD_NUMBER,
        "guard_certificate_date": {"year": 2023, "month": 5, "day": 4}},
        "update_mask": "guardCertificateNumber,guardCertificateDate"}, ensure_ascii=False)
    result = await invoke(system, "registry", "UpdatePerson", request)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["guard_certificate_number"] == GUARD_NUMBER
    result = await invoke(system, "registry", "ListPersonHistory",
                          json.dumps({"name": person.name}))
    assert json.loads(result.output)["changes"][1]["fields"] == [
        "guard_certificate_number", "guard_certificate_date"]
