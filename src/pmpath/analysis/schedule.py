"""Critical path method, PERT and calendar-dated schedules for activity-on-node networks.

Plans are graded on their critical path, their float and their chance of meeting a
deadline, so these functions reproduce the textbook definitions exactly (forward pass,
backward pass, total float = LS - ES, critical = zero float) and are checked against
published worked examples. They must also stay fast on 5,000-task plans, so every pass
is a single sweep over a topological order: time is linear in activities plus
dependencies, and nothing recurses, so deep chains cannot hit Python's recursion limit.

PERT expected times are sixths of a day, so ``exact_pert_analysis`` keeps them as
``fractions.Fraction`` all the way through CPM: 1/6 + 1/6 + 1/6 is exactly 1/2, a float
is never "almost" critical, and ``fractional_dated_schedule`` puts the unrounded times on
the calendar.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from pmpath.analysis.calendar import WorkCalendar

__all__ = [
    "Activity",
    "CycleError",
    "DatedActivity",
    "DatedSchedule",
    "DuplicateActivityError",
    "InvalidDurationError",
    "NetworkSchedule",
    "PertResult",
    "ScheduleError",
    "ScheduledActivity",
    "UnknownDependencyError",
    "ExactPertResult",
    "critical_path_method",
    "dated_schedule",
    "exact_number",
    "exact_pert_analysis",
    "find_cycle",
    "fractional_dated_schedule",
    "find_unknown_dependencies",
    "pert_analysis",
    "pert_estimate",
    "probability_of_finishing",
    "working_day_span",
]

Time = float | Fraction
"""A duration or a point in time, in time units: a Fraction when scheduled exactly."""

# Float is computed by subtracting sums of (possibly fractional, e.g. PERT) durations, so
# an activity on the critical path can come out with a float of 1e-15 instead of 0.
# Differences this small, scaled by the project's length, count as equal.
_RELATIVE_TOLERANCE = 1e-9


def _tolerance(*magnitudes: float) -> float:
    """Return the absolute tolerance for comparing quantities of the given sizes."""
    return _RELATIVE_TOLERANCE * max(1.0, *(abs(value) for value in magnitudes))


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Activity:
    """One node of the network: an id, a duration in time units, and its predecessors."""

    id: str
    duration: Time
    depends_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScheduledActivity:
    """CPM times of one activity, in time units from the project start (time 0)."""

    id: str
    duration: Time
    earliest_start: Time
    earliest_finish: Time
    latest_start: Time
    latest_finish: Time
    total_float: Time

    @property
    def is_critical(self) -> bool:
        """True when the activity has no float: delaying it delays the project."""
        return self.total_float == 0.0


@dataclass(frozen=True)
class NetworkSchedule:
    """The result of the critical path method.

    ``activities`` keeps the input order; ``order`` is the topological order the passes
    used; ``critical_path`` is one chain of critical activities from a start activity
    to an end activity (see ``critical_path_method`` for how ties are settled).
    """

    activities: dict[str, ScheduledActivity]
    order: list[str]
    duration: Time
    critical_path: list[str]


@dataclass(frozen=True)
class PertResult:
    """PERT expected duration and spread of the project, from three-point estimates."""

    expected_duration: float
    variance: float
    std_dev: float
    critical_path: list[str]
    schedule: NetworkSchedule


@dataclass(frozen=True)
class DatedActivity:
    """An activity placed on the calendar; ``start`` and ``finish`` are inclusive."""

    id: str
    start: date
    finish: date
    total_float: int | Time
    """Working days: whole for whole-day networks, exact for fractional ones."""
    critical: bool


@dataclass(frozen=True)
class DatedSchedule:
    """A network scheduled on working days from a plan start date.

    ``activities`` keeps the input order; ``finish`` is the last finish date;
    ``duration_working_days`` counts the working days from the (rolled-forward) plan
    start to ``finish``, both included.
    """

    activities: dict[str, DatedActivity]
    finish: date
    duration_working_days: int
    critical_path: list[str]
    network: NetworkSchedule


# --------------------------------------------------------------------------- errors


class ScheduleError(Exception):
    """Base class for every problem that stops a network from being scheduled."""


class DuplicateActivityError(ScheduleError):
    """Two activities share an id, so dependencies on it would be ambiguous."""

    def __init__(self, activity: str) -> None:
        self.activity = activity
        super().__init__(f"activity id {activity!r} is used more than once")


class InvalidDurationError(ScheduleError):
    """A duration is negative or not a finite number."""

    def __init__(self, activity: str, duration: float) -> None:
        self.activity = activity
        self.duration = duration
        super().__init__(
            f"activity {activity!r} has duration {duration!r}; "
            "durations must be finite and zero or more"
        )


class UnknownDependencyError(ScheduleError):
    """Activities depend on ids that are not in the plan.

    ``activity`` and ``missing`` describe the first problem; ``problems`` lists every
    (activity id, missing id) pair in file order so a checker can report them all.
    """

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        if not problems:
            raise ValueError("UnknownDependencyError needs at least one problem")
        self.problems: list[tuple[str, str]] = list(problems)
        self.activity, self.missing = self.problems[0]
        details = "; ".join(
            f"{activity!r} depends on unknown {missing!r}" for activity, missing in self.problems
        )
        super().__init__(f"unknown dependencies: {details}")


class CycleError(ScheduleError):
    """The dependencies loop back on themselves, so no activity in the loop can start.

    ``cycle`` lists the activities of one cycle, starting and ending with the same id,
    each depending on the next: ``["A", "B", "C", "A"]`` means A depends on B, B on C
    and C on A. It starts with the cycle member that comes first in the input.
    """

    def __init__(self, cycle: Sequence[str]) -> None:
        self.cycle: list[str] = list(cycle)
        super().__init__(
            "dependency cycle: " + " -> ".join(self.cycle) + " (each depends on the next)"
        )


# --------------------------------------------------------------------------- graph


@dataclass(frozen=True)
class _Graph:
    """Activities as integer positions, with de-duplicated known edges both ways."""

    predecessors: list[list[int]]
    successors: list[list[int]]


def _build_graph(activities: Sequence[Activity]) -> _Graph:
    """Index the network by input position; unknown dependencies are left out.

    If an id is repeated, dependencies on it point at its first occurrence; callers
    that schedule reject repeated ids before getting here.
    """
    position_of: dict[str, int] = {}
    for position, activity in enumerate(activities):
        position_of.setdefault(activity.id, position)
    predecessors: list[list[int]] = []
    successors: list[list[int]] = [[] for _ in activities]
    for position, activity in enumerate(activities):
        known = [position_of[dep] for dep in activity.depends_on if dep in position_of]
        unique = list(dict.fromkeys(known))
        predecessors.append(unique)
        for predecessor in unique:
            successors[predecessor].append(position)
    return _Graph(predecessors, successors)


def _topological_order(graph: _Graph) -> tuple[list[int], list[int] | None]:
    """Return (topological order, None), or (partial order, one cycle) if there is one.

    Kahn's algorithm seeded in input order, so the order is deterministic and the
    function is iterative and linear in nodes plus edges.
    """
    remaining_predecessors = [len(predecessors) for predecessors in graph.predecessors]
    ready = deque(node for node, count in enumerate(remaining_predecessors) if count == 0)
    order: list[int] = []
    while ready:
        node = ready.popleft()
        order.append(node)
        for successor in graph.successors[node]:
            remaining_predecessors[successor] -= 1
            if remaining_predecessors[successor] == 0:
                ready.append(successor)
    if len(order) == len(graph.predecessors):
        return order, None
    return order, _extract_cycle(graph, remaining_predecessors)


def _extract_cycle(graph: _Graph, remaining_predecessors: list[int]) -> list[int]:
    """Walk predecessors among the nodes Kahn's algorithm could not place.

    Every such node still has a predecessor that was not placed either, so following
    them from any one of those nodes must eventually revisit a node; the loop closed
    there is a cycle. Each node is visited at most once, so this stays linear.
    """
    stuck = [node for node, count in enumerate(remaining_predecessors) if count > 0]
    stuck_set = set(stuck)
    position_in_walk: dict[int, int] = {}
    walk: list[int] = []
    node = stuck[0]
    while node not in position_in_walk:
        position_in_walk[node] = len(walk)
        walk.append(node)
        node = next(pred for pred in graph.predecessors[node] if pred in stuck_set)
    members = walk[position_in_walk[node] :]
    first = members.index(min(members))
    rotated = members[first:] + members[:first]
    return [*rotated, rotated[0]]


def find_unknown_dependencies(activities: Sequence[Activity]) -> list[tuple[str, str]]:
    """List every (activity id, missing id) where a dependency names no activity.

    In file order; an id repeated inside one ``depends_on`` is reported once.
    """
    known_ids = {activity.id for activity in activities}
    return [
        (activity.id, dependency)
        for activity in activities
        for dependency in dict.fromkeys(activity.depends_on)
        if dependency not in known_ids
    ]


def find_cycle(activities: Sequence[Activity]) -> list[str] | None:
    """Return one dependency cycle (see ``CycleError.cycle``), or None if there is none.

    Unknown dependencies are ignored here; ``find_unknown_dependencies`` reports them.
    """
    activities = list(activities)
    _, cycle = _topological_order(_build_graph(activities))
    if cycle is None:
        return None
    return [activities[node].id for node in cycle]


# --------------------------------------------------------------------------- CPM


def _check_activities(activities: Sequence[Activity]) -> None:
    """Raise the first structural problem that makes scheduling meaningless."""
    seen: set[str] = set()
    for activity in activities:
        if activity.id in seen:
            raise DuplicateActivityError(activity.id)
        seen.add(activity.id)
        if not _valid_duration(activity.duration):
            raise InvalidDurationError(activity.id, activity.duration)
    problems = find_unknown_dependencies(activities)
    if problems:
        raise UnknownDependencyError(problems)


def _valid_duration(duration: object) -> bool:
    """A finite number of time units, zero or more."""
    if not isinstance(duration, int | float | Fraction):
        return False
    return math.isfinite(duration) and duration >= 0


def critical_path_method(
    activities: Sequence[Activity], path_weight: Mapping[str, float] | None = None
) -> NetworkSchedule:
    """Schedule an activity-on-node network with the classic critical path method.

    Forward pass: an activity with no predecessors starts at 0; otherwise at the latest
    earliest finish of its predecessors; EF = ES + duration. The project duration is the
    largest EF. Backward pass: an activity with no successors must finish by the project
    duration; otherwise by the earliest latest start of its successors; LS = LF -
    duration. Total float = LS - ES, and an activity is critical when its float is zero
    (within a relative tolerance of 1e-9, because fractional PERT durations leave
    rounding dust; such floats are reported as exactly 0).

    When any duration is a ``Fraction`` the whole computation is exact: every time and
    float is a ``Fraction`` and critical means a float of exactly 0.

    ``critical_path`` is one chain of critical activities from a start activity to an
    end activity, each linked to the next by a dependency with no gap (EF of the
    predecessor equals ES of the successor). When several chains qualify, the one whose
    activities have the largest total ``path_weight`` wins (PERT passes variances, so
    the riskiest critical path is reported); remaining ties go to the activity listed
    first in the input, at every join and among the end activities.

    Raises DuplicateActivityError, InvalidDurationError, UnknownDependencyError (listing
    every missing id) or CycleError before any scheduling happens.
    """
    activities = list(activities)
    _check_activities(activities)
    graph = _build_graph(activities)
    order, cycle = _topological_order(graph)
    if cycle is not None:
        raise CycleError([activities[node].id for node in cycle])

    exact = any(isinstance(activity.duration, Fraction) for activity in activities)
    zero: Time = Fraction(0) if exact else 0.0
    durations: list[Time] = [Fraction(activity.duration) if exact else float(activity.duration)
                             for activity in activities]
    count = len(activities)

    earliest_start: list[Time] = [zero] * count
    earliest_finish: list[Time] = [zero] * count
    for node in order:
        start = zero
        for predecessor in graph.predecessors[node]:
            if earliest_finish[predecessor] > start:
                start = earliest_finish[predecessor]
        earliest_start[node] = start
        earliest_finish[node] = start + durations[node]
    project_duration = max(earliest_finish, default=zero)

    latest_start: list[Time] = [zero] * count
    latest_finish: list[Time] = [zero] * count
    for node in reversed(order):
        finish = project_duration
        for successor in graph.successors[node]:
            if latest_start[successor] < finish:
                finish = latest_start[successor]
        latest_finish[node] = finish
        latest_start[node] = finish - durations[node]

    # Exact times need no tolerance: a float is 0 or it is not.
    tolerance = 0.0 if exact else _tolerance(project_duration)
    critical = [False] * count
    total_float: list[Time] = [zero] * count
    for node in range(count):
        slack = latest_start[node] - earliest_start[node]
        if abs(slack) <= tolerance:
            critical[node] = True
            latest_start[node] = earliest_start[node]
            latest_finish[node] = earliest_finish[node]
        else:
            total_float[node] = slack

    weights = [
        float(path_weight.get(activity.id, 0.0)) if path_weight is not None else 0.0
        for activity in activities
    ]
    chain = _critical_chain(
        graph, order, critical, earliest_start, earliest_finish, weights, tolerance
    )

    scheduled = {
        activity.id: ScheduledActivity(
            id=activity.id,
            duration=durations[node],
            earliest_start=earliest_start[node],
            earliest_finish=earliest_finish[node],
            latest_start=latest_start[node],
            latest_finish=latest_finish[node],
            total_float=total_float[node],
        )
        for node, activity in enumerate(activities)
    }
    return NetworkSchedule(
        activities=scheduled,
        order=[activities[node].id for node in order],
        duration=project_duration,
        critical_path=[activities[node].id for node in chain],
    )


def _better(candidate: float, candidate_node: int, best: float, best_node: int) -> bool:
    """Prefer a heavier chain; among equal weights, the node listed first in the input."""
    tolerance = _tolerance(candidate, best)
    if candidate > best + tolerance:
        return True
    return abs(candidate - best) <= tolerance and candidate_node < best_node


def _critical_chain(
    graph: _Graph,
    order: list[int],
    critical: list[bool],
    earliest_start: list[Time],
    earliest_finish: list[Time],
    weights: list[float],
    tolerance: float,
) -> list[int]:
    """Pick the heaviest start-to-end chain of critical, gap-free dependencies.

    Dynamic programming over the topological order: the heaviest chain ending at a
    critical activity extends the heaviest chain ending at one of its tight critical
    predecessors. A critical activity always has such a predecessor unless it has no
    predecessors at all, and always has a tight critical successor unless it is an end
    activity, so the chain found runs from a start activity to an end activity.
    """
    chain_weight: list[float | None] = [None] * len(order)
    previous = [-1] * len(order)
    for node in order:
        if not critical[node]:
            continue
        chosen = -1
        chosen_weight = 0.0
        for predecessor in graph.predecessors[node]:
            weight = chain_weight[predecessor]
            if weight is None:
                continue
            if abs(earliest_finish[predecessor] - earliest_start[node]) > tolerance:
                continue
            if chosen < 0 or _better(weight, predecessor, chosen_weight, chosen):
                chosen, chosen_weight = predecessor, weight
        previous[node] = chosen
        chain_weight[node] = weights[node] + (chosen_weight if chosen >= 0 else 0.0)

    end = -1
    end_weight = 0.0
    for node in range(len(order)):
        weight = chain_weight[node]
        if weight is None or graph.successors[node]:
            continue
        if end < 0 or _better(weight, node, end_weight, end):
            end, end_weight = node, weight

    chain: list[int] = []
    node = end
    while node >= 0:
        chain.append(node)
        node = previous[node]
    chain.reverse()
    return chain


# --------------------------------------------------------------------------- PERT


def pert_estimate(optimistic: float, likely: float, pessimistic: float) -> tuple[float, float]:
    """Return PERT's (expected time, standard deviation) for a three-point estimate.

    te = (o + 4m + p) / 6 and sigma = (p - o) / 6, the beta-distribution approximations
    used by PERT. The estimates must be finite and ordered o <= m <= p.
    """
    for name, value in (
        ("optimistic", optimistic),
        ("likely", likely),
        ("pessimistic", pessimistic),
    ):
        if not math.isfinite(value):
            raise ValueError(f"the {name} estimate must be a finite number, got {value!r}")
    if not optimistic <= likely <= pessimistic:
        raise ValueError(
            "estimates must satisfy optimistic <= likely <= pessimistic, got "
            f"{optimistic} / {likely} / {pessimistic}"
        )
    expected = (optimistic + 4 * likely + pessimistic) / 6
    sigma = (pessimistic - optimistic) / 6
    return expected, sigma


def pert_analysis(
    activities: Sequence[tuple[str, float, float, float, Sequence[str]]],
) -> PertResult:
    """Run CPM over PERT expected times and sum the variances along the critical path.

    Each activity is ``(id, optimistic, likely, pessimistic, depends_on)``. Where
    several critical paths tie, the one with the largest variance is used, because it
    gives the most cautious chance of meeting a deadline.
    """
    network: list[Activity] = []
    variances: dict[str, float] = {}
    for activity_id, optimistic, likely, pessimistic, depends_on in activities:
        try:
            expected, sigma = pert_estimate(optimistic, likely, pessimistic)
        except ValueError as error:
            raise ValueError(f"activity {activity_id!r}: {error}") from error
        network.append(Activity(activity_id, expected, tuple(depends_on)))
        variances[activity_id] = sigma * sigma
    schedule = critical_path_method(network, path_weight=variances)
    variance = math.fsum(variances[activity_id] for activity_id in schedule.critical_path)
    return PertResult(
        expected_duration=schedule.duration,
        variance=variance,
        std_dev=math.sqrt(variance),
        critical_path=list(schedule.critical_path),
        schedule=schedule,
    )


def exact_number(value: float | Fraction) -> Fraction:
    """A number exactly as it was written: 2.5 -> 5/2 and 0.1 -> 1/10.

    YAML hands decimals over as binary floats; the shortest text that reads back as the
    same float (``repr``) is what the author typed, so 0.1 becomes 1/10 rather than the
    binary fraction nearest to it.
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    return Fraction(repr(float(value)))


