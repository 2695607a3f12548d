"""Role tokens: Ed25519-signed JWTs, issued by `anbao token` and checked by every service
as RFC 8725 asks: one algorithm (EdDSA) and one type (`at+jwt`, RFC 9068) accepted; the
key named by `kid` among the published keys (so signing keys rotate); the issuer, this
service as an audience, `nbf` and `exp` required, with `exp` at most a role's maximum
after `iat`; the scope well-formed for the role; and the token's `jti` not revoked.

Key and revocation files are re-read when they change, so a rotated key or a revoked
token takes effect without a restart."""

import base64
import hashlib
import os
import threading
import time
import uuid
from pathlib import Path
from typing import Iterable, Mapping

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from . import divisions, uscc
from .errors import Unauthenticated

ISSUER = "anbao"
TYPE = "at+jwt"
ROLES = frozenset({"province_admin", "city_admin", "eval_org", "training_org", "evaluator",
                   "employer", "auditor", "service"})
HOUR = 3600
# the longest a token of each role may live; a leaked token is worth little for long
MAX_TTL = {"province_admin": 12 * HOUR, "city_admin": 12 * HOUR, "eval_org": 12 * HOUR,
           "training_org": 12 * HOUR, "evaluator": 12 * HOUR, "auditor": 12 * HOUR,
           # an employer's systems check certificates unattended (batch checks)
           "employer": 30 * 24 * HOUR,
           # a service presents its token for as long as it runs (until mTLS identities)
           "service": 30 * 24 * HOUR}
# the department an admin acts for, where the notices require police and human resources
# to decide jointly (INST-1); a token without one cannot take such a decision
DEPARTMENTS = frozenset({"police", "human_resources"})
ADMIN_ROLES = frozenset({"province_admin", "city_admin"})
LEEWAY_SECONDS = 30  # clock skew between the machine that minted and the one that checks
VERIFIED_CACHE_SIZE = 10_000  # tokens remembered as verified (one per caller session)


def validate_scope(role: str, scope: str) -> str:
    """What a role's scope must look like; ValueError naming the rule otherwise."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(sorted(ROLES))}")
    if role == "city_admin":
        if not (divisions.is_known_division(scope) and not scope.endswith("0000")):
            raise ValueError("a city_admin's scope is the 6-digit code of its city or county "
                             "(GB/T 2260), e.g. 320500")
    elif role in ("eval_org", "training_org", "evaluator"):
        # an evaluator (考评员) acts as one appointment: evaluators/{id}
        collection = "evaluators" if role == "evaluator" else "institutions"
        rid = scope.removeprefix(f"{collection}/")
        if not (scope.startswith(f"{collection}/") and 0 < len(rid) <= 32 and rid.isascii()
                and rid.isalnum()):
            raise ValueError(f"a {role}'s scope is {collection}/{{id}}")
    elif role == "employer":
        # an employer (用人单位) acts as one registered unit: employers/{uscc}
        code = scope.removeprefix("employers/")
        try:
            valid = scope.startswith("employers/") and uscc.validate_uscc(code) == code
        except uscc.InvalidUscc:
            valid = False
        if not valid:
            raise ValueError("an employer's scope is employers/{uscc}, the unit's 18-character "
                             "unified social credit code")
    elif scope:
        raise ValueError(f"a {role} token has no scope")
    return scope


def validate_department(role: str, department: str) -> str:
    """Only an admin's token names a department, one of DEPARTMENTS."""
    if department and (role not in ADMIN_ROLES or department not in DEPARTMENTS):
        raise ValueError(f"a department ({', '.join(sorted(DEPARTMENTS))}) is named by "
                         f"{' and '.join(sorted(ADMIN_ROLES))} tokens only")
    return department


