"""gRPC translation for AccreditationService: protos in, handler calls, protos out."""

import asyncio
from functools import partial

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import accreditation_pb2_grpc as pb_grpc
from servicekit import auth, dates, divisions, paging
from servicekit.names import require_id, resource_id
from servicekit.errors import Violations
from servicekit.uscc import InvalidUscc, validate_uscc

from . import domain, handlers
from .adapters.registry_client import RegistryClient
from .config import AccreditationSettings

ADMINS = frozenset({"province_admin", "city_admin"})
READERS = ADMINS | {"eval_org", "auditor", "service"}
POLICY = {
    "CreateInstitution": ADMINS,
    "GetInstitution": READERS | {"training_org"},
    "ListInstitutions": READERS | {"training_org"},
    "ChangeInstitutionStatus": ADMINS,
    "RecordPreAppointmentTraining": ADMINS | {"eval_org"},
    "AppointEvaluator": ADMINS | {"eval_org"},
    "GetEvaluator": READERS,
    "CreateExamSession": ADMINS | {"eval_org"},
    "GetExamSession": READERS,
    "AssignEvaluator": ADMINS | {"eval_org"},
    "EnrollCandidate": ADMINS | {"eval_org"},
    "RecordScores": {"eval_org"},
    "CloseExamSession": {"eval_org", "province_admin"},
}


def candidate_ids(value: str, v: Violations) -> tuple[str, str]:
    parts = value.split("/")
    ok = (len(parts) == 4 and parts[0] == "examSessions" and parts[2] == "candidates"
          and all(p.isascii() and p.isalnum() and 0 < len(p) <= 32 for p in (parts[1], parts[3])))
    v.check(ok, "candidate", "must be examSessions/{id}/candidates/{id}")
    return (parts[1], parts[3]) if ok else ("", "")


def institution_pb(view: handlers.InstitutionView) -> pb.Institution:
    r = view.institution
    out = pb.Institution(
        name=f"institutions/{r.id}", display_name=r.display_name, uscc=r.uscc, role=r.role,
        status=r.status, region_code=r.region_code, category=r.category,
        ministry_code=r.ministry_code, site_serial=r.site_serial,
        history=[pb.StatusChange(from_status=h.from_status, to_status=h.to_status,
                                 actor=h.actor, reason=h.reason) for h in view.history])
    for change, h in zip(out.history, view.history):
        change.change_time.FromDatetime(h.changed_at)
    out.create_time.FromDatetime(r.created_at)
    return out


def evaluator_pb(r) -> pb.Evaluator:
    return pb.Evaluator(name=f"evaluators/{r.id}", person=f"persons/{r.person_id}",
                        full_name=r.full_name, institution=f"institutions/{r.institution_id}",
                        status=r.status, term_start=dates.iso(r.term_start),
                        term_end=dates.iso(r.term_end), recommended_by=r.recommended_by)


def candidate_pb(c) -> pb.Candidate:
    return pb.Candidate(
        name=f"examSessions/{c.session_id}/candidates/{c.id}", person=f"persons/{c.person_id}",
        full_name=c.full_name, resident_id_masked=c.resident_id_masked,
        theory_exempt=c.theory_exempt, theory_score=c.theory_score, skill_score=c.skill_score,
        review_score=c.review_score, result=c.result)


def session_pb(view: handlers.SessionView) -> pb.ExamSession:
    s = view.session
    out = pb.ExamSession(
        name=f"examSessions/{s.id}", institution=f"institutions/{s.institution_id}",
        occupation_code=s.occupation_code, level=s.level, exam_date=dates.iso(s.exam_date),
        state=s.state, evaluators=[f"evaluators/{e}" for e in view.evaluator_ids],
        candidates=[candidate_pb(c) for c in view.candidates])
    if s.closed_at:
        out.close_time.FromDatetime(s.closed_at)
    return out


def _optional(message, field: str) -> int | None:
    return getattr(message, field) if message.HasField(field) else None


