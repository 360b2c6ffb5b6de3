"""'Did you mean …?' for anything a learner types by name: commands, kinds, rules,
skills, concepts, exercises."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word.lower(), [str(choice) for choice in choices], n=1,
                                      cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
