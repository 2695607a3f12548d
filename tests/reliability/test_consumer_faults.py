"""A consumer outlives bad events and passing outages: undecodable, invalid and refused
events go to the dead-letter stream, transient failures are retried until they pass,
and a dead background part is restarted while health reports it."""

import aiohttp
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.accreditation.v1 import events_pb2 as acc_events
from anbao.certificates.v1 import events_pb2 as cert_events
from servicekit import deadletters
from servicekit.errors import FailedPrecondition, Unavailable
from servicekit.eventsigning import HEADER
from servicekit.jetstream import RetryPolicy, Subscription
from tests.harness import eventually
from tests.integration.test_metrics import scrape
from tests.reliability.test_exactly_once import (_caught_up, _count_is, _pool_is,
                                                 inbox_count, scored_session)

ASSESSMENT_PASSED = acc_events.AssessmentPassed.DESCRIPTOR.full_name
CERTIFICATE_ISSUED = cert_events.CertificateIssued.DESCRIPTOR.full_name
# (the subject, the service that consumes it, its consumer, the service that produces it)
CONSUMED = [(ASSESSMENT_PASSED, "certificates", "certificates__AssessmentPassed",
             "accreditation"),
            (CERTIFICATE_ISSUED, "registry", "registry__CertificateIssued", "certificates")]
GARBAGE = b"\x0f\xff not a protobuf message"


async def read_dead_letters(system) -> list[deadletters.DeadLetter]:
    nc = await system.bus.connect(system.nats.url)
    try:
        return await deadletters.read_all(nc.jetstream())
    finally:
        await nc.close()


async def issue_one(system):
    """The whole flow for one passer: a certificate issued and in the talent pool."""
    stubs, scorer, session, _ = await scored_session(system, passers=1)
    await scorer.accreditation.CloseExamSession(acc.CloseExamSessionRequest(name=session.name),
                                                metadata=scorer.metadata)
    return stubs


def wrap_handler(runtime, durable: str, wrapper) -> Subscription:
    """Puts `wrapper(original_handler)` in place of a consumer's handler; returns the
    original subscription, to put back."""
    consumer = runtime.consumers[durable]
    original = consumer.subscription
    consumer.subscription = Subscription(original.event_cls, wrapper(original.handler))
    return original


@pytest.mark.parametrize("subject,service,durable,producer", CONSUMED)
async def test_undecodable_and_invalid_events_are_dead_lettered_and_the_consumer_goes_on(
        system, backend, subject, service, durable, producer):
    # signed by their producer (a bug there, say), so they get as far as decoding
    sign = system.bus.signer(producer).sign
    nc = await system.bus.connect(system.nats.url)
    js = nc.jetstream()
    signature = sign(subject, GARBAGE)
    await js.publish(subject, GARBAGE, headers={"Nats-Msg-Id": "garbage-1", "X-Origin": "test",
                                                HEADER: signature})
    await js.publish(subject, b"", headers={"Nats-Msg-Id": "no-event-id",  # decodes, empty
                                            HEADER: sign(subject, b"")})
    await nc.close()

    stubs = await issue_one(system)
    await eventually(lambda: _count_is(stubs, 1))
    await eventually(lambda: _pool_is(stubs, 1))  # the next good event was applied

    # each consumer of the subject dead-letters its own copy (CertificateIssued: registry,
    # and accreditation for ASMT-5); this test watches the one named
    letters = await eventually(lambda: _letters(system, 2, service))
    garbage, empty = letters
    assert (garbage.service, garbage.subject, garbage.consumer) == (service, subject, durable)
    assert garbage.data == GARBAGE
    assert garbage.headers == {"Nats-Msg-Id": "garbage-1", "X-Origin": "test",
                               HEADER: signature}
    assert garbage.reason.startswith(f"undecodable {subject}")
    assert garbage.stream == subject.rsplit(".", 1)[0].replace(".", "_").upper()
    assert empty.stream_seq == garbage.stream_seq + 1 and garbage.time
    assert empty.data == b"" and "event_id" in empty.reason
    assert system.runtimes()[service].supervisor.down == {}
    samples = await scrape(system.runtimes()[service])  # and its metrics count them
    assert samples[("anbao_dead_letters_total", (("consumer", durable),))] == 2


