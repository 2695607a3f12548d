"""CERT-3 across the services: status changes over gRPC, the status lists over HTTP, the
lookup, the talent pool, and verification over gRPC, HTTP and `anbao verify`."""

import asyncio
import base64
import gzip
import json
import uuid

import aiohttp
import grpc
import pytest
from typer.testing import CliRunner

from anbao.certificates.v1 import certificates_pb2 as cert
from anbao.registry.v1 import registry_pb2 as reg
from anbaoctl.demo import Endpoints, eventually, run_demo
from anbaoctl.main import app
from tests.harness import error_details


def endpoints(system) -> Endpoints:
    return Endpoints({s: f"127.0.0.1:{r.port}" for s, r in system.runtimes().items()},
                     system.http_bases())


async def decoded_bit(http, entry) -> bool:
    """Fetches the entry's list as any verifier would and reads its bit independently."""
    async with http.get(entry["statusListCredential"]) as response:
        assert response.status == 200
        cache = response.headers["Cache-Control"]
        assert "max-age=" in cache and int(cache.split("max-age=")[1].split(",")[0]) <= 60
        assert response.headers["ETag"] and response.headers["Last-Modified"]
        listed = json.loads(await response.text())
    async with http.get(entry["statusListCredential"],
                        headers={"If-None-Match": response.headers["ETag"]}) as again:
        assert again.status == 304
    encoded = listed["credentialSubject"]["encodedList"][1:]  # after the multibase 'u'
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    assert len(bits) >= 16 * 1024
    index = int(entry["statusListIndex"])
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


