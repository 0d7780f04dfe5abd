"""Marks on the diagram: with --labels every box carries its verdict, folded boxes tally theirs, and
--diagnostics marks the claims the checker finds problems with."""

from __future__ import annotations

import collections
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.rendering import diagram
from argmap.rendering.debate import is_folded
from argmap.rendering.marks import evaluation_labels

MAPS = Path(__file__).resolve().parent.parent / "maps"
SVG = "{http://www.w3.org/2000/svg}"
WORD = {"IN": "✔ IN", "OUT": "✘ OUT", "UNDEC": "? UNDEC"}


def texts(svg: str) -> dict[str, list[str]]:
    """{SVG node id: the text of each of its lines}"""
    return {g.get("id"): [t.text or "" for t in g.iter(SVG + "text")]
            for g in ET.fromstring(svg).iter(SVG + "g") if g.get("class") == "node"}


def name(label) -> str:
    return label.name if hasattr(label, "name") else str(label).upper()


@pytest.fixture(scope="module")
def brown():
    m = argmap.load(MAPS / "brown2017.argmap")
    return m, diagram(m, labels=True, renderer="embedded", choose=False), evaluation_labels(m, "grounded")


def test_every_claim_thesis_and_junction_shows_its_own_verdict(brown):
    m, d, labels = brown
    lines = texts(d.svg())
    kinds = collections.Counter()
    for key, node in d.graph.nodes.items():
        shown = " ".join(lines[d.drawing.ids[key]])
        expected = WORD[name(labels[node.id])]
        assert expected in shown, (key, shown)
        # the verdict is the claim's own, not a neighbour's: no other verdict word in the box
        assert not any(w in shown for w in WORD.values() if w != expected), (key, shown)
        kinds[node.kind] += 1
    assert kinds["claim"] == len(m.claims) and kinds["thesis"] == 2 and kinds["argument"] == 2


def test_a_folded_box_tallies_the_verdicts_of_the_claims_it_holds(brown):
    m, d, labels = brown
    small, folded = d.overview
    lines = texts(small.svg())
    assert folded
    for key, members in folded.items():
        counts = collections.Counter(name(labels[k.split(".", 1)[1]]) for k in members)
        tally = lines[small.drawing.ids[key]][-1]
        for verdict, n in counts.items():
            assert f"{n} {verdict}" in tally, (key, tally)
        assert sum(counts.values()) == len(members)


def test_the_debates_folded_articles_tally_what_they_leave_out():
    m = argmap.load(MAPS / "new_approach_debate.argmap")
    d = diagram(m, labels=True, renderer="embedded", choose=False)
    lines = texts(d.svg())
    folds = [n for n in d.graph.nodes.values() if is_folded(n)]
    assert len(folds) == len(m.imports)
    for n in folds:
        tally = lines[d.drawing.ids[n.key]][-1]
        numbers = [int(part.split()[1]) for part in tally.split(" · ")]
        assert sum(numbers) == n.size, tally  # every claim left out is counted once


def test_without_labels_no_box_carries_a_verdict(brown):
    m = brown[0]
    shown = " ".join(" ".join(v) for v in texts(diagram(m, renderer="embedded", choose=False, legend=False)
                                                 .svg()).values())
    assert not any(w in shown for w in WORD.values())


def test_diagnostics_mark_the_claim_with_the_problem_and_the_legend_says_so():
    m = argmap.loads("""map marked "Marked" {
  author "Tester"
}

thesis t: A thesis.
case pro for t: For.
claim a (pro): Alpha supports the thesis.
  supports t
claim b (pro): Beta rebuts a claim nobody wrote.
  rebuts nowhere
""")
    found = argmap.check(m)
    assert found
    d = diagram(m, diagnostics=found, renderer="embedded", choose=False)
    lines = texts(d.svg())
    b = lines[d.drawing.ids["marked.b"]]
    assert any(line.startswith("⚠ ") for line in b)
    assert not any(line.startswith("⚠ ") for line in lines[d.drawing.ids["marked.a"]])
    assert "⚠ the checker found" in lines["legend_problems"]
