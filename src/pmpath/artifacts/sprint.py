"""sprint: one two-week Scrum sprint from planning to retrospective.

The sprint's days are its working days (Monday to Friday, not in ``holidays``): the
first is ``start`` moved forward to a working day, and there are ``length_days`` of
them. The burndown compares, for each of those days, the points still to do
(``daily[].remaining_points``) with an ideal line (:func:`ideal_line`) that falls in
equal steps from the committed points on day 1 to 0 on the last day:

    ideal(day k of N) = committed * (N - k) / (N - 1)        k = 1..N, N >= 2

(a one-day sprint's single day is its last day, so its ideal is 0).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from datetime import date
from typing import Literal

from pydantic import Field

from pmpath.analysis.calendar import WorkCalendar
from pmpath.artifacts.base import ArtifactModel, GradeContext, KindSpec, Outcome, Rule, path_of

POINT_SCALE = (1, 2, 3, 5, 8, 13, 20)
MAX_LENGTH_DAYS = 20
"""Four weeks of working days: the longest sprint Scrum allows."""
COMMITMENT_ALLOWANCE = 1.1
VELOCITY_WINDOW = 3
MAX_LISTED = 5
"""How many item ids a message lists before saying "and N more"."""


class BacklogItem(ArtifactModel):
    id: str
    title: str
    type: str = "story"
    # float and optional: 4 or 2.5 must reach sprint.points, and an item nobody has
    # pulled into the sprint may still be unestimated.
    points: float | None = None
    committed: bool = False
    status: str = "to do"
    acceptance_criteria: list[str] = []

    @property
    def done(self) -> bool:
        return self.status.strip().casefold() == "done"


# A field called ``date`` shadows the type inside the class body, hence ``datetime.date``.
class DailyEntry(ArtifactModel):
    date: datetime.date
    remaining_points: float
    scope_change: float = 0
    notes: str | None = None
    blockers: list[str] = []


class Review(ArtifactModel):
    date: datetime.date | None = None
    demoed: list[str] = []
    feedback: list[str] = []


class RetroAction(ArtifactModel):
    action: str
    owner: str | None = None
    due: date | None = None


class Retro(ArtifactModel):
    went_well: list[str] = []
    to_improve: list[str] = []
    actions: list[RetroAction] = []


class Sprint(ArtifactModel):
    kind: Literal["sprint"]
    version: Literal[1]
    # Empty goal and definition of done are allowed here so sprint.goal and sprint.dod,
    # not common.schema, explain what is missing.
    sprint_goal: str | None = None
    product_goal: str | None = None
    start: date
    length_days: int
    holidays: list[date] = []
    team: list[str] = []
    velocity_history: list[float] = []
    definition_of_done: list[str] | str | None = None
    backlog: list[BacklogItem]
    daily: list[DailyEntry] = []
    review: Review
    retro: Retro = Field(default_factory=Retro)


# -- the arithmetic -------------------------------------------------------------------


def sprint_days(start: date, length_days: int, holidays: Sequence[date] = ()) -> list[date]:
    """The sprint's working days: ``start`` rolled forward, then ``length_days`` of them."""
    calendar = WorkCalendar(holidays)
    return [calendar.date_at(index, start) for index in range(max(length_days, 0))]


def ideal_line(committed_points: float, days: int) -> list[float]:
    """Ideal remaining points per day: committed on day 1, equal steps, 0 on the last day."""
    if days <= 0:
        return []
    if days == 1:
        return [0.0]
    return [committed_points * (days - day) / (days - 1) for day in range(1, days + 1)]


def commitment_limit(velocity_history: Sequence[float]) -> tuple[list[float], float | None]:
    """The velocities used (the last three, or all if fewer) and 1.1 x their mean."""
    recent = list(velocity_history[-VELOCITY_WINDOW:])
    if not recent:
        return recent, None
    return recent, COMMITMENT_ALLOWANCE * sum(recent) / len(recent)


def nearest_on_scale(points: float) -> int:
    """The scale value closest to ``points``; a tie goes to the larger (safer) estimate."""
    return min(POINT_SCALE, key=lambda step: (abs(step - points), -step))


def _points(value: float) -> str:
    return f"{value:g}"


