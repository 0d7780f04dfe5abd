"""The debate map as a map of the debate: each used map's part in it, and how much is left out.

A map that ``use``s others (``new_approach_debate``) relates claims of
different articles.  Drawn bare, those claims float without their
context; drawn whole, the articles bury the links.  :func:`neighbourhoods`
keeps, of each used map, the claims that take part in a link between
articles and their path up to that article's thesis (each claim's first
support or attack, as the lanes' trees follow it,
:func:`argmap.rendering.lanes.parents`), and folds the rest into one box
that says how many claims it holds.  Only those paths are drawn of each
article's own relations, so that what runs between the boxes is the debate.

Where the boxes stand decides how far the links run.  :func:`article_order`
puts the most linked articles side by side, :func:`article_rows` cuts that
order into rows when one row is too wide, and :func:`far_links` names the
links between articles that are not neighbours, which the drawing gives as
a stub at each end naming the other claim
(:mod:`argmap.rendering.dot`); :func:`argmap.rendering.search.choose_links`
turns into stubs too the links that, laid out, still cross or run far.
"""

from __future__ import annotations

import itertools

import attrs

from argmap.rendering.graph import Edge, Graph, Node, build
from argmap.rendering.lanes import parents

#: The id of the box that stands for the claims of a used map left out.
FOLDED = "more"
#: Up to this many articles every order of them is tried (7! = 5,040 orders); past it, one is built greedily.
EXHAUSTIVE = 7


def folded_key(map_id: str) -> str:
    """The key of the box standing for the claims of *map_id* left out of the debate's picture."""
    return f"{map_id}.{FOLDED}…"


def neighbourhoods(g: Graph) -> Graph:
    """*g* with, for each used map it shows, the paths from its linked claims to its thesis and a box
    counting the claims left out; a graph without used maps is returned as it is."""
    used_ids = [mid for mid in dict.fromkeys(n.map_id for n in g.nodes.values())
                if mid != g.root.id and mid in g.root.imports]
    if not used_ids:
        return g
    nodes = dict(g.nodes)
    edges = list(g.edges)
    subs = {map_id: build(g.root.imports[map_id]) for map_id in used_ids}
    for map_id in used_ids:
        used = g.root.imports[map_id]
        sub = subs[map_id]
        tree = parents(sub)
        for k in [k for k, n in g.nodes.items() if n.map_id == map_id]:
            here = k
            while here in tree:  # up the tree to the thesis, adding what is not yet drawn
                e = sub.edges[tree[here]]
                for end in (e.source, e.target):
                    if end not in nodes and end in sub.nodes:
                        nodes[end] = sub.nodes[end]
                if e not in edges:
                    edges.append(e)
                here = e.target
        shown = sum(1 for n in nodes.values() if n.map_id == map_id and n.kind in ("claim", "thesis"))
        rest = sum(1 for n in sub.nodes.values() if n.kind in ("claim", "thesis")) - shown
        if rest > 0:
            key = folded_key(map_id)
            nodes[key] = Node(key, "import", f"{FOLDED}…", map_id, None, used, size=rest)
    # Relations among the kept claims of one article that no path took (a claim supporting two shown
    # ones) are left to the article's own diagram: in the debate's they crossed the links between
    # articles (bench/diagram_metrics.py: 44 crossings with them, 35 without).
    return attrs.evolve(g, nodes=nodes, edges=tuple(dict.fromkeys(edges)))


def is_folded(node: Node) -> bool:
    """Whether *node* is a box standing for claims left out (of a used map, or folded in an overview)."""
    return node.kind == "import" and node.id.endswith("…")


def between_maps(g: Graph, e: Edge) -> bool:
    """Whether the edge *e* joins nodes of two different maps (a link of the debate)."""
    homes = {g.nodes[k].map_id for k in e.ends if k in g.nodes}
    return len(homes) > 1


