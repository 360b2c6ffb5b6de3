"""Planning: schedule (critical path, float, Gantt) and forecast (Monte Carlo)."""


from pathlib import Path
from typing import Any

import typer

from pmpath.cli.app import command_group
from pmpath.cli.output import JSON_OPTION, echo, print_json

app = command_group()

HISTOGRAM_BAR = 36


# -- schedule -----------------------------------------------------------------------------


@app.command("schedule")
def schedule(
    file: Path = typer.Argument(..., metavar="FILE", help="A project-plan or launch-plan file."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Schedule a project or launch plan: critical path, float and a Gantt chart.

    Durations are working days (Monday to Friday, minus the file's holidays and its
    country's public holidays); every task starts as soon as its dependencies allow.
    Project plans keep each work item's PERT expected time unrounded; only the calendar
    is whole days. The figures are the ones `pmpath check` reports.
    """
    from pmpath import api
    from pmpath.cli.output import console

    scheduled = api.schedule(file)
    if as_json:
        print_json(scheduled.to_json())
        return
    api.draw_schedule(scheduled, console())


# -- forecast -----------------------------------------------------------------------------


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
    from pmpath import api
    from pmpath.cli.output import parse_date

    report = api.forecast(throughput, items, sprint_file=sprint_file, trials=trials, seed=seed,
                          start=parse_date(start, "--start") if start is not None else None,
                          period_days=period_days)
    if as_json:
        print_json(report.to_json())
        return
    _show_forecast(report)


def _show_forecast(report: Any) -> None:
    from pmpath.api import PERCENTILES
    from pmpath.cli.output import styled

    history = report.throughput
    periods, dates, days, seed = report.periods, report.dates, report.period_days, report.seed
    shown = ", ".join(str(value) for value in history[:12]) + (" …" if len(history) > 12 else "")
    echo(styled(f"Forecast: {report.items:,} items left at a past throughput of {shown} "
                "per period", "title"))
    echo(styled(f"{report.trials:,} trials" + (f", seed {seed}" if seed is not None else "")
                + (f"; periods of {days} working days from {report.start}" if dates else ""),
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
    from pmpath.api import histogram_rows

    rows = histogram_rows(report.histogram)
    if not rows:
        return
    largest = max(count for _, _, count in rows) or 1
    label_width = max(len(_range(first, last)) for first, last, _ in rows)
    echo(styled(f"{'periods':>{label_width}}  trials", "muted"))
    for first, last, count in rows:
        bar = "█" * max(1 if count else 0, round(HISTOGRAM_BAR * count / largest))
        marks = [name.upper() for name, _ in PERCENTILES if first <= periods[name] <= last]
        share = count / report.trials
        echo(f"{_range(first, last):>{label_width}}  {bar:<{HISTOGRAM_BAR}} {share:6.1%}"
             + (f"  ◀ {' '.join(marks)}" if marks else ""))


def _range(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"
