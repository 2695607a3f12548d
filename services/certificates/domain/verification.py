"""Verifying a certificate credential step by step (CERT-3): anyone, online or offline.

Each step has its own outcome; "could not check" is an outcome of its own, never read as
passed or failed. The verdict names the first thing wrong, in the order below, and is
VALID only when every step passed. The service (`VerifyCertificate`, `POST
/credentials/verify`) and `anbao verify FILE` run the same steps with their own `Checks`:
the service knows its keys, issuers and status lists; the CLI what it was given and what
it can reach."""

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

from anbao.certificates.v1 import certificates_pb2 as pb
from servicekit import dataintegrity
from servicekit.jsonld_loader import OfflineLoader

from . import statuslist

PASSED, FAILED = pb.STEP_OUTCOME_PASSED, pb.STEP_OUTCOME_FAILED
COULD_NOT_CHECK, SKIPPED = pb.STEP_OUTCOME_COULD_NOT_CHECK, pb.STEP_OUTCOME_SKIPPED
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
ACTIVE = 4  # accreditation's INSTITUTION_STATUS_ACTIVE

# key_status answers (the keyring's words): only "valid" passes; None: could not check
KEY_VALID = "valid"


@dataclass(frozen=True)
class Step:
    step: str
    outcome: int
    detail: str
    verdict: int = pb.VERDICT_UNSPECIFIED  # what a failure of this step means


@dataclass(frozen=True)
class Report:
    verdict: int
    steps: list[Step]

    @property
    def valid(self) -> bool:
        return self.verdict == pb.VERDICT_VALID


@dataclass(frozen=True)
class IssuerFinding:
    known: bool | None          # None: could not check
    status: int | None = None   # accreditation's status on the issue date, None if none yet
    detail: str = ""


@dataclass
class Checks:
    """What a verifier knows. Each returns None when it cannot tell."""

    # the public key of a verificationMethod, None when it is not a key of this issuer
    public_key: dataintegrity.KeyResolver
    # the keyring's answer for a key on a date ("valid", "expired", "compromised", …)
    key_status: Callable[[str, datetime], str | None]
    issuer_status: Callable[[str, datetime], IssuerFinding]
    # the status list credential at a URL, or a string saying why it could not be had
    status_list: Callable[[str], dict | str]
    # the JSON-LD contexts the RDFC suites need, from the package (never fetched)
    loader: OfflineLoader
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


