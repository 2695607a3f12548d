"""`anbao demo`'s subsidy steps (TRN-5, TRN-6, TRN-7, TRN-11, TRN-12, INST-7), for a
completed class of a city with a subsidy schedule (Quanzhou or Binzhou: the notices give
no amounts for Jilin): the institution claims for its trainees under their 代领
agreements, the department publicises the list, pays it once, then finds fraud — the
subsidies are clawed back and accreditation blacklists the institution.

`run_demo` is to call `walk` once its class walk completes a class (the training
service's completion review); the e2e test runs it against an in-process system.

A publicity lasts five working days and a demo minutes: without `publicity_passes` the
walk shows the payment refused until the publicity is over (TRN-6) and goes on to the
fraud case; the e2e test passes a step that lets the days pass."""

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Awaitable, Callable

import grpc

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.accreditation.v1 import accreditation_pb2_grpc
from anbao.training.v1 import training_pb2 as trn
from anbao.training.v1 import training_pb2_grpc
from servicekit import dates

Metadata = tuple[tuple[str, str], ...]


@dataclass
class SubsidyWalk:
    claims: list[str] = field(default_factory=list)
    paid_fen: int = 0
    repeat_paid_again: bool = True
    refused_during_publicity: bool = False
    clawed_back_fen: int = 0
    blacklisted: bool = False


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d} 元"


async def walk(channels: dict[str, grpc.aio.Channel], *, admin: Metadata, org: Metadata,
               training_class: str, institution: str, trainees: dict[str, str],
               eventually: Callable[..., Awaitable], say: Callable[[str], None] = print,
               publicity_passes: Callable[[], Awaitable] | None = None) -> SubsidyWalk:
    """`trainees`: persons/{id} → full name, each holding the class's completion
    certificate."""
    training = training_pb2_grpc.TrainingServiceStub(channels["training"])
    accreditation = accreditation_pb2_grpc.AccreditationServiceStub(channels["accreditation"])
    out = SubsidyWalk()
    today = dates.today()

    say("S1. Subsidy claims (TRN-11 eligibility, TRN-12 代领 agreement, TRN-5 amount in fen)")
    for person, full_name in trainees.items():
        scan = hashlib.sha256(f"代领安全技能培训补贴协议书 {person}".encode()).hexdigest()
        claim = await training.FileSubsidyClaim(trn.FileSubsidyClaimRequest(
            parent=training_class, subsidy_claim=trn.SubsidyClaim(
                person=person, trainee_name=full_name, agreement=trn.SubsidyAgreement(
                    signed_date=dates.to_proto(today), document_sha256=scan,
                    declares_no_other_claim=True)),
            request_id=str(uuid.uuid4())), metadata=org, timeout=10)
        out.claims.append(claim.name)
        say(f"   {claim.name}  {_yuan(claim.amount_fen)}  certificate {claim.certificate_number}")

    say("S2. Publicity of the claim list (TRN-6: 5 Chinese working days, names masked)")
    start = today
    listed = await training.PubliciseSubsidyClaims(trn.PubliciseSubsidyClaimsRequest(
        parent=training_class, start_date=dates.to_proto(start)), metadata=admin, timeout=10)
    for x in listed.subsidy_claims:
        say(f"   {x.trainee_name}  {_yuan(x.amount_fen)}  publicised "
            f"{dates.of_proto(x.publicity_start_date)} – {dates.of_proto(x.publicity_end_date)}")

    say("S3. Payment after the publicity, no objection standing; the same request again pays "
        "nothing more (TRN-6, TRN-7 ledger)")
    request = trn.PaySubsidyClaimsRequest(parent=training_class, request_id=str(uuid.uuid4()))
    if publicity_passes is None:
        try:
            await training.PaySubsidyClaims(request, metadata=admin, timeout=10)
        except grpc.aio.AioRpcError as exc:
            out.refused_during_publicity = exc.code() == grpc.StatusCode.FAILED_PRECONDITION
            say(f"   during the publicity: {exc.code().name} — {exc.details()}")
        return await _fraud(training, accreditation, out, admin=admin,
                            training_class=training_class, institution=institution,
                            eventually=eventually, say=say)
    await publicity_passes()
    paid = await training.PaySubsidyClaims(request, metadata=admin, timeout=10)
    again = await training.PaySubsidyClaims(request, metadata=admin, timeout=10)
    out.paid_fen, out.repeat_paid_again = paid.paid_fen, again != paid
    say(f"   paid {len(paid.paid)} claims, {_yuan(paid.paid_fen)}; repeated request: "
        f"{'the same answer' if again == paid else 'a different answer!'}")
    return await _fraud(training, accreditation, out, admin=admin,
                        training_class=training_class, institution=institution,
                        eventually=eventually, say=say)


async def _fraud(training, accreditation, out: SubsidyWalk, *, admin: Metadata,
                 training_class: str, institution: str, eventually: Callable[..., Awaitable],
                 say: Callable[[str], None]) -> SubsidyWalk:

    say("S4. Fraud found (INST-7): claw-back, FraudFound → accreditation blacklists")
    case = await training.RecordTrainingFraud(trn.RecordTrainingFraudRequest(
        parent=training_class, reason="虚假考勤: 代签到", evidence="签到表与人脸抓拍不符",
        revoke_training_qualification=True, request_id=str(uuid.uuid4())),
        metadata=admin, timeout=10)
    out.clawed_back_fen = case.clawed_back_fen
    say(f"   {case.name}  clawed back {_yuan(case.clawed_back_fen)} from "
        f"{len(case.clawed_back_claims)} claims")

    async def blacklisted():
        got = await accreditation.GetInstitution(acc.GetInstitutionRequest(name=institution),
                                                 metadata=admin, timeout=10)
        return got if got.blacklisted else None

    got = await eventually(blacklisted, "the institution blacklisted", timeout=20)
    out.blacklisted = True
    say(f"   {got.name}  {got.display_name}  blacklisted, status "
        f"{acc.InstitutionStatus.Name(got.status).removeprefix('INSTITUTION_STATUS_')}")
    return out
