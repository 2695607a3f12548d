"""EMP-2: what a webhook carries and how it is signed and retried — pure functions.

Signed as Standard Webhooks (standardwebhooks.com) sign, which is Stripe's scheme with the
message ID added: `webhook-signature: v1,<base64(HMAC-SHA256(key, f"{id}.{timestamp}.{body}"))>`,
with `webhook-id` (the event ID: the same for every retry, so a receiver de-duplicates
by it) and `webhook-timestamp` (Unix seconds: a receiver refuses old ones, against
replay). The key is the base64 after `whsec_` of the employer's secret."""

import base64
import hashlib
import hmac
import json
import random
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from anbao.certificates.v1 import certificates_pb2 as pb
from anbao.certificates.v1 import events_pb2

SECRET_PREFIX = "whsec_"
EVENT_TYPE = "certificate.status_changed"


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def secret_context(uscc: str) -> str:
    """What a sealed secret is bound to: it opens only as this employer's."""
    return f"webhook-secret:{uscc}"


def secret_key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secret: str, message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {"content-type": "application/json", "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature(secret, message_id, timestamp, body)}


def _label(enum, value: int, prefix: str) -> str | None:
    return enum.Name(value).removeprefix(prefix) if value else None


def payload(event: events_pb2.CertificateStatusChanged) -> str:
    """The body: the event's ID and what changed. No personal data, and not the change's
    free text (it may name people; the public lookup does not show it either)."""
    return json.dumps({
        "id": event.event_id, "type": EVENT_TYPE,
        "timestamp": event.occur_time.ToJsonString(),
        "data": {
            "certificate": event.certificate, "number": event.number,
            "fromStatus": _label(pb.CertificateStatus, event.from_status, "CERTIFICATE_STATUS_"),
            "toStatus": _label(pb.CertificateStatus, event.to_status, "CERTIFICATE_STATUS_"),
            "revocationReason": _label(pb.RevocationReason, event.revocation_reason,
                                       "REVOCATION_REASON_"),
            "changeTime": event.change_time.ToJsonString(),
            "replacedBy": event.replaced_by or None}},
        ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class RetrySchedule:
    """Exponential backoff with jitter: attempt n waits base·2^(n-1), at most `cap`, times
    a random factor in [1/2, 1] (so receivers that failed together do not come back
    together); no attempt starts after `window` from the delivery's creation."""

    base: timedelta = timedelta(seconds=10)
    cap: timedelta = timedelta(hours=1)
    window: timedelta = timedelta(hours=24)

    def delay(self, attempts_made: int, rng: random.Random | None = None) -> timedelta:
        full = min(self.cap, self.base * (2 ** max(0, attempts_made - 1)))
        return full * (rng or random).uniform(0.5, 1.0)

    def next_attempt(self, created_at: datetime, attempts_made: int, now: datetime,
                     rng: random.Random | None = None) -> datetime | None:
        """When to try again after `attempts_made` failed attempts; None: give up."""
        due = now + self.delay(attempts_made, rng)
        return due if due < created_at + self.window else None
