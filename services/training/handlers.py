"""training's handlers: `verb(uow, message)`, one transaction each."""

import uuid
from dataclasses import dataclass
from datetime import date, timezone
from typing import Protocol

from anbao.accreditation.v1 import accreditation_pb2 as accreditation
from anbao.accreditation.v1 import events_pb2 as accreditation_events
from anbao.certificates.v1 import certificates_pb2 as certificates
from anbao.certificates.v1 import events_pb2 as certificate_events
from servicekit import auth, dates
from servicekit.errors import (AlreadyExists, FailedPrecondition, FieldViolation,
                               InvalidArgument, PermissionDenied)
from servicekit.unitofwork import UnitOfWork, utcnow

from .adapters.repository import TrainingRepositories
from .domain import attendance, commands as c, evidence, report, roster
from .domain.attendance import TraineeFacts
from .domain.classes import APPROVED, InstitutionFacts, TrainingClass
from .domain.plans import PlanRules


class Clock(Protocol):
    """The service's calendar day (adapters/clock.py)."""

    def today(self) -> date: ...


class People(Protocol):
    """registry, as the handlers need it (adapters/registry_client.py)."""

    def person(self, person_id: str) -> TraineeFacts: ...


@dataclass(frozen=True)
class Rules:
    """Configuration the handlers apply (config.TrainingSettings)."""

    plan: PlanRules
    min_attendance_percent: int = 100
    retention_years: int = 3


class Institutions(Protocol):
    """accreditation, as the handlers need it (adapters/accreditation_client.py)."""

    def institution(self, institution_id: str) -> InstitutionFacts: ...


def _repos(uow: UnitOfWork) -> TrainingRepositories:
    return uow.repos


def _new_id() -> str:
    return uuid.uuid4().hex


def _scoped_class(uow: UnitOfWork, actor: auth.Caller, class_id: str,
                  lock: bool = False) -> TrainingClass:
    """The class, once the caller is known to reach it (a confined caller hears the same
    for a class that does not exist: servicekit.grpcserver, AIP-211)."""
    training_class = _repos(uow).classes.get(class_id, lock=lock)
    auth.require_reach(actor, region=training_class.region_code,
                       institution=training_class.institution_id)
    return training_class


def create_training_class(uow: UnitOfWork, cmd: c.CreateTrainingClass, *,
                          institutions: Institutions, rules: PlanRules) -> TrainingClass:
    """TRN-1: a draft plan of a training institution the caller reaches."""
    if cmd.actor.reach == auth.Reach.INSTITUTION:
        auth.require_reach(cmd.actor, institution=cmd.institution_id)
    institution = institutions.institution(cmd.institution_id)
    auth.require_reach(cmd.actor, region=institution.region_code,
                       institution=institution.id)
    if institution.role != accreditation.INSTITUTION_ROLE_TRAINING:
        raise InvalidArgument([FieldViolation("institution", "is not a training institution")])
    with uow:
        training_class = TrainingClass.plan(
            id=_new_id(), institution=institution, class_code=cmd.class_code,
            occupation_code=cmd.occupation_code, occupation_name=cmd.occupation_name,
            level=cmd.level, purpose=cmd.purpose, lessons=list(cmd.lessons), rules=rules,
            actor=cmd.actor.subject, at=utcnow())
        _repos(uow).classes.add(training_class)
        uow.commit()
        return training_class


def get_training_class(uow: UnitOfWork, query: c.GetTrainingClass) -> TrainingClass:
    with uow:
        return _scoped_class(uow, query.actor, query.class_id)


def list_training_classes(uow: UnitOfWork, query: c.ListTrainingClasses
                          ) -> tuple[list[TrainingClass], str]:
    """Confined to a city admin's division, or to an institution's own classes."""
    own = auth.institution_of(query.actor)
    if own and query.institution_id and query.institution_id != own:
        raise PermissionDenied(auth.OUT_OF_REACH)
    with uow:
        return _repos(uow).classes.page(query.page, division=auth.division_of(query.actor),
                                        institution=own or query.institution_id,
                                        state=query.state)


