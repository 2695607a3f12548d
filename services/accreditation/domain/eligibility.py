"""ASMT-5: who may apply for a level. Routes are reference data (data/eligibility.toml,
from coding-rules.md §Eligibility): each (occupation, level) has alternative routes, each
needing declared facts (with evidence references) and perhaps a certificate the applicant
holds — which is how levels are taken in order (依次递进). A level with no configured
route takes no application."""

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from servicekit.errors import FailedPrecondition, Violations

YEARS, FLAG = "years", "flag"
MAX_YEARS = 80
EVIDENCE_MAX = 200


@dataclass(frozen=True)
class DeclaredFact:
    """A fact the applicant declares, with the reference of the evidence that proves it
    (checked by the reviewers, ASMT-9)."""

    kind: str
    years: int
    evidence: str


@dataclass(frozen=True)
class HeldCertificate:
    """A certificate the system saw issued (CertificateIssued); `valid` turns false when
    certificates suspends, revokes or replaces it."""

    number: str
    person_id: str
    occupation_code: str
    level: int
    valid: bool = True

    @property
    def name(self) -> str:
        return f"certificates/{self.number}"


@dataclass(frozen=True)
class Route:
    id: str
    occupation_code: str
    level: int
    certificate: tuple[str, int] | None  # (occupation, level) the applicant must hold
    facts: tuple[tuple[str, int | bool], ...]

    def lacks(self, declared: dict[str, DeclaredFact],
              held: list[HeldCertificate]) -> list[str]:
        """What the applicant lacks for this route (empty: the route is satisfied)."""
        missing = []
        if self.certificate is not None:
            occupation, level = self.certificate
            if not any(c.valid and c.occupation_code == occupation and c.level == level
                       for c in held):
                missing.append(f"a valid {occupation} level {level} certificate")
        for kind, need in self.facts:
            fact = declared.get(kind)
            if need is True:
                if fact is None:
                    missing.append(kind)
            elif fact is None or fact.years < need:
                missing.append(f"{kind} ≥ {need}")
        return missing


@dataclass(frozen=True)
class Eligibility:
    fact_kinds: dict[str, str]          # kind → "years" or "flag"
    routes: tuple[Route, ...]

    def routes_for(self, occupation_code: str, level: int) -> list[Route]:
        return [r for r in self.routes if (r.occupation_code, r.level) == (occupation_code, level)]

    def validate_facts(self, v: Violations, facts: list[DeclaredFact]) -> None:
        """The declared facts' shape: known kinds, once each, years in range, evidence."""
        seen = set()
        for i, f in enumerate(facts):
            at = f"facts[{i}]"
            kind = self.fact_kinds.get(f.kind)
            if kind is None:
                v.add(f"{at}.kind", f"unknown fact kind; one of {', '.join(sorted(self.fact_kinds))}")
            elif f.kind in seen:
                v.add(f"{at}.kind", "declared twice")
            seen.add(f.kind)
            if kind == YEARS:
                v.check(0 < f.years <= MAX_YEARS, f"{at}.years", f"must be 1 to {MAX_YEARS}")
            elif kind == FLAG:
                v.check(f.years == 0, f"{at}.years", "a yes/no fact has no years")
            v.check(bool(f.evidence.strip()) and len(f.evidence) <= EVIDENCE_MAX,
                    f"{at}.evidence", f"ASMT-5: every declared fact needs its evidence "
                                      f"reference (1 to {EVIDENCE_MAX} characters)")

    def require_valid(self, facts: list[DeclaredFact]) -> None:
        """INVALID_ARGUMENT listing every malformed fact."""
        v = Violations()
        self.validate_facts(v, facts)
        v.raise_if_any()

    def check(self, occupation_code: str, level: int, facts: list[DeclaredFact],
              held: list[HeldCertificate]) -> Route:
        """The first route the applicant satisfies, or FAILED_PRECONDITION naming ASMT-5."""
        routes = self.routes_for(occupation_code, level)
        if not routes:
            raise FailedPrecondition("ASMT_5_NO_ROUTE", f"no eligibility route is configured "
                                     f"for {occupation_code} level {level}; applications for "
                                     f"it are not accepted")
        declared = {f.kind: f for f in facts}
        lacking = []
        for route in routes:
            missing = route.lacks(declared, held)
            if not missing:
                return route
            lacking.append(f"{route.id}: {', '.join(missing)}")
        raise FailedPrecondition("ASMT_5_NOT_ELIGIBLE", "the applicant meets no eligibility "
                                 "route; lacking — " + "; ".join(lacking))


def parse(text: str) -> Eligibility:
    """The eligibility data; ValueError on a malformed file (the service does not start)."""
    data = tomllib.loads(text)
    kinds = dict(data.get("fact_kinds", {}))
    if any(k not in (YEARS, FLAG) for k in kinds.values()):
        raise ValueError("fact_kinds: each kind is 'years' or 'flag'")
    routes, ids = [], set()
    for r in data.get("route", []):
        key = (r["occupation"], int(r["level"]), r["id"])
        if key in ids:
            raise ValueError(f"route {key} is defined twice")
        ids.add(key)
        facts = tuple(sorted(r.get("facts", {}).items()))
        for kind, need in facts:
            if kind not in kinds:
                raise ValueError(f"route {r['id']}: unknown fact kind {kind}")
            if (kinds[kind] == FLAG) != (need is True):
                raise ValueError(f"route {r['id']}: {kind} is a {kinds[kind]} fact")
        cert = r.get("certificate")
        routes.append(Route(r["id"], r["occupation"], int(r["level"]),
                            (cert["occupation"], int(cert["level"])) if cert else None, facts))
    return Eligibility(kinds, tuple(routes))


@cache
def load(path: str = "") -> Eligibility:
    """From `path`, or the packaged data/eligibility.toml."""
    if path:
        return parse(Path(path).read_text(encoding="utf-8"))
    return parse(resources.files("services.accreditation").joinpath(
        "data", "eligibility.toml").read_text(encoding="utf-8"))