class AccreditationApi(pb_grpc.AccreditationServiceServicer):
    def __init__(self, uow_factory, people: RegistryClient, settings: AccreditationSettings):
        self._uow, self._people, self._settings = uow_factory, people, settings

    async def _run(self, handler, *args, **kwargs):
        return await asyncio.to_thread(partial(handler, self._uow(), *args, **kwargs))

    async def CreateInstitution(self, request: pb.CreateInstitutionRequest, context):
        v = Violations()
        name = v.text(request.display_name, "display_name", 100)
        uscc = ""
        try:
            uscc = validate_uscc(request.uscc)
        except InvalidUscc as exc:
            v.add("uscc", str(exc))
        role_ok = v.check(request.role in (pb.INSTITUTION_ROLE_EVALUATION,
                                           pb.INSTITUTION_ROLE_TRAINING),
                          "role", "must be EVALUATION or TRAINING")
        v.check(divisions.is_known_division(request.region_code), "region_code",
                "is not a GB/T 2260 division code")
        if role_ok:
            domain.validate_numbering_parts(v, request.role, request.category,
                                            request.ministry_code, request.site_serial)
        v.raise_if_any()
        view = await self._run(handlers.create_institution, auth.current_caller(),
                               display_name=name, uscc=uscc, role=request.role,
                               region_code=request.region_code, category=request.category,
                               ministry_code=request.ministry_code,
                               site_serial=request.site_serial)
        return institution_pb(view)

    async def GetInstitution(self, request, context):
        iid = require_id(request.name, "institutions")
        return institution_pb(await self._run(handlers.get_institution, iid))

    async def ListInstitutions(self, request, context):
        v = Violations()
        v.check(request.role in pb.InstitutionRole.values(), "role", "unknown role")
        size = paging.page_size(request.page_size, v)
        after = paging.decode_token(request.page_token, v)
        v.raise_if_any()
        views, last = await self._run(handlers.list_institutions, request.role, size, after)
        return pb.ListInstitutionsResponse(
            institutions=[institution_pb(x) for x in views],
            next_page_token=paging.encode_token(last) if last else "")

    async def ChangeInstitutionStatus(self, request, context):
        v = Violations()
        iid = resource_id(request.name, "institutions", "name", v)
        v.check(request.status in pb.InstitutionStatus.values()
                and request.status not in (pb.INSTITUTION_STATUS_UNSPECIFIED,
                                           pb.INSTITUTION_STATUS_APPLIED),
                "status", "must be a target status")
        reason = v.text(request.reason, "reason", 500)  # INST-1: every transition has one
        v.raise_if_any()
        view = await self._run(handlers.change_institution_status, auth.current_caller(), iid,
                               request.status, reason)
        return institution_pb(view)

    async def RecordPreAppointmentTraining(self, request, context):
        v = Violations()
        pid = resource_id(request.person, "persons", "person", v)
        completed = dates.parse_date(request.completion_date, "completion_date", v,
                                     required=True, not_future=True)
        provider = v.text(request.provider, "provider", 100, required=False)
        v.raise_if_any()
        row = await self._run(handlers.record_pre_appointment_training, self._people,
                              person_id=pid, completion_date=completed, passed=request.passed,
                              provider=provider)
        return pb.PreAppointmentTraining(person=request.person,
                                         completion_date=dates.iso(row.completion_date),
                                         passed=row.passed, provider=row.provider)

    async def AppointEvaluator(self, request, context):
        v = Violations()
        iid = resource_id(request.institution, "institutions", "institution", v)
        pid = resource_id(request.person, "persons", "person", v)
        start = dates.parse_date(request.term_start, "term_start", v) or dates.today()
        recommended_by = v.text(request.recommended_by, "recommended_by", 100, required=False)
        v.raise_if_any()
        row = await self._run(handlers.appoint_evaluator, auth.current_caller(), self._people,
                              institution_id=iid, person_id=pid, term_start=start,
                              term_years=self._settings.evaluator_term_years,
                              recommended_by=recommended_by)
        return evaluator_pb(row)

    async def GetEvaluator(self, request, context):
        eid = require_id(request.name, "evaluators")
        return evaluator_pb(await self._run(handlers.get_evaluator, eid))

    async def CreateExamSession(self, request, context):
        v = Violations()
        iid = resource_id(request.institution, "institutions", "institution", v)
        domain.validate_occupation_level(v, request.occupation_code, request.level)
        exam_date = dates.parse_date(request.exam_date, "exam_date", v, required=True)
        v.raise_if_any()
        view = await self._run(handlers.create_exam_session, auth.current_caller(),
                               institution_id=iid, occupation_code=request.occupation_code,
                               level=request.level, exam_date=exam_date)
        return session_pb(view)

    async def GetExamSession(self, request, context):
        sid = require_id(request.name, "examSessions")
        return session_pb(await self._run(handlers.get_exam_session, auth.current_caller(),
                                          sid))

    async def AssignEvaluator(self, request, context):
        v = Violations()
        sid = resource_id(request.exam_session, "examSessions", "exam_session", v)
        eid = resource_id(request.evaluator, "evaluators", "evaluator", v)
        v.raise_if_any()
        view = await self._run(handlers.assign_evaluator, auth.current_caller(),
                               session_id=sid, evaluator_id=eid)
        return session_pb(view)

    async def EnrollCandidate(self, request, context):
        v = Violations()
        sid = resource_id(request.exam_session, "examSessions", "exam_session", v)
        pid = resource_id(request.person, "persons", "person", v)
        v.raise_if_any()
        row = await self._run(handlers.enroll_candidate, auth.current_caller(), self._people,
                              session_id=sid, person_id=pid,
                              exemption_years=self._settings.guard_certificate_exemption_years)
        return candidate_pb(row)

    async def RecordScores(self, request, context):
        v = Violations()
        sid, cid = candidate_ids(request.candidate, v)
        v.raise_if_any()
        scores = domain.Scores(_optional(request, "theory_score"),
                               _optional(request, "skill_score"),
                               _optional(request, "review_score"))
        row = await self._run(handlers.record_scores, auth.current_caller(), session_id=sid,
                              candidate_id=cid, scores=scores)
        return candidate_pb(row)

    async def CloseExamSession(self, request, context):
        sid = require_id(request.name, "examSessions")
        return session_pb(await self._run(handlers.close_exam_session, auth.current_caller(), sid))


def servicers(uow_factory, people: RegistryClient, settings: AccreditationSettings) -> list[tuple]:
    return [(pb_grpc.add_AccreditationServiceServicer_to_server,
             AccreditationApi(uow_factory, people, settings),
             pb.DESCRIPTOR.services_by_name["AccreditationService"].full_name)]