def _require_police(actor: auth.Caller) -> None:
    """TRN-3: the police (公安部门) review class plans; an admin's token names the
    department it acts for (servicekit.tokens.DEPARTMENTS)."""
    if actor.department != "police":
        raise FailedPrecondition("TRN_3_POLICE_ONLY", "class plans are reviewed by the police; "
                                 "use a token acting for the police department")


def file_training_class(uow: UnitOfWork, cmd: c.FileTrainingClass, *,
                        institutions: Institutions, clock: Clock) -> TrainingClass:
    """TRN-2 (5 Chinese working days ahead), INST-4 (qualified teachers), INST-7 (not
    blacklisted)."""
    with uow:  # a read first: no transaction stays open across the call to accreditation
        institution_id = _scoped_class(uow, cmd.actor, cmd.class_id).institution_id
    institution = institutions.institution(institution_id)
    with uow:
        training_class = _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        learned = _repos(uow).learned
        training_class.file(
            today=clock.today(), institution=institution,
            blacklisted=learned.blacklisted(training_class.institution_id),
            teachers=learned.teachers({x.teacher_id for x in training_class.lessons}),
            at=utcnow())
        uow.commit()
        return training_class


def review_training_class(uow: UnitOfWork, cmd: c.ReviewTrainingClass) -> TrainingClass:
    with uow:
        training_class = _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        _require_police(cmd.actor)
        training_class.decide(approved=cmd.approved, reason=cmd.reason,
                              reviewer=cmd.actor.subject, at=utcnow())
        uow.commit()
        return training_class


def record_inspection_visit(uow: UnitOfWork, cmd: c.RecordInspectionVisit) -> TrainingClass:
    with uow:
        training_class = _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        _require_police(cmd.actor)
        training_class.record_visit(visit_date=cmd.visit_date, inspector=cmd.inspector,
                                    findings=cmd.findings, actor=cmd.actor.subject,
                                    at=utcnow())
        uow.commit()
        return training_class


def enroll_trainee(uow: UnitOfWork, cmd: c.EnrollTrainee, *, people: People,
                   clock: Clock) -> attendance.Trainee:
    """TRN-9, TRN-12: a registry person, entered before the class starts."""
    with uow:  # reach first, then registry, outside the write transaction
        _scoped_class(uow, cmd.actor, cmd.class_id)
    person = people.person(cmd.person_id)
    with uow:
        training_class = _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        repo = _repos(uow).attendance
        trainee = attendance.enrol(training_class, person, today=clock.today(),
                                   already=repo.is_enrolled(cmd.class_id, cmd.person_id),
                                   at=utcnow())
        repo.enrol(trainee)
        uow.commit()
        return trainee


def verified_trainees(uow: UnitOfWork, training_class: TrainingClass, rules: Rules
                      ) -> list[tuple[attendance.Trainee, attendance.Verified]]:
    repo = _repos(uow).attendance
    sign_ins = repo.sign_ins(training_class.id)
    return [(t, attendance.verify(training_class, sign_ins, t.person.person_id, rules.plan,
                                  rules.min_attendance_percent))
            for t in repo.trainees(training_class.id)]


def list_trainees(uow: UnitOfWork, query: c.ListTrainees, *, rules: Rules
                  ) -> list[tuple[attendance.Trainee, attendance.Verified]]:
    with uow:
        return verified_trainees(uow, _scoped_class(uow, query.actor, query.class_id), rules)


def approve_paper_sign_in(uow: UnitOfWork, cmd: c.ApprovePaperSignIn) -> TrainingClass:
    """TRN-9: the police allow paper sign-in for a lesson (reported by the institution)."""
    with uow:
        training_class = _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        _require_police(cmd.actor)
        training_class.lesson(cmd.lesson_number)
        if training_class.state != APPROVED:
            raise FailedPrecondition("TRN_9_NOT_APPROVED",
                                     f"{training_class.name} is not an approved class")
        _repos(uow).attendance.approve_paper(cmd.class_id, cmd.lesson_number, cmd.reason,
                                             cmd.actor.subject, utcnow())
        training_class.paper_lessons.add(cmd.lesson_number)
        uow.commit()
        return training_class


