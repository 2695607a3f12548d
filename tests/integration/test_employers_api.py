"""Employers on the running system (EMP-1..5): watchlists, signed status webhooks to a
real local receiver (aiohttp), the delivery log, and the batch check over HTTP."""

import asyncio
import base64
import hashlib
import hmac
import json
import socket
import time

import aiohttp
import grpc
import pytest
from aiohttp import web

from anbao.certificates.v1 import certificates_pb2 as cert
from servicekit import audit
from tests import builders
from tests.harness import Bus, System, error_details, eventually


@pytest.fixture
async def system(nats_server, db_urls, keys, tmp_path, monkeypatch):
    """The system with development webhook settings: http to a loopback receiver
    allowed (EMP-3), and a retry schedule of tenths of a second so a test sees retries."""
    monkeypatch.setenv("ANBAO_CERTIFICATES_WEBHOOK_ALLOW_LOOPBACK_HTTP", "true")
    monkeypatch.setenv("ANBAO_CERTIFICATES_WEBHOOK_RETRY_BASE_SECONDS", "0.2")
    monkeypatch.setenv("ANBAO_CERTIFICATES_WEBHOOK_POLL_SECONDS", "0.1")
    running = System(nats_server, db_urls, keys, Bus(tmp_path))
    await running.start()
    yield running
    await running.stop()


class Receiver:
    """A webhook receiver: records every request; answers `failures` 500s first."""

    def __init__(self, failures: int = 0):
        self.failures, self.received = failures, []

    async def handle(self, request: web.Request) -> web.Response:
        self.received.append((time.monotonic(), dict(request.headers), await request.read()))
        if len(self.received) <= self.failures:
            return web.Response(status=500, text="try again")
        return web.Response(status=204)


@pytest.fixture
async def receivers():
    """Two receivers on one local server: /ok answers 2xx, /flaky 500 twice first."""
    found = {"ok": Receiver(), "flaky": Receiver(failures=2)}
    app = web.Application()
    app.add_routes([web.post(f"/{name}", r.handle) for name, r in found.items()])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield {name: (f"http://127.0.0.1:{port}/{name}", r) for name, r in found.items()}
    await runner.cleanup()


def audit_problems(system) -> list:
    """`anbao audit verify` on certificates: every row written is in the audit log."""
    runtime = system.certificates
    with runtime.db.session() as session:
        return audit.verify(session, runtime.tables.audit,
                            audit.public_key_of(runtime.settings.audit_key),
                            runtime.spec.metadata)


