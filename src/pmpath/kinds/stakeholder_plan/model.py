"""The stakeholder plan's fields (spec/artifacts.md, "stakeholder-plan").

Values a rule judges are lenient here so the learner gets the rule's own message:
power and interest are any number (stake.scale says when one is off the 1–5
scale), RACI letters are any text (stake.raci-roles says which letters count).
Words from a fixed vocabulary (RAG colours, how often a message goes out) are
checked by the schema, whose message lists the words it accepts; capitals and
spaces are forgiven ("Twice weekly" is twice-weekly).
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.fields import BeforeValidator, Field, WithJsonSchema

# Strict numbers: 4 and 4.5 reach the rules (stake.scale), while "high" or a quoted "4"
# are reported by common.schema.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Money = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0)]
Text = str | None


def _words(value: object) -> object:
    """'Twice Weekly', 'twice_weekly' -> 'twice-weekly'; 'Green' -> 'green'."""
    if not isinstance(value, str):
        return value
    word = "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    return FREQUENCY_SYNONYMS.get(word, word)


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


Rag = Annotated[Literal["green", "amber", "red"], BeforeValidator(_words)]

FrequencyWord = Literal["daily", "twice-weekly", "weekly", "biweekly", "fortnightly", "monthly",
                        "quarterly", "per-sprint", "ad-hoc"]
FREQUENCIES: tuple[str, ...] = get_args(FrequencyWord)
FREQUENCY_SYNONYMS = {"bi-weekly": "biweekly", "twice-a-week": "twice-weekly",
                      "every-sprint": "per-sprint", "adhoc": "ad-hoc", "as-needed": "ad-hoc"}
AT_LEAST_WEEKLY = ("daily", "twice-weekly", "weekly")
"""The frequencies that reach someone once a week or more. Biweekly means every two
weeks here (write twice-weekly for twice a week); a sprint may last up to four weeks, and
ad hoc means no rhythm at all, so none of those count as weekly."""
Frequency = Annotated[FrequencyWord, BeforeValidator(_words)]

Names = Annotated[list[str], BeforeValidator(_as_list),
                  WithJsonSchema({"anyOf": [{"type": "string"},
                                            {"type": "array", "items": {"type": "string"}}]})]


class Stakeholder(ArtifactModel):
    name: str = Field(description="The person, by name: 'Rachel Osei'.")
    role: str = Field(description="Their role or title: 'VP Product (sponsor)'.")
    # stake.scale, not the schema, judges a value off the scale; editors see the range.
    power: Number = Field(description="How much they can change the project's course, 1 "
                                      "(little) to 5 (can stop it).",
                          json_schema_extra={"minimum": 1, "maximum": 5})
    interest: Number = Field(description="How much the project affects them or they care, "
                                         "1 (barely) to 5 (daily).",
                             json_schema_extra={"minimum": 1, "maximum": 5})
    attitude: Text = Field(None, description="champion, supporter, neutral, sceptic or "
                                             "blocker.")
    notes: Text = Field(None, description="What they care about and how to engage them.")


class RaciRow(ArtifactModel):
    deliverable: str = Field(description="A deliverable or decision, e.g. 'Go/no-go decision'.")
    assign: dict[str, str] = Field(description=(
        "Role -> letter: R responsible (does the work), A accountable (one per row, signs "
        "it off), C consulted (asked before), I informed (told after), A/R both."))


class Raci(ArtifactModel):
    roles: list[str] = Field(min_length=1, description="The roles that may appear in rows.")
    rows: list[RaciRow] = Field(min_length=1, description="One row per deliverable or "
                                                          "decision.")


class Communication(ArtifactModel):
    audience: Names = Field(description="Who receives it: stakeholders by name or by role.")
    message: str = Field(description="What it is: 'Weekly status report'.")
    channel: str = Field(description="How: email, meeting, chat channel, dashboard …")
    frequency: Frequency = Field(description=(
        "daily, twice-weekly, weekly, biweekly (every two weeks), fortnightly, monthly, "
        "quarterly, per-sprint or ad-hoc. Key players need daily, twice-weekly or weekly."))
    owner: Text = Field(None, description="The one person who sends it.")


class StatusReport(ArtifactModel):
    period: str = Field(description="The period reported, e.g. '2027-01-11 to 2027-01-15'.")
    overall: Rag = Field(description="green, amber or red: the project as a whole.")
    schedule: Rag = Field(description="green, amber or red; not green when SPI < 0.9.")
    scope: Rag = Field(description="green, amber or red.")
    budget: Rag = Field(description="green, amber or red; not green when CPI < 0.9.")
    spi: Money | None = Field(None, description="Schedule performance index = earned value "
                                                "÷ planned value.")
    cpi: Money | None = Field(None, description="Cost performance index = earned value ÷ "
                                                "actual cost.")
    planned_value: Money | None = Field(None, description="PV: budgeted cost of the work "
                                                          "planned to be done by now.")
    earned_value: Money | None = Field(None, description="EV: budgeted cost of the work "
                                                         "actually done.")
    actual_cost: Money | None = Field(None, description="AC: what the work done really cost.")
    budget_at_completion: Money | None = Field(None, description="BAC: the whole budget.")
    accomplishments: list[str] = Field([], description="What was done this period.")
    next: list[str] = Field([], description="What comes next period.")
    risks: list[str] = Field([], description="The risks and issues readers should know.")
    decisions_needed: list[str] = Field([], description="What the readers need to decide.")


class StakeholderPlan(ArtifactModel):
    kind: Literal["stakeholder-plan"]
    version: Literal[1]
    project: Text = Field(None, description="The project or program this plan serves.")
    stakeholders: list[Stakeholder] = Field(min_length=1, description="Everyone with a stake, "
                                                                      "on the power/interest "
                                                                      "grid.")
    raci: Raci = Field(description="Who is responsible, accountable, consulted and informed.")
    communication: list[Communication] = Field(min_length=1, description="Who hears what, "
                                                                         "how and how often.")
    status_report: StatusReport = Field(description="The latest status report.")
