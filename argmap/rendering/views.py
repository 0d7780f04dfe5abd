"""Views: the part of a map's graph a diagram shows.

Each view takes a :class:`~argmap.rendering.graph.Graph` and returns a smaller
one; they combine (``--case brown --tag sovereignty`` keeps what both keep).
A view that would leave nothing raises :class:`ViewError` naming what
exists instead, so a typo never yields an empty picture.
"""

from __future__ import annotations

import collections

import attrs

from argmap.model import Ref
from argmap.suggest import close_matches
from argmap.rendering.graph import Edge, Graph, Node, key_of


class ViewError(ValueError):
    """A view names a claim, case, tag or map that the diagram does not have."""


def _unknown(what: str, name: str, known) -> ViewError:
    known = sorted(set(known))
    close = close_matches(name, known, n=3)
    if close:
        return ViewError(f"no {what} {name!r}; did you mean {', '.join(close)}?")
    shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
    return ViewError(f"no {what} {name!r}" + (f" (there are: {shown})" if known else f" (the map has no {what}s)"))


def _key(g: Graph, name: str) -> str:
    ref = Ref.parse(name)
    return key_of(ref.map or g.root.id, ref.id)


def _with_junctions(g: Graph, keep: set[str]) -> set[str]:
    """*keep* plus the linked arguments whose conclusion and some premise are kept."""
    premises: dict[str, set[str]] = collections.defaultdict(set)
    conclusion: dict[str, str] = {}
    for e in g.edges:
        if e.kind == "premise":
            premises[e.target].add(e.source)
        elif e.kind == "supports" and g.nodes[e.source].kind == "argument":
            conclusion[e.source] = e.target
    for junction, parts in premises.items():
        if conclusion.get(junction) in keep and parts & keep:
            keep.add(junction)
    return keep


def focus(g: Graph, name: str, depth: int = 1) -> Graph:
    """The node *name* and every node within *depth* relation steps of it, either direction.

    A linked argument's junction costs no step: a premise is one step from
    its conclusion.  An undercut is one step from both ends of the link it
    attacks.
    """
    start = _key(g, name)
    if start not in g.nodes or g.nodes[start].kind == "missing":
        raise _unknown("claim", name, [n.id if n.map_id == g.root.id else n.key
                                       for n in g.nodes.values() if n.kind != "missing"])
    if depth < 0:
        raise ViewError("--depth must be 0 or more")
    near: dict[str, list[str]] = collections.defaultdict(list)
    for e in g.edges:
        ends = e.ends
        for a in ends:
            for b in ends:
                if a != b:
                    near[a].append(b)
    free = {k for k, n in g.nodes.items() if n.kind == "argument"}
    best = {start: 0}
    todo = collections.deque([start])
    while todo:  # 0-1 breadth-first search
        here = todo.popleft()
        for there in near[here]:
            cost = best[here] + (0 if there in free else 1)
            if cost <= depth and cost < best.get(there, depth + 1):
                best[there] = cost
                (todo.appendleft if cost == best[here] else todo.append)(there)
    keep = {k for k in best if k not in free or k == start}
    return g.restrict(_with_junctions(g, keep))


def case(g: Graph, name: str) -> Graph:
    """The claims and arguments of the case *name*, with the thesis it argues for or against."""
    wanted = {k for k in g.cases if k == name or k == key_of(g.root.id, name)}
    if not wanted:
        raise _unknown("case", name, [c.id if home is g.root else k for k, (c, home) in g.cases.items()])
    keep = {k for k, n in g.nodes.items() if n.case in wanted}
    for k in wanted:
        c, home = g.cases[k]
        keep.add(key_of(c.thesis.map or home.id, c.thesis.id))
    return g.restrict(_with_junctions(g, keep))


def tag(g: Graph, name: str) -> Graph:
    """The claims tagged *name*."""
    keep = {k for k, n in g.nodes.items() if n.kind == "claim" and name in n.item.tags}
    if not keep:
        raise _unknown("tag", name, [t for n in g.nodes.values() if n.kind == "claim" for t in n.item.tags])
    return g.restrict(_with_junctions(g, keep))


def document(g: Graph, map_id: str) -> Graph:
    """The nodes of the map *map_id* (this map or one it uses)."""
    keep = {k for k, n in g.nodes.items() if n.map_id == map_id}
    if not keep:
        raise _unknown("map", map_id, [n.map_id for n in g.nodes.values()])
    return g.restrict(keep)


def collapse_imports(g: Graph) -> Graph:
    """Each used map as one box; relations with its claims end on the box."""
    def box(key: str) -> str:
        n = g.nodes[key]
        return n.key if n.map_id == g.root.id else n.map_id

    nodes: dict[str, Node] = {}
    for k, n in g.nodes.items():
        if n.map_id == g.root.id:
            nodes[k] = n
        elif n.map_id not in nodes:
            used = g.root.imports.get(n.map_id)
            nodes[n.map_id] = Node(n.map_id, "import", n.map_id, n.map_id, None, used,
                                   size=len(used.nodes) if used is not None else 0)
    edges: list[Edge] = []
    for e in g.edges:
        source = box(e.source)
        if e.link is not None:
            a, b = box(e.link[0]), box(e.link[1])
            moved = Edge(e.kind, source, link=(a, b)) if a != b else Edge(e.kind, source, a)
        else:
            moved = Edge(e.kind, source, box(e.target))
        if moved.target is not None and moved.target == moved.source:
            continue  # a relation inside one used map
        edges.append(moved)
    return attrs.evolve(g, nodes=nodes, edges=tuple(dict.fromkeys(edges)))


def apply(g: Graph, *, focus_on: str | None = None, depth: int = 1, case_id: str | None = None,
          tag_name: str | None = None, document_id: str | None = None, collapse: bool = False,
          neighbourhood: bool = False) -> Graph:
    """Every view asked for, in a fixed order: filters first, then collapsing.

    *neighbourhood*, when no other view is asked for, adds to each used map's
    linked claims their path to its thesis and a count of the rest
    (:func:`argmap.rendering.debate.neighbourhoods`).
    """
    if neighbourhood and not (case_id or tag_name or document_id or focus_on or collapse):
        from argmap.rendering.debate import neighbourhoods

        return neighbourhoods(g)
    if case_id:
        g = case(g, case_id)
    if tag_name:
        g = tag(g, tag_name)
    if document_id:
        g = document(g, document_id)
    if focus_on:
        g = focus(g, focus_on, depth)
    if collapse:
        g = collapse_imports(g)
    return g
