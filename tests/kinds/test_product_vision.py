"""The product-vision kind: its rules in both directions, its figures, its files and its picture.

Fixtures live in tests/fixtures/product-vision/: ``clean.yaml`` is the model answer
without its notes and breaks no rule; every other file is that vision with one seeded
flaw (named in its first comment). The initiatives of clean.yaml, worked by hand:

    index  initiative                     R    I  C    E    RICE            WSJF
    0      Booking button                 900  1  0.8  1.5  900×0.8/1.5=480 (8+3+2)/2    = 6.5
    1      Two-way SMS reminders          400  2  0.8  2    320             (13+8+5)/3   = 8.667
    2      Waiting list                   250  1  0.8  1    200             (5+2+1)/2    = 4
    3      Card and bank payments         400  3  0.5  6    100             (20+5+8)/13  = 2.538
    4      German statutory insurer claims 150 2  0.5  8    18.75           (8+13+3)/20  = 1.2

Market: TAM €9.6B ≥ SAM €1.44B ≥ SOM €43.2M.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import render_text, rules_of, where_of

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "product-vision"
TEMPLATE = REPO / "templates" / "product-vision" / "product-vision.yaml"
EXAMPLE = REPO / "curriculum" / "examples" / "product-vision.yaml"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {
    "vision.market": "error", "vision.competitors": "error", "vision.roadmap": "error",
    "vision.okrs": "error", "vision.key-results": "error", "vision.rice-inputs": "error",
    "vision.rice-score": "error", "vision.gtm": "error",
}
BOOKING = "Booking button on Google and clinic websites"
SMS = "Two-way SMS reminders with one-tap reschedule"
WAITING = "Waiting list that fills cancelled slots"
PAYMENTS = "Card and instant bank payments at booking"
CLAIMS = "German statutory insurer claims"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def messages(result, rule: str) -> list[tuple[str, str]]:
    return [(f.message, f.hint) for f in result.findings if f.rule == rule]


def test_rules_are_exactly_the_spec_rules_with_their_severities():
    from pmpath.kinds.product_vision import SPEC

    assert {rule.id: rule.severity for rule in SPEC.rules} == SPEC_RULES
    assert SPEC.kind == "product-vision"
    assert SPEC.defaults == {"min_competitors": 3, "min_horizon_years": 2}


def test_clean_vision_has_no_findings(grade):
    result = grade(fixture("clean.yaml"), as_of=AS_OF)
    assert result.findings == []
    assert result.passed and result.score == 100


# (fixture, rule it seeds, exact wheres). Each flaw breaks that rule and nothing else.
SEEDED_FLAWS = [
    ("sam-above-tam.yaml", "vision.market", ["market.sam.value"]),
    ("som-without-source.yaml", "vision.market", ["market.som.source"]),
    ("two-competitors.yaml", "vision.competitors", ["competitors"]),
    ("competitor-no-weaknesses.yaml", "vision.competitors", ["competitors[1].weaknesses"]),
    ("roadmap-gap.yaml", "vision.roadmap", ["roadmap"]),
    ("single-key-result.yaml", "vision.okrs", ["okrs[1].key_results"]),
    ("target-equals-baseline.yaml", "vision.key-results", ["okrs[0].key_results[1].target"]),
    ("key-result-no-due.yaml", "vision.key-results", ["okrs[1].key_results[0].due"]),
    ("confidence-as-percentage.yaml", "vision.rice-inputs", ["initiatives[1].confidence"]),
    ("effort-below-half-month.yaml", "vision.rice-inputs", ["initiatives[2].effort"]),
    ("rice-miscomputed.yaml", "vision.rice-score", ["initiatives[3].rice"]),
    ("gtm-no-channels.yaml", "vision.gtm", ["gtm.channels"]),
]


@pytest.mark.parametrize(("name", "rule", "wheres"), SEEDED_FLAWS,
                         ids=[name for name, _, _ in SEEDED_FLAWS])
def test_seeded_flaw_is_reported_where_it_is(grade, name, rule, wheres):
    result = grade(fixture(name), as_of=AS_OF)
    assert where_of(result, rule) == wheres
    assert rules_of(result) == {rule}
    assert not result.passed


def test_every_rule_has_a_seeded_failing_fixture():
    assert {rule for _, rule, _ in SEEDED_FLAWS} == set(SPEC_RULES)


# -- vision.market ----------------------------------------------------------------------------


def test_sam_above_tam_names_both_in_money(grade):
    [(message, hint)] = messages(grade(fixture("sam-above-tam.yaml")), "vision.market")
    assert message.startswith("SAM (€14.4B) is larger than TAM (€9.6B)")
    assert "a zero too many" in hint


def test_som_above_sam(grade):
    text = fixture("clean.yaml").replace("value: 43200000", "value: 4320000000")
    [(message, _)] = messages(grade(text), "vision.market")
    assert message.startswith("SOM (€4.32B) is larger than SAM (€1.44B)")


@pytest.mark.parametrize(("old", "new", "where", "part"), [
    ("value: 9600000000", "value: 0", "market.tam.value", "TAM is 0"),
    ("value: 9600000000", "value: 9.6 billion", "market.tam.value",
     "write tam.value: 9600000000"),
    ("    unit: EUR\n    source: Our sales", "    unit: USD\n    source: Our sales", "market",
     "different units"),
])
def test_market_values_and_units(grade, old, new, where, part):
    result = grade(fixture("clean.yaml").replace(old, new))
    assert where_of(result, "vision.market") == [where]
    message, hint = messages(result, "vision.market")[0]
    assert part in message + " " + hint


def test_a_missing_market_layer_and_market(grade):
    text = fixture("clean.yaml")
    start, end = text.index("  som:\n"), text.index("competitors:")
    assert where_of(grade(text[:start] + "\n" + text[end:]), "vision.market") == ["market.som"]
    start, end = text.index("market:\n"), text.index("competitors:")
    assert where_of(grade(text[:start] + text[end:]), "vision.market") == ["market"]


# -- vision.competitors, vision.roadmap, vision.okrs ------------------------------------------


def test_competitor_hint_says_how_many_to_add(grade):
    [(message, hint)] = messages(grade(fixture("two-competitors.yaml")), "vision.competitors")
    assert "names 2 competitors" in message and "at least 3" in message
    assert hint.startswith("add 1 more")


def test_a_single_text_counts_as_a_list(grade):
    text = fixture("clean.yaml").replace(
        "    strengths:\n      - Cheap, quick to set up, good mobile apps\n",
        "    strengths: Cheap, quick to set up, good mobile apps\n")
    assert "vision.competitors" not in rules_of(grade(text))


def test_roadmap_gap_names_the_year(grade):
    [(message, hint)] = messages(grade(fixture("roadmap-gap.yaml")), "vision.roadmap")
    assert message == "the roadmap has no themes for year 2 of the 3-year horizon"
    assert "{year: 2, themes: [...]}" in hint


def test_short_horizon_and_years_beyond_it(grade):
    result = grade(fixture("clean.yaml").replace("horizon_years: 3", "horizon_years: 1"))
    assert where_of(result, "vision.roadmap") == ["horizon_years", "roadmap[1].year",
                                                  "roadmap[2].year"]
    message, hint = messages(result, "vision.roadmap")[1]
    assert "year 2 is outside the horizon of 1 year" in message
    assert "raise horizon_years to 2" in hint


def test_year_with_no_themes_is_not_covered(grade):
    text = fixture("clean.yaml").replace(
        "      - Open Spain and Italy with local payment methods and languages\n", "")
    text = text.replace(
        '      - "Run the front desk from one screen: waiting lists, recalls and insurer claims '
        'in DE and FR"\n', "")
    assert where_of(grade(text), "vision.roadmap") == ["roadmap"]


def test_too_many_objectives_and_key_results(grade):
    text = fixture("clean.yaml")
    start, end = text.index("  - objective: Clinics get paid"), text.index("# RICE:")
    second = text[start:end]
    many = text[:start] + second * 5 + text[end:]
    assert where_of(grade(many), "vision.okrs") == ["okrs"]
    none = text[:text.index("okrs:\n")] + "okrs: []\n" + text[end:]
    assert where_of(grade(none), "vision.okrs") == ["okrs"]


# -- vision.key-results -----------------------------------------------------------------------


def test_key_result_equal_target_says_it_asks_for_no_change(grade):
    [(message, _)] = messages(grade(fixture("target-equals-baseline.yaml")), "vision.key-results")
    assert "baseline and target both 18" in message and "no change" in message


@pytest.mark.parametrize(("old", "new", "where"), [
    ("baseline: 120, target: 400", "baseline: some, target: 400",
     "okrs[0].key_results[0].baseline"),
    ("baseline: 120, target: 400", "baseline: 120", "okrs[0].key_results[0].target"),
    ("unit: clinics, due: 2027-03-31", "unit: clinics, due: end of March",
     "okrs[0].key_results[0].due"),
])
def test_key_result_numbers_and_dates(grade, old, new, where):
    assert where_of(grade(fixture("clean.yaml").replace(old, new)),
                    "vision.key-results") == [where]


def test_a_quoted_iso_due_date_is_a_date(grade):
    text = fixture("clean.yaml").replace("unit: clinics, due: 2027-03-31",
                                         'unit: clinics, due: "2027-03-31"')
    assert grade(text).findings == []


# -- vision.rice-inputs and vision.rice-score -------------------------------------------------


def test_percentage_confidence_is_read_as_a_share(grade):
    result = grade(fixture("confidence-as-percentage.yaml"))
    [(message, hint)] = messages(result, "vision.rice-inputs")
    assert "confidence 80 looks like a percentage" in message
    assert hint == "write confidence: 0.8 (80%)"
    # The score is still 400 × 2 × 0.8 ÷ 2 = 320, so vision.rice-score agrees with rice: 320.
    assert result.metrics["rice"][SMS] == 320


@pytest.mark.parametrize(("field", "old", "new", "part"), [
    ("impact", "impact: 3", "impact: 4", "choose impact: 3"),
    ("impact", "impact: 3", "impact: 1.5", "choose impact: 1 or 2"),
    ("impact", "impact: 3", "impact: high", "write impact: 2 (high)"),
    ("confidence", "confidence: 0.5\n    effort: 6", "confidence: 0.7\n    effort: 6",
     "choose confidence: 0.5 or 0.8"),
    ("confidence", "confidence: 0.5\n    effort: 6", "confidence: 70\n    effort: 6",
     "choose confidence: 0.5 or 0.8"),
    ("reach", "reach: 400\n    impact: 3", "reach: -400\n    impact: 3", "0 or more"),
    ("effort", "effort: 6", "effort: six", "write effort: person-months"),
])
def test_rice_input_hints_fit_the_value(grade, field, old, new, part):
    text = fixture("clean.yaml").replace(old, new, 1)
    result = grade(text)
    assert where_of(result, "vision.rice-inputs") == [f"initiatives[3].{field}"]
    message, hint = messages(result, "vision.rice-inputs")[0]
    assert part in message + " " + hint, (message, hint)


def test_rice_score_does_the_arithmetic(grade):
    [(message, hint)] = messages(grade(fixture("rice-miscomputed.yaml")), "vision.rice-score")
    assert message == (f"initiative '{PAYMENTS}' states rice 1000, but reach 400 × impact 3 "
                       "× confidence 0.5 ÷ effort 6 = 100")
    assert hint == "set rice: 100"


def test_rice_score_allows_one_percent_for_rounding(grade):
    # 18.75 written as 18.6 is 0.8% off; 18.5 is 1.3% off.
    assert "vision.rice-score" not in rules_of(
        grade(fixture("clean.yaml").replace("rice: 18.75", "rice: 18.6")))
    assert where_of(grade(fixture("clean.yaml").replace("rice: 18.75", "rice: 18.5")),
                    "vision.rice-score") == ["initiatives[4].rice"]


def test_rice_is_optional(grade):
    text = fixture("clean.yaml").replace("    rice: 480\n", "")
    result = grade(text)
    assert result.findings == []
    assert result.metrics["rice"][BOOKING] == 480


# -- vision.gtm -------------------------------------------------------------------------------


def test_missing_gtm(grade):
    text = fixture("clean.yaml")
    assert where_of(grade(text[:text.index("gtm:")]), "vision.gtm") == ["gtm"]


# -- figures ----------------------------------------------------------------------------------


def test_clean_vision_figures_are_worked_by_hand(grade):
    metrics = grade(fixture("clean.yaml")).metrics
    assert metrics["rice"] == {BOOKING: 480, SMS: 320, WAITING: 200, PAYMENTS: 100,
                               CLAIMS: 18.75}
    assert metrics["ranking"] == [BOOKING, SMS, WAITING, PAYMENTS, CLAIMS]
    assert metrics["wsjf"] == {BOOKING: 6.5, SMS: 8.6667, WAITING: 4.0, PAYMENTS: 2.5385,
                               CLAIMS: 1.2}


def test_ranking_breaks_ties_by_name(grade):
    # The waiting list made to score 480 as well: 600 × 1 × 0.8 ÷ 1.
    text = (fixture("clean.yaml").replace("reach: 250", "reach: 600")
            .replace("rice: 200", "rice: 480"))
    assert grade(text).metrics["ranking"][:2] == [BOOKING, WAITING]


def test_wsjf_is_left_out_when_no_initiative_gives_it(grade):
    text = fixture("clean.yaml")
    for line in ("value", "time_criticality", "risk_reduction", "job_size"):
        text = "\n".join(row for row in text.splitlines()
                         if not row.startswith(f"    {line}:")) + "\n"
    metrics = grade(text).metrics
    assert set(metrics) == {"rice", "ranking"}


def test_initiatives_that_cannot_be_scored_are_left_out_of_the_ranking(grade):
    text = fixture("clean.yaml").replace("effort: 8\n    rice: 18.75\n", "effort: 0\n")
    result = grade(text)
    assert where_of(result, "vision.rice-inputs") == ["initiatives[4].effort"]
    assert CLAIMS not in result.metrics["rice"]
    assert result.metrics["ranking"] == [BOOKING, SMS, WAITING, PAYMENTS]


# -- files ------------------------------------------------------------------------------------


def test_model_answer_passes_as_of_its_date(grade):
    result = grade(EXAMPLE, as_of=AS_OF)
    assert result.findings == [] and result.score == 100


def test_fresh_template_fails_only_on_placeholders(grade):
    result = grade(TEMPLATE.read_text(encoding="utf-8"), name="product-vision.yaml")
    assert rules_of(result) == {"common.placeholder"}
    assert not result.passed


def test_template_dates_are_placeholders_not_fixed_dates():
    import re

    text = TEMPLATE.read_text(encoding="utf-8")
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)
    assert "<YYYY-MM-DD>" in text


# -- picture ----------------------------------------------------------------------------------


def test_picture_reads_without_colour_at_80_columns(grade):
    result = grade(EXAMPLE, as_of=AS_OF)
    text = render_text("product-vision", result, width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "Clinicflow: a 3-year vision" in text
    tam = next(line for line in lines if line.startswith("TAM"))
    sam = next(line for line in lines if line.startswith("SAM"))
    som = next(line for line in lines if line.startswith("SOM"))
    assert "€9.6B" in tam and "€1.44B" in sam and "€43.2M" in som
    assert tam.count("█") == 40 and sam.count("█") == 6 and som.count("█") == 1
    assert "15% of TAM" in sam and "3.0% of SAM" in som
    assert "• Fill the diary" in text
    header = next(line for line in lines if "Reach" in line)
    for column in ("#", "Reach", "Impact", "Conf.", "Effort", "RICE", "WSJF"):
        assert column in header
    table = lines[lines.index(header):]
    first = next(line for line in table if line.strip().startswith("1 "))
    assert "Booking button" in first and "480" in first and "80%" in first and "6.5" in first
    last = next(line for line in table if line.strip().startswith("5 "))
    assert "18.75" in last and "1.2" in last


def test_picture_of_a_fresh_template(grade):
    result = grade(TEMPLATE.read_text(encoding="utf-8"), name="product-vision.yaml")
    text = render_text("product-vision", result, width=80)
    assert "not sized yet" in text
    assert "not scored" in text
    assert "WSJF" not in text.split("Initiatives by RICE")[1].splitlines()[2]
