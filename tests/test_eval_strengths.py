"""Gradual strengths, base scores from the evidence, explanations and deciding sources on maps.

The expected strengths are worked by hand from the definitions (docs/gradual.md):
DF-QuAD's ``C(v0, va, vs)`` and Potyka's ``base + (1-base)h(E) - base*h(-E)``, with
the default base scores 0.5 (uncited) and 0.7 (cited).
"""

from __future__ import annotations

import json
import random

import pytest
from argumentation.gradual.dfquad import dfquad_strengths
from argumentation.gradual.gradual import WeightedBipolarGraph
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis import queries
from argmap.cli import main
from argmap.evaluation import deciding
from argmap.evaluation.core import attack_graph
from argmap.evaluation.dung import LABELS, EvaluationError, grounded_codes
from argmap.evaluation.mapgraph import CLAIM


def h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1 + x * x)


def qe(base: float, energy: float) -> float:
    return base + (1 - base) * h(energy) - base * h(-energy)


def strengths(text: str, semantics: str = "dfquad", **options):
    return argmap.evaluate(argmap.parse(text), semantics, **options)


NOTE = "footnotes\n  [^1]: A source, 2017.\n"


def test_chain_of_rebuttals():
    text = "thesis t: T.\nclaim a: A.\n  rebuts t\nclaim b: B.\n  rebuts a\n"
    s = strengths(text)
    assert (s["b"], s["a"], s["t"]) == pytest.approx((0.5, 0.25, 0.375))  # 0.5 - 0.5 * 0.25
    e = strengths(text, "quadratic-energy")
    assert e["a"] == pytest.approx(qe(0.5, -0.5))
    assert e["t"] == pytest.approx(qe(0.5, -qe(0.5, -0.5)))


def test_a_cited_attacker_weighs_more_than_an_uncited_one():
    cited = strengths("thesis t: T.\nclaim a: A. [^1]\n  rebuts t\n" + NOTE)
    bare = strengths("thesis t: T.\nclaim a: A.\n  rebuts t\n")
    assert cited["a"] == pytest.approx(0.7) and cited.backing["a"] == "cited"
    assert cited["t"] == pytest.approx(0.5 - 0.5 * 0.7)
    assert bare["t"] == pytest.approx(0.25) and bare["t"] > cited["t"]


def test_support_and_attack_on_one_claim():
    text = "thesis t: T.\nclaim s: S.\n  supports t\nclaim a: A. [^1]\n  rebuts t\n" + NOTE
    assert strengths(text)["t"] == pytest.approx(0.5 - 0.5 * (0.7 - 0.5))
    assert strengths(text, "quadratic-energy")["t"] == pytest.approx(qe(0.5, 0.5 - 0.7))


def test_a_contradiction_is_a_cycle_iterated_to_its_fixed_point():
    s = strengths("claim a: A.\nclaim b: B.\n  contradicts a\n")
    assert s.converged and s.iterations > 0
    assert s["a"] == pytest.approx(1 / 3, abs=1e-8) and s["b"] == pytest.approx(1 / 3, abs=1e-8)  # x = 0.5 - 0.5x
    e = strengths("claim a: A.\nclaim b: B.\n  contradicts a\n", "quadratic-energy")
    x = e["a"]
    assert e["b"] == pytest.approx(x) and x == pytest.approx(qe(0.5, -x), abs=1e-8)


def test_a_cycle_that_does_not_settle_in_the_limit_says_so():
    s = strengths("claim a: A.\nclaim b: B.\n  contradicts a\n", max_iterations=2)
    assert not s.converged and "DID NOT CONVERGE" in s.summary("m")


def test_linked_premises_count_together():
    text = "thesis t: T.\nclaim p: P.\nclaim q: Q.\nargument x: p + q -> t\n"
    s = strengths(text)
    assert s["x"] == pytest.approx(0.25)  # 1 * p * q
    assert s["t"] == pytest.approx(0.5 + 0.5 * 0.25)
    e = strengths(text, "quadratic-energy")
    arg = qe(1.0, -2 * qe(1.0, -0.5))
    assert e["x"] == pytest.approx(arg) and e["t"] == pytest.approx(qe(0.5, arg))


def test_an_undercut_weakens_the_step_and_not_its_premise():
    plain = strengths("thesis t: T.\nclaim a: A.\n  supports t\n")
    cut = strengths("thesis t: T.\nclaim a: A.\n  supports t\nclaim u: U.\n  undercuts a -> t\n")
    assert plain["t"] == pytest.approx(0.75)
    assert cut["a"] == pytest.approx(0.5) and cut.links["a -> t"] == pytest.approx(0.25)  # a * (1 - u)
    assert cut["t"] == pytest.approx(0.5 + 0.5 * 0.25)


def test_a_failed_check_and_a_verified_quotation_set_the_base_score(tmp_path):
    text = ('claim bad: B. [^9]\nclaim good: G.\n  quote "the words" [^1]\nclaim wrong: W.\n'
            '  quote "other words" [^1]\n' + NOTE)
    s = strengths(text, source_text="An article with the words in it.")
    assert (s.backing["bad"], s.backing["good"], s.backing["wrong"]) == ("failed", "verified", "failed")
    assert (s["bad"], s["good"]) == pytest.approx((0.2, 0.9))
    assert strengths(text).backing["good"] == "cited"  # without the text nothing is verified
    mine = strengths(text, base_scores={"failed": 0.0})
    assert mine["bad"] == 0.0
    with pytest.raises(EvaluationError):
        strengths(text, base_scores={"sourced": 0.3})


