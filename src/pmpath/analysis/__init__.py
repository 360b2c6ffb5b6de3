"""Pure computations behind pmpath's grading: working-day calendars, critical path
and PERT scheduling, and throughput forecasts.

Everything here takes plain values and returns plain values, uses only the standard
library, and runs in time linear in the size of the plan, so the same functions serve
the CLI, the artifact checkers and the tests that compare them with published worked
examples. Import the submodules directly (``pmpath.analysis.schedule`` and so on);
this package deliberately imports nothing so that loading one does not load the rest.
"""
