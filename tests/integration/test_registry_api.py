"""registry over real gRPC: validation at the edge, idempotency, masking, access."""

from datetime import date

import grpc
import pytest
from google.type.date_pb2 import Date
from sqlalchemy import text

from anbao.registry.v1 import registry_pb2 as reg
from servicekit import dates
from tests import builders
from tests.harness import error_details

GB11643_EXAMPLE = "11010519491231002X"


async def test_pool5_register_gb11643_example_derives_gender_and_birth_date(system):
    stubs = system.stubs()
    person = await builders.person(stubs, resident_id=GB11643_EXAMPLE.lower(), region_code="110105")
    assert person.resident_id_masked == "1101**********002X"
    assert person.gender == reg.GENDER_FEMALE and dates.of_proto(person.birth_date) == date(1949, 12, 31)
    assert person.phone_masked == "139****5678"
    fetched = await stubs.registry.GetPerson(reg.GetPersonRequest(name=person.name),
                                             metadata=stubs.metadata)
    assert fetched == person


async def test_register_is_idempotent_on_the_resident_id(system, backend):
    stubs = system.stubs()
    rid = builders.resident_id()
    first = await builders.person(stubs, resident_id=rid)
    again = await builders.person(stubs, resident_id=rid, full_name="张伟")
    assert again.name == first.name


async def test_every_bad_field_is_reported_at_once(system):
    stubs = system.stubs()
    bad_check = GB11643_EXAMPLE[:-1] + "1"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await builders.person(stubs, resident_id=bad_check, full_name="", phone="12345",
                              region_code="999999", industry=42,
                              guard_certificate_date=Date(year=2999, month=1, day=1))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    violations, _ = error_details(caught.value)
    assert set(violations) == {"resident_id", "full_name", "phone", "region_code", "industry",
                               "guard_certificate_date"}
    assert "check" in violations["resident_id"]


@pytest.mark.parametrize("wrong", "0123456789X".replace("X", ""))
async def test_pool5_wrong_check_digit_is_invalid_argument(system, wrong):
    stubs = system.stubs()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await builders.person(stubs, resident_id=GB11643_EXAMPLE[:-1] + wrong)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "resident_id" in error_details(caught.value)[0]


async def test_unknown_person_is_not_found_and_bad_name_is_invalid(system):
    stubs = system.stubs()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stubs.registry.GetPerson(reg.GetPersonRequest(name="persons/abc123"),
                                       metadata=stubs.metadata)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stubs.registry.GetPerson(reg.GetPersonRequest(name="people/../x"),
                                       metadata=stubs.metadata)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_calls_without_a_valid_token_are_refused(system):
    stubs = system.stubs()
    request = reg.GetPersonRequest(name="persons/abc")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stubs.registry.GetPerson(request)
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stubs.registry.GetPerson(request, metadata=(("authorization", "Bearer forged.token.x"),))
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED
    training = system.stubs("training_org", "institutions/x")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await training.registry.SearchTalent(reg.SearchTalentRequest(), metadata=training.metadata)
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED


async def test_city_admin_acts_only_inside_its_division(system):
    jilin_city = system.stubs("city_admin", "220200")  # 吉林市
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await builders.person(jilin_city, region_code="220102")  # 长春市南关区
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    inside = await builders.person(jilin_city, region_code="220202")
    assert inside.region_code == "220202"


async def test_pool5_resident_id_and_phone_never_stored_in_plain_text(system, backend, caplog):
    stubs = system.stubs()
    rid = builders.resident_id()
    caplog.set_level("DEBUG")
    await builders.person(stubs, resident_id=rid, phone="13800001111")
    await system.registry.relay.publish_pending()
    secrets = (rid, "13800001111", rid[6:14] + rid[14:])
    with system.registry.db.engine.connect() as conn:
        stored = repr([conn.execute(text(f"SELECT * FROM {t}")).all()
                       for t in ("person", "outbox")])
    assert not any(s in stored for s in secrets)
    if backend == "sqlite":  # and nowhere in the file, WAL included
        path = system.db_urls["registry"].removeprefix("sqlite:///")
        raw = open(path, "rb").read() + open(path + "-wal", "rb").read()
        assert not any(s.encode() in raw for s in secrets)
    assert rid not in caplog.text and "13800001111" not in caplog.text


async def test_pool2_search_talent_validates_and_pages(system):
    stubs = system.stubs()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stubs.registry.SearchTalent(reg.SearchTalentRequest(
            level=9, region_code="123", page_size=-1, page_token="%%%"), metadata=stubs.metadata)
    assert set(error_details(caught.value)[0]) == {"level", "region_code", "page_size",
                                                    "page_token"}
