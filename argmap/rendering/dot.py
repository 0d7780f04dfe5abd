"""Drawing a graph as DOT, the Graphviz language.

:func:`to_dot` writes each node of a :class:`~argmap.rendering.graph.Graph`
as a box (its words from :mod:`~argmap.rendering.node_text`, its look from
:mod:`~argmap.rendering.style`), each relation as an arrow, the claims of
each used map (or case) in a cluster, and the legend
(:mod:`~argmap.rendering.legend`).  User text is made literal by
:mod:`~argmap.rendering.quoting`; italics and the small grey id line are
added to the SVG afterwards (:mod:`~argmap.rendering.svg`) through a CSS
class on each line, so both renderers give the same picture.

Most statements are written straight into the graph's body: a big diagram
has tens of thousands of them, nearly all with one of a few attribute sets,
which are quoted once (:func:`~argmap.rendering.quoting.around_id`).  The
text is what ``graphviz.Digraph.node`` and ``edge`` would write.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import graphviz

from argmap._gc import no_gc
from argmap.rendering import clusters, debate, lanes
from argmap.rendering.graph import Edge, Graph, Node
from argmap.rendering.legend import add_legend
from argmap.rendering.node_text import NodeText
from argmap.rendering.quoting import around_id, dot_label, label_text, quote_label
from argmap.rendering.style import EDGE_STYLE, FONT, NO_CASE, POINT_STYLE, STUB_WORDS, case_colours, node_style, \
    stub_style
from argmap.rendering.wrapping import WRAP, wrap

#: Which way arrows point (BT: conclusions on top), as Graphviz's ``rankdir``.
RANKDIRS = ("TB", "LR", "BT", "RL")
#: What boxes are drawn around: ``auto`` (each used map when there are several, else each case),
#: the claims of each used map, each case (a lane per case), or nothing.
CLUSTERS = ("auto", "document", "case", "group", "none")
#: Above this many nodes the lanes are not planned (the ``dot`` layout of such a map takes minutes anyway).
LANE_NODE_LIMIT = 5000


@attrs.frozen
class Drawing:
    """A graph drawn as DOT: the source, and what the SVG and HTML stages need to know.

    ``roles`` gives, for each DOT node id, the role of each label line in
    order (``meta``, ``text``, ``quote``, ``by``, ``diag``, with ``cont``
    added to a line that continues a cut word); ``ids`` the DOT node id of
    each graph node key; ``edge_ids`` the DOT ids drawn for each edge.
    """

    source: str
    graph: Graph
    roles: Mapping[str, tuple[str, ...]]
    ids: Mapping[str, str]
    edge_ids: tuple[tuple[Edge, tuple[str, ...]], ...]
    engine: str = "dot"
    problems: Mapping[str, Sequence[str]] = attrs.field(factory=dict)
    stubs: Mapping[str, str] = attrs.field(factory=dict)  # a stub's DOT id: the DOT id of the node it names
    rows: tuple[tuple[str, ...], ...] = ()  # the maps' ids, row by row of article boxes, left to right as planned


class _Builder:
    def __init__(self, g: Graph, *, rankdir: str, cluster: str, legend: bool, wrap: int,
                 labels: Mapping[str, object] | None, problems: Mapping[str, Sequence[str]] | None,
                 engine: str, stagger: int | None, graph_attributes: Sequence[tuple[str, str]],
                 stub: bool | None = None, folded: Mapping[str, Sequence[str]] | None = None,
                 stub_edges: frozenset[int] = frozenset(), bands: int = 1):
        if cluster == "auto":
            # Boxed lanes make every relation between two sides leave one box and enter another,
            # which costs Graphviz many crossings (brown2017: 200 against 60): boxes only when
            # no relation crosses; the cases' colours and the order of the sides still show them.
            # A map whose author put its claims in groups is drawn in their boxes.
            cluster = ("document" if len({n.map_id for n in g.nodes.values()}) > 1
                       else "group" if any(c.group is not None for c in g.root.claims)
                       else "case" if not lanes.crossing_lanes(g) else "none")
        self.g, self.rankdir, self.cluster, self.legend = g, rankdir, cluster, legend
        self.labels = labels or {}
        self.problems = problems or {}
        self.engine, self.stagger, self.graph_attributes = engine, stagger, graph_attributes
        self.roles: dict[str, tuple[str, ...]] = {}
        self.ids: dict[str, str] = {k: f"n{i}" for i, k in enumerate(g.nodes)}
        self.colours = case_colours(g)
        self.text = NodeText(g, width=wrap, colours=self.colours, labels=self.labels, problems=self.problems,
                             folded=folded)
        self.templates: dict[tuple, tuple[str, str]] = {}  # attributes, formatted around the id, by style
        self.made = {k: self.text.label(n) for k, n in g.nodes.items()}
        self.plan: lanes.Plan | None = None
        self.stubs: dict[str, str] = {}
        self.cluster_of: dict[str, str] = {}  # a node's key: the cluster it is drawn in
        self.order = debate.article_order(g)
        several = len(self.order) > 1
        far: frozenset[int] = frozenset()
        if stub is None:
            # The debate's links between neighbouring articles are what it shows: drawn as lines (unless the
            # layout, measured, finds them crossing much: search.choose_links); one between articles further
            # apart would cross the articles between, and is drawn as stubs at both ends.
            stub = not several
            far = debate.far_links(g, self.order) if several else frozenset()
        sizes = {k: lanes.size_of(lines) for k, (_, lines, _) in self.made.items()}
        self.rows: tuple[tuple[str, ...], ...] = (self.order,)
        self.stub_hosts: dict[str, str] = {}  # a stub's DOT id: the key of the claim it hangs from
        if several and bands > 1 and engine == "dot" and self.cluster == "document" and rankdir == "BT":
            widths: dict[str, float] = {}
            for k, n in g.nodes.items():
                widths[n.map_id] = widths.get(n.map_id, 0.0) + sizes[k][0]
            self.rows = debate.article_rows(self.order, widths, bands)
            self.order = tuple(k for row in self.rows for k in row)
        self.row_of = {map_id: n for n, row in enumerate(self.rows) for map_id in row}
        if engine == "dot" and len(g.nodes) <= LANE_NODE_LIMIT:
            self.plan = lanes.plan(g, sizes, spread=None if stagger is None else max(stagger, 1),
                                   vertical=rankdir in ("TB", "BT"), stub=stub, also=far | stub_edges)

    # -- nodes ------------------------------------------------------------------

    def add_node(self, graph: graphviz.Digraph, node: Node) -> None:
        """The node's statement: its label, then its style's attributes formatted once around its id."""
        sig, lines, roles = self.made.pop(node.key, None) or self.text.label(node)
        dot_id = self.ids[node.key]
        self.roles[dot_id] = tuple(roles)
        around = self.templates.get(sig)
        if around is None:
            around = self.templates[sig] = around_id(node_style(*sig))
        graph.body.append(f"\t{dot_id} [label={quote_label(label_text(lines))} {around[0]}{dot_id}{around[1]}]\n")

    # -- the whole graph ------------------------------------------------------------

    def build(self) -> Drawing:
        g = self.g
        dot = graphviz.Digraph(name="argmap", engine=self.engine)
        if self.graph_attributes:  # those of the layout, before the diagram's own
            dot.attr("graph", **dict(self.graph_attributes))
        dot.attr("graph", rankdir=self.rankdir, newrank="true", nodesep="0.3", ranksep="0.45",
                 fontname=FONT, fontsize="12", bgcolor="white", outputorder="edgesfirst", pad="0.2")
        dot.attr("node", fontname=FONT, fontsize="12", margin="0.12,0.06")
        dot.attr("edge", fontname=FONT, fontsize="10")
        if self.cluster == "group":
            clusters.group_boxes(self, dot)
        for name, title, nodes in clusters.flat(self) if self.cluster != "group" else ():
            if not name:
                for n in nodes:
                    self.add_node(dot, n)
                continue
            with dot.subgraph(name=name) as sub:
                clusters.box_style(sub, title)
                for n in nodes:
                    self.add_node(sub, n)
                    self.cluster_of[n.key] = name
        row_of = self.row_of
        if self.plan is not None and self.plan.top:
            # The theses in one row above everything (rank "max" is the top when arrows point up); those
            # of articles in a lower row of articles, level with each other, below the row above.
            with dot.subgraph() as top:
                top.attr(rank="max" if self.rankdir in ("BT", "RL") else "min")
                for k in self.plan.top:
                    if row_of.get(g.nodes[k].map_id, 0) == 0:
                        top.node(self.ids[k])
            for n in range(1, len(self.rows)):
                with dot.subgraph() as level:
                    level.attr(rank="same")
                    for k in self.plan.top:
                        if row_of.get(g.nodes[k].map_id) == n:
                            level.node(self.ids[k])
        edge_ids = self.add_edges(dot)
        self.add_bands(dot, row_of)
        if self.legend:
            # beside a thesis of the top row (of articles, in a debate drawn in rows)
            first = [k for k in self.plan.top if row_of.get(g.nodes[k].map_id, 0) == 0] if self.plan else []
            beside = self.ids[first[0]] if first else None
            self.roles.update(add_legend(dot, g, self.colours, labels=_legend_kind(self.labels),
                                         problems=bool(self.problems), rankdir=self.rankdir, beside=beside))
        return Drawing(dot.source, g, dict(self.roles), dict(self.ids), edge_ids, self.engine, dict(self.problems),
                       dict(self.stubs), self.rows)

    def between_rows(self, e: Edge) -> bool:
        """Whether *e* joins articles in two rows of articles."""
        if len(self.rows) < 2:
            return False
        return len({self.row_of.get(self.g.nodes[k].map_id, 0) for k in e.ends if k in self.g.nodes}) > 1

    def add_bands(self, dot: graphviz.Digraph, row_of: Mapping[str, int]) -> None:
        """Each row of articles below the one above it: an invisible node under every box of the row above
        (stubs too) and over the theses of the row below, joined by invisible edges that only rank."""
        if len(self.rows) < 2:
            return
        members: dict[int, list[str]] = {}
        for k, n in self.g.nodes.items():
            members.setdefault(row_of.get(n.map_id, 0), []).append(self.ids[k])
        for stub_id, host in self.stub_hosts.items():  # a stub is in the row of the claim it hangs from
            members.setdefault(row_of.get(self.g.nodes[host].map_id, 0), []).append(stub_id)
        for n in range(1, len(self.rows)):  # arrows point up (BT): an edge's head is drawn above its tail
            band = f"band{n}"
            dot.node(band, "", shape="point", style="invis", width="0")
            for above in members.get(n - 1, ()):
                dot.edge(band, above, style="invis", weight="0")
            # each article's theses, on top of its trees; of one without any (--links-only) the top of each tree
            parent = self.plan.parent if self.plan is not None else {}
            for map_id in self.rows[n]:
                here = [k for k, node in self.g.nodes.items() if node.map_id == map_id]
                tops = [k for k in here if self.g.nodes[k].kind == "thesis"] or [k for k in here if k not in parent]
                for k in tops:
                    dot.edge(self.ids[k], band, style="invis", weight="0")

    def add_stubs(self, dot: graphviz.Digraph, i: int, e: Edge, point: str | None) -> tuple[str, ...]:
        """The edge *e* (the *i*-th) as two stubs: a small box under its target naming its source, and one
        under its source naming its target, each joined to its claim by a short edge of *e*'s kind.

        An undercut's target stub hangs from the dot on the support it attacks (*point*).
        """
        g, ids = self.g, self.ids
        far = e.target if e.target is not None else e.link[1]
        into, out_of = STUB_WORDS[e.kind]
        for_target = (f"s{i}", point or ids[far], far, e.source, into)
        for_source = (f"s{i}_2", ids[e.source], e.source, far, out_of)
        edge_ids = []
        for n, (stub_id, claim_id, host, named, words) in enumerate((for_target, for_source)):
            node = g.nodes[named]
            colour = self.colours.get(node.case, NO_CASE)
            # the stub says where the claim it names is drawn: its article when that is another, else its case
            case = (node.map_id if node.map_id != g.nodes[host].map_id or node.case not in g.cases
                    else g.cases[node.case][0].id)
            name = node.id if e.link is None or n == 0 else f"{g.nodes[e.link[0]].id} → {node.id}"
            where = self.cluster_of.get(host)
            self.stub_hosts[stub_id] = host
            label = dot_label([f"{words} · {case}", *[line for line, _ in wrap(name, 24)]])
            if where is None:
                dot.node(stub_id, label, **stub_style(colour), id=stub_id)
            else:  # in the box of the claim it hangs from (a subgraph named again is the same subgraph)
                with dot.subgraph(name=where) as sub:
                    sub.node(stub_id, label, **stub_style(colour), id=stub_id)
            self.roles[stub_id] = ("meta",) + ("text",) * (len(wrap(name, 24)))
            self.stubs[stub_id] = ids[named]
            style = {k: v for k, v in EDGE_STYLE[e.kind].items() if k not in ("constraint", "dir", "arrowtail")}
            edge_id = f"e{i}" if n == 0 else f"e{i}_s"
            if n == 0:  # the stub answers the claim from below, as a reason does
                dot.edge(stub_id, claim_id, id=edge_id, **style)
            else:  # the stub hangs under the claim that answers it; the arrow points at the stub
                head = style.pop("arrowhead", "normal")
                dot.edge(stub_id, claim_id, id=edge_id, dir="back", arrowtail=head, **style)
            edge_ids.append(edge_id)
        return tuple(edge_ids)

    def add_edges(self, dot: graphviz.Digraph) -> tuple[tuple[Edge, tuple[str, ...]], ...]:
        g = self.g
        points: dict[tuple[str, str], str] = {}
        for e in g.edges:
            if e.link is not None and e.link not in points:
                points[e.link] = f"p{len(points)}"
        drawn: list[tuple[Edge, tuple[str, ...]]] = []
        minlen = self.plan.minlen if self.plan is not None else {}
        loose = self.plan.loose if self.plan is not None else frozenset()
        stubs = self.plan.stubs if self.plan is not None else frozenset()
        split: set[tuple[str, str]] = set()
        seen_contra: set[frozenset] = set()
        body = dot.body
        ids = self.ids
        # Attributes formatted around the id, by how the edge is drawn.  Node ids (n12) and point ids (p3)
        # are plain DOT ids, which quoting leaves alone, so a statement is put together from its parts.
        templates: dict[tuple, tuple[str, str]] = {}

        def around(kind: str, part: str = "", length: int | None = None, loose: bool = False,
                   free: bool = False) -> tuple[str, str]:
            made = templates.get((kind, part, length, loose, free))
            if made is None:
                style = dict(EDGE_STYLE[kind])
                if part == "to point":  # the support an undercut attacks, up to the point on it
                    style["arrowhead"] = "none"
                if length is not None:
                    style["minlen"] = str(length)
                if loose:  # not the edge that places its source: it may run across the tree
                    style["weight"] = "0"
                if free:  # a link between two rows of articles: the rows, not the link, say which is above
                    style["constraint"] = "false"
                made = templates[(kind, part, length, loose, free)] = around_id(style)
            return made

        for i, e in enumerate(g.edges):
            eid = f"e{i}"
            kind = e.kind
            if kind == "contradicts":
                pair = frozenset((e.source, e.target))
                if pair in seen_contra:
                    drawn.append((e, ()))
                    continue
                seen_contra.add(pair)
            if i in stubs:
                drawn.append((e, self.add_stubs(dot, i, e, points.get(e.link) if e.link is not None else None)))
            elif points and kind == "supports" and (e.source, e.target) in points:
                point = points[(e.source, e.target)]
                split.add((e.source, e.target))
                a, b = around(kind, "to point"), around(kind)
                body.append(f"\t{ids[e.source]} -> {point} [{a[0]}{eid}{a[1]}]\n")
                body.append(f"\t{point} -> {ids[e.target]} [{b[0]}{eid}_2{b[1]}]\n")
                drawn.append((e, (eid, f"{eid}_2")))
            elif e.link is not None:
                a = around(kind, free=self.between_rows(e))
                body.append(f"\t{ids[e.source]} -> {points[e.link]} [{a[0]}{eid}{a[1]}]\n")
                drawn.append((e, (eid,)))
            else:  # nearly every edge: the template looked up here, without a call
                length = minlen.get(i) if minlen else None
                slack = i in loose
                free = self.between_rows(e)
                a = templates.get((kind, "", length, slack, free)) or around(kind, length=length, loose=slack,
                                                                             free=free)
                body.append(f"\t{ids[e.source]} -> {ids[e.target]} [{a[0]}{eid}{a[1]}]\n")
                drawn.append((e, (eid,)))
        for (a, b), point in points.items():
            dot.node(point, "", **POINT_STYLE, id=point)
            if (a, b) not in split:  # the undercut link is not drawn as a support: draw it
                dot.edge(self.ids[a], point, id=f"{point}_a", **{**EDGE_STYLE["supports"], "arrowhead": "none"})
                dot.edge(point, self.ids[b], id=f"{point}_b", **EDGE_STYLE["supports"])
        return tuple(drawn)


def to_dot(g: Graph, *, rankdir: str = "BT", cluster: str = "document", legend: bool = True, wrap: int = WRAP,
           labels: Mapping[str, object] | None = None, problems: Mapping[str, Sequence[str]] | None = None,
           engine: str = "dot", stagger: int | None = None, graph_attributes: Sequence[tuple[str, str]] = (),
           stub: bool | None = None, folded: Mapping[str, Sequence[str]] | None = None,
           stub_edges: frozenset[int] = frozenset(), bands: int = 1) -> Drawing:
    """Draw *g* as DOT.

    *labels* maps node ids (``claim`` or ``map.claim``) to IN/OUT/UNDEC;
    *problems* maps node keys (``map.claim``) to short diagnostic texts;
    *stagger* the number of rows a claim's many reasons are spread over
    (0 or 1: one row; None: as many as bring the picture near a screen's
    shape; the ``dot`` engine only, see :mod:`argmap.rendering.lanes`);
    *graph_attributes* are set first, for the layout *engine* (as
    :func:`argmap.rendering.engines.choose_layout` gives them); *stub*
    whether relations between cases are drawn as stubs beside each end
    (None: when the diagram shows one map, see :func:`argmap.rendering.lanes.stubs`; of a debate,
    the links between articles that are not neighbours, :func:`argmap.rendering.debate.far_links`,
    and those in *stub_edges*, by edge index); *folded* the claims each folded box stands for (an
    overview's), so that with *labels* it counts their verdicts; *bands* the rows a debate's articles
    are drawn in (:func:`argmap.rendering.debate.article_rows`; arrows pointing up only).
    """
    if rankdir not in RANKDIRS:
        raise ValueError(f"rankdir must be one of {', '.join(RANKDIRS)}")
    if cluster not in CLUSTERS:
        raise ValueError(f"cluster must be one of {', '.join(CLUSTERS)}")
    with no_gc():  # a big diagram makes millions of objects and no cycles
        return _Builder(g, rankdir=rankdir, cluster=cluster, legend=legend, wrap=wrap, labels=labels,
                        problems=problems, engine=engine, stagger=stagger,
                        graph_attributes=graph_attributes, stub=stub, folded=folded,
                        stub_edges=stub_edges, bands=bands).build()


def _legend_kind(labels) -> str | bool:
    """What the legend explains of the labels: ``strength`` (a gradual semantics's floats),
    ``status`` (Carneades' words), True (IN/OUT/UNDEC) or False (none)."""
    if not labels:
        return False
    first = next(iter(labels.values()))
    if isinstance(first, float):
        return "strength"
    if type(first) is str and first.upper() not in ("IN", "OUT", "UNDEC"):
        return "status"
    return True
