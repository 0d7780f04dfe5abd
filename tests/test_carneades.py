"""Carneades evaluation on small graphs whose verdicts are derived by hand.

Definitions used in the derivations (Gordon, Prakken & Walton 2007; Gordon &
Walton 2009): an argument is applicable when each premise holds (assumed, or
acceptable) and no exception holds; with pro and con the weights of the
strongest applicable argument of each side (0 for none), SE needs an
applicable pro argument, PE pro > con, CCE pro > alpha and pro - con > beta,
BRD CCE and con < gamma, DV an applicable pro argument and no applicable
con one.  Thresholds unless said otherwise: alpha 0.4, beta 0.3, gamma 0.2.
"""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from argmap.evaluation.carneades import (
    ALPHA, BETA, GAMMA, CArgument, CarneadesGraph, ProofStandard, Side, Statement, Status, Weighing,
    evaluate_carneades,
)

PE, SE, CCE, BRD, DV = ProofStandard.PE, ProofStandard.SE, ProofStandard.CCE, ProofStandard.BRD, ProofStandard.DV


def graph(statements: str, *arguments: CArgument, standards: dict | None = None,
          burdens: dict | None = None) -> CarneadesGraph:
    """Statements named by the letters of *statements* (PE and burden pro unless given)."""
    standards, burdens = standards or {}, burdens or {}
    return CarneadesGraph([Statement(s, standards.get(s, PE), burdens.get(s, Side.PRO)) for s in statements],
                          arguments)


def pro(id_: str, conclusion: str, *premises: str, weight: float = 1.0, exceptions=(), **kw) -> CArgument:
    return CArgument(id_, conclusion, Side.PRO, premises, exceptions, weight, **kw)


def con(id_: str, conclusion: str, *premises: str, weight: float = 1.0, exceptions=(), **kw) -> CArgument:
    return CArgument(id_, conclusion, Side.CON, premises, exceptions, weight, **kw)


def test_thresholds_are_the_published_ones():
    assert (ALPHA, BETA, GAMMA) == (0.4, 0.3, 0.2)
    assert BRD.thresholds == ("alpha", "beta", "gamma") and PE.thresholds == ()


# ------------------------------------------------------- reinstatement ----


def test_reinstatement_through_a_defeated_premise():
    # A1 (0.6) pro c from p; A2 (0.8) con c from q.  q has A3 (0.5) pro from s and
    # A4 (0.7) con from t; p, s, t are assumed.
    # q: PE, pro 0.5 vs con 0.7: not acceptable, so A2's premise fails and A2 does
    # not apply.  c: pro 0.6 vs con 0 (A2 out): acceptable.  A4 reinstates c.
    arguments = [pro("A1", "c", "p", weight=0.6), con("A2", "c", "q", weight=0.8),
                 pro("A3", "q", "s", weight=0.5), con("A4", "q", "t", weight=0.7)]
    result = evaluate_carneades(graph("cpqst", *arguments), assumptions={"p", "s", "t"})
    assert result.outcomes["q"].status is Status.NOT_ACCEPTABLE
    assert result.applicable == {"A1", "A3", "A4"}
    assert "c" in result.acceptable
    assert result.outcomes["c"].pro == 0.6 and result.outcomes["c"].con is None
    # Without A4, q has pro 0.5 vs con 0: acceptable; A2 applies; c: 0.6 vs 0.8: not acceptable.
    result = evaluate_carneades(graph("cpqst", *arguments[:3]), assumptions={"p", "s", "t"})
    assert "q" in result.acceptable and "A2" in result.applicable
    assert result.outcomes["c"].status is Status.NOT_ACCEPTABLE
    assert result.outcomes["c"].con == 0.8


# ---------------------------------------------------------- exceptions ----


def test_exception_that_holds_makes_the_argument_inapplicable():
    # A1 pro c from p (assumed), exception e.  e assumed: A1 does not apply, c has
    # no applicable pro argument: not acceptable.  e not assumed and without
    # arguments: e is not acceptable, A1 applies, c (1.0 vs 0) is acceptable.
    g = graph("cpe", pro("A1", "c", "p", exceptions=("e",)))
    assert evaluate_carneades(g, assumptions={"p", "e"}).acceptable == {"p", "e"}
    result = evaluate_carneades(g, assumptions={"p"})
    assert result.applicable == {"A1"} and result.acceptable == {"p", "c"}


