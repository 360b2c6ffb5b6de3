"""Following the path: next, path, skill, tick, untick, skip, hint."""


from typing import Any

import typer

from pmpath.cli import session
from pmpath.cli.app import command_group
from pmpath.cli.output import JSON_OPTION, bar, echo, print_json, styled, success, today, warning

app = command_group()



def _progress():
    from pmpath.core.progress import path_progress

    ws = session.workspace()
    curriculum = ws.curriculum()
    state = session.state(ws)
    return ws, curriculum, state, path_progress(ws.root, curriculum, state)


@app.command("next")
def next_(as_json: bool = JSON_OPTION) -> None:
    """The skill you are on and the one thing to do now, with why."""
    from pmpath.core.progress import current_skill, next_action, time_plan

    ws, curriculum, _state, progress = _progress()
    current = current_skill(progress)
    plan = time_plan(ws.start_date, today(), curriculum, progress, ws.hours_per_week)
    time_info = {"weeks_elapsed": round(plan.weeks_elapsed, 1),
                 "planned_weeks_through_skill": plan.planned_weeks_by_now,
                 "planned_weeks_total": plan.total_weeks, "verdict": plan.verdict,
                 "hours_per_week": ws.hours_per_week}
    if current is None:
        if as_json:
            print_json({"version": 1, "complete": True, "skill": None, "action": None,
                        "time": time_info})
            return
        echo(styled(f"You have finished the {curriculum.title} path.", "success"))
        echo()
        echo(curriculum.final)
        echo()
        echo("Keep going: `pmpath career` for breaking in, `pmpath certs` on certifications.")
        return
    action = next_action(current)
    skill = current.skill
    if as_json:
        print_json({
            "version": 1, "complete": False,
            "skill": {"id": skill.id, "number": skill.number, "title": skill.title,
                      "status": current.status, "done_steps": current.done_steps,
                      "total_steps": current.total_steps},
            "action": {"command": action.command, "text": action.text, "why": action.why},
            "time": time_info,
        })
        return
    total = len(curriculum.skills)
    echo(styled(f"Skill {skill.number} of {total} · {skill.title}", "title")
         + styled(f"  ({current.status}, {current.done_steps}/{current.total_steps} steps)",
                  "muted"))
    echo()
    echo(f"{styled('Next:', 'key')} {action.text}")
    echo(f"{styled('Why: ', 'key')} {action.why}")
    start_week = plan.planned_weeks_before + 1
    planned = (f"this skill is planned for weeks {start_week:.0f}–"
               f"{plan.planned_weeks_by_now:.0f} of {plan.total_weeks:.0f} at "
               f"{ws.hours_per_week:g} h/week")
    if ws.start_date > today():
        echo(f"{styled('Time:', 'key')} {plan.verdict} ({ws.start_date.isoformat()}); {planned}")
    else:
        echo(f"{styled('Time:', 'key')} week {int(plan.weeks_elapsed) + 1} of your path; "
             f"{planned} ({plan.verdict})")


@app.command("path")
def path_(as_json: bool = JSON_OPTION) -> None:
    """All skills with their status, progress and weeks planned vs. elapsed."""
    from pmpath.core.progress import time_plan
    from pmpath.core.quiz import skill_quiz_score

    ws, curriculum, state, progress = _progress()
    plan = time_plan(ws.start_date, today(), curriculum, progress, ws.hours_per_week)
    quizzes = [skill_quiz_score(item.skill, state.quizzes) for item in progress]
    if as_json:
        print_json({"version": 1, "title": curriculum.title,
                    "weeks_elapsed": round(plan.weeks_elapsed, 1),
                    "planned_weeks_total": plan.total_weeks, "verdict": plan.verdict,
                    "skills": [{**_skill_summary(item), "quiz": quiz.as_json()}
                               for item, quiz in zip(progress, quizzes, strict=True)]})
        return
    from rich.table import Table

    from pmpath.cli.output import console

    table = Table(title=f"{curriculum.title} · {curriculum.min_months:g}–"
                        f"{curriculum.max_months:g} months", title_justify="left",
                  show_edge=False)
    table.add_column("#", justify="right")
    table.add_column("Skill")
    table.add_column("Status")
    table.add_column("Progress")
    show_quiz = any(quiz.questions for quiz in quizzes)
    if show_quiz:
        table.add_column("Quiz")
    table.add_column("Weeks", justify="right")
    cumulative = 0.0
    styles = {"passed": "pass", "skipped": "muted", "in progress": "warn", "not started": ""}
    for item, quiz in zip(progress, quizzes, strict=True):
        start = cumulative + 1
        cumulative += item.skill.weeks * plan.pace
        table.add_row(
            str(item.skill.number), item.skill.title,
            f"[{styles[item.status]}]{item.status}[/]" if styles[item.status] else item.status,
            f"{bar(item.fraction)} {item.done_steps}/{item.total_steps}",
            *([_quiz_cell(quiz)] if show_quiz else []),
            f"{start:.0f}–{cumulative:.0f}",
        )
    out = console()
    out.print(table)
    hours = f" at {ws.hours_per_week:g} h/week" if ws.hours_per_week else ""
    if ws.start_date > today():
        out.print(f"Starting {ws.start_date.isoformat()} · {plan.total_weeks:.0f} weeks planned"
                  f"{hours} · {plan.verdict}")
    else:
        out.print(f"Week {int(plan.weeks_elapsed) + 1} since {ws.start_date.isoformat()} · "
                  f"{plan.total_weeks:.0f} weeks planned{hours} · {plan.verdict}")
    if show_quiz:
        out.print("[muted]Quiz: right answers out of the skill's questions; `pmpath quiz N` asks "
                  "them.[/]")