@dataclass(frozen=True)
class ExactPertResult:
    """PERT over exact expected times: every time in ``schedule`` is a Fraction."""

    expected_duration: Fraction
    variance: Fraction
    critical_path: list[str]
    schedule: NetworkSchedule
    variances: dict[str, Fraction]
    """sigma squared of each activity, by id."""

    @property
    def std_dev(self) -> float:
        return math.sqrt(self.variance)


def exact_pert_analysis(
    activities: Sequence[tuple[str, float | Fraction, float | Fraction, float | Fraction,
                               Sequence[str]]],
) -> ExactPertResult:
    """``pert_analysis`` with exact arithmetic: te = (o + 4m + p) / 6 as a Fraction.

    Each activity is ``(id, optimistic, likely, pessimistic, depends_on)``; the estimates
    are read as written (``exact_number``). CPM then runs on Fractions, so sixths add up
    exactly and the expected duration is the exact sum along the critical path. Where
    critical paths tie, the one with the largest variance is reported, as in
    ``pert_analysis``. Raises ValueError naming the activity for estimates out of order.
    """
    network: list[Activity] = []
    variances: dict[str, Fraction] = {}
    for activity_id, optimistic, likely, pessimistic, depends_on in activities:
        try:
            low, mode, high = (exact_number(optimistic), exact_number(likely),
                               exact_number(pessimistic))
        except ValueError as error:
            raise ValueError(f"activity {activity_id!r}: {error}") from error
        if not low <= mode <= high:
            raise ValueError(
                f"activity {activity_id!r}: estimates must satisfy optimistic <= likely <= "
                f"pessimistic, got {optimistic} / {likely} / {pessimistic}"
            )
        network.append(Activity(activity_id, (low + 4 * mode + high) / 6, tuple(depends_on)))
        variances[activity_id] = ((high - low) / 6) ** 2
    schedule = critical_path_method(network, path_weight=variances)
    return ExactPertResult(
        expected_duration=Fraction(schedule.duration),
        variance=sum((variances[activity_id] for activity_id in schedule.critical_path),
                     Fraction(0)),
        critical_path=list(schedule.critical_path),
        schedule=schedule,
        variances=variances,
    )


