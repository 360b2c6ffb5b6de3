"""The metrics dashboard's rules, each bound to its check.

A value still holding a template placeholder (``<number>``) is left alone here:
``common.placeholder`` already asks for it, and a second finding about the same
blank would only be noise.
"""

from __future__ import annotations

from typing import Any

from pmpath.kinds.base import Context, Found, Rule, RuleBook, number, number_text, path_of
from pmpath.kinds.common import is_placeholder
from pmpath.kinds.metrics_dashboard.model import (
    CATEGORIES,
    DIRECTIONS,
    DORA_KEYS,
    DORA_OPTIONAL,
    Kpi,
    MetricsDashboard,
)

THRESHOLDS: dict[str, dict[str, Any]] = {"dash.trend": {"min_periods": 3}}
"""pmpath's defaults for the numbers the rules judge by; ``thresholds`` in
curriculum/rubric.yaml may change them."""

RULES: tuple[Rule, ...] = (
    Rule(
        id="dash.ids",
        severity="error",
        title="KPI ids are unique",
        rationale=(
            "People refer to a KPI by its id in reviews, alerts and the scripts that fill the "
            "dashboard. Two KPIs with the same id means the wrong number gets updated, or one "
            "silently hides the other."
        ),
        hint="Give every KPI its own short id, e.g. deployment-frequency, trial-conversion.",
        passes="kpis:\n  - id: deployment-frequency\n  - id: lead-time",
        fails="kpis:\n  - id: lead-time\n  - id: lead-time",
        weight=2,
    ),
    Rule(
        id="dash.balance",
        severity="error",
        title="Delivery and business KPIs are balanced",
        rationale=(
            "A unified dashboard answers two questions at once: is the team shipping well "
            "(delivery), and is what it ships working for customers and the company "
            "(business)? Delivery numbers alone can look green while the product fails; "
            "business numbers alone cannot tell you why. The exercise asks for a minimum of "
            "each."
        ),
        hint="Add KPIs until each category has the minimum: delivery such as DORA's "
             "deployment frequency or change lead time, business such as conversion, "
             "retention or revenue.",
        passes="3 KPIs with category: delivery and 3 with category: business",
        fails="5 KPIs with category: delivery and 1 with category: business",
        weight=3,
    ),
    Rule(
        id="dash.complete",
        severity="error",
        title="Every KPI has a definition, formula, unit, target, source, owner and cadence",
        rationale=(
            "A number without a precise definition and formula gets calculated two ways, and "
            "meetings turn into arguments about the number instead of the decision. The unit "
            "and target say what good looks like, the source where the data comes from, the "
            "owner who answers for it, and the cadence how fresh it is."
        ),
        hint="Fill in definition, formula, unit, target (a number), source, owner (one person) "
             "and cadence for the KPI.",
        passes="definition: Deploys to production\nformula: count of successful production "
               "deploys per week\nunit: deploys/week\ntarget: 10\nsource: CI/CD pipeline\n"
               "owner: Priya Shah\ncadence: weekly",
        fails="definition: Deploys to production\nunit: deploys/week\ntarget: lots",
        weight=3,
    ),
    Rule(
        id="dash.thresholds",
        severity="error",
        title="Thresholds are ordered for the KPI's direction",
        rationale=(
            "The status colour comes from two thresholds. When higher is better (direction "
            "up) green must be at or above amber; when lower is better (direction down, such "
            "as change failure rate) green must be at or below amber. The other way round, "
            "the tile shows green when things are bad."
        ),
        hint="Up: green ≥ amber (green 10, amber 5). Down: green ≤ amber (green 15, amber 25).",
        passes="direction: down\nthresholds: {green: 15, amber: 25}",
        fails="direction: down\nthresholds: {green: 25, amber: 15}",
        weight=3,
    ),
    Rule(
        id="dash.range",
        severity="error",
        title="Percentages lie between 0 and 100",
        rationale=(
            "A KPI measured in % is a share of something, so every value lies between 0 and "
            "100. A value of 140% or -5% is a typing slip or a ratio in disguise, and either "
            "way the dashboard now shows a number nobody can trust."
        ),
        hint="Write shares as percentages from 0 to 100 (12.5 for 12.5%).",
        passes="unit: '%'\nvalues: [{period: 2027-W01, value: 12.5}]",
        fails="unit: '%'\nvalues: [{period: 2027-W01, value: 125}]",
        weight=2,
    ),
    Rule(
        id="dash.dora",
        severity="warning",
        title="DORA's four key delivery metrics are tagged",
        rationale=(
            "DORA's research links four metrics to delivery performance: deployment frequency, "
            "change lead time, change failure rate and failed deployment recovery time. "
            "Tagging them with dora: makes a delivery dashboard comparable with the industry "
            "benchmarks and with other teams. Rework rate, added in 2024, is welcome but "
            "optional."
        ),
        hint="Tag a KPI for each key: dora: deployment-frequency, lead-time, "
             "change-failure-rate, recovery-time (rework-rate optional).",
        passes="dora: deployment-frequency / lead-time / change-failure-rate / recovery-time, "
               "one on each of four KPIs",
        fails="dora: deployment-frequency and lead-time only",
        weight=1,
    ),
    Rule(
        id="dash.trend",
        severity="warning",
        title="Every KPI has at least three periods of values",
        rationale=(
            "One number is a snapshot; a dashboard is read for direction. Three or more "
            "periods show whether a KPI is improving, steady or slipping, and make a one-off "
            "spike easy to tell from a trend."
        ),
        hint="Add the values of earlier periods (oldest first) until each KPI has at least "
             "three numbers.",
        passes="values: [{period: 2027-W01, value: 6}, {period: 2027-W02, value: 8}, "
               "{period: 2027-W03, value: 9}]",
        fails="values: [{period: 2027-W03, value: 9}]",
        weight=1,
    ),
)

