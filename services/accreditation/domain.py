"""accreditation's rules, pure: institution lifecycle and separation, evaluator
appointment and assignment, exam eligibility and scoring. Each rule names its ID."""

from dataclasses import dataclass
from datetime import date

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit import dates
from servicekit.errors import FailedPrecondition, Violations

from . import occupations

PASS_MARK = 60  # ASMT-2

# INST-1: APPLIED → SELECTED/REJECTED → ACTIVE → SUSPENDED → REVOKED
TRANSITIONS = {
    pb.INSTITUTION_STATUS_APPLIED: {pb.INSTITUTION_STATUS_SELECTED, pb.INSTITUTION_STATUS_REJECTED},
    pb.INSTITUTION_STATUS_SELECTED: {pb.INSTITUTION_STATUS_ACTIVE, pb.INSTITUTION_STATUS_REJECTED},
    pb.INSTITUTION_STATUS_ACTIVE: {pb.INSTITUTION_STATUS_SUSPENDED, pb.INSTITUTION_STATUS_REVOKED},
    pb.INSTITUTION_STATUS_SUSPENDED: {pb.INSTITUTION_STATUS_ACTIVE, pb.INSTITUTION_STATUS_REVOKED},
}
# an institution in these states no longer holds its role
ENDED = {pb.INSTITUTION_STATUS_REJECTED, pb.INSTITUTION_STATUS_REVOKED}


def status_label(status: int) -> str:
    return pb.InstitutionStatus.Name(status).removeprefix("INSTITUTION_STATUS_")


def check_transition(current: int, target: int) -> None:
    """INST-1: only the lifecycle's transitions are allowed."""
    if target not in TRANSITIONS.get(current, set()):
        raise FailedPrecondition("INST_1_LIFECYCLE", f"an institution cannot go from "
                                 f"{status_label(current)} to {status_label(target)}")


def check_separation(held_roles: set[int], new_role: int) -> None:
    """INST-2 考培分离: one USCC may not hold both the evaluation and the training role."""
    if held_roles - {new_role}:
        raise FailedPrecondition(
            "INST_2_SEPARATION", "this USCC already holds the other role; an organisation may not both "
            "train and evaluate (考培分离)")


def validate_numbering_parts(v: Violations, role: int, category: int, ministry_code: str,
                             site_serial: str) -> None:
    """An evaluation organisation carries parts 1–4 of its certificate numbers."""
    if role == pb.INSTITUTION_ROLE_EVALUATION:
        v.check(category in (pb.ORGANISATION_CATEGORY_EMPLOYER, pb.ORGANISATION_CATEGORY_SOCIAL),
                "category", "an evaluation organisation needs EMPLOYER (Y) or SOCIAL (S)")
        v.check(len(ministry_code) == 4 and ministry_code.isdigit(), "ministry_code",
                "must be 4 digits (0000 when filed with the province)")
        v.check(len(site_serial) == 6 and site_serial.isdigit(), "site_serial",
                "must be 6 digits assigned by the provincial HRSS department")
    else:
        for name, value in (("category", category), ("ministry_code", ministry_code),
                            ("site_serial", site_serial)):
            v.check(not value, name, "applies to evaluation organisations only")


def number_prefix(category: int, ministry_code: str, region_code: str, site_serial: str) -> str:
    """Parts 1–4 of the national certificate number (coding-rules.md), 13 characters."""
    letter = "Y" if category == pb.ORGANISATION_CATEGORY_EMPLOYER else "S"
    return f"{letter}{ministry_code}{region_code[:2]}{site_serial}"


def require_active_evaluation_org(role: int, status: int) -> None:
    """ASMT-8: sessions and appointments belong to an ACTIVE evaluation organisation."""
    if role != pb.INSTITUTION_ROLE_EVALUATION:
        raise FailedPrecondition("ASMT_8_EVALUATION_ORGANISATION", "the institution is not an evaluation organisation")
    if status != pb.INSTITUTION_STATUS_ACTIVE:
        raise FailedPrecondition("ASMT_8_EVALUATION_ORGANISATION", f"the evaluation organisation is "
                                 f"{status_label(status)}, not ACTIVE")


def validate_occupation_level(v: Violations, occupation_code: str, level: int) -> None:
    """ASMT-1: the level must exist for the occupation (保卫管理员 has 三级–一级 only)."""
    occupation = occupations.find(occupation_code)
    if occupation is None:
        v.add("occupation_code", "unknown occupation code")
    elif level not in occupation.levels:
        v.add("level", f"ASMT-1: {occupation.name} {occupation.code} has levels "
                       f"{', '.join(map(str, sorted(occupation.levels, reverse=True)))} only")


