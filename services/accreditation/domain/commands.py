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


@dataclass(frozen=True)
class AppointEvaluator:
    actor: Caller
    institution_id: str
    person_id: str
    term_start: date
    recommended_by: str

    @classmethod
    def parse(cls, actor: Caller, *, institution: str, person: str, term_start: dates.DateInput,
              recommended_by: str) -> "AppointEvaluator":
        v = Violations()
        iid = resource_id(institution, "institutions", "institution", v)
        pid = resource_id(person, "persons", "person", v)
        start = dates.parse_date(term_start, "term_start", v) or dates.today()
        recommended_by = v.text(recommended_by, "recommended_by", 100, required=False)
        v.raise_if_any()
        return cls(actor, iid, pid, start, recommended_by)


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

    @classmethod
    def parse(cls, actor: Caller, *, exam_session: str, person: str) -> "EnrollCandidate":
        v = Violations()
        sid = resource_id(exam_session, "examSessions", "exam_session", v)
        pid = resource_id(person, "persons", "person", v)
        v.raise_if_any()
        return cls(actor, sid, pid)


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
