"""Signed events: a consumer applies an event only if its producer signed it.

NATS authorisation already keeps a service from publishing another's subjects; the
signature is the second wall, for whatever gets past the first (a leaked broker password,
an operator's replay, a misconfigured server). The producing service signs, with its own
Ed25519 key, the subject and the event bytes; the signature travels in one header,
`Anbao-Signature: <key id>:<base64 signature>`, where the key ID is the first 8 bytes of
SHA-256 over the raw public key (hex). A consumer holds, per proto package it consumes,
the public keys of that package's producer; an event whose header is missing, malformed,
names a key not trusted for the subject's package, or does not verify, is not applied.

Why the relay signs at publish time rather than the unit of work at commit time: the
outbox keeps no new column (no migration, and the unit of work stays as it is), the key
is used in one place, and Ed25519 is deterministic, so a row republished after a crash
carries the very same header. The signature covers the subject and the bytes, not the
headers, so `anbao events replay` (original headers, possibly a new Nats-Msg-Id) passes.
"""

import base64
import binascii
import hashlib
from collections.abc import Mapping

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

HEADER = "Anbao-Signature"


class Unauthentic(Exception):
    """An event that cannot be shown to come from its subject's producer."""


def new_key() -> str:
    """A fresh signing key: the base64 of a raw 32-byte Ed25519 private key."""
    return base64.b64encode(Ed25519PrivateKey.generate().private_bytes_raw()).decode()


def public_key(signing_key: str) -> str:
    """The base64 raw public key of a signing key, as consumers are configured with it."""
    return base64.b64encode(_private(signing_key).public_key().public_bytes_raw()).decode()


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _signed_bytes(subject: str, data: bytes) -> bytes:
    # a NUL cannot occur in a NATS subject, so subject and bytes cannot be re-split
    return subject.encode() + b"\x00" + data


def _private(signing_key: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(signing_key, validate=True))


class Signer:
    def __init__(self, signing_key: str):
        self._key = _private(signing_key)
        self.key_id = key_id(self._key.public_key())

    def sign(self, subject: str, data: bytes) -> str:
        """The header value for an event published on `subject`."""
        signature = self._key.sign(_signed_bytes(subject, data))
        return f"{self.key_id}:{base64.b64encode(signature).decode()}"


class Verifier:
    """`trusted` maps a proto package (`anbao.accreditation.v1`) to the base64 public keys
    of the service that publishes it (more than one while a key is being rotated)."""

    def __init__(self, trusted: Mapping[str, list[str]]):
        self._keys: dict[str, dict[str, Ed25519PublicKey]] = {}
        for package, keys in trusted.items():
            for encoded in keys:
                key = Ed25519PublicKey.from_public_bytes(base64.b64decode(encoded, validate=True))
                self._keys.setdefault(package, {})[key_id(key)] = key

    def verify(self, subject: str, data: bytes, headers: Mapping[str, str] | None) -> None:
        """Raises Unauthentic, saying why, unless a producer of the subject's package
        signed exactly these bytes on exactly this subject."""
        value = (headers or {}).get(HEADER)
        if not value:
            raise Unauthentic(f"no {HEADER} header")
        kid, _, encoded = value.partition(":")
        package = subject.rpartition(".")[0]
        key = self._keys.get(package, {}).get(kid)
        if key is None:
            raise Unauthentic(f"key {kid!r} is not trusted for {package or subject!r}")
        try:
            key.verify(base64.b64decode(encoded, validate=True), _signed_bytes(subject, data))
        except (InvalidSignature, binascii.Error, ValueError):
            raise Unauthentic(f"the signature of key {kid} does not verify") from None
