"""CERT-3 status changes, the Bitstring Status Lists and step-by-step verification, on the
handler tier (real repositories, in-memory SQLite, no network)."""

import base64
import gzip
import json
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.accreditation.v1 import events_pb2 as acc_events
from anbao.certificates.v1 import certificates_pb2 as pb
from anbao.certificates.v1 import events_pb2
from servicekit import dataintegrity, paging
from servicekit.auth import Caller, Reach
from servicekit.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from servicekit.unitofwork import new_event, utcnow
from services.certificates import handlers
from services.certificates.domain import commands as c
from services.certificates.domain import statuslist
from tests.builders import assessment_passed
from tests.unit.memory import certificates_world

BASE = "https://anbao.example"
PROVINCE = Caller("admin", "province_admin")


@pytest.fixture
def world():
    return certificates_world()


@pytest.fixture
def uows(world):
    return world[0]


@pytest.fixture
def keys(world):
    return world[1]


@pytest.fixture
def lists(keys):
    return handlers.StatusLists(keys, lambda: BASE, 60)


def accredit(uows, institution="institutions/x", *statuses):
    for status in statuses or (acc.INSTITUTION_STATUS_ACTIVE,):
        event = new_event(acc_events.InstitutionStatusChanged, institution=institution,
                          display_name="评价中心", role=acc.INSTITUTION_ROLE_EVALUATION,
                          to_status=status)
        event.occur_time.FromSeconds(event.occur_time.seconds - 3600)  # before the exams
        handlers.on_institution_status_changed(uows(inbox=event), event)


def issue(uows, keys, i=1, level=3, region="220100") -> str:
    event = assessment_passed(i, level)
    event.region_code = region
    handlers.on_assessment_passed(uows(inbox=event), event,
                                  issuing=handlers.Issuing(keys, lambda: BASE))
    return uows.emitted(events_pb2.CertificateIssued)[-1].number


def name(number: str) -> str:
    return f"certificates/{number}"


def suspend(uows, number, actor=PROVINCE):
    return handlers.suspend_certificate(uows(), c.SuspendCertificate.parse(
        actor, name=name(number), reason="under investigation"))


def reinstate(uows, number):
    return handlers.reinstate_certificate(uows(), c.ReinstateCertificate.parse(
        PROVINCE, name=name(number), reason="cleared"))


def revoke(uows, number, reason=pb.REVOCATION_REASON_FRAUD):
    return handlers.revoke_certificate(uows(), c.RevokeCertificate.parse(
        PROVINCE, name=name(number), revocation_reason=reason, reason="scores forged"))


def replace(uows, keys, number):
    return handlers.replace_certificate(uows(), c.ReplaceCertificate.parse(
        PROVINCE, name=name(number), reason="lost"), issuing=handlers.Issuing(keys, lambda: BASE))


def history(uows, number):
    return handlers.list_history(uows(), c.ListCertificateHistory(PROVINCE, number, paging.Page()))[0]


def test_cert3_suspend_reinstate_revoke_keeps_history_and_publishes_each_change(uows, keys):
    number = issue(uows, keys)
    assert suspend(uows, number).status == pb.CERTIFICATE_STATUS_SUSPENDED
    assert reinstate(uows, number).status == pb.CERTIFICATE_STATUS_VALID
    revoked = revoke(uows, number)
    assert revoked.status == pb.CERTIFICATE_STATUS_REVOKED
    assert revoked.revocation_reason == pb.REVOCATION_REASON_FRAUD and revoked.status_changed_at
    changes = history(uows, number)
    assert [(x.from_status, x.to_status) for x in changes] == [(1, 2), (2, 1), (1, 3)]
    assert all(x.actor == "admin" and x.reason and x.changed_at for x in changes)
    events = uows.emitted(events_pb2.CertificateStatusChanged)
    assert [(e.to_status, e.actor) for e in events] == [(2, "admin"), (1, "admin"), (3, "admin")]
    assert events[-1].revocation_reason == pb.REVOCATION_REASON_FRAUD
    assert events[-1].change_time.seconds > 0


