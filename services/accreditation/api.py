"""gRPC translation for AccreditationService: protos in, commands to the bus, protos out."""

from contextlib import contextmanager

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import accreditation_pb2_grpc as pb_grpc
from servicekit import auditlisting, auth, dates
from servicekit.errors import FieldViolation, InvalidArgument
from servicekit.messagebus import MessageBus
from servicekit.names import require_id

from .domain import commands as c
from .domain.eligibility import DeclaredFact
from .domain.evaluators import Evaluator, PreAppointmentTraining
from .domain.exams import Appeal, Candidate, ExamSession, Scores
from .domain.institutions import Institution
from .domain.launches import LevelLaunch
from .domain.sites import ExamSite


def institution_pb(i: Institution) -> pb.Institution:
    out = pb.Institution(
        name=i.name, display_name=i.display_name, uscc=i.uscc, role=i.role, status=i.status,
        region_code=i.region_code, category=i.numbering.category,
        ministry_code=i.numbering.ministry_code, site_serial=i.numbering.site_serial,
        history=[pb.StatusChange(from_status=h.from_status, to_status=h.to_status,
                                 actor=h.actor, reason=h.reason) for h in i.history])
    for change, h in zip(out.history, i.history):
        change.change_time.FromDatetime(h.changed_at)
    out.create_time.FromDatetime(i.created_at)
    return out


def evaluator_pb(e: Evaluator) -> pb.Evaluator:
    return pb.Evaluator(name=e.name, person=f"persons/{e.person_id}", full_name=e.full_name,
                        institution=f"institutions/{e.institution_id}", status=e.status,
                        term_start=dates.to_proto(e.term_start),
                        term_end=dates.to_proto(e.term_end),
                        recommended_by=e.recommended_by)


def _modules_pb(scores: Scores) -> list[pb.ModuleScore]:
    return [pb.ModuleScore(module=m, score=v) for m, v in scores.modules]


def _modules_of(request) -> tuple[tuple[str, int], ...]:
    return tuple((m.module, m.score) for m in request.module_scores)


def appeal_pb(a: Appeal) -> pb.Appeal:
    out = pb.Appeal(name=a.name, evaluator=f"evaluators/{a.evaluator_id}", state=a.state,
                    reason=a.reason, filed_by=a.filed_by, decided_by=a.decided_by,
                    decision_reason=a.decision_reason, from_result=a.from_result,
                    to_result=a.to_result)
    out.file_time.FromDatetime(a.filed_at)
    if a.decided_at:
        out.decide_time.FromDatetime(a.decided_at)
    return out


def candidate_pb(c: Candidate) -> pb.Candidate:
    out = pb.Candidate(
        name=c.name, person=f"persons/{c.person_id}", full_name=c.full_name,
        resident_id_masked=c.resident_id_masked, theory_exempt=c.theory_exempt,
        theory_score=c.scores.theory, skill_score=c.scores.skill,
        review_score=c.scores.review, result=c.result,
        score_history=[pb.ScoreEntry(theory_score=h.scores.theory, skill_score=h.scores.skill,
                                     review_score=h.scores.review, result=h.result,
                                     actor=h.actor, module_scores=_modules_pb(h.scores),
                                     appeal=(f"{c.name}/appeals/{h.appeal_id}"
                                             if h.appeal_id else ""))
                       for h in c.score_history],
        application_state=c.application_state,
        reviews=[pb.ReviewDecision(stage=r.stage, approved=r.approved, actor=r.actor,
                                   reason=r.reason) for r in c.reviews],
        facts=[pb.DeclaredFact(kind=f.kind, years=f.years, evidence=f.evidence)
               for f in c.facts],
        eligibility_route=c.route, module_scores=_modules_pb(c.scores),
        appeals=[appeal_pb(a) for a in c.appeals])
    for entry, h in zip(out.score_history, c.score_history):
        entry.enter_time.FromDatetime(h.at)
    for decision, r in zip(out.reviews, c.reviews):
        decision.decide_time.FromDatetime(r.at)
    return out


