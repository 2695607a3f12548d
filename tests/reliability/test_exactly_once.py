"""No event lost, none applied twice: NATS killed between commit and publish, the relay
republishing after a crash, and a consumer seeing the same event again."""

from nats.js.errors import NotFoundError
from sqlalchemy import func, select, update

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.accreditation.v1 import events_pb2 as acc_events
from anbao.certificates.v1 import certificates_pb2 as cert
from anbao.certificates.v1 import events_pb2 as cert_events
from anbao.registry.v1 import registry_pb2 as reg
from servicekit.eventsigning import HEADER
from tests import builders
from tests.harness import eventually


async def scored_session(system, passers: int = 2):
    """A session whose passers are admitted, scored, signed off and checked: the
    organisation (`scorer`) has only to close it."""
    stubs = system.stubs()
    org = await builders.institution(stubs)
    scorer = system.stubs("eval_org", org.name)
    session = await builders.session(stubs, org)
    people = []
    for i in range(passers):
        someone = await builders.person(stubs, full_name=f"张{'一二三四五六七八九'[i]}")
        candidate = await builders.admit(system, session, someone)
        await builders.score(system, session, candidate, 80, 80)
        people.append(someone.name)
    await builders.sign_off_and_check(system, session)
    return stubs, scorer, session, people


async def all_certificates(stubs) -> list:
    answer = await stubs.certificates.ListCertificates(cert.ListCertificatesRequest(
        page_size=1000), metadata=stubs.metadata)
    return list(answer.certificates)


def pending_outbox(runtime) -> int:
    t = runtime.tables.outbox
    with runtime.db.engine.connect() as conn:
        return conn.scalar(select(func.count()).where(t.c.published_at.is_(None)))


def inbox_count(runtime, subject: str = "") -> int:
    """Events applied, or those of one subject."""
    inbox = runtime.tables.inbox
    query = select(func.count()).select_from(inbox)
    with runtime.db.engine.connect() as conn:
        return conn.scalar(query.where(inbox.c.subject == subject) if subject else query)


async def pool_size(stubs) -> int:
    answer = await stubs.registry.SearchTalent(reg.SearchTalentRequest(
        occupation_code="3-02-02-00", page_size=1000), metadata=stubs.metadata)
    return sum(len(p.certificates) for p in answer.persons)


async def test_event_committed_while_nats_is_down_arrives_once_after_restart(system, backend):
    stubs, scorer, session, people = await scored_session(system, passers=3)
    system.nats.kill()  # the broker dies after the scores, before the close
    closed = await scorer.accreditation.CloseExamSession(
        acc.CloseExamSessionRequest(name=session.name), metadata=scorer.metadata)
    assert closed.state == acc.EXAM_SESSION_STATE_CLOSED  # the state change committed
    assert pending_outbox(system.accreditation) == 3      # and its events wait in the outbox

    system.nats.start()  # same port, same store
    await eventually(lambda: _count_is(stubs, 3), timeout=30)
    await eventually(lambda: _pool_is(stubs, 3), timeout=30)
    assert pending_outbox(system.accreditation) == 0
    certificates = await all_certificates(stubs)
    assert sorted(c.person for c in certificates) == sorted(people)
    assert sorted(c.number[-6:] for c in certificates) == ["000001", "000002", "000003"]


async def test_relay_crash_after_publish_republishes_without_double_issue(system, backend):
    stubs, scorer, session, _ = await scored_session(system)
    await scorer.accreditation.CloseExamSession(acc.CloseExamSessionRequest(name=session.name),
                                                metadata=scorer.metadata)
    await eventually(lambda: _count_is(stubs, 2))
    await eventually(lambda: _pool_is(stubs, 2))
    # the relay published and JetStream acked, but the relay died before marking the rows
    outbox = system.accreditation.tables.outbox
    with system.accreditation.db.engine.begin() as conn:
        conn.execute(update(outbox).values(published_at=None))
    assert await system.accreditation.relay.publish_pending() >= 2
    # the same Nats-Msg-Id inside the duplicate window: the stream keeps one copy
    nc = await system.bus.connect(system.nats.url)
    info = await nc.jetstream().stream_info("ANBAO_ACCREDITATION_V1")
    await nc.close()
    assert info.state.messages == 2 + _appointments(system)
    assert len(await all_certificates(stubs)) == 2


async def test_redelivered_event_with_a_new_message_id_is_applied_once(system, backend):
    stubs, scorer, session, _ = await scored_session(system, passers=1)
    await scorer.accreditation.CloseExamSession(acc.CloseExamSessionRequest(name=session.name),
                                                metadata=scorer.metadata)
    await eventually(lambda: _count_is(stubs, 1))
    await eventually(lambda: _pool_is(stubs, 1))
    # counted per subject: certificates also applies institutions' status changes, which
    # may still be arriving
    passed_subject = acc_events.AssessmentPassed.DESCRIPTOR.full_name
    issued_subject = cert_events.CertificateIssued.DESCRIPTOR.full_name

    def applied():
        return (inbox_count(system.certificates, passed_subject),
                inbox_count(system.registry, issued_subject))
    applied_before = applied()

    # the same events delivered again past the stream's dedup (a new Nats-Msg-Id)
    outbox = system.accreditation.tables.outbox
    with system.accreditation.db.engine.connect() as conn:
        rows = conn.execute(select(outbox.c.subject, outbox.c.payload, outbox.c.event_id)).all()
    passed = [r for r in rows if r.subject == acc_events.AssessmentPassed.DESCRIPTOR.full_name]
    issued_rows = _outbox_rows(system.certificates)
    nc = await system.bus.connect(system.nats.url)
    js = nc.jetstream()
    for row, producer in [(r, "accreditation") for r in passed] + \
            [(r, "certificates") for r in issued_rows]:
        await js.publish(row.subject, row.payload, headers={
            "Nats-Msg-Id": row.event_id + "-again",
            HEADER: system.bus.signer(producer).sign(row.subject, row.payload)})
    await nc.close()

    await eventually(lambda: _caught_up(system))
    assert len(await all_certificates(stubs)) == 1
    assert await pool_size(stubs) == 1
    assert applied() == applied_before


def _outbox_rows(runtime):
    t = runtime.tables.outbox
    with runtime.db.engine.connect() as conn:
        return conn.execute(select(t.c.subject, t.c.payload, t.c.event_id)).all()


def _appointments(system) -> int:
    t = system.accreditation.tables.outbox
    with system.accreditation.db.engine.connect() as conn:
        return conn.scalar(select(func.count()).where(
            t.c.subject != acc_events.AssessmentPassed.DESCRIPTOR.full_name))


async def _caught_up(system) -> bool:
    """Both consumers have received and acked everything in their streams."""
    nc = await system.bus.connect(system.nats.url)
    js = nc.jetstream()
    try:
        infos = [await js.consumer_info("ANBAO_ACCREDITATION_V1",
                                        "certificates__AssessmentPassed"),
                 await js.consumer_info("ANBAO_CERTIFICATES_V1", "registry__CertificateIssued")]
    except NotFoundError:  # a consumer waiting for its producer's stream
        return False
    finally:
        await nc.close()
    return all(i.num_pending == 0 and i.num_ack_pending == 0 for i in infos)


async def _count_is(stubs, n: int) -> bool:
    return len(await all_certificates(stubs)) == n


async def _pool_is(stubs, n: int) -> bool:
    return await pool_size(stubs) == n
