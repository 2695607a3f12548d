"""The service's calendar day: China's date (servicekit.dates.today), unless pinned.
Filing (TRN-2), enrolment (TRN-12), sign-in (TRN-9), completion (CERT-2) and retention
(TRN-7) all read it, so a test can walk a class through its weeks by moving `pinned`
(the runtime's `clock`); production never pins it."""

from datetime import date

from servicekit import dates


class Clock:
    def __init__(self, pinned: date | None = None):
        self.pinned = pinned

    def today(self) -> date:
        return self.pinned or dates.today()
