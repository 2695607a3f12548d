"""`anbao demo`: the whole flow through the public APIs — people, institutions,
evaluators, an exam session (applications reviewed twice, scores by the assigned
evaluator, the organisation's sign-off, the province's check of results), certificates,
the talent pool and the public lookup.
The e2e test runs this same walk against an in-process system."""

import asyncio
import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

import aiohttp
import grpc

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.accreditation.v1 import accreditation_pb2_grpc
from anbao.certificates.v1 import certificates_pb2 as cert
from anbao.certificates.v1 import certificates_pb2_grpc
from anbao.registry.v1 import registry_pb2 as reg
from anbao.registry.v1 import registry_pb2_grpc
from servicekit import dates, tokens
from servicekit.resident_id import make_resident_id
from servicekit.uscc import make_uscc

ADMINISTRATOR = "3-02-02-00"  # 保卫管理员
REGION = "220102"             # 吉林省长春市南关区
PROVINCE = "220000"           # 吉林省
# ASMT-7: the modules a 保卫管理员's skill assessment scores
MODULES = ("组织防范", "技术防范", "保卫管理", "应急管理", "培训与指导")


@dataclass
class Endpoints:
    grpc: dict[str, str]  # service name → host:port, for every service of the manifest
    http: dict[str, str]  # service name → base URL, for those that serve HTTP


@dataclass
class DemoResult:
    certificate_numbers: list[str] = field(default_factory=list)
    passed_persons: list[str] = field(default_factory=list)
    failed_persons: list[str] = field(default_factory=list)
    lookup: dict = field(default_factory=dict)
    credential: dict = field(default_factory=dict)
    separation_refused: bool = False


def _resident_id(rng: random.Random) -> str:
    born = date(rng.randint(1970, 2000), rng.randint(1, 12), rng.randint(1, 28))
    return make_resident_id(REGION, born, rng.randint(1, 999))


def _uscc(rng: random.Random) -> str:
    org_code = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return make_uscc(f"91{REGION}{org_code}")


async def eventually(check, what: str = "a condition", timeout: float = 30.0,
                     interval: float = 0.05):
    """Polls `check` until it returns something truthy; nothing waits a fixed time."""
    deadline = time.monotonic() + timeout
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
        await asyncio.sleep(interval)


