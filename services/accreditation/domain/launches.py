"""ASMT-11 逐级启动: the province opens an occupation's levels one at a time, from the
lowest up (004 §三: 初级 first, then 中级, then the higher ones); a level accepts
applications only once launched in the province of the evaluation organisation."""

from dataclasses import dataclass
from datetime import datetime

from servicekit.errors import AlreadyExists, FailedPrecondition

from . import occupations


def province_of(region_code: str) -> str:
    """The province-level division code of a division (220102 → 220000)."""
    return f"{region_code[:2]}0000"


@dataclass(frozen=True)
class LevelLaunch:
    province: str
    occupation_code: str
    level: int
    actor: str
    launched_at: datetime

    @property
    def name(self) -> str:
        return f"levelLaunches/{self.province}-{self.occupation_code}-{self.level}"

    @classmethod
    def launch(cls, *, province: str, occupation_code: str, level: int, launched: set[int],
               actor: str, at: datetime) -> "LevelLaunch":
        """`launched`: the occupation's levels already open in the province."""
        if level in launched:
            raise AlreadyExists(f"level {level} of {occupation_code} is already launched "
                                f"in {province}")
        order = sorted(occupations.find(occupation_code).levels, reverse=True)  # 5 … 1
        below = order[:order.index(level)]
        if below and below[-1] not in launched:
            raise FailedPrecondition(
                "ASMT_11_LOWER_LEVEL_FIRST", f"levels are launched one at a time: level "
                f"{below[-1]} of {occupation_code} must be launched in {province} before "
                f"level {level}")
        return cls(province, occupation_code, level, actor, at)


def require_launched(launched: bool, *, province: str, occupation_code: str,
                     level: int) -> None:
    if not launched:
        raise FailedPrecondition(
            "ASMT_11_LEVEL_NOT_LAUNCHED", f"level {level} of {occupation_code} is not launched "
            f"in {province}; it accepts no applications yet")