def test_the_configuration_sets_the_base_scores(tmp_path, capsys):
    (tmp_path / "argmap.toml").write_text("base-scores = { uncited = 0.8 }\n", encoding="utf-8")
    (tmp_path / "m.argmap").write_text("claim a: A.\n", encoding="utf-8")
    assert main(["eval", str(tmp_path / "m.argmap"), "--semantics", "dfquad", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["strengths"] == {"a": 0.8} and data["converged"] is True
    (tmp_path / "argmap.toml").write_text("base-scores = { uncited = 2 }\n", encoding="utf-8")
    assert main(["eval", str(tmp_path / "m.argmap"), "--semantics", "dfquad"]) == 2
    assert "from 0 to 1" in capsys.readouterr().err


def test_why_names_the_chain_and_the_contributions(capsys):
    path = "maps/brown2017.argmap"
    assert main(["eval", path, "--why", "togo_success"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("togo_success is OUT: only_discuss rebuts it")
    assert main(["eval", path, "--why", "failed", "--semantics", "dfquad"]) == 0
    out = capsys.readouterr().out
    assert "failed is IN: every attack on it is defeated" in out and "togo_success (" in out
    assert main(["eval", path, "--why", "nope"]) == 2


def test_an_attack_graph_file_has_no_strengths(tmp_path, capsys):
    (tmp_path / "g.i23").write_text("p af 2\n1 2\n", encoding="utf-8")
    assert main(["eval", str(tmp_path / "g.i23"), "--semantics", "dfquad"]) == 2


# ------------------------------------------------------ oracle and deciding ----


@st.composite
def acyclic_maps(draw, max_claims: int = 7):
    n = draw(st.integers(1, max_claims))
    cited = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    kinds = draw(st.lists(st.sampled_from("nras"), min_size=len(pairs), max_size=len(pairs)))
    return n, cited, [(i, j, k) for (i, j), k in zip(pairs, kinds) if k != "n"]


def _text(n, cited, edges) -> str:
    words = {"r": "rebuts", "s": "supports", "a": "rebuts"}
    lines = [f"claim c{i}: Claim {i}.{' [^1]' if cited[i] else ''}" for i in range(n)]
    lines += [f"c{j} {words[k]} c{i}" for i, j, k in edges]  # from later to earlier: acyclic
    return "\n".join(lines) + "\n" + (NOTE if any(cited) else "")


@settings(max_examples=60)
@given(acyclic_maps())
def test_random_acyclic_maps_agree_with_formal_argumentation(graph):
    n, cited, edges = graph
    ours = strengths(_text(n, cited, edges))
    name = "c{}".format
    theirs = dfquad_strengths(WeightedBipolarGraph(
        arguments=frozenset(map(name, range(n))),
        initial_weights={name(i): 0.7 if cited[i] else 0.5 for i in range(n)},
        attacks=frozenset((name(j), name(i)) for i, j, k in edges if k != "s"),
        supports=frozenset((name(j), name(i)) for i, j, k in edges if k == "s"))).strengths
    for i in range(n):
        assert ours[name(i)] == pytest.approx(theirs[name(i)], abs=1e-9)


def _brute_force(graph, thesis):
    """The old definition: one full grounded labelling per flipped claim."""
    succ = graph.succ
    base = grounded_codes(succ)[0]
    out = []
    for c in range(graph.n_nodes):
        if graph.kinds[c] != CLAIM or c == thesis:
            continue
        if base[c] == 1:  # IN: removed
            flipped = [[] if a == c else [b for b in ts if b != c] for a, ts in enumerate(succ)]
        else:
            flipped = [[b for b in ts if b != c] for ts in succ]
        after = grounded_codes(flipped)[0][thesis]
        if after != base[thesis]:
            out.append((graph.names[c], LABELS[after]))
    return out


@settings(max_examples=80)
@given(st.integers(2, 9), st.integers(0, 10_000))
def test_deciding_claims_match_one_full_labelling_per_claim(n, seed):
    rnd = random.Random(seed)
    lines = ["thesis t: T."] + [f"claim c{i}: C{i}." for i in range(n)]
    for i in range(n):
        for _ in range(rnd.randrange(3)):
            target = rnd.choice(["t"] + [f"c{j}" for j in range(n)])
            lines.append(f"c{i} {rnd.choice(['rebuts', 'rebuts', 'supports', 'contradicts'])} {target}")
    graph = attack_graph(argmap.parse("\n".join(lines) + "\n"))
    thesis = graph.names.index("t")
    fast = [(d.id, d.thesis_label_if_flipped) for d in deciding.deciding_claims(graph, thesis)]
    assert fast == _brute_force(graph, thesis)


def test_a_footnote_that_decides_a_thesis():
    m = argmap.parse("thesis t: T.\nclaim a: A. [^1]\n  rebuts t\nclaim b: B. [^2]\n  supports t\n"
                     "footnotes\n  [^1]: One.\n  [^2]: Two.\n")
    found = {s.note: s for s in queries.deciding_sources(m, "t")}
    assert found["1"].flips and str(found["1"].thesis_label_if_lost) == "IN"  # without note 1, a falls
    assert not found["2"].flips and found["2"].shift < 0  # b backs t less without its note
    assert found["1"].shift > 0


def test_carneades_needs_grounds_while_the_pro_side_bears_the_burden():
    text = "thesis t: T.\nclaim bare: B.\n  supports t\nclaim sourced: S. [^1]\n" + NOTE
    c = strengths(text, "carneades")
    assert str(c["bare"]) == "not acceptable" and str(c["sourced"]) == "acceptable"
    assert str(c["t"]) == "not acceptable"  # its only support has no ground
    con = strengths(text, "carneades", burdens={"t": "con", "bare": "con"})
    assert str(con["t"]) == "acceptable" and str(con["bare"]) == "acceptable"