async def run_demo(endpoints: Endpoints, issuer: tokens.TokenIssuer,
                   say: Callable[[str], None] = print, seed: int | None = None) -> DemoResult:
    rng = random.Random(seed)
    result = DemoResult()
    admin = (("authorization", f"Bearer {issuer.mint('demo-admin', 'province_admin')}"),)
    channels = {name: grpc.aio.insecure_channel(a) for name, a in endpoints.grpc.items()}
    registry = registry_pb2_grpc.RegistryServiceStub(channels["registry"])
    accreditation = accreditation_pb2_grpc.AccreditationServiceStub(channels["accreditation"])
    certificates = certificates_pb2_grpc.CertificatesServiceStub(channels["certificates"])
    try:
        say("1. Registering people in the registry (resident IDs are validated, encrypted, masked)")
        people = {}
        for full_name in ("张伟", "李娜", "欧阳明远", "王芳"):
            person = await registry.RegisterPerson(reg.RegisterPersonRequest(
                resident_id=_resident_id(rng), full_name=full_name, phone=f"139{rng.randint(0, 99999999):08d}",
                region_code=REGION, employer_unit="长春市轨道交通集团",
                industry=reg.INDUSTRY_PUBLIC_TRANSIT), metadata=admin, timeout=10)
            people[full_name] = person
            say(f"   {person.name}  {person.full_name}  {person.resident_id_masked}  "
                f"{person.phone_masked}")

        say("2. A public call (INST-1); an evaluation organisation and a training institution "
            "apply; police and human resources select jointly")
        today = dates.today()
        calls = {}
        for role in (acc.INSTITUTION_ROLE_EVALUATION, acc.INSTITUTION_ROLE_TRAINING):
            calls[role] = await accreditation.CreateCallForApplications(
                acc.CreateCallForApplicationsRequest(call_for_applications=acc.CallForApplications(
                    title=f"保卫管理员{'评价' if role == acc.INSTITUTION_ROLE_EVALUATION else '培训'}"
                          "机构公开征集", role=role, occupation_code="3-02-02-00",
                    region_code="220000", open_date=dates.to_proto(today),
                    close_date=dates.to_proto(today + timedelta(days=30))),
                    request_id=str(uuid.uuid4())), metadata=admin, timeout=10)
            say(f"   {calls[role].name}  {calls[role].title}")
        eval_uscc = _uscc(rng)
        org = await accreditation.CreateInstitution(acc.CreateInstitutionRequest(
            institution=acc.Institution(
                display_name="吉林省保安职业技能评价中心", uscc=eval_uscc,
                role=acc.INSTITUTION_ROLE_EVALUATION, region_code="220100",
                category=acc.ORGANISATION_CATEGORY_SOCIAL, ministry_code="0000",
                site_serial=f"{rng.randint(1, 999999):06d}",
                call=calls[acc.INSTITUTION_ROLE_EVALUATION].name,
                occupation_codes=["3-02-02-00", "4-07-05-01"]),
            request_id=str(uuid.uuid4())), metadata=admin, timeout=10)
        say(f"   {org.name}  {org.display_name}  USCC {org.uscc}  APPLIED")
        try:
            await accreditation.CreateInstitution(acc.CreateInstitutionRequest(
                institution=acc.Institution(
                    display_name="同一机构的培训部", uscc=eval_uscc,
                    role=acc.INSTITUTION_ROLE_TRAINING, region_code="220100",
                    call=calls[acc.INSTITUTION_ROLE_TRAINING].name,
                    occupation_codes=["3-02-02-00"])),
                metadata=admin, timeout=10)
        except grpc.aio.AioRpcError as exc:
            result.separation_refused = exc.code() == grpc.StatusCode.FAILED_PRECONDITION
            say(f"   the same USCC as a training institution: {exc.code().name} — {exc.details()}")
        training = await accreditation.CreateInstitution(acc.CreateInstitutionRequest(
            institution=acc.Institution(
                display_name="长春市保安培训学校", uscc=_uscc(rng),
                role=acc.INSTITUTION_ROLE_TRAINING, region_code="220100",
                call=calls[acc.INSTITUTION_ROLE_TRAINING].name,
                occupation_codes=["3-02-02-00"])),
            metadata=admin, timeout=10)
        say(f"   {training.name}  {training.display_name}")
        for department, reason in (("police", "公安机关审核通过"), ("human_resources", "人社部门审核通过")):
            officer = (("authorization", "Bearer " + issuer.mint(
                f"demo-{department}", "province_admin", department=department)),)
            org = await accreditation.DecideApplication(acc.DecideApplicationRequest(
                name=org.name, outcome=acc.SELECTION_OUTCOME_APPROVED, reason=reason),
                metadata=officer, timeout=10)
            say(f"   {department} approves: {acc.InstitutionStatus.Name(org.status)}")
        call = calls[acc.INSTITUTION_ROLE_EVALUATION]
        await accreditation.CloseCallForApplications(acc.CloseCallForApplicationsRequest(
            name=call.name), metadata=admin, timeout=10)
        call = await accreditation.PublishCallResult(acc.PublishCallResultRequest(
            name=call.name), metadata=admin, timeout=10)
        say(f"   result published: selected {', '.join(call.selected)}")
        org = await accreditation.ChangeInstitutionStatus(acc.ChangeInstitutionStatusRequest(
            name=org.name, status=acc.INSTITUTION_STATUS_ACTIVE, reason="confirmed and published"),
            metadata=admin, timeout=10)
        say(f"   {org.name} is now {acc.InstitutionStatus.Name(org.status)}")

        org_token = (("authorization", "Bearer " + issuer.mint(
            "demo-eval-org", "eval_org", scope=org.name)),)
        say("3. Pre-appointment training and appointment of an evaluator (EVAL-2)")
        examiner = people["王芳"]
        await accreditation.RecordPreAppointmentTraining(acc.RecordPreAppointmentTrainingRequest(
            person=examiner.name, completion_date=dates.to_proto(dates.today()), passed=True,
            provider="吉林省公安厅内保总队"), metadata=admin, timeout=10)
        evaluator = await accreditation.AppointEvaluator(acc.AppointEvaluatorRequest(
            institution=org.name, person=examiner.name, recommended_by="吉林省公安厅内保总队",
            occupation_code=ADMINISTRATOR, max_level=1),
            metadata=org_token, timeout=10)
        say(f"   {evaluator.name}  {evaluator.full_name}  term "
            f"{dates.of_proto(evaluator.term_start)} – {dates.of_proto(evaluator.term_end)}")

        say("4. The province launches 保卫管理员 三级 (ASMT-11); an exam session (ASMT-6 mode)")
        try:
            await accreditation.LaunchLevel(acc.LaunchLevelRequest(
                province=PROVINCE, occupation_code=ADMINISTRATOR, level=3,
                request_id=str(uuid.uuid4())), metadata=admin, timeout=10)
            say(f"   levelLaunches/{PROVINCE}-{ADMINISTRATOR}-3 launched")
        except grpc.aio.AioRpcError as exc:  # an earlier demo run launched it
            if exc.code() != grpc.StatusCode.ALREADY_EXISTS:
                raise
            say("   already launched by an earlier run")
        session = await accreditation.CreateExamSession(acc.CreateExamSessionRequest(
            exam_session=acc.ExamSession(institution=org.name, occupation_code=ADMINISTRATOR,
                                         level=3, exam_date=dates.to_proto(dates.today())),
            request_id=str(uuid.uuid4())), metadata=org_token, timeout=10)
        say(f"   {session.name}  {acc.ExamMode.Name(session.exam_mode)}")
        await accreditation.AssignEvaluator(acc.AssignEvaluatorRequest(
            exam_session=session.name, evaluator=evaluator.name), metadata=org_token, timeout=10)

        say("5. Applications (ASMT-5 routes), reviewed by the organisation (初审) and the "
            "province (复审) (ASMT-9)")
        facts = {"张伟": [acc.DeclaredFact(kind="occupation_years", years=3,
                                           evidence="劳动合同 2021-0317")],
                 "李娜": [acc.DeclaredFact(kind="bachelor_degree", evidence="学位证书 10183"),
                          acc.DeclaredFact(kind="occupation_years", years=1,
                                           evidence="劳动合同 2023-0902")],
                 "欧阳明远": [acc.DeclaredFact(kind="military_years", years=6,
                                               evidence="退役军人证 0091")]}
        candidates = {}
        for full_name, declared in facts.items():
            candidate = await accreditation.EnrollCandidate(acc.EnrollCandidateRequest(
                exam_session=session.name, person=people[full_name].name, facts=declared),
                metadata=org_token, timeout=10)
            await accreditation.FirstReviewApplication(acc.FirstReviewApplicationRequest(
                candidate=candidate.name, approved=True, reason="资格初审通过"),
                metadata=org_token, timeout=10)
            candidate = await accreditation.SecondReviewApplication(
                acc.SecondReviewApplicationRequest(candidate=candidate.name, approved=True,
                                                   reason="资格复审通过"),
                metadata=admin, timeout=10)
            candidates[full_name] = candidate
            say(f"   {full_name}: route {candidate.eligibility_route} → "
                f"{acc.ApplicationState.Name(candidate.application_state)}")

        say("6. Scores by the assigned evaluator, with the 保卫管理员 modules (ASMT-7)")
        evaluator_token = (("authorization", "Bearer " + issuer.mint(
            "demo-evaluator", "evaluator", scope=evaluator.name)),)
        scores = {"张伟": (88, 91), "李娜": (76, 64), "欧阳明远": (55, 80)}
        for full_name, (theory, skill) in scores.items():
            scored = await accreditation.RecordScores(acc.RecordScoresRequest(
                candidate=candidates[full_name].name, theory_score=theory, skill_score=skill,
                module_scores=[acc.ModuleScore(module=m, score=skill) for m in MODULES]),
                metadata=evaluator_token, timeout=10)
            outcome = acc.AssessmentResult.Name(scored.result).removeprefix("ASSESSMENT_RESULT_")
            say(f"   {full_name}: theory {theory}, skill {skill} → {outcome}")
            (result.passed_persons if outcome == "PASSED" else result.failed_persons).append(
                people[full_name].name)

        say("7. Sign-off by the organisation, the province's check of results (CERT-5), close")
        await accreditation.SignOffExamSession(acc.SignOffExamSessionRequest(
            name=session.name, reason="评分完毕", request_id=str(uuid.uuid4())),
            metadata=org_token, timeout=10)
        await accreditation.CheckExamResults(acc.CheckExamResultsRequest(
            name=session.name, approved=True, reason="评价发证审核通过",
            request_id=str(uuid.uuid4())), metadata=admin, timeout=10)
        closed = await accreditation.CloseExamSession(acc.CloseExamSessionRequest(
            name=session.name, request_id=str(uuid.uuid4())), metadata=admin, timeout=10)
        for step in closed.steps:
            say(f"   → {acc.ExamSessionState.Name(step.to_state)} by {step.actor}"
                + (f": {step.reason}" if step.reason else ""))

        say("8. Waiting for the signed certificates (AssessmentPassed → certificates)")
        for person in result.passed_persons:
            async def issued(person=person):
                answer = await certificates.ListCertificates(cert.ListCertificatesRequest(
                    person=person), metadata=admin, timeout=10)
                return [c for c in answer.certificates if c.occupation_code == ADMINISTRATOR]
            found = await eventually(issued, f"the certificate of {person}")
            result.certificate_numbers.append(found[0].number)
            say(f"   {found[0].number}  {found[0].holder_name}  {found[0].occupation_name} "
                f"level {found[0].level}  issued {dates.of_proto(found[0].issue_date)}")
        for person in result.failed_persons:
            answer = await certificates.ListCertificates(cert.ListCertificatesRequest(
                person=person), metadata=admin, timeout=10)
            say(f"   {person} failed: {len(answer.certificates)} certificate(s)")

        say("9. Waiting for the talent pool (CertificateIssued → registry)")

        async def pooled():
            answer = await registry.SearchTalent(reg.SearchTalentRequest(
                occupation_code=ADMINISTRATOR, level=3, region_code="220000",
                industry=reg.INDUSTRY_PUBLIC_TRANSIT, page_size=1000), metadata=admin, timeout=10)
            names = {p.name for p in answer.persons}
            return set(result.passed_persons) <= names
        await eventually(pooled, "the talent-pool entries")
        say(f"   {len(result.passed_persons)} people found in the pool by occupation, level, "
            "province and industry")

        say("10. Public lookup over HTTP (number + holder name, no login)")
        number, holder = result.certificate_numbers[0], "张伟"
        async with aiohttp.ClientSession() as http:
            url = f"{endpoints.http['certificates']}/api/v1/certificates/{number}"
            async with http.get(url, params={"name": holder}) as response:
                result.lookup = await response.json()
                say(f"   GET {url}?name=… → {response.status} {result.lookup}")
                if response.status != 200:
                    raise RuntimeError("the public lookup did not find the certificate")
            async with http.get(url, params={"name": "李四"}) as response:
                say(f"   the same number with a wrong name → {response.status}")
                if response.status != 404:
                    raise RuntimeError("a wrong name must get 404")
            async with http.get(url + "/credential", params={"name": holder}) as response:
                result.credential = await response.json(content_type=None)
                proofs = result.credential["proof"]
                say(f"   signed credential: proofs {', '.join(p['cryptosuite'] for p in proofs)}, "
                    f"key {proofs[0]['verificationMethod'][:40]}…")
        if not result.lookup.get("signatureVerified"):
            raise RuntimeError("the certificate's signature did not verify")

        say("11. Suspending and reinstating a certificate (CERT-3)")
        name = f"certificates/{result.certificate_numbers[-1]}"
        for change, request in (
                (certificates.SuspendCertificate, cert.SuspendCertificateRequest(
                    name=name, reason="demo: under investigation", request_id=str(uuid.uuid4()))),
                (certificates.ReinstateCertificate, cert.ReinstateCertificateRequest(
                    name=name, reason="demo: cleared", request_id=str(uuid.uuid4())))):
            changed = await change(request, metadata=admin, timeout=10)
            say(f"   {name} → {cert.CertificateStatus.Name(changed.status)}")
        if changed.status != cert.CERTIFICATE_STATUS_VALID:
            raise RuntimeError("the reinstated certificate is not VALID")

        if "training" in channels:
            await walk_training_class(channels["training"], accreditation, issuer, admin,
                                      training, people, say)
        return result
    finally:
        for channel in channels.values():
            await channel.close()


