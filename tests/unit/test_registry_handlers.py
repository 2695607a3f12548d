"""registry's handlers without a network, on the real repositories in memory."""

from datetime import date

import pytest

from anbao.certificates.v1 import events_pb2 as certificate_events
from anbao.registry.v1 import events_pb2
from anbao.registry.v1 import registry_pb2 as pb
from servicekit import dates, fieldcrypto, paging
from servicekit.auth import Caller, Reach
from servicekit.errors import AlreadyExists, InvalidArgument, NotFound, PermissionDenied
from servicekit.fieldcrypto import BlindIndex, FieldCipher
from servicekit.unitofwork import AlreadyApplied, new_event
from services.registry import handlers
from services.registry.adapters.orm import PersonRow, metadata
from services.registry.adapters.repository import Protector, RegistryRepositories
from services.registry.domain import commands as c
from tests.builders import resident_id
from tests.unit.memory import MemoryUnitOfWorks

ADMIN = Caller("admin", "province_admin")


@pytest.fixture
def uows():
    protector = Protector(FieldCipher({1: fieldcrypto.new_key()}, current=1),
                          BlindIndex(fieldcrypto.new_key()))
    return MemoryUnitOfWorks(metadata, lambda s: RegistryRepositories(s, protector))


def register(uows, rid=None, actor=ADMIN, region="220102", name="张伟"):
    return handlers.register_person(uows(), c.RegisterPerson.parse(
        actor, resident_id=rid or resident_id(), full_name=name, phone="13912345678",
        region_code=region, employer_unit="", industry=pb.INDUSTRY_SCHOOLS_HOSPITALS,
        guard_certificate_date="2020-01-01"))


def test_pool5_registration_seals_personal_data_and_emits(uows):
    rid = resident_id()
    person = register(uows, rid)
    with uows.db.session() as session:
        row = session.get(PersonRow, person.id)
    assert rid.encode() not in row.resident_id_cipher and b"13912345678" not in row.phone_cipher
    assert row.resident_id_masked == rid[:2] + "*" * 14 + rid[-2:]  # the everyday form
    assert not hasattr(row, "birth_date")  # read from the sealed ID when a role may see it
    assert [e.person for e in uows.emitted(events_pb2.PersonRegistered)] == [person.name]


def test_pool5_second_registration_of_a_resident_id_returns_the_first(uows):
    rid = resident_id()
    first = register(uows, rid)
    assert register(uows, rid).id == first.id
    assert len(uows.emitted(events_pb2.PersonRegistered)) == 1


def test_pool1_second_registration_with_other_data_is_already_exists_naming_the_first(uows):
    rid = resident_id()
    first = register(uows, rid)
    with pytest.raises(AlreadyExists) as caught:
        register(uows, rid, name="李四")
    assert first.name in str(caught.value) and "UpdatePerson" in str(caught.value)
    assert handlers.get_person(uows(), c.GetPerson(ADMIN, first.id)).full_name == "张伟"


def test_registration_refusals(uows):
    with pytest.raises(PermissionDenied):
        register(uows, actor=Caller("c", "city_admin", "320500", Reach.DIVISION))
    for phone in ("1391234567８", "13912345678\n", "١٣٩١٢٣٤٥٦٧٨"):  # ASCII digits only
        with pytest.raises(InvalidArgument) as caught:
            c.RegisterPerson.parse(ADMIN, resident_id=resident_id(), full_name="x", phone=phone,
                                   region_code="220102", employer_unit="", industry=0,
                                   guard_certificate_date="")
        assert [v.field for v in caught.value.violations] == ["phone"]


def test_get_person_in_scope_only(uows):
    person = register(uows)
    assert handlers.get_person(uows(), c.GetPerson(ADMIN, person.id)).full_name == "张伟"
    with pytest.raises(PermissionDenied):
        handlers.get_person(uows(), c.GetPerson(Caller("c", "city_admin", "320500", Reach.DIVISION), person.id))
    with pytest.raises(NotFound):
        handlers.get_person(uows(), c.GetPerson(ADMIN, "missing"))


def issued(person, number="S000022000123263000001", level=3):
    return new_event(certificate_events.CertificateIssued, number=number, person=person.name,
                     occupation_code="3-02-02-00", level=level, issue_date=dates.to_proto(date(2026, 11, 20)),
                     issuing_organisation="评价中心")


