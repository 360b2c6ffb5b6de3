"""A fresh STAR stories file holds as many empty stories as the exercise asks for."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any


def template_values(today: date, params: Mapping[str, Any]) -> dict[str, Any]:
    return {"stories": [{} for _ in range(max(1, int(params.get("min_stories", 3))))]}
