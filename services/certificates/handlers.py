"""certificates' handlers: `verb(uow, message)`, one transaction each."""

import json
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable

from anbao.accreditation.v1 import accreditation_pb2 as accreditation
from anbao.accreditation.v1 import events_pb2 as accreditation_events
from anbao.training.v1 import events_pb2 as training_events
from servicekit import auth
from servicekit.errors import NotFound
from servicekit.unitofwork import UnitOfWork, utcnow

from .adapters.keyring import KeyRing
from .adapters.orm import SigningKeyRow
from .adapters.repository import Certificates, CertificatesRepositories
from .domain import commands as c
from .domain import statuslist, verification
from .domain.certificates import (REPLACED, Certificate, Signing, StatusChange,
                                  completion_candidate, holding_key, require_held)
from .domain.lookup_budget import LookupBudget


def _repos(uow: UnitOfWork) -> CertificatesRepositories:
    return uow.repos


@dataclass(frozen=True)
class Issuing:
    """What issuing needs from outside the transaction: the keys, where lists live."""

    keys: KeyRing
    status_base: Callable[[], str]  # the public address the status lists are served at

    def signing(self, repo: Certificates, at: datetime) -> Signing:
        return Signing(serial=repo.next_serial, sign=self.keys.sign,
                       issuer=self.keys.issuer(),
                       allocate=lambda purpose, number: repo.allocate_status(purpose, number, at),
                       status_base=self.status_base())


def on_assessment_passed(uow: UnitOfWork, event: accreditation_events.AssessmentPassed, *,
                         issuing: Issuing) -> None:
    """CERT-1: one signed, nationally numbered certificate per passed result, and one
    held per person × occupation × level."""
    with uow:
        repo = _repos(uow).certificates
        if repo.issued_for(event.candidate):
            return
        held = repo.holding(holding_key(event.person.removeprefix("persons/"),
                                        event.occupation_code, event.level))
        at = utcnow()
        repo.add(Certificate.issue(event, held=held, signing=issuing.signing(repo, at), at=at))
        uow.commit()


def on_class_completed(uow: UnitOfWork, event: training_events.ClassCompleted, *,
                       issuing: Issuing) -> None:
    """CERT-2: one training-completion certificate per trainee who met the class's hours;
    exactly once per (class, person), however often the class's completion arrives."""
    with uow:
        repo = _repos(uow).certificates
        at = utcnow()
        signing = issuing.signing(repo, at)
        seen: set[str] = set()
        for trainee in event.trainees:
            candidate = completion_candidate(event.training_class, trainee.person)
            if candidate in seen or repo.issued_for(candidate):
                continue
            seen.add(candidate)
            repo.add(Certificate.complete_training(event, trainee, signing=signing, at=at))
        uow.commit()


def on_institution_status_changed(uow: UnitOfWork,
                                  event: accreditation_events.InstitutionStatusChanged) -> None:
    """Keeps evaluation organisations' and training institutions' status history, to
    check an issuer (CERT-1) or a class's institution (CERT-2) was ACTIVE."""
    if event.role not in (accreditation.INSTITUTION_ROLE_EVALUATION,
                          accreditation.INSTITUTION_ROLE_TRAINING):
        return
    with uow:
        _repos(uow).organisations.record(
            event_id=event.event_id, institution=event.institution,
            display_name=event.display_name, status=event.to_status,
            at=event.occur_time.ToDatetime(tzinfo=timezone.utc))
        uow.commit()


def _require_reach(actor: auth.Caller, certificate: Certificate) -> None:
    auth.require_reach(actor, region=certificate.region_code,
                       institution=certificate.institution.removeprefix("institutions/"))


def get_certificate(uow: UnitOfWork, query: c.GetCertificate) -> Certificate:
    with uow:
        certificate = _repos(uow).certificates.read(query.number)
    _require_reach(query.actor, certificate)
    return certificate


