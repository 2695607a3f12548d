"""gRPC translation for CertificatesService."""

import json
from datetime import datetime, timezone

from anbao.certificates.v1 import certificates_pb2 as pb
from anbao.certificates.v1 import certificates_pb2_grpc as pb_grpc
from servicekit import auditlisting, auth, dates, masking
from servicekit.messagebus import MessageBus
from servicekit.unitofwork import utcnow

from . import employer_handlers, handlers
from .adapters.employer_store import aware
from .domain import commands as c
from .domain import verification
from .domain.certificates import Certificate, StatusChange


def certificate_pb(r: Certificate) -> pb.Certificate:
    out = pb.Certificate(
        name=f"certificates/{r.number}", number=r.number, person=f"persons/{r.person_id}",
        holder_name=r.holder_name, resident_id_masked=r.resident_id_masked,
        occupation_code=r.occupation_code, occupation_name=r.occupation_name, level=r.level,
        issue_date=dates.to_proto(r.issue_date), issuing_organisation=r.issuing_organisation,
        institution=r.institution, status=r.status, credential_json=r.credential_json,
        revocation_reason=r.revocation_reason, status_reason=r.status_reason,
        replaced_by=f"certificates/{r.replaced_by}" if r.replaced_by else "",
        replaces=f"certificates/{r.replaces}" if r.replaces else "", kind=r.kind,
        training_class=r.training_class)
    out.create_time.FromDatetime(r.created_at)
    if r.status_changed_at:
        out.status_change_time.FromDatetime(r.status_changed_at)
    return out


def change_pb(x: StatusChange) -> pb.CertificateStatusChange:
    out = pb.CertificateStatusChange(
        from_status=x.from_status, to_status=x.to_status, actor=x.actor,
        revocation_reason=x.revocation_reason, reason=x.reason,
        replaced_by=f"certificates/{x.replaced_by}" if x.replaced_by else "")
    out.change_time.FromDatetime(x.changed_at)
    return out


def report_pb(report: verification.Report) -> pb.VerificationReport:
    out = pb.VerificationReport(verdict=report.verdict, steps=[
        pb.VerificationStep(step=s.step, outcome=s.outcome, detail=s.detail)
        for s in report.steps])
    out.check_time.FromDatetime(utcnow())
    return out


def lookup_pb(found: handlers.Lookup) -> pb.CertificateLookup:
    r = found.certificate
    out = pb.CertificateLookup(
        number=r.number, holder_name_masked=masking.mask_name(r.holder_name),
        resident_id_masked=r.resident_id_masked, occupation_code=r.occupation_code,
        occupation_name=r.occupation_name, level=r.level, issue_date=dates.to_proto(r.issue_date),
        issuing_organisation=r.issuing_organisation, status=r.status,
        signature_verified=found.signature_verified, revocation_reason=r.revocation_reason,
        replaced_by=r.replaced_by, kind=r.kind)
    if r.status_changed_at:
        out.status_change_time.FromDatetime(r.status_changed_at)
    return out


def key_pb(r) -> pb.VerificationKey:
    key = pb.VerificationKey(id=r.id, type="Multikey", algorithm=r.algorithm,
                             public_key_multibase=r.public_key_multibase)
    key.create_time.FromDatetime(r.created_at)
    key.expire_time.FromDatetime(r.expires_at)
    if r.revoked_at:
        key.revoke_time.FromDatetime(r.revoked_at)
    if r.compromised_at:
        key.compromise_time.FromDatetime(r.compromised_at)
    return key


def keys_pb(rows) -> pb.ListVerificationKeysResponse:
    return pb.ListVerificationKeysResponse(keys=[key_pb(r) for r in rows])


def employer_pb(row, secret: str = "") -> pb.Employer:
    out = pb.Employer(name=f"employers/{row.uscc}", display_name=row.display_name,
                      uscc=row.uscc, region_code=row.region_code, webhook_url=row.webhook_url,
                      webhook_secret=secret)
    out.create_time.FromDatetime(aware(row.created_at))
    return out


def watch_pb(row) -> pb.Watch:
    out = pb.Watch(name=f"employers/{row.employer}/watches/{row.number}",
                   certificate=f"certificates/{row.number}",
                   holder_name_masked=row.holder_name_masked, status=row.status)
    out.create_time.FromDatetime(aware(row.created_at))
    return out


def delivery_pb(found) -> pb.Delivery:
    r = found.row
    out = pb.Delivery(name=f"employers/{r.employer}/deliveries/{r.id}", event_id=r.event_id,
                      certificate=f"certificates/{r.number}", to_status=r.to_status,
                      state=r.state)
    out.create_time.FromDatetime(aware(r.created_at))
    if r.next_attempt_at is not None:
        out.next_attempt_time.FromDatetime(aware(r.next_attempt_at))
    for a in found.attempts:
        attempt = out.attempts.add(attempt=a.attempt, http_status=a.http_status, error=a.error,
                                   duration_ms=a.duration_ms)
        attempt.attempt_time.FromDatetime(aware(a.attempted_at))
    return out


def peer_host(peer: str) -> str:
    """`ipv4:127.0.0.1:5000` / `ipv6:[::1]:5000` → the host, without the port."""
    address = peer.split(":", 1)[-1]
    return address.rsplit(":", 1)[0].strip("[]") if ":" in address else address


