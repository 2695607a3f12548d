"""gRPC translation for CertificatesService."""

import asyncio
from functools import partial

from anbao.certificates.v1 import certificates_pb2 as pb
from anbao.certificates.v1 import certificates_pb2_grpc as pb_grpc
from servicekit import dates, masking, paging
from servicekit.auth import PUBLIC
from servicekit.errors import Violations
from servicekit.names import resource_id

from . import handlers, numbering
from .adapters.keyring import KeyRing

READERS = frozenset({"province_admin", "city_admin", "eval_org", "auditor", "service"})
POLICY = {
    "GetCertificate": READERS,
    "ListCertificates": READERS,
    "LookupCertificate": frozenset({PUBLIC}),
    "ListVerificationKeys": frozenset({PUBLIC}),
}


def validate_number(number: str, field: str, v: Violations) -> None:
    v.check(numbering.is_valid(number, dates.today()), field,
            "is not a 22-character national certificate number")


def certificate_pb(r) -> pb.Certificate:
    out = pb.Certificate(
        name=f"certificates/{r.number}", number=r.number, person=f"persons/{r.person_id}",
        holder_name=r.holder_name, resident_id_masked=r.resident_id_masked,
        occupation_code=r.occupation_code, occupation_name=r.occupation_name, level=r.level,
        issue_date=dates.iso(r.issue_date), issuing_organisation=r.issuing_organisation,
        institution=r.institution, status=r.status, credential_json=r.credential_json)
    out.create_time.FromDatetime(r.created_at)
    return out


def lookup_pb(found: handlers.Lookup) -> pb.CertificateLookup:
    r = found.certificate
    return pb.CertificateLookup(
        number=r.number, holder_name_masked=masking.mask_name(r.holder_name),
        resident_id_masked=r.resident_id_masked, occupation_code=r.occupation_code,
        occupation_name=r.occupation_name, level=r.level, issue_date=dates.iso(r.issue_date),
        issuing_organisation=r.issuing_organisation, status=r.status,
        signature_verified=found.signature_verified)


def keys_pb(rows) -> pb.ListVerificationKeysResponse:
    out = pb.ListVerificationKeysResponse()
    for r in rows:
        key = out.keys.add(id=r.id, type="Multikey", public_key_multibase=r.public_key_multibase)
        key.create_time.FromDatetime(r.created_at)
        key.expire_time.FromDatetime(r.expires_at)
        if r.revoked_at:
            key.revoke_time.FromDatetime(r.revoked_at)
    return out


class CertificatesApi(pb_grpc.CertificatesServiceServicer):
    def __init__(self, uow_factory, keys: KeyRing):
        self._uow, self._keys = uow_factory, keys

    async def _run(self, handler, *args, **kwargs):
        return await asyncio.to_thread(partial(handler, self._uow(), *args, **kwargs))

    async def GetCertificate(self, request, context):
        v = Violations()
        number = request.name.removeprefix("certificates/")
        v.check(request.name.startswith("certificates/"), "name", "must be certificates/{number}")
        validate_number(number, "name", v)
        v.raise_if_any()
        return certificate_pb(await self._run(handlers.get_certificate, number))

    async def ListCertificates(self, request, context):
        v = Violations()
        person_id = resource_id(request.person, "persons", "person", v) if request.person else ""
        size = paging.page_size(request.page_size, v)
        after = paging.decode_token(request.page_token, v)
        v.raise_if_any()
        rows, last = await self._run(handlers.list_certificates, person_id, size, after)
        return pb.ListCertificatesResponse(
            certificates=[certificate_pb(r) for r in rows],
            next_page_token=paging.encode_token(last) if last else "")

    async def LookupCertificate(self, request, context):
        v = Violations()
        validate_number(request.number, "number", v)
        v.text(request.holder_name, "holder_name", 50)
        v.raise_if_any()
        return lookup_pb(await self._run(handlers.lookup, self._keys, request.number,
                                         request.holder_name))

    async def ListVerificationKeys(self, request, context):
        return keys_pb(await self._run(handlers.list_keys))


def servicers(uow_factory, keys: KeyRing) -> list[tuple]:
    return [(pb_grpc.add_CertificatesServiceServicer_to_server, CertificatesApi(uow_factory, keys),
             pb.DESCRIPTOR.services_by_name["CertificatesService"].full_name)]