def _quiz_cell(quiz: Any) -> str:
    """A quiz score, ``7/10`` right of the skill's questions; ``–`` before its quiz, blank
    when it has none. Short, so that the table still fits 80 columns."""
    if not quiz.questions:
        return ""
    if not quiz.answered:
        return "[muted]–[/]"
    style = "pass" if quiz.right == quiz.questions else "warn"
    return f"[{style}]{quiz.right}/{quiz.questions}[/]"


def _skill_summary(item: Any) -> dict[str, Any]:
    return {"id": item.skill.id, "number": item.skill.number, "title": item.skill.title,
            "status": item.status, "weeks": item.skill.weeks,
            "concepts_ticked": len(item.ticked), "concepts_total": len(item.skill.concepts),
            "exercises_passed": sum(1 for e in item.exercises if e.status == "passed"),
            "exercises_total": len(item.exercises), "progress": round(item.fraction, 3),
            "skip_reason": item.skip_reason}


@app.command("skill")
def skill_(
    ref: str = typer.Argument(..., metavar="ID|N", help="Skill id or number, e.g. 3."),
    as_json: bool = JSON_OPTION,
) -> None:
    """One skill in full: concepts with explanations, exercises, time."""
    from pmpath.core.progress import exercise_progress
    from pmpath.core.state import State

    ws = session.optional_workspace()
    curriculum = session.curriculum(ws)
    skill = curriculum.skill(ref)
    state = session.state(ws) if ws else State()
    exercises = [exercise_progress(ws.root, ex, state) if ws else None for ex in skill.exercises]
    if as_json:
        print_json({
            "version": 1, "id": skill.id, "number": skill.number, "title": skill.title,
            "summary": skill.summary, "weeks": skill.weeks, "folder": skill.folder,
            "skipped": skill.id in state.skipped,
            "concepts": [{"id": c.id, "title": c.title, "explanation": c.explanation,
                          "practice": c.practice, "ticked": c.id in state.ticked,
                          "questions": [q.public_json() for q in c.questions],
                          "quiz": (state.quizzes[c.id]._asdict() if c.id in state.quizzes
                                   else None)}
                         for c in skill.concepts],
            "exercises": [
                ({**progress.as_json(), "hints": len(ex.hints)} if progress else
                 {"id": ex.id, "title": ex.title, "artifact": ex.artifact, "params": ex.params,
                  "status": "not started", "hints": len(ex.hints)})
                for ex, progress in zip(skill.exercises, exercises, strict=True)],
        })
        return
    from rich.padding import Padding
    from rich.text import Text

    from pmpath.cli.output import console

    out = console()
    out.print(Text(f"Skill {skill.number} · {skill.title}", style="title"),
              Text(f"  ({skill.weeks:g} weeks planned)", style="muted"))
    out.print(skill.summary)
    out.print()
    out.print(Text("Concepts", style="title"))
    for concept in skill.concepts:
        mark = "[x]" if concept.id in state.ticked else "[ ]"
        out.print(Text(f"{mark} {concept.title}", style="bold"),
                  Text(f"  ({concept.id})", style="muted"))
        out.print(Padding(concept.explanation, (0, 0, 0, 4), expand=False))
        quiz = state.quizzes.get(concept.id)
        out.print(Padding(Text("Practice: ", style="bold") + Text(concept.practice),
                          (0, 0, 0 if quiz else 1, 4), expand=False))
        if quiz:
            partial = f", {quiz.answered} answered" if quiz.answered < quiz.questions else ""
            out.print(Padding(Text(f"Quiz: {quiz.right}/{quiz.questions} right{partial} on "
                                   f"{quiz.on.isoformat()}", style="muted"),
                              (0, 0, 1, 4), expand=False))
    questions = sum(len(concept.questions) for concept in skill.concepts)
    if questions:
        out.print(Text("Check yourself: ", style="bold")
                  + Text(f"`pmpath quiz {skill.number}` asks {questions} questions on these "
                         "concepts.\n"))
    if skill.exercises:
        out.print(Text("Exercises", style="title"))
    for exercise, progress in zip(skill.exercises, exercises, strict=True):
        status = progress.status if progress else "not started"
        params = ", ".join(f"{k} = {v}" for k, v in exercise.params.items())
        out.print(Text(f"• {exercise.title}", style="bold"),
                  Text(f"  ({exercise.id}, {exercise.artifact}"
                       + (f"; {params}" if params else "") + f") — {status}", style="muted"))
        where = progress.path if progress else f"{skill.folder}/…"
        out.print(Padding(f"Your file: {where} · hints: `pmpath hint {exercise.id}`",
                          (0, 0, 0, 4), expand=False))
    if ws is None:
        out.print(Text("\nTick concepts and grade exercises inside a workspace "
                       "(`pmpath init my-pm-path`).", style="muted"))


