"""The risk register's rules, each bound to its check.

Each check is one pass over the risks, so a 10,000-risk register costs little next
to parsing its YAML.
"""

from __future__ import annotations

import datetime as dt

from pmpath.kinds.base import Context, Found, Rule, RuleBook, number_text, path_of
from pmpath.kinds.risk_register.model import (
    CATEGORIES,
    COUNTERPART,
    LIVE_STATUSES,
    PLURAL,
    RESPONSES,
    Risk,
    RiskRegister,
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="risk.ids",
        severity="error",
        title="Risk ids are unique",
        rationale=(
            "Risks are discussed, escalated and tracked by their id in meetings, status reports "
            "and tickets. Two risks sharing an id means someone will update or close the wrong "
            "one, and nobody can tell which risk a decision was about."
        ),
        hint="Give every risk its own id, e.g. number them R-001, R-002, R-003 …",
        passes="risks:\n  - id: R-001\n  - id: R-002",
        fails="risks:\n  - id: R-001\n  - id: R-001",
        weight=2,
    ),
    Rule(
        id="risk.scale",
        severity="error",
        title="Probability and impact are whole numbers from 1 to 5",
        rationale=(
            "A shared 1–5 scale is what makes risks comparable: everyone agrees what a 4 means, "
            "so a 4 × 5 in one team is as serious as a 4 × 5 in another. Values off the scale "
            "or between steps (2.5) hide a decision the owner has not made yet."
        ),
        hint="Pick a whole number: probability 1 rare, 2 unlikely, 3 possible, 4 likely, "
             "5 almost certain; impact 1 negligible, 2 minor, 3 moderate, 4 major, 5 severe.",
        passes="probability: 4\nimpact: 3",
        fails="probability: 6\nimpact: 2.5",
        weight=3,
    ),
    Rule(
        id="risk.score-matches",
        severity="error",
        title="Score equals probability × impact",
        rationale=(
            "The score decides which risks get attention first and which cross the high "
            "threshold. A score that does not match its own probability and impact usually "
            "means one was updated and the other forgotten, and the register then ranks risks "
            "wrongly."
        ),
        hint="Set score to probability × impact.",
        passes="probability: 4\nimpact: 4\nscore: 16",
        fails="probability: 4\nimpact: 4\nscore: 12",
        weight=3,
    ),
    Rule(
        id="risk.description",
        severity="error",
        title="Every risk has a cause, an event and an effect",
        rationale=(
            "Writing a risk as cause → event → effect forces clear thinking: the cause is a fact "
            "today, the event is the uncertain thing that may happen, the effect is what it "
            "would do to the program's goals. Without all three, people cannot judge the "
            "probability or pick a response that attacks the cause."
        ),
        hint="Write it as: because <cause>, <event> may happen, which would lead to <effect>.",
        passes="cause: The card vendor's API is new\nevent: It fails under peak load\n"
               "effect: Checkout is down on launch day",
        fails="cause: The card vendor's API is new\nevent:\neffect:",
        weight=2,
    ),
    Rule(
        id="risk.high-owned",
        severity="error",
        title="High risks have an owner, a trigger, a contingency and a dated action",
        rationale=(
            "A high risk is one the program cannot simply absorb, so a senior PM wants to see "
            "who owns it, the warning sign (trigger) that says it is happening, the fallback "
            "plan (contingency) if it does, and at least one action with an owner and a due "
            "date that is reducing it now. Closed risks are exempt; risks that have occurred "
            "still need all of this, because the contingency is now being run."
        ),
        hint="Name an owner, write the trigger and the contingency, and add an action with an "
             "owner and a due date.",
        passes="probability: 4\nimpact: 5   # 20, high\nowner: Priya\ntrigger: error rate > 2%\n"
               "contingency: switch to the old processor\n"
               "actions: [{action: load test, owner: Sam, due: 2027-02-01}]",
        fails="probability: 4\nimpact: 5   # 20, high\nowner: Priya\nactions: []",
        weight=3,
    ),
    Rule(
        id="risk.response",
        severity="error",
        title="The response strategy fits the risk's type",
        rationale=(
            "Threats and opportunities are handled with different strategies: you avoid, "
            "mitigate, transfer, accept or escalate a threat, and you exploit, enhance, share, "
            "accept or escalate an opportunity. Choosing a strategy on purpose is the heart of "
            "risk response; 'mitigating' an opportunity means the risk was not thought through."
        ),
        hint="Threats: avoid, mitigate, transfer, accept or escalate. Opportunities: exploit, "
             "enhance, share, accept or escalate.",
        passes="type: opportunity\nresponse: enhance",
        fails="type: opportunity\nresponse: mitigate",
        weight=2,
    ),
    Rule(
        id="risk.closed-reason",
        severity="error",
        title="A closed risk says why it was closed",
        rationale=(
            "Closing a risk is a decision, and decisions need a record: the window passed, the "
            "mitigation removed the cause, or the risk was transferred. Without the reason, "
            "nobody can tell later whether the risk went away or was simply forgotten."
        ),
        hint="Write closed_reason, e.g. 'vendor passed the load test on 2027-01-12; cause "
             "removed'.",
        passes="status: closed\nclosed_reason: Vendor passed the load test on 2027-01-12",
        fails="status: closed",
        weight=2,
    ),
    Rule(
        id="risk.stale",
        severity="error",
        title="Open risks are reviewed on the register's cadence",
        rationale=(
            "Risks change week by week: probabilities rise as deadlines near, causes disappear, "
            "new triggers fire. A risk that is still open but has not been looked at within the "
            "review cadence is a risk nobody is watching, which is how risks turn into issues."
        ),
        hint="Review the risk with its owner, record what changed in history and set "
             "last_reviewed to the review date.",
        passes="review_cadence_days: 14\n# as of 2027-01-20\nstatus: open\n"
               "last_reviewed: 2027-01-15",
        fails="review_cadence_days: 14\n# as of 2027-01-20\nstatus: open\n"
              "last_reviewed: 2026-12-01",
        weight=3,
    ),
    Rule(
        id="risk.dates",
        severity="error",
        title="Dates are in order and not in the future",
        rationale=(
            "A risk cannot be reviewed before it was identified, and a review or history entry "
            "dated in the future has not happened yet. Impossible dates make the register's "
            "story untrustworthy, and stakeholders stop relying on it."
        ),
        hint="Make identified ≤ last_reviewed ≤ today, and date history entries on or before "
             "today.",
        passes="identified: 2027-01-04\nlast_reviewed: 2027-01-18",
        fails="identified: 2027-01-18\nlast_reviewed: 2027-01-04",
        weight=2,
    ),
    Rule(
        id="risk.living",
        severity="error",
        title="The register has been reviewed more than once",
        rationale=(
            "A risk register written once and filed away is a document, not a management tool. "
            "pmpath counts the different dates, up to today, found in the risks' history "
            "entries and last_reviewed fields: at least two distinct dates show the register "
            "has been revisited and kept up to date. The date a risk was identified does not "
            "count, since identifying is not reviewing."
        ),
        hint="After each review, add a history entry {date, probability, impact, note} to the "
             "risks you re-assessed and update last_reviewed; the register needs at least two "
             "different review dates.",
        passes="history:\n  - {date: 2027-01-04, probability: 3, impact: 5}\n"
               "last_reviewed: 2027-01-18",
        fails="history:\n  - {date: 2027-01-04, probability: 3, impact: 5}\n"
              "last_reviewed: 2027-01-04",
        weight=3,
    ),
    Rule(
        id="risk.count",
        severity="error",
        title="The register holds enough risks",
        rationale=(
            "A critical program has many ways to go wrong (and a few to go better than planned). "
            "A register with only a handful of risks usually means the team has not yet looked "
            "at schedule, vendors, compliance, security and people, not that the program is "
            "safe."
        ),
        hint="Run a risk workshop: walk through each category (technical, schedule, cost, "
             "resource, scope, external, compliance, security, vendor) and add the risks you "
             "find.",
        passes="risks: [...]   # 8 or more",
        fails="risks: [...]   # 5 risks",
        weight=2,
    ),
    Rule(
        id="risk.categories",
        severity="warning",
        title="Risks cover at least three categories",
        rationale=(
            "Teams tend to see the risks closest to their own work, often only technical ones. "
            "Spreading the register across several categories (schedule, vendor, compliance, "
            "security, …) is a sign the whole program was examined, not one corner of it."
        ),
        hint="Look for risks in the categories you have not used yet: technical, schedule, "
             "cost, resource, scope, external, compliance, security, vendor.",
        passes="categories used: technical, vendor, compliance",
        fails="categories used: technical, schedule",
        weight=1,
    ),
)