def test_exception_established_by_an_argument_undercuts():
    # Now e has its own argument U pro e from w (assumed), weight 0.3: e is
    # acceptable (PE 0.3 > 0), so A1's exception holds and c falls, though no
    # argument con c exists: an undercutter, not a rebuttal.
    g = graph("cpew", pro("A1", "c", "p", exceptions=("e",)), pro("U", "e", "w", weight=0.3))
    result = evaluate_carneades(g, assumptions={"p", "w"})
    assert result.acceptable == {"p", "w", "e"}
    assert result.applicable == {"U"}
    assert "no pro argument applies" in result.outcomes["c"].reason


# ------------------------------------------------------ proof standards ----


def verdict(standard: ProofStandard, pros=(), cons=(), **thresholds) -> Status:
    """The status of c when premise-free arguments of these weights are pro and con it."""
    arguments = [pro(f"P{i}", "c", weight=w) for i, w in enumerate(pros)]
    arguments += [con(f"C{i}", "c", weight=w) for i, w in enumerate(cons)]
    return evaluate_carneades(graph("c", *arguments, standards={"c": standard}), **thresholds).outcomes["c"].status


A, N = Status.ACCEPTABLE, Status.NOT_ACCEPTABLE


@pytest.mark.parametrize("standard, pros, cons, expected", [
    # SE: any applicable pro argument, even of weight 0, and whatever the con side has.
    (SE, [], [], N), (SE, [0.0], [], A), (SE, [0.1], [0.9], A),
    # PE: strictly heavier pro.  0.5 vs 0.5 ties, and the tie goes against the burden.
    (PE, [0.5], [0.5], N), (PE, [0.51], [0.5], A), (PE, [0.49], [0.5], N), (PE, [0.0], [], N),
    (PE, [0.3, 0.6], [0.5], A),
    # CCE: pro > 0.4 and pro - con > 0.3.  0.4 alone is not above alpha; 0.41 alone
    # is, and leads by 0.41.  0.8 vs 0.5 leads by exactly 0.3 (0.30000000000000004 in
    # binary, which counts as 0.3): not more than beta.  0.81 vs 0.5 leads by 0.31.
    (CCE, [0.4], [], N), (CCE, [0.41], [], A), (CCE, [0.8], [0.5], N), (CCE, [0.81], [0.5], A),
    (CCE, [0.7], [0.45], N),
    # BRD: CCE and con < 0.2.  0.9 vs 0.2: con is not below gamma; 0.9 vs 0.19 is;
    # 0.9 alone is met; 0.45 vs 0.1: 0.45 > 0.4, lead 0.35 > 0.3, 0.1 < 0.2, met;
    # 0.35 alone fails alpha.
    (BRD, [0.9], [0.2], N), (BRD, [0.9], [0.19], A), (BRD, [0.9], [], A), (BRD, [0.45], [0.1], A),
    (BRD, [0.35], [], N),
    # DV: an applicable pro argument and no applicable con one, even one of weight 0.
    (DV, [0.1], [], A), (DV, [0.9], [0.0], N), (DV, [], [], N),
])
def test_proof_standards_at_and_around_their_thresholds(standard, pros, cons, expected):
    assert verdict(standard, pros, cons) is expected
    assert standard.met(pros, cons) is (expected is A)


def test_thresholds_can_be_set():
    # CCE with alpha 0.5: 0.45 alone is no longer above alpha.  BRD with gamma 0.3:
    # 0.9 vs 0.25 is then allowed (0.25 < 0.3, lead 0.65 > 0.3).
    assert verdict(CCE, [0.45]) is A and verdict(CCE, [0.45], alpha=0.5) is N
    assert verdict(BRD, [0.9], [0.25]) is N and verdict(BRD, [0.9], [0.25], gamma=0.3) is A
    with pytest.raises(ValueError, match="beta"):
        verdict(CCE, [0.5], beta=1.5)


# ----------------------------------------------------- burden of proof ----


def test_burden_on_the_pro_side_by_default():
    # No argument either way: the side with the burden (pro) has no applicable
    # argument, so c is not acceptable under every standard.
    for standard in ProofStandard:
        outcome = evaluate_carneades(graph("c", standards={"c": standard})).outcomes["c"]
        assert outcome.status is N and outcome.met is False and outcome.burden is Side.PRO


def test_burden_on_the_con_side():
    # With the burden on con, c stands unless the con side meets c's standard.
    # No arguments: the con side meets nothing, c is acceptable.  Con 0.6 vs pro 0.6
    # under PE: con does not outweigh, c acceptable.  Con 0.7 vs pro 0.6: con
    # outweighs, c not acceptable.
    def status(*arguments):
        return evaluate_carneades(graph("c", *arguments, burdens={"c": Side.CON})).outcomes["c"]

    assert status().status is A
    assert status(pro("P", "c", weight=0.6), con("C", "c", weight=0.6)).status is A
    outcome = status(pro("P", "c", weight=0.6), con("C", "c", weight=0.7))
    assert outcome.status is N and outcome.met is True
    assert "burden of proof is on the con side" in outcome.reason