def _listed(items: Sequence[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += f" and {len(items) - MAX_LISTED} more"
    return shown


def _day_name(day: date) -> str:
    return day.strftime("%A")


# -- rules ----------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    Rule(
        id="sprint.length",
        severity="error",
        title="The sprint has the exercise's length (and at most 20 working days)",
        rationale=(
            "A sprint is a fixed time-box, and every sprint of a team has the same length so "
            "velocities can be compared. Scrum caps a sprint at one month; anything longer "
            "stops giving the team fast feedback."
        ),
        hint="Set length_days to the exercise's sprint length in working days (10 for two weeks).",
        passes="length_days: 10",
        fails="length_days: 15",
        weight=2,
    ),
    Rule(
        id="sprint.goal",
        severity="error",
        title="A sprint goal is written",
        rationale=(
            "The sprint goal is the one outcome the team commits to; it lets the team make "
            "trade-offs mid-sprint without asking permission for every change. A sprint "
            "without a goal is just a list of tickets."
        ),
        hint="Write one sentence saying what the sprint achieves for users or the business.",
        passes="sprint_goal: Customers can save a card and pay with it in one click",
        fails="sprint_goal: ''",
        weight=2,
    ),
    Rule(
        id="sprint.ids",
        severity="error",
        title="Backlog ids are unique",
        rationale=(
            "Reviews, dailies and tools refer to items by id. Two items with the same id make "
            "it impossible to tell which one was demoed or finished."
        ),
        hint="Give each backlog item its own id, e.g. PAY-12, PAY-13.",
        passes="- {id: PAY-1, ...}\n- {id: PAY-2, ...}",
        fails="- {id: PAY-1, ...}\n- {id: PAY-1, ...}",
        weight=2,
    ),
    Rule(
        id="sprint.points",
        severity="warning",
        title="Story points are on the scale 1, 2, 3, 5, 8, 13, 20",
        rationale=(
            "Points are a rough, relative size, and the gaps in the scale grow on purpose: "
            "arguing over 4 versus 5 is false precision. A committed item without points "
            "cannot be counted in the burndown."
        ),
        hint="Round the estimate to the nearest value on the scale 1, 2, 3, 5, 8, 13, 20.",
        passes="points: 5",
        fails="points: 4",
        weight=1,
    ),
    Rule(
        id="sprint.commitment",
        severity="error",
        title="The commitment fits the team's recent velocity",
        rationale=(
            "Velocity is the best evidence of what the team can finish. Committing to more "
            "than about 10 percent above the average of the last three sprints sets the "
            "sprint up to fail and teaches stakeholders that commitments mean little."
        ),
        hint="Take items out of the sprint (committed: false) until committed points are at "
             "most 1.1 x the mean of the last three velocities.",
        passes="velocity_history: [21, 24, 23]   # committed 24 <= 1.1 x 22.67 = 24.9",
        fails="velocity_history: [21, 24, 23]   # committed 34 > 24.9",
        weight=3,
    ),
    Rule(
        id="sprint.acceptance",
        severity="error",
        title="Every committed item has acceptance criteria",
        rationale=(
            "Acceptance criteria say when this particular item is finished and give the "
            "tester and the product owner the same target. Without them, 'done' is a matter "
            "of opinion at the review."
        ),
        hint="Add acceptance_criteria: two to five testable statements of what must be true.",
        passes="acceptance_criteria: [Saved card shown masked as **** 4242]",
        fails="acceptance_criteria: []",
        weight=2,
    ),
    Rule(
        id="sprint.daily",
        severity="error",
        title="Exactly one daily entry per working day of the sprint",
        rationale=(
            "The daily scrum is where the team inspects progress toward the sprint goal. One "
            "entry per working day, no more and none on weekends or holidays, is what makes "
            "the burndown a faithful record instead of a reconstruction."
        ),
        hint="Write one daily entry for each working day from the sprint's start, skipping "
             "weekends and holidays.",
        passes="daily:   # 10 entries, Monday 2027-01-04 to Friday 2027-01-15",
        fails="daily:   # 9 entries, 2027-01-07 missing",
        weight=2,
    ),
    Rule(
        id="sprint.burndown",
        severity="error",
        title="The burndown adds up",
        rationale=(
            "Remaining points drop only when items are completely done and rise only when "
            "scope is added, openly. On the last day, what remains must equal the points of "
            "the committed items that are not done; if it does not, the chart was not kept "
            "honestly and nobody can trust it."
        ),
        hint="Make remaining_points follow the board: down when an item is done, up only "
             "with a positive scope_change, ending at the points of unfinished items.",
        passes="# last day remaining 5 = PAY-4 (5 points) not done",
        fails="# last day remaining 0 but PAY-4 (5 points) is not done",
        weight=3,
    ),
    Rule(
        id="sprint.review",
        severity="error",
        title="Only existing, done items are demoed",
        rationale=(
            "The sprint review shows working product. Demoing work that is not done "
            "misleads stakeholders about progress and quietly moves unfinished work into "
            "the next sprint."
        ),
        hint="Demo only items whose status is done; list the rest as not finished.",
        passes="review: {demoed: [PAY-1]}   # PAY-1 status: done",
        fails="review: {demoed: [PAY-4]}   # PAY-4 status: in progress",
        weight=2,
    ),
    Rule(
        id="sprint.retro",
        severity="error",
        title="The retro ends with an owned, dated action",
        rationale=(
            "A retrospective that only lists what went well and badly changes nothing. At "
            "least one improvement with a named owner and a due date is what makes the next "
            "sprint better than this one."
        ),
        hint="Add an action with an owner (one person) and a due date, e.g. due within the "
             "next sprint.",
        passes="actions: [{action: Pair on reviews, owner: Ana, due: 2027-01-29}]",
        fails="actions: [{action: Review faster}]",
        weight=2,
    ),
    Rule(
        id="sprint.dod",
        severity="error",
        title="A definition of done is written",
        rationale=(
            "The definition of done is the quality bar every item meets before it counts: "
            "reviewed, tested, deployed, documented. Without it, 'done' means something "
            "different to each person and the velocity is meaningless."
        ),
        hint="List the checks every item passes before it is done (code reviewed, tests "
             "pass, deployed to staging...).",
        passes="definition_of_done: [Code reviewed, Automated tests pass, Deployed to staging]",
        fails="definition_of_done: []",
        weight=2,
    ),
)


