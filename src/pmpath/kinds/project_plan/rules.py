"""The project plan's rules, each bound to its check.

A plan is read the way a senior PM reads one: the five lifecycle phases in a sensible
sequence, with monitoring running alongside execution; a scope that says what is out
as well as in; every piece of work traced to a deliverable with an owner; three-point
estimates; dependencies that can be scheduled; and an expected duration that fits
before the deadline with good odds. The deadline and confidence rules read the shared
``schedule`` fact, so with a dependency cycle they are skipped, with the reason, rather
than run on a schedule that does not exist.
"""

from __future__ import annotations

import math
from statistics import NormalDist

from pmpath.kinds.base import Context, Found, Rule, RuleBook, path_of
from pmpath.kinds.network import listed, loop_text, report_dependencies
from pmpath.kinds.project_plan.figures import (
    CONFIDENCE_TARGET,
    ProjectFigures,
    chance_text,
    days_text,
    plan_calendar,
)
from pmpath.kinds.project_plan.model import Phase, ProjectPlan
from pmpath.kinds.project_plan.schedule import estimate_problems

LIFECYCLE = ("initiating", "planning", "executing", "monitoring", "closing")
SEQUENCE = ("initiating", "planning", "executing", "closing")
"""The phases whose starts never go backwards; monitoring runs alongside executing."""
# Names a learner may reasonably use for a lifecycle phase (after lower-casing and
# turning '-', '_' and '&' into words).
PHASE_NAMES = {
    "initiating": "initiating", "initiation": "initiating", "initiate": "initiating",
    "planning": "planning", "plan": "planning",
    "executing": "executing", "execution": "executing", "execute": "executing",
    "monitoring": "monitoring", "monitoring and controlling": "monitoring",
    "monitoring and control": "monitoring", "monitor and control": "monitoring",
    "controlling": "monitoring",
    "closing": "closing", "closure": "closing", "close": "closing", "close out": "closing",
    "closeout": "closing",
}
# Why each phase of the sequence waits for the one before it: said in the fix.
BUILDS_ON = {
    "planning": "planning builds on the charter agreed in initiating",
    "executing": "executing carries out what planning decided",
    "closing": "closing wraps up the work, so it comes last",
}

