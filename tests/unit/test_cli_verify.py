"""CERT-3: `anbao verify FILE` checks a credential step by step offline and names the
verdict: VALID (exit 0), a failure (exit 1), or INCOMPLETE when every step that ran passed
but some could not be checked (exit 3)."""

import json
from datetime import datetime, timedelta, timezone

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from typer.testing import CliRunner

from anbaoctl.main import app
from servicekit import dataintegrity

runner = CliRunner()
KEY = Ed25519PrivateKey.generate()
KEY_ID = dataintegrity.did_key_verification_method(KEY.public_key())


def signed_credential(**extra) -> dict:
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"],
                "type": ["VerifiableCredential", "SkillLevelCertificate"],
                "issuer": {"id": KEY_ID.split("#")[0], "name": "评价机构"},
                "validFrom": "2026-11-22T00:00:00Z",
                "credentialSubject": {"certificateNumber": "S000022000123263000001",
                                      "name": "张伟", "level": 3,
                                      "evaluationInstitution": "institutions/x"}, **extra}
    return dataintegrity.sign(document, KEY, verification_method=KEY_ID,
                              created="2026-11-22T00:00:00Z")


def published(tmp_path, revoked=None):
    keys = tmp_path / "keys.json"
    now = datetime.now(timezone.utc)
    keys.write_text(json.dumps({"keys": [{
        "id": KEY_ID, "created": (now - timedelta(days=30)).isoformat(),
        "expires": (now + timedelta(days=300)).isoformat(), "revoked": revoked}]}))
    return str(keys)


def run(tmp_path, credential, *options):
    path = tmp_path / "c.json"
    path.write_text(credential if isinstance(credential, str)
                    else json.dumps(credential, ensure_ascii=False))
    return runner.invoke(app, ["verify", str(path), *options])


def test_cert3_verify_offline_checks_what_it_can_and_says_what_it_could_not(tmp_path):
    result = run(tmp_path, signed_credential(), "--keys", published(tmp_path))
    assert result.exit_code == 3 and "INCOMPLETE" in result.output
    assert "COULD_NOT_CHECK" in result.output and "FAILED" not in result.output


def test_cert3_verify_names_a_tampered_file(tmp_path):
    credential = signed_credential()
    credential["credentialSubject"]["level"] = 2
    result = run(tmp_path, credential)
    assert result.exit_code == 1 and "NOT VERIFIED: TAMPERED" in result.output


def test_cert3_verify_with_published_keys_names_an_unknown_issuer_and_a_revoked_key(tmp_path):
    keys = tmp_path / "other.json"
    keys.write_text(json.dumps({"keys": [{"id": "did:key:zOther#zOther", "created": "2026-01-01",
                                          "expires": "2030-01-01", "revoked": None}]}))
    result = run(tmp_path, signed_credential(), "--keys", str(keys))
    assert result.exit_code == 1 and "NOT VERIFIED: UNKNOWN_ISSUER" in result.output
    result = run(tmp_path, signed_credential(), "--keys",
                 published(tmp_path, revoked="2026-11-01T00:00:00+00:00"))
    assert result.exit_code == 1 and "NOT VERIFIED: KEY_NOT_VALID" in result.output


def test_cert3_verify_an_unreachable_status_list_is_could_not_check_never_valid(tmp_path):
    entry = {"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
             "statusListIndex": "7", "statusListCredential": "http://127.0.0.1:9/lists/1"}
    result = run(tmp_path, signed_credential(credentialStatus=[entry]), "--keys",
                 published(tmp_path))
    assert result.exit_code == 3 and "unreachable" in result.output


def test_verify_reports_unreadable_input(tmp_path):
    result = run(tmp_path, "not json")
    assert result.exit_code == 1 and "MALFORMED" in result.output


def test_cert3_verify_reads_published_key_dates_without_a_zone_as_utc(tmp_path):
    keys = tmp_path / "naive.json"
    keys.write_text(json.dumps({"keys": [{"id": KEY_ID, "created": "2026-01-01T00:00:00",
                                          "expires": "2099-01-01T00:00:00", "revoked": None}]}))
    result = run(tmp_path, signed_credential(), "--keys", str(keys))
    assert result.exit_code == 3 and "key_valid" in result.output and "FAILED" not in result.output


def issued_credential() -> dict:
    """A certificate as certificates issues it: our context, a proof set of two, status
    list entries (at an address nothing answers on)."""
    from servicekit import fieldcrypto, paging
    from servicekit.auth import Caller
    from services.certificates import handlers
    from services.certificates.adapters.keyring import KeyRing
    from services.certificates.adapters.orm import metadata
    from services.certificates.adapters.repository import CertificatesRepositories
    from services.certificates.domain import commands as c
    from tests.builders import assessment_passed
    from tests.unit.memory import MemoryUnitOfWorks

    uows = MemoryUnitOfWorks(metadata, CertificatesRepositories)
    keys = KeyRing(fieldcrypto.new_key(), timedelta(days=30))
    with uows.db.session() as session:
        keys.load(session)
    issuing = handlers.Issuing(keys, lambda: "http://127.0.0.1:9")
    handlers.on_assessment_passed(uows(), assessment_passed(1), issuing=issuing)
    (row,), _ = handlers.list_certificates(uows(), c.ListCertificates(
        Caller("test", "province_admin"), "", paging.Page()))
    return json.loads(row.credential_json)


def proof_rows(output: str) -> list[str]:
    return [line for line in output.splitlines() if "eddsa-" in line and "proof" in line]


def test_cert3_verify_checks_both_proofs_offline_with_the_shipped_contexts(tmp_path):
    credential = issued_credential()
    result = run(tmp_path, credential)
    assert result.exit_code == 3 and "FAILED" not in result.output, result.output
    rows = proof_rows(result.output)
    assert len(rows) == 2 and all("PASSED" in row for row in rows), result.output
    assert any("eddsa-rdfc-2022" in row for row in rows)
    credential["credentialSubject"]["level"] = 2
    result = run(tmp_path, credential)
    assert result.exit_code == 1 and "NOT VERIFIED: TAMPERED" in result.output
    assert [("FAILED" in row) for row in proof_rows(result.output)] == [True, True]


def test_cert3_verify_with_published_keys_honours_rotation_and_compromise(tmp_path):
    credential = issued_credential()
    key_id = credential["proof"][0]["verificationMethod"]
    now = datetime.now(timezone.utc)
    dates = {"created": (now - timedelta(days=1)).isoformat(),
             "expires": (now + timedelta(days=300)).isoformat()}
    keys = tmp_path / "keys.json"
    for published, word in (
            ({"revoked": "2099-01-01T00:00:00+00:00", "compromised": None}, None),
            ({"revoked": None, "compromised": "2099-01-01T00:00:00+00:00"}, None),  # after signing
            ({"revoked": None, "compromised": "2000-01-01T00:00:00+00:00"}, "compromised"),
            ({"revoked": "2000-01-01T00:00:00+00:00", "compromised": None}, "rotated")):
        keys.write_text(json.dumps({"keys": [{"id": key_id, **dates, **published}]}))
        result = run(tmp_path, credential, "--keys", str(keys))
        if word is None:  # the key was good; issuer and status cannot be checked offline
            assert result.exit_code == 3 and "FAILED" not in result.output, result.output
        else:
            assert result.exit_code == 1, (published, result.output)
            assert "NOT VERIFIED: KEY_NOT_VALID" in result.output and word in result.output
