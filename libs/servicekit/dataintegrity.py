"""W3C Data Integrity proofs and proof sets (Data Integrity 1.0, §4.2 and §4.5).

Cryptosuites, each a canonicalisation, a hash and a signature:
- `eddsa-jcs-2022`  JCS (RFC 8785), SHA-256, Ed25519: "Data Integrity EdDSA Cryptosuites
  v1.0" §3.3; plain JSON, no JSON-LD processing.
- `eddsa-rdfc-2022` RDFC-1.0 (contexts from the package, never the network), SHA-256,
  Ed25519: the same spec §3.2; what JSON-LD wallets and verifiers accept.
- `sm2-jcs-2024` and `sm2-rdfc-2024`: our own names, for the 国密 profile. There is no
  W3C SM2 suite, so these are the two above with SM3 for SHA-256 and SM2 (SM3, signer ID
  1234567812345678, signature r‖s) for Ed25519; keys are Multikeys with the multicodec
  `sm2-pub` (0x1206) header over the compressed point, so `did:key` resolves them offline.

A credential carries a proof set: every proof is made over the document without any
proof, and `proof` is an array; a verifier checks each one the same way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Union

import base58
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from . import rdfc
from .jsonld_loader import OfflineLoader, UnknownDocument
from .sm2 import Sm2PrivateKey, Sm2PublicKey, sm3

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-jcs-2022"
RDFC_CRYPTOSUITE = "eddsa-rdfc-2022"
SM2_JCS_CRYPTOSUITE = "sm2-jcs-2024"
SM2_RDFC_CRYPTOSUITE = "sm2-rdfc-2024"
ED25519, SM2 = "Ed25519", "SM2"
_ED25519_PUB = b"\xed\x01"  # multicodec ed25519-pub (varint)
_ED25519_PRIV = b"\x80\x26"  # multicodec ed25519-priv (varint)
_SM2_PUB = b"\x86\x24"  # multicodec sm2-pub, 0x1206 (varint)

PrivateKey = Union[Ed25519PrivateKey, Sm2PrivateKey]
PublicKey = Union[Ed25519PublicKey, Sm2PublicKey]
KeyResolver = Callable[[str], "PublicKey | None"]


@dataclass(frozen=True)
class Cryptosuite:
    name: str
    algorithm: str
    rdf: bool  # RDFC-1.0 canonical N-Quads, else JCS

    def digest(self, data: bytes) -> bytes:
        return sm3(data) if self.algorithm == SM2 else hashlib.sha256(data).digest()

    def canonical(self, value: dict, loader: OfflineLoader) -> bytes:
        return rdfc.canonical_nquads(value, loader).encode() if self.rdf else rfc8785.dumps(value)


SUITES = {s.name: s for s in (Cryptosuite(CRYPTOSUITE, ED25519, False),
                              Cryptosuite(RDFC_CRYPTOSUITE, ED25519, True),
                              Cryptosuite(SM2_JCS_CRYPTOSUITE, SM2, False),
                              Cryptosuite(SM2_RDFC_CRYPTOSUITE, SM2, True))}
# the proof set each signing profile puts on a credential
PROFILE_SUITES = {"ed25519": (CRYPTOSUITE, RDFC_CRYPTOSUITE),
                  "sm2": (SM2_JCS_CRYPTOSUITE, SM2_RDFC_CRYPTOSUITE)}


def algorithm_of(key: PrivateKey | PublicKey) -> str:
    return ED25519 if isinstance(key, (Ed25519PrivateKey, Ed25519PublicKey)) else key.algorithm


def _multibase_decode(value: str) -> bytes:
    """Decode base58btc multibase ('z' prefix), the only base these suites use."""
    if not isinstance(value, str) or not value.startswith("z"):
        raise ValueError("expected base58btc multibase value starting with 'z'")
    return base58.b58decode(value[1:])


def _multikey_decode(value: str, prefix: bytes) -> bytes:
    """Return the 32 raw key bytes of a Multikey, checking its multicodec header."""
    raw = _multibase_decode(value)
    if raw[:2] != prefix or len(raw) != 34:
        raise ValueError("not an Ed25519 Multikey of the expected kind")
    return raw[2:]


def public_key_to_multibase(key: PublicKey) -> str:
    """Encode as Multikey ``publicKeyMultibase`` (``z6Mk…`` for Ed25519)."""
    if isinstance(key, Sm2PublicKey):
        return "z" + base58.b58encode(_SM2_PUB + key.point).decode()
    return "z" + base58.b58encode(_ED25519_PUB + key.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def public_key_from_multibase(value: str) -> PublicKey:
    raw = _multibase_decode(value)
    if raw[:2] == _SM2_PUB:
        return Sm2PublicKey.from_bytes(raw[2:])
    return Ed25519PublicKey.from_public_bytes(_multikey_decode(value, _ED25519_PUB))


def private_key_to_multibase(key: Ed25519PrivateKey) -> str:
    """Encode the 32-byte seed as Multikey ``secretKeyMultibase`` (``z3u2…``)."""
    seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return "z" + base58.b58encode(_ED25519_PRIV + seed).decode()


def private_key_from_multibase(value: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(_multikey_decode(value, _ED25519_PRIV))


def did_key_verification_method(key: PublicKey) -> str:
    """did:key verification method id: ``did:key:<mb>#<mb>``, self-resolving."""
    mb = public_key_to_multibase(key)
    return f"did:key:{mb}#{mb}"


