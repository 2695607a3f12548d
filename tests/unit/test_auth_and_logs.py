"""Tokens, the default-deny policy, and logs that never carry personal data."""

import logging

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from servicekit import auth, logs
from servicekit.errors import PermissionDenied, Unauthenticated

POLICY = {"Read": frozenset({"auditor"}), "Lookup": frozenset({auth.PUBLIC})}


def keys():
    key = Ed25519PrivateKey.generate()
    return auth.TokenIssuer(key), auth.TokenVerifier(key.public_key())


def test_tokens_carry_role_and_scope_and_unknown_methods_are_denied():
    issuer, verifier = keys()
    token = issuer.mint("alice", "auditor", scope="220000")
    assert auth.authorize(POLICY, "Read", token, verifier) == auth.Caller("alice", "auditor", "220000")
    with pytest.raises(PermissionDenied):
        auth.authorize(POLICY, "Delete", token, verifier)
    with pytest.raises(Unauthenticated):
        auth.authorize(POLICY, "Read", None, verifier)
    assert auth.authorize(POLICY, "Lookup", None, verifier) == auth.ANONYMOUS


def test_a_token_from_another_key_or_expired_is_unauthenticated():
    issuer, _ = keys()
    _, other_verifier = keys()
    with pytest.raises(Unauthenticated):
        other_verifier.verify(issuer.mint("alice", "auditor"))
    issuer2, verifier2 = keys()
    with pytest.raises(Unauthenticated):
        verifier2.verify(issuer2.mint("alice", "auditor", ttl_seconds=-10))
    with pytest.raises(ValueError):
        issuer.mint("alice", "superuser")


def test_city_admin_scope_covers_its_division_only():
    admin = auth.Caller("c", "city_admin", "320500")
    auth.require_region(admin, "320505")
    with pytest.raises(PermissionDenied):
        auth.require_region(admin, "320100")
    auth.require_region(auth.Caller("p", "province_admin"), "320100")


def test_pool5_log_lines_redact_resident_ids_and_phones(capsys):
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    logs.configure("INFO")
    logging.getLogger("t").info("registering 11010519491231002X with 13812341234")
    err = capsys.readouterr().err
    assert "11010519491231002X" not in err and "13812341234" not in err
    assert "[resident-id]" in err and "[phone]" in err
    root.handlers[:], root.level = saved[0], saved[1]