async def test_a_service_unavailable_three_times_then_back_applies_the_event_once(
        system, backend):
    calls = []

    def flaky(handler):
        def handle(uow, event):
            calls.append(event.event_id)
            if len(calls) <= 3:
                raise Unavailable("registry did not answer in time")
            handler(uow, event)
        return handle

    wrap_handler(system.certificates, "certificates__AssessmentPassed", flaky)
    system.certificates.consumers["certificates__AssessmentPassed"].retry = RetryPolicy(
        max_deliveries=2, first_delay=0.05, max_delay=0.2)  # transient: never dead-lettered
    passed = "anbao.accreditation.v1.AssessmentPassed"
    inbox_before = inbox_count(system.certificates, passed)

    stubs = await issue_one(system)
    await eventually(lambda: _count_is(stubs, 1))
    await eventually(lambda: _pool_is(stubs, 1))
    await eventually(lambda: _caught_up(system))
    assert len(calls) == 4 and len(set(calls)) == 1
    assert inbox_count(system.certificates, passed) == inbox_before + 1
    assert await read_dead_letters(system) == []


async def test_a_refused_event_is_dead_lettered_at_once_and_an_unexpected_failure_after_max(
        system, backend):
    calls = []

    def refusing(handler):
        def handle(uow, event):
            calls.append(event.event_id)
            raise FailedPrecondition("POOL_1_TEST", "refused for the test")
        return handle

    def crashing(handler):
        def handle(uow, event):
            calls.append(event.event_id)
            raise RuntimeError("a bug")
        return handle

    wrap_handler(system.registry, "registry__CertificateIssued", refusing)
    fixed = wrap_handler(system.certificates, "certificates__AssessmentPassed", crashing)
    system.certificates.consumers["certificates__AssessmentPassed"].retry = RetryPolicy(
        max_deliveries=3, first_delay=0.05, max_delay=0.1)

    await issue_one(system)
    (letter,) = await eventually(lambda: _letters(system, 1))
    assert letter.service == "certificates"
    assert letter.reason.startswith("failed 3 times: RuntimeError: a bug")
    assert len(calls) == 3
    await eventually(lambda: _caught_up(system))  # acked once dead-lettered: no loop

    # the same event, fixed by hand, on to registry, which refuses what follows
    system.certificates.consumers["certificates__AssessmentPassed"].subscription = fixed
    nc = await system.bus.connect(system.nats.url)
    await deadletters.replay(nc.jetstream(), letter.seq)
    await nc.close()
    letters = await eventually(lambda: _letters(system, 1, service="registry"))
    assert letters[0].subject == CERTIFICATE_ISSUED
    assert letters[0].reason.startswith("refused: FailedPrecondition: POOL-1: refused")
    assert len(calls) == 4  # one delivery, no retry


@pytest.mark.parametrize("part", ["certificates__AssessmentPassed", "outbox-relay"])
async def test_a_killed_part_makes_health_not_serving_until_restarted(system, backend, part):
    runtime = system.certificates
    runtime.supervisor.first_delay = 5.0  # a window long enough to watch, even on a busy machine
    health = health_pb2_grpc.HealthStub(system.channel("certificates"))
    names = ["", "anbao.certificates.v1.CertificatesService", part]
    assert await _statuses(health, names) == {"SERVING"}

    runtime.supervisor.tasks[part].cancel()
    await eventually(lambda: _statuses_are(health, names, {"NOT_SERVING"}), timeout=5)
    status, body = await _healthz(system)
    assert status == 503 and body["down"] == {part: "cancelled"}, (status, body)

    await eventually(lambda: _statuses_are(health, names, {"SERVING"}), timeout=15)
    assert (await _healthz(system))[0] == 200
    stubs = await issue_one(system)  # the restarted part does its work
    await eventually(lambda: _count_is(stubs, 1))
    await eventually(lambda: _pool_is(stubs, 1))


async def _letters(system, n: int, service: str = ""):
    letters = [d for d in await read_dead_letters(system) if d.service == service or not service]
    return letters if len(letters) == n else None


async def _statuses(health, names) -> set[str]:
    return {health_pb2.HealthCheckResponse.ServingStatus.Name(
        (await health.Check(health_pb2.HealthCheckRequest(service=n), timeout=2)).status)
        for n in names}


async def _statuses_are(health, names, expected) -> bool:
    return await _statuses(health, names) == expected


async def _healthz(system) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{system.http_base}/healthz") as answer:
            return answer.status, await answer.json()
