"""Institutions (评价机构 / 培训机构): their lifecycle (INST-1) and the separation of
evaluation from training (INST-2, 考培分离)."""

from dataclasses import dataclass, field
from datetime import datetime

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit.errors import FailedPrecondition, Violations
from servicekit.unitofwork import new_event

# INST-1: APPLIED → SELECTED/REJECTED → ACTIVE → SUSPENDED → REVOKED
TRANSITIONS = {
    pb.INSTITUTION_STATUS_APPLIED: {pb.INSTITUTION_STATUS_SELECTED, pb.INSTITUTION_STATUS_REJECTED},
    pb.INSTITUTION_STATUS_SELECTED: {pb.INSTITUTION_STATUS_ACTIVE, pb.INSTITUTION_STATUS_REJECTED},
    pb.INSTITUTION_STATUS_ACTIVE: {pb.INSTITUTION_STATUS_SUSPENDED, pb.INSTITUTION_STATUS_REVOKED},
    pb.INSTITUTION_STATUS_SUSPENDED: {pb.INSTITUTION_STATUS_ACTIVE, pb.INSTITUTION_STATUS_REVOKED},
}
# an institution in these states no longer holds its role
ENDED = frozenset({pb.INSTITUTION_STATUS_REJECTED, pb.INSTITUTION_STATUS_REVOKED})


def status_label(status: int) -> str:
    return pb.InstitutionStatus.Name(status).removeprefix("INSTITUTION_STATUS_")


def check_separation(other_roles: set[int], role: int) -> None:
    """INST-2 考培分离: one USCC may not hold both the evaluation and the training role."""
    if other_roles - {role}:
        raise FailedPrecondition(
            "INST_2_SEPARATION", "this USCC already holds the other role; an organisation "
            "may not both train and evaluate (考培分离)")


@dataclass(frozen=True)
class NumberingParts:
    """Parts 1–4 of the national certificate number an evaluation organisation issues
    under (coding-rules.md): category letter, ministry code, province, site serial."""

    category: int = 0
    ministry_code: str = ""
    site_serial: str = ""

    def validate(self, v: Violations, role: int) -> None:
        if role == pb.INSTITUTION_ROLE_EVALUATION:
            v.check(self.category in (pb.ORGANISATION_CATEGORY_EMPLOYER,
                                      pb.ORGANISATION_CATEGORY_SOCIAL),
                    "category", "an evaluation organisation needs EMPLOYER (Y) or SOCIAL (S)")
            v.check(len(self.ministry_code) == 4 and self.ministry_code.isascii()
                    and self.ministry_code.isdigit(), "ministry_code",
                    "must be 4 digits (0000 when filed with the province)")
            v.check(len(self.site_serial) == 6 and self.site_serial.isascii()
                    and self.site_serial.isdigit(), "site_serial",
                    "must be 6 digits assigned by the provincial HRSS department")
        else:
            for name, value in (("category", self.category),
                                ("ministry_code", self.ministry_code),
                                ("site_serial", self.site_serial)):
                v.check(not value, name, "applies to evaluation organisations only")

    def prefix(self, region_code: str) -> str:
        """The 13 characters of parts 1–4."""
        letter = "Y" if self.category == pb.ORGANISATION_CATEGORY_EMPLOYER else "S"
        return f"{letter}{self.ministry_code}{region_code[:2]}{self.site_serial}"


@dataclass
class StatusChange:
    """INST-1: every transition with its actor, time and reason."""

    from_status: int
    to_status: int
    actor: str
    reason: str
    changed_at: datetime


@dataclass(eq=False)
class Institution:
    id: str
    display_name: str
    uscc: str
    role: int
    region_code: str
    numbering: NumberingParts
    created_at: datetime
    status: int = pb.INSTITUTION_STATUS_UNSPECIFIED
    history: list[StatusChange] = field(default_factory=list)
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def apply(cls, *, id: str, display_name: str, uscc: str, role: int, region_code: str,
              numbering: NumberingParts, other_roles: set[int], actor: str,
              at: datetime) -> "Institution":
        """A new application (INST-1 APPLIED); INST-2 against the roles the USCC holds."""
        check_separation(other_roles, role)
        institution = cls(id=id, display_name=display_name, uscc=uscc, role=role,
                          region_code=region_code, numbering=numbering, created_at=at)
        institution._move(pb.INSTITUTION_STATUS_APPLIED, actor, "application filed", at)
        return institution

    @property
    def name(self) -> str:
        return f"institutions/{self.id}"

    @property
    def active(self) -> bool:
        return self.status == pb.INSTITUTION_STATUS_ACTIVE

    def change_status(self, target: int, *, actor: str, reason: str, at: datetime,
                      other_roles: set[int]) -> None:
        """INST-1: only the lifecycle's transitions; INST-2 again on (re)activation."""
        if target not in TRANSITIONS.get(self.status, set()):
            raise FailedPrecondition("INST_1_LIFECYCLE", f"an institution cannot go from "
                                     f"{status_label(self.status)} to {status_label(target)}")
        if target == pb.INSTITUTION_STATUS_ACTIVE:
            check_separation(other_roles, self.role)
        self._move(target, actor, reason, at)

    def _move(self, target: int, actor: str, reason: str, at: datetime) -> None:
        previous, self.status = self.status, target
        self.history.append(StatusChange(previous, target, actor, reason, at))
        self.events.append(new_event(
            events_pb2.InstitutionStatusChanged, institution=self.name,
            display_name=self.display_name, uscc=self.uscc, role=self.role,
            from_status=previous, to_status=target, reason=reason))

    def require_active_evaluation_org(self) -> None:
        """ASMT-8: sessions and appointments belong to an ACTIVE evaluation organisation."""
        if self.role != pb.INSTITUTION_ROLE_EVALUATION:
            raise FailedPrecondition("ASMT_8_EVALUATION_ORGANISATION",
                                     "the institution is not an evaluation organisation")
        if not self.active:
            raise FailedPrecondition("ASMT_8_EVALUATION_ORGANISATION",
                                     f"the evaluation organisation is "
                                     f"{status_label(self.status)}, not ACTIVE")

    @property
    def number_prefix(self) -> str:
        return self.numbering.prefix(self.region_code)
