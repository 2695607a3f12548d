"""gRPC translation for AccreditationService: protos in, commands to the bus, protos out."""

from contextlib import contextmanager
from datetime import date

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import accreditation_pb2_grpc as pb_grpc
from servicekit import auditlisting, auth, dates
from servicekit.errors import FieldViolation, InvalidArgument
from servicekit.messagebus import MessageBus
from servicekit.names import require_id

from .domain import commands as c
from .domain.evaluators import AssessmentSchedule, Evaluator, PreAppointmentTraining
from .domain.pass_rates import Monitoring, PassRate
from .domain.exams import Candidate, ExamSession, Scores
from .domain.institutions import Institution


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


def evaluator_pb(e: Evaluator, as_of: date | None = None,
                 schedule: AssessmentSchedule = AssessmentSchedule()) -> pb.Evaluator:
    """`as_of` (default today) dates the computed status, overdue years and in_term."""
    day = as_of or dates.today()
    out = pb.Evaluator(
        name=e.name, person=f"persons/{e.person_id}", full_name=e.full_name,
        institution=f"institutions/{e.institution_id}", status=e.status_on(day),
        term_start=dates.to_proto(e.term_start), term_end=dates.to_proto(e.term_end),
        recommended_by=e.recommended_by, occupation_code=e.occupation_code,
        max_level=e.max_level, overdue_years=e.overdue_years(day, schedule),
        in_term=e.in_term(day),
        terms=[pb.EvaluatorTerm(term_start=dates.to_proto(t.start),
                                term_end=dates.to_proto(t.end), actor=t.actor)
               for t in e.terms],
        assessments=[pb.AnnualAssessment(
            year=a.year, ethics=a.ethics, professional_score=a.professional_score,
            performance_score=a.performance_score, result=a.result,
            assessed_on=dates.to_proto(a.assessed_on), remarks=a.remarks, actor=a.actor)
            for a in sorted(e.assessments, key=lambda a: a.year)],
        affiliations=[pb.EvaluatorAffiliation(institution=f"institutions/{a.institution_id}",
                                              display_name=a.display_name)
                      for a in e.affiliations])
    for term, t in zip(out.terms, e.terms):
        term.record_time.FromDatetime(t.at)
    for assessment, a in zip(out.assessments, sorted(e.assessments, key=lambda a: a.year)):
        assessment.record_time.FromDatetime(a.at)
    for affiliation, a in zip(out.affiliations, e.affiliations):
        affiliation.start_time.FromDatetime(a.start)
        if a.end:
            affiliation.end_time.FromDatetime(a.end)
    return out


def pass_rate_pb(r: PassRate, alpha: float) -> pb.PassRate:
    return pb.PassRate(unit=r.unit, subject=r.subject, occupation_code=r.occupation_code,
                       level=r.level, year=r.year, candidates=r.candidates, passed=r.passed,
                       rate=r.rate, reference_candidates=r.reference_candidates,
                       reference_passed=r.reference_passed, reference_rate=r.reference_rate,
                       tested=r.tested, p_value=r.p_value, anomalous=r.anomalous(alpha))


def candidate_pb(c: Candidate) -> pb.Candidate:
    out = pb.Candidate(
        name=c.name, person=f"persons/{c.person_id}", full_name=c.full_name,
        resident_id_masked=c.resident_id_masked, theory_exempt=c.theory_exempt,
        trained_by=f"institutions/{c.trained_by_id}" if c.trained_by_id else "",
        theory_score=c.scores.theory, skill_score=c.scores.skill,
        review_score=c.scores.review, result=c.result,
        score_history=[pb.ScoreEntry(theory_score=h.scores.theory, skill_score=h.scores.skill,
                                     review_score=h.scores.review, result=h.result,
                                     actor=h.actor) for h in c.score_history])
    for entry, h in zip(out.score_history, c.score_history):
        entry.enter_time.FromDatetime(h.at)
    return out


