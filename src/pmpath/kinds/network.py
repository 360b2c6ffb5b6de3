"""Dependency networks shared by the plan kinds: repeated ids, unknown ids, loops.

Project plans (work items) and launch plans (tasks) both list items that depend
on each other; this module finds what stops such a network from being
scheduled and reports it in a learner's words, naming the items by the noun
the kind uses ("work item", "task").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pmpath.analysis.schedule import Activity, find_cycle
from pmpath.kinds.base import Found, path_of

MAX_LISTED = 6


@dataclass(frozen=True)
class DependencyProblems:
    repeated: list[tuple[int, str]]
    """(position, id) of every item whose id was already used."""
    unknown: list[tuple[int, int, str]]
    """(item position, position in depends_on, missing id), in file order."""
    cycle: list[str] | None
    """One loop as CycleError.cycle gives it: each id depends on the next."""

    def __bool__(self) -> bool:
        return bool(self.repeated or self.unknown or self.cycle)


def dependency_problems(ids: Sequence[str], depends_on: Sequence[Sequence[str]]) -> \
        DependencyProblems:
    """Repeated ids, dependencies on unknown ids, and one cycle, each in one linear pass."""
    first_position: dict[str, int] = {}
    repeated = []
    for position, item_id in enumerate(ids):
        if item_id in first_position:
            repeated.append((position, item_id))
        else:
            first_position[item_id] = position
    unknown = []
    for position, dependencies in enumerate(depends_on):
        seen: set[str] = set()
        for index, dependency in enumerate(dependencies):
            if dependency not in first_position and dependency not in seen:
                unknown.append((position, index, dependency))
            seen.add(dependency)
    activities = [Activity(item_id, 1, tuple(dependencies))
                  for item_id, dependencies in zip(ids, depends_on, strict=True)]
    return DependencyProblems(repeated, unknown, find_cycle(activities))


def loop_text(cycle: Sequence[str]) -> str:
    """``["W3", "W5", "W3"]`` -> ``"W3 → W5 → W3"``."""
    return " → ".join(cycle)


def listed(items: Sequence[str]) -> str:
    """The first few ids, and how many there are when the list is long."""
    shown = ", ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += f" … ({len(items)} in all)"
    return shown


def cycle_message(cycle: Sequence[str], noun: str) -> str:
    """A loop in words; ``noun`` is what the kind calls an item ("work item", "task")."""
    if len(cycle) == 2:
        return f"{noun} {cycle[0]} depends on itself, so it can never start"
    return (f"{noun}s depend on each other in a loop: {loop_text(cycle)} (each waits for the "
            "next), so none of them can ever start")


def first_problem(problems: DependencyProblems, ids: Sequence[str], noun: str) -> str:
    """The first problem in one sentence: why the network cannot be scheduled."""
    if problems.cycle:
        return cycle_message(problems.cycle, noun)
    if problems.unknown:
        position, _, missing = problems.unknown[0]
        return f"{noun} {ids[position]} depends on '{missing}', which is not a {noun} in " \
               "this plan"
    position, item_id = problems.repeated[0]
    return f"the {noun} id {item_id} is used more than once"


def report_dependencies(found: Found, list_name: str, noun: str, ids: Sequence[str],
                        depends_on: Sequence[Sequence[str]]) -> None:
    """One finding per dependency problem, each at its place in the file."""
    problems = dependency_problems(ids, depends_on)
    for position, item_id in problems.repeated:
        found(path_of(list_name, position, "id"),
              f"the {noun} id {item_id} is used more than once, so depends_on: [{item_id}] "
              "would be ambiguous",
              hint=f"Give this {noun} its own id, e.g. {item_id}b.")
    for position, index, missing in problems.unknown:
        found(path_of(list_name, position, "depends_on", index),
              f"{ids[position]} depends on '{missing}', which is not a {noun} in this plan",
              hint=f"Use the id of an existing {noun} ({listed(ids)}), or remove "
                   f"'{missing}'.")
    if problems.cycle:
        first = list(ids).index(problems.cycle[0])
        found(path_of(list_name, first, "depends_on"), cycle_message(problems.cycle, noun),
              hint=f"Decide which of these {noun}s really has to finish first and remove "
                   "the dependency that points back to it.")
