"""A layout that follows the argument: theses on top, a lane per case, lines of argument as trees.

:func:`plan` decides, before Graphviz does the geometry, what the diagram's
shape should be:

* **lanes**: the claims of each case side by side, ordered thesis by
  thesis, the cases *for* a thesis left of those *against* it, so that the
  thesis sits between its two sides and attacks between them are short;
* **trees**: each claim hangs under the one claim it first supports or
  attacks in its own lane (its *parent*); its other relations are drawn but
  do not pull it (``constraint=false``), so a line of argument stays one
  tree instead of a web;
* **rows**: a claim with many reasons would put them all side by side, a
  very wide row; its children are spread over a few rows instead (the idea
  of Graphviz's ``unflatten``), as many as it takes for the whole picture to
  come near a screen's shape.  The number of rows is chosen from an
  estimate of each box's size (:func:`estimate`), so the layout runs once;
* **stubs**: a relation between two cases that is not a tree edge (Brown's
  reply to one of Togo's claims) would run across the whole picture and
  cross most edges on its way (brown2017: 55 of its 60 crossings).  It is
  drawn instead as two short edges, each to a small box naming the claim at
  the other end (:func:`stubs`), so each claim shows all its relations
  where it stands; the HTML page jumps from a stub to the claim it names.

Everything here is a pure function of the graph and the boxes' sizes in
characters; :mod:`argmap.rendering.dot` turns the plan into DOT.
"""

from __future__ import annotations

import collections
import math
from collections.abc import Mapping, Sequence

import attrs

from argmap.rendering.graph import Edge, Graph

#: The estimated width : height the rows are chosen for.  The estimate leaves out the room edges
#: take between boxes and the legend beside, and the seed maps come out 2 to 3 times wider than
#: estimated: 0.7 brings them to 1.7-2.4 (measured with bench/diagram_metrics.py).
TARGET_ASPECT = 0.7
#: Spreads tried, in rows per crowded claim: 1 is Graphviz's own layered layout.
SPREADS = (1, 2, 3, 4, 5, 6, 8)
#: A claim with more children than this has them spread over rows.
CROWDED = 2
#: The size of one character and one line of a box's label, and Graphviz's spacing, in points (12 pt Helvetica).
CHAR_PT, LINE_PT, PAD_W, PAD_H = 6.6, 14.4, 18.0, 9.0
NODESEP, RANKSEP = 0.3 * 72, 0.45 * 72


@attrs.frozen
class Lane:
    """The claims of one case, drawn as one column: its key, its title, and its nodes' keys in drawing order."""

    key: str
    title: str
    stance: str
    nodes: tuple[str, ...]


@attrs.frozen
class Plan:
    """How a graph is to be laid out.

    ``lanes`` left to right; ``top`` the theses (one row, on top); ``parent``
    each node's parent in its tree; ``minlen`` the rank length of each tree
    edge longer than 1, by the edge's index in ``Graph.edges``; ``loose`` the
    indices of edges that do not pull their ends together; ``spread`` the
    rows a crowded claim's children are spread over; ``stubs`` the
    indices of edges drawn as a pair of stubs instead of one long edge.
    """

    lanes: tuple[Lane, ...]
    top: tuple[str, ...]
    parent: Mapping[str, str]
    minlen: Mapping[int, int]
    loose: frozenset[int]
    spread: int
    stubs: frozenset[int] = frozenset()


def _tree_edge(e: Edge) -> bool:
    return e.target is not None and e.kind in ("supports", "rebuts", "undercuts", "premise")


def crossing_lanes(g: Graph) -> int:
    """How many relations join claims of two different cases (attacks between the sides, mostly)."""
    def case_of(k: str | None) -> str | None:
        n = g.nodes.get(k) if k is not None else None
        return n.case if n is not None and n.kind != "thesis" else None

    count = 0
    for e in g.edges:
        ends = {case_of(k) for k in e.ends} - {None}
        count += len(ends) > 1
    return count


def stubs(g: Graph, tree: Mapping[str, int]) -> frozenset[int]:
    """The edges of *g* joining claims of two different cases that do not place a claim in its tree.

    Each is drawn as stubs (see the module's docstring).  A claim's tree
    edge is never a stub, even into another case: it hangs the claim under
    what it answers, which is already a short edge.
    """
    tree_ids = set(tree.values())

    def case_of(k: str | None) -> str | None:
        n = g.nodes.get(k) if k is not None else None
        return n.case if n is not None and n.kind in ("claim", "argument") else None

    return frozenset(i for i, e in enumerate(g.edges)
                     if i not in tree_ids and e.kind != "premise" and len({case_of(k) for k in e.ends} - {None}) > 1)


def lanes(g: Graph) -> tuple[tuple[Lane, ...], tuple[str, ...]]:
    """The lanes of *g* (cases with nodes, ordered thesis by thesis, *for* before *against*) and the theses."""
    by_case: dict[str, list[str]] = collections.defaultdict(list)
    top: list[str] = []
    for k, n in g.nodes.items():
        if n.kind == "thesis":
            top.append(k)
        elif n.case in g.cases:
            by_case[n.case].append(k)
    thesis_order = {k: i for i, k in enumerate(top)}
    out = []
    for k in g.cases:
        if not by_case.get(k):
            continue
        c, home = g.cases[k]
        thesis = f"{c.thesis.map or home.id}.{c.thesis.id}"
        name = c.id if home is g.root else k
        out.append((thesis_order.get(thesis, len(top)), 0 if c.stance == "for" else 1,
                    Lane(k, f"{name}: {c.stance} {c.thesis}", c.stance, tuple(by_case[k]))))
    out.sort(key=lambda t: (t[0], t[1]))  # stable: the map's own order within a side
    return tuple(lane for *_, lane in out), tuple(top)


