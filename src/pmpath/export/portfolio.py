"""The portfolio as Markdown or as a self-contained HTML page (``pmpath portfolio``).

A document to send to a hiring manager: a short header with the learner's name and the
path's title, then one section per project (the problem, what was produced, the key
figures, and in HTML the picture), then the interview stories. It reads like a
portfolio, not a grade sheet: no rule ids, no scores, no findings. What it is built from
is ``api.Portfolio``; nothing here names a kind.
"""

from __future__ import annotations

from typing import Any


def _md(text: str) -> str:
    """Learner text made safe inside Markdown prose: no accidental markup or raw HTML."""
    text = " ".join(str(text).split())
    for char in ("\\", "`", "*", "_", "[", "]", "<", ">", "#", "|"):
        text = text.replace(char, "\\" + char)
    return text


def _count(projects: int) -> str:
    return f"{projects} project{'s' if projects != 1 else ''}"


def markdown(portfolio: Any) -> str:
    lines = [f"# {_md(portfolio.learner)}", "",
             f"**{_md(portfolio.title)}** · portfolio of "
             f"{_count(len(portfolio.projects))} · {portfolio.as_of.isoformat()}", ""]
    if portfolio.projects:
        lines += ["Each project below is work I produced and had reviewed against the "
                  "standards a senior technical project manager would hold it to; every "
                  "figure is worked out from the artifact itself.", ""]
    else:
        lines += ["No finished projects yet.", ""]
    for number, project in enumerate(portfolio.projects, 1):
        showcase = project.showcase
        kind = project.label[:1].upper() + project.label[1:]
        lines += [f"## {number}. {_md(showcase.title)}", "",
                  f"*{_md(kind)}" + (f" · {_md(project.skill)}" if project.skill else "") + "*",
                  ""]
        if showcase.problem:
            lines += [f"**The problem.** {_md(showcase.problem)}", ""]
        lines += [f"**What I produced.** {_md(_sentence(showcase.produced))}", ""]
        if showcase.highlights:
            lines += ["**Key figures.**", ""]
            lines += [f"- {_md(highlight)}" for highlight in showcase.highlights]
            lines.append("")
    if portfolio.stories:
        lines += ["## Interview stories", "",
                  "Told the STAR way: situation, task, action, result.", ""]
        for story in portfolio.stories:
            lines += [f"### {_md(story.title)}", ""]
            if story.skill:
                lines += [f"*Skill: {_md(story.skill)}*", ""]
            for part, name in (("situation", "Situation"), ("task", "Task"),
                               ("action", "Action"), ("result", "Result")):
                text = getattr(story, part)
                if text:
                    lines += [f"**{name}.** {_md(text)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _sentence(text: str) -> str:
    """'a 24-task launch plan …' -> 'A 24-task launch plan ….'"""
    text = text.strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."


PORTFOLIO_STYLE = """
.project { margin-top: 28px; }
.kind { color: #52606d; margin: 0 0 8px; font-style: italic; }
.label { font-weight: 700; }
ul.highlights { margin: 6px 0 12px; padding-left: 22px; }
.story { margin: 16px 0; padding: 8px 14px; border-left: 4px solid #9aa5b1; }
.story p { margin: 4px 0; }
"""


def html(portfolio: Any) -> str:
    from pmpath.export.html import esc, page
    from pmpath.export.svg import unique_ids

    parts = [f"<header><h1>{esc(portfolio.learner)}</h1>",
             f'<p class="meta">{esc(portfolio.title)} · portfolio of '
             f"{_count(len(portfolio.projects))} · {esc(portfolio.as_of.isoformat())}</p>"
             "</header>"]
    if portfolio.projects:
        parts.append("<p>Each project below is work I produced and had reviewed against the "
                     "standards a senior technical project manager would hold it to; every "
                     "figure is worked out from the artifact itself.</p>")
        parts.append("<ol>" + "".join(
            f'<li><a href="#project-{number}">{esc(project.showcase.title)}</a> '
            f'<span class="muted">({esc(project.label)})</span></li>'
            for number, project in enumerate(portfolio.projects, 1)) + "</ol>")
    else:
        parts.append("<p>No finished projects yet.</p>")
    for number, project in enumerate(portfolio.projects, 1):
        showcase = project.showcase
        kind = project.label[:1].upper() + project.label[1:]
        parts.append(f'<section class="project" id="project-{number}">')
        parts.append(f"<h2>{number}. {esc(showcase.title)}</h2>")
        parts.append(f'<p class="kind">{esc(kind)}'
                     + (f" · {esc(project.skill)}" if project.skill else "") + "</p>")
        if showcase.problem:
            parts.append(f'<p><span class="label">The problem.</span> '
                         f"{esc(showcase.problem)}</p>")
        parts.append(f'<p><span class="label">What I produced.</span> '
                     f"{esc(_sentence(showcase.produced))}</p>")
        if showcase.highlights:
            parts.append('<p class="label">Key figures.</p><ul class="highlights">'
                         + "".join(f"<li>{esc(item)}</li>" for item in showcase.highlights)
                         + "</ul>")
        try:
            picture = project.picture()
        except Exception:  # the words stand on their own; a picture is a bonus
            picture = None
        if picture:
            parts.append(f"<figure>{unique_ids(picture, f'p{number}')}</figure>")
        parts.append("</section>")
    if portfolio.stories:
        parts.append('<section class="project"><h2>Interview stories</h2>'
                     "<p>Told the STAR way: situation, task, action, result.</p>")
        for story in portfolio.stories:
            parts.append(f'<div class="story"><h3>{esc(story.title)}</h3>')
            if story.skill:
                parts.append(f'<p class="kind">Skill: {esc(story.skill)}</p>')
            for part, name in (("situation", "Situation"), ("task", "Task"),
                               ("action", "Action"), ("result", "Result")):
                text = getattr(story, part)
                if text:
                    parts.append(f'<p><span class="label">{name}.</span> {esc(text)}</p>')
            parts.append("</div>")
        parts.append("</section>")
    return page(f"{portfolio.learner} · {portfolio.title} portfolio", "\n".join(parts),
                PORTFOLIO_STYLE)
