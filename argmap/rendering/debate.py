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
"""

from __future__ import annotations

import attrs

from argmap.rendering.graph import Edge, Graph, Node, build
from argmap.rendering.lanes import parents

#: The id of the box that stands for the claims of a used map left out.
FOLDED = "more"


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
