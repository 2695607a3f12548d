"""Training subsidies (培训补贴) of one class, and fraud found in it.

The rules, in the order a claim meets them:
- TRN-11: only a trainee of a class filed, approved and completed on the platform, who
  met the hours and so holds the class's completion certificate (CERT-2), is eligible;
  checked first, automatically.
- TRN-12: the institution claims on the trainee's behalf under the signed 代领 agreement,
  in which the trainee declares no other claim for this training that year.
- TRN-5: the amount is the city's, per occupation (data/subsidies.toml, integer fen); at
  most N claims per person per year and the same occupation and level once a year.
- TRN-6: the list is publicised for at least N Chinese working days; a claim is paid
  only after that, and only if no objection against it stands.
- TRN-7: every payment and claw-back goes to the ledger, kept N years.
- INST-7: fraud found disqualifies the class: paid claims are clawed back, unpaid ones
  void, and FraudFound tells accreditation to blacklist the institution.

`ClassSubsidies` is the aggregate: a class's claims, their objections, its fraud case and
the ledger entries it books; it does no I/O and records its events."""

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Callable

from anbao.training.v1 import events_pb2
from anbao.training.v1 import training_pb2 as pb
from servicekit import dates
from servicekit.errors import AlreadyExists, FailedPrecondition
from servicekit.unitofwork import new_event

FILED, PUBLICISED = pb.SUBSIDY_CLAIM_STATE_FILED, pb.SUBSIDY_CLAIM_STATE_PUBLICISED
PAID, REJECTED = pb.SUBSIDY_CLAIM_STATE_PAID, pb.SUBSIDY_CLAIM_STATE_REJECTED
CLAWED_BACK, VOID = pb.SUBSIDY_CLAIM_STATE_CLAWED_BACK, pb.SUBSIDY_CLAIM_STATE_VOID
# the claims TRN-5's yearly limits count: all but those rejected, clawed back or void
COUNTED = (FILED, PUBLICISED, PAID)
COMPLETED = pb.CLASS_STATE_COMPLETED

IsWorkday = Callable[[date], bool]


# TRN-5 reference data

@dataclass(frozen=True)
class CityRules:
    region_code: str                  # the prefecture-level city, e.g. 350500
    name: str
    amounts: dict[str, int]           # occupation code → fen
    any_occupation_fen: int | None    # one amount for every occupation (Binzhou)
    max_claims_per_person_per_year: int
    same_occupation_level_once_a_year: bool
    publicity_working_days: int
    ledger_retention_years: int

    def amount_fen(self, occupation_code: str) -> int | None:
        return self.amounts.get(occupation_code, self.any_occupation_fen)


@dataclass(frozen=True)
class Schedule:
    cities: dict[str, CityRules]
    defaults: CityRules  # the [defaults] table's limits, for a class of no listed city

    def for_region(self, region_code: str) -> CityRules | None:
        """The rules of the city a division belongs to (a county's: its city's)."""
        return self.cities.get(f"{region_code[:4]}00") if len(region_code) == 6 else None


