"""A class's whole life through the running system: planned, filed on its working-day
deadline, approved, trainees enrolled, attendance signed in (on the platform and on
paper), evidence uploaded, the completion review passed, and ClassCompleted published
with the trainees who met their hours (TRN-1..4, TRN-7, TRN-9, TRN-12, CERT-2). The
training service's clock is pinned to walk the weeks (services/training/adapters/clock.py);
the 2026 National Day holiday lies between filing and the first lesson."""

from datetime import date, timedelta

import io

import grpc
import openpyxl
import pytest
from sqlalchemy import select

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.training.v1 import events_pb2 as trn_events
from anbao.training.v1 import training_pb2 as trn
from tests import builders
from tests.harness import error_details, eventually

START = date(2026, 10, 12)      # Monday; lessons 12–16 October
DEADLINE = date(2026, 9, 29)    # 5 working days before, counting 10 Oct (make-up) and the holiday


async def refused(call, reason: str) -> str:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    assert error_details(caught.value)[1] == reason, caught.value.details()
    return caught.value.details()


def photo(class_name: str, kind: int, lesson: int = 0):
    return trn.EvidenceMetadata(training_class=class_name, kind=kind, media_type="image/jpeg",
                                lesson=f"{class_name}/lessons/{lesson}" if lesson else "")


def video(class_name: str, kind: int, lesson: int, seconds: int):
    return trn.EvidenceMetadata(training_class=class_name, kind=kind, media_type="video/mp4",
                                lesson=f"{class_name}/lessons/{lesson}", duration_seconds=seconds)


def completed_events(system) -> list[tuple[trn_events.ClassCompleted, object]]:
    t = system.training.tables.outbox
    with system.training.db.engine.connect() as conn:
        rows = conn.execute(select(t.c.payload, t.c.published_at).where(
            t.c.subject == trn_events.ClassCompleted.DESCRIPTOR.full_name)).all()
    return [(trn_events.ClassCompleted.FromString(p), at) for p, at in rows]


