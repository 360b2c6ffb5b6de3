"""One exception hierarchy for everything pmpath reports to a person.

Each error carries the exit code the CLI uses: 2 for usage errors and input
pmpath cannot read, 1 for work that failed; 3 is kept for pmpath's own bugs and
130 for an interrupted command. Only ``pmpath.cli.app.main`` turns
these into a one-line message on stderr.
"""

from __future__ import annotations

EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130


class PmpathError(Exception):
    """Something pmpath can explain in one line to the learner."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class UsageError(PmpathError):
    """The command was asked for something that does not exist or makes no sense."""


class NotAWorkspaceError(PmpathError):
    """The command needs a workspace and none was found."""


class UnreadableInputError(PmpathError):
    """A file pmpath needs cannot be read or parsed."""


class CurriculumError(PmpathError):
    """The curriculum folder has problems; ``problems`` lists each with its place."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class StateError(PmpathError):
    """The progress file is damaged; progress is never reset silently."""
