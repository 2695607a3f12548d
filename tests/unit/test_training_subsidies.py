"""Training subsidies on the handler tier (TRN-5, TRN-6, TRN-7, TRN-11, TRN-12, INST-7):
the real repositories over in-memory SQLite, the real Chinese working-day calendar, and
completion certificates learned through training's own CertificateIssued consumer.

The training service's class lifecycle (filing, review, completion) is another module's;
here a class reaches COMPLETED the way its aggregate stores it, and everything from the
claim on goes through the subsidy handlers."""

from datetime import date, datetime, timedelta, timezone

import pytest

from anbao.certificates.v1 import certificates_pb2 as cert_pb
from anbao.certificates.v1 import events_pb2 as cert_events
from anbao.training.v1 import events_pb2 as trn_events
from anbao.training.v1 import training_pb2 as pb
from servicekit import dates, paging
from servicekit.auth import Caller, Reach
from servicekit.errors import AlreadyExists, FailedPrecondition, InvalidArgument, PermissionDenied
from servicekit.unitofwork import new_event
from services.training import handlers, subsidy_handlers as sh
from services.training.adapters.clock import Clock
from services.training.adapters.orm import metadata
from services.training.adapters.repository import TrainingRepositories
from services.training.domain import subsidies, workdays
from services.training.domain import subsidy_commands as c
from services.training.domain.classes import InstitutionFacts, Lesson, TrainingClass
from services.training.domain.plans import OFFLINE, PRACTICAL, THEORY, PlanRules
from tests.unit.memory import MemoryUnitOfWorks

QUANZHOU, BINZHOU = "350502", "371602"   # counties of 泉州市 and 滨州市
GUARD, ADMINISTRATOR = "4-07-05-01", "3-02-02-00"
ADMIN = Caller("admin", "province_admin")
RULES = sh.SubsidyRules(subsidies.load(), workdays.is_workday)
AGREEMENT = c.AgreementInput("2026-11-01", "ab" * 32, True)
_seq = iter(range(10_000))


@pytest.fixture
def uows():
    return MemoryUnitOfWorks(metadata, TrainingRepositories)


def org(institution_id: str) -> Caller:
    return Caller("org", "training_org", f"institutions/{institution_id}", Reach.INSTITUTION)


def completed_class(uows, region=QUANZHOU, occupation=ADMINISTRATOR, level=3,
                    trainees=("p1",), state=pb.CLASS_STATE_COMPLETED,
                    issued=date(2026, 10, 30)) -> TrainingClass:
    """A class in `state` of institution i<n>, whose `trainees` hold its completion
    certificate (CERT-2), learned from CertificateIssued as in production."""
    n = next(_seq)
    institution = InstitutionFacts(f"i{n}", "泉州保安培训学校", region, 2, 4, False)
    start = date(2026, 10, 12)
    lessons = [Lesson(i + 1, f"第{i + 1}课", start + timedelta(days=i), 180,
                      PRACTICAL if i >= 3 else THEORY, OFFLINE, "t1") for i in range(5)]
    k = TrainingClass.plan(id=f"{n:032x}", institution=institution, class_code="2026第1期",
                           occupation_code=occupation, occupation_name="保卫管理员",
                           level=level, purpose=trn_events.TRAINING_PURPOSE_SKILL,
                           lessons=lessons, rules=PlanRules(), actor="org",
                           at=datetime.now(timezone.utc))
    k.state = state
    with uows() as uow:
        uow.repos.classes.add(k)
        uow.commit()
    for i, person in enumerate(trainees):
        event = new_event(cert_events.CertificateIssued, number=f"T{region[:4]}00202600{n:04d}{i}",
                          person=f"persons/{person}", training_class=k.name,
                          kind=cert_pb.CERTIFICATE_KIND_TRAINING_COMPLETION,
                          issue_date=dates.to_proto(issued))
        handlers.on_certificate_issued(uows(inbox=event), event)
    return k


