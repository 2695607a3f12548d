"""The public certificate lookup over HTTP (CERT-4): no login, masked data only.

GET /api/v1/certificates/{number}?name=…             → the masked lookup
GET /api/v1/certificates/{number}/credential?name=…  → the signed credential JSON
GET /api/v1/keys                                     → the verification keys (Multikey)
"""

import asyncio
import json
from functools import partial

from aiohttp import web

from anbao.certificates.v1 import certificates_pb2 as pb
from servicekit import dates, logs
from servicekit.errors import NotFound

from . import handlers, numbering
from .adapters.keyring import KeyRing
from .api import lookup_pb  # one translation of a lookup for gRPC and HTTP

log = logs.get("certificates.http")
_dumps = partial(json.dumps, ensure_ascii=False)
_NOT_FOUND = {"error": "not_found", "message": "no certificate with this number and holder name"}


def _bad(message: str) -> web.Response:
    return web.json_response({"error": "invalid_argument", "message": message}, status=400,
                             dumps=_dumps)


def make_app(uow_factory, keys: KeyRing) -> web.Application:
    async def find(request: web.Request) -> handlers.Lookup | web.Response:
        number = request.match_info["number"]
        name = request.query.get("name", "").strip()
        if not numbering.is_valid(number, dates.today()):
            return _bad("number must be a 22-character national certificate number")
        if not 0 < len(name) <= 50:
            return _bad("name (the holder's full name) is required")
        try:
            return await asyncio.to_thread(partial(handlers.lookup, uow_factory(), keys,
                                                   number, name))
        except NotFound:
            return web.json_response(_NOT_FOUND, status=404, dumps=_dumps)

    async def certificate(request: web.Request) -> web.Response:
        found = await find(request)
        if isinstance(found, web.Response):
            return found
        answer = lookup_pb(found)
        return web.json_response({
            "number": answer.number, "holderName": answer.holder_name_masked,
            "residentIdMasked": answer.resident_id_masked,
            "occupationCode": answer.occupation_code, "occupationName": answer.occupation_name,
            "level": answer.level, "issueDate": answer.issue_date,
            "issuingOrganisation": answer.issuing_organisation,
            "status": pb.CertificateStatus.Name(answer.status).removeprefix("CERTIFICATE_STATUS_"),
            "signatureVerified": answer.signature_verified}, dumps=_dumps)

    async def credential(request: web.Request) -> web.Response:
        found = await find(request)
        if isinstance(found, web.Response):
            return found
        return web.Response(text=found.certificate.credential_json,
                            content_type="application/vc+ld+json", charset="utf-8")

    async def keys_list(request: web.Request) -> web.Response:
        rows = await asyncio.to_thread(handlers.list_keys, uow_factory())
        return web.json_response({"keys": [{
            "id": r.id, "type": "Multikey", "controller": r.id.split("#", 1)[0],
            "publicKeyMultibase": r.public_key_multibase,
            "created": r.created_at.isoformat(), "expires": r.expires_at.isoformat(),
            "revoked": r.revoked_at.isoformat() if r.revoked_at else None} for r in rows]},
            dumps=_dumps)

    async def health(request: web.Request) -> web.Response:
        return web.json_response({"status": "SERVING"})

    app = web.Application()
    app.add_routes([web.get("/api/v1/certificates/{number}", certificate),
                    web.get("/api/v1/certificates/{number}/credential", credential),
                    web.get("/api/v1/keys", keys_list),
                    web.get("/healthz", health)])
    return app


async def start(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(app, access_log=None)  # access logs would carry holder names
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0][1]
    log.info("public lookup on http://%s:%d", host, bound)
    return runner, bound
