"""INST-1: an admin's token names the department it acts for (police or human
resources), so the two departments' joint selection can tell them apart."""

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from servicekit import auth, tokens
from servicekit.errors import Unauthenticated

POLICY = {"DecideApplication": {"province_admin": auth.Reach.ANY,
                                "city_admin": auth.Reach.DIVISION}}


def pair():
    key = Ed25519PrivateKey.generate()
    return key, tokens.TokenIssuer(key, ["svc"]), tokens.TokenVerifier(key.public_key(), "svc")


def test_inst1_an_admins_department_reaches_the_caller():
    _, issuer, verifier = pair()
    for department in ("police", "human_resources"):
        caller = auth.authorize(POLICY, "DecideApplication", issuer.mint(
            "officer", "province_admin", department=department), verifier)
        assert caller.department == department
    city = auth.authorize(POLICY, "DecideApplication", issuer.mint(
        "officer", "city_admin", "220100", department="police"), verifier)
    assert (city.department, city.scope) == ("police", "220100")
    plain = auth.authorize(POLICY, "DecideApplication", issuer.mint("a", "province_admin"),
                           verifier)
    assert plain.department == ""


def test_inst1_only_admins_name_a_department_and_only_a_known_one():
    key, issuer, verifier = pair()
    with pytest.raises(ValueError):
        issuer.mint("org", "eval_org", "institutions/a", department="police")
    with pytest.raises(ValueError):
        issuer.mint("a", "province_admin", department="finance")
    # a token signed with such a claim anyway is refused
    token = issuer.mint("a", "auditor")
    claims = jwt.decode(token, options={"verify_signature": False})
    forged = jwt.encode({**claims, "department": "police"}, key, algorithm="EdDSA",
                        headers={"kid": issuer.kid, "typ": tokens.TYPE})
    with pytest.raises(Unauthenticated):
        verifier.claims(forged)