BOOK = RuleBook(RULES)

_num = number_text

_SCALE_WORDS = {
    "probability": "1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain",
    "impact": "1 negligible, 2 minor, 3 moderate, 4 major, 5 severe",
}


def label(risk: Risk, index: int) -> str:
    name = str(risk.id) if risk.id != "" else f"number {index + 1}"
    return f"{'opportunity' if risk.type == 'opportunity' else 'risk'} {name}"


def on_scale(value: float) -> bool:
    return value == int(value) and 1 <= value <= 5


def is_high(risk: Risk, threshold: int) -> bool:
    """Live, on the 1–5 scale, and probability × impact at or above the threshold.

    Judged on the real product, and only once both are on the scale: an off-scale
    product means nothing yet (risk.scale asks for the fix). Closed risks need no
    management; occurred ones do.
    """
    return (risk.status != "closed" and on_scale(risk.probability) and on_scale(risk.impact)
            and risk.probability * risk.impact >= threshold)


@BOOK.check("risk.ids")
def unique_ids(doc: RiskRegister, ctx: Context, found: Found) -> None:
    first_index: dict[str, int] = {}
    for index, risk in enumerate(doc.risks):
        rid = str(risk.id)
        if rid == "":
            found(path_of("risks", index, "id"), f"risk number {index + 1} has no id",
                  hint=f"give it an id no other risk uses, e.g. R-{index + 1:03d}")
        elif rid in first_index:
            first = first_index[rid]
            found(path_of("risks", index, "id"),
                  f"id {rid} is already used by risks[{first}] (risk number {first + 1})",
                  hint=f"give this risk its own id, e.g. {rid}-b, and update any reference to it")
        else:
            first_index[rid] = index


