"""The visual language of a diagram: colours, shapes, arrows and badges.

* a **thesis** is a grey box with a double border; a **claim** a rounded box
  filled with its **case**'s colour (Paul Tol's muted scheme, safe for
  colour-blind readers); a conceded claim has a dashed border;
* inside a claim: a small first line with its id and the **footnotes** it
  cites (``[11]``), its text, its **quotation** in italics between quote
  marks, and ``— Name`` for **who asserts it**;
* **supports** is a green arrow; **rebuts** a red arrow ending in a bar;
  **undercuts** a red barred arrow that ends on a dot placed on the support
  arrow it attacks; **contradicts** a dashed purple double-headed arrow;
* premises that support only together meet in a ``+`` junction.

The legend on every diagram (:mod:`argmap.rendering.legend`) says it again.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.rendering.graph import Graph

#: Paul Tol's "muted" scheme (Tol, "Colour Schemes", SRON/EPS/TN/09-002, 2021): nine colours that stay
#: apart for every kind of colour vision, so up to nine maps or cases never share one (the Okabe-Ito
#: palette has two blues and seven colours, and the debate map's eight cases wrapped around it).
#: Ordered so that the first two, a single map's two sides, are the furthest apart.
PALETTE = ("#332288", "#DDCC77", "#44AA99", "#CC6677", "#88CCEE", "#999933", "#AA4499", "#117733", "#882255")
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
#: The evaluation's verdict, as the first words of a box.
BADGES = {"IN": "✔ IN", "OUT": "✘ OUT", "UNDEC": "? UNDEC"}
#: The dot an undercut ends on, placed on the support arrow it attacks.
POINT_STYLE: Mapping[str, str] = {"shape": "point", "width": "0.09", "color": ATTACK}
#: What a stub says of the claim it names, by the relation's kind: beside its target, beside its source.
STUB_WORDS: Mapping[str, tuple[str, str]] = {
    "supports": ("supported by", "supports"), "rebuts": ("rebutted by", "rebuts"),
    "undercuts": ("undercut by", "undercuts"), "contradicts": ("contradicted by", "contradicts"),
}


def stub_style(colour: str) -> dict[str, str]:
    """A stub's DOT attributes: a small dashed box in the colour of the case of the claim it names."""
    return {"shape": "box", "style": "rounded,filled,dashed", "fillcolor": tint(colour, 0.88), "color": colour,
            "fontsize": "11", "margin": "0.14,0.04", "penwidth": "1.2"}


def tint(colour: str, amount: float = 0.8) -> str:
    """*colour* mixed with white (amount 1 is white): a fill that keeps text readable."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in (r, g, b))


def case_colours(g: Graph) -> dict[str, str]:
    """The colour of each case of *g*, by its key: the palette in the order the cases come."""
    return {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(g.cases)}


def node_style(kind: str, colour: str, concession: bool, verdict: str | None, warn: bool) -> dict[str, str]:
    """A node's DOT attributes (but its id and label): they depend only on these five things.

    *colour* is its case's; *verdict* IN, OUT, UNDEC or None; *warn* whether the checker found a
    problem with it.
    """
    if kind == "argument":
        style = {"shape": "circle", "width": "0.3", "height": "0.3", "fixedsize": "true",
                 "style": "filled", "fillcolor": tint(colour, 0.6), "color": colour, "fontsize": "11"}
    elif kind == "missing":
        style = {"shape": "box", "style": "dashed", "color": "#999999", "fontcolor": "#666666"}
    elif kind == "import":
        style = {"shape": "box3d", "style": "filled", "fillcolor": "#F4F4F4", "color": "#777777"}
    elif kind == "thesis":
        style = {"shape": "box", "style": "filled,bold", "peripheries": "2", "fillcolor": "#EEEEEE",
                 "color": "#444444", "fontsize": "13"}
    else:
        style = {"shape": "box", "style": "rounded,filled" + (",dashed" if concession else ""),
                 "fillcolor": tint(colour), "color": colour, "penwidth": "2"}
    if kind == "argument" and verdict in BADGES:  # too small for a line: the verdict beside the junction
        style.update(xlabel=BADGES[verdict], fontsize="11")
    if verdict == "OUT":
        style.update(fillcolor="#E6E6E6", fontcolor="#555555")
    elif verdict == "IN" and kind != "argument":
        style["penwidth"] = "3"
    if warn:
        style.update(color=WARN, penwidth="3")
    return style
