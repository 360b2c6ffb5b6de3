"""Planning: schedule (critical path, float, Gantt) and forecast (Monte Carlo)."""


import math
from pathlib import Path
from typing import Any

import typer

from pmpath.cli.app import command_group
from pmpath.cli.output import echo, print_json

app = command_group()

JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of text.")
SCHEDULABLE = ("project-plan", "launch-plan")
TABLE_ROWS = 60
MAX_TRIALS = 1_000_000
HISTOGRAM_ROWS = 25
HISTOGRAM_BAR = 36
PERCENTILES = (("p50", 50), ("p85", 85), ("p95", 95))


# -- reading files ----------------------------------------------------------------------


def _load_mapping(path: Path) -> dict[str, Any]:
    """The parsed top-level mapping of an artifact file; a one-line error otherwise."""
    from pmpath.core.documents import DocumentProblem, load_document
    from pmpath.core.errors import UnreadableInputError

    try:
        return load_document(path).data
    except DocumentProblem as problem:
        place = f"{path}: " if problem.where == "file" else f"{path} {problem.where}: "
        raise UnreadableInputError(place + problem.message) from None


def _load_plan(path: Path) -> tuple[str, Any]:
    """(kind, validated model) of a project or launch plan."""
    from pydantic import ValidationError

    from pmpath.artifacts.base import path_of
    from pmpath.core.errors import UnreadableInputError, UsageError
    from pmpath.core.grading import load_spec

    data = _load_mapping(path)
    kind = data.get("kind")
    if kind not in SCHEDULABLE:
        what = f"a '{kind}' file" if isinstance(kind, str) else "a file without 'kind:'"
        raise UsageError(f"{path} is {what}; `pmpath schedule` schedules project-plan and "
                         "launch-plan files")
    spec = load_spec(kind)
    try:
        return kind, spec.model.model_validate(data)
    except ValidationError as error:
        problems = error.errors(include_url=False)
        first = problems[0]
        where = path_of(*first["loc"]) or "file"
        text = (f"'{first['loc'][-1]}' is missing" if first["type"] == "missing"
                else first["msg"])
        more = len(problems) - 1
        raise UnreadableInputError(
            f"{path}: {where}: {text}"
            + (f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""),
            hint=f"`pmpath check {path}` lists every problem with how to fix it.") from None


# -- schedule -----------------------------------------------------------------------------


