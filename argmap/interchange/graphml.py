"""GraphML export: an argument map as a graph that yEd, draw.io and graph libraries open.

GraphML is the XML graph format of http://graphml.graphdrawing.org (Brandes
et al., "GraphML Progress Report", Graph Drawing 2001; the primer at
graphml.graphdrawing.org/primer/graphml-primer.html).  The graph is the
diagram's (:func:`argmap.rendering.graph.build`), written as:

* a node for every thesis and claim (``kind`` ``thesis`` or ``claim``), with
  data keys ``label`` (its text), ``ref`` (``mapid.id``), ``map``, ``case``,
  ``by`` (the person's id) and ``by_name``, ``citations`` (``[^11] [^12]``),
  ``quotation`` (one quotation a line), ``tags`` and ``concession``; a claim
  of a used map gets its home map's data; an id no map defines gets a node
  of kind ``missing``;
* a junction node (kind ``argument``) for every linked argument: an edge of
  kind ``premise`` from each premise to it, and one of kind ``supports`` from
  it to the conclusion (``rebuts`` to the claim a linked attack attacks);
* an edge for every relation, with data key ``kind``: ``supports``,
  ``rebuts``, ``undercuts`` or ``contradicts`` (one edge, from the claim
  written first; the relation is symmetric);
* an undercut attacks a support *link*, and an edge cannot end on an edge:
  each undercut link gets a small node of kind ``inference`` standing for
  it.  The support is drawn through that node, as an edge of kind ``link``
  from the reason to the inference node and one of kind ``supports`` from
  the inference node to the conclusion; the undercut ends on the inference
  node.  A link that is undercut but never written as a support gets the
  same two edges with data ``implied`` true.

So a map has one node per thesis, claim, argument, missing id and undercut
link, and one edge per distinct relation, per premise and conclusion of each
argument, plus one ``link`` edge per undercut link (two edges for an implied
one).

With ``yed=True`` (the default) each node and edge also carries yEd's
graphics (namespace ``http://www.yworks.com/xml/graphml``: a ``ShapeNode``
with a wrapped label, colours after the diagrams' and a first layered
layout), declared the way yEd declares it, with ``yfiles.type``.  GraphML's
own schema leaves ``<data>`` content to extensions; readers that do not know
yEd's skip it, and ``yed=False`` writes plain GraphML that validates against
the GraphML schema alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from argmap.model import Argument, Claim, Link, Map, Thesis
from argmap.rendering.quoting import clean
from argmap.rendering.style import ATTACK, CONTRA, NO_CASE, PALETTE, SUPPORT, tint
from argmap.rendering.wrapping import wrap
from argmap.rendering.graph import Graph, Node, build

__all__ = ["EDGE_KINDS", "NODE_KINDS", "to_graphml", "write_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

NODE_KINDS = ("thesis", "claim", "argument", "missing", "inference")
EDGE_KINDS = ("supports", "rebuts", "undercuts", "contradicts", "premise", "link")

# (attr.name, attr.type) of every data key, by what it is for.  Key ids are
# "<for>.<name>"; GraphML's attr.type is one of boolean, int, long, float,
# double, string.
_KEYS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "graph": (("map", "string"), ("title", "string")),
    "node": (("kind", "string"), ("label", "string"), ("ref", "string"), ("map", "string"),
             ("case", "string"), ("by", "string"), ("by_name", "string"), ("citations", "string"),
             ("quotation", "string"), ("tags", "string"), ("concession", "boolean"), ("group", "string"),
             ("group_title", "string"), ("wordings", "string"), ("scheme", "string")),
    "edge": (("kind", "string"), ("implied", "boolean"), ("scheme", "string")),
}

_WRAP = 34  # label columns in yEd
_LINE_HEIGHT, _CHAR_WIDTH = 17, 7.2  # yEd's Dialog 12 pt, near enough for a first layout
_GAP_X, _GAP_Y, _ROW_WIDTH = 40, 90, 2000

_EDGE_STYLE: Mapping[str, tuple[str, str, str, str]] = {  # colour, line type, source arrow, target arrow
    "supports": (SUPPORT, "line", "none", "standard"),
    "premise": (SUPPORT, "line", "none", "none"),
    "link": (SUPPORT, "line", "none", "none"),
    "rebuts": (ATTACK, "line", "none", "t_shape"),
    "undercuts": (ATTACK, "line", "none", "t_shape"),
    "contradicts": (CONTRA, "dashed", "standard", "standard"),
}


# ------------------------------------------------------------- escaping ----

# A graph id must be an XML name token; map ids are words, but a word may hold a character that is not.
_NMTOKEN = re.compile(r"[A-Za-z0-9._:-]+\Z")
_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR = {**_TEXT, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}
_TEXT_RE = re.compile("[&<>\r]")
_ATTR_RE = re.compile('[&<>\r"\n\t]')


def _text(value: str) -> str:
    """*value* as XML character data: characters XML 1.0 cannot carry become U+FFFD.

    A carriage return is written as a reference, since XML parsers turn a
    literal one into a line feed.
    """
    return _TEXT_RE.sub(lambda m: _TEXT[m.group(0)], clean(value))


def _attr(value: str) -> str:
    return _ATTR_RE.sub(lambda m: _ATTR[m.group(0)], clean(value))


# ---------------------------------------------------------------- graph ----


def _citations(item) -> str:
    cited = item.all_citations if isinstance(item, Claim) else getattr(item, "citations", ())
    return " ".join(dict.fromkeys(str(c) for c in cited))


def _node_data(node: Node) -> dict[str, object]:
    """The data keys of one node of the diagram's graph, leaving out empty ones."""
    item = node.item
    data: dict[str, object] = {"kind": node.kind, "ref": node.key, "map": node.map_id}
    if isinstance(item, (Claim, Thesis)):
        data["label"] = item.text
        data["citations"] = _citations(item)
    elif node.kind == "missing":
        data["label"] = node.key
    if node.case:
        data["case"] = node.case
    if isinstance(item, (Claim, Argument)) and item.by is not None:
        data["by"] = str(item.by)
        if node.person is not None:
            data["by_name"] = node.person.name
    if isinstance(item, Claim):
        data["quotation"] = "\n".join(q.text for q in item.quotes)
        data["tags"] = " ".join(item.tags)
        data["concession"] = item.concession
        data["wordings"] = "\n".join(w.text for w in item.wordings)
        if item.group is not None and node.home is not None:
            data["group"] = item.group
            group = node.home.group_table.get(item.group)
            data["group_title"] = group.title if group is not None else ""
    if isinstance(item, Argument):
        data["scheme"] = item.scheme or ""
    return {k: v for k, v in data.items() if v not in ("", False)}