def probability_of_finishing(expected: float, variance: float, target: float) -> float:
    """Return P(duration <= target) for a normal duration with this mean and variance.

    Phi((target - expected) / sqrt(variance)), the PERT deadline probability. With no
    variance the duration is certain: 1.0 when target >= expected, else 0.0. Uses
    ``math.erfc`` (the complement of ``math.erf``), which keeps precision far in the
    lower tail.
    """
    if not math.isfinite(variance) or variance < 0:
        raise ValueError(f"variance must be a finite number, zero or more, got {variance!r}")
    if variance == 0:
        return 1.0 if target >= expected else 0.0
    z_score = (target - expected) / math.sqrt(variance)
    return 0.5 * math.erfc(-z_score / math.sqrt(2.0))


# --------------------------------------------------------------------------- dates


def _whole_working_days(activity: Activity) -> int:
    """Round a duration up to whole working days.

    A task that needs 3.2 days occupies part of a fourth day, so fractional durations
    (PERT's te) are rounded up. Values within 1e-9 of a whole number count as that
    number, so 4.000000000000001 stays 4.
    """
    duration = activity.duration
    if not _valid_duration(duration):
        raise InvalidDurationError(activity.id, duration)
    return max(0, math.ceil(duration - _RELATIVE_TOLERANCE))


