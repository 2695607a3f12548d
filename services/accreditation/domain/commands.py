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

from .eligibility import DeclaredFact
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
    exam_site_id: str = ""  # ASMT-10

    @classmethod
    def parse(cls, actor: Caller, *, institution: str, occupation_code: str, level: int,
              exam_date: dates.DateInput, exam_site: str = "") -> "CreateExamSession":
        v = Violations()
        iid = resource_id(institution, "institutions", "institution", v)
        validate_occupation_level(v, occupation_code, level)
        day = dates.parse_date(exam_date, "exam_date", v, required=True)
        site = resource_id(exam_site, "examSites", "exam_site", v) if exam_site else ""
        v.raise_if_any()
        return cls(actor, iid, occupation_code, level, day, site)


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
    facts: tuple[DeclaredFact, ...] = ()  # ASMT-5, each with its evidence reference

    @classmethod
    def parse(cls, actor: Caller, *, exam_session: str, person: str,
              facts: list[DeclaredFact] = ()) -> "EnrollCandidate":
        """The facts' kinds are checked against the eligibility data by the handler."""
        v = Violations()
        sid = resource_id(exam_session, "examSessions", "exam_session", v)
        pid = resource_id(person, "persons", "person", v)
        v.raise_if_any()
        return cls(actor, sid, pid, tuple(facts))


def _candidate_ids(value: str, v: Violations) -> tuple[str, str]:
    parts = value.split("/")
    ok = (len(parts) == 4 and parts[0] == "examSessions" and parts[2] == "candidates"
          and all(p.isascii() and p.isalnum() and 0 < len(p) <= 32 for p in (parts[1], parts[3])))
    v.check(ok, "candidate", "must be examSessions/{id}/candidates/{id}")
    return (parts[1], parts[3]) if ok else ("", "")


def _module_names(scores: Scores, v: Violations) -> None:
    for i, (module, _) in enumerate(scores.modules):
        v.check(0 < len(module) <= 20, f"module_scores[{i}].module", "must be 1 to 20 characters")


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
        _module_names(scores, v)
        v.raise_if_any()
        return cls(actor, sid, cid, scores)


@dataclass(frozen=True)
class CloseExamSession:
    actor: Caller
    session_id: str


@dataclass(frozen=True)
class ReviewApplication:
    """ASMT-9: one stage of an application's review (初审 or 复审)."""

    actor: Caller
    session_id: str
    candidate_id: str
    stage: int
    approved: bool
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, stage: int, candidate: str, approved: bool,
              reason: str) -> "ReviewApplication":
        v = Violations()
        sid, cid = _candidate_ids(candidate, v)
        reason = v.text(reason, "reason", 500)  # every decision has one
        v.raise_if_any()
        return cls(actor, sid, cid, stage, approved, reason)


@dataclass(frozen=True)
class RegisterExamSite:
    actor: Caller
    display_name: str
    region_code: str
    filing_number: str

    @classmethod
    def parse(cls, actor: Caller, *, display_name: str, region_code: str,
              filing_number: str) -> "RegisterExamSite":
        v = Violations()
        name = v.text(display_name, "display_name", 100)
        v.check(divisions.is_known_division(region_code), "region_code",
                "is not a GB/T 2260 division code")
        filing = v.text(filing_number, "filing_number", 40)
        v.raise_if_any()
        return cls(actor, name, region_code, filing)


@dataclass(frozen=True)
class LaunchLevel:
    actor: Caller
    province: str
    occupation_code: str
    level: int

    @classmethod
    def parse(cls, actor: Caller, *, province: str, occupation_code: str,
              level: int) -> "LaunchLevel":
        v = Violations()
        v.check(divisions.is_known_division(province) and province.endswith("0000"),
                "province", "must be a province's GB/T 2260 code, e.g. 320000")
        validate_occupation_level(v, occupation_code, level)
        v.raise_if_any()
        return cls(actor, province, occupation_code, level)


@dataclass(frozen=True)
class SignOffExamSession:
    actor: Caller
    session_id: str
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, reason: str) -> "SignOffExamSession":
        v = Violations()
        sid = resource_id(name, "examSessions", "name", v)
        reason = v.text(reason, "reason", 500, required=False)
        v.raise_if_any()
        return cls(actor, sid, reason)


@dataclass(frozen=True)
class CheckExamResults:
    """CERT-5: the province's check of a signed-off session's results."""

    actor: Caller
    session_id: str
    approved: bool
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, approved: bool,
              reason: str) -> "CheckExamResults":
        v = Violations()
        sid = resource_id(name, "examSessions", "name", v)
        reason = v.text(reason, "reason", 500)
        v.raise_if_any()
        return cls(actor, sid, approved, reason)


@dataclass(frozen=True)
class AppealResult:
    actor: Caller
    session_id: str
    candidate_id: str
    evaluator_id: str
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, candidate: str, evaluator: str,
              reason: str) -> "AppealResult":
        v = Violations()
        sid, cid = _candidate_ids(candidate, v)
        eid = resource_id(evaluator, "evaluators", "evaluator", v)
        reason = v.text(reason, "reason", 500)
        v.raise_if_any()
        return cls(actor, sid, cid, eid, reason)


@dataclass(frozen=True)
class DecideAppeal:
    actor: Caller
    session_id: str
    candidate_id: str
    appeal_id: str
    scores: Scores
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, scores: Scores, reason: str) -> "DecideAppeal":
        v = Violations()
        parts = name.split("/")
        ok = (len(parts) == 6 and parts[0] == "examSessions" and parts[2] == "candidates"
              and parts[4] == "appeals"
              and all(p.isascii() and p.isalnum() and 0 < len(p) <= 32 for p in parts[1::2]))
        v.check(ok, "name", "must be examSessions/{id}/candidates/{id}/appeals/{id}")
        _module_names(scores, v)
        reason = v.text(reason, "reason", 500)
        v.raise_if_any()
        return cls(actor, parts[1], parts[3], parts[5], scores, reason)