FILED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)  # 10:00 in China


def file(uows, k, person="p1", agreement=AGREEMENT, name="王小明", actor=None, at=FILED_AT):
    return sh.file_subsidy_claim(uows(), c.FileSubsidyClaim.parse(
        actor or org(k.institution_id), parent=k.name, person=f"persons/{person}",
        trainee_name=name, agreement=agreement), rules=RULES, at=at)[1]


def refused(rule: str, action, *args, **kwargs) -> FailedPrecondition:
    with pytest.raises(FailedPrecondition) as caught:
        action(*args, **kwargs)
    assert caught.value.reason == rule, caught.value
    return caught.value


def publicise(uows, k, start: date):
    return sh.publicise_subsidy_claims(uows(), c.PubliciseSubsidyClaims.parse(
        ADMIN, parent=k.name, start_date=start.isoformat()), rules=RULES)[1]


def on(today: date) -> sh.SubsidyRules:
    """The rules with the service's clock pinned to `today`."""
    return sh.SubsidyRules(RULES.schedule, RULES.is_workday, Clock(today).today)


def pay(uows, k, today: date):
    return sh.pay_subsidy_claims(uows(), c.PaySubsidyClaims.parse(ADMIN, parent=k.name),
                                 rules=on(today))


def claim_of(k, person="p1") -> str:
    return f"{k.name}/subsidyClaims/{person}"


# TRN-5: amounts per city and occupation, in fen; yearly limits

def test_trn5_amounts_are_the_citys_per_occupation_in_fen(uows):
    for region, occupation, level, fen in ((QUANZHOU, ADMINISTRATOR, 3, 50_000),  # non-shortage
                                           (QUANZHOU, GUARD, 5, 65_000),          # shortage
                                           (BINZHOU, GUARD, 5, 100_000),          # per certificate
                                           (BINZHOU, ADMINISTRATOR, 3, 100_000)):
        person = f"a{next(_seq)}"
        k = completed_class(uows, region=region, occupation=occupation, level=level,
                            trainees=(person,))
        amount = file(uows, k, person=person).amount_fen
        assert amount == fen and type(amount) is int


def test_trn5_a_city_without_a_schedule_pays_nothing(uows):
    refused("TRN_5_NO_SUBSIDY_RATE", file, uows, completed_class(uows, region="220102"))


def test_trn5_schedule_refuses_floats_and_non_cities(tmp_path):
    bad = tmp_path / "s.toml"
    for text in ('[defaults]\nmax_claims_per_person_per_year=3\npublicity_working_days=5\n'
                 'ledger_retention_years=5\n[cities.350500]\nany_occupation_fen = 500.0\n',
                 '[defaults]\nmax_claims_per_person_per_year=3\npublicity_working_days=5\n'
                 'ledger_retention_years=5\n[cities.350502]\nany_occupation_fen = 500\n'):
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError):
            subsidies.load(str(bad))


def test_trn5_at_most_three_claims_per_person_per_year(uows):
    for level in (5, 4, 3):
        file(uows, completed_class(uows, occupation=GUARD, level=level))
    refused("TRN_5_CLAIMS_PER_YEAR", file, uows, completed_class(uows, occupation=GUARD, level=2))
    # another year's certificate starts another count
    file(uows, completed_class(uows, occupation=GUARD, level=2, issued=date(2027, 1, 4)))


def test_trn5_same_occupation_and_level_once_a_year(uows):
    file(uows, completed_class(uows))
    refused("TRN_5_SAME_OCCUPATION_LEVEL_ONCE_A_YEAR", file, uows, completed_class(uows))
    file(uows, completed_class(uows, level=2))   # another level is another claim


