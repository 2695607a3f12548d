"""The public lookup page, the printed certificate and its QR link, over plain HTTP
(CERT-4, CERT-3, CERT-1); the browser tests are in test_public_page_browser.py."""

import asyncio
import uuid

import aiohttp
import pypdfium2
import pytest

from anbao.certificates.v1 import certificates_pb2 as cert
from anbaoctl.demo import run_demo
from tests.e2e.public_page_support import decode_qr, endpoints, pdf_text

pytestmark = pytest.mark.timeout(240)


async def _demo(system) -> tuple[str, str]:
    result = await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=23)
    return result.certificate_numbers[0], "张伟"


async def _post(http, base, **form) -> tuple[int, str, dict]:
    async with http.post(f"{base}/", data=form) as response:
        return response.status, await response.text(), dict(response.headers)


async def test_cert4_page_shows_the_masked_result_with_its_steps_and_strict_headers(system):
    number, name = await _demo(system)
    base = system.http_base
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{base}/") as response:
            form = await response.text()
            assert response.status == 200 and '<label for="number">证书编号</label>' in form
            csp = response.headers["Content-Security-Policy"]
            assert "default-src 'none'" in csp and "unsafe-inline" not in csp
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert "<script" not in form and "style=" not in form
        status, page, headers = await _post(http, base, number=number, name=name)
        assert status == 200 and headers["Cache-Control"] == "no-store"
        assert "张*" in page and name not in page  # masked, never echoed
        assert number in page and "三级/高级工" in page and "有效" in page
        assert "status-valid" in page
        for step in ("格式完整", "签名", "签名密钥有效", "发证机构资质", "证书状态", "有效期"):
            assert step in page
        assert "通过" in page
        # the same lookup as a GET (a shared link) and in English
        async with http.get(f"{base}/", params={"number": number, "name": name,
                                                "lang": "en"}) as response:
            english = await response.text()
            assert response.status == 200 and "Valid" in english and "Verification steps" in english
        async with http.get(f"{base}/static/page.css") as response:
            assert response.status == 200 and response.content_type == "text/css"


async def test_cert4_wrong_name_and_unknown_number_give_the_same_page(system):
    number, _ = await _demo(system)
    unknown = number[:-6] + ("999999" if number[-6:] != "999999" else "999998")
    async with aiohttp.ClientSession() as http:
        wrong = await _post(http, system.http_base, number=number, name="李四")
        missing = await _post(http, system.http_base, number=unknown, name="张伟")
        malformed = await _post(http, system.http_base, number="S123", name="")
    assert wrong[0] == missing[0] == 404 and wrong[1] == missing[1]
    assert "未找到" in wrong[1] and number not in wrong[1]
    # a malformed number is the form again with every bad field named, in words
    assert malformed[0] == 400 and "22 位证书编号" in malformed[1] and "持证人姓名" in malformed[1]


async def test_cert4_rate_limited_page_says_when_to_retry(system):
    number, _ = await _demo(system)
    async with aiohttp.ClientSession() as http:
        answers = [await _post(http, system.http_base, number=number, name="李四")
                   for _ in range(12)]  # 10 failed matches per number and hour
    limited = [a for a in answers if a[0] == 429]
    assert limited, [a[0] for a in answers]
    status, page, headers = limited[0]
    assert int(headers["Retry-After"]) >= 1
    assert "查询过于频繁" in page and f"{headers['Retry-After']} 秒后" in page


async def test_non_percent_encoded_query_is_answered_without_a_traceback(system, caplog):
    """A raw UTF-8 query (what `curl '…?name=张伟'` sends) is read as UTF-8."""
    number, name = await _demo(system)
    host, port = system.http_base.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(f"GET /api/v1/certificates/{number}?name={name} HTTP/1.1\r\nHost: x\r\n"
                 "Connection: close\r\n\r\n".encode())
    await writer.drain()
    raw = await reader.read()
    writer.close()
    assert raw.startswith(b"HTTP/1.1 200"), raw[:300]
    assert "张*".encode() in raw
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]


async def test_cert1_printed_certificate_reads_back_and_its_qr_link_follows_status(system,
                                                                                   tmp_path):
    number, name = await _demo(system)
    base = system.http_base
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{base}/api/v1/certificates/{number}/pdf",
                            params={"name": name}) as response:
            assert response.status == 200 and response.content_type == "application/pdf"
            body = await response.read()
        async with http.get(f"{base}/api/v1/certificates/{number}/pdf",
                            params={"name": "李四"}) as response:
            assert response.status == 404  # the number alone never unlocks it
        path = tmp_path / f"{number}.pdf"
        path.write_bytes(body)
        document = pypdfium2.PdfDocument(body)
        assert len(document) == 1
        width, height = document[0].get_size()
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4
        text = pdf_text(body)
        assert "张*" in text and number in text and "三级/高级工" in text
        assert "职业技能等级证书" in text and "保卫管理员" in text
        assert name not in text.replace("张*", "")
        link = decode_qr(body, tmp_path)
        assert link.startswith(f"{base}/v/")
        async with http.get(link) as response:
            page = await response.text()
            assert response.status == 200 and number in page and "status-valid" in page
        # a forged or altered token finds nothing, like a wrong name
        token = link.rsplit("/", 1)[1]
        forged = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        async with http.get(f"{base}/v/{forged}") as response:
            assert response.status == 404 and number not in await response.text()

        # CERT-3: once revoked, the same link shows the revocation, its date and reason
        stubs = system.stubs()
        await stubs.certificates.RevokeCertificate(cert.RevokeCertificateRequest(
            name=f"certificates/{number}", revocation_reason=cert.REVOCATION_REASON_FRAUD,
            reason="scores forged", request_id=str(uuid.uuid4())), metadata=stubs.metadata)
        async with http.get(link) as response:
            page = await response.text()
            assert response.status == 200 and "已撤销" in page and "弄虚作假" in page
            assert "status-revoked" in page and "status-valid" not in page


async def test_cert3_page_shows_a_replaced_certificate_with_the_new_number(system):
    result = await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=29)
    old = result.certificate_numbers[1]  # 李娜's
    stubs = system.stubs()
    replacement = await stubs.certificates.ReplaceCertificate(cert.ReplaceCertificateRequest(
        name=f"certificates/{old}", reason="lost", request_id=str(uuid.uuid4())),
        metadata=stubs.metadata)
    async with aiohttp.ClientSession() as http:
        status, page, _ = await _post(http, system.http_base, number=old, name="李娜")
        assert status == 200 and "已换发新证" in page and "status-replaced" in page
        assert replacement.number in page
        status, page, _ = await _post(http, system.http_base, number=replacement.number,
                                      name="李娜")
        assert status == 200 and "status-valid" in page


async def test_cert4_page_answers_a_body_that_is_not_a_form_as_a_bad_form(system):
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{system.http_base}/", data=b"\xff\xfe=\xff",
                             headers={"Content-Type": "application/x-www-form-urlencoded"}
                             ) as response:
            assert response.status == 400 and "22 位证书编号" in await response.text()
        async with http.post(f"{system.http_base}/", data=b"--x\r\nbroken",
                             headers={"Content-Type": "multipart/form-data; boundary=x"}
                             ) as response:
            assert response.status == 400