RULES: tuple[Rule, ...] = (
    Rule(
        id="plan.phases",
        severity="error",
        title="All five lifecycle phases, in sequence, with monitoring alongside execution",
        rationale=(
            "Initiating, planning, executing, monitoring and controlling, and closing are how "
            "a project is governed. Initiating, planning, executing and closing follow one "
            "another: they may overlap, but none starts before the phase it builds on, and "
            "each ends with a decision to go on. Monitoring and controlling is different: it "
            "runs alongside execution, tracking the work against the plan from its first day "
            "to its last, so a monitoring phase after execution watches nothing. Skipping a "
            "phase (closing is the usual victim) means nobody owns its decision, and a phase "
            "outside the plan's dates is one nobody has budgeted time for."
        ),
        hint="List all five phases, each with start ≤ end inside start…deadline. Start "
             "initiating, planning, executing and closing in that order (equal starts are "
             "fine, and the order of the list does not matter); start monitoring on or "
             "before executing starts and end it on or after executing ends.",
        passes="phases:\n"
               "  - {name: initiating, start: 2027-01-04, end: 2027-01-15}\n"
               "  - {name: planning, start: 2027-01-18, end: 2027-02-05}\n"
               "  - {name: executing, start: 2027-02-08, end: 2027-06-11}\n"
               "  - {name: monitoring, start: 2027-02-08, end: 2027-06-18}  # alongside\n"
               "  - {name: closing, start: 2027-06-14, end: 2027-06-30}",
        fails="phases:\n"
              "  - {name: initiating, start: 2027-01-18, end: 2027-01-22}\n"
              "  - {name: planning, start: 2027-01-04, end: 2027-01-15}   # before initiating\n"
              "  - {name: executing, start: 2027-02-08, end: 2027-06-11}\n"
              "  - {name: monitoring, start: 2027-06-14, end: 2027-06-25} # after executing\n"
              "  - {name: closing, start: 2027-06-14, end: 2027-06-30}",
        weight=2,
    ),
    Rule(
        id="plan.scope",
        severity="error",
        title="Scope says what is in and what is out, with no overlap",
        rationale=(
            "Most scope creep starts with something nobody said was out. Writing down what "
            "the project will not do is as important as what it will do, and an item on both "
            "lists is a disagreement waiting to surface late."
        ),
        hint="List deliverable-level items under scope.in and at least one thing you will "
             "not do under scope.out; never the same item in both.",
        passes="scope:\n  in: [Self-service password reset]\n  out: [Mobile app]",
        fails="scope:\n  in: [Mobile app]\n  out: [Mobile app]",
        weight=2,
    ),
    Rule(
        id="plan.estimates",
        severity="error",
        title="Three-point estimates are ordered: 0 ≤ optimistic ≤ likely ≤ pessimistic",
        rationale=(
            "PERT turns three estimates into an expected time and a spread. If the optimistic "
            "case is slower than the likely one, the numbers were typed into the wrong "
            "fields, and every date and probability built on them is wrong."
        ),
        hint="Order the estimates so optimistic ≤ likely ≤ pessimistic, in working days.",
        passes="estimate: {optimistic: 3, likely: 5, pessimistic: 10}",
        fails="estimate: {optimistic: 6, likely: 4, pessimistic: 10}",
        weight=2,
    ),
    Rule(
        id="plan.dependencies",
        severity="error",
        title="Dependencies name real work items and never loop",
        rationale=(
            "The critical path is computed from depends_on. A dependency on an id that does "
            "not exist, or two items that wait for each other, make the plan impossible to "
            "schedule: in real life that work would simply never start."
        ),
        hint="Make every depends_on entry the id of another work item, and break any loop "
             "by deciding which item really has to come first.",
        passes="- {id: W2, depends_on: [W1], ...}",
        fails="- {id: W2, depends_on: [W3], ...}\n- {id: W3, depends_on: [W2], ...}",
        weight=3,
    ),
    Rule(
        id="plan.traceability",
        severity="error",
        title="Every work item builds a deliverable, and every deliverable has work",
        rationale=(
            "A work breakdown exists to produce the deliverables. Work that builds no "
            "deliverable is either waste or a missing deliverable; a deliverable with no "
            "work under it will not appear by itself."
        ),
        hint="Set each work item's deliverable to an existing deliverable id, and give "
             "every deliverable at least one work item.",
        passes="deliverables: [{id: D1, ...}]\nwork: [{id: W1, deliverable: D1, ...}]",
        fails="deliverables: [{id: D1, ...}, {id: D2, ...}]   # nothing builds D2\n"
              "work: [{id: W1, deliverable: D9, ...}]          # D9 does not exist",
        weight=3,
    ),
    Rule(
        id="plan.owners",
        severity="error",
        title="Every deliverable and work item has an owner",
        rationale=(
            "Work owned by everyone is owned by no one. A named owner is the person who "
            "answers 'will it be done?' at the status meeting and raises the flag early. "
            "(Whether an owner is one person rather than a team is common.owner's job.)"
        ),
        hint="Give every deliverable and work item an owner: one named person.",
        passes="- {id: W1, owner: Priya Natarajan, ...}",
        fails="- {id: W1, owner: '', ...}",
        weight=2,
    ),
    Rule(
        id="plan.deadline",
        severity="error",
        title="The expected duration fits in the working days before the deadline",
        rationale=(
            "If the plan's own expected schedule already misses the deadline, the plan is a "
            "wish. A senior PM resolves that before committing: cut scope, add people to the "
            "critical path, or negotiate the date. The comparison is the critical path's "
            "expected duration, unrounded (PERT times are fractions of a day), against the "
            "working days from start to deadline with both days counted: rounding every "
            "item up to whole days first would invent delay the estimates do not contain."
        ),
        hint="Shorten the critical path (split items, run work in parallel, cut scope) or "
             "agree a later deadline with the sponsor.",
        passes="# expected duration 89.3 working days; 93 working days from start to deadline",
        fails="# expected duration 96.5 working days; 93 working days from start to deadline",
        weight=3,
        needs=("schedule",),
    ),
    Rule(
        id="plan.confidence",
        severity="warning",
        title="At least an 80% chance of meeting the deadline",
        rationale=(
            "An expected finish just before the deadline is only a coin flip. PERT gives the "
            "spread as well as the mean, so the PM can say how likely the date is; committing "
            "to a date you have less than an 80% chance of meeting sets the team up to fail."
        ),
        hint="Add buffer before the deadline, shorten the critical path, or reduce the "
             "uncertainty of its riskiest items (their pessimistic estimates).",
        passes="# chance of meeting the deadline 86%",
        fails="# chance of meeting the deadline 64%",
        weight=1,
        needs=("schedule",),
    ),
    Rule(
        id="plan.milestones",
        severity="error",
        title="Milestones fall inside the plan and name real deliverables",
        rationale=(
            "Milestones are the dates stakeholders remember. One before the start or after "
            "the deadline cannot be met by this plan, and one that names a deliverable that "
            "does not exist cannot be checked."
        ),
        hint="Date each milestone between start and deadline and list only existing "
             "deliverable ids.",
        passes="- {name: Design signed off, date: 2027-02-05, deliverables: [D1]}",
        fails="- {name: Launch, date: 2027-08-02, deliverables: [D7]}   # after the deadline",
        weight=2,
    ),
)