def record_attendance(uow: UnitOfWork, cmd: c.RecordAttendance, *,
                      clock: Clock) -> attendance.SignIn:
    with uow:
        training_class = _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        repo = _repos(uow).attendance
        lesson = training_class.lesson(cmd.lesson_number)
        if repo.has_signed_in(cmd.class_id, cmd.lesson_number, cmd.person_id):
            raise AlreadyExists(f"persons/{cmd.person_id} signed in to lesson "
                                f"{cmd.lesson_number} already")
        signed = attendance.sign_in(
            training_class, lesson, cmd.person_id,
            enrolled=repo.is_enrolled(cmd.class_id, cmd.person_id), method=cmd.method,
            minutes=cmd.minutes,
            paper_approved=repo.paper_approved(cmd.class_id, cmd.lesson_number),
            today=clock.today(), actor=cmd.actor.subject, at=utcnow())
        repo.record(signed)
        uow.commit()
        return signed


def check_upload(uow: UnitOfWork, upload: c.EvidenceUpload) -> None:
    """TRN-4: before any byte is accepted, the caller reaches the class and the evidence
    fits it (read only; the write is record_evidence)."""
    with uow:
        training_class = _scoped_class(uow, upload.actor, upload.class_id)
        evidence.check_upload(
            training_class, kind=upload.kind, lesson_number=upload.lesson_number,
            person_enrolled=bool(upload.person_id) and _repos(uow).attendance.is_enrolled(
                upload.class_id, upload.person_id))


def record_evidence(uow: UnitOfWork, cmd: c.RecordEvidence) -> evidence.EvidenceItem:
    u = cmd.upload
    with uow:
        training_class = _scoped_class(uow, u.actor, u.class_id, lock=True)
        evidence.check_upload(  # again: the class may have changed during the upload
            training_class, kind=u.kind, lesson_number=u.lesson_number,
            person_enrolled=bool(u.person_id) and _repos(uow).attendance.is_enrolled(
                u.class_id, u.person_id))
        item = evidence.EvidenceItem(
            _new_id(), u.class_id, u.kind, u.lesson_number, u.person_id, u.duration_seconds,
            cmd.sha256, cmd.size_bytes, u.media_type, u.actor.subject, utcnow())
        _repos(uow).evidence.add(item)
        uow.commit()
        return item


def list_evidence(uow: UnitOfWork, query: c.ListEvidence, *, rules: Rules
                  ) -> tuple[list[evidence.EvidenceItem], list[str]]:
    with uow:
        training_class = _scoped_class(uow, query.actor, query.class_id)
        items = _repos(uow).evidence.of_class(query.class_id)
        trainees = [t.person.person_id for t in _repos(uow).attendance.trainees(query.class_id)]
        return items, evidence.shortfalls(training_class, items, trainees, rules.plan)


def delete_evidence(uow: UnitOfWork, cmd: c.DeleteEvidence, *, rules: Rules, clock: Clock,
                    remove_bytes) -> evidence.EvidenceItem:
    """TRN-7: refused under retention; past it, the metadata goes, and the bytes when no
    other item holds them."""
    with uow:
        _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        repo = _repos(uow).evidence
        item = repo.get(cmd.class_id, cmd.item_id)
        evidence.require_deletable(item, clock.today(), rules.retention_years)
        last = repo.delete(item)
        uow.commit()
    if last:
        remove_bytes(item.sha256)
    return item


def complete_training_class(uow: UnitOfWork, cmd: c.CompleteTrainingClass, *, rules: Rules,
                            clock: Clock) -> TrainingClass:
    """CERT-2: the police's completion review; ClassCompleted goes out through the outbox
    in the same transaction."""
    with uow:
        training_class = _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        _require_police(cmd.actor)
        trainees = verified_trainees(uow, training_class, rules)
        items = _repos(uow).evidence.of_class(cmd.class_id)
        training_class.complete(
            today=clock.today(), trainees=[t for t, _ in trainees],
            verified=[v for _, v in trainees],
            shortfalls=evidence.shortfalls(training_class, items,
                                           [t.person.person_id for t, _ in trainees], rules.plan),
            rules=rules.plan, at=utcnow())
        uow.commit()
        return training_class