def test_assumed_statement_stands_without_arguments():
    # Assumed: acceptable though no argument is pro it and one is con (CAES: an
    # assumption holds for the audience), and a premise for what rests on it.
    g = graph("pc", con("X", "p", weight=0.9), pro("A", "c", "p", weight=0.5))
    result = evaluate_carneades(g, assumptions={"p"})
    assert result.acceptable == {"p", "c"}
    assert result.outcomes["p"].reason == "assumed by the audience" and result.outcomes["p"].con == 0.9
    assert evaluate_carneades(g).acceptable == frozenset()


# ------------------------------------------------ paraconsistent pairs ----


def test_pro_and_con_both_applicable_are_weighed():
    # P (0.7) pro c and C (0.4) con c, both applicable.  PE: 0.7 > 0.4, acceptable;
    # swap the weights: 0.4 < 0.7, not.  SE ignores con: acceptable either way.
    # DV: a con argument applies, so never acceptable.
    for standard, heavier_pro, heavier_con in [(PE, A, N), (SE, A, A), (DV, N, N)]:
        assert verdict(standard, [0.7], [0.4]) is heavier_pro
        assert verdict(standard, [0.4], [0.7]) is heavier_con


# ------------------------------------------------------- support chains ----


def test_support_chain():
    # c <- A2 from b <- A1 from a, with a assumed: b acceptable (PE 1 > 0), so A2
    # applies and c is acceptable.  Not assuming a breaks the chain at its root:
    # b and c are not acceptable.  Under BRD for c with a con argument of 0.25 on c:
    # pro 1 > 0.4, lead 0.75 > 0.3, but con 0.25 is not below 0.2: not acceptable.
    arguments = [pro("A1", "b", "a"), pro("A2", "c", "b")]
    assert evaluate_carneades(graph("abc", *arguments), assumptions={"a"}).acceptable == {"a", "b", "c"}
    assert evaluate_carneades(graph("abc", *arguments)).acceptable == frozenset()
    g = graph("abc", *arguments, con("X", "c", weight=0.25), standards={"c": BRD})
    assert evaluate_carneades(g, assumptions={"a"}).acceptable == {"a", "b"}


def test_long_chain_needs_no_recursion():
    # s0 assumed, s(i) from s(i-1): every link applies in turn, 3,000 deep (past
    # Python's recursion limit), so the last statement is acceptable.
    n = 3000
    g = CarneadesGraph([Statement(f"s{i}") for i in range(n)],
                       [pro(f"a{i}", f"s{i}", f"s{i - 1}") for i in range(1, n)])
    assert f"s{n - 1}" in evaluate_carneades(g, assumptions={"s0"}).acceptable


# --------------------------------------------------------------- cycles ----


def test_cycle_is_reported_and_left_undecided():
    # a from b, b from a: each waits on the other.  Both undecided, one problem
    # naming them; d, which rests on a, is undecided too; e, apart, is decided.
    g = graph("abde", pro("X", "a", "b"), pro("Y", "b", "a"), pro("Z", "d", "a"), pro("W", "e"))
    result = evaluate_carneades(g)
    assert result.undecided == {"a", "b", "d"}
    assert result.acceptable == {"e"}
    (problem,) = result.problems
    assert problem.kind == "cycle" and problem.statements == ("a", "b")
    assert "a -> b -> a" in problem.message
    assert result.outcomes["d"].reason == "depends on the undecided statements a"
    assert result.applicable == {"W"}


def test_self_dependency_is_a_cycle():
    result = evaluate_carneades(graph("a", pro("X", "a", "a")))
    assert result.undecided == {"a"} and result.problems[0].statements == ("a",)


def test_assumption_breaks_a_cycle():
    # Assuming a, its arguments no longer decide it: a holds, Y applies, b is acceptable.
    result = evaluate_carneades(graph("ab", pro("X", "a", "b"), pro("Y", "b", "a")), assumptions={"a"})
    assert result.problems == () and result.acceptable == {"a", "b"}