@app.command("schedule")
def schedule(
    file: Path = typer.Argument(..., metavar="FILE", help="A project-plan or launch-plan file."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Schedule a project or launch plan: critical path, float and a Gantt chart.

    Durations are working days (Monday to Friday, minus the file's holidays); every task
    starts as soon as its dependencies allow. Project plans use the PERT expected time of
    each work item, rounded up to whole days. The figures are the ones `pmpath check`
    reports.
    """
    from pmpath.analysis.schedule import ScheduleError
    from pmpath.core.errors import UsageError
    from pmpath.core.grading import to_jsonable

    kind, plan = _load_plan(file)
    if kind == "project-plan":
        from pmpath.artifacts import project_plan as module
    else:
        from pmpath.artifacts import launch_plan as module
    try:
        if kind == "project-plan":
            computed = module.project_schedule(plan)
            metrics = module.schedule_metrics(computed)
        else:
            computed = module.launch_schedule(plan)
            metrics = module.schedule_metrics(plan, computed)
    except ScheduleError as error:
        raise UsageError(f"{file}: cannot schedule: {error}",
                         hint=f"`pmpath check {file}` shows every problem with how to fix "
                              "it.") from None
    if as_json:
        print_json({"version": 1, "kind": kind, **to_jsonable(metrics)})
        return
    if kind == "project-plan":
        _show_project(plan, metrics)
    else:
        _show_launch(plan, metrics)


def _task_table(title: str, rows: list[tuple[str, str, Any]]) -> Any:
    """id, name, start, finish, float, critical; rows are (id, name, task metrics)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1),
                  show_edge=False, pad_edge=False)
    table.add_column("id", no_wrap=True, max_width=10, overflow="ellipsis")
    table.add_column("name", no_wrap=True, max_width=26, overflow="ellipsis", ratio=1)
    table.add_column("start", no_wrap=True, min_width=10)
    table.add_column("finish", no_wrap=True, min_width=10)
    table.add_column("float", justify="right", no_wrap=True, min_width=5)
    table.add_column("critical", no_wrap=True, min_width=8)
    for task_id, name, task in rows[:TABLE_ROWS]:
        critical = task["total_float"] == 0
        table.add_row(task_id, name, str(task["start"]), str(task["finish"]),
                      str(task["total_float"]),
                      Text("yes", style="bold red") if critical else Text("no", style="dim"))
    return table


def _print_table(title: str, rows: list[tuple[str, str, Any]]) -> None:
    from rich.text import Text

    from pmpath.cli.output import console

    out = console()
    out.print(_task_table(title, rows))
    if len(rows) > TABLE_ROWS:
        hidden = len(rows) - TABLE_ROWS
        out.print(Text(f"… and {hidden:,} more task{'s' if hidden != 1 else ''} "
                       "(`--json` lists them all)", style="dim"))


def _show_project(plan: Any, metrics: dict[str, Any]) -> None:
    from pmpath.cli.output import console
    from pmpath.render.gantt import GanttRow, print_gantt
    from pmpath.render.project_plan import gantt_rows, print_summary

    out = console()
    tasks = metrics["tasks"]
    names = {item.id: item.name for item in plan.work}
    print_summary({**metrics, "deadline": plan.deadline,
                   "deadline_working_days": _deadline_days(plan)}, out)
    out.print()
    _print_table(f"{plan.name} · work items (float in working days)",
                 [(item_id, names[item_id], task) for item_id, task in tasks.items()])
    out.print()
    rows = gantt_rows(tasks, names=names)
    rows += [GanttRow(label=f"◆ {milestone.name}", start=milestone.date,
                      finish=milestone.date, milestone=True) for milestone in plan.milestones]
    rows.sort(key=lambda row: row.start)
    print_gantt(out, rows, marker=plan.deadline, marker_label="deadline")


def _deadline_days(plan: Any) -> int:
    from pmpath.analysis.calendar import WorkCalendar
    from pmpath.artifacts.project_plan import deadline_working_days

    return deadline_working_days(plan.start, plan.deadline, WorkCalendar(plan.holidays))


def _show_launch(plan: Any, metrics: dict[str, Any]) -> None:
    from pmpath.cli.output import console
    from pmpath.render.gantt import GanttRow, print_gantt
    from pmpath.render.launch_plan import print_load, print_summary
    from pmpath.render.project_plan import gantt_rows

    out = console()
    tasks = metrics["tasks"]
    names = {task.id: task.name for task in plan.tasks}
    print_summary({**metrics, "ga_date": plan.ga_date}, out)
    out.print()
    _print_table(f"{plan.product} · tasks (float in working days)",
                 [(task_id, names[task_id], task) for task_id, task in tasks.items()])
    out.print()
    rows = gantt_rows(tasks, metrics["milestones"], names=names)
    if plan.go_no_go is not None and plan.go_no_go.date is not None:
        rows.append(GanttRow(label="◆ go/no-go", start=plan.go_no_go.date,
                             finish=plan.go_no_go.date, milestone=True))
        rows.sort(key=lambda row: row.start)
    print_gantt(out, rows, marker=plan.ga_date, marker_label="GA")
    out.print()
    print_load(out, metrics["resource_load"])


# -- forecast -----------------------------------------------------------------------------


def _whole_numbers(values: list[Any], what: str) -> list[int]:
    """Whole, non-negative numbers (5 or 5.0), or a one-line UsageError naming the value.

    ``values`` holds the pieces of --throughput (text) or a file's list (numbers).
    """
    from pmpath.core.errors import UsageError

    numbers = []
    for index, raw in enumerate(values):
        value = raw
        if isinstance(raw, str) and what == "--throughput":
            label = f"{what} value '{raw}'"
            try:
                value = float(raw)
            except ValueError:
                value = None
        else:  # a value from a file, named by its place
            label = f"{what}[{index}] ({raw!r})"
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not math.isfinite(value):
            raise UsageError(f"{label} is not a number; give whole numbers of items finished "
                             "per period, e.g. 5,3,8")
        if value < 0:
            raise UsageError(f"{label} is negative; a period cannot finish fewer than 0 items")
        if value != int(value):
            raise UsageError(f"{label} is not a whole number; count whole items finished per "
                             "period")
        numbers.append(int(value))
    return numbers


def _parse_throughput(text: str) -> list[int]:
    from pmpath.core.errors import UsageError

    parts = [part for part in text.replace(";", ",").replace(" ", ",").split(",") if part]
    if not parts:
        raise UsageError("--throughput is empty: give the items finished in each past period, "
                         "e.g. --throughput 5,3,8,6")
    return _whole_numbers(parts, "--throughput")


def _sprint_inputs(path: Path) -> dict[str, Any]:
    """Throughput, items left and next-sprint dates from a sprint file (read raw)."""
    from datetime import date

    from pmpath.core.errors import UsageError

    data = _load_mapping(path)
    if data.get("kind") != "sprint":
        raise UsageError(f"{path} is not a sprint file (kind: sprint); `pmpath forecast` reads "
                         "velocity_history and the backlog from one")
    history = data.get("velocity_history")
    if not isinstance(history, list) or not history:
        raise UsageError(f"{path}: velocity_history is empty; list the points finished in each "
                         "past sprint, e.g. velocity_history: [21, 24, 23]")
    throughput = _whole_numbers(history, f"{path}: velocity_history")
    backlog = data.get("backlog") or []
    if not isinstance(backlog, list):
        raise UsageError(f"{path}: backlog must be a list of items")
    remaining = 0.0
    for index, item in enumerate(backlog):
        if not isinstance(item, dict) or str(item.get("status", "")).strip().lower() == "done":
            continue
        points = item.get("points")
        if points is None:
            continue
        if isinstance(points, bool) or not isinstance(points, int | float) or points < 0:
            raise UsageError(f"{path}: backlog[{index}].points is {points!r}, not a number of "
                             "points")
        remaining += points
    inputs: dict[str, Any] = {"throughput": throughput, "items": math.ceil(remaining)}
    start, length = data.get("start"), data.get("length_days")
    holidays = [day for day in data.get("holidays") or [] if isinstance(day, date)]
    if isinstance(start, date) and isinstance(length, int) and length > 0:
        from pmpath.analysis.calendar import WorkCalendar

        # The next sprint starts on the first working day after this one ends.
        inputs["start"] = WorkCalendar(holidays).date_at(length, start)
        inputs["period_days"] = length
        inputs["holidays"] = holidays
    return inputs


def period_end(calendar: Any, start: Any, periods: int, period_days: int) -> Any:
    """The last working day of period ``periods`` (1-based) starting on ``start``.

    Period k covers working days (k - 1) × period_days … k × period_days − 1 counted from
    ``start`` rolled forward (index 0), so work forecast to take k periods is done by
    the end of ``start`` + k × period_days − 1 working days. Zero periods: the start.
    """
    if periods <= 0:
        return calendar.roll_forward(start)
    return calendar.date_at(periods * period_days - 1, start)


@app.command("forecast")
def forecast(
    sprint_file: Path = typer.Argument(
        None, metavar="[SPRINT_FILE]",
        help="A sprint file: its velocity_history is the throughput and the points of backlog "
             "items not done are the items left; dates start the day after the sprint."),
    throughput: str = typer.Option(None, "--throughput", metavar="N,N,...",
                                   help="Items finished in each past period, e.g. 5,3,8,6."),
    items: int = typer.Option(None, "--items", metavar="N", help="Items left to finish."),
    trials: int = typer.Option(10_000, "--trials", metavar="N",
                               help="How many possible futures to simulate."),
    seed: int = typer.Option(None, "--seed", metavar="S",
                             help="Random seed: the same seed gives the same answer."),
    start: str = typer.Option(None, "--start", metavar="DATE",
                              help="First day of the first period (YYYY-MM-DD); adds dates."),
    period_days: int = typer.Option(None, "--period-days", metavar="N",
                                    help="Working days per period (default 10, or the "
                                         "sprint's length)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """When will it be done? A Monte Carlo forecast from past throughput.

    Each trial replays your own history: it draws past periods at random until their
    items cover what is left, and counts the periods. P85 is the number of periods 85% of
    the trials finished within. With a start date, period k ends on the last working day
    of the k-th block of --period-days working days (Monday to Friday).
    """
    from pmpath.analysis.forecast import monte_carlo_periods
    from pmpath.cli.output import parse_date
    from pmpath.core.errors import UsageError

    inputs: dict[str, Any] = _sprint_inputs(sprint_file) if sprint_file is not None else {}
    if throughput is not None:
        inputs["throughput"] = _parse_throughput(throughput)
    if items is not None:
        if items < 0:
            raise UsageError(f"--items is {items}; give the number of items left, 0 or more")
        inputs["items"] = items
    if "throughput" not in inputs or "items" not in inputs:
        raise UsageError("give --throughput and --items (e.g. --throughput 5,3,8 --items 40), "
                         "or a sprint file")
    if not 1 <= trials <= MAX_TRIALS:
        raise UsageError(f"--trials must be between 1 and {MAX_TRIALS:,}, not {trials}")
    if start is not None:
        inputs["start"] = parse_date(start, "--start")
    if period_days is not None:
        if period_days < 1:
            raise UsageError(f"--period-days must be 1 or more working days, not {period_days}")
        inputs["period_days"] = period_days
    days = inputs.get("period_days", 10)

    try:
        result = monte_carlo_periods(inputs["throughput"], inputs["items"], trials, seed)
    except ValueError as error:
        raise UsageError(f"cannot forecast: {error}") from None

    periods = {name: getattr(result, name) for name, _ in PERCENTILES}
    dates: dict[str, Any] = {}
    if "start" in inputs:
        from pmpath.analysis.calendar import WorkCalendar

        calendar = WorkCalendar(inputs.get("holidays", ()))
        dates = {name: period_end(calendar, inputs["start"], value, days)
                 for name, value in periods.items()}
    if as_json:
        document: dict[str, Any] = {
            "version": 1, "periods": periods, "trials": result.trials,
            "items": inputs["items"], "throughput": inputs["throughput"],
            "histogram": {str(key): count for key, count in result.histogram.items()}}
        if dates:
            document["dates"] = {name: day.isoformat() for name, day in dates.items()}
            document["start"] = inputs["start"].isoformat()
            document["period_days"] = days
        print_json(document)
        return
    _show_forecast(inputs, result, periods, dates, days, seed)


def histogram_rows(histogram: dict[int, int], max_rows: int = HISTOGRAM_ROWS) -> \
        list[tuple[int, int, int]]:
    """(first periods, last periods, trials) per bar; values grouped so at most max_rows."""
    if not histogram:
        return []
    low, high = min(histogram), max(histogram)
    width = max(1, math.ceil((high - low + 1) / max_rows))
    rows: list[tuple[int, int, int]] = []
    for first in range(low, high + 1, width):
        last = min(first + width - 1, high)
        rows.append((first, last, sum(histogram.get(value, 0)
                                      for value in range(first, last + 1))))
    return rows


def _show_forecast(inputs: dict[str, Any], result: Any, periods: dict[str, int],
                   dates: dict[str, Any], days: int, seed: int | None) -> None:
    from pmpath.cli.output import styled

    history = inputs["throughput"]
    shown = ", ".join(str(value) for value in history[:12]) + (" …" if len(history) > 12 else "")
    echo(styled(f"Forecast: {inputs['items']:,} items left at a past throughput of {shown} "
                "per period", "title"))
    echo(styled(f"{result.trials:,} trials" + (f", seed {seed}" if seed is not None else "")
                + (f"; periods of {days} working days from {inputs['start']}" if dates else ""),
                "muted"))
    echo()
    for name, percent in PERCENTILES:
        value = periods[name]
        line = f"  {percent}% of trials finish within {value:>4} period" \
               f"{'s' if value != 1 else ' '}"
        if dates:
            line += f"   by {dates[name]}"
        echo(line)
    echo()
    rows = histogram_rows(result.histogram)
    if not rows:
        return
    largest = max(count for _, _, count in rows) or 1
    label_width = max(len(_range(first, last)) for first, last, _ in rows)
    echo(styled(f"{'periods':>{label_width}}  trials", "muted"))
    for first, last, count in rows:
        bar = "█" * max(1 if count else 0, round(HISTOGRAM_BAR * count / largest))
        marks = [name.upper() for name, _ in PERCENTILES if first <= periods[name] <= last]
        share = count / result.trials
        echo(f"{_range(first, last):>{label_width}}  {bar:<{HISTOGRAM_BAR}} {share:6.1%}"
             + (f"  ◀ {' '.join(marks)}" if marks else ""))


def _range(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"
