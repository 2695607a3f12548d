"""gRPC translation for RegistryService: protos in, handler calls, protos out."""

import asyncio

from anbao.registry.v1 import registry_pb2 as pb
from anbao.registry.v1 import registry_pb2_grpc as pb_grpc
from servicekit import auth, divisions, paging
from servicekit.errors import Violations
from servicekit.dates import iso
from servicekit.names import require_id

from . import handlers
from .domain import TalentQuery, validate_registration
from .handlers import PersonView

ADMINS = frozenset({"province_admin", "city_admin"})
POLICY = {
    "RegisterPerson": ADMINS | {"eval_org", "training_org", "service"},
    "GetPerson": ADMINS | {"eval_org", "training_org", "auditor", "service"},
    "SearchTalent": ADMINS | {"auditor", "service"},
}


def to_proto(view: PersonView) -> pb.Person:
    p = view.person
    out = pb.Person(
        name=f"persons/{p.id}", full_name=p.full_name, resident_id_masked=p.resident_id_masked,
        gender=p.gender, birth_date=iso(p.birth_date), phone_masked=p.phone_masked,
        region_code=p.region_code, employer_unit=p.employer_unit, industry=p.industry,
        guard_certificate_date=iso(p.guard_certificate_date),
        certificates=[pb.HeldCertificate(
            certificate_number=c.number, occupation_code=c.occupation_code, level=c.level,
            issue_date=iso(c.issue_date), issuing_organisation=c.issuing_organisation)
            for c in view.certificates])
    out.create_time.FromDatetime(p.created_at)
    return out


class RegistryApi(pb_grpc.RegistryServiceServicer):
    def __init__(self, uow_factory, protector: handlers.Protector):
        self._uow, self._protector = uow_factory, protector

    async def RegisterPerson(self, request: pb.RegisterPersonRequest, context):
        v = Violations()
        v.check(request.industry in pb.Industry.values(), "industry", "unknown industry")
        reg = validate_registration(
            v, resident_id=request.resident_id, full_name=request.full_name,
            phone=request.phone, region_code=request.region_code,
            employer_unit=request.employer_unit, industry=request.industry,
            guard_certificate_date=request.guard_certificate_date)
        auth.require_region(auth.current_caller(), reg.region_code)
        view = await asyncio.to_thread(handlers.register_person, self._uow(), self._protector, reg)
        return to_proto(view)

    async def GetPerson(self, request: pb.GetPersonRequest, context):
        pid = require_id(request.name, "persons")
        view = await asyncio.to_thread(handlers.get_person, self._uow(), pid)
        auth.require_region(auth.current_caller(), view.person.region_code)
        return to_proto(view)

    async def SearchTalent(self, request: pb.SearchTalentRequest, context):
        v = Violations()
        v.check(request.industry in pb.Industry.values(), "industry", "unknown industry")
        v.check(0 <= request.level <= 5, "level", "must be 1 to 5, or 0 for any")
        v.check(not request.region_code or divisions.is_known_division(request.region_code),
                "region_code", "is not a GB/T 2260 division code")
        size = paging.page_size(request.page_size, v)
        after = paging.decode_token(request.page_token, v)
        v.raise_if_any()
        caller = auth.current_caller()
        region = request.region_code or (caller.scope if caller.role == "city_admin" else "")
        auth.require_region(caller, region)
        query = TalentQuery(request.occupation_code, request.level, region, request.industry)
        views, last = await asyncio.to_thread(handlers.search_talent, self._uow(), query, size,
                                              after)
        return pb.SearchTalentResponse(persons=[to_proto(x) for x in views],
                                       next_page_token=paging.encode_token(last) if last else "")


def servicers(uow_factory, protector) -> list[tuple]:
    return [(pb_grpc.add_RegistryServiceServicer_to_server, RegistryApi(uow_factory, protector),
             pb.DESCRIPTOR.services_by_name["RegistryService"].full_name)]
