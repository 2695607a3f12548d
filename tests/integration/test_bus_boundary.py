"""The event bus is a trust boundary (design.md §Security): NATS authenticates every
connection, a service publishes only its own package's subjects and reaches only its own
consumers, and a consumer applies only events their producer signed. Each attack is a
forged `AssessmentPassed` (an institution that does not exist, level 1); none of them
issues a certificate, and the control shows that the same event, properly signed by
accreditation, would have been issued."""

import json
from datetime import date, datetime, timezone

import aiohttp
import nats
import pytest
from nats.js.api import AckPolicy, ConsumerConfig

from anbao.accreditation.v1 import events_pb2 as acc_events
from anbao.certificates.v1 import certificates_pb2 as cert
from anbaoctl.natsserver import write_config
from servicekit import dates, eventsigning, natsauth
from servicekit.eventsigning import HEADER
from tests.harness import eventually
from tests.reliability.test_consumer_faults import read_dead_letters

SUBJECT = acc_events.AssessmentPassed.DESCRIPTOR.full_name
PREFIX = "S000022000999"  # parts 1–4 of the number for an institution nobody registered


def forged(event_id: str, level: int = 1) -> bytes:
    event = acc_events.AssessmentPassed(
        event_id=event_id, candidate=f"examSessions/forged/candidates/{event_id}",
        person="persons/forged", holder_name="冒名", resident_id_masked="220102********0011",
        occupation_code="3-02-02-00", occupation_name="保安员", level=level,
        institution="institutions/does-not-exist", organisation_name="不存在的培训中心",
        organisation_prefix=PREFIX, exam_date=dates.to_proto(date(2026, 11, 1)))
    event.close_time.FromDatetime(datetime.now(timezone.utc))
    return event.SerializeToString()


async def certificates(system) -> list:
    stubs = system.stubs()
    answer = await stubs.certificates.ListCertificates(cert.ListCertificatesRequest(
        page_size=100), metadata=stubs.metadata)
    return list(answer.certificates)


async def lookup_status(system, serial: int = 1) -> int:
    """The public lookup of the number the first forged certificate would have had."""
    number = f"{PREFIX}{datetime.now(timezone.utc).year % 100:02d}1{serial:06d}"
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{system.http_base}/api/v1/certificates/{number}",
                            params={"name": "冒名"}) as response:
            return response.status


async def stream_messages(system) -> int:
    nc = await system.bus.connect(system.nats.url)
    try:
        return (await nc.jetstream().stream_info("ANBAO_ACCREDITATION_V1")).state.messages
    finally:
        await nc.close()


async def nothing_issued(system) -> None:
    """Sends a genuine event (level 2) after the forged one (level 1) and waits for its
    certificate: the consumer applies in order, so by then the forged event has met its
    fate. Only the genuine certificate exists, and the forged number is not found."""
    data = forged("genuine-after-the-forgery", level=2)
    nc = await system.bus.connect(system.nats.url, "accreditation")
    await nc.jetstream().publish(SUBJECT, data, headers={
        HEADER: system.bus.signer("accreditation").sign(SUBJECT, data)})
    await nc.close()
    issued = await eventually(lambda: certificates(system), timeout=10)
    assert [c.level for c in issued] == [2]
    assert await lookup_status(system) == 404


async def connect_collecting(system, identity: str) -> tuple[nats.NATS, list[Exception]]:
    errors: list[Exception] = []

    async def collect(exc):
        errors.append(exc)

    return await system.bus.connect(system.nats.url, identity, error_cb=collect), errors


async def test_without_credentials_nats_refuses_the_connection(system, backend):
    with pytest.raises(nats.errors.Error, match="[Aa]uthorization"):
        await nats.connect(system.nats.url, allow_reconnect=False, connect_timeout=2)
    # a well-formed NKey the server does not know fares no better
    stranger = system.bus.data_dir / "stranger.nk"
    stranger.write_text(natsauth.new_seed())
    with pytest.raises(nats.errors.Error, match="[Aa]uthorization"):
        await nats.connect(system.nats.url, allow_reconnect=False, connect_timeout=2,
                           nkeys_seed=str(stranger))
    await nothing_issued(system)


