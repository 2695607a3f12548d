"""`Cluster.start_replica` that gives up on a replica (not serving in time) leaves no
process behind: a second start would find the port taken, and its health check would be
answered by the first one (found by the fault suite, tests/chaos, on a loaded machine)."""

import uuid

import pytest

from anbaoctl.cluster import Cluster, Layout
from tests.conftest import POSTGRES_URL
from tests.reliability.test_stream_while_the_cluster_elects import _free_layout

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="the cluster runs on PostgreSQL")


def test_a_replica_that_does_not_serve_in_time_is_not_left_running(tmp_path):
    nodes = _free_layout()
    layout = Layout(replicas=1, nats_base=nodes.nats_base, route_base=nodes.route_base,
                    port_offset=nodes.nats_base - 20000)
    prefix = f"anbao_t{uuid.uuid4().hex[:8]}"
    cluster = Cluster(tmp_path, POSTGRES_URL, layout, reset=True, database_prefix=prefix)
    try:
        cluster.prepare()
        with pytest.raises(RuntimeError, match="did not start"):
            cluster.start_replica("registry", 0, timeout=0.01)
        assert cluster.replicas[("registry", 0)].poll() is not None
    finally:
        cluster.stop()
        import psycopg

        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            for url in cluster.db_urls.values():
                conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
