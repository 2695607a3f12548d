"""registry's handlers: `verb(uow, message)`, one transaction each."""

import uuid

from datetime import timezone

from sqlalchemy.exc import IntegrityError

from anbao.certificates.v1 import certificates_pb2 as certificates
from anbao.certificates.v1 import events_pb2 as certificate_events
from servicekit import auth
from servicekit.errors import AlreadyExists
from servicekit.unitofwork import UnitOfWork, utcnow

from .adapters.repository import RegistryRepositories
from .domain import commands as c, exposure
from .domain.people import Person


def _repos(uow: UnitOfWork) -> RegistryRepositories:
    return uow.repos


def _shown(uow: UnitOfWork, actor: auth.Caller, persons: list[Person]) -> list[Person]:
    """The people as the caller may see them (domain/exposure.py); a read that reveals
    more than the everyday mask is audited (the fields' names, never their values)."""
    if not exposure.reveals(actor.role) or not persons:
        return persons
    people = _repos(uow).people
    revealed = [people.reveal(p) for p in persons]
    uow.record_read([p.name for p in revealed], list(exposure.REVEALED_FIELDS))
    uow.commit()
    return revealed


def _known(actor: auth.Caller, person: Person) -> Person:
    """A second registration returns the person to whoever reaches them; anyone else
    (an institution, another division) learns only the resource name, not who it is."""
    if actor.reach != auth.Reach.INSTITUTION and auth.reaches(actor, region=person.region_code):
        return person
    raise AlreadyExists(f"{person.name} is registered already")


def _same_registration(uow: UnitOfWork, cmd: c.RegisterPerson, person: Person) -> bool:
    """Whether a repeated registration says what the record says: then it is a retry."""
    return (person.full_name, person.region_code, person.employer_unit, person.industry,
            person.guard_certificate_date) == (
        cmd.full_name, cmd.region_code, cmd.employer_unit, cmd.industry,
        cmd.guard_certificate_date) and _repos(uow).people.phone(person) == cmd.phone


def _registered_already(uow: UnitOfWork, cmd: c.RegisterPerson, person: Person) -> Person:
    """The same data again is idempotent; different data is ALREADY_EXISTS naming the
    record (to change it: UpdatePerson), never silently dropped. Whoever may not read the
    person hears the same answer either way, so it cannot test a name against an ID."""
    person = _known(cmd.actor, person)
    if not _same_registration(uow, cmd, person):
        raise AlreadyExists(f"{person.name} is registered already with other data; "
                            "change it with UpdatePerson")
    return person


def register_person(uow: UnitOfWork, cmd: c.RegisterPerson) -> Person:
    """Idempotent on the resident ID. Institutions register the people they train or
    examine anywhere; a city admin registers people of its division."""
    if cmd.actor.reach != auth.Reach.INSTITUTION:
        auth.require_reach(cmd.actor, region=cmd.region_code)
    with uow:
        people = _repos(uow).people
        existing = people.by_resident_id(cmd.resident_id.value)
        if existing is not None:
            return _shown(uow, cmd.actor, [_registered_already(uow, cmd, existing)])[0]
        person = Person.register(
            id=uuid.uuid4().hex, resident_id=cmd.resident_id, full_name=cmd.full_name,
            phone=cmd.phone, region_code=cmd.region_code, employer_unit=cmd.employer_unit,
            industry=cmd.industry, guard_certificate_date=cmd.guard_certificate_date,
            at=utcnow(), actor=cmd.actor.subject, actor_role=cmd.actor.role)
        people.add(person)
        try:
            uow.commit()
        except IntegrityError:  # a concurrent registration of the same ID won
            uow.session.rollback()
            person = _registered_already(uow, cmd, people.by_resident_id(cmd.resident_id.value))
        return person.revealed(cmd.resident_id) if exposure.reveals(cmd.actor.role) else person


def update_person(uow: UnitOfWork, cmd: c.UpdatePerson) -> Person:
    """AIP-134 update guarded by the etag (AIP-154), recorded in the person's history and
    announced by PersonUpdated (POOL-1). accreditation reads the 保安员证 date through
    GetPerson when it checks ASMT-4, so an update is seen at its next check."""
    with uow:
        people = _repos(uow).people
        person = people.get(cmd.person_id, for_update=True)
        auth.require_reach(cmd.actor, region=person.region_code)
        values = dict(cmd.values)
        if "region_code" in values:  # a city admin cannot move a person out of its reach
            auth.require_reach(cmd.actor, region=values["region_code"])
        if "phone" in values and values["phone"] == people.phone(person):
            del values["phone"]
        if person.update(values, etag=cmd.etag, actor=cmd.actor.subject,
                         actor_role=cmd.actor.role, at=utcnow()):
            uow.commit()
        return _shown(uow, cmd.actor, [person])[0]


def list_person_history(uow: UnitOfWork, query: c.ListPersonHistory):
    with uow:
        people = _repos(uow).people
        person = people.get(query.person_id)
        auth.require_reach(query.actor, region=person.region_code)
        return people.history(person.id, query.page)


def merge_persons(uow: UnitOfWork, cmd: c.MergePersons) -> Person:
    """A person registered twice by mistake (province only): the duplicate's certificates
    and service history move to the survivor, both histories are kept, and the duplicate
    answers NOT_FOUND naming the survivor. One transaction: nothing half-written."""
    with uow:
        people = _repos(uow).people
        survivor = people.get(cmd.person_id, for_update=True)
        duplicate = people.get(cmd.merged_id, for_update=True)
        survivor.absorb(duplicate, actor=cmd.actor.subject, actor_role=cmd.actor.role,
                        at=utcnow())
        uow.commit()
        return _shown(uow, cmd.actor, [survivor])[0]


def get_person(uow: UnitOfWork, query: c.GetPerson) -> Person:
    with uow:
        people = _repos(uow).people
        person = people.get(query.person_id)
        auth.require_reach(query.actor, region=person.region_code)
        return _shown(uow, query.actor, [person])[0]


def search_talent(uow: UnitOfWork, query: c.SearchTalent) -> tuple[list[Person], str]:
    with uow:
        found, token = _repos(uow).people.search(query)
        return _shown(uow, query.actor, found), token


def on_certificate_issued(uow: UnitOfWork, event: certificate_events.CertificateIssued) -> None:
    """Adds the certificate to the holder's talent-pool profile (POOL-1). A training-
    completion certificate (CERT-2) is no skill level: the pool knows that training from
    ClassCompleted (talent_handlers.on_class_completed), and search must not offer it."""
    if event.kind == certificates.CERTIFICATE_KIND_TRAINING_COMPLETION:
        return
    with uow:
        if _repos(uow).people.add_certificate(c.held_certificate(event)):
            uow.commit()


def on_certificate_status_changed(uow: UnitOfWork,
                                  event: certificate_events.CertificateStatusChanged) -> None:
    """CERT-3: a suspended, revoked or replaced certificate leaves the pool's search; a
    reinstated one comes back (POOL-2)."""
    with uow:
        if _repos(uow).people.set_certificate_status(
                event.number, event.to_status, event.change_time.ToDatetime(tzinfo=timezone.utc)):
            uow.commit()