def test_pool1_pool2_issued_certificate_joins_the_profile_once_and_is_searchable(uows):
    person = register(uows)
    register(uows)  # holds nothing: not in the pool
    event = issued(person)
    handlers.on_certificate_issued(uows(inbox=event), event)
    with pytest.raises(AlreadyApplied):
        handlers.on_certificate_issued(uows(inbox=event), event)
    found, token = handlers.search_talent(uows(), c.SearchTalent.parse(
        ADMIN, occupation_code="3-02-02-00", level=3, region_code="220100", industry=0,
        page_size=0, page_token=""))
    assert [p.id for p in found] == [person.id] and token == ""
    assert [h.number for h in found[0].certificates] == [event.number]
    none, _ = handlers.search_talent(uows(), c.SearchTalent(ADMIN,
        "3-02-02-00", 2, "", 0, paging.Page()))
    assert none == []


def test_pool2_city_admin_searches_its_own_division_only(uows):
    city = Caller("c", "city_admin", "320500", Reach.DIVISION)
    assert c.SearchTalent.parse(city, occupation_code="", level=0, region_code="", industry=0,
                                page_size=0, page_token="").region_code == "320500"
    with pytest.raises(PermissionDenied):
        c.SearchTalent.parse(city, occupation_code="", level=0, region_code="220102",
                             industry=0, page_size=0, page_token="")


def status_changed(number, to_status, seconds):
    event = new_event(certificate_events.CertificateStatusChanged, number=number,
                      certificate=f"certificates/{number}", to_status=to_status)
    event.change_time.FromSeconds(seconds)
    return event


def test_cert3_pool2_a_certificate_not_valid_leaves_the_search_and_comes_back_reinstated(uows):
    person = register(uows)
    event = issued(person)
    handlers.on_certificate_issued(uows(inbox=event), event)
    query = c.SearchTalent(ADMIN, "3-02-02-00", 3, "", 0, paging.Page())

    def pool():
        return [p.id for p in handlers.search_talent(uows(), query)[0]]

    for to_status, seconds, expected in ((2, 100, []), (1, 200, [person.id]),   # suspend, reinstate
                                         (3, 400, []),                          # revoke
                                         (1, 300, [])):  # a stale change applied late: ignored
        change = status_changed(event.number, to_status, seconds)
        handlers.on_certificate_status_changed(uows(inbox=change), change)
        assert pool() == expected, (to_status, seconds)
    replaced = issued(person, "S000022000123263000002")
    handlers.on_certificate_issued(uows(inbox=replaced), replaced)
    assert pool() == [person.id]
    change = status_changed(replaced.number, 4, 500)  # REPLACED
    handlers.on_certificate_status_changed(uows(inbox=change), change)
    assert pool() == []


def test_a_known_resident_id_tells_an_institution_or_other_division_only_its_name(uows):
    rid = resident_id()
    first = register(uows, rid)
    org = Caller("o", "eval_org", "institutions/a1", Reach.INSTITUTION)
    other_city = Caller("c", "city_admin", "320500", Reach.DIVISION)
    for actor, region in ((org, "220102"), (other_city, "320505")):
        with pytest.raises(AlreadyExists) as caught:
            register(uows, rid, actor=actor, region=region)
        assert str(caught.value) == f"{first.name} is registered already"
        assert "张伟" not in str(caught.value) and "220102" not in str(caught.value)
    assert register(uows, actor=org, region="320505").region_code == "320505"  # a new person


def test_pool5_only_the_province_sees_the_register_form_and_birth_date(uows):
    rid = resident_id()
    person = register(uows, rid)
    assert person.resident_id_masked == rid[:4] + "*" * 10 + rid[-4:]
    assert person.birth_date.isoformat().replace("-", "") == rid[6:14]
    for actor in (Caller("c", "city_admin", "220100", Reach.DIVISION), Caller("a", "auditor"),
                  Caller("s", "service")):
        seen = handlers.get_person(uows(), c.GetPerson(actor, person.id))
        assert seen.resident_id_masked == rid[:2] + "*" * 14 + rid[-2:]
        assert seen.birth_date is None
    revealed = handlers.get_person(uows(), c.GetPerson(ADMIN, person.id))
    assert revealed.resident_id_masked == person.resident_id_masked and revealed.birth_date


def test_pool5_a_read_that_reveals_more_than_the_everyday_mask_is_audited(uows):
    rid = resident_id()
    person = register(uows, rid)
    t = uows().audit_tables.record

    def reads() -> list:
        with uows.db.engine.connect() as conn:
            return [r for r in conn.execute(t.select().order_by(t.c.seq)).all()
                    if "birth_date" in (r.changes or "")]

    handlers.get_person(uows(), c.GetPerson(Caller("a", "auditor"), person.id))
    assert reads() == []  # the everyday form: nothing revealed
    handlers.get_person(uows(), c.GetPerson(ADMIN, person.id))
    (read,) = reads()
    assert person.name in read.resources.split()
    assert rid not in read.changes and rid[6:14] not in read.changes  # names, not values
