"""Prometheus metrics of one service, served at `/metrics` on its `metrics_port`: RPCs by
method and status code with their latency, the outbox backlog, each consumer's lag on
JetStream, and the events it dead-lettered.

Each runtime has a registry of its own (not the process-wide default), since the tests run
every service in one process. Backlog and lag are read when scraped, so they are never
stale and cost nothing between scrapes."""

import asyncio
import logging

import grpc
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import generate_latest

log = logging.getLogger(__name__)

# from 0.5 ms (a cached lookup) to 10 s (a deadline)
LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
                   2.5, 5.0, 10.0)


class Metrics:
    def __init__(self):
        self.registry = CollectorRegistry()
        self.rpcs = Counter("anbao_rpc_requests", "RPCs answered, by method and status code",
                            ["method", "code"], registry=self.registry)
        self.latency = Histogram("anbao_rpc_duration_seconds", "Time to answer an RPC",
                                 ["method"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.outbox_backlog = Gauge("anbao_outbox_backlog",
                                    "Committed events not yet stored by JetStream",
                                    registry=self.registry)
        self.consumer_pending = Gauge("anbao_consumer_pending",
                                      "Events on the stream this consumer has not received",
                                      ["consumer"], registry=self.registry)
        self.consumer_ack_pending = Gauge("anbao_consumer_ack_pending",
                                          "Events received and not yet acknowledged",
                                          ["consumer"], registry=self.registry)
        self.dead_letters = Counter("anbao_dead_letters", "Events set aside as dead letters",
                                    ["consumer"], registry=self.registry)
        self._children: dict[tuple, tuple] = {}  # (method, code) → label children, made once

    def rpc(self, method: str, code: grpc.StatusCode, seconds: float) -> None:
        children = self._children.get((method, code))
        if children is None:
            children = self._children[(method, code)] = (
                self.rpcs.labels(method, code.name), self.latency.labels(method))
        children[0].inc()
        children[1].observe(seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)


async def serve(metrics: Metrics, refresh, host: str, port: int) -> tuple[web.AppRunner, int]:
    """`/metrics` on its own port (never beside the public lookup): `refresh()` updates
    the gauges read at scrape time. Returns the runner and the bound port."""
    async def scrape(_request: web.Request) -> web.Response:
        try:
            await refresh()
        except Exception as exc:  # noqa: BLE001 - a gauge that cannot be read stays as was
            log.warning("metrics: %s: %s", type(exc).__name__, exc)
        return web.Response(body=metrics.render(),
                            headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get("/metrics", scrape)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]  # port 0 in tests
    return runner, bound


async def consumer_lag(js, consumers: dict) -> dict[str, tuple[int, int]]:
    """durable name → (pending, ack pending), from JetStream's consumer info."""
    async def one(durable, consumer):
        info = await js.consumer_info(consumer.stream, durable)
        return durable, (info.num_pending or 0, info.num_ack_pending or 0)
    results = await asyncio.gather(*(one(d, c) for d, c in consumers.items()),
                                   return_exceptions=True)
    return dict(r for r in results if not isinstance(r, BaseException))
