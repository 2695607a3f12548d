"""Pass-rate monitoring of closed exam sessions: per session, per evaluator and year, per
organisation and year, each tested against the rest of the province for the same
occupation, level and year with an exact two-sided binomial test. A rate is flagged when
p < `alpha` (default 0.001) and both it and the reference have at least `min_candidates`
(default 20) candidates: an evaluator or organisation passing (or failing) far more
candidates than the province does is worth a look (评价发证审核关)."""

import math
from collections import defaultdict
from dataclasses import dataclass

from anbao.accreditation.v1 import accreditation_pb2 as pb


def binomial_two_sided_p(k: int, n: int, p: float) -> float:
    """Exact two-sided binomial test of k successes in n trials against probability p:
    the total probability of every outcome no more likely than k (the method of R's
    binom.test and scipy.stats.binomtest), computed in log space so n may be large."""
    if n == 0:
        return 1.0
    if p <= 0.0 or p >= 1.0:
        expected = 0 if p <= 0.0 else n
        return 1.0 if k == expected else 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    lg = math.lgamma

    def log_pmf(i: int) -> float:
        return lg(n + 1) - lg(i + 1) - lg(n - i + 1) + i * log_p + (n - i) * log_q

    observed = log_pmf(k)
    tolerance = math.log1p(1e-7)  # outcomes as likely as k, up to rounding, count too
    total = sum(math.exp(lp) for lp in map(log_pmf, range(n + 1))
                if lp <= observed + tolerance)
    return min(1.0, total)


@dataclass(frozen=True)
class SessionOutcome:
    """One closed session's results, as the monitoring needs them."""

    session_id: str
    institution_id: str
    evaluator_ids: tuple[str, ...]
    occupation_code: str
    level: int
    year: int
    candidates: int
    passed: int


@dataclass(frozen=True)
class PassRate:
    unit: int
    subject: str
    occupation_code: str
    level: int
    year: int
    candidates: int
    passed: int
    reference_candidates: int
    reference_passed: int
    tested: bool
    p_value: float

    @property
    def rate(self) -> float:
        return self.passed / self.candidates if self.candidates else 0.0

    @property
    def reference_rate(self) -> float:
        return self.reference_passed / self.reference_candidates \
            if self.reference_candidates else 0.0

    def anomalous(self, alpha: float) -> bool:
        return self.tested and self.p_value < alpha

    @property
    def key(self) -> str:
        """A stable ASCII-alphanumeric order and page key."""
        code = self.occupation_code.replace("-", "")
        return f"{self.year:04d}{code}{self.level}{self.unit}{self.subject.split('/')[-1]}"


@dataclass(frozen=True)
class Monitoring:
    """The thresholds (accreditation's settings)."""

    alpha: float = 0.001
    min_candidates: int = 20


def pass_rates(outcomes: list[SessionOutcome], monitoring: Monitoring) -> list[PassRate]:
    """Every unit's rate, ordered by key, each against the province minus the unit."""
    province: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    units: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        stratum = (o.occupation_code, o.level, o.year)
        province[stratum][0] += o.candidates
        province[stratum][1] += o.passed
        subjects = [(pb.PASS_RATE_UNIT_SESSION, f"examSessions/{o.session_id}"),
                    (pb.PASS_RATE_UNIT_ORGANISATION_YEAR, f"institutions/{o.institution_id}")]
        subjects += [(pb.PASS_RATE_UNIT_EVALUATOR_YEAR, f"evaluators/{e}")
                     for e in o.evaluator_ids]
        for unit, subject in subjects:
            counts = units[(unit, subject, *stratum)]
            counts[0] += o.candidates
            counts[1] += o.passed
    rates = []
    for (unit, subject, occupation, level, year), (n, k) in units.items():
        total_n, total_k = province[(occupation, level, year)]
        ref_n, ref_k = total_n - n, total_k - k
        tested = n >= monitoring.min_candidates and ref_n >= monitoring.min_candidates
        p_value = binomial_two_sided_p(k, n, ref_k / ref_n) if tested else 1.0
        rates.append(PassRate(unit, subject, occupation, level, year, n, k, ref_n, ref_k,
                              tested, p_value))
    return sorted(rates, key=lambda r: r.key)