async def test_cert_2_a_class_walks_from_plan_to_class_completed(system, backend):
    clock = system.training.clock
    admin = system.stubs()
    police = system.stubs(department="police")
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    org = system.stubs("training_org", trainer.name)
    teacher = await builders.qualified_teacher(admin, trainer)
    planned = await builders.training_class(system, trainer, teacher.name, start=START)
    name = planned.name

    # TRN-2: a day past the deadline is refused; on it, filed
    clock.pinned = DEADLINE + timedelta(days=1)
    details = await refused(org.training.FileTrainingClass(
        trn.FileTrainingClassRequest(name=name), metadata=org.metadata), "TRN_2_FILING_TOO_LATE")
    assert "filed by 2026-09-29" in details
    clock.pinned = DEADLINE
    await builders.file_class(system, planned)
    await police.training.ReviewTrainingClass(trn.ReviewTrainingClassRequest(
        name=name, approved=True, reason="同意"), metadata=police.metadata)

    # TRN-9, TRN-12: trainees are registry persons entered before the start
    full, partial = (await builders.person(admin, "赵一"), await builders.person(admin, "钱二"))
    for someone in (full, partial):
        await org.training.EnrollTrainee(trn.EnrollTraineeRequest(
            training_class=name, person=someone.name), metadata=org.metadata)
    clock.pinned = START
    late = await builders.person(admin, "孙三")
    await refused(org.training.EnrollTrainee(trn.EnrollTraineeRequest(
        training_class=name, person=late.name), metadata=org.metadata),
        "TRN_12_ENROL_BEFORE_START")

    async def sign(lesson: int, who, minutes=180, method=trn.SIGN_IN_METHOD_PLATFORM):
        return await org.training.RecordAttendance(trn.RecordAttendanceRequest(
            lesson=f"{name}/lessons/{lesson}", person=who.name, method=method, minutes=minutes),
            metadata=org.metadata)

    # a lesson is signed in on its day; the platform refuses a later entry
    for lesson in range(1, 5):
        clock.pinned = START + timedelta(days=lesson - 1)
        await sign(lesson, full)
        await sign(lesson, partial)
    clock.pinned = START + timedelta(days=4)
    await sign(5, full)
    clock.pinned = START + timedelta(days=5)
    await refused(sign(5, partial), "TRN_9_PLATFORM_SAME_DAY")
    await refused(sign(5, partial, 90, trn.SIGN_IN_METHOD_PAPER), "TRN_9_PAPER_NOT_APPROVED")
    approved = await police.training.ApprovePaperSignIn(trn.ApprovePaperSignInRequest(
        lesson=f"{name}/lessons/5", reason="平台故障"), metadata=police.metadata)
    assert [x.paper_sign_in_approved for x in approved.lessons] == [False] * 4 + [True]
    await sign(5, partial, 90, trn.SIGN_IN_METHOD_PAPER)  # back-entry: 2 of its 4 hours
    listed = await org.training.ListTrainees(trn.ListTraineesRequest(training_class=name),
                                             metadata=org.metadata)
    hours = {t.person: (t.class_hours, t.met_hours) for t in listed.trainees}
    assert hours == {full.name: (20, True), partial.name: (18, False)}
    assert all("*" in t.resident_id_masked and "*" in t.phone_masked for t in listed.trainees)

    # CERT-2 waits for the end; TRN-4 for the evidence
    clock.pinned = START + timedelta(days=3)
    await refused(police.training.CompleteTrainingClass(trn.CompleteTrainingClassRequest(
        name=name), metadata=police.metadata), "CERT_2_NOT_ENDED")
    clock.pinned = START + timedelta(days=4)
    details = await refused(police.training.CompleteTrainingClass(
        trn.CompleteTrainingClassRequest(name=name), metadata=police.metadata),
        "TRN_4_EVIDENCE_MISSING")
    assert "group photo" in details and "practical photos" in details

    async def upload(metadata, data=builders.JPEG):
        return await org.training.UploadEvidence(builders.upload(metadata, data),
                                                 metadata=org.metadata)
    group = await upload(photo(name, trn.EVIDENCE_KIND_GROUP_PHOTO))
    for i in range(3):
        await upload(photo(name, trn.EVIDENCE_KIND_PRACTICAL_PHOTO),
                     builders.JPEG[:4] + bytes([i + 1]) * 40)
    for lesson in (1, 2, 3):  # offline theory: the whole lesson on video
        await upload(video(name, trn.EVIDENCE_KIND_THEORY_VIDEO, lesson, 180 * 60), builders.MP4)
    for lesson in (4, 5):     # practical: a continuous minute per class hour
        for _ in range(4):
            await upload(video(name, trn.EVIDENCE_KIND_PRACTICAL_VIDEO, lesson, 60),
                         builders.MP4)
    evidence = await org.training.ListEvidence(trn.ListEvidenceRequest(training_class=name),
                                               metadata=org.metadata)
    assert list(evidence.shortfalls) == [] and len(evidence.evidence) == 1 + 3 + 3 + 8
    # content-addressed: the stored file is named by its SHA-256, identical bytes once
    assert system.training.media.path_of(group.sha256).read_bytes() == builders.JPEG
    assert len({e.sha256 for e in evidence.evidence}) == 1 + 3 + 1

    done = await police.training.CompleteTrainingClass(trn.CompleteTrainingClassRequest(
        name=name), metadata=police.metadata)
    assert done.state == trn.CLASS_STATE_COMPLETED

    async def published():
        return [e for e, at in completed_events(system) if at is not None]
    event = (await eventually(published, "ClassCompleted on the bus"))[0]
    assert event.training_class == name and event.planned_class_hours == 20
    assert [(t.person, t.class_hours) for t in event.trainees] == [(full.name, 20)]
    assert "*" in event.trainees[0].resident_id_masked
    assert (event.institution, event.region_code) == (trainer.name, trainer.region_code)

    # POOL-4: the city's quarterly report counts the class
    city = system.stubs("city_admin", trainer.region_code[:4] + "00")
    quarterly = await city.training.GetTrainingReport(trn.GetTrainingReportRequest(
        region_code=trainer.region_code, year=2026, quarter=4), metadata=city.metadata)
    (line,) = quarterly.lines
    assert (line.occupation_name, line.classes, line.trainees, line.completed_trainees,
            line.planned_class_hours, line.trainee_class_hours) == ("保卫管理员", 1, 2, 1, 20, 20)
    assert quarterly.total.classes == 1
    sheet = openpyxl.load_workbook(io.BytesIO(quarterly.xlsx)).active
    assert [c.value for c in sheet[3]][2:5] == [1, 2, 1]
    earlier = await city.training.GetTrainingReport(trn.GetTrainingReportRequest(
        region_code=trainer.region_code, year=2026, quarter=3), metadata=city.metadata)
    assert list(earlier.lines) == [] and earlier.total.classes == 0

    # TRN-10: the roster, masked, as CSV and XLSX
    exported = await org.training.ExportRoster(trn.ExportRosterRequest(
        training_class=name, format=trn.ROSTER_FORMAT_CSV), metadata=org.metadata)
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "序号,姓名,性别,身份证号,手机,专业(工种),证书编号,培训日期,班期"
    first = lines[1].split(",")
    assert first[:2] == ["1", "赵一"] and first[5] == "保卫管理员" and first[8] == "2026第1期"
    assert "*" in first[3] and "*" in first[4] and first[7] == "2026-10-12至2026-10-16"
    book = await org.training.ExportRoster(trn.ExportRosterRequest(
        training_class=name, format=trn.ROSTER_FORMAT_XLSX), metadata=org.metadata)
    sheet = openpyxl.load_workbook(io.BytesIO(book.content)).active
    assert [c.value for c in sheet[1]][:3] == ["序号", "姓名", "性别"] and sheet.max_row == 3

    # TRN-7: evidence under its 3-year retention stays
    await refused(admin.training.DeleteEvidence(trn.DeleteEvidenceRequest(name=group.name),
                                                metadata=admin.metadata),
                  "TRN_7_UNDER_RETENTION")
    clock.pinned = date(2029, 11, 23)
    deleted = await admin.training.DeleteEvidence(trn.DeleteEvidenceRequest(name=group.name),
                                                  metadata=admin.metadata)
    assert deleted.name == group.name
    assert not system.training.media.has(group.sha256)