def test_undecided_premise_that_cannot_change_the_verdict():
    # c: PE, pro A1 (0.6) from the cyclic a; con K (0.9), applicable.  Even if A1
    # applied, 0.6 < 0.9: c is not acceptable whichever way a goes.  With K at 0.5,
    # A1 decides: c is undecided.
    cycle = [pro("X", "a", "b"), pro("Y", "b", "a"), pro("A1", "c", "a", weight=0.6)]
    result = evaluate_carneades(graph("abc", *cycle, con("K", "c", weight=0.9)))
    assert result.outcomes["c"].status is N
    assert "whichever way the undecided statements go" in result.outcomes["c"].reason
    result = evaluate_carneades(graph("abc", *cycle, con("K", "c", weight=0.5)))
    assert result.outcomes["c"].status is Status.UNDECIDED


# ------------------------------------------------------------ weighing ----


def test_weighing_functions():
    # Premises p, q, r with p and q assumed (2 of 3 hold), weight 0.9, against a
    # con argument of 0.55 under PE.
    # linked: r fails, so the argument does not apply: 0 vs 0.55, not acceptable.
    # convergent: one premise holds: 0.9 vs 0.55, acceptable.
    # cumulative: 0.9 * 2/3 = 0.6 vs 0.55, acceptable; with only p assumed,
    #   0.9 * 1/3 = 0.3 vs 0.55, not.
    def status(weighing, assumed=("p", "q")):
        g = graph("cpqr", pro("A", "c", "p", "q", "r", weight=0.9, weighing=weighing), con("K", "c", weight=0.55))
        return evaluate_carneades(g, assumptions=set(assumed))

    assert status(Weighing.LINKED).outcomes["c"].status is N
    assert status(Weighing.CONVERGENT).weights["A"] == 0.9
    assert status(Weighing.CUMULATIVE).weights["A"] == pytest.approx(0.6)
    assert status(Weighing.CUMULATIVE).outcomes["c"].status is A
    assert status(Weighing.CUMULATIVE, ("p",)).outcomes["c"].status is N


def test_factorized_weighing():
    # Pro A from p, q; con K from r; all assumed, both factorized.  The issue's
    # distinct premises: p, q, r (3).  A weighs 2/3, K 1/3: PE met.  Add a con
    # argument L from s, t, u (assumed, factorized): 6 distinct premises, A 2/6,
    # L 3/6: PE not met.  A premise that fails makes a factorized argument weigh 0.
    arguments = [pro("A", "c", "p", "q", weighing="factorized"), con("K", "c", "r", weighing="factorized")]
    result = evaluate_carneades(graph("cpqrstu", *arguments), assumptions=set("pqr"))
    assert result.weights == pytest.approx({"A": 2 / 3, "K": 1 / 3}) and "c" in result.acceptable
    more = [*arguments, con("L", "c", "s", "t", "u", weighing="factorized")]
    result = evaluate_carneades(graph("cpqrstu", *more), assumptions=set("pqrstu"))
    assert result.weights["L"] == pytest.approx(0.5) and "c" not in result.acceptable
    result = evaluate_carneades(graph("cpqrstu", *arguments), assumptions=set("pr"))
    assert "A" not in result.applicable


# --------------------------------------------------------------- inputs ----


@pytest.mark.parametrize("make, message", [
    (lambda: graph("c", pro("A", "c", "x")), "premise 'x'"),
    (lambda: graph("c", pro("A", "d")), "conclusion 'd'"),
    (lambda: graph("c", pro("A", "c", exceptions=("e",))), "exception 'e'"),
    (lambda: graph("cc"), "statement 'c' is listed twice"),
    (lambda: graph("c", pro("A", "c"), pro("A", "c")), "argument 'A' is listed twice"),
    (lambda: pro("A", "c", weight=1.5), "weight"),
    (lambda: Statement("c", "XYZ"), "XYZ"),
    (lambda: evaluate_carneades(graph("c"), assumptions={"z"}), "assumption 'z'"),
])
def test_bad_input_is_refused(make, message):
    with pytest.raises(ValueError, match=message):
        make()


# ----------------------------------------------------------- properties ----


@given(st.lists(st.floats(0, 1), max_size=4), st.lists(st.floats(0, 1), max_size=4),
       st.floats(0, 1), st.sampled_from(list(ProofStandard)))
def test_standards_are_monotone(pros, cons, extra, standard):
    # A further pro argument never turns a met standard into an unmet one, and a
    # further con argument never the reverse: the reason undecided premises that
    # cannot change a verdict are allowed to leave it decided.
    if standard.met(pros, cons):
        assert standard.met(pros + [extra], cons)
    else:
        assert not standard.met(pros, cons + [extra])


@given(st.lists(st.floats(0, 1), max_size=4), st.lists(st.floats(0, 1), max_size=4))
def test_standards_are_ordered(pros, cons):
    # BRD implies CCE implies PE implies SE, and DV implies SE (Gordon & Walton 2009).
    met = {s: s.met(pros, cons) for s in ProofStandard}
    assert met[SE] >= met[PE] >= met[CCE] >= met[BRD]
    assert met[SE] >= met[DV]