BOOK = RuleBook(RULES)

_num = number_text
REQUIRED_FIELDS = ("definition", "formula", "unit", "target", "source", "owner", "cadence")
FIELD_EXAMPLES = {
    "definition": "what it measures, in one sentence",
    "formula": "how it is calculated, e.g. 'failed deploys ÷ all deploys × 100'",
    "unit": "what the number counts, e.g. deploys/week, hours, %",
    "target": "the number you aim for",
    "source": "the system the data comes from, e.g. the CI/CD pipeline",
    "owner": "the one person accountable for it",
    "cadence": "how often it is updated, e.g. weekly",
}


def label(kpi: Kpi, index: int) -> str:
    name = str(kpi.id) if str(kpi.id) != "" else f"number {index + 1}"
    return f"KPI {name}"


def series(kpi: Kpi) -> list[float]:
    """The KPI's numeric values, oldest first (text and blanks left out)."""
    return [value for value in (number(reading.value) for reading in kpi.values)
            if value is not None]


def is_percent(kpi: Kpi) -> bool:
    unit = (kpi.unit or "").strip().lower()
    return "%" in unit or unit in ("percent", "percentage", "per cent")


def threshold_numbers(kpi: Kpi) -> tuple[float, float] | None:
    """(green, amber) when both are numbers."""
    if kpi.thresholds is None:
        return None
    green, amber = number(kpi.thresholds.green), number(kpi.thresholds.amber)
    if green is None or amber is None:
        return None
    return green, amber


def number_hint(field: str, written: str, unit: str | None = None) -> str:
    """How to write ``field`` as a number, using a number found in what was written."""
    import re

    match = re.search(r"-?\d[\d,]*(\.\d+)?", written)
    in_unit = f" (in {unit})" if unit and not is_placeholder(unit) else ""
    if match:
        shown = match.group(0).replace(",", "")
        return f"write {field}: {shown}{in_unit}, a plain number without words or quotes"
    return f"write {field} as a plain number{in_unit}, without words or quotes"


def direction_of(kpi: Kpi) -> str | None:
    """'up' or 'down', or None when the direction is missing or not one of the two."""
    direction = (kpi.direction or "").strip()
    return direction if direction in DIRECTIONS else None


