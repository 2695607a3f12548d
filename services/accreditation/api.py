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
from .domain.calls import CallForApplications
from .domain.eligibility import DeclaredFact
from .domain.evaluators import AssessmentSchedule, Evaluator, PreAppointmentTraining
from .domain.exams import Appeal, Candidate, ExamSession, Scores
from .domain.institutions import Institution
from .domain.launches import LevelLaunch
from .domain.pass_rates import Monitoring, PassRate
from .domain.quotas import QuotaPhase, QuotaTable, load_table
from .domain.separation import SeparationReport
from .domain.supervisors import Bulletin, Supervisor, SupervisionVisit
from .domain.sites import ExamSite
from .domain.teachers import Teacher


def _stamp(field, at) -> None:
    if at is not None:
        field.FromDatetime(at)


def institution_pb(i: Institution) -> pb.Institution:
    out = pb.Institution(
        name=i.name, display_name=i.display_name, uscc=i.uscc, role=i.role, status=i.status,
        region_code=i.region_code, category=i.numbering.category,
        ministry_code=i.numbering.ministry_code, site_serial=i.numbering.site_serial,
        history=[pb.StatusChange(from_status=h.from_status, to_status=h.to_status,
                                 actor=h.actor, reason=h.reason) for h in i.history],
        call=f"callsForApplications/{i.call_id}" if i.call_id else "",
        occupation_codes=i.occupation_codes, legal_representative=i.legal_representative,
        parent_uscc=i.parent_uscc, blacklisted=i.blacklisted)
    for change, h in zip(out.history, i.history):
        change.change_time.FromDatetime(h.changed_at)
    out.create_time.FromDatetime(i.created_at)
    for d in i.decisions:
        _stamp(out.selection_decisions.add(department=d.department, outcome=d.outcome,
                                           actor=d.actor, reason=d.reason).decide_time,
               d.decided_at)
    for x in i.licences:
        _stamp(out.training_licences.add(
            number=x.number, issuer=x.issuer, valid_from=dates.to_proto(x.valid_from),
            valid_until=dates.to_proto(x.valid_until)).record_time, x.recorded_at)
    for b in i.blacklist:
        _stamp(out.blacklist_entries.add(reason=b.reason, evidence=b.evidence, actor=b.actor,
                                         qualification_revoked=b.qualification_revoked)
               .blacklist_time, b.blacklisted_at)
    for q in i.quality_assessments:
        _stamp(out.quality_assessments.add(
            assess_date=dates.to_proto(q.assess_date), findings=q.findings,
            qualification_withdrawn=q.qualification_withdrawn, actor=q.actor).record_time,
            q.recorded_at)
    return out


def call_pb(call: CallForApplications) -> pb.CallForApplications:
    out = pb.CallForApplications(
        name=call.name, title=call.title, role=call.role, occupation_code=call.occupation_code,
        region_code=call.region_code, open_date=dates.to_proto(call.open_date),
        close_date=dates.to_proto(call.close_date), creator=call.creator,
        selected=[f"institutions/{i}" for i in call.selected],
        rejected=[f"institutions/{i}" for i in call.rejected])
    _stamp(out.create_time, call.created_at)
    _stamp(out.publish_time, call.published_at)
    _stamp(out.close_time, call.closed_at)
    return out


def teacher_pb(t: Teacher) -> pb.Teacher:
    out = pb.Teacher(name=t.name, person=f"persons/{t.person_id}", full_name=t.full_name,
                     institution=f"institutions/{t.institution_id}", status=t.status)
    for a in t.assessments:
        _stamp(out.assessments.add(assess_date=dates.to_proto(a.assess_date), passed=a.passed,
                                   assessor=a.assessor, notes=a.notes, actor=a.actor)
               .record_time, a.recorded_at)
    return out


def supervisor_pb(s: Supervisor) -> pb.Supervisor:
    return pb.Supervisor(name=s.name, person=f"persons/{s.person_id}", full_name=s.full_name,
                         affiliation=s.affiliation, term_start=dates.to_proto(s.term_start),
                         term_end=dates.to_proto(s.term_end), appointer=s.appointer)


