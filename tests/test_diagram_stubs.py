"""Relations between cases drawn as stubs, the layout chosen by looking at it, and the crossings it saves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.rendering import diagram, engines
from argmap.rendering.geometry import measure
from argmap.rendering.lanes import parents, stubs
from argmap.rendering.search import ASPECT_LIMIT, badness, candidates, choose

MAPS = Path(__file__).resolve().parent.parent / "maps"
SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt"><g class="graph">'


def drawn(w: float, h: float, crossings: int) -> str:
    """An SVG of size w x h whose edges cross *crossings* times (pairs of diagonals of small squares)."""
    parts = [SVG_HEAD.format(w=w, h=h)]
    for i in range(crossings):
        x = 10 + 30 * i
        parts.append(f'<g id="a{i}" class="edge"><title>n{i}a&#45;&gt;m{i}a</title>'
                     f'<path d="M{x},10C{x},10 {x + 20},30 {x + 20},30"/></g>')
        parts.append(f'<g id="b{i}" class="edge"><title>n{i}b&#45;&gt;m{i}b</title>'
                     f'<path d="M{x + 20},12C{x + 20},12 {x},31 {x},31"/></g>')
    return "".join(parts) + "</g></svg>"


def test_the_measure_counts_crossings_and_shape():
    m = measure(drawn(400, 200, 3))
    assert m.crossings == 3 and m.aspect == 2.0 and m.edges == 6


def test_a_screens_shape_comes_before_fewer_crossings_and_fewer_crossings_before_shorter_edges():
    square_but_crossed = measure(drawn(300, 300, 4))
    wide_and_clean = measure(drawn(300 * (ASPECT_LIMIT + 1), 300, 0))
    clean = measure(drawn(300, 300, 0))
    assert badness(square_but_crossed) < badness(wide_and_clean)
    assert badness(clean) < badness(square_but_crossed)


def test_choose_keeps_the_best_variant_and_passes_over_one_that_fails():
    pictures = {"first": drawn(300, 300, 5), "best": drawn(300, 300, 1), "wide": drawn(2000, 100, 0)}

    def lay_out(v):
        if v == "broken":
            raise engines.RenderError("Graphviz failed")
        return pictures[v]

    chosen, svg, metrics = choose(lambda v: v, lay_out, ["first", "broken", "wide", "best"])
    assert chosen == "best" and svg == pictures["best"] and metrics.crossings == 1
    assert choose(lambda v: v, lay_out, ["first"])[0] == "first"  # one variant: laid out, not measured
    with pytest.raises(engines.RenderError):  # the first variant's failure is the caller's
        choose(lambda v: v, lay_out, ["broken", "best"])


def test_a_forced_stagger_is_kept_in_every_variant_and_big_diagrams_are_laid_out_once():
    assert {rows for rows, _ in candidates(20, stagger=3)} == {3}
    assert len(candidates(20)) > 1 and len(candidates(10_000)) == 1 and len(candidates(5)) == 1


def test_relations_between_cases_are_stubs_at_both_ends_naming_the_other_claim():
    m = argmap.load(MAPS / "brown2017.argmap")
    d = diagram(m, renderer="embedded", choose=False)
    g = d.graph
    cut = stubs(g, parents(g))
    assert len(cut) >= 10  # Brown answers Togo's claims again and again
    svg = d.svg()
    for i in cut:
        e = g.edges[i]
        far = e.target if e.target is not None else e.link[1]
        near_target, near_source = f"s{i}", f"s{i}_2"
        assert d.drawing.stubs[near_target] == d.drawing.ids[e.source]
        assert d.drawing.stubs[near_source] == d.drawing.ids[far]
        for stub, named in ((near_target, e.source), (near_source, far)):
            group = re.search(rf'<g id="{stub}" class="node">(.*?)</g>', svg, re.DOTALL).group(1)
            assert g.nodes[named].id in group  # the stub says which claim it stands for
    # no edge of the picture runs from a claim of one case to a claim of another, but tree edges
    tree = set(parents(g).values())
    for i, e in enumerate(g.edges):
        if e.target is None or i in tree:
            continue
        a, b = g.nodes[e.source], g.nodes[e.target]
        if a.kind == "claim" and b.kind == "claim" and a.case != b.case:
            assert f'<title>{d.drawing.ids[e.source]}&#45;&gt;{d.drawing.ids[e.target]}</title>' not in svg


@pytest.mark.parametrize(("name", "most"), [("brown2017", 27), ("tsuruoka2020", 1),
                                            ("togo2013", 1),
                                            ("akiyama2015", 0), ("suzuki2012", 0)])
def test_crossings_are_at_most_half_what_the_old_layout_drew(name, most, seed_drawings):
    # the old default drew brown2017 with 55 crossings, tsuruoka2020 and akiyama2015 with 1, togo2013 with 2
    svg = seed_drawings.svg(name)  # diagram(argmap.load(maps/name), renderer="embedded").svg()
    m = measure(svg)
    assert m.crossings <= most and 1 / 2.5 <= m.aspect <= 2.5, m
