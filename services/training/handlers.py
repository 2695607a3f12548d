"""training's handlers: `verb(uow, message)`, one transaction each."""

import uuid
from datetime import timezone
from typing import Protocol

from anbao.accreditation.v1 import accreditation_pb2 as accreditation
from anbao.accreditation.v1 import events_pb2 as accreditation_events
from anbao.certificates.v1 import certificates_pb2 as certificates
from anbao.certificates.v1 import events_pb2 as certificate_events
from servicekit import auth, dates
from servicekit.errors import (FailedPrecondition, FieldViolation, InvalidArgument,
                               PermissionDenied)
from servicekit.unitofwork import UnitOfWork, utcnow

from .adapters.repository import TrainingRepositories
from .domain import commands as c
from .domain.classes import InstitutionFacts, TrainingClass
from .domain.plans import PlanRules


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
                        institutions: Institutions) -> TrainingClass:
    """TRN-2 (5 Chinese working days ahead), INST-4 (qualified teachers), INST-7 (not
    blacklisted)."""
    with uow:  # a read first: no transaction stays open across the call to accreditation
        institution_id = _scoped_class(uow, cmd.actor, cmd.class_id).institution_id
    institution = institutions.institution(institution_id)
    with uow:
        training_class = _scoped_class(uow, cmd.actor, cmd.class_id, lock=True)
        learned = _repos(uow).learned
        training_class.file(
            today=dates.today(), institution=institution,
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
