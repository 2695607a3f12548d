"""The messages that reach accreditation's handlers. Each command's `parse` validates the
raw values an API received and reports every bad field at once (INVALID_ARGUMENT); the
rules that need stored state are the aggregates'."""

from dataclasses import dataclass
from datetime import date

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.training.v1 import events_pb2 as training_events
from servicekit import dates, divisions, paging
from servicekit.auth import Caller
from servicekit.errors import Violations
from servicekit.names import resource_id
from servicekit.uscc import InvalidUscc, validate_uscc

from . import occupations
from .eligibility import DeclaredFact
from .exams import Scores, validate_occupation_level
from .institutions import NumberingParts
from .supervisors import Finding

TARGET_STATUSES = frozenset(pb.InstitutionStatus.values()) - {
    pb.INSTITUTION_STATUS_UNSPECIFIED, pb.INSTITUTION_STATUS_APPLIED}


def _uscc(value: str, field_name: str, v: Violations, required: bool = True) -> str:
    if not value and not required:
        return ""
    try:
        return validate_uscc(value)
    except InvalidUscc as exc:
        v.add(field_name, str(exc))
        return value


def _occupations(codes, field_name: str, v: Violations, required: bool) -> tuple[str, ...]:
    codes = tuple(dict.fromkeys(codes))  # de-duplicated, in order
    v.check(bool(codes) or not required, field_name, "is required")
    for code in codes:
        v.check(occupations.find(code) is not None, field_name, f"unknown occupation {code!r}")
    return codes


@dataclass(frozen=True)
class CreateInstitution:
    """An application (INST-1) against a call for applications."""

    actor: Caller
    display_name: str
    uscc: str
    role: int
    region_code: str
    numbering: NumberingParts
    call_id: str = ""
    occupation_codes: tuple[str, ...] = ()
    legal_representative: str = ""
    parent_uscc: str = ""

    @classmethod
    def parse(cls, actor: Caller, *, display_name: str, uscc: str, role: int,
              region_code: str, category: int, ministry_code: str,
              site_serial: str, call: str = "", occupation_codes=(),
              legal_representative: str = "", parent_uscc: str = "") -> "CreateInstitution":
        v = Violations()
        name = v.text(display_name, "display_name", 100)
        uscc = _uscc(uscc, "uscc", v)
        role_ok = v.check(role in (pb.INSTITUTION_ROLE_EVALUATION, pb.INSTITUTION_ROLE_TRAINING),
                          "role", "must be EVALUATION or TRAINING")
        v.check(divisions.is_known_division(region_code), "region_code",
                "is not a GB/T 2260 division code")
        numbering = NumberingParts(category, ministry_code, site_serial)
        if role_ok:
            numbering.validate(v, role)
        call_id = resource_id(call, "callsForApplications", "call", v)
        codes = _occupations(occupation_codes, "occupation_codes", v, required=True)
        legal = v.text(legal_representative, "legal_representative", 50, required=False)
        parent = _uscc(parent_uscc, "parent_uscc", v, required=False)
        v.check(not parent or parent != uscc, "parent_uscc", "must be another organisation")
        v.raise_if_any()
        return cls(actor, name, uscc, role, region_code, numbering, call_id, codes, legal,
                   parent)


@dataclass(frozen=True)
class GetInstitution:
    actor: Caller
    institution_id: str


