"""The product vision's rules, each bound to its check.

A value still holding a template placeholder (``<number>``, ``<YYYY-MM-DD>``) is left
alone here: ``common.placeholder`` already asks for it, and a second finding about
the same blank would only be noise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pmpath.analysis.prioritisation import CONFIDENCE_SCALE, IMPACT_SCALE, MIN_EFFORT
from pmpath.analysis.prioritisation import rice as rice_score
from pmpath.kinds.base import Context, Found, Rule, RuleBook, number, number_text, path_of
from pmpath.kinds.common import is_placeholder
from pmpath.kinds.product_vision.model import Initiative, MarketSize, ProductVision

THRESHOLDS: dict[str, dict[str, Any]] = {
    "vision.okrs": {"max_objectives": 5, "min_key_results": 2, "max_key_results": 5},
    "vision.rice-inputs": {"impact": IMPACT_SCALE, "confidence": CONFIDENCE_SCALE,
                           "min_effort": MIN_EFFORT},
    "vision.rice-score": {"tolerance": 0.01},
}
"""pmpath's defaults for the numbers the rules judge by; ``thresholds`` in
curriculum/rubric.yaml may change them."""

RULES: tuple[Rule, ...] = (
    Rule(
        id="vision.market",
        severity="error",
        title="The market is sized: TAM ≥ SAM ≥ SOM > 0, each with a source",
        rationale=(
            "Market sizing says whether the vision is worth years of investment. The layers "
            "nest: the total addressable market (TAM) contains the part you can serve (SAM), "
            "which contains the part you can realistically win (SOM). Each number needs a "
            "source, so a reader can check it instead of taking it on trust."
        ),
        hint="Give tam, sam and som each a value above 0, a unit and a source, with "
             "TAM ≥ SAM ≥ SOM.",
        passes="tam: {value: 12000000000, unit: USD, source: 40,000 firms × $300k}\n"
               "sam: {value: 1800000000, unit: USD, source: ...}\n"
               "som: {value: 90000000, unit: USD, source: ...}",
        fails="tam: {value: 1800000000, unit: USD}\nsam: {value: 12000000000, unit: USD}",
        weight=3,
    ),
    Rule(
        id="vision.competitors",
        severity="error",
        title="At least three competitors, each with strengths and weaknesses",
        rationale=(
            "Customers always have an alternative, even if it is a spreadsheet. Naming at "
            "least three, and being honest about what each does well as well as where it falls "
            "short, is what makes the differentiation believable."
        ),
        hint="List at least three competitors or alternatives, each with strengths and "
             "weaknesses.",
        passes="competitors:\n  - {name: Stripe, strengths: [APIs], weaknesses: [fees]}",
        fails="competitors:\n  - {name: Stripe}",
        weight=2,
    ),
    Rule(
        id="vision.roadmap",
        severity="error",
        title="The roadmap covers every year of a horizon of two years or more",
        rationale=(
            "A multi-year vision needs a multi-year roadmap: themes for every year from the "
            "first to the horizon, so people can see how the product gets from today to the "
            "vision. A gap year reads as a vision nobody has thought through."
        ),
        hint="Set horizon_years to 2 or more and give the roadmap themes for every year from "
             "1 to horizon_years.",
        passes="horizon_years: 3\nroadmap: [{year: 1, themes: [...]}, {year: 2, themes: [...]}, "
               "{year: 3, themes: [...]}]",
        fails="horizon_years: 3\nroadmap: [{year: 1, themes: [...]}, {year: 3, themes: [...]}]",
        weight=3,
    ),
    Rule(
        id="vision.okrs",
        severity="error",
        title="One to five objectives, each with two to five key results",
        rationale=(
            "OKRs focus a team: more than five objectives means nothing is a priority, and an "
            "objective needs at least two key results to show it is met from more than one "
            "angle, but not so many that none gets attention."
        ),
        hint="Keep 1 to 5 objectives and give each 2 to 5 key results.",
        passes="okrs:\n  - objective: ...\n    key_results: [{...}, {...}, {...}]",
        fails="okrs:\n  - objective: ...\n    key_results: [{...}]",
        weight=3,
    ),
    Rule(
        id="vision.key-results",
        severity="error",
        title="Every key result has a numeric baseline and target that differ, and a due date",
        rationale=(
            "A key result is measurable by definition: where the metric is today (baseline), "
            "where it must be (target) and by when (due). Without numbers nobody can tell "
            "whether it was met, and a target equal to its baseline asks for no change."
        ),
        hint="Write baseline and target as numbers that differ, and due as a date "
             "(YYYY-MM-DD).",
        passes="{metric: weekly active teams, baseline: 120, target: 300, due: 2027-06-30}",
        fails="{metric: weekly active teams, baseline: many, target: more}",
        weight=2,
    ),
    Rule(
        id="vision.rice-inputs",
        severity="error",
        title="RICE inputs are on their scales",
        rationale=(
            "RICE (Intercom) only compares initiatives fairly when everyone scores on the same "
            "scales: impact 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal; confidence "
            "1.0, 0.8 or 0.5; effort in person-months, half a month at the least; reach a "
            "count of people or events, 0 or more."
        ),
        hint="Impact 3, 2, 1, 0.5 or 0.25; confidence 1.0, 0.8 or 0.5; effort 0.5 "
             "person-months or more; reach 0 or more.",
        passes="reach: 2000\nimpact: 2\nconfidence: 0.8\neffort: 4",
        fails="reach: 2000\nimpact: 4\nconfidence: 80\neffort: 0.1",
        weight=3,
    ),
    Rule(
        id="vision.rice-score",
        severity="error",
        title="A stated RICE score equals reach × impact × confidence ÷ effort",
        rationale=(
            "The RICE score ranks the initiatives, so a slip in the arithmetic puts the wrong "
            "one first. When you write the score yourself, it must match its own inputs "
            "(within 1%, to allow for rounding)."
        ),
        hint="Set rice to reach × impact × confidence ÷ effort.",
        passes="reach: 2000\nimpact: 2\nconfidence: 0.8\neffort: 4\nrice: 800",
        fails="reach: 2000\nimpact: 2\nconfidence: 0.8\neffort: 4\nrice: 1000",
        weight=3,
    ),
    Rule(
        id="vision.gtm",
        severity="error",
        title="The go-to-market names segments, positioning and channels",
        rationale=(
            "A vision without a way to reach customers stays a slide. The go-to-market says "
            "which segments you go after first, how you position the product against the "
            "alternatives, and through which channels customers will find and buy it."
        ),
        hint="Write gtm.segments (a list), gtm.positioning (a sentence) and gtm.channels "
             "(a list).",
        passes="gtm: {segments: [...], positioning: ..., pricing: ..., channels: [...]}",
        fails="gtm: {pricing: per seat}",
        weight=2,
    ),
)

BOOK = RuleBook(RULES)

_num = number_text
LAYERS = (("tam", "TAM", "the whole demand for this kind of product"),
          ("sam", "SAM", "the part your product and channels can serve"),
          ("som", "SOM", "the part you can realistically win within the horizon"))
IMPACT_WORDS = {3.0: "massive", 2.0: "high", 1.0: "medium", 0.5: "low", 0.25: "minimal"}
CONFIDENCE_WORDS = {1.0: "high", 0.8: "medium", 0.5: "low"}
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "$": "$", "€": "€", "£": "£"}


# -- shared helpers -------------------------------------------------------------------------


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def texts(value: Any) -> list[str]:
    """The non-empty texts of a list (or of a single text)."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [item for item in (value or []) if isinstance(item, str) and item.strip()]


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def money(value: float, unit: str | None) -> str:
    """12e9 USD -> '$12.0B', 1.44e9 EUR -> '€1.44B', 4.5e8 EUR -> '€450.0M', 3e6 CHF ->
    '3.0M CHF': one decimal, two below 10 when the second one is needed."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            scaled = value / size
            amount = f"{scaled:.2f}" if abs(scaled) < 10 else f"{scaled:.1f}"
            if amount.endswith("0") and abs(scaled) < 10:
                amount = amount[:-1]
            amount += suffix
            break
    else:
        amount = _num(round(value, 2))
    code = (unit or "").strip()
    sign = CURRENCY_SIGNS.get(code.upper()) or CURRENCY_SIGNS.get(code)
    if sign:
        return f"{sign}{amount}"
    return f"{amount} {code}".strip()


SCALE_WORDS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mio": 1e6,
               "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "t": 1e12}


def spelled_amount(text: str) -> float | None:
    """'12 billion' -> 12e9, '$1.8bn' -> 1.8e9, '450M' -> 4.5e8; None when not like that."""
    import re

    match = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*([a-zA-Z]+)?", text)
    if not match:
        return None
    amount = float(match.group(1).replace(",", ""))
    word = (match.group(2) or "").lower()
    if word and word not in SCALE_WORDS:
        return amount if word in ("usd", "eur", "gbp", "dollars", "euros", "pounds") else None
    return amount * SCALE_WORDS.get(word, 1)


def confidence_share(value: float) -> float:
    """Confidence as a share: 0.8 stays 0.8; a percentage such as 80 becomes 0.8."""
    return value / 100 if 1 < value <= 100 else value


@dataclass(frozen=True)
class RiceInputs:
    """An initiative's RICE inputs as numbers, confidence as a share."""

    reach: float
    impact: float
    confidence: float
    effort: float

    @property
    def score(self) -> float:
        return rice_score(self.reach, self.impact, self.confidence, self.effort)


