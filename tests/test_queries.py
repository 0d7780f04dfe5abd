"""The debate-preparation queries, pinned on small maps in tests/data/brief/."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis import queries as q
from argmap.evaluation.core import Label
from argmap.files.loader import load
from argmap.syntax.parser import parse

DATA = Path(__file__).parent / "data" / "brief"


@pytest.fixture(scope="module")
def debate():
    return load(DATA / "debate.argmap")


def ids(reaches):
    return [(r.id, r.distance) for r in reaches]


def test_direct_supporters_include_a_linked_argument_and_its_premises(debate):
    assert ids(q.supporters(debate, "noise", depth=1)) == [
        ("enforceable", 1), ("parking", 1), ("wardens", 1), ("granted", 1)]
    assert {r.relation for r in q.supporters(debate, "noise")} == {"supports", "premise"}


def test_transitive_supporters_carry_their_distance(debate):
    assert ids(q.supporters(debate, "t")) == [("air", 1), ("noise", 1), ("asthma", 2), ("enforceable", 2),
                                               ("parking", 2), ("wardens", 2), ("granted", 2)]
    assert ids(q.supporters(debate, "t", depth=1)) == [("air", 1), ("noise", 1)]


def test_attackers_count_rebuttals_undercuts_of_its_support_and_supporters_of_attackers():
    m = parse("thesis t: T.\nclaim a: A.\n  rebuts t\nclaim b: B.\n  supports a\nclaim c: C.\n  supports t\n"
              "claim d: D.\n  undercuts c -> t\nclaim e: E.\n  rebuts c\n")
    assert ids(q.attackers(m, "t")) == [("a", 1), ("d", 1), ("b", 2)]
    assert [r.relation for r in q.attackers(m, "t")] == ["rebuts", "undercuts", "supports"]
    assert ids(q.attackers(m, "t", depth=1)) == [("a", 1), ("d", 1)]  # e attacks c, not t


def test_contradiction_attacks_both_ways(debate):
    m = parse("claim a: A.\n  contradicts b\nclaim b: B.\n")
    assert ids(q.attackers(m, "a")) == [("b", 1)] and ids(q.attackers(m, "b")) == [("a", 1)]


def test_chains_to_thesis_run_through_supports_and_attacks_shortest_first(debate):
    chains = q.chains_to_thesis(debate, "asthma")
    assert chains.paths == ((("asthma", "supports"), ("air", "supports"), ("t", None)),)
    assert not chains.truncated
    assert q.chains_to_thesis(debate, "footfall").paths == (
        (("footfall", "rebuts"), ("trade", "rebuts"), ("t", None)),)
    assert q.chains_to_thesis(debate, "parking")[0] == (
        ("parking", "premise"), ("enforceable", "supports"), ("noise", "supports"), ("t", None))


def test_chains_terminate_on_support_cycles_and_stop_at_the_limit():
    m = load(DATA / "cycle.argmap")
    chains = q.chains_to_thesis(m, "b", "t")
    assert [tuple(n for n, _ in path) for path in chains] == [("b", "c", "t"), ("b", "c", "a", "t")]
    # a dense graph: many chains, but the search stops at the limit and says so
    lines = ["thesis t: T."] + [f"claim c{i}: C{i}.\n" + "".join(f"  supports c{j}\n" for j in range(i + 1, 16))
                                + "  supports t" for i in range(16)]
    dense = parse("\n".join(lines) + "\n")
    capped = q.chains_to_thesis(dense, "c0", limit=50)
    assert len(capped) == 50 and capped.truncated
    assert len(capped[0]) == 2  # the shortest chain comes first


def test_chains_from_a_claim_that_reaches_no_thesis_are_empty(debate):
    assert len(q.chains_to_thesis(load(DATA / "no_thesis.argmap"), "a")) == 0


def test_unanswered_attacks_leave_out_the_answered_ones(debate):
    assert q.unanswered_attacks(debate, "pro") == (
        q.Attack("buses", "rebuts", "air"),
        q.Attack("old_study", "undercuts", "asthma -> air"),
        q.Attack("deliveries", "rebuts", "noise"),
    )
    answered = dict(q.attacks_on_case(debate, "pro"))
    assert answered[q.Attack("trade", "rebuts", "t")] == (q.Attack("footfall", "rebuts", "trade"),)
    assert q.unanswered_attacks(debate, "con") == (q.Attack("footfall", "rebuts", "trade"),)


def test_an_undercut_of_the_attack_answers_it():
    m = parse("thesis t: T.\ncase p for t: P.\ncase c against t: C.\nclaim a (p): A.\n  supports t\n"
              "claim x (c): X.\n  rebuts a\nclaim y (p): Y.\n  undercuts x -> a\n")
    assert q.unanswered_attacks(m, "p") == ()


def test_contradicting_back_is_no_answer():
    m = parse("thesis t: T.\ncase p for t: P.\ncase c against t: C.\nclaim a (p): A.\n  supports t\n"
              "claim x (c): X.\n  contradicts a\n")
    assert q.unanswered_attacks(m, "p") == (q.Attack("x", "contradicts", "a"),)


def test_a_case_without_attacks_or_thesis_has_nothing_unanswered():
    m = load(DATA / "no_thesis.argmap")
    assert q.thesis_of(m, "solo") is None
    assert q.unanswered_attacks(m, "solo") == ()


def test_uncited_claims_count_a_cited_quotation_and_skip_concessions(debate):
    assert q.uncited_claims(debate, "pro") == ("noise", "parking", "wardens")  # asthma cites through its quote
    assert q.uncited_claims(debate, "con") == ("deliveries", "buses")  # `granted` is a concession


def test_deciding_claims_flip_the_thesis(debate):
    deciders = q.deciding_claims(debate, "t")
    assert [(d.id, d.label, d.thesis_label_if_flipped) for d in deciders] == [
        ("trade", Label.OUT, Label.OUT), ("footfall", Label.IN, Label.OUT)]
    assert all(d.thesis_label is Label.IN for d in deciders)


def test_no_single_claim_decides_a_thesis_with_two_independent_attackers():
    m = parse("thesis t: T.\nclaim a: A.\n  rebuts t\nclaim b: B.\n  rebuts t\n")
    assert q.deciding_claims(m, "t") == ()
    with pytest.raises(KeyError):
        q.deciding_claims(m, "nope")


def test_nodes_of_used_maps_are_named_by_map(tmp_path):
    (tmp_path / "other.argmap").write_text("map other \"O\" {\n}\nclaim x: X.\n", encoding="utf-8")
    (tmp_path / "main.argmap").write_text("use other\nthesis t: T.\nclaim a: A.\n  supports t\n"
                                          "other.x supports a\n", encoding="utf-8")
    m = load(tmp_path / "main.argmap")
    assert ids(q.supporters(m, "t")) == [("a", 1), ("other.x", 2)]
    assert q.chains_to_thesis(m, "other.x")[0][0] == ("other.x", "supports")