BOOK = RuleBook(RULES)


def _normal(text: str) -> str:
    words = text.casefold().replace("&", " and ").replace("-", " ").replace("_", " ")
    return " ".join(words.split())


def lifecycle_phase(name: str) -> str | None:
    """The lifecycle phase a name stands for (``Execution`` -> ``executing``), or None."""
    return PHASE_NAMES.get(_normal(name))


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


# -- plan.phases -------------------------------------------------------------------------


@BOOK.check("plan.phases")
def lifecycle_phases(plan: ProjectPlan, ctx: Context, found: Found) -> None:
    if not plan.phases:
        found("phases", "there are no phases; a plan runs through the five lifecycle phases "
                        f"{', '.join(LIFECYCLE)}",
              hint="Add the five phases, each with a start and an end date: initiating, "
                   "planning, executing and closing one after another, and monitoring "
                   "alongside executing.")
        return
    first: dict[str, int] = {}
    for index, phase in enumerate(plan.phases):
        stage = lifecycle_phase(phase.name)
        if stage is None:
            found(path_of("phases", index, "name"),
                  f"'{phase.name}' is not one of the five lifecycle phases "
                  f"({', '.join(LIFECYCLE)})",
                  hint="Rename it to the lifecycle phase it belongs to, or fold its work into "
                       "that phase.")
        elif stage in first:
            found(path_of("phases", index, "name"),
                  f"the {stage} phase is listed twice (first at phases[{first[stage]}])",
                  hint="Keep one entry per phase; widen its dates instead of repeating it.")
        else:
            first[stage] = index
        _phase_dates(plan, index, phase, found)
    missing = [stage for stage in LIFECYCLE if stage not in first]
    if missing:
        found("phases",
              f"the plan has no {', '.join(missing)} phase{'s' if len(missing) > 1 else ''}; "
              f"it needs all five: {', '.join(LIFECYCLE)}",
              hint=f"Add {' and '.join(missing)} with start and end dates.")
    _sequence(plan, first, found)
    _monitoring_alongside_execution(plan, first, found)