@dataclass(frozen=True)
class ListInstitutions:
    actor: Caller
    role: int
    page: paging.Page
    status: int = 0
    region_code: str = ""
    occupation_code: str = ""

    @classmethod
    def parse(cls, actor: Caller, *, role: int, page_size: int, page_token: str,
              status: int = 0, region_code: str = "",
              occupation_code: str = "") -> "ListInstitutions":
        v = Violations()
        v.check(role in pb.InstitutionRole.values(), "role", "unknown role")
        v.check(status in pb.InstitutionStatus.values(), "status", "unknown status")
        v.check(not region_code or divisions.is_known_division(region_code), "region_code",
                "is not a GB/T 2260 division code")
        v.check(not occupation_code or occupations.find(occupation_code) is not None,
                "occupation_code", "unknown occupation code")
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, role, page, status, region_code, occupation_code)


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
    trained_by_id: str = ""  # the training institution, if any (EVAL-5 conflict)
    facts: tuple[DeclaredFact, ...] = ()  # ASMT-5, each with its evidence reference

    @classmethod
    def parse(cls, actor: Caller, *, exam_session: str, person: str, trained_by: str = "",
              facts: list[DeclaredFact] = ()) -> "EnrollCandidate":
        """The facts' kinds are checked against the eligibility data by the handler."""
        v = Violations()
        sid = resource_id(exam_session, "examSessions", "exam_session", v)
        pid = resource_id(person, "persons", "person", v)
        tid = resource_id(trained_by, "institutions", "trained_by", v) if trained_by else ""
        v.raise_if_any()
        return cls(actor, sid, pid, tid, tuple(facts))


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


# institutions: calls, joint selection, quotas, teachers, supervisors, licences, blacklist

@dataclass(frozen=True)
class CreateCallForApplications:
    actor: Caller
    title: str
    role: int
    occupation_code: str
    region_code: str
    open_date: date
    close_date: date

    @classmethod
    def parse(cls, actor: Caller, *, title: str, role: int, occupation_code: str,
              region_code: str, open_date: dates.DateInput,
              close_date: dates.DateInput) -> "CreateCallForApplications":
        v = Violations()
        title = v.text(title, "title", 200)
        v.check(role in (pb.INSTITUTION_ROLE_EVALUATION, pb.INSTITUTION_ROLE_TRAINING),
                "role", "must be EVALUATION or TRAINING")
        v.check(not occupation_code or occupations.find(occupation_code) is not None,
                "occupation_code", "unknown occupation code")
        v.check(divisions.is_known_division(region_code), "region_code",
                "is not a GB/T 2260 division code")
        opens = dates.parse_date(open_date, "open_date", v, required=True)
        closes = dates.parse_date(close_date, "close_date", v, required=True)
        if opens and closes:
            v.check(opens <= closes, "close_date", "must not be before open_date")
        v.raise_if_any()
        return cls(actor, title, role, occupation_code, region_code, opens, closes)


@dataclass(frozen=True)
class GetCallForApplications:
    actor: Caller
    call_id: str


@dataclass(frozen=True)
class DecideApplication:
    actor: Caller
    institution_id: str
    outcome: int
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, outcome: int, reason: str) -> "DecideApplication":
        v = Violations()
        iid = resource_id(name, "institutions", "name", v)
        v.check(outcome in (pb.SELECTION_OUTCOME_APPROVED, pb.SELECTION_OUTCOME_REJECTED),
                "outcome", "must be APPROVED or REJECTED")
        reason = v.text(reason, "reason", 500)  # INST-1: every decision has one
        v.raise_if_any()
        return cls(actor, iid, outcome, reason)


@dataclass(frozen=True)
class PublishCallResult:
    actor: Caller
    call_id: str


@dataclass(frozen=True)
class CloseCallForApplications:
    actor: Caller
    call_id: str


@dataclass(frozen=True)
class CheckSeparation:
    actor: Caller
    uscc: str
    role: int
    legal_representative: str
    parent_uscc: str

    @classmethod
    def parse(cls, actor: Caller, *, uscc: str, role: int, legal_representative: str,
              parent_uscc: str) -> "CheckSeparation":
        v = Violations()
        uscc = _uscc(uscc, "uscc", v)
        v.check(role in (pb.INSTITUTION_ROLE_EVALUATION, pb.INSTITUTION_ROLE_TRAINING),
                "role", "must be EVALUATION or TRAINING")
        legal = v.text(legal_representative, "legal_representative", 50, required=False)
        parent = _uscc(parent_uscc, "parent_uscc", v, required=False)
        v.raise_if_any()
        return cls(actor, uscc, role, legal, parent)


