"""Exam sessions (鉴定考试): levels per occupation (ASMT-1), scoring and the pass mark
(ASMT-2), the theory exemption (ASMT-3), the 保安员证 requirement (ASMT-4), eligibility at
enrolment (ASMT-5, domain/eligibility.py), the exam mode (ASMT-6) and site (ASMT-10), the
skill modules (ASMT-7), the two-stage review of each application (ASMT-9), the launched
levels (ASMT-11), and the session's way to its results: scored by its assigned evaluators,
signed off by the organisation, checked by the province (CERT-5), closed — after which
results are final and each passer is announced (ASMT-8), except through an appeal."""

from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit import dates
from servicekit.errors import (AlreadyExists, FailedPrecondition, NotFound, PermissionDenied,
                               Violations)
from servicekit.unitofwork import new_event

from . import occupations
from .assessment import Issuer
from .eligibility import DeclaredFact, Eligibility, HeldCertificate
from .evaluators import AssessmentSchedule, Evaluator
from .institutions import Institution
from .launches import province_of, require_launched
from .sites import ExamSite

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


def require_in_good_standing(institution: Institution) -> None:
    """ASMT-8: every step of a session (assignment, enrolment, review, scoring, sign-off,
    check, close, appeal) needs its organisation ACTIVE as an evaluation organisation; a
    suspended or revoked one cannot go on. The one place the steps ask it."""
    institution.require_active_evaluation_org()


@dataclass(frozen=True)
class Scores:
    theory: int | None
    skill: int | None
    review: int | None
    modules: tuple[tuple[str, int], ...] = ()  # ASMT-7, (module, score), with the skill score

    def validate(self, v: Violations, *, level: int, theory_exempt: bool) -> None:
        """ASMT-2 (and ASMT-3): which components a candidate sits, each scored 0–100."""
        for name, value in (("theory_score", self.theory), ("skill_score", self.skill),
                            ("review_score", self.review)):
            if value is not None:
                v.check(0 <= value <= 100, name, "must be 0 to 100")
        for i, (_, value) in enumerate(self.modules):
            v.check(0 <= value <= 100, f"module_scores[{i}].score", "must be 0 to 100")
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

    def require_modules(self, occupation_code: str, modules: tuple[str, ...]) -> None:
        """ASMT-7: an occupation assessed by module has each of its modules scored, once,
        with the skill score; one that is not has none."""
        names = [m for m, _ in self.modules]
        if sorted(names) != sorted(modules):
            expected = "、".join(modules) if modules else "none"
            raise FailedPrecondition("ASMT_7_MODULES", f"{occupation_code} is scored on the "
                                     f"modules {expected}, each once; given "
                                     f"{'、'.join(names) or 'none'}")

    def result(self, *, level: int, theory_exempt: bool) -> int:
        """ASMT-2: every component sat must reach the pass mark."""
        parts = [self.skill] + ([] if theory_exempt else [self.theory]) + \
            ([self.review] if level <= 2 else [])
        passed = all(p is not None and p >= PASS_MARK for p in parts)
        return pb.ASSESSMENT_RESULT_PASSED if passed else pb.ASSESSMENT_RESULT_FAILED


@dataclass(frozen=True)
class ScoreEntry:
    """One entry of a candidate's scores, kept when a later one replaces it: what was
    entered, the result it gave, who entered it and when, as which evaluator, and the
    appeal it decided, if any."""

    scores: Scores
    result: int
    actor: str
    at: datetime
    evaluator_id: str = ""
    appeal_id: str = ""


@dataclass(frozen=True)
class ReviewDecision:
    """ASMT-9: one stage's decision on an application, with actor, time and reason."""

    stage: int
    approved: bool
    actor: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class SessionStep:
    """A step of the session towards its results: who moved it where, when and why."""

    to_state: int
    actor: str
    reason: str
    at: datetime


