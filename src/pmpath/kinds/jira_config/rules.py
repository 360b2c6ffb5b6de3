"""The Jira configuration's rules, each bound to its check.

Each workflow is a directed graph: its statuses are the nodes, its transitions the
edges. A transition ``from: "*"`` (or ``from: any``) is a global transition and counts
as an edge from every status of its workflow. A name that differs from a defined status
only in capitals or spacing is read as that status, and other names that are not
defined are left out of the graph; ``jira.refs`` reports both, so one typo is reported
once, as a typo.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pmpath.analysis.graph import can_reach, reachable_from
from pmpath.kinds.base import Context, Found, Rule, RuleBook, number_text, path_of
from pmpath.kinds.common import PLACEHOLDER
from pmpath.kinds.jira_config.model import (
    ANY_STATUS,
    CATEGORIES,
    PERMISSIONS,
    JiraConfig,
    Workflow,
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="jira.key",
        severity="error",
        title="The project key is 2 to 10 capitals or digits, starting with a letter",
        rationale=(
            "The key prefixes every issue (PAY-123) in tickets, commits, branch names and "
            "chat, so people type it hundreds of times a week. Jira accepts only capital "
            "letters and digits, starting with a letter, and changing a key later breaks "
            "links people have saved. Short and memorable wins."
        ),
        hint="Use 2 to 10 capitals or digits starting with a letter, e.g. PAY for Payments.",
        passes="project: {key: PAY}",
        fails="project: {key: pay-team}",
        weight=2,
    ),
    Rule(
        id="jira.categories",
        severity="error",
        title="Every status has the category todo, in_progress or done",
        rationale=(
            "Jira's boards, burndowns and velocity charts do not read status names; they read "
            "each status's category. A status without one of the three categories is counted "
            "wrongly: finished work looks unfinished, or the reverse."
        ),
        hint="Give each status category todo (not started), in_progress (being worked on) "
             "or done (finished).",
        passes="statuses:\n  - {name: In Review, category: in_progress}",
        fails="statuses:\n  - {name: In Review, category: review}",
        weight=2,
    ),
    Rule(
        id="jira.hierarchy",
        severity="error",
        title="There is a standard issue type (level 0), and an Epic level (1) above it",
        rationale=(
            "Jira's hierarchy has Epics at level 1 grouping large bodies of work, standard "
            "types such as Story, Task and Bug at level 0 where the team's work is planned, "
            "and Sub-tasks at level -1 breaking one item into steps. Without a level-0 type "
            "there is nothing to plan a sprint with (an error); without an Epic level, "
            "stories cannot be grouped into features or reported on as a whole (a warning)."
        ),
        hint="Define at least {name: Story, level: 0} and {name: Epic, level: 1}.",
        passes="issue_types:\n  - {name: Epic, level: 1}\n  - {name: Story, level: 0}",
        fails="issue_types:\n  - {name: Epic, level: 1}\n  - {name: Sub-task, level: -1}",
        weight=2,
    ),
    Rule(
        id="jira.coverage",
        severity="error",
        title="Every issue type is in exactly one workflow",
        rationale=(
            "Jira gives each issue type of a project one workflow. A type in no workflow has "
            "no path from creation to done; a type in two leaves it unclear which one Jira "
            "should use, and the team will argue about what a Bug's statuses are."
        ),
        hint="List each issue type under issue_types of exactly one workflow.",
        passes="workflows:\n  - {name: Delivery, issue_types: [Epic, Story, Bug, Sub-task]}",
        fails="workflows:\n  - {name: Delivery, issue_types: [Story]}\n"
              "  - {name: Bugs, issue_types: [Story, Bug]}   # Story twice, Epic in none",
        weight=2,
    ),
    Rule(
        id="jira.refs",
        severity="error",
        title="Every name refers to something defined",
        rationale=(
            "Workflows, the board and fields refer to statuses and issue types by name. A "
            "name that is defined nowhere (often a typo or a different capital letter) means "
            "the configuration cannot be built as written, and the real status or type it "
            "meant is silently missing from that place. Names are also defined only once, "
            "so every reference is unambiguous."
        ),
        hint="Use a name exactly as it is defined under statuses or issue_types, capitals "
             "included, or define it there.",
        passes="statuses: [{name: In Review, category: in_progress}]\n"
               "transitions: [{name: Review, from: In Progress, to: In Review}]",
        fails="transitions: [{name: Review, from: In Progress, to: In Reveiw}]",
        weight=2,
    ),
    Rule(
        id="jira.reachable",
        severity="error",
        title="Every status of a workflow can be reached from its initial status",
        rationale=(
            "A new issue starts in the workflow's initial status and moves only along "
            "transitions. A status no chain of transitions leads to is dead configuration: "
            "no issue can ever be in it, and the step of the process it stands for is "
            "silently skipped."
        ),
        hint="Add a transition into the status from a status that can be reached, or "
             "remove the status from the workflow.",
        passes="initial: To Do\ntransitions:\n  - {name: Start, from: To Do, to: In Progress}\n"
               "  - {name: Finish, from: In Progress, to: Done}",
        fails="initial: To Do\ntransitions:\n  - {name: Finish, from: To Do, to: Done}\n"
              "  - {name: Unblock, from: Blocked, to: To Do}   # nothing leads into Blocked",
        weight=3,
    ),
    Rule(
        id="jira.finishable",
        severity="error",
        title="From every status of a workflow, a done status can be reached",
        rationale=(
            "A status with no way on to done is a graveyard: issues moved there can never "
            "finish, pile up, and distort every report. Every status needs some chain of "
            "transitions that ends in a done-category status."
        ),
        hint="Add a transition out of the status towards done (e.g. Unblock back to In "
             "Progress), or make sure the workflow has a status of category done.",
        passes="transitions:\n  - {name: Hold, from: In Progress, to: On Hold}\n"
               "  - {name: Resume, from: On Hold, to: In Progress}",
        fails="transitions:\n  - {name: Hold, from: In Progress, to: On Hold}   # no way out",
        weight=3,
    ),
    Rule(
        id="jira.board",
        severity="error",
        title="Every status used by a workflow is in exactly one board column",
        rationale=(
            "A board shows only the statuses mapped to its columns. An issue in a status on "
            "no column vanishes from the board, so work seems to disappear; a status in two "
            "columns makes the board ambiguous about where the card is."
        ),
        hint="Put each workflow status in the statuses of exactly one column.",
        passes="columns:\n  - {name: Doing, statuses: [In Progress, Blocked]}",
        fails="columns:\n  - {name: Doing, statuses: [In Progress]}   # Blocked on no column",
        weight=3,
    ),
    Rule(
        id="jira.done-column",
        severity="error",
        title="The right-most column holds every done status and nothing else",
        rationale=(
            "People read a board left to right: the last column is finished work. A done "
            "status anywhere else, or an unfinished status in the last column, makes the "
            "board lie about what is finished, and the sprint report with it."
        ),
        hint="Keep the done-category statuses, and only those, in the right-most column.",
        passes="columns:\n  - {name: Review, statuses: [In Review]}\n"
               "  - {name: Done, statuses: [Done]}",
        fails="columns:\n  - {name: Review, statuses: [In Review, Done]}\n"
              "  - {name: Shipped, statuses: [Released]}",
        weight=2,
    ),
    Rule(
        id="jira.wip",
        severity="error",
        title="WIP limits are whole numbers of 1 or more",
        rationale=(
            "A work-in-progress limit caps how many cards a column holds: when it is reached "
            "the team stops starting and helps finish. It counts cards, so it is a whole "
            "number, and a limit of 0 or less would forbid the column from being used."
        ),
        hint="Set wip_limit to a whole number of cards, 1 or more (around the number of "
             "people who work that column), or leave it out.",
        passes="- {name: In Review, statuses: [In Review], wip_limit: 3}",
        fails="- {name: In Review, statuses: [In Review], wip_limit: 0}",
        weight=2,
    ),
    Rule(
        id="jira.permissions",
        severity="error",
        title="Browse, create, edit, transition and administer are each granted to a "
              "defined role",
        rationale=(
            "Granting permissions to roles, not to named people, is what keeps a project "
            "manageable as people join and leave. Each of the five basic permissions must "
            "go to at least one role, or nobody can do it, and only to roles the project "
            "defines, or the grant silently does nothing."
        ),
        hint="Grant each permission to one or more of the roles listed under roles.",
        passes="roles: {administrators: [Priya Shah], members: [payments-devs]}\n"
               "permissions: {browse: [administrators, members], ...}",
        fails="permissions: {browse: [developers], administer: []}",
        weight=2,
    ),
)

BOOK = RuleBook(RULES)

KEY_PATTERN = re.compile(r"[A-Z][A-Z0-9]{1,9}")
CATEGORY_WORDS = {"todo": "not started", "in_progress": "being worked on", "done": "finished"}
PERMISSION_MEANING = {
    "browse": "see the project and its issues",
    "create": "create issues",
    "edit": "edit issues",
    "transition": "move issues between statuses",
    "administer": "change the project's configuration",
}


def has_placeholder(text: str | None) -> bool:
    """A template placeholder left in: common.placeholder reports it, the rules wait."""
    return bool(text) and PLACEHOLDER.search(text) is not None


def quoted(names: Iterable[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def did_you_mean(name: str, choices: Iterable[str]) -> str | None:
    """The defined name closest to ``name`` (capitals ignored), or None."""
    choices = list(choices)
    by_lower = {choice.lower(): choice for choice in choices}
    if name.lower() in by_lower:
        return by_lower[name.lower()]
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close else None


# ----------------------------------------------------------------------- categories


def normal_category(category: str) -> str | None:
    """'in_progress', 'In Progress', 'in-progress' -> 'in_progress'; None if not a category.

    Jira shows its three categories as "To Do", "In Progress" and "Done", so those
    spellings are accepted as the same thing.
    """
    word = re.sub(r"[\s-]+", "_", category.strip().lower())
    word = {"to_do": "todo"}.get(word, word)
    return word if word in CATEGORIES else None


def category_of(doc: JiraConfig) -> dict[str, str]:
    """Status name -> its category.

    A category that is not one of the three (jira.categories reports it) is read as
    the one it most likely means, so the graph and board rules judge the rest of the
    configuration instead of repeating that one mistake.
    """
    categories: dict[str, str] = {}
    for status in doc.statuses:
        if status.name not in categories:
            categories[status.name] = (normal_category(status.category)
                                       or guess_category(status.name, status.category))
    return categories


DONE_WORDS = ("done", "closed", "resolved", "released", "complete", "shipped", "cancel",
              "won't", "wont", "rejected", "duplicate", "deployed")
TODO_WORDS = ("to do", "todo", "backlog", "open", "new", "selected", "ready", "triage")


def guess_category(status_name: str, category: str) -> str:
    """The category a mistyped category (or else the status's name) most likely means."""
    for text in (category.lower(), status_name.lower()):
        if any(word in text for word in DONE_WORDS):
            return "done"
        if any(word in text for word in TODO_WORDS):
            return "todo"
        if any(word in text for word in ("progress", "doing", "review", "test", "qa",
                                         "block", "hold", "wait")):
            return "in_progress"
    return "in_progress"


# ----------------------------------------------------------------------- workflow graphs


@dataclass(frozen=True)
class WorkflowShape:
    """One workflow as a graph over its defined statuses."""

    statuses: tuple[str, ...]
    """Defined statuses of the workflow, in the order of the top-level statuses list."""
    edges: tuple[tuple[str, str], ...]
    initial: str | None
    """The initial status, when it is defined."""
    reachable: frozenset[str] | None
    """None when the initial status is not defined (jira.refs reports it)."""
    finishable: frozenset[str]
    done: tuple[str, ...]

    @property
    def unreachable(self) -> tuple[str, ...]:
        if self.reachable is None:
            return ()
        return tuple(status for status in self.statuses if status not in self.reachable)

    @property
    def unfinishable(self) -> tuple[str, ...]:
        return tuple(status for status in self.statuses if status not in self.finishable)


def is_global(source: str) -> bool:
    return source.strip().lower() in ANY_STATUS


def named_statuses(workflow: Workflow) -> list[str]:
    """Every status name the workflow mentions (global sources excluded), first mention first."""
    names = [workflow.initial, *workflow.statuses]
    for transition in workflow.transitions:
        names.extend(source for source in transition.sources if not is_global(source))
        names.append(transition.to)
    return list(dict.fromkeys(names))


class StatusNames:
    """The defined status names, and the one a written name means.

    A name that differs from a defined one only in capitals or spaces ('done' for
    'Done') is read as that status: jira.refs asks for the exact spelling, and the
    graph and board rules judge the configuration the learner meant.
    """

    def __init__(self, doc: JiraConfig) -> None:
        self.order = {name: index for index, name in
                      enumerate(dict.fromkeys(status.name for status in doc.statuses))}
        self._loose: dict[str, str] = {}
        for name in self.order:
            self._loose.setdefault(loose(name), name)

    def resolve(self, name: str) -> str | None:
        if name in self.order:
            return name
        return self._loose.get(loose(name))


def loose(name: str) -> str:
    return " ".join(name.lower().split())


def workflow_shape(workflow: Workflow, names: StatusNames,
                   categories: dict[str, str]) -> WorkflowShape:
    resolve = names.resolve
    mentioned = {resolve(name) for name in named_statuses(workflow)} - {None}
    statuses = tuple(sorted(mentioned, key=names.order.__getitem__))
    edges: list[tuple[str, str]] = []
    for transition in workflow.transitions:
        target = resolve(transition.to)
        if target is None:
            continue
        for source in transition.sources:
            if is_global(source):
                edges.extend((status, target) for status in statuses)
            elif (start := resolve(source)) is not None:
                edges.append((start, target))
    initial = resolve(workflow.initial)
    reachable = frozenset(reachable_from(initial, edges)) if initial is not None else None
    done = tuple(status for status in statuses if categories.get(status) == "done")
    return WorkflowShape(statuses=statuses, edges=tuple(edges), initial=initial,
                         reachable=reachable, finishable=frozenset(can_reach(done, edges)),
                         done=done)


def workflow_shapes(doc: JiraConfig, ctx: Context) -> list[WorkflowShape]:
    names = StatusNames(doc)
    categories = category_of(doc)
    return [workflow_shape(workflow, names, categories) for workflow in doc.workflows]


def workflow_label(workflow: Workflow, index: int) -> str:
    return f"workflow '{workflow.name}'" if workflow.name else f"workflow number {index + 1}"


# ----------------------------------------------------------------------- checks


@BOOK.check("jira.key")
def project_key(doc: JiraConfig, ctx: Context, found: Found) -> None:
    key = doc.project.key
    if has_placeholder(key) or KEY_PATTERN.fullmatch(key):
        return
    suggestion = suggested_key(key, doc.project.name)
    if not key:
        problem = "the project key is empty"
    elif len(key) > 10:
        problem = f"the project key '{key}' has {len(key)} characters; Jira allows at most 10"
    elif len(key) < 2:
        problem = f"the project key '{key}' is one character; Jira needs at least 2"
    elif key != key.upper():
        problem = f"the project key '{key}' has small letters; keys are capitals only"
    elif not key[0].isalpha():
        problem = f"the project key '{key}' starts with '{key[0]}'; it must start with a letter"
    else:
        odd = sorted({char for char in key if not (char.isascii() and char.isalnum())})
        problem = (f"the project key '{key}' contains {quoted(odd)}; only capital letters "
                   "and digits are allowed")
    found("project.key", problem,
          hint=f"use a short key of capitals and digits, e.g. key: {suggestion}")


def suggested_key(key: str, name: str) -> str:
    """A valid key close to what was written (or made from the project's name)."""
    cleaned = re.sub(r"[^A-Z0-9]", "", key.upper()).lstrip("0123456789")
    if 2 <= len(cleaned) <= 10:
        return cleaned
    if len(cleaned) > 10:
        return cleaned[:3]  # short keys are the easiest to type
    words = re.findall(r"[A-Za-z]+", name or "")
    initials = "".join(word[0] for word in words).upper()
    if len(initials) >= 2:
        return initials[:10]
    letters = re.sub(r"[^A-Z]", "", (name or "").upper())
    return letters[:3] if len(letters) >= 2 else "PAY"


@BOOK.check("jira.categories")
def status_categories(doc: JiraConfig, ctx: Context, found: Found) -> None:
    for index, status in enumerate(doc.statuses):
        if has_placeholder(status.category) or normal_category(status.category) is not None:
            continue
        guess = guess_category(status.name, status.category)
        found(path_of("statuses", index, "category"),
              f"status '{status.name}' has the category '{status.category}', which is not "
              "one of todo, in_progress, done",
              hint=f"set category: {guess} ({CATEGORY_WORDS[guess]}) if that fits; the "
                   "categories are todo (not started), in_progress (being worked on) and "
                   "done (finished)")


@BOOK.check("jira.hierarchy")
def issue_type_levels(doc: JiraConfig, ctx: Context, found: Found) -> None:
    levels = {issue_type.level for issue_type in doc.issue_types}
    written = ", ".join(f"{issue_type.name} {issue_type.level}" for issue_type in doc.issue_types)
    if 0 not in levels:
        found("issue_types",
              f"no issue type is at level 0, the level of the standard types the team plans "
              f"with (Story, Task, Bug); the levels are: {written}",
              hint="add a standard type, e.g. {name: Story, level: 0}, and {name: Bug, "
                   "level: 0} for defects")
    if 1 not in levels:
        epic = next((issue_type for issue_type in doc.issue_types
                     if issue_type.name.strip().lower() == "epic"), None)
        hint = (f"set the level of '{epic.name}' to 1: Epics sit above the standard types"
                if epic is not None else "add {name: Epic, level: 1} to group stories into "
                                         "larger bodies of work")
        found("issue_types",
              f"no issue type is at level 1, so there are no Epics to group stories into "
              f"features; the levels are: {written}",
              hint=hint, severity="warning")


@BOOK.check("jira.coverage")
def one_workflow_per_type(doc: JiraConfig, ctx: Context, found: Found) -> None:
    first_home: dict[str, int] = {}
    for w_index, workflow in enumerate(doc.workflows):
        for t_index, name in enumerate(workflow.issue_types):
            if name in workflow.issue_types[:t_index]:
                continue  # listed twice in one workflow: still one workflow
            if name in first_home:
                other = doc.workflows[first_home[name]]
                found(path_of("workflows", w_index, "issue_types", t_index),
                      f"issue type '{name}' is in {workflow_label(other, first_home[name])} "
                      f"and again in {workflow_label(workflow, w_index)}; Jira gives each "
                      "issue type exactly one workflow",
                      hint=f"remove '{name}' from one of the two workflows' issue_types")
            else:
                first_home[name] = w_index
    workflow_names = quoted(workflow.name for workflow in doc.workflows)
    for index, issue_type in enumerate(doc.issue_types):
        if issue_type.name not in first_home:
            found(path_of("issue_types", index),
                  f"issue type '{issue_type.name}' is in no workflow, so its issues have no "
                  "path from creation to done",
                  hint=f"add '{issue_type.name}' to the issue_types of one workflow "
                       f"({workflow_names})")


@BOOK.check("jira.refs")
def names_are_defined(doc: JiraConfig, ctx: Context, found: Found) -> None:
    statuses = [status.name for status in doc.statuses]
    types = [issue_type.name for issue_type in doc.issue_types]
    for section, names in (("statuses", statuses), ("issue_types", types)):
        first: dict[str, int] = {}
        for index, name in enumerate(names):
            if name in first:
                found(path_of(section, index, "name"),
                      f"'{name}' is defined twice, as {section}[{first[name]}] and "
                      f"{section}[{index}]; references to it are ambiguous",
                      hint=f"keep one definition of '{name}' (rename the other if it is a "
                           "different thing)")
            else:
                first[name] = index
    status_set, type_set = set(statuses), set(types)

    def check(where: str, name: str, what: str, defined: set[str], listing: list[str],
              define: str) -> None:
        if name in defined or has_placeholder(name):
            return
        close = did_you_mean(name, listing)
        if close is not None:
            hint = (f"did you mean '{close}'? Names must match exactly, capitals included"
                    if close.lower() != name.lower() else
                    f"write it as '{close}': names must match exactly, capitals included")
        else:
            hint = f"use one of {quoted(listing)}, or define it under {define}"
        found(where, f"{what} '{name}', which is not defined under {define}", hint=hint)

    for w_index, workflow in enumerate(doc.workflows):
        label = workflow_label(workflow, w_index)
        for t_index, name in enumerate(workflow.issue_types):
            check(path_of("workflows", w_index, "issue_types", t_index), name,
                  f"{label} names the issue type", type_set, types, "issue_types")
        check(path_of("workflows", w_index, "initial"), workflow.initial,
              f"{label} starts in the status", status_set, statuses, "statuses")
        for s_index, name in enumerate(workflow.statuses):
            check(path_of("workflows", w_index, "statuses", s_index), name,
                  f"{label} lists the status", status_set, statuses, "statuses")
        for r_index, transition in enumerate(workflow.transitions):
            where = path_of("workflows", w_index, "transitions", r_index)
            move = f"{label}, transition '{transition.name}',"
            single = len(transition.sources) == 1
            for f_index, source in enumerate(transition.sources):
                if is_global(source):
                    continue
                check(f"{where}.from" if single else f"{where}.from[{f_index}]", source,
                      f"{move} starts from the status", status_set, statuses, "statuses")
            check(f"{where}.to", transition.to, f"{move} goes to the status", status_set,
                  statuses, "statuses")
    for c_index, column in enumerate(doc.board.columns):
        for s_index, name in enumerate(column.statuses):
            check(path_of("board", "columns", c_index, "statuses", s_index), name,
                  f"board column '{column.name}' shows the status", status_set, statuses,
                  "statuses")
    for f_index, field in enumerate(doc.fields):
        for t_index, name in enumerate(field.required_for):
            check(path_of("fields", f_index, "required_for", t_index), name,
                  f"field '{field.name}' is required for the issue type", type_set, types,
                  "issue_types")


@BOOK.check("jira.reachable")
def statuses_are_reachable(doc: JiraConfig, ctx: Context, found: Found) -> None:
    for index, (workflow, shape) in enumerate(zip(doc.workflows, ctx.fact("shapes"),
                                                  strict=True)):
        for status in shape.unreachable:
            entries = [source for source, target in shape.edges if target == status]
            detail = ("no transition leads into it" if not entries else
                      f"only transitions from {quoted(dict.fromkeys(entries))} lead into it, "
                      "and those cannot be reached either")
            found(path_of("workflows", index, "transitions"),
                  f"in {workflow_label(workflow, index)}, status '{status}' cannot be reached "
                  f"from the initial status '{shape.initial}': {detail}",
                  hint=f"add a transition into '{status}', e.g. {{name: Move to {status}, from: "
                       f"{entry_suggestion(shape, status)}, to: {status}}}, or take "
                       f"'{status}' out of the workflow")


def entry_suggestion(shape: WorkflowShape, status: str) -> str:
    """A reachable status to draw a transition from: the first one in progress, else the start."""
    for name in shape.statuses:
        if shape.reachable is not None and name in shape.reachable \
                and name not in shape.done and name not in (shape.initial, status):
            return name
    return shape.initial or "To Do"


@BOOK.check("jira.finishable")
def statuses_can_finish(doc: JiraConfig, ctx: Context, found: Found) -> None:
    for index, (workflow, shape) in enumerate(zip(doc.workflows, ctx.fact("shapes"),
                                                  strict=True)):
        label = workflow_label(workflow, index)
        if not shape.statuses:
            continue
        if not shape.done:
            found(path_of("workflows", index, "transitions"),
                  f"{label} has no status of category done, so no issue following it can "
                  f"ever finish (its statuses: {quoted(shape.statuses)})",
                  hint="add a transition to a done-category status, e.g. {name: Finish, "
                       "from: In Progress, to: Done}, with Done defined as {name: Done, "
                       "category: done}")
            continue
        for status in shape.unfinishable:
            exits = sorted({target for source, target in shape.edges
                            if source == status and target != status})
            detail = ("no transition leads out of it" if not exits else
                      f"its transitions lead only to {quoted(exits)}, which cannot reach a "
                      "done status either")
            target = exit_suggestion(shape, status)
            found(path_of("workflows", index, "transitions"),
                  f"in {label}, status '{status}' cannot reach a done status "
                  f"({quoted(shape.done)}): {detail}",
                  hint=f"add a transition out of '{status}', e.g. {{name: Move to {target}, "
                       f"from: {status}, to: {target}}}")


def exit_suggestion(shape: WorkflowShape, status: str) -> str:
    """A status to leave towards: the first in-progress status that can finish, else done."""
    for name in shape.statuses:
        if name != status and name in shape.finishable and name not in shape.done \
                and name != shape.initial:
            return name
    return shape.done[0]


@BOOK.check("jira.board")
def one_column_per_status(doc: JiraConfig, ctx: Context, found: Found) -> None:
    columns = doc.board.columns
    names = StatusNames(doc)
    homes: dict[str, int] = {}
    for c_index, column in enumerate(columns):
        resolved = [names.resolve(name) for name in column.statuses]
        for s_index, status in enumerate(resolved):
            if status is None:
                continue  # not a defined status: jira.refs
            if status in resolved[:s_index]:
                found(path_of("board", "columns", c_index, "statuses", s_index),
                      f"column '{column.name}' lists the status '{status}' twice",
                      hint=f"delete one of the two '{status}' entries")
            elif status in homes:
                found(path_of("board", "columns", c_index, "statuses", s_index),
                      f"status '{status}' is in column '{columns[homes[status]].name}' and "
                      f"again in column '{column.name}'; a card can only be in one place",
                      hint=f"keep '{status}' in one of the two columns and delete it from "
                           "the other")
            else:
                homes[status] = c_index
    categories = category_of(doc)
    used: dict[str, str] = {}
    for workflow, shape in zip(doc.workflows, ctx.fact("shapes"), strict=True):
        for status in shape.statuses:
            used.setdefault(status, workflow.name)
    for status, workflow_name in used.items():
        if status in homes:
            continue
        found("board.columns",
              f"status '{status}' (used by workflow '{workflow_name}') is on no board column, "
              "so issues in it vanish from the board",
              hint=f"add '{status}' to the statuses of "
                   f"{home_suggestion(doc, categories, status)}")


def home_suggestion(doc: JiraConfig, categories: dict[str, str], status: str) -> str:
    """The column a status most likely belongs in: the last one for done, else one of its kind."""
    columns = doc.board.columns
    category = categories.get(status)
    if category == "done":
        return f"the right-most column, '{columns[-1].name}'"
    names = StatusNames(doc)
    for column in columns[:-1] if len(columns) > 1 else columns:
        if any(categories.get(names.resolve(name) or "") == category
               for name in column.statuses):
            if category == "in_progress" and len(columns) > 1:
                return (f"a column such as '{column.name}', or give it a column of its own "
                        f"before '{columns[-1].name}'")
            return f"a column such as '{column.name}'"
    return "one column"


@BOOK.check("jira.done-column")
def done_column(doc: JiraConfig, ctx: Context, found: Found) -> None:
    columns = doc.board.columns
    names, categories = StatusNames(doc), category_of(doc)

    def category_of_name(name: str) -> str | None:
        status = names.resolve(name)
        return categories.get(status) if status is not None else None

    last_index = len(columns) - 1
    last = columns[last_index]
    for c_index, column in enumerate(columns[:-1]):
        for s_index, status in enumerate(column.statuses):
            if category_of_name(status) == "done":
                found(path_of("board", "columns", c_index, "statuses", s_index),
                      f"the done status '{status}' is in column '{column.name}', but done work "
                      f"belongs in the right-most column, '{last.name}'",
                      hint=f"move '{status}' to the statuses of '{last.name}' (and if "
                           f"'{column.name}' is for work still going on, give '{status}' the "
                           "category in_progress instead)")
    for s_index, status in enumerate(last.statuses):
        category = category_of_name(status)
        if category is not None and category != "done":
            before = columns[last_index - 1].name if last_index > 0 else None
            found(path_of("board", "columns", last_index, "statuses", s_index),
                  f"the right-most column '{last.name}' holds '{status}', whose category is "
                  f"{category}; the right-most column is for finished work only",
                  hint=(f"move '{status}' to the column before, '{before}', or to a new "
                        "column of its own" if before else
                        f"add a column for unfinished work before '{last.name}' and move "
                        f"'{status}' there"))
    if all(category_of_name(status) is None for status in last.statuses):
        found(path_of("board", "columns", last_index, "statuses"),
              f"the right-most column '{last.name}' holds no done status, so finished work "
              "has no column",
              hint="put the done-category statuses (e.g. Done) in the right-most column")


@BOOK.check("jira.wip")
def wip_limits(doc: JiraConfig, ctx: Context, found: Found) -> None:
    for index, column in enumerate(doc.board.columns):
        limit = column.wip_limit
        if limit is None or (limit == int(limit) and limit >= 1):
            continue
        where = path_of("board", "columns", index, "wip_limit")
        if limit != int(limit):
            low = max(1, int(limit // 1))
            found(where, f"column '{column.name}' has the WIP limit {number_text(limit)}, "
                         "which is not a whole number of cards",
                  hint=f"choose a whole number: wip_limit: {low} (or {low + 1}); the tighter "
                       "limit finishes work sooner")
        else:
            found(where, f"column '{column.name}' has the WIP limit {number_text(limit)}; a "
                         "limit must allow at least 1 card",
                  hint="set a whole number of 1 or more, about the number of people who work "
                       "this column (e.g. wip_limit: 3), or delete the line for no limit")


@BOOK.check("jira.permissions")
def permissions_to_roles(doc: JiraConfig, ctx: Context, found: Found) -> None:
    roles = list(doc.roles)
    role_names = quoted(roles) if roles else "none yet"
    for permission in PERMISSIONS:
        granted = getattr(doc.permissions, permission)
        meaning = PERMISSION_MEANING[permission]
        if not granted:
            found(f"permissions.{permission}",
                  f"'{permission}' is granted to no role, so nobody can {meaning}",
                  hint=f"grant it to one or more roles, e.g. {permission}: "
                       f"[{suggested_roles(permission, roles)}]")
            continue
        single = len(granted) == 1
        for index, role in enumerate(granted):
            if role in doc.roles or has_placeholder(role):
                continue
            close = did_you_mean(role, roles)
            found(f"permissions.{permission}" if single else
                  f"permissions.{permission}[{index}]",
                  f"'{permission}' is granted to '{role}', which is not a role under roles "
                  f"(roles: {role_names}); the grant gives nobody the right to {meaning}",
                  hint=(f"did you mean '{close}'?" if close is not None else
                        f"grant it to a defined role ({role_names}), or add '{role}' under "
                        "roles with its members"))
    for permission, granted in (doc.permissions.model_extra or {}).items():
        for index, role in enumerate(granted if isinstance(granted, list) else [granted]):
            if isinstance(role, str) and role not in doc.roles and not has_placeholder(role):
                found(f"permissions.{permission}[{index}]" if isinstance(granted, list) else
                      f"permissions.{permission}",
                      f"'{permission}' is granted to '{role}', which is not a role under roles "
                      f"(roles: {role_names})",
                      hint=f"grant it to a defined role ({role_names})")


def suggested_roles(permission: str, roles: list[str]) -> str:
    if not roles:
        return "administrators"
    admins = [role for role in roles if "admin" in role.lower()]
    if permission == "administer":
        return ", ".join(admins or roles[:1])
    if permission == "browse":
        return ", ".join(roles)
    members = [role for role in roles if role not in admins and "view" not in role.lower()]
    return ", ".join(admins + members or roles)
