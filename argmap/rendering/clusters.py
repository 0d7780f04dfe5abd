"""The boxes a diagram draws around nodes: the claims of each used map (``document``), of each
case (``case``), or of each of the map's groups, nested as the groups are (``group``).

The functions read the DOT builder's state (:class:`argmap.rendering.dot._Builder`: the graph, the
case lanes it planned, the articles' order) and add the nodes through it.
"""

from __future__ import annotations

import graphviz

from argmap.model import Claim
from argmap.rendering.graph import Node
from argmap.rendering.quoting import dot_label
from argmap.rendering.wrapping import wrap


def box_style(sub: graphviz.Digraph, title: str) -> None:
    """A box's look: a dashed grey rounded frame with its title top left."""
    sub.attr(label=dot_label([line for line, _ in wrap(title, 60)]), style="rounded,dashed",
             color="#999999", fontcolor="#444444", labeljust="l")


def flat(b) -> list[tuple[str, str | None, list[Node]]]:
    """The boxes of the ``case`` and ``document`` modes: (cluster name, title, nodes); name "" for
    nodes outside any box."""
    g = b.g
    if b.cluster == "case" and b.plan is not None:
        lane_of = {k: lane for lane in b.plan.lanes for k in lane.nodes}
        outside = [n for k, n in g.nodes.items() if k not in lane_of]
        return [("", None, outside)] + [(f"cluster_case{i}", lane.title, [g.nodes[k] for k in lane.nodes])
                                        for i, lane in enumerate(b.plan.lanes)]
    if b.cluster == "case":
        groups: dict[str | None, list[Node]] = {}
        for n in g.nodes.values():
            groups.setdefault(n.case, []).append(n)
        out = []
        for i, (k, nodes) in enumerate(groups.items()):
            if k is None or k not in g.cases:
                out.append(("", None, nodes))
            else:
                c, home = g.cases[k]
                name = c.id if home is g.root else k
                out.append((f"cluster_case{i}", f"{name}: {c.stance} {c.thesis}", nodes))
        return out
    if b.cluster == "document":
        docs: dict[str, list[Node]] = {}
        for n in g.nodes.values():
            docs.setdefault(n.map_id, []).append(n)
        if len(docs) > 1:
            out = []
            at = {k: i for i, k in enumerate(b.order)}
            for i, (map_id, nodes) in sorted(enumerate(docs.items()), key=lambda t: at.get(t[1][0], len(at))):
                if map_id == g.root.id:
                    out.append(("", None, nodes))
                    continue
                used = g.root.imports.get(map_id)
                title = used.document.title if used is not None and used.document is not None else None
                out.append((f"cluster_doc{i}", f"{map_id}: {title}" if title else map_id, nodes))
            return out
    return [("", None, list(g.nodes.values()))]


def group_boxes(b, dot: graphviz.Digraph) -> None:
    """The root map's groups as boxes, each inside its parent's; claims in no (known) group outside."""
    root = b.g.root
    table = root.group_table
    members: dict[str | None, list[Node]] = {}
    for n in b.g.nodes.values():
        group = n.item.group if isinstance(n.item, Claim) and n.home is root else None
        members.setdefault(group if group in table else None, []).append(n)
    children: dict[str | None, list[str]] = {}
    for grp in table.values():
        parent = grp.parent.id if grp.parent is not None and grp.parent.map is None else None
        children.setdefault(parent if parent in table and parent != grp.id else None, []).append(grp.id)
    number = {k: i for i, k in enumerate(table)}
    drawn: set[str] = set()

    def box(graph: graphviz.Digraph, gid: str) -> None:
        if gid in drawn:  # a ring of parents (S221): each box once
            return
        drawn.add(gid)
        name = f"cluster_group{number[gid]}"
        with graph.subgraph(name=name) as sub:
            sub.attr(label=dot_label([line for line, _ in wrap(table[gid].title or gid, 60)]),
                     style="rounded,dashed", color="#999999", fontcolor="#444444", labeljust="l")
            for n in members.get(gid, ()):
                b.add_node(sub, n)
                b.cluster_of[n.key] = name
            for child in children.get(gid, ()):
                box(sub, child)

    for n in members.get(None, ()):
        b.add_node(dot, n)
    for gid in children.get(None, ()):
        box(dot, gid)
    for gid in table:  # groups only reachable through a ring
        box(dot, gid)
