"""Carneades argument evaluation: applicable arguments, proof standards, burden of proof.

The model is the Carneades Argument Evaluation Structure (CAES) of Gordon,
Prakken & Walton (2007) with the proof standards of Gordon & Walton (2009),
as restated executably by van Gijzel & Nilsson (2012):

* an argument is pro or con a statement, with premises, exceptions and a
  weight in [0, 1] given by the audience;
* it is **applicable** when its premises hold and none of its exceptions
  does; a statement *holds* when the audience assumes it or it is acceptable;
* a statement is **acceptable** when the side that bears the burden of
  proof meets the statement's proof standard with the applicable arguments
  (SE, PE, CCE, BRD, DV; see :class:`ProofStandard`).

Two additions, each from the Carneades literature: an argument may weigh its
premises by one of Carneades 4's weighing functions (:class:`Weighing`),
and a statement may put the burden of proof on the con side (the statement
then stands unless the con arguments meet its standard; Gordon & Walton
2009 discuss burdens of persuasion).

Carneades needs an acyclic argument graph.  Cycles are not iterated: each
is reported in :attr:`CarneadesResult.problems` and its statements are
left undecided.  A statement that depends on an undecided one is decided
anyway when every way the undecided ones could turn out gives the same
answer (the standards are monotone: more or heavier pro arguments never
hurt, more or heavier con arguments never help), and undecided otherwise.
An assumed statement is taken as given and depends on nothing, so a cycle
through an assumption is no cycle of the evaluation.

``docs/gradual.md`` gives the definitions with references.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from argmap.evaluation.carneades_types import (  # the values, named here too
    ALPHA,
    BETA,
    GAMMA,
    CArgument,
    CarneadesGraph,
    CarneadesResult,
    Outcome,
    Problem,
    ProofStandard,
    Side,
    Statement,
    Status,
    Weighing,
    check_standard,
)
from argmap.graphs import strongly_connected

__all__ = ["ALPHA", "BETA", "GAMMA", "CArgument", "CarneadesGraph", "CarneadesResult", "Outcome", "Problem",
           "ProofStandard", "Side", "Statement", "Status", "Weighing", "evaluate_carneades"]


def evaluate_carneades(graph: CarneadesGraph, *, assumptions: Iterable[str] = frozenset(),
                       alpha: float = ALPHA, beta: float = BETA, gamma: float = GAMMA) -> CarneadesResult:
    """Evaluate *graph* for an audience that assumes *assumptions*, with the standards' thresholds."""
    for name, value in (("alpha", alpha), ("beta", beta), ("gamma", gamma)):
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{name} must be in [0, 1], got {value!r}")
    statements = graph.statements
    index = {s.id: i for i, s in enumerate(statements)}
    assumed = set()
    for name in assumptions:
        if name not in index:
            raise ValueError(f"the assumption {name!r} is not a statement of the graph")
        assumed.add(index[name])
    n = len(statements)
    about: list[list[CArgument]] = [[] for _ in range(n)]
    for a in graph.arguments:
        about[index[a.conclusion]].append(a)
    # the distinct premises of an issue, for factorized weighing
    spread = [len({p for a in args for p in a.premises}) for args in about]
    deps = [[] if i in assumed else list(dict.fromkeys(index[p] for a in about[i] for p in a.premises + a.exceptions))
            for i in range(n)]

    status: list[Status | None] = [None] * n
    outcomes: dict[int, Outcome] = {}
    problems: list[Problem] = []
    for comp in strongly_connected(range(n), deps.__getitem__, n):  # dependencies first
        if len(comp) > 1 or comp[0] in deps[comp[0]]:
            members = sorted(comp)
            path = " -> ".join(statements[i].id for i in _cycle(members[0], set(comp), deps))
            names = tuple(statements[i].id for i in members)
            problems.append(Problem("cycle", names, f"the statements {', '.join(names)} depend on one another "
                                    f"({path}); Carneades needs an acyclic argument graph, so they are undecided"))
            for i in comp:
                status[i] = Status.UNDECIDED
                outcomes[i] = _outcome(statements[i], Status.UNDECIDED, None, None, None,
                                       f"on a cycle of the argument graph: {path}")
            continue
        i = comp[0]
        s = statements[i]
        if i in assumed:  # its arguments are weighed at the end, once their premises are known
            outcome = _outcome(s, Status.ACCEPTABLE, None, None, None, "assumed by the audience")
        else:
            outcome = _decide(s, about[i], status, index, spread[i], statements, alpha, beta, gamma)
        status[i] = outcome.status
        outcomes[i] = outcome

    applicable, weights = set(), {}
    for i in range(n):
        if i in assumed:
            pro, con = _strongest(about[i], status, index, spread[i])
            outcomes[i] = attrs.evolve(outcomes[i], pro=pro, con=con)
        for a in about[i]:
            sure, _, low, _ = _weigh(a, status, index, spread[i])
            if sure:
                applicable.add(a.id)
                weights[a.id] = low
    return CarneadesResult(
        acceptable=frozenset(statements[i].id for i in range(n) if status[i] is Status.ACCEPTABLE),
        undecided=frozenset(statements[i].id for i in range(n) if status[i] is Status.UNDECIDED),
        applicable=frozenset(applicable), weights=weights,
        outcomes={statements[i].id: outcomes[i] for i in range(n)}, problems=tuple(problems))


