"""The stakeholder plan's figures: the power/interest grid, the RACI matrix and the status line."""

from __future__ import annotations

from dataclasses import dataclass

from pmpath.analysis.evm import EarnedValue, earned_value_analysis
from pmpath.kinds.base import Context, Figures
from pmpath.kinds.stakeholder_plan.model import StakeholderPlan
from pmpath.kinds.stakeholder_plan.rules import (
    ACCOUNTABLE,
    LETTERS,
    QUADRANTS,
    RESPONSIBLE,
    green_floor,
    high_from,
    index_readings,
    letters_of,
    normal_letter,
    quadrant,
    uncovered_key_players,
)


@dataclass(frozen=True)
class Placement:
    name: str
    role: str
    power: float
    interest: float
    quadrant: str | None
    """None when power or interest is off the 1–5 scale."""


@dataclass(frozen=True)
class RaciLine:
    deliverable: str
    letters: dict[str, str]
    """Role -> letter as written."""
    problem: str
    """'' when the row has exactly one A and at least one R; else what is wrong, briefly."""


@dataclass(frozen=True)
class StakeholderFigures(Figures):
    grid: dict[str, list[str]]
    """Quadrant -> names: manage-closely, keep-satisfied, keep-informed, monitor."""
    key_players: list[str]
    uncovered_key_players: list[str]
    """Key players whom no daily, twice-weekly or weekly communication reaches."""
    rag: dict[str, str]
    """overall, schedule, scope, budget: green, amber or red."""
    spi: float | None
    """Earned value ÷ planned value when the report gives them, else the stated spi."""
    cpi: float | None
    earned_value: EarnedValue | None
    """Every earned-value figure, when planned value, earned value and actual cost are given."""
    high_from: float
    green_floor: float
    period: str
    spi_working: str
    cpi_working: str
    placements: list[Placement]
    raci_roles: list[str]
    raci_rows: list[RaciLine]

    _internal = ("high_from", "green_floor", "period", "spi_working", "cpi_working", "placements",
                 "raci_roles", "raci_rows")


def row_problem(assign: dict[str, str], declared: list[str]) -> str:
    letters = letters_of(assign)
    accountable = sum(1 for letter in letters.values() if letter in ACCOUNTABLE)
    problems = []
    if accountable == 0:
        problems.append("no A")
    elif accountable > 1:
        problems.append(f"{accountable} As")
    if not any(letter in RESPONSIBLE for letter in letters.values()):
        problems.append("no R")
    if any(normal_letter(letter) not in LETTERS for letter in assign.values()):
        problems.append("letter to fix")
    if any(role not in declared for role in assign):
        problems.append("role not declared")
    return ", ".join(problems)


def figures(doc: StakeholderPlan, ctx: Context) -> StakeholderFigures:
    high = high_from(ctx)
    grid: dict[str, list[str]] = {name: [] for name in QUADRANTS}
    placements = []
    for stakeholder in doc.stakeholders:
        where = quadrant(stakeholder, high)
        if where is not None:
            grid[where].append(stakeholder.name)
        placements.append(Placement(stakeholder.name, stakeholder.role, stakeholder.power,
                                    stakeholder.interest, where))
    report = doc.status_report
    spi_reading, cpi_reading = index_readings(doc)
    evm = None
    if None not in (report.planned_value, report.earned_value, report.actual_cost):
        evm = earned_value_analysis(report.planned_value, report.earned_value,
                                    report.actual_cost, report.budget_at_completion)
    declared = list(doc.raci.roles)
    extra = [role for row in doc.raci.rows for role in row.assign if role not in declared]
    return StakeholderFigures(
        grid=grid, key_players=list(grid["manage-closely"]),
        uncovered_key_players=[doc.stakeholders[index].name
                               for index in uncovered_key_players(doc, high)],
        rag={"overall": report.overall, "schedule": report.schedule, "scope": report.scope,
             "budget": report.budget},
        spi=spi_reading.value, cpi=cpi_reading.value, earned_value=evm, high_from=high,
        green_floor=green_floor(ctx),
        period=report.period, spi_working=spi_reading.working, cpi_working=cpi_reading.working,
        placements=placements, raci_roles=declared + list(dict.fromkeys(extra)),
        raci_rows=[RaciLine(row.deliverable, dict(row.assign),
                                   row_problem(row.assign, declared))
                   for row in doc.raci.rows])
