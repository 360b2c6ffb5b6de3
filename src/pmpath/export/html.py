"""The whole workspace as one self-contained HTML report (``pmpath export html``).

One file a learner can open in any browser, print, or send: their name, where they
stand on the path (each skill's status and progress, weeks against the plan), then every
artifact with its grade, its findings and its picture. The pictures are inline SVG drawn
by ``export.pictures``; the page has no script, no external font, stylesheet or image
and makes no network request. It prints cleanly (a print stylesheet: no backgrounds,
each artifact on a new page) and reads without colour: every status is also a word.

Every string a learner wrote (a finding quotes their file, a path is theirs) is escaped.
The page skeleton (:func:`page`) is shared by the portfolio and the cohort view.
"""

from __future__ import annotations

from html import escape
from typing import Any

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 960px; padding: 24px 28px 48px; background: #ffffff;
  color: #1f2933; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 36px 0 6px; padding-top: 12px; border-top: 2px solid #d9e2ec; }
h3 { font-size: 16px; margin: 20px 0 6px; }
p { margin: 6px 0; }
.meta { color: #52606d; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #d9e2ec;
  vertical-align: middle; }
th { font-weight: 600; color: #323f4b; border-bottom: 2px solid #9aa5b1; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 7px; border: 1px solid currentColor;
  border-radius: 4px; font-size: 12px; font-weight: 700; letter-spacing: .02em;
  white-space: nowrap; }
