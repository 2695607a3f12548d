"""Tokens (RFC 8725), the default-deny policy with reach, and logs without personal data."""

import base64
import json
import logging
import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from servicekit import auth, logs, tokens
from servicekit.errors import PermissionDenied, Unauthenticated

R = auth.Reach
POLICY = {"Read": {"auditor": R.ANY, "city_admin": R.DIVISION},
          "Lookup": {auth.PUBLIC: R.ANY}}


def keys(audience="svc"):
    key = Ed25519PrivateKey.generate()
    return (tokens.TokenIssuer(key, audience=[audience]),
            tokens.TokenVerifier(key.public_key(), audience=audience))


def test_policy_grants_role_and_reach_and_denies_what_is_unlisted():
    issuer, verifier = keys()
    token = issuer.mint("alice", "auditor")
    assert auth.authorize(POLICY, "Read", token, verifier) == auth.Caller("alice", "auditor")
    city = auth.authorize(POLICY, "Read", issuer.mint("c", "city_admin", "320500"), verifier)
    assert city.reach == R.DIVISION and city.scope == "320500"
    with pytest.raises(PermissionDenied):
        auth.authorize(POLICY, "Delete", token, verifier)
    with pytest.raises(PermissionDenied):
        auth.authorize(POLICY, "Read", issuer.mint("p", "province_admin"), verifier)
    with pytest.raises(Unauthenticated):
        auth.authorize(POLICY, "Read", None, verifier)
    assert auth.authorize(POLICY, "Lookup", None, verifier) == auth.ANONYMOUS


def test_check_policy_names_exactly_the_rpcs_and_possible_reaches():
    auth.check_policy(POLICY, ["Read", "Lookup"])
    with pytest.raises(ValueError, match="unlisted"):
        auth.check_policy(POLICY, ["Read", "Lookup", "Write"])
    with pytest.raises(ValueError, match="cannot have reach"):
        auth.check_policy({"Read": {"eval_org": R.DIVISION}}, ["Read"])


def forge(claims: dict, header: dict, key=None) -> str:
    if key is None:  # alg none
        encode = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()
        return f"{encode(header)}.{encode(claims)}."
    return jwt.encode(claims, key, algorithm="EdDSA", headers=header)


def test_rfc8725_every_bad_token_is_unauthenticated():
    key = Ed25519PrivateKey.generate()
    issuer = tokens.TokenIssuer(key, audience=["svc"])
    verifier = tokens.TokenVerifier(key.public_key(), audience="svc")
    now = int(time.time())
    good = {"iss": "anbao", "sub": "a", "aud": ["svc"], "role": "auditor", "scope": "",
            "iat": now, "nbf": now, "exp": now + 600, "jti": "j1"}
    header = {"kid": issuer.kid, "typ": "at+jwt"}
    assert verifier.claims(forge(good, header, key))["sub"] == "a"
    other_key = Ed25519PrivateKey.generate()
    cases = {
        "expired": forge({**good, "iat": now - 900, "nbf": now - 900, "exp": now - 300}, header, key),
        "not yet valid": forge({**good, "nbf": now + 600, "exp": now + 900}, header, key),
        "wrong key": forge(good, header, other_key),
        "unknown kid": forge(good, {**header, "kid": "nope"}, key),
        "wrong audience": forge({**good, "aud": ["other"]}, header, key),
        "no audience": forge({k: v for k, v in good.items() if k != "aud"}, header, key),
        "no jti": forge({k: v for k, v in good.items() if k != "jti"}, header, key),
        "wrong issuer": forge({**good, "iss": "someone"}, header, key),
        "wrong type": forge(good, {**header, "typ": "JWT"}, key),
        "alg none": forge(good, {"alg": "none", "kid": issuer.kid, "typ": "at+jwt"}),
        "too long a life": forge({**good, "exp": now + 10 * 365 * 86400}, header, key),
        "unknown role": forge({**good, "role": "superuser"}, header, key),
        "bad city scope": forge({**good, "role": "city_admin", "scope": "3"}, header, key),
        "scope on a province token": forge({**good, "role": "province_admin",
                                            "scope": "320500"}, header, key),
    }
    token = issuer.mint("a", "auditor")
    payload = token.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    tampered = base64.urlsafe_b64encode(json.dumps({**claims, "role": "province_admin"})
                                        .encode()).rstrip(b"=").decode()
    cases["tampered claims"] = ".".join([token.split(".")[0], tampered, token.split(".")[2]])
    for name, bad in cases.items():
        with pytest.raises(Unauthenticated):
            verifier.claims(bad)
            pytest.fail(f"accepted a token with {name}")


