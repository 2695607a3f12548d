"""eddsa-jcs-2022 against the official W3C test vectors (vc-di-eddsa, tests/data/eddsa-jcs-2022)."""

import copy
import hashlib
import json
from pathlib import Path

import pytest
import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from servicekit import dataintegrity as di

VECTORS = Path(__file__).resolve().parent.parent / "data" / "eddsa-jcs-2022"


def _text(name: str) -> str:
    return (VECTORS / name).read_text().strip()


def _json(name: str) -> dict:
    return json.loads((VECTORS / name).read_text())


@pytest.fixture
def signed() -> dict:
    return _json("signedJCS.json")


@pytest.fixture
def unsigned(signed) -> dict:
    return {k: v for k, v in signed.items() if k != "proof"}


@pytest.fixture
def proof_config() -> dict:
    return _json("proofConfigJCS.json")


@pytest.fixture
def private_key():
    return di.private_key_from_multibase(_json("keyPair.json")["privateKeyMultibase"])


def test_canonical_document_matches_vector(unsigned):
    assert rfc8785.dumps(unsigned).decode() == _text("canonDocJCS.txt")
    assert rfc8785.dumps(_json("proofConfigJCS.json")).decode() == _text("proofCanonJCS.txt")


def test_hashes_match_vector(unsigned, proof_config):
    assert hashlib.sha256(rfc8785.dumps(unsigned)).hexdigest() == _text("docHashJCS.txt")
    assert hashlib.sha256(rfc8785.dumps(proof_config)).hexdigest() == _text("proofHashJCS.txt")
    assert di.hash_data(unsigned, proof_config).hex() == _text("combinedHashJCS.txt")


def test_key_pair_decodes_and_reencodes(private_key):
    pair = _json("keyPair.json")
    public = di.public_key_from_multibase(pair["publicKeyMultibase"])
    assert di.public_key_to_multibase(public) == pair["publicKeyMultibase"]
    assert di.public_key_to_multibase(private_key.public_key()) == pair["publicKeyMultibase"]
    assert di.private_key_to_multibase(private_key) == pair["privateKeyMultibase"]
    assert pair["publicKeyMultibase"].startswith("z6Mk") and pair["privateKeyMultibase"].startswith("z3u2")
    assert di.did_key_verification_method(public) == _json("proofConfigJCS.json")["verificationMethod"]


def test_sign_reproduces_vector(unsigned, signed, proof_config, private_key):
    before = copy.deepcopy(unsigned)
    result = di.sign(unsigned, private_key, verification_method=proof_config["verificationMethod"],
                     created=proof_config["created"])
    assert unsigned == before and "proof" not in unsigned
    assert result["proof"]["proofValue"] == _text("sigBTC58JCS.txt")
    assert di._multibase_decode(result["proof"]["proofValue"]).hex() == _text("sigHexJCS.txt")
    assert result == signed


def test_sign_refuses_already_signed(signed, private_key):
    with pytest.raises(ValueError):
        di.sign(signed, private_key, verification_method="did:key:x", created="2024-01-01T00:00:00Z")


def test_sign_without_context_omits_proof_context(private_key):
    result = di.sign({"a": 1}, private_key, verification_method="vm", created="2024-01-01T00:00:00Z")
    assert "@context" not in result["proof"]
    assert di.verify(result, lambda vm: private_key.public_key()).verified


def test_verify_accepts_vector(signed):
    result = di.verify(signed)
    assert (result.verified, result.reason, result.verification_method) == \
        (True, "ok", _json("proofConfigJCS.json")["verificationMethod"])


def _tamper_subject(doc):
    doc["credentialSubject"]["alumniOf"] = "The School of Counterexamples"


def _tamper_created(doc):
    doc["proof"]["created"] = "2023-02-24T23:36:39Z"


def _remove_proof(doc):
    del doc["proof"]


def _tamper_proof_value(doc):
    value = doc["proof"]["proofValue"]
    doc["proof"]["proofValue"] = value[:10] + ("A" if value[10] != "A" else "B") + value[11:]


def _change_cryptosuite(doc):
    doc["proof"]["cryptosuite"] = "eddsa-unknown-2099"


def _change_proof_context(doc):
    doc["proof"]["@context"] = ["https://www.w3.org/ns/credentials/v2"]


def _non_multibase_proof_value(doc):
    doc["proof"]["proofValue"] = "u" + doc["proof"]["proofValue"][1:]


def _bad_base58_proof_value(doc):
    doc["proof"]["proofValue"] = "z0OIl"


def _proof_not_a_dict(doc):
    doc["proof"] = "nope"


def _bad_did_key(doc):
    doc["proof"]["verificationMethod"] = "did:key:z6MkNotAKey#z6MkNotAKey"


@pytest.mark.parametrize("tamper, reason", [
    (_tamper_subject, "signature does not verify"),
    (_tamper_created, "signature does not verify"),
    (_remove_proof, "missing or malformed proof"),
    (_tamper_proof_value, "signature does not verify"),
    (_change_cryptosuite, "unsupported proof type or cryptosuite"),
    (_change_proof_context, "proof @context differs"),
    (_non_multibase_proof_value, "bad multibase"),
    (_bad_base58_proof_value, "bad multibase"),
    (_proof_not_a_dict, "missing or malformed proof"),
    (_bad_did_key, "bad multibase"),
])
def test_verify_rejects_tampering(signed, tamper, reason):
    tamper(signed)
    result = di.verify(signed)
    assert not result.verified and reason in result.reason


def test_verify_rejects_other_key(unsigned, proof_config):
    forged = di.sign(unsigned, Ed25519PrivateKey.generate(), verification_method=proof_config["verificationMethod"],
                     created=proof_config["created"])
    result = di.verify(forged)
    assert not result.verified and result.reason == "eddsa-jcs-2022: signature does not verify"


@pytest.mark.parametrize("garbage", [None, [], "x", {"proof": {"proofValue": 5}}, {"proof": {}}])
def test_verify_never_raises_on_garbage(garbage):
    assert not di.verify(garbage).verified


def test_verify_unresolvable_method_without_resolver(unsigned, private_key):
    secured = di.sign(unsigned, private_key, verification_method="https://vc.example/issuers/5678#key-1",
                      created="2024-01-01T00:00:00Z")
    result = di.verify(secured)
    assert not result.verified and "resolve" in result.reason
    assert result.verification_method == "https://vc.example/issuers/5678#key-1"
    assert di.verify(secured, lambda vm: private_key.public_key()).verified


def test_round_trip_with_fresh_key(unsigned):
    key = Ed25519PrivateKey.generate()
    vm = di.did_key_verification_method(key.public_key())
    secured = di.sign(unsigned, key, verification_method=vm, created="2025-06-01T12:00:00Z")
    assert di.verify(secured).verified
    restored = di.private_key_from_multibase(di.private_key_to_multibase(key))
    assert di.public_key_to_multibase(restored.public_key()) == vm.split("#")[1]
    assert di.verify(json.loads(json.dumps(secured))).verified
