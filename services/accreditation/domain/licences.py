"""Security training licences (保安培训许可证, INST-6): for 保安员, training and appraisal
pilot units are chosen only among training units holding one that is valid."""

from dataclasses import dataclass
from datetime import date, datetime

from servicekit.errors import Violations


@dataclass(frozen=True)
class TrainingLicence:
    number: str
    issuer: str
    valid_from: date
    valid_until: date       # inclusive
    recorded_at: datetime

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_until

    @staticmethod
    def validate(v: Violations, valid_from: date | None, valid_until: date | None) -> None:
        if valid_from and valid_until:
            v.check(valid_from <= valid_until, "training_licence.valid_until",
                    "must not be before valid_from")