async def test_trn_4_an_oversized_upload_is_refused_while_streaming_and_leaves_nothing(
        system, backend):
    clock = system.training.clock
    admin = system.stubs()
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    teacher = await builders.qualified_teacher(admin, trainer)
    clock.pinned = DEADLINE
    approved = await builders.approved_class(system, trainer, teacher, start=START)
    org = system.stubs("training_org", trainer.name)
    store = system.training.media
    store.max_bytes = 1000
    sent = []

    def endless():  # a client that would send 20 MB; the server stops it early
        for part in builders.upload(photo(approved.name, trn.EVIDENCE_KIND_GROUP_PHOTO),
                                    builders.JPEG + bytes(20 << 20), chunk=1000):
            sent.append(part)
            yield part
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await org.training.UploadEvidence(endless(), metadata=org.metadata)
    violations, _ = error_details(caught.value)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "limit of 1000 bytes" in violations["chunk"]
    assert len(sent) < 20 << 10  # not the whole 20 MB: stopped while streaming
    assert [p for p in store.root.rglob("*") if p.is_file()] == []

    # the declared type is checked against the bytes
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await org.training.UploadEvidence(builders.upload(
            photo(approved.name, trn.EVIDENCE_KIND_GROUP_PHOTO), builders.PNG),
            metadata=org.metadata)
    assert error_details(caught.value)[0] == {"metadata.media_type": "the bytes are not image/jpeg"}
    assert [p for p in store.root.rglob("*") if p.is_file()] == []
