"""Institutions (评价机构 / 培训机构): applications against a public call and their joint
selection by police and human resources (INST-1), the lifecycle with its history, the
separation of evaluation from training (INST-2, 考培分离), quotas (INST-3), the security
training licence (INST-6), the credit blacklist (INST-7), the loss of the training
qualification for poor quality (INST-8), and numbering parts 1–4 (CERT-1)."""

from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit.errors import FailedPrecondition, Violations
from servicekit.unitofwork import new_event

from . import occupations, quotas
from .calls import CallForApplications
from .licences import TrainingLicence

# INST-1: APPLIED → SELECTED/REJECTED → ACTIVE → SUSPENDED → REVOKED
TRANSITIONS = {
    pb.INSTITUTION_STATUS_APPLIED: {pb.INSTITUTION_STATUS_SELECTED, pb.INSTITUTION_STATUS_REJECTED},
    pb.INSTITUTION_STATUS_SELECTED: {pb.INSTITUTION_STATUS_ACTIVE, pb.INSTITUTION_STATUS_REJECTED},
    pb.INSTITUTION_STATUS_ACTIVE: {pb.INSTITUTION_STATUS_SUSPENDED, pb.INSTITUTION_STATUS_REVOKED},
    pb.INSTITUTION_STATUS_SUSPENDED: {pb.INSTITUTION_STATUS_ACTIVE, pb.INSTITUTION_STATUS_REVOKED},
}
# an institution in these states no longer holds its role
ENDED = frozenset({pb.INSTITUTION_STATUS_REJECTED, pb.INSTITUTION_STATUS_REVOKED})
# INST-3: the places these hold count against a quota
HOLDING = frozenset({pb.INSTITUTION_STATUS_SELECTED, pb.INSTITUTION_STATUS_ACTIVE,
                     pb.INSTITUTION_STATUS_SUSPENDED})
# INST-1: reached only through both departments' decisions (DecideApplication)
JOINTLY_DECIDED = frozenset({pb.INSTITUTION_STATUS_SELECTED, pb.INSTITUTION_STATUS_REJECTED})
# INST-1 联合遴选: the departments that must each approve (tokens.DEPARTMENTS)
DEPARTMENTS = {"police": pb.DEPARTMENT_POLICE, "human_resources": pb.DEPARTMENT_HUMAN_RESOURCES}


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

    def require_unclaimed(self, region_code: str, uscc: str, holder_uscc: str | None) -> None:
        """CERT-1: parts 1–4 name one organisation's serial series; another organisation
        (another USCC) may not be given the same ones."""
        if holder_uscc is not None and holder_uscc != uscc:
            raise FailedPrecondition(
                "CERT_1_NUMBERING_TAKEN", f"numbering parts 1–4 {self.prefix(region_code)} "
                "belong to another evaluation organisation; two organisations cannot share "
                "one serial series")

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


@dataclass(frozen=True)
class SelectionDecision:
    """INST-1: one department's decision on an application."""

    department: int
    outcome: int
    actor: str
    reason: str
    decided_at: datetime


@dataclass(frozen=True)
class BlacklistEntry:
    """INST-7 信用黑名单."""

    reason: str
    evidence: str
    actor: str
    qualification_revoked: bool
    blacklisted_at: datetime


