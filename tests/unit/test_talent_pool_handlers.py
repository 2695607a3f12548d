"""The talent pool's handlers (issue 12, part 2) on the real repositories over SQLite in
memory: facts (POOL-1), search (POOL-2), the due list (POOL-3), the report (POOL-4)."""

from datetime import date

import pytest

from anbao.certificates.v1 import certificates_pb2 as certificates
from anbao.registry.v1 import registry_pb2 as pb
from anbao.training.v1 import events_pb2 as training_events
from servicekit import dates, paging
from servicekit.auth import Caller, Reach
from servicekit.errors import AlreadyExists, InvalidArgument, NotFound, PermissionDenied
from servicekit.unitofwork import AlreadyApplied, new_event
from services.registry import handlers, talent_handlers as th
from services.registry.domain import commands as c, rotation, talent_commands as t
from tests.unit.test_registry_handlers import ADMIN, issued, register, status_changed, uows  # noqa: F401

CITY = Caller("c", "city_admin", "220100", Reach.DIVISION)
OTHER_CITY = Caller("o", "city_admin", "320500", Reach.DIVISION)
SKILL22 = "S000022000123233000001"
QUAL16 = "1822010012310001"


def earlier(person, number=SKILL22, fmt=pb.CERTIFICATE_FORMAT_SKILL22, issue="2023-05-01",
            actor=ADMIN, **overrides):
    fields = dict(parent=person.name, format=fmt, certificate_number=number,
                  occupation_code="3-02-02-00", issue_date=issue, issuing_authority="吉林省鉴定中心")
    return t.RecordEarlierCertificate.parse(actor, **{**fields, **overrides})


def appoint(uows, person, *, appointed="2022-03-01", new_cadre=False, actor=ADMIN,
            industry=pb.INDUSTRY_FINANCE_POST):
    return th.record_cadre_appointment(uows(), t.RecordCadreAppointment.parse(
        actor, parent=person.name, unit_name="吉林银行", unit_uscc="", industry=industry,
        appointed_date=appointed, new_cadre=new_cadre))


def completed(class_id, purpose, hours, end, *people, start=None):
    return new_event(
        training_events.ClassCompleted, training_class=f"classes/{class_id}",
        class_code=f"2026-{class_id}", institution="institutions/t1", institution_name="培训学校",
        region_code="220100", occupation_code="3-02-02-00", level=3, purpose=purpose,
        start_date=dates.to_proto(start or end), end_date=dates.to_proto(end),
        planned_class_hours=hours,
        trainees=[training_events.CompletedTrainee(person=p.name, full_name=p.full_name,
                                                   class_hours=hours) for p in people])


def apply(uows, handler, event):
    handler(uows(inbox=event), event)


def due_list(uows, actor=ADMIN, *, as_of="2026-11-23", within_days=0, size=0, token="",
             region="", rules=rotation.Thresholds()):
    return th.list_rotation_training_due(uows(), t.ListRotationTrainingDue.parse(
        actor, region_code=region, within_days=within_days, as_of=as_of, page_size=size,
        page_token=token), rules=rules)


# --- POOL-1: facts -------------------------------------------------------------------

def test_pool1_earlier_certificate_is_recorded_as_declared_and_unverified(uows):
    person = register(uows)
    first = th.record_earlier_certificate(uows(), earlier(person))
    assert (first.level, first.verified) == (3, False)
    again = th.record_earlier_certificate(uows(), earlier(person))  # declared twice: one record
    qual = th.record_earlier_certificate(uows(), earlier(
        person, QUAL16, pb.CERTIFICATE_FORMAT_QUAL16, issue="2018-06-01"))
    profile = th.get_talent_profile(uows(), t.GetTalentProfile(ADMIN, person.id))
    assert [(e.number, e.format, e.verified) for e in profile.earlier_certificates] == [
        (QUAL16, pb.CERTIFICATE_FORMAT_QUAL16, False), (SKILL22, pb.CERTIFICATE_FORMAT_SKILL22, False)]
    assert again == first and qual.level == 3
    with pytest.raises(AlreadyExists):  # the same number cannot be two people's
        th.record_earlier_certificate(uows(), earlier(register(uows)))


