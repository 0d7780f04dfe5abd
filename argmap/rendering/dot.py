"""Drawing a graph as DOT, the Graphviz language.

The visual language (the legend on every diagram says it again):

* a **thesis** is a grey box with a double border; a **claim** a rounded box
  filled with its **case**'s colour (Okabe–Ito, safe for colour-blind
  readers); a conceded claim has a dashed border;
* inside a claim: a small first line with its id and the **footnotes** it
  cites (``[11]``), its text, its **quotation** in italics between quote
  marks, and ``— Name`` for **who asserts it**;
* **supports** is a green arrow; **rebuts** a red arrow ending in a bar;
  **undercuts** a red barred arrow that ends on a dot placed on the support
  arrow it attacks; **contradicts** a dashed purple double-headed arrow;
* premises that support only together meet in a ``+`` junction.

Escaping.  Every piece of user text goes into plain (not HTML-like) DOT
labels: HTML-like labels need Graphviz's XML parser, which the embedded
renderer lacks.  :func:`dot_text` makes a line literal: ``&`` becomes
``&amp;`` (Graphviz decodes entities in labels), backslashes are doubled by
``graphviz.escape`` (so ``\\l`` or ``\\N`` stay text) and the graphviz
package quotes ``"``; characters XML cannot carry become U+FFFD.  Lines are
joined with ``\\n`` after escaping.  Italics and the small grey id line are
added to the SVG afterwards (:func:`style_svg`) through a CSS class on each
line, so both renderers give the same picture.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

import attrs
import graphviz

from argmap.rendering.graph import Edge, Graph, Node

RANKDIRS = ("TB", "LR", "BT", "RL")
CLUSTERS = ("document", "case", "none")
WRAP = 40

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
NO_CASE = "#888888"
SUPPORT, ATTACK, CONTRA, WARN = "#1B7837", "#B2182B", "#762A83", "#B2182B"
FONT = "Helvetica"

EDGE_STYLE: Mapping[str, Mapping[str, str]] = {
    "supports": {"color": SUPPORT, "arrowhead": "normal", "penwidth": "1.5"},
    "premise": {"color": SUPPORT, "arrowhead": "none", "penwidth": "1.5"},
    "rebuts": {"color": ATTACK, "arrowhead": "tee", "penwidth": "1.8"},
    "undercuts": {"color": ATTACK, "arrowhead": "tee", "penwidth": "1.8"},
    "contradicts": {"color": CONTRA, "style": "dashed", "dir": "both", "arrowhead": "normal",
                    "arrowtail": "normal", "penwidth": "1.5", "constraint": "false"},
}
BADGES = {"IN": "✔ IN", "OUT": "✘ OUT", "UNDEC": "? UNDEC"}

# Characters XML 1.0 cannot carry (and C1 controls): shown as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """*text* with characters an SVG cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def dot_text(line: str) -> str:
    """One line of user text as DOT label text that Graphviz shows literally."""
    return graphviz.escape(clean(line).replace("&", "&amp;"))


def dot_label(lines: Sequence[str]) -> str:
    """Lines of user text as one centred DOT label (never read as an HTML-like label)."""
    return graphviz.nohtml("\\n".join(dot_text(line) for line in lines))


_ESCAPE_QUOTES = graphviz.quoting.ESCAPE_UNESCAPED_QUOTES


def _label_text(lines: Sequence[str]) -> str:
    """``"\\n".join(dot_text(line) for line in lines)``, escaping the whole label at once."""
    joined = "\n".join(lines)
    if joined.count("\n") != len(lines) - 1:  # a line holds a newline of its own: one line at a time
        return "\\n".join(dot_text(line) for line in lines)
    if not joined.isascii() or _NOT_XML.search(joined):
        joined = _NOT_XML.sub("\ufffd", joined)
    if "&" in joined:
        joined = joined.replace("&", "&amp;")
    if "\\" in joined:
        joined = joined.replace("\\", "\\\\")
    return joined.replace("\n", "\\n")


