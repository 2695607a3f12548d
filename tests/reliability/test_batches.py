"""Consumers apply the events of one fetch in one transaction, and lose or repeat
nothing for it: a refused event in a batch is dead-lettered alone, and a consumer that
dies in the middle of a batch, before or after its commit, applies each event once."""

import threading

import pytest

from anbao.accreditation.v1 import accreditation_pb2 as acc
from servicekit.errors import FailedPrecondition
from tests.harness import eventually
from tests.reliability.test_consumer_faults import (ASSESSMENT_PASSED, issue_one,
                                                    read_dead_letters, wrap_handler)
from tests.reliability.test_exactly_once import (_caught_up, _count_is, _pool_is,
                                                 all_certificates, inbox_count,
                                                 pending_outbox, scored_session)

DURABLE = "certificates__AssessmentPassed"


class Crash(BaseException):
    """What a killed consumer leaves behind: its work stops where it is."""


async def five_in_one_fetch(system, fail=lambda event, n: None):
    """Holds the certificates consumer on a first passer's event while five more are
    published, so the five arrive in one fetch. `fail(event, n)` may raise for the n-th
    event of a batch. Returns (stubs, the five persons, the sizes of the batches tried)."""
    consumer = system.certificates.consumers[DURABLE]
    release, held = threading.Event(), threading.Event()
    sizes: list[int] = []
    position = [0]  # of the event being applied in the current batch (0: not in one)
    apply_batch = consumer._apply_batch

    def recording(events):
        sizes.append(len(events))
        position[0] = 0
        return apply_batch(events)
    consumer._apply_batch = recording

    def holding(handler):
        def handle(uow, event):
            if not held.is_set():
                held.set()
                release.wait(timeout=60)
            position[0] = position[0] + 1 if uow.in_batch else 0
            fail(event, position[0])
            handler(uow, event)
        return handle

    wrap_handler(system.certificates, DURABLE, holding)
    await issue_one(system)
    await eventually(lambda: _true(held.is_set()))
    stubs, scorer, session, people = await scored_session(system, passers=5)
    await scorer.accreditation.CloseExamSession(acc.CloseExamSessionRequest(name=session.name),
                                                metadata=scorer.metadata)
    await eventually(lambda: _true(pending_outbox(system.accreditation) == 0))  # published
    release.set()
    return stubs, people, sizes


async def test_a_refused_event_in_a_batch_is_dead_lettered_alone(system, backend):
    refused: list[str] = []

    def refuse_one(event, n):
        if event.holder_name == "张三":
            refused.append(event.event_id)
            raise FailedPrecondition("POOL_1_TEST", "refused for the test")

    before = inbox_count(system.certificates, ASSESSMENT_PASSED)
    stubs, people, sizes = await five_in_one_fetch(system, refuse_one)
    await eventually(lambda: _count_is(stubs, 1 + 4))
    await eventually(lambda: _pool_is(stubs, 1 + 4))
    await eventually(lambda: _caught_up(system))
    assert sizes[0] == 5  # the five were tried as one batch, then one by one
    letters = await read_dead_letters(system)
    assert [d.reason.split(":")[0] for d in letters] == ["refused"]
    assert len(set(refused)) == 1
    assert inbox_count(system.certificates, ASSESSMENT_PASSED) == before + 1 + 4
    assert _serials_without_gap(await all_certificates(stubs))  # the rollback took none


@pytest.mark.parametrize("when", ["before its commit", "after its commit"])
async def test_a_consumer_killed_in_the_middle_of_a_batch_applies_each_event_once(
        system, backend, when):
    system.certificates.supervisor.first_delay = 0.1
    killed = threading.Event()

    def kill_at_third(event, n):
        if when == "before its commit" and n == 3 and not killed.is_set():
            killed.set()
            raise Crash()  # the batch's transaction is never committed

    before = inbox_count(system.certificates, ASSESSMENT_PASSED)
    if when == "after its commit":
        consumer = system.certificates.consumers[DURABLE]
        apply_batch = consumer._apply_batch

        def committed_then_killed(events):
            apply_batch(events)
            if len(events) > 1 and not killed.is_set():
                killed.set()
                raise Crash()  # committed, and not one event acknowledged
        consumer._apply_batch = committed_then_killed
    stubs, people, sizes = await five_in_one_fetch(system, kill_at_third)
    await eventually(lambda: _true(killed.is_set()))
    # JetStream delivers the unacknowledged events again after the ack wait (5 s here)
    await eventually(lambda: _count_is(stubs, 1 + 5), timeout=60)
    await eventually(lambda: _pool_is(stubs, 1 + 5), timeout=60)
    await eventually(lambda: _caught_up(system), timeout=60)
    assert sizes[0] == 5
    assert inbox_count(system.certificates, ASSESSMENT_PASSED) == before + 1 + 5
    certificates = await all_certificates(stubs)
    assert sorted(c.person for c in certificates if c.person in people) == sorted(people)
    assert _serials_without_gap(certificates)
    assert await read_dead_letters(system) == []


def _serials_without_gap(certificates) -> bool:
    """Each numbering series (parts 1-4) runs 1, 2, 3, … with no number skipped."""
    series: dict[str, list[int]] = {}
    for c in certificates:
        series.setdefault(c.number[:-6], []).append(int(c.number[-6:]))
    return all(sorted(s) == list(range(1, len(s) + 1)) for s in series.values())


async def _true(value: bool) -> bool:
    return value
