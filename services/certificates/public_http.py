"""The public certificate lookup over HTTP (CERT-4): no login, masked data only.

GET /api/v1/certificates/{number}?name=…             → the masked lookup
GET /api/v1/certificates/{number}/credential?name=…  → the signed credential JSON
GET /api/v1/keys                                     → the verification keys (Multikey)
GET /api/v1/status-lists/{purpose}/{n}               → a signed BitstringStatusListCredential
POST /credentials/verify                             → the verification report (W3C VC API)
GET /api/v1/certificates/{number}/pdf?name=…         → the printed certificate (A4 PDF)
POST /api/v1/certificates:batchLookup                → employers: up to 500 lookups (EMP-4)
GET /contexts/v1 (the configured context URL's path) → our JSON-LD context
GET /, POST /, GET /v/{token}                        → the lookup page (public_page.py)
"""

import asyncio
import hashlib
import json
import math
from dataclasses import dataclass
from email.utils import format_datetime
from functools import partial
from typing import Callable

from aiohttp import web

from anbao.certificates.v1 import certificates_pb2 as pb
from servicekit import dates, logs
from servicekit.auth import Caller, Reach
from servicekit.errors import (InvalidArgument, NotFound, PermissionDenied, ResourceExhausted,
                               Unauthenticated)
from servicekit.messagebus import MessageBus
from servicekit.tokens import TokenVerifier
from servicekit.unitofwork import utcnow

from . import certificate_pdf, handlers, public_page, raw_utf8
from .domain import verification, verification_link
from .domain.commands import (BatchLookup, GetStatusList, ListVerificationKeys,
                              LookupCertificate, VerifyCertificate)
from .domain.employers import BATCH_LIMIT
from .api import lookup_pb  # one translation of a lookup for gRPC and HTTP

log = logs.get("certificates.http")
_dumps = partial(json.dumps, ensure_ascii=False)
_NOT_FOUND = {"error": "not_found", "message": "no certificate with this number and holder name"}


def _bad(message: str) -> web.Response:
    return web.json_response({"error": "invalid_argument", "message": message}, status=400,
                             dumps=_dumps)


@dataclass(frozen=True)
class ClientAddress:
    """Who is asking: the peer, or what a trusted proxy says in its header."""

    trusted_proxies: list[str]
    header: str

    def of(self, request: web.Request) -> str:
        peer = request.remote or ""
        forwarded = request.headers.get(self.header, "")
        if peer in self.trusted_proxies and forwarded:
            return forwarded.split(",")[-1].strip()  # the entry our proxy appended
        return peer


def _too_many(exc: ResourceExhausted) -> web.Response:
    seconds = max(1, math.ceil(exc.retry_after))
    return web.json_response({"error": "rate_limited", "message": str(exc),
                              "retryAfterSeconds": seconds}, status=429,
                             headers={"Retry-After": str(seconds)}, dumps=_dumps)


def _label(enum, value: int, prefix: str) -> str | None:
    return enum.Name(value).removeprefix(prefix) if value else None


def lookup_json(found: handlers.Lookup) -> dict:
    """A lookup's answer as JSON: one translation for the single and the batch check."""
    answer = lookup_pb(found)
    return {
        "number": answer.number, "holderName": answer.holder_name_masked,
        "residentIdMasked": answer.resident_id_masked,
        "occupationCode": answer.occupation_code, "occupationName": answer.occupation_name,
        "level": answer.level, "issueDate": dates.iso(dates.of_proto(answer.issue_date)),
        "issuingOrganisation": answer.issuing_organisation,
        "status": pb.CertificateStatus.Name(answer.status).removeprefix("CERTIFICATE_STATUS_"),
        # CERT-3: when and why it last changed, and what replaced it
        "statusChangeTime": answer.status_change_time.ToJsonString()
        if answer.HasField("status_change_time") else None,
        "revocationReason": _label(pb.RevocationReason, answer.revocation_reason,
                                   "REVOCATION_REASON_"),
        "replacedBy": answer.replaced_by or None,
        "signatureVerified": answer.signature_verified,
        # CERT-2: SKILL or TRAINING_COMPLETION (培训结业证书)
        "kind": _label(pb.CertificateKind, answer.kind, "CERTIFICATE_KIND_")}


