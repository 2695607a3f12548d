"""The occupations a class may train for, and their levels, from data/occupations.csv."""

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Occupation:
    code: str
    name: str
    levels: frozenset[int]


@cache
def all_occupations() -> dict[str, Occupation]:
    text = resources.files("services.training").joinpath("data", "occupations.csv").read_text(
        encoding="utf-8")
    rows = csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))
    return {r["code"]: Occupation(r["code"], r["name"], frozenset(map(int, r["levels"].split())))
            for r in rows}


def find(code: str) -> Occupation | None:
    return all_occupations().get(code)