def _layout(nodes: list[str], edges: list[tuple[str, str]], sizes: Mapping[str, tuple[float, float]]
            ) -> dict[str, tuple[float, float]]:
    """A first layered drawing: theses and other roots on top, reasons below what they bear on.

    A node's layer is its distance from a node nothing points from (a
    breadth-first search against the edges); a node on a cycle only gets the
    first layer below it.  yEd's own layouts do better; this only keeps the
    boxes from opening in one pile.
    """
    into: dict[str, list[str]] = {n: [] for n in nodes}
    has_out = {a for a, _ in edges}
    for a, b in edges:
        into[b].append(a)
    layer = {n: 0 for n in nodes if n not in has_out}
    queue = list(layer)
    for n in queue:
        for m in into[n]:
            if m not in layer:
                layer[m] = layer[n] + 1
                queue.append(m)
    bottom = max(layer.values(), default=-1) + 1
    rows: dict[int, list[str]] = {}
    for n in nodes:
        rows.setdefault(layer.get(n, bottom), []).append(n)
    where: dict[str, tuple[float, float]] = {}
    y = 0.0
    for depth in sorted(rows):
        x, tallest = 0.0, 0.0
        for n in rows[depth]:
            if x > _ROW_WIDTH:  # a crowded layer goes on over several rows
                x, y, tallest = 0.0, y + tallest + _GAP_X, 0.0
            where[n] = (x, y)
            x += sizes[n][0] + _GAP_X
            tallest = max(tallest, sizes[n][1])
        y += tallest + _GAP_Y
    return where


