"""Occupations and their levels as reference data (ASMT-1), from data/occupations.csv."""

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

GUARD = "4-07-05-01"           # 保安员
ADMINISTRATOR = "3-02-02-00"   # 保卫管理员



@dataclass(frozen=True)
class Occupation:
    code: str
    name: str
    levels: frozenset[int]
    edition: str


@cache
def all_occupations() -> dict[str, Occupation]:
    text = resources.files("services.accreditation").joinpath("data", "occupations.csv").read_text(
        encoding="utf-8")
    rows = csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))
    return {r["code"]: Occupation(r["code"], r["name"], frozenset(map(int, r["levels"].split())),
                                  r["edition"]) for r in rows}


def find(code: str) -> Occupation | None:
    return all_occupations().get(code)
