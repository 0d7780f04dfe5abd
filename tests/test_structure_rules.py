"""Coherence rules beyond their data cases (tests/rules/S*/): messages, scale, cross-map reachability."""

from __future__ import annotations

import pytest

import argmap
from argmap.checks.runner import Config
from argmap.model import Claim, Map, Ref, Relation


def _check(text_or_map, *codes):
    m = argmap.parse(text_or_map) if isinstance(text_or_map, str) else text_or_map
    return [d for d in argmap.check(m, config=Config(select=codes or ("structure",)))]


def _chain_map(n: int, *, close: bool) -> Map:
    """c0 supports c1 supports ... c(n-1) (supports c0 when *close*), built without parsing."""
    from argmap.diagnostics import Span

    claims = tuple(Claim(f"c{i}", f"Claim {i}.", span=Span(i + 1, 7)) for i in range(n))
    relations = tuple(Relation("supports", Ref(f"c{i}"), Ref(f"c{i + 1}"), span=Span(i + 1, 1)) for i in range(n - 1))
    if close:
        relations += (Relation("supports", Ref(f"c{n - 1}"), Ref("c0"), span=Span(n + 1, 1)),)
    return Map(claims=claims, relations=relations)


@pytest.mark.slow
def test_a_100000_claim_support_chain_checks_clean():
    assert _check(_chain_map(100_000, close=False), "S203", "S208", "S201") == []


@pytest.mark.slow
def test_a_100000_claim_cycle_is_reported_once_at_its_first_claim():
    found = _check(_chain_map(100_000, close=True), "S203")
    assert len(found) == 1
    assert found[0].line == 1 and "c0 → c1 → c2" in found[0].message and found[0].message.endswith("c99999 → c0")


def test_cycle_message_lists_every_claim_of_a_tangled_circle():
    text = ("claim a: A.\n  supports b\n  supports c\nclaim b: B.\n  supports a\nclaim c: C.\n  supports a\n")
    [d] = _check(text, "S203")
    assert d.line == 1 and "among 3 claims: a, b, c" in d.message


def test_two_separate_circles_are_two_diagnostics():
    text = "claim a: A.\n  supports b\nclaim b: B.\n  supports a\nclaim x: X.\n  supports y\nclaim y: Y.\n  supports x\n"
    assert [d.line for d in _check(text, "S203")] == [1, 5]


def test_dangling_target_suggests_the_close_name():
    [d] = _check("claim failed: F.\nclaim visit: V.\n  supports faild\n", "S201")
    assert d.hint == "did you mean failed?" and (d.line, d.column) == (3, 12)


def test_forward_references_are_not_reported():
    assert _check("claim visit: V.\n  supports failed\nclaim failed: F.\n", "S201") == []


def test_references_into_other_maps_are_left_to_C110():
    assert _check("use togo\nclaim a: A.\n  rebuts togo.nothing_here\n", "S201", "S205", "S208") == []


def test_case_reaches_a_thesis_in_a_used_map(tmp_path):
    (tmp_path / "togo.argmap").write_text("thesis deal: A deal is near.\nclaim momentum: Momentum.\n  supports deal\n",
                                          encoding="utf-8")
    debate = tmp_path / "debate.argmap"
    debate.write_text("use togo\ncase brown against togo.deal: Brown's case.\n"
                      "claim stall (brown): Talks stalled.\n  supports nothing\n"
                      "claim nothing (brown): Nothing moved.\n  rebuts togo.deal\n", encoding="utf-8")
    assert [d for d in argmap.check(argmap.load(debate)) if d.code == "S207"] == []
    debate.write_text("use togo\ncase brown against togo.deal: Brown's case.\n"
                      "claim stall (brown): Talks stalled.\n", encoding="utf-8")
    [d] = [d for d in argmap.check(argmap.load(debate)) if d.code == "S207"]
    assert "no claim of case brown reaches its thesis togo.deal" in d.message


def test_against_case_reaches_its_thesis_by_undercutting_its_support():
    text = ("thesis deal: A deal is near.\ncase brown against deal: B.\nclaim m: Momentum.\n  supports deal\n"
            "claim routine (brown): Momentum is routine.\n  undercuts m -> deal\n")
    assert _check(text, "S207") == []


def test_structure_group_selects_only_structure_rules():
    codes = {d.code for d in _check("claim a: A. [^9]\n  supports a\n")}
    assert codes == {"S202"}


def test_suppression_comment_silences_a_structure_rule():
    assert _check("claim lone: Alone.  \n# argmap: ignore[S208]\nclaim other: Other.\n", "S208")[0].line == 1