async def test_cert3_revoke_suspend_reinstate_replace_across_the_system(system, backend, tmp_path):
    result = await run_demo(endpoints(system), system.issuer, say=lambda _: None, seed=11)
    revoked_number, suspended_number = result.certificate_numbers
    stubs = system.stubs()
    md = stubs.metadata
    certificates = stubs.certificates
    credentials = {}
    for n in result.certificate_numbers:
        found = await certificates.GetCertificate(cert.GetCertificateRequest(
            name=f"certificates/{n}"), metadata=md)
        credentials[n] = (json.loads(found.credential_json), found.holder_name, found.person)

    # verification of a good certificate: gRPC, HTTP (VC API), CLI
    good = credentials[suspended_number][0]
    report = await certificates.VerifyCertificate(cert.VerifyCertificateRequest(
        credential_json=json.dumps(good)))
    assert report.verdict == cert.VERDICT_VALID, report
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{system.http_base}/credentials/verify",
                             json={"verifiableCredential": good, "options": {}}) as response:
            assert response.status == 200 and (await response.json())["verdict"] == "VALID"
        async with http.post(f"{system.http_base}/credentials/verify",
                             json={"credential": good}) as response:
            assert response.status == 400

    # state changes over gRPC, each with a request_id
    revoked = await certificates.RevokeCertificate(cert.RevokeCertificateRequest(
        name=f"certificates/{revoked_number}", revocation_reason=cert.REVOCATION_REASON_FRAUD,
        reason="scores forged", request_id=str(uuid.uuid4())), metadata=md)
    assert revoked.status == cert.CERTIFICATE_STATUS_REVOKED
    suspended = await certificates.SuspendCertificate(cert.SuspendCertificateRequest(
        name=f"certificates/{suspended_number}", reason="under investigation",
        request_id=str(uuid.uuid4())), metadata=md)
    assert suspended.status == cert.CERTIFICATE_STATUS_SUSPENDED

    # bad input: each its own clear status, nothing written
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.RevokeCertificate(cert.RevokeCertificateRequest(
            name=f"certificates/{revoked_number}", revocation_reason=cert.REVOCATION_REASON_FRAUD,
            request_id=str(uuid.uuid4())), metadata=md)
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_details(caught.value)[1] == "CERT_3_ALREADY_REVOKED"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.ReinstateCertificate(cert.ReinstateCertificateRequest(
            name=f"certificates/{revoked_number}", reason="x"), metadata=md)
    assert error_details(caught.value)[1] == "CERT_3_REVOKED_IS_FINAL"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.RevokeCertificate(cert.RevokeCertificateRequest(
            name=f"certificates/{suspended_number}"), metadata=md)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "revocation_reason" in error_details(caught.value)[0]
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.ReplaceCertificate(cert.ReplaceCertificateRequest(
            name=f"certificates/{revoked_number[:-6]}999999", reason="lost"), metadata=md)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await certificates.SuspendCertificate(cert.SuspendCertificateRequest(
            name=f"certificates/{suspended_number}", reason="x"),
            metadata=system.stubs("eval_org", "institutions/x").metadata)
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    history = await certificates.ListCertificateHistory(cert.ListCertificateHistoryRequest(
        name=f"certificates/{revoked_number}"), metadata=md)
    assert [(h.to_status, h.revocation_reason) for h in history.changes] == [
        (cert.CERTIFICATE_STATUS_REVOKED, cert.REVOCATION_REASON_FRAUD)]

    # the status lists as served, decoded independently
    async with aiohttp.ClientSession() as http:
        for number, purpose_set in ((revoked_number, "revocation"),
                                    (suspended_number, "suspension")):
            for entry in credentials[number][0]["credentialStatus"]:
                assert await decoded_bit(http, entry) == (entry["statusPurpose"] == purpose_set)

        # the lookup shows status, date and reason
        url = f"{system.http_base}/api/v1/certificates/{revoked_number}"
        async with http.get(url, params={"name": credentials[revoked_number][1]}) as response:
            shown = await response.json()
        assert shown["status"] == "REVOKED" and shown["revocationReason"] == "FRAUD"
        assert shown["statusChangeTime"] and "statusReason" not in shown  # free text stays inside
        assert "scores forged" not in json.dumps(shown, ensure_ascii=False)

        # verification names each verdict
        for number, verdict in ((revoked_number, "REVOKED"), (suspended_number, "SUSPENDED")):
            async with http.post(f"{system.http_base}/credentials/verify", json={
                    "verifiableCredential": credentials[number][0]}) as response:
                body = await response.json()
                assert response.status == 422 and body["verdict"] == verdict, body
        tampered = json.loads(json.dumps(good))
        tampered["credentialSubject"]["level"] = 1
        async with http.post(f"{system.http_base}/credentials/verify",
                             json={"verifiableCredential": tampered}) as response:
            assert response.status == 422 and (await response.json())["verdict"] == "TAMPERED"

    # `anbao verify FILE` reaches the status list online
    path = tmp_path / "revoked.json"
    path.write_text(json.dumps(credentials[revoked_number][0], ensure_ascii=False))
    good_path = tmp_path / "good.json"
    good_path.write_text(json.dumps(credentials[suspended_number][0], ensure_ascii=False))
    online = ["--keys", f"{system.http_base}/api/v1/keys", "--service", system.http_base]
    # the CLI blocks: it runs beside the servers' event loop, not on it
    outcome = await asyncio.to_thread(CliRunner().invoke, app, ["verify", str(path), *online])
    assert outcome.exit_code == 1 and "NOT VERIFIED: REVOKED" in outcome.output, outcome.output
    outcome = await asyncio.to_thread(CliRunner().invoke, app, ["verify", str(good_path),
                                                                *online])
    assert outcome.exit_code == 1 and "NOT VERIFIED: SUSPENDED" in outcome.output, outcome.output

    # the talent pool drops both, and takes the suspended one back when reinstated
    registry = stubs.registry

    async def pool():
        answer = await registry.SearchTalent(reg.SearchTalentRequest(
            occupation_code="3-02-02-00", level=3, region_code="220000", page_size=1000),
            metadata=md)
        return {p.name for p in answer.persons}

    holders = {credentials[n][2] for n in result.certificate_numbers}
    await eventually(lambda: _async(holders.isdisjoint, pool), "the pool to drop both")
    await certificates.ReinstateCertificate(cert.ReinstateCertificateRequest(
        name=f"certificates/{suspended_number}", reason="cleared"), metadata=md)
    await eventually(lambda: _async(lambda names: credentials[suspended_number][2] in names, pool),
                     "the reinstated holder back in the pool")

    # a replacement: new number, both linked, the lookup names it
    replacement = await certificates.ReplaceCertificate(cert.ReplaceCertificateRequest(
        name=f"certificates/{suspended_number}", reason="lost", request_id=str(uuid.uuid4())),
        metadata=md)
    assert replacement.replaces == f"certificates/{suspended_number}"
    assert replacement.number[:16] == suspended_number[:16]
    looked = await certificates.LookupCertificate(cert.LookupCertificateRequest(
        number=suspended_number, holder_name=credentials[suspended_number][1]))
    assert looked.status == cert.CERTIFICATE_STATUS_REPLACED
    assert looked.replaced_by == replacement.number
    report = await certificates.VerifyCertificate(cert.VerifyCertificateRequest(
        credential_json=json.dumps(credentials[suspended_number][0])))
    assert report.verdict == cert.VERDICT_REPLACED
    await eventually(lambda: _async(lambda names: credentials[suspended_number][2] in names, pool),
                     "the replacement in the pool")


async def _async(predicate, source):
    return predicate(await source())
