"""Token buckets per key (a client's address, a certificate number), in memory.

Each bucket holds up to `burst` tokens and refills at `rate` tokens a second; a call
that finds no token is told how long until one is there. Buckets are kept for the most
recently seen `max_keys` keys only, so a flood of new keys cannot grow memory without
bound (a forgotten key starts full again, which only ever errs towards the caller).
Each replica limits on its own; behind N replicas a client gets up to N times the rate."""

import threading
import time
from collections import OrderedDict
from typing import Callable


class TokenBuckets:
    def __init__(self, rate: float, burst: int, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic):
        if rate <= 0 or burst < 1:
            raise ValueError("a token bucket needs a positive rate and a burst of at least 1")
        self._rate, self._burst, self._max = rate, float(burst), max_keys
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key → (tokens, at)
        self._lock = threading.Lock()

    def _level(self, key: str, now: float) -> float:
        tokens, at = self._buckets.get(key, (self._burst, now))
        return min(self._burst, tokens + (now - at) * self._rate)

    def wait(self, key: str) -> float:
        """Seconds until `key` has a token (0.0 when it has one now); takes nothing."""
        with self._lock:
            level = self._level(key, self._clock())
        return 0.0 if level >= 1 else (1 - level) / self._rate

    def take(self, key: str) -> float:
        """Takes a token and returns 0.0, or returns the seconds until one is there."""
        with self._lock:
            now = self._clock()
            level = self._level(key, now)
            if level < 1:
                return (1 - level) / self._rate
            self._buckets[key] = (level - 1, now)
            self._buckets.move_to_end(key)
            while len(self._buckets) > self._max:
                self._buckets.popitem(last=False)
            return 0.0
