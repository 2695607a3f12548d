"""certificates' handlers without a network, on the real repositories in memory."""

import json
from datetime import datetime, timezone

import pytest

from anbao.certificates.v1 import events_pb2
from servicekit import paging
from servicekit.auth import Caller
from servicekit.errors import InvalidArgument, NotFound
from servicekit.unitofwork import AlreadyApplied
from services.certificates import handlers
from services.certificates.domain import commands as c
from services.certificates.domain.lookup_budget import LookupBudget, LookupLimits
from tests.builders import assessment_passed
from tests.unit.memory import certificates_world

ADMIN = Caller("admin", "province_admin")


@pytest.fixture
def world():
    return certificates_world()


@pytest.fixture
def uows(world):
    return world[0]


@pytest.fixture
def keys(world):
    return world[1]


BASE = "https://anbao.example"


def issue(uows, keys, event) -> None:
    handlers.on_assessment_passed(uows(inbox=event), event,
                                  issuing=handlers.Issuing(keys, lambda: BASE))


def test_cert1_one_signed_certificate_per_passed_result(uows, keys):
    first = assessment_passed(1)
    issue(uows, keys, first)
    with pytest.raises(AlreadyApplied):
        issue(uows, keys, first)                   # the same event again
    again = assessment_passed(1)  # the same result under a new event ID
    issue(uows, keys, again)
    issued = uows.emitted(events_pb2.CertificateIssued)
    assert len(issued) == 1 and issued[0].number.endswith("000001")
    found = handlers.get_certificate(uows(), c.GetCertificate(ADMIN, issued[0].number))
    assert keys.verify(found.credential_json)


def test_cert1_serials_run_per_level(uows, keys):
    for i, level in enumerate((3, 3, 2)):
        issue(uows, keys, assessment_passed(i, level))
    numbers = sorted(e.number for e in uows.emitted(events_pb2.CertificateIssued))
    assert [n[15:] for n in numbers] == ["2000001", "3000001", "3000002"]


def test_cert4_lookup_needs_number_and_name_and_says_the_same_for_both_misses(uows, keys):
    issue(uows, keys, assessment_passed(1))
    number = uows.emitted(events_pb2.CertificateIssued)[0].number
    budget = LookupBudget(LookupLimits())
    found = handlers.lookup(uows(), c.LookupCertificate(number, "张伟", "c"), keys=keys,
                            budget=budget)
    assert found.signature_verified and found.certificate.number == number
    misses = []
    for query in (c.LookupCertificate(number, "李四", "c"),
                  c.LookupCertificate(number[:-1] + "9", "张伟", "c")):
        with pytest.raises(NotFound) as caught:
            handlers.lookup(uows(), query, keys=keys, budget=budget)
        misses.append(str(caught.value))
    assert misses[0] == misses[1]
    with pytest.raises(InvalidArgument):
        c.LookupCertificate.parse(number="S00002200012326300000١", holder_name="张伟",
                                  client="c")


def test_list_certificates_by_person_in_pages(uows, keys):
    for i in range(3):
        issue(uows, keys, assessment_passed(i))
    page, token = handlers.list_certificates(uows(), c.ListCertificates(ADMIN, "", paging.Page(2)))
    rest, last = handlers.list_certificates(uows(), c.ListCertificates(ADMIN, "", paging.Page(2, page[-1].number)))
    assert len(page) == 2 and token and len(rest) == 1 and last == ""
    mine, _ = handlers.list_certificates(uows(), c.ListCertificates(ADMIN, "p1", paging.Page()))
    assert [x.person_id for x in mine] == ["p1"]
    with pytest.raises(NotFound):
        handlers.get_certificate(uows(), c.GetCertificate(ADMIN, "S000022000123263000099"))
    assert [k.id for k in handlers.list_keys(uows(), c.ListVerificationKeys())] == [keys.active_key_id]


def test_cert1_fresh_certificate_is_valid_from_its_closing_instant_in_utc(uows, keys):
    event = assessment_passed(1)
    issue(uows, keys, event)
    number = uows.emitted(events_pb2.CertificateIssued)[0].number
    document = json.loads(handlers.get_certificate(uows(), c.GetCertificate(ADMIN, number)).credential_json)
    valid_from = datetime.strptime(document["validFrom"], "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=timezone.utc)
    closed = event.close_time.ToDatetime(tzinfo=timezone.utc).replace(microsecond=0)
    assert valid_from == closed <= datetime.now(timezone.utc)


def test_cert5_the_credential_names_the_issuer_accreditation_announced(uows, keys):
    """保安员: the provincial HRSS department issues; the examining organisation stays named
    as such. 保卫管理员: the organisation issues. Events from before CERT-5 was carried:
    the organisation."""
    from anbao.accreditation.v1 import accreditation_pb2 as acc

    guard = assessment_passed(1, level=5)
    guard.occupation_code, guard.occupation_name = "4-07-05-01", "保安员"
    guard.issuer, guard.issuer_name = acc.CERTIFICATE_ISSUER_HR_DEPARTMENT, "吉林省人力资源和社会保障厅"
    administrator = assessment_passed(2)
    administrator.issuer = acc.CERTIFICATE_ISSUER_EVALUATION_ORGANISATION
    administrator.issuer_name = administrator.organisation_name
    older = assessment_passed(3)
    for event in (guard, administrator, older):
        issue(uows, keys, event)
    documents = [json.loads(handlers.get_certificate(uows(), c.GetCertificate(
        ADMIN, e.number)).credential_json) for e in uows.emitted(events_pb2.CertificateIssued)]
    assert [(d["issuer"]["name"], d["credentialSubject"]["evaluationOrganisation"])
            for d in documents] == [("吉林省人力资源和社会保障厅", "评价中心"),
                                    ("评价中心", "评价中心"), ("评价中心", "评价中心")]
    assert [e.issuing_organisation for e in uows.emitted(events_pb2.CertificateIssued)] == [
        "吉林省人力资源和社会保障厅", "评价中心", "评价中心"]
    assert all(keys.verify(json.dumps(d, ensure_ascii=False)) for d in documents)
