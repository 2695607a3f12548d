"""Evaluators (考评员): appointment after passed pre-appointment training (EVAL-2) for a
term (EVAL-1) with a recommender (EVAL-4), and who may examine on a date (EVAL-5)."""

from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import events_pb2
from servicekit import dates
from servicekit.errors import AlreadyExists, FailedPrecondition
from servicekit.unitofwork import new_event

from .institutions import Institution


@dataclass(frozen=True)
class PreAppointmentTraining:
    """EVAL-2 聘前培训 of one person."""

    person_id: str
    completion_date: date
    passed: bool
    provider: str


def term_end(start: date, years: int) -> date:
    """EVAL-1: the appointment ends `years` later (exclusive)."""
    return dates.add_years(start, years)


def require_pre_appointment_training(trainings: list[PreAppointmentTraining],
                                     appoint_on: date) -> None:
    """EVAL-2 聘前培训上岗: a passed pre-appointment training completed by the start."""
    if not any(t.passed and t.completion_date <= appoint_on for t in trainings):
        raise FailedPrecondition("EVAL_2_PRE_APPOINTMENT_TRAINING",
                                 "the person has no passed pre-appointment training "
                                 "(聘前培训) completed by the term start")


@dataclass(eq=False)
class Evaluator:
    id: str
    person_id: str
    full_name: str
    institution_id: str
    status: int
    term_start: date
    term_end: date
    recommended_by: str
    created_at: datetime
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def appoint(cls, *, id: str, person_id: str, full_name: str, institution: Institution,
                term_start: date, term_years: int, recommended_by: str,
                trainings: list[PreAppointmentTraining],
                current: "Evaluator | None", at: datetime) -> "Evaluator":
        institution.require_active_evaluation_org()
        require_pre_appointment_training(trainings, term_start)
        if current is not None and current.term_end > term_start:
            raise AlreadyExists(f"already appointed as evaluators/{current.id}")
        evaluator = cls(id=id, person_id=person_id, full_name=full_name,
                        institution_id=institution.id, status=pb.EVALUATOR_STATUS_APPOINTED,
                        term_start=term_start, term_end=term_end(term_start, term_years),
                        recommended_by=recommended_by, created_at=at)
        evaluator.events.append(new_event(
            events_pb2.EvaluatorAppointed, evaluator=evaluator.name,
            person=f"persons/{person_id}", institution=institution.name,
            term_start=dates.to_proto(evaluator.term_start),
            term_end=dates.to_proto(evaluator.term_end)))
        return evaluator

    @property
    def name(self) -> str:
        return f"evaluators/{self.id}"

    def require_assignable(self, institution_id: str, exam_date: date) -> None:
        """EVAL-5: appointed, in term on the exam date, and by the session's organisation."""
        if self.status != pb.EVALUATOR_STATUS_APPOINTED:
            raise FailedPrecondition("EVAL_5_NOT_APPOINTED",
                                     "the evaluator is not currently appointed")
        if not self.term_start <= exam_date < self.term_end:
            raise FailedPrecondition("EVAL_5_OUT_OF_TERM",
                                     f"the exam date {exam_date} is outside the evaluator's "
                                     f"term {self.term_start}–{self.term_end}")
        if self.institution_id != institution_id:
            raise FailedPrecondition("EVAL_5_OTHER_ORGANISATION",
                                     "the evaluator is appointed by another organisation")
