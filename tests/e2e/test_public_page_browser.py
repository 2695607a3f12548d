"""The public lookup page in headless Chromium, as a citizen uses it: type a number and a
name, read the result (CERT-4, CERT-3). Each test keeps a screenshot in its tmp_path.

Debian's `chromium` through Playwright's `executable_path` (no downloaded browser). Without
it the tests skip, unless ANBAO_REQUIRE_BROWSER=1 (set by .ci/run), which makes a missing
browser a failure."""

import os
import shutil
import uuid

import aiohttp
import pytest

from anbao.certificates.v1 import certificates_pb2 as cert
from anbaoctl.demo import run_demo
from tests.e2e.public_page_support import decode_qr, endpoints

CHROMIUM = os.environ.get("ANBAO_CHROMIUM", "/usr/bin/chromium")
pytestmark = pytest.mark.timeout(300)


def _chromium() -> str:
    if shutil.which(CHROMIUM) is None:
        if os.environ.get("ANBAO_REQUIRE_BROWSER") == "1":
            pytest.fail(f"ANBAO_REQUIRE_BROWSER=1 but there is no browser at {CHROMIUM}")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)")
    return CHROMIUM


@pytest.fixture(autouse=True)
def chromium() -> str:
    """Checked before anything starts (autouse fixtures come first)."""
    return _chromium()


@pytest.fixture
async def browser(chromium):
    executable = chromium
    from playwright.async_api import async_playwright
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=executable, headless=True,
                                                    args=["--no-sandbox"])
        yield launched
        await launched.close()


@pytest.fixture
async def phone(browser):
    """A phone-sized page (360×740), failing the test on any CSP violation it reports."""
    context = await browser.new_context(viewport={"width": 360, "height": 740},
                                        locale="zh-CN")
    page = await context.new_page()
    violations = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    yield page
    await context.close()
    assert not violations, violations


async def _issued(system) -> str:
    result = await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=31)
    return result.certificate_numbers[0]  # held by 张伟


async def _look_up(page, base: str, number: str, name: str) -> None:
    await page.goto(f"{base}/")
    await page.get_by_label("证书编号").fill(number)
    await page.get_by_label("持证人姓名").fill(name)
    await page.get_by_role("button", name="查询").click()
    await page.wait_for_load_state("load")


async def test_cert4_browser_valid_result(system, phone, tmp_path):
    number = await _issued(system)
    await _look_up(phone, system.http_base, number, "张伟")
    await phone.screenshot(path=tmp_path / "valid.png", full_page=True)
    status = phone.locator(".status-word")
    assert await status.inner_text() == "有效"
    assert await status.evaluate("e => getComputedStyle(e).color") == "rgb(26, 127, 55)"
    assert await phone.locator("dd.holder").inner_text() == "张*"
    assert await phone.locator("dd.number").inner_text() == number
    assert await phone.locator("dd.level").inner_text() == "三级/高级工"
    assert await phone.locator("table.steps td.outcome-passed").count() >= 5
    body = await phone.locator("body").inner_text()
    assert "张伟" not in body
    # readable on a phone: nothing wider than the screen
    assert await phone.evaluate("document.documentElement.scrollWidth") <= 360


async def test_cert3_browser_revoked_result_with_its_reason(system, phone, tmp_path):
    number = await _issued(system)
    stubs = system.stubs()
    await stubs.certificates.RevokeCertificate(cert.RevokeCertificateRequest(
        name=f"certificates/{number}", revocation_reason=cert.REVOCATION_REASON_FRAUD,
        reason="scores forged", request_id=str(uuid.uuid4())), metadata=stubs.metadata)
    await _look_up(phone, system.http_base, number, "张伟")
    await phone.screenshot(path=tmp_path / "revoked.png", full_page=True)
    status = phone.locator(".status-word")
    assert await status.inner_text() == "已撤销"
    assert await status.evaluate("e => getComputedStyle(e).color") == "rgb(207, 34, 46)"
    assert await phone.locator(".reason").inner_text() == "弄虚作假"
    assert "自 20" in await phone.locator("section.status").inner_text()  # the date


async def test_cert4_browser_wrong_name(system, phone, tmp_path):
    number = await _issued(system)
    await _look_up(phone, system.http_base, number, "李四")
    await phone.screenshot(path=tmp_path / "wrong-name.png", full_page=True)
    assert await phone.locator("h1").inner_text() == "未找到证书"
    assert number not in await phone.locator("body").inner_text()


async def test_cert4_browser_rate_limited(system, phone, tmp_path):
    number = await _issued(system)
    for _ in range(11):  # 10 failed matches per number and hour, then the budget is spent
        await _look_up(phone, system.http_base, number, "李四")
        if await phone.locator("h1").inner_text() == "查询过于频繁":
            break
    await phone.screenshot(path=tmp_path / "rate-limited.png", full_page=True)
    assert await phone.locator("h1").inner_text() == "查询过于频繁"
    assert "秒后" in await phone.locator("p.message").inner_text()


async def test_cert4_browser_english_switch(system, phone, tmp_path):
    number = await _issued(system)
    await phone.goto(f"{system.http_base}/")
    await phone.get_by_role("link", name="English").click()
    await phone.wait_for_load_state("load")
    assert await phone.locator("html").get_attribute("lang") == "en"
    await phone.get_by_label("Certificate number").fill(number)
    await phone.get_by_label("Holder's name").fill("张伟")
    await phone.get_by_role("button", name="Look up").click()
    await phone.wait_for_load_state("load")
    await phone.screenshot(path=tmp_path / "english.png", full_page=True)
    assert await phone.locator(".status-word").inner_text() == "Valid"
    assert await phone.locator("dd.level").inner_text() == "Level 3 (senior)"
    await phone.get_by_role("link", name="中文").click()
    await phone.wait_for_load_state("load")
    assert await phone.locator("html").get_attribute("lang") == "zh-CN"


async def test_cert4_browser_qr_link_page(system, phone, tmp_path):
    number = await _issued(system)
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{system.http_base}/api/v1/certificates/{number}/pdf",
                            params={"name": "张伟"}) as response:
            assert response.status == 200
            body = await response.read()
    link = decode_qr(body, tmp_path)
    await phone.goto(link)
    await phone.screenshot(path=tmp_path / "qr-link.png", full_page=True)
    assert await phone.locator("dd.number").inner_text() == number
    assert await phone.locator(".status-word").inner_text() == "有效"
    await phone.get_by_role("link", name="English").click()
    await phone.wait_for_load_state("load")
    assert await phone.locator(".status-word").inner_text() == "Valid"
