"""`pmpath portfolio`: the learner's passed work, laid out for a hiring manager."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from model_answers import AS_OF, copy_model_answers

RULE_ID = re.compile(r"\b(common|plan|capacity|sprint|launch|stake|charter|jira|trd|risk|kpi|"
                     r"vision|star|backlog)\.[a-z][a-z-]+\b")


@pytest.fixture
def full_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pmpath) -> Path:
    monkeypatch.setenv("PMPATH_TODAY", AS_OF)
    root = tmp_path / "ws"
    result = pmpath("init", str(root), "--name", "Sam Lee", "--start", "2027-01-04",
                    "--hours", "8")
    assert result.exit_code == 0, result.stderr
    copy_model_answers(root)
    monkeypatch.chdir(root)
    return root


def test_the_portfolio_is_markdown_with_a_header_and_a_project_per_passed_artifact(
        full_workspace: Path, pmpath) -> None:
    result = pmpath("portfolio")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Sam Lee\n")
    assert "**Technical Project Manager** · portfolio of" in text
    for title in ("Card payments processor migration", "Payments Platform",
                  "Instant payouts for marketplace sellers", "Checkout squad", "Payments (PAY)",
                  "Saved cards for returning customers", "Clinicflow"):
        assert re.search(rf"^## \d+\. {re.escape(title)}$", text, re.MULTILINE), title
    # The problem, in the artifact's own words, and what was produced, in the first person.
    assert "**The problem.** Move all card payments and 1.2 million stored cards" in text
    assert "**What I produced.** A 17-task launch plan across 3 phases" in text
    assert "A living risk register of 13 risks across 9 categories" in text


def test_the_key_figures_come_from_the_typed_figures(full_workspace: Path, pmpath) -> None:
    text = pmpath("portfolio").stdout
    assert "- 96% chance of meeting the deadline (PERT)" in text
    assert "(93.8 working days expected of the 103 available)" in text
    assert "- 230.3 usable days for 195 days of committed work: 85% utilisation" in text
    assert "- Say/do ratio 75%" in text
    assert "- Finishes 2027-03-16: 11 working days of buffer before GA" in text
    assert "- Top risk R-001: New processor API cannot carry peak checkout load (4 × 5 = 20" \
        in text
    assert "RICE ranking: 1. Booking button on Google and clinic websites (480)" in text
    assert "- Status: overall amber, schedule green, scope green, budget amber" in text


def test_no_grading_jargon(full_workspace: Path, pmpath) -> None:
    text = pmpath("portfolio").stdout
    assert not RULE_ID.search(text), RULE_ID.search(text)
    for word in ("/100", "PASSED", "finding", "error", "warning", "pmpath"):
        assert word not in text


def test_work_that_does_not_pass_is_left_out_and_named(full_workspace: Path, pmpath) -> None:
    register = next(full_workspace.glob("*/risk-register.yaml"))
    register.write_text(register.read_text(encoding="utf-8").replace("score: 20", "score: 12",
                                                                      1), encoding="utf-8")
    result = pmpath("portfolio")
    assert result.exit_code == 0
    assert "risk register" not in result.stdout.lower()
    assert "Left out until it passes `pmpath check`" in result.stderr
    assert "Build and maintain a living risk register for a critical program" in result.stderr


def test_the_star_stories_are_told_in_full(full_workspace: Path, pmpath) -> None:
    from model_answers import model_answers

    if "star-stories" not in model_answers():
        pytest.skip("this curriculum has no STAR stories exercise yet")
    text = pmpath("portfolio").stdout
    assert "## Interview stories" in text
    assert "**Situation.**" in text and "**Result.**" in text
    # A story tagged with a skill of the path is shown with that skill's title.
    assert re.search(r"^\*Skill: [A-Z][^*]+\*$", text, re.MULTILINE)


def test_stories_are_laid_out_whatever_gives_them() -> None:
    from datetime import date

    from pmpath.api import Portfolio
    from pmpath.export.showcase import Story

    story = Story(title="The release we *nearly* missed", situation="I led support.",
                  task="Coordinate the fixes.", action="I sorted 40 defects.",
                  result="Live on 3 March; 0 penalties.", skill="risk-management")
    portfolio = Portfolio(learner="Ana", title="Technical Project Manager",
                          as_of=date(2027, 1, 20), projects=[], stories=[story], not_passed=[])
    text = portfolio.markdown()
    assert "No finished projects yet." in text
    assert "### The release we \\*nearly\\* missed" in text
    assert "**Action.** I sorted 40 defects." in text and "*Skill: risk-management*" in text
    assert "<h3>The release we *nearly* missed</h3>" in portfolio.html()


def test_html_is_a_self_contained_page_with_pictures(full_workspace: Path, pmpath) -> None:
    out = full_workspace / "portfolio.html"
    result = pmpath("portfolio", "--html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<h1>Sam Lee</h1>" in page and "What I produced." in page
    assert page.count("<svg") >= 9
    assert "<script" not in page.lower() and "http://" not in page and "https://" not in page
    assert not RULE_ID.search(re.sub(r"<[^>]+>", " ", page))


def test_an_existing_file_is_replaced_only_with_force(full_workspace: Path, pmpath) -> None:
    out = full_workspace / "portfolio.md"
    out.write_text("mine\n", encoding="utf-8")
    refused = pmpath("portfolio", "-o", str(out))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert pmpath("portfolio", "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Sam Lee")
    assert (full_workspace / "portfolio.md.bak").read_text(encoding="utf-8") == "mine\n"


def test_markup_in_learner_text_stays_text(tmp_path: Path, monkeypatch, pmpath) -> None:
    monkeypatch.setenv("PMPATH_TODAY", AS_OF)
    root = tmp_path / "ws"
    assert pmpath("init", str(root), "--name", "Sam <b>Lee</b>",
                  "--start", "2027-01-04").exit_code == 0
    copy_model_answers(root, ["capacity-plan"])
    monkeypatch.chdir(root)
    assert "# Sam \\<b\\>Lee\\</b\\>" in pmpath("portfolio").stdout
    page = pmpath("portfolio", "--html").stdout
    assert "<b>" not in page and "Sam &lt;b&gt;Lee&lt;/b&gt;" in page


def test_nothing_is_recorded(full_workspace: Path, pmpath) -> None:
    state = full_workspace / ".pmpath" / "state.toml"
    before = state.read_bytes() if state.exists() else None
    assert pmpath("portfolio").exit_code == 0
    assert (state.read_bytes() if state.exists() else None) == before


def test_outside_a_workspace_it_says_how_to_make_one(tmp_path: Path, monkeypatch,
                                                   pmpath) -> None:
    monkeypatch.chdir(tmp_path)
    result = pmpath("portfolio")
    assert result.exit_code == 2
    assert "pmpath init" in result.stderr
