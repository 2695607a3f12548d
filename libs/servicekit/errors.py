"""The few errors domain code raises; `grpcserver` maps each to a google.rpc.Status."""

from dataclasses import dataclass, field


class DomainError(Exception):
    """Base of every error that is the caller's doing, never INTERNAL."""

    # true when the same request may succeed later: an event consumer retries it
    transient = False


class NotFound(DomainError):
    pass


class AlreadyExists(DomainError):
    pass


class Aborted(DomainError):
    """A concurrency conflict: the resource changed since the caller read it (a stale etag,
    AIP-154); read it again and retry."""


class PermissionDenied(DomainError):
    pass


class Unauthenticated(DomainError):
    pass


class ResourceExhausted(DomainError):
    """The caller has used its budget; it may try again after `retry_after` seconds."""

    def __init__(self, message: str, retry_after: float):
        self.retry_after = retry_after
        super().__init__(message)


class Unavailable(DomainError):
    """A service this command depends on did not answer in time; the caller may retry."""

    transient = True


@dataclass
class FieldViolation:
    field: str
    description: str


class InvalidArgument(DomainError):
    """One field violation per bad field, all reported at once."""

    def __init__(self, violations: list[FieldViolation]):
        self.violations = violations
        super().__init__("; ".join(f"{v.field}: {v.description}" for v in violations))


class FailedPrecondition(DomainError):
    """A business rule refused the command. `reason` starts with the rule ID
    (`INST_2_SEPARATION` for INST-2) and becomes `ErrorInfo.reason`."""

    def __init__(self, reason: str, message: str, **metadata: str):
        self.reason = reason
        self.rule_id = "-".join(reason.split("_")[:2])
        self.metadata = metadata
        super().__init__(f"{self.rule_id}: {message}")


@dataclass
class Violations:
    """Collects field violations so a request reports every bad field in one answer."""

    items: list[FieldViolation] = field(default_factory=list)

    def add(self, field_name: str, description: str) -> None:
        self.items.append(FieldViolation(field_name, description))

    def check(self, ok: bool, field_name: str, description: str) -> bool:
        if not ok:
            self.add(field_name, description)
        return ok

    def text(self, value: str, field_name: str, max_length: int, required: bool = True) -> str:
        """Free text: trimmed, within its length, no control characters (a NUL would make
        PostgreSQL fail on a caller's mistake)."""
        value = value.strip()
        if required and not value:
            self.add(field_name, "is required")
        elif len(value) > max_length:
            self.add(field_name, f"at most {max_length} characters")
        elif any(ord(c) < 32 or ord(c) == 127 for c in value):
            self.add(field_name, "must not contain control characters")
        return value

    def raise_if_any(self) -> None:
        if self.items:
            raise InvalidArgument(self.items)
