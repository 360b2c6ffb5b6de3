"""The dates of a fresh risk register: two reviews in the last fortnight, an action due soon.

A template must fail `check` only on what the learner has to write, so its dates sit
inside the review cadence as of the day it is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

# Categories for the stubs after the two worked examples, so that the register starts
# out spread across the program (technical and cost are taken by the examples).
STUB_CATEGORIES = ("schedule", "vendor", "compliance", "resource", "security", "external",
                   "scope", "technical", "cost")
WORKED_EXAMPLES = 2


def template_values(today: date, params: Mapping[str, Any]) -> dict[str, Any]:
    wanted = int(params.get("min_risks", 8))
    more = [{"number": f"{index + 1:03d}",
             "category": STUB_CATEGORIES[(index - WORKED_EXAMPLES) % len(STUB_CATEGORIES)]}
            for index in range(WORKED_EXAMPLES, max(wanted, WORKED_EXAMPLES))]
    return {
        "more_risks": more,
        "first_review": today - timedelta(days=13),
        "second_identified": today - timedelta(days=11),
        "last_review": today - timedelta(days=1),
        "action_due": today + timedelta(days=18),
    }
