"""W3C Data Integrity proofs with the ``eddsa-jcs-2022`` cryptosuite.

Certificates are signed as plain JSON (JCS canonicalisation, no JSON-LD
processing) so any verifier with the W3C spec can check them offline.
Spec: "Data Integrity EdDSA Cryptosuites v1.0", section 3.3 (eddsa-jcs-2022).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable

import base58
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-jcs-2022"
_ED25519_PUB = b"\xed\x01"  # multicodec ed25519-pub (varint)
_ED25519_PRIV = b"\x80\x26"  # multicodec ed25519-priv (varint)

KeyResolver = Callable[[str], "Ed25519PublicKey | None"]


def _multibase_decode(value: str) -> bytes:
    """Decode base58btc multibase ('z' prefix), the only base this suite uses."""
    if not isinstance(value, str) or not value.startswith("z"):
        raise ValueError("expected base58btc multibase value starting with 'z'")
    return base58.b58decode(value[1:])


def _multikey_decode(value: str, prefix: bytes) -> bytes:
    """Return the 32 raw key bytes of a Multikey, checking its multicodec header."""
    raw = _multibase_decode(value)
    if raw[:2] != prefix or len(raw) != 34:
        raise ValueError("not an Ed25519 Multikey of the expected kind")
    return raw[2:]


def public_key_to_multibase(key: Ed25519PublicKey) -> str:
    """Encode as Multikey ``publicKeyMultibase`` (``z6Mk…``)."""
    return "z" + base58.b58encode(_ED25519_PUB + key.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(_multikey_decode(value, _ED25519_PUB))


def private_key_to_multibase(key: Ed25519PrivateKey) -> str:
    """Encode the 32-byte seed as Multikey ``secretKeyMultibase`` (``z3u2…``)."""
    seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return "z" + base58.b58encode(_ED25519_PRIV + seed).decode()


def private_key_from_multibase(value: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(_multikey_decode(value, _ED25519_PRIV))


def did_key_verification_method(key: Ed25519PublicKey) -> str:
    """did:key verification method id: ``did:key:<mb>#<mb>``, self-resolving."""
    mb = public_key_to_multibase(key)
    return f"did:key:{mb}#{mb}"


def resolve_did_key(verification_method: str) -> Ed25519PublicKey | None:
    """Default resolver: decode a ``did:key:z6Mk…#z6Mk…`` id; None for anything else."""
    if not verification_method.startswith("did:key:"):
        return None
    did, _, fragment = verification_method[len("did:key:"):].partition("#")
    if fragment and fragment != did:
        return None
    return public_key_from_multibase(did)


def hash_data(document: dict, proof_config: dict) -> bytes:
    """SHA-256(JCS(proof config)) ‖ SHA-256(JCS(document)): the 64 bytes that get signed."""
    return hashlib.sha256(rfc8785.dumps(proof_config)).digest() + hashlib.sha256(rfc8785.dumps(document)).digest()


def sign(document: dict, private_key: Ed25519PrivateKey, *, verification_method: str, created: str,
         proof_purpose: str = "assertionMethod") -> dict:
    """Return a copy of ``document`` with an eddsa-jcs-2022 ``proof`` (input is not mutated)."""
    if "proof" in document:
        raise ValueError("document already has a proof")
    config: dict[str, Any] = {"type": PROOF_TYPE, "cryptosuite": CRYPTOSUITE, "created": created,
                              "verificationMethod": verification_method, "proofPurpose": proof_purpose}
    if "@context" in document:
        config["@context"] = document["@context"]
    signature = private_key.sign(hash_data(document, config))
    return {**document, "proof": {**config, "proofValue": "z" + base58.b58encode(signature).decode()}}


@dataclass(frozen=True)
class VerificationResult:
    verified: bool
    reason: str
    verification_method: str | None = None


def verify(secured: dict, resolve_key: KeyResolver | None = None) -> VerificationResult:
    """Check an eddsa-jcs-2022 proof; never raises, the reason says why it failed."""
    try:
        return _verify(secured, resolve_key or resolve_did_key)
    except Exception as exc:  # untrusted input: any failure is a rejection, not a crash
        vm = secured.get("proof", {}).get("verificationMethod") if _is_dict_with_dict_proof(secured) else None
        return VerificationResult(False, f"malformed input: {exc}", vm if isinstance(vm, str) else None)


def _is_dict_with_dict_proof(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("proof"), dict)


def _verify(secured: dict, resolve_key: KeyResolver) -> VerificationResult:
    if not _is_dict_with_dict_proof(secured):
        return VerificationResult(False, "missing or malformed proof")
    document = {k: v for k, v in secured.items() if k != "proof"}
    config = dict(secured["proof"])
    proof_value = config.pop("proofValue", None)
    vm = config.get("verificationMethod")
    if not isinstance(vm, str) or not isinstance(proof_value, str):
        return VerificationResult(False, "proof lacks verificationMethod or proofValue")
    if config.get("type") != PROOF_TYPE or config.get("cryptosuite") != CRYPTOSUITE:
        return VerificationResult(False, "unsupported proof type or cryptosuite", vm)
    if "@context" in config and config["@context"] != document.get("@context"):
        return VerificationResult(False, "proof @context differs from document @context", vm)
    try:
        key = resolve_key(vm)
        signature = _multibase_decode(proof_value)
    except ValueError as exc:
        return VerificationResult(False, f"bad multibase: {exc}", vm)
    if key is None:
        return VerificationResult(False, "cannot resolve verification method", vm)
    try:
        key.verify(signature, hash_data(document, config))
    except InvalidSignature:
        return VerificationResult(False, "signature does not verify", vm)
    return VerificationResult(True, "ok", vm)
