"""How much the public may ask (CERT-4 without enumeration): each client has a budget
of lookups, and each certificate number a stricter budget of failed name matches, so
guessing a holder's name, or finding which numbers exist, costs an attacker days. An
unknown number and a wrong name spend the same budgets and get the same answer."""

from dataclasses import dataclass

from servicekit.errors import NotFound, ResourceExhausted
from servicekit.ratelimit import TokenBuckets


@dataclass(frozen=True)
class LookupLimits:
    per_client_per_minute: int = 60
    client_burst: int = 20
    failures_per_number_per_hour: int = 10


class LookupBudget:
    def __init__(self, limits: LookupLimits, clients: TokenBuckets | None = None,
                 numbers: TokenBuckets | None = None):
        self._clients = clients or TokenBuckets(limits.per_client_per_minute / 60,
                                                limits.client_burst)
        self._numbers = numbers or TokenBuckets(limits.failures_per_number_per_hour / 3600,
                                                limits.failures_per_number_per_hour)

    def admit(self, client: str, number: str) -> None:
        """Before a lookup: the client has budget left, and the number is not locked by
        earlier failed matches (whoever made them)."""
        for buckets, key, spend in ((self._clients, client, True),
                                    (self._numbers, number, False)):
            wait = buckets.take(key) if spend else buckets.wait(key)
            if wait:
                raise ResourceExhausted("too many lookups; try again later", wait)

    def failed(self, number: str) -> None:
        """After a lookup that found no certificate with this number and name."""
        self._numbers.take(number)

    def guard(self, client: str, number: str, lookup):
        """Runs `lookup()` within the budgets; a NotFound spends the number's budget."""
        self.admit(client, number)
        try:
            return lookup()
        except NotFound:
            self.failed(number)
            raise

    def guard_number(self, number: str, lookup):
        """For an authenticated caller (an employer, EMP-1/EMP-4): only the number's budget
        of failed matches — a locked number is refused, a NotFound spends it."""
        wait = self._numbers.wait(number)
        if wait:
            raise ResourceExhausted("too many failed matches for this number; try again "
                                    "later", wait)
        try:
            return lookup()
        except NotFound:
            self.failed(number)
            raise
