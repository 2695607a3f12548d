"""Evaluators (考评员): appointment by an evaluation organisation for a term, renewable
(EVAL-1 聘任制), after passed pre-appointment training (EVAL-2 聘前培训上岗), with the
recommender recorded (EVAL-4); the annual assessment, ethics first (EVAL-3 年度考核制);
and who may examine on an exam date, including the conflict of interest (EVAL-5).

Status and overdue are functions of a date: an evaluator's status on a day follows from
the assessments recorded by that day, and a year becomes overdue the day after its
deadline — nothing here waits for a nightly job."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Iterable

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit import dates
from servicekit.dates import term_end  # EVAL-1: the exclusive end of a term
from servicekit.errors import AlreadyExists, FailedPrecondition
from servicekit.unitofwork import new_event

from .institutions import Institution

APPOINTED, SUSPENDED, DISMISSED = (pb.EVALUATOR_STATUS_APPOINTED, pb.EVALUATOR_STATUS_SUSPENDED,
                                   pb.EVALUATOR_STATUS_DISMISSED)
PASSED, FAILED = pb.ASSESSMENT_RESULT_PASSED, pb.ASSESSMENT_RESULT_FAILED


@dataclass(frozen=True)
class AssessmentSchedule:
    """EVAL-3 values the notices leave open (accreditation's settings)."""

    deadline_month: int = 3     # a year's assessment is due by this day of the next year
    deadline_day: int = 31
    pass_mark: int = 60         # each score of the annual assessment

    def deadline(self, year: int) -> date:
        """The last day on which `year`'s assessment is on time (inclusive)."""
        return date(year + 1, self.deadline_month, self.deadline_day)


@dataclass(frozen=True)
class PreAppointmentTraining:
    """EVAL-2 聘前培训 of one person."""

    person_id: str
    completion_date: date
    passed: bool
    provider: str


def require_pre_appointment_training(trainings: list[PreAppointmentTraining],
                                     appoint_on: date) -> None:
    """EVAL-2 聘前培训上岗: a passed pre-appointment training completed by the start; a
    failed one does not count, however recent."""
    if not any(t.passed and t.completion_date <= appoint_on for t in trainings):
        raise FailedPrecondition("EVAL_2_PRE_APPOINTMENT_TRAINING",
                                 "the person has no passed pre-appointment training "
                                 "(聘前培训) completed by the term start")


@dataclass(frozen=True)
class Term:
    """EVAL-1: one term, [start, end)."""

    start: date
    end: date
    actor: str
    at: datetime

    def covers(self, day: date) -> bool:
        return self.start <= day < self.end

    @property
    def years(self) -> range:
        """The calendar years with at least one day in the term."""
        return range(self.start.year, (self.end - timedelta(days=1)).year + 1)


@dataclass(frozen=True)
class AnnualAssessment:
    """EVAL-3: one year's assessment. Ethics (职业道德) is the first criterion."""

    year: int
    ethics: int                  # PASSED or FAILED
    professional_score: int      # 业务能力
    performance_score: int       # 工作实绩
    result: int
    assessed_on: date
    remarks: str
    actor: str
    at: datetime


def assessment_result(ethics: int, scores: Iterable[int], pass_mark: int) -> int:
    """EVAL-3: failing ethics fails the year whatever the scores; otherwise every score
    must reach the pass mark."""
    if ethics != PASSED:
        return FAILED
    return PASSED if all(s >= pass_mark for s in scores) else FAILED


def status_from(assessments: Iterable[AnnualAssessment]) -> int:
    """EVAL-3: two failed years in a row dismiss for good; otherwise the latest assessed
    year decides — failed suspends, passed (re)instates."""
    by_year = {a.year: a.result for a in assessments}
    status = APPOINTED
    for year in sorted(by_year):
        if by_year[year] == FAILED and by_year.get(year - 1) == FAILED:
            return DISMISSED
        status = SUSPENDED if by_year[year] == FAILED else APPOINTED
    return status


@dataclass
class Affiliation:
    """An institution the evaluator works for (EVAL-5 conflict of interest)."""

    institution_id: str
    display_name: str
    start: datetime
    actor: str
    end: datetime | None = None

    @property
    def current(self) -> bool:
        return self.end is None


def status_label(status: int) -> str:
    return pb.EvaluatorStatus.Name(status).removeprefix("EVALUATOR_STATUS_")


@dataclass(eq=False)
class Evaluator:
    id: str
    person_id: str
    full_name: str
    institution_id: str
    occupation_code: str
    max_level: int               # 1 highest … 5 lowest: covers max_level..5
    status: int
    recommended_by: str          # EVAL-4
    created_at: datetime
    terms: list[Term] = field(default_factory=list)                 # oldest first
    assessments: list[AnnualAssessment] = field(default_factory=list)  # in recording order
    affiliations: list[Affiliation] = field(default_factory=list)   # oldest first
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def appoint(cls, *, id: str, person_id: str, full_name: str, institution: Institution,
                occupation_code: str, max_level: int, term_start: date, term_years: int,
                recommended_by: str, trainings: list[PreAppointmentTraining],
                existing: "Evaluator | None", dismissed_elsewhere: bool,
                affiliations: list[Institution], actor: str, at: datetime) -> "Evaluator":
        """EVAL-1 聘任制 by an ACTIVE evaluation organisation, after EVAL-2; once per
        person, organisation and occupation (a new term is a renewal)."""
        institution.require_active_evaluation_org()
        if dismissed_elsewhere or (existing is not None and existing.status == DISMISSED):
            raise FailedPrecondition("EVAL_3_DISMISSED",
                                     "the person was dismissed as an evaluator after two "
                                     "failed annual assessments in a row")
        if existing is not None:
            raise AlreadyExists(f"already appointed as evaluators/{existing.id}; "
                                f"renew it for a new term")
        require_pre_appointment_training(trainings, term_start)
        evaluator = cls(id=id, person_id=person_id, full_name=full_name,
                        institution_id=institution.id, occupation_code=occupation_code,
                        max_level=max_level, status=APPOINTED, recommended_by=recommended_by,
                        created_at=at,
                        terms=[Term(term_start, term_end(term_start, term_years), actor, at)])
        evaluator.set_affiliations(affiliations, actor=actor, at=at)
        evaluator.events.append(new_event(
            events_pb2.EvaluatorAppointed, evaluator=evaluator.name,
            person=f"persons/{person_id}", institution=institution.name,
            term_start=dates.to_proto(evaluator.term_start),
            term_end=dates.to_proto(evaluator.term_end)))
        return evaluator

    @property
    def name(self) -> str:
        return f"evaluators/{self.id}"

    @property
    def term_start(self) -> date:
        return self.terms[-1].start

    @property
    def term_end(self) -> date:
        return self.terms[-1].end

    def in_term(self, day: date) -> bool:
        return any(t.covers(day) for t in self.terms)

    # EVAL-1 renewal

    def renew(self, *, institution: Institution, start: date | None, term_years: int,
              actor: str, at: datetime) -> Term:
        """A new term from `start` (default: the day the current one ends), not
        overlapping the current one; a dismissed evaluator is not renewed (EVAL-3)."""
        institution.require_active_evaluation_org()
        if self.status == DISMISSED:
            raise FailedPrecondition("EVAL_3_DISMISSED", f"{self.name} was dismissed after "
                                     f"two failed annual assessments in a row")
        start = start or self.term_end
        if start < self.term_end:
            raise FailedPrecondition("EVAL_1_TERM_OVERLAP",
                                     f"a new term must start on or after {self.term_end}, "
                                     f"the day the current term ends")
        term = Term(start, term_end(start, term_years), actor, at)
        self.terms.append(term)
        self.events.append(new_event(events_pb2.EvaluatorRenewed, evaluator=self.name,
                                     term_start=dates.to_proto(term.start),
                                     term_end=dates.to_proto(term.end)))
        return term

    # EVAL-3 annual assessment

    def assessable_years(self) -> list[int]:
        """Every calendar year with a day in a term is assessed (每年考核)."""
        return sorted({y for t in self.terms for y in t.years})

    def record_assessment(self, *, year: int, ethics: int, professional_score: int,
                          performance_score: int, assessed_on: date, remarks: str,
                          schedule: AssessmentSchedule, actor: str,
                          at: datetime) -> AnnualAssessment:
        if self.status == DISMISSED:
            raise FailedPrecondition("EVAL_3_DISMISSED", f"{self.name} was dismissed; no "
                                     f"further assessment is recorded")
        if year not in self.assessable_years():
            raise FailedPrecondition("EVAL_3_YEAR_OUT_OF_TERM",
                                     f"{self.name} held no term in {year}")
        if any(a.year == year for a in self.assessments):
            raise AlreadyExists(f"{self.name} already has an assessment for {year}")
        assessment = AnnualAssessment(
            year=year, ethics=ethics, professional_score=professional_score,
            performance_score=performance_score,
            result=assessment_result(ethics, (professional_score, performance_score),
                                     schedule.pass_mark),
            assessed_on=assessed_on, remarks=remarks, actor=actor, at=at)
        self.assessments.append(assessment)
        self.events.append(new_event(events_pb2.EvaluatorAssessed, evaluator=self.name,
                                     year=year, result=assessment.result))
        previous, self.status = self.status, status_from(self.assessments)
        if self.status != previous:
            self.events.append(new_event(
                events_pb2.EvaluatorStatusChanged, evaluator=self.name, from_status=previous,
                to_status=self.status,
                reason=f"EVAL-3: the {year} annual assessment "
                       f"{'failed' if assessment.result == FAILED else 'passed'}"))
        return assessment

    def status_on(self, day: date) -> int:
        """EVAL-3: the status given the assessments recorded by `day`."""
        return status_from(a for a in self.assessments if a.assessed_on <= day)

    def overdue_years(self, day: date, schedule: AssessmentSchedule) -> list[int]:
        """EVAL-3: years in term whose deadline has passed on `day` with no assessment
        recorded by `day` (the deadline day itself is still on time). A dismissed
        evaluator is assessed no more, so owes nothing."""
        if self.status_on(day) == DISMISSED:
            return []
        done = {a.year for a in self.assessments if a.assessed_on <= day}
        return [y for y in self.assessable_years()
                if schedule.deadline(y) < day and y not in done]

    # EVAL-5 who may examine

    def covers(self, occupation_code: str, level: int) -> bool:
        """The occupation appointed for, at max_level or any lower level (5 is lowest)."""
        return occupation_code == self.occupation_code and level >= self.max_level

    def require_assignable(self, *, institution_id: str, occupation_code: str, level: int,
                           exam_date: date, schedule: AssessmentSchedule) -> None:
        """EVAL-5, everything judged on the exam date (not today): appointed by the
        session's organisation, in term, covering the occupation and level, neither
        dismissed nor suspended (failed) nor overdue with an annual assessment."""
        if self.institution_id != institution_id:
            raise FailedPrecondition("EVAL_5_OTHER_ORGANISATION",
                                     f"{self.name} is appointed by another organisation")
        if not self.in_term(exam_date):
            raise FailedPrecondition(
                "EVAL_5_OUT_OF_TERM", f"the exam date {exam_date} is outside {self.name}'s "
                f"terms ({', '.join(f'{t.start}–{t.end} exclusive' for t in self.terms)})")
        if not self.covers(occupation_code, level):
            raise FailedPrecondition(
                "EVAL_5_NOT_COVERED", f"{self.name} examines {self.occupation_code} at level "
                f"{self.max_level} and below, not {occupation_code} level {level}")
        status = self.status_on(exam_date)
        if status == DISMISSED:
            raise FailedPrecondition("EVAL_5_DISMISSED", f"{self.name} is dismissed (EVAL-3)")
        if status == SUSPENDED:
            raise FailedPrecondition("EVAL_5_SUSPENDED", f"{self.name} is suspended: its "
                                     f"latest annual assessment failed (EVAL-3)")
        overdue = self.overdue_years(exam_date, schedule)
        if overdue:
            raise FailedPrecondition("EVAL_5_OVERDUE", f"on {exam_date} {self.name} is overdue "
                                     f"with the annual assessment of "
                                     f"{', '.join(map(str, overdue))} (EVAL-3)")

    def current_affiliations(self) -> dict[str, str]:
        """institution ID → display name of the institutions the evaluator works for."""
        return {a.institution_id: a.display_name for a in self.affiliations if a.current}

    def set_affiliations(self, institutions: list[Institution], *, actor: str,
                         at: datetime) -> None:
        """Replaces the current set; an ended affiliation keeps its record."""
        wanted = {i.id: i for i in institutions}
        for a in self.affiliations:
            if a.current and a.institution_id not in wanted:
                a.end = at
        current = self.current_affiliations()
        for iid, institution in wanted.items():
            if iid not in current:
                self.affiliations.append(Affiliation(iid, institution.display_name, at, actor))

    def require_no_conflict(self, trained_by: Iterable[str]) -> None:
        """EVAL-5 conflict of interest: no candidate trained by an institution the
        evaluator works for."""
        works_for = self.current_affiliations()
        for iid in trained_by:
            if iid in works_for:
                raise FailedPrecondition(
                    "EVAL_5_CONFLICT", f"{self.name} works for "
                    f"institutions/{iid} ({works_for[iid]}), which trained a candidate of the "
                    f"session", evaluator=self.name, institution=f"institutions/{iid}")
