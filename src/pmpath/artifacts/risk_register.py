"""Risk register (skill 8): a living list of threats and opportunities, scored and reviewed.

Each risk is scored probability × impact on 1–5 scales. The grader checks the
arithmetic, that high risks are really managed (owner, trigger, contingency,
a dated action), that the response fits a threat or an opportunity, and that
the register is alive: reviewed on a cadence, with a history of more than one
review date. Metrics feed the heat map drawn by ``pmpath.render.risk_register``.

Everything here is one pass over the risks, so a 10,000-risk register costs
little next to parsing its YAML.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import Field

from pmpath.artifacts.base import ArtifactModel, GradeContext, KindSpec, Outcome, Rule, path_of

# Strict numbers: 4 and 4.5 reach the rules (risk.scale), while "high", yes/no
# or a quoted "4" are reported as common.schema. Strict validation is also cheaper.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Text = str | None
"""A text the learner may leave empty; the rules, not the schema, say when it is needed."""

Category = Literal["technical", "schedule", "cost", "resource", "scope", "external",
                   "compliance", "security", "vendor"]
CATEGORIES: tuple[str, ...] = get_args(Category)
Status = Literal["open", "monitoring", "closed", "occurred"]
RiskType = Literal["threat", "opportunity"]

RESPONSES = {
    "threat": ("avoid", "mitigate", "transfer", "accept", "escalate"),
    "opportunity": ("exploit", "enhance", "share", "accept", "escalate"),
}
# The mirror-image strategy on the other side, for a hint that names the right word.
COUNTERPART = {"avoid": "exploit", "mitigate": "enhance", "transfer": "share",
               "exploit": "avoid", "enhance": "mitigate", "share": "transfer"}
PLURAL = {"threat": "threats", "opportunity": "opportunities"}
LIVE_STATUSES = ("open", "monitoring")


class Action(ArtifactModel):
    action: Text = None
    owner: Text = None
    due: dt.date | None = None


class HistoryEntry(ArtifactModel):
    date: dt.date
    probability: Number | None = None
    impact: Number | None = None
    note: Text = None


class Risk(ArtifactModel):
    id: str | int
    title: str
    type: RiskType
    cause: Text = None
    event: Text = None
    effect: Text = None
    category: Category
    probability: Number
    impact: Number
    score: Number
    owner: Text = None
    response: Text = None
    actions: list[Action] = []
    trigger: Text = None
    contingency: Text = None
    status: Status
    identified: dt.date
    last_reviewed: dt.date
    closed_reason: Text = None
    history: list[HistoryEntry] = []


class RiskRegister(ArtifactModel):
    kind: Literal["risk-register"]
    version: Literal[1]
    program: str
    review_cadence_days: Annotated[int, Field(ge=1, le=366)]
    high_threshold: Annotated[int, Field(ge=1, le=25)]
    risks: list[Risk]


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


def _num(value: float) -> str:
    """4.0 -> '4', 2.5 -> '2.5': numbers as a learner wrote them."""
    return str(int(value)) if value == int(value) else f"{value:g}"


def _label(risk: Risk, index: int) -> str:
    name = str(risk.id) if risk.id != "" else f"number {index + 1}"
    return f"{'opportunity' if risk.type == 'opportunity' else 'risk'} {name}"


_SCALE_WORDS = {
    "probability": "1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain",
    "impact": "1 negligible, 2 minor, 3 moderate, 4 major, 5 severe",
}


def _on_scale(value: float) -> bool:
    return value == int(value) and 1 <= value <= 5


def grade(doc: RiskRegister, ctx: GradeContext) -> Outcome:
    out = SPEC.outcome()
    add = out.add
    as_of = ctx.as_of
    cadence = doc.review_cadence_days
    threshold = doc.high_threshold
    min_risks = int(ctx.params.get("min_risks", SPEC.defaults["min_risks"]))
    oldest_fresh = as_of - dt.timedelta(days=cadence)

    heatmap = [[0] * 5 for _ in range(5)]
    high_risks: list[str] = []
    stale_risks: list[str] = []
    open_count = 0
    by_category: dict[str, int] = {}
    review_dates: set[dt.date] = set()
    first_index: dict[str, int] = {}

    for index, risk in enumerate(doc.risks):
        rid = str(risk.id)
        label = _label(risk, index)
        probability, impact = risk.probability, risk.impact
        product = probability * impact
        status = risk.status
        live = status != "closed"

        # risk.ids
        if rid == "":
            add("risk.ids", path_of("risks", index, "id"), f"risk number {index + 1} has no id",
                hint=f"give it an id no other risk uses, e.g. R-{index + 1:03d}")
        elif rid in first_index:
            first = first_index[rid]
            add("risk.ids", path_of("risks", index, "id"),
                f"id {rid} is already used by risks[{first}] (risk number {first + 1})",
                hint=f"give this risk its own id, e.g. {rid}-b, and update any reference to it")
        else:
            first_index[rid] = index

        # risk.scale
        scale_ok = True
        for field, value in (("probability", probability), ("impact", impact)):
            if not _on_scale(value):
                scale_ok = False
                message, hint = _scale(field, value)
                add("risk.scale", path_of("risks", index, field), f"{label}: {message}",
                    hint=hint)
        for h_index, entry in enumerate(risk.history):
            for field, value in (("probability", entry.probability), ("impact", entry.impact)):
                if value is not None and not _on_scale(value):
                    message, hint = _scale(field, value)
                    add("risk.scale", path_of("risks", index, "history", h_index, field),
                        f"{label}, history of {entry.date.isoformat()}: {message}", hint=hint)

        # risk.score-matches
        if abs(risk.score - product) > 1e-9:
            add("risk.score-matches", path_of("risks", index, "score"),
                f"{label}: score {_num(risk.score)} but probability {_num(probability)} × "
                f"impact {_num(impact)} = {_num(product)}",
                hint=f"set score: {_num(product)}")

        # risk.description
        for field, meaning in (("cause", "the fact or condition that exists today"),
                               ("event", "the uncertain thing that may happen"),
                               ("effect", "what it would do to the program's goals")):
            if not getattr(risk, field):
                add("risk.description", path_of("risks", index, field),
                    f"{label} has no {field}",
                    hint=f"write the {field}: {meaning}")

        # risk.high-owned, judged on probability × impact (the real score) and only once both
        # are on the 1–5 scale: an off-scale product means nothing yet, and risk.scale already
        # asks for the fix. Closed risks need no management; occurred ones do.
        if scale_ok and live and product >= threshold:
            high_risks.append(rid)
            why = f"{label} is high (probability × impact = {_num(product)} ≥ {threshold})"
            if not risk.owner:
                add("risk.high-owned", path_of("risks", index, "owner"), f"{why} but has no owner",
                    hint="name in owner the one person accountable for this risk")
            if not risk.trigger:
                add("risk.high-owned", path_of("risks", index, "trigger"),
                    f"{why} but has no trigger",
                    hint="write the warning sign that tells you it is happening, ideally with "
                         "a number, e.g. 'vendor error rate above 2% for an hour'")
            if not risk.contingency:
                add("risk.high-owned", path_of("risks", index, "contingency"),
                    f"{why} but has no contingency",
                    hint="write the fallback plan you will run if the trigger fires")
            if not any(action.action and action.owner and action.due
                       for action in risk.actions):
                detail = ("no actions" if not risk.actions else
                          "no action with a description, an owner and a due date")
                add("risk.high-owned", path_of("risks", index, "actions"),
                    f"{why} but has {detail}",
                    hint="add an action under actions with action, owner and due, e.g. "
                         "{action: run a load test, owner: Sam Lee, due: 2027-02-01}")

        # risk.response
        response = (risk.response or "").lower()
        valid = RESPONSES[risk.type]
        if not response:
            add("risk.response", path_of("risks", index, "response"),
                f"{label} has no response strategy",
                hint=f"choose one for {'an' if risk.type == 'opportunity' else 'a'} "
                     f"{risk.type}: {', '.join(valid)}")
        elif response not in valid:
            other = "opportunity" if risk.type == "threat" else "threat"
            article = "an" if risk.type == "opportunity" else "a"
            if response in RESPONSES[other]:
                message = (f"{label} has the response '{risk.response}', which is for "
                           f"{PLURAL[other]}, not {PLURAL[risk.type]}")
            else:
                message = (f"{label} has the response '{risk.response}', which is not one of "
                           f"the strategies for {PLURAL[risk.type]}")
            suggestion = COUNTERPART.get(response)
            hint = (f"use response: {suggestion} (the {risk.type} counterpart of {response}); "
                    f"the choices are {', '.join(valid)}" if suggestion else
                    f"choose one for {article} {risk.type}: {', '.join(valid)}")
            add("risk.response", path_of("risks", index, "response"), message, hint=hint)

        # risk.closed-reason
        if status == "closed" and not risk.closed_reason:
            add("risk.closed-reason", path_of("risks", index, "closed_reason"),
                f"{label} is closed but does not say why",
                hint="write closed_reason: why it no longer needs managing, e.g. 'the "
                     "mitigation removed the cause' or 'the window passed on 2027-01-15'")

        # risk.stale
        reviewed = risk.last_reviewed
        if status in LIVE_STATUSES:
            open_count += 1
            if reviewed < oldest_fresh:
                stale_risks.append(rid)
                days = (as_of - reviewed).days
                add("risk.stale", path_of("risks", index, "last_reviewed"),
                    f"{label} is {status} but was last reviewed {days} days ago "
                    f"({reviewed.isoformat()}, as of {as_of.isoformat()}); the review cadence "
                    f"is every {cadence} days",
                    hint=f"review it with its owner, note what changed in history and set "
                         f"last_reviewed to the review date (on or after "
                         f"{oldest_fresh.isoformat()})")

        # risk.dates
        identified = risk.identified
        if identified > as_of:
            add("risk.dates", path_of("risks", index, "identified"),
                f"{label} was identified on {identified.isoformat()}, which is after today "
                f"({as_of.isoformat()})",
                hint="use the date the risk was first written down, today or earlier")
        if reviewed < identified:
            add("risk.dates", path_of("risks", index, "last_reviewed"),
                f"{label} was last reviewed on {reviewed.isoformat()}, before it was "
                f"identified on {identified.isoformat()}",
                hint=f"set last_reviewed on or after {identified.isoformat()} (or correct "
                     f"identified)")
        if reviewed > as_of:
            add("risk.dates", path_of("risks", index, "last_reviewed"),
                f"{label} says it was last reviewed on {reviewed.isoformat()}, which is after "
                f"today ({as_of.isoformat()})",
                hint=f"set last_reviewed to the date of the last real review, "
                     f"{as_of.isoformat()} or earlier")
        elif reviewed >= identified:
            review_dates.add(reviewed)
        for h_index, entry in enumerate(risk.history):
            if entry.date > as_of:
                add("risk.dates", path_of("risks", index, "history", h_index, "date"),
                    f"{label} has a history entry dated {entry.date.isoformat()}, which is "
                    f"after today ({as_of.isoformat()})",
                    hint="history records reviews that happened; date it on the day of the "
                         f"review, {as_of.isoformat()} or earlier")
            else:
                review_dates.add(entry.date)

        # metrics: the heat map shows what still needs managing, so closed risks are left
        # out (occurred ones stay: they are live issues); off-scale risks have no cell.
        if live and scale_ok:
            heatmap[5 - int(impact)][int(probability) - 1] += 1
        by_category[risk.category] = by_category.get(risk.category, 0) + 1

    # risk.living
    if len(review_dates) < 2:
        if review_dates:
            only = next(iter(review_dates)).isoformat()
            message = (f"the register shows only one review date ({only}); a living register "
                       "is reviewed again and again")
        else:
            message = "the register shows no review dates up to today"
        add("risk.living", "risks", message,
            hint="hold another review: add a history entry {date, probability, impact, note} "
                 "to each risk you re-assessed and update last_reviewed to that date")

    # risk.count
    count = len(doc.risks)
    if count < min_risks:
        add("risk.count", "risks",
            f"the register lists {count} risk{'s' if count != 1 else ''}; this exercise asks "
            f"for at least {min_risks}",
            hint=f"add {min_risks - count} more: walk through each category (technical, "
                 "schedule, cost, resource, scope, external, compliance, security, vendor) "
                 "and ask what could go wrong, or better than planned")

    # risk.categories
    if len(by_category) < 3 and count:
        used = ", ".join(sorted(by_category, key=CATEGORIES.index))
        missing = [category for category in CATEGORIES if category not in by_category]
        add("risk.categories", "risks",
            f"only {len(by_category)} categor{'y is' if len(by_category) == 1 else 'ies are'} "
            f"used ({used}); a critical program has risks of at least 3 kinds",
            hint=f"look for risks in other categories, e.g. {', '.join(missing[:4])}")

    out.metrics = {
        "heatmap": heatmap,
        "high_risks": high_risks,
        "stale_risks": stale_risks,
        "open_count": open_count,
        "by_category": {category: by_category[category] for category in CATEGORIES
                        if category in by_category},
        # The render needs the threshold to colour the heat map's zones.
        "high_threshold": threshold,
    }
    return out


def _scale(field: str, value: float) -> tuple[str, str]:
    """(message, hint) for a probability or impact that is not a whole number 1–5."""
    words = _SCALE_WORDS[field]
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


SPEC = KindSpec(kind="risk-register", model=RiskRegister, rules=RULES, grade=grade,
                defaults={"min_risks": 8})