def grade(doc: Sprint, ctx: GradeContext) -> Outcome:
    out = SPEC.outcome()
    expected_length = int(ctx.params.get("length_days", SPEC.defaults["length_days"]))
    _check_length(out, doc.length_days, expected_length)

    if not (doc.sprint_goal or "").strip():
        out.add("sprint.goal", "sprint_goal", "the sprint has no sprint goal",
                hint="Write one sentence in sprint_goal saying what this sprint achieves, "
                     "e.g. 'Customers can save a card and pay with it in one click'.")
    if not _written(doc.definition_of_done):
        out.add("sprint.dod", "definition_of_done", "the sprint has no definition of done",
                hint="List in definition_of_done the checks every item passes before it "
                     "counts as done: code reviewed, tests pass, deployed to staging...")

    first_at: dict[str, int] = {}
    committed_points = completed_points = 0.0
    not_done: list[BacklogItem] = []
    for index, item in enumerate(doc.backlog):
        if item.id in first_at:
            out.add("sprint.ids", path_of("backlog", index, "id"),
                    f"id {item.id} is used twice: here and at backlog[{first_at[item.id]}]",
                    hint=f"Give this item its own id (e.g. {item.id}-B) so reviews and dailies "
                         "can tell the two apart.")
        else:
            first_at[item.id] = index
        points = item.points or 0.0
        if item.points is not None and item.points not in POINT_SCALE:
            nearest = nearest_on_scale(item.points)
            out.add("sprint.points", path_of("backlog", index, "points"),
                    f"{item.id} has {_points(item.points)} points, which is not on the scale "
                    "1, 2, 3, 5, 8, 13, 20",
                    hint=f"Use the nearest value on the scale: points: {nearest}"
                         + (" (or split the item)" if item.points > POINT_SCALE[-1] else "")
                         + ".")
        elif item.points is None and item.committed:
            out.add("sprint.points", path_of("backlog", index, "points"),
                    f"{item.id} is committed but has no points, so the burndown cannot count it",
                    hint="Estimate it with the team on the scale 1, 2, 3, 5, 8, 13, 20.")
        if item.committed:
            committed_points += points
            if item.done:
                completed_points += points
            else:
                not_done.append(item)
            if not any(criterion.strip() for criterion in item.acceptance_criteria):
                out.add("sprint.acceptance", path_of("backlog", index, "acceptance_criteria"),
                        f"{item.id} is committed but has no acceptance criteria",
                        hint="Add two to five testable statements, e.g. acceptance_criteria: "
                             "['Saved card is shown masked as **** 4242'].")

    _check_commitment(out, doc, committed_points)

    days = sprint_days(doc.start, min(doc.length_days, _SCAN_LIMIT), doc.holidays)
    entry_of = _check_daily(out, doc, days)
    not_done_points = sum(item.points or 0.0 for item in not_done)
    _check_burndown(out, doc, days, entry_of, committed_points, not_done, not_done_points)
    _check_review(out, doc, first_at)
    _check_retro(out, doc)

    ideal = ideal_line(committed_points, len(days))
    out.metrics = {
        "committed_points": committed_points,
        "completed_points": completed_points,
        "say_do_ratio": completed_points / committed_points if committed_points else None,
        "burndown": [
            {"date": day, "ideal": ideal_points,
             "actual": (doc.daily[entry_of[day]].remaining_points if day in entry_of else None)}
            for day, ideal_points in zip(days, ideal, strict=True)
        ],
    }
    return out


