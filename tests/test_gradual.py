"""Gradual semantics: DF-QuAD and the quadratic energy model on numbered graphs.

Hand-computed strengths for small graphs (the arithmetic is in the comment
above each case), agreement with the ``formal-argumentation`` package on
random acyclic graphs, and the properties the papers prove or the API
promises.  ``h`` below is Potyka's influence ``x^2 / (1 + x^2)`` for x >= 0.
"""

from __future__ import annotations

import math
import sys

import pytest
from argumentation.gradual.dfquad import dfquad_strengths
from argumentation.gradual.gradual import WeightedBipolarGraph, quadratic_energy_strengths
from hypothesis import given, settings, strategies as st

from argmap.evaluation.gradual import Strengths, dfquad, quadratic_energy

SEMANTICS = (dfquad, quadratic_energy)


def h(x: float) -> float:
    return x * x / (1 + x * x)


# ------------------------------------------------------ hand-computed ----


def test_chain_of_attacks():
    # a (0.8) attacks b (0.6) attacks c (0.5); a is unattacked, so it keeps 0.8.
    # DF-QuAD: va(b) = 0.8 >= vs = 0, so b = 0.6 - 0.6 * 0.8 = 0.12;
    #          c = 0.5 - 0.5 * 0.12 = 0.44.
    # QE: E(b) = -0.8, so b = 0.6 - 0.6 * h(0.8) = 0.6 * (1 - 0.64/1.64) = 0.36585...;
    #     E(c) = -b, so c = 0.5 * (1 - h(b)).
    d = dfquad([0.8, 0.6, 0.5], [(0, 1), (1, 2)], [])
    assert d.values == pytest.approx((0.8, 0.12, 0.44), abs=1e-15)
    assert d.converged and d.iterations == 0 and d.semantics == "dfquad"
    q = quadratic_energy([0.8, 0.6, 0.5], [(0, 1), (1, 2)], [])
    b = 0.6 * (1 - h(0.8))
    assert q.values == pytest.approx((0.8, b, 0.5 * (1 - h(b))), abs=1e-15)
    assert b == pytest.approx(0.365853658536, abs=1e-12)


def test_single_attack():
    # a (0.5) attacks b (0.5).  DF-QuAD: b = 0.5 - 0.5 * 0.5 = 0.25.
    # QE: E(b) = -0.5, h(0.5) = 0.25 / 1.25 = 0.2, b = 0.5 - 0.5 * 0.2 = 0.4.
    assert dfquad([0.5, 0.5], [(0, 1)], []).values == (0.5, 0.25)
    assert quadratic_energy([0.5, 0.5], [(0, 1)], []).values == pytest.approx((0.5, 0.4), abs=1e-15)


def test_support_and_attack_on_one_node():
    # a (0.6) supports c (0.5), b (0.3) attacks c.
    # DF-QuAD: vs = 0.6 > va = 0.3, so c = 0.5 + (1 - 0.5) * (0.6 - 0.3) = 0.65.
    # QE: E(c) = 0.6 - 0.3 = 0.3, so c = 0.5 + 0.5 * h(0.3) = 0.5 + 0.5 * 0.09/1.09.
    assert dfquad([0.6, 0.3, 0.5], [(1, 2)], [(0, 2)]).values[2] == pytest.approx(0.65, abs=1e-15)
    assert quadratic_energy([0.6, 0.3, 0.5], [(1, 2)], [(0, 2)]).values[2] == pytest.approx(
        0.5 + 0.5 * 0.09 / 1.09, abs=1e-15)
    # Swap the strengths: va = 0.6 >= vs = 0.3, so c = 0.5 - 0.5 * (0.6 - 0.3) = 0.35.
    assert dfquad([0.3, 0.6, 0.5], [(1, 2)], [(0, 2)]).values[2] == pytest.approx(0.35, abs=1e-15)
    # Equal attack and support leave the base score alone (DF-QuAD's point: no
    # discontinuity where va = vs).
    assert dfquad([0.4, 0.4, 0.7], [(1, 2)], [(0, 2)]).values[2] == pytest.approx(0.7, abs=1e-15)


def test_supporters_aggregate_as_probabilistic_sum():
    # Two supporters of 0.5 each: F = 1 - (1 - 0.5)(1 - 0.5) = 0.75, so a target
    # of base 0.2 rises to 0.2 + 0.8 * 0.75 = 0.8.  (QE adds them: E = 1, h(1) = 0.5,
    # 0.2 + 0.8 * 0.5 = 0.6.)
    assert dfquad([0.5, 0.5, 0.2], [], [(0, 2), (1, 2)]).values[2] == pytest.approx(0.8, abs=1e-15)
    assert quadratic_energy([0.5, 0.5, 0.2], [], [(0, 2), (1, 2)]).values[2] == pytest.approx(0.6, abs=1e-15)