def test_pool1_a_number_of_the_wrong_shape_names_the_field_with_every_other_bad_one():
    person = type("P", (), {"name": "persons/abc"})
    with pytest.raises(InvalidArgument) as caught:
        earlier(person, "S00002200012323300000", occupation_code="保安员", issue_date="2999-01-01",
                issuing_authority="")
    assert {v.field for v in caught.value.violations} == {
        "certificate_number", "occupation_code", "issue_date", "issuing_authority"}
    for fmt, number in ((pb.CERTIFICATE_FORMAT_SKILL22, QUAL16),
                        (pb.CERTIFICATE_FORMAT_QUAL16, SKILL22)):
        with pytest.raises(InvalidArgument) as caught:
            earlier(person, number, fmt)
        assert [v.field for v in caught.value.violations] == ["certificate_number"]
    with pytest.raises(InvalidArgument) as caught:
        earlier(person, fmt=pb.CERTIFICATE_FORMAT_UNSPECIFIED, parent="people/x")
    assert {v.field for v in caught.value.violations} == {"format", "parent"}
    with pytest.raises(InvalidArgument) as caught:  # the number says 2023
        earlier(person, issue="2022-05-01")
    assert [v.field for v in caught.value.violations] == ["issue_date"]


def test_pool1_facts_reach_only_people_in_scope(uows):
    person = register(uows)  # region 220102
    with pytest.raises(PermissionDenied):
        th.record_earlier_certificate(uows(), earlier(person, actor=OTHER_CITY))
    with pytest.raises(NotFound):
        th.record_earlier_certificate(uows(), earlier(type("P", (), {"name": "persons/nobody"})))
    assert th.record_earlier_certificate(uows(), earlier(person, actor=CITY)).number == SKILL22


def test_pool1_class_completed_adds_each_trainees_training_once(uows):
    a, b = register(uows), register(uows)
    event = completed("c1", pb.TRAINING_PURPOSE_CADRE_ROTATION, 24, date(2025, 6, 30), a, b,
                      start=date(2025, 6, 27))
    apply(uows, th.on_class_completed, event)
    with pytest.raises(AlreadyApplied):
        apply(uows, th.on_class_completed, event)
    # the same class told again under a new event ID (a re-published completion): still once
    again = completed("c1", pb.TRAINING_PURPOSE_CADRE_ROTATION, 24, date(2025, 6, 30), a,
                      start=date(2025, 6, 27))
    apply(uows, th.on_class_completed, again)
    records = th.get_talent_profile(uows(), t.GetTalentProfile(ADMIN, a.id)).training_records
    assert [(r.training_class, r.purpose, r.class_hours, r.start_date, r.end_date)
            for r in records] == [("classes/c1", pb.TRAINING_PURPOSE_CADRE_ROTATION, 24,
                                   date(2025, 6, 27), date(2025, 6, 30))]


def test_pool2_a_cadre_appointment_needs_one_of_the_eight_key_unit_industries(uows):
    person = register(uows)
    for industry in (pb.INDUSTRY_OTHER, pb.INDUSTRY_UNSPECIFIED, 42):
        with pytest.raises(InvalidArgument) as caught:
            appoint(uows, person, industry=industry)
        assert [v.field for v in caught.value.violations] == ["industry"]
    with pytest.raises(InvalidArgument) as caught:
        t.RecordCadreAppointment.parse(ADMIN, parent=person.name, unit_name="", unit_uscc="91X",
                                       industry=1, appointed_date="", new_cadre=True)
    assert {v.field for v in caught.value.violations} == {"unit_name", "unit_uscc",
                                                           "appointed_date"}
    assert appoint(uows, person, industry=pb.INDUSTRY_MATERIAL_RESERVES).industry == 8


# --- POOL-2: search ------------------------------------------------------------------

def _search(uows, **fields):
    query = dict(occupation_code="3-02-02-00", level=0, region_code="", industry=0,
                 page_size=0, page_token="")
    return [p.id for p in handlers.search_talent(uows(), c.SearchTalent.parse(
        ADMIN, **{**query, **fields}))[0]]