def visit_pb(v: SupervisionVisit) -> pb.SupervisionVisit:
    out = pb.SupervisionVisit(
        name=v.name, supervisor=f"supervisors/{v.supervisor_id}",
        institution=f"institutions/{v.institution_id}", visit_date=dates.to_proto(v.visit_date),
        findings=[pb.SupervisionFinding(description=f.description, serious=f.serious)
                  for f in v.findings])
    _stamp(out.record_time, v.recorded_at)
    return out


def bulletin_pb(b: Bulletin) -> pb.SupervisionBulletin:
    return pb.SupervisionBulletin(
        start_date=dates.to_proto(b.start_date), end_date=dates.to_proto(b.end_date),
        region_code=b.region_code, visit_count=b.visit_count, finding_count=b.finding_count,
        entries=[pb.SupervisionBulletinEntry(
            institution=f"institutions/{e.institution_id}", display_name=e.display_name,
            visit_count=len(e.visits), finding_count=e.finding_count,
            serious_finding_count=e.serious_finding_count,
            visits=[visit_pb(v) for v in e.visits]) for e in b.entries])


def separation_pb(r: SeparationReport) -> pb.CheckSeparationResponse:
    return pb.CheckSeparationResponse(
        allowed=r.allowed, reason=r.reason,
        conflicting_institutions=[f"institutions/{i}" for i in r.conflicting],
        affiliates=[pb.Affiliate(institution=f"institutions/{a.institution_id}",
                                 relation=a.relation) for a in r.affiliates])


