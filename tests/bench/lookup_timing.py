"""Does the public lookup's time tell an unknown number from a wrong name (CERT-4)?

Starts the system on free ports as `make bench` does (a NATS server of its own, SQLite
in a temporary folder, 1,000 certificates), then sends N lookups of a known number with a wrong
name and N of an unknown number, interleaved, over HTTP, and compares the two latency
samples with a two-sided Mann–Whitney U test (normal approximation with tie correction).
A p-value at or above 0.01 means no difference was detected.

    .venv/bin/python -m tests.bench.lookup_timing [N]
"""

import asyncio
import math
import sys
import tempfile
import time
from pathlib import Path

import aiohttp


def mann_whitney(a: list[float], b: list[float]) -> tuple[float, float]:
    """(U of `a`, two-sided p) — normal approximation, average ranks for ties."""
    pooled = sorted([(x, 0) for x in a] + [(x, 1) for x in b])
    ranks, i, ties = [0.0] * len(pooled), 0, 0.0
    while i < len(pooled):
        j = i
        while j + 1 < len(pooled) and pooled[j + 1][0] == pooled[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        t = j - i + 1
        ties += t ** 3 - t
        i = j + 1
    n1, n2 = len(a), len(b)
    r1 = sum(r for r, (_, group) in zip(ranks, pooled) if group == 0)
    u1 = r1 - n1 * (n1 + 1) / 2
    n = n1 + n2
    sigma = math.sqrt(n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1))))
    z = (u1 - n1 * n2 / 2) / sigma
    return u1, math.erfc(abs(z) / math.sqrt(2))


async def sample(base: str, number: str, unknown: str, n: int, warm: int = 100) -> dict:
    """Latencies (s) of `n` lookups of `number` with a wrong name and `n` of `unknown`,
    interleaved over HTTP at `base` (the first `warm` of each warm the caches)."""
    samples = {"wrong name": [], "unknown number": []}
    url = f"{base}/api/v1/certificates/"
    async with aiohttp.ClientSession() as http:
        for i in range((n + warm) * 2):
            label, target = (("wrong name", number) if i % 2 else ("unknown number", unknown))
            start = time.perf_counter()
            async with http.get(url + target, params={"name": "李四"}) as answer:
                await answer.read()
                assert answer.status == 404, answer.status
            if i >= warm * 2:
                samples[label].append(time.perf_counter() - start)
    return samples


def summary(samples: dict) -> dict:
    u, p = mann_whitney(samples["wrong name"], samples["unknown number"])
    median = {k: sorted(v)[len(v) // 2] * 1e6 for k, v in samples.items()}
    return {"n": len(samples["wrong name"]), "median_us": median, "u": u, "p": p}


def measure(n: int) -> dict:
    """On a system of its own (`make bench` runs `sample` on its big one instead)."""
    from .dataset import cached
    from .system import BenchSystem

    root = Path("data/bench").resolve()
    data = cached(root, 1_000)
    number = data.sample[0][0]
    with tempfile.TemporaryDirectory() as folder:
        urls = {"certificates": data.materialise(Path(folder))}
        with BenchSystem(root, Path(folder), urls) as system:  # lookup budgets raised
            samples = asyncio.run(sample(system.http_base, number, number[:-6] + "999999", n))
    return summary(samples)


def main() -> None:
    result = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
    m = result["median_us"]
    print(f"lookup timing, {result['n']} requests each over HTTP: median wrong name "
          f"{m['wrong name']:.0f} µs, unknown number {m['unknown number']:.0f} µs; "
          f"Mann–Whitney p = {result['p']:.3f} "
          f"({'no difference detected' if result['p'] >= 0.01 else 'DIFFERENT'} at p < 0.01)")


if __name__ == "__main__":
    main()
