"""Callers present an Ed25519-signed JWT (`authorization: Bearer …`) carrying a role and
a scope; each service declares which roles may call each method. Default deny."""

import contextvars
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import PermissionDenied, Unauthenticated

ISSUER = "anbao"
ROLES = frozenset({"province_admin", "city_admin", "eval_org", "training_org", "auditor",
                   "service"})
PUBLIC = "public"  # marker in a policy: anonymous callers allowed


@dataclass(frozen=True)
class Caller:
    subject: str
    role: str
    scope: str = ""  # a division code (city_admin) or institutions/{id} (eval_org, training_org)


ANONYMOUS = Caller(subject="anonymous", role=PUBLIC)
_current: contextvars.ContextVar[Caller] = contextvars.ContextVar("caller", default=ANONYMOUS)


def current_caller() -> Caller:
    return _current.get()


def set_caller(caller: Caller) -> contextvars.Token:
    return _current.set(caller)


def reset_caller(token: contextvars.Token) -> None:
    _current.reset(token)


class TokenIssuer:
    def __init__(self, private_key: Ed25519PrivateKey):
        self._key = private_key

    def mint(self, subject: str, role: str, scope: str = "", ttl_seconds: int = 3600) -> str:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; one of {sorted(ROLES)}")
        now = int(time.time())
        claims = {"iss": ISSUER, "sub": subject, "role": role, "scope": scope,
                  "iat": now, "exp": now + ttl_seconds, "jti": str(uuid.uuid4())}
        return jwt.encode(claims, self._key, algorithm="EdDSA")


class TokenVerifier:
    def __init__(self, public_key: Ed25519PublicKey):
        self._key = public_key

    def verify(self, token: str) -> Caller:
        try:
            claims = jwt.decode(token, self._key, algorithms=["EdDSA"], issuer=ISSUER,
                                options={"require": ["exp", "iat", "sub", "iss"]})
        except jwt.PyJWTError as exc:
            raise Unauthenticated(f"invalid token: {exc}") from exc
        if claims.get("role") not in ROLES:
            raise Unauthenticated("token carries no known role")
        return Caller(subject=claims["sub"], role=claims["role"], scope=claims.get("scope", ""))


def authorize(policy: dict[str, frozenset[str]], method: str, bearer: str | None,
              verifier: TokenVerifier) -> Caller:
    """Returns the caller allowed to call `method`, or raises. Unlisted methods: denied."""
    allowed = policy.get(method, frozenset())
    if bearer is None:
        if PUBLIC in allowed:
            return ANONYMOUS
        raise Unauthenticated("this method needs a bearer token")
    caller = verifier.verify(bearer)
    if caller.role not in allowed and PUBLIC not in allowed:
        raise PermissionDenied(f"role {caller.role} may not call {method}")
    return caller


def generate_keypair(directory: Path) -> tuple[Path, Path]:
    """Writes token_signing.pem (private, 0600) and token_public.pem unless they exist."""
    directory.mkdir(parents=True, exist_ok=True)
    private_path, public_path = directory / "token_signing.pem", directory / "token_public.pem"
    if not private_path.exists():
        key = Ed25519PrivateKey.generate()
        private_path.write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
        private_path.chmod(0o600)
        public_path.write_bytes(key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return private_path, public_path


def load_private_key(path: Path) -> Ed25519PrivateKey:
    return serialization.load_pem_private_key(Path(path).read_bytes(), password=None)


def load_public_key(path: Path) -> Ed25519PublicKey:
    return serialization.load_pem_public_key(Path(path).read_bytes())


def require_region(caller: Caller, region_code: str) -> None:
    """A city admin acts only inside the division its token is scoped to."""
    from . import divisions

    if caller.role == "city_admin" and not (caller.scope and region_code
                                            and divisions.within(region_code, caller.scope)):
        raise PermissionDenied(f"a city admin scoped to {caller.scope or 'nothing'} "
                               f"may not act on region {region_code or 'unspecified'}")
