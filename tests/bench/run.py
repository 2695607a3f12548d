"""`make bench`: the measurements of issue 8, in one run, one table and one JSON file.

    .venv/bin/python -m tests.bench            # full: 1M certificates, 3 repetitions
    ANBAO_BENCH_SMOKE=1 .venv/bin/python -m tests.bench   # seconds, small N (CI)
    ANBAO_BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres ...

Three systems are started in turn, each as `anbao up` would start it (system.py): one on
the big dataset (lookup paths against the bare echo, a first-lookup pass, the lookup
timing test), one on the small dataset (the 1M / 10k comparison) and one on empty
databases (issuance, propagation, memory). Runs of the project and its baseline
alternate (which goes first alternates too), and every figure is the median of the
repetitions."""

import asyncio
import base64
import json
import os
import shutil
import statistics
import time
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, replace
from functools import partial
from datetime import datetime, timezone
from pathlib import Path

import grpc

from anbao.certificates.v1 import certificates_pb2 as pb
from services import manifest

from . import dataset, issuance, lookup_timing, report
from .baselines import Echo
from .load import Generator, Load, Result
from .system import UNTHROTTLED, BenchSystem

SERVICE = "/anbao.certificates.v1.CertificatesService/"
PATHS = ("GetCertificate (gRPC)", "LookupCertificate (gRPC)", "HTTP lookup")
LOOKUP_PATHS = PATHS[1:]


@dataclass(frozen=True)
class Config:
    smoke: bool
    reps: int
    issuance_reps: int  # each a burst of `passers` (minutes each at full size)
    inflight: tuple
    warmup: float
    duration: float
    big: int
    small: int
    passers: int
    raw_passers: int
    steady_rate: float
    steady_seconds: float
    timing_n: int
    sample: int        # certificates the lookups cycle through
    postgres_url: str

    @classmethod
    def from_environment(cls) -> "Config":
        smoke = os.environ.get("ANBAO_BENCH_SMOKE", "") not in ("", "0")
        env = os.environ.get
        return cls(
            smoke=smoke, reps=int(env("ANBAO_BENCH_REPS", 1 if smoke else 3)),
            issuance_reps=int(env("ANBAO_BENCH_ISSUANCE_REPS",
                                  env("ANBAO_BENCH_REPS", 1 if smoke else 3))),
            inflight=(1, 16, 64), warmup=0.2 if smoke else 1.0,
            duration=float(env("ANBAO_BENCH_SECONDS", 0.5 if smoke else 5.0)),
            big=int(env("ANBAO_BENCH_BIG", 2_000 if smoke else 1_000_000)),
            small=int(env("ANBAO_BENCH_SMALL", 500 if smoke else 10_000)),
            passers=int(env("ANBAO_BENCH_PASSERS", 60 if smoke else 10_000)),
            raw_passers=int(env("ANBAO_BENCH_RAW_PASSERS", 30 if smoke else 1_000)),
            steady_rate=100.0, steady_seconds=0.5 if smoke else 20.0,
            timing_n=int(env("ANBAO_BENCH_TIMING_N", 100 if smoke else 2_000)),
            sample=20 if smoke else dataset.SAMPLE,
            postgres_url=env("ANBAO_BENCH_POSTGRES_URL", ""))