def dated_schedule(
    activities: Sequence[Activity],
    start: date,
    calendar: WorkCalendar,
    *,
    path_weight: Mapping[str, float] | None = None,
) -> DatedSchedule:
    """Place a network on working days from ``start`` (the rules of DESIGN.md, Calendars).

    Durations are whole working days; a fractional duration is rounded UP with
    ``math.ceil`` first. CPM runs in working-day index space (index 0 is ``start``
    rolled forward to a working day) and each activity is converted to dates once:

    * a task with ES = e and duration d >= 1 occupies indices e .. e + d - 1, so it runs
      on its start day and the next d - 1 working days, and its successors (ES >= e + d)
      start on the first working day after it finishes;
    * a milestone (duration 0) with ES = e > 0 sits on index e - 1, the finish day of
      its last predecessor; with ES = 0 it sits on the plan start.

    Total float is in working days. ``path_weight`` settles ties between critical
    chains, as in ``critical_path_method``. Cost: linear in activities plus
    dependencies, plus O(log H) per activity for H holidays.
    """
    activities = list(activities)
    _check_activities(activities)
    whole = [
        Activity(activity.id, _whole_working_days(activity), activity.depends_on)
        for activity in activities
    ]
    network = critical_path_method(whole, path_weight)
    plan_start = calendar.roll_forward(start)

    dated: dict[str, DatedActivity] = {}
    last_finish_index = -1
    for activity in whole:
        scheduled = network.activities[activity.id]
        earliest_start = round(scheduled.earliest_start)
        duration = int(activity.duration)
        if duration >= 1:
            start_index = earliest_start
            finish_index = earliest_start + duration - 1
        else:
            start_index = finish_index = max(earliest_start - 1, 0)
        start_day = calendar.date_at(start_index, plan_start)
        finish_day = (
            start_day if finish_index == start_index else calendar.date_at(finish_index, plan_start)
        )
        total_float = round(scheduled.total_float)
        dated[activity.id] = DatedActivity(
            id=activity.id,
            start=start_day,
            finish=finish_day,
            total_float=total_float,
            critical=total_float == 0,
        )
        last_finish_index = max(last_finish_index, finish_index)

    finish = calendar.date_at(max(last_finish_index, 0), plan_start)
    return DatedSchedule(
        activities=dated,
        finish=finish,
        duration_working_days=last_finish_index + 1,
        critical_path=list(network.critical_path),
        network=network,
    )


