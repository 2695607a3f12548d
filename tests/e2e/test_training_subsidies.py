"""A class's subsidies through the whole system (TRN-5, TRN-6, TRN-7, TRN-11, TRN-12,
INST-7): a Quanzhou training institution's class completes, certificates issues the
completion certificates (CERT-2), training learns them, the institution claims, the
department publicises, pays once per request_id, then finds fraud: the subsidy is
clawed back and accreditation blacklists the institution from training's FraudFound.

The class's own weeks (filing, enrolment, sign-ins, evidence, the completion review) are
walked in test_training_lifecycle.py; here two steps stand in for them: the class's state
is set to COMPLETED in training's own database, as the review does, and the
ClassCompleted the review emits is published on the bus with training's credentials and
signing key, as its outbox relay does. The publicity's days pass on training's clock."""

import uuid
from datetime import timedelta

import grpc
import pytest
from sqlalchemy import select

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.training.v1 import training_pb2 as trn
from servicekit import dates
from services.training.adapters.orm import CompletionCertificateRow, TrainingClassRow
from services.training.adapters.subsidy_orm import SubsidyLedgerRow
from services.training.domain import workdays
from anbaoctl import demo_subsidies
from tests import builders
from tests.e2e.test_training_outcomes import class_completed, publish_as_training
from tests.harness import error_details, eventually


def publicity_passes(system, k) -> None:
    """The five working days pass: the training service's clock (adapters/clock.py) is
    pinned three weeks on."""
    system.training.clock.pinned = dates.today() + timedelta(days=21)


async def completed_quanzhou_class(system, admin, *trainees):
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING, region="350502")
    k = await builders.training_class(system, trainer, "teachers/t1")
    db = system.runtimes()["training"].db
    with db.session() as session:  # the completion review's effect (see the docstring)
        session.get(TrainingClassRow, k.name.removeprefix("classes/")).state = \
            trn.CLASS_STATE_COMPLETED
        session.commit()
    event = class_completed(trainer, k.name, {t.name: t.full_name for t in trainees})
    await publish_as_training(system, event)

    async def learned():  # CERT-2: certificates issued them, training learned them
        with db.session() as session:
            rows = session.scalars(select(CompletionCertificateRow).where(
                CompletionCertificateRow.class_id == k.name.removeprefix("classes/"))).all()
            return rows[0] if len(rows) == len(trainees) else None

    certificate = await eventually(learned, "the completion certificate", timeout=20)
    return trainer, k, certificate