@pytest.mark.parametrize("steps, refused, reason", [
    (["revoke"], "revoke", "CERT_3_ALREADY_REVOKED"),          # a second revocation
    (["revoke"], "reinstate", "CERT_3_REVOKED_IS_FINAL"),      # reinstating a revoked one
    (["revoke"], "suspend", "CERT_3_NOT_VALID"),
    ([], "reinstate", "CERT_3_NOT_SUSPENDED"),
    (["suspend"], "suspend", "CERT_3_NOT_VALID"),
    (["replace"], "revoke", "CERT_3_REPLACED_IS_FINAL"),
    (["replace"], "replace", "CERT_3_REPLACED_IS_FINAL"),
])
def test_cert3_refused_transitions_name_the_rule_and_change_nothing(uows, keys, steps, refused,
                                                                    reason):
    number = issue(uows, keys)
    act = {"suspend": lambda: suspend(uows, number), "reinstate": lambda: reinstate(uows, number),
           "revoke": lambda: revoke(uows, number), "replace": lambda: replace(uows, keys, number)}
    for step in steps:
        act[step]()
    before = (len(history(uows, number)), len(uows.emitted(events_pb2.CertificateStatusChanged)),
              len(uows.emitted(events_pb2.CertificateIssued)))
    with pytest.raises(FailedPrecondition) as caught:
        act[refused]()
    assert caught.value.reason == reason and caught.value.rule_id == "CERT-3"
    after = (len(history(uows, number)), len(uows.emitted(events_pb2.CertificateStatusChanged)),
             len(uows.emitted(events_pb2.CertificateIssued)))
    assert after == before


def test_cert3_revocation_needs_a_reason_from_the_list_and_text_with_other():
    with pytest.raises(InvalidArgument) as caught:
        c.RevokeCertificate.parse(PROVINCE, name="certificates/S000022000123263000001",
                                  revocation_reason=0, reason="")
    assert [v.field for v in caught.value.violations] == ["revocation_reason"]
    with pytest.raises(InvalidArgument) as caught:
        c.RevokeCertificate.parse(PROVINCE, name="certificates/S000022000123263000001",
                                  revocation_reason=pb.REVOCATION_REASON_OTHER, reason=" ")
    assert [v.field for v in caught.value.violations] == ["reason"]
    with pytest.raises(InvalidArgument) as caught:
        c.SuspendCertificate.parse(PROVINCE, name="certificates/nope", reason="")
    assert {v.field for v in caught.value.violations} == {"name", "reason"}


def test_cert3_replacing_or_revoking_an_unknown_certificate_is_not_found(uows, keys):
    with pytest.raises(NotFound):
        replace(uows, keys, "S000022000123263000099")
    with pytest.raises(NotFound):
        revoke(uows, "S000022000123263000099")
    with pytest.raises(NotFound):
        history(uows, "S000022000123263000099")
    assert uows.emitted(events_pb2.CertificateIssued) == []


def test_cert3_replacement_gets_a_new_number_in_the_same_series_and_both_link(uows, keys):
    number = issue(uows, keys)
    issue(uows, keys, i=2)  # another holder takes serial 2 of the series
    new = replace(uows, keys, number)
    assert new.number[:16] == number[:16] and new.number.endswith("000003")
    assert new.replaces == number and new.status == pb.CERTIFICATE_STATUS_VALID
    old = handlers.get_certificate(uows(), c.GetCertificate(PROVINCE, number))
    assert old.status == pb.CERTIFICATE_STATUS_REPLACED and old.replaced_by == new.number
    assert history(uows, number)[-1].replaced_by == new.number
    issued = uows.emitted(events_pb2.CertificateIssued)[-1]
    assert issued.number == new.number and issued.person == "persons/p1"
    assert keys.verify(new.credential_json)
    changed = uows.emitted(events_pb2.CertificateStatusChanged)[-1]
    assert changed.replaced_by == name(new.number) and changed.to_status == 4