def _phase_dates(plan: ProjectPlan, index: int, phase: Phase, found: Found) -> None:
    if phase.start > phase.end:
        found(path_of("phases", index),
              f"the {phase.name} phase ends ({phase.end}) before it starts ({phase.start})",
              hint="Swap the dates or correct the one that is wrong: start ≤ end.")
    if phase.start < plan.start:
        found(path_of("phases", index, "start"),
              f"the {phase.name} phase starts on {phase.start}, before the plan starts "
              f"({plan.start})",
              hint=f"Start it on or after {plan.start}, or move the plan's start.")
    if phase.end > plan.deadline:
        found(path_of("phases", index, "end"),
              f"the {phase.name} phase ends on {phase.end}, after the deadline "
              f"({plan.deadline})",
              hint=f"End it on or before {plan.deadline}; closing happens before the "
                   "deadline, not after it.")


def _sequence(plan: ProjectPlan, first: dict[str, int], found: Found) -> None:
    """Starts of initiating, planning, executing and closing never go backwards."""
    latest_stage, latest_start = "", None
    for stage in SEQUENCE:
        if stage not in first:
            continue
        index = first[stage]
        start = plan.phases[index].start
        if latest_start is not None and start < latest_start:
            found(path_of("phases", index, "start"),
                  f"the {stage} phase starts on {start}, before the {latest_stage} phase "
                  f"starts ({latest_start})",
                  hint=f"{BUILDS_ON[stage]}: start {stage} on or after {latest_start}, or "
                       f"start {latest_stage} on or before {start}")
        else:
            latest_stage, latest_start = stage, start


def _monitoring_alongside_execution(plan: ProjectPlan, first: dict[str, int],
                                    found: Found) -> None:
    if "monitoring" not in first or "executing" not in first:
        return
    index = first["monitoring"]
    monitoring, executing = plan.phases[index], plan.phases[first["executing"]]
    starts_late = monitoring.start > executing.start
    ends_early = monitoring.end < executing.end
    if not (starts_late or ends_early):
        return
    span = f"{monitoring.start} to {monitoring.end}"
    executing_span = f"{executing.start} to {executing.end}"
    if monitoring.start > executing.end:
        message = (f"the monitoring phase ({span}) comes after executing ({executing_span}); "
                   "monitoring and controlling tracks the work while it is being done, not "
                   "afterwards")
    elif monitoring.end < executing.start:
        message = (f"the monitoring phase ({span}) is over before executing starts on "
                   f"{executing.start}; monitoring and controlling tracks the work while it "
                   "is being done")
    elif starts_late and ends_early:
        message = (f"the monitoring phase ({span}) covers only part of executing "
                   f"({executing_span}): the first and last days of the work would go "
                   "unwatched")
    elif starts_late:
        message = (f"the monitoring phase starts on {monitoring.start}, after executing "
                   f"starts on {executing.start}: the first days of the work would go "
                   "unwatched")
    else:
        message = (f"the monitoring phase ends on {monitoring.end}, before executing ends on "
                   f"{executing.end}: the last days of the work would go unwatched")
    if starts_late and ends_early:
        where = path_of("phases", index)
    else:
        where = path_of("phases", index, "start" if starts_late else "end")
    found(where, message,
          hint=f"monitoring runs alongside executing: start it on or before {executing.start} "
               f"and end it on or after {executing.end}")


# -- scope, estimates, dependencies, traceability, owners --------------------------------


