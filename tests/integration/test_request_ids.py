"""request_id on the real services (AIP-155): a retried create or state change has one
effect and gets the first answer; the same request_id on a different request is refused."""

import uuid

import grpc
import pytest
from sqlalchemy import text

from anbao.accreditation.v1 import accreditation_pb2 as acc
from tests import builders
from tests.harness import error_details


async def refused(call) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    return caught.value


async def test_a_retried_create_institution_creates_one_and_answers_the_same(system):
    stubs = system.stubs()
    call = await builders.call_for_applications(stubs, acc.INSTITUTION_ROLE_TRAINING)
    request = acc.CreateInstitutionRequest(institution=acc.Institution(
        display_name="长春市保安培训学校", uscc=builders.uscc(),
        role=acc.INSTITUTION_ROLE_TRAINING, region_code="220100", call=call.name,
        occupation_codes=["3-02-02-00"]), request_id=str(uuid.uuid4()))
    first = await stubs.accreditation.CreateInstitution(request, metadata=stubs.metadata)
    again = await stubs.accreditation.CreateInstitution(request, metadata=stubs.metadata)
    assert again == first
    listed = await stubs.accreditation.ListInstitutions(acc.ListInstitutionsRequest(
        role=acc.INSTITUTION_ROLE_TRAINING, page_size=100), metadata=stubs.metadata)
    assert [i.name for i in listed.institutions if i.uscc == first.uscc] == [first.name]

    request.institution.display_name = "另一所学校"
    exc = await refused(stubs.accreditation.CreateInstitution(request, metadata=stubs.metadata))
    assert exc.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(exc)[0] == {"request_id": "reused with a different request"}
    request.request_id = ""  # without one, a retry is a second create: refused as a duplicate
    request.institution.display_name = first.display_name
    exc = await refused(stubs.accreditation.CreateInstitution(request, metadata=stubs.metadata))
    assert exc.code() == grpc.StatusCode.ALREADY_EXISTS


async def test_a_retried_close_exam_session_closes_once_and_answers_the_same(system):
    stubs = system.stubs()
    org = await builders.institution(stubs)
    scorer = system.stubs("eval_org", org.name)
    session = await builders.session(stubs, org)
    someone = await builders.person(stubs)
    candidate = await builders.admit(system, session, someone)
    await builders.score(system, session, candidate, 80, 80)
    await builders.sign_off_and_check(system, session)

    close = acc.CloseExamSessionRequest(name=session.name, request_id=str(uuid.uuid4()))
    first = await scorer.accreditation.CloseExamSession(close, metadata=scorer.metadata)
    again = await scorer.accreditation.CloseExamSession(close, metadata=scorer.metadata)
    assert first.state == acc.EXAM_SESSION_STATE_CLOSED and again == first
    with system.accreditation.db.engine.connect() as conn:
        announced = conn.execute(text(
            "SELECT count(*) FROM outbox WHERE subject = 'anbao.accreditation.v1.AssessmentPassed'"
        )).scalar()
    assert announced == 1  # ASMT-8: one AssessmentPassed for the one passer, not two

    other = await builders.session(stubs, org, assign=False)
    exc = await refused(scorer.accreditation.CloseExamSession(acc.CloseExamSessionRequest(
        name=other.name, request_id=close.request_id), metadata=scorer.metadata))
    assert exc.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "request_id" in error_details(exc)[0]
    exc = await refused(scorer.accreditation.CloseExamSession(acc.CloseExamSessionRequest(
        name=session.name, request_id=str(uuid.uuid4())), metadata=scorer.metadata))
    assert exc.code() == grpc.StatusCode.FAILED_PRECONDITION  # a new request_id is a new close