def request_class_change(uow: UnitOfWork, cmd: c.RequestClassChange) -> TrainingClass:
    """TRN-8: recorded; the plan itself does not change."""
    with uow:
        training_class = _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        training_class.request_change(kind=cmd.kind, reason=cmd.reason,
                                      lessons=list(cmd.lessons), actor=cmd.actor.subject,
                                      at=utcnow())
        uow.commit()
        return training_class


def decide_class_change(uow: UnitOfWork, cmd: c.DecideClassChange) -> TrainingClass:
    """TRN-8: the police's decision; an approved change adds its lessons."""
    with uow:
        training_class = _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        _require_police(cmd.actor)
        pending = [x for x in training_class.changes if x.number == cmd.number]
        teachers = _repos(uow).learned.teachers(
            {x.teacher_id for change in pending for x in change.lessons})
        training_class.decide_change(cmd.number, approved=cmd.approved, reason=cmd.reason,
                                     teachers=teachers, actor=cmd.actor.subject, at=utcnow())
        uow.commit()
        return training_class


def export_roster(uow: UnitOfWork, query: c.ExportRoster
                  ) -> tuple[TrainingClass, list[tuple[str, ...]]]:
    """TRN-10: the roster's rows (masked), with completion certificate numbers."""
    with uow:
        training_class = _scoped_class(uow, query.actor, query.class_id)
        repos = _repos(uow)
        return training_class, roster.rows(training_class,
                                           repos.attendance.trainees(query.class_id),
                                           repos.learned.certificates_of(query.class_id))


def training_report(uow: UnitOfWork, query: c.GetTrainingReport, *, rules: Rules
                    ) -> list[report.Line]:
    """POOL-4: per occupation, the classes of the division completed in the quarter."""
    auth.require_reach(query.actor, region=query.region_code)
    with uow:
        classes = _repos(uow).classes.completed_between(query.region_code, query.first_day,
                                                        query.last_day)
        return report.lines([(k, [v for _, v in verified_trainees(uow, k, rules)])
                             for k in classes], rules.plan)


# what training learns from accreditation and certificates

def on_institution_status_changed(uow: UnitOfWork,
                                  event: accreditation_events.InstitutionStatusChanged) -> None:
    with uow:
        if _repos(uow).learned.set_status(event.institution.removeprefix("institutions/"),
                                          event.to_status,
                                          event.occur_time.ToDatetime(tzinfo=timezone.utc)):
            uow.commit()


def on_institution_blacklisted(uow: UnitOfWork,
                               event: accreditation_events.InstitutionBlacklisted) -> None:
    """INST-7: a blacklisted institution files no more classes (TRN-2 checks it)."""
    with uow:
        if _repos(uow).learned.blacklist(event.institution.removeprefix("institutions/")):
            uow.commit()


def on_teacher_assessed(uow: UnitOfWork, event: accreditation_events.TeacherAssessed) -> None:
    """INST-4: a teacher who failed the provincial assessment may not teach a class."""
    with uow:
        if _repos(uow).learned.assess_teacher(
                event.teacher.removeprefix("teachers/"), event.person.removeprefix("persons/"),
                event.institution.removeprefix("institutions/"),
                dates.of_proto(event.assess_date), event.passed):
            uow.commit()


def on_teacher_qualified(uow: UnitOfWork, event: accreditation_events.TeacherQualified) -> None:
    """INST-4: a teacher who passed the provincial assessment may teach."""
    with uow:
        if _repos(uow).learned.assess_teacher(
                event.teacher.removeprefix("teachers/"), event.person.removeprefix("persons/"),
                event.institution.removeprefix("institutions/"),
                dates.of_proto(event.assess_date), True, full_name=event.full_name):
            uow.commit()


def on_certificate_issued(uow: UnitOfWork, event: certificate_events.CertificateIssued) -> None:
    """CERT-2: a trainee's completion certificate number, for the class roster (TRN-10)."""
    if event.kind != certificates.CERTIFICATE_KIND_TRAINING_COMPLETION \
            or not event.training_class:
        return
    with uow:
        if _repos(uow).learned.add_certificate(
                event.number, event.training_class.removeprefix("classes/"),
                event.person.removeprefix("persons/"), dates.of_proto(event.issue_date)):
            uow.commit()