def in_order(direction: str, green: float, amber: float) -> bool:
    return green >= amber if direction == "up" else green <= amber


def text_where_number(value: Any) -> bool:
    """Text (not a placeholder) written where a number belongs."""
    return isinstance(value, str) and value.strip() != "" and not is_placeholder(value)


@BOOK.check("dash.ids")
def unique_ids(doc: MetricsDashboard, ctx: Context, found: Found) -> None:
    first_index: dict[str, int] = {}
    for index, kpi in enumerate(doc.kpis):
        kpi_id = str(kpi.id).strip()
        if is_placeholder(kpi_id):
            continue
        if kpi_id == "":
            found(path_of("kpis", index, "id"), f"KPI number {index + 1} ({kpi.name}) has no id",
                  hint="give it a short id no other KPI uses, e.g. "
                       + "-".join(kpi.name.lower().split()[:3]))
        elif kpi_id in first_index:
            first = first_index[kpi_id]
            found(path_of("kpis", index, "id"),
                  f"id {kpi_id} ({kpi.name}) is already used by kpis[{first}] "
                  f"({doc.kpis[first].name})",
                  hint=f"give this KPI its own id, e.g. {kpi_id}-2 or one made from its name")
        else:
            first_index[kpi_id] = index


@BOOK.check("dash.balance")
def balanced_categories(doc: MetricsDashboard, ctx: Context, found: Found) -> None:
    least = int(ctx.param("min_per_category"))
    counts = {category: sum(1 for kpi in doc.kpis if kpi.category == category)
              for category in CATEGORIES}
    short = {category: least - count for category, count in counts.items() if count < least}
    if not short:
        return
    have = " and ".join(f"{count} {category} KPI{'s' if count != 1 else ''}"
                        for category, count in counts.items())
    examples = {
        "delivery": "deployment frequency, change lead time, change failure rate or "
                    "failed deployment recovery time",
        "business": "trial conversion, 30-day retention, revenue or support tickets per "
                    "customer",
    }
    add = "; ".join(f"{missing} more {category} KPI{'s' if missing != 1 else ''} "
                    f"(e.g. {examples[category]})"
                    for category, missing in short.items())
    found("kpis", f"the dashboard has {have}; this exercise asks for at least {least} of each",
          hint=f"add {add}")


@BOOK.check("dash.complete")
def complete_cards(doc: MetricsDashboard, ctx: Context, found: Found) -> None:
    for index, kpi in enumerate(doc.kpis):
        missing = [field for field in REQUIRED_FIELDS
                   if getattr(kpi, field) is None or getattr(kpi, field) == ""]
        if missing:
            where = path_of("kpis", index, missing[0]) if len(missing) == 1 \
                else path_of("kpis", index)
            listed = missing[0] if len(missing) == 1 else \
                ", ".join(missing[:-1]) + " or " + missing[-1]
            found(where, f"{label(kpi, index)} ({kpi.name}) has no {listed}",
                  hint="write " + "; ".join(f"{field}: {FIELD_EXAMPLES[field]}"
                                            for field in missing))
        if text_where_number(kpi.target):
            found(path_of("kpis", index, "target"),
                  f"{label(kpi, index)} has the target {kpi.target!r}, which is not a number",
                  hint=number_hint("target", kpi.target, kpi.unit))


