"""The messages that reach accreditation's handlers. Each command's `parse` validates the
raw values an API received and reports every bad field at once (INVALID_ARGUMENT); the
rules that need stored state are the aggregates'."""

from dataclasses import dataclass
from datetime import date

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit import dates, divisions, paging
from servicekit.auth import Caller
from servicekit.errors import Violations
from servicekit.names import resource_id
from servicekit.uscc import InvalidUscc, validate_uscc

from .exams import Scores, validate_occupation_level
from .institutions import NumberingParts

TARGET_STATUSES = frozenset(pb.InstitutionStatus.values()) - {
    pb.INSTITUTION_STATUS_UNSPECIFIED, pb.INSTITUTION_STATUS_APPLIED}


@dataclass(frozen=True)
class CreateInstitution:
    actor: Caller
    display_name: str
    uscc: str
    role: int
    region_code: str
    numbering: NumberingParts

    @classmethod
    def parse(cls, actor: Caller, *, display_name: str, uscc: str, role: int,
              region_code: str, category: int, ministry_code: str,
              site_serial: str) -> "CreateInstitution":
        v = Violations()
        name = v.text(display_name, "display_name", 100)
        try:
            uscc = validate_uscc(uscc)
        except InvalidUscc as exc:
            v.add("uscc", str(exc))
        role_ok = v.check(role in (pb.INSTITUTION_ROLE_EVALUATION, pb.INSTITUTION_ROLE_TRAINING),
                          "role", "must be EVALUATION or TRAINING")
        v.check(divisions.is_known_division(region_code), "region_code",
                "is not a GB/T 2260 division code")
        numbering = NumberingParts(category, ministry_code, site_serial)
        if role_ok:
            numbering.validate(v, role)
        v.raise_if_any()
        return cls(actor, name, uscc, role, region_code, numbering)


@dataclass(frozen=True)
class GetInstitution:
    actor: Caller
    institution_id: str


@dataclass(frozen=True)
class ListInstitutions:
    actor: Caller
    role: int
    page: paging.Page

    @classmethod
    def parse(cls, actor: Caller, *, role: int, page_size: int,
              page_token: str) -> "ListInstitutions":
        v = Violations()
        v.check(role in pb.InstitutionRole.values(), "role", "unknown role")
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, role, page)


@dataclass(frozen=True)
class ChangeInstitutionStatus:
    actor: Caller
    institution_id: str
    status: int
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, status: int,
              reason: str) -> "ChangeInstitutionStatus":
        v = Violations()
        iid = resource_id(name, "institutions", "name", v)
        v.check(status in TARGET_STATUSES, "status", "must be a target status")
        reason = v.text(reason, "reason", 500)  # INST-1: every transition has one
        v.raise_if_any()
        return cls(actor, iid, status, reason)


@dataclass(frozen=True)
class RecordPreAppointmentTraining:
    actor: Caller
    person_id: str
    completion_date: date
    passed: bool
    provider: str

    @classmethod
    def parse(cls, actor: Caller, *, person: str, completion_date: dates.DateInput, passed: bool,
              provider: str) -> "RecordPreAppointmentTraining":
        v = Violations()
        pid = resource_id(person, "persons", "person", v)
        completed = dates.parse_date(completion_date, "completion_date", v, required=True,
                                     not_future=True)
        provider = v.text(provider, "provider", 100, required=False)
        v.raise_if_any()
        return cls(actor, pid, completed, passed, provider)


def _institution_ids(names: list[str], field: str, v: Violations) -> tuple[str, ...]:
    v.check(len(names) <= MAX_AFFILIATIONS, field, f"at most {MAX_AFFILIATIONS}")
    ids = [resource_id(n, "institutions", f"{field}[{i}]", v) for i, n in enumerate(names)]
    return tuple(dict.fromkeys(ids))


MAX_AFFILIATIONS = 20