async def test_trn5_trn6_inst7_claim_publicity_payment_once_then_fraud_and_blacklist(
        system, backend):
    admin = system.stubs()
    trainee = await builders.person(admin, "王小明")
    trainer, k, certificate = await completed_quanzhou_class(system, admin, trainee)
    org = system.stubs("training_org", trainer.name)
    agreement = trn.SubsidyAgreement(signed_date=dates.to_proto(dates.today()),
                                     document_sha256="cd" * 32, declares_no_other_claim=True)

    # TRN-11 first: a trainee without the completion certificate is not eligible
    stranger = await builders.person(admin, "李四")
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await org.training.FileSubsidyClaim(trn.FileSubsidyClaimRequest(
            parent=k.name, subsidy_claim=trn.SubsidyClaim(
                person=stranger.name, trainee_name="李四", agreement=agreement)),
            metadata=org.metadata)
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_details(refused.value)[1] == "TRN_11_NO_COMPLETION_CERTIFICATE"

    # TRN-12, TRN-5: the institution claims under the agreement; Quanzhou, 保卫管理员: 500 yuan
    claim = await org.training.FileSubsidyClaim(trn.FileSubsidyClaimRequest(
        parent=k.name, subsidy_claim=trn.SubsidyClaim(
            person=trainee.name, trainee_name="王小明", agreement=agreement),
        request_id=str(uuid.uuid4())), metadata=org.metadata)
    assert (claim.amount_fen, claim.state, claim.certificate_number) == (
        50_000, trn.SUBSIDY_CLAIM_STATE_FILED, certificate.number)

    # TRN-6: publicised from today, names masked; nothing is paid during the publicity
    start = dates.today()
    listed = await admin.training.PubliciseSubsidyClaims(trn.PubliciseSubsidyClaimsRequest(
        parent=k.name, start_date=dates.to_proto(start)), metadata=admin.metadata)
    (shown,) = listed.subsidy_claims
    assert shown.trainee_name == "王**" and shown.state == trn.SUBSIDY_CLAIM_STATE_PUBLICISED
    end = dates.of_proto(shown.publicity_end_date)
    assert sum(workdays.is_workday(start + timedelta(days=d))
               for d in range((end - start).days + 1)) == 5 and workdays.is_workday(end)

    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await admin.training.PaySubsidyClaims(trn.PaySubsidyClaimsRequest(
            parent=k.name, request_id=str(uuid.uuid4())), metadata=admin.metadata)
    assert error_details(refused.value)[1] == "TRN_6_PUBLICITY_NOT_OVER"
    publicity_passes(system, k)

    # paid once, however often the same request is repeated
    request = trn.PaySubsidyClaimsRequest(parent=k.name, request_id=str(uuid.uuid4()))
    first = await admin.training.PaySubsidyClaims(request, metadata=admin.metadata)
    again = await admin.training.PaySubsidyClaims(request, metadata=admin.metadata)
    assert first == again and first.paid_fen == 50_000 and len(first.paid) == 1
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await admin.training.PaySubsidyClaims(trn.PaySubsidyClaimsRequest(
            parent=k.name, request_id=str(uuid.uuid4())), metadata=admin.metadata)
    assert error_details(refused.value)[1] == "TRN_6_NOTHING_TO_PAY"
    db = system.runtimes()["training"].db
    with db.session() as session:  # TRN-7: one ledger entry, kept five years
        (entry,) = session.scalars(select(SubsidyLedgerRow).where(
            SubsidyLedgerRow.class_id == k.name.removeprefix("classes/"))).all()
        assert entry.amount_fen == 50_000
        assert entry.retain_until == entry.booked_on.replace(year=entry.booked_on.year + 5)

    # INST-7: fraud found: clawed back, and accreditation blacklists the institution
    case = await admin.training.RecordTrainingFraud(trn.RecordTrainingFraudRequest(
        parent=k.name, reason="虚假考勤: 代签到", evidence="签到表比对",
        revoke_training_qualification=True, request_id=str(uuid.uuid4())),
        metadata=admin.metadata)
    assert case.clawed_back_fen == 50_000 and list(case.clawed_back_claims) == [claim.name]

    async def blacklisted():
        got = await admin.accreditation.GetInstitution(acc.GetInstitutionRequest(
            name=trainer.name), metadata=admin.metadata)
        return got if got.blacklisted else None

    got = await eventually(blacklisted, "the blacklisting", timeout=20)
    assert got.status == acc.INSTITUTION_STATUS_REVOKED
    listed = await admin.training.ListSubsidyClaims(trn.ListSubsidyClaimsRequest(
        parent=k.name), metadata=admin.metadata)
    assert [x.state for x in listed.subsidy_claims] == [trn.SUBSIDY_CLAIM_STATE_CLAWED_BACK]


async def test_the_demos_subsidy_steps_walk_claim_publicity_payment_fraud(system, backend):
    admin = system.stubs()
    trainees = [await builders.person(admin, name) for name in ("王小明", "欧阳明远")]
    trainer, k, _ = await completed_quanzhou_class(system, admin, *trainees)
    org = system.stubs("training_org", trainer.name)
    said = []

    async def passes():
        publicity_passes(system, k)

    walked = await demo_subsidies.walk(
        {name: system.channel(name) for name in ("training", "accreditation")},
        admin=admin.metadata, org=org.metadata, training_class=k.name,
        institution=trainer.name, trainees={t.name: t.full_name for t in trainees},
        eventually=eventually, say=said.append, publicity_passes=passes)
    assert walked.paid_fen == 100_000 and not walked.repeat_paid_again
    assert walked.clawed_back_fen == 100_000 and walked.blacklisted
    assert any("王**" in line for line in said) and not any("王小明" in line for line in said)


async def test_the_demo_without_waiting_shows_the_payment_refused_during_publicity(
        system, backend):
    admin = system.stubs()
    trainee = await builders.person(admin, "王小明")
    trainer, k, _ = await completed_quanzhou_class(system, admin, trainee)
    org = system.stubs("training_org", trainer.name)
    walked = await demo_subsidies.walk(
        {name: system.channel(name) for name in ("training", "accreditation")},
        admin=admin.metadata, org=org.metadata, training_class=k.name,
        institution=trainer.name, trainees={trainee.name: trainee.full_name},
        eventually=eventually, say=lambda line: None)
    assert walked.refused_during_publicity and walked.paid_fen == 0
    assert walked.clawed_back_fen == 0 and walked.blacklisted
