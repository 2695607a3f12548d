"""The messages that reach certificates' handlers; `parse` reports every bad field."""

from dataclasses import dataclass
from datetime import datetime

from anbao.certificates.v1 import certificates_pb2 as pb
from servicekit import dates, divisions, paging, uscc
from servicekit.auth import Caller
from servicekit.errors import Violations
from servicekit.messagebus import Query
from servicekit.names import resource_id

from . import employers, numbering, statuslist


def _number(number: str, field: str, v: Violations) -> str:
    v.check(numbering.is_certificate_number(number, dates.today()), field,
            "is not a certificate number (a 22-character national skill number or a "
            "17-character training-completion number)")
    return number


def _name(name: str, v: Violations) -> str:
    if v.check(name.startswith("certificates/"), "name", "must be certificates/{number}"):
        _number(name.removeprefix("certificates/"), "name", v)
    return name.removeprefix("certificates/")


@dataclass(frozen=True)
class GetCertificate(Query):
    actor: Caller
    number: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str) -> "GetCertificate":
        v = Violations()
        number = _name(name, v)
        v.raise_if_any()
        return cls(actor, number)


@dataclass(frozen=True)
class ChangeStatus:
    """CERT-3: a status change of one certificate, by an actor, with a reason."""

    actor: Caller
    number: str
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, reason: str):
        v = Violations()
        number = _name(name, v)
        reason = v.text(reason, "reason", 500)  # every change says why
        v.raise_if_any()
        return cls(actor, number, reason)


class SuspendCertificate(ChangeStatus):
    pass


class ReinstateCertificate(ChangeStatus):
    pass


class ReplaceCertificate(ChangeStatus):
    pass


@dataclass(frozen=True)
class RevokeCertificate:
    actor: Caller
    number: str
    revocation_reason: int
    reason: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str, revocation_reason: int,
              reason: str) -> "RevokeCertificate":
        """CERT-3: a reason from the fixed list; free text required with OTHER."""
        v = Violations()
        number = _name(name, v)
        v.check(revocation_reason in pb.RevocationReason.values()
                and revocation_reason != pb.REVOCATION_REASON_UNSPECIFIED, "revocation_reason",
                "is required: FRAUD, ISSUED_IN_ERROR, HOLDER_DECEASED, ORGANISATION_REVOKED "
                "or OTHER")
        reason = v.text(reason, "reason", 500,
                        required=revocation_reason == pb.REVOCATION_REASON_OTHER)
        v.raise_if_any()
        return cls(actor, number, revocation_reason, reason)


@dataclass(frozen=True)
class ListCertificateHistory(Query):
    actor: Caller
    number: str
    page: paging.Page

    @classmethod
    def parse(cls, actor: Caller, *, name: str, page_size: int,
              page_token: str) -> "ListCertificateHistory":
        v = Violations()
        number = _name(name, v)
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, number, page)


@dataclass(frozen=True)
class GetStatusList(Query):
    """A published Bitstring Status List credential."""

    purpose: str
    list_number: int

    @classmethod
    def parse(cls, *, purpose: str, list_number: str) -> "GetStatusList":
        v = Violations()
        v.check(purpose in statuslist.PURPOSES, "purpose", "must be revocation or suspension")
        v.check(list_number.isascii() and list_number.isdigit() and len(list_number) < 7,
                "list_number", "must be a list number")
        v.raise_if_any()
        return cls(purpose, int(list_number))


@dataclass(frozen=True)
class VerifyCertificate(Query):
    """Anyone checks a credential; `credential` is its parsed JSON (any value)."""

    credential: object


@dataclass(frozen=True)
class ListCertificates(Query):
    actor: Caller
    person_id: str
    page: paging.Page

    @classmethod
    def parse(cls, actor: Caller, *, person: str, page_size: int,
              page_token: str) -> "ListCertificates":
        v = Violations()
        person_id = resource_id(person, "persons", "person", v) if person else ""
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, person_id, page)


@dataclass(frozen=True)
class LookupCertificate(Query):
    """CERT-4: the public lookup, by number and holder name."""

    number: str
    holder_name: str
    client: str  # the caller's address, for the lookup budget

    @classmethod
    def parse(cls, *, number: str, holder_name: str, client: str,
              fields: tuple[str, str] = ("number", "holder_name")) -> "LookupCertificate":
        v = Violations()
        _number(number, fields[0], v)
        name = v.text(holder_name, fields[1], 50)
        v.raise_if_any()
        return cls(number, name, client)