def rice_inputs(initiative: Initiative) -> RiceInputs | None:
    """The inputs when all four are numbers and effort is above 0 (so a score exists)."""
    reach, impact = number(initiative.reach), number(initiative.impact)
    confidence, effort = number(initiative.confidence), number(initiative.effort)
    if None in (reach, impact, confidence, effort) or effort <= 0:  # type: ignore[operator]
        return None
    return RiceInputs(reach, impact, confidence_share(confidence), effort)  # type: ignore[arg-type]


def rice_fact(doc: ProductVision, ctx: Context) -> dict[int, RiceInputs]:
    """Initiative index -> its RICE inputs, for the initiatives that can be scored."""
    scored = {}
    for index, initiative in enumerate(doc.initiatives):
        inputs = rice_inputs(initiative)
        if inputs is not None:
            scored[index] = inputs
    return scored


def initiative_label(initiative: Initiative, index: int) -> str:
    return f"initiative '{initiative.name}'" if initiative.name else \
        f"initiative number {index + 1}"


# -- vision.market --------------------------------------------------------------------------


@BOOK.check("vision.market")
def market_sized(doc: ProductVision, ctx: Context, found: Found) -> None:
    market = doc.market
    if market is None:
        found("market", "the vision has no market sizing",
              hint="add market: with tam, sam and som, each {value, unit, source, method}; "
                   "TAM ≥ SAM ≥ SOM")
        return
    sizes: dict[str, tuple[float, str | None]] = {}
    for field, name, meaning in LAYERS:
        layer: MarketSize | None = getattr(market, field)
        where = path_of("market", field)
        if layer is None:
            found(where, f"the market has no {name} ({meaning})",
                  hint=f"add {field}: {{value: ..., unit: USD, source: ..., method: ...}}")
            continue
        value = number(layer.value)
        if is_blank(layer.value):
            found(path_of("market", field, "value"), f"{name} has no value",
                  hint=f"write {field}.value: the yearly size of {meaning}, a number such "
                       "as 12000000000")
        elif value is None and not is_placeholder(layer.value):
            meant = spelled_amount(str(layer.value))
            found(path_of("market", field, "value"),
                  f"{name} is {layer.value!r}, which is not a number",
                  hint=(f"write {field}.value: {meant:.0f}, the full number without words or "
                        "quotes, and put the currency in unit" if meant is not None else
                        "write the full number without words or quotes, e.g. 1800000000 for "
                        "1.8 billion, and put the currency in unit"))
        elif value is not None and value <= 0:
            found(path_of("market", field, "value"),
                  f"{name} is {_num(value)}; a market has to be larger than 0",
                  hint=f"size {meaning}: e.g. customers you could serve × yearly price")
        elif value is not None:
            sizes[field] = (value, layer.unit)
        if is_blank(layer.source):
            found(path_of("market", field, "source"), f"{name} has no source",
                  hint="say where the number comes from: a named report and year, a public "
                       "dataset, or 'own estimate: 40,000 clinics × $1,500 a year'")
    units = {field: (unit or "").strip().upper() for field, (_, unit) in sizes.items()}
    if len({unit for unit in units.values() if unit}) > 1:
        listed = ", ".join(f"{field.upper()} in {unit}" for field, unit in units.items() if unit)
        found("market", f"the market sizes use different units ({listed}), so they cannot "
                        "be compared",
              hint="convert them to one currency and write the same unit on each")
        return
    pairs = zip(LAYERS, LAYERS[1:], strict=False)  # (TAM, SAM), then (SAM, SOM)
    for (outer, outer_name, _), (inner, inner_name, inner_meaning) in pairs:
        if outer in sizes and inner in sizes and sizes[inner][0] > sizes[outer][0]:
            big, small = sizes[inner], sizes[outer]
            found(path_of("market", inner, "value"),
                  f"{inner_name} ({money(*big)}) is larger than {outer_name} "
                  f"({money(*small)}); the {inner_name} is a slice of the {outer_name}",
                  hint=f"{inner_name} is {inner_meaning}, so it cannot exceed "
                       f"{outer_name}: check the arithmetic (a zero too many?), or whether the "
                       "two are swapped")


