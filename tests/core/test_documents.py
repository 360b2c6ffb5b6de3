"""Reading artifact files safely: every bad, hostile or huge input is a clear DocumentProblem."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pmpath.core.documents import (
    MAX_BYTES,
    MAX_DEPTH,
    DocumentProblem,
    load_document,
    sniff_kind,
)
from pmpath.core.grading import grade_file


def write(tmp_path: Path, content: str | bytes, name: str = "artifact.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def problem_of(path: Path) -> DocumentProblem:
    with pytest.raises(DocumentProblem) as caught:
        load_document(path)
    return caught.value


def billion_laughs() -> str:
    """Nine levels of nine aliases each: 9**9 (387 million) values once expanded."""
    lines = ["kind: risk-register", 'lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", '
             '"lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def nested(depth: int) -> str:
    """A mapping whose value is ``depth - 1`` lists deep (the mapping itself is level 1)."""
    return "kind: risk-register\ndeep: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"


# --- load_document ---------------------------------------------------------------------------

def test_a_good_file_loads(tmp_path: Path) -> None:
    path = write(tmp_path, "kind: risk-register\nname: Payments\nrisks: []\n")
    document = load_document(path)
    assert document.data == {"kind": "risk-register", "name": "Payments", "risks": []}
    assert not document.is_markdown


def test_a_file_over_20_mb_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk space
    problem = problem_of(path)
    assert "20 MB" in problem.message
    assert problem.where == "file"


def test_a_file_of_exactly_20_mb_is_not_refused_for_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES)
    problem = problem_of(path)  # all NUL bytes: refused as binary, not for its size
    assert "20 MB" not in problem.message


def test_text_that_is_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, b"kind: risk-register\nowner: Jos\xe9\n")
    problem = problem_of(path)
    assert "UTF-8" in problem.message
    assert (problem.line, problem.column) == (2, 11)
    assert problem.where == "line 2, column 11"


def test_nul_bytes_mean_a_binary_file(tmp_path: Path) -> None:
    problem = problem_of(write(tmp_path, b"kind: risk-register\n\x00\x01\x02"))
    assert "binary" in problem.message


def test_a_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "kind: risk-register\nname: ok\nrisks: [1, 2\nowner: Sam\n")
    problem = problem_of(path)
    assert problem.message.startswith("YAML syntax error")
    assert problem.line == 4 and problem.column is not None
    assert problem.where.startswith("line 4, column ")


def test_a_syntax_error_in_markdown_front_matter_counts_lines_from_the_file_top(
        tmp_path: Path) -> None:
    path = write(tmp_path, "---\nkind: trd\ntitle: [unclosed\n---\n# Body\n", name="trd.md")
    problem = problem_of(path)
    assert problem.message.startswith("YAML syntax error")
    assert problem.line == 4


@pytest.mark.parametrize("text, word", [
    ("- kind: risk-register\n- name: x\n", "list"),
    ("just a sentence\n", "piece of text"),
])
def test_the_top_must_be_fields(tmp_path: Path, text: str, word: str) -> None:
    problem = problem_of(write(tmp_path, text))
    assert "kind: ..." in problem.message and word in problem.message
    assert problem.line == 1


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_an_empty_file_says_so(tmp_path: Path, text: str) -> None:
    assert problem_of(write(tmp_path, text)).message == "the file is empty"


@pytest.mark.parametrize("tag", [
    "!!python/object:os.system {}",
    '!!python/object/apply:os.system ["echo owned"]',
    "!!python/name:os.system",
])
def test_python_tags_are_refused_with_their_place(tmp_path: Path, tag: str) -> None:
    problem = problem_of(write(tmp_path, f"kind: risk-register\nowner: {tag}\n"))
    assert "tag pmpath does not accept" in problem.message
    assert "python/" in problem.message
    assert problem.line == 2


def test_a_billion_laughs_alias_bomb_is_refused(tmp_path: Path) -> None:
    problem = problem_of(write(tmp_path, billion_laughs()))
    assert "aliases" in problem.message
    assert "1,000,000" in problem.message


def test_a_few_repeated_aliases_are_fine(tmp_path: Path) -> None:
    text = ("kind: risk-register\nowner: &sam {name: Sam, role: PM}\n"
            "risks:\n  - owner: *sam\n  - owner: *sam\n")
    document = load_document(write(tmp_path, text))
    assert document.data["risks"][1]["owner"]["name"] == "Sam"


def test_nesting_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    problem = problem_of(write(tmp_path, nested(MAX_DEPTH + 1)))
    assert f"nested more than {MAX_DEPTH} levels" in problem.message


def test_nesting_at_the_limit_is_accepted(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, nested(MAX_DEPTH)))
    assert document.data["kind"] == "risk-register"


def test_absurdly_deep_nesting_is_a_problem_not_a_recursion_error(tmp_path: Path) -> None:
    problem = problem_of(write(tmp_path, nested(50_000)))
    assert "nest" in problem.message


def test_deep_block_mappings_are_refused_too(tmp_path: Path) -> None:
    lines = ["kind: risk-register"] + ["  " * i + f"level{i}:" for i in range(MAX_DEPTH + 5)]
    problem = problem_of(write(tmp_path, "\n".join(lines) + " end\n"))
    assert "nested" in problem.message


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    assert "does not exist" in problem_of(tmp_path / "nope.yaml").message
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    assert "folder" in problem_of(folder).message


def test_sniff_kind_reads_only_the_kind_line(tmp_path: Path) -> None:
    assert sniff_kind(write(tmp_path, "# comment\nkind: 'sprint'\nbroken: [\n")) == "sprint"
    assert sniff_kind(write(tmp_path, "name: no kind here\n", "plain.yaml")) is None
    assert sniff_kind(write(tmp_path, "---\nkind: trd\n---\n", "trd.md")) == "trd"
    assert sniff_kind(write(tmp_path, "# kind: trd\n", "notes.md")) is None


# --- the same through the grading engine -----------------------------------------------------

HOSTILE = {
    "syntax error": "kind: risk-register\nname: Payments\nrisks:\n  - id: R1\n    title: [oops\n"
                    "  - id: R2\n",
    "not UTF-8": b"kind: risk-register\nname: Jos\xe9\n",
    "binary": b"kind: risk-register\n\x00\x00",
    "python tag": "kind: risk-register\nname: !!python/object/apply:os.system [ls]\n",
    "alias bomb": billion_laughs(),
    "too deep": nested(MAX_DEPTH + 1),
    "top-level list": "- kind: risk-register\n",
    "empty": "",
}


@pytest.mark.parametrize("content", list(HOSTILE.values()), ids=list(HOSTILE))
def test_grade_file_turns_every_bad_input_into_one_unreadable_finding(
        tmp_path: Path, content: str | bytes) -> None:
    path = write(tmp_path, content, "risk-register.yaml")
    result = grade_file(path, as_of=date(2027, 1, 20), display_path="risk-register.yaml")
    assert [finding.rule for finding in result.findings] == ["common.unreadable"]
    finding = result.findings[0]
    assert finding.severity == "error" and finding.message and finding.hint
    assert not result.passed and result.score == 0
    document = result.as_json()
    assert document["findings"][0]["rule"] == "common.unreadable"


def test_an_unreadable_artifact_keeps_its_kind_and_the_parsers_place(tmp_path: Path) -> None:
    text = "kind: risk-register\nname: Payments\nrisks:\n  - id: R1\n    title: [oops\n"
    path = write(tmp_path, text + "  - id: R2\n    owner: Sam\n", "risk-register.yaml")
    result = grade_file(path, as_of=date(2027, 1, 20))
    assert result.kind == "risk-register"
    (finding,) = result.findings
    assert finding.rule == "common.unreadable"
    assert finding.where.startswith("line ") and ", column " in finding.where
    line = int(finding.where.split()[1].rstrip(","))
    assert 5 <= line <= 8


def test_an_oversized_artifact_is_graded_as_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "risk-register.yaml"
    with path.open("wb") as handle:
        handle.write(b"kind: risk-register\n")
        handle.truncate(MAX_BYTES + 1024)
    result = grade_file(path, as_of=date(2027, 1, 20))
    (finding,) = result.findings
    assert finding.rule == "common.unreadable" and "20 MB" in finding.message
    assert result.kind == "risk-register"


def test_an_impossible_date_is_a_finding_with_its_place(grade) -> None:
    result = grade("kind: sprint\nversion: 1\nstart: 2027-13-01\n")
    [finding] = result.findings
    assert finding.rule == "common.unreadable"
    assert finding.where == "line 3, column 8"
    assert finding.message.startswith("2027-13-01 is not a real date")
    # a date that does not exist is not a syntax slip: the fix says what a date looks like
    assert "YYYY-MM-DD" in finding.hint and "indentation" not in finding.hint


def test_schema_messages_read_like_a_form_review(grade) -> None:
    result = grade("kind: sprint\nversion: 1\nstart: 2027-01-04\nlength_days: ten\n"
                   "backlog: 5\n")
    messages = {finding.where: finding.message for finding in result.findings
                if finding.rule == "common.schema"}
    assert messages["length_days"] == "should be a whole number (found 'ten')"
    assert messages["backlog"].startswith("should be a list")
    assert messages["review"] == "'review' is missing"


def test_each_schema_problem_gets_the_fix_for_that_problem(grade) -> None:
    """A missing field is added, a wrong value is changed: never the other fix."""
    result = grade("kind: sprint\nversion: 1\nstart: 2027-01-04\nlength_days: ten\n"
                   "backlog: 5\n")
    fixes = {finding.where: finding.hint for finding in result.findings
             if finding.rule == "common.schema"}
    assert fixes["length_days"] == ("Change the value of 'length_days' so that it is a whole "
                                    "number.")
    assert fixes["backlog"].startswith("Change the value of 'backlog' so that it is a list")
    assert fixes["review"] == ("Add the 'review' field here (`pmpath schema sprint` says what "
                               "it holds).")


@pytest.mark.parametrize(("text", "words", "fix"), [
    ("kind: risk-register\nprogram: Payments: phase 2\n", "not in quotes",
     'program: "Payments: phase 2"'),
    ("kind: sprint\nteam:\n\t- Ana\n", "tab", "spaces"),
    ("kind: sprint\nteam:\n  - Ana\n   role: lead\n", "not lined up", "siblings"),
    ("kind: sprint\nsprint:\n  goal: x\n length: 10\n", "not lined up", "siblings"),
])
def test_yaml_hints_fit_the_actual_slip(tmp_path: Path, text: str, words: str,
                                        fix: str) -> None:
    problem = problem_of(write(tmp_path, text))
    assert words in problem.message and fix in problem.hint
    # The message quotes the offending line so the learner sees what to change.
    assert "'" in problem.message


def test_empty_and_binary_files_get_hints_of_their_own(tmp_path: Path) -> None:
    empty = problem_of(write(tmp_path, ""))
    assert "pmpath new" in empty.hint and "indentation" not in empty.hint
    binary = tmp_path / "art.yaml"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    from pmpath.core.documents import DocumentProblem, load_document

    with pytest.raises(DocumentProblem) as raised:
        load_document(binary)
    assert "binary" in raised.value.message and "text editor" in raised.value.hint


LINES = """\
kind: capacity-plan
version: 1
quarter:
  start: 2027-01-04
