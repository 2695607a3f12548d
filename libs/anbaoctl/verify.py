"""`anbao verify FILE`: checks an exported certificate credential step by step, offline,
plus what it can reach online: the status lists the credential names, and the issuing
service's view of the issuer's accreditation. The steps and verdicts are the service's own
(`services/certificates/domain/verification.py`); every proof of the proof set is checked
with the JSON-LD contexts shipped in the package (never fetched), and a published key's
trust window (rotation, compromise) is the service's own (`KeyWindow`)."""

import json
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from servicekit import dataintegrity
from services.certificates import contexts
from services.certificates.adapters.keyring import KeyWindow
from services.certificates.domain import verification

TIMEOUT_SECONDS = 5


def _fetch_json(url: str, body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:  # the VC API answers 422 with the report
        return json.loads(exc.read())


def _time(value: str | None) -> datetime | None:
    """A published key's date; one without a zone is UTC, as the service stores them."""
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def published_keys(source: str) -> dict[str, KeyWindow]:
    """The issuer's published keys (`/api/v1/keys`, rotated-out ones too), from a URL or a
    saved file, by id; KeyError or ValueError when the list is not one."""
    raw = _fetch_json(source) if source.startswith("http") else json.loads(Path(source).read_text())
    return {k["id"]: KeyWindow.of(_did_key(k["id"]), _time(k["created"]),
                                  _time(k["expires"]), _time(k.get("revoked")),
                                  _time(k.get("compromised")))
            for k in raw["keys"]}


def _did_key(key_id: str):
    try:
        return dataintegrity.resolve_did_key(key_id)
    except ValueError:
        return None


def checks(keys: dict[str, KeyWindow] | None, service: str, credential) -> verification.Checks:
    """Without published keys any did:key resolves and key validity cannot be checked;
    without a reachable service the issuer's accreditation cannot."""
    def public_key(key_id: str):
        if keys is not None:
            window = keys.get(key_id)
            return window.public if window else None
        return _did_key(key_id)

    def key_status(key_id: str, at: datetime) -> str | None:
        if keys is None:
            return None
        window = keys.get(key_id)
        return window.status(at) if window else "unknown"

    remote = {}
    if service:
        try:
            report = _fetch_json(f"{service.rstrip('/')}/credentials/verify",
                                 {"verifiableCredential": credential, "options": {}})
            remote = {s["step"]: s for s in report.get("steps", [])}
        except (OSError, ValueError) as exc:
            remote = {"issuer_accredited": {"outcome": "COULD_NOT_CHECK",
                                            "detail": f"the service did not answer: {exc}"}}

    def issuer_status(institution: str, at: datetime) -> verification.IssuerFinding:
        step = remote.get("issuer_accredited")
        if step is None:
            return verification.IssuerFinding(None, detail="the accreditation history is the "
                                                           "issuing service's (give --service)")
        if step["outcome"] == "PASSED":
            return verification.IssuerFinding(True, verification.ACTIVE)
        if step["outcome"] == "FAILED":
            known = "this issuer knows" not in step["detail"]  # either kind of issuer
            return verification.IssuerFinding(known, None, step["detail"])
        return verification.IssuerFinding(None, detail=step["detail"])

    def status_list(url: str) -> dict | str:
        if not url.startswith(("http://", "https://")):
            return "not an HTTP URL"
        try:
            return _fetch_json(url)
        except (OSError, ValueError) as exc:
            return f"unreachable: {exc}"

    return verification.Checks(public_key=public_key, key_status=key_status,
                               issuer_status=issuer_status, status_list=status_list,
                               loader=contexts.loader())


def verify_file(path: Path, keys: dict[str, KeyWindow] | None = None,
                service: str = "") -> tuple[verification.Report, object]:
    """(the report, the credential as read — None when it is not JSON)."""
    try:
        credential = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        credential = None
    return verification.verify(credential, checks(keys, service, credential)), credential
