"""POOL-4 (003 §三(三)): training is reported quarterly — per occupation, the classes
completed (their completion review passed) in the quarter, their trainees and hours.
Subsidies paid join the lines once the subsidy ledger reports them (SubsidyPaid)."""

from dataclasses import dataclass

from .plans import PlanRules


@dataclass
class Line:
    occupation_code: str
    occupation_name: str
    classes: int = 0
    trainees: int = 0
    completed_trainees: int = 0
    planned_class_hours: int = 0
    trainee_class_hours: int = 0
    subsidies_paid_fen: int = 0


def lines(classes: list, rules: PlanRules) -> list[Line]:
    """`classes`: (TrainingClass, [attendance.Verified of each trainee]). One line per
    occupation, in code order."""
    by_code: dict[str, Line] = {}
    for k, verified in classes:
        line = by_code.setdefault(k.occupation_code, Line(k.occupation_code, k.occupation_name))
        line.classes += 1
        line.trainees += len(verified)
        line.completed_trainees += sum(1 for v in verified if v.met)
        line.planned_class_hours += k.class_hours(rules)
        line.trainee_class_hours += sum(v.class_hours for v in verified if v.met)
    return [by_code[code] for code in sorted(by_code)]


def total(all_lines: list[Line]) -> Line:
    out = Line("", "合计")
    for x in all_lines:
        for name in ("classes", "trainees", "completed_trainees", "planned_class_hours",
                     "trainee_class_hours", "subsidies_paid_fen"):
            setattr(out, name, getattr(out, name) + getattr(x, name))
    return out
