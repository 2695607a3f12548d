"""gRPC translation of the talent pool's RPCs (issue 12, part 2); RegistryApi mixes it in."""

from anbao.registry.v1 import registry_pb2 as pb
from servicekit import auth
from servicekit.dates import to_proto as date_pb
from servicekit.errors import Violations
from servicekit.messagebus import MessageBus
from servicekit.names import require_id

from .domain import talent, talent_commands as t


def earlier_proto(e: talent.EarlierCertificate) -> pb.EarlierCertificate:
    out = pb.EarlierCertificate(
        name=e.name, format=e.format, certificate_number=e.number,
        occupation_code=e.occupation_code, level=e.level, issue_date=date_pb(e.issue_date),
        issuing_authority=e.issuing_authority, verified=e.verified)
    out.create_time.FromDatetime(e.created_at)
    return out


def appointment_proto(a: talent.CadreAppointment) -> pb.CadreAppointment:
    out = pb.CadreAppointment(
        name=a.name, unit_name=a.unit_name, unit_uscc=a.unit_uscc, industry=a.industry,
        appointed_date=date_pb(a.appointed_date), new_cadre=a.new_cadre)
    out.create_time.FromDatetime(a.created_at)
    return out


def profile_proto(p: talent.TalentProfile) -> pb.TalentProfile:
    return pb.TalentProfile(
        name=p.name, listing_consent=p.listing_consent,
        earlier_certificates=[earlier_proto(e) for e in p.earlier_certificates],
        training_records=[pb.TrainingRecord(
            training_class=r.training_class, class_code=r.class_code,
            institution_name=r.institution_name, occupation_code=r.occupation_code,
            level=r.level, purpose=r.purpose, class_hours=r.class_hours,
            start_date=date_pb(r.start_date), end_date=date_pb(r.end_date))
            for r in p.training_records],
        cadre_appointments=[appointment_proto(a) for a in p.cadre_appointments])


def due_proto(d: talent.DueCadre) -> pb.RotationTrainingDue:
    return pb.RotationTrainingDue(
        person=d.person_name, full_name=d.full_name, resident_id_masked=d.resident_id_masked,
        region_code=d.region_code, cadre_appointment=d.appointment.name,
        unit_name=d.appointment.unit_name, industry=d.appointment.industry, kind=d.kind,
        due_date=date_pb(d.due_date), overdue=d.overdue, hours_done=d.hours_done,
        hours_required=d.hours_required)


def report_proto(r: talent.AnnualReport) -> pb.AnnualReport:
    return pb.AnnualReport(
        region_code=r.region_code, region_name=r.region_name, year=r.year,
        due_date=date_pb(r.due_date),
        lines=[pb.AnnualReportLine(occupation_code=code, level=level, certificates_obtained=n)
               for (code, level), n in sorted(r.lines.items())],
        certificates_total=r.certificates_total, subsidies_paid=r.subsidies_paid,
        subsidies_paid_fen=r.subsidies_paid_fen, source_note=r.SOURCE_NOTE)


def _profile_person(name: str) -> str:
    """`persons/{id}/talentProfile` → id."""
    v = Violations()
    v.check(name.endswith("/talentProfile"), "name", "must be persons/{id}/talentProfile")
    v.raise_if_any()
    return require_id(name.removesuffix("/talentProfile"), "persons")


class TalentApi:
    _bus: MessageBus

    async def RecordEarlierCertificate(self, request, context):
        return earlier_proto(await self._bus.handle(t.RecordEarlierCertificate.parse(
            auth.current_caller(), parent=request.parent, format=request.format,
            certificate_number=request.certificate_number,
            occupation_code=request.occupation_code, issue_date=request.issue_date,
            issuing_authority=request.issuing_authority)))

    async def RecordCadreAppointment(self, request, context):
        return appointment_proto(await self._bus.handle(t.RecordCadreAppointment.parse(
            auth.current_caller(), parent=request.parent, unit_name=request.unit_name,
            unit_uscc=request.unit_uscc, industry=request.industry,
            appointed_date=request.appointed_date, new_cadre=request.new_cadre)))

    async def SetListingConsent(self, request, context):
        return profile_proto(await self._bus.handle(t.SetListingConsent.parse(
            auth.current_caller(), person=request.person, consent=request.listing_consent)))

    async def GetTalentProfile(self, request, context):
        return profile_proto(await self._bus.handle(t.GetTalentProfile(
            auth.current_caller(), _profile_person(request.name))))

    async def ListRotationTrainingDue(self, request, context):
        dues, token = await self._bus.handle(t.ListRotationTrainingDue.parse(
            auth.current_caller(), region_code=request.region_code,
            within_days=request.within_days, as_of=request.as_of,
            page_size=request.page_size, page_token=request.page_token))
        return pb.ListRotationTrainingDueResponse(dues=[due_proto(d) for d in dues],
                                                  next_page_token=token)

    async def GetAnnualReport(self, request, context):
        return report_proto(await self._bus.handle(t.GetAnnualReport.parse(
            auth.current_caller(), region_code=request.region_code, year=request.year)))
