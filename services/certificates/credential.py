"""The certificate as a W3C Verifiable Credential 2.0 document (before its proof).

Terms outside the VC 2.0 context fall under its @vocab, which eddsa-jcs-2022 signs as
plain JSON (RFC 8785), so no custom JSON-LD context has to be resolvable."""

from dataclasses import dataclass
from datetime import date, datetime

LEVEL_NAMES = {5: "五级/初级工", 4: "四级/中级工", 3: "三级/高级工", 2: "二级/技师", 1: "一级/高级技师"}


@dataclass(frozen=True)
class CertificateFacts:
    number: str
    person: str
    holder_name: str
    resident_id_masked: str
    occupation_code: str
    occupation_name: str
    level: int
    issue_date: date
    issuing_organisation: str
    institution: str


def document(facts: CertificateFacts, issuer_id: str, valid_from: datetime) -> dict:
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": f"urn:anbao:certificates:{facts.number}",
        "type": ["VerifiableCredential", "SkillLevelCertificate"],
        "issuer": {"id": issuer_id, "name": facts.issuing_organisation},
        "validFrom": valid_from.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"urn:anbao:{facts.person}",
            "name": facts.holder_name,
            "residentIdMasked": facts.resident_id_masked,
            "certificateNumber": facts.number,
            "occupationCode": facts.occupation_code,
            "occupationName": facts.occupation_name,
            "level": facts.level,
            "levelName": LEVEL_NAMES[facts.level],
            "issueDate": facts.issue_date.isoformat(),
            "evaluationOrganisation": facts.issuing_organisation,
            "evaluationInstitution": facts.institution,
        },
    }
