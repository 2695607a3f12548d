"""Employers (用人单位) that rely on certificates: who may be registered, and where their
webhooks may point.

Rules (proposed for domain-rules.md, section EMP):
- EMP-1 An employer watches a certificate only by its number and its holder's name
  together, as the public lookup (CERT-4): a wrong name and an unknown number get the
  same answer, so a watchlist cannot be used to find which numbers exist.
- EMP-2 Every status change of a watched certificate reaches each watching employer at
  least once: queued in the change's own transaction, POSTed signed (HMAC-SHA256, Standard
  Webhooks) with the event ID for de-duplication, retried with exponential backoff and
  jitter for 24 hours, every attempt logged.
- EMP-3 A webhook URL is https; plain http only to a loopback address and only where a
  setting allows it (development); never to a private, link-local or otherwise internal
  address (SSRF).
- EMP-4 A batch check holds at most 500 number + name pairs.
- EMP-5 An employer sees and manages only its own watches and deliveries."""

import ipaddress
from urllib.parse import urlsplit

from servicekit.errors import Violations

BATCH_LIMIT = 500  # EMP-4
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def is_loopback(host: str) -> bool:
    address = _address(host)
    return host.lower() in LOOPBACK_NAMES if address is None else address.is_loopback


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """EMP-3: an address a webhook may reach from inside our network."""
    return address.is_global and not address.is_multicast


def address_allowed(host_address: str, allow_loopback: bool) -> bool:
    """EMP-3, at dispatch: the resolved address is public, or loopback where allowed."""
    address = _address(host_address)
    if address is None:
        return False
    if address.is_loopback:
        return allow_loopback
    return is_public_address(address)


def check_webhook_url(url: str, field: str, v: Violations, *, allow_loopback_http: bool) -> str:
    """EMP-3: https to a name or a public address; http only to loopback when allowed."""
    url = v.text(url, field, 500)
    if not url or any(x.field == field for x in v.items):
        return url
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # raises ValueError on a port that is not a number in range
    except ValueError:
        v.add(field, "EMP-3: is not a URL")
        return url
    if parts.username or parts.password:
        v.add(field, "EMP-3: must not carry credentials")
    elif not host:
        v.add(field, "EMP-3: must name a host")
    elif parts.scheme == "http":
        if not (allow_loopback_http and is_loopback(host)):
            v.add(field, "EMP-3: must be https (http is allowed to loopback only in "
                         "development, when the service's settings say so)")
    elif parts.scheme != "https":
        v.add(field, "EMP-3: must be an https URL")
    elif (address := _address(host)) is not None and not (
            is_public_address(address) or (allow_loopback_http and address.is_loopback)):
        v.add(field, "EMP-3: must not point to a private, loopback or link-local address")
    elif host.lower() in LOOPBACK_NAMES and not allow_loopback_http:
        v.add(field, "EMP-3: must not point to a loopback address")
    return url
