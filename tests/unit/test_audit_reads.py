"""A read of unmasked personal data is audited like a write: the handler calls
`uow.record_read` and commits; the record names the resources and the fields revealed,
never their values. (No RPC answers unmasked data yet: this is the hook for the first.)"""

import json
from functools import partial

from servicekit import audit, auth
from servicekit.fieldcrypto import BlindIndex, FieldCipher, new_key
from services.registry.adapters.orm import metadata
from services.registry.adapters.repository import Protector, RegistryRepositories
from tests.unit.memory import MemoryUnitOfWorks


def test_a_recorded_read_appends_a_record_naming_the_reader_and_the_fields():
    protector = Protector(FieldCipher({1: new_key()}, current=1), BlindIndex(new_key()))
    uows = MemoryUnitOfWorks(metadata, partial(RegistryRepositories, protector=protector))
    token = auth.set_caller(auth.Caller("officer-7", "province_admin"))
    call = audit.bind_call("/anbao.registry.v1.RegistryService/RevealPerson", "req-1")
    try:
        with uows() as uow:
            uow.record_read(["persons/p1"], ["resident_id", "phone"])
            uow.commit()
        with uows() as uow:  # nothing changed, nothing read: no record
            uow.commit()
    finally:
        audit.unbind_call(call)
        auth.reset_caller(token)
    t = uows().audit_tables.record
    with uows.db.engine.connect() as conn:
        rows = conn.execute(t.select()).all()
    assert len(rows) == 1
    (r,) = rows
    assert (r.actor_subject, r.actor_role, r.method, r.request_id, r.resources) == (
        "officer-7", "province_admin", "/anbao.registry.v1.RegistryService/RevealPerson",
        "req-1", " persons/p1 ")
    assert json.loads(r.changes)["reads"] == [{"resources": ["persons/p1"],
                                               "revealed": ["resident_id", "phone"]}]
