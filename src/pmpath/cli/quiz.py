"""Knowledge checks: quiz."""


import contextlib
import sys
from typing import TYPE_CHECKING, Any

import typer

from pmpath.cli.app import command_group
from pmpath.cli.output import echo, message, print_json, styled, today, warning

if TYPE_CHECKING:
    from pmpath.api import Quiz
    from pmpath.core.curriculum import Question
    from pmpath.core.quiz import GradedAnswer

app = command_group()

MAX_WIDTH = 100


class InputEnded(Exception):
    """Standard input closed before every question was answered."""


@app.command("quiz")
def quiz(
    skill_ref: str = typer.Argument(None, metavar="[SKILL]",
                                    help="Skill id or number (default: the one you are on)."),
    concept: str = typer.Option(None, "--concept", metavar="ID",
                                help="Only the questions of this concept."),
    as_json: bool = typer.Option(False, "--json",
                                 help="Print the questions as JSON, without their answers, "
                                      "and ask nothing."),
) -> None:
    """Knowledge checks for a skill's concepts; your answers are recorded.

    Each question shows numbered choices: type a number and press Enter. You
    see at once whether it was right and why, and at the end your score per
    concept. Ctrl-C stops and keeps the answers given so far. Answers can also
    be piped in, one number a line.
    """
    from pmpath import api
    from pmpath.cli.app import GlobalOptions

    chosen = api.quiz_questions(skill=skill_ref, concept=concept,
                                workspace=GlobalOptions.workspace)
    if as_json:
        print_json(chosen.to_json())
        return
    skill = chosen.skill
    if not chosen.questions:
        subject = (f"The concept '{chosen.concepts[0].title}'" if concept else
                   f"Skill {skill.number} · {skill.title}")
        warning(f"{subject} has no knowledge checks.")
        return
    _run(chosen)


def _run(chosen: "Quiz") -> None:
    from pmpath import api
    from pmpath.cli.app import GlobalOptions

    skill = chosen.skill
    asked = [c for c in chosen.concepts if c.questions]
    total = chosen.questions
    echo(styled(f"Knowledge check · Skill {skill.number} · {skill.title}", "title"))
    echo(_wrap(f"{total} question{'s' if total != 1 else ''} on {len(asked)} "
               f"concept{'s' if len(asked) != 1 else ''}. Type the number of a choice and "
               "press Enter; Ctrl-C stops and keeps your answers so far."))
    answers: dict[str, list[int]] = {}
    number = 0
    try:
        for concept in asked:
            for index, question in enumerate(concept.questions, start=1):
                number += 1
                echo()
                echo(styled(f"[{number}/{total}] {concept.title}", "key")
                     + styled(f"  (question {index} of {len(concept.questions)})", "muted"))
                graded = api.grade_answer(question, _ask(question))
                answers.setdefault(concept.id, []).append(graded.chosen)
                _show_verdict(graded)
    except KeyboardInterrupt:
        echo()
        _record_partial(chosen, answers)
        # Said here: typer turns a KeyboardInterrupt inside a command into a silent exit 130.
        message("interrupted")
        raise typer.Exit(130) from None
    except InputEnded:
        echo()
        _record_partial(chosen, answers)
        from pmpath.core.errors import UsageError

        given = sum(len(numbers) for numbers in answers.values())
        raise UsageError(f"the input ended after {given} of {total} answers",
                         hint="pipe one choice number a line for every question") from None
    summary = api.record_quiz(answers, skill=skill.id, workspace=GlobalOptions.workspace,
                              on=today()) if chosen.workspace else _unrecorded(chosen, answers)
    _show_summary(chosen, summary)


def _ask(question: "Question") -> int:
    """Show the question and read a choice number, asking again until it is one."""
    from pmpath.core.quiz import parse_answer

    for line in _wrap(question.prompt).splitlines():
        echo(line)
    count = len(question.choices)
    for number, choice in enumerate(question.choices, start=1):
        echo(_wrap(choice.text, indent=f"  {number}. ", subsequent="     "))
    if sys.stdin.isatty():
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401 - arrow keys edit the answer instead of typing codes
    while True:
        try:
            typed = input(f"Your answer (1-{count}): ")
        except EOFError:
            raise InputEnded from None
        if not sys.stdin.isatty():
            echo(typed)  # piped answers are not echoed by a terminal; show them in the record
        try:
            return parse_answer(typed, count)
        except ValueError as problem:
            warning(str(problem))


def _show_verdict(graded: "GradedAnswer") -> None:
    if graded.correct:
        echo(_lead("✓ Right.", "success", graded.chosen_choice.why))
        return
    echo(_lead("✗ Not quite.", "error", graded.chosen_choice.why))
    right = graded.right_choice
    echo(_lead("The right answer is", "key",
               f"{graded.right_number}. {right.text} — {right.why}"))


def _record_partial(chosen: "Quiz", answers: dict[str, list[int]]) -> None:
    if not answers:
        return
    given = sum(len(numbers) for numbers in answers.values())
    if chosen.workspace is None:
        message(f"{given} answer{'s' if given != 1 else ''} not recorded: you are not in a "
                "workspace")
        return
    from pmpath import api
    from pmpath.cli.app import GlobalOptions

    summary = api.record_quiz(answers, skill=chosen.skill.id, workspace=GlobalOptions.workspace,
                              on=today())
    message(f"Recorded your {given} answer{'s' if given != 1 else ''} so far "
            f"({summary.right} right).")


def _unrecorded(chosen: "Quiz", answers: dict[str, list[int]]) -> Any:
    from pmpath.core.quiz import QuizSummary, grade_quiz

    return QuizSummary(skill=chosen.skill, results=grade_quiz(chosen.skill, answers),
                       recorded=False)


def _show_summary(chosen: "Quiz", summary: Any) -> None:
    from pmpath.core.quiz import next_step

    skill = chosen.skill
    echo()
    echo(styled(f"Results · Skill {skill.number} · {skill.title}", "title"))
    width = len(str(max(result.questions for result in summary.results)))
    for result in summary.results:
        score = f"{result.right:>{width}}/{result.questions:<{width}}"
        style = "success" if result.right == result.questions else "warning"
        echo(f"  {styled(score, style)}  {result.concept.title}"
             + styled(f"  ({result.concept.id})", "muted"))
    echo(styled(f"{summary.right}/{summary.answered} right overall ({summary.percent}%)", "key"))
    if summary.recorded:
        echo(styled("Recorded in your progress; `pmpath path` shows it next to your ticks.",
                    "muted"))
    else:
        echo(styled("Not recorded: you are not in a workspace.", "muted"))
    step = next_step(summary, chosen.ticked, in_workspace=summary.recorded)
    echo(_lead("Next:", "key", step.text))


def _wrap(text: str, indent: str = "", subsequent: str | None = None) -> str:
    """Fill ``text`` to the terminal's width (at most 100 columns) so words are not cut."""
    import shutil
    import textwrap

    width = min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH)
    return textwrap.fill(" ".join(text.split()), width=max(width - 1, 40),
                         initial_indent=indent,
                         subsequent_indent=indent if subsequent is None else subsequent)


def _lead(lead: str, style: str, text: str) -> str:
    """``lead`` in its style, then ``text``, filled as one paragraph."""
    wrapped = _wrap(f"{lead} {text}")
    return styled(lead, style) + wrapped[len(lead):]
