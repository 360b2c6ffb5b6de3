"""Earned value management: how far the work is ahead or behind, in time and in money.

The formulas are those of the PMBOK Guide (6th edition, section 7.4, Table 7-1,
"Earned Value Calculations Summary Table"):

- schedule variance SV = EV − PV, schedule performance index SPI = EV / PV;
- cost variance CV = EV − AC, cost performance index CPI = EV / AC;
- estimate at completion EAC = BAC / CPI (today's cost efficiency continues),
  estimate to complete ETC = EAC − AC, variance at completion VAC = BAC − EAC;
- to-complete performance index TCPI = (BAC − EV) / (BAC − AC): the cost efficiency
  the remaining work needs to finish on the original budget.

PV (planned value) is the budgeted cost of the work that should be done by now, EV
(earned value) the budgeted cost of the work actually done, AC (actual cost) what
that work really cost, BAC (budget at completion) the whole budget. An index below
1.0 means behind schedule (SPI) or over budget (CPI).

Every function takes plain numbers and raises ``ValueError`` when the ratio is
undefined (a zero divisor), so callers decide what to say instead.
"""

from __future__ import annotations

from dataclasses import dataclass


def _ratio(numerator: float, denominator: float, what: str) -> float:
    if denominator == 0:
        raise ValueError(f"{what} is undefined when its divisor is 0")
    return numerator / denominator


def schedule_variance(earned_value: float, planned_value: float) -> float:
    """SV = EV − PV: negative means behind schedule, in money."""
    return earned_value - planned_value


def cost_variance(earned_value: float, actual_cost: float) -> float:
    """CV = EV − AC: negative means over budget."""
    return earned_value - actual_cost


def schedule_performance_index(earned_value: float, planned_value: float) -> float:
    """SPI = EV / PV."""
    return _ratio(earned_value, planned_value, "SPI (planned value 0)")


def cost_performance_index(earned_value: float, actual_cost: float) -> float:
    """CPI = EV / AC."""
    return _ratio(earned_value, actual_cost, "CPI (actual cost 0)")


def estimate_at_completion(budget_at_completion: float, cpi: float) -> float:
    """EAC = BAC / CPI: the final cost if the work goes on at today's cost efficiency."""
    return _ratio(budget_at_completion, cpi, "EAC (CPI 0)")


def estimate_to_complete(eac: float, actual_cost: float) -> float:
    """ETC = EAC − AC: what the rest of the work is expected to cost."""
    return eac - actual_cost


def variance_at_completion(budget_at_completion: float, eac: float) -> float:
    """VAC = BAC − EAC: negative means the project is expected to end over budget."""
    return budget_at_completion - eac


def to_complete_performance_index(budget_at_completion: float, earned_value: float,
                                  actual_cost: float) -> float:
    """TCPI = (BAC − EV) / (BAC − AC): work left over money left, against the budget."""
    return _ratio(budget_at_completion - earned_value, budget_at_completion - actual_cost,
                  "TCPI (the budget is all spent)")


@dataclass(frozen=True)
class EarnedValue:
    """Every earned-value figure that the given numbers define (None where undefined)."""

    planned_value: float
    earned_value: float
    actual_cost: float
    budget_at_completion: float | None
    schedule_variance: float
    cost_variance: float
    spi: float | None
    cpi: float | None
    eac: float | None
    etc: float | None
    vac: float | None
    tcpi: float | None


def earned_value_analysis(planned_value: float, earned_value: float, actual_cost: float,
                          budget_at_completion: float | None = None) -> EarnedValue:
    """All the figures at once; ratios with a zero divisor are None rather than errors."""
    spi = (schedule_performance_index(earned_value, planned_value) if planned_value else None)
    cpi = cost_performance_index(earned_value, actual_cost) if actual_cost else None
    eac = etc = vac = tcpi = None
    if budget_at_completion is not None:
        if cpi:
            eac = estimate_at_completion(budget_at_completion, cpi)
            etc = estimate_to_complete(eac, actual_cost)
            vac = variance_at_completion(budget_at_completion, eac)
        if budget_at_completion != actual_cost:
            tcpi = to_complete_performance_index(budget_at_completion, earned_value,
                                                 actual_cost)
    return EarnedValue(planned_value=planned_value, earned_value=earned_value,
                       actual_cost=actual_cost, budget_at_completion=budget_at_completion,
                       schedule_variance=schedule_variance(earned_value, planned_value),
                       cost_variance=cost_variance(earned_value, actual_cost),
                       spi=spi, cpi=cpi, eac=eac, etc=etc, vac=vac, tcpi=tcpi)
