"""training's subsidy handlers (TRN-5, TRN-6, TRN-7, TRN-11, TRN-12, INST-7): one
transaction each; the rules are the class's `ClassSubsidies` (domain/subsidies.py)."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Callable

from servicekit import auth, dates
from servicekit.errors import FailedPrecondition, FieldViolation, InvalidArgument
from servicekit.unitofwork import UnitOfWork, utcnow

from .adapters.repository import TrainingRepositories
from .domain import subsidy_commands as c
from .domain.subsidies import (ClassFacts, ClassSubsidies, Claim, CityRules, FraudCase,
                               IsWorkday, Schedule)


@dataclass(frozen=True)
class SubsidyRules:
    """What the subsidy handlers need from outside: the cities' schedule (TRN-5) and the
    Chinese working-day calendar (TRN-6)."""

    schedule: Schedule
    is_workday: IsWorkday
    today: Callable[[], date] = dates.today  # the service's calendar day (adapters/clock.py)


def _repos(uow: UnitOfWork) -> TrainingRepositories:
    return uow.repos


def _book(uow: UnitOfWork, actor: auth.Caller, class_id: str,
          lock: bool = True) -> ClassSubsidies:
    """The class's subsidies, once the caller is known to reach the class; for a change,
    read under the class's lock."""
    k = _repos(uow).classes.get(class_id)
    auth.require_reach(actor, region=k.region_code, institution=k.institution_id)
    if lock:
        _repos(uow).subsidies.lock_class(class_id)
    return _repos(uow).subsidies.of_class(ClassFacts(
        k.id, k.institution_id, k.region_code, k.occupation_code, k.level, k.state))


def _city(rules: SubsidyRules, book: ClassSubsidies) -> CityRules:
    city = rules.schedule.for_region(book.facts.region_code)
    if city is None:
        raise FailedPrecondition("TRN_5_NO_SUBSIDY_RATE", "no subsidy is configured for "
                                 f"the city of {book.facts.region_code}")
    return city


def file_subsidy_claim(uow: UnitOfWork, cmd: c.FileSubsidyClaim, *, rules: SubsidyRules,
                       at: datetime | None = None) -> tuple[ClassSubsidies, Claim]:
    """TRN-11 eligibility first, then TRN-12's agreement, then TRN-5's amount and limits."""
    with uow:
        book = _book(uow, cmd.actor, cmd.class_id)
        repo = _repos(uow).subsidies
        repo.lock_person(cmd.person_id)
        claim = book.file(
            person_id=cmd.person_id, trainee_name=cmd.trainee_name,
            certificate=repo.completion_certificate(cmd.class_id, cmd.person_id),
            agreement=cmd.agreement, prior=repo.prior_claims(cmd.person_id, cmd.class_id),
            city=rules.schedule.for_region(book.facts.region_code), actor=cmd.actor.subject,
            at=at or utcnow())
        uow.commit()
        return book, claim


def list_subsidy_claims(uow: UnitOfWork, query: c.ListSubsidyClaims
                        ) -> tuple[ClassSubsidies, list[Claim], str]:
    with uow:
        book = _book(uow, query.actor, query.class_id, lock=False)
        claims, token = _repos(uow).subsidies.page(query.class_id, query.page)
        return book, claims, token


def publicise_subsidy_claims(uow: UnitOfWork, cmd: c.PubliciseSubsidyClaims, *,
                             rules: SubsidyRules) -> tuple[ClassSubsidies, list[Claim]]:
    with uow:
        if cmd.start_date > rules.today():
            raise InvalidArgument([FieldViolation("start_date", "must not be in the future")])
        book = _book(uow, cmd.actor, cmd.class_id)
        claims = book.publicise(start=cmd.start_date, city=_city(rules, book),
                                is_workday=rules.is_workday)
        uow.commit()
        return book, claims


def record_subsidy_objection(uow: UnitOfWork, cmd: c.RecordSubsidyObjection, *,
                             rules: SubsidyRules) -> tuple[ClassSubsidies, Claim]:
    with uow:
        book = _book(uow, cmd.actor, cmd.class_id)
        claim = book.object(person_id=cmd.person_id, reason=cmd.reason, today=rules.today(),
                            actor=cmd.actor.subject, at=utcnow())
        uow.commit()
        return book, claim


def decide_subsidy_objection(uow: UnitOfWork, cmd: c.DecideSubsidyObjection
                             ) -> tuple[ClassSubsidies, Claim]:
    with uow:
        book = _book(uow, cmd.actor, cmd.class_id)
        claim = book.decide(person_id=cmd.person_id, upheld=cmd.upheld, reason=cmd.reason,
                            actor=cmd.actor.subject, at=utcnow())
        uow.commit()
        return book, claim


def pay_subsidy_claims(uow: UnitOfWork, cmd: c.PaySubsidyClaims, *, rules: SubsidyRules
                       ) -> tuple[ClassSubsidies, list[Claim], list[Claim]]:
    """TRN-6 (a repeated request with the same request_id pays once: servicekit's
    idempotency answers it with the first answer; a paid claim is never paid again)."""
    with uow:
        book = _book(uow, cmd.actor, cmd.class_id)
        paid, withheld = book.pay(today=rules.today(), city=_city(rules, book),
                                  at=utcnow())
        uow.commit()
        return book, paid, withheld


def record_training_fraud(uow: UnitOfWork, cmd: c.RecordTrainingFraud, *,
                          rules: SubsidyRules) -> tuple[ClassSubsidies, FraudCase]:
    """INST-7: disqualifies the class, claws back its paid subsidies, emits FraudFound."""
    with uow:
        book = _book(uow, cmd.actor, cmd.class_id)
        city = rules.schedule.for_region(book.facts.region_code)
        case = book.find_fraud(
            case_id=uuid.uuid4().hex, reason=cmd.reason, evidence=cmd.evidence,
            revoke=cmd.revoke_qualification, today=rules.today(),
            retention_years=(city or rules.schedule.defaults).ledger_retention_years,
            actor=cmd.actor.subject, at=utcnow())
        uow.commit()
        return book, case


def purge_subsidy_ledger(uow: UnitOfWork, today: date) -> int:
    """TRN-7: removes ledger entries past their retention, and nothing else."""
    with uow:
        removed = _repos(uow).subsidies.purge_ledger(today)
        uow.commit()
        return removed


def message_handlers(rules: SubsidyRules) -> dict:
    return {
        c.FileSubsidyClaim: partial(file_subsidy_claim, rules=rules),
        c.ListSubsidyClaims: list_subsidy_claims,
        c.PubliciseSubsidyClaims: partial(publicise_subsidy_claims, rules=rules),
        c.RecordSubsidyObjection: partial(record_subsidy_objection, rules=rules),
        c.DecideSubsidyObjection: decide_subsidy_objection,
        c.PaySubsidyClaims: partial(pay_subsidy_claims, rules=rules),
        c.RecordTrainingFraud: partial(record_training_fraud, rules=rules),
    }

