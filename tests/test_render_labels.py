"""Label safety: any text a user writes comes out of the SVG exactly as written.

Random texts go through the real embedded renderer and are read back from
the SVG; only whitespace may change (runs become one space, and wrapped
lines are joined again).
"""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET

import graphviz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.model import Claim, Map, Person, Quote, Ref
from argmap.rendering import diagram
from argmap.rendering.node_text import short_name
from argmap.rendering.quoting import label_text, quote_label

SVG = "{http://www.w3.org/2000/svg}"
TRICKY = ['"', "\\", "\\\\", '\\"', "<", ">", "<b>x</b>", "&", "&amp;", "&#38;", "&lt;", "{", "}", "\n", "\\l",
          "\\n", "\\N", "\\G", "node", "edge", "subgraph", "digraph", "strict", "]]>", "|", ";", "--", "->", " ",
          "שלום עולם", "مرحبا بالعالم", "日本語の文章です", "한국어", "\u200f", "\u202e", "😀", "%", "'"]
pieces = st.one_of(st.sampled_from(TRICKY),
                   st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=12))
texts = st.lists(pieces, min_size=1, max_size=14).map("".join)


def norm(text: str) -> str:
    return " ".join(text.split())


def read_back(svg: str, node_id: str) -> dict[str, str]:
    """{role: text} for one node, wrapped lines joined as the renderer cut them."""
    root = ET.fromstring(svg)
    group = next(g for g in root.iter(SVG + "g") if g.get("id") == node_id)
    out: dict[str, str] = {}
    for t in group.iter(SVG + "text"):
        classes = t.get("class", "").split()
        role = classes[0].removeprefix("argmap-")
        joiner = "" if "argmap-cont" in classes or role not in out else " "
        out[role] = out.get(role, "") + joiner + (t.text or "")
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, quote=texts, name=texts)
def test_any_label_text_survives_the_embedded_renderer(text, quote, name):
    m = Map(persons=(Person("p", name),),
            claims=(Claim("c", text, by=Ref("p"), quotes=(Quote(quote),)),))
    d = diagram(m, renderer="embedded", legend=False, timeout=60)
    got = read_back(d.svg(), d.drawing.ids["map.c"])
    assert got.get("text", "") == norm(text)
    assert got["quote"] == "“" + norm(quote) + "”" if norm(quote) else "quote" not in got
    assert got["by"] == norm("— " + short_name(name))


def test_control_characters_become_replacement_marks():
    m = Map(claims=(Claim("c", "bell\x07 and \x1b escape"),))
    d = diagram(m, renderer="embedded", legend=False)
    assert read_back(d.svg(), d.drawing.ids["map.c"])["text"] == "bell\ufffd and \ufffd escape"


# A label's lines are words with one space between (wrapped text, ids, fixed words); a word alone
# may be a DOT id, numeral or keyword, which decides whether it is quoted at all.
words = st.one_of(texts, st.sampled_from(["c1", "x_1", "-4.2", ".5", "7", "Node", "GRAPH", "strict", "ab\\"]))
label_lines = st.lists(words.map(lambda t: " ".join(t.split())), min_size=1, max_size=5)


@settings(max_examples=200)
@given(lines=label_lines)
def test_labels_are_quoted_as_graphviz_quotes_them(lines):
    """The DOT for a label is what the graphviz package's own quote() writes for the escaped text."""
    text = label_text(lines)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # graphviz warns of text Graphviz would misread: there must be none
        assert quote_label(text) == graphviz.quoting.quote(graphviz.nohtml(text))
