"""Signing keys: rotation, expiry and compromise (CERT-3), on the handler tier.

A certificate verifies with the key that was good when it was signed; marking a key
compromised at T untrusts what it signed from T on and nothing before."""

import time
from datetime import datetime, timedelta, timezone

import pytest

from anbao.certificates.v1 import events_pb2
from servicekit import dataintegrity as di
from servicekit import fieldcrypto
from servicekit.errors import FailedPrecondition, InvalidArgument, NotFound
from services.certificates import handlers
from services.certificates.adapters.keyring import KeyRing
from services.certificates.adapters.orm import metadata
from services.certificates.adapters.repository import CertificatesRepositories
from services.certificates.domain import commands as c
from services.certificates.domain.lookup_budget import LookupBudget, LookupLimits
from tests.builders import assessment_passed
from tests.unit.memory import MemoryUnitOfWorks

from servicekit.auth import Caller

STATUS_BASE = "https://anbao.example"  # where the status lists would be served
PROVINCE = Caller("test", "province_admin")

KEK = fieldcrypto.new_key()


@pytest.fixture
def uows():
    return MemoryUnitOfWorks(metadata, CertificatesRepositories)


def replica(uows, profile: str = "ed25519", validity=timedelta(days=30)) -> KeyRing:
    """A certificates process: its own key ring over the shared database."""
    ring = KeyRing(KEK, validity, profile=profile)
    with uows.db.session() as session:
        ring.load(session)
    return ring


def issue(uows, keys, i: int) -> str:
    handlers.on_assessment_passed(uows(inbox=None), assessment_passed(i),
                                  issuing=handlers.Issuing(keys, lambda: STATUS_BASE))
    return uows.emitted(events_pb2.CertificateIssued)[-1].number


def verified(uows, keys, number: str) -> bool:
    found = handlers.lookup(uows(), c.LookupCertificate(number, "张伟", "c"), keys=keys,
                            budget=LookupBudget(LookupLimits(1000, 1000, 1000)))
    return found.signature_verified


def proof_created(uows, number: str) -> datetime:
    import json
    credential = json.loads(handlers.get_certificate(uows(), c.GetCertificate(PROVINCE, number)).credential_json)
    return datetime.strptime(credential["proof"][0]["created"], "%Y-%m-%dT%H:%M:%SZ") \
        .replace(tzinfo=timezone.utc)


def wait_until(moment: datetime) -> None:
    """Proofs carry whole seconds: the next certificate must be signed after `moment`."""
    while datetime.now(timezone.utc) < moment:
        time.sleep(0.05)


def test_cert3_rotation_keeps_old_certificates_valid_and_signs_new_ones_with_the_new_key(uows):
    keys = replica(uows)
    old_key = keys.active_key_id
    before = issue(uows, keys, 1)
    rotated = handlers.rotate_signing_key(uows(), c.RotateSigningKey(), keys=keys)
    assert rotated.id == keys.active_key_id != old_key
    after = issue(uows, keys, 2)
    assert verified(uows, keys, before) and verified(uows, keys, after)
    published = handlers.list_keys(uows(), c.ListVerificationKeys())
    assert [k.id for k in published] == [old_key, rotated.id]  # every key stays published
    assert published[0].revoked_at is not None and published[1].revoked_at is None
    # each key resolves as did:key with no network, and signed only its own certificates
    for number, key_id in ((before, old_key), (after, rotated.id)):
        found = handlers.get_certificate(uows(), c.GetCertificate(PROVINCE, number))
        assert found.key_id == key_id
        assert di.resolve_did_key(key_id) is not None


def test_cert3_an_expired_key_is_replaced_and_what_it_signed_stays_valid(uows):
    keys = replica(uows, validity=timedelta(seconds=2))
    first_key = keys.active_key_id
    signed_while_good = issue(uows, keys, 1)
    wait_until(datetime.now(timezone.utc) + timedelta(seconds=2))
    with uows.db.session() as session:
        keys.load(session)  # the refresh finds the key expired and makes a new one
    assert keys.active_key_id != first_key
    assert verified(uows, keys, signed_while_good)
    assert verified(uows, keys, issue(uows, keys, 2))


def test_cert3_compromise_at_t_untrusts_what_the_key_signed_from_t_on_only(uows):
    keys = replica(uows)
    compromised_key = keys.active_key_id
    before = issue(uows, keys, 1)
    since = proof_created(uows, before) + timedelta(seconds=1)
    wait_until(since)
    after = issue(uows, keys, 2)  # the same key, signing at or after T
    assert verified(uows, keys, before) and verified(uows, keys, after)  # cached verdicts

    row = handlers.mark_signing_key_compromised(
        uows(), c.MarkSigningKeyCompromised(compromised_key, since), keys=keys)
    assert row.compromised_at is not None and keys.active_key_id != compromised_key
    assert verified(uows, keys, before)            # signed before T: still valid
    assert not verified(uows, keys, after)         # signed from T on: signature not trusted
    assert verified(uows, keys, issue(uows, keys, 3))  # the replacement key signs


def test_cert3_other_replicas_see_a_compromise_at_their_next_key_refresh(uows):
    first, second = replica(uows), replica(uows)
    assert first.active_key_id == second.active_key_id  # the replicas share the keys
    number = issue(uows, first, 1)
    assert verified(uows, second, number)  # the verdict is now cached in `second`
    handlers.mark_signing_key_compromised(
        uows(), c.MarkSigningKeyCompromised(first.active_key_id, datetime.now(timezone.utc)
                                            - timedelta(hours=1)), keys=first)
    assert not verified(uows, first, number)
    with uows.db.session() as session:
        second.load(session)  # what the refresh loop does every key_refresh_seconds
    assert not verified(uows, second, number)
    assert second.active_key_id == first.active_key_id  # and it signs with the new key


def test_mark_compromised_rejects_bad_input_and_unknown_keys(uows):
    keys = replica(uows)
    now = datetime.now(timezone.utc)
    with pytest.raises(InvalidArgument) as caught:
        c.MarkSigningKeyCompromised.parse(key="nope", compromise_time=None, now=now)
    assert {v.field for v in caught.value.violations} == {"key", "compromise_time"}
    with pytest.raises(InvalidArgument):
        c.MarkSigningKeyCompromised.parse(key=keys.active_key_id,
                                          compromise_time=now + timedelta(hours=1), now=now)
    with pytest.raises(NotFound):
        handlers.mark_signing_key_compromised(
            uows(), c.MarkSigningKeyCompromised("did:key:zUnknown#zUnknown", now), keys=keys)
    key_id = keys.active_key_id
    handlers.mark_signing_key_compromised(uows(), c.MarkSigningKeyCompromised(key_id, now),
                                          keys=keys)
    with pytest.raises(FailedPrecondition):  # already compromised since then
        handlers.mark_signing_key_compromised(uows(), c.MarkSigningKeyCompromised(key_id, now),
                                              keys=keys)