def test_scopes_are_checked_when_minted():
    issuer, _ = keys()
    for role, scope in (("city_admin", "3"), ("city_admin", "320000"), ("city_admin", ""),
                        ("eval_org", "220102"), ("province_admin", "320500"),
                        ("superuser", "")):
        with pytest.raises(ValueError):
            issuer.mint("x", role, scope)
    with pytest.raises(ValueError):
        issuer.mint("x", "auditor", ttl_seconds=10 * 365 * 86400)
    issuer.mint("x", "city_admin", "320505")
    issuer.mint("x", "eval_org", "institutions/abc123")


def accepted(verifier: tokens.TokenVerifier, token: str) -> bool:
    try:
        verifier.claims(token)
        return True
    except Unauthenticated:
        return False


def eventually(check, timeout: float = 5.0) -> bool:
    """Polls `check` until it holds or the deadline passes."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_revoked_tokens_and_rotated_keys_take_effect_from_the_files(tmp_path):
    secrets = tmp_path / "secrets"
    tokens.generate_keypair(secrets)
    revoked = secrets / "revoked_tokens"
    verifier = tokens.TokenVerifier(secrets / "token_public.pem", audience="svc",
                                    revoked_file=revoked)
    old = tokens.TokenIssuer(tokens.load_private_key(secrets / "token_signing.pem"), ["svc"])
    token = old.mint("a", "auditor")
    claims = verifier.claims(token)
    tokens.rotate_key(secrets)
    new = tokens.TokenIssuer(tokens.load_private_key(secrets / "token_signing.pem"), ["svc"])
    assert new.kid != old.kid
    fresh = new.mint("b", "auditor")
    assert eventually(lambda: accepted(verifier, fresh))  # the files are re-read within 1 s
    assert verifier.claims(token)["sub"] == "a"  # the old key still verifies its tokens
    tokens.revoke(revoked, claims["jti"])
    assert eventually(lambda: not accepted(verifier, token))
    with pytest.raises(Unauthenticated, match="revoked"):
        verifier.claims(token)
    assert (secrets / "token_signing.pem").stat().st_mode & 0o077 == 0  # the owner alone


def test_reach_confines_a_city_admin_to_its_division_and_an_institution_to_itself():
    admin = auth.Caller("c", "city_admin", "320500", R.DIVISION)
    auth.require_reach(admin, region="320505")
    with pytest.raises(PermissionDenied):
        auth.require_reach(admin, region="320100")
    org = auth.Caller("o", "eval_org", "institutions/a1", R.INSTITUTION)
    auth.require_reach(org, region="320100", institution="a1")
    with pytest.raises(PermissionDenied):
        auth.require_reach(org, region="320100", institution="b2")
    auth.require_reach(auth.Caller("p", "province_admin"), region="320100")


def test_pool5_log_lines_redact_resident_ids_and_phones(capsys):
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    logs.configure("INFO")
    logging.getLogger("t").info("registering 11010519491231002X with 13812341234")
    err = capsys.readouterr().err
    assert "11010519491231002X" not in err and "13812341234" not in err
    assert "[resident-id]" in err and "[phone]" in err
    root.handlers[:], root.level = saved[0], saved[1]


def test_a_remembered_token_is_refused_once_its_key_is_withdrawn_or_it_expires(tmp_path,
                                                                                monkeypatch):
    secrets = tmp_path / "secrets"
    tokens.generate_keypair(secrets)
    verifier = tokens.TokenVerifier(secrets / "token_public.pem", audience="svc")
    issuer = tokens.TokenIssuer(tokens.load_private_key(secrets / "token_signing.pem"), ["svc"])
    token = issuer.mint("a", "auditor", ttl_seconds=600)
    checks = []
    verify = verifier._verify
    monkeypatch.setattr(verifier, "_verify", lambda *a: checks.append(1) or verify(*a))
    exp = verifier.claims(token)["exp"]
    assert verifier.claims(token)["sub"] == "a" and len(checks) == 1  # the second: remembered

    later = exp + tokens.LEEWAY_SECONDS + 1  # past its expiry, it is checked in full again
    monkeypatch.setattr(tokens.time, "time", lambda: later)
    verifier.claims(token)
    assert len(checks) == 2
    monkeypatch.undo()

    assert verifier.claims(token)["sub"] == "a"
    tokens.rotate_key(secrets)  # the old key is kept: withdraw it by hand, as after a leak
    pem = (secrets / "token_public.pem").read_text()
    marker = "-----BEGIN PUBLIC KEY-----"
    (secrets / "token_public.pem").write_text(marker + pem.split(marker)[-1])
    assert eventually(lambda: not accepted(verifier, token))
    with pytest.raises(Unauthenticated, match="unknown key"):
        verifier.claims(token)