# ------------------------------------------------------------- internals ----


def _outcome(s: Statement, status: Status, met, pro, con, reason: str) -> Outcome:
    return Outcome(s.id, s.standard, s.burden, status, met, pro, con, reason)


def _weigh(a: CArgument, status, index, spread: int) -> tuple[bool, bool, float, float]:
    """(surely applicable, possibly applicable, least weight, greatest weight) given the statuses so far.

    A premise or exception whose statement is undecided may turn out either
    way; the bounds cover both.
    """
    held = [status[index[p]] for p in a.premises]
    yes = held.count(Status.ACCEPTABLE)
    maybe = held.count(Status.UNDECIDED) + held.count(None)
    no = len(held) - yes - maybe
    n = len(held)
    if not n:
        low = high = 1.0
    elif a.weighing is Weighing.CONVERGENT:
        low, high = float(yes > 0), float(yes + maybe > 0)
    elif a.weighing is Weighing.CUMULATIVE:
        low, high = yes / n, (yes + maybe) / n
    else:
        share = n / spread if a.weighing is Weighing.FACTORIZED else 1.0
        low, high = share * (yes == n), share * (no == 0)
    blocks = [status[index[e]] for e in a.exceptions]
    blocked = Status.ACCEPTABLE in blocks
    unsure = Status.UNDECIDED in blocks or None in blocks
    return (low > 0.0 and not blocked and not unsure, high > 0.0 and not blocked,
            a.weight * low, a.weight * high)


def _strongest(args, status, index, spread) -> tuple[float | None, float | None]:
    """The weights of the strongest surely applicable pro and con arguments (None for none)."""
    best = {Side.PRO: None, Side.CON: None}
    for a in args:
        sure, _, low, _ = _weigh(a, status, index, spread)
        if sure and (best[a.side] is None or low > best[a.side]):
            best[a.side] = low
    return best[Side.PRO], best[Side.CON]


def _decide(s: Statement, args, status, index, spread, statements, alpha, beta, gamma) -> Outcome:
    """Apply *s*'s proof standard for the side bearing its burden, at both ends of what is still open."""
    ours, theirs = [], []  # (surely, possibly, low, high, id) for the burdened side and the other
    open_premises = set()
    for a in args:
        sure, possible, low, high = _weigh(a, status, index, spread)
        (ours if a.side is s.burden else theirs).append((sure, possible, low, high, a.id))
        if sure != possible or low != high:
            open_premises.update(index[p] for p in a.premises + a.exceptions if status[index[p]] is Status.UNDECIDED)
    sides = (str(s.burden), "con" if s.burden is Side.PRO else "pro")
    worst = check_standard(s.standard, [(w, i) for sure, _, w, _, i in ours if sure],
                   [(w, i) for _, possible, _, w, i in theirs if possible], alpha, beta, gamma, *sides)
    best = check_standard(s.standard, [(w, i) for _, possible, _, w, i in ours if possible],
                  [(w, i) for sure, _, w, _, i in theirs if sure], alpha, beta, gamma, *sides)
    pro, con = _strongest(args, status, index, spread)
    if worst[0] == best[0]:
        met, why = worst if worst[0] else best  # met even at worst, or missed even at best
        accept = met if s.burden is Side.PRO else not met
        reason = f"{s.standard.description} {'met' if met else 'not met'}: {why}"
        if s.burden is Side.CON:
            reason = f"the burden of proof is on the con side; {reason}"
        if open_premises:
            reason += " (whichever way the undecided statements go)"
        return _outcome(s, Status.ACCEPTABLE if accept else Status.NOT_ACCEPTABLE, met, pro, con, reason)
    names = ", ".join(statements[i].id for i in sorted(open_premises))
    return _outcome(s, Status.UNDECIDED, None, pro, con, f"depends on the undecided statements {names}")


def _cycle(start: int, comp: set[int], deps: list[list[int]]) -> list[int]:
    """A shortest cycle of dependencies from *start* back to it, inside *comp* (breadth first)."""
    parent = {start: start}
    queue = [start]
    for v in queue:
        for w in deps[v]:
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return path[::-1] + [start]
            if w in comp and w not in parent:
                parent[w] = v
                queue.append(w)
    return [start, start]  # not reached: every member of a cyclic component is on a cycle through start
