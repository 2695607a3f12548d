"""`anbao certificates pdf`: one certificate through the public endpoint, and a whole exam
session printed with a progress bar, each PDF's QR link resolving (CERT-1, CERT-4)."""

import asyncio

import aiohttp
import pytest
from cryptography.hazmat.primitives import serialization
from typer.testing import CliRunner

from anbaoctl.demo import run_demo
from anbaoctl.main import app
from services import manifest
from tests.e2e.public_page_support import decode_qr, endpoints, pdf_text

pytestmark = pytest.mark.timeout(240)


def _port_options(system) -> list[str]:
    runtimes = system.runtimes()
    options = [f"--{name}-port={r.port}" for name, r in runtimes.items()]
    return options + [f"--certificates-http-port={runtimes['certificates'].http_port}"]


def _data_dir(system, folder) -> None:
    """What `anbao up` leaves in ./data that printing reads: the token key and the
    certificates service's key."""
    secrets = folder / "secrets"
    secrets.mkdir(parents=True)
    (secrets / "token_signing.pem").write_bytes(system.issuer._key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    variable = manifest.get("certificates").env("key_encryption_key")
    kek = system.runtimes()["certificates"].settings.key_encryption_key
    (secrets / "service-keys.env").write_text(f"{variable}={kek}\n")


async def test_cert1_cli_prints_one_certificate_and_a_whole_session(system, tmp_path):
    result = await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=41)
    number = result.certificate_numbers[0]
    runner = CliRunner()

    one = tmp_path / "one.pdf"
    answer = await asyncio.to_thread(runner.invoke, app, [
        "certificates", "pdf", number, "--name", "张伟", "--out", str(one),
        *_port_options(system)])
    assert answer.exit_code == 0, answer.output
    assert number in pdf_text(one.read_bytes())
    wrong = await asyncio.to_thread(runner.invoke, app, [
        "certificates", "pdf", number, "--name", "李四", "--out", str(tmp_path / "x.pdf"),
        *_port_options(system)])
    assert wrong.exit_code == 1 and "404" in wrong.output
    assert not (tmp_path / "x.pdf").exists()

    data, out = tmp_path / "data", tmp_path / "printed"
    _data_dir(system, data)
    bulk = await asyncio.to_thread(runner.invoke, app, [
        "certificates", "pdf", "--session", result.session, "--out", str(out),
        "--data", str(data), *_port_options(system)])
    assert bulk.exit_code == 0, bulk.output
    assert "printing" in bulk.output  # the progress bar's label
    files = sorted(p.name for p in out.glob("*.pdf"))
    assert files == sorted(f"{n}.pdf" for n in result.certificate_numbers)
    async with aiohttp.ClientSession() as http:
        for path in out.glob("*.pdf"):
            body = path.read_bytes()
            assert path.stem in pdf_text(body)
            link = decode_qr(body, tmp_path)
            async with http.get(link) as response:
                assert response.status == 200 and path.stem in await response.text()
