"""A call that finds its service's database unreachable (PostgreSQL restarting, a
failover) is answered UNAVAILABLE, which a client may retry — not INTERNAL. Found by the
fault suite (tests/chaos): its API session failed with INTERNAL while PostgreSQL
restarted. The service answers again once the database is back."""

import grpc
import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests import builders
from tests.conftest import POSTGRES_URL
from tests.harness import eventually


def _refuse_connections(database: str, refuse: bool) -> None:
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{database}" WITH ALLOW_CONNECTIONS {not refuse}')
        if refuse:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = %s AND pid <> pg_backend_pid()", (database,))


async def _registers(stubs) -> bool:
    try:
        await builders.person(stubs)
    except grpc.aio.AioRpcError as exc:
        assert exc.code() == grpc.StatusCode.UNAVAILABLE
        return False
    return True


async def test_a_database_that_refuses_connections_makes_calls_unavailable(system, backend):
    if backend != "postgres":
        pytest.skip("a PostgreSQL server that goes away")
    stubs = system.stubs()
    await builders.person(stubs)
    database = make_url(system.db_urls["registry"]).database
    _refuse_connections(database, True)
    try:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await builders.person(stubs)
        assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
        assert "database" in caught.value.details()
    finally:
        _refuse_connections(database, False)
    await eventually(lambda: _registers(stubs))