# -- vision.competitors ---------------------------------------------------------------------


@BOOK.check("vision.competitors")
def competitors_assessed(doc: ProductVision, ctx: Context, found: Found) -> None:
    least = int(ctx.param("min_competitors"))
    count = len(doc.competitors)
    if count < least:
        found("competitors",
              f"the vision names {count} competitor{'s' if count != 1 else ''}; a credible "
              f"vision weighs at least {least}",
              hint=f"add {least - count} more, e.g. a direct rival, a big platform that could "
                   "add your feature, or what customers do today instead (a spreadsheet, an "
                   "agency, doing nothing)")
    for index, competitor in enumerate(doc.competitors):
        for field, ask in (("strengths", "what it does well, honestly"),
                           ("weaknesses", "where it falls short for your target customers")):
            if not texts(getattr(competitor, field)):
                found(path_of("competitors", index, field),
                      f"competitor {competitor.name} has no {field}",
                      hint=f"list {ask}, e.g. {field}: [..., ...]")


# -- vision.roadmap -------------------------------------------------------------------------


@BOOK.check("vision.roadmap")
def roadmap_covers_the_horizon(doc: ProductVision, ctx: Context, found: Found) -> None:
    least = int(ctx.param("min_horizon_years"))
    horizon = doc.horizon_years
    if horizon < least:
        found("horizon_years",
              f"horizon_years is {horizon}; a multi-year vision looks at least {least} years "
              "ahead",
              hint=f"set horizon_years: {max(least, 3)} and give the roadmap themes for each "
                   "year")
    covered: set[int] = set()
    for index, entry in enumerate(doc.roadmap):
        if not 1 <= entry.year <= max(horizon, 1):
            found(path_of("roadmap", index, "year"),
                  f"roadmap year {entry.year} is outside the horizon of {horizon} year"
                  f"{'s' if horizon != 1 else ''} (years 1 to {horizon})",
                  hint=(f"raise horizon_years to {entry.year}, or fold these themes into an "
                        "earlier year" if entry.year > horizon else
                        "number the years from 1 (the first year of the vision)"))
        elif texts(entry.themes):
            covered.add(entry.year)
    missing = [year for year in range(1, horizon + 1) if year not in covered]
    if missing:
        listed = ", ".join(str(year) for year in missing)
        found("roadmap",
              f"the roadmap has no themes for year{'s' if len(missing) > 1 else ''} {listed} "
              f"of the {horizon}-year horizon",
              hint="add " + ", ".join(f"{{year: {year}, themes: [...]}}" for year in missing)
                   + " with the outcomes that year is about")


