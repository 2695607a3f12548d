"""The public lookup page (CERT-4) and the printed certificate's QR link page.

GET /              the form (Chinese; `?lang=en` English); with `number` and `name` the result
POST /             the form's lookup (the name stays out of the address bar and history)
GET /v/{token}     the result a printed certificate's QR code links to, without the name
GET /static/page.css

Rendered on the server (Jinja2, autoescaped), no script at all, one static stylesheet, so
the Content-Security-Policy needs no 'unsafe-inline'. An unknown number and a wrong name
give the same page and spend the same budgets (lookup_budget.py)."""

import json
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from importlib import resources
from typing import Callable

import jinja2
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from servicekit import dates, masking
from servicekit.errors import InvalidArgument, NotFound, ResourceExhausted
from servicekit.messagebus import MessageBus

from . import handlers, wording
from .domain import verification_link
from .domain.certificates import REVOKED, REPLACED, SUSPENDED
from .domain.commands import LookupByLink, LookupCertificate, VerifyCertificate

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cache-Control": "no-store",  # a result names a person, however masked
}

_templates = jinja2.Environment(
    loader=jinja2.PackageLoader("services.certificates", "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_SUITE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")  # eddsa-jcs-2022, sm2-jcs-2025 …
_STYLESHEET = resources.files("services.certificates").joinpath("static/page.css").read_bytes()


@dataclass(frozen=True)
class ResultView:
    """One certificate as the page shows it: masked, in the reader's language."""

    number: str
    holder: str
    resident_id: str
    gender: str
    occupation: str
    level: str
    issue_date: str
    issuer: str
    status: str
    status_class: str
    status_since: str
    revocation_reason: str
    replaced_by: str
    verdict_valid: bool
    steps: list[dict]


def _day(value: datetime | None) -> str:
    return value.astimezone(dates.CHINA).date().isoformat() if value else ""


def _suite(step) -> str:
    """A credential carries one proof per suite: their steps are told apart by it."""
    head = step.detail.split(" ", 1)[0]
    return f" ({head})" if step.step in ("proof", "key_valid") and _SUITE.match(head) else ""


def result_view(found: handlers.Lookup, report, lang: str) -> ResultView:
    c = found.certificate
    gender = wording.gender_of(c.resident_id_masked)
    steps = [{"step": wording.STEPS[lang].get(s.step, s.step) + _suite(s),
              "outcome": wording.OUTCOMES[lang].get(s.outcome, ""),
              "class": wording.OUTCOME_CLASS.get(s.outcome, "unchecked"), "detail": s.detail}
             for s in report.steps]
    changed = c.status in (SUSPENDED, REVOKED, REPLACED)
    return ResultView(
        number=c.number, holder=masking.mask_name(c.holder_name),
        resident_id=c.resident_id_masked,
        gender=wording.GENDERS[lang][gender] if gender is not None else "",
        occupation=c.occupation_name, level=wording.LEVELS[lang].get(c.level, str(c.level)),
        issue_date=dates.iso(c.issue_date), issuer=c.issuing_organisation,
        status=wording.STATUSES[lang].get(c.status, ""),
        status_class=wording.STATUS_CLASS.get(c.status, ""),
        status_since=_day(c.status_changed_at) if changed else "",
        # CERT-3: a revocation shows its date and reason
        revocation_reason=wording.REVOCATION_REASONS[lang].get(c.revocation_reason, "")
        if c.status == REVOKED else "",
        replaced_by=c.replaced_by if c.status == REPLACED else "",
        verdict_valid=report.valid, steps=steps)


def render(template: str, lang: str, status: int = 200, headers: dict | None = None,
           **values) -> web.Response:
    body = _templates.get_template(template).render(lang=lang, t=wording.TEXT[lang], **values)
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8",
                        headers={**SECURITY_HEADERS, **(headers or {})})


def too_many(exc: ResourceExhausted, lang: str, switch: str) -> web.Response:
    seconds = max(1, math.ceil(exc.retry_after))
    at = (datetime.now(timezone.utc) + timedelta(seconds=seconds)).astimezone(dates.CHINA)
    return render("message.html", lang, 429, {"Retry-After": str(seconds)},
                  title=wording.TEXT[lang]["too_many_title"], switch=switch,
                  message=wording.TEXT[lang]["too_many"].format(
                      seconds=seconds, at=at.strftime("%H:%M:%S") + " (UTC+8)"))


def add_routes(app: web.Application, bus: MessageBus, client_of: Callable[[web.Request], str],
               link_key: bytes) -> None:
    async def shown(found: handlers.Lookup, lang: str, switch: str) -> web.Response:
        report = await bus.handle(VerifyCertificate(json.loads(found.certificate.credential_json)))
        return render("result.html", lang, result=result_view(found, report, lang),
                      switch=switch)

    async def page(request: web.Request) -> web.Response:
        try:
            fields = await request.post() if request.method == "POST" else request.query
        except (ValueError, HttpProcessingError):  # not a form, or not UTF-8: no fields
            fields = {}
        lang = wording.language(fields.get("lang") or request.query.get("lang"))
        other = "en" if lang == "zh" else "zh"
        number, name = str(fields.get("number", "")).strip(), str(fields.get("name", "")).strip()
        if request.method == "GET" and not (number or name):
            return render("form.html", lang, switch=f"/?lang={other}", errors={},
                          number="", name="")
        try:
            found = await bus.handle(LookupCertificate.parse(
                number=number, holder_name=name, client=client_of(request),
                fields=("number", "name")))
        except InvalidArgument as exc:
            return render("form.html", lang, 400, switch=f"/?lang={other}",
                          errors={v.field: wording.TEXT[lang].get(f"bad_{v.field}",
                                                                  v.description)
                                  for v in exc.violations},
                          number=number, name=name)
        except ResourceExhausted as exc:
            return too_many(exc, lang, f"/?lang={other}")
        except NotFound:  # an unknown number and a wrong name alike
            return render("message.html", lang, 404, title=wording.TEXT[lang]["not_found_title"],
                          message=wording.TEXT[lang]["not_found"], switch=f"/?lang={other}")
        return await shown(found, lang, f"/?lang={other}")

    async def link(request: web.Request) -> web.Response:
        lang = wording.language(request.query.get("lang"))
        switch = f"{request.path}?lang={'en' if lang == 'zh' else 'zh'}"
        number = verification_link.resolve(link_key, request.match_info["token"])
        try:
            if number is None:  # forged or mistyped: like a lookup that found nothing
                raise NotFound("no such verification link")
            found = await bus.handle(LookupByLink(number, client_of(request)))
        except ResourceExhausted as exc:
            return too_many(exc, lang, switch)
        except NotFound:
            return render("message.html", lang, 404, title=wording.TEXT[lang]["not_found_title"],
                          message=wording.TEXT[lang]["not_found"], switch=switch)
        return await shown(found, lang, switch)

    async def stylesheet(request: web.Request) -> web.Response:
        return web.Response(body=_STYLESHEET, content_type="text/css", charset="utf-8",
                            headers={"Cache-Control": "public, max-age=3600",
                                     "X-Content-Type-Options": "nosniff"})

    app.add_routes([web.get("/", page), web.post("/", page), web.get("/v/{token}", link),
                    web.get("/static/page.css", stylesheet)])
