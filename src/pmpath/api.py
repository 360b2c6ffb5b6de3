"""The documented Python API that every ``pmpath`` command is a thin shell over.

Each function takes plain values (paths, dates, ids), does one job and returns
a typed result; it never prints. The command line parses arguments, makes one
call here and renders what comes back, so the same call works from a script,
from a notebook and from the tests::

    from pmpath import api

    report = api.check(["08-risk-management/risk-register.yaml"])
    print(report.passed, report.artifacts[0].score)

Heavy modules (pydantic, yaml, the kinds) are imported inside the functions
that need them, so importing this module stays cheap.
"""

from __future__ import annotations
