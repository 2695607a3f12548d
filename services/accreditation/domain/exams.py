"""Exam sessions (鉴定考试): levels per occupation (ASMT-1), scoring and the pass mark
(ASMT-2), the theory exemption (ASMT-3), the 保安员证 requirement (ASMT-4), and closing,
after which results are final and each passer is announced (ASMT-8)."""

from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit import dates
from servicekit.errors import AlreadyExists, FailedPrecondition, NotFound, Violations
from servicekit.unitofwork import new_event

from . import occupations
from .evaluators import AssessmentSchedule, Evaluator
from .institutions import Institution

PASS_MARK = 60  # ASMT-2


def validate_occupation_level(v: Violations, occupation_code: str, level: int) -> None:
    """ASMT-1: the level must exist for the occupation (保卫管理员 has 三级–一级 only)."""
    occupation = occupations.find(occupation_code)
    if occupation is None:
        v.add("occupation_code", "unknown occupation code")
    elif level not in occupation.levels:
        v.add("level", f"ASMT-1: {occupation.name} {occupation.code} has levels "
                       f"{', '.join(map(str, sorted(occupation.levels, reverse=True)))} only")


@dataclass(frozen=True)
class PersonFacts:
    """What registry tells accreditation about a candidate (masked)."""

    person_id: str
    full_name: str
    resident_id_masked: str
    guard_certificate_date: date | None


def theory_exempt(occupation_code: str, level: int, guard_certificate_date: date | None,
                  exam_date: date, exemption_years: int) -> bool:
    """Checks ASMT-4 and returns whether the theory exam is exempt (ASMT-3)."""
    if occupation_code != occupations.GUARD:
        return False
    if guard_certificate_date is None or guard_certificate_date > exam_date:
        raise FailedPrecondition("ASMT_4_GUARD_CERTIFICATE",
                                 "a 保安员 candidate must hold a 保安员证 on the exam date")
    return level == 5 and dates.add_years(exam_date, -exemption_years) <= guard_certificate_date


@dataclass(frozen=True)
class Scores:
    theory: int | None
    skill: int | None
    review: int | None

    def validate(self, v: Violations, *, level: int, theory_exempt: bool) -> None:
        """ASMT-2 (and ASMT-3): which components a candidate sits, each scored 0–100."""
        for name, value in (("theory_score", self.theory), ("skill_score", self.skill),
                            ("review_score", self.review)):
            if value is not None:
                v.check(0 <= value <= 100, name, "must be 0 to 100")
        if theory_exempt:
            v.check(self.theory is None, "theory_score",
                    "ASMT-3: this candidate is exempt from the theory exam")
        else:
            v.check(self.theory is not None, "theory_score", "is required")
        v.check(self.skill is not None, "skill_score", "is required")
        if level <= 2:
            v.check(self.review is not None, "review_score",
                    "ASMT-2: levels 2 and 1 require the comprehensive review (综合评审)")
        else:
            v.check(self.review is None, "review_score",
                    "ASMT-2: only levels 2 and 1 have a comprehensive review")

    def result(self, *, level: int, theory_exempt: bool) -> int:
        """ASMT-2: every component sat must reach the pass mark."""
        parts = [self.skill] + ([] if theory_exempt else [self.theory]) + \
            ([self.review] if level <= 2 else [])
        passed = all(p is not None and p >= PASS_MARK for p in parts)
        return pb.ASSESSMENT_RESULT_PASSED if passed else pb.ASSESSMENT_RESULT_FAILED


@dataclass(frozen=True)
class ScoreEntry:
    """One entry of a candidate's scores, kept when a later one replaces it: what was
    entered, the result it gave, who entered it and when."""

    scores: Scores
    result: int
    actor: str
    at: datetime


@dataclass(eq=False)
class Candidate:
    id: str
    session_id: str
    person_id: str
    full_name: str
    resident_id_masked: str
    theory_exempt: bool
    scores: Scores = Scores(None, None, None)
    result: int = pb.ASSESSMENT_RESULT_PENDING
    score_history: list[ScoreEntry] = field(default_factory=list)  # oldest first
    trained_by_id: str = ""  # the institution that trained the candidate (EVAL-5)

    @property
    def name(self) -> str:
        return f"examSessions/{self.session_id}/candidates/{self.id}"