# -- vision.okrs ----------------------------------------------------------------------------


@BOOK.check("vision.okrs")
def focused_okrs(doc: ProductVision, ctx: Context, found: Found) -> None:
    most = int(ctx.threshold("vision.okrs", "max_objectives"))
    fewest_krs = int(ctx.threshold("vision.okrs", "min_key_results"))
    most_krs = int(ctx.threshold("vision.okrs", "max_key_results"))
    count = len(doc.okrs)
    if count == 0:
        found("okrs", "the vision has no OKRs",
              hint="add 1 to 5 objectives under okrs, each with 2 to 5 key results "
                   "{metric, baseline, target, unit, due}")
    elif count > most:
        found("okrs", f"the vision has {count} objectives; more than {most} means none is "
                      "really a priority",
              hint=f"keep the {most} that matter most this period and move the rest to "
                   "the next one, or merge objectives that share a key result")
    for index, okr in enumerate(doc.okrs):
        krs = len(okr.key_results)
        if fewest_krs <= krs <= most_krs:
            continue
        short = okr.objective if len(okr.objective) <= 50 else okr.objective[:47] + "…"
        if krs < fewest_krs:
            found(path_of("okrs", index, "key_results"),
                  f"objective '{short}' has {krs} key result{'s' if krs != 1 else ''}; it "
                  f"needs at least {fewest_krs} to show it is met",
                  hint=f"add {fewest_krs - krs} more measurable result"
                       f"{'s' if fewest_krs - krs != 1 else ''}: a metric that would move if "
                       "the objective came true, with baseline, target and due date")
        else:
            found(path_of("okrs", index, "key_results"),
                  f"objective '{short}' has {krs} key results; more than {most_krs} dilutes "
                  "the focus",
                  hint=f"keep the {most_krs} that best show the objective is met")