def key_id(public_key: Ed25519PublicKey) -> str:
    """A stable name for a key: base64url SHA-256 of its raw bytes, 22 characters."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.urlsafe_b64encode(hashlib.sha256(raw).digest()).decode()[:22]


class TokenIssuer:
    def __init__(self, private_key: Ed25519PrivateKey, audience: Iterable[str] = ()):
        self._key = private_key
        self.public_key = private_key.public_key()
        self.kid = key_id(self.public_key)
        self._audience = list(audience)

    def mint(self, subject: str, role: str, scope: str = "", ttl_seconds: int = HOUR,
             audience: Iterable[str] | None = None, department: str = "") -> str:
        validate_scope(role, scope)
        validate_department(role, department)
        if not 0 < ttl_seconds <= MAX_TTL[role]:
            raise ValueError(f"a {role} token lives at most {MAX_TTL[role]} seconds")
        aud = list(audience) if audience is not None else self._audience
        if not aud:
            raise ValueError("a token needs an audience: the services it is for")
        now = int(time.time())
        claims = {"iss": ISSUER, "sub": subject, "aud": aud, "role": role, "scope": scope,
                  "iat": now, "nbf": now, "exp": now + ttl_seconds, "jti": str(uuid.uuid4())}
        if department:
            claims["department"] = department
        return jwt.encode(claims, self._key, algorithm="EdDSA",
                          headers={"kid": self.kid, "typ": TYPE})


class _WatchedFile:
    """A file parsed again when its modification time changes (checked once a second)."""

    def __init__(self, path: Path | None, parse, empty):
        self._path, self._parse, self._value = path, parse, empty
        self._stamp: float | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def get(self):
        if self._path is None:
            return self._value
        now = time.monotonic()
        if now - self._checked >= 1.0:
            with self._lock:
                self._checked = now
                try:
                    stamp = os.stat(self._path).st_mtime_ns
                except FileNotFoundError:
                    stamp = None
                if stamp != self._stamp:
                    self._stamp = stamp
                    text = self._path.read_text() if stamp is not None else ""
                    self._value = self._parse(text)
        return self._value


def parse_public_keys(pem_text: str) -> dict[str, Ed25519PublicKey]:
    """Every Ed25519 public key in a PEM bundle, by key ID."""
    keys = {}
    marker = "-----BEGIN PUBLIC KEY-----"
    for block in pem_text.split(marker)[1:]:
        key = serialization.load_pem_public_key((marker + block).encode())
        if isinstance(key, Ed25519PublicKey):
            keys[key_id(key)] = key
    return keys


def _parse_revoked(text: str) -> frozenset[str]:
    return frozenset(line.split("#", 1)[0].strip() for line in text.splitlines()) - {""}


class TokenVerifier:
    def __init__(self, keys: Mapping[str, Ed25519PublicKey] | Ed25519PublicKey | Path,
                 audience: str, revoked_file: Path | None = None,
                 max_ttl: Mapping[str, int] = MAX_TTL):
        if isinstance(keys, Path):
            self._keys = _WatchedFile(keys, parse_public_keys, {})
        else:
            fixed = {key_id(keys): keys} if isinstance(keys, Ed25519PublicKey) else dict(keys)
            self._keys = _WatchedFile(None, None, fixed)
        self._revoked = _WatchedFile(revoked_file, _parse_revoked, frozenset())
        self.audience, self._max_ttl = audience, max_ttl
        # token → (its claims, the key set that verified them): a caller sends the same
        # token with every call, and its signature check is most of an RPC's auth cost
        self._verified: dict[str, tuple[dict, dict]] = {}

    def claims(self, token: str) -> dict:
        """The token's verified claims, or Unauthenticated saying why not. A verified
        token is remembered until it expires or the key set changes; revocation is
        checked at every call."""
        keys = self._keys.get()
        cached = self._verified.get(token)
        if cached is not None and cached[1] is keys \
                and time.time() < cached[0]["exp"] + LEEWAY_SECONDS:
            claims = cached[0]
        else:
            claims = self._verify(token, keys)
            if len(self._verified) >= VERIFIED_CACHE_SIZE:
                self._verified.pop(next(iter(self._verified)))  # the oldest
            self._verified[token] = (claims, keys)
        if claims["jti"] in self._revoked.get():
            raise Unauthenticated("invalid token: revoked")
        return claims

    def _verify(self, token: str, keys: Mapping[str, Ed25519PublicKey]) -> dict:
        try:
            header = jwt.get_unverified_header(token)
            if header.get("typ") != TYPE or header.get("alg") != "EdDSA":
                raise Unauthenticated("invalid token: an EdDSA at+jwt token is required")
            key = keys.get(header.get("kid", ""))
            if key is None:
                raise Unauthenticated("invalid token: signed with an unknown key")
            claims = jwt.decode(token, key, algorithms=["EdDSA"], audience=self.audience,
                                issuer=ISSUER, leeway=LEEWAY_SECONDS, options={
                                    "require": ["iss", "sub", "aud", "iat", "nbf", "exp", "jti"]})
        except jwt.PyJWTError as exc:
            raise Unauthenticated(f"invalid token: {exc}") from exc
        role = claims.get("role")
        try:
            validate_scope(role, claims.get("scope", ""))
            validate_department(role, claims.get("department", ""))
        except ValueError as exc:
            raise Unauthenticated(f"invalid token: {exc}") from exc
        if claims["exp"] - claims["iat"] > self._max_ttl[role]:
            raise Unauthenticated(f"invalid token: a {role} token lives at most "
                                  f"{self._max_ttl[role]} seconds")
        return claims


def generate_keypair(directory: Path) -> tuple[Path, Path]:
    """Writes token_signing.pem (private, 0600) and token_public.pem (every public key
    tokens may be signed with) unless they exist."""
    directory.mkdir(parents=True, exist_ok=True)
    private_path, public_path = directory / "token_signing.pem", directory / "token_public.pem"
    if not private_path.exists():
        rotate_key(directory)
    return private_path, public_path


def rotate_key(directory: Path) -> str:
    """A new signing key; its public half joins the published ones, so tokens signed with
    the old key stay valid until they expire (or until its public key is removed)."""
    key = Ed25519PrivateKey.generate()
    private_path, public_path = directory / "token_signing.pem", directory / "token_public.pem"
    fd = os.open(private_path.with_suffix(".new"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()))
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo)
    with public_path.open("ab") as out:  # published before the key signs anything
        out.write(public_pem)
    os.replace(private_path.with_suffix(".new"), private_path)
    return key_id(key.public_key())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    return serialization.load_pem_private_key(Path(path).read_bytes(), password=None)


def revoke(revoked_file: Path, jti: str) -> None:
    """Adds a token ID to the revocation list the services watch."""
    with revoked_file.open("a") as out:
        out.write(f"{jti}\n")
