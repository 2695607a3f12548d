"""Small builders for integration tests: valid people, institutions, evaluators, sessions."""

import itertools
import uuid
from datetime import date, timedelta

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.registry.v1 import registry_pb2 as reg
from anbao.training.v1 import events_pb2 as trn_events
from anbao.training.v1 import training_pb2 as trn
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


GUARD, ADMINISTRATOR = "4-07-05-01", "3-02-02-00"
# ASMT-5: a route of 保卫管理员 三级 (two years in the occupation) and of 保安员 五级 (one)
TWO_YEARS = (acc.DeclaredFact(kind="occupation_years", years=2, evidence="劳动合同 2022-001"),)
ONE_YEAR = (acc.DeclaredFact(kind="occupation_years", years=1, evidence="劳动合同 2022-001"),)
# ASMT-7: 保卫管理员's modules
MODULES = ("组织防范", "技术防范", "保卫管理", "应急管理", "培训与指导")


async def launched(stubs, occupation: str = ADMINISTRATOR, level: int = 3,
                   province: str = "220000") -> None:
    """ASMT-11: the occupation's levels up to `level` launched in the province."""
    import grpc

    lowest = 5 if occupation == GUARD else 3
    for each in range(lowest, level - 1, -1):
        try:
            await stubs.accreditation.LaunchLevel(acc.LaunchLevelRequest(
                province=province, occupation_code=occupation, level=each),
                metadata=stubs.metadata)
        except grpc.aio.AioRpcError as exc:
            if exc.code() != grpc.StatusCode.ALREADY_EXISTS:
                raise


async def exam_site(stubs):
    """ASMT-10: a registered national 保安员 exam site."""
    return await stubs.accreditation.RegisterExamSite(acc.RegisterExamSiteRequest(
        exam_site=acc.ExamSite(display_name="长春考点", region_code="220102",
                               filing_number=f"国保考点-{next(_seq):06d}")),
        metadata=stubs.metadata)


async def session(stubs, org, occupation: str = ADMINISTRATOR, level: int = 3,
                  assign: bool = True):
    """An exam session of an organisation (region 2201), its level launched; a 保安员
    computer-based one at a registered site."""
    await launched(stubs, occupation, level)
    site = await exam_site(stubs) if occupation == GUARD and level >= 3 else None
    created = await stubs.accreditation.CreateExamSession(acc.CreateExamSessionRequest(
        exam_session=acc.ExamSession(institution=org.name, occupation_code=occupation,
                                     level=level, exam_date=dates.to_proto(dates.today()),
                                     exam_site=site.name if site else "")),
        metadata=stubs.metadata)
    if assign:
        examiner = await evaluator(stubs, org, occupation)
        created = await stubs.accreditation.AssignEvaluator(acc.AssignEvaluatorRequest(
            exam_session=created.name, evaluator=examiner.name), metadata=stubs.metadata)
    return created


async def admit(system, session, someone, facts=TWO_YEARS):
    """An application enrolled and passed through both reviews (ASMT-9): 初审 by the
    organisation, 复审 by the province."""
    admin = system.stubs()
    org = system.stubs("eval_org", session.institution)
    candidate = await admin.accreditation.EnrollCandidate(acc.EnrollCandidateRequest(
        exam_session=session.name, person=someone.name, facts=list(facts)),
        metadata=admin.metadata)
    await org.accreditation.FirstReviewApplication(acc.FirstReviewApplicationRequest(
        candidate=candidate.name, approved=True, reason="资料齐全"), metadata=org.metadata)
    return await admin.accreditation.SecondReviewApplication(
        acc.SecondReviewApplicationRequest(candidate=candidate.name, approved=True,
                                           reason="复审通过"), metadata=admin.metadata)


def examiner(system, session):
    """Stubs with the token of the session's first assigned evaluator."""
    return system.stubs("evaluator", session.evaluators[0])


async def score(system, session, candidate, theory=80, skill=80, review=None):
    """Scores entered by the session's evaluator, with the modules where the occupation
    has them (ASMT-7)."""
    stubs = examiner(system, session)
    modules = [acc.ModuleScore(module=m, score=skill) for m in MODULES] \
        if session.occupation_code == ADMINISTRATOR else []
    return await stubs.accreditation.RecordScores(acc.RecordScoresRequest(
        candidate=candidate.name, theory_score=theory, skill_score=skill, review_score=review,
        module_scores=modules), metadata=stubs.metadata)


