"""How each occupation and level is assessed and certified, as reference data
(data/assessment.toml): the exam mode (ASMT-6), the skill modules (ASMT-7), which
occupations sit computer-based exams only at registered national sites (ASMT-10), and who
issues the certificate (CERT-5)."""

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit import divisions
from servicekit.errors import FailedPrecondition

from . import occupations

MODES = {"computer_based": pb.EXAM_MODE_COMPUTER_BASED,
         "written_and_defense": pb.EXAM_MODE_WRITTEN_AND_DEFENSE}
ISSUERS = {"hr_department": pb.CERTIFICATE_ISSUER_HR_DEPARTMENT,
           "evaluation_organisation": pb.CERTIFICATE_ISSUER_EVALUATION_ORGANISATION}


@dataclass(frozen=True)
class Issuer:
    kind: int   # CertificateIssuer
    name: str


@dataclass(frozen=True)
class Assessment:
    modes: dict[tuple[str, int], int]           # (occupation, level) → ExamMode
    modules: dict[str, tuple[str, ...]]         # occupation → module names
    site_occupations: frozenset[str]
    issuers: dict[str, int]                     # occupation → CertificateIssuer
    hr_department_name: str                     # with {province}

    def mode(self, occupation_code: str, level: int) -> int:
        """ASMT-6: the level's exam mode; a level without one takes no session."""
        mode = self.modes.get((occupation_code, level))
        if mode is None:
            raise FailedPrecondition("ASMT_6_NO_EXAM_MODE", f"no exam mode is configured "
                                     f"for {occupation_code} level {level}")
        return mode

    def needs_registered_site(self, occupation_code: str, mode: int) -> bool:
        """ASMT-10: computer-based exams of these occupations only at registered sites."""
        return mode == pb.EXAM_MODE_COMPUTER_BASED and occupation_code in self.site_occupations

    def issuer(self, occupation_code: str, *, organisation_name: str,
               region_code: str) -> Issuer:
        """CERT-5: the provincial HRSS department, or the evaluation organisation."""
        kind = self.issuers.get(occupation_code)
        if kind is None:
            raise FailedPrecondition("CERT_5_NO_ISSUER", f"no certificate issuer is "
                                     f"configured for {occupation_code}")
        if kind == pb.CERTIFICATE_ISSUER_EVALUATION_ORGANISATION:
            return Issuer(kind, organisation_name)
        province = divisions.division_name(f"{region_code[:2]}0000") or region_code[:2]
        return Issuer(kind, self.hr_department_name.format(province=province))


def parse(text: str) -> Assessment:
    """The assessment data; ValueError on a malformed file (the service does not start)."""
    data = tomllib.loads(text)
    modes = {}
    for code, levels in data.get("modes", {}).items():
        occupation = occupations.find(code)
        for level, mode in levels.items():
            if occupation is None or int(level) not in occupation.levels:
                raise ValueError(f"modes: {code} has no level {level}")
            modes[(code, int(level))] = MODES[mode]
    modules = {code: tuple(names) for code, names in data.get("modules", {}).items()}
    if any(len(set(m)) != len(m) or not m for m in modules.values()):
        raise ValueError("modules: each occupation lists distinct module names")
    issuers = {code: ISSUERS[kind] for code, kind in data.get("issuers", {}).items()}
    return Assessment(modes, modules,
                      frozenset(data.get("exam_sites", {}).get("occupations", [])), issuers,
                      data["issuer_names"]["hr_department"])


@cache
def load(path: str = "") -> Assessment:
    """From `path`, or the packaged data/assessment.toml."""
    if path:
        return parse(Path(path).read_text(encoding="utf-8"))
    return parse(resources.files("services.accreditation").joinpath(
        "data", "assessment.toml").read_text(encoding="utf-8"))