def test_trn5_a_rejected_claim_does_not_count_towards_the_limits(uows):
    k = completed_class(uows)
    file(uows, k)
    publicise(uows, k, dates.today())
    sh.record_subsidy_objection(uows(), c.RecordSubsidyObjection.parse(
        ADMIN, name=claim_of(k), reason="举报: 未参加培训"), rules=RULES)
    sh.decide_subsidy_objection(uows(), c.DecideSubsidyObjection.parse(
        ADMIN, name=claim_of(k), upheld=True, reason="核实属实"))
    file(uows, completed_class(uows))  # the same occupation and level, counted afresh


# TRN-11: eligibility of the class and of the trainee, first

@pytest.mark.parametrize("state", [pb.CLASS_STATE_DRAFT, pb.CLASS_STATE_FILED,
                                   pb.CLASS_STATE_APPROVED, pb.CLASS_STATE_REFUSED])
def test_trn11_only_a_filed_approved_and_completed_class_gets_a_subsidy(uows, state):
    refused("TRN_11_CLASS_NOT_COMPLETED", file, uows, completed_class(uows, state=state))


def test_trn11_a_trainee_without_the_completion_certificate_is_not_eligible(uows):
    k = completed_class(uows, trainees=("p1",))
    refused("TRN_11_NO_COMPLETION_CERTIFICATE", file, uows, k, person="p2")
    # the certificate of another class does not make the trainee eligible here
    other = completed_class(uows, trainees=("p2",))
    refused("TRN_11_NO_COMPLETION_CERTIFICATE", file, uows, k, person="p2")
    assert file(uows, other, person="p2").certificate_number


def test_trn11_eligibility_is_checked_before_the_agreement(uows):
    draft = completed_class(uows, state=pb.CLASS_STATE_APPROVED)
    refused("TRN_11_CLASS_NOT_COMPLETED", file, uows, draft,
            agreement=c.AgreementInput("2026-11-01", "ab" * 32, False))


# TRN-12: the 代领 agreement and the trainee's declaration

def test_trn12_claim_records_the_agreement_and_needs_the_declaration(uows):
    k = completed_class(uows, trainees=("p1", "p2"))
    refused("TRN_12_NO_DECLARATION", file, uows, k,
            agreement=c.AgreementInput("2026-11-01", "ab" * 32, False))
    claim = file(uows, k)
    assert claim.agreement == subsidies.Agreement(date(2026, 11, 1), "ab" * 32, True)
    with pytest.raises(InvalidArgument) as caught:
        c.FileSubsidyClaim.parse(org(k.institution_id), parent=k.name, person="persons/p2",
                                 trainee_name="", agreement=c.AgreementInput(
                                     "2999-01-01", "not-a-digest", True))
    assert {v.field for v in caught.value.violations} == {
        "subsidy_claim.trainee_name", "subsidy_claim.agreement.signed_date",
        "subsidy_claim.agreement.document_sha256"}
    with pytest.raises(InvalidArgument) as caught:
        c.FileSubsidyClaim.parse(org(k.institution_id), parent=k.name, person="persons/p2",
                                 trainee_name="王", agreement=None)
    assert [v.field for v in caught.value.violations] == ["subsidy_claim.agreement"]


def test_trn12_claims_are_filed_by_the_institution_of_the_class_once_per_trainee(uows):
    k = completed_class(uows, trainees=("p1",))
    with pytest.raises(PermissionDenied):
        file(uows, k, actor=org("someoneelse"))
    file(uows, k)
    with pytest.raises(AlreadyExists):
        file(uows, k)


# TRN-6: publicity for five Chinese working days, objections, payment

def test_trn6_publicity_counts_chinese_working_days_across_a_holiday():
    # 2026's National Day holiday: 1–7 October off (8 October a working day)
    end = subsidies.publicity_end(date(2026, 9, 29), 5, workdays.is_workday)
    assert end == date(2026, 10, 10)  # 29, 30 Sep; 8, 9 Oct; 10 Oct (a make-up Saturday)
    assert subsidies.publicity_end(date(2026, 11, 23), 5, workdays.is_workday) == date(2026, 11, 27)
    assert subsidies.publicity_end(date(2026, 11, 21), 5, workdays.is_workday) == date(2026, 11, 27)


