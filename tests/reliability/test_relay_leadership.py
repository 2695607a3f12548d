"""Two replicas of a service on one PostgreSQL database: only the leader's outbox relay
publishes (`servicekit.leadership`), events committed on the other replica still leave,
and when the leader stops the other takes over; no event lost, none published twice."""

from types import SimpleNamespace

import grpc
import pytest
from sqlalchemy import create_engine

from anbao.registry.v1 import registry_pb2_grpc
from servicekit import leadership, tokens
from servicekit.natsauth import stream_name
from services import manifest
from tests import builders
from tests.conftest import POSTGRES_URL
from tests.harness import eventually
from tests.reliability.test_exactly_once import pending_outbox

REGISTRY_EVENTS = "anbao.registry.v1"


async def _stream_messages(system) -> int:
    nc = await system.bus.connect(system.nats.url)
    try:
        return (await nc.jetstream().stream_info(stream_name(REGISTRY_EVENTS))).state.messages
    finally:
        await nc.close()


async def _register(runtime, metadata, count: int) -> None:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{runtime.port}") as channel:
        stubs = SimpleNamespace(registry=registry_pb2_grpc.RegistryServiceStub(channel),
                                metadata=metadata)
        for _ in range(count):
            await builders.person(stubs)


async def test_only_the_leader_publishes_and_the_other_replica_takes_over(system, backend):
    if backend != "postgres":
        pytest.skip("replicas share a PostgreSQL database; on SQLite there is one process")
    registry = manifest.get("registry")
    second = registry.build_function()(
        system.settings(registry),
        tokens.TokenVerifier(system.issuer.public_key, audience="registry"))
    await second.start()
    try:
        leader = system.registry
        assert leader.relay._lease.held and not second.relay._lease.held
        metadata = system.stubs().metadata
        before = await _stream_messages(system)

        await _register(second, metadata, 5)  # committed on the replica that does not lead
        await eventually(lambda: _published(system, before + 5))
        assert not second.relay._lease.held  # the leader sent them

        await leader.stop()  # the leader goes, and its session's lock with it
        await eventually(lambda: _leads(second), timeout=15)
        await _register(second, metadata, 3)
        await eventually(lambda: _published(system, before + 8))
        # the relay marks a row published after JetStream's ack: a moment later
        await eventually(lambda: _none_pending(second))
        assert await _stream_messages(system) == before + 8  # nothing twice
    finally:
        await second.stop()


async def _published(system, n: int) -> bool:
    return await _stream_messages(system) == n


async def _none_pending(runtime) -> bool:
    return pending_outbox(runtime) == 0


async def _leads(runtime) -> bool:
    return runtime.relay._lease.held


@pytest.mark.skipif(not POSTGRES_URL, reason="advisory locks are PostgreSQL's")
def test_one_session_holds_the_lead_and_loses_it_with_its_session():
    engine = create_engine(POSTGRES_URL)
    first, second = (leadership.Lease(engine, "test-relay") for _ in range(2))
    try:
        assert first.ensure() and not second.ensure()
        assert first.ensure()  # kept while its session lives
        first._conn.invalidate()  # the session dies: a crash, a database restart
        assert second.ensure() and not first.ensure()
    finally:
        first.release()
        second.release()
        engine.dispose()
