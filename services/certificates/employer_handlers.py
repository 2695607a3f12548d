"""Employers' handlers (EMP-1..5, see domain/employers.py): one transaction each."""

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from servicekit import auth, masking
from servicekit.errors import (AlreadyExists, FailedPrecondition, InvalidArgument, NotFound,
                               ResourceExhausted)
from servicekit.fieldcrypto import FieldCipher
from servicekit.unitofwork import UnitOfWork, utcnow

from .adapters.employer_store import Delivery
from .adapters.keyring import KeyRing
from .adapters.orm import EmployerRow, WatchRow
from .adapters.repository import CertificatesRepositories
from .domain import commands as c
from .domain import webhooks
from .domain.certificates import Certificate, require_held
from .domain.lookup_budget import LookupBudget


def _repos(uow: UnitOfWork) -> CertificatesRepositories:
    return uow.repos


def _employer(repos: CertificatesRepositories, actor: auth.Caller, uscc: str) -> EmployerRow:
    """EMP-5: the employer, if the caller reaches it (an employer: itself; a city admin:
    those of its division). A confined caller's NotFound reaches it as PERMISSION_DENIED
    (the server's AIP-211 rule), the same as for an employer not its own."""
    row = repos.employers.find(uscc)
    if row is None:
        raise NotFound(f"employers/{uscc} does not exist")
    auth.require_reach(actor, region=row.region_code, employer=row.uscc)
    return row


def _commit_new(uow: UnitOfWork, exists: str) -> None:
    """Commits a new row; a concurrent request that made the same one first wins."""
    try:
        uow.commit()
    except IntegrityError:
        raise AlreadyExists(exists) from None


@dataclass(frozen=True)
class Registered:
    employer: EmployerRow
    secret: str  # shown once, in the answer to the registration


def register_employer(uow: UnitOfWork, cmd: c.RegisterEmployer, *,
                      cipher: FieldCipher) -> Registered:
    auth.require_reach(cmd.actor, region=cmd.region_code)  # a city admin: its own division
    with uow:
        repos = _repos(uow)
        if repos.employers.find(cmd.uscc) is not None:
            raise AlreadyExists(f"employers/{cmd.uscc} is already registered")
        secret = webhooks.new_secret()
        sealed = cipher.encrypt(secret, webhooks.secret_context(cmd.uscc))
        row = EmployerRow(uscc=cmd.uscc, display_name=cmd.display_name,
                          region_code=cmd.region_code, webhook_url=cmd.webhook_url,
                          webhook_secret_sealed=sealed, created_at=utcnow())
        repos.employers.add(row)
        repos.certificates.touched.add(f"employers/{cmd.uscc}")
        _commit_new(uow, f"employers/{cmd.uscc} is already registered")
        return Registered(row, secret)


def get_employer(uow: UnitOfWork, query: c.GetEmployer) -> EmployerRow:
    with uow:
        return _employer(_repos(uow), query.actor, query.uscc)


def watch_certificate(uow: UnitOfWork, cmd: c.WatchCertificate, *,
                      budget: LookupBudget) -> WatchRow:
    """EMP-1: the pair must name a certificate, as in the public lookup (CERT-4): an
    unknown number and a wrong name get the same refusal and spend the number's budget
    of failed matches, so a watchlist finds no more than the lookup does."""
    with uow:
        repos = _repos(uow)
        _employer(repos, cmd.actor, cmd.employer)
        try:
            certificate = budget.guard_number(cmd.number, lambda: require_held(
                repos.certificates.held_by(cmd.number, cmd.holder_name)))
        except NotFound:
            # a refusal naming the rule (a confined caller's NotFound would read as
            # "not in your scope"), the same whichever of the two was wrong
            raise FailedPrecondition("EMP_1_NUMBER_AND_NAME", "no certificate with this "
                                     "number and holder name") from None
        if repos.watches.find(cmd.employer, cmd.number) is not None:
            raise AlreadyExists(f"employers/{cmd.employer}/watches/{cmd.number} exists")
        row = WatchRow(employer=cmd.employer, number=cmd.number,
                       holder_name_masked=masking.mask_name(certificate.holder_name),
                       status=certificate.status, created_at=utcnow())
        repos.watches.add(row)
        repos.certificates.touched.add(f"employers/{cmd.employer}/watches/{cmd.number}")
        _commit_new(uow, f"employers/{cmd.employer}/watches/{cmd.number} exists")
        return row


def unwatch_certificate(uow: UnitOfWork, cmd: c.UnwatchCertificate) -> WatchRow:
    with uow:
        repos = _repos(uow)
        _employer(repos, cmd.actor, cmd.employer)
        row = repos.watches.find(cmd.employer, cmd.number)
        if row is None:
            raise NotFound(f"employers/{cmd.employer}/watches/{cmd.number} does not exist")
        repos.watches.remove(row)
        repos.certificates.touched.add(f"employers/{cmd.employer}/watches/{cmd.number}")
        uow.commit()
        return row


def list_watches(uow: UnitOfWork, query: c.ListWatches) -> tuple[list[WatchRow], str]:
    with uow:
        repos = _repos(uow)
        _employer(repos, query.actor, query.employer)
        return repos.watches.page(query.employer, query.page)


def list_deliveries(uow: UnitOfWork, query: c.ListDeliveries) -> tuple[list[Delivery], str]:
    with uow:
        repos = _repos(uow)
        _employer(repos, query.actor, query.employer)
        return repos.deliveries.page(query.employer, query.page)


@dataclass(frozen=True)
class PairResult:
    """One pair of a batch check: the certificate and its signature check, or why not."""

    certificate: Certificate | None = None
    signature_verified: bool = False
    error: str = ""          # not_found, invalid_argument, rate_limited
    message: str = ""


def batch_lookup(uow: UnitOfWork, query: c.BatchLookup, *, keys: KeyRing,
                 budget: LookupBudget) -> list[PairResult]:
    """EMP-4: each pair as the lookup answers it (CERT-4). An employer is accountable
    for its token, so its checks do not spend the anonymous per-client budget; a failed
    match still spends the number's budget, so names cannot be guessed in bulk."""
    results = []
    with uow:
        repos = _repos(uow)
        _employer(repos, query.actor, query.actor.scope.removeprefix("employers/"))
        for number, name in query.pairs:
            try:
                c.LookupCertificate.parse(number=number, holder_name=name, client="",
                                          fields=("number", "name"))
                found = budget.guard_number(number, lambda: require_held(
                    repos.certificates.held_by(number, name.strip())))
                results.append(PairResult(found, keys.verify(found.credential_json)))
            except InvalidArgument as exc:
                results.append(PairResult(error="invalid_argument", message=str(exc)))
            except NotFound as exc:
                results.append(PairResult(error="not_found", message=str(exc)))
            except ResourceExhausted as exc:
                results.append(PairResult(error="rate_limited", message=str(exc)))
    return results
