"""project-plan (skill 1): a plan for a real initiative from kickoff through delivery.

The plan is graded the way a senior PM reads one: the five lifecycle phases in order,
a scope that says what is out as well as in, every piece of work traced to a
deliverable with an owner, three-point estimates, dependencies that can actually be
scheduled, and the odds of meeting the deadline.

The arithmetic (spec/artifacts.md, "project-plan"):

* PERT per work item: te = (o + 4m + p) / 6 and sigma = (p - o) / 6.
* The critical path method over te gives ``expected_duration_days`` (fractional working
  days) and ``critical_path``; the variance is the sum of sigma^2 along the critical
  path (the riskiest one where paths tie) and ``std_dev_days`` its square root.
* T = the working days from ``start`` to ``deadline``, both included; the chance of
  meeting the deadline is Phi((T - expected) / sqrt(variance)).
* ``finish`` is a date: the same network placed on the calendar by
  :func:`pmpath.analysis.schedule.dated_schedule`, which rounds each item's te UP to
  whole working days first (a 2.2-day item occupies three days). It is therefore never
  earlier than the fractional expected duration suggests, and ``plan.deadline`` compares
  this date with the deadline. Per-item dates and floats (``tasks``) come from the
  same dated schedule.

Phases are recognised by name, case-insensitively, with the usual synonyms
(initiation, execution, monitoring and controlling, closure...; see ``PHASE_NAMES``).
``plan.phases`` also wants each phase's start ≤ end and both inside start…deadline;
phases may overlap (monitoring runs alongside executing).

When the dependencies are broken (an unknown id, a repeated id, a cycle) or an estimate
is out of order, nothing can be scheduled: ``plan.deadline`` and ``plan.confidence`` are
skipped (the ``plan.dependencies`` or ``plan.estimates`` finding explains why) and the
schedule metrics are left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from pmpath.analysis.calendar import WorkCalendar
from pmpath.analysis.schedule import (
    Activity,
    DatedSchedule,
    PertResult,
    ScheduleError,
    dated_schedule,
    pert_analysis,
    probability_of_finishing,
)
from pmpath.artifacts.base import ArtifactModel, GradeContext, KindSpec, Outcome, Rule, path_of
from pmpath.artifacts.network import (
    DependencyProblems,
    cycle_message,
    dependency_problems,
    listed,
    loop_text,
    report_dependencies,
)

# Strict, finite numbers: 4 and 4.5 reach the rules, while "four" or a quoted "4" is a
# schema problem. Strict validation is also the cheapest.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]

LIFECYCLE = ("initiating", "planning", "executing", "monitoring", "closing")
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
CONFIDENCE_TARGET = 0.8


class Phase(ArtifactModel):
    name: str
    start: date
    end: date
    exit_criteria: list[str] = []


class Scope(ArtifactModel):
    in_: list[str] = Field(default=[], alias="in")
    out: list[str] = []


class Deliverable(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str
    name: str
    owner: str | None = None
    acceptance: str | None = None


class Estimate(ArtifactModel):
    optimistic: Number
    likely: Number
    pessimistic: Number


class WorkItem(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str
    name: str
    deliverable: str | None = None
    owner: str | None = None
    depends_on: list[str] = []
    estimate: Estimate


class Milestone(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    name: str
    date: date
    deliverables: list[str] = []


class Stakeholder(ArtifactModel):
    name: str
    role: str | None = None


class Communication(ArtifactModel):
    audience: str | list[str] | None = None
    channel: str | None = None
    frequency: str | None = None


class ProjectPlan(ArtifactModel):
    kind: Literal["project-plan"]
    version: Literal[1]
    name: str
    objective: str | None = None
    sponsor: str | None = None
    manager: str | None = None
    start: date
    deadline: date
    holidays: list[date] = []
    # Empty phases and scope are allowed here so plan.phases and plan.scope, not
    # common.schema, explain what is missing.
    phases: list[Phase] = []
    scope: Scope = Field(default_factory=Scope)
    deliverables: list[Deliverable]
    # A plan without a single work item has nothing to schedule: a schema problem.
    work: list[WorkItem] = Field(min_length=1)
    milestones: list[Milestone] = []
    stakeholders: list[Stakeholder] = []
    assumptions: list[str] = []
    constraints: list[str] = []
    communication: list[Communication] = []


# -- the arithmetic -------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectSchedule:
    """Everything computed from a schedulable plan; the metrics are built from this."""

    pert: PertResult
    """CPM over the fractional PERT expected times, with the variance along the path."""
    dated: DatedSchedule
    """The same network on the calendar, each te rounded up to whole working days."""
    deadline_working_days: int
    """T: working days from start to deadline, both included."""
    probability: float


def deadline_working_days(start: date, deadline: date, calendar: WorkCalendar) -> int:
    """T of the PERT formula: working days from ``start`` to ``deadline``, both included."""
    return calendar.working_days_between(start, deadline)


def estimate_problems(optimistic: float, likely: float, pessimistic: float) -> list[str]:
    """Plain-English reasons a three-point estimate is unusable; empty when it is fine."""
    problems = []
    if optimistic < 0:
        problems.append(f"optimistic {optimistic:g} is below 0")
    if optimistic > likely:
        problems.append(f"optimistic {optimistic:g} is more than likely {likely:g}")
    if likely > pessimistic:
        problems.append(f"likely {likely:g} is more than pessimistic {pessimistic:g}")
    return problems


def _compute(doc: ProjectPlan, calendar: WorkCalendar) -> ProjectSchedule:
    """The schedule of a plan already known to have sound dependencies and estimates."""
    items = [(item.id, item.estimate.optimistic, item.estimate.likely,
              item.estimate.pessimistic, item.depends_on) for item in doc.work]
    pert = pert_analysis(items)
    variances = {item.id: ((item.estimate.pessimistic - item.estimate.optimistic) / 6) ** 2
                 for item in doc.work}
    expected = [Activity(item.id, pert.schedule.activities[item.id].duration,
                         tuple(item.depends_on)) for item in doc.work]
    dated = dated_schedule(expected, doc.start, calendar, path_weight=variances)
    total = deadline_working_days(doc.start, doc.deadline, calendar)
    probability = probability_of_finishing(pert.expected_duration, pert.variance, total)
    return ProjectSchedule(pert=pert, dated=dated, deadline_working_days=total,
                           probability=probability)


def project_schedule(doc: ProjectPlan) -> ProjectSchedule:
    """Schedule a plan; raise ScheduleError with a learner's sentence when it cannot be.

    This is what ``pmpath schedule`` calls; ``grade`` reports the same problems as
    findings instead.
    """
    problems = dependency_problems([item.id for item in doc.work],
                                   [item.depends_on for item in doc.work])
    if problems:
        raise ScheduleError(dependency_sentence(doc, problems))
    for item in doc.work:
        estimate = item.estimate
        wrong = estimate_problems(estimate.optimistic, estimate.likely, estimate.pessimistic)
        if wrong:
            raise ScheduleError(f"work item {item.id} has estimates out of order "
                                f"({'; '.join(wrong)})")
    return _compute(doc, WorkCalendar(doc.holidays))


def dependency_sentence(doc: ProjectPlan, problems: DependencyProblems) -> str:
    """The first dependency problem, in one sentence (for `pmpath schedule`)."""
    if problems.cycle:
        return cycle_message(problems.cycle, "work item")
    if problems.unknown:
        position, _, missing = problems.unknown[0]
        return f"work item {doc.work[position].id} depends on '{missing}', which is not a " \
               "work item in this plan"
    position, item_id = problems.repeated[0]
    return f"the work id {item_id} is used more than once (again at work[{position}])"


def schedule_metrics(schedule: ProjectSchedule) -> dict[str, Any]:
    """The schedule metrics shared by `pmpath check` and `pmpath schedule --json`."""
    dated = schedule.dated
    return {
        "expected_duration_days": schedule.pert.expected_duration,
        "std_dev_days": schedule.pert.std_dev,
        "critical_path": list(schedule.pert.critical_path),
        "deadline_probability": schedule.probability,
        "finish": dated.finish,
        "tasks": {task_id: {"start": task.start, "finish": task.finish,
                            "total_float": task.total_float}
                  for task_id, task in dated.activities.items()},
    }


# -- rules ----------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    Rule(
        id="plan.phases",
        severity="error",
        title="All five lifecycle phases, in order, inside the plan's dates",
        rationale=(
            "Initiating, planning, executing, monitoring and closing are how a project is "
            "governed: each ends with a decision to go on. Skipping one (closing is the usual "
            "victim) or running them out of order means nobody owns that decision, and a "
            "phase outside the plan's dates is a phase nobody has budgeted time for."
        ),
        hint="List the five phases initiating, planning, executing, monitoring, closing in "
             "that order, each with start ≤ end inside start…deadline.",
        passes="phases:\n  - {name: initiating, start: 2027-01-04, end: 2027-01-15}\n"
               "  - {name: planning, start: 2027-01-18, end: 2027-02-05}\n  # executing, "
               "monitoring, closing",
        fails="phases:\n  - {name: planning, start: 2027-01-04, end: 2027-01-15}\n"
              "  - {name: initiating, start: 2027-01-18, end: 2027-01-22}   # out of order",
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
            "answers 'will it be done?' at the status meeting and raises the flag early."
        ),
        hint="Give every deliverable and work item an owner: one named person.",
        passes="- {id: W1, owner: Priya Natarajan, ...}",
        fails="- {id: W1, owner: '', ...}",
        weight=2,
    ),
    Rule(
        id="plan.deadline",
        severity="error",
        title="The expected finish is on or before the deadline",
        rationale=(
            "If the plan's own expected schedule already misses the deadline, the plan is a "
            "wish. A senior PM resolves that before committing: cut scope, add people to the "
            "critical path, or negotiate the date."
        ),
        hint="Shorten the critical path (split items, run work in parallel, cut scope) or "
             "agree a later deadline with the sponsor.",
        passes="# expected finish 2027-06-18, deadline 2027-06-30",
        fails="# expected finish 2027-07-09, deadline 2027-06-30",
        weight=3,
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


# -- helpers --------------------------------------------------------------------------


def _normal(text: str) -> str:
    words = text.casefold().replace("&", " and ").replace("-", " ").replace("_", " ")
    return " ".join(words.split())


def lifecycle_phase(name: str) -> str | None:
    """The lifecycle phase a name stands for (``Execution`` -> ``executing``), or None."""
    return PHASE_NAMES.get(_normal(name))


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _days(value: float) -> str:
    return f"{value:.1f}"


# -- the rules, one function each -------------------------------------------------------


def _check_phases(doc: ProjectPlan, out: Outcome) -> None:
    if not doc.phases:
        out.add("plan.phases", "phases",
                "there are no phases; a plan runs through the five lifecycle phases "
                f"{', '.join(LIFECYCLE)}",
                hint="Add the five phases in order, each with a start and end date.")
        return
    seen: dict[str, int] = {}
    latest = -1
    latest_name = ""
    for index, phase in enumerate(doc.phases):
        where_name = path_of("phases", index, "name")
        stage = lifecycle_phase(phase.name)
        if stage is None:
            out.add("plan.phases", where_name,
                    f"'{phase.name}' is not one of the five lifecycle phases "
                    f"({', '.join(LIFECYCLE)})",
                    hint="Rename it to the lifecycle phase it belongs to, or fold its work "
                         "into that phase.")
        elif stage in seen:
            out.add("plan.phases", where_name,
                    f"the {stage} phase is listed twice (first at phases[{seen[stage]}])",
                    hint="Keep one entry per phase; widen its dates instead of repeating it.")
        else:
            seen[stage] = index
            position = LIFECYCLE.index(stage)
            if position < latest:
                out.add("plan.phases", where_name,
                        f"'{phase.name}' comes after '{latest_name}', but the lifecycle order "
                        f"is {' → '.join(LIFECYCLE)}",
                        hint=f"Move the {stage} phase before the {LIFECYCLE[latest]} phase.")
            else:
                latest, latest_name = position, phase.name
        where = path_of("phases", index)
        if phase.start > phase.end:
            out.add("plan.phases", where,
                    f"the {phase.name} phase ends ({phase.end}) before it starts "
                    f"({phase.start})",
                    hint="Swap the dates or correct the one that is wrong: start ≤ end.")
        if phase.start < doc.start:
            out.add("plan.phases", path_of("phases", index, "start"),
                    f"the {phase.name} phase starts on {phase.start}, before the plan "
                    f"starts ({doc.start})",
                    hint=f"Start it on or after {doc.start}, or move the plan's start.")
        if phase.end > doc.deadline:
            out.add("plan.phases", path_of("phases", index, "end"),
                    f"the {phase.name} phase ends on {phase.end}, after the deadline "
                    f"({doc.deadline})",
                    hint=f"End it on or before {doc.deadline}; closing happens before the "
                         "deadline, not after it.")
    missing = [stage for stage in LIFECYCLE if stage not in seen]
    if missing:
        out.add("plan.phases", "phases",
                f"the plan has no {', '.join(missing)} phase"
                f"{'s' if len(missing) > 1 else ''}; it needs all five: "
                f"{', '.join(LIFECYCLE)}",
                hint=f"Add {' and '.join(missing)} with start and end dates, in lifecycle "
                     "order.")


def _check_scope(doc: ProjectPlan, out: Outcome) -> None:
    if not doc.scope.in_:
        out.add("plan.scope", "scope.in",
                "scope.in is empty: the plan does not say what it will deliver",
                hint="List what the project delivers, e.g. in: [Self-service password reset].")
    if not doc.scope.out:
        out.add("plan.scope", "scope.out",
                "scope.out is empty: the plan does not say what it will not do",
                hint="Name at least one thing people might expect but this project will not "
                     "do, e.g. out: [Mobile app].")
    inside = {}
    for index, item in enumerate(doc.scope.in_):
        inside.setdefault(_normal(item), index)
    for index, item in enumerate(doc.scope.out):
        if _normal(item) in inside:
            out.add("plan.scope", path_of("scope", "out", index),
                    f"'{item}' is both in scope (scope.in[{inside[_normal(item)]}]) and out of "
                    "scope",
                    hint=f"Decide whether '{item}' is delivered and remove it from the other "
                         "list.")


def _check_estimates(doc: ProjectPlan, out: Outcome) -> bool:
    """Report unusable estimates; True when every estimate can be used."""
    usable = True
    for index, item in enumerate(doc.work):
        estimate = item.estimate
        wrong = estimate_problems(estimate.optimistic, estimate.likely, estimate.pessimistic)
        if wrong:
            usable = False
            ordered = sorted(max(value, 0) for value in (
                estimate.optimistic, estimate.likely, estimate.pessimistic))
            out.add("plan.estimates", path_of("work", index, "estimate"),
                    f"{item.id}: {'; '.join(wrong)}",
                    hint=f"Put the estimates in order, e.g. optimistic: {ordered[0]:g}, "
                         f"likely: {ordered[1]:g}, pessimistic: {ordered[2]:g}.")
    return usable


def _check_dependencies(doc: ProjectPlan, out: Outcome) -> bool:
    """Report broken dependencies; True when the network can be scheduled."""
    return report_dependencies(out, "plan.dependencies", "work", "work item",
                               [item.id for item in doc.work],
                               [item.depends_on for item in doc.work])


def _check_traceability(doc: ProjectPlan, out: Outcome) -> None:
    deliverable_ids = [deliverable.id for deliverable in doc.deliverables]
    known = set(deliverable_ids)
    with_work: set[str] = set()
    for index, item in enumerate(doc.work):
        where = path_of("work", index, "deliverable")
        if _blank(item.deliverable):
            out.add("plan.traceability", where,
                    f"{item.id} does not say which deliverable it builds",
                    hint=f"Set deliverable to one of {listed(deliverable_ids)}"
                         if deliverable_ids else "Add the deliverable it builds to "
                         "deliverables and name it here.")
        elif item.deliverable not in known:
            out.add("plan.traceability", where,
                    f"{item.id} names deliverable '{item.deliverable}', which is not in "
                    "deliverables",
                    hint=f"Use an existing deliverable id ({listed(deliverable_ids)}) or add "
                         f"'{item.deliverable}' to deliverables."
                         if deliverable_ids else
                         f"Add '{item.deliverable}' to deliverables.")
        else:
            with_work.add(item.deliverable)  # type: ignore[arg-type] - not blank here
    for index, deliverable in enumerate(doc.deliverables):
        if deliverable.id not in with_work:
            out.add("plan.traceability", path_of("deliverables", index),
                    f"no work item builds deliverable {deliverable.id} ({deliverable.name})",
                    hint=f"Add the work items that produce {deliverable.id} (deliverable: "
                         f"{deliverable.id}), or drop it and list it under scope.out.")


def _check_owners(doc: ProjectPlan, out: Outcome) -> None:
    for index, deliverable in enumerate(doc.deliverables):
        if _blank(deliverable.owner):
            out.add("plan.owners", path_of("deliverables", index, "owner"),
                    f"deliverable {deliverable.id} ({deliverable.name}) has no owner",
                    hint="Name the one person accountable for it, e.g. owner: Priya "
                         "Natarajan.")
    for index, item in enumerate(doc.work):
        if _blank(item.owner):
            out.add("plan.owners", path_of("work", index, "owner"),
                    f"work item {item.id} ({item.name}) has no owner",
                    hint="Name the one person who does or drives this work.")


def _check_milestones(doc: ProjectPlan, out: Outcome) -> None:
    known = {deliverable.id for deliverable in doc.deliverables}
    for index, milestone in enumerate(doc.milestones):
        if not doc.start <= milestone.date <= doc.deadline:
            side = "before the plan starts" if milestone.date < doc.start else \
                "after the deadline"
            out.add("plan.milestones", path_of("milestones", index, "date"),
                    f"milestone '{milestone.name}' is on {milestone.date}, {side} "
                    f"(the plan runs {doc.start} to {doc.deadline})",
                    hint=f"Date it between {doc.start} and {doc.deadline}, or move the plan's "
                         "dates if the milestone is fixed.")
        for position, deliverable_id in enumerate(milestone.deliverables):
            if deliverable_id not in known:
                out.add("plan.milestones",
                        path_of("milestones", index, "deliverables", position),
                        f"milestone '{milestone.name}' names deliverable '{deliverable_id}', "
                        "which is not in deliverables",
                        hint="List only ids from deliverables, or add the missing "
                             "deliverable.")


def _check_schedule(doc: ProjectPlan, schedule: ProjectSchedule, out: Outcome) -> None:
    pert, dated = schedule.pert, schedule.dated
    total = schedule.deadline_working_days
    path = loop_text(pert.critical_path)
    if doc.deadline < doc.start:
        out.add("plan.deadline", "deadline",
                f"the deadline {doc.deadline} is before the start {doc.start}",
                hint="Check both dates: the deadline is the day the work must be done by.")
        return
    if dated.finish > doc.deadline:
        rounded = dated.duration_working_days
        rounding = (f" ({rounded} with each item rounded up to whole days)"
                    if rounded != math.ceil(pert.expected_duration - 1e-9) else "")
        out.add("plan.deadline", "deadline",
                f"the expected finish is {dated.finish}, after the deadline {doc.deadline}: "
                f"the critical path ({path}) takes {_days(pert.expected_duration)} working "
                f"days on average{rounding}, but only {total} working days run from "
                f"{doc.start} to {doc.deadline}",
                hint=f"Take at least {dated.duration_working_days - total} working days off "
                     f"the critical path ({path}): run items in parallel, split them or cut "
                     "scope; or agree a later deadline with the sponsor.")
    if schedule.probability < CONFIDENCE_TARGET:
        spread = pert.std_dev
        formula = (f"Φ(({total} − {_days(pert.expected_duration)}) / {spread:.2f})"
                   if spread > 0 else "no spread in the estimates")
        out.add("plan.confidence", "deadline",
                f"the chance of finishing by {doc.deadline} is "
                f"{schedule.probability:.0%} ({formula}); commit to a date you have at least "
                f"{CONFIDENCE_TARGET:.0%} chance of meeting",
                hint=_confidence_hint(pert.expected_duration, spread, total))


def _confidence_hint(expected: float, spread: float, total: int) -> str:
    # z of 0.8416 is the 80th percentile of the normal distribution.
    needed = math.ceil(expected + 0.8416 * spread - 1e-9)
    if needed > total:
        return (f"About {needed} working days give an 80% chance (expected "
                f"{_days(expected)} + 0.84 × σ {spread:.2f}); you have {total}. Shorten the "
                "critical path by the difference, narrow the riskiest estimates, or move the "
                "deadline.")
    return "Shorten the critical path or narrow the riskiest estimates."


# -- grade ----------------------------------------------------------------------------


def grade(doc: ProjectPlan, ctx: GradeContext) -> Outcome:
    out = SPEC.outcome()
    _check_phases(doc, out)
    _check_scope(doc, out)
    estimates_usable = _check_estimates(doc, out)
    dependencies_sound = _check_dependencies(doc, out)
    _check_traceability(doc, out)
    _check_owners(doc, out)
    _check_milestones(doc, out)

    calendar = WorkCalendar(doc.holidays)
    metrics: dict[str, Any] = {}
    if estimates_usable and dependencies_sound:
        # Only a schedulable plan has a finish, a critical path and odds; otherwise the
        # plan.dependencies / plan.estimates finding already says what to fix first.
        schedule = _compute(doc, calendar)
        _check_schedule(doc, schedule, out)
        metrics.update(schedule_metrics(schedule))
    # Not schedule metrics: what the picture needs to draw the deadline line.
    metrics["deadline"] = doc.deadline
    metrics["deadline_working_days"] = deadline_working_days(doc.start, doc.deadline, calendar)
    out.metrics = metrics
    return out


SPEC = KindSpec(kind="project-plan", model=ProjectPlan, rules=RULES, grade=grade, defaults={})