members:
  - {name: Ana, fte: 1.0}
  - name: Ben
    fte: 50
anchors:
  base: &base {role: engineer}
  merged: {<<: *base, fte: 1}
"""


@pytest.mark.parametrize(("where", "line"), [
    ("kind", 1), ("quarter.start", 4), ("members[0]", 6), ("members[0].fte", 6),
    ("members[1]", 7), ("members[1].fte", 8),
    # a field the file does not have is on the line of the entry that lacks it
    ("members[0].role", 6), ("members[1].days_off", 7), ("members[5].fte", 5),
    ("anchors.merged.fte", 11),
    # places that are not paths into the fields
    ("nowhere", None), ("line 4", None), ("line 3, column 8", None), ("file", None),
    ("2 places", None),
])
def test_a_place_in_the_fields_has_its_file_line(tmp_path: Path, where: str,
                                                 line: int | None) -> None:
    document = load_document(write(tmp_path, LINES))
    assert document.line_of(where) == line


def test_front_matter_places_have_their_file_lines(tmp_path: Path) -> None:
    text = "---\nkind: trd\nversion: 1\nauthors:\n  - Priya\n  - Tomás\n---\n# Title\n"
    document = load_document(write(tmp_path, text, "trd.md"))
    assert (document.line_of("kind"), document.line_of("authors[1]")) == (2, 6)


def test_findings_name_their_line_on_screen_and_in_json(grade) -> None:
    """A learner finds `members[1].fte` by its line: the report and --json give it."""
    result = grade("kind: sprint\nversion: 1\nstart: 2027-01-04\nlength_days: ten\n")
    finding = next(item for item in result.findings if item.where == "length_days")
    assert finding.line == 4
    assert finding.place == "length_days (line 4)"
    assert finding.as_dict()["line"] == 4
    missing = next(item for item in result.findings if item.where == "review")
    assert missing.line is None and "line" not in missing.as_dict()
