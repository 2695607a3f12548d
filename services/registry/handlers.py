"""registry's handlers: `verb(uow, message)`, one transaction each."""

import uuid

from datetime import timezone

from sqlalchemy.exc import IntegrityError

from anbao.certificates.v1 import certificates_pb2 as cert_pb
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


def register_person(uow: UnitOfWork, cmd: c.RegisterPerson) -> Person:
    """Idempotent on the resident ID. Institutions register the people they train or
    examine anywhere; a city admin registers people of its division."""
    if cmd.actor.reach != auth.Reach.INSTITUTION:
        auth.require_reach(cmd.actor, region=cmd.region_code)
    with uow:
        people = _repos(uow).people
        existing = people.by_resident_id(cmd.resident_id.value)
        if existing is not None:
            return _shown(uow, cmd.actor, [_known(cmd.actor, existing)])[0]
        person = Person.register(
            id=uuid.uuid4().hex, resident_id=cmd.resident_id, full_name=cmd.full_name,
            phone=cmd.phone, region_code=cmd.region_code, employer_unit=cmd.employer_unit,
            industry=cmd.industry, guard_certificate_date=cmd.guard_certificate_date,
            at=utcnow())
        people.add(person)
        try:
            uow.commit()
        except IntegrityError:  # a concurrent registration of the same ID won
            uow.session.rollback()
            person = _known(cmd.actor, people.by_resident_id(cmd.resident_id.value))
        return person.revealed(cmd.resident_id) if exposure.reveals(cmd.actor.role) else person


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
    completion certificate (CERT-2) holds no skill level: the pool's levels (POOL-2)
    never count it; the training itself reaches the pool from the class (ClassCompleted)."""
    if event.kind == cert_pb.CERTIFICATE_KIND_TRAINING_COMPLETION:
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