_SCAN_LIMIT = 260
"""Days checked for dailies when length_days is absurd (sprint.length reports it); a year
of working days keeps a typo such as 1000000 from producing a million findings."""


def _written(value: list[str] | str | None) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value) and any(line.strip() for line in value)


def _check_length(out: Outcome, length: int, expected: int) -> None:
    problems = []
    if length != expected:
        problems.append(f"this exercise is a sprint of {expected} working days")
    if length > MAX_LENGTH_DAYS:
        problems.append(f"a sprint lasts at most {MAX_LENGTH_DAYS} working days (four weeks)")
    if length < 1:
        problems.append("a sprint lasts at least one working day")
    if problems:
        out.add("sprint.length", "length_days",
                f"length_days is {length}, but " + " and ".join(problems),
                hint=f"Set length_days: {expected} and plan the work to fit it.")


def _check_commitment(out: Outcome, doc: Sprint, committed: float) -> None:
    recent, limit = commitment_limit(doc.velocity_history)
    if limit is None:
        out.add("sprint.commitment", "velocity_history",
                f"velocity_history is empty, so the commitment of {_points(committed)} points "
                "cannot be checked against what the team has delivered",
                hint="List the points completed in the last three sprints, e.g. "
                     "velocity_history: [21, 24, 23]; for a new team, use a first estimate "
                     "and say so.")
        return
    if committed > limit + 1e-9:
        mean = sum(recent) / len(recent)
        used = (f"the last {len(recent)} velocities" if len(recent) == VELOCITY_WINDOW
                else f"the only {len(recent)} velocit{'y' if len(recent) == 1 else 'ies'} given")
        out.add("sprint.commitment", "backlog",
                f"committed {_points(committed)} points, but 1.1 × the mean of {used} "
                f"({', '.join(_points(v) for v in recent)} → {mean:.2f}) allows at most "
                f"{round(limit, 2):g}",
                hint=f"Take {_points(committed - math.floor(limit))} or more points out of the "
                     f"sprint (committed: false) so at most {math.floor(limit)} stay committed.")


def _check_daily(out: Outcome, doc: Sprint, days: list[date]) -> dict[date, int]:
    """Report missing, duplicate and misplaced dailies; return day -> index of its entry."""
    if not days:
        return {}  # no valid length: sprint.length already says so; nothing to compare with
    position = {day: number for number, day in enumerate(days, start=1)}
    holidays = set(doc.holidays)
    entry_of: dict[date, int] = {}
    span = f"{days[0].isoformat()} to {days[-1].isoformat()}" if days else ""
    for index, entry in enumerate(doc.daily):
        day = entry.date
        where = path_of("daily", index, "date")
        if day in position:
            if day in entry_of:
                out.add("sprint.daily", where,
                        f"a second daily entry for {day.isoformat()} (the first is "
                        f"daily[{entry_of[day]}])",
                        hint="Keep one entry per day: merge the two and delete this one.")
            else:
                entry_of[day] = index
        elif days and days[0] <= day <= days[-1]:
            reason = ("a holiday" if day in holidays
                      else f"a {_day_name(day)}")
            out.add("sprint.daily", where,
                    f"{day.isoformat()} is {reason}, not a working day of the sprint",
                    hint="Delete this entry, or move it to the working day it belongs to.")
        else:
            out.add("sprint.daily", where,
                    f"{day.isoformat()} is outside the sprint"
                    + (f" ({span})" if span else ""),
                    hint="Delete this entry, or correct its date to a working day of the sprint.")
    for number, day in enumerate(days, start=1):
        if day not in entry_of:
            out.add("sprint.daily", "daily",
                    f"no daily entry for {day.isoformat()} ({_day_name(day)}, day {number} of "
                    f"{len(days)})",
                    hint=f"Add an entry '- {{date: {day.isoformat()}, remaining_points: ..., "
                         "scope_change: 0}' in date order.")
    return entry_of