@BOOK.check("dash.thresholds")
def ordered_thresholds(doc: MetricsDashboard, ctx: Context, found: Found) -> None:
    for index, kpi in enumerate(doc.kpis):
        name = label(kpi, index)
        where = path_of("kpis", index, "thresholds")
        direction = (kpi.direction or "").strip()
        if is_placeholder(direction):
            continue
        if direction not in DIRECTIONS:
            found(path_of("kpis", index, "direction"),
                  (f"{name} ({kpi.name}) has direction {direction!r}, which is neither up nor "
                   "down" if direction else
                   f"{name} ({kpi.name}) does not say which way is better")
                  + ", so its thresholds cannot be read",
                  hint=direction_hint(direction))
            continue
        if kpi.thresholds is None:
            found(where, f"{name} ({kpi.name}) has no thresholds, so it has no red, amber or "
                         "green status",
                  hint="add thresholds: {green: ..., amber: ...}; " + order_words(direction))
            continue
        for field in ("green", "amber"):
            value = getattr(kpi.thresholds, field)
            if value is None or value == "":
                found(path_of("kpis", index, "thresholds", field),
                      f"{name} has no {field} threshold",
                      hint=f"set thresholds.{field} to a number; {order_words(direction)}")
            elif text_where_number(value):
                found(path_of("kpis", index, "thresholds", field),
                      f"{name} has the {field} threshold {value!r}, which is not a number",
                      hint=number_hint(f"thresholds.{field}", value) + "; "
                           + order_words(direction))
        pair = threshold_numbers(kpi)
        if pair is None or in_order(direction, *pair):
            continue
        green, amber = pair
        better = "higher" if direction == "up" else "lower"
        should = "at or above" if direction == "up" else "at or below"
        found(where,
              f"{name} ({kpi.name}): {better} is better (direction: {direction}), so green "
              f"must be {should} amber, but green is {_num(green)} and amber {_num(amber)}",
              hint=f"swap them, thresholds: {{green: {_num(amber)}, amber: {_num(green)}}}; or, "
                   f"if {'lower' if direction == 'up' else 'higher'} is in fact better, "
                   f"set direction: {'down' if direction == 'up' else 'up'}")


def direction_hint(written: str) -> str:
    """A fix for a direction that is not up or down, read from the words the learner used."""
    words = set(written.lower().replace("-", " ").split())
    if words & {"higher", "high", "more", "increase", "increasing", "max", "maximise",
                "maximize", "ascending"}:
        return "write direction: up (higher is better)"
    if words & {"lower", "low", "less", "fewer", "decrease", "decreasing", "min", "minimise",
                "minimize", "descending"}:
        return "write direction: down (lower is better)"
    return ("add direction: up if higher is better (deploys, conversion), or direction: down "
            "if lower is better (lead time, failure rate)")


def order_words(direction: str) -> str:
    return ("higher is better, so green ≥ amber, e.g. {green: 10, amber: 5}"
            if direction == "up" else
            "lower is better, so green ≤ amber, e.g. {green: 15, amber: 25}")


@BOOK.check("dash.range")
def percentages_in_range(doc: MetricsDashboard, ctx: Context, found: Found) -> None:
    for index, kpi in enumerate(doc.kpis):
        if not is_percent(kpi):
            continue
        places: list[tuple[str, Any, str]] = [
            (path_of("kpis", index, "target"), kpi.target, "target")]
        if kpi.thresholds is not None:
            places += [(path_of("kpis", index, "thresholds", field),
                        getattr(kpi.thresholds, field), f"{field} threshold")
                       for field in ("green", "amber")]
        places += [(path_of("kpis", index, "values", v_index, "value"), reading.value,
                    f"value for {reading.period}")
                   for v_index, reading in enumerate(kpi.values)]
        for where, raw, what in places:
            value = number(raw)
            if value is None or 0 <= value <= 100:
                continue
            if value > 100:
                hint = ("a share is at most 100%; check for a typing slip, or, if this is a "
                        "ratio that can pass 100 (growth, retention), give it a unit such as "
                        "'× last year' instead of '%'")
            else:
                hint = ("a share cannot be below 0%; if you meant a fall, write the level "
                        "itself, or use a unit such as 'percentage points' for a change")
            found(where, f"{label(kpi, index)} ({kpi.name}) is in %, but its {what} is "
                         f"{_num(value)}, outside 0–100", hint=hint)


