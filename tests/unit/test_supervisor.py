"""The supervisor restarts a dead part with doubling delays up to a cap, reports it down
while it waits, and logs each death once."""

import asyncio
import logging

from servicekit.supervisor import Supervisor
from tests.harness import eventually


async def test_a_dying_part_is_reported_down_and_restarted_with_growing_delays(caplog):
    runs, reports = [], []
    supervisor = Supervisor(on_change=lambda: _record(reports, supervisor),
                            first_delay=0.05, max_delay=0.1)
    forever = asyncio.Event()

    async def part():
        runs.append(asyncio.get_running_loop().time())
        if len(runs) <= 3:
            raise RuntimeError(f"boom {len(runs)}")
        await forever.wait()

    with caplog.at_level(logging.ERROR, logger="servicekit.supervisor"):
        supervisor.start("part", part)
        await eventually(lambda: _true(len(runs) == 4 and not supervisor.down), timeout=5)
    await supervisor.stop()

    assert reports == [{"part": "RuntimeError: boom 1"}, {}, {"part": "RuntimeError: boom 2"},
                       {}, {"part": "RuntimeError: boom 3"}, {}]
    gaps = [b - a for a, b in zip(runs, runs[1:])]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1 and gaps[2] >= 0.1  # doubled, then capped
    deaths = [r for r in caplog.records if "died" in r.getMessage()]
    assert [r.getMessage().split(";")[0] for r in deaths] == [
        f"part died (RuntimeError: boom {i})" for i in (1, 2, 3)]


async def test_a_cancelled_part_is_restarted_and_stop_ends_it():
    supervisor = Supervisor(first_delay=0.01)
    started = []

    async def part():
        started.append(1)
        await asyncio.Event().wait()

    supervisor.start("part", part)
    await eventually(lambda: _true(len(started) == 1))
    first = supervisor.tasks["part"]
    first.cancel()
    await eventually(lambda: _true(len(started) == 2 and not supervisor.down))
    second = supervisor.tasks["part"]
    await supervisor.stop()
    assert second.cancelled() and len(started) == 2


async def _record(reports, supervisor):
    reports.append(dict(supervisor.down))


async def _true(value: bool) -> bool:
    return value


async def test_a_part_whose_await_swallowed_the_cancel_still_stops():
    """Python 3.11's wait_for, inside nats-py's fetch, can drop a cancel; the bus loops
    check for one at every turn, so a cancelled consumer does stop."""
    from servicekit.jetstream import _honour_cancel

    running = asyncio.Event()

    async def part():
        while True:
            _honour_cancel()
            running.set()
            try:
                await asyncio.sleep(0.01)
            except asyncio.CancelledError:
                pass  # what a swallowing wait_for does

    task = asyncio.create_task(part())
    await running.wait()
    task.cancel()
    await asyncio.wait_for(asyncio.wait({task}), timeout=5)
    assert task.cancelled()