async def test_another_services_credentials_cannot_publish_accreditations_events(
        system, backend):
    before = await stream_messages(system)
    nc, errors = await connect_collecting(system, "registry")
    data = forged("forged-by-registry")
    signature = system.bus.signer("accreditation").sign(SUBJECT, data)  # even a stolen key
    with pytest.raises(nats.errors.TimeoutError):  # no stream ever stores it, so no ack
        await nc.jetstream(timeout=1).publish(SUBJECT, data, headers={HEADER: signature})
    await nc.publish(SUBJECT, data, headers={HEADER: signature})
    await nc.flush()
    await eventually(lambda: _async(errors), timeout=5)
    await nc.close()
    assert any(f'permissions violation for publish to "{SUBJECT.lower()}"' in str(e)
               for e in errors), errors
    assert await stream_messages(system) == before
    await nothing_issued(system)


@pytest.mark.parametrize("how,reason", [
    ("unsigned", "unauthentic: no Anbao-Signature header"),
    ("signed by registry's key", "unauthentic: key "),
    ("accreditation's key over other bytes", "unauthentic: the signature of key "),
])
async def test_an_event_its_producer_did_not_sign_is_dead_lettered_not_applied(
        system, backend, how, reason):
    data = forged("forged-on-the-right-subject")
    headers = {"Nats-Msg-Id": "forged-1"}
    if how == "signed by registry's key":
        headers[HEADER] = system.bus.signer("registry").sign(SUBJECT, data)
    elif how == "accreditation's key over other bytes":
        key_id, _, _ = system.bus.signer("accreditation").sign(SUBJECT, data).partition(":")
        other = system.bus.signer("accreditation").sign(SUBJECT, forged("another"))
        headers[HEADER] = f"{key_id}:{other.partition(':')[2]}"
    nc = await system.bus.connect(system.nats.url, "accreditation")  # its own credentials
    await nc.jetstream().publish(SUBJECT, data, headers=headers)  # NATS lets it through
    await nc.close()

    (letter,) = await eventually(lambda: read_dead_letters(system), timeout=10)
    assert (letter.service, letter.subject) == ("certificates", SUBJECT)
    assert letter.reason.startswith(reason), letter.reason
    assert letter.data == data
    await nothing_issued(system)


async def test_control_the_same_event_signed_by_accreditation_is_issued(system, backend):
    """What the other tests refuse is refused for its origin alone: signed by the
    producer's key, the very same bytes become a certificate."""
    data = forged("properly-signed")
    nc = await system.bus.connect(system.nats.url, "accreditation")
    await nc.jetstream().publish(SUBJECT, data, headers={
        HEADER: system.bus.signer("accreditation").sign(SUBJECT, data)})
    await nc.close()
    (issued,) = await eventually(lambda: certificates(system), timeout=10)
    assert issued.number.startswith(PREFIX)
    assert await lookup_status(system) == 200


async def test_a_service_reaches_only_the_consumers_of_what_it_consumes(system, backend):
    # accreditation consumes nothing: it may not read certificates' stream
    nc, errors = await connect_collecting(system, "accreditation")
    js = nc.jetstream(timeout=1)
    with pytest.raises(nats.errors.TimeoutError):
        await js.add_consumer("ANBAO_CERTIFICATES_V1", ConsumerConfig(
            durable_name="accreditation__CertificateIssued", ack_policy=AckPolicy.EXPLICIT,
            filter_subject="anbao.certificates.v1.CertificateIssued"))
    # nor take over certificates' own consumer of its events
    with pytest.raises(nats.errors.TimeoutError):
        await js.consumer_info("ANBAO_ACCREDITATION_V1", "certificates__AssessmentPassed")
    # nor listen to the subjects themselves
    await nc.subscribe("anbao.>")
    await nc.flush()
    await eventually(lambda: _async(len(errors) >= 3), timeout=5)
    await nc.close()
    violations = " ".join(str(e) for e in errors)  # as nats-py reports them, lower case
    assert 'violation for publish to "$js.api.consumer.durable.create.anbao_certificates_v1' \
        in violations
    assert 'violation for publish to "$js.api.consumer.info.anbao_accreditation_v1' in violations
    assert 'violation for subscription to "anbao.>"' in violations

    # registry, which consumes certificates' events, may not touch accreditation's stream
    nc, errors = await connect_collecting(system, "registry")
    with pytest.raises(nats.errors.TimeoutError):
        await nc.jetstream(timeout=1).pull_subscribe(
            "anbao.accreditation.v1.AssessmentPassed", durable="registry__AssessmentPassed",
            stream="ANBAO_ACCREDITATION_V1")
    await nc.close()
    assert any('violation for publish to "$js.api.consumer.info.anbao_accreditation_v1'
               in str(e) for e in errors), errors