# -- vision.key-results ---------------------------------------------------------------------


@BOOK.check("vision.key-results")
def measurable_key_results(doc: ProductVision, ctx: Context, found: Found) -> None:
    for o_index, okr in enumerate(doc.okrs):
        for k_index, result in enumerate(okr.key_results):
            place = ("okrs", o_index, "key_results", k_index)
            name = f"key result '{result.metric}'" if result.metric else \
                f"key result {k_index + 1} of objective {o_index + 1}"
            numbers = {}
            for field, meaning in (("baseline", "where the metric is today"),
                                   ("target", "where it must be by the due date")):
                raw = getattr(result, field)
                value = number(raw)
                if is_blank(raw):
                    found(path_of(*place, field), f"{name} has no {field}",
                          hint=f"write {field}: {meaning}, as a number")
                elif value is None and not is_placeholder(raw):
                    found(path_of(*place, field),
                          f"{name} has the {field} {raw!r}, which is not a number",
                          hint=f"write {field} as a plain number ({meaning}), e.g. 40 for 40%, "
                               "with the unit in unit:")
                elif value is not None:
                    numbers[field] = value
            if len(numbers) == 2 and numbers["baseline"] == numbers["target"]:
                found(path_of(*place, "target"),
                      f"{name} has baseline and target both {_num(numbers['target'])}, so it "
                      "asks for no change",
                      hint="set the target where the metric must move to; if holding the "
                           "level is the goal, make it a committed key result with a "
                           "stricter measure (e.g. incidents at 0 instead of 2)")
            if is_blank(result.due):
                found(path_of(*place, "due"), f"{name} has no due date",
                      hint="write due: the date the target must be met, YYYY-MM-DD (often the "
                           "last day of the OKR period)")
            elif as_date(result.due) is None and not is_placeholder(result.due):
                found(path_of(*place, "due"),
                      f"{name} has the due date {result.due!r}, which is not a date",
                      hint="write due as YYYY-MM-DD, e.g. 2027-03-31 for the end of Q1 2027")