def _check_burndown(out: Outcome, doc: Sprint, days: list[date], entry_of: dict[date, int],
                    committed: float, not_done: list[BacklogItem],
                    not_done_points: float) -> None:
    if not days:
        return
    first = entry_of.get(days[0])
    if first is not None:
        entry = doc.daily[first]
        allowed = committed + entry.scope_change
        if entry.remaining_points > allowed + 1e-9:
            limit = (f"the {_points(committed)} committed + scope change "
                     f"{_points(entry.scope_change)} = {_points(allowed)}"
                     if entry.scope_change else f"the {_points(committed)} points committed")
            out.add("sprint.burndown", path_of("daily", first, "remaining_points"),
                    f"day 1 ({days[0].isoformat()}) shows {_points(entry.remaining_points)} "
                    f"points remaining, more than {limit}",
                    hint=f"Start the burndown at most at {_points(allowed)}: remaining_points "
                         f"on {days[0].isoformat()} counts only committed work.")

    previous: tuple[int, float] | None = None
    for day in days:
        index = entry_of.get(day)
        if index is None:
            continue
        entry = doc.daily[index]
        if (previous is not None and entry.remaining_points > previous[1] + 1e-9
                and entry.scope_change <= 0):
            rise = entry.remaining_points - previous[1]
            out.add("sprint.burndown", path_of("daily", index, "remaining_points"),
                    f"remaining points rose from {_points(previous[1])} to "
                    f"{_points(entry.remaining_points)} on {day.isoformat()}, but scope_change "
                    f"that day is {_points(entry.scope_change)}",
                    hint=f"If {_points(rise)} points of work were added, set scope_change: "
                         f"{_points(rise)}; otherwise correct remaining_points.")
        previous = (index, entry.remaining_points)

    last = entry_of.get(days[-1])
    if last is not None:
        remaining = doc.daily[last].remaining_points
        if abs(remaining - not_done_points) > 1e-9:
            if not_done:
                open_items = "the committed items not done add up to " + \
                    f"{_points(not_done_points)} (" + _listed(
                        [f"{item.id} {_points(item.points or 0)}" for item in not_done]) + ")"
            else:
                open_items = "every committed item is done, so it should be 0"
            out.add("sprint.burndown", path_of("daily", last, "remaining_points"),
                    f"the last day ({days[-1].isoformat()}) shows {_points(remaining)} points "
                    f"remaining, but {open_items}",
                    hint=f"Set remaining_points: {_points(not_done_points)} on the last day, or "
                         "correct the status of the items that are (not) done.")


def _check_review(out: Outcome, doc: Sprint, first_at: dict[str, int]) -> None:
    for index, item_id in enumerate(doc.review.demoed):
        where = path_of("review", "demoed", index)
        if item_id not in first_at:
            out.add("sprint.review", where,
                    f"{item_id} was demoed but there is no backlog item with that id",
                    hint="Correct the id to one in the backlog, or remove it from demoed.")
            continue
        item = doc.backlog[first_at[item_id]]
        if not item.done:
            out.add("sprint.review", where,
                    f"{item_id} was demoed but its status is '{item.status}', not done",
                    hint=f"Remove {item_id} from demoed and report it as unfinished; demo it "
                         "once it meets the definition of done.")


def _check_retro(out: Outcome, doc: Sprint) -> None:
    actions = doc.retro.actions
    if not actions:
        out.add("sprint.retro", "retro.actions", "the retro has no actions",
                hint="Add at least one improvement the team will try, with one owner and a "
                     "due date, e.g. {action: Pair on code reviews, owner: Ana, due: 2027-01-29}.")
        return
    if any((action.owner or "").strip() and action.due for action in actions):
        return
    for index, action in enumerate(actions):
        has_owner = bool((action.owner or "").strip())
        missing = [text for text, present in (("no owner", has_owner),
                                              ("no due date", action.due is not None))
                   if not present]
        out.add("sprint.retro", path_of("retro", "actions", index, "due" if has_owner else "owner"),
                f"the action '{action.action}' has {' and '.join(missing)}, so nobody is "
                "accountable for doing it by a date",
                hint="Name one person as owner and set a due date in the next sprint, e.g. "
                     "owner: Ana, due: 2027-01-29.")


SPEC = KindSpec(kind="sprint", model=Sprint, rules=RULES, grade=grade,
                defaults={"length_days": 10})
