"""gRPC translation for TrainingService: protos in, messages to the bus, protos out."""

from contextlib import contextmanager

from anbao.training.v1 import training_pb2 as pb
from anbao.training.v1 import training_pb2_grpc as pb_grpc
from servicekit import auditlisting, auth
from servicekit.dates import to_proto as date_pb
from servicekit.errors import FieldViolation, InvalidArgument
from servicekit.messagebus import MessageBus
from servicekit.names import require_id

from .adapters import roster_files
from .adapters.media_store import MEDIA_TYPES, MediaStore
from .domain import commands as c, report
from .domain.attendance import Trainee, Verified
from .domain.classes import TrainingClass
from .domain.evidence import EvidenceItem
from .domain.plans import PlanRules
from .subsidy_api import SubsidyApi
from .handlers import Rules


@contextmanager
def within(resource: str):
    """A create request's violations name the resource's fields by path (AIP-193)."""
    try:
        yield
    except InvalidArgument as exc:
        raise InvalidArgument([FieldViolation(f"{resource}.{v.field}", v.description)
                               for v in exc.violations]) from None


def lessons_in(lessons) -> list[c.LessonInput]:
    return [c.LessonInput(x.title, x.lesson_date, x.minutes, x.kind, x.mode, x.teacher)
            for x in lessons]


def class_pb(k: TrainingClass, rules: PlanRules) -> pb.TrainingClass:
    out = pb.TrainingClass(
        name=k.name, institution=f"institutions/{k.institution_id}",
        institution_name=k.institution_name, region_code=k.region_code,
        class_code=k.class_code, occupation_code=k.occupation_code,
        occupation_name=k.occupation_name, level=k.level, purpose=k.purpose,
        lessons=[pb.Lesson(name=f"{k.name}/lessons/{x.number}", title=x.title,
                           lesson_date=date_pb(x.lesson_date), minutes=x.minutes, kind=x.kind,
                           mode=x.mode, teacher=f"teachers/{x.teacher_id}",
                           class_hours=rules.hours(x.minutes),
                           paper_sign_in_approved=x.number in k.paper_lessons)
                 for x in k.lessons],
        start_date=date_pb(k.start_date), end_date=date_pb(k.end_date),
        class_hours=k.class_hours(rules), state=k.state)
    out.create_time.FromDatetime(k.created_at)
    if k.filed_at is not None:
        out.file_time.FromDatetime(k.filed_at)
        out.filing_deadline.CopyFrom(date_pb(k.filing_deadline))
    if k.review is not None:
        out.review.approved, out.review.reason = k.review.approved, k.review.reason
        out.review.reviewer = k.review.reviewer
        out.review.review_time.FromDatetime(k.review.at)
    for x in k.changes:
        out.changes.add(
            name=f"{k.name}/changes/{x.number}", kind=x.kind, reason=x.reason, state=x.state,
            requested_by=x.requested_by, decided_by=x.decided_by,
            decision_reason=x.decision_reason,
            lessons=[pb.Lesson(name=f"{k.name}/lessons/{y.number}", title=y.title,
                               lesson_date=date_pb(y.lesson_date), minutes=y.minutes,
                               kind=y.kind, mode=y.mode, teacher=f"teachers/{y.teacher_id}",
                               class_hours=rules.hours(y.minutes)) for y in x.lessons])
    for v in k.visits:
        visit = out.inspection_visits.add(visit_date=date_pb(v.visit_date), inspector=v.inspector,
                                          findings=v.findings, recorded_by=v.recorded_by)
        visit.record_time.FromDatetime(v.at)
    return out


def trainee_pb(t: Trainee, v: Verified) -> pb.Trainee:
    p = t.person
    out = pb.Trainee(name=t.name, person=f"persons/{p.person_id}", full_name=p.full_name,
                     gender=p.gender, resident_id_masked=p.resident_id_masked,
                     phone_masked=p.phone_masked, attended_minutes=v.attended_minutes,
                     class_hours=v.class_hours, met_hours=v.met)
    out.enroll_time.FromDatetime(t.enrolled_at)
    return out