def quota_phase_pb(q: QuotaPhase, rules: QuotaTable) -> pb.QuotaPhase:
    rule = rules.rule(q.phase)
    out = pb.QuotaPhase(province_code=q.province_code, occupation_code=q.occupation_code,
                        phase=q.phase, limit=rule.limit if rule else 0, setter=q.setter)
    _stamp(out.set_time, q.set_at)
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
        trained_by=f"institutions/{c.trained_by_id}" if c.trained_by_id else "",
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
    def __init__(self, bus: MessageBus, schedule: AssessmentSchedule = AssessmentSchedule(),
                 alpha: float = Monitoring().alpha, quota_table: QuotaTable | None = None):
        self._bus = bus
        self._schedule, self._alpha = schedule, alpha  # to date and flag what is answered
        self._quota_table = quota_table

    def _evaluator(self, e: Evaluator, as_of: date | None = None) -> pb.Evaluator:
        return evaluator_pb(e, as_of, self._schedule)

    async def CreateInstitution(self, request, context):
        i = request.institution
        with within("institution"):
            command = c.CreateInstitution.parse(
                auth.current_caller(), display_name=i.display_name, uscc=i.uscc, role=i.role,
                region_code=i.region_code, category=i.category, ministry_code=i.ministry_code,
                site_serial=i.site_serial, call=i.call, occupation_codes=list(i.occupation_codes),
                legal_representative=i.legal_representative, parent_uscc=i.parent_uscc)
        return institution_pb(await self._bus.handle(command))

    async def GetInstitution(self, request, context):
        return institution_pb(await self._bus.handle(
            c.GetInstitution(auth.current_caller(), require_id(request.name, "institutions"))))

    async def ListInstitutions(self, request, context):
        page, token = await self._bus.handle(c.ListInstitutions.parse(
            auth.current_caller(), role=request.role, page_size=request.page_size,
            page_token=request.page_token, status=request.status,
            region_code=request.region_code, occupation_code=request.occupation_code))
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
            trained_by=request.trained_by,
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


    # institutions: INST-1..8

    async def CreateCallForApplications(self, request, context):
        call = request.call_for_applications
        with within("call_for_applications"):
            command = c.CreateCallForApplications.parse(
                auth.current_caller(), title=call.title, role=call.role,
                occupation_code=call.occupation_code, region_code=call.region_code,
                open_date=call.open_date, close_date=call.close_date)
        return call_pb(await self._bus.handle(command))

    async def GetCallForApplications(self, request, context):
        return call_pb(await self._bus.handle(c.GetCallForApplications(
            auth.current_caller(), require_id(request.name, "callsForApplications"))))

    async def DecideApplication(self, request, context):
        return institution_pb(await self._bus.handle(c.DecideApplication.parse(
            auth.current_caller(), name=request.name, outcome=request.outcome,
            reason=request.reason)))

    async def CloseCallForApplications(self, request, context):
        return call_pb(await self._bus.handle(c.CloseCallForApplications(
            auth.current_caller(), require_id(request.name, "callsForApplications"))))

    async def PublishCallResult(self, request, context):
        return call_pb(await self._bus.handle(c.PublishCallResult(
            auth.current_caller(), require_id(request.name, "callsForApplications"))))

    async def CheckSeparation(self, request, context):
        return separation_pb(await self._bus.handle(c.CheckSeparation.parse(
            auth.current_caller(), uscc=request.uscc, role=request.role,
            legal_representative=request.legal_representative,
            parent_uscc=request.parent_uscc)))

    async def SetQuotaPhase(self, request, context):
        q = request.quota_phase
        phase = await self._bus.handle(c.SetQuotaPhase.parse(
            auth.current_caller(), province_code=q.province_code,
            occupation_code=q.occupation_code, phase=q.phase))
        return quota_phase_pb(phase, self._quota_table or load_table())

    async def RegisterTeacher(self, request, context):
        return teacher_pb(await self._bus.handle(c.RegisterTeacher.parse(
            auth.current_caller(), institution=request.institution, person=request.person)))

    async def RecordTeacherAssessment(self, request, context):
        return teacher_pb(await self._bus.handle(c.RecordTeacherAssessment.parse(
            auth.current_caller(), teacher=request.teacher, assess_date=request.assess_date,
            passed=request.passed, assessor=request.assessor, notes=request.notes)))

    async def GetTeacher(self, request, context):
        return teacher_pb(await self._bus.handle(c.GetTeacher(
            auth.current_caller(), require_id(request.name, "teachers"))))

    async def AppointSupervisor(self, request, context):
        return supervisor_pb(await self._bus.handle(c.AppointSupervisor.parse(
            auth.current_caller(), person=request.person, affiliation=request.affiliation,
            term_start=request.term_start)))

    async def RecordSupervisionVisit(self, request, context):
        return visit_pb(await self._bus.handle(c.RecordSupervisionVisit.parse(
            auth.current_caller(), supervisor=request.supervisor,
            institution=request.institution, visit_date=request.visit_date,
            findings=list(request.findings))))

    async def GetSupervisionBulletin(self, request, context):
        return bulletin_pb(await self._bus.handle(c.GetSupervisionBulletin.parse(
            auth.current_caller(), start_date=request.start_date, end_date=request.end_date,
            region_code=request.region_code)))

    async def RecordTrainingLicence(self, request, context):
        lic = request.training_licence
        return institution_pb(await self._bus.handle(c.RecordTrainingLicence.parse(
            auth.current_caller(), name=request.name, number=lic.number, issuer=lic.issuer,
            valid_from=lic.valid_from, valid_until=lic.valid_until)))

    async def BlacklistInstitution(self, request, context):
        return institution_pb(await self._bus.handle(c.BlacklistInstitution.parse(
            auth.current_caller(), name=request.name, reason=request.reason,
            evidence=request.evidence, revoke_qualification=request.revoke_qualification)))

    async def RecordQualityAssessment(self, request, context):
        return institution_pb(await self._bus.handle(c.RecordQualityAssessment.parse(
            auth.current_caller(), name=request.name, assess_date=request.assess_date,
            findings=list(request.findings),
            withdraw_qualification=request.withdraw_qualification)))



def servicers(bus: MessageBus, schedule: AssessmentSchedule = AssessmentSchedule(),
              alpha: float = Monitoring().alpha, quota_table: QuotaTable | None = None
              ) -> list[tuple]:
    return [(pb_grpc.add_AccreditationServiceServicer_to_server,
             AccreditationApi(bus, schedule, alpha, quota_table),
             pb.DESCRIPTOR.services_by_name["AccreditationService"].full_name)]