@dataclass(frozen=True)
class AppointEvaluator:
    actor: Caller
    institution_id: str
    person_id: str
    term_start: date
    recommended_by: str          # EVAL-4
    occupation_code: str
    max_level: int               # the highest level examined (1 highest)
    affiliations: tuple[str, ...] = ()  # institution IDs the evaluator works for (EVAL-5)

    @classmethod
    def parse(cls, actor: Caller, *, institution: str, person: str, term_start: dates.DateInput,
              recommended_by: str, occupation_code: str, max_level: int,
              affiliations: list[str] = ()) -> "AppointEvaluator":
        v = Violations()
        iid = resource_id(institution, "institutions", "institution", v)
        pid = resource_id(person, "persons", "person", v)
        start = dates.parse_date(term_start, "term_start", v) or dates.today()
        recommended_by = v.text(recommended_by, "recommended_by", 100, required=False)
        _validate_level(v, occupation_code, max_level, "max_level")
        employers = _institution_ids(list(affiliations), "affiliations", v)
        v.raise_if_any()
        return cls(actor, iid, pid, start, recommended_by, occupation_code, max_level, employers)


def _validate_level(v: Violations, occupation_code: str, level: int, field: str) -> None:
    """ASMT-1 reference data: the level must be one of the occupation's."""
    inner = Violations()
    validate_occupation_level(inner, occupation_code, level)
    for item in inner.items:
        v.add(field if item.field == "level" else item.field, item.description)


@dataclass(frozen=True)
class RenewEvaluator:
    actor: Caller
    evaluator_id: str
    term_start: date | None      # None: the day the current term ends

    @classmethod
    def parse(cls, actor: Caller, *, name: str, term_start: dates.DateInput) -> "RenewEvaluator":
        v = Violations()
        eid = resource_id(name, "evaluators", "name", v)
        start = dates.parse_date(term_start, "term_start", v)
        v.raise_if_any()
        return cls(actor, eid, start)


ETHICS_RESULTS = (pb.ASSESSMENT_RESULT_PASSED, pb.ASSESSMENT_RESULT_FAILED)


@dataclass(frozen=True)
class RecordAnnualAssessment:
    actor: Caller
    evaluator_id: str
    year: int
    ethics: int
    professional_score: int
    performance_score: int
    assessed_on: date
    remarks: str = ""

    @classmethod
    def parse(cls, actor: Caller, *, evaluator: str, year: int, ethics: int,
              professional_score: int, performance_score: int, assessed_on: dates.DateInput,
              remarks: str) -> "RecordAnnualAssessment":
        v = Violations()
        eid = resource_id(evaluator, "evaluators", "evaluator", v)
        v.check(ethics in ETHICS_RESULTS, "ethics", "must be PASSED or FAILED (职业道德)")
        for name, score in (("professional_score", professional_score),
                            ("performance_score", performance_score)):
            v.check(0 <= score <= 100, name, "must be 0 to 100")
        on = dates.parse_date(assessed_on, "assessed_on", v, not_future=True) or dates.today()
        year_ok = v.check(dates.EARLIEST.year <= year <= dates.LATEST.year, "year",
                          "must be a calendar year")
        if year_ok:  # a year is assessed once it has begun, never ahead
            v.check(year <= on.year, "year", "must not be after the assessment date's year")
        remarks = v.text(remarks, "remarks", 500, required=False)
        v.raise_if_any()
        return cls(actor, eid, year, ethics, professional_score, performance_score, on, remarks)


@dataclass(frozen=True)
class ListEvaluators:
    actor: Caller
    institution_id: str
    status: int
    overdue: bool | None
    as_of: date
    page: paging.Page

    @classmethod
    def parse(cls, actor: Caller, *, institution: str, status: int, overdue: bool | None,
              as_of_date: dates.DateInput, page_size: int,
              page_token: str) -> "ListEvaluators":
        v = Violations()
        iid = resource_id(institution, "institutions", "institution", v) if institution else ""
        v.check(status in pb.EvaluatorStatus.values(), "status", "unknown status")
        as_of = dates.parse_date(as_of_date, "as_of_date", v) or dates.today()
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, iid, status, overdue, as_of, page)