class CertificatesApi(pb_grpc.CertificatesServiceServicer):
    def __init__(self, bus: MessageBus, allow_loopback_http: bool = False):
        self._bus = bus
        self._allow_loopback_http = allow_loopback_http  # EMP-3, development only

    async def GetCertificate(self, request, context):
        return certificate_pb(await self._bus.handle(
            c.GetCertificate.parse(auth.current_caller(), name=request.name)))

    async def ListCertificates(self, request, context):
        rows, token = await self._bus.handle(c.ListCertificates.parse(
            auth.current_caller(), person=request.person, page_size=request.page_size, page_token=request.page_token))
        return pb.ListCertificatesResponse(certificates=[certificate_pb(r) for r in rows],
                                           next_page_token=token)

    async def LookupCertificate(self, request, context):
        return lookup_pb(await self._bus.handle(c.LookupCertificate.parse(
            number=request.number, holder_name=request.holder_name,
            client=peer_host(context.peer()))))

    async def ListVerificationKeys(self, request, context):
        return keys_pb(await self._bus.handle(c.ListVerificationKeys()))

    async def SuspendCertificate(self, request, context):
        return certificate_pb(await self._bus.handle(c.SuspendCertificate.parse(
            auth.current_caller(), name=request.name, reason=request.reason)))

    async def ReinstateCertificate(self, request, context):
        return certificate_pb(await self._bus.handle(c.ReinstateCertificate.parse(
            auth.current_caller(), name=request.name, reason=request.reason)))

    async def RevokeCertificate(self, request, context):
        return certificate_pb(await self._bus.handle(c.RevokeCertificate.parse(
            auth.current_caller(), name=request.name,
            revocation_reason=request.revocation_reason, reason=request.reason)))

    async def ReplaceCertificate(self, request, context):
        return certificate_pb(await self._bus.handle(c.ReplaceCertificate.parse(
            auth.current_caller(), name=request.name, reason=request.reason)))

    async def ListCertificateHistory(self, request, context):
        changes, token = await self._bus.handle(c.ListCertificateHistory.parse(
            auth.current_caller(), name=request.name, page_size=request.page_size,
            page_token=request.page_token))
        return pb.ListCertificateHistoryResponse(changes=[change_pb(x) for x in changes],
                                                 next_page_token=token)

    async def VerifyCertificate(self, request, context):
        return report_pb(await self._bus.handle(c.VerifyCertificate(
            parse_credential(request.credential_json))))

    async def RotateSigningKey(self, request, context):
        return key_pb(await self._bus.handle(c.RotateSigningKey()))

    async def MarkSigningKeyCompromised(self, request, context):
        since = request.compromise_time.ToDatetime(tzinfo=timezone.utc) \
            if request.HasField("compromise_time") else None
        return key_pb(await self._bus.handle(c.MarkSigningKeyCompromised.parse(
            key=request.key, compromise_time=since, now=datetime.now(timezone.utc))))

    async def ListAuditRecords(self, request, context):
        return await auditlisting.answer(self._bus, pb, request)

    async def RegisterEmployer(self, request, context):
        e = request.employer
        registered: employer_handlers.Registered = await self._bus.handle(
            c.RegisterEmployer.parse(auth.current_caller(), uscc_code=e.uscc,
                                     display_name=e.display_name, region_code=e.region_code,
                                     webhook_url=e.webhook_url,
                                     allow_loopback_http=self._allow_loopback_http))
        return employer_pb(registered.employer, registered.secret)

    async def GetEmployer(self, request, context):
        return employer_pb(await self._bus.handle(
            c.GetEmployer.parse(auth.current_caller(), name=request.name)))

    async def WatchCertificate(self, request, context):
        return watch_pb(await self._bus.handle(c.WatchCertificate.parse(
            auth.current_caller(), parent=request.parent, number=request.number,
            holder_name=request.holder_name)))

    async def UnwatchCertificate(self, request, context):
        return watch_pb(await self._bus.handle(
            c.UnwatchCertificate.parse(auth.current_caller(), name=request.name)))

    async def ListWatches(self, request, context):
        rows, token = await self._bus.handle(c.ListWatches.parse(
            auth.current_caller(), parent=request.parent, page_size=request.page_size,
            page_token=request.page_token))
        return pb.ListWatchesResponse(watches=[watch_pb(r) for r in rows],
                                      next_page_token=token)

    async def ListDeliveries(self, request, context):
        found, token = await self._bus.handle(c.ListDeliveries.parse(
            auth.current_caller(), parent=request.parent, page_size=request.page_size,
            page_token=request.page_token))
        return pb.ListDeliveriesResponse(deliveries=[delivery_pb(d) for d in found],
                                         next_page_token=token)


def parse_credential(text: str):
    """The credential's JSON value; text that is not JSON is a malformed credential, which
    the report names (verdict MALFORMED), not a bad request."""
    try:
        return json.loads(text)
    except ValueError:
        return None


def servicers(bus: MessageBus, allow_loopback_http: bool = False) -> list[tuple]:
    return [(pb_grpc.add_CertificatesServiceServicer_to_server,
             CertificatesApi(bus, allow_loopback_http),
             pb.DESCRIPTOR.services_by_name["CertificatesService"].full_name)]
