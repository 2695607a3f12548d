"""gRPC translation for TrainingService: protos in, messages to the bus, protos out."""

from contextlib import contextmanager

from anbao.training.v1 import training_pb2 as pb
from anbao.training.v1 import training_pb2_grpc as pb_grpc
from servicekit import auditlisting, auth
from servicekit.dates import to_proto as date_pb
from servicekit.errors import FieldViolation, InvalidArgument
from servicekit.messagebus import MessageBus
from servicekit.names import require_id

from .domain import commands as c
from .domain.classes import TrainingClass
from .domain.plans import PlanRules
from .subsidy_api import SubsidyApi


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
                           class_hours=rules.hours(x.minutes)) for x in k.lessons],
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
    for v in k.visits:
        visit = out.inspection_visits.add(visit_date=date_pb(v.visit_date), inspector=v.inspector,
                                          findings=v.findings, recorded_by=v.recorded_by)
        visit.record_time.FromDatetime(v.at)
    return out


class TrainingApi(SubsidyApi, pb_grpc.TrainingServiceServicer):
    def __init__(self, bus: MessageBus, rules: PlanRules):
        self._bus, self._rules = bus, rules

    def _class(self, k: TrainingClass) -> pb.TrainingClass:
        return class_pb(k, self._rules)

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


def servicers(bus: MessageBus, rules: PlanRules) -> list[tuple]:
    return [(pb_grpc.add_TrainingServiceServicer_to_server, TrainingApi(bus, rules),
             pb.DESCRIPTOR.services_by_name["TrainingService"].full_name)]