async def sign_off_and_check(system, session):
    """The organisation signs off, the province checks the results (CERT-5)."""
    org, admin = system.stubs("eval_org", session.institution), system.stubs()
    await org.accreditation.SignOffExamSession(acc.SignOffExamSessionRequest(
        name=session.name, reason="评分完毕"), metadata=org.metadata)
    return await admin.accreditation.CheckExamResults(acc.CheckExamResultsRequest(
        name=session.name, approved=True, reason="审核通过"), metadata=admin.metadata)


async def finish(system, session):
    """Signed off, checked, closed: each passer's AssessmentPassed is on its way."""
    await sign_off_and_check(system, session)
    admin = system.stubs()
    return await admin.accreditation.CloseExamSession(acc.CloseExamSessionRequest(
        name=session.name), metadata=admin.metadata)


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



# training (TRN-1): (kind, mode, minutes) of each lesson; 20 class hours of 45 minutes,
# 60% theory and 40% practice, all offline — every threshold exactly met
THEORY, PRACTICAL, OFFLINE, ONLINE = 1, 2, 1, 2
PLAN = ((THEORY, OFFLINE, 180), (THEORY, OFFLINE, 180), (THEORY, OFFLINE, 180),
        (PRACTICAL, OFFLINE, 180), (PRACTICAL, OFFLINE, 180))


def lessons(teacher: str, start: date, plan=PLAN):
    """Lessons on consecutive days from `start`."""
    return [trn.Lesson(title=f"第{i + 1}课", lesson_date=dates.to_proto(start + timedelta(days=i)),
                       minutes=minutes, kind=kind, mode=mode, teacher=teacher)
            for i, (kind, mode, minutes) in enumerate(plan)]


async def training_class(system, institution, teacher: str, start: date | None = None,
                         plan=PLAN, **overrides):
    """A draft plan of `institution` (a training institution), made by the institution
    itself, its first lesson a month from today unless `start` says otherwise."""
    start = start or dates.today() + timedelta(days=30)
    fields = dict(institution=institution.name, class_code="2026第1期",
                  occupation_code=ADMINISTRATOR, level=3, purpose=trn_events.TRAINING_PURPOSE_SKILL,
                  lessons=lessons(teacher, start, plan))
    fields.update(overrides)
    org = system.stubs("training_org", institution.name)
    return await org.training.CreateTrainingClass(trn.CreateTrainingClassRequest(
        training_class=trn.TrainingClass(**fields), request_id=str(uuid.uuid4())),
        metadata=org.metadata)


async def qualified_teacher(stubs, institution, someone=None):
    """INST-4: a teacher of `institution` who passed the provincial teacher assessment."""
    someone = someone or await person(stubs, "陈老师")
    teacher = await stubs.accreditation.RegisterTeacher(acc.RegisterTeacherRequest(
        institution=institution.name, person=someone.name), metadata=stubs.metadata)
    await stubs.accreditation.RecordTeacherAssessment(acc.RecordTeacherAssessmentRequest(
        teacher=teacher.name, assess_date=dates.to_proto(dates.today()), passed=True,
        assessor="内保总队"), metadata=stubs.metadata)
    return teacher


async def file_class(system, training_class):
    """TRN-2: files the plan as its institution, once training has learned from
    accreditation's events that its teachers qualified (INST-4)."""
    import grpc

    from tests.harness import eventually, error_details

    org = system.stubs("training_org", training_class.institution)

    async def filed():
        try:
            return await org.training.FileTrainingClass(trn.FileTrainingClassRequest(
                name=training_class.name), metadata=org.metadata)
        except grpc.aio.AioRpcError as exc:
            if error_details(exc)[1] == "INST_4_TEACHER_NOT_QUALIFIED":
                return None  # the TeacherQualified event is on its way
            raise
    return await eventually(filed, "the teachers' qualification to reach training")


async def approved_class(system, institution, teacher, **kw):
    """A class planned, filed and approved by the police (TRN-1..3)."""
    planned = await training_class(system, institution, teacher.name, **kw)
    await file_class(system, planned)
    police = system.stubs(department="police")
    return await police.training.ReviewTrainingClass(trn.ReviewTrainingClassRequest(
        name=planned.name, approved=True, reason="同意"), metadata=police.metadata)


# TRN-4 evidence: the smallest bytes each accepted type starts with
JPEG = b"\xff\xd8\xff\xe0" + bytes(60)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(60)
MP4 = b"\x00\x00\x00\x18ftypmp42" + bytes(60)


def upload(metadata, data: bytes, chunk: int = 16):
    """The messages of one evidence upload: its metadata, then its bytes in chunks."""
    yield trn.UploadEvidenceRequest(metadata=metadata)
    for i in range(0, len(data), chunk):
        yield trn.UploadEvidenceRequest(chunk=data[i:i + chunk])