def make_app(bus: MessageBus, clients: ClientAddress, parts_down=dict,
             max_age_seconds: int = 60,
             context: tuple[str, dict] | None = None, *, link_key: bytes,
             public_base: Callable[[], str],
             verifier: TokenVerifier | None = None) -> web.Application:
    """`parts_down()` names the service's background parts that are down, and why;
    `max_age_seconds`: how long a status list may be cached; `context` is (path,
    document) of our JSON-LD context; `link_key` signs the printed certificates'
    verification links, which start with `public_base()`; `verifier` checks employers'
    tokens (batch check)."""
    async def find(request: web.Request) -> handlers.Lookup | web.Response:
        try:
            return await bus.handle(LookupCertificate.parse(
                number=request.match_info["number"], holder_name=request.query.get("name", ""),
                client=clients.of(request), fields=("number", "name")))
        except InvalidArgument as exc:
            return _bad(str(exc))
        except ResourceExhausted as exc:
            return _too_many(exc)
        except NotFound:
            return web.json_response(_NOT_FOUND, status=404, dumps=_dumps)

    async def certificate(request: web.Request) -> web.Response:
        found = await find(request)
        if isinstance(found, web.Response):
            return found
        return web.json_response(lookup_json(found), dumps=_dumps)

    async def status_list(request: web.Request) -> web.Response:
        try:
            published = await bus.handle(GetStatusList.parse(
                purpose=request.match_info["purpose"], list_number=request.match_info["n"]))
        except InvalidArgument as exc:
            return _bad(str(exc))
        except NotFound as exc:
            return web.json_response({"error": "not_found", "message": str(exc)}, status=404)
        # the same bits make the same bytes, so every replica gives the same ETag
        etag = f'"{request.match_info["purpose"]}-{request.match_info["n"]}-{published.version}"'
        headers = {"Cache-Control": f"public, max-age={max_age_seconds}", "ETag": etag,
                   "Last-Modified": format_datetime(published.changed_at, usegmt=True)}
        if etag in request.headers.get("If-None-Match", ""):
            return web.Response(status=304, headers=headers)
        return web.Response(text=published.body, content_type="application/vc+ld+json",
                            charset="utf-8", headers=headers)

    async def verify(request: web.Request) -> web.Response:
        """W3C VC API: 200 when valid, 400 for a malformed request, 422 when not valid."""
        try:
            body = await request.json()
        except ValueError:
            return _bad("the body is not JSON")
        if not isinstance(body, dict) or not isinstance(body.get("verifiableCredential"), dict) \
                or not isinstance(body.get("options", {}), dict):
            return _bad("expected {verifiableCredential: {...}, options: {...}}")
        report = await bus.handle(VerifyCertificate(body["verifiableCredential"]))
        return web.json_response(verification.as_json(report, utcnow()),
                                 status=200 if report.valid else 422, dumps=_dumps)

    async def credential(request: web.Request) -> web.Response:
        found = await find(request)
        if isinstance(found, web.Response):
            return found
        return web.Response(text=found.certificate.credential_json,
                            content_type="application/vc+ld+json", charset="utf-8")

    # a PDF costs about a second of CPU (the CJK font's subsetting): one at a time, off
    # the event loop, so printing never starves the lookups sharing this process
    printing = asyncio.Semaphore(1)

    async def printed(request: web.Request) -> web.Response:
        found = await find(request)
        if isinstance(found, web.Response):
            return found
        link = f"{public_base()}/v/{verification_link.issue(link_key, found.certificate.number)}"
        async with printing:
            body = await asyncio.to_thread(certificate_pdf.render,
                                           certificate_pdf.fields_of(found.certificate), link)
        name = certificate_pdf.file_name(found.certificate.number)
        return web.Response(body=body, content_type="application/pdf", headers={
            "Content-Disposition": f'inline; filename="{name}"', "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff"})

    async def keys_list(request: web.Request) -> web.Response:
        rows = await bus.handle(ListVerificationKeys())
        return web.json_response({"keys": [{
            "id": r.id, "type": "Multikey", "controller": r.id.split("#", 1)[0],
            "algorithm": r.algorithm, "publicKeyMultibase": r.public_key_multibase,
            "created": r.created_at.isoformat(), "expires": r.expires_at.isoformat(),
            "revoked": r.revoked_at.isoformat() if r.revoked_at else None,
            "compromised": r.compromised_at.isoformat() if r.compromised_at else None}
            for r in rows]},
            dumps=_dumps)

    async def health(request: web.Request) -> web.Response:
        if down := parts_down():
            return web.json_response({"status": "NOT_SERVING", "down": down}, status=503)
        return web.json_response({"status": "SERVING"})

    app = web.Application()
    app.add_routes([web.get("/api/v1/certificates/{number}", certificate),
                    web.get("/api/v1/certificates/{number}/credential", credential),
                    web.get("/api/v1/certificates/{number}/pdf", printed),
                    web.get("/api/v1/keys", keys_list),
                    web.get("/api/v1/status-lists/{purpose}/{n}", status_list),
                    web.post("/credentials/verify", verify),
                    web.get("/healthz", health)])
    if context:
        app.add_routes([web.get(context[0], _context_handler(context[1]))])
    if verifier is not None:
        app.add_routes([web.post("/api/v1/certificates:batchLookup",
                                 partial(_batch_lookup, bus, verifier))])
    public_page.add_routes(app, bus, clients.of, link_key)
    return app


