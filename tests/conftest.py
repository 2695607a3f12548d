"""Fixtures with real parts: a nats-server per test, SQLite files (or PostgreSQL
databases when ANBAO_TEST_POSTGRES_URL is set), and the services on real sockets."""

import os
import uuid

import pytest

from tests.harness import Bus, System, database_urls, drop_databases, start_nats, token_keys

POSTGRES_URL = os.environ.get("ANBAO_TEST_POSTGRES_URL", "")


def pytest_generate_tests(metafunc):
    """Tests on the running system run on SQLite and, when configured, on PostgreSQL."""
    if "backend" in metafunc.fixturenames or "system" in metafunc.fixturenames:
        metafunc.parametrize("backend", ["sqlite", "postgres"] if POSTGRES_URL else ["sqlite"])


@pytest.fixture
def nats_server(tmp_path):
    """With NKey authentication and per-service permissions, as `anbao up` runs it."""
    server = start_nats(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def db_urls(tmp_path, backend):
    urls = database_urls(backend, tmp_path, POSTGRES_URL, uuid.uuid4().hex[:10])
    yield urls
    if backend == "postgres":
        drop_databases(POSTGRES_URL, urls)


@pytest.fixture(scope="session")
def keys():
    return token_keys()


@pytest.fixture
async def system(nats_server, db_urls, keys, tmp_path):
    running = System(nats_server, db_urls, keys, Bus(tmp_path))
    await running.start()
    yield running
    await running.stop()