async def walk_training_class(channel, accreditation, issuer, admin, institution, people,
                              say) -> None:
    """12–15: a training class (TRN-1..3, TRN-9, TRN-10) on today's calendar: planned,
    filed on its working-day boundary, approved by the police, trainees enrolled, the
    roster exported. Sign-in, evidence and completion happen on the lesson days; the
    end-to-end test tests/e2e/test_training_lifecycle.py walks them with the service's
    clock pinned across the National Day holiday."""
    from anbao.training.v1 import events_pb2 as trn_events
    from anbao.training.v1 import training_pb2 as trn
    from anbao.training.v1 import training_pb2_grpc
    from services.training.domain import workdays

    training = training_pb2_grpc.TrainingServiceStub(channel)
    org = (("authorization", "Bearer " + issuer.mint("demo-training-org", "training_org",
                                                     scope=institution.name)),)
    police = (("authorization", "Bearer " + issuer.mint("demo-police", "province_admin",
                                                        department="police")),)
    say("12. The training institution is selected (INST-1); a teacher passes the provincial "
        "teacher assessment (INST-4)")
    for department in ("police", "human_resources"):
        officer = (("authorization", "Bearer " + issuer.mint(
            f"demo-{department}", "province_admin", department=department)),)
        await accreditation.DecideApplication(acc.DecideApplicationRequest(
            name=institution.name, outcome=acc.SELECTION_OUTCOME_APPROVED, reason="审核通过"),
            metadata=officer, timeout=10)
    await accreditation.CloseCallForApplications(acc.CloseCallForApplicationsRequest(
        name=institution.call), metadata=admin, timeout=10)
    await accreditation.PublishCallResult(acc.PublishCallResultRequest(
        name=institution.call), metadata=admin, timeout=10)
    institution = await accreditation.ChangeInstitutionStatus(acc.ChangeInstitutionStatusRequest(
        name=institution.name, status=acc.INSTITUTION_STATUS_ACTIVE, reason="确定并公布"),
        metadata=admin, timeout=10)
    say(f"   {institution.name} {institution.display_name} is "
        f"{acc.InstitutionStatus.Name(institution.status)}")
    teacher = await accreditation.RegisterTeacher(acc.RegisterTeacherRequest(
        institution=institution.name, person=people["王芳"].name), metadata=admin, timeout=10)
    await accreditation.RecordTeacherAssessment(acc.RecordTeacherAssessmentRequest(
        teacher=teacher.name, assess_date=dates.to_proto(dates.today()), passed=True,
        assessor="内保总队"), metadata=admin, timeout=10)
    say(f"   {teacher.name} qualified")

    say("13. Class plans (TRN-1) filed 5 Chinese working days ahead (TRN-2)")
    today = dates.today()
    start = today + timedelta(days=1)
    while workdays.working_days_before(start, 5) < today:
        start += timedelta(days=1)
    plan = [(trn.LESSON_KIND_THEORY, 180)] * 3 + [(trn.LESSON_KIND_PRACTICAL, 180)] * 2

    async def planned(first: date, code: str):
        return await training.CreateTrainingClass(trn.CreateTrainingClassRequest(
            training_class=trn.TrainingClass(
                institution=institution.name, class_code=code, occupation_code=ADMINISTRATOR,
                level=3, purpose=trn_events.TRAINING_PURPOSE_SKILL,
                lessons=[trn.Lesson(title=f"第{i + 1}课", minutes=minutes, kind=kind,
                                    mode=trn.LESSON_MODE_OFFLINE, teacher=teacher.name,
                                    lesson_date=dates.to_proto(first + timedelta(days=i)))
                         for i, (kind, minutes) in enumerate(plan)]),
            request_id=str(uuid.uuid4())), metadata=org, timeout=10)
    try:
        await training.CreateTrainingClass(trn.CreateTrainingClassRequest(training_class=trn.TrainingClass(
            institution=institution.name, class_code="不合规班", occupation_code=ADMINISTRATOR,
            level=3, purpose=trn_events.TRAINING_PURPOSE_SKILL,
            lessons=[trn.Lesson(title="线上实操", minutes=40, kind=trn.LESSON_KIND_PRACTICAL,
                                mode=trn.LESSON_MODE_ONLINE, teacher=teacher.name,
                                lesson_date=dates.to_proto(start))])), metadata=org, timeout=10)
        raise RuntimeError("a plan breaking TRN-1 was accepted")
    except grpc.aio.AioRpcError as exc:
        say(f"   a 40-minute online practical plan: {exc.code().name} — {exc.details()}")
    ok = await planned(start, "2026第1期")
    say(f"   {ok.name}: {ok.class_hours} class hours, starts {dates.iso(dates.of_proto(ok.start_date))}")

    async def filed():  # once training has learned the teacher qualified (an event)
        try:
            return await training.FileTrainingClass(trn.FileTrainingClassRequest(name=ok.name),
                                                    metadata=org, timeout=10)
        except grpc.aio.AioRpcError as exc:
            if exc.code() == grpc.StatusCode.FAILED_PRECONDITION and "INST-4" in exc.details():
                return None
            raise
    filing = await eventually(filed, "the teacher's qualification to reach training")
    say(f"   filed on {dates.iso(today)}, the last day for a class starting "
        f"{dates.iso(dates.of_proto(ok.start_date))} being "
        f"{dates.iso(dates.of_proto(filing.filing_deadline))}: "
        f"{trn.ClassState.Name(filing.state)}")
    late = await planned(start - timedelta(days=1), "晚报班")
    try:
        await training.FileTrainingClass(trn.FileTrainingClassRequest(name=late.name),
                                         metadata=org, timeout=10)
        raise RuntimeError("a late filing was accepted")
    except grpc.aio.AioRpcError as exc:
        say(f"   a class a day earlier ({dates.iso(dates.of_proto(late.start_date))}): "
            f"{exc.code().name} — {exc.details()}")
    beyond = await planned(date(workdays.known_years()[1] + 1, 1, 11), "明年班")
    try:
        await training.FileTrainingClass(trn.FileTrainingClassRequest(name=beyond.name),
                                         metadata=org, timeout=10)
        raise RuntimeError("a filing beyond the calendar was accepted")
    except grpc.aio.AioRpcError as exc:
        say(f"   a class in {workdays.known_years()[1] + 1}: {exc.code().name} — {exc.details()}")


    say("14. The police approve the plan (TRN-3); trainees are enrolled before it starts (TRN-12)")
    approved = await training.ReviewTrainingClass(trn.ReviewTrainingClassRequest(
        name=ok.name, approved=True, reason="同意开班"), metadata=police, timeout=10)
    say(f"   {trn.ClassState.Name(approved.state)} by {approved.review.reviewer}")
    for full_name in ("张伟", "李娜"):
        trainee = await training.EnrollTrainee(trn.EnrollTraineeRequest(
            training_class=ok.name, person=people[full_name].name), metadata=org, timeout=10)
        say(f"   {trainee.name}  {trainee.full_name}  {trainee.resident_id_masked}")

    say("15. The roster (TRN-10), masked, as CSV (XLSX too: `anbao roster`)")
    exported = await training.ExportRoster(trn.ExportRosterRequest(
        training_class=ok.name, format=trn.ROSTER_FORMAT_CSV), metadata=org, timeout=10)
    for line in exported.content.decode("utf-8-sig").splitlines():
        say(f"   {line}")
    say("   sign-in, evidence and the completion review follow on the lesson days")
