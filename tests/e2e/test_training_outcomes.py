"""What a training class's outcome does across the system: a completed class (CERT-2)
becomes completion certificates found by the public lookup and verified like skill
certificates; fraud found in a class (INST-7) blacklists its institution.

The training service does not emit ClassCompleted and FraudFound through an RPC yet, so
these tests publish them on the bus exactly as it would: over a connection with the
training service's NATS credentials, signed with its event-signing key — what the
consumers check is the producer's signature, so the path from there on is the real one."""

import json
import uuid
from datetime import date

import aiohttp

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.certificates.v1 import certificates_pb2 as cert
from anbao.training.v1 import events_pb2 as trn_events
from servicekit import dates
from servicekit.eventsigning import HEADER
from servicekit.unitofwork import new_event
from tests import builders
from tests.harness import eventually


async def publish_as_training(system, event) -> None:
    subject, data = event.DESCRIPTOR.full_name, event.SerializeToString()
    nc = await system.bus.connect(system.nats.url, "training")
    try:
        await nc.jetstream().publish(subject, data, headers={
            HEADER: system.bus.signer("training").sign(subject, data),
            "Nats-Msg-Id": event.event_id})
    finally:
        await nc.close()


def class_completed(trainer, training_class: str, trainees: dict[str, str]):
    return new_event(
        trn_events.ClassCompleted, training_class=training_class, class_code="2026第1期",
        institution=trainer.name, institution_name=trainer.display_name,
        region_code=trainer.region_code, occupation_code="3-02-02-00",
        occupation_name="保卫管理员", level=3, purpose=trn_events.TRAINING_PURPOSE_SKILL,
        start_date=dates.to_proto(date(2026, 10, 12)), end_date=dates.to_proto(date(2026, 10, 23)),
        planned_class_hours=24,
        trainees=[trn_events.CompletedTrainee(person=person, full_name=name,
                                              resident_id_masked="2201**********0011",
                                              attended_minutes=24 * 45, class_hours=24)
                  for person, name in trainees.items()])


async def test_cert2_a_completed_class_gives_completion_certificates_found_by_the_lookup(
        system, backend):
    admin = system.stubs()
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    training_class = f"classes/{uuid.uuid4().hex}"
    trainees = {"persons/a1": "赵一", "persons/a2": "钱二"}
    event = class_completed(trainer, training_class, trainees)
    await publish_as_training(system, event)

    async def issued():
        answer = await admin.certificates.ListCertificates(cert.ListCertificatesRequest(
            page_size=100), metadata=admin.metadata)
        found = [c for c in answer.certificates if c.training_class == training_class]
        return found if len(found) == 2 else None

    certificates = await eventually(issued, "the completion certificates", timeout=20)
    year = dates.today().year
    assert sorted(c.number for c in certificates) == [
        f"T{trainer.region_code}{year}000001", f"T{trainer.region_code}{year}000002"]
    assert {c.kind for c in certificates} == {cert.CERTIFICATE_KIND_TRAINING_COMPLETION}

    # redelivered as a new event (the training service repeating itself): nothing more
    await publish_as_training(system, class_completed(trainer, training_class, trainees))
    marker = class_completed(trainer, f"classes/{uuid.uuid4().hex}", {"persons/a9": "孙九"})
    await publish_as_training(system, marker)  # applied in order: after the repeat

    async def marker_issued():
        answer = await admin.certificates.ListCertificates(cert.ListCertificatesRequest(
            page_size=100), metadata=admin.metadata)
        return answer if any(c.training_class == marker.training_class
                             for c in answer.certificates) else None

    answer = await eventually(marker_issued, "the marker class's certificate", timeout=20)
    assert len([c for c in answer.certificates if c.training_class == training_class]) == 2

    by_holder = {c.holder_name: c for c in certificates}
    async with aiohttp.ClientSession() as http:
        number = by_holder["赵一"].number
        async with http.get(f"{system.http_base}/api/v1/certificates/{number}",
                            params={"name": "赵一"}) as response:
            assert response.status == 200
            shown = await response.json()
        assert shown["kind"] == "TRAINING_COMPLETION" and shown["signatureVerified"]
        assert shown["holderName"] == "赵*" and shown["occupationName"] == "保卫管理员"
        async with http.get(f"{system.http_base}/api/v1/certificates/{number}",
                            params={"name": "钱二"}) as response:
            assert response.status == 404  # the number needs its holder's name (CERT-4)

    # verified like a skill certificate: the proofs, the key, the training institution
    # ACTIVE on the day, the status lists
    async def verdict():
        report = await admin.certificates.VerifyCertificate(cert.VerifyCertificateRequest(
            credential_json=by_holder["钱二"].credential_json))
        return report if report.verdict == cert.VERDICT_VALID else None

    report = await eventually(verdict, "a VALID verdict", timeout=20)
    assert json.loads(by_holder["钱二"].credential_json)["type"] == [
        "VerifiableCredential", "TrainingCompletionCertificate"]
    assert {s.step for s in report.steps} >= {"proof", "issuer_accredited", "status"}


async def test_inst7_fraud_found_in_a_class_blacklists_its_institution(system, backend):
    admin = system.stubs()
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    fraud = new_event(trn_events.FraudFound, fraud_case=f"fraudCases/{uuid.uuid4().hex}",
                      institution=trainer.name, training_class="classes/c1",
                      reason="虚假考勤: 代签到", evidence="sign-in sheets", clawed_back_fen=130000,
                      revoke_training_qualification=True)
    await publish_as_training(system, fraud)

    async def blacklisted():
        got = await admin.accreditation.GetInstitution(acc.GetInstitutionRequest(
            name=trainer.name), metadata=admin.metadata)
        return got if got.blacklisted else None

    got = await eventually(blacklisted, "the blacklisting", timeout=20)
    assert got.status == acc.INSTITUTION_STATUS_REVOKED
    assert [(b.reason, b.qualification_revoked) for b in got.blacklist_entries] == [
        ("虚假考勤: 代签到", True)]
