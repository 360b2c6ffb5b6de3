"""Fresh templates are made for this learner: dated from today, sized by the exercise,
and failing `check` only on the placeholders the learner must replace."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from pmpath.core.templating import fill
from pmpath.kinds import KINDS

BUILT = list(KINDS)
# Days spread over two years, so every weekday, month end and the US holidays come up.
DAYS = [date(2026, 12, 2) + timedelta(days=37 * step) for step in range(20)]


def _fresh(kind: str, today: date, curriculum, tmp_path: Path, params=None):
    from pmpath.core.grading import grade_file
    from pmpath.core.scaffold import template_text

    exercises = curriculum.exercises_for_kind(kind)
    chosen = dict(exercises[0].params) if exercises else {}
    chosen.update(params or {})
    text = template_text(kind, today, chosen)
    path = tmp_path / KINDS[kind].filename
    path.write_text(text, encoding="utf-8")
    folder = exercises[0].folder if exercises else None
    return text, grade_file(path, as_of=today, curriculum=curriculum, folder=folder)


@pytest.mark.parametrize("kind", BUILT)
def test_a_fresh_template_fails_only_on_placeholders_whatever_the_day(
        kind: str, curriculum, tmp_path: Path) -> None:
    for today in DAYS:
        text, result = _fresh(kind, today, curriculum, tmp_path)
        assert "${" not in text and "#@" not in text
        rules = {finding.rule for finding in result.findings}
        assert rules == {"common.placeholder"}, (today, sorted(rules))


@pytest.mark.parametrize("kind", BUILT)
def test_template_dates_sit_around_today(kind: str, curriculum, tmp_path: Path) -> None:
    today = date(2027, 8, 11)
    text, _result = _fresh(kind, today, curriculum, tmp_path)
    for match in re.finditer(r"\b(20\d\d)-(\d\d)-(\d\d)\b", text):
        day = date(*map(int, match.groups()))
        assert abs((day - today).days) <= 366, (kind, day)


def test_team_size_and_sprint_length_come_from_the_exercise(curriculum, tmp_path: Path) -> None:
    text, _ = _fresh("capacity-plan", date(2027, 3, 3), curriculum, tmp_path,
                     params={"team_size": 5})
    assert text.count("  - name: <full name>") == 5
    text, _ = _fresh("sprint", date(2027, 3, 3), curriculum, tmp_path)
    assert text.count("remaining_points: ") - text.count("#   remaining_points") == 10
    text, _ = _fresh("risk-register", date(2027, 3, 3), curriculum, tmp_path,
                     params={"min_risks": 11})
    assert len(re.findall(r"^  - id: R-\d{3}", text, re.MULTILINE)) == 11


def test_a_sprint_starts_on_the_next_monday(curriculum, tmp_path: Path) -> None:
    text, _ = _fresh("sprint", date(2027, 3, 3), curriculum, tmp_path)  # a Wednesday
    assert "\nstart: 2027-03-08\n" in text
    text, _ = _fresh("sprint", date(2027, 3, 8), curriculum, tmp_path)  # a Monday
    assert "\nstart: 2027-03-08\n" in text


def test_fill_substitutes_and_repeats() -> None:
    template = "a: ${x}\nitems:\n#@repeat rows\n  - {n: ${n}, day: ${day}}\n#@end\nb: <keep>\n"
    out = fill(template, {"x": 3, "rows": [{"day": date(2027, 1, 4)}, {"day": "later"}]})
    assert out == ("a: 3\nitems:\n  - {n: 1, day: 2027-01-04}\n  - {n: 2, day: later}\n"
                   "b: <keep>\n")
    with pytest.raises(ValueError, match="#@end"):
        fill("#@repeat rows\n- x\n", {"rows": []})