def test_pool2_withdrawn_consent_leaves_the_search_and_given_consent_returns(uows):
    person = register(uows)
    event = issued(person)
    apply(uows, handlers.on_certificate_issued, event)
    assert _search(uows) == [person.id]
    profile = th.set_listing_consent(uows(), t.SetListingConsent.parse(
        ADMIN, person=person.name, consent=pb.LISTING_CONSENT_WITHDRAWN))
    assert profile.listing_consent == pb.LISTING_CONSENT_WITHDRAWN
    assert _search(uows) == []
    th.set_listing_consent(uows(), t.SetListingConsent.parse(
        ADMIN, person=person.name, consent=pb.LISTING_CONSENT_GIVEN))
    assert _search(uows) == [person.id]
    with pytest.raises(InvalidArgument):
        t.SetListingConsent.parse(ADMIN, person=person.name, consent=0)


def test_pool2_search_by_employer_and_a_training_certificate_is_no_skill_level(uows):
    person = register(uows)
    apply(uows, handlers.on_certificate_issued, issued(person))
    assert _search(uows, employer_unit="") == [person.id]
    assert _search(uows, employer_unit="吉林银行") == []  # registered with no employer
    training = issued(register(uows), "S000022000123263000009")
    training.kind = certificates.CERTIFICATE_KIND_TRAINING_COMPLETION
    apply(uows, handlers.on_certificate_issued, training)
    assert _search(uows) == [person.id]


def test_pool2_keyset_pages_and_a_bad_token_names_the_field(uows):
    people = sorted((register(uows) for _ in range(3)), key=lambda p: p.id)
    for i, p in enumerate(people):
        apply(uows, handlers.on_certificate_issued, issued(p, f"S0000220001232630000{i + 10}"))
    first, token = handlers.search_talent(uows(), c.SearchTalent.parse(
        ADMIN, occupation_code="", level=0, region_code="", industry=0, page_size=2,
        page_token=""))
    rest, last = handlers.search_talent(uows(), c.SearchTalent.parse(
        ADMIN, occupation_code="", level=0, region_code="", industry=0, page_size=2,
        page_token=token))
    assert [p.id for p in first + rest] == [p.id for p in people] and last == ""
    with pytest.raises(InvalidArgument) as caught:
        c.SearchTalent.parse(ADMIN, occupation_code="", level=0, region_code="", industry=0,
                             page_size=2, page_token="%%%")
    assert [v.field for v in caught.value.violations] == ["page_token"]


# --- POOL-3: the due list ---------------------------------------------------------------

def test_pool3_due_list_is_computed_from_training_and_the_date_asked(uows):
    trained, untrained, fresh = register(uows, name="甲"), register(uows, name="乙"), register(uows, name="丙")
    register(uows, name="丁")  # no appointment: never listed
    appoint(uows, trained, appointed="2022-03-01")
    appoint(uows, untrained, appointed="2024-01-10")
    appoint(uows, fresh, appointed="2026-01-01", new_cadre=True)
    apply(uows, th.on_class_completed, completed(
        "r1", pb.TRAINING_PURPOSE_CADRE_ROTATION, 24, date(2024, 11, 23), trained))
    apply(uows, th.on_class_completed, completed(  # the wrong purpose: counts for nothing
        "s1", pb.TRAINING_PURPOSE_SKILL, 40, date(2025, 1, 5), untrained))

    dues, _ = due_list(uows, as_of="2026-11-23", within_days=0)
    assert [(d.full_name, d.due_date, d.overdue) for d in dues] == [
        ("乙", date(2026, 1, 10), True), ("甲", date(2026, 11, 23), False)]  # exactly 2 years
    dues, _ = due_list(uows, as_of="2026-11-23", within_days=40)
    assert [(d.full_name, d.kind, d.hours_required) for d in dues][-1] == (
        "丙", pb.TRAINING_DUE_KIND_INITIAL, 36)  # due 2027-01-01
    dues, _ = due_list(uows, as_of="2026-11-24")
    assert [d.overdue for d in dues] == [True, True]
    # the initial course done: the new cadre leaves the list until two years on
    apply(uows, th.on_class_completed, completed(
        "i1", pb.TRAINING_PURPOSE_CADRE_INITIAL, 36, date(2026, 3, 1), fresh))
    assert "丙" not in [d.full_name for d in due_list(uows, within_days=400)[0]]
    assert [d.due_date for d in due_list(uows, within_days=500)[0]
            if d.full_name == "丙"] == [date(2028, 3, 1)]


