"""The artifact kinds pmpath knows, without importing any of them.

Each graded kind has a module here holding its pydantic model, its rules and
its metrics (``SPEC``). This registry stays free of heavy imports so that fast
commands such as ``pmpath next`` can ask which kinds exist and which can be
scaffolded without paying for pydantic.
"""


from typing import NamedTuple


class KindInfo(NamedTuple):
    kind: str
    filename: str
    module: str | None = None
    """Import path of the grading module; None while the kind cannot be graded yet."""
    params: dict[str, type] = {}  # noqa: RUF012 - never mutated
    """Exercise parameters the kind reads from the curriculum, with their types."""
    label: str = ""

    @property
    def gradable(self) -> bool:
        return self.module is not None

    @property
    def is_markdown(self) -> bool:
        return self.filename.endswith(".md")


def _info(kind: str, label: str, *, module: str | None = None, markdown: bool = False,
          **params: type) -> KindInfo:
    filename = f"{kind}.md" if markdown else f"{kind}.yaml"
    return KindInfo(kind=kind, filename=filename, module=module, params=params, label=label)


KINDS: dict[str, KindInfo] = {
    info.kind: info
    for info in (
        _info("project-plan", "project plan", module="pmpath.artifacts.project_plan"),
        _info("capacity-plan", "capacity plan", module="pmpath.artifacts.capacity_plan",
              team_size=int),
        _info("sprint", "sprint", module="pmpath.artifacts.sprint", length_days=int),
        _info("launch-plan", "launch plan", module="pmpath.artifacts.launch_plan", months=int),
        _info("stakeholder-plan", "stakeholder plan"),
        _info("team-charter", "team charter", markdown=True),
        _info("jira-config", "Jira configuration"),
        _info("trd", "technical requirements document", markdown=True),
        _info("risk-register", "risk register", module="pmpath.artifacts.risk_register",
              min_risks=int),
        _info("metrics-dashboard", "metrics dashboard", min_per_category=int),
        _info("product-vision", "product vision"),
        _info("star-stories", "STAR interview stories"),
    )
}


def gradable_kinds() -> list[str]:
    return [kind for kind, info in KINDS.items() if info.gradable]