def _homes(g: Graph, e: Edge) -> tuple[str, ...]:
    return tuple(dict.fromkeys(g.nodes[k].map_id for k in e.ends if k in g.nodes))


def article_order(g: Graph) -> tuple[str, ...]:
    """The maps of *g*, left to right, so that the links between articles span as few articles as can be.

    Each order costs, for every link, how many places apart its two
    articles stand (a link between neighbours costs 1): the one that costs
    least is drawn, the map's own order among equals (the maps as its
    ``use`` lines name them).  Up to :data:`EXHAUSTIVE` articles every order
    is tried; past that the most linked article is placed first and each
    next one, the most linked to those placed, at the end where it costs
    less.  This is the linear arrangement problem (NP-hard in general;
    Garey, Johnson and Stockmeyer, 1976), small here.
    """
    maps = list(dict.fromkeys(n.map_id for n in g.nodes.values()))
    weight: dict[frozenset[str], int] = {}
    for e in g.edges:
        homes = _homes(g, e)
        if len(homes) == 2:
            pair = frozenset(homes)
            weight[pair] = weight.get(pair, 0) + 1
    if len(maps) < 3 or not weight:
        return tuple(maps)

    def cost(order: tuple[str, ...]) -> int:
        at = {k: i for i, k in enumerate(order)}
        return sum(w * abs(at[a] - at[b]) for (a, b), w in ((tuple(p), w) for p, w in weight.items()))

    if len(maps) <= EXHAUSTIVE:
        # the first of two mirror images is kept: the map's own order decides between them
        return min(itertools.permutations(maps), key=cost)
    links = {k: sum(w for p, w in weight.items() if k in p) for k in maps}
    order = [max(maps, key=lambda k: links[k])]
    left = [k for k in maps if k != order[0]]
    while left:
        placed = set(order)
        nxt = max(left, key=lambda k: sum(w for p, w in weight.items() if k in p and p - {k} <= placed))
        left.remove(nxt)
        order = min(([nxt, *order], [*order, nxt]), key=lambda o: cost(tuple(o)))
    return tuple(order)


def far_links(g: Graph, order: tuple[str, ...] | None = None) -> frozenset[int]:
    """The links of *g* (by index) between articles that are not neighbours in *order*
    (:func:`article_order` by default): drawn as edges, they would run across the articles between."""
    at = {k: i for i, k in enumerate(order if order is not None else article_order(g))}
    out = set()
    for i in links(g):
        homes = _homes(g, g.edges[i])
        if len(homes) == 2 and abs(at[homes[0]] - at[homes[1]]) > 1:
            out.add(i)
    return frozenset(out)


def article_rows(order: tuple[str, ...], widths: dict[str, float], rows: int) -> tuple[tuple[str, ...], ...]:
    """*order* cut into *rows* rows of articles as even in *widths* as can be, every other row reversed so
    that articles next to each other in *order* stay next to each other (the last of one row above the
    first of the next)."""
    rows = max(1, min(rows, len(order)))
    best: tuple[float, tuple[int, ...]] | None = None
    for cuts in itertools.combinations(range(1, len(order)), rows - 1):
        bounds = (0, *cuts, len(order))
        widest = max(sum(widths.get(k, 0.0) for k in order[a:b]) for a, b in zip(bounds, bounds[1:]))
        if best is None or widest < best[0]:
            best = (widest, bounds)
    bounds = best[1] if best is not None else (0, len(order))
    return tuple(tuple(order[a:b]) if n % 2 == 0 else tuple(reversed(order[a:b]))
                 for n, (a, b) in enumerate(zip(bounds, bounds[1:])))


def links(g: Graph) -> frozenset[int]:
    """The edges of *g* (by index) that join claims of two articles: the debate's links (not those of a
    used map drawn as one box, ``--collapse-imports``: the box is the whole article, already short)."""
    return frozenset(i for i, e in enumerate(g.edges) if len(_homes(g, e)) > 1
                     and all(g.nodes[k].kind != "import" for k in e.ends if k in g.nodes))
