"""Signing keys over the real service (CERT-3): RotateSigningKey and
MarkSigningKeyCompromised over gRPC, the keys and our JSON-LD context over HTTP, and a
compromise recorded by another replica reaching the public lookup at the key refresh."""

import asyncio
import time
from datetime import datetime, timedelta, timezone

import aiohttp
import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from anbao.certificates.v1 import certificates_pb2 as cert
from anbaoctl.demo import Endpoints, run_demo
from services.certificates import contexts
from services.certificates.adapters.keyring import KeyRing
from tests.harness import error_details


@pytest.fixture
def fast_key_refresh(monkeypatch):
    monkeypatch.setenv("ANBAO_CERTIFICATES_KEY_REFRESH_SECONDS", "0.2")


def _timestamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


async def _lookup(http, base: str, number: str) -> dict:
    async with http.get(f"{base}/api/v1/certificates/{number}", params={"name": "张伟"}) as r:
        assert r.status == 200
        return await r.json()


async def test_cert3_rotate_then_compromise_over_grpc_and_a_replica_refresh(
        fast_key_refresh, system, backend):
    endpoints = Endpoints({s: f"127.0.0.1:{r.port}" for s, r in system.runtimes().items()},
                          system.http_bases())
    result = await run_demo(endpoints, system.issuer, say=lambda _: None, seed=11)
    number, base = result.certificate_numbers[0], system.http_base
    admin, auditor = system.stubs(), system.stubs("auditor")
    first_key = result.credential["proof"][0]["verificationMethod"]

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await auditor.certificates.RotateSigningKey(cert.RotateSigningKeyRequest(),
                                                    metadata=auditor.metadata)
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await admin.certificates.MarkSigningKeyCompromised(
            cert.MarkSigningKeyCompromisedRequest(key="k1"), metadata=admin.metadata)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(error_details(caught.value)[0]) == {"key", "compromise_time"}
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await admin.certificates.MarkSigningKeyCompromised(cert.MarkSigningKeyCompromisedRequest(
            key="did:key:zNope#zNope", compromise_time=_timestamp(datetime.now(timezone.utc))),
            metadata=admin.metadata)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND

    rotated = await admin.certificates.RotateSigningKey(cert.RotateSigningKeyRequest(),
                                                        metadata=admin.metadata)
    assert rotated.id != first_key and rotated.algorithm == "Ed25519"
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{base}/api/v1/keys") as r:
            published = {k["id"]: k for k in (await r.json())["keys"]}
        assert set(published) == {first_key, rotated.id} and published[first_key]["revoked"]
        assert (await _lookup(http, base, number))["signatureVerified"] is True

        # compromised from now: what the key signed before stays valid (proofs carry
        # whole seconds, so "before" means at least a second before)
        signed = datetime.strptime(result.credential["proof"][0]["created"],
                                   "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        while datetime.now(timezone.utc) < signed + timedelta(seconds=1):
            await asyncio.sleep(0.05)
        marked = await admin.certificates.MarkSigningKeyCompromised(
            cert.MarkSigningKeyCompromisedRequest(
                key=first_key, compromise_time=_timestamp(datetime.now(timezone.utc))),
            metadata=admin.metadata)
        assert marked.HasField("compromise_time")
        assert (await _lookup(http, base, number))["signatureVerified"] is True

        # another replica learns the compromise began an hour ago: this one's lookups
        # say "signature not trusted" after its next key refresh, without a restart
        runtime = system.certificates
        other = KeyRing(runtime.settings.key_encryption_key, timedelta(days=30))
        with runtime.db.session() as session:
            other.load(session)
            other.mark_compromised(session, first_key,
                                   datetime.now(timezone.utc) - timedelta(hours=1))
            session.commit()
        deadline = time.monotonic() + 60  # the promise: within 60 s
        while (await _lookup(http, base, number))["signatureVerified"]:
            assert time.monotonic() < deadline, "the compromise never reached the lookup"
            await asyncio.sleep(1.0)  # within the lookup budget's refill


async def test_our_json_ld_context_is_served_with_caching_headers(system, backend):
    url = f"{system.http_base}/contexts/v1"
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as r:
            assert r.status == 200 and r.content_type == "application/ld+json"
            assert "max-age" in r.headers["Cache-Control"] and r.headers["ETag"]
            assert await r.json(content_type=None) == contexts.document()
            etag = r.headers["ETag"]
        async with http.get(url, headers={"If-None-Match": etag}) as r:
            assert r.status == 304
