"""Small builders for integration tests: valid people, institutions, evaluators, sessions."""

import itertools
import uuid
from datetime import date

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.registry.v1 import registry_pb2 as reg
from servicekit import dates
from servicekit.resident_id import make_resident_id
from servicekit.uscc import make_uscc

_seq = itertools.count(1)


def resident_id(region: str = "220102", born: date = date(1985, 6, 15)) -> str:
    return make_resident_id(region, born, next(_seq) % 999 + 1)


def uscc() -> str:
    return make_uscc(f"91220100MA{next(_seq):07d}")


async def person(stubs, full_name: str = "张伟", **overrides):
    request = dict(resident_id=resident_id(), full_name=full_name, phone="13912345678",
                   region_code="220102", employer_unit="长春市第一中学",
                   industry=reg.INDUSTRY_SCHOOLS_HOSPITALS)
    request.update(overrides)
    return await stubs.registry.RegisterPerson(reg.RegisterPersonRequest(**request),
                                               metadata=stubs.metadata)


async def institution(stubs, role=acc.INSTITUTION_ROLE_EVALUATION, active: bool = True,
                      code: str | None = None):
    fields = dict(display_name="测试评价机构", uscc=code or uscc(), role=role, region_code="220100")
    if role == acc.INSTITUTION_ROLE_EVALUATION:
        fields.update(category=acc.ORGANISATION_CATEGORY_SOCIAL, ministry_code="0000",
                      site_serial="000123")
    created = await stubs.accreditation.CreateInstitution(acc.CreateInstitutionRequest(
        institution=acc.Institution(**fields), request_id=str(uuid.uuid4())),
        metadata=stubs.metadata)
    if not active:
        return created
    for status in (acc.INSTITUTION_STATUS_SELECTED, acc.INSTITUTION_STATUS_ACTIVE):
        created = await stubs.accreditation.ChangeInstitutionStatus(
            acc.ChangeInstitutionStatusRequest(name=created.name, status=status, reason="test"),
            metadata=stubs.metadata)
    return created


async def evaluator(stubs, org, occupation: str = "3-02-02-00", max_level: int = 1,
                    affiliations: tuple = ()):
    """Appointed from today for `occupation` at `max_level` and every level below it."""
    someone = await person(stubs, "王芳")
    await stubs.accreditation.RecordPreAppointmentTraining(acc.RecordPreAppointmentTrainingRequest(
        person=someone.name, completion_date=dates.to_proto(dates.today()), passed=True,
        provider="内保总队"), metadata=stubs.metadata)
    return await stubs.accreditation.AppointEvaluator(acc.AppointEvaluatorRequest(
        institution=org.name, person=someone.name, occupation_code=occupation,
        max_level=max_level, affiliations=list(affiliations)), metadata=stubs.metadata)


async def session(stubs, org, occupation: str = "3-02-02-00", level: int = 3, assign: bool = True):
    created = await stubs.accreditation.CreateExamSession(acc.CreateExamSessionRequest(
        exam_session=acc.ExamSession(institution=org.name, occupation_code=occupation,
                                     level=level, exam_date=dates.to_proto(dates.today()))),
        metadata=stubs.metadata)
    if assign:
        examiner = await evaluator(stubs, org, occupation)
        created = await stubs.accreditation.AssignEvaluator(acc.AssignEvaluatorRequest(
            exam_session=created.name, evaluator=examiner.name), metadata=stubs.metadata)
    return created


def assessment_passed(i: int, level: int = 3):
    """An AssessmentPassed as accreditation announces a passer (for certificates' tests)."""
    from anbao.accreditation.v1 import events_pb2
    from google.type import date_pb2
    from servicekit.unitofwork import new_event

    event = new_event(events_pb2.AssessmentPassed, candidate=f"examSessions/s/candidates/c{i}",
                      person=f"persons/p{i}", holder_name="张伟",
                      resident_id_masked="2201**********0011", occupation_code="3-02-02-00",
                      occupation_name="保卫管理员", level=level, institution="institutions/x",
                      organisation_name="评价中心", organisation_prefix="S000022000123",
                      exam_date=date_pb2.Date(year=2026, month=11, day=20))
    event.close_time.GetCurrentTime()
    return event