def working_day_span(earliest_start: Time, earliest_finish: Time) -> tuple[int, int]:
    """(first, last) working day of an item that runs from ES to EF, in elapsed working
    days from the plan's start; day 1 is the plan's first working day.

    DESIGN.md, "Calendars": the item runs from working day floor(ES) + 1 to working day
    ceil(EF), so an item from 2.5 to 4 runs on days 3 and 4, and a successor starting at
    a fractional 2.5 shares day 3 with the predecessor that ends there. An item of zero
    length sits on day max(1, ceil(EF)), the last day of what it waits for.
    """
    start, finish = _snapped(earliest_start), _snapped(earliest_finish)
    if finish > start:
        return math.floor(start) + 1, math.ceil(finish)
    day = max(1, math.ceil(finish))
    return day, day


def _snapped(value: Time) -> Time:
    """Exact values as they are; a float within 1e-9 of a whole day is that day."""
    if isinstance(value, float) and abs(value - round(value)) <= _tolerance(value):
        return round(value)
    return value


def fractional_dated_schedule(
    network: NetworkSchedule, start: date, calendar: WorkCalendar
) -> DatedSchedule:
    """Put a network with fractional times (PERT's te, unrounded) on the calendar.

    Day 1 is ``start`` rolled forward to a working day; each activity runs over the
    working days ``working_day_span`` gives for its ES and EF, and the plan finishes on
    working day ceil(duration) (at least day 1). Floats stay as CPM computed them, in
    (fractional) working days; critical means a float of 0. Unlike ``dated_schedule``,
    nothing is rounded before CPM, so the dates never run later than the expected
    duration itself.
    """
    plan_start = calendar.roll_forward(start)

    def working_day(number: int) -> date:
        return calendar.date_at(number - 1, plan_start)

    dated: dict[str, DatedActivity] = {}
    for activity_id, scheduled in network.activities.items():
        first, last = working_day_span(scheduled.earliest_start, scheduled.earliest_finish)
        first_day = working_day(first)
        dated[activity_id] = DatedActivity(
            id=activity_id,
            start=first_day,
            finish=first_day if last == first else working_day(last),
            total_float=scheduled.total_float,
            critical=scheduled.total_float == 0,
        )
    last_day = max(1, math.ceil(_snapped(network.duration)))
    return DatedSchedule(
        activities=dated,
        finish=working_day(last_day),
        duration_working_days=last_day,
        critical_path=list(network.critical_path),
        network=network,
    )
