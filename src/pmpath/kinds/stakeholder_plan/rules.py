"""The stakeholder plan's rules, each bound to its check.

Two numbers an instructor may change come from ``curriculum/rubric.yaml``'s
thresholds: ``stake.key-players: {high_from: 4}`` (power or interest from which it
counts as high, which also splits the power/interest grid) and ``stake.status:
{green_floor: 0.9, tolerance: 0.01}`` (the SPI or CPI below which schedule or budget
cannot be green, and how far a stated index may be from the one its earned-value
figures give).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from pmpath.analysis.evm import cost_performance_index, schedule_performance_index
from pmpath.kinds.base import Context, Found, Rule, RuleBook, number_text, path_of
from pmpath.kinds.common import PLACEHOLDER
from pmpath.kinds.stakeholder_plan.model import (
    AT_LEAST_WEEKLY,
    Communication,
    Stakeholder,
    StakeholderPlan,
)

THRESHOLDS: dict[str, dict[str, Any]] = {
    "stake.key-players": {"high_from": 4},
    "stake.status": {"green_floor": 0.9, "tolerance": 0.01},
}
"""pmpath's defaults for the numbers the rules judge by; ``thresholds`` in
curriculum/rubric.yaml may change them."""

RULES: tuple[Rule, ...] = (
    Rule(
        id="stake.scale",
        severity="error",
        title="Power and interest are whole numbers from 1 to 5",
        rationale=(
            "The power/interest grid only works when everyone is scored on the same scale: a "
            "5 is someone who can stop the project or whose work it changes every day, a 1 "
            "someone it barely touches. A score off the scale, or between steps, cannot be "
            "placed on the grid and hides a judgement not yet made."
        ),
        hint="Score power and interest as whole numbers: 1 very low, 2 low, 3 medium, 4 high, "
             "5 very high.",
        passes="power: 5\ninterest: 4",
        fails="power: 7\ninterest: 3.5",
        weight=2,
    ),
    Rule(
        id="stake.raci-one-a",
        severity="error",
        title="Every RACI row has exactly one A",
        rationale=(
            "A is the one person accountable: they own the outcome and sign it off. With no "
            "A the work drifts because nobody decides; with two, each assumes the other will, "
            "which is the same as nobody. A/R (accountable and doing the work) counts as the "
            "row's A."
        ),
        hint="Give each row one A: the single person who signs the deliverable off.",
        passes="assign: {PM: A, Eng lead: R, Security: C, Sponsor: I}",
        fails="assign: {PM: A, Sponsor: A, Eng lead: R}",
        weight=3,
    ),
    Rule(
        id="stake.raci-r",
        severity="error",
        title="Every RACI row has at least one R",
        rationale=(
            "R is who does the work. A row with an accountable person but nobody responsible "
            "is a deliverable nobody will start. The accountable person may do it as well, "
            "written A/R."
        ),
        hint="Mark who does the work R, or A/R if the accountable person does it.",
        passes="assign: {Eng lead: A/R, Security: C}",
        fails="assign: {Eng lead: A, Security: C, PM: I}",
        weight=2,
    ),
    Rule(
        id="stake.raci-roles",
        severity="error",
        title="RACI rows use declared roles and the letters R, A, C, I or A/R",
        rationale=(
            "The matrix is read across and down: a role that is not among the declared "
            "roles (often a typo or a person's name) becomes a column nobody reads, and "
            "letters outside R, A, C, I and A/R mean nothing to the people who must act "
            "on them."
        ),
        hint="Use only the roles listed under raci.roles, and only R, A, C, I or A/R.",
        passes="roles: [PM, Eng lead]\nassign: {PM: A/R, Eng lead: C}",
        fails="roles: [PM, Eng lead]\nassign: {PM: A, Engineering: R, Eng lead: X}",
        weight=2,
    ),
    Rule(
        id="stake.key-players",
        severity="error",
        title="Every key player hears from the project at least weekly",
        rationale=(
            "Key players have high power and high interest: they can change the project's "
            "course and care how it goes. They need regular direct contact, at least weekly, "
            "so nothing reaches them as a surprise. A monthly steering meeting is too rare "
            "for them to steer by."
        ),
        hint="Name each key player (by name or role) in the audience of a daily, "
             "twice-weekly or weekly communication.",
        passes="stakeholders: [{name: Rachel Osei, role: Sponsor, power: 5, interest: 5}]\n"
               "communication: [{audience: [Rachel Osei], frequency: weekly, ...}]",
        fails="stakeholders: [{name: Rachel Osei, role: Sponsor, power: 5, interest: 5}]\n"
              "communication: [{audience: [Rachel Osei], frequency: monthly, ...}]",
        weight=3,
    ),
    Rule(
        id="stake.status",
        severity="error",
        title="Status colours follow the numbers: no green schedule below SPI 0.9, no green "
              "budget below CPI 0.9",
        rationale=(
            "A status report earns trust by being honest. SPI (earned value ÷ planned value) "
            "below 0.9 means a tenth or more of the planned work is not done; CPI (earned "
            "value ÷ actual cost) below 0.9 means the work costs over a tenth more than "
            "budgeted. Reporting green then is a watermelon: green outside, red inside. "
            "When planned value, earned value and actual cost are given, the stated SPI and "
            "CPI must match them."
        ),
        hint="Set schedule (or budget) to amber with a recovery plan, or red if you need a "
             "decision; and keep spi and cpi equal to what the earned-value figures give.",
        passes="schedule: amber\nspi: 0.85",
        fails="schedule: green\nspi: 0.85",
        weight=3,
    ),
)

BOOK = RuleBook(RULES)

SCALE_WORDS = "1 very low, 2 low, 3 medium, 4 high, 5 very high"
LETTERS = ("R", "A", "C", "I", "A/R")
ACCOUNTABLE = ("A", "A/R")
RESPONSIBLE = ("R", "A/R")


def high_from(ctx: Context) -> float:
    return float(ctx.threshold("stake.key-players", "high_from"))


def green_floor(ctx: Context) -> float:
    return float(ctx.threshold("stake.status", "green_floor"))


def on_scale(value: float) -> bool:
    return value == int(value) and 1 <= value <= 5


def has_placeholder(text: str | None) -> bool:
    return bool(text) and PLACEHOLDER.search(text) is not None


# ----------------------------------------------------------------------- the grid


QUADRANTS = ("manage-closely", "keep-satisfied", "keep-informed", "monitor")


def quadrant(stakeholder: Stakeholder, high: float) -> str | None:
    """Where a stakeholder sits on the power/interest grid; None when off the scale."""
    if not (on_scale(stakeholder.power) and on_scale(stakeholder.interest)):
        return None
    powerful, interested = stakeholder.power >= high, stakeholder.interest >= high
    if powerful:
        return "manage-closely" if interested else "keep-satisfied"
    return "keep-informed" if interested else "monitor"


def is_key_player(stakeholder: Stakeholder, high: float) -> bool:
    return quadrant(stakeholder, high) == "manage-closely"


@BOOK.check("stake.scale")
def scores_on_the_scale(doc: StakeholderPlan, ctx: Context, found: Found) -> None:
    for index, stakeholder in enumerate(doc.stakeholders):
        for field in ("power", "interest"):
            value = getattr(stakeholder, field)
            if on_scale(value):
                continue
            shown = number_text(value)
            if value != int(value):
                low, high = max(1, min(5, int(value // 1))), max(1, min(5, int(value // 1) + 1))
                message = f"{field} {shown} is not a whole number; the scale is 1, 2, 3, 4, 5"
                hint = f"choose {low} or {high} ({SCALE_WORDS})" if low != high else \
                    f"set {field}: {low} ({SCALE_WORDS})"
            elif value > 5:
                message = f"{field} {shown} is above the scale 1–5"
                hint = f"5 is the highest; set {field}: 5 if that fits ({SCALE_WORDS})"
            else:
                message = f"{field} {shown} is below the scale 1–5"
                hint = f"1 is the lowest; set {field}: 1 if that fits ({SCALE_WORDS})"
            found(path_of("stakeholders", index, field),
                  f"{stakeholder.name}: {message}, so they cannot be placed on the grid",
                  hint=hint)


# ----------------------------------------------------------------------- RACI


def normal_letter(letter: str) -> str:
    """' a/r ' -> 'A/R': capitals and spaces around the slash are forgiven."""
    return re.sub(r"\s*/\s*", "/", letter.strip().upper())


BOTH_WRITTEN_OTHERWISE = ("R/A", "AR", "RA", "A,R", "A+R", "A&R", "R,A", "R+A", "R&A")
"""Ways of writing A/R that stake.raci-roles asks to spell A/R, but that clearly mean it."""


def meant_letter(letter: str) -> str:
    """The letter as counted for the A and R rules: 'R/A' counts as the A/R it means."""
    normal = normal_letter(letter)
    return "A/R" if normal.replace(" ", "") in BOTH_WRITTEN_OTHERWISE else normal


def row_label(row_deliverable: str, index: int) -> str:
    return f"row '{row_deliverable}'" if row_deliverable else f"row number {index + 1}"


def letters_of(assign: dict[str, str]) -> dict[str, str]:
    """Role -> letter as meant, for the letters that mean one of R, A, C, I, A/R.

    Only the letters count, not whether the role is declared: a misspelt role is
    stake.raci-roles' finding, and its A is still the row's A.
    """
    return {role: meant_letter(letter) for role, letter in assign.items()
            if meant_letter(letter) in LETTERS}


@BOOK.check("stake.raci-one-a")
def one_accountable(doc: StakeholderPlan, ctx: Context, found: Found) -> None:
    for index, row in enumerate(doc.raci.rows):
        letters = letters_of(row.assign)
        accountable = [role for role, letter in letters.items() if letter in ACCOUNTABLE]
        if len(accountable) == 1:
            continue
        label = row_label(row.deliverable, index)
        where = path_of("raci", "rows", index, "assign")
        if not accountable:
            doers = [role for role, letter in letters.items() if letter == "R"]
            hint = (f"make the one person who signs it off A; if that is the person doing "
                    f"the work, write {doers[0]}: A/R" if doers else
                    "make the one person who signs it off A")
            found(where, f"{label} has no A, so nobody is accountable for it", hint=hint)
        else:
            named = ", ".join(f"{role} ({letters[role]})" for role in accountable)
            found(where, f"{label} has {len(accountable)} As: {named}; when two people are "
                         "accountable, nobody is",
                  hint=f"agree which one of {' or '.join(accountable)} signs it off and keep "
                       f"their A; make the other{'s' if len(accountable) > 2 else ''} R (if "
                       "they do the work) or C")


@BOOK.check("stake.raci-r")
def someone_responsible(doc: StakeholderPlan, ctx: Context, found: Found) -> None:
    for index, row in enumerate(doc.raci.rows):
        letters = letters_of(row.assign)
        if any(letter in RESPONSIBLE for letter in letters.values()):
            continue
        accountable = [role for role, letter in letters.items() if letter == "A"]
        hint = (f"mark who does the work R; if {accountable[0]} does it, write "
                f"{accountable[0]}: A/R" if accountable else "mark who does the work R")
        found(path_of("raci", "rows", index, "assign"),
              f"{row_label(row.deliverable, index)} has no R (or A/R), so nobody is doing "
              "the work", hint=hint)


@BOOK.check("stake.raci-roles")
def declared_roles_and_letters(doc: StakeholderPlan, ctx: Context, found: Found) -> None:
    declared = list(doc.raci.roles)
    listing = ", ".join(declared)
    by_lower = {role.lower(): role for role in declared}
    for index, row in enumerate(doc.raci.rows):
        label = row_label(row.deliverable, index)
        for role, letter in row.assign.items():
            where = path_of("raci", "rows", index, "assign", role)
            if role not in declared and not has_placeholder(role):
                close = by_lower.get(role.lower()) or _close(role, declared)
                found(where, f"{label} assigns '{role}', which is not one of the declared "
                             f"roles ({listing})",
                      hint=(f"did you mean '{close}'? Write it exactly as in raci.roles"
                            if close else
                            f"add '{role}' to raci.roles, or use one of {listing}"))
            normal = normal_letter(letter)
            if normal in LETTERS or has_placeholder(letter):
                continue
            if meant_letter(letter) == "A/R":
                hint = f"write {role}: A/R for someone both accountable and responsible"
            elif normal == "S":
                hint = "RASCI's S (support) is not used here: write R if they do part of " \
                       "the work, or C if they advise"
            elif not normal or normal in ("-", "N/A", "NONE"):
                hint = f"leave {role} out of the row when they play no part in it"
            else:
                hint = "use R (does the work), A (signs it off), C (asked before), " \
                       "I (told after) or A/R"
            found(where, f"{label} gives {role} the letter '{letter}', which is not one of "
                         "R, A, C, I, A/R", hint=hint)


def _close(word: str, choices: list[str]) -> str | None:
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close else None


# ----------------------------------------------------------------------- key players


def loose(text: str) -> str:
    """A name as compared: no title in parentheses or after a comma, no capitals."""
    text = re.sub(r"\([^)]*\)", " ", text).split(",", 1)[0]
    return " ".join(text.lower().split())


def plain(text: str) -> str:
    return " ".join(text.lower().split())


def reaches(communication: Communication, stakeholder: Stakeholder) -> bool:
    """Whether the audience names the stakeholder, by name or by role.

    'Rachel Osei', 'rachel osei (VP Product)', 'VP Product (sponsor)' and 'Sponsor' all
    name a stakeholder Rachel Osei whose role is 'VP Product (sponsor)'.
    """
    targets = {loose(stakeholder.name), plain(stakeholder.name), loose(stakeholder.role),
               plain(stakeholder.role)}
    targets.update(plain(inner) for inner in re.findall(r"\(([^)]*)\)", stakeholder.role))
    targets.discard("")
    return any(loose(entry) in targets or plain(entry) in targets
               for entry in communication.audience)


def weekly_or_more(communication: Communication) -> bool:
    return communication.frequency in AT_LEAST_WEEKLY


def uncovered_key_players(doc: StakeholderPlan, high: float) -> list[int]:
    """Indexes of the key players no weekly (or more frequent) communication reaches."""
    weekly = [item for item in doc.communication if weekly_or_more(item)]
    return [index for index, stakeholder in enumerate(doc.stakeholders)
            if is_key_player(stakeholder, high)
            and not any(reaches(item, stakeholder) for item in weekly)]


@BOOK.check("stake.key-players")
def key_players_weekly(doc: StakeholderPlan, ctx: Context, found: Found) -> None:
    high = high_from(ctx)
    weekly = [(index, item) for index, item in enumerate(doc.communication)
              if weekly_or_more(item)]
    for index in uncovered_key_players(doc, high):
        stakeholder = doc.stakeholders[index]
        rarer = [(c_index, item) for c_index, item in enumerate(doc.communication)
                 if reaches(item, stakeholder)]
        scores = (f"power {number_text(stakeholder.power)} and interest "
                  f"{number_text(stakeholder.interest)}")
        if rarer:
            c_index, item = rarer[0]
            article = "an" if item.frequency[0] in "aeiou" else "a"
            detail = (f"only {article} {item.frequency} communication reaches them: "
                      f"communication[{c_index}] '{item.message}'")
        else:
            detail = "no communication names them in its audience"
        if weekly:
            w_index, item = weekly[0]
            hint = (f"add '{stakeholder.name}' to the audience of communication[{w_index}] "
                    f"'{item.message}' ({item.frequency})")
        else:
            hint = f"add a weekly communication with '{stakeholder.name}' in its audience"
        if rarer:
            hint += f", or make communication[{rarer[0][0]}] weekly"
        found(path_of("stakeholders", index),
              f"{stakeholder.name} ({stakeholder.role}) has {scores}, a key player to manage "
              f"closely, but {detail}; key players need contact at least weekly",
              hint=hint)


# ----------------------------------------------------------------------- status


@dataclass(frozen=True)
class IndexReading:
    """SPI or CPI as the report gives it: stated, computed from earned value, or both."""

    name: str
    stated: float | None
    computed: float | None
    working: str
    """How the computed value was reached: 'earned value 171,000 ÷ planned value 180,000'."""

    @property
    def value(self) -> float | None:
        """The value the colours are judged by: the figures' when given, else the stated one."""
        return self.computed if self.computed is not None else self.stated


