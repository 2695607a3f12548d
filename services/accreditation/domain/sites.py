"""ASMT-10: the registered national 保安员 qualification-exam sites (国家保安员资格考试点),
among which the computer-based exams' sites are chosen."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ExamSite:
    id: str
    display_name: str
    region_code: str
    filing_number: str  # its filing (备案) as a national exam site
    created_at: datetime

    @property
    def name(self) -> str:
        return f"examSites/{self.id}"