def _quote_label(label: str) -> str:
    """``graphviz.quoting.quote(nohtml(label))``, without its regular expressions for the usual label.

    A label with a space or a backslash is no DOT id, so it is quoted; its ``"`` are escaped the way
    graphviz does it.  Anything else (a one-word label, one ending in a backslash) goes to graphviz.
    """
    if ("\\" in label or " " in label) and label[-1] != "\\":
        return f'"{_ESCAPE_QUOTES(label)}"' if '"' in label else f'"{label}"'
    return graphviz.quoting.quote(graphviz.nohtml(label))


def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


_QUOTED: dict[str, str] = {}
_PLAIN_ID = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*\Z")


def _quote(value: str) -> str:
    """``graphviz.quoting.quote``, remembered for the few attribute names and values a diagram repeats."""
    if type(value) is not str:  # nohtml labels and other str subclasses: never from the cache
        return graphviz.quoting.quote(value)
    quoted = _QUOTED.get(value)
    if quoted is None and _PLAIN_ID.match(value) and value.lower() not in graphviz.quoting.KEYWORDS:
        return value  # what quote() returns for a plain DOT id: node and edge ids are all like this
    if quoted is None:
        quoted = graphviz.quoting.quote(value)
        if len(_QUOTED) < 4096:
            _QUOTED[value] = quoted
    return quoted


def _attr_list(label: str | None, attributes: Mapping[str, str]) -> str:
    """What ``graphviz``'s ``node``/``edge`` write after the ids (same text, without its per-call overhead)."""
    parts = [f"label={graphviz.quoting.quote(label)}"] if label is not None else []
    parts += [f"{_quote(k)}={_quote(v)}" for k, v in sorted(attributes.items()) if v is not None]
    return f" [{' '.join(parts)}]" if parts else ""


def _edge_line(tail: str, head: str, attributes: Mapping[str, str]) -> str:
    """A DOT edge statement between plain node ids, as ``graphviz.Digraph.edge`` writes it."""
    return f"\t{_quote(tail)} -> {_quote(head)}{_attr_list(None, attributes)}\n"


def _width(text: str) -> int:
    if text.isascii():  # the common case, and one column a character
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _pieces(word: str, width: int) -> list[str]:
    if word.isascii():
        if len(word) <= width:
            return [word]
        step = max(width, 1)
        return [word[i:i + step] for i in range(0, len(word), step)]
    pieces, cur, used = [], "", 0
    for ch in word:
        w = _char_width(ch)
        if cur and used + w > width:
            pieces.append(cur)
            cur, used = "", 0
        cur += ch
        used += w
    return pieces + [cur]


_LINES: dict[int, re.Pattern] = {}


def _plain_wrap(text: str, width: int) -> list[str] | None:
    """The lines of ``wrap(text, width)`` when it cuts no word (ASCII text, every word fits a line); else None.

    Lines are filled greedily, so each is the longest run of words (one space
    between) that fits: one regular expression finds them all.
    """
    if width < 1 or not text.isascii():
        return None
    joined = " ".join(text.split())
    if len(joined) <= width:
        return [joined] if joined else []
    pattern = _LINES.get(width)
    if pattern is None:
        pattern = _LINES[width] = re.compile(f"(.{{1,{width}}})(?: |\\Z)")
    lines = pattern.findall(joined)
    if sum(map(len, lines)) + len(lines) - 1 != len(joined):  # a word wider than a line was skipped
        return None
    return lines


