"""The render stage from Python: graph, views, DOT, both renderers, Diagram and Jupyter."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.model import Claim, Map, Ref, Relation
from argmap.rendering import RenderError, RendererMissing, RenderTimeout, ViewError, diagram, mimebundle, render
from argmap.rendering import engines
from argmap.rendering.wrapping import unwrap, wrap
from argmap.rendering.graph import build

SVG = "{http://www.w3.org/2000/svg}"

MINI = '''\
map mini "A <small> & \\"tricky\\" map" {
  author "Tester"
  published 2020
}
use other

thesis t: The thesis is true.
case pro for t: The case for.
case con against t: The case against.
person ann: Ann Example, an analyst.

claim a (pro) by ann: Alpha supports the thesis. [^1]
  quote "Alpha is so." [^2]
  supports t
  tags economy
claim b (pro): Beta supports alpha.
  supports a
claim c (con): Gamma undercuts the link.
  undercuts b -> a
claim d (con): Delta rebuts the thesis.
  rebuts t
claim e (con): Epsilon contradicts alpha.
  contradicts a
claim p1 (pro): Premise one.
claim p2 (pro): Premise two.
argument together (pro): p1 + p2 -> t
other.x rebuts d

footnotes
  [^1]: TASS, December 16, 2016.
  [^2]: Ibid.
'''

OTHER = '''\
map other "The other map" {
  author "Someone"
}

claim x: Other claim x.
claim y: Other claim y.
  supports x
'''

needs_dot = pytest.mark.needs_dot
skip_no_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="the system Graphviz `dot` is not installed")


@pytest.fixture
def mini(tmp_path):
    (tmp_path / "mini.argmap").write_text(MINI, encoding="utf-8")
    (tmp_path / "other.argmap").write_text(OTHER, encoding="utf-8")
    return argmap.load(tmp_path / "mini.argmap")


def node_texts(svg: str) -> dict[str, list[tuple[str, str]]]:
    """{svg node id: [(class, text) of each line]}"""
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(SVG + "g"):
        if g.get("class") == "node":
            out[g.get("id")] = [(t.get("class", ""), t.text or "") for t in g.iter(SVG + "text")]
    return out


def svg_id(d, key):
    return d.drawing.ids[key]


# ---------------------------------------------------------------- text ----

def test_wrap_keeps_lines_short_and_can_be_undone():
    text = "The new approach and Putin's December visit were a failure for Japan, " + "x" * 95
    lines = wrap(text, 40)
    assert all(len(line) <= 40 for line, _ in lines)
    assert unwrap(lines) == text
    assert [cont for _, cont in lines][-2:] == [True, True]  # the long word was cut, and is marked


def test_wrap_counts_cjk_characters_double():
    lines = wrap("日本語" * 20, 40)
    assert all(len(line) <= 20 for line, _ in lines) and unwrap(lines) == "日本語" * 20


# ------------------------------------------------------------ the picture ----

def test_svg_shows_every_claim_with_its_parts(mini):
    d = diagram(mini, renderer="embedded")
    nodes = node_texts(d.svg())
    a = dict((cls, text) for cls, text in nodes[svg_id(d, "mini.a")])
    assert a["argmap-meta"] == "a · [1] [2]"          # id and footnote numbers
    assert a["argmap-text"] == "Alpha supports the thesis."
    assert a["argmap-quote"] == "“Alpha is so.”"     # quotation in quote marks (italic by CSS)
    assert a["argmap-by"] == "— Ann Example"         # who asserts it
    thesis = nodes[svg_id(d, "mini.t")]
    assert thesis[0] == ("argmap-meta", "THESIS · t")
    assert "font-style: italic" in d.svg()
    legend = " ".join(t for lines in nodes.values() for _, t in lines)
    assert "undercuts (attacks the link)" in legend and "case pro: for t" in legend


def test_relations_are_drawn_distinctly(mini):
    src = diagram(mini).source
    ids = diagram(mini).drawing.ids
    a, b, c, d_, e, t = (ids[f"mini.{k}"] for k in "abcdet")
    # the undercut ends on a point splitting the support b -> a
    assert re.search(rf"{b} -> p0 \[[^]]*arrowhead=none", src)
    assert re.search(rf"p0 -> {a} \[", src)
    assert re.search(rf'{c} -> p0 \[[^]]*arrowhead=tee[^]]*color="#B2182B"', src.replace("\n", " ")) or \
        re.search(rf'{c} -> p0 \[[^]]*color="#B2182B"[^]]*arrowhead=tee', src)
    assert re.search(rf"{d_} -> {t} \[[^]]*arrowhead=tee", src)
    assert re.search(rf"{e} -> {a} \[[^]]*dir=both[^]]*style=dashed", src)
    junction = ids["mini.together"]
    assert re.search(rf"{ids['mini.p1']} -> {junction} \[[^]]*arrowhead=none", src)
    assert re.search(rf"{junction} -> {t} \[", src)


def test_cases_get_colour_blind_safe_colours(mini):
    src = diagram(mini).source
    ids = diagram(mini).drawing.ids
    lines = {line.split(" [", 1)[0].strip(): line for line in src.splitlines()}

    def colour(key):
        return re.search(r' color="(#\w+)"', lines[ids[key]]).group(1)

    pro, con = colour("mini.a"), colour("mini.c")
    # the two sides of one map get the first two colours of the colour-blind-safe palette
    from argmap.rendering.style import PALETTE
    assert pro != con and {pro, con} == set(PALETTE[:2])


def test_used_maps_are_boxed_and_can_be_collapsed(mini):
    src = diagram(mini).source
    assert "subgraph cluster_doc" in src and "other: The other map" in src
    d = diagram(mini, collapse_imports=True)
    assert d.graph.nodes["other"].kind == "import"
    assert "map other" in d.source and "other.x" not in d.graph.nodes


def test_labels_and_diagnostics_are_marked(mini):
    d = diagram(mini, labels={"d": "OUT", "a": "IN"}, diagnostics=argmap.check(mini), renderer="embedded")
    nodes = node_texts(d.svg())
    assert nodes[svg_id(d, "mini.d")][0][1].startswith("✘ OUT")
    assert nodes[svg_id(d, "mini.a")][0][1].startswith("✔ IN")
    e = nodes[svg_id(d, "mini.e")]
    assert ("argmap-diag", "⚠ S210 unresolved-contradiction") in e


def test_labels_from_the_evaluation(mini):
    d = diagram(mini, labels=True)
    assert "OUT" in d.source or "IN" in d.source


# ---------------------------------------------------------------- views ----

def test_focus_keeps_the_neighbourhood(mini):
    g = diagram(mini, focus="a", depth=1).graph
    assert set(g.nodes) == {"mini.a", "mini.t", "mini.b", "mini.c", "mini.e"}
    assert set(diagram(mini, focus="a", depth=0).graph.nodes) == {"mini.a"}
    # a linked argument's junction costs no step: premises are one step from the thesis
    assert {"mini.p1", "mini.together"} <= set(diagram(mini, focus="t", depth=1).graph.nodes)


def test_case_tag_and_document_views(mini):
    assert set(diagram(mini, case="con").graph.nodes) == {"mini.c", "mini.d", "mini.e", "mini.t"}
    assert set(diagram(mini, tag="economy").graph.nodes) == {"mini.a"}
    assert set(diagram(mini, document="other").graph.nodes) == {"other.x"}


def test_views_that_name_nothing_say_what_exists(mini):
    with pytest.raises(ViewError, match="did you mean pro"):
        diagram(mini, case="pr")
    with pytest.raises(ViewError, match="no claim 'zzz'"):
        diagram(mini, focus="zzz")
    with pytest.raises(ViewError, match="economy"):
        diagram(mini, tag="nope")


def test_dangling_reference_is_drawn_as_missing():
    m = Map(claims=(Claim("a", "A."),), relations=(Relation("supports", Ref("a"), Ref("ghost")),))
    g = build(m)
    assert g.nodes["map.ghost"].kind == "missing"
    assert "(not defined)" in diagram(m).source


# ------------------------------------------------------- Python API, Jupyter ----

def test_render_returns_bytes_and_diagram_saves(mini, tmp_path):
    svg = render(mini, "svg", renderer="embedded")
    assert svg.startswith(b"<?xml") and b"</svg>" in svg
    assert render(mini, "dot").startswith(b"digraph argmap {")
    d = diagram(mini)
    path = d.save(tmp_path / "out.svg")
    ET.parse(path)  # a well-formed SVG
    assert d._repr_svg_() == d.svg()
    assert list(d._repr_mimebundle_()) == ["image/svg+xml"]


def test_map_shows_itself_in_jupyter(mini):
    bundle = mini._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert mini._repr_mimebundle_(exclude=["image/svg+xml"]) == {}


def test_notebook_bundle_says_why_a_map_cannot_be_drawn(mini, monkeypatch):
    def broken(*args, **kwargs):
        raise RenderError("Graphviz failed: out of memory")
    monkeypatch.setattr(engines, "run", broken)
    assert mimebundle(mini) == {"text/plain": "argmap could not draw the map: Graphviz failed: out of memory"}
    assert mimebundle(mini, include=["text/html"]) == {}  # nothing wanted that a map shows


def test_save_takes_the_format_from_every_suffix_the_command_line_knows(mini, tmp_path):
    d = diagram(mini)
    assert d.save(tmp_path / "x.gv").read_text(encoding="utf-8").startswith("digraph argmap {")
    assert d.save(tmp_path / "X.DOT").read_text(encoding="utf-8").startswith("digraph argmap {")
    with pytest.raises(RenderError, match="cannot tell the format from x.jpeg"):
        d.save(tmp_path / "x.jpeg")
    assert not (tmp_path / "x.jpeg").exists()


def test_save_never_writes_over_a_map(mini, tmp_path):
    (tmp_path / "notes.txt").write_text(MINI, encoding="utf-8")  # a map in a file of another suffix
    from_txt = argmap.load(tmp_path / "notes.txt")
    before = {p: p.read_bytes() for p in tmp_path.iterdir()}
    for m, target in ((mini, "mini.argmap"), (mini, "new.argmap"), (mini, "other.argmap"), (from_txt, "notes.txt")):
        with pytest.raises(RenderError, match="refusing to write over a map"):
            diagram(m).save(tmp_path / target, format="svg")
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_options_are_read_as_the_command_line_reads_them(mini):
    assert diagram(mini, wrap=2).source == diagram(mini, wrap=8).source != diagram(mini, wrap=9).source
    assert diagram(mini, timeout=0).timeout is None and diagram(mini, timeout=-1).timeout is None
    with pytest.raises(RenderError, match="unknown format"):
        render(mini, "jpeg")


# ---------------------------------------------------------- layout by size ----

def test_small_diagrams_get_the_layered_layout_without_a_word(mini):
    d = diagram(mini)
    assert d.drawing.engine == "dot" and d.note is None


def test_a_big_diagram_gets_the_fast_layout_and_the_note_says_so(mini, monkeypatch):
    monkeypatch.setattr(engines, "DOT_NODE_LIMIT", 3)
    d = diagram(mini)
    assert d.drawing.engine == engines.FAST_ENGINE and "splines=false" in d.source
    assert f"{len(d.graph.nodes):,} nodes are more than" in d.note and "--engine dot" in d.note
    # an engine asked for is honoured without a word; DOT text is built for the layered layout
    for options in ({"engine": "dot"}, {"format": "dot"}):
        layered = diagram(mini, **options)
        assert layered.drawing.engine == "dot" and layered.note is None and "splines" not in layered.source
    assert render(mini, "dot") == diagram(mini, engine="dot").render("dot")
    assert diagram(mini, engine="neato").drawing.engine == "neato"


# -------------------------------------------------------------- renderers ----

def test_embedded_renderer_refuses_png_without_dot(monkeypatch):
    monkeypatch.setattr(engines, "system_dot", lambda: None)
    with pytest.raises(RendererMissing) as info:
        engines.run("digraph { a -> b }", "png")
    assert "apt-get install graphviz" in info.value.hint


@pytest.mark.slow
def test_embedded_renderer_stops_at_the_time_limit_and_recovers():
    big = "digraph {" + ";".join(f"n{i} -> n{(i * 7919) % 2500}" for i in range(2500)) + "}"
    with pytest.raises(RenderTimeout, match="longer than 0.2 s"):
        engines.run(big, "svg", renderer="embedded", timeout=0.2)
    assert b"</svg>" in engines.run("digraph { a -> b }", "svg", renderer="embedded", timeout=30)


@needs_dot
@skip_no_dot
def test_system_renderer_writes_svg_png_and_pdf(mini):
    assert b"</svg>" in render(mini, "svg", renderer="system")
    assert render(mini, "png", renderer="system").startswith(b"\x89PNG")
    assert render(mini, "pdf", renderer="system").startswith(b"%PDF")


@needs_dot
@skip_no_dot
def test_system_renderer_stops_at_the_time_limit():
    big = "digraph {" + ";".join(f"n{i} -> n{(i * 7919) % 4000}" for i in range(4000)) + "}"
    with pytest.raises(RenderTimeout):
        engines.run(big, "svg", renderer="system", timeout=0.2)


@needs_dot
@skip_no_dot
def test_both_renderers_draw_the_same_text(mini):
    a = node_texts(render(mini, "svg", renderer="system").decode())
    b = node_texts(render(mini, "svg", renderer="embedded").decode())
    assert a == b
