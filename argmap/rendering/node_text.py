"""What each box of a diagram says: the lines of a node's label, and the role of each line.

A role says what a line is: ``meta`` (the small first line: id, verdict,
footnotes cited), ``text``, ``quote``, ``by`` (who asserts it), ``diag``
(a problem the checker found), ``junction``; ``cont`` is added to a line
that continues a word cut at the line before.  The SVG stage
(:mod:`argmap.rendering.svg`) turns roles into CSS classes.
"""

from __future__ import annotations

import enum

from collections.abc import Mapping, Sequence

from argmap.rendering.debate import is_folded
from argmap.rendering.graph import Graph, Node
from argmap.rendering.style import BADGES, NO_CASE
from argmap.rendering.wrapping import add_wrapped, plain_wrap


def short_name(name: str) -> str:
    """A person's name without the description after the first comma."""
    return name.split(",", 1)[0].strip() or name


def _citations(item) -> str:
    quotes = getattr(item, "quotes", ())
    cited = item.all_citations if quotes else getattr(item, "citations", ())
    if len(cited) == 1:
        return f"[{cited[0].label}]"
    return " ".join(f"[{label}]" for label in dict.fromkeys(c.label for c in cited))


def _measure(value) -> str | None:
    """What a gradual or Carneades evaluation says of a node, for its box: ``strength 0.91``, ``acceptable``."""
    if isinstance(value, float):
        return f"strength {value:.2f}"
    if isinstance(value, str) and not isinstance(value, enum.Enum) and value.upper() not in BADGES:
        return value
    return None


def _verdict(value) -> str | None:
    """IN, OUT or UNDEC from an evaluation label (an enum member or its name) or None."""
    if value is None or _measure(value) is not None:
        return None  # a gradual strength, or a Carneades status
    name = getattr(value, "name", None) or str(value)
    return name.rsplit(".", 1)[-1].upper()


#: What a node's style depends on: kind, case colour, conceded, verdict, has problems.
Signature = tuple[str, str, bool, str | None, bool]


class NodeText:
    """The labels of the nodes of one graph, drawn *width* columns wide.

    *labels* maps node ids (``claim`` or ``map.claim``) to IN/OUT/UNDEC;
    *problems* maps node keys to short diagnostic texts (the first three
    are shown); *colours* gives each case key its colour.
    """

    def __init__(self, g: Graph, *, width: int, colours: Mapping[str, str],
                 labels: Mapping[str, object], problems: Mapping[str, Sequence[str]],
                 folded: Mapping[str, Sequence[str]] | None = None):
        self.g, self.width, self.colours, self.labels, self.problems = g, width, colours, labels, problems
        self.folded = folded or {}  # a folded box's key: the keys of the claims it stands for
        self.root_id = g.root.id  # a property: read once
        self.by_lines: dict[tuple, tuple[list[str], list[str]]] = {}  # "— Name" lines, by person

    def verdict(self, node: Node) -> str | None:
        """The evaluation's IN/OUT/UNDEC for *node*, or None."""
        value = self.labels.get(node.key)
        if value is None and node.map_id == self.root_id:
            value = self.labels.get(node.id)
        return _verdict(value)

    def measure(self, node: Node) -> str | None:
        """A gradual strength (``strength 0.91``) or a Carneades status for *node*, or None."""
        value = self.labels.get(node.key)
        if value is None and node.map_id == self.root_id:
            value = self.labels.get(node.id)
        return _measure(value)

    def verdict_of(self, key: str) -> str | None:
        """The verdict of the claim *key* (``map.claim``), drawn or not."""
        value = self.labels.get(key)
        if value is None and key.startswith(self.root_id + "."):
            value = self.labels.get(key[len(self.root_id) + 1:])
        return _verdict(value)

    def members(self, node: Node) -> Sequence[str]:
        """The keys of the claims a folded box stands for: those given, or the used map's claims not drawn."""
        if node.key in self.folded:
            return self.folded[node.key]
        home = node.home
        if home is None:
            return ()
        keys = (f"{node.map_id}.{c.id}" for c in (*home.claims, *home.theses))
        return [k for k in keys if k not in self.g.nodes]

    def tally(self, node: Node) -> str | None:
        """"✔ 3 IN · ✘ 2 OUT" for the claims a folded box stands for, or None when nothing is labelled."""
        counts: dict[str, int] = {}
        for k in self.members(node):
            v = self.verdict_of(k)
            if v is not None:
                counts[v] = counts.get(v, 0) + 1
        if not counts:
            return None
        return " · ".join(f"{BADGES[v].split()[0]} {counts[v]} {v}" for v in ("IN", "OUT", "UNDEC") if v in counts)

    def label(self, node: Node) -> tuple[Signature, list[str], list[str]]:
        """(what the node's style depends on, its label lines, the role of each line)."""
        w = self.width
        colour = self.colours.get(node.case, NO_CASE)
        verdict = self.verdict(node) if self.labels else None
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
        elif kind == "import" and is_folded(node):
            noun = "claim" if node.size == 1 else "claims"
            if node.id == "more…":  # the rest of a used map
                lines, roles = [f"{node.map_id} · folded", f"+ {node.size} more {noun}"], ["meta", "text"]
            else:  # what lies below a claim in an overview
                lines, roles = [f"▸ {node.size} {noun} below · click to unfold"], ["meta"]
            tally = self.tally(node) if self.labels else None
            if tally:
                lines.append(tally)
                roles.append("meta")
        elif kind == "import":
            lines, roles = [f"map {node.id}"], ["meta"]
            doc = node.home.document if node.home is not None else None
            if doc is not None and doc.title:
                add_wrapped(lines, roles, doc.title, "text", w)
            lines.append(f"({node.size} claims and theses)")
            roles.append("meta")
        else:
            item = node.item
            meta = [BADGES[verdict]] if verdict in BADGES else []
            measure = self.measure(node) if self.labels and verdict is None else None
            if measure:
                meta.append(measure)
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
                plain = plain_wrap(text, w)
                if plain is not None:
                    lines += plain
                    roles += ["text"] * len(plain)
                else:
                    add_wrapped(lines, roles, text, "text", w)
            for quote in getattr(item, "quotes", ()):
                add_wrapped(lines, roles, quote.text, "quote", w, "“", "”")
            by = getattr(item, "by", None)
            if by is not None:
                memo = (id(node.home), by.map, by.id)
                made = self.by_lines.get(memo)
                if made is None:
                    person = node.person
                    made = self.by_lines[memo] = ([], [])
                    add_wrapped(*made, "— " + short_name(person.name if person is not None else str(by)), "by", w)
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
