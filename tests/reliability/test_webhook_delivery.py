"""EMP-2 at least once: a dispatcher that dies after its POST and before recording the
attempt leaves a lease that runs out; the delivery is then sent again with the same
webhook-id, which the receiver uses to de-duplicate."""

import json
from datetime import timedelta

import pytest
from aiohttp import web

from anbao.certificates.v1 import certificates_pb2 as cert
from servicekit.fieldcrypto import FieldCipher
from services.certificates.adapters.webhook_dispatcher import WebhookDispatcher
from services.certificates.domain.webhooks import RetrySchedule
from tests.harness import Bus, System, eventually
from tests.integration.test_employers_api import (Receiver, audit_problems, employer,
                                                  issued_certificate, verify_standard_webhook)


@pytest.fixture
async def system(nats_server, db_urls, keys, tmp_path, monkeypatch):
    """The service's own dispatcher looks once at start and then sleeps: the test's
    dispatchers do the work, so the order of events is the test's."""
    monkeypatch.setenv("ANBAO_CERTIFICATES_WEBHOOK_ALLOW_LOOPBACK_HTTP", "true")
    monkeypatch.setenv("ANBAO_CERTIFICATES_WEBHOOK_POLL_SECONDS", "3600")
    running = System(nats_server, db_urls, keys, Bus(tmp_path))
    await running.start()
    yield running
    await running.stop()


@pytest.fixture
async def receiver():
    found = Receiver()
    app = web.Application()
    app.add_routes([web.post("/hook", found.handle)])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/hook", found
    await runner.cleanup()


class DiesBeforeRecording(WebhookDispatcher):
    def _record(self, *args, **kwargs):
        raise RuntimeError("the process died here")


def dispatcher(system, kind=WebhookDispatcher) -> WebhookDispatcher:
    settings = system.certificates.settings
    return kind(system.certificates.uow, FieldCipher({1: settings.key_encryption_key}, 1),
                RetrySchedule(base=timedelta(seconds=0.1)), allow_loopback_http=True,
                poll_seconds=0.1, timeout_seconds=1.0, lease_margin_seconds=0.5)


async def test_emp2_a_dispatcher_dying_after_its_post_leads_to_a_second_post_same_id(
        system, backend, receiver):
    url, received = receiver
    certificate = await issued_certificate(system)
    registered, stubs = await employer(system, url)
    await stubs.certificates.WatchCertificate(cert.WatchCertificateRequest(
        parent=registered.name, number=certificate.number, holder_name="张伟"),
        metadata=stubs.metadata)
    admin = system.stubs()
    await admin.certificates.RevokeCertificate(cert.RevokeCertificateRequest(
        name=certificate.name, revocation_reason=cert.REVOCATION_REASON_FRAUD, reason="舞弊"),
        metadata=admin.metadata)

    dying = dispatcher(system, DiesBeforeRecording)
    async with dying.client() as http:
        assert await dying.round(http) == 1
    assert len(received.received) == 1  # posted, but no attempt recorded

    async def log():
        listed = await stubs.certificates.ListDeliveries(cert.ListDeliveriesRequest(
            parent=registered.name), metadata=stubs.metadata)
        return listed.deliveries
    (delivery,) = await log()
    assert delivery.state == cert.DELIVERY_STATE_PENDING and not delivery.attempts
    assert audit_problems(system) == []  # the lease itself is an audited write

    healthy = dispatcher(system)
    async with healthy.client() as http:
        assert await healthy.round(http) == 0  # leased: nobody else takes it meanwhile

        async def sent_again():
            return await healthy.round(http)
        await eventually(sent_again, "the lease to run out", timeout=10)
    assert len(received.received) == 2
    ids = set()
    for _, headers, body in received.received:
        headers = {k.lower(): v for k, v in headers.items()}
        verify_standard_webhook(registered.webhook_secret, headers, body)
        ids.add(headers["webhook-id"])
        assert json.loads(body)["id"] == headers["webhook-id"]
    assert ids == {delivery.event_id}  # the receiver de-duplicates: one event
    (delivery,) = await log()
    assert delivery.state == cert.DELIVERY_STATE_DELIVERED
    assert [a.http_status for a in delivery.attempts] == [204]
    assert audit_problems(system) == []


async def test_emp2_a_delivery_past_its_retry_window_expires(system, backend):
    """No 2xx within the window: the attempt is logged and the delivery EXPIRED, not
    retried for ever."""
    certificate = await issued_certificate(system)
    registered, stubs = await employer(system, "http://127.0.0.1:9/unanswered")
    await stubs.certificates.WatchCertificate(cert.WatchCertificateRequest(
        parent=registered.name, number=certificate.number, holder_name="张伟"),
        metadata=stubs.metadata)
    admin = system.stubs()
    await admin.certificates.SuspendCertificate(cert.SuspendCertificateRequest(
        name=certificate.name, reason="核查"), metadata=admin.metadata)
    settings = system.certificates.settings
    expiring = WebhookDispatcher(
        system.certificates.uow, FieldCipher({1: settings.key_encryption_key}, 1),
        RetrySchedule(window=timedelta(0)), allow_loopback_http=True, poll_seconds=0.1,
        timeout_seconds=1.0)
    async with expiring.client() as http:
        assert await expiring.round(http) == 1
        assert await expiring.round(http) == 0  # nothing is due any more
    listed = await stubs.certificates.ListDeliveries(cert.ListDeliveriesRequest(
        parent=registered.name), metadata=stubs.metadata)
    (delivery,) = listed.deliveries
    assert delivery.state == cert.DELIVERY_STATE_EXPIRED
    assert not delivery.HasField("next_attempt_time")
    assert len(delivery.attempts) == 1 and delivery.attempts[0].error
    assert audit_problems(system) == []
