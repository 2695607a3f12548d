"""CERT-4 without enumeration: per-client lookup budgets, a stricter budget of failed
name matches per certificate number, and the same spending for an unknown number and a
wrong name. A fake clock, so no test waits."""

import pytest

from servicekit.errors import NotFound, ResourceExhausted
from servicekit.ratelimit import TokenBuckets
from services.certificates.domain.lookup_budget import LookupBudget, LookupLimits


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def budget(clock, per_minute=60, burst=3, failures=2) -> LookupBudget:
    return LookupBudget(LookupLimits(per_minute, burst, failures),
                        clients=TokenBuckets(per_minute / 60, burst, clock=clock),
                        numbers=TokenBuckets(failures / 3600, failures, clock=clock))


def miss():
    raise NotFound("no certificate with this number and holder name")


def test_token_bucket_refills_at_its_rate_and_forgets_old_keys():
    clock = Clock()
    buckets = TokenBuckets(rate=2.0, burst=2, max_keys=2, clock=clock)
    assert buckets.take("a") == buckets.take("a") == 0.0
    assert buckets.take("a") == pytest.approx(0.5)
    clock.now += 0.5
    assert buckets.take("a") == 0.0
    buckets.take("b"), buckets.take("c")   # "a" is the oldest and goes
    assert buckets.wait("a") == 0.0
    with pytest.raises(ValueError):
        TokenBuckets(rate=0, burst=1)


def test_a_client_over_its_budget_is_told_when_to_come_back():
    clock = Clock()
    guard = budget(clock)
    for _ in range(3):
        assert guard.guard("1.2.3.4", "N1", lambda: "found") == "found"
    with pytest.raises(ResourceExhausted) as caught:
        guard.guard("1.2.3.4", "N1", lambda: "found")
    assert caught.value.retry_after == pytest.approx(1.0)
    assert guard.guard("5.6.7.8", "N1", lambda: "found") == "found"  # another client
    clock.now += 1.0
    assert guard.guard("1.2.3.4", "N1", lambda: "found") == "found"


def test_failed_name_matches_lock_the_number_for_every_client():
    clock = Clock()
    guard = budget(clock, burst=100)
    for client in ("a", "b"):
        with pytest.raises(NotFound):
            guard.guard(client, "N1", miss)
    with pytest.raises(ResourceExhausted) as caught:   # the right name, from a third client
        guard.guard("c", "N1", lambda: "found")
    assert caught.value.retry_after == pytest.approx(1800)
    assert guard.guard("c", "N2", lambda: "found") == "found"
    clock.now += 1800
    assert guard.guard("c", "N1", lambda: "found") == "found"


def test_successful_lookups_do_not_spend_the_numbers_failure_budget():
    guard = budget(Clock(), burst=100, failures=1)
    for _ in range(10):
        guard.guard("a", "N1", lambda: "found")
    with pytest.raises(NotFound):
        guard.guard("a", "N1", miss)