def _tick(concept_id: str, ticked: bool) -> None:
    from pmpath.core.state import update_state

    ws = session.workspace()
    curriculum = ws.curriculum()
    skill, concept = curriculum.concept(concept_id)
    with update_state(ws.state_path, ws.lock_path) as state:
        if ticked:
            already = concept.id in state.ticked
            state.ticked.setdefault(concept.id, today())
        else:
            already = concept.id not in state.ticked
            state.ticked.pop(concept.id, None)
        done = sum(1 for c in skill.concepts if c.id in state.ticked)
    verb = "ticked" if ticked else "unticked"
    note = f" (it was already {verb})" if already else ""
    success(f"{verb.capitalize()} '{concept.title}'{note} · {done} of {len(skill.concepts)} "
            f"concepts of {skill.title}")
    if ticked and done == len(skill.concepts) and not already:
        echo("All concepts of this skill are ticked. `pmpath next` shows what comes next.")


@app.command("tick")
def tick(concept: str = typer.Argument(..., help="Concept id, as shown by `pmpath skill N`.")
         ) -> None:
    """Mark a concept as learned (your own self-assessment)."""
    _tick(concept, True)


@app.command("untick")
def untick(concept: str = typer.Argument(..., help="Concept id to mark as not learned yet.")
           ) -> None:
    """Take a tick back."""
    _tick(concept, False)


@app.command("skip")
def skip(
    skill_ref: str = typer.Argument(..., metavar="SKILL", help="Skill id or number."),
    reason: str = typer.Option(None, "--reason", "-r",
                               help="Why you skip it (kept with your progress)."),
    undo: bool = typer.Option(False, "--undo", help="Take the skip back."),
) -> None:
    """Skip a skill you already know; skipped is kept apart from passed."""
    from pmpath.core.errors import UsageError
    from pmpath.core.state import SkipRecord, update_state

    ws = session.workspace()
    skill = ws.curriculum().skill(skill_ref)
    if not undo and not (reason and reason.strip()):
        raise UsageError("say why you skip it, e.g. --reason \"I ran sprints for two years\"")
    with update_state(ws.state_path, ws.lock_path) as state:
        if undo:
            removed = state.skipped.pop(skill.id, None)
        else:
            state.skipped[skill.id] = SkipRecord(reason=reason.strip(), on=today())
    if undo:
        if removed is None:
            warning(f"Skill {skill.number} · {skill.title} was not skipped")
        else:
            success(f"Skill {skill.number} · {skill.title} is back on your path")
        return
    success(f"Skipped skill {skill.number} · {skill.title} ({reason.strip()})")
    echo("It shows as skipped, not passed, in `pmpath path`; `pmpath skip "
         f"{skill.id} --undo` takes it back.")


@app.command("hint")
def hint(
    exercise_id: str = typer.Argument(
        None, metavar="[EXERCISE]",
        help="Exercise id or artifact kind, e.g. risk-register (default: the one you are on)."),
    level: int = typer.Option(None, "--level", "-l", min=1,
                              help="Hint tier: 1 a nudge, 2 a method, 3 nearly the answer."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Tiered hints for an exercise; each call without --level goes one tier deeper."""
    from pmpath.core.errors import UsageError
    from pmpath.core.progress import current_skill, path_progress
    from pmpath.core.state import HintRecord, update_state

    ws = session.workspace()
    curriculum = ws.curriculum()
    if exercise_id:
        exercise = curriculum.exercise(exercise_id)
    else:
        state = session.state(ws)
        current = current_skill(path_progress(ws.root, curriculum, state))
        pending = [e.exercise for e in (current.exercises if current else [])
                   if e.status != "passed"]
        if not pending:
            raise UsageError("no exercise is waiting in your current skill; name one, "
                             "e.g. `pmpath hint living-risk-register`")
        exercise = pending[0]
    if not exercise.hints:
        raise UsageError(f"the exercise '{exercise.id}' has no hints")
    tiers = len(exercise.hints)
    with update_state(ws.state_path, ws.lock_path) as state:
        used = state.hints.get(exercise.id)
        chosen = level if level is not None else min((used.level + 1) if used else 1, tiers)
        if chosen > tiers:
            raise UsageError(f"'{exercise.id}' has {tiers} hint tiers; use --level 1 to {tiers}")
        state.hints[exercise.id] = HintRecord(level=max(chosen, used.level if used else 0),
                                              uses=(used.uses if used else 0) + 1)
    text = exercise.hints[chosen - 1]
    if as_json:
        print_json({"version": 1, "exercise": exercise.id, "level": chosen, "levels": tiers,
                    "hint": text})
        return
    echo(styled(f"Hint {chosen} of {tiers} · {exercise.title}", "title"))
    echo(text)
    if chosen < tiers:
        echo(styled(f"Still stuck? `pmpath hint {exercise.id}` gives hint {chosen + 1}.",
                    "muted"))