def term_end(start: date, years: int) -> date:
    """EVAL-1: the appointment ends `years` later (exclusive)."""
    return dates.add_years(start, years)


def require_pre_appointment_training(passed_dates: list[date], appoint_on: date) -> None:
    """EVAL-2 聘前培训上岗: a passed pre-appointment training completed by the start."""
    if not any(d <= appoint_on for d in passed_dates):
        raise FailedPrecondition("EVAL_2_PRE_APPOINTMENT_TRAINING", "the person has no passed pre-appointment training "
                                 "(聘前培训) completed by the term start")


@dataclass(frozen=True)
class EvaluatorFacts:
    status: int
    institution_id: str
    term_start: date
    term_end: date


def require_assignable(evaluator: EvaluatorFacts, session_institution: str, on: date) -> None:
    """EVAL-5: appointed, in term, and appointed by the organisation running the session."""
    if evaluator.status != pb.EVALUATOR_STATUS_APPOINTED:
        raise FailedPrecondition("EVAL_5_NOT_APPOINTED", "the evaluator is not currently appointed")
    if not evaluator.term_start <= on < evaluator.term_end:
        raise FailedPrecondition("EVAL_5_OUT_OF_TERM", f"the exam date {on} is outside the evaluator's "
                                 f"term {evaluator.term_start}–{evaluator.term_end}")
    if evaluator.institution_id != session_institution:
        raise FailedPrecondition("EVAL_5_OTHER_ORGANISATION", "the evaluator is appointed by another organisation")


def require_open(state: int) -> None:
    if state != pb.EXAM_SESSION_STATE_OPEN:
        raise FailedPrecondition("ASMT_8_SESSION_CLOSED", "the exam session is closed; its results are final")


def eligibility(occupation_code: str, level: int, guard_certificate_date: date | None,
                exam_date: date, exemption_years: int) -> bool:
    """Checks ASMT-4 and returns whether the theory exam is exempt (ASMT-3)."""
    if occupation_code != occupations.GUARD:
        return False
    if guard_certificate_date is None:
        raise FailedPrecondition("ASMT_4_GUARD_CERTIFICATE", "a 保安员 candidate must hold a 保安员证")
    return level == 5 and dates.add_years(exam_date, -exemption_years) <= guard_certificate_date


@dataclass(frozen=True)
class Scores:
    theory: int | None
    skill: int | None
    review: int | None


def validate_scores(v: Violations, scores: Scores, *, level: int, theory_exempt: bool) -> None:
    """ASMT-2 (and ASMT-3): which components a candidate sits, each scored 0–100."""
    for name, value in (("theory_score", scores.theory), ("skill_score", scores.skill),
                        ("review_score", scores.review)):
        if value is not None:
            v.check(0 <= value <= 100, name, "must be 0 to 100")
    if theory_exempt:
        v.check(scores.theory is None, "theory_score",
                "ASMT-3: this candidate is exempt from the theory exam")
    else:
        v.check(scores.theory is not None, "theory_score", "is required")
    v.check(scores.skill is not None, "skill_score", "is required")
    if level <= 2:
        v.check(scores.review is not None, "review_score",
                "ASMT-2: levels 2 and 1 require the comprehensive review (综合评审)")
    else:
        v.check(scores.review is None, "review_score",
                "ASMT-2: only levels 2 and 1 have a comprehensive review")


def result_of(scores: Scores, *, level: int, theory_exempt: bool) -> int:
    """ASMT-2: every component sat must reach the pass mark."""
    parts = [scores.skill] + ([] if theory_exempt else [scores.theory]) + \
        ([scores.review] if level <= 2 else [])
    passed = all(p is not None and p >= PASS_MARK for p in parts)
    return pb.ASSESSMENT_RESULT_PASSED if passed else pb.ASSESSMENT_RESULT_FAILED


def require_closable(evaluator_count: int, unscored: int) -> None:
    """ASMT-8: results are final only when examined by assigned evaluators and complete."""
    if evaluator_count == 0:
        raise FailedPrecondition("ASMT_8_NO_EVALUATOR", "no evaluator is assigned to the session")
    if unscored:
        raise FailedPrecondition("ASMT_8_UNSCORED", f"{unscored} candidate(s) have no scores yet")
