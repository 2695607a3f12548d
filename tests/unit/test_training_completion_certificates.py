"""CERT-2: training-completion certificates (培训结业证书) from the training service's
ClassCompleted, on the handler tier (real repositories, in-memory SQLite, real keys)."""

import json
from datetime import date

import pytest

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.accreditation.v1 import events_pb2 as acc_events
from anbao.certificates.v1 import certificates_pb2 as pb
from anbao.certificates.v1 import events_pb2
from anbao.training.v1 import events_pb2 as training_events
from google.type import date_pb2
from servicekit.auth import Caller
from servicekit.errors import InvalidArgument, NotFound
from servicekit.unitofwork import AlreadyApplied, new_event
from services.certificates import handlers
from services.certificates.domain import commands as c
from services.certificates.domain import numbering
from services.certificates.domain.lookup_budget import LookupBudget, LookupLimits
from tests.builders import assessment_passed
from tests.unit.memory import certificates_world

BASE = "https://anbao.example"
ADMIN = Caller("admin", "province_admin")
INSTITUTION = "institutions/t1"


def class_completed(training_class="classes/c1", people=("p1", "p2"), region="350500",
                    level=3, institution=INSTITUTION):
    """A ClassCompleted as the training service announces a passed class review."""
    event = new_event(
        training_events.ClassCompleted, training_class=training_class, class_code="2026-01",
        institution=institution, institution_name="泉州保安培训学校", region_code=region,
        occupation_code="3-02-02-00", occupation_name="保卫管理员", level=level,
        purpose=training_events.TRAINING_PURPOSE_SKILL,
        start_date=date_pb2.Date(year=2026, month=11, day=2),
        end_date=date_pb2.Date(year=2026, month=11, day=13), planned_class_hours=40,
        trainees=[training_events.CompletedTrainee(
            person=f"persons/{p}", full_name=f"王{p}", resident_id_masked="3505**********0011",
            attended_minutes=1800, class_hours=40) for p in people])
    return event


@pytest.fixture
def world():
    return certificates_world()


@pytest.fixture
def uows(world):
    return world[0]


@pytest.fixture
def keys(world):
    return world[1]


def complete(uows, keys, event) -> None:
    handlers.on_class_completed(uows(inbox=event), event,
                                issuing=handlers.Issuing(keys, lambda: BASE))


def issued(uows) -> list:
    return uows.emitted(events_pb2.CertificateIssued)


def test_cert2_one_signed_completion_certificate_per_trainee_in_its_own_series(uows, keys):
    complete(uows, keys, class_completed())
    events = issued(uows)
    year = date.today().year
    assert sorted(e.number for e in events) == [f"T350500{year}000001", f"T350500{year}000002"]
    for event in events:
        assert event.kind == pb.CERTIFICATE_KIND_TRAINING_COMPLETION
        assert event.training_class == "classes/c1" and event.institution == INSTITUTION
        found = handlers.get_certificate(uows(), c.GetCertificate.parse(
            ADMIN, name=f"certificates/{event.number}"))
        assert found.kind == pb.CERTIFICATE_KIND_TRAINING_COMPLETION and found.holding is None
        assert keys.verify(found.credential_json)  # the same proof set as a skill certificate
        document = json.loads(found.credential_json)
        assert document["type"] == ["VerifiableCredential", "TrainingCompletionCertificate"]
        subject = document["credentialSubject"]
        assert subject["trainingClass"] == "classes/c1"
        assert subject["trainingInstitution"] == INSTITUTION
        assert subject["certificateNumber"] == event.number
        assert "evaluationInstitution" not in subject


def test_cert2_exactly_once_per_class_and_person_when_redelivered_or_repeated(uows, keys):
    first = class_completed()
    complete(uows, keys, first)
    with pytest.raises(AlreadyApplied):
        complete(uows, keys, first)                          # the same event again
    complete(uows, keys, class_completed(people=("p2", "p3", "p3")))  # p2 again, p3 twice
    assert sorted(e.person for e in issued(uows)) == ["persons/p1", "persons/p2", "persons/p3"]
    # another class gives the same person another completion certificate
    complete(uows, keys, class_completed(training_class="classes/c2", people=("p1",)))
    assert [e.training_class for e in issued(uows) if e.person == "persons/p1"] == [
        "classes/c1", "classes/c2"]


