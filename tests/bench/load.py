"""The load generator: a closed loop of N requests in flight against one path, in a
process of its own (`Generator`), so its CPU is not the server's.

Cheap per request by construction: gRPC calls are generic unary calls on raw bytes (the
requests are serialised once, the replies never parsed), HTTP goes through one aiohttp
session with keep-alive. Each request's latency is taken around the call; the server's
CPU time is read from /proc at the start and the end of the measured window."""

import asyncio
import itertools
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
import multiprocessing

from . import proc


@dataclass(frozen=True)
class Load:
    kind: str                # "grpc" or "http"
    target: str              # host:port for gRPC, the base URL for HTTP
    requests: list           # gRPC request bytes, or HTTP paths; cycled through
    server_pid: int
    method: str = ""         # the gRPC method's path
    metadata: tuple = ()
    inflight: int = 1
    warmup: float = 1.0      # seconds before the measured window
    duration: float = 5.0    # the measured window
    once: bool = False       # instead of a window: each request once, in order
    expect_status: int = 200  # HTTP


@dataclass
class Result:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    server_cpu_ms: float     # per request
    client_cpu_ms: float     # per request
    errors: int = 0
    first_error: str = ""
    latencies_ms: list = field(default_factory=list, repr=False)  # only with `once`


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def _caller(load: Load):
    """(call(i) → awaits request i, close())."""
    if load.kind == "grpc":
        import grpc

        channel = grpc.aio.insecure_channel(load.target)
        method = channel.unary_unary(load.method)  # no (de)serialisers: bytes in, bytes out
        metadata = tuple(load.metadata)

        async def call(i: int) -> None:
            await method(load.requests[i], metadata=metadata, timeout=60)
        return call, channel.close
    import aiohttp

    session = aiohttp.ClientSession(
        load.target, connector=aiohttp.TCPConnector(limit=load.inflight, force_close=False))

    async def call(i: int) -> None:
        async with session.get(load.requests[i]) as answer:
            await answer.read()
            if answer.status != load.expect_status:
                raise RuntimeError(f"HTTP {answer.status} for {load.requests[i]}")
    return call, session.close


async def _run(load: Load) -> Result:
    call, close = await _caller(load)
    n = len(load.requests)
    latencies: list[float] = []
    errors: list[str] = []
    counter = itertools.count()
    now = time.perf_counter()
    start = now + (0 if load.once else load.warmup)
    end = float("inf") if load.once else start + load.duration
    marks = {}

    async def worker() -> None:
        while True:
            i = next(counter)
            if load.once and i >= n:
                return
            t0 = time.perf_counter()
            if t0 >= end:
                return
            try:
                await call(i % n)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                errors.append(f"{type(exc).__name__}: {exc}"[:300])
                continue
            t1 = time.perf_counter()
            if start <= t1 <= end:  # completed in the window (throughput's definition too)
                latencies.append(t1 - t0)

    async def clock() -> None:
        await asyncio.sleep(max(0.0, start - time.perf_counter()))
        marks["start"] = (time.perf_counter(), proc.cpu_seconds(load.server_pid), _client_cpu())
        if not load.once:
            await asyncio.sleep(max(0.0, end - time.perf_counter()))
            marks["end"] = (time.perf_counter(), proc.cpu_seconds(load.server_pid),
                            _client_cpu())

    try:
        timer = asyncio.create_task(clock())
        await asyncio.gather(*(worker() for _ in range(load.inflight)))
        if load.once:
            marks["end"] = (time.perf_counter(), proc.cpu_seconds(load.server_pid),
                            _client_cpu())
        await timer
    finally:
        await close()
    # the window as planned (the clock's marks may land a little late on a busy loop)
    seconds = marks["end"][0] - marks["start"][0] if load.once else load.duration
    count = max(len(latencies), 1)
    return Result(
        requests=len(latencies), seconds=seconds, rps=len(latencies) / seconds,
        p50_ms=quantile(latencies, 0.5) * 1e3, p99_ms=quantile(latencies, 0.99) * 1e3,
        server_cpu_ms=(marks["end"][1] - marks["start"][1]) * 1e3 / count,
        client_cpu_ms=(marks["end"][2] - marks["start"][2]) * 1e3 / count,
        errors=len(errors), first_error=errors[0] if errors else "",
        latencies_ms=[x * 1e3 for x in latencies] if load.once else [])


def run(load: Load) -> Result:
    """In the generator's process."""
    return asyncio.run(_run(load))


class Generator:
    """One long-lived process that runs loads one after the other."""

    def __enter__(self) -> "Generator":
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        return self

    def __exit__(self, *exc) -> None:
        self._pool.shutdown()

    def call(self, function, *args):
        """Any other work that must not share the benchmark's process (the raw limit)."""
        return self._pool.submit(function, *args).result()

    def run(self, load: Load) -> Result:
        result = self._pool.submit(run, load).result()
        if result.errors:
            raise RuntimeError(f"{result.errors} of the requests to {load.target}"
                               f"{load.method} failed; the first: {result.first_error}")
        return result
