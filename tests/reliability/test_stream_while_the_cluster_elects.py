"""A service starting while its JetStream cluster has no quorum (nodes just killed, being
restarted) waits for the cluster instead of dying at start-up: `ensure_stream` retries
what the JetStream API answers meanwhile. Found by the fault suite (`tests/chaos`): a
replica restarted during a node's restart exited with `nats: timeout` from add_stream."""

import asyncio
import random

import nats
import pytest

from anbaoctl import secrets
from anbaoctl.cluster import Cluster, Layout
from anbaoctl.leftovers import _free
from servicekit import natsauth
from servicekit.jetstream import ensure_stream
from servicekit.natsauth import stream_name

PACKAGE = "anbao.registry.v1"


def _free_layout() -> Layout:
    for _ in range(50):
        nats_base, route_base = random.randrange(20000, 29000), random.randrange(30000, 39000)
        if all(_free(p) for i in range(3) for p in (nats_base + i, route_base + i)):
            return Layout(nats_base=nats_base, route_base=route_base)
    raise RuntimeError("no free ports for a 3-node NATS cluster after 50 tries")


@pytest.fixture
def cluster(tmp_path):
    secrets.ensure(tmp_path)
    cluster = Cluster(tmp_path, "postgresql://unused@127.0.0.1/unused", _free_layout())
    yield cluster
    for node in cluster.nodes:
        node.stop()


async def test_a_stream_is_ensured_once_the_cluster_has_a_quorum_again(cluster):
    cluster.start_node(0)  # one node of three: no JetStream meta leader
    nc = await nats.connect(
        f"nats://127.0.0.1:{cluster.layout.nats_base}", **natsauth.connect_options(
            natsauth.ADMIN, secrets.credentials_file(cluster.data_dir, natsauth.ADMIN)))
    try:
        js = nc.jetstream(timeout=2)
        ensuring = asyncio.create_task(ensure_stream(js, PACKAGE, replicas=3, patience=90))
        # given 3 s to fail without a quorum, it must still be waiting
        done, _ = await asyncio.wait({ensuring}, timeout=3)
        assert not done
        await asyncio.to_thread(cluster.start_node, 1)
        await asyncio.to_thread(cluster.start_node, 2)
        assert await asyncio.wait_for(ensuring, 90) == stream_name(PACKAGE)
        info = await js.stream_info(stream_name(PACKAGE))
        assert info.config.num_replicas == 3
    finally:
        await nc.close()
