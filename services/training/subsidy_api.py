"""gRPC translation of the subsidy RPCs (TRN-5, TRN-6, TRN-11, TRN-12, INST-7): a mixin of
TrainingService's servicer, kept apart from the class RPCs."""

from anbao.training.v1 import training_pb2 as pb
from servicekit import auth, masking
from servicekit.dates import to_proto as date_pb
from servicekit.messagebus import MessageBus

from .domain import subsidy_commands as c
from .domain.subsidies import ClassSubsidies, Claim, FraudCase, claim_name


def claim_pb(book: ClassSubsidies, x: Claim, *, masked: bool = False) -> pb.SubsidyClaim:
    """A claim; `masked`: as publicised (TRN-6), the trainee's name masked."""
    f = book.facts
    out = pb.SubsidyClaim(
        name=claim_name(f.id, x.person_id), person=f"persons/{x.person_id}",
        trainee_name=masking.mask_name(x.trainee_name) if masked else x.trainee_name,
        institution=f"institutions/{f.institution_id}", region_code=f.region_code,
        occupation_code=f.occupation_code, level=f.level,
        certificate_number=x.certificate_number, claim_year=x.claim_year,
        amount_fen=x.amount_fen, state=x.state,
        agreement=pb.SubsidyAgreement(signed_date=date_pb(x.agreement.signed_date),
                                      document_sha256=x.agreement.document_sha256,
                                      declares_no_other_claim=x.agreement.declares_no_other_claim))
    if x.publicity_start:
        out.publicity_start_date.CopyFrom(date_pb(x.publicity_start))
        out.publicity_end_date.CopyFrom(date_pb(x.publicity_end))
    if x.paid_on:
        out.paid_date.CopyFrom(date_pb(x.paid_on))
    for o in x.objections:
        objection = out.objections.add(reason=o.reason, actor=o.actor, decided=o.decided,
                                       upheld=o.upheld, decision_reason=o.decision_reason)
        objection.record_time.FromDatetime(o.recorded_at)
        if o.decided_at:
            objection.decide_time.FromDatetime(o.decided_at)
    out.create_time.FromDatetime(x.filed_at)
    return out


def fraud_pb(book_class: str, institution: str, case: FraudCase) -> pb.FraudCase:
    out = pb.FraudCase(name=case.name, training_class=book_class, institution=institution,
                       reason=case.reason, evidence=case.evidence,
                       revoke_training_qualification=case.revoke_qualification,
                       clawed_back_fen=case.clawed_back_fen,
                       clawed_back_claims=list(case.clawed_back_claims))
    out.create_time.FromDatetime(case.recorded_at)
    return out


class SubsidyApi:
    _bus: MessageBus

    async def FileSubsidyClaim(self, request, context):
        x = request.subsidy_claim
        agreement = c.AgreementInput(x.agreement.signed_date, x.agreement.document_sha256,
                                     x.agreement.declares_no_other_claim) \
            if x.HasField("agreement") else None
        book, claim = await self._bus.handle(c.FileSubsidyClaim.parse(
            auth.current_caller(), parent=request.parent, person=x.person,
            trainee_name=x.trainee_name, agreement=agreement))
        return claim_pb(book, claim)

    async def ListSubsidyClaims(self, request, context):
        book, claims, token = await self._bus.handle(c.ListSubsidyClaims.parse(
            auth.current_caller(), parent=request.parent, page_size=request.page_size,
            page_token=request.page_token))
        return pb.ListSubsidyClaimsResponse(
            subsidy_claims=[claim_pb(book, x, masked=True) for x in claims],
            next_page_token=token)

    async def PubliciseSubsidyClaims(self, request, context):
        book, claims = await self._bus.handle(c.PubliciseSubsidyClaims.parse(
            auth.current_caller(), parent=request.parent, start_date=request.start_date))
        return pb.PubliciseSubsidyClaimsResponse(
            subsidy_claims=[claim_pb(book, x, masked=True) for x in claims])

    async def RecordSubsidyObjection(self, request, context):
        book, claim = await self._bus.handle(c.RecordSubsidyObjection.parse(
            auth.current_caller(), name=request.name, reason=request.reason))
        return claim_pb(book, claim)

    async def DecideSubsidyObjection(self, request, context):
        book, claim = await self._bus.handle(c.DecideSubsidyObjection.parse(
            auth.current_caller(), name=request.name, upheld=request.upheld,
            reason=request.reason))
        return claim_pb(book, claim)

    async def PaySubsidyClaims(self, request, context):
        book, paid, withheld = await self._bus.handle(c.PaySubsidyClaims.parse(
            auth.current_caller(), parent=request.parent))
        return pb.PaySubsidyClaimsResponse(
            paid=[claim_pb(book, x) for x in paid],
            withheld=[claim_pb(book, x) for x in withheld],
            paid_fen=sum(x.amount_fen for x in paid))

    async def RecordTrainingFraud(self, request, context):
        book, case = await self._bus.handle(c.RecordTrainingFraud.parse(
            auth.current_caller(), parent=request.parent, reason=request.reason,
            evidence=request.evidence,
            revoke_training_qualification=request.revoke_training_qualification))
        return fraud_pb(book.facts.name, f"institutions/{book.facts.institution_id}", case)