def test_cert1_one_certificate_per_person_occupation_and_level_unless_replaced(uows, keys):
    number = issue(uows, keys, i=1)
    again = assessment_passed(1)
    again.candidate = "examSessions/s2/candidates/c1"  # a re-examination at the same level
    with pytest.raises(FailedPrecondition) as caught:
        handlers.on_assessment_passed(uows(inbox=again), again,
                                      issuing=handlers.Issuing(keys, lambda: BASE))
    assert caught.value.reason == "CERT_1_ONE_PER_LEVEL" and number in str(caught.value)
    revoke(uows, number)  # a revoked certificate still holds the level
    with pytest.raises(FailedPrecondition):
        handlers.on_assessment_passed(uows(inbox=again), again,
                                      issuing=handlers.Issuing(keys, lambda: BASE))
    assert issue(uows, keys, i=1, level=2)  # the next level is another certificate
    other = issue(uows, keys, i=3)
    replacement = replace(uows, keys, other)
    assert replacement.person_id == "p3"  # a replacement takes over the level


def test_cert3_a_city_admin_changes_only_certificates_of_its_division(uows, keys):
    number = issue(uows, keys, region="220100")  # 长春
    with pytest.raises(PermissionDenied):
        suspend(uows, number, Caller("jilin-city", "city_admin", "220200", Reach.DIVISION))
    assert suspend(uows, number, Caller("changchun", "city_admin", "220100", Reach.DIVISION)).status == 2
    older = issue(uows, keys, i=2, region="")  # an event from before the region was carried
    with pytest.raises(PermissionDenied):
        suspend(uows, older, Caller("changchun", "city_admin", "220100", Reach.DIVISION))
    assert suspend(uows, older).status == 2  # province level


def served_bits(uows, lists, url: str) -> bytes:
    """Decodes a served list independently: multibase 'u' + base64url + GZIP."""
    purpose, number = url.rsplit("/", 2)[-2:]
    published = handlers.get_status_list(uows(), c.GetStatusList.parse(
        purpose=purpose, list_number=number), lists=lists)
    document = json.loads(published.body)
    assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert document["credentialSubject"]["statusPurpose"] == purpose
    encoded = document["credentialSubject"]["encodedList"]
    assert encoded[0] == "u"
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(raw) * 8 >= 131_072
    assert dataintegrity.verify(document).verified  # signed with the service's key
    return raw