@dataclass(frozen=True)
class SetQuotaPhase:
    actor: Caller
    province_code: str
    occupation_code: str
    phase: int

    @classmethod
    def parse(cls, actor: Caller, *, province_code: str, occupation_code: str,
              phase: int) -> "SetQuotaPhase":
        v = Violations()
        v.check(divisions.is_known_division(province_code) and province_code.endswith("0000"),
                "quota_phase.province_code", "must be a province's 6-digit code, e.g. 220000")
        v.check(occupations.find(occupation_code) is not None, "quota_phase.occupation_code",
                "unknown occupation code")
        v.check(phase in pb.QuotaPhaseKind.values(), "quota_phase.phase", "unknown phase")
        v.raise_if_any()
        return cls(actor, province_code, occupation_code, phase)


@dataclass(frozen=True)
class RegisterTeacher:
    actor: Caller
    institution_id: str
    person_id: str

    @classmethod
    def parse(cls, actor: Caller, *, institution: str, person: str) -> "RegisterTeacher":
        v = Violations()
        iid = resource_id(institution, "institutions", "institution", v)
        pid = resource_id(person, "persons", "person", v)
        v.raise_if_any()
        return cls(actor, iid, pid)


@dataclass(frozen=True)
class RecordTeacherAssessment:
    actor: Caller
    teacher_id: str
    assess_date: date
    passed: bool
    assessor: str
    notes: str

    @classmethod
    def parse(cls, actor: Caller, *, teacher: str, assess_date: dates.DateInput, passed: bool,
              assessor: str, notes: str) -> "RecordTeacherAssessment":
        v = Violations()
        tid = resource_id(teacher, "teachers", "teacher", v)
        day = dates.parse_date(assess_date, "assess_date", v, required=True, not_future=True)
        assessor = v.text(assessor, "assessor", 100)
        notes = v.text(notes, "notes", 500, required=False)
        v.raise_if_any()
        return cls(actor, tid, day, passed, assessor, notes)


@dataclass(frozen=True)
class GetTeacher:
    actor: Caller
    teacher_id: str


@dataclass(frozen=True)
class AppointSupervisor:
    actor: Caller
    person_id: str
    affiliation: str
    term_start: date

    @classmethod
    def parse(cls, actor: Caller, *, person: str, affiliation: str,
              term_start: dates.DateInput) -> "AppointSupervisor":
        v = Violations()
        pid = resource_id(person, "persons", "person", v)
        affiliation = v.text(affiliation, "affiliation", 100)
        start = dates.parse_date(term_start, "term_start", v, required=True)
        v.raise_if_any()
        return cls(actor, pid, affiliation, start)


@dataclass(frozen=True)
class RecordSupervisionVisit:
    actor: Caller
    supervisor_id: str
    institution_id: str
    visit_date: date
    findings: tuple[Finding, ...]

    @classmethod
    def parse(cls, actor: Caller, *, supervisor: str, institution: str,
              visit_date: dates.DateInput, findings) -> "RecordSupervisionVisit":
        v = Violations()
        sid = resource_id(supervisor, "supervisors", "supervisor", v)
        iid = resource_id(institution, "institutions", "institution", v)
        day = dates.parse_date(visit_date, "visit_date", v, required=True, not_future=True)
        v.check(len(findings) <= 100, "findings", "at most 100")
        parsed = tuple(Finding(v.text(f.description, f"findings[{i}].description", 500), f.serious)
                       for i, f in enumerate(findings[:100]))
        v.raise_if_any()
        return cls(actor, sid, iid, day, parsed)


