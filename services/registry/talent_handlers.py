"""The talent pool's handlers (issue 12, part 2): facts (POOL-1), consent (POOL-2), the
rotation-training due list (POOL-3) and the annual report (POOL-4). One transaction each."""

import uuid
from datetime import timedelta

from anbao.training.v1 import events_pb2 as training_events
from servicekit import auth, divisions, paging
from servicekit.unitofwork import UnitOfWork, utcnow

from .adapters.repository import RegistryRepositories
from .domain import rotation, talent, talent_commands as t


def _repos(uow: UnitOfWork) -> RegistryRepositories:
    return uow.repos


def _person_in_reach(uow: UnitOfWork, actor: auth.Caller, person_id: str):
    person = _repos(uow).people.get(person_id)  # NOT_FOUND first
    auth.require_reach(actor, region=person.region_code)
    return person


def record_earlier_certificate(uow: UnitOfWork,
                               cmd: t.RecordEarlierCertificate) -> talent.EarlierCertificate:
    """POOL-1: recorded as declared, marked unverified."""
    with uow:
        _person_in_reach(uow, cmd.actor, cmd.person_id)
        recorded = _repos(uow).talent.add_earlier_certificate(talent.EarlierCertificate(
            person_id=cmd.person_id, format=cmd.format, number=cmd.number,
            occupation_code=cmd.occupation_code, level=cmd.level, issue_date=cmd.issue_date,
            issuing_authority=cmd.issuing_authority, verified=False, created_at=utcnow()))
        uow.commit()
        return recorded


def record_cadre_appointment(uow: UnitOfWork,
                             cmd: t.RecordCadreAppointment) -> talent.CadreAppointment:
    """POOL-3: a key unit's security cadre, whose training the due list follows."""
    with uow:
        _person_in_reach(uow, cmd.actor, cmd.person_id)
        appointment = _repos(uow).talent.add_appointment(talent.CadreAppointment(
            id=uuid.uuid4().hex, person_id=cmd.person_id, unit_name=cmd.unit_name,
            unit_uscc=cmd.unit_uscc, industry=cmd.industry, appointed_date=cmd.appointed_date,
            new_cadre=cmd.new_cadre, created_at=utcnow()))
        uow.commit()
        return appointment


def set_listing_consent(uow: UnitOfWork, cmd: t.SetListingConsent) -> talent.TalentProfile:
    """POOL-2: search respects the answer from the next query on."""
    with uow:
        _person_in_reach(uow, cmd.actor, cmd.person_id)
        pool = _repos(uow).talent
        pool.set_consent(cmd.person_id, cmd.consent, utcnow())
        profile = pool.profile(cmd.person_id)
        uow.commit()
        return profile


def get_talent_profile(uow: UnitOfWork, query: t.GetTalentProfile) -> talent.TalentProfile:
    with uow:
        _person_in_reach(uow, query.actor, query.person_id)
        return _repos(uow).talent.profile(query.person_id)


def list_rotation_training_due(uow: UnitOfWork, query: t.ListRotationTrainingDue, *,
                               rules: rotation.Thresholds
                               ) -> tuple[list[talent.DueCadre], str]:
    """POOL-3: computed from the appointments, training records and `as_of` at query time;
    ordered by due date, then appointment, with a keyset page token over that order."""
    horizon = query.as_of + timedelta(days=query.within_days)
    with uow:
        pool = _repos(uow).talent
        cadres = pool.current_cadres(query.region_code)
        trainings = pool.trainings([p.id for p, _ in cadres])
        listed = []
        for person, appointment in cadres:
            due = rotation.training_due(
                appointment.appointed_date, appointment.new_cadre,
                [rotation.Training(r.purpose, r.class_hours, r.end_date)
                 for r in trainings.get(person.id, [])], rules)
            if due.due_date <= horizon:
                listed.append(talent.DueCadre(
                    person_name=f"persons/{person.id}", full_name=person.full_name,
                    resident_id_masked=person.resident_id_masked,
                    region_code=person.region_code, appointment=appointment, kind=due.kind,
                    due_date=due.due_date, overdue=due.overdue(query.as_of),
                    hours_done=due.hours_done, hours_required=due.hours_required))
    keyed = sorted(((_key(d), d) for d in listed), key=lambda kd: kd[0])
    if query.page.after is not None:
        keyed = [(k, d) for k, d in keyed if k > query.page.after]
    page, last = paging.split_page(keyed, query.page.size, key=lambda kd: kd[0])
    return [d for _, d in page], paging.encode_token(last) if last else ""


def _key(due: talent.DueCadre) -> str:
    return due.due_date.strftime("%Y%m%d") + due.appointment.id


def get_annual_report(uow: UnitOfWork, query: t.GetAnnualReport) -> talent.AnnualReport:
    """POOL-4: counted from the rows the events wrote, so replaying them recounts the same."""
    with uow:
        pool = _repos(uow).talent
        paid, fen = pool.subsidies(query.region_code, query.year)
        return talent.AnnualReport(
            region_code=query.region_code,
            region_name=divisions.division_name(query.region_code) or "", year=query.year,
            lines=pool.certificates_obtained(query.region_code, query.year),
            subsidies_paid=paid, subsidies_paid_fen=fen)


def on_class_completed(uow: UnitOfWork, event: training_events.ClassCompleted) -> None:
    """POOL-1: each trainee's profile gains the training (hours, purpose, class, dates)."""
    with uow:
        _repos(uow).talent.add_training(talent.training_records(event))
        uow.commit()


def on_subsidy_paid(uow: UnitOfWork, event: training_events.SubsidyPaid) -> None:
    """POOL-4's incentives."""
    with uow:
        _repos(uow).talent.add_subsidy(talent.subsidy_paid(event))
        uow.commit()
