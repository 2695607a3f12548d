"""gRPC translation for RegistryService: protos in, messages to the bus, protos out."""

from anbao.registry.v1 import registry_pb2 as pb
from anbao.registry.v1 import registry_pb2_grpc as pb_grpc
from servicekit import auditlisting, auth
from servicekit.dates import to_proto as date_pb
from servicekit.messagebus import MessageBus
from servicekit.names import require_id

from .domain import commands as c
from .adapters.repository import CHANGE_KINDS
from .domain.people import Person
from .talent_api import TalentApi


def to_proto(p: Person) -> pb.Person:
    out = pb.Person(
        name=p.name, full_name=p.full_name, resident_id_masked=p.resident_id_masked,
        gender=p.gender, birth_date=date_pb(p.birth_date), phone_masked=p.phone_masked,
        region_code=p.region_code, employer_unit=p.employer_unit, industry=p.industry,
        guard_certificate_date=date_pb(p.guard_certificate_date),
        certificates=[pb.HeldCertificate(
            certificate_number=h.number, occupation_code=h.occupation_code, level=h.level,
            issue_date=date_pb(h.issue_date), issuing_organisation=h.issuing_organisation)
            for h in p.certificates],
        etag=p.etag, employer_uscc=p.employer_uscc, education=p.education,
        guard_certificate_number=p.guard_certificate_number,
        guard_certificate_evidence=p.guard_certificate_evidence,
        employment_periods=[pb.EmploymentPeriod(
            employer_unit=e.employer_unit, employer_uscc=e.employer_uscc, industry=e.industry,
            start_date=date_pb(e.start_date), end_date=date_pb(e.end_date))
            for e in p.employment])
    out.create_time.FromDatetime(p.created_at)
    if p.updated_at is not None:
        out.update_time.FromDatetime(p.updated_at)
    return out


def change_to_proto(person: str, change, digests: dict) -> pb.PersonChange:
    out = pb.PersonChange(person=person, actor=change.actor, actor_role=change.actor_role,
                          kind=CHANGE_KINDS[change.kind], fields=list(change.fields),
                          value_digests=digests, other_person=change.other_person)
    out.change_time.FromDatetime(change.at)
    return out


class RegistryApi(TalentApi, pb_grpc.RegistryServiceServicer):
    def __init__(self, bus: MessageBus):
        self._bus = bus

    async def RegisterPerson(self, request, context):
        return to_proto(await self._bus.handle(c.RegisterPerson.parse(
            auth.current_caller(), resident_id=request.resident_id,
            full_name=request.full_name, phone=request.phone, region_code=request.region_code,
            employer_unit=request.employer_unit, industry=request.industry,
            guard_certificate_date=request.guard_certificate_date)))

    async def GetPerson(self, request, context):
        return to_proto(await self._bus.handle(
            c.GetPerson(auth.current_caller(), require_id(request.name, "persons"))))

    async def SearchTalent(self, request, context):
        people, token = await self._bus.handle(c.SearchTalent.parse(
            auth.current_caller(), occupation_code=request.occupation_code,
            level=request.level, region_code=request.region_code, industry=request.industry,
            page_size=request.page_size, page_token=request.page_token,
            employer_unit=request.employer_unit))
        return pb.SearchTalentResponse(persons=[to_proto(x) for x in people],
                                       next_page_token=token)

    async def UpdatePerson(self, request, context):
        return to_proto(await self._bus.handle(c.UpdatePerson.parse(
            auth.current_caller(), person=request.person,
            mask_paths=list(request.update_mask.paths), phone=request.phone)))

    async def ListPersonHistory(self, request, context):
        changes, token = await self._bus.handle(c.ListPersonHistory.parse(
            auth.current_caller(), name=request.name, page_size=request.page_size,
            page_token=request.page_token))
        return pb.ListPersonHistoryResponse(
            changes=[change_to_proto(*x) for x in changes], next_page_token=token)

    async def MergePersons(self, request, context):
        return to_proto(await self._bus.handle(c.MergePersons.parse(
            auth.current_caller(), name=request.name, merged_person=request.merged_person)))

    async def ListAuditRecords(self, request, context):
        return await auditlisting.answer(self._bus, pb, request)


def servicers(bus: MessageBus) -> list[tuple]:
    return [(pb_grpc.add_RegistryServiceServicer_to_server, RegistryApi(bus),
             pb.DESCRIPTOR.services_by_name["RegistryService"].full_name)]
