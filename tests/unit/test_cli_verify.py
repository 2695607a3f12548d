"""CERT-3: `anbao verify FILE` checks a credential offline and fails on any change."""

import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from typer.testing import CliRunner

from anbaoctl.main import app
from servicekit import dataintegrity

runner = CliRunner()


def signed_credential() -> dict:
    key = Ed25519PrivateKey.generate()
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"],
                "type": ["VerifiableCredential", "SkillLevelCertificate"],
                "issuer": {"id": "did:key:x", "name": "评价机构"},
                "credentialSubject": {"certificateNumber": "S000022000123263000001",
                                      "name": "张伟", "level": 3}}
    return dataintegrity.sign(document, key,
                              verification_method=dataintegrity.did_key_verification_method(
                                  key.public_key()), created="2026-11-22T00:00:00Z")


def test_cert3_verify_accepts_the_signed_file_and_rejects_any_change(tmp_path):
    credential = signed_credential()
    good = tmp_path / "good.json"
    good.write_text(json.dumps(credential, ensure_ascii=False))
    result = runner.invoke(app, ["verify", str(good)])
    assert result.exit_code == 0 and "VERIFIED" in result.output

    credential["credentialSubject"]["level"] = 2
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(credential, ensure_ascii=False))
    result = runner.invoke(app, ["verify", str(bad)])
    assert result.exit_code == 1 and "NOT VERIFIED" in result.output


def test_cert3_verify_with_published_keys_rejects_an_unknown_signer(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(json.dumps(signed_credential()))
    keys = tmp_path / "keys.json"
    keys.write_text(json.dumps({"keys": [{"id": "did:key:zOther#zOther", "revoked": None}]}))
    result = runner.invoke(app, ["verify", str(path), "--keys", str(keys)])
    assert result.exit_code == 1 and "does not publish" in result.output


def test_verify_reports_unreadable_input(tmp_path):
    path = tmp_path / "junk.json"
    path.write_text("not json")
    result = runner.invoke(app, ["verify", str(path)])
    assert result.exit_code == 1
