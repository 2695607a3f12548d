"""Bitstring Status Lists (W3C Recommendation "Bitstring Status List v1.0") for CERT-3.

Each certificate has one position in a `revocation` list and one in a `suspension` list;
a set bit means revoked (or replaced, which is as final) or suspended. Positions are drawn
at random from a list's free positions, so a position says nothing about when a
certificate was issued or how many there are (the spec's §2.1 and privacy section). A
list has 131,072 bits (16 KB), the spec's minimum; when half of a list is taken, the
next list opens, so a random draw rarely collides."""

import base64
import gzip
from dataclasses import dataclass
from datetime import datetime, timezone

from anbao.certificates.v1 import certificates_pb2 as pb

PURPOSES = ("revocation", "suspension")
LIST_BITS = 131_072
FILL_LIMIT = LIST_BITS // 2
CONTEXT = "https://www.w3.org/ns/credentials/v2"  # defines the status list terms too


@dataclass(frozen=True)
class Position:
    purpose: str
    list_number: int
    position: int


def bits_for(status: int) -> dict[str, bool]:
    """Which of a certificate's bits are set in each purpose's list."""
    return {"revocation": status in (pb.CERTIFICATE_STATUS_REVOKED,
                                     pb.CERTIFICATE_STATUS_REPLACED),
            "suspension": status == pb.CERTIFICATE_STATUS_SUSPENDED}


def list_url(base: str, purpose: str, list_number: int) -> str:
    return f"{base.rstrip('/')}/api/v1/status-lists/{purpose}/{list_number}"


def entries(positions: list[Position], base: str) -> list[dict]:
    """The credential's `credentialStatus`: one BitstringStatusListEntry per purpose."""
    out = []
    for p in sorted(positions, key=lambda p: PURPOSES.index(p.purpose)):
        url = list_url(base, p.purpose, p.list_number)
        out.append({"id": f"{url}#{p.position}", "type": "BitstringStatusListEntry",
                    "statusPurpose": p.purpose, "statusListIndex": str(p.position),
                    "statusListCredential": url})
    return out


def encode(set_positions: list[int], length: int = LIST_BITS) -> str:
    """Multibase (`u`, base64url without padding) of the GZIP-compressed bitstring; index 0
    is the left-most (most significant) bit of the first byte."""
    bits = bytearray(length // 8)
    for position in set_positions:
        bits[position // 8] |= 0x80 >> (position % 8)
    # mtime=0: the same bits always give the same bytes, so replicas sign the same list
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def decode(encoded_list: str) -> bytes:
    """The uncompressed bitstring; ValueError when it is not a valid encoded list."""
    if not isinstance(encoded_list, str) or not encoded_list.startswith("u"):
        raise ValueError("encodedList is not multibase base64url ('u')")
    body = encoded_list[1:]
    try:
        bits = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (ValueError, OSError, EOFError) as exc:
        raise ValueError(f"encodedList does not decode: {exc}") from exc
    if len(bits) * 8 < LIST_BITS:
        raise ValueError(f"the list has {len(bits) * 8} entries, fewer than {LIST_BITS}")
    return bits


def bit(bits: bytes, position: int) -> bool:
    if not 0 <= position < len(bits) * 8:
        raise ValueError(f"statusListIndex {position} is outside the list")
    return bool(bits[position // 8] & (0x80 >> (position % 8)))


def credential(*, url: str, purpose: str, issuer_id: str, encoded_list: str,
               valid_from: datetime, ttl_seconds: int) -> dict:
    """The BitstringStatusListCredential, before its proof."""
    return {
        "@context": [CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id,
        "validFrom": valid_from.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {"id": f"{url}#list", "type": "BitstringStatusList",
                              "statusPurpose": purpose, "encodedList": encoded_list,
                              "ttl": ttl_seconds * 1000},
    }