def list_certificates(uow: UnitOfWork, query: c.ListCertificates) -> tuple[list[Certificate], str]:
    """An evaluation organisation lists the certificates it issued."""
    issuer = auth.institution_of(query.actor)
    with uow:
        return _repos(uow).certificates.page(query.person_id, query.page,
                                             institution=f"institutions/{issuer}" if issuer else "")


def _change(uow: UnitOfWork, cmd: c.ChangeStatus, change) -> Certificate:
    """CERT-3: loads the certificate, checks the caller's reach, applies `change`."""
    with uow:
        certificate = _repos(uow).certificates.get(cmd.number)
        _require_reach(cmd.actor, certificate)
        change(certificate, cmd.actor.subject, utcnow())
        uow.commit()
        return certificate


def suspend_certificate(uow: UnitOfWork, cmd: c.SuspendCertificate) -> Certificate:
    return _change(uow, cmd, lambda x, actor, at: x.suspend(actor=actor, reason=cmd.reason, at=at))


def reinstate_certificate(uow: UnitOfWork, cmd: c.ReinstateCertificate) -> Certificate:
    return _change(uow, cmd, lambda x, actor, at: x.reinstate(actor=actor, reason=cmd.reason,
                                                              at=at))


def revoke_certificate(uow: UnitOfWork, cmd: c.RevokeCertificate) -> Certificate:
    return _change(uow, cmd, lambda x, actor, at: x.revoke(
        actor=actor, revocation_reason=cmd.revocation_reason, reason=cmd.reason, at=at))


def replace_certificate(uow: UnitOfWork, cmd: c.ReplaceCertificate, *,
                        issuing: Issuing) -> Certificate:
    """CERT-3: the replacement, a new number; the old one becomes REPLACED."""
    with uow:
        repo = _repos(uow).certificates
        old = repo.get(cmd.number)
        _require_reach(cmd.actor, old)
        at = utcnow()
        replacement = old.replace(actor=cmd.actor.subject, reason=cmd.reason,
                                  signing=issuing.signing(repo, at), at=at)
        repo.add(replacement)
        uow.commit()
        return replacement


def list_history(uow: UnitOfWork, query: c.ListCertificateHistory) -> tuple[list[StatusChange], str]:
    with uow:
        repo = _repos(uow).certificates
        # NOT_FOUND for an unknown certificate, not an empty list
        _require_reach(query.actor, repo.get(query.number))
        return repo.history(query.number, query.page)


@dataclass(frozen=True)
class Lookup:
    certificate: Certificate
    signature_verified: bool


def lookup(uow: UnitOfWork, query: c.LookupCertificate, *, keys: KeyRing,
           budget: LookupBudget) -> Lookup:
    def find() -> Certificate:
        with uow:
            return require_held(_repos(uow).certificates.held_by(query.number,
                                                                 query.holder_name))

    certificate = budget.guard(query.client, query.number, find)
    return Lookup(certificate, keys.verify(certificate.credential_json))


def lookup_by_link(uow: UnitOfWork, query: c.LookupByLink, *, keys: KeyRing,
                   budget: LookupBudget) -> Lookup:
    """The token was signed by us, so the number exists: only the client's budget is
    spent, and the status shown is the certificate's status now (CERT-3)."""
    budget.admit(query.client, query.number)
    with uow:
        certificate = _repos(uow).certificates.read(query.number)
    return Lookup(certificate, keys.verify(certificate.credential_json))


def list_keys(uow: UnitOfWork, query: c.ListVerificationKeys) -> list[SigningKeyRow]:
    with uow:
        return _repos(uow).certificates.keys()


def rotate_signing_key(uow: UnitOfWork, command: c.RotateSigningKey, *,
                       keys: KeyRing) -> SigningKeyRow:
    with uow:
        row = keys.rotate(uow.session)
        uow.commit()
        keys.load(uow.session)  # signs with the new key from now
        return row


def mark_signing_key_compromised(uow: UnitOfWork, command: c.MarkSigningKeyCompromised, *,
                                 keys: KeyRing) -> SigningKeyRow:
    with uow:
        row = keys.mark_compromised(uow.session, command.key_id, command.since)
        uow.commit()
        keys.load(uow.session)  # this replica's verdicts now; the others' at their refresh
        return row