async def _async(value):
    return value


def test_a_signature_binds_the_subject_as_well_as_the_bytes():
    key = eventsigning.new_key()
    header = eventsigning.Signer(key).sign("anbao.accreditation.v1.AssessmentPassed", b"x")
    verifier = eventsigning.Verifier({"anbao.accreditation.v1": [eventsigning.public_key(key)]})
    verifier.verify("anbao.accreditation.v1.AssessmentPassed", b"x", {HEADER: header})
    with pytest.raises(eventsigning.Unauthentic, match="does not verify"):
        verifier.verify("anbao.accreditation.v1.EvaluatorAppointed", b"x", {HEADER: header})
    with pytest.raises(eventsigning.Unauthentic, match="not trusted"):
        verifier.verify("anbao.certificates.v1.CertificateIssued", b"x", {HEADER: header})


def test_anbao_up_makes_private_seeds_and_a_config_that_denies_by_default(tmp_path):
    config = json.loads(write_config(tmp_path, tmp_path / "nats").read_text())
    users = config["authorization"]["users"]
    seeds = sorted((tmp_path / "secrets" / "nats").iterdir())
    assert [p.name for p in seeds] == ["accreditation.nk", "admin.nk", "certificates.nk",
                                       "registry.nk", "training.nk"]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in seeds)
    assert all(p.read_text().startswith("SU") for p in seeds)
    assert len(users) == 5 and all(u["nkey"].startswith("U") for u in users)  # 4 services, admin
    assert "no_auth_user" not in config and config["jetstream"]["store_dir"]
    assert [u for u in users if "permissions" not in u] == [  # admin alone is unrestricted
        {"nkey": natsauth.public_nkey((tmp_path / "secrets/nats/admin.nk").read_text().strip())}]
    accreditation = natsauth.public_nkey(seeds[0].read_text().strip())
    (allowed,) = [u["permissions"] for u in users if u["nkey"] == accreditation]
    # ASMT-5: the certificates held; INST-7: fraud found in training classes (events only:
    # a part of an event such as CompletedTrainee gets no consumer)
    grants = [(f"ANBAO_{package.upper()}_V1.accreditation__{{0}}", package, event)
              for package, events in (("certificates", ("CertificateIssued",
                                                        "CertificateStatusChanged")),
                                      ("training", ("ClassCompleted", "SubsidyPaid",
                                                    "FraudFound")))
              for event in events]
    assert allowed["publish"]["allow"] == [
        "anbao.accreditation.v1.>", "$JS.API.STREAM.CREATE.ANBAO_ACCREDITATION_V1",
        "$JS.API.STREAM.UPDATE.ANBAO_ACCREDITATION_V1", "anbao.deadletter.accreditation.>",
        "$JS.API.STREAM.CREATE.ANBAO_DEAD_LETTERS",
        *[grant.format(event) for consumer, package, event in grants
          for grant in (f"$JS.API.CONSUMER.CREATE.{consumer}.anbao.{package}.v1.{{0}}",
                        f"$JS.API.CONSUMER.INFO.{consumer}",
                        f"$JS.API.CONSUMER.MSG.NEXT.{consumer}", f"$JS.ACK.{consumer}.>")]]
    assert allowed["subscribe"]["allow"] == ["_INBOX_accreditation.>"]
