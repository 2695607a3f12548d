"""The subsidy messages that reach training's handlers; `parse` reports every bad field at
once (TRN-5, TRN-6, TRN-12, INST-7)."""

import re
from dataclasses import dataclass
from datetime import date

from servicekit import dates, paging
from servicekit.auth import Caller
from servicekit.errors import Violations
from servicekit.messagebus import Query
from servicekit.names import resource_id

from .subsidies import Agreement

SHA256 = re.compile(r"^[0-9a-f]{64}$")
CLAIM_NAME = re.compile(r"^classes/([A-Za-z0-9]{1,32})/subsidyClaims/([A-Za-z0-9]{1,32})$")


def _class_id(parent: str, v: Violations) -> str:
    return resource_id(parent, "classes", "parent", v)


def _claim(name: str, v: Violations) -> tuple[str, str]:
    match = CLAIM_NAME.match(name)
    v.check(match is not None, "name", "must be classes/{class}/subsidyClaims/{person id}")
    return (match.group(1), match.group(2)) if match else ("", "")


@dataclass(frozen=True)
class AgreementInput:
    signed_date: dates.DateInput
    document_sha256: str
    declares_no_other_claim: bool


@dataclass(frozen=True)
class FileSubsidyClaim:
    actor: Caller
    class_id: str
    person_id: str
    trainee_name: str
    agreement: Agreement

    @classmethod
    def parse(cls, actor: Caller, *, parent: str, person: str, trainee_name: str,
              agreement: AgreementInput | None) -> "FileSubsidyClaim":
        v = Violations()
        class_id = _class_id(parent, v)
        person_id = resource_id(person, "persons", "subsidy_claim.person", v)
        name = v.text(trainee_name, "subsidy_claim.trainee_name", 50)
        signed, digest = None, ""
        # TRN-12: the 代领 agreement is recorded with the claim
        if v.check(agreement is not None, "subsidy_claim.agreement",
                   "the signed 代领 agreement is required (TRN-12)"):
            signed = dates.parse_date(agreement.signed_date,
                                      "subsidy_claim.agreement.signed_date", v, required=True,
                                      not_future=True)
            digest = agreement.document_sha256.lower()
            v.check(bool(SHA256.match(digest)), "subsidy_claim.agreement.document_sha256",
                    "must be the SHA-256 (64 hex digits) of the signed agreement")
        v.raise_if_any()
        return cls(actor, class_id, person_id, name,
                   Agreement(signed, digest, agreement.declares_no_other_claim))


@dataclass(frozen=True)
class ListSubsidyClaims(Query):
    actor: Caller
    class_id: str
    page: paging.Page

    @classmethod
    def parse(cls, actor: Caller, *, parent: str, page_size: int,
              page_token: str) -> "ListSubsidyClaims":
        v = Violations()
        class_id = _class_id(parent, v)
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, class_id, page)


@dataclass(frozen=True)
class PubliciseSubsidyClaims:
    actor: Caller
    class_id: str
    start_date: date

    @classmethod
    def parse(cls, actor: Caller, *, parent: str,
              start_date: dates.DateInput) -> "PubliciseSubsidyClaims":
        v = Violations()
        class_id = _class_id(parent, v)
        # the day the list went up (on the department's website): today or before, by the
        # service's clock (the handler checks)
        start = dates.parse_date(start_date, "start_date", v, required=True)
        v.raise_if_any()
        return cls(actor, class_id, start)


@dataclass(frozen=True)
class RecordSubsidyObjection:
    actor: Caller
    class_id: str
    person_id: str
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, reason: str) -> "RecordSubsidyObjection":
        v = Violations()
        class_id, person_id = _claim(name, v)
        reason = v.text(reason, "reason", 500)
        v.raise_if_any()
        return cls(actor, class_id, person_id, reason)


@dataclass(frozen=True)
class DecideSubsidyObjection:
    actor: Caller
    class_id: str
    person_id: str
    upheld: bool
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, upheld: bool,
              reason: str) -> "DecideSubsidyObjection":
        v = Violations()
        class_id, person_id = _claim(name, v)
        reason = v.text(reason, "reason", 500)
        v.raise_if_any()
        return cls(actor, class_id, person_id, upheld, reason)


@dataclass(frozen=True)
class PaySubsidyClaims:
    actor: Caller
    class_id: str

    @classmethod
    def parse(cls, actor: Caller, *, parent: str) -> "PaySubsidyClaims":
        v = Violations()
        class_id = _class_id(parent, v)
        v.raise_if_any()
        return cls(actor, class_id)


@dataclass(frozen=True)
class RecordTrainingFraud:
    actor: Caller
    class_id: str
    reason: str
    evidence: str
    revoke_qualification: bool

    @classmethod
    def parse(cls, actor: Caller, *, parent: str, reason: str, evidence: str,
              revoke_training_qualification: bool) -> "RecordTrainingFraud":
        v = Violations()
        class_id = _class_id(parent, v)
        reason = v.text(reason, "reason", 500)
        evidence = v.text(evidence, "evidence", 200, required=False)
        v.raise_if_any()
        return cls(actor, class_id, reason, evidence, revoke_training_qualification)
