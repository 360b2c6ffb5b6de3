"""The export tests drive the real CLI with the ``pmpath`` fixture of tests/cli."""

from cli.conftest import pmpath  # noqa: F401 - the fixture, shared with tests/cli