def test_trn6_paid_only_after_the_publicity_and_only_once(uows):
    k = completed_class(uows)
    file(uows, k)
    refused("TRN_6_NOTHING_TO_PAY", pay, uows, k, date(2026, 12, 31))  # not publicised
    refused("TRN_6_PUBLICITY_BEFORE_FILING", publicise, uows, k, date(2026, 11, 19))
    (listed,) = publicise(uows, k, date(2026, 11, 23))
    assert listed.publicity_end == date(2026, 11, 27)
    refused("TRN_6_PUBLICITY_NOT_OVER", pay, uows, k, date(2026, 11, 27))
    book, paid, withheld = pay(uows, k, date(2026, 11, 28))
    assert [(x.person_id, x.state, x.paid_on) for x in paid] == [
        ("p1", pb.SUBSIDY_CLAIM_STATE_PAID, date(2026, 11, 28))] and withheld == []
    refused("TRN_6_NOTHING_TO_PAY", pay, uows, k, date(2026, 11, 30))  # never twice
    (event,) = uows.emitted(trn_events.SubsidyPaid)
    assert (event.claim, event.amount_fen, event.person) == (claim_of(k), 50_000, "persons/p1")
    with uows() as uow:
        (entry,) = uow.repos.subsidies.ledger(k.id)
        assert (entry.amount_fen, entry.booked_on, entry.retain_until) == (
            50_000, date(2026, 11, 28), date(2031, 11, 28))


def test_trn6_no_payment_while_an_objection_stands(uows):
    k = completed_class(uows, trainees=("p1", "p2"))
    weeks_ago = datetime.now(timezone.utc) - timedelta(days=25)
    file(uows, k, at=weeks_ago)
    file(uows, k, person="p2", name="李四", at=weeks_ago)
    publicise(uows, k, dates.today() - timedelta(days=20))
    refused("TRN_6_PUBLICITY_OVER", sh.record_subsidy_objection, uows(),
            c.RecordSubsidyObjection.parse(ADMIN, name=claim_of(k), reason="late"), rules=RULES)
    k2 = completed_class(uows, trainees=("p1", "p2"), level=2)  # TRN-5: another level
    file(uows, k2)
    file(uows, k2, person="p2", name="李四")
    publicise(uows, k2, dates.today())
    sh.record_subsidy_objection(uows(), c.RecordSubsidyObjection.parse(
        ADMIN, name=claim_of(k2), reason="举报: 代签到"), rules=RULES)
    after = dates.today() + timedelta(days=30)
    _, paid, withheld = pay(uows, k2, after)
    assert [x.person_id for x in paid] == ["p2"] and [x.person_id for x in withheld] == ["p1"]
    refused("TRN_6_OBJECTION_STANDS", pay, uows, k2, after)
    claim = sh.decide_subsidy_objection(uows(), c.DecideSubsidyObjection.parse(
        ADMIN, name=claim_of(k2), upheld=False, reason="查无实据"))[1]
    assert claim.objections[0].decided and not claim.objections[0].upheld
    _, paid, _ = pay(uows, k2, after)
    assert [x.person_id for x in paid] == ["p1"]


def test_trn6_an_upheld_objection_rejects_the_claim(uows):
    k = completed_class(uows)
    file(uows, k)
    refused("TRN_6_NOT_PUBLICISED", sh.record_subsidy_objection, uows(),
            c.RecordSubsidyObjection.parse(ADMIN, name=claim_of(k), reason="x"), rules=RULES)
    publicise(uows, k, dates.today())
    refused("TRN_6_NO_OPEN_OBJECTION", sh.decide_subsidy_objection, uows(),
            c.DecideSubsidyObjection.parse(ADMIN, name=claim_of(k), upheld=True, reason="x"))
    sh.record_subsidy_objection(uows(), c.RecordSubsidyObjection.parse(
        ADMIN, name=claim_of(k), reason="举报"), rules=RULES)
    claim = sh.decide_subsidy_objection(uows(), c.DecideSubsidyObjection.parse(
        ADMIN, name=claim_of(k), upheld=True, reason="属实"))[1]
    assert claim.state == pb.SUBSIDY_CLAIM_STATE_REJECTED
    refused("TRN_6_NOTHING_TO_PAY", pay, uows, k, dates.today() + timedelta(days=30))