def _label_lines(text: str) -> list[str]:
    return [line for line, _ in wrap(text, _WRAP)] if text.strip() else []


def _width(line: str) -> float:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) * _CHAR_WIDTH


# -------------------------------------------------------------- writing ----


def _data(out: list[str], indent: str, scope: str, data: Mapping[str, object]) -> None:
    for name, _type in _KEYS[scope]:
        if name in data:
            value = data[name]
            text = ("true" if value else "false") if isinstance(value, bool) else _text(str(value))
            out.append(f'{indent}<data key="{scope}.{name}">{text}</data>')


def _shape(colour: str, fill: str, shape: str, size: tuple[float, float], at: tuple[float, float],
           lines: list[str], border: str = "line", border_width: str = "1.5") -> str:
    label = ""
    if lines:
        label = ('<y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" '
                 'modelName="internal" modelPosition="c" textColor="#000000" visible="true" '
                 f'xml:space="preserve">{_text(chr(10).join(lines))}</y:NodeLabel>')
    return (f'<y:ShapeNode><y:Geometry x="{at[0]:.1f}" y="{at[1]:.1f}" width="{size[0]:.1f}" '
            f'height="{size[1]:.1f}"/><y:Fill color="{fill}" transparent="false"/>'
            f'<y:BorderStyle color="{colour}" type="{border}" width="{border_width}"/>{label}'
            f'<y:Shape type="{shape}"/></y:ShapeNode>')


def _node_graphics(data: Mapping[str, object], colour: str, lines: list[str], size, at) -> str:
    kind = data["kind"]
    if kind == "argument":
        return _shape(colour, tint(colour, 0.6), "ellipse", size, at, [])
    if kind == "inference":
        return _shape(ATTACK, ATTACK, "ellipse", size, at, [])
    if kind == "thesis":
        return _shape("#444444", "#EEEEEE", "rectangle", size, at, lines, border_width="3.0")
    if kind == "missing":
        return _shape("#999999", "#FFFFFF", "rectangle", size, at, lines, border="dashed")
    return _shape(colour, tint(colour), "roundrectangle", size, at, lines,
                  border="dashed" if data.get("concession") else "line", border_width="2.0")


def _edge_graphics(kind: str) -> str:
    colour, line, source, target = _EDGE_STYLE[kind]
    return (f'<y:PolyLineEdge><y:LineStyle color="{colour}" type="{line}" width="1.5"/>'
            f'<y:Arrows source="{source}" target="{target}"/></y:PolyLineEdge>')


def _edges(g: Graph) -> tuple[list[tuple[str, str, str, bool]], dict[tuple[str, str], str]]:
    """(source key, target key, kind, implied) of every edge, and the inference node key of each undercut link."""
    inference: dict[tuple[str, str], str] = {}
    for e in g.edges:
        if e.link is not None and e.link not in inference:
            inference[e.link] = f"{e.link[0]}->{e.link[1]}"
    out: list[tuple[str, str, str, bool]] = []
    drawn: set[tuple[str, str]] = set()
    for e in g.edges:
        if e.kind == "supports" and (e.source, e.target) in inference:
            point = inference[(e.source, e.target)]
            drawn.add((e.source, e.target))
            out += [(e.source, point, "link", False), (point, e.target, "supports", False)]
        elif e.link is not None:
            out.append((e.source, inference[e.link], e.kind, False))
        else:
            out.append((e.source, e.target, e.kind, False))
    for (a, b), point in inference.items():
        if (a, b) not in drawn:  # undercut, but never written as a support: the link is implied
            out += [(a, point, "link", True), (point, b, "supports", True)]
    return out, inference


