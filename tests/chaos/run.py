"""One run of the fault suite:

1. a cluster as `anbao cluster up` makes it (3 JetStream nodes R3, `sync_interval: always`,
   a PostgreSQL database per service, 2 replicas of each service), on ports and databases
   of its own (`anbao_chaos_*`), so it runs beside a developer's cluster;
2. N passers over several exam sessions, published at a steady rate as accreditation's
   relay publishes them (signed, message ID = event ID; only acknowledged ones count), plus
   a real session driven end to end through the replicas' gRPC APIs (`anbao demo`'s walk,
   walked again if a fault cuts it),
   plus poison messages (signed garbage and an event without an ID) among them;
3. meanwhile the faults (`faults`): a node killed every 5–15 s, one replica of each
   service killed, PostgreSQL restarted;
4. then the wait until everything settled (the time to drain), the invariants
   (`invariants`) and a table; the exit status is 0 only when every one holds."""

import asyncio
import shutil
import sys
import time
import uuid
from pathlib import Path

import grpc
from rich.console import Console
from rich.table import Table

from anbaoctl import leftovers, secrets
from anbaoctl.cluster import Cluster, Layout
from anbaoctl.demo import Endpoints, run_demo
from services import manifest
from tests.bench.issuance import passers

from . import invariants
from .faults import Faults
from .publisher import Publisher, connect
from .settings import Settings

# beside the default `anbao cluster up` layout (4231…, 6231…, 50051…, 8080…); gRPC on
# 61051… (above the kernel's ephemeral ports, which a client socket may hold)
LAYOUT = Layout(replicas=2, nats_base=14231, route_base=16231, port_offset=11000)
DATA = Path("data/chaos")
PREFIX = "anbao_chaos"
PASSED_SUBJECT = "anbao.accreditation.v1.AssessmentPassed"
DEMO_ATTEMPTS = 5
DEMO_PAUSE = 10.0  # seconds before walking a cut session again (PostgreSQL restarting)
REPLICA_KILLS_AFTER = 15.0  # seconds into the issuance

console = Console(highlight=False, soft_wrap=True)


def say(text: str) -> None:
    console.print(text, markup=False)
    sys.stdout.flush()  # a log file (CI) follows the run as it goes


