"""The benchmark's dataset is only honest if its fast canonical forms are the real ones:
byte for byte what PyLD (RDFC-1.0) and rfc8785 (JCS) give, and a wrong template stops the
build."""

from datetime import date, datetime, timezone
from types import SimpleNamespace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from servicekit import dataintegrity as di
from services.certificates import contexts
from services.certificates.domain import credential, statuslist
from tests.bench.canonical_cache import CanonicalCache, Mismatch

LOADER = contexts.loader(contexts.DEFAULT_URL, contexts.DEFAULT_BASE)
KEY = Ed25519PrivateKey.generate()
METHOD = di.did_key_verification_method(KEY.public_key())


def document(number: str, name: str, subject: str, position: int) -> dict:
    facts = SimpleNamespace(
        number=number, person_id=subject, holder_name=name,
        resident_id_masked="22**************31", occupation_code="5-05-02-02",
        occupation_name="保安员", level=5, issue_date=date(2026, 3, 1),
        issuing_organisation="吉林省第1职业技能评价中心", evaluation_organisation="",
        institution="institutions/bench-0001", training_class="")
    issuer = credential.Issuer(METHOD.split("#", 1)[0], contexts.DEFAULT_URL)
    entries = statuslist.entries([statuslist.Position(p, 1, position) for p in statuslist.PURPOSES],
                                 "https://certificates.example.invalid")
    out = credential.document(facts, issuer, datetime(2026, 3, 1, tzinfo=timezone.utc), entries)
    out["credentialSubject"]["id"] = subject
    return out


# the second moves the subject's lines before the others: the lines must be sorted again
DOCUMENTS = [document("S000022000101265000001", "王伟伟", "urn:anbao:persons/0a1b", 17),
             document("S000022000101265000002", "李芳", "did:example:zz9", 40211)]


@pytest.mark.parametrize("suite", [di.CRYPTOSUITE, di.RDFC_CRYPTOSUITE])
def test_templated_canonical_forms_are_the_real_ones(suite):
    cache = CanonicalCache(check_every=10 ** 9)  # only the shape's first is checked
    real = [di.SUITES[suite].canonical(d, LOADER) for d in DOCUMENTS]
    with cache.installed():
        fast = [di.SUITES[suite].canonical(d, LOADER) for d in DOCUMENTS]
    assert fast == real
    assert cache.real == 0 and cache.checked == 1  # the second came from the template


def test_signatures_made_through_the_cache_verify_with_pyld():
    cache = CanonicalCache(check_every=10 ** 9)
    with cache.installed():
        signed = [di.sign_set(d, KEY, verification_method=METHOD, created="2026-03-01T00:00:00Z",
                              cryptosuites=di.PROFILE_SUITES["ed25519"], loader=LOADER)
                  for d in DOCUMENTS]
    assert all(di.verify(s, loader=LOADER).verified for s in signed)


def test_a_template_that_disagrees_with_the_real_canonicaliser_stops_the_build():
    cache = CanonicalCache(check_every=1)
    suite = di.SUITES[di.RDFC_CRYPTOSUITE]
    with cache.installed():
        suite.canonical(DOCUMENTS[0], LOADER)
        for template in cache._templates.values():
            template.pieces[0] = "_:tampered " + template.pieces[0]
        with pytest.raises(Mismatch):
            suite.canonical(DOCUMENTS[1], LOADER)


def test_values_that_would_need_escaping_take_the_real_path():
    cache = CanonicalCache(check_every=10 ** 9)
    quoted = document("S000022000101265000003", 'O"Brien', "urn:anbao:persons/0a1c", 5)
    suite = di.SUITES[di.RDFC_CRYPTOSUITE]
    with cache.installed():
        fast = suite.canonical(quoted, LOADER)
    assert fast == suite.canonical(quoted, LOADER)
    assert cache.real == 1
