"""POOL-5 against re-identification: from every answer a role other than the province
gets, and from every column stored in the clear, at least 10,000 resident IDs must still
fit. Each answer is taken from the running system; the count is computed from what the
answer shows.

The attacker's model (generous to the attacker): the holder is 18 to 60 years old; the
region code shown beside a masked ID is taken to be the ID's own address code; a visible
check character leaves one in eleven of the combinations; gender fixes the parity of
the 17th character."""

import json
from datetime import date

import aiohttp
from sqlalchemy import create_engine, text

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.certificates.v1 import certificates_pb2 as cert
from anbao.registry.v1 import registry_pb2 as reg
from servicekit import dates, divisions
from tests.integration.test_authorization_matrix import world

FLOOR = 10_000


def candidates(masked: str = "*" * 18, *, region: str = "", birth: date | None = None,
               gender: int = 0) -> int:
    """How many valid 18-character resident IDs fit what an answer shows."""
    def fits(value: str, start: int) -> bool:
        return all(m in "*" or m == v for m, v in zip(masked[start:start + len(value)], value))

    regions = [c for c in divisions._table() if len(c) == 6 and fits(c, 0)
               and (not region or c == region)]
    today = dates.today()
    first, last = dates.add_years(today, -60), dates.add_years(today, -18)
    days = sum(1 for n in range(first.toordinal(), last.toordinal() + 1)
               if (birth is None or n == birth.toordinal())
               and fits(date.fromordinal(n).strftime("%Y%m%d"), 6))
    sequences = sum(1 for s in range(1000) if fits(f"{s:03d}", 14)
                    and (not gender or s % 2 == (1 if gender == 1 else 0)))
    count = len(regions) * days * sequences
    return count // 11 if masked[17] != "*" else count


def person_shape(p) -> int:
    return candidates(p.resident_id_masked or "*" * 18, region=p.region_code,
                      birth=dates.of_proto(p.birth_date) if p.HasField("birth_date") else None,
                      gender=p.gender)


def test_the_estimator_bites_on_what_the_province_sees():
    # the register form with region and birth date beside it leaves a handful
    assert candidates("2201**********1427", region="220102", birth=date(1985, 6, 15)) < 10
    assert candidates("4419**********1427") < FLOOR          # a city with one county code
    assert candidates("44**************17", region="441900", gender=1) >= FLOOR
    assert candidates("44**************27", region="441900", gender=1) == 0  # parity


async def test_pool5_no_answer_below_the_province_narrows_a_resident_id(system, backend):
    w = await world(system)
    shapes: dict[str, int] = {}
    for role, scope in (("city_admin", "220100"), ("auditor", ""), ("service", "")):
        stubs = system.stubs(role, scope)
        got = await stubs.registry.GetPerson(reg.GetPersonRequest(name=w["person"].name),
                                             metadata=stubs.metadata)
        shapes[f"GetPerson as {role}"] = person_shape(got)
        found = await stubs.registry.SearchTalent(reg.SearchTalentRequest(),
                                                  metadata=stubs.metadata)
        for p in found.persons:
            shapes[f"SearchTalent as {role}"] = person_shape(p)
    org = system.stubs("eval_org", w["A"].name)
    session = await org.accreditation.GetExamSession(acc.GetExamSessionRequest(
        name=w["open"].name), metadata=org.metadata)
    shapes["ExamSession candidate as eval_org"] = candidates(
        session.candidates[0].resident_id_masked)
    for role, scope in (("eval_org", w["A"].name), ("auditor", "")):
        stubs = system.stubs(role, scope)
        got = await stubs.certificates.GetCertificate(cert.GetCertificateRequest(
            name=w["certificate"].name), metadata=stubs.metadata)
        shapes[f"Certificate as {role}"] = candidates(got.resident_id_masked)
    public = system.stubs()
    looked = await public.certificates.LookupCertificate(cert.LookupCertificateRequest(
        number=w["certificate"].number, holder_name="张伟"))
    shapes["LookupCertificate (public)"] = candidates(looked.resident_id_masked)
    base = f"{system.http_bases()['certificates']}/api/v1/certificates/{w['certificate'].number}"
    async with aiohttp.ClientSession() as http:
        async with http.get(base, params={"name": "张伟"}) as response:
            shapes["HTTP lookup (public)"] = candidates((await response.json())["residentIdMasked"])
        async with http.get(f"{base}/credential", params={"name": "张伟"}) as response:
            subject = json.loads(await response.text())["credentialSubject"]
            shapes["signed credential (public)"] = candidates(subject["residentIdMasked"])

    for service, query in (
            ("registry", "SELECT resident_id_masked, region_code, gender FROM person"),
            ("accreditation", "SELECT resident_id_masked, '', 0 FROM candidate"),
            ("certificates", "SELECT resident_id_masked, '', 0 FROM certificate")):
        engine = create_engine(system.db_urls[service].replace(
            "postgresql://", "postgresql+psycopg://"))
        with engine.connect() as conn:
            for masked, region, gender in conn.execute(text(query)):
                shapes[f"{service} database, read without keys"] = min(
                    shapes.get(f"{service} database, read without keys", 10**12),
                    candidates(masked, region=region, gender=gender))
        engine.dispose()

    assert len(shapes) == 15, sorted(shapes)
    narrow = {shape: n for shape, n in shapes.items() if n < FLOOR}
    assert not narrow, f"fewer than {FLOOR} candidates left by {narrow}"
