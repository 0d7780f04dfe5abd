"""The legend: a box of samples, each shape and arrow a diagram uses, said in words.

Only what the diagram shows is explained: a thesis sample when it has a
thesis, one sample for each case it colours, the badges when it carries the
evaluation's labels, and so on.
"""

from __future__ import annotations

from collections.abc import Mapping

import graphviz

from argmap.rendering.graph import Graph
from argmap.rendering.quoting import dot_label
from argmap.rendering.style import EDGE_STYLE, FONT, NO_CASE, POINT_STYLE, WARN, tint
from argmap.rendering.wrapping import wrap


def add_legend(dot: graphviz.Digraph, g: Graph, colours: Mapping[str, str], *, labels: bool | str, problems: bool,
               rankdir: str, beside: str | None = None) -> dict[str, tuple[str, ...]]:
    """The legend for *g*, added to *dot* as ``cluster_legend``; returns the role of each line of each of its
    nodes, by DOT node id (as :class:`argmap.rendering.dot.Drawing` keeps them).

    *colours* gives each case key its colour; *labels* and *problems* say whether the diagram marks
    the evaluation's verdicts and the checker's problems; *rankdir* which way its rows go.  *beside*
    is the DOT id of a node of the first row (a thesis): the legend's first row is put level with it,
    so that the legend stands beside the diagram's top instead of running its whole height.
    """
    kinds = {e.kind for e in g.edges} | {"supports"}
    has = {n.kind for n in g.nodes.values()}
    roles: dict[str, tuple[str, ...]] = {}
    rows: list[list[str]] = []  # top to bottom; a row of several nodes is drawn side by side
    with dot.subgraph(name="cluster_legend") as lg:
        lg.attr(label="Legend", style="rounded", color="#BBBBBB", fontcolor="#444444", fontsize="11",
                labeljust="l", margin="10")
        lg.attr("node", fontsize="11", fontname=FONT)
        lg.attr("edge", fontsize="11", fontname=FONT)

        def node(name: str, lines: list[tuple[str, str]], **kw) -> str:
            roles[name] = tuple(role for _, role in lines)
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
        for i, k in enumerate(k for k in colours if any(n.case == k for n in g.nodes.values())):
            c, home = g.cases[k]
            name = c.id if home is g.root else k
            lines = [(f"case {name}: {c.stance} {c.thesis}", "meta")]
            summary = wrap(c.text, 34)
            lines += [(line + ("…" if j == 1 and len(summary) > 2 else ""), "text")
                      for j, (line, _) in enumerate(summary[:2])]
            rows.append([node(f"legend_case{i}", lines, shape="box", style="rounded,filled",
                              fillcolor=tint(colours[k]), color=colours[k], penwidth="2")])
        if any(n.kind == "claim" and n.item.concession for n in g.nodes.values()):
            rows.append([node("legend_conceded", [("(conceded)", "meta"), ("a point the author concedes", "text")],
                              shape="box", style="rounded,dashed", color=NO_CASE)])
        if labels == "strength":
            rows.append([node("legend_labels", [("strength 0.91: the gradual", "text"),
                                                ("semantics' score, 0 to 1", "text")],
                              shape="box", style="rounded", color="#BBBBBB")])
        elif labels == "status":
            rows.append([node("legend_labels", [("acceptable: meets its proof", "text"),
                                                ("standard (Carneades)", "text")],
                              shape="box", style="rounded", color="#BBBBBB")])
        elif labels:
            rows.append([node("legend_labels", [("✔ IN: stands", "text"), ("✘ OUT: defeated", "text"),
                                                ("? UNDEC: undecided", "text")],
                              shape="box", style="rounded", color="#BBBBBB")])
        if problems:
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
            lg.node("legend_undercuts_p", "", **POINT_STYLE, id="legend_undercuts_p")
            lg.edge(a, "legend_undercuts_p", **{**EDGE_STYLE["supports"], "arrowhead": "none"},
                    id="legend_undercuts_edge1")
            lg.edge("legend_undercuts_p", b, **EDGE_STYLE["supports"], id="legend_undercuts_edge2")
            rows.append([a, "legend_undercuts_p", b])
            u = word("legend_undercuts_u", "objection: undercuts (attacks the link)")
            rows.append([u])
        if "argument" in has:
            j = node("legend_junction", [("+", "junction")], shape="circle", width="0.3", height="0.3",
                     fixedsize="true", color=NO_CASE)
            attacks = any(n.kind == "argument" and getattr(n.item, "attacks", False) for n in g.nodes.values())
            supports = any(n.kind == "argument" and not getattr(n.item, "attacks", False) for n in g.nodes.values())
            what = "support, or attack," if attacks and supports else "attack" if attacks else "support"
            rows.append([j, word("legend_junction_text", f"premises that {what} only together")])
        # One column beside the theses, the narrowest; two when many cases would make it taller than most maps.
        cases = sum(1 for row in rows for name in row if name.startswith("legend_case"))
        rows = _pack(rows, 1 if cases <= 4 else 2)
        for row in rows:
            if len(row) > 1:
                with lg.subgraph() as same:
                    same.attr(rank="same")
                    for name in row:
                        same.node(name)
                # Left to right as listed: an invisible edge within a row orders its ends, and keeps
                # each arrow sample's two ends together.
                for left, right in zip(row, row[1:]):
                    if not (left.startswith("legend_undercuts") or right.startswith("legend_undercuts")):
                        lg.edge(left, right, style="invis")
        if beside is not None:
            with dot.subgraph() as level:
                level.attr(rank="same")
                level.node(beside)
                level.node(rows[0][0])
        downward = rankdir in ("TB", "LR")
        for upper, lower in zip(rows, rows[1:]):
            if lower[0] == "legend_undercuts_u":
                lg.edge("legend_undercuts_u", "legend_undercuts_p", id="legend_undercuts_edge",
                        **EDGE_STYLE["undercuts"])
                continue
            tail, head = (upper[0], lower[0]) if downward else (lower[0], upper[0])
            lg.edge(tail, head, style="invis")
    return roles


def _sample_row(row: list[str]) -> bool:
    """Whether *row* is an arrow sample (several nodes, or a part of the undercut sample)."""
    return len(row) > 1 or row[0].startswith("legend_undercuts")


def _pack(rows: list[list[str]], width: int = 1) -> list[list[str]]:
    """Legend rows put side by side, up to *width* nodes a row, so the legend stays short.

    Boxes are put together; the two-ended arrow samples share one row, each
    arrow's ends kept next to each other by an invisible edge (or Graphviz
    could order the ends of two arrows among each other); the undercut
    sample, which takes two rows, keeps its own.
    """
    packed: list[list[str]] = []
    for row in rows:
        pair = len(row) == 2 and not row[0].startswith(("legend_undercuts", "legend_junction"))
        last = packed[-1] if packed else None
        last_pairs = last is not None and len(last) % 2 == 0 and all(
            not n.startswith(("legend_undercuts", "legend_junction")) for n in last) and _sample_row(last)
        if last is not None and pair and last_pairs and len(last) + 2 <= 2 * width:
            packed[-1] = last + row
        elif last is not None and not _sample_row(row) and not _sample_row(last) and len(last) + len(row) <= width:
            packed[-1] = last + row
        else:
            packed.append(list(row))
    return packed