@BOOK.check("dash.dora")
def dora_keys_tagged(doc: MetricsDashboard, ctx: Context, found: Found) -> None:
    tagged: dict[str, int] = {}
    meant: set[str] = set()
    waiting = False
    for index, kpi in enumerate(doc.kpis):
        tag = (kpi.dora or "").strip()
        if not tag:
            continue
        if is_placeholder(tag):
            waiting = True  # the template's tag is still to be chosen
            continue
        key = tag.lower()
        if key in DORA_KEYS or key in DORA_OPTIONAL:
            tagged.setdefault(key, index)
            continue
        suggestion = dora_suggestion(key)
        if suggestion is not None:
            meant.add(suggestion)
        found(path_of("kpis", index, "dora"),
              f"{label(kpi, index)} is tagged dora: {tag}, which is not one of DORA's metrics",
              hint=f"use {'dora: ' + suggestion if suggestion else 'one of the tags'}; the "
                   f"tags are {', '.join(DORA_KEYS + DORA_OPTIONAL)}, or remove dora: if it is "
                   "not a DORA metric")
    # A key an unknown tag was meant to be (mttr -> recovery-time) is reported once, there.
    missing = [key for key in DORA_KEYS if key not in tagged and key not in meant]
    if not missing or waiting:
        return
    keys_tagged = [key for key in DORA_KEYS if key in tagged]
    have = (f"tags {len(keys_tagged)} of DORA's four key metrics ({', '.join(keys_tagged)})"
            if keys_tagged else "tags none of DORA's four key metrics")
    found("kpis", f"the dashboard {have}; not tagged: {', '.join(missing)}",
          hint="tag the delivery KPI that measures "
               + "; ".join(f"{DORA_NAMES[key]} with dora: {key}" for key in missing)
               + (", adding the KPI if the dashboard does not have it yet" if len(missing) == 1
                  else ", adding the KPIs the dashboard does not have yet"))


DORA_NAMES = {
    "deployment-frequency": "deployment frequency",
    "lead-time": "change lead time (commit to production)",
    "change-failure-rate": "change failure rate",
    "recovery-time": "failed deployment recovery time",
}


DORA_SYNONYMS = {
    "mttr": "recovery-time", "time-to-restore": "recovery-time", "mttr-recovery": "recovery-time",
    "time-to-restore-service": "recovery-time", "recovery": "recovery-time",
    "failed-deployment-recovery-time": "recovery-time",
    "lead-time-for-changes": "lead-time", "change-lead-time": "lead-time",
    "cfr": "change-failure-rate", "failure-rate": "change-failure-rate",
    "deploy-frequency": "deployment-frequency", "deployments": "deployment-frequency",
    "rework": "rework-rate",
}


def dora_suggestion(key: str) -> str | None:
    """The DORA tag an unknown one most likely means (its old name, a near spelling)."""
    import difflib

    normal = key.replace(" ", "-").replace("_", "-")
    if normal in DORA_SYNONYMS:
        return DORA_SYNONYMS[normal]
    close = difflib.get_close_matches(normal, DORA_KEYS + DORA_OPTIONAL, n=1, cutoff=0.6)
    return close[0] if close else None


@BOOK.check("dash.trend")
def enough_periods(doc: MetricsDashboard, ctx: Context, found: Found) -> None:
    least = int(ctx.threshold("dash.trend", "min_periods"))
    for index, kpi in enumerate(doc.kpis):
        for v_index, reading in enumerate(kpi.values):
            if text_where_number(reading.value):
                found(path_of("kpis", index, "values", v_index, "value"),
                      f"{label(kpi, index)} has the value {reading.value!r} for "
                      f"{reading.period}, which is not a number, so it cannot be drawn or "
                      "trended",
                      hint="write the number, without quotes; if there is no figure for that "
                           "period, leave the period out")
        if any(is_placeholder(reading.value) for reading in kpi.values):
            continue
        count = len(series(kpi))
        if count < least:
            found(path_of("kpis", index, "values"),
                  f"{label(kpi, index)} ({kpi.name}) has numbers for {count} period"
                  f"{'s' if count != 1 else ''}; a trend needs at least {least}",
                  hint=f"add the values of {least - count} earlier period"
                       f"{'s' if least - count != 1 else ''}"
                       + (f" before {kpi.values[0].period}" if kpi.values else "")
                       + ", oldest first, one {period: ..., value: ...} line each")
