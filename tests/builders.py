"""Small builders for integration tests: valid people, institutions, evaluators, sessions."""

import itertools
import uuid
from datetime import date, timedelta

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


async def call_for_applications(stubs, role=acc.INSTITUTION_ROLE_EVALUATION,
                                region: str = "220000", occupation: str = ""):
    """INST-1: a public call open from today for 30 days."""
    today = dates.today()
    return await stubs.accreditation.CreateCallForApplications(
        acc.CreateCallForApplicationsRequest(call_for_applications=acc.CallForApplications(
            title="公开征集测试机构", role=role, occupation_code=occupation, region_code=region,
            open_date=dates.to_proto(today),
            close_date=dates.to_proto(today + timedelta(days=30)))), metadata=stubs.metadata)


async def decide(stubs, institution, department: str,
                 outcome=acc.SELECTION_OUTCOME_APPROVED):
    """INST-1: one department's decision, with a token naming that department."""
    return await stubs.accreditation.DecideApplication(acc.DecideApplicationRequest(
        name=institution.name, outcome=outcome, reason="联合遴选"),
        metadata=stubs.departments[department])


async def select_and_confirm(stubs, created):
    """INST-1: approved by police and human resources, the call closed and its result
    published, then confirmed ACTIVE."""
    for department in ("police", "human_resources"):
        created = await decide(stubs, created, department)
    await stubs.accreditation.CloseCallForApplications(
        acc.CloseCallForApplicationsRequest(name=created.call), metadata=stubs.metadata)
    await stubs.accreditation.PublishCallResult(
        acc.PublishCallResultRequest(name=created.call), metadata=stubs.metadata)
    return await stubs.accreditation.ChangeInstitutionStatus(acc.ChangeInstitutionStatusRequest(
        name=created.name, status=acc.INSTITUTION_STATUS_ACTIVE, reason="确定并公布"),
        metadata=stubs.metadata)


async def institution(stubs, role=acc.INSTITUTION_ROLE_EVALUATION, active: bool = True,
                      code: str | None = None, region: str = "220100",
                      occupations: tuple[str, ...] | None = None, call=None):
    """An institution applying against its own call (or `call`) and, if `active`,
    selected jointly and confirmed. Evaluation organisations get numbering parts of their
    own (CERT-1); training institutions default to 保卫管理员, whose places are counted
    (INST-3: 2 in Jilin's pilot phase)."""
    evaluation = role == acc.INSTITUTION_ROLE_EVALUATION
    occupations = occupations or (("3-02-02-00", "4-07-05-01") if evaluation
                                  else ("3-02-02-00",))
    call = call or await call_for_applications(stubs, role, f"{region[:2]}0000")
    fields = dict(display_name="测试评价机构" if evaluation else "测试培训机构",
                  uscc=code or uscc(), role=role, region_code=region, call=call.name,
                  occupation_codes=occupations)
    if evaluation:
        fields.update(category=acc.ORGANISATION_CATEGORY_SOCIAL, ministry_code="0000",
                      site_serial=f"{next(_seq) % 999999 + 1:06d}")
    created = await stubs.accreditation.CreateInstitution(acc.CreateInstitutionRequest(
        institution=acc.Institution(**fields), request_id=str(uuid.uuid4())),
        metadata=stubs.metadata)
    if not active:
        return created
    return await select_and_confirm(stubs, created)


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
