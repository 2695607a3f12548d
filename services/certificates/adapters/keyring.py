"""The issuing keys: generated on first start, sealed at rest, rotated on request, and
kept for good so every certificate verifies with the key that signed it.

A key signs from `created_at` until the first of `expires_at` (not_after), `revoked_at`
(rotated out, plus ROTATION_GRACE) and `compromised_at`; a signature whose proof `created` falls outside that
window is not trusted. So marking a key compromised at T leaves what it signed before T
valid and what it "signed" from T on untrusted. The algorithm of new keys is the
deployment's signing profile (Ed25519 or SM2); keys of the other kind keep verifying.

Verdicts are cached per credential; every replica re-reads the key table every
`refresh` seconds (KeyRing.load) and drops its cached verdicts when any key changed."""

import hashlib
import json
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from cachetools import LRUCache
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from servicekit import dataintegrity as di
from servicekit.errors import FailedPrecondition, NotFound
from servicekit.fieldcrypto import FieldCipher
from servicekit.jsonld_loader import OfflineLoader
from servicekit.sm2 import Sm2PrivateKey
from servicekit.unitofwork import utcnow

from ..contexts import DEFAULT_URL, loader as default_loader
from ..domain.credential import Issuer
from .orm import SigningKeyRow

_SEAL_CONTEXT = "signing_key.private"
VERDICTS_KEPT = 100_000  # signature verdicts remembered (about 20 MB at most)
_ALGORITHMS = {"ed25519": di.ED25519, "sm2": di.SM2}
_PROOF_TIME = "%Y-%m-%dT%H:%M:%SZ"
# a replica signs with the old key until its next load after a rotation elsewhere
ROTATION_GRACE = timedelta(minutes=2)


@dataclass(frozen=True)
class KeyWindow:
    """When a key's signatures are trusted: [start, end)."""

    public: di.PublicKey
    start: datetime
    end: datetime
    row: tuple  # the row's mutable fields, to see a change at the next load

    @classmethod
    def of(cls, public: di.PublicKey, created: datetime, expires: datetime,
           revoked: datetime | None, compromised: datetime | None) -> "KeyWindow":
        ends = [expires, *([revoked + ROTATION_GRACE] if revoked else []),
                *([compromised] if compromised else [])]
        # proofs carry whole seconds: a key made at 10:00:00.7 signs proofs "created" 10:00:00
        return cls(public, created.replace(microsecond=0), min(ends),
                   (expires, revoked, compromised))

    def trusts(self, created: str | None) -> str | None:
        """None when a proof made at `created` is in the window, else why not."""
        try:
            at = datetime.strptime(created or "", _PROOF_TIME).replace(tzinfo=timezone.utc)
        except ValueError:
            return "proof has no valid created time"
        if at < self.start:
            return "proof predates its key"
        # `created` has whole seconds: the signature was made somewhere in [at, at + 1 s)
        if at + timedelta(seconds=1) > self.end:
            return "key was not valid when the proof was made (expired, rotated out or compromised)"
        return None

    def status(self, at: datetime) -> str:
        """The verification report's word for the key at `at` (whole seconds, as in
        `trusts`): "valid", "not yet valid", "compromised", "rotated out" or "expired"."""
        if at < self.start:
            return "not yet valid"
        expires, revoked, compromised = self.row
        made_by = at + timedelta(seconds=1)
        if compromised and made_by > compromised:
            return "compromised"
        if revoked and made_by > revoked + ROTATION_GRACE:
            return "rotated out"
        return "expired" if made_by > expires else "valid"