def _support_schemes(m: Map, g: Graph) -> dict[tuple[str, str], str]:
    """The scheme each named support of the map gives, by (source key, target key) of the graph."""
    key = {(n.map_id if n.home is not g.root else None, n.id): k for k, n in g.nodes.items()}
    out: dict[tuple[str, str], str] = {}
    for r in m.relations:
        if r.kind == "supports" and r.scheme and not isinstance(r.target, Link):
            a, b = key.get((r.source.map, r.source.id)), key.get((r.target.map, r.target.id))
            if a is not None and b is not None:
                out.setdefault((a, b), r.scheme)
    return out


def to_graphml(m: Map, *, yed: bool = True) -> str:
    """The map as GraphML text (see the module's doc for what becomes what).

    *yed* adds yEd's shapes, colours, labels and a first layout; without it
    the file is plain GraphML.
    """
    g = build(m)
    edges, inference = _edges(g)
    data: dict[str, dict[str, object]] = {k: _node_data(n) for k, n in g.nodes.items()}
    for (a, b), point in inference.items():
        data[point] = {"kind": "inference", "ref": f"{a} -> {b}", "map": g.nodes[b].map_id}
    ids = {k: f"n{i}" for i, k in enumerate(data)}

    colours = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(g.cases)}
    lines = {k: _label_lines(str(d.get("label", ""))) for k, d in data.items()}
    sizes: dict[str, tuple[float, float]] = {}
    for k, d in data.items():
        if d["kind"] in ("argument", "inference"):
            sizes[k] = (16.0, 16.0) if d["kind"] == "argument" else (10.0, 10.0)
        else:
            widest = max((_width(line) for line in lines[k]), default=40.0)
            sizes[k] = (max(widest, 60.0) + 20, len(lines[k]) * _LINE_HEIGHT + 16)
    at = _layout(list(data), [(a, b) for a, b, _, _ in edges], sizes) if yed else {}

    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    namespaces = f'xmlns="{GRAPHML_NS}" xmlns:xsi="{XSI_NS}"' + (f' xmlns:y="{YED_NS}"' if yed else "")
    out.append(f'<graphml {namespaces} xsi:schemaLocation="{GRAPHML_NS} {SCHEMA_LOCATION}">')
    for scope, keys in _KEYS.items():
        for name, type_ in keys:
            out.append(f'  <key id="{scope}.{name}" for="{scope}" attr.name="{name}" attr.type="{type_}"/>')
    if yed:  # yEd reads its graphics from keys declared this way; attr.type as every key here has one
        out.append('  <key id="node.yed" for="node" yfiles.type="nodegraphics" attr.type="string"/>')
        out.append('  <key id="edge.yed" for="edge" yfiles.type="edgegraphics" attr.type="string"/>')
    out.append(f'  <graph id="{_attr(m.id)}" edgedefault="directed">' if _NMTOKEN.match(m.id)
               else '  <graph id="map" edgedefault="directed">')
    title = m.document.title if m.document is not None else None
    _data(out, "    ", "graph", {"map": m.id, **({"title": title} if title else {})})
    for k, d in data.items():
        out.append(f'    <node id="{ids[k]}">')
        if yed:  # first: a reader that takes yEd's label as "label" then meets the plain text after it
            colour = colours.get(g.nodes[k].case, NO_CASE) if k in g.nodes else ATTACK
            out.append(f'      <data key="node.yed">{_node_graphics(d, colour, lines[k], sizes[k], at[k])}</data>')
        _data(out, "      ", "node", d)
        out.append("    </node>")
    schemes = _support_schemes(m, g)
    link_of = {point: link for link, point in inference.items()}  # an undercut support runs through its point
    for i, (a, b, kind, implied) in enumerate(edges):
        out.append(f'    <edge id="e{i}" source="{ids[a]}" target="{ids[b]}">')
        if yed:
            out.append(f'      <data key="edge.yed">{_edge_graphics(kind)}</data>')
        scheme = schemes.get(link_of.get(a, (a, b))) if kind == "supports" else None
        _data(out, "      ", "edge", {"kind": kind, **({"implied": True} if implied else {}),
                                      **({"scheme": scheme} if scheme else {})})
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"



def write_graphml(m: Map, report: object = None) -> str:
    """:func:`to_graphml` with the signature of argmap's format writers (the report is not needed)."""
    return to_graphml(m)