@dataclass(eq=False)
class Appeal:
    """A closed result appealed; decided by an evaluator who did not examine the session."""

    id: str
    candidate_id: str
    session_id: str
    evaluator_id: str
    reason: str
    filed_by: str
    filed_at: datetime
    state: int = pb.APPEAL_STATE_FILED
    decided_by: str = ""
    decision_reason: str = ""
    decided_at: datetime | None = None
    from_result: int = pb.ASSESSMENT_RESULT_UNSPECIFIED
    to_result: int = pb.ASSESSMENT_RESULT_UNSPECIFIED

    @property
    def name(self) -> str:
        return f"examSessions/{self.session_id}/candidates/{self.candidate_id}/appeals/{self.id}"


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
    facts: list[DeclaredFact] = field(default_factory=list)  # ASMT-5, as declared
    route: str = ""                                          # the route they satisfied
    application_state: int = pb.APPLICATION_STATE_SUBMITTED  # ASMT-9
    reviews: list[ReviewDecision] = field(default_factory=list)
    appeals: list[Appeal] = field(default_factory=list)
    trained_by_id: str = ""  # the institution that trained the candidate (EVAL-5)

    @property
    def name(self) -> str:
        return f"examSessions/{self.session_id}/candidates/{self.id}"

    @property
    def approved(self) -> bool:
        return self.application_state == pb.APPLICATION_STATE_APPROVED

    def review(self, stage: int, *, approved: bool, actor: str, reason: str,
               at: datetime) -> None:
        """ASMT-9: 初审 by the organisation, then 复审 by the province; each once."""
        expected = (pb.APPLICATION_STATE_SUBMITTED if stage == pb.REVIEW_STAGE_FIRST
                    else pb.APPLICATION_STATE_FIRST_APPROVED)
        if self.application_state != expected:
            if stage == pb.REVIEW_STAGE_SECOND and \
                    self.application_state == pb.APPLICATION_STATE_SUBMITTED:
                raise FailedPrecondition("ASMT_9_FIRST_REVIEW_PENDING", "the second review "
                                         "(复审) follows a passed first review (初审)")
            raise FailedPrecondition("ASMT_9_ALREADY_REVIEWED", f"this stage was decided; the "
                                     f"application is {_label(self.application_state)}")
        self.reviews.append(ReviewDecision(stage, approved, actor, reason, at))
        self.application_state = (
            pb.APPLICATION_STATE_REJECTED if not approved
            else pb.APPLICATION_STATE_FIRST_APPROVED if stage == pb.REVIEW_STAGE_FIRST
            else pb.APPLICATION_STATE_APPROVED)

    def enter(self, scores: Scores, *, level: int, actor: str, at: datetime,
              evaluator_id: str, appeal_id: str = "") -> None:
        self.scores = scores
        self.result = scores.result(level=level, theory_exempt=self.theory_exempt)
        self.score_history.append(ScoreEntry(scores, self.result, actor, at, evaluator_id,
                                             appeal_id))

    def appeal(self, appeal_id: str) -> Appeal:
        found = next((a for a in self.appeals if a.id == appeal_id), None)
        if found is None:
            raise NotFound(f"{self.name}/appeals/{appeal_id} does not exist")
        return found