def test_two_cycle():
    # a and b (0.5 each) attack each other.  DF-QuAD's fixed point: s = 0.5 - 0.5 s,
    # s = 1/3; the Jacobi iteration from 0.5 is s' = 0.5 - 0.5 s, a contraction by 1/2.
    d = dfquad([0.5, 0.5], [(0, 1), (1, 0)], [])
    assert d.converged and d.iterations > 0
    assert d.values == pytest.approx((1 / 3, 1 / 3), abs=1e-8)
    # QE with bases 1: s = 1 - 1 * h(s) = 1 / (1 + s^2), i.e. s^3 + s - 1 = 0,
    # whose one real root is 0.6823278...
    q = quadratic_energy([1.0, 1.0], [(0, 1), (1, 0)], [])
    assert q.converged
    for s in q.values:
        assert s ** 3 + s - 1 == pytest.approx(0.0, abs=1e-8)
    assert q.values[0] == pytest.approx(0.6823278038, abs=1e-8)


def test_two_cycle_that_does_not_converge_says_so():
    # Bases 1: a = 1 - b and b = 1 - a.  The Jacobi sweeps from (1, 1) go to (0, 0),
    # then back to (1, 1), for ever; every pair with a + b = 1 is a fixed point and
    # the symmetric iteration reaches none.
    d = dfquad([1.0, 1.0], [(0, 1), (1, 0)], [], max_iterations=50)
    assert not d.converged
    assert d.iterations == 50
    assert all(0.0 <= s <= 1.0 for s in d.values)


def test_three_cycle():
    # a (0.8) -> b (0.5) -> c (0.5) -> a, all attacks.  Every va >= vs = 0, so
    # b = 0.5(1 - a), c = 0.5(1 - b) = 0.25 + 0.25a, a = 0.8(1 - c) = 0.6 - 0.2a:
    # a = 0.5, b = 0.25, c = 0.375.  Going once round the cycle shrinks an error
    # by 0.8 * 0.5 * 0.5 = 0.2, so the iteration converges.
    d = dfquad([0.8, 0.5, 0.5], [(0, 1), (1, 2), (2, 0)], [])
    assert d.converged
    assert d.values == pytest.approx((0.5, 0.25, 0.375), abs=1e-8)
    q = quadratic_energy([0.8, 0.5, 0.5], [(0, 1), (1, 2), (2, 0)], [])
    assert q.converged
    a, b, c = q.values  # a fixed point of QE: each is its base moved by -h(attacker)
    assert (a, b, c) == pytest.approx((0.8 * (1 - h(c)), 0.5 * (1 - h(a)), 0.5 * (1 - h(b))), abs=1e-8)


def test_node_downstream_of_a_cycle():
    # The 2-cycle of test_two_cycle (1/3 each) attacks c (0.6) from a:
    # c = 0.6 - 0.6 * (1/3) = 0.4, computed once the cycle is solved.
    d = dfquad([0.5, 0.5, 0.6], [(0, 1), (1, 0), (0, 2)], [])
    assert d.converged
    assert d.values[2] == pytest.approx(0.4, abs=1e-8)


def test_linked_argument_as_a_node():
    # Premises p (0.9) and q (0.5) together back c (0.5) through the argument node
    # L (its weight 0.8).  A "not" node of base 1 attacked by p has strength
    # 1 - 1 * p = 1 - p, and the not-nodes attack L, so L's attack is
    # F(0.1, 0.5) = 1 - 0.9 * 0.5 = 0.55 and L = 0.8 - 0.8 * 0.55 = 0.36 = 0.8 * p * q:
    # the premises count only together.  L supports c: c = 0.5 + 0.5 * 0.36 = 0.68.
    p, q, not_p, not_q, arg, c = range(6)
    base = [0.9, 0.5, 1.0, 1.0, 0.8, 0.5]
    attacks = [(p, not_p), (q, not_q), (not_p, arg), (not_q, arg)]
    d = dfquad(base, attacks, [(arg, c)])
    assert d.values[not_p] == pytest.approx(0.1, abs=1e-15)
    assert d.values[arg] == pytest.approx(0.8 * 0.9 * 0.5, abs=1e-15)
    assert d.values[c] == pytest.approx(0.68, abs=1e-15)
    # Knock out one premise (q = 0) and the argument gives nothing: c keeps 0.5.
    base[q] = 0.0
    assert dfquad(base, attacks, [(arg, c)]).values[c] == pytest.approx(0.5, abs=1e-15)