def session_pb(s: ExamSession) -> pb.ExamSession:
    out = pb.ExamSession(
        name=s.name, institution=f"institutions/{s.institution_id}",
        occupation_code=s.occupation_code, level=s.level, exam_date=dates.to_proto(s.exam_date),
        state=s.state, evaluators=[f"evaluators/{e}" for e in s.evaluator_ids],
        candidates=[candidate_pb(x) for x in s.candidates],
        exam_site=f"examSites/{s.exam_site_id}" if s.exam_site_id else "",
        exam_mode=s.exam_mode,
        steps=[pb.SessionStep(to_state=x.to_state, actor=x.actor, reason=x.reason)
               for x in s.steps])
    for step, x in zip(out.steps, s.steps):
        step.step_time.FromDatetime(x.at)
    if s.closed_at:
        out.close_time.FromDatetime(s.closed_at)
    return out


def site_pb(s: ExamSite) -> pb.ExamSite:
    out = pb.ExamSite(name=s.name, display_name=s.display_name, region_code=s.region_code,
                      filing_number=s.filing_number)
    out.create_time.FromDatetime(s.created_at)
    return out


def launch_pb(x: LevelLaunch) -> pb.LevelLaunch:
    out = pb.LevelLaunch(name=x.name, province=x.province, occupation_code=x.occupation_code,
                         level=x.level, actor=x.actor)
    out.launch_time.FromDatetime(x.launched_at)
    return out


def training_pb(t: PreAppointmentTraining) -> pb.PreAppointmentTraining:
    return pb.PreAppointmentTraining(person=f"persons/{t.person_id}",
                                     completion_date=dates.to_proto(t.completion_date),
                                     passed=t.passed, provider=t.provider)


@contextmanager
def within(resource: str):
    """A create request's violations name the resource's fields by path (AIP-193)."""
    try:
        yield
    except InvalidArgument as exc:
        raise InvalidArgument([FieldViolation(f"{resource}.{v.field}", v.description)
                               for v in exc.violations]) from None


def _optional(message, field: str) -> int | None:
    return getattr(message, field) if message.HasField(field) else None