def session_pb(s: ExamSession) -> pb.ExamSession:
    out = pb.ExamSession(
        name=s.name, institution=f"institutions/{s.institution_id}",
        occupation_code=s.occupation_code, level=s.level, exam_date=dates.to_proto(s.exam_date),
        state=s.state, evaluators=[f"evaluators/{e}" for e in s.evaluator_ids],
        candidates=[candidate_pb(x) for x in s.candidates])
    if s.closed_at:
        out.close_time.FromDatetime(s.closed_at)
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
    def __init__(self, bus: MessageBus, schedule: AssessmentSchedule = AssessmentSchedule(),
                 alpha: float = Monitoring().alpha):
        self._bus = bus
        self._schedule, self._alpha = schedule, alpha  # to date and flag what is answered

    def _evaluator(self, e: Evaluator, as_of: date | None = None) -> pb.Evaluator:
        return evaluator_pb(e, as_of, self._schedule)

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
        return self._evaluator(await self._bus.handle(c.AppointEvaluator.parse(
            auth.current_caller(), institution=request.institution, person=request.person,
            term_start=request.term_start, recommended_by=request.recommended_by,
            occupation_code=request.occupation_code, max_level=request.max_level,
            affiliations=list(request.affiliations))))

    async def GetEvaluator(self, request, context):
        return self._evaluator(await self._bus.handle(
            c.GetEvaluator(auth.current_caller(), require_id(request.name, "evaluators"))))

    async def CreateExamSession(self, request, context):
        s = request.exam_session
        with within("exam_session"):
            command = c.CreateExamSession.parse(
                auth.current_caller(), institution=s.institution,
                occupation_code=s.occupation_code, level=s.level, exam_date=s.exam_date)
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
            trained_by=request.trained_by)))

    async def RecordScores(self, request, context):
        scores = Scores(_optional(request, "theory_score"), _optional(request, "skill_score"),
                        _optional(request, "review_score"))
        return candidate_pb(await self._bus.handle(c.RecordScores.parse(
            auth.current_caller(), candidate=request.candidate, scores=scores)))

    async def CloseExamSession(self, request, context):
        return session_pb(await self._bus.handle(c.CloseExamSession(
            auth.current_caller(), require_id(request.name, "examSessions"))))

    async def ListAuditRecords(self, request, context):
        return await auditlisting.answer(self._bus, pb, request)

    async def RenewEvaluator(self, request, context):
        return self._evaluator(await self._bus.handle(c.RenewEvaluator.parse(
            auth.current_caller(), name=request.name, term_start=request.term_start)))

    async def RecordAnnualAssessment(self, request, context):
        return self._evaluator(await self._bus.handle(c.RecordAnnualAssessment.parse(
            auth.current_caller(), evaluator=request.evaluator, year=request.year,
            ethics=request.ethics, professional_score=request.professional_score,
            performance_score=request.performance_score, assessed_on=request.assessed_on,
            remarks=request.remarks)))

    async def ListEvaluators(self, request, context):
        query = c.ListEvaluators.parse(
            auth.current_caller(), institution=request.institution, status=request.status,
            overdue=request.overdue if request.HasField("overdue") else None,
            as_of_date=request.as_of_date, page_size=request.page_size,
            page_token=request.page_token)
        page, token = await self._bus.handle(query)
        return pb.ListEvaluatorsResponse(evaluators=[self._evaluator(e, query.as_of)
                                                     for e in page], next_page_token=token)

    async def SetEvaluatorAffiliations(self, request, context):
        return self._evaluator(await self._bus.handle(c.SetEvaluatorAffiliations.parse(
            auth.current_caller(), evaluator=request.evaluator,
            affiliations=list(request.affiliations))))

    async def _pass_rates(self, request, *, subject: str, anomalies_only: bool):
        page, token = await self._bus.handle(c.ListPassRates.parse(
            auth.current_caller(), year=request.year, subject=subject,
            anomalies_only=anomalies_only, page_size=request.page_size,
            page_token=request.page_token))
        return pb.ListPassRatesResponse(pass_rates=[pass_rate_pb(r, self._alpha) for r in page],
                                        next_page_token=token)

    async def ListPassRates(self, request, context):
        return await self._pass_rates(request, subject=request.subject, anomalies_only=False)

    async def ListPassRateAnomalies(self, request, context):
        return await self._pass_rates(request, subject="", anomalies_only=True)


def servicers(bus: MessageBus, schedule: AssessmentSchedule = AssessmentSchedule(),
              alpha: float = Monitoring().alpha) -> list[tuple]:
    return [(pb_grpc.add_AccreditationServiceServicer_to_server,
             AccreditationApi(bus, schedule, alpha),
             pb.DESCRIPTOR.services_by_name["AccreditationService"].full_name)]
