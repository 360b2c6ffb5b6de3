"""Capacity arithmetic against figures worked out by hand (spec/artifacts.md, "capacity-plan").

Worked example A, the curriculum's hint: 63 workdays, eight people at fte 1.0 with 5 days
off each: (63 - 5) x 1.0 = 58 each, x 8 = 464; x 0.7 focus = 324.8 capacity;
x (1 - 0.15) = 276.08 usable. Demand 90 + 60 + 50 = 200, so utilization
200 / 276.08 = 0.72443; per sprint 276.08 / (63 / 10) = 43.822 days.

Worked example B, the model answer (curriculum/examples/capacity-plan.yaml): Q1 2027 has
65 weekdays (Monday 2027-01-04 to Friday 2027-04-02 is 13 whole weeks); minus the US
holidays 2027-01-18 and 2027-02-15 and a company day 2027-03-05 leaves 62 workdays.
Available days (62 - days_off) x fte:

    Ana 57, Ben 54, Chen 59, Dara 57      (fte 1.0, 5/8/3/5 days off)
    Elif (62 - 2) x 0.8 = 48, Farid 52    (fte 0.8 and 1.0, 2 and 10 days off)
    Grace 62 x 0.5 = 31, Hugo 58 x 0.5 = 29
    sum 387; capacity 387 x 0.7 = 270.9; usable 270.9 x 0.85 = 230.265
    demand 64 + 35 + 10 + 32 + 24 + 18 + 12 = 195; utilization 195 / 230.265 = 0.846850
    per sprint 230.265 x 10 / 62 = 37.1395

Per role, usable_r = available x 0.7 x 0.85 = available x 0.595:

    product designer: Hugo 29 x 0.595 = 17.255, demand 10 -> 0.57954
    site reliability engineer: Grace 31 x 0.595 = 18.445, demand 12 -> 0.65058
    backend engineer: (54 + 59) x 0.595 = 67.235, demand 0 -> 0
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pmpath.analysis.capacity import (
    available_days,
    capacity_numbers,
    quarter_weeks,
    quarter_workdays,
    role_key,
    role_numbers,
)

START, END = date(2027, 1, 4), date(2027, 4, 2)
US_HOLIDAYS = [date(2027, 1, 18), date(2027, 2, 15)]  # Martin Luther King Jr. Day, Presidents' Day
MODEL_TEAM = [("tech lead", 1.0, 5), ("backend engineer", 1.0, 8), ("backend engineer", 1.0, 3),
              ("frontend engineer", 1.0, 5), ("frontend engineer", 0.8, 2),
              ("QA engineer", 1.0, 10), ("site reliability engineer", 0.5, 0),
              ("product designer", 0.5, 4)]


def _weekdays_by_walking(first: date, last: date, holidays: list[date]) -> int:
    """Count day by day, independently of WorkCalendar's weekly arithmetic."""
    count, day = 0, first
    while day <= last:
        if day.weekday() < 5 and day not in holidays:
            count += 1
        day += timedelta(days=1)
    return count


def test_q1_2027_workdays() -> None:
    assert START.weekday() == 0 and END.weekday() == 4
    assert quarter_workdays(START, END) == 65
    assert quarter_workdays(START, END, US_HOLIDAYS) == 63
    assert quarter_workdays(START, END, [*US_HOLIDAYS, date(2027, 3, 5)]) == 62
    assert _weekdays_by_walking(START, END, US_HOLIDAYS) == 63
    # A Saturday (2027-02-13) or a day outside the quarter (2027-05-31) takes nothing away.
    assert quarter_workdays(START, END, [*US_HOLIDAYS, date(2027, 2, 13), date(2027, 5, 31)]) == 63


def test_quarter_weeks_counts_both_ends() -> None:
    # ceil((end - start + 1 day) / 7): 89 days -> 13; Monday-to-Sunday 13 weeks -> 13;
    # twelve Monday-to-Friday weeks (82 days) -> 12; 99 days -> 15.
    assert quarter_weeks(START, END) == 13
    assert quarter_weeks(START, date(2027, 4, 4)) == 13
    assert quarter_weeks(START, date(2027, 3, 26)) == 12
    assert quarter_weeks(START, date(2027, 4, 12)) == 15


