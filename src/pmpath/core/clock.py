"""Today's date, which every rule that depends on today reads."""

from __future__ import annotations

import os
from datetime import date


def today() -> date:
    """Today's date; ``PMPATH_TODAY`` pins it for demos and tests."""
    pinned = os.environ.get("PMPATH_TODAY")
    if pinned:
        from pmpath.core.errors import UsageError

        try:
            return date.fromisoformat(pinned)
        except ValueError:
            raise UsageError(f"PMPATH_TODAY must be a date like 2027-01-20, not '{pinned}'") \
                from None
    return date.today()
