"""The whole flow: exam → signed certificate → public lookup → talent pool."""

import aiohttp

from anbaoctl.demo import Endpoints, run_demo
from servicekit import dataintegrity


def endpoints(system) -> Endpoints:
    return Endpoints(*(f"127.0.0.1:{system.runtimes()[s].port}"
                       for s in ("registry", "accreditation", "certificates")), system.http_base)


async def test_exam_to_certificate_to_lookup_to_talent_pool(system, backend):
    result = await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=7)

    assert result.separation_refused  # INST-2
    assert len(result.passed_persons) == 2 and len(result.failed_persons) == 1
    assert len(set(result.certificate_numbers)) == 2
    for number in result.certificate_numbers:  # CERT-1: S + 0000 + 22 (吉林) + site + YY + 3 + serial
        assert len(number) == 22 and number.startswith("S000022") and number[15] == "3"
    assert sorted(n[-6:] for n in result.certificate_numbers) == ["000001", "000002"]
    assert result.lookup["holderName"] == "张*"  # CERT-4: masked
    assert result.lookup["signatureVerified"] is True
    assert result.lookup["status"] == "VALID"
    assert "*" in result.lookup["residentIdMasked"]
    assert dataintegrity.verify(result.credential).verified  # CERT-3: anyone verifies offline


async def test_cert4_unknown_number_and_wrong_name_get_the_same_404(system, backend):
    result = await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=8)
    number = result.certificate_numbers[0]
    unknown = number[:-6] + "999999"
    async with aiohttp.ClientSession() as http:
        answers = []
        for n, name in ((number, "李四"), (unknown, "张伟")):
            async with http.get(f"{system.http_base}/api/v1/certificates/{n}",
                                params={"name": name}) as response:
                answers.append((response.status, await response.text()))
        assert answers[0] == answers[1] and answers[0][0] == 404
        async with http.get(f"{system.http_base}/api/v1/certificates/NOTANUMBER",
                            params={"name": "张伟"}) as response:
            assert response.status == 400
        async with http.get(f"{system.http_base}/api/v1/keys") as response:
            keys = (await response.json())["keys"]
    assert keys and keys[0]["type"] == "Multikey" and keys[0]["publicKeyMultibase"].startswith("z6Mk")
    assert result.credential["proof"]["verificationMethod"] == keys[0]["id"]