@dataclass(frozen=True)
class LookupByLink(Query):
    """CERT-4: the lookup a printed certificate's QR link makes: the number its signed
    token resolved to (verification_link.py), without the holder's name."""

    number: str
    client: str


@dataclass(frozen=True)
class ListVerificationKeys(Query):
    pass


@dataclass(frozen=True)
class RotateSigningKey:
    pass


@dataclass(frozen=True)
class MarkSigningKeyCompromised:
    """Signatures by `key_id` made at or after `since` are not trusted any more."""

    key_id: str
    since: datetime

    @classmethod
    def parse(cls, *, key: str, compromise_time: datetime | None,
              now: datetime) -> "MarkSigningKeyCompromised":
        v = Violations()
        v.check(key.startswith("did:key:z") and "#" in key and len(key) <= 200, "key",
                "must be a verification key id (did:key:z…#z…)")
        if v.check(compromise_time is not None, "compromise_time", "is required"):
            v.check(compromise_time <= now, "compromise_time", "must not be in the future")
        v.raise_if_any()
        return cls(key, compromise_time)


# Employers (EMP-1..5): see domain/employers.py


def _employer(parent: str, field: str, v: Violations) -> str:
    """employers/{uscc} → the USCC."""
    code = parent.removeprefix("employers/")
    if v.check(parent.startswith("employers/"), field, "must be employers/{uscc}"):
        try:
            v.check(uscc.validate_uscc(code) == code, field,
                    "must be employers/{uscc} with the code in upper case")
        except uscc.InvalidUscc as exc:
            v.add(field, str(exc))
    return code


@dataclass(frozen=True)
class RegisterEmployer:
    actor: Caller
    uscc: str
    display_name: str
    region_code: str
    webhook_url: str

    @classmethod
    def parse(cls, actor: Caller, *, uscc_code: str, display_name: str, region_code: str,
              webhook_url: str, allow_loopback_http: bool) -> "RegisterEmployer":
        v = Violations()
        try:
            code = uscc.validate_uscc(uscc_code)
        except uscc.InvalidUscc as exc:
            v.add("employer.uscc", str(exc))
            code = uscc_code
        display_name = v.text(display_name, "employer.display_name", 100)
        v.check(divisions.is_known_division(region_code), "employer.region_code",
                "must be a 6-digit division code (GB/T 2260)")
        url = employers.check_webhook_url(webhook_url, "employer.webhook_url", v,
                                          allow_loopback_http=allow_loopback_http)
        v.raise_if_any()
        return cls(actor, code, display_name, region_code, url)


@dataclass(frozen=True)
class GetEmployer(Query):
    actor: Caller
    uscc: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str) -> "GetEmployer":
        v = Violations()
        code = _employer(name, "name", v)
        v.raise_if_any()
        return cls(actor, code)


@dataclass(frozen=True)
class WatchCertificate:
    """EMP-1: number and holder name together, as the lookup takes them (CERT-4)."""

    actor: Caller
    employer: str
    number: str
    holder_name: str

    @classmethod
    def parse(cls, actor: Caller, *, parent: str, number: str,
              holder_name: str) -> "WatchCertificate":
        v = Violations()
        employer = _employer(parent, "parent", v)
        _number(number, "number", v)
        name = v.text(holder_name, "holder_name", 50)
        v.raise_if_any()
        return cls(actor, employer, number, name)


@dataclass(frozen=True)
class UnwatchCertificate:
    actor: Caller
    employer: str
    number: str

    @classmethod
    def parse(cls, actor: Caller, *, name: str) -> "UnwatchCertificate":
        v = Violations()
        parent, _, number = name.partition("/watches/")
        employer = _employer(parent, "name", v)
        if v.check(bool(number), "name", "must be employers/{uscc}/watches/{number}"):
            _number(number, "name", v)
        v.raise_if_any()
        return cls(actor, employer, number)


@dataclass(frozen=True)
class ListWatches(Query):
    actor: Caller
    employer: str
    page: paging.Page

    @classmethod
    def parse(cls, actor: Caller, *, parent: str, page_size: int, page_token: str):
        v = Violations()
        employer = _employer(parent, "parent", v)
        page = paging.Page.parse(page_size, page_token, v)
        v.raise_if_any()
        return cls(actor, employer, page)


class ListDeliveries(ListWatches):
    pass


@dataclass(frozen=True)
class BatchLookup(Query):
    """EMP-4: up to 500 number + name pairs, each answered as the lookup would (CERT-4);
    a malformed pair is answered alone, it does not fail the others."""

    actor: Caller
    pairs: tuple[tuple[str, str], ...]
