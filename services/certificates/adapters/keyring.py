"""The issuing keys: generated on first start, sealed at rest, kept after rotation so
old certificates still verify. Signing and verification go through here."""

import hashlib
import json
import threading
from datetime import datetime, timedelta, timezone

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from servicekit import dataintegrity
from servicekit.fieldcrypto import FieldCipher
from servicekit.unitofwork import utcnow

from .orm import SigningKeyRow

_SEAL_CONTEXT = "signing_key.private"


class KeyRing:
    def __init__(self, key_encryption_key: str, validity: timedelta):
        self._seal = FieldCipher({1: key_encryption_key}, current=1)
        self._validity = validity
        self._active: tuple[str, Ed25519PrivateKey] | None = None
        self._public: dict[str, tuple[Ed25519PublicKey, datetime | None]] = {}
        self._verified: dict[bytes, bool] = {}  # cleared when a key is revoked
        self._lock = threading.Lock()

    def load(self, session: Session) -> None:
        """Loads every key; makes a new active key when none is unexpired and unrevoked."""
        now = utcnow()
        rows = session.scalars(select(SigningKeyRow).order_by(SigningKeyRow.created_at)).all()
        for row in rows:
            self._public[row.id] = (dataintegrity.public_key_from_multibase(
                row.public_key_multibase), row.revoked_at)
        usable = [r for r in rows if r.revoked_at is None and _aware(r.expires_at) > now]
        if usable:
            row = usable[-1]
            seed = self._seal.decrypt(row.private_key_sealed, _SEAL_CONTEXT)
            self._active = (row.id, Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seed)))
            return
        key = Ed25519PrivateKey.generate()
        key_id = dataintegrity.did_key_verification_method(key.public_key())
        seed = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                 serialization.NoEncryption()).hex()
        session.add(SigningKeyRow(
            id=key_id, public_key_multibase=dataintegrity.public_key_to_multibase(key.public_key()),
            private_key_sealed=self._seal.encrypt(seed, _SEAL_CONTEXT), created_at=now,
            expires_at=now + self._validity))
        session.commit()
        self._public[key_id] = (key.public_key(), None)
        self._active = (key_id, key)

    @property
    def active_key_id(self) -> str:
        assert self._active, "KeyRing.load() first"
        return self._active[0]

    def keys(self) -> list[str]:
        return list(self._public)

    def issuer_id(self) -> str:
        """did:key of the active key: any verifier resolves it offline."""
        return self.active_key_id.split("#", 1)[0]

    def sign(self, document: dict, created: datetime) -> dict:
        key_id, key = self._active
        return dataintegrity.sign(document, key, verification_method=key_id,
                                  created=created.strftime("%Y-%m-%dT%H:%M:%SZ"))

    def verify(self, credential_json: str) -> bool:
        """The proof verifies with one of our keys that is not revoked. Cached: a result is
        a function of the immutable bytes and the key's status."""
        digest = hashlib.sha256(credential_json.encode()).digest()
        with self._lock:
            cached = self._verified.get(digest)
        if cached is not None:
            return cached
        result = dataintegrity.verify(json.loads(credential_json), self._resolve)
        with self._lock:
            self._verified[digest] = result.verified
        return result.verified

    def _resolve(self, verification_method: str) -> Ed25519PublicKey | None:
        entry = self._public.get(verification_method)
        if entry is None or entry[1] is not None:
            return None
        return entry[0]


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