def _label(state: int) -> str:
    return pb.ApplicationState.Name(state).removeprefix("APPLICATION_STATE_")


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
    exam_mode: int = pb.EXAM_MODE_UNSPECIFIED   # ASMT-6
    exam_site_id: str = ""                      # ASMT-10
    steps: list[SessionStep] = field(default_factory=list)
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def open(cls, *, id: str, institution: Institution, occupation_code: str, level: int,
             exam_date: date, mode: int, site_required: bool, site_requested: str,
             site: ExamSite | None, at: datetime) -> "ExamSession":
        """ASMT-6: the level's mode; ASMT-10: a computer-based 保安员 exam at a registered
        national exam site (`site`: the one requested, None when it is not registered)."""
        require_in_good_standing(institution)
        if site_requested and site is None:
            raise FailedPrecondition("ASMT_10_EXAM_SITE", f"examSites/{site_requested} is not "
                                     f"a registered national exam site")
        if site_required and site is None:
            raise FailedPrecondition("ASMT_10_EXAM_SITE", f"a computer-based {occupation_code} "
                                     f"exam takes place at a registered national exam site; "
                                     f"choose one (exam_site)")
        return cls(id=id, institution_id=institution.id, occupation_code=occupation_code,
                   level=level, exam_date=exam_date, created_at=at, exam_mode=mode,
                   exam_site_id=site.id if site else "")

    @property
    def name(self) -> str:
        return f"examSessions/{self.id}"

    def _require_not_closed(self) -> None:
        if self.state == pb.EXAM_SESSION_STATE_CLOSED:
            raise FailedPrecondition("ASMT_8_SESSION_CLOSED",
                                     "the exam session is closed; its results are final")

    def _require_open(self) -> None:
        self._require_not_closed()
        if self.state != pb.EXAM_SESSION_STATE_OPEN:
            raise FailedPrecondition("ASMT_8_SIGNED_OFF", "the exam session is signed off; "
                                     "nothing changes unless the province returns it")

    def assign(self, evaluator: Evaluator, institution: Institution,
               schedule: AssessmentSchedule) -> None:
        """EVAL-5 on the session's exam date, and no conflict with a candidate already
        enrolled; assigning twice changes nothing."""
        self._require_open()
        require_in_good_standing(institution)
        evaluator.require_assignable(institution_id=self.institution_id,
                                     occupation_code=self.occupation_code, level=self.level,
                                     exam_date=self.exam_date, schedule=schedule)
        evaluator.require_no_conflict(c.trained_by_id for c in self.candidates)
        if evaluator.id not in self.evaluator_ids:
            self.evaluator_ids.append(evaluator.id)
            self.evaluator_ids.sort()

    def enrol(self, *, candidate_id: str, person: PersonFacts, facts: list[DeclaredFact],
              held: list[HeldCertificate], eligibility: Eligibility, launched: bool,
              institution: Institution, exemption_years: int, trained_by_id: str = "",
              evaluators: list[Evaluator] = ()) -> Candidate:
        """An application: ASMT-11 (the level is launched in the organisation's province),
        ASMT-4 and ASMT-3 on the exam date, ASMT-5 (a route the facts and certificates
        satisfy), and no conflict of interest with the assigned `evaluators` (EVAL-5). It
        waits for its two reviews (ASMT-9)."""
        self._require_open()
        require_in_good_standing(institution)
        for evaluator in evaluators:
            evaluator.require_no_conflict([trained_by_id] if trained_by_id else [])
        existing = next((c for c in self.candidates if c.person_id == person.person_id), None)
        if existing is not None:
            raise AlreadyExists(f"already enrolled as {existing.name}")
        require_launched(launched, province=province_of(institution.region_code),
                         occupation_code=self.occupation_code, level=self.level)
        exempt = theory_exempt(self.occupation_code, self.level,
                               person.guard_certificate_date, self.exam_date, exemption_years)
        route = eligibility.check(self.occupation_code, self.level, facts, held)
        candidate = Candidate(id=candidate_id, session_id=self.id, person_id=person.person_id,
                              full_name=person.full_name,
                              resident_id_masked=person.resident_id_masked,
                              theory_exempt=exempt, facts=list(facts), route=route.id,
                              trained_by_id=trained_by_id)
        self.candidates.append(candidate)
        return candidate

    def candidate(self, candidate_id: str) -> Candidate:
        found = next((c for c in self.candidates if c.id == candidate_id), None)
        if found is None:
            raise NotFound(f"{self.name}/candidates/{candidate_id} does not exist")
        return found

    def review(self, candidate_id: str, stage: int, *, approved: bool, actor: str, reason: str,
               institution: Institution, at: datetime) -> Candidate:
        """ASMT-9: a stage of an application's review, while the session is open."""
        self._require_open()
        require_in_good_standing(institution)
        candidate = self.candidate(candidate_id)
        candidate.review(stage, approved=approved, actor=actor, reason=reason, at=at)
        return candidate

    def _validated(self, candidate: Candidate, scores: Scores,
                   modules: tuple[str, ...]) -> Scores:
        v = Violations()
        scores.validate(v, level=self.level, theory_exempt=candidate.theory_exempt)
        v.raise_if_any()
        scores.require_modules(self.occupation_code, modules)
        return scores

    def record_scores(self, candidate_id: str, scores: Scores, *, evaluator_id: str,
                      modules: tuple[str, ...], actor: str, institution: Institution,
                      at: datetime) -> Candidate:
        """Only an evaluator assigned to the session scores, only an application that
        passed both reviews (ASMT-9), with the occupation's modules (ASMT-7). Replaces the
        candidate's scores; the earlier entries stay in its history."""
        self._require_open()
        require_in_good_standing(institution)
        if evaluator_id not in self.evaluator_ids:
            raise FailedPrecondition("ASMT_8_NOT_ASSIGNED", "scores are entered only by an "
                                     "evaluator assigned to the session")
        candidate = self.candidate(candidate_id)
        if not candidate.approved:
            raise FailedPrecondition("ASMT_9_NOT_APPROVED", f"only an application that passed "
                                     f"both reviews sits the exam; this one is "
                                     f"{_label(candidate.application_state)}")
        candidate.enter(self._validated(candidate, scores, modules), level=self.level,
                        actor=actor, at=at, evaluator_id=evaluator_id)
        return candidate

    def _step(self, target: int, actor: str, reason: str, at: datetime) -> None:
        self.state = target
        self.steps.append(SessionStep(target, actor, reason, at))

    def sign_off(self, *, actor: str, reason: str, institution: Institution,
                 at: datetime) -> None:
        """The organisation signs off: evaluators assigned, every application decided, every
        approved one scored. Scores are frozen from here."""
        self._require_open()
        require_in_good_standing(institution)
        if not self.evaluator_ids:
            raise FailedPrecondition("ASMT_8_NO_EVALUATOR",
                                     "no evaluator is assigned to the session")
        undecided = sum(c.application_state in (pb.APPLICATION_STATE_SUBMITTED,
                                                pb.APPLICATION_STATE_FIRST_APPROVED)
                        for c in self.candidates)
        if undecided:
            raise FailedPrecondition("ASMT_9_REVIEW_PENDING",
                                     f"{undecided} application(s) still await a review")
        unscored = sum(c.approved and c.result == pb.ASSESSMENT_RESULT_PENDING
                       for c in self.candidates)
        if unscored:
            raise FailedPrecondition("ASMT_8_UNSCORED",
                                     f"{unscored} candidate(s) have no scores yet")
        self._step(pb.EXAM_SESSION_STATE_SIGNED_OFF, actor, reason, at)

    def check_results(self, *, approved: bool, actor: str, reason: str,
                      institution: Institution, at: datetime) -> None:
        """CERT-5 评价发证审核: the province checks the signed-off results; a refusal
        returns the session to the organisation (open again), with the reason kept."""
        self._require_not_closed()
        if self.state != pb.EXAM_SESSION_STATE_SIGNED_OFF:
            raise FailedPrecondition("CERT_5_NOT_SIGNED_OFF", "the province checks results "
                                     "the organisation has signed off")
        require_in_good_standing(institution)
        self._step(pb.EXAM_SESSION_STATE_CHECKED if approved else pb.EXAM_SESSION_STATE_OPEN,
                   actor, reason, at)

    def close(self, institution: Institution, *, issuer: Issuer, actor: str,
              at: datetime) -> None:
        """ASMT-8: results are final once signed off and checked (CERT-5); each passer gets
        one AssessmentPassed naming who issues the certificate."""
        self._require_not_closed()
        if self.state != pb.EXAM_SESSION_STATE_CHECKED:
            raise FailedPrecondition("CERT_5_NOT_CHECKED", "a session closes after the "
                                     "organisation's sign-off and the province's check of its "
                                     "results (评价发证审核)")
        require_in_good_standing(institution)
        self._step(pb.EXAM_SESSION_STATE_CLOSED, actor, "", at)
        self.closed_at = at
        for c in self.candidates:
            if c.approved and c.result == pb.ASSESSMENT_RESULT_PASSED:
                self._announce(c, institution, issuer, at)

    def _announce(self, c: Candidate, institution: Institution, issuer: Issuer,
                  at: datetime) -> None:
        occupation = occupations.find(self.occupation_code)
        event = new_event(
            events_pb2.AssessmentPassed, candidate=c.name, person=f"persons/{c.person_id}",
            holder_name=c.full_name, resident_id_masked=c.resident_id_masked,
            occupation_code=self.occupation_code, occupation_name=occupation.name,
            level=self.level, institution=institution.name,
            organisation_name=institution.display_name,
            organisation_prefix=institution.number_prefix,
            region_code=institution.region_code, exam_date=dates.to_proto(self.exam_date),
            issuer=issuer.kind, issuer_name=issuer.name)
        event.close_time.FromDatetime(at)
        self.events.append(event)

    # appeals: after close, a result changes only through one

    def file_appeal(self, candidate_id: str, *, appeal_id: str, evaluator: Evaluator,
                    reason: str, actor: str, institution: Institution,
                    schedule: AssessmentSchedule, at: datetime) -> Appeal:
        """The appeal names the evaluator who decides it: EVAL-5 on the day, and not one
        who examined the session or entered the candidate's scores."""
        if self.state != pb.EXAM_SESSION_STATE_CLOSED:
            raise FailedPrecondition("ASMT_8_NOT_CLOSED", "a result is appealed after the "
                                     "session closes; before, the organisation corrects it")
        require_in_good_standing(institution)
        candidate = self.candidate(candidate_id)
        if candidate.result == pb.ASSESSMENT_RESULT_PENDING:
            raise FailedPrecondition("ASMT_8_NO_RESULT", "the candidate has no result to appeal")
        if any(a.state == pb.APPEAL_STATE_FILED for a in candidate.appeals):
            raise FailedPrecondition("ASMT_8_APPEAL_PENDING",
                                     "the candidate's earlier appeal is not decided yet")
        self._require_impartial(candidate, evaluator, at.astimezone(dates.CHINA).date(),
                                schedule)
        appeal = Appeal(appeal_id, candidate.id, self.id, evaluator.id, reason, actor, at)
        candidate.appeals.append(appeal)
        return appeal

    def _require_impartial(self, candidate: Candidate, evaluator: Evaluator, on: date,
                           schedule: AssessmentSchedule) -> None:
        """An appeal's evaluator: not one who examined, EVAL-5 on the day, and not
        working for the institution that trained the candidate."""
        examined = set(self.evaluator_ids) | {h.evaluator_id for h in candidate.score_history}
        if evaluator.id in examined:
            raise FailedPrecondition("ASMT_8_APPEAL_SAME_EVALUATOR", "an appeal is decided by "
                                     "an evaluator who did not examine the session")
        evaluator.require_assignable(institution_id=self.institution_id,
                                     occupation_code=self.occupation_code, level=self.level,
                                     exam_date=on, schedule=schedule)
        evaluator.require_no_conflict([candidate.trained_by_id] if candidate.trained_by_id
                                      else [])

    def decide_appeal(self, candidate_id: str, appeal_id: str, scores: Scores, *,
                      evaluator: Evaluator, modules: tuple[str, ...], reason: str, actor: str,
                      institution: Institution, issuer: Issuer, schedule: AssessmentSchedule,
                      at: datetime) -> Appeal:
        """The appeal's evaluator enters the scores that stand; the history keeps the old
        ones. A result that becomes a pass is announced (AssessmentPassed)."""
        require_in_good_standing(institution)
        candidate = self.candidate(candidate_id)
        appeal = candidate.appeal(appeal_id)
        if evaluator.id != appeal.evaluator_id:
            raise PermissionDenied("only the evaluator the appeal names decides it")
        if appeal.state != pb.APPEAL_STATE_FILED:
            raise FailedPrecondition("ASMT_8_APPEAL_DECIDED", "the appeal is decided")
        self._require_impartial(candidate, evaluator, at.astimezone(dates.CHINA).date(),
                                schedule)
        before = candidate.result
        candidate.enter(self._validated(candidate, scores, modules), level=self.level,
                        actor=actor, at=at, evaluator_id=evaluator.id, appeal_id=appeal.id)
        appeal.state, appeal.decided_by, appeal.decision_reason = \
            pb.APPEAL_STATE_DECIDED, actor, reason
        appeal.decided_at, appeal.from_result, appeal.to_result = at, before, candidate.result
        if before != pb.ASSESSMENT_RESULT_PASSED and candidate.result == pb.ASSESSMENT_RESULT_PASSED:
            self._announce(candidate, institution, issuer, at)
        return appeal