def test_worked_example_a() -> None:
    numbers = capacity_numbers(63, [(1.0, 5)] * 8, focus_factor=0.7, buffer=0.15,
                               estimates=[90, 60, 50], sprint_length_days=10)
    assert numbers.workdays == 63
    assert numbers.available_days == (58.0,) * 8
    assert numbers.capacity_days == pytest.approx(324.8)
    assert numbers.usable_days == pytest.approx(276.08)
    assert numbers.demand_days == 200
    assert numbers.utilization == pytest.approx(0.724427, abs=1e-6)
    assert numbers.per_sprint_days == pytest.approx(43.822, abs=1e-3)
    assert numbers.planned_days == pytest.approx((58 * 0.7 * 0.85,) * 8)  # 34.51 each


def test_worked_example_b_the_model_answer() -> None:
    numbers = capacity_numbers(62, [(fte, off) for _, fte, off in MODEL_TEAM], focus_factor=0.7,
                               buffer=0.15, estimates=[64, 35, 10, 32, 24, 18, 12],
                               sprint_length_days=10)
    assert numbers.available_days == pytest.approx((57, 54, 59, 57, 48, 52, 31, 29))
    assert sum(numbers.available_days) == pytest.approx(387)
    assert numbers.capacity_days == pytest.approx(270.9)
    assert numbers.usable_days == pytest.approx(230.265)
    assert numbers.demand_days == 195
    assert numbers.utilization == pytest.approx(0.846850, abs=1e-6)
    assert numbers.per_sprint_days == pytest.approx(37.1395, abs=1e-4)

    roles = role_numbers([(role, days) for (role, _, _), days in
                          zip(MODEL_TEAM, numbers.available_days, strict=True)],
                         [("product designer", 10), ("Site Reliability Engineer", 12)],
                         focus_factor=0.7, buffer=0.15)
    assert list(roles) == ["tech lead", "backend engineer", "frontend engineer", "qa engineer",
                           "site reliability engineer", "product designer"]
    designer = roles["product designer"]
    assert (designer.role, designer.members) == ("product designer", 1)
    assert designer.usable_days == pytest.approx(17.255)
    assert designer.demand_days == 10
    assert designer.utilization == pytest.approx(0.57954, abs=1e-5)
    sre = roles["site reliability engineer"]
    assert sre.role == "site reliability engineer"  # the member's spelling, not the commitment's
    assert sre.usable_days == pytest.approx(18.445)
    assert sre.utilization == pytest.approx(0.65058, abs=1e-5)
    backend = roles["backend engineer"]
    assert backend.members == 2
    assert backend.usable_days == pytest.approx(67.235)
    assert (backend.demand_days, backend.utilization) == (0, 0)


def test_a_role_only_commitments_name_has_no_usable_days() -> None:
    roles = role_numbers([("engineer", 58)], [("data analyst", 5), ("Data  Analyst", 3)],
                         focus_factor=0.7, buffer=0.15)
    analyst = roles["data analyst"]
    assert (analyst.role, analyst.members, analyst.usable_days) == ("data analyst", 0, 0)
    assert analyst.demand_days == 8 and analyst.utilization is None


def test_edges() -> None:
    # Days off beyond the quarter, or a negative fte, give zero days, not negative ones.
    assert available_days(63, 1.0, 70) == 0 and available_days(63, -0.5, 3) == 0
    numbers = capacity_numbers(63, [(1.0, 70), (1.0, 3)], focus_factor=0.5, buffer=0.2,
                               estimates=[], sprint_length_days=10)
    assert numbers.available_days == (0.0, 60.0)
    assert numbers.usable_days == pytest.approx(60 * 0.5 * 0.8)  # 24
    assert numbers.demand_days == 0 and numbers.utilization == 0
    # Nothing usable: utilisation is undefined rather than infinite.
    none = capacity_numbers(0, [(1.0, 0)], focus_factor=0.7, buffer=0.15, estimates=[10],
                            sprint_length_days=10)
    assert none.utilization is None and none.per_sprint_days is None


def test_roles_are_compared_without_case_or_extra_spaces() -> None:
    assert role_key("QA  Engineer ") == role_key("qa engineer") == "qa engineer"