def resolve_did_key(verification_method: str) -> PublicKey | None:
    """Default resolver: decode a ``did:key:z…#z…`` id; None for anything else."""
    if not verification_method.startswith("did:key:"):
        return None
    did, _, fragment = verification_method[len("did:key:"):].partition("#")
    if fragment and fragment != did:
        return None
    return public_key_from_multibase(did)


def hash_data(document: dict, proof_config: dict, suite: Cryptosuite = SUITES[CRYPTOSUITE],
              loader: OfflineLoader | None = None) -> bytes:
    """hash(canonical proof config) ‖ hash(canonical document): the bytes that get signed."""
    loader = loader or OfflineLoader()
    return suite.digest(suite.canonical(proof_config, loader)) + \
        suite.digest(suite.canonical(document, loader))


def _signature(key: PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def _verifies(key: PublicKey, signature: bytes, data: bytes) -> bool:
    if isinstance(key, Ed25519PublicKey):
        try:
            key.verify(signature, data)
            return True
        except InvalidSignature:
            return False
    return key.verify(signature, data)


def create_proof(document: dict, private_key: PrivateKey, *, verification_method: str,
                 created: str, cryptosuite: str = CRYPTOSUITE,
                 proof_purpose: str = "assertionMethod",
                 loader: OfflineLoader | None = None) -> dict:
    """One proof over `document`, which must carry no proof."""
    suite = SUITES[cryptosuite]
    if suite.algorithm != algorithm_of(private_key):
        raise ValueError(f"{cryptosuite} needs an {suite.algorithm} key")
    if "proof" in document:
        raise ValueError("document already has a proof")
    proof: dict[str, Any] = {"type": PROOF_TYPE, "cryptosuite": cryptosuite, "created": created,
                             "verificationMethod": verification_method, "proofPurpose": proof_purpose}
    if "@context" in document and not suite.rdf:
        proof["@context"] = document["@context"]  # the JCS suites sign and keep it (§3.3.1)
    config = _proof_config(document, proof, suite)
    signature = _signature(private_key, hash_data(document, config, suite, loader))
    return {**proof, "proofValue": "z" + base58.b58encode(signature).decode()}


def _proof_config(document: dict, proof: dict, suite: Cryptosuite) -> dict:
    """What is hashed for the proof: the RDFC suites take the document's @context for
    the proof options to mean anything as RDF, without attaching it (§3.2.5)."""
    if suite.rdf and "@context" in document:
        return {**proof, "@context": document["@context"]}
    return proof


def sign(document: dict, private_key: PrivateKey, *, verification_method: str, created: str,
         proof_purpose: str = "assertionMethod", cryptosuite: str = CRYPTOSUITE,
         loader: OfflineLoader | None = None) -> dict:
    """Return a copy of ``document`` with one ``proof`` (input is not mutated)."""
    return {**document, "proof": create_proof(
        document, private_key, verification_method=verification_method, created=created,
        cryptosuite=cryptosuite, proof_purpose=proof_purpose, loader=loader)}


def sign_set(document: dict, private_key: PrivateKey, *, verification_method: str,
             created: str, cryptosuites: tuple[str, ...],
             loader: OfflineLoader | None = None) -> dict:
    """A copy of ``document`` with a proof set: one proof per suite, each over the
    document without proofs (Data Integrity §4.2, no `previousProof`: a set, not a chain)."""
    return {**document, "proof": [
        create_proof(document, private_key, verification_method=verification_method,
                     created=created, cryptosuite=name, loader=loader)
        for name in cryptosuites]}


@dataclass(frozen=True)
class ProofResult:
    cryptosuite: str | None
    verification_method: str | None
    created: str | None
    verified: bool
    reason: str


@dataclass(frozen=True)
class VerificationResult:
    verified: bool
    reason: str
    verification_method: str | None = None
    proofs: tuple[ProofResult, ...] = ()


def verify(secured: dict, resolve_key: KeyResolver | None = None,
           loader: OfflineLoader | None = None) -> VerificationResult:
    """Check every proof of a proof set (or the single proof); never raises. Verified
    only when there is at least one proof and every proof verifies."""
    try:
        proofs = _proofs(secured)
    except ValueError as exc:
        return VerificationResult(False, str(exc))
    document = {k: v for k, v in secured.items() if k != "proof"}
    results = tuple(_verify_one(document, proof, resolve_key or resolve_did_key,
                                loader or OfflineLoader()) for proof in proofs)
    failed = [r for r in results if not r.verified]
    reason = "ok" if not failed else "; ".join(
        f"{r.cryptosuite}: {r.reason}" if r.cryptosuite else r.reason for r in failed)
    return VerificationResult(not failed, reason, results[0].verification_method, results)


def _proofs(secured: Any) -> list[dict]:
    proof = secured.get("proof") if isinstance(secured, dict) else None
    proofs = proof if isinstance(proof, list) else [proof]
    if not proofs or not all(isinstance(p, dict) for p in proofs):
        raise ValueError("missing or malformed proof")
    return proofs


def _verify_one(document: dict, proof: dict, resolve_key: KeyResolver,
                loader: OfflineLoader) -> ProofResult:
    name, vm, created = (v if isinstance(v := proof.get(k), str) else None
                         for k in ("cryptosuite", "verificationMethod", "created"))

    def result(verified: bool, reason: str) -> ProofResult:
        return ProofResult(name, vm, created, verified, reason)

    try:
        config = dict(proof)
        proof_value = config.pop("proofValue", None)
        if vm is None or not isinstance(proof_value, str):
            return result(False, "proof lacks verificationMethod or proofValue")
        suite = SUITES.get(name)
        if config.get("type") != PROOF_TYPE or suite is None:
            return result(False, "unsupported proof type or cryptosuite")
        if "@context" in config and config["@context"] != document.get("@context"):
            return result(False, "proof @context differs from document @context")
        try:
            key = resolve_key(vm)
            signature = _multibase_decode(proof_value)
        except ValueError as exc:
            return result(False, f"bad multibase: {exc}")
        if key is None:
            return result(False, "cannot resolve verification method")
        if algorithm_of(key) != suite.algorithm:
            return result(False, f"the key is not an {suite.algorithm} key")
        try:
            data = hash_data(document, _proof_config(document, config, suite), suite, loader)
        except UnknownDocument as exc:
            return result(False, f"context not available offline: {exc}")
        except rdfc.UnsafeDocument as exc:
            return result(False, f"not safe JSON-LD: {exc}")
        if not _verifies(key, signature, data):
            return result(False, "signature does not verify")
        return result(True, "ok")
    except Exception as exc:  # untrusted input: any failure is a rejection, not a crash
        return result(False, f"malformed input: {exc}")