class KeyRing:
    def __init__(self, key_encryption_key: str, validity: timedelta, *,
                 profile: str = "ed25519", loader: OfflineLoader | None = None,
                 context_url: str = ""):
        self._seal = FieldCipher({1: key_encryption_key}, current=1)
        self._validity = validity
        self._algorithm = _ALGORITHMS[profile]
        self._suites = di.PROFILE_SUITES[profile]
        self._loader = loader or default_loader()
        self._context_url = context_url or DEFAULT_URL
        self._active: tuple[str, di.PrivateKey] | None = None
        self._windows: dict[str, KeyWindow] = {}
        # credential digest → verdict; replaced whenever any key changes; bounded, as
        # every certificate ever looked up would otherwise stay in memory
        self._verified: LRUCache = LRUCache(maxsize=VERDICTS_KEPT)
        self._lock = threading.Lock()

    @property
    def loader(self) -> OfflineLoader:
        return self._loader

    def load(self, session: Session) -> None:
        """Reads every key; makes a new active key when none of the profile's algorithm
        can sign now. Safe to call again at any time: it is also the refresh."""
        now = utcnow()
        rows = session.scalars(select(SigningKeyRow).order_by(SigningKeyRow.created_at)).all()
        windows = {row.id: _window(row) for row in rows}
        usable = [r for r in rows if r.algorithm == self._algorithm and r.revoked_at is None
                  and r.compromised_at is None and now < _aware(r.expires_at)]
        if not usable:
            row = self._new_key(session, now)
            session.commit()
            windows[row.id] = _window(row)
            usable = [row]
        with self._lock:
            if {k: w.row for k, w in windows.items()} != {k: w.row for k, w in self._windows.items()}:
                self._verified = LRUCache(maxsize=VERDICTS_KEPT)
            self._windows = windows
            if self._active is None or self._active[0] != usable[-1].id:
                self._active = (usable[-1].id, self._unseal(usable[-1]))

    def rotate(self, session: Session) -> SigningKeyRow:
        """A new signing key; the current one is rotated out from now (what it signed
        stays valid). The caller commits, then calls `load`."""
        now = utcnow()
        for row in session.scalars(select(SigningKeyRow)
                                   .where(SigningKeyRow.revoked_at.is_(None))):
            row.revoked_at = now
        return self._new_key(session, now)

    def mark_compromised(self, session: Session, key_id: str, since: datetime) -> SigningKeyRow:
        """Signatures by `key_id` made at or after `since` are no longer trusted; the key
        is withdrawn and, if it was signing, replaced. The caller commits, then `load`s."""
        row = session.get(SigningKeyRow, key_id)
        if row is None:
            raise NotFound(f"no signing key {key_id}")
        if row.compromised_at is not None and _aware(row.compromised_at) <= since:
            raise FailedPrecondition("KEY_ALREADY_COMPROMISED",
                                     f"the key is already compromised since {row.compromised_at}")
        now = utcnow()
        row.compromised_at = since
        if row.revoked_at is None:
            row.revoked_at = now
            self._new_key(session, now)
        return row

    @property
    def active_key_id(self) -> str:
        assert self._active, "KeyRing.load() first"
        return self._active[0]

    def keys(self) -> list[str]:
        return list(self._windows)

    def issuer(self) -> Issuer:
        """The did:key of the active key (any verifier resolves it offline) and our
        context, which the credential must name."""
        return Issuer(id=self.active_key_id.split("#", 1)[0], context_url=self._context_url)

    def sign(self, document: dict, created: datetime) -> tuple[dict, str]:
        """The document with its proof set, and the ID of the key that made it."""
        key_id, key = self._active
        return di.sign_set(document, key, verification_method=key_id,
                           created=created.astimezone(timezone.utc).strftime(_PROOF_TIME),
                           cryptosuites=self._suites, loader=self._loader), key_id

    def verify(self, credential_json: str) -> bool:
        """Every proof verifies, with one of our keys, made while that key was good.
        Cached: a result is a function of the immutable bytes and the keys' windows."""
        digest = hashlib.sha256(credential_json.encode()).digest()
        with self._lock:
            verdicts = self._verified
            cached = verdicts.get(digest)
        if cached is not None:
            return cached
        result = self.check(json.loads(credential_json))
        verified = result.verified and all(self.untrusted(p) is None for p in result.proofs)
        with self._lock:
            verdicts[digest] = verified  # into the cache it was computed against
        return verified

    def check(self, credential: dict) -> di.VerificationResult:
        """The proofs' cryptographic check against our keys (no key-window policy)."""
        return di.verify(credential, self._resolve, self._loader)

    def untrusted(self, proof: di.ProofResult) -> str | None:
        """Why a proof's key was not good when it was made, or None."""
        window = self._windows.get(proof.verification_method or "")
        if window is None:
            return "not one of our keys"
        return window.trusts(proof.created)

    def public_key(self, key_id: str) -> di.PublicKey | None:
        """One of our keys, whatever its window (whether it was good is `key_status`)."""
        return self._resolve(key_id)

    def key_status(self, key_id: str, at: datetime) -> str:
        """Was `key_id` ours and trusted to sign at `at`: "valid", "unknown", or why not."""
        window = self._windows.get(key_id)
        return window.status(at) if window else "unknown"

    def _resolve(self, verification_method: str) -> di.PublicKey | None:
        window = self._windows.get(verification_method)
        return window.public if window else None

    def _new_key(self, session: Session, now: datetime) -> SigningKeyRow:
        key = Ed25519PrivateKey.generate() if self._algorithm == di.ED25519 \
            else Sm2PrivateKey.generate()
        row = SigningKeyRow(
            id=di.did_key_verification_method(key.public_key()), algorithm=self._algorithm,
            public_key_multibase=di.public_key_to_multibase(key.public_key()),
            private_key_sealed=self._seal.encrypt(_secret(key).hex(), _SEAL_CONTEXT),
            created_at=now, expires_at=now + self._validity)
        session.add(row)
        return row

    def _unseal(self, row: SigningKeyRow) -> di.PrivateKey:
        secret = bytes.fromhex(self._seal.decrypt(row.private_key_sealed, _SEAL_CONTEXT))
        if row.algorithm == di.SM2:
            return Sm2PrivateKey(secret)
        return Ed25519PrivateKey.from_private_bytes(secret)


def _secret(key: di.PrivateKey) -> bytes:
    if isinstance(key, Sm2PrivateKey):
        return key.secret_bytes()
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _window(row: SigningKeyRow) -> KeyWindow:
    return KeyWindow.of(di.public_key_from_multibase(row.public_key_multibase),
                        *(_aware(t) if t else None for t in (
                            row.created_at, row.expires_at, row.revoked_at, row.compromised_at)))


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
