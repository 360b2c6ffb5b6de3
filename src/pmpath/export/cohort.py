"""The cohort view as a self-contained HTML table (``pmpath cohort --html``).

One row per learner: name, the skill reached, weeks against the plan, exercises passed,
and the score of each exercise graded now. A score that is not passing yet is marked
with a word as well as a colour, so the table prints in black and white.
"""

from __future__ import annotations

from typing import Any

COHORT_STYLE = """
body { max-width: none; }
td.score { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.score.fail { color: #a3241b; }
td.problem { color: #a3241b; }
th.exercise { text-align: right; font-size: 12px; }
.legend li { font-size: 13px; }
"""


def column_names(exercises: list[tuple[str, str]], skill_of: dict[str, int | None]
                 ) -> list[str]:
    """Short column headers: the skill's number, with a letter when a skill has several
    exercises (1a, 1b, 2 …); exercises outside the skills are C1, C2 …"""
    names = []
    seen: dict[int | None, int] = {}
    for exercise, _ in exercises:
        number = skill_of.get(exercise)
        seen[number] = seen.get(number, 0) + 1
        names.append(f"C{seen[number]}" if number is None else str(number))
    letters: dict[int | None, int] = {}
    for index, (exercise, _) in enumerate(exercises):
        number = skill_of.get(exercise)
        if number is not None and seen[number] > 1:
            letters[number] = letters.get(number, 0) + 1
            names[index] = f"{number}{'abcdefghij'[letters[number] - 1]}"
    return names


def score_text(row: Any, exercise: str) -> tuple[str, bool]:
    """('100', True), ('72 not yet', False), ('—', True) for no artifact."""
    score = row.scores.get(exercise)
    if score is None:
        return "—", True
    if row.passing.get(exercise, False):
        return str(score), True
    return f"{score} not yet", False


def skill_text(row: Any) -> str:
    if row.complete:
        return "path complete"
    if row.skill_number is None:
        return "—"
    return f"{row.skill_number} · {row.skill_title}"


def weeks_text(row: Any) -> str:
    if row.weeks_elapsed is None:
        return "—"
    return (f"week {int(row.weeks_elapsed) + 1} (plan: {row.planned_weeks:g} by this skill), "
            f"{row.verdict}")


def html(cohort: Any, skill_of: dict[str, int | None] | None = None) -> str:
    from pmpath.export.html import esc, page

    names = column_names(cohort.exercises, skill_of or {})
    head = ("<tr><th>Learner</th><th>Skill reached</th><th>Weeks against plan</th>"
            '<th class="number">Passed</th>'
            + "".join(f'<th class="exercise" title="{esc(title)}">{esc(name)}</th>'
                      for name, (_, title) in zip(names, cohort.exercises, strict=True))
            + "</tr>")
    rows = []
    for row in cohort.learners:
        who = esc(row.name or row.folder)
        where = f'<br><span class="muted">{esc(row.folder)}</span>'
        if row.problem is not None:
            rows.append(f"<tr><td>{who}{where}</td>"
                        f'<td class="problem" colspan="{3 + len(names)}">Cannot be graded: '
                        f"{esc(row.problem)}</td></tr>")
            continue
        cells = []
        for exercise, _ in cohort.exercises:
            text, passing = score_text(row, exercise)
            cells.append(f'<td class="score{"" if passing else " fail"}">{esc(text)}</td>')
        rows.append(f"<tr><td>{who}{where}</td><td>{esc(skill_text(row))}</td>"
                    f"<td>{esc(weeks_text(row))}</td>"
                    f'<td class="number">{row.passed}/{row.total}</td>{"".join(cells)}</tr>')
    legend = "".join(f"<li><strong>{esc(name)}</strong>: {esc(title)}</li>"
                     for name, (_, title) in zip(names, cohort.exercises, strict=True))
    body = (f"<header><h1>Cohort</h1><p class=\"meta\">{len(cohort.learners)} learner"
            f"{'s' if len(cohort.learners) != 1 else ''}, graded as of "
            f"{esc(cohort.as_of.isoformat())}. Scores are out of 100; “not yet” marks work "
            "that does not pass yet, — an exercise without an artifact.</p></header>"
            f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
            f'<h2>Exercises</h2><ul class="legend">{legend}</ul>')
    return page("Cohort", body, COHORT_STYLE)
