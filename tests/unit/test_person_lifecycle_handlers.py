"""registry's person lifecycle without a network: updates and their events, the etag's
conditional write, versioned data keys and the re-encryption job's care for live writes."""

from datetime import date

import pytest
from google.type.date_pb2 import Date
from sqlalchemy import select, update

from anbao.registry.v1 import events_pb2
from anbao.registry.v1 import registry_pb2 as pb
from servicekit import fieldcrypto
from servicekit.auth import Caller
from servicekit.errors import Aborted, AlreadyExists, InvalidArgument
from servicekit.fieldcrypto import BlindIndexes, FieldCipher
from services.registry import handlers
from services.registry.adapters import keyrotation
from services.registry.adapters.orm import PersonChangeRow, PersonRow, metadata
from services.registry.adapters.repository import Protector, RegistryRepositories
from services.registry.domain import commands as c
from tests.builders import resident_id
from tests.unit.memory import MemoryUnitOfWorks

ADMIN = Caller("admin", "province_admin")
V1 = {"field": fieldcrypto.new_key(), "index": fieldcrypto.new_key()}
V2 = {"field": fieldcrypto.new_key(), "index": fieldcrypto.new_key()}


def protector(*versions: int, current: int) -> Protector:
    keys = {1: V1, 2: V2}
    return Protector(FieldCipher({v: keys[v]["field"] for v in versions}, current),
                     BlindIndexes({v: keys[v]["index"] for v in versions}, current))


class World:
    """One in-memory registry database whose service can be restarted with other keys."""

    def __init__(self):
        self.protector = protector(1, current=1)
        self.uows = MemoryUnitOfWorks(metadata, lambda s: RegistryRepositories(s, self.protector))

    def register(self, rid=None, name="张伟", phone="13912345678"):
        return handlers.register_person(self.uows(), c.RegisterPerson.parse(
            ADMIN, resident_id=rid or resident_id(), full_name=name, phone=phone,
            region_code="220102", employer_unit="长春市第一中学",
            industry=pb.INDUSTRY_SCHOOLS_HOSPITALS, guard_certificate_date=""))

    def update(self, person, *paths, phone="", etag=None, **values):
        return handlers.update_person(self.uows(), c.UpdatePerson.parse(
            ADMIN, person=pb.Person(name=person.name,
                                    etag=person.etag if etag is None else etag, **values),
            mask_paths=list(paths), phone=phone))

    def row(self, person) -> PersonRow:
        with self.uows.db.session() as session:
            return session.get(PersonRow, person.id)


@pytest.fixture
def world():
    return World()


def test_pool1_person_updated_names_the_fields_and_carries_no_personal_data(world):
    person = world.register()
    world.update(person, "full_name", "phone", full_name="王五", phone="13700001111")
    [event] = world.uows.emitted(events_pb2.PersonUpdated)
    assert list(event.fields) == ["full_name", "phone"] and event.person == person.name
    assert b"13700001111" not in event.SerializeToString()
    row = world.row(person)
    assert row.phone_masked == "137****1111" and b"13700001111" not in row.phone_cipher


def test_pool1_an_update_that_changes_nothing_records_nothing(world):
    person = world.register()
    same = world.update(person, "full_name", "phone", full_name="张伟", phone="13912345678")
    assert same.etag == person.etag
    assert world.uows.emitted(events_pb2.PersonUpdated) == []


def test_pool1_history_holds_keyed_digests_never_values(world):
    person = world.register()
    world.update(person, "phone", phone="13700001111")
    with world.uows.db.session() as session:
        rows = session.scalars(select(PersonChangeRow).order_by(PersonChangeRow.seq)).all()
    assert [r.kind for r in rows] == [1, 2] and rows[1].actor == "admin"
    assert "13700001111" not in rows[1].value_digests and '"phone"' in rows[1].value_digests


