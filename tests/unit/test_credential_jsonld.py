"""Every credential certificates issues is sound JSON-LD (CERT-3): with the shipped
contexts only, safe-mode expansion keeps every field, every term and type is an absolute
IRI under our base, and both proofs of its proof set verify offline."""

import json
from datetime import datetime, timedelta, timezone

import pytest

from servicekit import dataintegrity as di
from servicekit import fieldcrypto, paging, rdfc
from services.certificates import contexts, handlers
from services.certificates.adapters.keyring import KeyRing
from services.certificates.adapters.orm import metadata
from services.certificates.adapters.repository import CertificatesRepositories
from services.certificates.domain import commands as c
from tests.builders import assessment_passed
from tests.unit.memory import MemoryUnitOfWorks

from servicekit.auth import Caller

STATUS_BASE = "https://anbao.example"  # where the status lists would be served
PROVINCE = Caller("test", "province_admin")

VC = "https://www.w3.org/2018/credentials#"


def issued(profile: str, url: str = contexts.DEFAULT_URL,
           base: str = contexts.DEFAULT_BASE) -> list[dict]:
    """One credential per level, as the handler issues them under `profile`."""
    uows = MemoryUnitOfWorks(metadata, CertificatesRepositories)
    keys = KeyRing(fieldcrypto.new_key(), timedelta(days=30), profile=profile,
                   loader=contexts.loader(url, base), context_url=url)
    with uows.db.session() as session:
        keys.load(session)
    for level in (5, 4, 3, 2, 1):
        handlers.on_assessment_passed(uows(), assessment_passed(level, level),
                                      issuing=handlers.Issuing(keys, lambda: STATUS_BASE))
    rows, _ = handlers.list_certificates(uows(), c.ListCertificates(PROVINCE, "", paging.Page(10)))
    return [json.loads(r.credential_json) for r in rows]


@pytest.mark.parametrize("profile", ["ed25519", "sm2"])
def test_cert3_every_issued_credential_expands_in_safe_mode_with_nothing_dropped(profile):
    base = contexts.DEFAULT_BASE
    for credential in issued(profile):
        expanded = rdfc.expand_safely(credential, contexts.loader())  # raises on any loss
        (node,) = expanded
        assert set(node["@type"]) == {VC + "VerifiableCredential", base + "SkillLevelCertificate"}
        (subject,) = node[VC + "credentialSubject"]
        ours = {k for k in credential["credentialSubject"] if k not in ("id", "name")}
        assert set(subject) == {"@id", "https://schema.org/name"} | {base + k for k in ours}
        assert subject[base + "level"][0]["@type"] == "http://www.w3.org/2001/XMLSchema#integer"


@pytest.mark.parametrize("profile, suites", [
    ("ed25519", ["eddsa-jcs-2022", "eddsa-rdfc-2022"]),
    ("sm2", ["sm2-jcs-2024", "sm2-rdfc-2024"])])
def test_cert3_each_credential_carries_a_proof_set_that_verifies_offline(profile, suites):
    for credential in issued(profile):
        assert [p["cryptosuite"] for p in credential["proof"]] == suites
        result = di.verify(credential, loader=contexts.loader())  # did:key, shipped contexts
        assert result.verified, result.reason
        assert [p.verified for p in result.proofs] == [True, True]
        valid_from = datetime.strptime(credential["validFrom"], "%Y-%m-%dT%H:%M:%SZ")
        assert valid_from.replace(tzinfo=timezone.utc) <= datetime.now(timezone.utc)


def test_cert3_the_context_url_and_term_base_come_from_configuration():
    url, base = "https://certs.example.org/ctx/v1", "https://certs.example.org/terms#"
    (credential, *_) = issued("ed25519", url, base)
    assert credential["@context"] == ["https://www.w3.org/ns/credentials/v2", url]
    (node,) = rdfc.expand_safely(credential, contexts.loader(url, base))
    assert base + "SkillLevelCertificate" in node["@type"]
    assert di.verify(credential, loader=contexts.loader(url, base)).verified
    # a verifier with another meaning for the URL (or none) does not accept the RDF proof
    assert not di.verify(credential, loader=contexts.loader(url)).verified
    assert "not available offline" in di.verify(credential, loader=contexts.loader()).reason


def test_the_context_defines_every_term_under_the_base_and_nothing_relative():
    document = contexts.document("https://x.example/ns#")["@context"]
    for term, definition in document.items():
        if term.startswith("@") or term in ("anbao", "xsd"):
            continue
        iri = definition if isinstance(definition, str) else definition["@id"]
        assert iri == f"anbao:{term}", term
    assert document["anbao"] == "https://x.example/ns#"