def wrap(text: str, width: int = WRAP) -> list[tuple[str, bool]]:
    """*text* in lines of about *width* columns, as (line, continues_word) pairs.

    Lines break between words; a word wider than a line (a URL, or text in a
    script without spaces) is cut, and its later pieces are marked
    ``continues_word`` so the text can be put back exactly: join with ``""``
    where marked and ``" "`` elsewhere.  Runs of whitespace become one space.
    East Asian wide characters count two columns.
    """
    plain = _plain_wrap(text, width)
    if plain is not None:
        return [(line, False) for line in plain]
    lines: list[list] = []
    used = 0  # the width of the last line, kept so that no line is measured twice
    for word in text.split():
        for i, piece in enumerate(_pieces(word, width)):
            w = _width(piece)
            if i == 0 and lines and used + 1 + w <= width:
                lines[-1][0] += " " + piece
                used += 1 + w
            else:
                lines.append([piece, i > 0])
                used = w
    return [(line, cont) for line, cont in lines]


def unwrap(lines: Sequence[tuple[str, bool]]) -> str:
    """The text :func:`wrap` cut into *lines*."""
    return "".join(("" if cont or i == 0 else " ") + line for i, (line, cont) in enumerate(lines))


def tint(colour: str, amount: float = 0.8) -> str:
    """*colour* mixed with white (amount 1 is white): a fill that keeps text readable."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in (r, g, b))


def short_name(name: str) -> str:
    """A person's name without the description after the first comma."""
    return name.split(",", 1)[0].strip() or name


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


class _Label:
    def __init__(self):
        self.lines: list[str] = []
        self.roles: list[str] = []

    def add(self, line: str, role: str) -> None:
        self.lines.append(line)
        self.roles.append(role)

    def add_text(self, text: str, role: str, width: int, before: str = "", after: str = "") -> None:
        _add_text(self.lines, self.roles, text, role, width, before, after)


def _add_text(lines: list[str], roles: list[str], text: str, role: str, width: int,
              before: str = "", after: str = "") -> None:
    """*text* wrapped into *lines*, each with its *role* in *roles* (``" cont"`` added where a cut word
    continues); *before* starts the first line and *after* ends the last."""
    wrapped = wrap(text, width)
    last = len(wrapped) - 1
    for i, (line, cont) in enumerate(wrapped):
        lines.append((before if i == 0 else "") + line + (after if i == last else ""))
        roles.append(role + " cont" if cont else role)


def _citations(item) -> str:
    quotes = getattr(item, "quotes", ())
    cited = item.all_citations if quotes else getattr(item, "citations", ())
    if len(cited) == 1:
        return f"[{cited[0].label}]"
    return " ".join(f"[{label}]" for label in dict.fromkeys(c.label for c in cited))


_ID_SLOT = "argmap_id_slot"  # a plain DOT id, which quoting leaves as it is


def _around_id(attributes: Mapping[str, str]) -> tuple[str, str]:
    """What ``graphviz`` writes in ``[...]`` for *attributes* and an ``id``, cut where the id goes."""
    before, after = _attr_list(None, {**attributes, "id": _ID_SLOT})[2:-1].split(_ID_SLOT)
    return before, after


def _label_name(value) -> str | None:
    if value is None:
        return None
    name = getattr(value, "name", None) or str(value)
    return name.rsplit(".", 1)[-1].upper()