def test_pool3_due_list_pages_with_a_token_and_keeps_a_city_to_its_division(uows):
    people = [register(uows, name=f"员{i}") for i in range(3)]
    outside = register(uows, region="320505", name="外")
    for p in people + [outside]:
        appoint(uows, p, appointed="2020-01-01")
    first, token = due_list(uows, size=2)
    rest, last = due_list(uows, size=2, token=token)
    assert len(first) == 2 and len(rest) == 2 and last == ""
    city, _ = due_list(uows, CITY)
    assert sorted(d.full_name for d in city) == ["员0", "员1", "员2"]
    with pytest.raises(PermissionDenied):
        due_list(uows, CITY, region="320500")
    with pytest.raises(InvalidArgument) as caught:
        due_list(uows, within_days=-1, token="!!", as_of="2026-02-30", region="999999")
    assert {v.field for v in caught.value.violations} == {"within_days", "page_token", "as_of",
                                                          "region_code"}


def test_pool3_thresholds_come_from_configuration(uows):
    person = register(uows)
    appoint(uows, person, appointed="2024-01-01")
    apply(uows, th.on_class_completed, completed(
        "r1", pb.TRAINING_PURPOSE_CADRE_ROTATION, 24, date(2025, 1, 1), person))
    assert due_list(uows, as_of="2026-01-01")[0] == []
    strict = rotation.Thresholds(rotation_hours=30)
    assert [d.due_date for d in due_list(uows, as_of="2026-01-01", rules=strict)[0]] == [
        date(2026, 1, 1)]


# --- POOL-4: the annual report ---------------------------------------------------------

def paid(claim, person, fen, day, region="220100"):
    return new_event(training_events.SubsidyPaid, claim=f"subsidyClaims/{claim}",
                     person=person.name, region_code=region, occupation_code="4-07-05-01",
                     level=5, amount_fen=fen, paid_date=dates.to_proto(day))


def report(uows, region="220000", year=2026, actor=ADMIN):
    return th.get_annual_report(uows(), t.GetAnnualReport.parse(actor, region_code=region,
                                                                year=year))


def test_pool4_annual_report_counts_certificates_and_subsidies_reproducibly(uows):
    a, b, far = register(uows), register(uows, region="220202"), register(uows, region="320505")
    events = [issued(a, "S000022000123263000001", level=3),
              issued(b, "S000022000123263000002", level=3),
              issued(b, "S000022000123262000003", level=2),
              issued(far, "S000032000123263000004", level=3),   # another province
              paid("p1", a, 65000, date(2026, 3, 1)), paid("p2", b, 50000, date(2026, 4, 1)),
              paid("p3", b, 50000, date(2025, 12, 31))]          # another year
    revoked = status_changed("S000022000123262000003", certificates.CERTIFICATE_STATUS_REVOKED, 10)
    for event in events:
        apply(uows, th.on_subsidy_paid if event.DESCRIPTOR.name == "SubsidyPaid"
              else handlers.on_certificate_issued, event)
    apply(uows, handlers.on_certificate_status_changed, revoked)
    province = report(uows)
    assert province.lines == {("3-02-02-00", 3): 2}  # the revoked one is not obtained
    assert (province.subsidies_paid, province.subsidies_paid_fen) == (2, 115000)
    assert province.due_date == date(2026, 12, 10) and province.region_name
    city = report(uows, "220100", actor=CITY)
    assert city.lines == {("3-02-02-00", 3): 1} and city.subsidies_paid_fen == 115000
    assert report(uows, year=2025).lines == {}
    # redelivered events change nothing: the numbers are the events', counted once
    for event in events:
        with pytest.raises(AlreadyApplied):
            apply(uows, th.on_subsidy_paid if event.DESCRIPTOR.name == "SubsidyPaid"
                  else handlers.on_certificate_issued, event)
    assert report(uows) == province


def test_pool4_report_region_and_scope(uows):
    with pytest.raises(InvalidArgument) as caught:
        t.GetAnnualReport.parse(ADMIN, region_code="220102", year=1999)  # a county; too early
    assert {v.field for v in caught.value.violations} == {"region_code", "year"}
    with pytest.raises(PermissionDenied):
        t.GetAnnualReport.parse(CITY, region_code="220000", year=2026)  # the province's
