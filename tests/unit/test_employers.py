"""Employers' pure rules: webhook signatures (Standard Webhooks), the retry schedule
(EMP-2), webhook URLs (EMP-3) and the employer token's scope (EMP-5)."""

import json
import random
from datetime import datetime, timedelta, timezone

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from anbao.certificates.v1 import certificates_pb2 as pb
from anbao.certificates.v1 import events_pb2
from servicekit import auth, tokens
from servicekit.errors import Violations
from servicekit.unitofwork import new_event
from services.certificates.domain import employers, webhooks
from tests import builders


def test_emp2_signature_matches_the_standard_webhooks_test_vector():
    # the specification's published vector: any Standard Webhooks library verifies ours
    assert webhooks.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                              "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                              b'{"test": 2432232314}') == \
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_emp2_headers_carry_the_event_id_the_timestamp_and_a_fresh_secret_each_time():
    secret = webhooks.new_secret()
    assert secret.startswith("whsec_") and len(webhooks.secret_key(secret)) == 32
    assert secret != webhooks.new_secret()
    headers = webhooks.headers(secret, "e-1", 1700000000, b"{}")
    assert headers["webhook-id"] == "e-1" and headers["webhook-timestamp"] == "1700000000"
    assert headers["webhook-signature"] == webhooks.signature(secret, "e-1", 1700000000, b"{}")
    assert webhooks.signature(secret, "e-1", 1700000001, b"{}") != headers["webhook-signature"]


def test_emp2_payload_names_the_event_and_the_change_but_no_personal_data_or_free_text():
    event = new_event(events_pb2.CertificateStatusChanged,
                      certificate="certificates/S000022000001263000001",
                      number="S000022000001263000001", person="persons/p1",
                      from_status=pb.CERTIFICATE_STATUS_VALID,
                      to_status=pb.CERTIFICATE_STATUS_REVOKED, actor="admin",
                      revocation_reason=pb.REVOCATION_REASON_FRAUD, reason="张伟 考试舞弊")
    body = json.loads(webhooks.payload(event))
    assert body["id"] == event.event_id and body["type"] == "certificate.status_changed"
    assert body["data"]["toStatus"] == "REVOKED" and body["data"]["fromStatus"] == "VALID"
    assert body["data"]["revocationReason"] == "FRAUD" and body["data"]["replacedBy"] is None
    text = webhooks.payload(event)
    assert "张伟" not in text and "persons/p1" not in text and "admin" not in text


def test_emp2_retries_back_off_exponentially_with_jitter_and_stop_after_the_window():
    schedule = webhooks.RetrySchedule(base=timedelta(seconds=10), cap=timedelta(minutes=30),
                                      window=timedelta(hours=24))
    rng = random.Random(7)
    for attempts, full in ((1, 10), (2, 20), (3, 40), (8, 1280), (20, 1800)):
        delays = {schedule.delay(attempts, rng).total_seconds() for _ in range(50)}
        assert all(full / 2 <= d <= full for d in delays), (attempts, delays)
        assert len(delays) > 1  # jitter: receivers that failed together spread out
    created = datetime(2026, 11, 23, tzinfo=timezone.utc)
    assert schedule.next_attempt(created, 1, created) is not None
    late = created + timedelta(hours=23, minutes=59)
    assert schedule.next_attempt(created, 30, late, rng) is None  # past 24 h: give up


@pytest.mark.parametrize("url, loopback_allowed, ok", [
    ("https://hooks.example.com/anbao", False, True),
    ("https://203.0.113.7/hook", False, False),       # documentation range: not global
    ("https://8.8.8.8/hook", False, True),
    ("http://hooks.example.com/anbao", False, False),
    ("http://hooks.example.com/anbao", True, False),  # http only to loopback
    ("http://127.0.0.1:9000/hook", False, False),
    ("http://127.0.0.1:9000/hook", True, True),
    ("http://localhost:9000/hook", True, True),
    ("http://[::1]:9000/hook", True, True),
    ("https://127.0.0.1/hook", False, False),
    ("https://localhost/hook", False, False),
    ("https://10.1.2.3/hook", True, False),
    ("https://192.168.1.1/hook", False, False),
    ("https://169.254.169.254/latest/meta-data", True, False),
    ("https://[fe80::1]/hook", False, False),
    ("https://user:secret@hooks.example.com/", False, False),
    ("https://hooks.example.com:99999/", False, False),
    ("ftp://hooks.example.com/", False, False),
    ("https:///nohost", False, False),
    ("", False, False),
])
def test_emp3_webhook_urls(url, loopback_allowed, ok):
    v = Violations()
    employers.check_webhook_url(url, "webhook_url", v, allow_loopback_http=loopback_allowed)
    assert (not v.items) == ok, v.items
    assert all(x.field == "webhook_url" for x in v.items)


def test_emp3_at_dispatch_only_public_or_allowed_loopback_addresses():
    assert employers.address_allowed("93.184.216.34", False)
    assert not employers.address_allowed("10.0.0.1", True)
    assert not employers.address_allowed("127.0.0.1", False)
    assert employers.address_allowed("127.0.0.1", True)
    assert not employers.address_allowed("::ffff:10.0.0.1", True)
    assert not employers.address_allowed("not an address", True)


def test_emp5_an_employer_token_is_scoped_to_one_registered_unit_by_its_uscc():
    code = builders.uscc()
    issuer = tokens.TokenIssuer(Ed25519PrivateKey.generate(), audience=["certificates"])
    claims = tokens.TokenVerifier(issuer.public_key, "certificates").claims(
        issuer.mint("hr", "employer", f"employers/{code}"))
    assert claims["role"] == "employer" and claims["scope"] == f"employers/{code}"
    for scope in ("", code, f"employers/{code[:-1]}0" if code[-1] != "0" else
                  f"employers/{code[:-1]}1", f"employers/{code.lower()}", f"institutions/{code}"):
        with pytest.raises(ValueError):
            issuer.mint("hr", "employer", scope)
    me = auth.Caller("hr", "employer", f"employers/{code}", auth.Reach.EMPLOYER)
    assert auth.reaches(me, employer=code)
    assert not auth.reaches(me, employer=builders.uscc())
    assert not auth.reaches(me, region="220102", institution="A")


def test_emp5_anbao_token_mints_an_employer_token_and_refuses_a_bad_scope(tmp_path):
    from typer.testing import CliRunner

    from anbaoctl.main import app

    _, public = tokens.generate_keypair(tmp_path / "secrets")
    runner = CliRunner()
    code = builders.uscc()
    minted = runner.invoke(app, ["token", "--role", "employer", "--scope", f"employers/{code}",
                                 "--data", str(tmp_path)])
    assert minted.exit_code == 0, minted.output
    claims = tokens.TokenVerifier(public, "certificates").claims(minted.output.strip())
    assert (claims["role"], claims["scope"]) == ("employer", f"employers/{code}")
    refused = runner.invoke(app, ["token", "--role", "employer", "--scope", "employers/123",
                                  "--data", str(tmp_path)])
    assert refused.exit_code == 2 and "employers/{uscc}" in refused.output
