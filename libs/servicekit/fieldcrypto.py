"""Personal data at rest: AES-256-GCM field encryption and an HMAC-SHA256 blind index
for exact lookup. Keys come from settings (base64); the key ID is stored with each
ciphertext so keys can be rotated."""

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def new_key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def _decode_key(b64: str, what: str) -> bytes:
    try:
        key = base64.b64decode(b64, validate=True)
    except ValueError as exc:
        raise ValueError(f"{what} is not base64") from exc
    if len(key) != 32:
        raise ValueError(f"{what} must be 32 bytes")
    return key


class FieldCipher:
    """`encrypt(text, context)` → bytes: key id (1) ‖ nonce (12) ‖ ciphertext+tag.

    `context` (e.g. the column name) is bound as associated data, so a ciphertext
    copied into another column does not decrypt."""

    def __init__(self, keys_b64: dict[int, str], current: int):
        if current not in keys_b64 or not all(0 < kid < 256 for kid in keys_b64):
            raise ValueError("field key ids are 1..255 and include the current one")
        self._keys = {kid: AESGCM(_decode_key(k, "field key")) for kid, k in keys_b64.items()}
        self._current = current

    def encrypt(self, plaintext: str, context: str) -> bytes:
        nonce = os.urandom(12)
        sealed = self._keys[self._current].encrypt(nonce, plaintext.encode(), context.encode())
        return bytes([self._current]) + nonce + sealed

    def decrypt(self, blob: bytes, context: str) -> str:
        aead = self._keys[blob[0]]
        return aead.decrypt(blob[1:13], blob[13:], context.encode()).decode()

    @property
    def current(self) -> int:
        return self._current

    def key_id(self, blob: bytes) -> int:
        """The key version a ciphertext was sealed with (rotation re-seals the others)."""
        return blob[0]


class BlindIndex:
    def __init__(self, key_b64: str):
        self._key = _decode_key(key_b64, "blind-index key")

    def of(self, value: str) -> str:
        return hmac.new(self._key, value.encode(), hashlib.sha256).hexdigest()


class BlindIndexes:
    """Blind-index keys by version, for rotation without downtime: new values are indexed
    with the current key; a lookup tries every version still configured (`candidates`)
    until the re-encryption job has moved every row to the current one."""

    def __init__(self, keys: dict[int, "str | BlindIndex"], current: int):
        if current not in keys:
            raise ValueError(f"blind-index key {current} is not configured")
        self._indexes = {kid: k if isinstance(k, BlindIndex) else BlindIndex(k)
                         for kid, k in keys.items()}
        self.current = current

    def of(self, value: str, key_id: int | None = None) -> str:
        return self._indexes[self.current if key_id is None else key_id].of(value)

    def candidates(self, value: str) -> list[str]:
        """The value's index under every configured version, the current one first."""
        return [self.of(value, self.current),
                *(i.of(value) for kid, i in self._indexes.items() if kid != self.current)]