class Bench:
    def __init__(self, config: Config, root: Path, out: Path, say=print):
        self.config, self.root, self.out, self.say = config, root, out, say
        self.stamp = datetime.now().strftime("%Y%m%d%H%M%S")
        self.generator: Generator | None = None
        self.results: dict = {"config": asdict(config), "operator_settings": {
            manifest.get("certificates").env(k): v for k, v in UNTHROTTLED.items()}}
        self._databases: list[str] = []

    # systems

    def _system(self, kind: str, certificates_url: str | None = None) -> BenchSystem:
        run_dir = self.root / "runs" / f"{self.stamp}-{kind}"
        urls = {}
        if self.config.postgres_url:
            for service in manifest.NAMES:
                if service == "certificates" and certificates_url:
                    continue
                urls[service] = dataset._pg_create(self.config.postgres_url,
                                                   f"anbao_bench_{self.stamp}_{kind}_{service}")
        if certificates_url:
            urls["certificates"] = certificates_url
        self._databases += [u for u in urls.values() if u.startswith("postgresql")]
        self.say(f"starting the system ({kind}) in {run_dir}")
        return BenchSystem(self.root, run_dir, urls).start()

    def _dataset_system(self, kind: str, data: dataset.Dataset) -> BenchSystem:
        run_dir = self.root / "runs" / f"{self.stamp}-{kind}"
        name = f"anbao_bench_{self.stamp}_{kind}" if self.config.postgres_url else None
        url = data.materialise(run_dir if name is None else Path(name))
        return self._system(kind, url)

    # loads

    def _loads(self, grpc_address: str, http_base: str, pid: int, sample: list,
               token: str = "") -> dict[str, Load]:
        """The three paths' loads against one server (the project's or the echo)."""
        c = self.config
        common = dict(server_pid=pid, warmup=c.warmup, duration=c.duration)
        return {
            PATHS[0]: Load("grpc", grpc_address, method=SERVICE + "GetCertificate",
                           requests=[pb.GetCertificateRequest(name=f"certificates/{n}")
                                     .SerializeToString() for n, _ in sample],
                           metadata=(("authorization", f"Bearer {token}"),), **common),
            PATHS[1]: Load("grpc", grpc_address, method=SERVICE + "LookupCertificate",
                           requests=[pb.LookupCertificateRequest(number=n, holder_name=h)
                                     .SerializeToString() for n, h in sample], **common),
            PATHS[2]: Load("http", http_base, requests=[
                f"/api/v1/certificates/{n}?name={urllib.parse.quote(h)}" for n, h in sample],
                **common)}

    def _project_loads(self, system: BenchSystem, sample: list, token: str = ""):
        return self._loads(system.grpc_address("certificates"), system.http_base,
                           system.pid("certificates"), sample, token)

    def _run(self, load: Load, inflight: int) -> Result:
        return self.generator.run(replace(load, inflight=inflight))

    # steps

    def verify_sample(self, system: BenchSystem, sample: list) -> int:
        """The dataset loads through the real lookup, and its proofs verify (PyLD)."""
        checked = sample[:5]
        for number, name in checked:
            url = f"{system.http_base}/api/v1/certificates/{number}?name={urllib.parse.quote(name)}"
            with urllib.request.urlopen(url, timeout=120) as answer:
                body = json.loads(answer.read())
            if not body.get("signatureVerified"):
                raise AssertionError(f"{number}: the lookup does not verify its signature")
        return len(checked)

    def first_lookups(self, system: BenchSystem, sample: list) -> Result:
        """Each sampled certificate once: the signature verdict is not cached yet. This
        also warms the cache for the measured runs."""
        load = self._project_loads(system, sample)[PATHS[1]]
        return self.generator.run(replace(load, once=True, inflight=1))

    def capture(self, system: BenchSystem, sample: list, token: str) -> Path:
        """The project's reply bytes for the echo to serve."""
        number, name = sample[0]
        replies = {}
        with grpc.insecure_channel(system.grpc_address("certificates")) as channel:
            get = channel.unary_unary(SERVICE + "GetCertificate")
            lookup = channel.unary_unary(SERVICE + "LookupCertificate")
            replies[SERVICE + "GetCertificate"] = get(
                pb.GetCertificateRequest(name=f"certificates/{number}").SerializeToString(),
                metadata=(("authorization", f"Bearer {token}"),), timeout=60)
            replies[SERVICE + "LookupCertificate"] = lookup(pb.LookupCertificateRequest(
                number=number, holder_name=name).SerializeToString(), timeout=60)
        url = f"{system.http_base}/api/v1/certificates/{number}?name={urllib.parse.quote(name)}"
        with urllib.request.urlopen(url, timeout=60) as answer:
            body, content_type = answer.read(), answer.headers["Content-Type"]
        path = system.run_dir / "replies.json"
        path.write_text(json.dumps({
            "grpc": {m: base64.b64encode(r).decode() for m, r in replies.items()},
            "http": {"body": base64.b64encode(body).decode(), "content_type": content_type}}))
        self.results["reply_bytes"] = {"GetCertificate": len(replies[SERVICE + "GetCertificate"]),
                                       "LookupCertificate": len(replies[SERVICE + "LookupCertificate"]),
                                       "HTTP lookup": len(body)}
        return path

    def lookups_big(self, data: dataset.Dataset) -> None:
        c = self.config
        system = self._dataset_system("big", data)
        try:
            token = system.token("province_admin")
            self.say(f"verifying a sample through the real lookup; first lookups of "
                     f"{len(data.sample)} certificates")
            self.results["dataset_verified_via_lookup"] = self.verify_sample(system, data.sample)
            self.results["first_lookup"] = _summary([self.first_lookups(system, data.sample)])
            with Echo(self.capture(system, data.sample, token)) as echo:
                project = self._project_loads(system, data.sample, token)
                bare = self._loads(echo.grpc_address, echo.http_base, echo.pid, data.sample,
                                   token)
                runs = {(p, n, w): [] for p in PATHS for n in c.inflight
                        for w in ("project", "echo")}
                for rep in range(c.reps):
                    for p in PATHS:
                        for n in c.inflight:
                            order = ("project", "echo") if (rep + n) % 2 else ("echo", "project")
                            for who in order:
                                load = project[p] if who == "project" else bare[p]
                                runs[(p, n, who)].append(self._run(load, n))
                        self.say(f"  repetition {rep + 1}/{c.reps}: {p} done")
                self.results["echo_rss_mb"] = echo.rss_mb()
            self.results["paths"] = [
                {"path": p, "inflight": n, "project": _summary(runs[(p, n, "project")]),
                 "echo": _summary(runs[(p, n, "echo")])} for p in PATHS for n in c.inflight]
            number = data.sample[0][0]
            self.say(f"lookup timing: {c.timing_n} wrong names and {c.timing_n} unknown numbers")
            samples = asyncio.run(lookup_timing.sample(system.http_base, number,
                                                       number[:-6] + "999999", c.timing_n))
            self.results["lookup_timing"] = lookup_timing.summary(samples)
            self.results["rss_mb_big"] = system.rss_mb()
        finally:
            system.stop()

    def lookups_small(self, data: dataset.Dataset) -> None:
        c = self.config
        system = self._dataset_system("small", data)
        try:
            self.first_lookups(system, data.sample)  # warms the verdicts, as on the big one
            loads = self._project_loads(system, data.sample)
            inflight = 16
            runs = {p: [self._run(loads[p], inflight) for _ in range(c.reps)]
                    for p in LOOKUP_PATHS}
            self.results["small"] = [{"path": p, "inflight": inflight,
                                      "project": _summary(runs[p])} for p in LOOKUP_PATHS]
        finally:
            system.stop()

    def issuing(self) -> None:
        c = self.config
        system = self._system("issuance")
        propagation = issuance.Propagation(system.db_urls["certificates"],
                                           system.db_urls["registry"])
        try:
            self.results["rss_mb_idle"] = system.rss_mb()
            steady_count = max(1, int(c.steady_rate * c.steady_seconds))
            self.say(f"steady: {steady_count} passers at {c.steady_rate:.0f}/s")
            self.results["steady"] = issuance.burst(system, propagation, steady_count,
                                                    f"steady-{self.stamp}", rate=c.steady_rate)
            raw, bursts = [], []
            for rep in range(c.issuance_reps):
                raw_url = self._scratch_database(f"raw{rep}", system)
                self.say(f"raw limit {rep + 1}/{c.issuance_reps}: {c.raw_passers} certificates")
                raw.append(self.generator.call(issuance.raw_limit, c.raw_passers,
                                               system.nats_url, str(system.admin_credentials()),
                                               raw_url))
                self.say(f"burst {rep + 1}/{c.issuance_reps}: {c.passers} passers")
                bursts.append(issuance.burst(system, propagation, c.passers,
                                             f"burst{rep}-{self.stamp}"))
                self.say(f"  {bursts[-1]['certificates_per_second']:.1f} certificates/s, "
                         f"raw {raw[-1]['certificates_per_second']:.1f}/s")
            self.results["raw"] = raw
            self.results["bursts"] = bursts
            self.results["rss_mb_after_burst"] = system.rss_mb()
        finally:
            propagation.dispose()
            system.stop()

    def _scratch_database(self, name: str, system: BenchSystem) -> str:
        if self.config.postgres_url:
            url = dataset._pg_create(self.config.postgres_url, f"anbao_bench_{self.stamp}_{name}")
            self._databases.append(url)
            return url
        return f"sqlite:///{system.run_dir / name}.db"

    def run(self) -> dict:
        c = self.config
        started = time.monotonic()
        self.results["load_average_start"] = round(os.getloadavg()[0], 2)
        big = dataset.cached(self.root, c.big, c.postgres_url, self.say).sampled(c.sample)
        small = dataset.cached(self.root, c.small, c.postgres_url, self.say).sampled(c.sample)
        with Generator() as self.generator:
            try:
                for step in (partial(self.lookups_big, big), partial(self.lookups_small, small),
                             self.issuing):
                    step()
                    self.save()  # what is measured survives a later failure
            finally:
                self._clean_up()
        self.results["load_average_end"] = round(os.getloadavg()[0], 2)
        self.results["seconds"] = round(time.monotonic() - started, 1)
        self.results["finished"] = datetime.now(timezone.utc).isoformat()
        return self.results

    def save(self) -> None:
        self.out.write_text(json.dumps(self.results, indent=2, ensure_ascii=False, default=str))

    def _clean_up(self) -> None:
        if os.environ.get("ANBAO_BENCH_KEEP"):
            return
        for run_dir in (self.root / "runs").glob(f"{self.stamp}-*"):
            for db in run_dir.glob("*.db*"):  # keep the logs, drop the copies
                db.unlink()
            shutil.rmtree(run_dir / "nats" / "jetstream", ignore_errors=True)
        if self._databases:
            with dataset._pg_admin(self.config.postgres_url) as conn:
                for url in self._databases:
                    conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def _summary(results: list[Result]) -> dict:
    """The median of each figure over the repetitions, and the runs themselves."""
    figures = ("rps", "p50_ms", "p99_ms", "server_cpu_ms", "client_cpu_ms")
    out = {f: statistics.median(getattr(r, f) for r in results) for f in figures}
    out["requests"] = sum(r.requests for r in results)
    out["runs"] = [{f: round(getattr(r, f), 4) for f in (*figures, "requests", "seconds")}
                   for r in results]
    return out


def main() -> int:
    config = Config.from_environment()
    root = Path(os.environ.get("ANBAO_BENCH_DIR", "data/bench")).resolve()
    root.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()

    def say(message: str) -> None:
        print(f"[{time.monotonic() - started:7.1f} s] {message}", flush=True)

    out = root / (("smoke" if config.smoke else "results") +
                  ("-postgres" if config.postgres_url else "") + ".json")
    bench = Bench(config, root, out, say)
    results = bench.run()
    bench.save()
    print()
    print(report.table(results))
    print(f"\nJSON: {out}")
    return 0