@dataclass(frozen=True)
class QualityAssessment:
    """INST-8: the assessment that finds poor quality, with its findings."""

    assess_date: date
    findings: tuple[str, ...]
    qualification_withdrawn: bool
    actor: str
    recorded_at: datetime


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
    call_id: str = ""
    occupation_codes: tuple[str, ...] = ()
    legal_representative: str = ""
    parent_uscc: str = ""
    decisions: list[SelectionDecision] = field(default_factory=list)
    licences: list[TrainingLicence] = field(default_factory=list)
    blacklist: list[BlacklistEntry] = field(default_factory=list)
    quality_assessments: list[QualityAssessment] = field(default_factory=list)
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def apply(cls, *, id: str, display_name: str, uscc: str, role: int, region_code: str,
              numbering: NumberingParts, other_roles: set[int], actor: str, at: datetime,
              call: CallForApplications, today: date, occupation_codes: tuple[str, ...] = (),
              legal_representative: str = "", parent_uscc: str = "") -> "Institution":
        """A new application against an open call (INST-1 APPLIED); INST-2 against the
        roles the USCC holds."""
        call.require_open(today)
        call.require_answers(role, occupation_codes, region_code)
        check_separation(other_roles, role)
        institution = cls(id=id, display_name=display_name, uscc=uscc, role=role,
                          region_code=region_code, numbering=numbering, created_at=at,
                          call_id=call.id, occupation_codes=tuple(occupation_codes),
                          legal_representative=legal_representative, parent_uscc=parent_uscc)
        institution._move(pb.INSTITUTION_STATUS_APPLIED, actor, "application filed", at)
        return institution

    @property
    def name(self) -> str:
        return f"institutions/{self.id}"

    @property
    def active(self) -> bool:
        return self.status == pb.INSTITUTION_STATUS_ACTIVE

    @property
    def blacklisted(self) -> bool:
        return bool(self.blacklist)

    def require_active(self, rule: str) -> None:
        """The institution must be ACTIVE (and not blacklisted) for the step `rule` names:
        every step that acts for an institution calls it, not only the first."""
        if not self.active:
            raise FailedPrecondition(rule, f"{self.name} is {status_label(self.status)}, "
                                     "not ACTIVE", institution=self.name)
        self.require_not_blacklisted()

    def require_not_blacklisted(self) -> None:
        """INST-7: a blacklisted institution is not selected and opens no exam session or
        training class."""
        if self.blacklisted:
            raise FailedPrecondition("INST_7_BLACKLISTED", f"{self.name} is on the credit "
                                     "blacklist (信用黑名单)", institution=self.name)

    # INST-1 joint selection

    def decide(self, *, department: str, outcome: int, actor: str, reason: str, at: datetime,
               today: date, other_roles: set[int],
               quota: dict[str, tuple[quotas.PhaseRule | None, list[str]]]) -> None:
        """One department's decision (INST-1). SELECTED once police and human resources
        have both approved — within the quota of each of its occupations (INST-3:
        `quota` maps an occupation to its phase's rule and the other holders), only a valid licence holder for
        保安员 (INST-6), never a blacklisted institution (INST-7), never both roles
        (INST-2); REJECTED as soon as one department rejects."""
        if self.status != pb.INSTITUTION_STATUS_APPLIED:
            raise FailedPrecondition("INST_1_LIFECYCLE", f"{self.name} is "
                                     f"{status_label(self.status)}; only an application "
                                     "is decided")
        if department not in DEPARTMENTS:
            raise FailedPrecondition("INST_1_DEPARTMENT", "the token names no department; "
                                     "police and human resources decide jointly, each with "
                                     "a token naming its department")
        dept = DEPARTMENTS[department]
        if any(d.department == dept for d in self.decisions):
            raise FailedPrecondition("INST_1_ALREADY_DECIDED", f"{department} has already "
                                     "decided on this application")
        if any(d.actor == actor for d in self.decisions):  # joint: two officers, not one
            raise FailedPrecondition("INST_1_ALREADY_DECIDED", "this officer has already "
                                     "decided for the other department")
        approved = outcome == pb.SELECTION_OUTCOME_APPROVED
        if approved:
            self.require_not_blacklisted()
            check_separation(other_roles, self.role)
            self.require_licence_for_guard_pilot(today)
        self.decisions.append(SelectionDecision(dept, outcome, actor, reason, at))
        if not approved:
            self._move(pb.INSTITUTION_STATUS_REJECTED, actor, f"{department}: {reason}", at)
        elif {d.department for d in self.decisions
              if d.outcome == pb.SELECTION_OUTCOME_APPROVED} == set(DEPARTMENTS.values()):
            if self.role == pb.INSTITUTION_ROLE_TRAINING:
                for code in self.occupation_codes:
                    rule, holders = quota.get(code, (None, []))
                    quotas.check_quota(rule, occupation_code=code, region_code=self.region_code,
                                       holders=holders)
            self._move(pb.INSTITUTION_STATUS_SELECTED, actor,
                       "; ".join(f"{pb.Department.Name(d.department)}: {d.reason}"
                                 for d in self.decisions), at)

    def require_licence_for_guard_pilot(self, day: date) -> None:
        """INST-6: a 保安员 training/appraisal pilot unit holds a 保安培训许可证 valid on
        the day it is selected."""
        if self.role == pb.INSTITUTION_ROLE_TRAINING and occupations.GUARD in \
                self.occupation_codes and not any(lic.valid_on(day) for lic in self.licences):
            raise FailedPrecondition("INST_6_NO_LICENCE", "a 保安员 training unit is "
                                     f"selected only with a 保安培训许可证 valid on {day}",
                                     institution=self.name)

    def change_status(self, target: int, *, actor: str, reason: str, at: datetime,
                      other_roles: set[int], result_published: bool = False) -> None:
        """INST-1: only the lifecycle's transitions; selection and rejection only jointly
        (`decide`), confirmation only after the call's result is published; INST-2 again
        and INST-7 on (re)activation."""
        if target in JOINTLY_DECIDED:
            raise FailedPrecondition("INST_1_JOINT_SELECTION", "an institution is selected or "
                                     "rejected by police and human resources jointly "
                                     "(DecideApplication by each department)")
        if target not in TRANSITIONS.get(self.status, set()):
            raise FailedPrecondition("INST_1_LIFECYCLE", f"an institution cannot go from "
                                     f"{status_label(self.status)} to {status_label(target)}")
        if target == pb.INSTITUTION_STATUS_ACTIVE:
            if self.status == pb.INSTITUTION_STATUS_SELECTED and not result_published:
                raise FailedPrecondition("INST_1_RESULT_NOT_PUBLISHED", "a selected "
                                         "institution is confirmed only after the call's "
                                         "result is published")
            self.require_not_blacklisted()
            check_separation(other_roles, self.role)
        self._move(target, actor, reason, at)

    def _move(self, target: int, actor: str, reason: str, at: datetime) -> None:
        previous, self.status = self.status, target
        self.history.append(StatusChange(previous, target, actor, reason, at))
        self.events.append(new_event(
            events_pb2.InstitutionStatusChanged, institution=self.name,
            display_name=self.display_name, uscc=self.uscc, role=self.role,
            from_status=previous, to_status=target, reason=reason))

    # INST-6, INST-7, INST-8

    def record_licence(self, licence: TrainingLicence) -> None:
        if self.role != pb.INSTITUTION_ROLE_TRAINING:
            raise FailedPrecondition("INST_6_NOT_TRAINING", "a 保安培训许可证 is held by "
                                     "training institutions")
        self.licences.append(licence)

    def put_on_blacklist(self, *, reason: str, evidence: str, revoke: bool, actor: str,
                         at: datetime) -> None:
        """INST-7: on the credit blacklist; with `revoke`, an ACTIVE or SUSPENDED
        institution also loses its qualification (REVOKED)."""
        revoked = revoke and self.status in (pb.INSTITUTION_STATUS_ACTIVE,
                                             pb.INSTITUTION_STATUS_SUSPENDED)
        self.blacklist.append(BlacklistEntry(reason, evidence, actor, revoked, at))
        if revoked:
            self._move(pb.INSTITUTION_STATUS_REVOKED, actor, f"INST-7 blacklisted: {reason}", at)
        self.events.append(new_event(
            events_pb2.InstitutionBlacklisted, institution=self.name, uscc=self.uscc,
            role=self.role, reason=reason, evidence=evidence, qualification_revoked=revoked))

    def assess_quality(self, *, assess_date: date, findings: tuple[str, ...], withdraw: bool,
                       actor: str, at: datetime) -> None:
        """INST-8: a training institution's quality assessment, recorded with its
        findings; withdrawing the training qualification (REVOKED) needs findings and a
        qualification to withdraw."""
        if self.role != pb.INSTITUTION_ROLE_TRAINING:
            raise FailedPrecondition("INST_8_NOT_TRAINING", "the training qualification "
                                     "is a training institution's")
        if withdraw:
            if not findings:
                raise FailedPrecondition("INST_8_NO_FINDINGS", "a training qualification "
                                         "is withdrawn only on recorded findings")
            if self.status not in (pb.INSTITUTION_STATUS_ACTIVE,
                                   pb.INSTITUTION_STATUS_SUSPENDED):
                raise FailedPrecondition("INST_8_NOT_QUALIFIED", f"{self.name} is "
                                         f"{status_label(self.status)}: it holds no "
                                         "qualification to withdraw")
        self.quality_assessments.append(QualityAssessment(assess_date, tuple(findings),
                                                          withdraw, actor, at))
        if withdraw:
            self._move(pb.INSTITUTION_STATUS_REVOKED, actor,
                       f"INST-8 poor quality, assessed {assess_date}: " + "; ".join(findings),
                       at)

    def require_active_evaluation_org(self) -> None:
        """ASMT-8: sessions and appointments belong to an ACTIVE evaluation organisation
        that is not blacklisted (INST-7)."""
        if self.role != pb.INSTITUTION_ROLE_EVALUATION:
            raise FailedPrecondition("ASMT_8_EVALUATION_ORGANISATION",
                                     "the institution is not an evaluation organisation")
        self.require_active("ASMT_8_EVALUATION_ORGANISATION")

    @property
    def number_prefix(self) -> str:
        return self.numbering.prefix(self.region_code)
