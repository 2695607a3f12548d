"""The certificate as a W3C Verifiable Credential 2.0 document (before its proofs).

The VC 2.0 context has no @vocab: every other term below, and the type
SkillLevelCertificate, is defined by our own context (services/certificates/contexts),
which the document names after the VC 2.0 one, so JSON-LD processors (safe mode, RDF
canonicalisation) keep every field."""

import json
from dataclasses import dataclass
from datetime import datetime, timezone

VC_V2 = "https://www.w3.org/ns/credentials/v2"


@dataclass(frozen=True)
class Issuer:
    id: str           # the did:key of the signing key
    context_url: str  # our JSON-LD context

LEVEL_NAMES = {5: "五级/初级工", 4: "四级/中级工", 3: "三级/高级工", 2: "二级/技师", 1: "一级/高级技师"}


TRAINING_COMPLETION_TYPE = "TrainingCompletionCertificate"


def document(facts, issuer: Issuer, valid_from: datetime, status: list | None = None) -> dict:
    """`facts`: a Certificate (the domain's), before it is signed; `status`: its
    `credentialStatus` entries (Bitstring Status List, terms of the VC 2.0 context)."""
    if facts.training_class:
        return _completion(facts, issuer, valid_from, status)
    out = {
        "@context": [VC_V2, issuer.context_url],
        "id": f"urn:anbao:certificates:{facts.number}",
        "type": ["VerifiableCredential", "SkillLevelCertificate"],
        "issuer": {"id": issuer.id, "name": facts.issuing_organisation},
        "validFrom": valid_from.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"urn:anbao:persons/{facts.person_id}",
            "name": facts.holder_name,
            "residentIdMasked": facts.resident_id_masked,
            "certificateNumber": facts.number,
            "occupationCode": facts.occupation_code,
            "occupationName": facts.occupation_name,
            "level": facts.level,
            "levelName": LEVEL_NAMES[facts.level],
            "issueDate": facts.issue_date.isoformat(),
            # CERT-5: the issuer (above) is the HRSS department for 保安员
            "evaluationOrganisation": facts.evaluation_organisation or facts.issuing_organisation,
            "evaluationInstitution": facts.institution,
        },
    }
    if status:
        out["credentialStatus"] = status
    return out


def _completion(facts, issuer: Issuer, valid_from: datetime, status: list | None) -> dict:
    """CERT-2: a training-completion certificate (培训结业证书): its own type, the class
    and the training institution instead of an evaluation organisation; a level only
    when the class trained for one (a cadre course trains for none)."""
    subject = {
        "id": f"urn:anbao:persons/{facts.person_id}",
        "name": facts.holder_name,
        "residentIdMasked": facts.resident_id_masked,
        "certificateNumber": facts.number,
        "occupationCode": facts.occupation_code,
        "occupationName": facts.occupation_name,
        "issueDate": facts.issue_date.isoformat(),
        "trainingClass": facts.training_class,
        "trainingInstitution": facts.institution,
        "trainingInstitutionName": facts.issuing_organisation,
    }
    if facts.level in LEVEL_NAMES:
        subject |= {"level": facts.level, "levelName": LEVEL_NAMES[facts.level]}
    out = {
        "@context": [VC_V2, issuer.context_url],
        "id": f"urn:anbao:certificates:{facts.number}",
        "type": ["VerifiableCredential", TRAINING_COMPLETION_TYPE],
        "issuer": {"id": issuer.id, "name": facts.issuing_organisation},
        "validFrom": valid_from.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": subject,
    }
    if status:
        out["credentialStatus"] = status
    return out


def serialise(signed: dict) -> str:
    """The stored and served form: UTF-8 JSON as signed."""
    return json.dumps(signed, ensure_ascii=False)