def verify_standard_webhook(secret: str, headers: dict, body: bytes) -> None:
    """The receiver's check, written from the Standard Webhooks spec (as the README tells
    employers): HMAC-SHA256 with the base64 key after whsec_ over id.timestamp.body."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    assert f"v1,{expected}" in headers["webhook-signature"].split(" ")
    assert abs(time.time() - int(headers["webhook-timestamp"])) < 300


async def issued_certificate(system, holder_name: str = "张伟"):
    admin = system.stubs()
    org = await builders.institution(admin)
    session = await builders.session(admin, org)
    holder = await builders.person(admin, holder_name)
    candidate = await builders.admit(system, session, holder)
    await builders.score(system, session, candidate, 80, 80)
    await builders.finish(system, session)

    async def issued():
        listed = await admin.certificates.ListCertificates(cert.ListCertificatesRequest(
            person=holder.name), metadata=admin.metadata)
        return listed.certificates
    return (await eventually(issued, "the certificate"))[0]


async def employer(system, url: str, region: str = "220102"):
    """A registered employer and stubs with its own token."""
    admin = system.stubs()
    registered = await admin.certificates.RegisterEmployer(cert.RegisterEmployerRequest(
        employer=cert.Employer(display_name="长春保安服务有限公司", uscc=builders.uscc(),
                               region_code=region, webhook_url=url)), metadata=admin.metadata)
    return registered, system.stubs("employer", registered.name)


async def refused(call) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    return caught.value


async def test_emp2_revocation_pushes_a_signed_webhook_within_5s_and_retries_after_500s(
        system, backend, receivers):
    certificate = await issued_certificate(system)
    watchers = {}
    for name, (url, _) in receivers.items():
        registered, stubs = await employer(system, url)
        assert registered.webhook_secret.startswith("whsec_")
        await stubs.certificates.WatchCertificate(cert.WatchCertificateRequest(
            parent=registered.name, number=certificate.number, holder_name="张伟"),
            metadata=stubs.metadata)
        watchers[name] = (registered, stubs)

    admin = system.stubs()
    revoked_at = time.monotonic()
    await admin.certificates.RevokeCertificate(cert.RevokeCertificateRequest(
        name=certificate.name, revocation_reason=cert.REVOCATION_REASON_FRAUD,
        reason="考试舞弊"), metadata=admin.metadata)

    ok, flaky = receivers["ok"][1], receivers["flaky"][1]

    async def received(receiver, count):
        return len(receiver.received) >= count
    await eventually(lambda: received(ok, 1), "the webhook", timeout=5)
    assert ok.received[0][0] - revoked_at < 5
    await eventually(lambda: received(flaky, 3), "the third attempt", timeout=10)

    event_ids = set()
    for name, receiver in (("ok", ok), ("flaky", flaky)):
        for _, headers, body in receiver.received:
            headers = {k.lower(): v for k, v in headers.items()}
            verify_standard_webhook(watchers[name][0].webhook_secret, headers, body)
            payload = json.loads(body)
            assert payload["id"] == headers["webhook-id"]
            assert payload["type"] == "certificate.status_changed"
            assert payload["data"]["number"] == certificate.number
            assert payload["data"]["toStatus"] == "REVOKED"
            assert payload["data"]["revocationReason"] == "FRAUD"
            assert "考试舞弊" not in body.decode() and "张伟" not in body.decode()
            event_ids.add(payload["id"])
    assert len(event_ids) == 1  # one change: one event ID, whoever got it and how often
    assert len(ok.received) == 1
    times = [t for t, _, _ in flaky.received[:3]]
    assert times[2] - times[1] > 0  # backed off between the failures

    registered, stubs = watchers["flaky"]

    async def delivered():
        listed = await stubs.certificates.ListDeliveries(cert.ListDeliveriesRequest(
            parent=registered.name), metadata=stubs.metadata)
        return listed.deliveries and listed.deliveries[0].state == \
            cert.DELIVERY_STATE_DELIVERED and listed.deliveries
    deliveries = await eventually(delivered, "the delivery log")
    assert len(deliveries) == 1 and deliveries[0].event_id in event_ids
    assert [a.http_status for a in deliveries[0].attempts] == [500, 500, 204]
    assert [a.attempt for a in deliveries[0].attempts] == [1, 2, 3]
    assert all(a.error for a in deliveries[0].attempts[:2]) and not deliveries[0].attempts[2].error
    watches = await stubs.certificates.ListWatches(cert.ListWatchesRequest(
        parent=registered.name), metadata=stubs.metadata)
    assert [w.status for w in watches.watches] == [cert.CERTIFICATE_STATUS_REVOKED]
    assert audit_problems(system) == []


def unanswered_url() -> str:
    """A loopback URL nobody listens on (a port bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/hook"


async def test_emp2_a_receiver_that_never_answers_gets_retried_with_each_attempt_logged(
        system, backend):
    certificate = await issued_certificate(system)
    registered, stubs = await employer(system, unanswered_url())
    await stubs.certificates.WatchCertificate(cert.WatchCertificateRequest(
        parent=registered.name, number=certificate.number, holder_name="张伟"),
        metadata=stubs.metadata)
    admin = system.stubs()
    await admin.certificates.SuspendCertificate(cert.SuspendCertificateRequest(
        name=certificate.name, reason="核查"), metadata=admin.metadata)

    async def retried():
        listed = await stubs.certificates.ListDeliveries(cert.ListDeliveriesRequest(
            parent=registered.name), metadata=stubs.metadata)
        return listed.deliveries and len(listed.deliveries[0].attempts) >= 2 \
            and listed.deliveries[0]
    delivery = await eventually(retried, "two attempts")
    assert delivery.state == cert.DELIVERY_STATE_PENDING
    assert delivery.to_status == cert.CERTIFICATE_STATUS_SUSPENDED
    assert all(a.http_status == 0 and a.error for a in delivery.attempts)
    assert delivery.HasField("next_attempt_time")


async def test_emp1_watch_needs_the_number_and_the_holders_name_together(system, backend):
    certificate = await issued_certificate(system)
    registered, stubs = await employer(system, "https://hooks.invalid/anbao")
    watch = stubs.certificates.WatchCertificate
    md = stubs.metadata
    wrong_name = await refused(watch(cert.WatchCertificateRequest(
        parent=registered.name, number=certificate.number, holder_name="李四"), metadata=md))
    unknown = certificate.number[:-6] + f"{(int(certificate.number[-6:]) + 500) % 999999:06d}"
    unknown_number = await refused(watch(cert.WatchCertificateRequest(
        parent=registered.name, number=unknown, holder_name="张伟"), metadata=md))
    # the same answer: the watchlist does not tell which of the two was wrong
    assert wrong_name.code() == unknown_number.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert wrong_name.details() == unknown_number.details()
    assert error_details(wrong_name)[1] == error_details(unknown_number)[1] == \
        "EMP_1_NUMBER_AND_NAME"
    listed = await stubs.certificates.ListWatches(cert.ListWatchesRequest(
        parent=registered.name), metadata=md)
    assert list(listed.watches) == []

    made = await watch(cert.WatchCertificateRequest(
        parent=registered.name, number=certificate.number, holder_name="张伟"), metadata=md)
    assert made.name == f"{registered.name}/watches/{certificate.number}"
    assert made.holder_name_masked == "张*" and made.status == cert.CERTIFICATE_STATUS_VALID
    again = await refused(watch(cert.WatchCertificateRequest(
        parent=registered.name, number=certificate.number, holder_name="张伟"), metadata=md))
    assert again.code() == grpc.StatusCode.ALREADY_EXISTS
    await stubs.certificates.UnwatchCertificate(cert.UnwatchCertificateRequest(
        name=made.name), metadata=md)
    listed = await stubs.certificates.ListWatches(cert.ListWatchesRequest(
        parent=registered.name), metadata=md)
    assert list(listed.watches) == []
    gone = await refused(stubs.certificates.UnwatchCertificate(cert.UnwatchCertificateRequest(
        name=made.name), metadata=md))
    # the servers' AIP-211 convention: a confined caller's NOT_FOUND reads as out of scope
    assert gone.code() == grpc.StatusCode.PERMISSION_DENIED


async def test_emp3_webhook_urls_are_https_to_public_hosts(system, backend):
    admin = system.stubs()
    for url in ("http://hooks.example.com/anbao", "https://10.0.0.8/hook",
                "https://169.254.169.254/latest", "https://[fd00::1]/hook", "ftp://example.com/x",
                "https://user:pw@example.com/hook", "not a url"):
        exc = await refused(admin.certificates.RegisterEmployer(cert.RegisterEmployerRequest(
            employer=cert.Employer(display_name="某公司", uscc=builders.uscc(),
                                   region_code="220102", webhook_url=url)),
            metadata=admin.metadata))
        assert exc.code() == grpc.StatusCode.INVALID_ARGUMENT, url
        assert error_details(exc)[0]["employer.webhook_url"].startswith("EMP-3"), url
    # every bad field at once
    exc = await refused(admin.certificates.RegisterEmployer(cert.RegisterEmployerRequest(
        employer=cert.Employer(uscc="91220100MA0000000X", region_code="999999",
                               webhook_url="http://10.1.1.1/")), metadata=admin.metadata))
    assert set(error_details(exc)[0]) == {"employer.uscc", "employer.display_name",
                                          "employer.region_code", "employer.webhook_url"}


async def test_emp5_an_employer_reaches_only_its_own_watches_and_deliveries(system, backend):
    mine, my_stubs = await employer(system, "https://hooks.invalid/a")
    theirs, _ = await employer(system, "https://hooks.invalid/b")
    for request in (cert.ListWatchesRequest(parent=theirs.name),
                    cert.ListDeliveriesRequest(parent=theirs.name)):
        call = getattr(my_stubs.certificates, type(request).__name__.removesuffix("Request"))
        exc = await refused(call(request, metadata=my_stubs.metadata))
        assert exc.code() == grpc.StatusCode.PERMISSION_DENIED
    got = await my_stubs.certificates.GetEmployer(cert.GetEmployerRequest(name=mine.name),
                                                  metadata=my_stubs.metadata)
    assert got.uscc == mine.uscc and got.webhook_secret == ""  # the secret is shown once
    # a city admin registers employers of its own division only
    city = system.stubs("city_admin", "320500")
    exc = await refused(city.certificates.RegisterEmployer(cert.RegisterEmployerRequest(
        employer=cert.Employer(display_name="某公司", uscc=builders.uscc(),
                               region_code="220102", webhook_url="https://hooks.invalid/c")),
        metadata=city.metadata))
    assert exc.code() == grpc.StatusCode.PERMISSION_DENIED
    exc = await refused(system.stubs().certificates.RegisterEmployer(
        cert.RegisterEmployerRequest(employer=cert.Employer(
            display_name="重复", uscc=mine.uscc, region_code="220102",
            webhook_url="https://hooks.invalid/d")), metadata=system.stubs().metadata))
    assert exc.code() == grpc.StatusCode.ALREADY_EXISTS


async def test_emp4_batch_check_answers_each_pair_and_refuses_more_than_500(system, backend):
    certificate = await issued_certificate(system)
    registered, _ = await employer(system, "https://hooks.invalid/anbao")
    token = system.issuer.mint("hr-system", "employer", registered.name)
    url = f"{system.http_base}/api/v1/certificates:batchLookup"
    pair = {"number": certificate.number, "name": "张伟"}
    async with aiohttp.ClientSession() as http:
        async def post(body, bearer: str | None = token):
            headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
            async with http.post(url, json=body, headers=headers) as answer:
                return answer.status, await answer.json()

        assert (await post({"requests": [pair]}, None))[0] == 401
        assert (await post({"requests": [pair]}, "not-a-token"))[0] == 401
        admin_token = system.issuer.mint("admin", "province_admin")
        assert (await post({"requests": [pair]}, admin_token))[0] == 403
        unregistered = system.issuer.mint("x", "employer", f"employers/{builders.uscc()}")
        assert (await post({"requests": [pair]}, unregistered))[0] == 403

        status, body = await post({"requests": [
            pair, {"number": certificate.number, "name": "李四"},
            {"number": "S123", "name": "张伟"}]})
        assert status == 200
        found, wrong, malformed = body["results"]
        assert found["found"] and found["number"] == certificate.number
        assert found["holderName"] == "张*" and found["status"] == "VALID"
        assert found["signatureVerified"] is True
        assert (wrong["found"], wrong["error"]) == (False, "not_found")
        assert (malformed["found"], malformed["error"]) == (False, "invalid_argument")

        status, body = await post({"requests": [pair] * 500})
        assert status == 200 and len(body["results"]) == 500
        assert all(r["found"] for r in body["results"])
        status, body = await post({"requests": [pair] * 501})
        assert status == 400 and "EMP-4" in body["message"] and "500" in body["message"]

        # malformed requests: a clear 400, never a 500; a bad pair is answered alone
        for bad in ([], {}, {"requests": []}, {"requests": "x"}, {"requests": [{"number": 1}]},
                    {"requests": [pair, None]}):
            status, body = await post(bad)
            assert status == 400 and body["error"] == "invalid_argument", bad
        async with http.post(url, data=b"\xff not json", headers={
                "Authorization": f"Bearer {token}"}) as answer:
            assert answer.status == 400
        status, body = await post({"requests": [
            {"number": certificate.number, "name": "张" * 51},
            {"number": certificate.number, "name": "张\x00伟"}]})
        assert status == 200
        assert [r["error"] for r in body["results"]] == ["invalid_argument"] * 2


async def test_cli_registers_an_employer_watches_and_lists_its_watches_and_deliveries(
        system, backend, receivers):
    from typer.testing import CliRunner

    from anbaoctl.main import app

    runner = CliRunner()
    certificate = await issued_certificate(system)
    address = f"127.0.0.1:{system.certificates.port}"
    code = builders.uscc()

    async def anbao(role: str, scope: str, *args: str):
        token = system.issuer.mint("cli-test", role, scope)
        result = await asyncio.to_thread(runner.invoke, app, [
            "employers", *args, "--address", address, "--token", token])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    registered = await anbao("province_admin", "", "register", "--uscc", code, "--name",
                             "长春保安服务有限公司", "--region", "220102",
                             "--url", receivers["ok"][0])
    assert registered["name"] == f"employers/{code}"
    assert registered["webhook_secret"].startswith("whsec_")
    me = f"employers/{code}"
    watched = await anbao("employer", me, "watch", code, certificate.number,
                          "--holder-name", "张伟")
    assert watched["holder_name_masked"] == "张*"
    listed = await anbao("employer", me, "watches", code)
    assert [w["certificate"] for w in listed["watches"]] == [certificate.name]
    admin = system.stubs()
    await admin.certificates.SuspendCertificate(cert.SuspendCertificateRequest(
        name=certificate.name, reason="核查"), metadata=admin.metadata)

    async def delivered():
        found = await anbao("employer", me, "deliveries", code)
        return [d for d in found.get("deliveries", []) if d["state"] == "DELIVERY_STATE_DELIVERED"]
    assert (await eventually(delivered, "the delivery"))[0]["to_status"] == \
        "CERTIFICATE_STATUS_SUSPENDED"
    await anbao("employer", me, "unwatch", code, certificate.number)
    assert (await anbao("employer", me, "watches", code)).get("watches", []) == []


async def test_emp3_at_dispatch_a_name_resolving_to_loopback_is_refused_unless_allowed():
    """The resolver behind every POST: a host name counts by the addresses it resolves
    to now, not by how it looked at registration."""
    from services.certificates.adapters.webhook_dispatcher import GuardedResolver

    allowed = await GuardedResolver(allow_loopback=True).resolve("localhost", 443)
    assert {r["host"] for r in allowed} <= {"127.0.0.1", "::1"}
    with pytest.raises(OSError, match="EMP-3"):
        await GuardedResolver(allow_loopback=False).resolve("localhost", 443)


async def test_concurrent_registrations_and_watches_of_the_same_thing_make_one(system, backend):
    """Racing requests for the same employer or watch: one is made, the others are
    ALREADY_EXISTS — never INTERNAL."""
    certificate = await issued_certificate(system)
    admin = system.stubs()
    code = builders.uscc()
    request = cert.RegisterEmployerRequest(employer=cert.Employer(
        display_name="长春保安服务有限公司", uscc=code, region_code="220102",
        webhook_url="https://hooks.invalid/anbao"))
    answers = await asyncio.gather(*(admin.certificates.RegisterEmployer(
        request, metadata=admin.metadata) for _ in range(6)), return_exceptions=True)
    made = [a for a in answers if isinstance(a, cert.Employer)]
    assert len(made) == 1
    assert {a.code() for a in answers if not isinstance(a, cert.Employer)} == \
        {grpc.StatusCode.ALREADY_EXISTS}
    stubs = system.stubs("employer", f"employers/{code}")
    answers = await asyncio.gather(*(stubs.certificates.WatchCertificate(
        cert.WatchCertificateRequest(parent=f"employers/{code}", number=certificate.number,
                                     holder_name="张伟"), metadata=stubs.metadata)
        for _ in range(6)), return_exceptions=True)
    assert len([a for a in answers if isinstance(a, cert.Watch)]) == 1
    assert {a.code() for a in answers if not isinstance(a, cert.Watch)} == \
        {grpc.StatusCode.ALREADY_EXISTS}
