"""`anbao events`: list the dead letters, replay one after the cause is fixed, and the
event is applied exactly once."""

import asyncio
import json

from sqlalchemy import select
from typer.testing import CliRunner

from anbao.certificates.v1 import events_pb2 as cert_events
from anbaoctl.main import app
from servicekit.errors import NotFound
from servicekit.eventsigning import HEADER
from tests.harness import eventually
from tests.reliability.test_consumer_faults import issue_one, read_dead_letters, wrap_handler
from tests.reliability.test_exactly_once import _caught_up, _pool_is, pool_size

runner = CliRunner()
CONSUMER = "registry__CertificateIssued"


async def anbao(system, *args: str):
    return await asyncio.to_thread(runner.invoke, app, [
        "events", *args, "--nats-url", system.nats.url,
        "--nats-credentials", str(system.bus.credentials("admin"))])


async def test_a_dead_letter_replayed_after_the_fix_is_applied_exactly_once(system, backend):
    result = await anbao(system, "dead-letters")
    assert result.exit_code == 0 and "no dead letters" in result.output

    def missing_person(handler):
        def handle(uow, event):
            raise NotFound(f"{event.person} is not in the pool yet")
        return handle

    fixed = wrap_handler(system.registry, CONSUMER, missing_person)
    stubs = await issue_one(system)
    await eventually(lambda: read_dead_letters(system))
    issued = _issued_event(system)

    result = await anbao(system, "dead-letters", "--json")
    assert result.exit_code == 0, result.output
    (listed,) = [json.loads(line) for line in result.output.splitlines()]
    assert listed["service"] == "registry" and listed["consumer"] == CONSUMER
    assert listed["subject"] == cert_events.CertificateIssued.DESCRIPTOR.full_name
    assert listed["reason"].startswith("refused: NotFound: persons/")
    assert listed["event_id"] == issued.event_id and listed["time"]
    table = await anbao(system, "dead-letters")
    assert "dead letters (1)" in table.output and "registry" in table.output
    assert await pool_size(stubs) == 0

    system.registry.consumers[CONSUMER].subscription = fixed  # the fix
    result = await anbao(system, "replay", str(listed["seq"]))
    assert result.exit_code == 0, result.output
    assert f"event {issued.event_id}" in result.output
    await eventually(lambda: _pool_is(stubs, 1))
    await eventually(lambda: _caught_up(system))
    assert await read_dead_letters(system) == []

    result = await anbao(system, "replay", str(listed["seq"]))  # gone once replayed
    assert result.exit_code == 1 and f"no dead letter {listed['seq']}" in result.output

    # the event delivered yet again (a second replay, a redelivery): still applied once
    conn = await system.bus.connect(system.nats.url)
    data = issued.SerializeToString()
    await conn.jetstream().publish(listed["subject"], data, headers={
        "Nats-Msg-Id": issued.event_id + ":again",
        HEADER: system.bus.signer("certificates").sign(listed["subject"], data)})
    await conn.close()
    await eventually(lambda: _caught_up(system))
    assert await pool_size(stubs) == 1
    assert _inbox_holds(system.registry, issued.event_id) == 1


def _issued_event(system) -> cert_events.CertificateIssued:
    t = system.certificates.tables.outbox
    with system.certificates.db.engine.connect() as conn:
        payload = conn.scalar(select(t.c.payload).where(
            t.c.subject == cert_events.CertificateIssued.DESCRIPTOR.full_name))
    return cert_events.CertificateIssued.FromString(payload)


def _inbox_holds(runtime, event_id: str) -> int:
    t = runtime.tables.inbox
    with runtime.db.engine.connect() as conn:
        return len(conn.execute(select(t.c.event_id).where(t.c.event_id == event_id)).all())