# -- vision.rice-inputs ---------------------------------------------------------------------


@BOOK.check("vision.rice-inputs")
def rice_inputs_on_scale(doc: ProductVision, ctx: Context, found: Found) -> None:
    impacts = [float(item) for item in ctx.threshold("vision.rice-inputs", "impact")]
    confidences = [float(item) for item in ctx.threshold("vision.rice-inputs", "confidence")]
    min_effort = float(ctx.threshold("vision.rice-inputs", "min_effort"))
    for index, initiative in enumerate(doc.initiatives):
        name = initiative_label(initiative, index)
        for field in ("reach", "impact", "confidence", "effort"):
            raw = getattr(initiative, field)
            where = path_of("initiatives", index, field)
            if is_placeholder(raw):
                continue
            value = number(raw)
            if is_blank(raw):
                found(where, f"{name} has no {field}", hint=FIELD_HINTS[field])
                continue
            if value is None:
                found(where, f"{name} has the {field} {raw!r}, which is not a number",
                      hint=word_hint(field, str(raw)) or FIELD_HINTS[field])
                continue
            problem = scale_problem(field, value, impacts, confidences, min_effort)
            if problem is not None:
                message, hint = problem
                found(where, f"{name}: {message}", hint=hint)


FIELD_HINTS = {
    "reach": "write reach: how many people (or events) it affects per quarter, e.g. 2000",
    "impact": "write impact: 3 massive, 2 high, 1 medium, 0.5 low or 0.25 minimal",
    "confidence": "write confidence: 1.0 high, 0.8 medium or 0.5 low",
    "effort": "write effort: person-months across product, design and engineering, e.g. 4",
}
IMPACT_BY_WORD = {"massive": 3, "high": 2, "medium": 1, "low": 0.5, "minimal": 0.25}
CONFIDENCE_BY_WORD = {"high": 1.0, "medium": 0.8, "low": 0.5}


def word_hint(field: str, written: str) -> str | None:
    """'high' -> 'write impact: 2 (high)'; '80%' -> 'write confidence: 0.8'."""
    import re

    word = written.strip().lower()
    if field == "impact" and word in IMPACT_BY_WORD:
        return f"write impact: {_num(IMPACT_BY_WORD[word])} ({word}), a number on the scale"
    if field == "confidence":
        if word in CONFIDENCE_BY_WORD:
            return f"write confidence: {CONFIDENCE_BY_WORD[word]} ({word}), a number"
        match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", word)
        if match:
            return f"write confidence: {_num(float(match.group(1)) / 100)}, a share, not a " \
                   "percentage"
    match = re.search(r"\d[\d,]*(\.\d+)?", word)
    if match:
        return f"write {field}: {match.group(0).replace(',', '')}, a plain number"
    return None


def nearest_steps(value: float, scale: list[float]) -> str:
    """The one or two scale steps around ``value``: '1 or 2'."""
    ordered = sorted(scale)
    below = [step for step in ordered if step < value]
    above = [step for step in ordered if step > value]
    if not below:
        return _num(ordered[0])
    if not above:
        return _num(ordered[-1])
    return f"{_num(below[-1])} or {_num(above[0])}"