@dataclass(frozen=True)
class SetEvaluatorAffiliations:
    actor: Caller
    evaluator_id: str
    affiliations: tuple[str, ...]

    @classmethod
    def parse(cls, actor: Caller, *, evaluator: str,
              affiliations: list[str]) -> "SetEvaluatorAffiliations":
        v = Violations()
        eid = resource_id(evaluator, "evaluators", "evaluator", v)
        employers = _institution_ids(list(affiliations), "affiliations", v)
        v.raise_if_any()
        return cls(actor, eid, employers)


SUBJECTS = ("institutions", "evaluators", "examSessions")


@dataclass(frozen=True)
class ListPassRates:
    actor: Caller
    year: int
    subject: str                 # a resource name, or "" for all
    anomalies_only: bool
    page: paging.Page

    @classmethod
    def parse(cls, actor: Caller, *, year: int, subject: str, anomalies_only: bool,
              page_size: int, page_token: str) -> "ListPassRates":
        v = Violations()
        v.check(year == 0 or dates.EARLIEST.year <= year <= dates.LATEST.year, "year",
                "must be a calendar year, or 0 for every year")
        if subject:
            collection = subject.split("/")[0]
            if collection in SUBJECTS:
                resource_id(subject, collection, "subject", v)
            else:
                v.add("subject", "must be institutions/{id}, evaluators/{id} or "
                                 "examSessions/{id}")
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, year, subject, anomalies_only, page)


@dataclass(frozen=True)
class GetEvaluator:
    actor: Caller
    evaluator_id: str


@dataclass(frozen=True)
class CreateExamSession:
    actor: Caller
    institution_id: str
    occupation_code: str
    level: int
    exam_date: date

    @classmethod
    def parse(cls, actor: Caller, *, institution: str, occupation_code: str, level: int,
              exam_date: dates.DateInput) -> "CreateExamSession":
        v = Violations()
        iid = resource_id(institution, "institutions", "institution", v)
        validate_occupation_level(v, occupation_code, level)
        day = dates.parse_date(exam_date, "exam_date", v, required=True)
        v.raise_if_any()
        return cls(actor, iid, occupation_code, level, day)


@dataclass(frozen=True)
class GetExamSession:
    actor: Caller
    session_id: str


@dataclass(frozen=True)
class AssignEvaluator:
    actor: Caller
    session_id: str
    evaluator_id: str

    @classmethod
    def parse(cls, actor: Caller, *, exam_session: str, evaluator: str) -> "AssignEvaluator":
        v = Violations()
        sid = resource_id(exam_session, "examSessions", "exam_session", v)
        eid = resource_id(evaluator, "evaluators", "evaluator", v)
        v.raise_if_any()
        return cls(actor, sid, eid)


@dataclass(frozen=True)
class EnrollCandidate:
    actor: Caller
    session_id: str
    person_id: str
    trained_by_id: str = ""  # the training institution, if any (EVAL-5 conflict)

    @classmethod
    def parse(cls, actor: Caller, *, exam_session: str, person: str,
              trained_by: str = "") -> "EnrollCandidate":
        v = Violations()
        sid = resource_id(exam_session, "examSessions", "exam_session", v)
        pid = resource_id(person, "persons", "person", v)
        tid = resource_id(trained_by, "institutions", "trained_by", v) if trained_by else ""
        v.raise_if_any()
        return cls(actor, sid, pid, tid)


def _candidate_ids(value: str, v: Violations) -> tuple[str, str]:
    parts = value.split("/")
    ok = (len(parts) == 4 and parts[0] == "examSessions" and parts[2] == "candidates"
          and all(p.isascii() and p.isalnum() and 0 < len(p) <= 32 for p in (parts[1], parts[3])))
    v.check(ok, "candidate", "must be examSessions/{id}/candidates/{id}")
    return (parts[1], parts[3]) if ok else ("", "")


@dataclass(frozen=True)
class RecordScores:
    actor: Caller
    session_id: str
    candidate_id: str
    scores: Scores

    @classmethod
    def parse(cls, actor: Caller, *, candidate: str, scores: Scores) -> "RecordScores":
        v = Violations()
        sid, cid = _candidate_ids(candidate, v)
        v.raise_if_any()
        return cls(actor, sid, cid, scores)


@dataclass(frozen=True)
class CloseExamSession:
    actor: Caller
    session_id: str