def test_aip154_a_write_between_read_and_commit_is_aborted(world):
    """The etag is checked on reading; the row's version is the condition of the write, so
    a change committed meanwhile (PostgreSQL locks the row; this simulates the race) is
    never overwritten."""
    person = world.register()
    uow = world.uows()
    with uow:
        loaded = uow.repos.people.get(person.id, for_update=True)
        loaded.update({"full_name": "王五"}, etag=loaded.etag, actor="a", actor_role="r",
                      at=loaded.created_at)
        uow.session.execute(update(PersonRow).where(PersonRow.id == person.id)
                            .values(version=PersonRow.version + 1)
                            .execution_options(synchronize_session=False))
        with pytest.raises(Aborted):
            uow.commit()
    assert world.row(person).full_name == "张伟"


def test_aip134_unknown_path_and_star_with_others_are_invalid(world):
    person = world.register()
    with pytest.raises(InvalidArgument) as caught:
        world.update(person, "resident_id", "*", full_name="x")
    fields = [v.field for v in caught.value.violations]
    assert fields == ["update_mask", "update_mask"]
    assert "resident_id" in caught.value.violations[0].description


def test_pool1_merging_a_person_into_itself_is_invalid(world):
    person = world.register()
    with pytest.raises(InvalidArgument) as caught:
        c.MergePersons.parse(ADMIN, name=person.name, merged_person=person.name)
    assert caught.value.violations[0].field == "merged_person"
    uow = world.uows()
    with uow:  # the aggregate refuses it too, whoever builds the command
        loaded = uow.repos.people.get(person.id, for_update=True)
        with pytest.raises(InvalidArgument):
            loaded.absorb(loaded, actor="a", actor_role="r", at=loaded.created_at)


def test_pool5_lookup_tries_every_index_version_while_keys_rotate(world):
    rid = resident_id()
    first = world.register(rid)
    world.protector = protector(1, 2, current=2)  # restarted with version 2 current
    assert world.register(rid).id == first.id  # found under index version 1: no duplicate
    with pytest.raises(AlreadyExists):
        world.register(rid, name="李四")
    fresh = world.register()
    assert (world.row(fresh).field_key_id, world.row(fresh).index_key_id) == (2, 2)


def test_pool5_new_phone_seals_the_whole_row_under_the_current_key(world):
    person = world.register()
    world.protector = protector(1, 2, current=2)
    world.update(person, "phone", phone="13700001111")
    row = world.row(person)
    assert row.field_key_id == 2
    assert row.resident_id_cipher[0] == 2 and row.phone_cipher[0] == 2
    world.protector = protector(2, current=2)  # version 1 no longer needed for this row
    assert handlers.get_person(world.uows(), c.GetPerson(ADMIN, person.id)).name == person.name


def test_pool5_rotation_never_overwrites_a_live_write_and_passes_again(world):
    people = [world.register() for _ in range(5)]
    world.protector = protector(1, 2, current=2)
    with world.uows.db.session() as session:
        rows = session.scalars(select(PersonRow).order_by(PersonRow.id)).all()
        for r in rows:
            session.expunge(r)
    # a live update commits after the job read the batch: its version moved
    changed = next(p for p in people if p.id == rows[0].id)
    world.update(changed, "full_name", full_name="王五")
    with world.uows.db.session() as session, session.begin():
        assert keyrotation._reseal(session, world.protector, rows) == 4
    assert world.row(changed).full_name == "王五"
    assert world.row(changed).field_key_id == 1  # skipped, not overwritten
    result = keyrotation.rotate(world.uows.db.session, world.protector, batch_size=2)
    assert result.finished
    with world.uows.db.session() as session:
        assert keyrotation.stale_count(session, world.protector) == 0
    world.protector = protector(2, current=2)
    for p in people:
        assert handlers.get_person(world.uows(), c.GetPerson(ADMIN, p.id)).name == p.name


def test_guard_certificate_number_shape(world):
    person = world.register()
    for bad in ("12-34", "12345", "吉吉123456", "A" * 21):
        with pytest.raises(InvalidArgument) as caught:
            world.update(person, "guard_certificate_number", "guard_certificate_date",
                         guard_certificate_number=bad,
                         guard_certificate_date=Date(year=2020, month=1, day=1))
        assert [v.field for v in caught.value.violations] == ["guard_certificate_number"]
    done = world.update(person, "guard_certificate_number", "guard_certificate_date",
                        guard_certificate_number="吉220120230012",
                        guard_certificate_date=Date(year=2020, month=1, day=1))
    assert done.guard_certificate_date == date(2020, 1, 1)