def sessions_of(settings: Settings, run: str) -> list:
    """The passers, spread over the sessions (each its own candidates)."""
    events, per = [], -(-settings.passers // settings.sessions)
    for k in range(settings.sessions):
        count = min(per, settings.passers - len(events))
        events += passers(count, f"chaos-{run}-{k + 1}")
    return events


async def drive_api_session(cluster: Cluster, data: Path, propagation_timeout: float) -> dict:
    """`anbao demo`'s walk through the replicas' round-robin channels; a walk cut by a
    fault is walked again (with new people: what it half did is counted as it stands)."""
    layout = cluster.layout
    endpoints = Endpoints(
        {s.name: layout.target(s.name) for s in manifest.SERVICES},
        {s.name: f"http://127.0.0.1:{layout.http_port(s, 0)}" for s in manifest.SERVICES
         if s.http_port is not None})
    failures = []
    for _ in range(DEMO_ATTEMPTS):
        started = time.monotonic()
        try:
            result = await run_demo(endpoints, secrets.issuer(data), say=lambda _: None,
                                    propagation_timeout=propagation_timeout)
        except Exception as exc:  # noqa: BLE001 - a fault cut the walk; walk again
            what = (f"{exc.code().name}: {exc.details()}" if isinstance(exc, grpc.aio.AioRpcError)
                    else f"{type(exc).__name__}: {str(exc)[:160]}")
            failures.append(what)
            say(f"  API session cut by a fault ({what}); walking it again in "
                f"{DEMO_PAUSE:.0f} s")
            await asyncio.sleep(DEMO_PAUSE)
            continue
        say(f"  API session complete in {time.monotonic() - started:.1f} s: certificates "
            f"{', '.join(result.certificate_numbers)}")
        return {"certificates": result.certificate_numbers, "failures": failures}
    return {"certificates": [], "failures": failures}


async def scenario(cluster: Cluster, settings: Settings, faults: Faults, run: str) -> dict:
    keys = secrets.ensure(cluster.data_dir)
    credentials = secrets.credentials_file(cluster.data_dir, "admin")
    publisher = Publisher(cluster.layout.nats_urls, credentials,
                          keys[manifest.get("accreditation").env(secrets.SIGNING_KEY)])
    events = sessions_of(settings, run)
    poison = {f"chaos-poison-garbage-{run}": b"\x0f\xff not a protobuf message",
              f"chaos-poison-no-event-id-{run}": b""}
    stop = asyncio.Event()
    faults.begin()
    node_kills = asyncio.create_task(faults.kill_nodes(stop, settings.min_node_kills))
    publishing = asyncio.create_task(publisher.publish(events, settings.rate))

    async def poison_among_the_passers():
        await asyncio.sleep(3)
        for message_id, payload in poison.items():
            await publisher.publish_raw(PASSED_SUBJECT, payload, message_id)
        say(f"  {len(poison)} poison messages published among the passers")

    async def replicas_then_postgres():
        await asyncio.sleep(REPLICA_KILLS_AFTER)
        await faults.kill_replicas()
        await faults.restart_postgres(settings.restart_postgres)

    poisoned = asyncio.create_task(poison_among_the_passers())
    one_offs = asyncio.create_task(replicas_then_postgres())
    walking = asyncio.create_task(drive_api_session(cluster, cluster.data_dir,
                                                    settings.drain_timeout))
    try:
        await asyncio.gather(publishing, poisoned)
        say(f"  all {len(publisher.acked):,} passers acknowledged by JetStream "
            f"({publisher.retries} publishes sent again)")
        await one_offs
        api = await walking
    finally:
        stop.set()
    await node_kills
    faults_over = time.time()
    say("  faults over; waiting for everything to settle")

    reader = invariants.Reader(cluster.db_urls)
    nc = await connect(cluster.layout.nats_urls, credentials)
    js = nc.jetstream()
    try:
        deadline = time.monotonic() + settings.drain_timeout
        expected, consumers, calm = len(publisher.acked), set(), 0
        while True:
            try:
                backlog = await invariants.consumer_backlog(js)
                consumers |= set(backlog)
                calm = calm + 1 if invariants.settled(
                    reader, expected + reader.api_passers(), backlog) \
                    and set(backlog) >= consumers else 0
                if calm >= 2:  # twice in a row: not one node's stale answer
                    break
            except Exception as exc:  # noqa: BLE001 - a node still electing; ask again
                say(f"  (settling: {type(exc).__name__}: {str(exc)[:100]})")
            if time.monotonic() > deadline:
                say(f"  NOT settled within {settings.drain_timeout:.0f} s")
                break
            await asyncio.sleep(1.0)
        drained = time.time()
        figures, checks = await invariants.check(reader, js, publisher.acked, set(poison),
                                                 consumers)
    finally:
        await nc.close()
        reader.dispose()
    figures.update({
        "publishing (s)": round(publisher.last_ack_at - publisher.first_at, 1),
        "drain after the last ack (s)": round(drained - publisher.last_ack_at, 1),
        "drain after the faults (s)": round(drained - faults_over, 1),
        "throughput (certificates/s, first publish → drained)":
            round(figures["certificates"] / (drained - publisher.first_at), 1),
        "publishes sent again": publisher.retries,
        "NATS node kills": faults.node_kills, "replica kills": faults.replica_kills,
        "PostgreSQL restarts": faults.postgres_restarts,
        "replica starts that failed (restarted)": faults.failed_starts,
        "API session walks failed by faults": len(api["failures"])})
    checks.append(invariants.Check("API session completed end to end", True,
                                   bool(api["certificates"])))
    checks.append(invariants.Check(f"NATS node kills ≥ {settings.min_node_kills}", True,
                                   faults.node_kills >= settings.min_node_kills))
    return {"figures": figures, "checks": checks}


def report(outcome: dict, notes: list[str]) -> bool:
    figures = Table(title="anbao chaos: figures")
    figures.add_column("figure")
    figures.add_column("value", justify="right")
    for name, value in outcome["figures"].items():
        figures.add_row(name, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(figures)
    checks = Table(title="anbao chaos: invariants")
    for column in ("invariant", "expected", "actual", ""):
        checks.add_column(column)
    for c in outcome["checks"]:
        checks.add_row(c.name, str(c.expected), str(c.actual),
                       "[green]ok[/green]" if c.ok else "[red]FAILED[/red]")
    console.print(checks)
    for note in notes:
        console.print(f"[yellow]note:[/yellow] {note}")
    ok = all(c.ok for c in outcome["checks"])
    console.print("[green]chaos: every invariant holds[/green]" if ok
                  else "[red]chaos: an invariant FAILED[/red]")
    return ok


def main() -> int:
    settings = Settings.from_environment()
    run = uuid.uuid4().hex[:6]
    data = DATA.resolve()
    for store in data.glob("nats-*"):  # a fresh bus: the checks read whole streams
        shutil.rmtree(store)
    for log in data.glob("*.log"):  # each run's own logs
        log.unlink()
    say(f"anbao chaos{' (smoke)' if settings.smoke else ''}: {settings.passers:,} passers "
        f"over {settings.sessions} sessions at {settings.rate}/s; run {run}")
    leftovers.check_ports(LAYOUT.named())
    cluster = Cluster(data, settings.postgres_url, LAYOUT, reset=True, database_prefix=PREFIX)
    faults = Faults(cluster, settings.kill_every, say=say)
    try:
        started = time.monotonic()
        cluster.prepare()
        cluster.start()
        say(f"  cluster up in {time.monotonic() - started:.0f} s: NATS {LAYOUT.nats_urls}, "
            f"{LAYOUT.replicas} replicas of {', '.join(manifest.NAMES)}; logs in {data}")
        outcome = asyncio.run(scenario(cluster, settings, faults, run))
    finally:
        cluster.stop()
    return 0 if report(outcome, faults.notes) else 1


if __name__ == "__main__":
    sys.exit(main())