@dataclass(eq=False)
class ExamSession:
    id: str
    institution_id: str
    occupation_code: str
    level: int
    exam_date: date
    created_at: datetime
    state: int = pb.EXAM_SESSION_STATE_OPEN
    closed_at: datetime | None = None
    evaluator_ids: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def open(cls, *, id: str, institution: Institution, occupation_code: str, level: int,
             exam_date: date, at: datetime) -> "ExamSession":
        institution.require_active_evaluation_org()
        return cls(id=id, institution_id=institution.id, occupation_code=occupation_code,
                   level=level, exam_date=exam_date, created_at=at)

    @property
    def name(self) -> str:
        return f"examSessions/{self.id}"

    def _require_open(self) -> None:
        if self.state != pb.EXAM_SESSION_STATE_OPEN:
            raise FailedPrecondition("ASMT_8_SESSION_CLOSED",
                                     "the exam session is closed; its results are final")

    def assign(self, evaluator: Evaluator, schedule: AssessmentSchedule) -> None:
        """EVAL-5 on the session's exam date, and no conflict with a candidate already
        enrolled; assigning twice changes nothing."""
        self._require_open()
        evaluator.require_assignable(institution_id=self.institution_id,
                                     occupation_code=self.occupation_code, level=self.level,
                                     exam_date=self.exam_date, schedule=schedule)
        evaluator.require_no_conflict(c.trained_by_id for c in self.candidates)
        if evaluator.id not in self.evaluator_ids:
            self.evaluator_ids.append(evaluator.id)
            self.evaluator_ids.sort()

    def enrol(self, *, candidate_id: str, person: PersonFacts, exemption_years: int,
              trained_by_id: str = "", evaluators: list[Evaluator] = ()) -> Candidate:
        """`evaluators`: those assigned, for the EVAL-5 conflict of interest."""
        self._require_open()
        for evaluator in evaluators:
            evaluator.require_no_conflict([trained_by_id] if trained_by_id else [])
        exempt = theory_exempt(self.occupation_code, self.level,
                               person.guard_certificate_date, self.exam_date, exemption_years)
        existing = next((c for c in self.candidates if c.person_id == person.person_id), None)
        if existing is not None:
            raise AlreadyExists(f"already enrolled as {existing.name}")
        candidate = Candidate(id=candidate_id, session_id=self.id, person_id=person.person_id,
                              full_name=person.full_name,
                              resident_id_masked=person.resident_id_masked,
                              theory_exempt=exempt, trained_by_id=trained_by_id)
        self.candidates.append(candidate)
        return candidate

    def candidate(self, candidate_id: str) -> Candidate:
        found = next((c for c in self.candidates if c.id == candidate_id), None)
        if found is None:
            raise NotFound(f"{self.name}/candidates/{candidate_id} does not exist")
        return found

    def record_scores(self, candidate_id: str, scores: Scores, *, actor: str,
                      at: datetime) -> Candidate:
        """Replaces the candidate's scores; the earlier entries stay in its history."""
        self._require_open()
        candidate = self.candidate(candidate_id)
        v = Violations()
        scores.validate(v, level=self.level, theory_exempt=candidate.theory_exempt)
        v.raise_if_any()
        candidate.scores = scores
        candidate.result = scores.result(level=self.level,
                                         theory_exempt=candidate.theory_exempt)
        candidate.score_history.append(ScoreEntry(scores, candidate.result, actor, at))
        return candidate

    def close(self, institution: Institution, at: datetime) -> None:
        """ASMT-8: results are final only when examined by assigned evaluators and
        complete; each passer gets one AssessmentPassed."""
        self._require_open()
        if not self.evaluator_ids:
            raise FailedPrecondition("ASMT_8_NO_EVALUATOR",
                                     "no evaluator is assigned to the session")
        unscored = sum(c.result == pb.ASSESSMENT_RESULT_PENDING for c in self.candidates)
        if unscored:
            raise FailedPrecondition("ASMT_8_UNSCORED",
                                     f"{unscored} candidate(s) have no scores yet")
        occupation = occupations.find(self.occupation_code)
        self.state, self.closed_at = pb.EXAM_SESSION_STATE_CLOSED, at
        for c in self.candidates:
            if c.result != pb.ASSESSMENT_RESULT_PASSED:
                continue
            event = new_event(
                events_pb2.AssessmentPassed, candidate=c.name, person=f"persons/{c.person_id}",
                holder_name=c.full_name, resident_id_masked=c.resident_id_masked,
                occupation_code=self.occupation_code, occupation_name=occupation.name,
                level=self.level, institution=institution.name,
                organisation_name=institution.display_name,
                organisation_prefix=institution.number_prefix,
                region_code=institution.region_code,
                exam_date=dates.to_proto(self.exam_date))
            event.close_time.FromDatetime(at)
            self.events.append(event)
