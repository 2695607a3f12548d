"""The whole flow: exam → signed certificate → public lookup → talent pool."""

import aiohttp

from anbaoctl.demo import Endpoints, run_demo
from servicekit import dataintegrity, rdfc
from services.certificates import contexts


def endpoints(system) -> Endpoints:
    return Endpoints({s: f"127.0.0.1:{r.port}" for s, r in system.runtimes().items()},
                     system.http_bases())


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
    # CERT-3: anyone verifies offline, both proofs, with the shipped contexts only
    assert dataintegrity.verify(result.credential, loader=contexts.loader()).verified
    rdfc.expand_safely(result.credential, contexts.loader())  # JSON-LD safe mode: nothing dropped


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
    assert {p["verificationMethod"] for p in result.credential["proof"]} == {keys[0]["id"]}


async def test_cert4_lookup_budgets_answer_429_with_retry_after_over_http_and_grpc(system, backend):
    import grpc
    import pytest

    from anbao.certificates.v1 import certificates_pb2 as cert

    result = await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=9)
    number = result.certificate_numbers[0]
    url = f"{system.http_base}/api/v1/certificates/{number}"
    async with aiohttp.ClientSession() as http:
        statuses = []
        for i in range(11):  # a name guesser; the proxy header is not trusted from this peer
            async with http.get(url, params={"name": f"猜{i}"},
                                headers={"X-Forwarded-For": f"10.0.0.{i}"}) as response:
                statuses.append(response.status)
                retry_after = response.headers.get("Retry-After")
        # the demo spent one of the number's 10 failures already
        assert statuses == [404] * 9 + [429] * 2 and int(retry_after) > 60
        async with http.get(url, params={"name": "张伟"}) as response:  # now locked for all
            assert response.status == 429 and (await response.json())["error"] == "rate_limited"
        unknown = [number[:-6] + f"{900000 + i}" for i in range(20)]
        statuses = []
        for n in unknown:  # one client, many numbers: its own budget (burst 20) runs out
            async with http.get(f"{system.http_base}/api/v1/certificates/{n}",
                                params={"name": "张伟"}) as response:
                statuses.append(response.status)
        assert 429 in statuses and statuses[0] == 404
    stubs = system.stubs()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stubs.certificates.LookupCertificate(cert.LookupCertificateRequest(
            number=number, holder_name="张伟"))
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED


async def test_cert4_no_holder_name_or_query_string_in_any_log_line(system, backend, caplog):
    import logging

    result = await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=10)
    number = result.certificate_numbers[0]
    caplog.clear()
    caplog.set_level(logging.DEBUG)
    async with aiohttp.ClientSession() as http:
        for name in ("张伟", "李四", "欧阳明远"):
            async with http.get(f"{system.http_base}/api/v1/certificates/{number}",
                                params={"name": name}) as response:
                await response.read()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(n in logged for n in ("张伟", "李四", "欧阳明远", "name=", "%E5"))
