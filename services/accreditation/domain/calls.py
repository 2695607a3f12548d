"""Public calls for applications (公开征集, INST-1): the police and human-resources
departments solicit institutions for a role (and occupation) in a region, within a window;
applications are filed against an open call, and the result is published once the window
has closed and every application is decided."""

from dataclasses import dataclass, field
from datetime import date, datetime

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit import divisions
from servicekit.errors import FailedPrecondition


@dataclass(eq=False)
class CallForApplications:
    id: str
    title: str
    role: int
    occupation_code: str
    region_code: str
    open_date: date
    close_date: date          # inclusive
    creator: str
    created_at: datetime
    published_at: datetime | None = None
    closed_at: datetime | None = None    # closed early, before close_date ended
    selected: list[str] = field(default_factory=list)   # institution IDs
    rejected: list[str] = field(default_factory=list)
    events: list = field(default_factory=list, repr=False)

    @property
    def name(self) -> str:
        return f"callsForApplications/{self.id}"

    def is_open_on(self, day: date) -> bool:
        return self.closed_at is None and self.open_date <= day <= self.close_date

    def is_closed_on(self, day: date) -> bool:
        return self.closed_at is not None or day > self.close_date

    def require_open(self, day: date) -> None:
        """INST-1: an application is filed within the call's window, both ends inclusive,
        unless the call was closed early."""
        if not self.is_open_on(day):
            closed = " (closed early)" if self.closed_at else ""
            raise FailedPrecondition(
                "INST_1_CALL_NOT_OPEN", f"the call accepts applications from {self.open_date} "
                f"to {self.close_date}{closed}; today is {day}", call=self.name)

    def close(self, today: date, at: datetime) -> None:
        """INST-1: ends the window early; a call already closed stays as it is."""
        if not self.is_closed_on(today):
            self.closed_at = at

    def require_answers(self, role: int, occupation_codes: tuple[str, ...],
                        region_code: str) -> None:
        """INST-1: an application answers the call's role, occupation and region."""
        if role != self.role:
            raise FailedPrecondition("INST_1_CALL_MISMATCH", "the call solicits another role",
                                     call=self.name)
        if self.occupation_code and self.occupation_code not in occupation_codes:
            raise FailedPrecondition("INST_1_CALL_MISMATCH",
                                     f"the call solicits occupation {self.occupation_code}",
                                     call=self.name)
        if not divisions.within(region_code, self.region_code):
            raise FailedPrecondition("INST_1_CALL_MISMATCH",
                                     f"the call covers division {self.region_code} only",
                                     call=self.name)

    def publish(self, statuses: dict[str, int], today: date, at: datetime) -> None:
        """INST-1 公示: after the window, with every application decided; once."""
        if self.published_at is not None:
            raise FailedPrecondition("INST_1_RESULT_PUBLISHED",
                                     "the call's result is already published", call=self.name)
        if not self.is_closed_on(today):
            raise FailedPrecondition("INST_1_CALL_NOT_CLOSED", f"the call is open until "
                                     f"{self.close_date} inclusive", call=self.name)
        pending = sorted(i for i, s in statuses.items() if s == pb.INSTITUTION_STATUS_APPLIED)
        if pending:
            raise FailedPrecondition("INST_1_UNDECIDED", f"{len(pending)} application(s) "
                                     "still await a decision of both departments",
                                     call=self.name)
        self.selected = sorted(i for i, s in statuses.items()
                               if s != pb.INSTITUTION_STATUS_REJECTED)
        self.rejected = sorted(i for i, s in statuses.items()
                               if s == pb.INSTITUTION_STATUS_REJECTED)
        self.published_at = at
