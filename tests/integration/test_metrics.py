"""Prometheus metrics at /metrics on each service's own port: RPCs by method and status
code with their latency, the outbox backlog and each consumer's lag, read by Prometheus'
own text parser."""

import asyncio

import aiohttp
import grpc
import pytest
from prometheus_client.parser import text_string_to_metric_families

from anbao.registry.v1 import registry_pb2 as reg
from tests import builders
from tests.harness import eventually


async def scrape(runtime) -> dict:
    """(metric name, labels as a sorted tuple) → value"""
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{runtime.metrics_port}/metrics") as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("text/plain")
            text = await response.text()
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


async def test_rpcs_are_counted_by_method_and_code_with_their_latency(system, backend):
    stubs = system.stubs()
    await builders.person(stubs)
    with pytest.raises(grpc.aio.AioRpcError) as missing:
        await stubs.registry.GetPerson(reg.GetPersonRequest(name="persons/nobody"),
                                       metadata=stubs.metadata)
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.aio.AioRpcError) as anonymous:
        await stubs.registry.GetPerson(reg.GetPersonRequest(name="persons/nobody"))
    assert anonymous.value.code() == grpc.StatusCode.UNAUTHENTICATED

    samples = await scrape(system.registry)
    count = lambda method, code: samples.get(  # noqa: E731
        ("anbao_rpc_requests_total", (("code", code), ("method", method))))
    assert count("RegisterPerson", "OK") == 1
    assert count("GetPerson", "NOT_FOUND") == 1
    assert count("GetPerson", "UNAUTHENTICATED") == 1
    assert samples[("anbao_rpc_duration_seconds_count", (("method", "GetPerson"),))] == 2
    assert ("anbao_rpc_duration_seconds_bucket", (("le", "0.0005"), ("method", "GetPerson"))) \
        in samples


async def test_outbox_backlog_and_consumer_lag_are_read_at_scrape_time(system, backend):
    stubs = system.stubs()
    system.nats.kill()  # the person's event stays in the outbox
    await builders.person(stubs)
    samples = await scrape(system.registry)
    assert samples[("anbao_outbox_backlog", ())] == 1
    system.nats.start()

    def lag(samples) -> dict:
        return {dict(labels)["consumer"]: value for (name, labels), value in samples.items()
                if name == "anbao_consumer_pending"}

    async def drained():  # and every consumer answering again, after the broker's restart
        now = await scrape(system.registry)
        return (now[("anbao_outbox_backlog", ())] == 0
                and set(lag(now)) == set(system.registry.consumers) and now)
    samples = await eventually(drained, timeout=30)
    assert set(lag(samples).values()) == {0}


async def test_anbao_status_prints_each_service_health_backlog_and_lag(system, backend):
    from typer.testing import CliRunner

    from anbaoctl import status
    from anbaoctl.main import app

    found = await asyncio.to_thread(status.gather, [
        (name, runtime.port, runtime.metrics_port) for name, runtime in system.runtimes().items()])
    assert [s.health for s in found] == ["SERVING"] * len(found)
    assert all(s.backlog == 0 and s.dead_letters == 0 and s.healthy for s in found)
    # the command, on ports where nothing listens: every service unreachable, exit 1
    result = await asyncio.to_thread(CliRunner().invoke, app, [
        "status", *[f"--{s}-port=1" for s in system.runtimes()]])
    assert result.exit_code == 1 and "unrea" in result.output  # "unreachable", maybe folded
