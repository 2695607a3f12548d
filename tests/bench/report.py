"""The one table `make bench` prints (Markdown), from the results it writes as JSON.

Columns: what is measured, at how many requests in flight, the project's figure, the
baseline's (the bare echo, the raw limit, the small dataset…), their ratio, and the
issue's target with ✓ or ✗. Every figure is a median over the repetitions."""

import os
import statistics

TARGET_RPS, TARGET_P99 = 0.70, 2.0


def _n(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def _ms(value: float) -> str:
    return f"{value:.2f}" if value < 10 else f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _check(ok: bool) -> str:
    return "✓" if ok else "✗"


def rows(results: dict) -> list[tuple]:
    out = []
    for cell in results.get("paths", []):
        p, e, n = cell["project"], cell["echo"], cell["inflight"]
        ratio, p99 = p["rps"] / e["rps"], p["p99_ms"] / e["p99_ms"]
        lookup = cell["path"] != "GetCertificate (gRPC)"
        out.append((f"{cell['path']}: requests/s (server CPU ms/request)", n,
                    f"{_n(p['rps'])} ({p['server_cpu_ms']:.2f})",
                    f"{_n(e['rps'])} ({e['server_cpu_ms']:.2f})", f"{ratio:.2f}",
                    f"≥ {TARGET_RPS:.2f} {_check(ratio >= TARGET_RPS)}" if lookup else ""))
        out.append(("  p50 / p99 ms", n, f"{_ms(p['p50_ms'])} / {_ms(p['p99_ms'])}",
                    f"{_ms(e['p50_ms'])} / {_ms(e['p99_ms'])}", f"p99 {p99:.1f}×",
                    f"≤ {TARGET_P99:.0f}× {_check(p99 <= TARGET_P99)}" if lookup else ""))
    if first := results.get("first_lookup"):
        out.append(("LookupCertificate, first lookup of a certificate (proofs verified, "
                    "not cached): p50 / p99 ms", 1,
                    f"{_ms(first['p50_ms'])} / {_ms(first['p99_ms'])}", "", "", ""))
    big = {(c["path"], c["inflight"]): c["project"] for c in results.get("paths", [])}
    size = results.get("config", {})
    for cell in results.get("small", []):
        large = big.get((cell["path"], cell["inflight"]))
        if large is None:
            continue
        small = cell["project"]
        ratio = large["p50_ms"] / small["p50_ms"]
        out.append((f"{cell['path']} at {size['big']:,} / {size['small']:,} certificates: "
                    "p50 ms (requests/s)", cell["inflight"],
                    f"{_ms(large['p50_ms'])} ({_n(large['rps'])})",
                    f"{_ms(small['p50_ms'])} ({_n(small['rps'])})", f"{ratio:.2f}×",
                    f"≤ 1.5× {_check(ratio <= 1.5)}"))
    if bursts := results.get("bursts"):
        raw = statistics.median(r["certificates_per_second"] for r in results["raw"])
        rate = statistics.median(b["certificates_per_second"] for b in bursts)
        out.append((f"issuance, {bursts[0]['passers']:,} passers: certificates/s (baseline: "
                    "raw sign + build + batched insert + pipelined publish)", "—",
                    _n(rate, 1), _n(raw, 1), f"{rate / raw:.2f}", f"≥ 0.50 {_check(rate / raw >= 0.5)}"))
        pool = statistics.median(b["pool_seconds"] for b in bursts)
        issue = statistics.median(b["issue_seconds"] for b in bursts)
        over = statistics.median(b["pool_over_issue"] for b in bursts)
        out.append((f"talent pool, {bursts[0]['passers']:,} burst: s until all in the pool "
                    "(baseline: s to issue them)", "—", _n(pool, 1), _n(issue, 1),
                    f"{over:.2f}×", f"≤ 1.5× {_check(over <= 1.5)}"))
        out.append(("  issuance → pool in the burst, p50 / p99 ms", "—",
                    f"{_n(statistics.median(b['issue_to_pool_p50_ms'] for b in bursts))} / "
                    f"{_n(statistics.median(b['issue_to_pool_p99_ms'] for b in bursts))}",
                    "", "", ""))
    if steady := results.get("steady"):
        out.append((f"talent pool at a steady {steady['rate_offered']:.0f} passers/s "
                    f"({steady['passers']:,}, issued at {steady['certificates_per_second']:.0f}/s)"
                    ": issuance → pool p50 / p99 ms", "—",
                    f"{_ms(steady['issue_to_pool_p50_ms'])} / {_ms(steady['issue_to_pool_p99_ms'])}",
                    "", "", f"p99 < 100 {_check(steady['issue_to_pool_p99_ms'] < 100)}"))
    for key, label in (("rss_mb_idle", "idle"), ("rss_mb_after_burst", "after the burst")):
        if rss := results.get(key):
            out.append((f"RSS MB {label}: " + " / ".join(rss), "—",
                        " / ".join(_n(v) for v in rss.values()),
                        f"echo {_n(results['echo_rss_mb'])}" if "echo_rss_mb" in results else "",
                        "", f"< 150 {_check(max(rss.values()) < 150)}" if key == "rss_mb_idle"
                        else ""))
    if timing := results.get("lookup_timing"):
        m = timing["median_us"]
        out.append((f"lookup timing, wrong name vs unknown number ({timing['n']:,} each, HTTP): "
                    "median µs", 1, _n(m["wrong name"]), _n(m["unknown number"]),
                    f"p = {timing['p']:.3f}", f"p ≥ 0.01 {_check(timing['p'] >= 0.01)}"))
    return out


def table(results: dict) -> str:
    config = results.get("config", {})
    backend = "PostgreSQL" if config.get("postgres_url") else "SQLite"
    settings = ", ".join(f"{k}={v}" for k, v in results.get("operator_settings", {}).items())
    lines = [
        f"anbao bench — {backend}, {config.get('big', 0):,} certificates; medians of "
        f"{config.get('reps')} repetition(s) of {config.get('duration')} s (issuance: "
        f"{config.get('issuance_reps')} burst(s) of {config.get('passers', 0):,})"
        + (" — SMOKE: small N, the figures mean nothing" if config.get("smoke") else ""),
        f"load average (1 min) {results.get('load_average_start', '?')} at the start, "
        f"{results.get('load_average_end', '?')} at the end, on {os.cpu_count()} cores: other "
        "load skews every figure",
        f"set as an operator would (lookup budgets, CERT-4; the defaults answer 429): {settings}",
        "",
        "| measure | in flight | project | baseline | ratio | target |",
        "| --- | --- | --- | --- | --- | --- |"]
    lines += ["| " + " | ".join(str(x) for x in row) + " |" for row in rows(results)]
    return "\n".join(lines)