def test_cert2_completion_certificate_takes_no_skill_level_holding(uows, keys):
    """A trainee who holds the 三级 skill certificate still gets the completion
    certificate of a 三级 class, and a completion certificate does not stop the skill one."""
    complete(uows, keys, class_completed(people=("p1",)))
    skill = assessment_passed(1, 3)  # persons/p1, 3-02-02-00, level 3
    handlers.on_assessment_passed(uows(inbox=skill), skill,
                                  issuing=handlers.Issuing(keys, lambda: BASE))
    complete(uows, keys, class_completed(training_class="classes/c9", people=("p1",)))
    kinds = [e.kind for e in issued(uows)]
    assert kinds == [pb.CERTIFICATE_KIND_TRAINING_COMPLETION, pb.CERTIFICATE_KIND_SKILL,
                     pb.CERTIFICATE_KIND_TRAINING_COMPLETION]


def test_cert2_cert4_public_lookup_finds_a_completion_certificate_by_number_and_name(uows,
                                                                                     keys):
    complete(uows, keys, class_completed(people=("p1",)))
    number = issued(uows)[0].number
    budget = LookupBudget(LookupLimits())
    query = c.LookupCertificate.parse(number=number, holder_name="王p1", client="c")
    found = handlers.lookup(uows(), query, keys=keys, budget=budget)
    assert found.signature_verified and found.certificate.number == number
    with pytest.raises(NotFound):
        handlers.lookup(uows(), c.LookupCertificate.parse(number=number, holder_name="李四",
                                                          client="c"), keys=keys, budget=budget)


def test_cert2_completion_numbers_cannot_be_taken_for_skill_numbers():
    today = date(2026, 11, 23)
    number = numbering.compose(numbering.completion_series("350500", 2026), 1)
    assert number == "T3505002026000001" and len(number) == 17
    assert numbering.is_valid_completion(number, today) and not numbering.is_valid(number, today)
    assert numbering.is_certificate_number(number, today)
    assert not numbering.is_valid_completion("S000022000123263000001", today)
    for bad in ("T3505002027000001",   # a year to come
                "T9999992026000001",   # no such division
                "T3505002026000000",   # serial 0
                "T350500202600001",    # 16 characters
                "T35050020260000١"):   # not ASCII digits
        assert not numbering.is_certificate_number(bad, today), bad
    with pytest.raises(InvalidArgument):
        c.LookupCertificate.parse(number="T9999992026000001", holder_name="王", client="c")


def test_cert2_cert3_completion_credential_verifies_against_its_training_institution(uows,
                                                                                     keys):
    active = new_event(acc_events.InstitutionStatusChanged, institution=INSTITUTION,
                       display_name="泉州保安培训学校", role=acc.INSTITUTION_ROLE_TRAINING,
                       to_status=acc.INSTITUTION_STATUS_ACTIVE)
    active.occur_time.FromSeconds(active.occur_time.seconds - 3600)
    handlers.on_institution_status_changed(uows(inbox=active), active)
    complete(uows, keys, class_completed(people=("p1",)))
    number = issued(uows)[0].number
    credential = json.loads(handlers.get_certificate(
        uows(), c.GetCertificate(ADMIN, number)).credential_json)
    lists = handlers.StatusLists(keys, lambda: BASE, 60)
    report = handlers.verify_certificate(uows(), c.VerifyCertificate(credential), keys=keys,
                                         lists=lists)
    steps = {s.step: pb.StepOutcome.Name(s.outcome) for s in report.steps}
    assert pb.Verdict.Name(report.verdict) == "VERDICT_VALID", report.steps
    assert steps["issuer_accredited"] == "STEP_OUTCOME_PASSED"
    # a completion certificate of an institution nobody accredited does not verify
    other = class_completed(training_class="classes/x", people=("p9",),
                            institution="institutions/unknown")
    complete(uows, keys, other)
    stranger = json.loads(handlers.get_certificate(
        uows(), c.GetCertificate(ADMIN, issued(uows)[-1].number)).credential_json)
    report = handlers.verify_certificate(uows(), c.VerifyCertificate(stranger), keys=keys,
                                         lists=lists)
    assert pb.Verdict.Name(report.verdict) == "VERDICT_UNKNOWN_ISSUER"


def test_cert2_cadre_course_without_a_level_gets_a_certificate_without_one(uows, keys):
    complete(uows, keys, class_completed(people=("p1",), level=0))
    number = issued(uows)[0].number
    subject = json.loads(handlers.get_certificate(
        uows(), c.GetCertificate(ADMIN, number)).credential_json)["credentialSubject"]
    assert "level" not in subject and subject["occupationName"] == "保卫管理员"