def scale_problem(field: str, value: float, impacts: list[float], confidences: list[float],
                  min_effort: float) -> tuple[str, str] | None:
    """(message, hint) when a RICE input is off its scale, else None."""
    if field == "reach":
        if value < 0:
            return (f"reach {_num(value)} is below 0",
                    "reach counts people or events per quarter, so it is 0 or more")
        return None
    if field == "impact":
        if value in impacts:
            return None
        words = ", ".join(f"{_num(step)} {IMPACT_WORDS.get(step, '')}".strip()
                          for step in sorted(impacts, reverse=True))
        return (f"impact {_num(value)} is not on the impact scale ({words})",
                f"choose impact: {nearest_steps(value, impacts)}")
    if field == "confidence":
        if value in confidences:
            return None
        if 1 < value <= 100 and value / 100 in confidences:
            share = _num(value / 100)
            return (f"confidence {_num(value)} looks like a percentage; RICE writes confidence "
                    "as a share",
                    f"write confidence: {share} ({_num(value)}%)")
        shown = value / 100 if 1 < value <= 100 else value
        levels = ", ".join(f"{_num(step)} {CONFIDENCE_WORDS.get(step, '')}".strip()
                           for step in sorted(confidences, reverse=True))
        return (f"confidence {_num(value)} is not one of RICE's levels ({levels})",
                f"choose confidence: {nearest_steps(shown, confidences)}; if unsure, take the "
                "lower one")
    if value < min_effort:
        return (f"effort {_num(value)} person-months is below the smallest RICE effort, "
                f"{_num(min_effort)}",
                f"round it up: effort: {_num(min_effort)} (half a person-month is the least "
                "RICE counts)")
    return None


# -- vision.rice-score ----------------------------------------------------------------------


@BOOK.check("vision.rice-score")
def rice_scores_add_up(doc: ProductVision, ctx: Context, found: Found) -> None:
    tolerance = float(ctx.threshold("vision.rice-score", "tolerance"))
    scored: dict[int, RiceInputs] = ctx.fact("rice")
    for index, initiative in enumerate(doc.initiatives):
        stated_raw = initiative.rice
        if is_blank(stated_raw) or is_placeholder(stated_raw):
            continue
        where = path_of("initiatives", index, "rice")
        name = initiative_label(initiative, index)
        stated = number(stated_raw)
        if stated is None:
            found(where, f"{name} has the RICE score {stated_raw!r}, which is not a number",
                  hint="write rice: reach × impact × confidence ÷ effort as a number, or "
                       "leave rice out and let pmpath work it out")
            continue
        inputs = scored.get(index)
        if inputs is None:
            continue  # vision.rice-inputs says which input is missing
        expected = inputs.score
        if abs(stated - expected) <= tolerance * abs(expected):
            continue
        confidence = _num(inputs.confidence)
        found(where,
              f"{name} states rice {_num(stated)}, but reach {_num(inputs.reach)} × impact "
              f"{_num(inputs.impact)} × confidence {confidence} ÷ effort "
              f"{_num(inputs.effort)} = {score_text(expected)}",
              hint=f"set rice: {score_text(expected)}")


def score_text(score: float) -> str:
    """800.0 -> '800', 333.333 -> '333.3'."""
    rounded = round(score, 1)
    return _num(rounded)


# -- vision.gtm -----------------------------------------------------------------------------


@BOOK.check("vision.gtm")
def go_to_market(doc: ProductVision, ctx: Context, found: Found) -> None:
    gtm = doc.gtm
    if gtm is None:
        found("gtm", "the vision has no go-to-market",
              hint="add gtm: with segments (who first), positioning (why you), pricing and "
                   "channels (how they find and buy it)")
        return
    customers = doc.target_customers[0] if doc.target_customers else "your customers"
    for field, ask in (
            ("segments", "list the customer segments you go after first, one '- ' line "
                         "each, e.g. independent clinics with 2-10 practitioners in the "
                         "Netherlands"),
            ("positioning", "write one sentence naming who it is for, what it is, its main "
                            f"benefit and the alternative it beats, e.g. 'For {customers} "
                            f"who ..., {doc.product} is the ... that ..., unlike ...'"),
            ("channels", "list how customers will find and buy it, one '- ' line each, "
                         "e.g. self-serve trial, partner associations, inside sales")):
        value = getattr(gtm, field)
        empty = not texts(value) if field != "positioning" else is_blank(value)
        if empty:
            found(path_of("gtm", field), f"the go-to-market has no {field}", hint=ask)
