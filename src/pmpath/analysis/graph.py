"""Reachability in directed graphs: which nodes a walk along the edges can get to.

A workflow is a directed graph: its statuses are the nodes and its transitions the
edges. Two questions make a workflow sound, and each is one breadth-first search:

- :func:`reachable_from`: every node a walk starting at ``start`` can visit (is every
  status reachable from the initial status?);
- :func:`can_reach`: every node from which a walk can arrive at one of ``targets``
  (can every status still get to a done status?). This is the same search run
  backwards, over the edges reversed.

Nodes are any hashable values (status names); edges are ``(from, to)`` pairs. Both
functions run in time linear in the number of nodes and edges.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def _successors(edges: Iterable[tuple[Node, Node]]) -> dict[Node, list[Node]]:
    following: dict[Node, list[Node]] = {}
    for source, target in edges:
        following.setdefault(source, []).append(target)
    return following


def _search(starts: Iterable[Node], following: dict[Node, list[Node]]) -> set[Node]:
    """Breadth-first search from every node of ``starts`` at once."""
    seen: set[Node] = set(starts)
    queue: deque[Node] = deque(seen)
    while queue:
        node = queue.popleft()
        for nxt in following.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def reachable_from(start: Node, edges: Iterable[tuple[Node, Node]]) -> set[Node]:
    """Every node reachable from ``start`` along ``edges``, ``start`` included."""
    return _search((start,), _successors(edges))


def can_reach(targets: Iterable[Node], edges: Iterable[tuple[Node, Node]]) -> set[Node]:
    """Every node from which some node of ``targets`` is reachable, the targets included.

    A node with no path to any target is a dead end: in a workflow, a status that
    issues can enter but never leave for done.
    """
    return _search(targets, _successors((target, source) for source, target in edges))