def _fen(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{where}: an amount is a positive whole number of fen, got {value!r}")
    return value


def _positive(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{where}: must be a whole number ≥ 1, got {value!r}")
    return value


def load(path: str | None = None) -> Schedule:
    """The schedule from `path`, or the shipped data/subsidies.toml. A malformed file
    stops the service at start (ValueError), never pays a guessed amount."""
    text = Path(path).read_text(encoding="utf-8") if path else resources.files(
        "services.training").joinpath("data", "subsidies.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    defaults = data.get("defaults", {})
    cities = {}
    for code, table in data.get("cities", {}).items():
        if not (len(code) == 6 and code.isascii() and code.isdigit() and code.endswith("00")):
            raise ValueError(f"cities.{code}: not a prefecture-level city code")
        settings = {**defaults, **table}
        amounts = {occupation: _fen(entry.get("fen") if isinstance(entry, dict) else entry,
                                    f"cities.{code}.amounts.{occupation}")
                   for occupation, entry in table.get("amounts", {}).items()}
        any_fen = table.get("any_occupation_fen")
        if not amounts and any_fen is None:
            raise ValueError(f"cities.{code}: no amounts")
        cities[code] = CityRules(
            region_code=code, name=str(table.get("name", code)), amounts=amounts,
            any_occupation_fen=None if any_fen is None else _fen(any_fen, f"cities.{code}"),
            max_claims_per_person_per_year=_positive(
                settings.get("max_claims_per_person_per_year"), f"cities.{code}.max_claims"),
            same_occupation_level_once_a_year=bool(
                settings.get("same_occupation_level_once_a_year", True)),
            publicity_working_days=_positive(settings.get("publicity_working_days"),
                                             f"cities.{code}.publicity_working_days"),
            ledger_retention_years=_positive(settings.get("ledger_retention_years"),
                                             f"cities.{code}.ledger_retention_years"))
    fallback = CityRules(
        region_code="", name="defaults", amounts={}, any_occupation_fen=None,
        max_claims_per_person_per_year=_positive(
            defaults.get("max_claims_per_person_per_year"), "defaults.max_claims"),
        same_occupation_level_once_a_year=bool(
            defaults.get("same_occupation_level_once_a_year", True)),
        publicity_working_days=_positive(defaults.get("publicity_working_days"),
                                         "defaults.publicity_working_days"),
        ledger_retention_years=_positive(defaults.get("ledger_retention_years"),
                                         "defaults.ledger_retention_years"))
    return Schedule(cities, fallback)


def publicity_end(start: date, working_days: int, is_workday: IsWorkday) -> date:
    """TRN-6: the last day of a publicity that runs `working_days` Chinese working days
    from `start` (counted when it is one): holidays and weekends do not count, make-up
    working days (调休) do."""
    day, counted = start, 0
    while True:
        if is_workday(day):
            counted += 1
            if counted == working_days:
                return day
        day += timedelta(days=1)


def retained_until(booked: date, years: int) -> date:
    """TRN-7: the first day a ledger entry booked on `booked` may be deleted."""
    try:
        return booked.replace(year=booked.year + years)
    except ValueError:  # 29 February
        return booked.replace(year=booked.year + years, day=28) + timedelta(days=1)


# the aggregate's parts

@dataclass(frozen=True)
class Agreement:
    """TRN-12: the 代领 agreement (003 附件2)."""

    signed_date: date
    document_sha256: str
    declares_no_other_claim: bool


@dataclass(frozen=True)
class Certificate:
    """The trainee's completion certificate of the class (CERT-2), as training learned it."""

    number: str
    issue_date: date


@dataclass(frozen=True)
class PriorClaim:
    """Another claim of the same person, for TRN-5's yearly limits."""

    training_class: str
    occupation_code: str
    level: int
    claim_year: int
    state: int


@dataclass
class Objection:
    seq: int
    reason: str
    actor: str
    recorded_at: datetime
    decided: bool = False
    upheld: bool = False
    decision_reason: str = ""
    decided_by: str = ""
    decided_at: datetime | None = None


@dataclass
class Claim:
    person_id: str
    trainee_name: str
    certificate_number: str
    claim_year: int
    amount_fen: int
    agreement: Agreement
    state: int
    filed_by: str
    filed_at: datetime
    publicity_start: date | None = None
    publicity_end: date | None = None
    paid_on: date | None = None
    objections: list[Objection] = field(default_factory=list)

    def open_objection(self) -> Objection | None:
        return next((o for o in self.objections if not o.decided), None)


@dataclass(frozen=True)
class LedgerEntry:
    """TRN-7: a payment (+) or a claw-back (−), never edited; kept until `retain_until`."""

    class_id: str
    person_id: str
    amount_fen: int
    booked_on: date
    retain_until: date
    reason: str           # "payment" or the fraud case's name


@dataclass(frozen=True)
class FraudCase:
    id: str
    reason: str
    evidence: str
    revoke_qualification: bool
    clawed_back_fen: int
    clawed_back_claims: tuple[str, ...]
    actor: str
    recorded_at: datetime

    @property
    def name(self) -> str:
        return f"fraudCases/{self.id}"


@dataclass(frozen=True)
class ClassFacts:
    """What the subsidies need of the class (the training class aggregate's)."""

    id: str
    institution_id: str
    region_code: str
    occupation_code: str
    level: int
    state: int

    @property
    def name(self) -> str:
        return f"classes/{self.id}"


def claim_name(class_id: str, person_id: str) -> str:
    return f"classes/{class_id}/subsidyClaims/{person_id}"


@dataclass(eq=False)
class ClassSubsidies:
    facts: ClassFacts
    claims: list[Claim]
    fraud: FraudCase | None = None
    ledger: list[LedgerEntry] = field(default_factory=list)  # new entries, unsaved
    events: list = field(default_factory=list, repr=False)

    def _claim(self, person_id: str) -> Claim | None:
        return next((c for c in self.claims if c.person_id == person_id), None)

    def _require_not_disqualified(self) -> None:
        """INST-7: a class found fraudulent takes no claim, publicity or payment."""
        if self.fraud is not None:
            raise FailedPrecondition("INST_7_CLASS_DISQUALIFIED", f"{self.facts.name} was "
                                     f"disqualified for fraud ({self.fraud.name})",
                                     fraud_case=self.fraud.name)

    def file(self, *, person_id: str, trainee_name: str, certificate: Certificate | None,
             agreement: Agreement, prior: list[PriorClaim], city: CityRules | None,
             actor: str, at: datetime) -> Claim:
        self._require_not_disqualified()
        # TRN-11: eligibility of the class, then of the trainee, before anything else
        if self.facts.state != COMPLETED:
            raise FailedPrecondition(
                "TRN_11_CLASS_NOT_COMPLETED", f"{self.facts.name} is not a class filed, "
                "approved and completed on the platform: it gets no subsidy")
        if certificate is None:
            raise FailedPrecondition(
                "TRN_11_NO_COMPLETION_CERTIFICATE", f"persons/{person_id} holds no completion "
                f"certificate of {self.facts.name} (hours not met, or not a trainee of it)")
        # TRN-12: the trainee's declaration in the 代领 agreement
        if not agreement.declares_no_other_claim:
            raise FailedPrecondition(
                "TRN_12_NO_DECLARATION", "the 代领 agreement must carry the trainee's "
                "declaration of no other claim for this training this year")
        if self._claim(person_id) is not None:
            raise AlreadyExists(f"{claim_name(self.facts.id, person_id)} is filed already")
        # TRN-5: the city's amount and its yearly limits
        amount = city.amount_fen(self.facts.occupation_code) if city else None
        if amount is None:
            raise FailedPrecondition(
                "TRN_5_NO_SUBSIDY_RATE", f"no subsidy is configured for occupation "
                f"{self.facts.occupation_code} in the city of {self.facts.region_code}")
        year = certificate.issue_date.year
        counted = [p for p in prior if p.claim_year == year and p.state in COUNTED]
        if len(counted) >= city.max_claims_per_person_per_year:
            raise FailedPrecondition(
                "TRN_5_CLAIMS_PER_YEAR", f"persons/{person_id} has {len(counted)} claims in "
                f"{year}; {city.name} allows {city.max_claims_per_person_per_year} a year")
        if city.same_occupation_level_once_a_year and any(
                (p.occupation_code, p.level) == (self.facts.occupation_code, self.facts.level)
                for p in counted):
            raise FailedPrecondition(
                "TRN_5_SAME_OCCUPATION_LEVEL_ONCE_A_YEAR", f"persons/{person_id} already has "
                f"a {year} claim for {self.facts.occupation_code} level {self.facts.level}")
        claim = Claim(person_id=person_id, trainee_name=trainee_name,
                      certificate_number=certificate.number, claim_year=year,
                      amount_fen=amount, agreement=agreement, state=FILED, filed_by=actor,
                      filed_at=at)
        self.claims.append(claim)
        return claim

    def publicise(self, *, start: date, city: CityRules, is_workday: IsWorkday) -> list[Claim]:
        """TRN-6: the filed claims go on the publicised list from `start`."""
        self._require_not_disqualified()
        filed = [c for c in self.claims if c.state == FILED]
        if not filed:
            raise FailedPrecondition("TRN_6_NOTHING_TO_PUBLICISE",
                                     f"{self.facts.name} has no filed claim to publicise")
        # a list cannot have gone up before its claims were filed: a start recorded
        # earlier would shorten the publicity
        filed_on = max(c.filed_at.astimezone(dates.CHINA).date() for c in filed)
        if start < filed_on:
            raise FailedPrecondition(
                "TRN_6_PUBLICITY_BEFORE_FILING", f"the publicity cannot start on "
                f"{start.isoformat()}, before its last claim was filed ({filed_on.isoformat()})")
        end = publicity_end(start, city.publicity_working_days, is_workday)
        for claim in filed:
            claim.state, claim.publicity_start, claim.publicity_end = PUBLICISED, start, end
        return filed

    def _publicised(self, person_id: str) -> Claim:
        claim = self._claim(person_id)
        if claim is None or claim.state != PUBLICISED:
            raise FailedPrecondition(
                "TRN_6_NOT_PUBLICISED", f"{claim_name(self.facts.id, person_id)} is not on a "
                "publicised list (objections are raised against a publicised claim)")
        return claim

    def object(self, *, person_id: str, reason: str, today: date, actor: str,
               at: datetime) -> Claim:
        """TRN-6: an objection raised during the publicity; it stands until decided."""
        claim = self._publicised(person_id)
        if today > claim.publicity_end:
            raise FailedPrecondition("TRN_6_PUBLICITY_OVER", f"the publicity ended on "
                                     f"{claim.publicity_end.isoformat()}")
        if claim.open_objection() is not None:
            raise FailedPrecondition("TRN_6_OBJECTION_OPEN", "an objection against this "
                                     "claim awaits its decision")
        claim.objections.append(Objection(len(claim.objections) + 1, reason, actor, at))
        return claim

    def decide(self, *, person_id: str, upheld: bool, reason: str, actor: str,
               at: datetime) -> Claim:
        """TRN-6: an upheld objection rejects the claim; a dismissed one lets it be paid."""
        claim = self._publicised(person_id)
        objection = claim.open_objection()
        if objection is None:
            raise FailedPrecondition("TRN_6_NO_OPEN_OBJECTION",
                                     "no objection against this claim awaits a decision")
        objection.decided, objection.upheld = True, upheld
        objection.decision_reason, objection.decided_by, objection.decided_at = reason, actor, at
        if upheld:
            claim.state = REJECTED
        return claim

    def pay(self, *, today: date, city: CityRules, at: datetime) -> tuple[list[Claim],
                                                                           list[Claim]]:
        """TRN-6: pays each publicised claim whose publicity is over and against which no
        objection stands, booking it in the ledger (TRN-7); (paid, withheld)."""
        self._require_not_disqualified()
        paid, running, objected = [], [], []
        for claim in (c for c in self.claims if c.state == PUBLICISED):
            if today <= claim.publicity_end:
                running.append(claim)
            elif claim.open_objection() is not None:
                objected.append(claim)
            else:
                paid.append(claim)
        if not paid:
            if objected:
                raise FailedPrecondition("TRN_6_OBJECTION_STANDS", "every claim whose "
                                         "publicity is over has an objection awaiting decision")
            if running:
                raise FailedPrecondition(
                    "TRN_6_PUBLICITY_NOT_OVER", "the publicity runs until "
                    f"{max(c.publicity_end for c in running).isoformat()}: nothing is paid "
                    "before it is over")
            raise FailedPrecondition("TRN_6_NOTHING_TO_PAY",
                                     f"{self.facts.name} has no publicised claim to pay")
        for claim in paid:
            claim.state, claim.paid_on = PAID, today
            self.ledger.append(LedgerEntry(
                self.facts.id, claim.person_id, claim.amount_fen, today,
                retained_until(today, city.ledger_retention_years), "payment"))
            self.events.append(new_event(
                events_pb2.SubsidyPaid, claim=claim_name(self.facts.id, claim.person_id),
                training_class=self.facts.name,
                institution=f"institutions/{self.facts.institution_id}",
                person=f"persons/{claim.person_id}", region_code=self.facts.region_code,
                occupation_code=self.facts.occupation_code, level=self.facts.level,
                amount_fen=claim.amount_fen, paid_date=dates.to_proto(today)))
        return paid, running + objected

    def find_fraud(self, *, case_id: str, reason: str, evidence: str, revoke: bool,
                   today: date, retention_years: int, actor: str, at: datetime) -> FraudCase:
        """INST-7: the class is disqualified; paid claims are clawed back (booked as
        negative entries), unpaid ones void; FraudFound goes to accreditation."""
        if self.fraud is not None:
            raise FailedPrecondition("INST_7_CLASS_DISQUALIFIED", f"{self.facts.name} was "
                                     f"already disqualified ({self.fraud.name})",
                                     fraud_case=self.fraud.name)
        clawed, total = [], 0
        for claim in self.claims:
            if claim.state == PAID:
                claim.state = CLAWED_BACK
                total += claim.amount_fen
                clawed.append(claim_name(self.facts.id, claim.person_id))
                self.ledger.append(LedgerEntry(
                    self.facts.id, claim.person_id, -claim.amount_fen, today,
                    retained_until(today, retention_years), f"fraudCases/{case_id}"))
            elif claim.state in (FILED, PUBLICISED):
                claim.state = VOID
        self.fraud = FraudCase(case_id, reason, evidence, revoke, total, tuple(clawed), actor,
                               at)
        self.events.append(new_event(
            events_pb2.FraudFound, fraud_case=self.fraud.name,
            institution=f"institutions/{self.facts.institution_id}",
            training_class=self.facts.name, reason=reason, evidence=evidence,
            clawed_back_fen=total, revoke_training_qualification=revoke))
        return self.fraud


def may_delete(entry_retain_until: date, today: date) -> bool:
    """TRN-7: a ledger entry may go only once its retention is over."""
    return today >= entry_retain_until

