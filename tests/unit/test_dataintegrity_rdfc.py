"""eddsa-rdfc-2022 against the official W3C test vectors (vc-di-eddsa,
tests/data/eddsa-rdfc-2022), and proof sets of both EdDSA suites."""

import copy
import hashlib
import json
from pathlib import Path

import pytest

from servicekit import dataintegrity as di
from servicekit import rdfc
from servicekit.jsonld_loader import OfflineLoader, UnknownDocument

DATA = Path(__file__).resolve().parent.parent / "data"
VECTORS = DATA / "eddsa-rdfc-2022"
EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2"


def _text(name: str) -> str:
    return (VECTORS / name).read_text()


def _json(name: str) -> dict:
    return json.loads((VECTORS / name).read_text())


@pytest.fixture
def loader() -> OfflineLoader:
    examples = json.loads((DATA / "contexts" / "credentials-examples-v2.jsonld").read_text())
    return OfflineLoader({EXAMPLES_V2: examples})


@pytest.fixture
def private_key():
    return di.private_key_from_multibase(_json("keyPair.json")["privateKeyMultibase"])


def test_canonical_nquads_match_vector(loader):
    assert rdfc.canonical_nquads(_json("unsigned.json"), loader) == _text("canonDocDataInt.txt")
    assert rdfc.canonical_nquads(_json("proofConfigDataInt.json"), loader) == \
        _text("proofCanonDataInt.txt")


def test_hashes_match_vector(loader):
    suite = di.SUITES[di.RDFC_CRYPTOSUITE]
    assert hashlib.sha256(_text("canonDocDataInt.txt").encode()).hexdigest() == \
        _text("docHashDataInt.txt").strip()
    assert di.hash_data(_json("unsigned.json"), _json("proofConfigDataInt.json"), suite,
                        loader).hex() == _text("combinedHashDataInt.txt").strip()


def test_sign_reproduces_vector(loader, private_key):
    unsigned, config = _json("unsigned.json"), _json("proofConfigDataInt.json")
    before = copy.deepcopy(unsigned)
    result = di.sign(unsigned, private_key, verification_method=config["verificationMethod"],
                     created=config["created"], cryptosuite=di.RDFC_CRYPTOSUITE, loader=loader)
    assert unsigned == before
    assert result["proof"]["proofValue"] == _text("sigBTC58DataInt.txt").strip()
    assert result == _json("signedDataInt.json")


def test_verify_accepts_vector_and_rejects_changes(loader):
    signed = _json("signedDataInt.json")
    assert di.verify(signed, loader=loader).verified
    signed["credentialSubject"]["alumniOf"] = "The School of Counterexamples"
    assert "signature does not verify" in di.verify(signed, loader=loader).reason


def test_rdfc_ignores_json_formatting_that_jcs_signs(loader):
    """RDFC signs the statements: an added alias-free reordering keeps it valid."""
    signed = _json("signedDataInt.json")
    signed["type"] = list(reversed(signed["type"]))
    assert di.verify(signed, loader=loader).verified


def test_contexts_are_never_fetched(private_key):
    """Without the examples context shipped, the loader refuses: no network fallback."""
    signed = _json("signedDataInt.json")
    result = di.verify(signed, loader=OfflineLoader())
    assert not result.verified and "not available offline" in result.reason
    with pytest.raises(UnknownDocument):
        OfflineLoader()("https://www.w3.org/ns/credentials/examples/v2")


def test_undefined_terms_are_refused_not_dropped(loader, private_key):
    """Safe mode: a term no context defines would be left out of the signature."""
    unsigned = _json("unsigned.json")
    unsigned["@context"] = ["https://www.w3.org/ns/credentials/v2"]
    with pytest.raises(rdfc.UnsafeDocument, match="dropped"):
        di.sign(unsigned, private_key, verification_method="did:key:x#x",
                created="2024-01-01T00:00:00Z", cryptosuite=di.RDFC_CRYPTOSUITE)
    del unsigned["credentialSubject"]["alumniOf"]
    with pytest.raises(rdfc.UnsafeDocument, match="relative IRIs.*AlumniCredential"):
        rdfc.expand_safely(unsigned, loader)


def test_proof_set_each_proof_over_the_document_without_proofs(loader, private_key):
    unsigned, config = _json("unsigned.json"), _json("proofConfigDataInt.json")
    secured = di.sign_set(unsigned, private_key, verification_method=config["verificationMethod"],
                          created=config["created"],
                          cryptosuites=(di.CRYPTOSUITE, di.RDFC_CRYPTOSUITE), loader=loader)
    jcs, rdf = secured["proof"]
    # each is exactly the proof a lone signature makes (the W3C vectors)
    assert jcs["proofValue"] == (DATA / "eddsa-jcs-2022" / "sigBTC58JCS.txt").read_text().strip()
    assert rdf["proofValue"] == _text("sigBTC58DataInt.txt").strip()
    result = di.verify(secured, loader=loader)
    assert result.verified and [p.cryptosuite for p in result.proofs] == \
        [di.CRYPTOSUITE, di.RDFC_CRYPTOSUITE]


def test_proof_set_fails_when_any_proof_fails(loader, private_key):
    unsigned, config = _json("unsigned.json"), _json("proofConfigDataInt.json")
    secured = di.sign_set(unsigned, private_key, verification_method=config["verificationMethod"],
                          created=config["created"],
                          cryptosuites=(di.CRYPTOSUITE, di.RDFC_CRYPTOSUITE), loader=loader)
    secured["proof"][1]["created"] = "2024-01-01T00:00:00Z"
    result = di.verify(secured, loader=loader)
    assert not result.verified and [p.verified for p in result.proofs] == [True, False]
    assert result.reason == "eddsa-rdfc-2022: signature does not verify"
    secured["proof"] = []
    assert di.verify(secured, loader=loader).reason == "missing or malformed proof"