def _time(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None  # a dateTimeStamp has a zone


def _well_formed(credential) -> tuple[list[str], list[dict]]:
    """What is wrong with the shape (empty when nothing), and the proofs."""
    if not isinstance(credential, dict):
        return ["the credential is not a JSON object"], []
    problems = []
    context = credential.get("@context")
    if not (isinstance(context, list) and context and context[0] == VC_CONTEXT):
        problems.append(f"@context does not start with {VC_CONTEXT}")
    kinds = credential.get("type")
    if not (isinstance(kinds, list) and "VerifiableCredential" in kinds):
        problems.append("type does not include VerifiableCredential")
    issuer = credential.get("issuer")
    if not (isinstance(issuer, str) or (isinstance(issuer, dict)
                                        and isinstance(issuer.get("id"), str))):
        problems.append("issuer is missing")
    if _time(credential.get("validFrom")) is None:
        problems.append("validFrom is not a date-time with a zone")
    if "validUntil" in credential and _time(credential["validUntil"]) is None:
        problems.append("validUntil is not a date-time with a zone")
    if not isinstance(credential.get("credentialSubject"), dict):
        problems.append("credentialSubject is missing")
    proofs = credential.get("proof")
    proofs = [proofs] if isinstance(proofs, dict) else proofs
    if not (isinstance(proofs, list) and proofs and all(isinstance(p, dict) for p in proofs)):
        problems.append("there is no proof")
        proofs = []
    status = credential.get("credentialStatus", [])
    status = [status] if isinstance(status, dict) else status
    if not (isinstance(status, list) and all(isinstance(s, dict) for s in status)):
        problems.append("credentialStatus is malformed")
    return problems, proofs


def verify(credential, checks: Checks) -> Report:
    problems, proofs = _well_formed(credential)
    steps = [Step("well_formed", FAILED if problems else PASSED,
                  "; ".join(problems) or "a W3C Verifiable Credential 2.0",
                  pb.VERDICT_MALFORMED)]
    if problems:
        names = ("proof", "key_valid", "issuer_accredited", "status", "validity_period")
        return _report(steps + [Step(n, SKIPPED, "the credential is malformed") for n in names])
    document = {k: v for k, v in credential.items() if k != "proof"}
    issued = _time(credential["validFrom"])
    steps += [_proof(document, p, checks) for p in proofs]
    steps += [_key(p, issued, checks) for p in proofs]
    steps.append(_issuer(credential, issued, checks))
    steps.append(_status(credential, checks))
    steps.append(_period(credential, checks.now))
    return _report(steps)


def _proof(document: dict, proof: dict, checks: Checks) -> Step:
    suite, key = proof.get("cryptosuite"), proof.get("verificationMethod")
    head = f"{suite} with {key}"
    if not isinstance(key, str) or checks.public_key(key) is None:
        return Step("proof", FAILED, f"{head}: the key is not one this issuer publishes",
                    pb.VERDICT_UNKNOWN_ISSUER)
    if not isinstance(suite, str) or suite not in dataintegrity.SUITES:  # Ed25519 and SM2
        return Step("proof", COULD_NOT_CHECK, f"{head}: this verifier does not know the suite")
    (result,) = dataintegrity.verify({**document, "proof": proof}, checks.public_key,
                                     checks.loader).proofs
    if result.verified:
        return Step("proof", PASSED, f"{head}: signature verifies")
    return Step("proof", FAILED, f"{head}: {result.reason}", pb.VERDICT_TAMPERED)


def _key(proof: dict, issued: datetime, checks: Checks) -> Step:
    """The key was good when it signed (the proof's `created`, else the issue date)."""
    key, signed = proof.get("verificationMethod"), _time(proof.get("created")) or issued
    answer = checks.key_status(key, signed) if isinstance(key, str) else "unknown"
    on = f"{key} on {signed:%Y-%m-%d}"
    if answer is None:
        return Step("key_valid", COULD_NOT_CHECK, f"{on}: no published key list to check")
    if answer == KEY_VALID:
        return Step("key_valid", PASSED, f"{on}: valid")
    return Step("key_valid", FAILED, f"{on}: {answer}", pb.VERDICT_KEY_NOT_VALID)


def _issuer(credential: dict, issued: datetime, checks: Checks) -> Step:
    subject = credential["credentialSubject"]
    kinds = credential.get("type")
    if isinstance(kinds, list) and "TrainingCompletionCertificate" in kinds:
        # CERT-2: the training institution that ran the class was ACTIVE on the day
        institution = subject.get("trainingInstitution")
        name = subject.get("trainingInstitutionName") or institution
        role = "a training institution"
    else:
        institution = subject.get("evaluationInstitution")
        name = subject.get("evaluationOrganisation") or institution
        role = "an evaluation organisation"
    if not isinstance(institution, str):
        return Step("issuer_accredited", FAILED, f"the credential names no {role.split(' ', 1)[1]}",
                    pb.VERDICT_UNKNOWN_ISSUER)
    finding = checks.issuer_status(institution, issued)
    on = f"{name} ({institution}) on {issued:%Y-%m-%d}"
    if finding.known is None:
        return Step("issuer_accredited", COULD_NOT_CHECK, f"{on}: {finding.detail}")
    if not finding.known:
        return Step("issuer_accredited", FAILED, f"{on}: not {role} this issuer knows",
                    pb.VERDICT_UNKNOWN_ISSUER)
    if finding.status != ACTIVE:
        return Step("issuer_accredited", FAILED, f"{on}: not ACTIVE ({finding.detail})",
                    pb.VERDICT_ISSUER_NOT_ACCREDITED)
    return Step("issuer_accredited", PASSED, f"{on}: ACTIVE")


def _status(credential: dict, checks: Checks) -> Step:
    entries = credential.get("credentialStatus", [])
    entries = [entries] if isinstance(entries, dict) else entries
    entries = [e for e in entries if e.get("type") == "BitstringStatusListEntry"]
    if not entries:
        return Step("status", COULD_NOT_CHECK, "the credential has no status list entry")
    found, unchecked = [], []
    for entry in entries:
        purpose = entry.get("statusPurpose")
        try:
            if bit_set(entry, checks):
                found.append(purpose)
        except ValueError as exc:
            unchecked.append(f"{purpose}: {exc}")
    if "revocation" in found:
        return Step("status", FAILED, "revoked (the revocation bit is set)", pb.VERDICT_REVOKED)
    if "suspension" in found:
        return Step("status", FAILED, "suspended (the suspension bit is set)",
                    pb.VERDICT_SUSPENDED)
    if unchecked:
        return Step("status", COULD_NOT_CHECK, "; ".join(unchecked))
    return Step("status", PASSED, "neither revoked nor suspended")


def bit_set(entry: dict, checks: Checks) -> bool:
    """The spec's validate algorithm (§3.2) for one entry; ValueError when it cannot
    tell (list unreachable, its proof fails, wrong purpose, too short, out of range)."""
    url, purpose = entry.get("statusListCredential"), entry.get("statusPurpose")
    index = entry.get("statusListIndex")
    if not (isinstance(url, str) and isinstance(index, str) and index.isdigit()):
        raise ValueError("the status entry is malformed")
    listed = checks.status_list(url)
    if isinstance(listed, str):
        raise ValueError(f"the status list could not be had: {listed}")
    if not isinstance(listed, dict) or not isinstance(listed.get("credentialSubject"), dict):
        raise ValueError("the status list is not a status list credential")
    proofs = listed.get("proof")
    proofs = [proofs] if isinstance(proofs, dict) else proofs or []
    document = {k: v for k, v in listed.items() if k != "proof"}
    if not isinstance(proofs, list) or not proofs or any(
            not isinstance(p, dict) or _proof(document, p, checks).outcome != PASSED
            for p in proofs):
        raise ValueError("the status list's proof does not verify")
    subject = listed["credentialSubject"]
    purposes = subject.get("statusPurpose")
    if purpose not in (purposes if isinstance(purposes, list) else [purposes]):
        raise ValueError("the status list is for another purpose")
    return statuslist.bit(statuslist.decode(subject.get("encodedList")), int(index))


def _period(credential: dict, now: datetime) -> Step:
    start, end = _time(credential["validFrom"]), _time(credential.get("validUntil"))
    if now < start:
        return Step("validity_period", FAILED, f"not valid before {credential['validFrom']}",
                    pb.VERDICT_OUTSIDE_VALIDITY_PERIOD)
    if end is not None and now >= end:
        return Step("validity_period", FAILED, f"expired at {credential['validUntil']}",
                    pb.VERDICT_OUTSIDE_VALIDITY_PERIOD)
    return Step("validity_period", PASSED, f"valid from {credential['validFrom']}"
                + (f" until {credential['validUntil']}" if end else ", no end"))


# which failure the verdict names when several steps fail
PRECEDENCE = (pb.VERDICT_MALFORMED, pb.VERDICT_TAMPERED, pb.VERDICT_UNKNOWN_ISSUER,
              pb.VERDICT_KEY_NOT_VALID, pb.VERDICT_ISSUER_NOT_ACCREDITED, pb.VERDICT_REPLACED,
              pb.VERDICT_REVOKED, pb.VERDICT_SUSPENDED, pb.VERDICT_OUTSIDE_VALIDITY_PERIOD)


def _report(steps: list[Step]) -> Report:
    failed = {s.verdict for s in steps if s.outcome == FAILED}
    for verdict in PRECEDENCE:
        if verdict in failed:
            return Report(verdict, steps)
    if any(s.outcome in (COULD_NOT_CHECK, SKIPPED) for s in steps):
        return Report(pb.VERDICT_INCOMPLETE, steps)
    return Report(pb.VERDICT_VALID, steps)


def replaced(report: Report, by: str) -> Report:
    """A revoked verdict the issuer knows to be a replacement names the new number."""
    if report.verdict != pb.VERDICT_REVOKED:
        return report
    steps = [Step(s.step, s.outcome, f"replaced by {by}", pb.VERDICT_REPLACED)
             if s.step == "status" else s for s in report.steps]
    return _report(steps)


def verdict_label(verdict: int) -> str:
    return pb.Verdict.Name(verdict).removeprefix("VERDICT_")


def outcome_label(outcome: int) -> str:
    return pb.StepOutcome.Name(outcome).removeprefix("STEP_OUTCOME_")


def as_json(report: Report, at: datetime) -> dict:
    """The report over HTTP (W3C VC API shape: `checks`, `warnings`, `errors`, plus ours)."""
    steps = [{"step": s.step, "outcome": outcome_label(s.outcome), "detail": s.detail}
             for s in report.steps]
    return {"verified": report.valid, "verdict": verdict_label(report.verdict),
            "checkTime": at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "steps": steps,
            "checks": sorted({s.step for s in report.steps if s.outcome == PASSED}),
            "warnings": [f"{s['step']}: {s['detail']}" for s in steps
                         if s["outcome"] in ("COULD_NOT_CHECK", "SKIPPED")],
            "errors": [f"{s['step']}: {s['detail']}" for s in steps if s["outcome"] == "FAILED"]}
