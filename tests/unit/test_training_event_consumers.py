"""What the other services do with the training side's facts: registry and accreditation
route CertificateIssued by kind (CERT-2: a completion certificate is no skill level), and
accreditation blacklists an institution on FraudFound (INST-7) — on the handler tier,
real repositories over in-memory SQLite."""

import pytest
from google.type import date_pb2

from anbao.accreditation.v1 import accreditation_pb2 as acc_pb
from anbao.accreditation.v1 import events_pb2 as acc_events
from anbao.certificates.v1 import certificates_pb2 as cert_pb
from anbao.certificates.v1 import events_pb2 as cert_events
from anbao.training.v1 import events_pb2 as training_events
from servicekit import paging
from servicekit.errors import FailedPrecondition
from servicekit.unitofwork import AlreadyApplied, new_event
from services.accreditation import handlers as accreditation
from services.accreditation.domain import commands as ac
from services.registry import handlers as registry
from services.registry.domain import commands as rc
from servicekit import fieldcrypto
from servicekit.fieldcrypto import BlindIndex, FieldCipher
from services.accreditation.adapters.orm import metadata as accreditation_metadata
from services.accreditation.adapters.repository import AccreditationRepositories
from services.registry.adapters.orm import metadata as registry_metadata
from services.registry.adapters.repository import Protector, RegistryRepositories
from tests.unit import test_registry_handlers
from tests.unit.memory import MemoryUnitOfWorks
from tests.unit.accreditation_world import ADMIN, active_org

TRAINING = acc_pb.INSTITUTION_ROLE_TRAINING
REVOKED, ACTIVE = acc_pb.INSTITUTION_STATUS_REVOKED, acc_pb.INSTITUTION_STATUS_ACTIVE


@pytest.fixture
def registry_uows():
    protector = Protector(FieldCipher({1: fieldcrypto.new_key()}, current=1),
                          BlindIndex(fieldcrypto.new_key()))
    return MemoryUnitOfWorks(registry_metadata, lambda s: RegistryRepositories(s, protector))


@pytest.fixture
def accreditation_uows():
    return MemoryUnitOfWorks(accreditation_metadata, AccreditationRepositories)


def certificate_issued(person: str, number: str, kind: int):
    return new_event(cert_events.CertificateIssued, certificate=f"certificates/{number}",
                     number=number, person=person, occupation_code="3-02-02-00", level=3,
                     issuing_organisation="泉州保安培训学校", kind=kind,
                     issue_date=date_pb2.Date(year=2026, month=11, day=20),
                     training_class="classes/c1" if kind == 2 else "")


def test_cert2_pool2_talent_pool_does_not_count_a_completion_certificate_as_a_level(
        registry_uows):
    person = test_registry_handlers.register(registry_uows)
    query = rc.SearchTalent(test_registry_handlers.ADMIN, "3-02-02-00", 3, "", 0, paging.Page())
    completion = certificate_issued(person.name, "T3505002026000001",
                                    cert_pb.CERTIFICATE_KIND_TRAINING_COMPLETION)
    registry.on_certificate_issued(registry_uows(inbox=completion), completion)
    assert registry.search_talent(registry_uows(), query)[0] == []
    skill = certificate_issued(person.name, "S000022000123263000001", cert_pb.CERTIFICATE_KIND_SKILL)
    registry.on_certificate_issued(registry_uows(inbox=skill), skill)
    found = registry.search_talent(registry_uows(), query)[0]
    assert [h.number for h in found[0].certificates] == ["S000022000123263000001"]
    # events from before the kind existed (UNSPECIFIED) are skill certificates
    old = certificate_issued(person.name, "S000022000123263000002",
                             cert_pb.CERTIFICATE_KIND_UNSPECIFIED)
    registry.on_certificate_issued(registry_uows(inbox=old), old)
    found = registry.search_talent(registry_uows(), query)[0]
    assert len(found[0].certificates) == 2


def test_cert2_asmt5_accreditation_learns_no_held_level_from_a_completion_certificate(
        accreditation_uows):
    completion = certificate_issued("persons/p1", "T3505002026000001",
                                    cert_pb.CERTIFICATE_KIND_TRAINING_COMPLETION)
    accreditation.on_certificate_issued(accreditation_uows(inbox=completion), completion)
    with accreditation_uows() as uow:
        assert uow.repos.held_certificates.of("p1") == []
    skill = certificate_issued("persons/p1", "S000022000123263000001",
                               cert_pb.CERTIFICATE_KIND_SKILL)
    accreditation.on_certificate_issued(accreditation_uows(inbox=skill), skill)
    with accreditation_uows() as uow:
        assert [h.number for h in uow.repos.held_certificates.of("p1")] == [skill.number]


def fraud_found(institution, case="fraudCases/f1", revoke=True):
    return new_event(training_events.FraudFound, fraud_case=case,
                     institution=institution.name, training_class="classes/c1",
                     reason="虚假考勤: 代签到", evidence="media/abc", clawed_back_fen=130000,
                     revoke_training_qualification=revoke)


def blacklist(uows, institution):
    return accreditation.get_institution(uows(), ac.GetInstitution(ADMIN, institution.id))


def test_inst7_fraud_found_blacklists_the_institution_once_per_case_and_revokes_when_told(
        accreditation_uows):
    uows = accreditation_uows
    org = active_org(uows, TRAINING)
    event = fraud_found(org)
    accreditation.on_fraud_found(uows(inbox=event), event)
    with pytest.raises(AlreadyApplied):
        accreditation.on_fraud_found(uows(inbox=event), event)   # redelivered
    again = fraud_found(org)                                      # the same case, a new event
    accreditation.on_fraud_found(uows(inbox=again), again)
    stored = blacklist(uows, org)
    assert stored.status == REVOKED and stored.blacklisted
    assert [(b.actor, b.qualification_revoked) for b in stored.blacklist] == [
        ("FraudFound fraudCases/f1", True)]
    assert stored.blacklist[0].evidence == "classes/c1 media/abc"
    announced = uows.emitted(acc_events.InstitutionBlacklisted)
    assert [(e.institution, e.qualification_revoked) for e in announced] == [(org.name, True)]


def test_inst7_fraud_found_without_revocation_blacklists_but_keeps_the_qualification(
        accreditation_uows):
    uows = accreditation_uows
    org = active_org(uows, TRAINING)
    event = fraud_found(org, revoke=False)
    accreditation.on_fraud_found(uows(inbox=event), event)
    stored = blacklist(uows, org)
    assert stored.status == ACTIVE and stored.blacklisted
    # a blacklisted institution is not selected, and files nothing (INST-7)
    with pytest.raises(FailedPrecondition) as caught:
        stored.require_not_blacklisted()
    assert caught.value.reason == "INST_7_BLACKLISTED"
    # a second, different case is a second entry
    other = fraud_found(org, case="fraudCases/f2", revoke=False)
    accreditation.on_fraud_found(uows(inbox=other), other)
    assert len(blacklist(uows, org).blacklist) == 2