@BOOK.check("risk.scale")
def whole_numbers_on_the_scale(doc: RiskRegister, ctx: Context, found: Found) -> None:
    for index, risk in enumerate(doc.risks):
        name = label(risk, index)
        for field, value in (("probability", risk.probability), ("impact", risk.impact)):
            if not on_scale(value):
                message, hint = scale_problem(field, value)
                found(path_of("risks", index, field), f"{name}: {message}", hint=hint)
        for h_index, entry in enumerate(risk.history):
            for field, value in (("probability", entry.probability), ("impact", entry.impact)):
                if value is not None and not on_scale(value):
                    message, hint = scale_problem(field, value)
                    found(path_of("risks", index, "history", h_index, field),
                          f"{name}, history of {entry.date.isoformat()}: {message}", hint=hint)


def scale_problem(field: str, value: float) -> tuple[str, str]:
    """(message, hint) for a probability or impact that is not a whole number 1–5.

    A probability written as a share (0.4) or a percentage (40) is read as the
    likelihood it states and mapped onto the 1–5 scale, with the reason.
    """
    words = _SCALE_WORDS[field]
    if field == "probability" and (0 < value < 1 or 10 <= value <= 100):
        share = value if value < 1 else value / 100
        step = probability_step(share)
        return (f"probability {_num(value)} looks like a {share:.0%} chance, but the scale is "
                "1–5",
                f"a {share:.0%} chance is a {step} on the 1–5 scale ({words}); set "
                f"probability: {step}")
    if value != int(value):
        low = max(1, min(5, int(value // 1)))
        high = max(1, min(5, int(value // 1) + 1))
        choice = f"{low} or {high}" if low != high else str(low)
        return (f"{field} {_num(value)} is not a whole number; the scale is 1, 2, 3, 4, 5",
                f"choose {choice} ({words})")
    if value > 5:
        return (f"{field} {_num(value)} is above the scale 1–5",
                f"5 is the highest {field}; set {field}: 5 if that fits ({words})")
    return (f"{field} {_num(value)} is below the scale 1–5",
            f"1 is the lowest {field}; set {field}: 1 if that fits ({words})")


def probability_step(share: float) -> int:
    """A chance (0–1) on the 1–5 scale: up to 10% rare … over 90% almost certain."""
    for step, upper in ((1, 0.10), (2, 0.30), (3, 0.50), (4, 0.90)):
        if share <= upper:
            return step
    return 5


@BOOK.check("risk.score-matches")
def score_is_the_product(doc: RiskRegister, ctx: Context, found: Found) -> None:
    for index, risk in enumerate(doc.risks):
        product = risk.probability * risk.impact
        if abs(risk.score - product) > 1e-9:
            found(path_of("risks", index, "score"),
                  f"{label(risk, index)}: score {_num(risk.score)} but probability "
                  f"{_num(risk.probability)} × impact {_num(risk.impact)} = {_num(product)}",
                  hint=f"set score: {_num(product)}")


@BOOK.check("risk.description")
def cause_event_effect(doc: RiskRegister, ctx: Context, found: Found) -> None:
    for index, risk in enumerate(doc.risks):
        for field, meaning in (("cause", "the fact or condition that exists today"),
                               ("event", "the uncertain thing that may happen"),
                               ("effect", "what it would do to the program's goals")):
            if not getattr(risk, field):
                found(path_of("risks", index, field), f"{label(risk, index)} has no {field}",
                      hint=f"write the {field}: {meaning}")


@BOOK.check("risk.high-owned")
def high_risks_are_managed(doc: RiskRegister, ctx: Context, found: Found) -> None:
    threshold = doc.high_threshold
    for index, risk in enumerate(doc.risks):
        if not is_high(risk, threshold):
            continue
        why = (f"{label(risk, index)} is high (probability × impact = "
               f"{_num(risk.probability * risk.impact)} ≥ {threshold})")
        if not risk.owner:
            found(path_of("risks", index, "owner"), f"{why} but has no owner",
                  hint="name in owner the one person accountable for this risk")
        if not risk.trigger:
            found(path_of("risks", index, "trigger"), f"{why} but has no trigger",
                  hint="write the warning sign that tells you it is happening, ideally with "
                       "a number, e.g. 'vendor error rate above 2% for an hour'")
        if not risk.contingency:
            found(path_of("risks", index, "contingency"), f"{why} but has no contingency",
                  hint="write the fallback plan you will run if the trigger fires")
        if not any(action.action and action.owner and action.due for action in risk.actions):
            detail = ("no actions" if not risk.actions else
                      "no action with a description, an owner and a due date")
            found(path_of("risks", index, "actions"), f"{why} but has {detail}",
                  hint="add an action under actions with action, owner and due, e.g. "
                       "{action: run a load test, owner: Sam Lee, due: 2027-02-01}")


@BOOK.check("risk.response")
def response_fits_the_type(doc: RiskRegister, ctx: Context, found: Found) -> None:
    for index, risk in enumerate(doc.risks):
        name = label(risk, index)
        response = (risk.response or "").lower()
        valid = RESPONSES[risk.type]
        article = "an" if risk.type == "opportunity" else "a"
        if not response:
            found(path_of("risks", index, "response"), f"{name} has no response strategy",
                  hint=f"choose one for {article} {risk.type}: {', '.join(valid)}")
            continue
        if response in valid:
            continue
        other = "opportunity" if risk.type == "threat" else "threat"
        if response in RESPONSES[other]:
            message = (f"{name} has the response '{risk.response}', which is for "
                       f"{PLURAL[other]}, not {PLURAL[risk.type]}")
        else:
            message = (f"{name} has the response '{risk.response}', which is not one of "
                       f"the strategies for {PLURAL[risk.type]}")
        suggestion = COUNTERPART.get(response)
        hint = (f"use response: {suggestion} (the {risk.type} counterpart of {response}); "
                f"the choices are {', '.join(valid)}" if suggestion else
                f"choose one for {article} {risk.type}: {', '.join(valid)}")
        found(path_of("risks", index, "response"), message, hint=hint)


@BOOK.check("risk.closed-reason")
def closed_risks_say_why(doc: RiskRegister, ctx: Context, found: Found) -> None:
    for index, risk in enumerate(doc.risks):
        if risk.status == "closed" and not risk.closed_reason:
            found(path_of("risks", index, "closed_reason"),
                  f"{label(risk, index)} is closed but does not say why",
                  hint="write closed_reason: why it no longer needs managing, e.g. 'the "
                       "mitigation removed the cause' or 'the window passed on 2027-01-15'")


def oldest_fresh_review(doc: RiskRegister, as_of: dt.date) -> dt.date:
    return as_of - dt.timedelta(days=doc.review_cadence_days)


def is_stale(risk: Risk, oldest_fresh: dt.date) -> bool:
    return risk.status in LIVE_STATUSES and risk.last_reviewed < oldest_fresh


@BOOK.check("risk.stale")
def reviewed_on_cadence(doc: RiskRegister, ctx: Context, found: Found) -> None:
    as_of, cadence = ctx.as_of, doc.review_cadence_days
    oldest_fresh = oldest_fresh_review(doc, as_of)
    for index, risk in enumerate(doc.risks):
        if not is_stale(risk, oldest_fresh):
            continue
        reviewed = risk.last_reviewed
        days = (as_of - reviewed).days
        found(path_of("risks", index, "last_reviewed"),
              f"{label(risk, index)} is {risk.status} but was last reviewed {days} days ago "
              f"({reviewed.isoformat()}, as of {as_of.isoformat()}); the review cadence "
              f"is every {cadence} days",
              hint=f"review it with its owner, note what changed in history and set "
                   f"last_reviewed to the review date (on or after "
                   f"{oldest_fresh.isoformat()})")


@BOOK.check("risk.dates")
def dates_in_order(doc: RiskRegister, ctx: Context, found: Found) -> None:
    as_of = ctx.as_of
    for index, risk in enumerate(doc.risks):
        name = label(risk, index)
        identified, reviewed = risk.identified, risk.last_reviewed
        if identified > as_of:
            found(path_of("risks", index, "identified"),
                  f"{name} was identified on {identified.isoformat()}, which is after today "
                  f"({as_of.isoformat()})",
                  hint="use the date the risk was first written down, today or earlier")
        if reviewed < identified:
            found(path_of("risks", index, "last_reviewed"),
                  f"{name} was last reviewed on {reviewed.isoformat()}, before it was "
                  f"identified on {identified.isoformat()}",
                  hint=f"set last_reviewed on or after {identified.isoformat()} (or correct "
                       f"identified)")
        if reviewed > as_of:
            found(path_of("risks", index, "last_reviewed"),
                  f"{name} says it was last reviewed on {reviewed.isoformat()}, which is after "
                  f"today ({as_of.isoformat()})",
                  hint=f"set last_reviewed to the date of the last real review, "
                       f"{as_of.isoformat()} or earlier")
        for h_index, entry in enumerate(risk.history):
            if entry.date > as_of:
                found(path_of("risks", index, "history", h_index, "date"),
                      f"{name} has a history entry dated {entry.date.isoformat()}, which is "
                      f"after today ({as_of.isoformat()})",
                      hint="history records reviews that happened; date it on the day of the "
                           f"review, {as_of.isoformat()} or earlier")


def review_dates(doc: RiskRegister, as_of: dt.date) -> set[dt.date]:
    """The real review dates: last_reviewed (when possible) and history, up to today."""
    dates: set[dt.date] = set()
    for risk in doc.risks:
        if risk.identified <= risk.last_reviewed <= as_of:
            dates.add(risk.last_reviewed)
        dates.update(entry.date for entry in risk.history if entry.date <= as_of)
    return dates


@BOOK.check("risk.living")
def reviewed_more_than_once(doc: RiskRegister, ctx: Context, found: Found) -> None:
    dates = review_dates(doc, ctx.as_of)
    if len(dates) >= 2:
        return
    if dates:
        only = next(iter(dates)).isoformat()
        message = (f"the register shows only one review date ({only}); a living register "
                   "is reviewed again and again")
    else:
        message = "the register shows no review dates up to today"
    found("risks", message,
          hint="hold another review: add a history entry {date, probability, impact, note} "
               "to each risk you re-assessed and update last_reviewed to that date")


@BOOK.check("risk.count")
def enough_risks(doc: RiskRegister, ctx: Context, found: Found) -> None:
    min_risks = int(ctx.param("min_risks"))
    count = len(doc.risks)
    if count < min_risks:
        found("risks",
              f"the register lists {count} risk{'s' if count != 1 else ''}; this exercise asks "
              f"for at least {min_risks}",
              hint=f"add {min_risks - count} more: walk through each category (technical, "
                   "schedule, cost, resource, scope, external, compliance, security, vendor) "
                   "and ask what could go wrong, or better than planned")


def category_counts(doc: RiskRegister) -> dict[str, int]:
    counts: dict[str, int] = {}
    for risk in doc.risks:
        counts[risk.category] = counts.get(risk.category, 0) + 1
    return {category: counts[category] for category in CATEGORIES if category in counts}


@BOOK.check("risk.categories")
def several_categories(doc: RiskRegister, ctx: Context, found: Found) -> None:
    by_category = category_counts(doc)
    if len(by_category) >= 3 or not doc.risks:
        return
    used = ", ".join(by_category)
    missing = [category for category in CATEGORIES if category not in by_category]
    found("risks",
          f"only {len(by_category)} categor{'y is' if len(by_category) == 1 else 'ies are'} "
          f"used ({used}); a critical program has risks of at least 3 kinds",
          hint=f"look for risks in other categories, e.g. {', '.join(missing[:4])}")