def test_trn6_the_publicised_list_shows_every_claim(uows):
    k = completed_class(uows, trainees=("p1", "p2"))
    file(uows, k)
    file(uows, k, person="p2", name="欧阳小明")
    _, claims, token = sh.list_subsidy_claims(uows(), c.ListSubsidyClaims.parse(
        ADMIN, parent=k.name, page_size=0, page_token=""))
    assert [x.trainee_name for x in claims] == ["王小明", "欧阳小明"] and token == ""
    city = Caller("c", "city_admin", "320500", Reach.DIVISION)
    with pytest.raises(PermissionDenied):
        sh.list_subsidy_claims(uows(), c.ListSubsidyClaims(city, k.id, paging.Page()))


# TRN-7: the ledger is kept five years

def test_trn7_ledger_entries_under_retention_are_never_purged(uows):
    k = completed_class(uows)
    file(uows, k)
    publicise(uows, k, date(2026, 11, 23))
    pay(uows, k, date(2026, 11, 30))
    assert sh.purge_subsidy_ledger(uows(), date(2031, 11, 29)) == 0   # a day short of 5 years
    with uows() as uow:
        assert len(uow.repos.subsidies.ledger(k.id)) == 1
    assert sh.purge_subsidy_ledger(uows(), date(2031, 11, 30)) == 1


# INST-7: fraud found disqualifies the class and claws back what was paid

def test_inst7_fraud_claws_back_paid_subsidies_and_announces_fraud_found(uows):
    k = completed_class(uows, trainees=("p1", "p2", "p3"))
    for person in ("p1", "p2"):
        file(uows, k, person=person)
    publicise(uows, k, date(2026, 11, 23))
    pay(uows, k, date(2026, 11, 30))
    file(uows, k, person="p3", at=datetime.now(timezone.utc))  # after the payment: unpaid
    case = sh.record_training_fraud(uows(), c.RecordTrainingFraud.parse(
        ADMIN, parent=k.name, reason="虚假考勤", evidence="签到表",
        revoke_training_qualification=True), rules=RULES)[1]
    assert case.clawed_back_fen == 100_000
    assert case.clawed_back_claims == (claim_of(k, "p1"), claim_of(k, "p2"))
    (event,) = uows.emitted(trn_events.FraudFound)
    assert (event.institution, event.training_class, event.clawed_back_fen,
            event.revoke_training_qualification) == (f"institutions/{k.institution_id}",
                                                     k.name, 100_000, True)
    _, claims, _ = sh.list_subsidy_claims(uows(), c.ListSubsidyClaims.parse(
        ADMIN, parent=k.name, page_size=0, page_token=""))
    assert [x.state for x in claims] == [pb.SUBSIDY_CLAIM_STATE_CLAWED_BACK] * 2 + [
        pb.SUBSIDY_CLAIM_STATE_VOID]
    with uows() as uow:
        assert sum(e.amount_fen for e in uow.repos.subsidies.ledger(k.id)) == 0
    # the class is disqualified: nothing more is filed, paid or found twice
    refused("INST_7_CLASS_DISQUALIFIED", file, uows, k, person="p3")
    refused("INST_7_CLASS_DISQUALIFIED", sh.record_training_fraud, uows(),
            c.RecordTrainingFraud.parse(ADMIN, parent=k.name, reason="again", evidence="",
                                        revoke_training_qualification=False), rules=RULES)