@BOOK.check("plan.scope")
def scope_in_and_out(plan: ProjectPlan, ctx: Context, found: Found) -> None:
    if not plan.scope.in_:
        found("scope.in", "scope.in is empty: the plan does not say what it will deliver",
              hint="List what the project delivers, e.g. in: [Self-service password reset].")
    if not plan.scope.out:
        found("scope.out", "scope.out is empty: the plan does not say what it will not do",
              hint="Name at least one thing people might expect but this project will not "
                   "do, e.g. out: [Mobile app].")
    inside: dict[str, int] = {}
    for index, item in enumerate(plan.scope.in_):
        inside.setdefault(_normal(item), index)
    for index, item in enumerate(plan.scope.out):
        if _normal(item) in inside:
            found(path_of("scope", "out", index),
                  f"'{item}' is both in scope (scope.in[{inside[_normal(item)]}]) and out of "
                  "scope",
                  hint=f"Decide whether '{item}' is delivered and remove it from the other "
                       "list.")


@BOOK.check("plan.estimates")
def ordered_estimates(plan: ProjectPlan, ctx: Context, found: Found) -> None:
    for index, item in enumerate(plan.work):
        estimate = item.estimate
        wrong = estimate_problems(estimate.optimistic, estimate.likely, estimate.pessimistic)
        if wrong:
            ordered = sorted(max(value, 0) for value in (
                estimate.optimistic, estimate.likely, estimate.pessimistic))
            found(path_of("work", index, "estimate"), f"{item.id}: {'; '.join(wrong)}",
                  hint=f"Put the estimates in order, e.g. optimistic: {ordered[0]:g}, "
                       f"likely: {ordered[1]:g}, pessimistic: {ordered[2]:g}.")


@BOOK.check("plan.dependencies")
def schedulable_dependencies(plan: ProjectPlan, ctx: Context, found: Found) -> None:
    report_dependencies(found, "work", "work item", [item.id for item in plan.work],
                        [item.depends_on for item in plan.work])


@BOOK.check("plan.traceability")
def work_builds_deliverables(plan: ProjectPlan, ctx: Context, found: Found) -> None:
    deliverable_ids = [deliverable.id for deliverable in plan.deliverables]
    known = set(deliverable_ids)
    with_work: set[str] = set()
    for index, item in enumerate(plan.work):
        where = path_of("work", index, "deliverable")
        if item.deliverable is None or _blank(item.deliverable):
            found(where, f"{item.id} does not say which deliverable it builds",
                  hint=f"Set deliverable to one of {listed(deliverable_ids)}"
                       if deliverable_ids else "Add the deliverable it builds to "
                       "deliverables and name it here.")
        elif item.deliverable not in known:
            found(where,
                  f"{item.id} names deliverable '{item.deliverable}', which is not in "
                  "deliverables",
                  hint=f"Use an existing deliverable id ({listed(deliverable_ids)}) or add "
                       f"'{item.deliverable}' to deliverables." if deliverable_ids else
                       f"Add '{item.deliverable}' to deliverables.")
        else:
            with_work.add(item.deliverable)
    for index, deliverable in enumerate(plan.deliverables):
        if deliverable.id not in with_work:
            found(path_of("deliverables", index),
                  f"no work item builds deliverable {deliverable.id} ({deliverable.name})",
                  hint=f"Add the work items that produce {deliverable.id} (deliverable: "
                       f"{deliverable.id}), or drop it and list it under scope.out.")


@BOOK.check("plan.owners")
def everything_owned(plan: ProjectPlan, ctx: Context, found: Found) -> None:
    for index, deliverable in enumerate(plan.deliverables):
        if _blank(deliverable.owner):
            found(path_of("deliverables", index, "owner"),
                  f"deliverable {deliverable.id} ({deliverable.name}) has no owner",
                  hint="Name the one person accountable for it, e.g. owner: Priya Natarajan.")
    for index, item in enumerate(plan.work):
        if _blank(item.owner):
            found(path_of("work", index, "owner"),
                  f"work item {item.id} ({item.name}) has no owner",
                  hint="Name the one person who does or drives this work.")


# -- the schedule: deadline and confidence -----------------------------------------------