class _Builder:
    def __init__(self, g: Graph, *, rankdir: str, cluster: str, legend: bool, wrap: int,
                 labels: Mapping[str, object] | None, problems: Mapping[str, Sequence[str]] | None,
                 engine: str, stagger: int = 3):
        self.stagger = stagger
        self.g, self.rankdir, self.cluster, self.legend, self.width = g, rankdir, cluster, legend, wrap
        self.labels = labels or {}
        self.problems = problems or {}
        self.engine = engine
        self.roles: dict[str, tuple[str, ...]] = {}
        self.ids: dict[str, str] = {k: f"n{i}" for i, k in enumerate(g.nodes)}
        root_cases = [k for k, (c, home) in g.cases.items()]
        self.colours = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(root_cases)}
        self.root_id = g.root.id  # a property: read once
        self.templates: dict[tuple, tuple[str, str]] = {}  # attributes, formatted around the id, by style
        self.by_lines: dict[tuple, tuple[list[str], list[str]]] = {}  # "— Name" lines, by person

    def label_of(self, node: Node) -> str | None:
        value = self.labels.get(node.key)
        if value is None and node.map_id == self.root_id:
            value = self.labels.get(node.id)
        return _label_name(value)

    # -- nodes ------------------------------------------------------------------

    def style(self, kind: str, colour: str, concession: bool, verdict: str | None, warn: bool) -> dict[str, str]:
        """A node's attributes (but its id): they depend only on these five things."""
        if kind == "argument":
            attrs_ = {"shape": "circle", "width": "0.3", "height": "0.3", "fixedsize": "true",
                      "style": "filled", "fillcolor": tint(colour, 0.6), "color": colour, "fontsize": "11"}
        elif kind == "missing":
            attrs_ = {"shape": "box", "style": "dashed", "color": "#999999", "fontcolor": "#666666"}
        elif kind == "import":
            attrs_ = {"shape": "box3d", "style": "filled", "fillcolor": "#F4F4F4", "color": "#777777"}
        elif kind == "thesis":
            attrs_ = {"shape": "box", "style": "filled,bold", "peripheries": "2", "fillcolor": "#EEEEEE",
                      "color": "#444444", "fontsize": "13"}
        else:
            attrs_ = {"shape": "box", "style": "rounded,filled" + (",dashed" if concession else ""),
                      "fillcolor": tint(colour), "color": colour, "penwidth": "2"}
        if verdict == "OUT":
            attrs_.update(fillcolor="#E6E6E6", fontcolor="#555555")
        elif verdict == "IN" and kind != "argument":
            attrs_["penwidth"] = "3"
        if warn:
            attrs_.update(color=WARN, penwidth="3")
        return attrs_

    def label(self, node: Node) -> tuple[tuple, list[str], list[str]]:
        """(what the node's style depends on, its label lines, the role of each line)."""
        w = self.width
        colour = self.colours.get(node.case, NO_CASE)
        verdict = self.label_of(node) if self.labels else None
        problems = self.problems.get(node.key, ()) if self.problems else ()
        own = node.map_id == self.root_id
        name = node.id if own else node.key
        concession = False
        kind = node.kind
        if kind == "argument":
            lines, roles = ["+"], ["junction"]
        elif kind == "missing":
            lines, roles = [name, "(not defined)" if own or node.map_id in self.g.root.imports else
                            f"(map {node.map_id} is not used)"], ["meta", "text"]
        elif kind == "import":
            lines, roles = [f"map {node.id}"], ["meta"]
            doc = node.home.document if node.home is not None else None
            if doc is not None and doc.title:
                _add_text(lines, roles, doc.title, "text", w)
            lines.append(f"({node.size} claims and theses)")
            roles.append("meta")
        else:
            item = node.item
            meta = [BADGES[verdict]] if verdict in BADGES else []
            if kind == "thesis":
                meta.insert(0, "THESIS")
            else:
                concession = item.concession
                if concession:
                    meta.append("(conceded)")
            cites = _citations(item)
            if meta:
                meta.append(name)
                if cites:
                    meta.append(cites)
                lines = [" · ".join(meta)]
            else:
                lines = [f"{name} · {cites}" if cites else name]
            roles = ["meta"]
            text = item.text
            if text:
                plain = _plain_wrap(text, w)
                if plain is not None:
                    lines += plain
                    roles += ["text"] * len(plain)
                else:
                    _add_text(lines, roles, text, "text", w)
            for quote in getattr(item, "quotes", ()):
                _add_text(lines, roles, quote.text, "quote", w, "“", "”")
            by = getattr(item, "by", None)
            if by is not None:
                memo = (id(node.home), by.map, by.id)
                made = self.by_lines.get(memo)
                if made is None:
                    person = node.home.resolve_person(by) if node.home is not None else None
                    made = self.by_lines[memo] = ([], [])
                    _add_text(*made, "— " + short_name(person.name if person is not None else str(by)), "by", w)
                lines += made[0]
                roles += made[1]
        if problems:
            for problem in problems[:3]:
                lines.append("⚠ " + problem)
                roles.append("diag")
            if len(problems) > 3:
                lines.append(f"⚠ … and {len(problems) - 3} more")
                roles.append("diag")
        return (kind, colour, concession, verdict, bool(problems)), lines, roles

    def node_attrs(self, node: Node) -> tuple[dict[str, str], _Label]:
        """The node's attributes and label."""
        sig, lines, roles = self.label(node)
        lab = _Label()
        lab.lines, lab.roles = lines, roles
        return {**self.style(*sig), "id": self.ids[node.key]}, lab

    def add_node(self, graph: graphviz.Digraph, node: Node) -> None:
        """The node's statement, as ``graphviz.Digraph.node`` writes it: the attributes (the same for
        most nodes) are formatted once per style, around the node's id."""
        sig, lines, roles = self.label(node)
        dot_id = self.ids[node.key]
        self.roles[dot_id] = tuple(roles)
        around = self.templates.get(sig)
        if around is None:
            around = self.templates[sig] = _around_id(self.style(*sig))
        graph.body.append(f"\t{dot_id} [label={_quote_label(_label_text(lines))} {around[0]}{dot_id}{around[1]}]\n")

    # -- the whole graph ------------------------------------------------------------

    def groups(self) -> list[tuple[str, str | None, list[Node]]]:
        """(cluster name, cluster title, nodes); name "" for nodes outside any cluster."""
        g = self.g
        if self.cluster == "case":
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
        if self.cluster == "document":
            docs: dict[str, list[Node]] = {}
            for n in g.nodes.values():
                docs.setdefault(n.map_id, []).append(n)
            if len(docs) > 1:
                out = []
                for i, (map_id, nodes) in enumerate(docs.items()):
                    if map_id == g.root.id:
                        out.append(("", None, nodes))
                        continue
                    used = g.root.imports.get(map_id)
                    title = used.document.title if used is not None and used.document is not None else None
                    out.append((f"cluster_doc{i}", f"{map_id}: {title}" if title else map_id, nodes))
                return out
        return [("", None, list(g.nodes.values()))]

    def build(self) -> Drawing:
        g = self.g
        dot = graphviz.Digraph(name="argmap", engine=self.engine)
        dot.attr("graph", rankdir=self.rankdir, newrank="true", nodesep="0.3", ranksep="0.45",
                 fontname=FONT, fontsize="12", bgcolor="white", outputorder="edgesfirst", pad="0.2")
        dot.attr("node", fontname=FONT, fontsize="12", margin="0.12,0.06")
        dot.attr("edge", fontname=FONT, fontsize="10")
        for name, title, nodes in self.groups():
            if not name:
                for n in nodes:
                    self.add_node(dot, n)
                continue
            with dot.subgraph(name=name) as sub:
                sub.attr(label=dot_label([line for line, _ in wrap(title, 60)]), style="rounded,dashed",
                         color="#999999", fontcolor="#444444", labeljust="l")
                for n in nodes:
                    self.add_node(sub, n)
        edge_ids = self.add_edges(dot)
        if self.legend:
            self.add_legend(dot)
        return Drawing(dot.source, g, dict(self.roles), dict(self.ids), edge_ids, self.engine, dict(self.problems))

    def add_edges(self, dot: graphviz.Digraph) -> tuple[tuple[Edge, tuple[str, ...]], ...]:
        g = self.g
        points: dict[tuple[str, str], str] = {}
        for e in g.edges:
            if e.link is not None and e.link not in points:
                points[e.link] = f"p{len(points)}"
        drawn: list[tuple[Edge, tuple[str, ...]]] = []
        minlen = self.stagger_lengths()
        split: set[tuple[str, str]] = set()
        seen_contra: set[frozenset] = set()
        body = dot.body
        ids = self.ids
        templates: dict[tuple, tuple[str, str]] = {}  # attributes formatted around the id, by kind and length
        for i, e in enumerate(g.edges):
            eid = f"e{i}"
            kind = e.kind
            if kind == "contradicts":
                pair = frozenset((e.source, e.target))
                if pair in seen_contra:
                    drawn.append((e, ()))
                    continue
                seen_contra.add(pair)
            if points and kind == "supports" and (e.source, e.target) in points:
                point = points[(e.source, e.target)]
                split.add((e.source, e.target))
                style = EDGE_STYLE[kind]
                body.append(_edge_line(ids[e.source], point, {**style, "arrowhead": "none", "id": eid}))
                body.append(_edge_line(point, ids[e.target], {**style, "id": f"{eid}_2"}))
                drawn.append((e, (eid, f"{eid}_2")))
            elif e.link is not None:
                body.append(_edge_line(ids[e.source], points[e.link], {**EDGE_STYLE[kind], "id": eid}))
                drawn.append((e, (eid,)))
            else:
                length = minlen.get(i) if minlen else None
                around = templates.get((kind, length))
                if around is None:
                    style = dict(EDGE_STYLE[kind])
                    if length is not None:
                        style["minlen"] = str(length)
                    around = templates[(kind, length)] = _around_id(style)
                # as _edge_line writes it: node ids are plain DOT ids, which quoting leaves alone
                body.append(f"\t{ids[e.source]} -> {ids[e.target]} [{around[0]}{eid}{around[1]}]\n")
                drawn.append((e, (eid,)))
        for (a, b), point in points.items():
            dot.node(point, "", shape="point", width="0.09", color=ATTACK, id=point)
            if (a, b) not in split:  # the undercut link is not drawn as a support: draw it
                dot.edge(self.ids[a], point, id=f"{point}_a", **{**EDGE_STYLE["supports"], "arrowhead": "none"})
                dot.edge(point, self.ids[b], id=f"{point}_b", **EDGE_STYLE["supports"])
        return tuple(drawn)

    def stagger_lengths(self) -> dict[int, int]:
        """Edge index -> rank length, putting the leaves of a crowded claim on alternate rows.

        A claim with many reasons that nothing else supports would put them
        all side by side, making the diagram very wide; giving their edges
        lengths 1, 2, 3, 1, ... stacks them in three rows instead (the idea
        of Graphviz's ``unflatten -l``).
        """
        if self.stagger < 2 or self.engine != "dot":
            return {}
        edges = self.g.edges
        pointed_at = {e.target for e in edges if e.target}
        for e in edges:
            if not e.target and e.link:
                pointed_at.update(e.link)
        leaves_of: dict[str, list[int]] = {}
        for i, e in enumerate(edges):
            if e.target is not None and e.kind != "contradicts" and e.source not in pointed_at:
                leaves_of.setdefault(e.target, []).append(i)
        lengths = {}
        for edges in leaves_of.values():
            if len(edges) > 2:
                for j, i in enumerate(edges):
                    lengths[i] = 1 + j % self.stagger
        return lengths

    def add_legend(self, dot: graphviz.Digraph) -> None:
        """A box of samples: each shape and arrow the diagram uses, said in words."""
        g = self.g
        kinds = {e.kind for e in g.edges} | {"supports"}
        has = {n.kind for n in g.nodes.values()}
        rows: list[list[str]] = []  # top to bottom; a row of several nodes is drawn side by side
        with dot.subgraph(name="cluster_legend") as lg:
            lg.attr(label="Legend", style="rounded", color="#BBBBBB", fontcolor="#444444", fontsize="11",
                    labeljust="l", margin="10")
            lg.attr("node", fontsize="10", fontname=FONT)
            lg.attr("edge", fontsize="10", fontname=FONT)

            def node(name: str, lines: list[tuple[str, str]], **kw) -> str:
                self.roles[name] = tuple(role for _, role in lines)
                lg.node(name, dot_label([t for t, _ in lines]), id=name, **kw)
                return name

            def word(name: str, text: str) -> str:
                return node(name, [(text, "text")], shape="plaintext", fontcolor="#444444", height="0.2")

            if "thesis" in has:
                rows.append([node("legend_thesis", [("THESIS", "meta"), ("what the debate is about", "text")],
                                  shape="box", style="filled,bold", peripheries="2", fillcolor="#EEEEEE",
                                  color="#444444")])
            rows.append([node("legend_claim", [("id · [footnotes cited]", "meta"),
                                               ("a claim, in the map's words", "text"),
                                               ("“a quotation, verbatim”", "quote"), ("— who asserts it", "by")],
                              shape="box", style="rounded,filled", fillcolor="#FFFFFF", color=NO_CASE,
                              penwidth="2")])
            for i, k in enumerate(k for k in self.colours if any(n.case == k for n in g.nodes.values())):
                c, home = g.cases[k]
                name = c.id if home is g.root else k
                lines = [(f"case {name}: {c.stance} {c.thesis}", "meta")]
                summary = wrap(c.text, 34)
                lines += [(line + ("…" if j == 1 and len(summary) > 2 else ""), "text")
                          for j, (line, _) in enumerate(summary[:2])]
                rows.append([node(f"legend_case{i}", lines, shape="box", style="rounded,filled",
                                  fillcolor=tint(self.colours[k]), color=self.colours[k], penwidth="2")])
            if any(n.kind == "claim" and n.item.concession for n in g.nodes.values()):
                rows.append([node("legend_conceded", [("(conceded)", "meta"), ("a point the author concedes", "text")],
                                  shape="box", style="rounded,dashed", color=NO_CASE)])
            if self.labels:
                rows.append([node("legend_labels", [("✔ IN: stands", "text"), ("✘ OUT: defeated", "text"),
                                                    ("? UNDEC: undecided", "text")],
                                  shape="box", style="rounded", color="#BBBBBB")])
            if self.problems:
                rows.append([node("legend_problems", [("⚠ the checker found", "diag"), ("a problem here", "diag")],
                                  shape="box", style="rounded", color=WARN, penwidth="3")])
            samples = [("supports", "reason", "claim", "supports"),
                       ("rebuts", "objection", "claim", "rebuts"),
                       ("contradicts", "claim", "claim", "contradict")]
            for kind, left, right, text in samples:
                if kind not in kinds:
                    continue
                a, b = word(f"legend_{kind}_a", left), word(f"legend_{kind}_b", right)
                lg.edge(a, b, label=text, id=f"legend_{kind}_edge", **{**EDGE_STYLE[kind], "constraint": "false"})
                rows.append([a, b])
            if "undercuts" in kinds:
                a, b = word("legend_undercuts_a", "reason"), word("legend_undercuts_b", "claim")
                lg.node("legend_undercuts_p", "", shape="point", width="0.09", color=ATTACK, id="legend_undercuts_p")
                lg.edge(a, "legend_undercuts_p", **{**EDGE_STYLE["supports"], "arrowhead": "none"},
                        id="legend_undercuts_edge1")
                lg.edge("legend_undercuts_p", b, **EDGE_STYLE["supports"], id="legend_undercuts_edge2")
                rows.append([a, "legend_undercuts_p", b])
                u = word("legend_undercuts_u", "objection: undercuts (attacks the link)")
                rows.append([u])
            if "argument" in has:
                j = node("legend_junction", [("+", "junction")], shape="circle", width="0.3", height="0.3",
                         fixedsize="true", color=NO_CASE)
                rows.append([j, word("legend_junction_text", "premises that support only together")])
            rows = _pack(rows)
            for row in rows:
                if len(row) > 1:
                    with lg.subgraph() as same:
                        same.attr(rank="same")
                        for name in row:
                            same.node(name)
            downward = self.rankdir in ("TB", "LR")
            for upper, lower in zip(rows, rows[1:]):
                if lower[0] == "legend_undercuts_u":
                    lg.edge("legend_undercuts_u", "legend_undercuts_p", id="legend_undercuts_edge",
                            **EDGE_STYLE["undercuts"])
                    continue
                tail, head = (upper[0], lower[0]) if downward else (lower[0], upper[0])
                lg.edge(tail, head, style="invis")


