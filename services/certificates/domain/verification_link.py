"""The verification link printed as a QR code on a certificate: `/v/{token}`.

The number is guessable (coding-rules.md), so the link is not: the token is the number,
16 random bytes and an HMAC-SHA256 tag over both, under a key only the service holds.
It resolves without the holder's name and always shows the certificate's status now, so
revoking the certificate revokes what the link shows (CERT-3)."""

import base64
import hashlib
import hmac
import secrets

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_NONCE, _TAG = 16, 16
_INFO = b"anbao certificates verification link v1"


def link_key(key_encryption_key: str) -> bytes:
    """Derived from the service's key-encryption key: no new secret to distribute, and
    a link key that can never decrypt anything (its own HKDF label)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=_INFO).derive(base64.b64decode(key_encryption_key))


def _tag(key: bytes, body: bytes) -> bytes:
    return hmac.new(key, body, hashlib.sha256).digest()[:_TAG]


def issue(key: bytes, number: str) -> str:
    body = secrets.token_bytes(_NONCE) + number.encode("ascii")
    return base64.urlsafe_b64encode(body + _tag(key, body)).decode().rstrip("=")


def resolve(key: bytes, token: str) -> str | None:
    """The certificate number a token was issued for, or None for anything forged,
    altered or malformed."""
    if not (20 <= len(token) <= 100) or not token.isascii():
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError:
        return None
    body, tag = raw[:-_TAG], raw[-_TAG:]
    if len(body) <= _NONCE or not hmac.compare_digest(tag, _tag(key, body)):
        return None
    try:
        return body[_NONCE:].decode("ascii")
    except UnicodeDecodeError:
        return None