@dataclass(frozen=True)
class GetSupervisionBulletin:
    actor: Caller
    start_date: date
    end_date: date
    region_code: str

    @classmethod
    def parse(cls, actor: Caller, *, start_date: dates.DateInput, end_date: dates.DateInput,
              region_code: str) -> "GetSupervisionBulletin":
        v = Violations()
        start = dates.parse_date(start_date, "start_date", v, required=True)
        end = dates.parse_date(end_date, "end_date", v, required=True)
        if start and end:
            v.check(start <= end, "end_date", "must not be before start_date")
            v.check((end - start).days <= 3660, "end_date", "a bulletin covers at most 10 years")
        v.check(not region_code or divisions.is_known_division(region_code), "region_code",
                "is not a GB/T 2260 division code")
        v.raise_if_any()
        return cls(actor, start, end, region_code)


@dataclass(frozen=True)
class RecordTrainingLicence:
    actor: Caller
    institution_id: str
    number: str
    issuer: str
    valid_from: date
    valid_until: date

    @classmethod
    def parse(cls, actor: Caller, *, name: str, number: str, issuer: str,
              valid_from: dates.DateInput, valid_until: dates.DateInput) -> "RecordTrainingLicence":
        v = Violations()
        iid = resource_id(name, "institutions", "name", v)
        number = v.text(number, "training_licence.number", 50)
        issuer = v.text(issuer, "training_licence.issuer", 100)
        start = dates.parse_date(valid_from, "training_licence.valid_from", v, required=True)
        until = dates.parse_date(valid_until, "training_licence.valid_until", v, required=True)
        if start and until:
            v.check(start <= until, "training_licence.valid_until", "must not be before valid_from")
        v.raise_if_any()
        return cls(actor, iid, number, issuer, start, until)


@dataclass(frozen=True)
class BlacklistInstitution:
    actor: Caller
    institution_id: str
    reason: str
    evidence: str
    revoke_qualification: bool

    @classmethod
    def parse(cls, actor: Caller, *, name: str, reason: str, evidence: str,
              revoke_qualification: bool) -> "BlacklistInstitution":
        v = Violations()
        iid = resource_id(name, "institutions", "name", v)
        reason = v.text(reason, "reason", 500)
        evidence = v.text(evidence, "evidence", 200, required=False)
        v.raise_if_any()
        return cls(actor, iid, reason, evidence, revoke_qualification)


@dataclass(frozen=True)
class FraudFound:
    """What the training service's FraudFound event tells accreditation (INST-7): its
    consumer translates the event into this and calls `handlers.fraud_found`."""

    event_id: str
    institution_id: str
    reason: str
    evidence: str           # e.g. trainingClasses/{id}
    revoke_qualification: bool = False
    fraud_case: str = ""    # fraudCases/{id}: one blacklisting per case, whatever the event

    @classmethod
    def of_event(cls, event: training_events.FraudFound) -> "FraudFound":
        """The training service's event, cut to the blacklist's columns."""
        evidence = " ".join(x for x in (event.training_class, event.evidence) if x)
        return cls(event.event_id, event.institution.removeprefix("institutions/"),
                   (event.reason or "fraud found in a training class")[:500], evidence[:200],
                   event.revoke_training_qualification, event.fraud_case[:80])


@dataclass(frozen=True)
class RecordQualityAssessment:
    actor: Caller
    institution_id: str
    assess_date: date
    findings: tuple[str, ...]
    withdraw_qualification: bool

    @classmethod
    def parse(cls, actor: Caller, *, name: str, assess_date: dates.DateInput, findings,
              withdraw_qualification: bool) -> "RecordQualityAssessment":
        v = Violations()
        iid = resource_id(name, "institutions", "name", v)
        day = dates.parse_date(assess_date, "assess_date", v, required=True, not_future=True)
        v.check(len(findings) <= 100, "findings", "at most 100")
        texts = tuple(v.text(f, f"findings[{i}]", 500) for i, f in enumerate(findings[:100]))
        v.raise_if_any()
        return cls(actor, iid, day, texts, withdraw_qualification)