class AccreditationApi(pb_grpc.AccreditationServiceServicer):
    def __init__(self, bus: MessageBus):
        self._bus = bus

    async def CreateInstitution(self, request, context):
        i = request.institution
        with within("institution"):
            command = c.CreateInstitution.parse(
                auth.current_caller(), display_name=i.display_name, uscc=i.uscc, role=i.role,
                region_code=i.region_code, category=i.category, ministry_code=i.ministry_code,
                site_serial=i.site_serial)
        return institution_pb(await self._bus.handle(command))

    async def GetInstitution(self, request, context):
        return institution_pb(await self._bus.handle(
            c.GetInstitution(auth.current_caller(), require_id(request.name, "institutions"))))

    async def ListInstitutions(self, request, context):
        page, token = await self._bus.handle(c.ListInstitutions.parse(
            auth.current_caller(), role=request.role, page_size=request.page_size, page_token=request.page_token))
        return pb.ListInstitutionsResponse(institutions=[institution_pb(x) for x in page],
                                           next_page_token=token)

    async def ChangeInstitutionStatus(self, request, context):
        return institution_pb(await self._bus.handle(c.ChangeInstitutionStatus.parse(
            auth.current_caller(), name=request.name, status=request.status,
            reason=request.reason)))

    async def RecordPreAppointmentTraining(self, request, context):
        return training_pb(await self._bus.handle(c.RecordPreAppointmentTraining.parse(
            auth.current_caller(), person=request.person,
            completion_date=request.completion_date, passed=request.passed,
            provider=request.provider)))

    async def AppointEvaluator(self, request, context):
        return evaluator_pb(await self._bus.handle(c.AppointEvaluator.parse(
            auth.current_caller(), institution=request.institution, person=request.person,
            term_start=request.term_start, recommended_by=request.recommended_by)))

    async def GetEvaluator(self, request, context):
        return evaluator_pb(await self._bus.handle(
            c.GetEvaluator(auth.current_caller(), require_id(request.name, "evaluators"))))

    async def CreateExamSession(self, request, context):
        s = request.exam_session
        with within("exam_session"):
            command = c.CreateExamSession.parse(
                auth.current_caller(), institution=s.institution,
                occupation_code=s.occupation_code, level=s.level, exam_date=s.exam_date,
                exam_site=s.exam_site)
        return session_pb(await self._bus.handle(command))

    async def GetExamSession(self, request, context):
        return session_pb(await self._bus.handle(c.GetExamSession(
            auth.current_caller(), require_id(request.name, "examSessions"))))

    async def AssignEvaluator(self, request, context):
        return session_pb(await self._bus.handle(c.AssignEvaluator.parse(
            auth.current_caller(), exam_session=request.exam_session,
            evaluator=request.evaluator)))

    async def EnrollCandidate(self, request, context):
        return candidate_pb(await self._bus.handle(c.EnrollCandidate.parse(
            auth.current_caller(), exam_session=request.exam_session, person=request.person,
            facts=[DeclaredFact(f.kind, f.years, f.evidence) for f in request.facts])))

    async def RecordScores(self, request, context):
        scores = Scores(_optional(request, "theory_score"), _optional(request, "skill_score"),
                        _optional(request, "review_score"), _modules_of(request))
        return candidate_pb(await self._bus.handle(c.RecordScores.parse(
            auth.current_caller(), candidate=request.candidate, scores=scores)))

    async def CloseExamSession(self, request, context):
        return session_pb(await self._bus.handle(c.CloseExamSession(
            auth.current_caller(), require_id(request.name, "examSessions"))))

    async def ListAuditRecords(self, request, context):
        return await auditlisting.answer(self._bus, pb, request)

    async def FirstReviewApplication(self, request, context):
        return candidate_pb(await self._bus.handle(c.ReviewApplication.parse(
            auth.current_caller(), stage=pb.REVIEW_STAGE_FIRST, candidate=request.candidate,
            approved=request.approved, reason=request.reason)))

    async def SecondReviewApplication(self, request, context):
        return candidate_pb(await self._bus.handle(c.ReviewApplication.parse(
            auth.current_caller(), stage=pb.REVIEW_STAGE_SECOND, candidate=request.candidate,
            approved=request.approved, reason=request.reason)))

    async def RegisterExamSite(self, request, context):
        s = request.exam_site
        with within("exam_site"):
            command = c.RegisterExamSite.parse(
                auth.current_caller(), display_name=s.display_name, region_code=s.region_code,
                filing_number=s.filing_number)
        return site_pb(await self._bus.handle(command))

    async def LaunchLevel(self, request, context):
        return launch_pb(await self._bus.handle(c.LaunchLevel.parse(
            auth.current_caller(), province=request.province,
            occupation_code=request.occupation_code, level=request.level)))

    async def SignOffExamSession(self, request, context):
        return session_pb(await self._bus.handle(c.SignOffExamSession.parse(
            auth.current_caller(), name=request.name, reason=request.reason)))

    async def CheckExamResults(self, request, context):
        return session_pb(await self._bus.handle(c.CheckExamResults.parse(
            auth.current_caller(), name=request.name, approved=request.approved,
            reason=request.reason)))

    async def AppealResult(self, request, context):
        return appeal_pb(await self._bus.handle(c.AppealResult.parse(
            auth.current_caller(), candidate=request.candidate, evaluator=request.evaluator,
            reason=request.reason)))

    async def DecideAppeal(self, request, context):
        scores = Scores(_optional(request, "theory_score"), _optional(request, "skill_score"),
                        _optional(request, "review_score"), _modules_of(request))
        return appeal_pb(await self._bus.handle(c.DecideAppeal.parse(
            auth.current_caller(), name=request.name, scores=scores, reason=request.reason)))


def servicers(bus: MessageBus) -> list[tuple]:
    return [(pb_grpc.add_AccreditationServiceServicer_to_server, AccreditationApi(bus),
             pb.DESCRIPTOR.services_by_name["AccreditationService"].full_name)]
