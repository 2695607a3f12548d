"""An event whose handling outlasts the consumer's ack_wait (a batch of certificates
signed on a loaded machine) is not redelivered meanwhile: the consumer tells JetStream it
is still in progress. Without that, the other replica gets the same events, waits on the
first one's inbox rows and does the work again (found by the fault suite, tests/chaos)."""

import time

from servicekit.natsauth import stream_name
from tests.harness import eventually
from tests.reliability.test_consumer_faults import issue_one, wrap_handler
from tests.reliability.test_exactly_once import _count_is

DURABLE = "certificates__AssessmentPassed"
STREAM = stream_name("anbao.accreditation.v1")
ACK_WAIT = 1.0


async def test_a_handler_slower_than_ack_wait_gets_its_event_once(system, backend):
    nc = await system.bus.connect(system.nats.url)
    try:
        js = nc.jetstream()
        config = (await js.consumer_info(STREAM, DURABLE)).config
        config.ack_wait = ACK_WAIT
        await js.add_consumer(STREAM, config)  # an update of the durable consumer
        consumer = system.certificates.consumers[DURABLE]
        consumer._ack_wait = ACK_WAIT
        calls = []

        def slow(handler):
            def handle(uow, event):
                calls.append(event.event_id)
                time.sleep(3 * ACK_WAIT)
                handler(uow, event)
            return handle

        wrap_handler(system.certificates, DURABLE, slow)
        stubs = await issue_one(system)
        await eventually(lambda: _count_is(stubs, 1))
        info = await js.consumer_info(STREAM, DURABLE)
        assert (info.num_redelivered, info.num_ack_pending) == (0, 0)
        assert len(calls) == 1
    finally:
        await nc.close()
