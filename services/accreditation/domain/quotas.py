"""Quotas of training institutions (INST-3): in the pilot phase at most a number
province-wide, in the promotion phase at most a number per prefecture-level city. Which
phase a province is in for an occupation, and each phase's limit, are reference data
(data/quotas.json, overridden per province by SetQuotaPhase) — the notice leaves both
to the province."""

import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit.errors import FailedPrecondition

PER_PROVINCE, PER_PREFECTURE = "province", "prefecture"


@dataclass(frozen=True)
class PhaseRule:
    per: str      # PER_PROVINCE or PER_PREFECTURE
    limit: int


@dataclass(frozen=True)
class QuotaTable:
    """The reference data: each phase's rule, and the phase of (province, occupation)
    where no admin has set one."""

    phases: dict[int, PhaseRule]
    defaults: dict[tuple[str, str], int]

    def rule(self, phase: int) -> PhaseRule | None:
        return self.phases.get(phase)


def parse_table(text: str) -> QuotaTable:
    data = json.loads(text)
    phases = {pb.QuotaPhaseKind.Value(f"QUOTA_PHASE_KIND_{name}"):
              PhaseRule(rule["per"], int(rule["limit"]))
              for name, rule in data["phases"].items()}
    for rule in phases.values():
        if rule.per not in (PER_PROVINCE, PER_PREFECTURE) or rule.limit < 0:
            raise ValueError(f"bad quota rule {rule}")
    defaults = {(d["province_code"], d["occupation_code"]):
                pb.QuotaPhaseKind.Value(f"QUOTA_PHASE_KIND_{d['phase']}")
                for d in data["defaults"]}
    return QuotaTable(phases, defaults)


@cache
def load_table(path: str = "") -> QuotaTable:
    """data/quotas.json, or the file a setting names (a province's own table)."""
    text = Path(path).read_text(encoding="utf-8") if path else resources.files(
        "services.accreditation").joinpath("data", "quotas.json").read_text(encoding="utf-8")
    return parse_table(text)


def province_code(region_code: str) -> str:
    return f"{region_code[:2]}0000"


@dataclass
class QuotaPhase:
    province_code: str
    occupation_code: str
    phase: int
    setter: str = ""
    set_at: datetime | None = None

    @property
    def name(self) -> str:
        return f"quotaPhases/{self.province_code}/{self.occupation_code}"


def scope_prefix(rule: PhaseRule, region_code: str) -> str:
    """The divisions one quota covers: the province, or the institution's city."""
    return region_code[:2] if rule.per == PER_PROVINCE else region_code[:4]


def check_quota(rule: PhaseRule | None, *, occupation_code: str, region_code: str,
                holders: list[str]) -> None:
    """INST-3: `holders` are the other training institutions of the occupation holding or
    about to hold the role in the quota's scope; one more must stay within the limit."""
    if rule is None:
        return
    if len(holders) >= rule.limit:
        where = "province-wide" if rule.per == PER_PROVINCE else \
            f"in the prefecture-level city {region_code[:4]}00"
        raise FailedPrecondition(
            "INST_3_QUOTA", f"at most {rule.limit} training institution(s) for "
            f"{occupation_code} {where} in this phase; already {len(holders)}",
            occupation=occupation_code)
