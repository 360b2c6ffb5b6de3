"""The registry of artifact kinds: which kinds exist and where each one lives.

A kind is one package under ``pmpath.kinds`` holding its model, its rules bound
to their checks, its typed figures and the capabilities it declares (a
terminal renderer, a scheduler, export formats), all gathered in the package's
``SPEC``. This registry names each kind's package without importing it, so
fast commands such as ``pmpath next`` can ask which kinds exist without loading
any kind.

Adding a kind: make its package, then add one line below.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pmpath.kinds.base import KindSpec


class KindInfo(NamedTuple):
    kind: str
    label: str
    """What a learner calls it: 'risk register'."""
    package: str
    markdown: bool = False

    @property
    def filename(self) -> str:
        return f"{self.kind}.md" if self.markdown else f"{self.kind}.yaml"

    @property
    def is_markdown(self) -> bool:
        return self.markdown


KINDS: dict[str, KindInfo] = {
    info.kind: info
    for info in (
        KindInfo("project-plan", "project plan", "pmpath.kinds.project_plan"),
        KindInfo("capacity-plan", "capacity plan", "pmpath.kinds.capacity_plan"),
        KindInfo("sprint", "sprint", "pmpath.kinds.sprint"),
        KindInfo("launch-plan", "launch plan", "pmpath.kinds.launch_plan"),
        KindInfo("risk-register", "risk register", "pmpath.kinds.risk_register"),
        KindInfo("stakeholder-plan", "stakeholder plan", "pmpath.kinds.stakeholder_plan"),
        KindInfo("team-charter", "team charter", "pmpath.kinds.team_charter", markdown=True),
        KindInfo("jira-config", "Jira configuration", "pmpath.kinds.jira_config"),
        KindInfo("trd", "technical requirements document", "pmpath.kinds.trd", markdown=True),
        KindInfo("metrics-dashboard", "metrics dashboard", "pmpath.kinds.metrics_dashboard"),
        KindInfo("product-vision", "product vision", "pmpath.kinds.product_vision"),
        KindInfo("star-stories", "STAR interview stories", "pmpath.kinds.star_stories"),
        KindInfo("product-backlog", "product backlog", "pmpath.kinds.product_backlog"),
    )
}


def spec_of(kind: str) -> KindSpec:
    """The full declaration of ``kind`` (imports its package: its model, rules and all)."""
    return importlib.import_module(KINDS[kind].package).SPEC


def all_specs() -> list[KindSpec]:
    return [spec_of(kind) for kind in KINDS]