def parents(g: Graph) -> dict[str, int]:
    """Each node's tree edge, by index: the first it supports or attacks in its own lane, else the first at all."""
    chosen: dict[str, int] = {}
    fallback: dict[str, int] = {}
    for i, e in enumerate(g.edges):
        if not _tree_edge(e) or e.target not in g.nodes or e.source == e.target:
            continue
        same = g.nodes[e.source].case == g.nodes[e.target].case or g.nodes[e.target].kind == "thesis"
        if same:
            chosen.setdefault(e.source, i)
        fallback.setdefault(e.source, i)
    for k, i in fallback.items():
        chosen.setdefault(k, i)
    # A tree edge must not close a circle (a supports b supports a): drop the later ones.
    out: dict[str, int] = {}
    for k, i in chosen.items():
        seen, here = {k}, g.edges[i].target
        while here in chosen and here not in seen:
            seen.add(here)
            here = g.edges[chosen[here]].target
        if here not in seen:
            out[k] = i
    return out


def size_of(lines: Sequence[str]) -> tuple[float, float]:
    """A box's estimated (width, height) in points from its label's lines."""
    return PAD_W + CHAR_PT * max((len(s) for s in lines), default=1), PAD_H + LINE_PT * max(len(lines), 1)


def _lengths(g: Graph, tree: Mapping[str, int], spread: int) -> dict[int, int]:
    """Rank lengths of tree edges: the children of a crowded node round-robin over *spread* rows.

    Leaves come last, so that the far rows take leaves (whose edges pass
    no subtree) before claims with reasons of their own.
    """
    children: dict[str, list[int]] = collections.defaultdict(list)
    for k, i in tree.items():
        children[g.edges[i].target].append(i)
    lengths: dict[int, int] = {}
    if spread < 2:
        return lengths
    for kids in children.values():
        if len(kids) > CROWDED:
            order = sorted(kids, key=lambda i: g.edges[i].source not in children)
            for j, i in enumerate(order):
                if j % spread:
                    lengths[i] = 1 + j % spread
    return lengths


def estimate(g: Graph, tree: Mapping[str, int], lengths: Mapping[int, int],
             sizes: Mapping[str, tuple[float, float]], spread: int = 1) -> tuple[float, float]:
    """The (width, height) in points that a layered layout of the trees is likely to take.

    The width is that of a tidy drawing of the trees (Reingold and Tilford,
    1981): a subtree is as wide as its root or as its children side by side,
    whichever is wider, where children spread over *spread* rows share the
    width (and each edge passing a row costs a little).  The height is the deepest
    rank, counting each tree edge's length, times a typical row.  It ignores
    edges' routing: good enough to choose between spreads, not to predict the
    picture.
    """
    children: dict[str, list[str]] = collections.defaultdict(list)
    for k, i in tree.items():
        children[g.edges[i].target].append(k)
    width: dict[str, float] = {}
    rank: dict[str, int] = {}
    roots = [k for k in g.nodes if k not in tree]
    order: list[str] = []
    todo = list(roots)
    while todo:  # parents before children
        k = todo.pop()
        order.append(k)
        for c in children.get(k, ()):
            rank[c] = rank.get(k, 0) + lengths.get(tree[c], 1)
            todo.append(c)
    for k in reversed(order):  # children before parents
        own = sizes.get(k, (40.0, 20.0))[0] + NODESEP
        kids = sorted((width[c] for c in children.get(k, ())), reverse=True)
        rows = min(spread, len(kids)) if len(kids) > CROWDED else 1
        # side by side, the children of each row share the width; edges passing a row cost a little
        width[k] = max(own, sum(kids) / rows + 12.0 * (len(kids) - len(kids) // rows))
    total = sum(width.get(k, 0.0) for k in roots)
    heights = sorted(h for _, h in sizes.values()) or [20.0]
    row = heights[len(heights) // 2] + RANKSEP
    return total, row * (max(rank.values(), default=0) + 1)


def plan(g: Graph, sizes: Mapping[str, tuple[float, float]], *, target: float = TARGET_ASPECT,
         spread: int | None = None, vertical: bool = True, stub: bool = False,
         also: frozenset[int] = frozenset()) -> Plan:
    """The lanes, trees and rows for *g*, given each node's estimated box *sizes* (see :func:`size_of`).

    *spread* forces the rows per crowded claim; by default the one of
    :data:`SPREADS` whose estimated shape comes nearest *target*
    (width : height) is taken.  *vertical* is whether ranks run top to
    bottom (or bottom to top); otherwise sideways, and the shapes turn.
    *stub* draws the relations between cases that are not tree edges as
    stubs (:func:`stubs`); *also* names more edges (by index) to draw as stubs.
    """
    if not vertical:
        sizes = {k: (h, w) for k, (w, h) in sizes.items()}
        target = 1 / target
    lane_list, top = lanes(g)
    tree = parents(g)
    if spread is None:
        def badness(s: int) -> float:
            w, h = estimate(g, tree, _lengths(g, tree, s), sizes, s)
            return abs(math.log((w or 1) / (h or 1)) - math.log(target)) + 0.01 * s  # fewer rows when equal
        spread = min(SPREADS, key=badness)
    lengths = _lengths(g, tree, spread)
    tree_ids = set(tree.values())
    loose = frozenset(i for i, e in enumerate(g.edges)
                      if e.source in tree and i not in tree_ids and e.kind != "premise")
    parent = {k: g.edges[i].target for k, i in tree.items()}
    return Plan(lane_list, top, parent, lengths, loose, spread, (stubs(g, tree) if stub else frozenset()) | also)