def _sample_row(row: list[str]) -> bool:
    return len(row) > 1 or row[0].startswith("legend_undercuts")


def _pack(rows: list[list[str]], width: int = 4) -> list[list[str]]:
    """Legend rows put side by side, up to *width* nodes a row, so the legend stays short.

    Only boxes are put together; each arrow sample keeps a row of its own, or
    Graphviz may order the ends of two arrows among each other.
    """
    packed: list[list[str]] = []
    for row in rows:
        alone = len(row) > 1 or row[0].startswith("legend_undercuts")
        if packed and not alone and len(packed[-1]) < width and not _sample_row(packed[-1]) \
                and len(packed[-1]) + len(row) <= width:
            packed[-1] = packed[-1] + row
        else:
            packed.append(list(row))
    return packed


def to_dot(g: Graph, *, rankdir: str = "BT", cluster: str = "document", legend: bool = True, wrap: int = WRAP,
           labels: Mapping[str, object] | None = None, problems: Mapping[str, Sequence[str]] | None = None,
           engine: str = "dot", stagger: int = 3) -> Drawing:
    """Draw *g* as DOT.

    *labels* maps node ids (``claim`` or ``map.claim``) to IN/OUT/UNDEC;
    *problems* maps node keys (``map.claim``) to short diagnostic texts;
    *stagger* the number of rows a claim's many unsupported reasons are
    spread over (0 or 1: one row).
    """
    if rankdir not in RANKDIRS:
        raise ValueError(f"rankdir must be one of {', '.join(RANKDIRS)}")
    if cluster not in CLUSTERS:
        raise ValueError(f"cluster must be one of {', '.join(CLUSTERS)}")
    from argmap._gc import no_gc  # a big diagram makes millions of objects and no cycles

    with no_gc():
        return _Builder(g, rankdir=rankdir, cluster=cluster, legend=legend, wrap=wrap, labels=labels,
                        problems=problems, engine=engine, stagger=stagger).build()


