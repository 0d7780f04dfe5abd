"""The overview a page opens on: the theses and the top lines of each case, the rest folded.

:func:`overview` keeps the theses and every claim within *depth* tree
steps of one (the trees of :func:`argmap.rendering.lanes.parents`), and
puts under each kept claim that has more below it one box saying how many
claims it holds.  The page (:mod:`argmap.rendering.html`) draws it first
and unfolds a box into the whole map at that place.
"""

from __future__ import annotations

import collections
from collections.abc import Mapping

import attrs

from argmap.rendering.graph import Edge, Graph, Node
from argmap.rendering.lanes import parents


@attrs.frozen
class Overview:
    """The overview's graph, and for each folded box the keys of the claims it stands for."""

    graph: Graph
    folded: Mapping[str, tuple[str, ...]]


def fold_key(key: str) -> str:
    """The key of the box folding what lies below the node *key*."""
    return f"{key}…"


def overview(g: Graph, depth: int = 1) -> Overview:
    """*g* cut to its theses and the claims within *depth* tree steps of them, the rest folded into counts."""
    tree = parents(g)
    children: dict[str, list[str]] = collections.defaultdict(list)
    for k, i in tree.items():
        children[g.edges[i].target].append(k)
    level: dict[str, int] = {}
    todo = [k for k in g.nodes if k not in tree]
    for k in todo:
        level[k] = 0
    while todo:
        k = todo.pop()
        for c in children.get(k, ()):
            if c not in level:
                level[c] = level[k] + 1
                todo.append(c)
    keep = {k for k, d in level.items() if d <= depth and g.nodes[k].kind != "argument"}
    keep |= {k for k in g.nodes if k not in level}  # a circle of relations: shown, not lost
    shown = g.restrict(keep)
    nodes = dict(shown.nodes)
    edges = list(shown.edges)
    folded: dict[str, tuple[str, ...]] = {}
    for k in keep:
        below: list[str] = []
        stack = [c for c in children.get(k, ()) if c not in keep]
        while stack:
            c = stack.pop()
            below.append(c)
            stack += [d for d in children.get(c, ()) if d not in keep]
        claims = tuple(c for c in below if g.nodes[c].kind == "claim")
        if claims:
            n = g.nodes[k]
            key = fold_key(k)
            nodes[key] = Node(key, "import", f"{n.id}…", n.map_id, None, n.home, n.case, size=len(claims))
            edges.append(Edge("supports", key, k))
            folded[key] = claims
    return Overview(attrs.evolve(shown, nodes=nodes, edges=tuple(edges)), folded)
