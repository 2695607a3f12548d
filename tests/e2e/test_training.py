"""Training classes through the whole system: a training institution selected by the
departments (accreditation) plans a class (training), which the police and the
institution read back."""

import grpc
import pytest

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.training.v1 import training_pb2 as trn
from tests import builders
from tests.harness import error_details, eventually


async def test_a_training_institution_plans_a_class_that_its_readers_see(system, backend):
    admin = system.stubs()
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    teacher = "teachers/t1"
    created = await builders.training_class(system, trainer, teacher)
    assert created.name.startswith("classes/") and created.state == trn.CLASS_STATE_DRAFT
    # what accreditation knows of the institution travels with the class
    assert (created.institution_name, created.region_code) == (trainer.display_name,
                                                               trainer.region_code)
    assert created.class_hours == 20 and [x.class_hours for x in created.lessons] == [4] * 5
    assert created.start_date == created.lessons[0].lesson_date
    assert created.occupation_name == "保卫管理员"

    org = system.stubs("training_org", trainer.name)
    got = await org.training.GetTrainingClass(trn.GetTrainingClassRequest(name=created.name),
                                              metadata=org.metadata)
    assert got == created
    city = system.stubs("city_admin", "220100")
    listed = await city.training.ListTrainingClasses(trn.ListTrainingClassesRequest(),
                                                     metadata=city.metadata)
    assert [x.name for x in listed.training_classes] == [created.name]
    elsewhere = system.stubs("city_admin", "320500")
    listed = await elsewhere.training.ListTrainingClasses(trn.ListTrainingClassesRequest(),
                                                          metadata=elsewhere.metadata)
    assert list(listed.training_classes) == []


async def test_a_class_belongs_to_a_training_institution(system, backend):
    admin = system.stubs()
    evaluation = await builders.institution(admin)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await builders.training_class(system, evaluation, "teachers/t1")
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "training institution" in refused.value.details()


async def test_trn_1_every_broken_clause_of_a_plan_comes_back_in_one_answer(system, backend):
    admin = system.stubs()
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    short_and_online = ((builders.THEORY, builders.OFFLINE, 30),
                        (builders.PRACTICAL, builders.ONLINE, 90),
                        (builders.THEORY, builders.ONLINE, 90))
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await builders.training_class(system, trainer, "teachers/t1", plan=short_and_online)
    violations, _ = error_details(refused.value)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(violations) == {"training_class.lessons[0].minutes",
                               "training_class.lessons[1].mode", "training_class.lessons"}
    for clause in ("the plan has 4 class hours; at least 20", "theory is 2 of 4 class hours",
                   "practice is 2 of 4 class hours", "online lessons are 4 of 4 class hours"):
        assert f"training_class.lessons: TRN-1: {clause}" in refused.value.details()


async def test_trn_2_trn_3_a_plan_with_qualified_teachers_is_filed_then_approved_by_police(
        system, backend):
    admin = system.stubs()
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    teacher = await builders.qualified_teacher(admin, trainer)
    planned = await builders.training_class(system, trainer, teacher.name)
    filed = await builders.file_class(system, planned)
    assert filed.state == trn.CLASS_STATE_FILED and filed.filing_deadline.year
    # the province's admin without the police department is refused, naming the rule
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await admin.training.ReviewTrainingClass(trn.ReviewTrainingClassRequest(
            name=filed.name, approved=True), metadata=admin.metadata)
    assert error_details(refused.value)[1] == "TRN_3_POLICE_ONLY"
    police = system.stubs("city_admin", "220100", department="police")
    approved = await police.training.ReviewTrainingClass(trn.ReviewTrainingClassRequest(
        name=filed.name, approved=True, reason="同意开班"), metadata=police.metadata)
    assert approved.state == trn.CLASS_STATE_APPROVED and approved.review.approved
    assert approved.review.reviewer.startswith("test-city_admin")


async def test_inst_4_a_plan_with_a_teacher_not_assessed_is_not_filed(system, backend):
    admin = system.stubs()
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    good = await builders.qualified_teacher(admin, trainer)
    await builders.file_class(system, await builders.training_class(system, trainer, good.name))
    unassessed = await admin.accreditation.RegisterTeacher(acc.RegisterTeacherRequest(
        institution=trainer.name, person=(await builders.person(admin, "刘老师")).name),
        metadata=admin.metadata)
    mixed = await builders.training_class(system, trainer, good.name)
    lessons = list(mixed.lessons)
    org = system.stubs("training_org", trainer.name)
    planned = await org.training.CreateTrainingClass(trn.CreateTrainingClassRequest(
        training_class=trn.TrainingClass(
            institution=trainer.name, class_code="混合师资", occupation_code=mixed.occupation_code,
            level=3, purpose=mixed.purpose,
            lessons=lessons[:4] + [trn.Lesson(title="实操", lesson_date=lessons[4].lesson_date,
                                              minutes=180, kind=trn.LESSON_KIND_PRACTICAL,
                                              mode=trn.LESSON_MODE_OFFLINE,
                                              teacher=unassessed.name)])),
        metadata=org.metadata)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await org.training.FileTrainingClass(trn.FileTrainingClassRequest(name=planned.name),
                                             metadata=org.metadata)
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_details(refused.value)[1] == "INST_4_TEACHER_NOT_QUALIFIED"
    assert unassessed.name in refused.value.details() and good.name not in refused.value.details()


async def test_trn_10_anbao_roster_writes_the_roster_file(system, backend, tmp_path):
    import asyncio

    from typer.testing import CliRunner

    from anbaoctl.main import app

    admin = system.stubs()
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    planned = await builders.training_class(system, trainer, "teachers/t1")
    org = system.stubs("training_org", trainer.name)
    someone = await builders.person(admin, "周四")
    await org.training.EnrollTrainee(trn.EnrollTraineeRequest(
        training_class=planned.name, person=someone.name), metadata=org.metadata)
    token = system.issuer.mint("cli-test", "training_org", trainer.name)
    out = tmp_path / "roster.csv"
    result = await asyncio.to_thread(CliRunner().invoke, app, [
        "roster", planned.name, "--format", "csv", "--out", str(out),
        "--address", f"127.0.0.1:{system.training.port}", "--token", token])
    assert result.exit_code == 0, result.output
    assert "1 trainees" in result.output
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith("1,周四,") and "*" in lines[1].split(",")[3]


async def test_inst_7_training_learns_the_blacklist_and_refuses_the_filing(system, backend):
    from sqlalchemy import select

    from services.training.adapters.orm import InstitutionStandingRow

    admin = system.stubs()
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    teacher = await builders.qualified_teacher(admin, trainer)
    planned = await builders.training_class(system, trainer, teacher.name)
    await admin.accreditation.BlacklistInstitution(acc.BlacklistInstitutionRequest(
        name=trainer.name, reason="虚报培训人数"), metadata=admin.metadata)

    async def learned():
        with system.training.db.engine.connect() as conn:
            return conn.scalar(select(InstitutionStandingRow.blacklisted).where(
                InstitutionStandingRow.id == trainer.name.removeprefix("institutions/")))
    assert await eventually(learned, "InstitutionBlacklisted to reach training")
    org = system.stubs("training_org", trainer.name)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await org.training.FileTrainingClass(trn.FileTrainingClassRequest(name=planned.name),
                                             metadata=org.metadata)
    assert error_details(refused.value)[1] == "INST_7_BLACKLISTED"
