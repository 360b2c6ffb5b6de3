"""The dates of a fresh risk register: two reviews in the last fortnight, an action due soon.

A template must fail `check` only on what the learner has to write, so its dates sit
inside the review cadence as of the day it is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any


def template_values(today: date, params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "first_review": today - timedelta(days=13),
        "second_identified": today - timedelta(days=11),
        "last_review": today - timedelta(days=1),
        "action_due": today + timedelta(days=18),
    }