def money(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def index_readings(doc: StakeholderPlan) -> tuple[IndexReading, IndexReading]:
    report = doc.status_report
    ev, pv, ac = report.earned_value, report.planned_value, report.actual_cost
    spi = cpi = None
    spi_working = cpi_working = ""
    if ev is not None and pv:
        spi = schedule_performance_index(ev, pv)
        spi_working = f"earned value {money(ev)} ÷ planned value {money(pv)}"
    if ev is not None and ac:
        cpi = cost_performance_index(ev, ac)
        cpi_working = f"earned value {money(ev)} ÷ actual cost {money(ac)}"
    return (IndexReading("spi", report.spi, spi, spi_working),
            IndexReading("cpi", report.cpi, cpi, cpi_working))


def two_places(value: float) -> str:
    return f"{value:.2f}"


@BOOK.check("stake.status")
def colours_follow_the_numbers(doc: StakeholderPlan, ctx: Context, found: Found) -> None:
    floor = green_floor(ctx)
    tolerance = float(ctx.threshold("stake.status", "tolerance"))
    report = doc.status_report
    for reading, colour_field in zip(index_readings(doc), ("schedule", "budget"), strict=True):
        label = reading.name.upper()
        if reading.stated is not None and reading.computed is not None \
                and abs(reading.stated - reading.computed) > tolerance + 1e-9:
            found(path_of("status_report", reading.name),
                  f"{reading.name} {number_text(reading.stated)} is stated, but "
                  f"{reading.working} = {two_places(reading.computed)}",
                  hint=f"set {reading.name}: {two_places(reading.computed)} (or correct the "
                       "earned-value figures)")
        value = reading.value
        colour = getattr(report, colour_field)
        if value is None or value >= floor or colour != "green":
            continue
        how = f" ({reading.working})" if reading.computed is not None else ""
        meaning = (f"about {1 - value:.0%} of the work planned by now is not done"
                   if reading.name == "spi" else
                   f"each unit of money spent buys only {value:.0%} of the value budgeted")
        found(path_of("status_report", colour_field),
              f"{colour_field} is green, but {label} is {two_places(value)}{how}, below "
              f"{number_text(floor)}: {meaning}",
              hint=f"set {colour_field}: amber and add the recovery plan to next (or red if "
                   f"you need a decision); green needs {label} of {number_text(floor)} or more")