def with_graph_attributes(source: str, attributes: Sequence[tuple[str, str]]) -> str:
    """DOT *source* with a ``graph [...]`` statement setting *attributes* added after its first line."""
    if not attributes:
        return source
    line = "\tgraph [" + " ".join(f"{_quote(k)}={_quote(v)}" for k, v in attributes) + "]\n"
    cut = source.index("\n") + 1
    return source[:cut] + line + source[cut:]


# ------------------------------------------------------------- SVG styling ----

SVG_STYLE = """<style type="text/css">
.argmap-meta { fill: #555555; font-size: 10px; }
.argmap-quote { font-style: italic; }
.argmap-by { fill: #333333; }
.argmap-diag { fill: #B2182B; font-weight: bold; }
</style>
"""
_NODE_GROUP = re.compile(r'<g id="([^"]+)" class="node">(.*?)</g>', re.DOTALL)


def style_svg(svg: str, roles: Mapping[str, Sequence[str]]) -> str:
    """The SVG Graphviz wrote, with a CSS class on each label line saying its role.

    Graphviz writes one ``<text>`` per label line, in order, inside the
    node's group; the class makes ids small and grey and quotations italic.
    """
    def one(match: re.Match) -> str:
        line_roles = list(roles.get(match.group(1), ()))
        if not line_roles:
            return match.group(0)

        def tag(_: re.Match) -> str:
            if not line_roles:
                return "<text "
            classes = " ".join(f"argmap-{r}" for r in line_roles.pop(0).split())
            return f'<text class="{classes}" '
        return f'<g id="{match.group(1)}" class="node">' + re.sub(r"<text ", tag, match.group(2)) + "</g>"

    svg = _NODE_GROUP.sub(one, svg)
    start = svg.find("<svg")
    end = svg.find(">", start) + 1 if start >= 0 else 0
    return svg[:end] + "\n" + SVG_STYLE + svg[end:]