def test_undercut_as_an_attack_on_the_inference_node():
    # a (0.8) supports b (0.5) through the inference node I (base 1), which stands
    # only as far as a does (not-a, base 1, is attacked by a: 0.2, and attacks I).
    # u (0.5) undercuts the step: it attacks I, not a.
    # I's attack: F(0.2, 0.5) = 1 - 0.8 * 0.5 = 0.6, so I = 1 - 0.6 = 0.4, and
    # b = 0.5 + 0.5 * 0.4 = 0.7.  Without u: I = 1 - 0.2 = 0.8, b = 0.9.  a keeps 0.8.
    a, not_a, inference, b, u = range(5)
    base = [0.8, 1.0, 1.0, 0.5, 0.5]
    attacks = [(a, not_a), (not_a, inference)]
    plain = dfquad(base, attacks, [(inference, b)])
    undercut = dfquad(base, attacks + [(u, inference)], [(inference, b)])
    assert plain.values[b] == pytest.approx(0.9, abs=1e-15)
    assert undercut.values[inference] == pytest.approx(0.4, abs=1e-15)
    assert undercut.values[b] == pytest.approx(0.7, abs=1e-15)
    assert undercut.values[a] == plain.values[a] == 0.8


def test_long_chain_needs_no_recursion():
    # 20,000 nodes (far past Python's recursion limit) of base 1 in a chain of
    # attacks: 1, 1 - 1 = 0, 1 - 0 = 1, ...
    n = 20_000
    result = dfquad([1.0] * n, [(i, i + 1) for i in range(n - 1)], [])
    assert result.values[::2] == (1.0,) * (n // 2)
    assert result.values[1::2] == (0.0,) * (n // 2)


# -------------------------------------------------------------- inputs ----


@pytest.mark.parametrize("fn", SEMANTICS)
@pytest.mark.parametrize("base, attacks, supports, message", [
    ([0.5, 1.5], [], [], "base score of node 1"),
    ([0.5, math.nan], [], [], "base score of node 1"),
    ([0.5, -0.1], [], [], "must be in \\[0, 1\\]"),
    (["x"], [], [], "numbers"),
    ([0.5, 0.5], [(0, 2)], [], "attacks: \\(0, 2\\)"),
    ([0.5, 0.5], [], [(-1, 0)], "supports: \\(-1, 0\\)"),
    ([0.5, 0.5], [(0, 1, 1)], [], "attacks: \\(0, 1, 1\\)"),
    ([0.5, 0.5], [(0, 1.0)], [], "attacks: \\(0, 1.0\\)"),
    ([0.5, 0.5], [[0, 1]], [], "attacks: \\[0, 1\\]"),
    ([0.5, 0.5], [(0, 1)], [(0, 1)], "both an attack and a support"),
])
def test_bad_input_is_refused(fn, base, attacks, supports, message):
    with pytest.raises(ValueError, match=message):
        fn(base, attacks, supports)


@pytest.mark.parametrize("fn", SEMANTICS)
@pytest.mark.parametrize("option, message", [
    ({"tolerance": 0.0}, "tolerance"), ({"tolerance": -1.0}, "tolerance"),
    ({"max_iterations": 0}, "max_iterations"),
])
def test_bad_options_are_refused(fn, option, message):
    with pytest.raises(ValueError, match=message):
        fn([0.5], [], [], **option)


def test_step_must_be_positive():
    with pytest.raises(ValueError, match="step"):
        quadratic_energy([0.5], [], [], step=0.0)


def test_repeated_edge_counts_once():
    # The attack relation is a set of pairs: (0, 1) twice is one attack, 0.5 -> 0.25.
    assert dfquad([0.5, 0.5], [(0, 1), (0, 1)], []).values == (0.5, 0.25)


def test_empty_graph():
    assert dfquad([], [], []) == Strengths((), True, 0, "dfquad", 1e-9)


# ----------------------------------------------------------- properties ----

unit = st.floats(min_value=0.0, max_value=1.0)


@st.composite
def graphs(draw, acyclic: bool = True, max_nodes: int = 8):
    """(base, attacks, supports): each pair of nodes is unrelated, an attack or a support."""
    n = draw(st.integers(min_value=1, max_value=max_nodes))
    base = draw(st.lists(unit, min_size=n, max_size=n))
    order = draw(st.permutations(range(n)))  # so that edges do not all run from low to high numbers
    if acyclic:
        pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    else:  # both directions, and self-attacks or self-supports
        pairs = [(i, j) for i in range(n) for j in range(n)]
    kinds = draw(st.lists(st.sampled_from("nas"), min_size=len(pairs), max_size=len(pairs)))
    attacks = [(order[i], order[j]) for (i, j), k in zip(pairs, kinds) if k == "a"]
    supports = [(order[i], order[j]) for (i, j), k in zip(pairs, kinds) if k == "s"]
    return base, attacks, supports


def _oracle_graph(base, attacks, supports) -> WeightedBipolarGraph:
    name = [f"n{i}" for i in range(len(base))].__getitem__
    return WeightedBipolarGraph(
        arguments=frozenset(map(name, range(len(base)))),
        initial_weights={name(i): b for i, b in enumerate(base)},
        attacks=frozenset((name(a), name(b)) for a, b in attacks),
        supports=frozenset((name(a), name(b)) for a, b in supports))


@given(graphs())
def test_dfquad_agrees_with_formal_argumentation(graph):
    base, attacks, supports = graph
    theirs = dfquad_strengths(_oracle_graph(*graph)).strengths
    ours = dfquad(base, attacks, supports)
    assert ours.converged and ours.iterations == 0
    for i, s in enumerate(ours.values):
        assert s == pytest.approx(theirs[f"n{i}"], abs=1e-9)


@settings(max_examples=40)  # the package's integration is slow; fewer, smaller graphs
@given(graphs(max_nodes=6))
def test_quadratic_energy_agrees_with_formal_argumentation(graph):
    # The package integrates the system (adaptive RK4) until every |ds/dt| <= 1e-9;
    # ours is the exact topological value, which that integration approaches.
    # Off by at most about that residual per node, summed along a path of at most
    # 6 nodes, so 1e-7 leaves room.
    base, attacks, supports = graph
    theirs = quadratic_energy_strengths(_oracle_graph(*graph)).strengths
    ours = quadratic_energy(base, attacks, supports)
    for i, s in enumerate(ours.values):
        assert s == pytest.approx(theirs[f"n{i}"], abs=1e-7)


@pytest.mark.parametrize("fn", SEMANTICS)
@given(graph=graphs(acyclic=False, max_nodes=6))
def test_strengths_stay_in_the_unit_interval(fn, graph):
    result = fn(*graph, max_iterations=200)
    assert len(result.values) == len(graph[0])
    assert all(0.0 <= s <= 1.0 for s in result.values)


@pytest.mark.parametrize("fn", SEMANTICS)
@given(st.lists(unit, max_size=20))
def test_without_edges_strength_is_the_base_score(fn, base):
    assert fn(base, [], []).values == tuple(base)


@pytest.mark.parametrize("fn", SEMANTICS)
@given(graphs(), unit, st.data())
def test_a_new_attacker_never_raises_its_target(fn, graph, weight, data):
    # DF-QuAD is monotonic (Rago et al. 2016): a larger attack aggregate never
    # raises the combination; QE likewise, as the energy only falls.
    base, attacks, supports = graph
    target = data.draw(st.integers(min_value=0, max_value=len(base) - 1))
    before = fn(base, attacks, supports).values[target]
    after = fn(base + [weight], attacks + [(len(base), target)], supports).values[target]
    assert after <= before + 1e-12


def _residual(fn, base, attacks, supports, values) -> float:
    """How far *values* are from a fixed point: one exact update of every node from them."""
    worst = 0.0
    for v in range(len(base)):
        att = [values[a] for a, b in attacks if b == v]
        sup = [values[a] for a, b in supports if b == v]
        if fn is dfquad:
            va, vs = 1 - math.prod(1 - x for x in att), 1 - math.prod(1 - x for x in sup)
            v0 = base[v]
            new = v0 - v0 * (va - vs) if va >= vs else v0 + (1 - v0) * (vs - va)
        else:
            e = sum(sup) - sum(att)
            new = base[v] + (1 - base[v]) * h(max(e, 0)) - base[v] * h(max(-e, 0))
        worst = max(worst, abs(new - values[v]))
    return worst


@pytest.mark.parametrize("fn", SEMANTICS)
@given(graph=graphs(acyclic=False, max_nodes=6))
def test_cyclic_graphs_converge_to_a_fixed_point_or_say_they_did_not(fn, graph):
    result = fn(*graph, max_iterations=1000)
    if result.converged:
        # the last change (or |ds/dt|) was at most 1e-9; a node has at most 10
        # sources here, so one more update moves no node by more than about 1e-8
        assert _residual(fn, *graph, result.values) < 1e-7
    else:
        assert result.iterations == 1000


def _lines_run(fn) -> int:
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("fn", SEMANTICS)
def test_acyclic_work_is_linear(fn):
    # Lines executed, not seconds (exact on every machine): a graph twice as big
    # (nodes and edges) may take a little more than twice the work, never four times.
    def work(n: int) -> int:
        edges = [(i, j) for i in range(n) for j in (i + 1, i + 7, i + 31) if j < n]
        return _lines_run(lambda: fn([0.5] * n, edges[::2], edges[1::2]))

    assert work(4000) / work(2000) < 2.2