# Employers' batch check (EMP-4): POST /api/v1/certificates:batchLookup with an employer
# token as Bearer; {"requests": [{"number": …, "name": …}, …]} (at most 500) →
# {"results": [...]} in the same order, each the single lookup's answer or its error.

def _refuse(status: int, error: str, message: str) -> web.Response:
    headers = {"WWW-Authenticate": 'Bearer realm="anbao"'} if status == 401 else None
    return web.json_response({"error": error, "message": message}, status=status,
                             headers=headers, dumps=_dumps)


def _employer_caller(request: web.Request, verifier: TokenVerifier) -> Caller | web.Response:
    scheme, _, bearer = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not bearer.strip():
        return _refuse(401, "unauthenticated", "an employer token is required: "
                                               "Authorization: Bearer <token>")
    try:
        claims = verifier.claims(bearer.strip())
    except Unauthenticated as exc:
        return _refuse(401, "unauthenticated", str(exc))
    if claims["role"] != "employer":
        return _refuse(403, "permission_denied", "the batch check is for employer tokens")
    return Caller(subject=claims["sub"], role="employer", scope=claims.get("scope", ""),
                  reach=Reach.EMPLOYER)


def _pairs(body) -> tuple[tuple[str, str], ...] | str:
    """The pairs of a batch request, or what is wrong with it."""
    items = body.get("requests") if isinstance(body, dict) else None
    if not isinstance(items, list) or not items:
        return 'expected {"requests": [{"number": "...", "name": "..."}, ...]}'
    if len(items) > BATCH_LIMIT:
        return f"EMP-4: at most {BATCH_LIMIT} pairs per batch check; got {len(items)}"
    bad = [i for i, x in enumerate(items) if not (
        isinstance(x, dict) and isinstance(x.get("number"), str)
        and isinstance(x.get("name"), str))]
    if bad:
        return f"requests{bad[:10]}: each is {{\"number\": text, \"name\": text}}"
    return tuple((x["number"], x["name"]) for x in items)


async def _batch_lookup(bus: MessageBus, verifier: TokenVerifier,
                        request: web.Request) -> web.Response:
    caller = _employer_caller(request, verifier)
    if isinstance(caller, web.Response):
        return caller
    try:
        body = await request.json()
    except ValueError:
        return _bad("the body is not JSON")
    pairs = _pairs(body)
    if isinstance(pairs, str):
        return _bad(pairs)
    try:
        results = await bus.handle(BatchLookup(caller, pairs))
    except (PermissionDenied, NotFound):
        return _refuse(403, "permission_denied", "this token's employer is not registered")
    return web.json_response({"results": [
        {"number": number, "found": True, **lookup_json(handlers.Lookup(
            r.certificate, r.signature_verified))} if r.certificate is not None
        else {"number": number, "found": False, "error": r.error, "message": r.message}
        for (number, _), r in zip(pairs, results)]}, dumps=_dumps)


def _context_handler(document: dict):
    """A context never changes under its URL (a new version gets a new URL), so caches
    may keep it for a day; the ETag lets them revalidate cheaply."""
    body = _dumps(document, indent=2).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"Cache-Control": "public, max-age=86400", "ETag": etag,
               "Access-Control-Allow-Origin": "*"}

    async def context(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers=headers)
        return web.Response(body=body, content_type="application/ld+json", charset="utf-8",
                            headers=headers)
    return context


async def start(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, int]:
    # access logs would carry holder names
    runner = raw_utf8.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0][1]
    log.info("public lookup on http://%s:%d", host, bound)
    return runner, bound