@dataclass(frozen=True)
class PublishedList:
    """A signed BitstringStatusListCredential as served."""

    body: str
    credential: dict
    version: int
    changed_at: datetime


class StatusLists:
    """Signed status list credentials, rebuilt when a bit of the list changed (its
    version moved) and otherwise served from memory."""

    def __init__(self, keys: KeyRing, base: Callable[[], str], ttl_seconds: int):
        self.keys, self.base, self.ttl_seconds = keys, base, ttl_seconds
        self._built: dict[tuple[str, int], PublishedList] = {}
        self._lock = threading.Lock()

    def get(self, repo: Certificates, purpose: str, list_number: int) -> PublishedList:
        version = repo.list_version(purpose, list_number)
        if version is None:
            raise NotFound(f"status list {purpose}/{list_number} does not exist")
        with self._lock:
            built = self._built.get((purpose, list_number))
        if built is not None and built.version == version:
            return built
        row, positions = repo.status_list(purpose, list_number)
        changed_at = row.changed_at if row.changed_at.tzinfo else \
            row.changed_at.replace(tzinfo=timezone.utc)
        url = statuslist.list_url(self.base(), purpose, list_number)
        document = statuslist.credential(
            url=url, purpose=purpose, issuer_id=self.keys.issuer().id,
            encoded_list=statuslist.encode(positions), valid_from=changed_at,
            ttl_seconds=self.ttl_seconds)
        signed, _ = self.keys.sign(document, changed_at)
        built = PublishedList(json.dumps(signed, ensure_ascii=False), signed, row.version,
                              changed_at)
        with self._lock:
            self._built[(purpose, list_number)] = built
        return built

    def parse_url(self, url: str) -> tuple[str, int] | None:
        """(purpose, number) of one of our lists' URLs, else None."""
        prefix = statuslist.list_url(self.base(), "", 0).removesuffix("/0")
        purpose, _, number = url.removeprefix(prefix).partition("/")
        if not url.startswith(prefix) or purpose not in statuslist.PURPOSES \
                or not (number.isascii() and number.isdigit()):
            return None
        return purpose, int(number)


def get_status_list(uow: UnitOfWork, query: c.GetStatusList, *,
                    lists: StatusLists) -> PublishedList:
    with uow:
        return lists.get(_repos(uow).certificates, query.purpose, query.list_number)


def verify_certificate(uow: UnitOfWork, query: c.VerifyCertificate, *, keys: KeyRing,
                       lists: StatusLists) -> verification.Report:
    """CERT-3: every step against what this issuer knows now."""
    with uow:
        repos = _repos(uow)

        def issuer_status(institution: str, at: datetime) -> verification.IssuerFinding:
            # validFrom is to the second: whatever held during that second
            known, status = repos.organisations.status_at(institution, at + timedelta(seconds=1))
            label = accreditation.InstitutionStatus.Name(status).removeprefix(
                "INSTITUTION_STATUS_") if status else "no status yet"
            return verification.IssuerFinding(known, status, label)

        def status_list(url: str) -> dict | str:
            ours = lists.parse_url(url)
            if ours is None:
                return "not a status list of this issuer"
            try:
                return lists.get(repos.certificates, *ours).credential
            except NotFound:
                return "no such status list"

        report = verification.verify(query.credential, verification.Checks(
            public_key=keys.public_key, key_status=keys.key_status,
            issuer_status=issuer_status, status_list=status_list, loader=keys.loader,
            now=utcnow()))
        number = query.credential.get("credentialSubject", {}).get("certificateNumber") \
            if isinstance(query.credential, dict) \
            and isinstance(query.credential.get("credentialSubject"), dict) else None
        known = repos.certificates.find(number) if isinstance(number, str) else None
        if known is not None and known.status == REPLACED:
            report = verification.replaced(report, f"certificates/{known.replaced_by}")
        return report