@BOOK.check("plan.deadline")
def fits_before_the_deadline(plan: ProjectPlan, ctx: Context, found: Found) -> None:
    figures: ProjectFigures = ctx.fact("schedule")
    if plan.deadline < plan.start:
        found("deadline", f"the deadline {plan.deadline} is before the start {plan.start}",
              hint="Check both dates: the deadline is the day the work must be done by.")
        return
    expected, total = figures.expected_exact, figures.working_days_available
    if expected is None or figures.critical_path is None or expected <= total:
        return
    path = loop_text(figures.critical_path)
    days = days_text(float(expected), total)
    found("deadline",
          f"the expected finish is {figures.finish}, after the deadline {plan.deadline}: the "
          f"critical path ({path}) takes {days} working days on average, but only {total} "
          f"working days run from {plan.start} to {plan.deadline}",
          hint=f"Take at least {math.ceil(expected - total)} working day"
               f"{'s' if math.ceil(expected - total) != 1 else ''} off the critical path "
               f"({path}): run items in parallel, split them or cut scope; or agree a "
               f"deadline of {figures.finish} or later with the sponsor.")


@BOOK.check("plan.confidence")
def good_odds(plan: ProjectPlan, ctx: Context, found: Found) -> None:
    figures: ProjectFigures = ctx.fact("schedule")
    probability = figures.deadline_probability
    if plan.deadline < plan.start or probability is None:
        return  # plan.deadline says the dates are the wrong way round
    if probability >= CONFIDENCE_TARGET:
        return
    expected = float(figures.expected_exact or 0)
    spread = figures.std_dev_days or 0.0
    total = figures.working_days_available
    formula = (f"Φ(({total} − {days_text(expected, total)}) / {spread:.2f})" if spread > 0
               else "no spread in the estimates")
    found("deadline",
          f"the chance of finishing by {plan.deadline} is {chance_text(probability, spread)} "
          f"({formula}); commit to a date you have at least {CONFIDENCE_TARGET:.0%} chance "
          "of meeting",
          hint=_confidence_hint(plan, expected, spread, total))


def _confidence_hint(plan: ProjectPlan, expected: float, spread: float, total: int) -> str:
    z_score = NormalDist().inv_cdf(CONFIDENCE_TARGET)        # 0.8416
    needed = math.ceil(expected + z_score * spread - 1e-9)
    if needed <= total:
        return "Shorten the critical path or narrow the riskiest estimates."
    calendar = plan_calendar(plan)
    enough = calendar.date_at(needed - 1, calendar.roll_forward(plan.start))
    return (f"About {needed} working days give an 80% chance (expected "
            f"{days_text(expected)} + {z_score:.2f} × σ {spread:.2f}); you have {total}. "
            f"Shorten the critical path by {needed - total} working day"
            f"{'s' if needed - total != 1 else ''}, narrow the riskiest estimates, or move "
            f"the deadline to {enough} or later.")


# -- milestones --------------------------------------------------------------------------


@BOOK.check("plan.milestones")
def milestones_inside_the_plan(plan: ProjectPlan, ctx: Context, found: Found) -> None:
    known = {deliverable.id for deliverable in plan.deliverables}
    for index, milestone in enumerate(plan.milestones):
        if not plan.start <= milestone.date <= plan.deadline:
            side = "before the plan starts" if milestone.date < plan.start else \
                "after the deadline"
            found(path_of("milestones", index, "date"),
                  f"milestone '{milestone.name}' is on {milestone.date}, {side} (the plan "
                  f"runs {plan.start} to {plan.deadline})",
                  hint=f"Date it between {plan.start} and {plan.deadline}, or move the plan's "
                       "dates if the milestone is fixed.")
        for position, deliverable_id in enumerate(milestone.deliverables):
            if deliverable_id not in known:
                found(path_of("milestones", index, "deliverables", position),
                      f"milestone '{milestone.name}' names deliverable '{deliverable_id}', "
                      "which is not in deliverables",
                      hint="List only ids from deliverables, or add the missing deliverable.")