# ------------------------------------------- loops and paraconsistent pairs ----
# Carneades defines acceptability on an acyclic graph only (Gordon, Prakken & Walton 2007, sec. 4:
# "argument graphs ... are required to be acyclic"); argmap reports a cycle and leaves its statements
# undecided, and an assumption, which depends on nothing, breaks it (the CAES of van Gijzel & Nilsson
# 2012 likewise takes assumptions as given).


def _attack_loop(names: str, con_weight: float) -> list[CArgument]:
    """Each statement has a ground (premise-free) pro argument of 0.6 and a con argument from the one before."""
    args = [pro(f"G{s}", s, weight=0.6) for s in names]
    args += [con(f"K{s}", s, names[i - 1], weight=con_weight) for i, s in enumerate(names)]
    return args


def test_even_attack_loop_is_a_cycle_until_one_side_is_assumed():
    result = evaluate_carneades(graph("ab", *_attack_loop("ab", 0.5)))
    assert result.undecided == {"a", "b"} and result.problems[0].statements == ("a", "b")
    # a assumed: Kb (from a) applies; b: PE, pro 0.6 > con 0.5, acceptable
    result = evaluate_carneades(graph("ab", *_attack_loop("ab", 0.5)), assumptions={"a"})
    assert result.problems == () and result.acceptable == {"a", "b"}
    # with con arguments of 0.7 instead, b: 0.6 > 0.7 fails, not acceptable
    result = evaluate_carneades(graph("ab", *_attack_loop("ab", 0.7)), assumptions={"a"})
    assert result.outcomes["b"].status is N


def test_odd_attack_loop_is_a_cycle_until_one_is_assumed():
    result = evaluate_carneades(graph("abc", *_attack_loop("abc", 0.7)))
    assert result.undecided == {"a", "b", "c"} and len(result.problems) == 1
    # a assumed: Kb applies, b: 0.6 vs 0.7, not acceptable; so Kc (from b) does not apply,
    # c: 0.6 vs nothing, acceptable.  (Grounded semantics would leave the odd loop undecided.)
    result = evaluate_carneades(graph("abc", *_attack_loop("abc", 0.7)), assumptions={"a"})
    assert result.outcomes["b"].status is N and result.acceptable == {"a", "c"}


def test_support_loop_of_three_is_a_cycle_even_with_a_ground():
    # a from c, b from a, c from b, and a has a ground of its own: the loop is still a cycle of
    # dependencies, so a, b and c are undecided; assuming c breaks it and carries a and b.
    loop = [pro("X", "a", "c"), pro("Y", "b", "a"), pro("Z", "c", "b"), pro("W", "a", weight=0.6)]
    result = evaluate_carneades(graph("abc", *loop))
    assert result.undecided == {"a", "b", "c"}
    result = evaluate_carneades(graph("abc", *loop), assumptions={"c"})
    assert result.acceptable == {"a", "b", "c"} and result.problems == ()


@pytest.mark.parametrize("standard, both", [(SE, True), (PE, False), (DV, False), (CCE, False)])
def test_paraconsistent_pair(standard, both):
    # p and not-p both argued, equally (0.6 each, from their sources): not-p's pro argument is p's con
    # argument and the other way round.  Gordon, Prakken & Walton (2007) note that under scintilla of
    # evidence a statement and its complement can both be acceptable; PE (0.6 > 0.6 fails), DV (an
    # applicable con argument) and CCE (no margin of 0.3) accept neither.
    args = [pro("for p", "p", weight=0.6), con("against p", "p", weight=0.6),
            pro("for not p", "np", weight=0.6), con("against not p", "np", weight=0.6)]
    result = evaluate_carneades(CarneadesGraph([Statement("p", standard), Statement("np", standard)], args))
    assert (result.acceptable == {"p", "np"}) is both
    assert both or result.acceptable == frozenset()


def test_contradicting_claims_of_a_map_are_a_cycle():
    # `p contradicts np` is a con argument each way, so each statement depends on the other: Carneades
    # reports the cycle and leaves both undecided (grounded labelling leaves them UNDEC too).
    import argmap

    m = argmap.loads("claim p: P. [^1]\n  contradicts np\nclaim np: Not P. [^2]\n"
                     "footnotes\n  [^1]: One.\n  [^2]: Two.\n")
    e = argmap.evaluate(m, "carneades")
    assert e.status["p"] is Status.UNDECIDED and e.status["np"] is Status.UNDECIDED
    assert len(e.result.problems) == 1
