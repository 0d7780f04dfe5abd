"""Evaluation: labels a user can trust, on maps and on plain attack graphs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from argumentation.core.dung import ArgumentationFramework, grounded_extension, preferred_extensions, \
    stable_extensions
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.evaluation.core import (
    ENUMERATION_LIMIT,
    EvaluationError,
    Label,
    evaluate,
    grounded,
    preferred,
    stable,
)

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


# ----------------------------------------------------------- plain graphs ----

def test_chain_of_attacks_alternates():
    result = grounded("abcd", [("a", "b"), ("b", "c"), ("c", "d")])
    assert [result.labels[n] for n in "abcd"] == [IN, OUT, IN, OUT]
    assert result.reasons == {"b": "a", "d": "c"}


def test_odd_cycle_and_self_attack_are_undecided():
    result = grounded("abcs", [("a", "b"), ("b", "c"), ("c", "a"), ("s", "s")])
    assert set(result.labels.values()) == {UNDEC}


def test_self_attacker_defeated_by_an_in_node_is_out():
    result = grounded("as", [("s", "s"), ("a", "s")])
    assert result.labels == {"a": IN, "s": OUT}


def test_attack_naming_an_unknown_node_is_a_clear_error():
    with pytest.raises(EvaluationError, match="not in the graph"):
        grounded("a", [("a", "zz")])


def test_preferred_and_stable_of_a_mutual_attack():
    both = {frozenset(l.extension()) for l in preferred("ab", [("a", "b"), ("b", "a")])}
    assert both == {frozenset("a"), frozenset("b")}
    assert stable("abc", [("a", "b"), ("b", "c"), ("c", "a")]) == ()
    assert [l.extension() for l in preferred("abc", [("a", "b"), ("b", "c"), ("c", "a")])] == [frozenset()]


def test_enumeration_beyond_the_limit_is_refused_with_a_clear_message():
    n = ENUMERATION_LIMIT + 1
    nodes = [f"x{i}" for i in range(n)]
    cycle = [(nodes[i], nodes[(i + 1) % n]) for i in range(n)]  # odd or even, every node undecided
    cycle.append((nodes[0], nodes[0]))
    with pytest.raises(EvaluationError, match=rf"{n} nodes undecided .* limit is {ENUMERATION_LIMIT}"):
        preferred(nodes, cycle)


def test_many_independent_conflicts_enumerate_by_component():
    nodes = [f"{s}{i}" for i in range(10) for s in "ab"]
    attacks = [(f"a{i}", f"b{i}") for i in range(10)] + [(f"b{i}", f"a{i}") for i in range(10)]
    assert len(preferred(nodes, attacks)) == 2 ** 10
    assert len(stable(nodes, attacks)) == 2 ** 10


graphs = st.integers(min_value=0, max_value=9).flatmap(
    lambda n: st.tuples(st.just([f"n{i}" for i in range(n)]),
                        st.lists(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))),
                                 max_size=3 * n if n else 0)))


def _edges(graph):
    nodes, pairs = graph
    return nodes, [(nodes[a], nodes[b]) for a, b in pairs] if nodes else []


@given(graphs)
def test_grounded_labelling_is_a_complete_labelling(graph):
    nodes, attacks = _edges(graph)
    result = grounded(nodes, attacks)
    attackers = {n: [a for a, b in attacks if b == n] for n in nodes}
    for n in nodes:
        labs = [result.labels[a] for a in attackers[n]]
        if result.labels[n] is IN:
            assert all(l is OUT for l in labs)  # every attacker of an IN node is OUT
        elif result.labels[n] is OUT:
            assert result.labels[result.reasons[n]] is IN  # the reason is an IN attacker
            assert result.reasons[n] in attackers[n]
        else:
            assert IN not in labs and UNDEC in labs
    inside = result.extension()
    assert not any(a in inside and b in inside for a, b in attacks)  # conflict-free
    for n in inside:  # admissible: every attacker is attacked from inside
        assert all(any((d, a) in attacks for d in inside) for a in attackers[n])


@given(graphs)
def test_grounded_agrees_with_formal_argumentation(graph):
    nodes, attacks = _edges(graph)
    af = ArgumentationFramework(frozenset(nodes), frozenset(attacks))
    assert grounded(nodes, attacks).extension() == grounded_extension(af)


@given(graphs)
def test_preferred_and_stable_agree_with_formal_argumentation(graph):
    nodes, attacks = _edges(graph)
    af = ArgumentationFramework(frozenset(nodes), frozenset(attacks))
    assert {l.extension() for l in preferred(nodes, attacks)} == set(preferred_extensions(af))
    assert {l.extension() for l in stable(nodes, attacks)} == set(stable_extensions(af))


@given(graphs, st.randoms(use_true_random=False))
def test_grounded_does_not_depend_on_order(graph, rnd):
    nodes, attacks = _edges(graph)
    shuffled_nodes, shuffled_attacks = nodes[:], attacks[:]
    rnd.shuffle(shuffled_nodes)
    rnd.shuffle(shuffled_attacks)
    assert grounded(nodes, attacks).labels == grounded(shuffled_nodes, shuffled_attacks).labels


# ------------------------------------------------------------------ maps ----

def _map(text: str):
    return argmap.parse(text)


def test_rebuttal_by_an_unattacked_claim_defeats_and_names_the_attacker():
    e = evaluate(_map("claim failed: It failed.\nclaim success: It succeeded.\n  rebuts failed\n"))
    assert e["failed"] is OUT and e["success"] is IN
    assert str(e.reasons["failed"]) == "rebutted by success"


def test_support_breaks_a_symmetric_conflict():
    text = ("claim success: It succeeded.\nclaim failed: It failed.\nsuccess contradicts failed\n"
            "claim jea: Joint projects were agreed.\n  supports success\n")
    e = evaluate(_map(text))
    assert e["success"] is IN and e["failed"] is OUT
    assert str(e.reasons["failed"]) == "jea supports success, which attacks it"


def test_without_support_a_contradiction_is_undecided():
    e = evaluate(_map("claim success: It succeeded.\nclaim failed: It failed.\nsuccess contradicts failed\n"))
    assert e["success"] is UNDEC and e["failed"] is UNDEC
    assert e.reasons["failed"].undecided


def test_undercut_cancels_the_support_it_attacks():
    text = ("claim success: It succeeded.\nclaim failed: It failed.\nsuccess contradicts failed\n"
            "claim jea: Joint projects were agreed.\n  supports success\n"
            "claim routine: Such agreements are routine.\n  undercuts jea -> success\n")
    e = evaluate(_map(text))
    assert e.links["jea -> success"] is OUT
    assert e["jea"] is IN  # the undercut attacks the step, not the reason
    assert e["success"] is UNDEC and e["failed"] is UNDEC
    assert "success" in e.weakened  # its only support is out and it cites nothing


def test_claim_with_every_supporter_out_and_no_citation_is_weakened():
    text = ("claim deal: A deal is near.\nclaim visit: The visit went well.\n  supports deal\n"
            "claim snub: Putin arrived late.\n  rebuts visit\n"
            "claim cited: Japan gains. [^1]\nvisit supports cited\nfootnotes\n  [^1]: TASS, 2016.\n")
    e = evaluate(_map(text))
    assert e["visit"] is OUT and e["deal"] is IN
    assert e.weakened == frozenset({"deal"})  # `cited` has a footnote of its own


def test_linked_argument_falls_with_any_premise_and_carries_its_conclusion():
    text = ("claim legal: Legal questions.\nclaim people: Russian residents.\nclaim obstacles: Obstacles.\n"
            "claim possible: A condominium is possible.\nobstacles rebuts possible\npossible rebuts obstacles\n"
            "argument hard: legal + people -> obstacles\n")
    e = evaluate(_map(text))
    assert e["hard"] is IN and e["possible"] is OUT and e["obstacles"] is IN
    e2 = evaluate(_map(text + "claim census: The census says otherwise.\n  rebuts people\n"))
    assert e2["hard"] is OUT and str(e2.reasons["hard"]) == "its premise people is out"
    assert e2["possible"] is UNDEC


def test_undercut_of_an_argument_premise_link_attacks_the_argument():
    text = ("claim legal: Legal questions.\nclaim obstacles: Obstacles.\n"
            "argument hard: legal -> obstacles\nclaim weak: Legal questions can be settled.\n"
            "  undercuts legal -> obstacles\n")
    e = evaluate(_map(text))
    assert e["hard"] is OUT and str(e.reasons["hard"]) == "undercut by weak"


def test_map_labels_do_not_depend_on_claim_order():
    rnd = random.Random(7)
    ids = [f"c{i}" for i in range(30)]
    lines = []
    for i, c in enumerate(ids):
        lines.append(f"claim {c}: Claim {i}.")
        for _ in range(2):
            kind = rnd.choice(["rebuts", "supports", "contradicts"])
            lines.append(f"  {kind} {rnd.choice(ids)}")
    blocks = []
    for line in lines:
        (blocks.append([line]) if line.startswith("claim") else blocks[-1].append(line))
    e1 = evaluate(_map("\n".join(l for b in blocks for l in b) + "\n"))
    rnd.shuffle(blocks)
    e2 = evaluate(_map("\n".join(l for b in blocks for l in b) + "\n"))
    assert dict(e1.labels) == dict(e2.labels) and e1.weakened == e2.weakened


def test_preferred_on_a_map_gives_every_labelling_and_the_sceptical_view():
    e = evaluate(_map("claim a: A.\nclaim b: B.\na contradicts b\nclaim c: C.\n  supports a\n  rebuts c\n"),
                 "preferred")
    assert len(e.labellings) == 1 and e["a"] is IN
    e = evaluate(_map("claim a: A.\nclaim b: B.\na contradicts b\n"), "preferred")
    assert {(one["a"], one["b"]) for one in e.labellings} == {(IN, OUT), (OUT, IN)}
    assert e["a"] is UNDEC and e["b"] is UNDEC


def test_no_stable_labelling_is_reported_as_none():
    e = evaluate(_map("claim a: A.\n  rebuts b\nclaim b: B.\n  rebuts c\nclaim c: C.\n  rebuts a\n"), "stable")
    assert e.labellings == () and set(e.labels.values()) == {UNDEC}


def test_unknown_semantics_is_refused():
    with pytest.raises(EvaluationError, match="unknown semantics 'ideal'"):
        evaluate(_map("claim a: A.\n"), "ideal")


def test_map_evaluate_delegates():
    m = _map("claim a: A.\nclaim b: B.\n  rebuts a\n")
    assert m.evaluate().labels == evaluate(m).labels


def test_nodes_of_used_maps_take_part_keyed_by_map(tmp_path):
    (tmp_path / "togo.argmap").write_text("map togo {\n}\nclaim late: Putin's lateness means little.\n"
                                          "claim snub: Lateness is a snub.\n  rebuts late\n", encoding="utf-8")
    (tmp_path / "brown.argmap").write_text("use togo\nclaim habit: Putin is late for everyone.\n"
                                           "  rebuts togo.snub\n", encoding="utf-8")
    e = argmap.load(tmp_path / "brown.argmap").evaluate()
    assert e["habit"] is IN and e["togo.snub"] is OUT and e["togo.late"] is IN
    assert str(e.reasons["togo.snub"]) == "rebutted by habit"


@pytest.mark.slow
def test_a_100000_claim_support_chain_evaluates():
    from argmap.model import Claim, Map, Ref, Relation

    n = 100_000
    claims = tuple(Claim(f"c{i}", f"Claim {i}.") for i in range(n + 1)) + (Claim("k", "Knock-out."),)
    relations = tuple(Relation("supports", Ref(f"c{i}"), Ref(f"c{i + 1}")) for i in range(n))
    e = evaluate(Map(claims=claims, relations=relations + (Relation("rebuts", Ref("k"), Ref("c0")),)))
    assert e["c0"] is OUT and e[f"c{n}"] is IN
    assert "c1" in e.weakened and f"c{n}" not in e.weakened  # only the first link is out


def test_eval_takes_a_folder_and_several_files(capsys):
    import json as _json

    from argmap.cli import main as cli

    root = Path(__file__).resolve().parent.parent / "maps"
    assert cli(["eval", str(root)]) == 0
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if line.startswith("==> ")]
    assert heads == [f"==> {p} <==" for p in sorted(str(p) for p in root.glob("*.argmap"))]
    assert cli(["eval", str(root / "togo2013.argmap"), str(root / "suzuki2012.argmap"), "--format", "json"]) == 0
    data = _json.loads(capsys.readouterr().out)
    assert [r["result"]["map"] for r in data["results"]] == ["togo2013", "suzuki2012"]
    # one input keeps its own output, unwrapped
    assert cli(["eval", str(root / "togo2013.argmap"), "--format", "json"]) == 0
    assert _json.loads(capsys.readouterr().out)["map"] == "togo2013"