.pass { color: #1e6b23; } .fail { color: #a3241b; } .warn { color: #8a5300; }
.muted { color: #52606d; }
.picture { display: block; max-width: 100%; height: auto; margin: 12px 0; }
figure { margin: 12px 0; }
ul.findings { list-style: none; padding: 0; margin: 8px 0; }
ul.findings li { margin: 0 0 10px; padding: 6px 10px; border-left: 4px solid #9aa5b1; }
ul.findings li.error { border-left-color: #a3241b; }
ul.findings li.warning { border-left-color: #b26a00; }
.where { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 13px; }
.hint { color: #323f4b; }
section.artifact { margin-top: 8px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 13px; }
footer { margin-top: 40px; color: #52606d; font-size: 13px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; color: #000000; }
  h2 { border-top: none; }
  section.artifact, section.project { break-before: page; }
  .picture { break-inside: avoid; }
  ul.findings li, tr { break-inside: avoid; }
  a { color: #000000; text-decoration: none; }
  .badge { border-width: 1px; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
@page { margin: 16mm; }
"""


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def page(title: str, body: str, extra_style: str = "") -> str:
    """A complete, self-contained HTML document."""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)}</title>\n<style>{STYLE}{extra_style}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def badge(word: str, tone: str) -> str:
    """A word in a box: the verdict reads the same printed in black and white."""
    return f'<span class="badge {esc(tone)}">{esc(word)}</span>'


def export_workspace(report: Any, ws: Any, api: Any) -> str:
    """The HTML report of the workspace ``ws`` from ``report`` (its whole check)."""
    from pmpath.core.progress import path_progress, time_plan
    from pmpath.core.snapshot import graded_state
    from pmpath.core.state import read_state
    from pmpath.export import pictures

    curriculum = ws.curriculum()
    state = graded_state(read_state(ws.state_path), report.artifacts, ws.root)
    progress = path_progress(ws.root, curriculum, state)
    plan = time_plan(ws.start_date, report.as_of, curriculum, progress, ws.hours_per_week)
    labels = api.kinds()
    titles = {exercise.id: exercise.title for exercise in curriculum.exercises}

    parts = [f"<header><h1>{esc(ws.learner)}</h1>",
             f'<p class="meta">{esc(curriculum.title)} · report as of '
             f"{esc(report.as_of.isoformat())} · started {esc(ws.start_date.isoformat())} at "
             f"{ws.hours_per_week:g} hours a week</p></header>"]

    # Where the learner stands.
    passed_skills = sum(1 for item in progress if item.status == "passed")
    parts.append("<h2>Progress on the path</h2>")
    parts.append(f"<p>{passed_skills} of {len(progress)} skills passed · week "
                 f"{int(plan.weeks_elapsed) + 1} since the start · "
                 f"{plan.total_weeks:.0f} weeks planned · <strong>{esc(plan.verdict)}"
                 "</strong></p>")
    parts.append(pictures.path_timeline(
        [(item.skill.number, item.skill.title, item.skill.weeks * plan.pace, item.status)
         for item in progress], plan.weeks_elapsed, plan.verdict))
    rows = []
    cumulative = 0.0
    tones = {"passed": "pass", "in progress": "warn", "skipped": "muted", "not started": "muted"}
    for item in progress:
        first = cumulative + 1
        cumulative += item.skill.weeks * plan.pace
        rows.append(
            f'<tr><td class="number">{item.skill.number}</td><td>{esc(item.skill.title)}</td>'
            f"<td>{badge(item.status, tones[item.status])}</td>"
            f"<td>{pictures.progress_bar(item.fraction, f'{item.done_steps}/{item.total_steps}')}"
            f'</td><td class="number">{first:.0f}–{cumulative:.0f}</td></tr>')
    parts.append('<table class="skills"><thead><tr><th class="number">#</th><th>Skill</th>'
                 "<th>Status</th><th>Concepts and exercises done</th>"
                 '<th class="number">Weeks planned</th></tr></thead><tbody>'
                 + "".join(rows) + "</tbody></table>")

    # The artifacts at a glance.
    parts.append("<h2>Artifacts</h2>")
    if not report.artifacts:
        parts.append('<p class="muted">No artifacts yet: <code>pmpath new</code> starts one '
                     "from a template.</p>")
    else:
        lines = []
        for index, result in enumerate(report.artifacts, 1):
            lines.append(
                f'<tr><td><a href="#artifact-{index}">{esc(result.path)}</a></td>'
                f"<td>{esc(labels.get(result.kind, result.kind))}</td>"
                f"<td>{esc(titles.get(result.exercise or '', '—'))}</td>"
                f'<td class="number">{result.score}/100</td><td>{_verdict(result)}</td>'
                f'<td class="number">{result.errors}</td>'
                f'<td class="number">{result.warnings}</td></tr>')
        parts.append("<table><thead><tr><th>File</th><th>Kind</th><th>Exercise</th>"
                     '<th class="number">Score</th><th>Verdict</th>'
                     '<th class="number">Errors</th><th class="number">Warnings</th></tr>'
                     "</thead><tbody>" + "".join(lines) + "</tbody></table>")

    for index, result in enumerate(report.artifacts, 1):
        parts.append(_artifact(index, result, labels, titles))

    parts.append(f"<footer>Made by pmpath on {esc(report.as_of.isoformat())}. Every figure is "
                 "worked out from the files in the workspace; <code>pmpath check</code> shows "
                 "the same findings.</footer>")
    return page(f"{ws.learner} · {curriculum.title}", "\n".join(parts))


def _verdict(result: Any) -> str:
    if result.passed:
        return badge("PASSED" if not result.warnings else "PASSED, WITH WARNINGS",
                     "pass" if not result.warnings else "warn")
    return badge("NEEDS WORK", "fail")


def _artifact(index: int, result: Any, labels: dict[str, str], titles: dict[str, str]) -> str:
    from pmpath.export import pictures
    from pmpath.export.svg import unique_ids

    label = labels.get(result.kind, result.kind)
    parts = [f'<section class="artifact" id="artifact-{index}">',
             f"<h2>{esc(label[:1].upper() + label[1:])}: <code>{esc(result.path)}</code></h2>"]
    exercise = titles.get(result.exercise or "")
    parts.append(f"<p>{_verdict(result)} · score <strong>{result.score}/100</strong>"
                 + (f" · exercise: {esc(exercise)}" if exercise else "") + "</p>")
    try:
        picture = pictures.picture_for(result)
    except Exception as error:  # a picture must not cost the learner the whole report
        picture = None
        parts.append(f'<p class="muted">The picture could not be drawn '
                     f"({esc(error.__class__.__name__)}: {esc(error)}).</p>")
    if picture:
        parts.append(f"<figure>{unique_ids(picture, f'a{index}')}</figure>")
    if result.findings:
        errors = [finding for finding in result.findings if finding.severity == "error"]
        warnings = [finding for finding in result.findings if finding.severity != "error"]
        parts.append(f"<h3>Findings: {len(errors)} error{'s' if len(errors) != 1 else ''}, "
                     f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}</h3>")
        items = []
        for finding in errors + warnings:
            tone = "fail" if finding.severity == "error" else "warn"
            items.append(
                f'<li class="{esc(finding.severity)}">{badge(finding.severity.upper(), tone)} '
                f'<span class="where">{esc(finding.place)}</span> '
                f'<span class="muted">({esc(finding.rule)})</span><br>{esc(finding.message)}'
                f'<br><span class="hint">Fix: {esc(finding.hint)}</span></li>')
        parts.append('<ul class="findings">' + "".join(items) + "</ul>")
    else:
        parts.append('<p class="pass">No findings: every rule is met.</p>')
    if result.skipped:
        parts.append("<h3>Not checked yet</h3><ul>" + "".join(
            f"<li><code>{esc(item.rule)}</code>: {esc(item.because)}</li>"
            for item in result.skipped) + "</ul>")
    if result.internal_errors:
        parts.append("<h3>Problems inside pmpath</h3><ul>" + "".join(
            f"<li><code>{esc(item.rule)}</code>: {esc(item.message)}</li>"
            for item in result.internal_errors) + "</ul>")
    parts.append("</section>")
    return "\n".join(parts)