def is_set(raw: bytes, index: str) -> bool:
    i = int(index)
    return bool(raw[i // 8] >> (7 - i % 8) & 1)


def test_cert3_status_lists_carry_each_certificate_at_random_positions(uows, keys, lists):
    numbers = [issue(uows, keys, i=i) for i in range(6)]
    credentials = [json.loads(handlers.get_certificate(uows(), c.GetCertificate(PROVINCE, n)).credential_json)
                   for n in numbers]
    entries = [x["credentialStatus"] for x in credentials]
    assert all([e["statusPurpose"] for e in x] == ["revocation", "suspension"] for x in entries)
    assert all(e["type"] == "BitstringStatusListEntry" for x in entries for e in x)
    revocation = [int(x[0]["statusListIndex"]) for x in entries]
    assert revocation != sorted(revocation) or max(revocation) > 1000  # not in issue order
    suspended, revoked, untouched = entries[0], entries[1], entries[2]
    suspend(uows, numbers[0])
    revoke(uows, numbers[1])
    for entry in (suspended, revoked, untouched):
        for e in entry:
            raw = served_bits(uows, lists, e["statusListCredential"])
            expected = (entry is suspended and e["statusPurpose"] == "suspension") or \
                (entry is revoked and e["statusPurpose"] == "revocation")
            assert is_set(raw, e["statusListIndex"]) == expected
    reinstate(uows, numbers[0])
    raw = served_bits(uows, lists, suspended[1]["statusListCredential"])
    assert not is_set(raw, suspended[1]["statusListIndex"])


def test_cert3_status_list_is_rebuilt_only_when_a_bit_changed(uows, keys, lists):
    number = issue(uows, keys)
    query = c.GetStatusList.parse(purpose="suspension", list_number="1")
    first = handlers.get_status_list(uows(), query, lists=lists)
    assert handlers.get_status_list(uows(), query, lists=lists) is first
    suspend(uows, number)
    second = handlers.get_status_list(uows(), query, lists=lists)
    assert second.version == first.version + 1 and second.body != first.body
    with pytest.raises(NotFound):
        handlers.get_status_list(uows(), c.GetStatusList.parse(purpose="revocation",
                                                               list_number="9"), lists=lists)
    with pytest.raises(InvalidArgument):
        c.GetStatusList.parse(purpose="refresh", list_number="x")


def test_statuslist_encoding_round_trips_with_index_zero_leftmost():
    encoded = statuslist.encode([0, 9, 131_071])
    raw = statuslist.decode(encoded)
    assert raw[0] == 0x80 and raw[1] == 0x40 and raw[-1] == 0x01
    assert [statuslist.bit(raw, i) for i in (0, 1, 9, 131_071)] == [True, False, True, True]
    with pytest.raises(ValueError):
        statuslist.decode("u" + base64.urlsafe_b64encode(gzip.compress(b"\0" * 10)).decode())


# verification, verdict by verdict


def verify(uows, keys, lists, credential) -> tuple[str, dict]:
    report = handlers.verify_certificate(uows(), c.VerifyCertificate(credential), keys=keys,
                                         lists=lists)
    return pb.Verdict.Name(report.verdict), {s.step: pb.StepOutcome.Name(s.outcome)
                                             for s in report.steps}


def credential_of(uows, number) -> dict:
    return json.loads(handlers.get_certificate(uows(), c.GetCertificate(PROVINCE, number)).credential_json)


def test_cert3_verify_a_good_certificate_step_by_step(uows, keys, lists):
    accredit(uows)
    number = issue(uows, keys)
    verdict, steps = verify(uows, keys, lists, credential_of(uows, number))
    assert verdict == "VERDICT_VALID"
    assert steps == {name: "STEP_OUTCOME_PASSED" for name in (
        "well_formed", "proof", "key_valid", "issuer_accredited", "status", "validity_period")}


def test_cert3_verify_names_a_tampered_credential(uows, keys, lists):
    accredit(uows)
    credential = credential_of(uows, issue(uows, keys))
    credential["credentialSubject"]["level"] = 1
    verdict, steps = verify(uows, keys, lists, credential)
    assert verdict == "VERDICT_TAMPERED" and steps["proof"] == "STEP_OUTCOME_FAILED"


def test_cert3_verify_names_revoked_suspended_and_replaced(uows, keys, lists):
    accredit(uows)
    numbers = [issue(uows, keys, i=i) for i in range(3)]
    credentials = [credential_of(uows, n) for n in numbers]
    revoke(uows, numbers[0])
    suspend(uows, numbers[1])
    replace(uows, keys, numbers[2])
    verdicts = [verify(uows, keys, lists, x) for x in credentials]
    assert [v for v, _ in verdicts] == ["VERDICT_REVOKED", "VERDICT_SUSPENDED", "VERDICT_REPLACED"]
    assert all(s["status"] == "STEP_OUTCOME_FAILED" and s["proof"] == "STEP_OUTCOME_PASSED"
               for _, s in verdicts)


def test_cert3_verify_names_an_unknown_issuer_and_an_unaccredited_one(uows, keys, lists):
    accredit(uows)
    credential = credential_of(uows, issue(uows, keys))
    stranger = Ed25519PrivateKey.generate()  # a well-signed credential from someone else
    forged = dataintegrity.sign(
        {k: v for k, v in credential.items() if k != "proof"}, stranger,
        verification_method=dataintegrity.did_key_verification_method(stranger.public_key()),
        created="2026-11-22T00:00:00Z")
    assert verify(uows, keys, lists, forged)[0] == "VERDICT_UNKNOWN_ISSUER"
    accredit(uows, "institutions/y", acc.INSTITUTION_STATUS_APPLIED)
    event = assessment_passed(6)
    event.institution = "institutions/y"
    handlers.on_assessment_passed(uows(inbox=event), event,
                                  issuing=handlers.Issuing(keys, lambda: BASE))
    number = uows.emitted(events_pb2.CertificateIssued)[-1].number
    verdict, steps = verify(uows, keys, lists, credential_of(uows, number))
    assert verdict == "VERDICT_ISSUER_NOT_ACCREDITED"
    assert steps["issuer_accredited"] == "STEP_OUTCOME_FAILED"
    event = assessment_passed(7)
    event.institution = "institutions/never-heard-of"
    handlers.on_assessment_passed(uows(inbox=event), event,
                                  issuing=handlers.Issuing(keys, lambda: BASE))
    number = uows.emitted(events_pb2.CertificateIssued)[-1].number  # signed by us
    verdict, steps = verify(uows, keys, lists, credential_of(uows, number))
    assert verdict == "VERDICT_UNKNOWN_ISSUER" and steps["proof"] == "STEP_OUTCOME_PASSED"


def test_cert3_verify_names_malformed_input_and_a_status_it_cannot_check(uows, keys, lists):
    accredit(uows)
    assert verify(uows, keys, lists, None)[0] == "VERDICT_MALFORMED"
    assert verify(uows, keys, lists, {"proof": {}})[0] == "VERDICT_MALFORMED"
    credential = credential_of(uows, issue(uows, keys))
    for entry in credential["credentialStatus"]:
        entry["statusListCredential"] = "https://elsewhere.example/list/1"
    unsigned = {k: v for k, v in credential.items() if k != "proof"}
    resigned, _ = keys.sign(unsigned, utcnow())
    verdict, steps = verify(uows, keys, lists, resigned)
    assert verdict == "VERDICT_INCOMPLETE" and steps["status"] == "STEP_OUTCOME_COULD_NOT_CHECK"


def proof_steps(uows, keys, lists, credential) -> tuple[str, list[tuple[str, str]]]:
    report = handlers.verify_certificate(uows(), c.VerifyCertificate(credential), keys=keys,
                                         lists=lists)
    return pb.Verdict.Name(report.verdict), [
        (s.detail.split(" ", 1)[0], pb.StepOutcome.Name(s.outcome))
        for s in report.steps if s.step == "proof"]


def test_cert3_verify_checks_every_proof_of_the_set_the_rdfc_one_too(uows, keys, lists):
    accredit(uows)
    credential = credential_of(uows, issue(uows, keys))
    verdict, proofs = proof_steps(uows, keys, lists, credential)
    assert verdict == "VERDICT_VALID"
    assert proofs == [("eddsa-jcs-2022", "STEP_OUTCOME_PASSED"),
                      ("eddsa-rdfc-2022", "STEP_OUTCOME_PASSED")]
    jcs, rdfc = credential["proof"]
    rdfc["proofValue"] = jcs["proofValue"]  # only the RDFC proof is wrong now
    verdict, proofs = proof_steps(uows, keys, lists, credential)
    assert verdict == "VERDICT_TAMPERED"
    assert proofs == [("eddsa-jcs-2022", "STEP_OUTCOME_PASSED"),
                      ("eddsa-rdfc-2022", "STEP_OUTCOME_FAILED")]


def test_cert3_verify_key_step_follows_rotation_and_compromise(uows, keys, lists):
    accredit(uows)
    credential = credential_of(uows, issue(uows, keys))
    key_id = credential["proof"][0]["verificationMethod"]
    handlers.rotate_signing_key(uows(), c.RotateSigningKey(), keys=keys)
    verdict, steps = verify(uows, keys, lists, credential)  # what it signed stays valid
    assert verdict == "VERDICT_VALID" and steps["key_valid"] == "STEP_OUTCOME_PASSED"
    handlers.mark_signing_key_compromised(uows(), c.MarkSigningKeyCompromised(
        key_id, utcnow() - timedelta(hours=1)), keys=keys)  # before it signed
    report = handlers.verify_certificate(uows(), c.VerifyCertificate(credential), keys=keys,
                                         lists=lists)
    assert pb.Verdict.Name(report.verdict) == "VERDICT_KEY_NOT_VALID"
    assert [s.detail.endswith(": compromised") for s in report.steps
            if s.step == "key_valid"] == [True, True]
