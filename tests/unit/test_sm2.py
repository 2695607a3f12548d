"""The 国密 profile: SM2 with SM3 and signer ID 1234567812345678, checked against the
openssl command line in both directions, and the SM2 Data Integrity suites."""

import json
import re
import shutil
import subprocess
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.utils import (decode_dss_signature,
                                                             encode_dss_signature)

from servicekit import dataintegrity as di
from servicekit import fieldcrypto, paging
from servicekit.sm2 import SIGNER_ID, Sm2PrivateKey, Sm2PublicKey
from services.certificates import contexts, handlers
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


def _openssl_has_sm2() -> bool:
    if shutil.which("openssl") is None:
        return False
    probe = subprocess.run(["openssl", "genpkey", "-algorithm", "SM2"], capture_output=True)
    return probe.returncode == 0


needs_openssl = pytest.mark.skipif(not _openssl_has_sm2(),
                                   reason="the openssl command is missing or has no SM2")
SIGOPT = ["-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678"]


@pytest.fixture
def openssl_key(tmp_path) -> tuple:
    """(key file, public key file, private scalar, public point) made by openssl."""
    key, pub = tmp_path / "k.pem", tmp_path / "pub.pem"
    subprocess.run(["openssl", "genpkey", "-algorithm", "SM2", "-out", key], check=True)
    subprocess.run(["openssl", "pkey", "-in", key, "-pubout", "-out", pub], check=True)
    text = subprocess.run(["openssl", "pkey", "-in", key, "-text", "-noout"], check=True,
                          capture_output=True, text=True).stdout
    hexes = {m[0]: bytes.fromhex(re.sub(r"[\s:]", "", m[1]))
             for m in re.findall(r"(priv|pub):\n((?:\s+[0-9a-f:]+\n)+)", text)}
    return key, pub, hexes["priv"].rjust(32, b"\0"), hexes["pub"]


@needs_openssl
def test_sm2_signature_made_here_verifies_with_openssl(openssl_key, tmp_path):
    key_file, pub_file, secret, point = openssl_key
    ours = Sm2PrivateKey(secret)
    assert ours.public_key() == Sm2PublicKey.from_bytes(point)  # same key, same point
    message = "证书 S000022000123263000001".encode()
    signature = ours.sign(message)
    (tmp_path / "m").write_bytes(message)
    (tmp_path / "sig").write_bytes(encode_dss_signature(
        int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")))
    verified = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub_file,
                               "-in", tmp_path / "m", "-sigfile", tmp_path / "sig", *SIGOPT],
                              capture_output=True, text=True)
    assert verified.returncode == 0 and "Verified Successfully" in verified.stdout
    (tmp_path / "m").write_bytes(message + b"!")
    assert subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub_file,
                           "-in", tmp_path / "m", "-sigfile", tmp_path / "sig", *SIGOPT],
                          capture_output=True).returncode != 0


@needs_openssl
def test_sm2_signature_made_by_openssl_verifies_here(openssl_key, tmp_path):
    key_file, _, _, point = openssl_key
    message = b"\x00" * 31 + b"the 64 bytes a proof signs" + b"\x01" * 7
    (tmp_path / "m").write_bytes(message)
    subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey", key_file, "-in", tmp_path / "m",
                    "-out", tmp_path / "sig", *SIGOPT], check=True)
    r, s = decode_dss_signature((tmp_path / "sig").read_bytes())
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    public = Sm2PublicKey.from_bytes(point)
    assert public.verify(signature, message)
    assert not public.verify(signature, message[:-1] + b"\x02")
    # another signer ID is another signature: the ID is part of what is signed
    other = subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey", key_file, "-in",
                            tmp_path / "m", "-out", tmp_path / "sig2", "-rawin", "-digest", "sm3",
                            "-pkeyopt", "distid:0000000000000000"], capture_output=True)
    if other.returncode == 0:
        r, s = decode_dss_signature((tmp_path / "sig2").read_bytes())
        assert not public.verify(r.to_bytes(32, "big") + s.to_bytes(32, "big"), message)


def test_sm2_multikey_and_did_key_round_trip():
    key = Sm2PrivateKey.generate()
    vm = di.did_key_verification_method(key.public_key())
    assert di.resolve_did_key(vm) == key.public_key()
    assert len(key.public_key().point) == 33
    with pytest.raises(ValueError):
        Sm2PublicKey.from_bytes(b"\x02" + b"\x02" * 32)  # not on the curve


def test_sm2_suites_sign_and_verify_and_refuse_an_ed25519_key():
    key = Sm2PrivateKey.generate()
    vm = di.did_key_verification_method(key.public_key())
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"],
                "type": ["VerifiableCredential"], "issuer": "did:example:1",
                "credentialSubject": {"id": "did:example:2"}}
    secured = di.sign_set(document, key, verification_method=vm, created="2026-01-01T00:00:00Z",
                          cryptosuites=di.PROFILE_SUITES["sm2"])
    assert di.verify(secured).verified
    secured["issuer"] = "did:example:3"
    assert [p.verified for p in di.verify(secured).proofs] == [False, False]
    with pytest.raises(ValueError):
        di.sign(document, key, verification_method=vm, created="2026-01-01T00:00:00Z",
                cryptosuite=di.RDFC_CRYPTOSUITE)


def test_cert3_a_deployment_that_switches_profile_keeps_verifying_its_older_certificates():
    uows = MemoryUnitOfWorks(metadata, CertificatesRepositories)
    kek = fieldcrypto.new_key()

    def deployment(profile: str) -> KeyRing:  # a restart with another signature_profile
        ring = KeyRing(kek, timedelta(days=30), profile=profile, loader=contexts.loader())
        with uows.db.session() as session:
            ring.load(session)
        return ring

    def issue(keys, i) -> str:
        handlers.on_assessment_passed(uows(), assessment_passed(i),
                                      issuing=handlers.Issuing(keys, lambda: STATUS_BASE))
        found, _ = handlers.list_certificates(uows(), c.ListCertificates(PROVINCE, f"p{i}", paging.Page()))
        return found[0].number

    def verified(keys, number) -> bool:
        return handlers.lookup(uows(), c.LookupCertificate(number, "张伟", "c"), keys=keys,
                               budget=LookupBudget(LookupLimits())).signature_verified

    ed = deployment("ed25519")
    old = issue(ed, 1)
    sm = deployment("sm2")
    assert sm.active_key_id != ed.active_key_id
    new = issue(sm, 2)
    assert verified(sm, old) and verified(sm, new)
    suites = [[p["cryptosuite"] for p in json.loads(
        handlers.get_certificate(uows(), c.GetCertificate(PROVINCE, n)).credential_json)["proof"]]
        for n in (old, new)]
    assert suites == [["eddsa-jcs-2022", "eddsa-rdfc-2022"], ["sm2-jcs-2024", "sm2-rdfc-2024"]]
    algorithms = [k.algorithm for k in handlers.list_keys(uows(), c.ListVerificationKeys())]
    assert algorithms == ["Ed25519", "SM2"]
    back = deployment("ed25519")  # and back again: the Ed25519 key is still good
    assert back.active_key_id == ed.active_key_id and verified(back, new)