def evidence_pb(i: EvidenceItem) -> pb.EvidenceItem:
    out = pb.EvidenceItem(
        name=i.name, kind=i.kind,
        lesson=f"classes/{i.class_id}/lessons/{i.lesson_number}" if i.lesson_number else "",
        person=f"persons/{i.person_id}" if i.person_id else "",
        duration_seconds=i.duration_seconds, media_type=i.media_type, size_bytes=i.size_bytes,
        sha256=i.sha256, uploaded_by=i.uploaded_by)
    out.upload_time.FromDatetime(i.uploaded_at)
    return out


class TrainingApi(SubsidyApi, pb_grpc.TrainingServiceServicer):
    def __init__(self, bus: MessageBus, rules: Rules, store: MediaStore):
        self._bus, self._rules, self._store = bus, rules.plan, store

    def _class(self, k: TrainingClass) -> pb.TrainingClass:
        return class_pb(k, self._rules)

    async def EnrollTrainee(self, request, context):
        trainee = await self._bus.handle(c.EnrollTrainee.parse(
            auth.current_caller(), training_class=request.training_class,
            person=request.person))
        return trainee_pb(trainee, Verified(trainee.person.person_id, 0, 0, False))

    async def ListTrainees(self, request, context):
        listed = await self._bus.handle(c.ListTrainees(
            auth.current_caller(), require_id(request.training_class, "classes",
                                              "training_class")))
        return pb.ListTraineesResponse(trainees=[trainee_pb(t, v) for t, v in listed])

    async def ApprovePaperSignIn(self, request, context):
        command = c.ApprovePaperSignIn.parse(auth.current_caller(), lesson=request.lesson,
                                             reason=request.reason)
        return self._class(await self._bus.handle(command))

    async def RecordAttendance(self, request, context):
        s = await self._bus.handle(c.RecordAttendance.parse(
            auth.current_caller(), lesson=request.lesson, person=request.person,
            method=request.method, minutes=request.minutes))
        out = pb.Attendance(lesson=f"classes/{s.class_id}/lessons/{s.lesson_number}",
                            person=f"persons/{s.person_id}", method=s.method, minutes=s.minutes,
                            recorded_by=s.recorded_by)
        out.record_time.FromDatetime(s.at)
        return out

    async def UploadEvidence(self, request_iterator, context):
        """The metadata is checked (and the caller's reach) before a byte is read; the
        bytes go to the store as they arrive, never whole into memory."""
        requests = request_iterator.__aiter__()
        try:
            first = await requests.__anext__()
        except StopAsyncIteration:
            first = pb.UploadEvidenceRequest()
        if first.WhichOneof("part") != "metadata":
            raise InvalidArgument([FieldViolation("metadata", "the first message is the metadata")])
        m = first.metadata
        upload = c.EvidenceUpload.parse(
            auth.current_caller(), training_class=m.training_class, kind=m.kind, lesson=m.lesson,
            person=m.person, duration_seconds=m.duration_seconds, media_type=m.media_type,
            media_types=MEDIA_TYPES)
        await self._bus.handle(upload)

        async def chunks():
            async for part in requests:
                if part.WhichOneof("part") != "chunk":
                    raise InvalidArgument([FieldViolation("metadata", "is sent once, first")])
                yield part.chunk
        sha256, size = await self._store.write(chunks(), upload.media_type)
        return evidence_pb(await self._bus.handle(c.RecordEvidence(upload, sha256, size)))

    async def ListEvidence(self, request, context):
        items, missing = await self._bus.handle(c.ListEvidence(
            auth.current_caller(), require_id(request.training_class, "classes",
                                              "training_class")))
        return pb.ListEvidenceResponse(evidence=[evidence_pb(i) for i in items],
                                       shortfalls=missing)

    async def DeleteEvidence(self, request, context):
        return evidence_pb(await self._bus.handle(c.DeleteEvidence.parse(
            auth.current_caller(), name=request.name)))

    async def CompleteTrainingClass(self, request, context):
        return self._class(await self._bus.handle(c.CompleteTrainingClass(
            auth.current_caller(), require_id(request.name, "classes"))))

    async def CreateTrainingClass(self, request, context):
        k = request.training_class
        with within("training_class"):
            command = c.CreateTrainingClass.parse(
                auth.current_caller(), institution=k.institution, class_code=k.class_code,
                occupation_code=k.occupation_code, level=k.level, purpose=k.purpose,
                lessons=lessons_in(k.lessons))
            created = await self._bus.handle(command)
        return self._class(created)

    async def FileTrainingClass(self, request, context):
        return self._class(await self._bus.handle(
            c.FileTrainingClass(auth.current_caller(), require_id(request.name, "classes"))))

    async def ReviewTrainingClass(self, request, context):
        return self._class(await self._bus.handle(c.ReviewTrainingClass.parse(
            auth.current_caller(), name=request.name, approved=request.approved,
            reason=request.reason)))

    async def RecordInspectionVisit(self, request, context):
        return self._class(await self._bus.handle(c.RecordInspectionVisit.parse(
            auth.current_caller(), training_class=request.training_class,
            visit_date=request.visit_date, inspector=request.inspector,
            findings=request.findings)))

    async def RequestClassChange(self, request, context):
        return self._class(await self._bus.handle(c.RequestClassChange.parse(
            auth.current_caller(), training_class=request.training_class, kind=request.kind,
            reason=request.reason, lessons=lessons_in(request.lessons))))

    async def DecideClassChange(self, request, context):
        return self._class(await self._bus.handle(c.DecideClassChange.parse(
            auth.current_caller(), name=request.name, approved=request.approved,
            reason=request.reason)))

    async def ExportRoster(self, request, context):
        query = c.ExportRoster.parse(auth.current_caller(), training_class=request.training_class,
                                     format=request.format)
        k, rows = await self._bus.handle(query)
        csv = query.format == pb.ROSTER_FORMAT_CSV
        content = roster_files.to_csv(rows) if csv else roster_files.to_xlsx(rows)
        return pb.RosterFile(filename=f"花名册-{k.class_code}-{k.id}.{'csv' if csv else 'xlsx'}",
                             media_type=roster_files.CSV if csv else roster_files.XLSX,
                             content=content, rows=len(rows))

    async def GetTrainingReport(self, request, context):
        query = c.GetTrainingReport.parse(auth.current_caller(), region_code=request.region_code,
                                          year=request.year, quarter=request.quarter)
        lines = await self._bus.handle(query)
        total = report.total(lines)
        title = f"{query.region_code} {query.year}年第{query.quarter}季度培训情况"
        as_pb = lambda x: pb.TrainingReportLine(**vars(x))  # noqa: E731
        return pb.TrainingReport(region_code=query.region_code, year=query.year,
                                 quarter=query.quarter, lines=[as_pb(x) for x in lines],
                                 total=as_pb(total),
                                 xlsx=roster_files.report_xlsx(title, [*lines, total]))

    async def GetTrainingClass(self, request, context):
        return self._class(await self._bus.handle(
            c.GetTrainingClass(auth.current_caller(), require_id(request.name, "classes"))))

    async def ListTrainingClasses(self, request, context):
        page, token = await self._bus.handle(c.ListTrainingClasses.parse(
            auth.current_caller(), institution=request.institution, state=request.state,
            page_size=request.page_size, page_token=request.page_token))
        return pb.ListTrainingClassesResponse(training_classes=[self._class(x) for x in page],
                                              next_page_token=token)

    async def ListAuditRecords(self, request, context):
        return await auditlisting.answer(self._bus, pb, request)


def servicers(bus: MessageBus, rules: Rules, store: MediaStore) -> list[tuple]:
    return [(pb_grpc.add_TrainingServiceServicer_to_server, TrainingApi(bus, rules, store),
             pb.DESCRIPTOR.services_by_name["TrainingService"].full_name)]
