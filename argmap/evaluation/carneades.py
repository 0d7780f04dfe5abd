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

import enum
from collections.abc import Iterable, Mapping, Sequence

import attrs

from argmap.graphs import strongly_connected

ALPHA = 0.4
"""Weight the strongest pro argument must exceed for CCE and BRD."""
BETA = 0.3
"""Margin by which the strongest pro argument must exceed the strongest con one for CCE and BRD."""
GAMMA = 0.2
"""Weight the strongest con argument must stay below for BRD.  The three values are those of
the worked example of van Gijzel & Nilsson (2012), who restate Gordon & Walton's (2009) standards."""

_EPS = 1e-9  # weights closer than this compare as equal: 0.8 - 0.5 is 0.30000000000000004 in binary


class Side(str, enum.Enum):
    """A side of an issue: for (pro) or against (con) a statement."""

    PRO = "pro"
    CON = "con"

    def __str__(self) -> str:
        return self.value


class ProofStandard(str, enum.Enum):
    """How strong the applicable arguments of the burdened side must be (Gordon & Walton 2009).

    With *pro* and *con* the strongest weights of the applicable arguments of
    each side (0 when there is none): SE needs an applicable pro argument; PE
    ``pro > con``; CCE ``pro > alpha`` and ``pro - con > beta``; BRD CCE and
    ``con < gamma``; DV an applicable pro argument and no applicable con one.
    """

    SE = "SE"
    PE = "PE"
    CCE = "CCE"
    BRD = "BRD"
    DV = "DV"

    def __str__(self) -> str:
        return self.value

    @property
    def description(self) -> str:
        """The standard's name in words."""
        return _TITLES[self]

    @property
    def thresholds(self) -> tuple[str, ...]:
        """Which of the thresholds ``alpha``, ``beta``, ``gamma`` the standard uses."""
        return {ProofStandard.CCE: ("alpha", "beta"), ProofStandard.BRD: ("alpha", "beta", "gamma")}.get(self, ())

    def met(self, pro: Iterable[float], con: Iterable[float], *,
            alpha: float = ALPHA, beta: float = BETA, gamma: float = GAMMA) -> bool:
        """Whether applicable arguments of these weights, for and against, meet the standard."""
        return _check(self, [(w, "") for w in pro], [(w, "") for w in con], alpha, beta, gamma)[0]


_TITLES = {ProofStandard.SE: "scintilla of evidence", ProofStandard.PE: "preponderance of the evidence",
           ProofStandard.CCE: "clear and convincing evidence", ProofStandard.BRD: "beyond reasonable doubt",
           ProofStandard.DV: "dialectical validity"}


class Weighing(str, enum.Enum):
    """How an argument's premises give it weight: the basic weighing functions of Carneades 4.

    The argument's weight is its audience weight times a factor: LINKED 1 if
    every premise holds, else 0; CONVERGENT 1 if any premise holds; CUMULATIVE
    the share of premises that hold; FACTORIZED, when every premise holds, the
    number of its premises over the number of distinct premises of all the
    arguments pro and con its conclusion, else 0.  An argument whose factor is 0
    is not applicable; one without premises has the factor 1.
    """

    LINKED = "linked"
    CONVERGENT = "convergent"
    CUMULATIVE = "cumulative"
    FACTORIZED = "factorized"

    def __str__(self) -> str:
        return self.value


class Status(str, enum.Enum):
    """The verdict on a statement."""

    ACCEPTABLE = "acceptable"
    NOT_ACCEPTABLE = "not acceptable"
    UNDECIDED = "undecided"

    def __str__(self) -> str:
        return self.value


def _unit(instance, attribute, value) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be in [0, 1], got {value!r}")


@attrs.frozen
class Statement:
    """A statement, the proof standard it must meet and the side that bears the burden of proving it."""

    id: str
    standard: ProofStandard = attrs.field(default=ProofStandard.PE, converter=ProofStandard)
    burden: Side = attrs.field(default=Side.PRO, converter=Side)


@attrs.frozen
class CArgument:
    """A Carneades argument pro or con *conclusion*: it applies when its premises hold and no exception does."""

    id: str
    conclusion: str
    side: Side = attrs.field(default=Side.PRO, converter=Side)
    premises: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    exceptions: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    weight: float = attrs.field(default=1.0, converter=float, validator=_unit)
    weighing: Weighing = attrs.field(default=Weighing.LINKED, converter=Weighing)


@attrs.frozen
class CarneadesGraph:
    """Statements and the arguments about them; every statement an argument names must be listed."""

    statements: tuple[Statement, ...] = attrs.field(converter=tuple)
    arguments: tuple[CArgument, ...] = attrs.field(default=(), converter=tuple)

    def __attrs_post_init__(self) -> None:
        known: set[str] = set()
        for s in self.statements:
            if s.id in known:
                raise ValueError(f"statement {s.id!r} is listed twice")
            known.add(s.id)
        ids: set[str] = set()
        for a in self.arguments:
            if a.id in ids:
                raise ValueError(f"argument {a.id!r} is listed twice")
            ids.add(a.id)
            for role, names in (("conclusion", (a.conclusion,)), ("premise", a.premises),
                                ("exception", a.exceptions)):
                for name in names:
                    if name not in known:
                        raise ValueError(f"argument {a.id!r} has the {role} {name!r}, which is not a statement")


@attrs.frozen
class Outcome:
    """The verdict on one statement and why.

    ``met`` says whether the side bearing the burden met the standard (None
    when the statement is assumed or undecided); ``pro`` and ``con`` are the
    weights of the strongest applicable argument of each side (None for none).
    """

    statement: str
    standard: ProofStandard
    burden: Side
    status: Status
    met: bool | None
    pro: float | None
    con: float | None
    reason: str


@attrs.frozen
class Problem:
    """Something that keeps part of the graph from being evaluated: so far only ``"cycle"``."""

    kind: str
    statements: tuple[str, ...]
    message: str


@attrs.frozen
class CarneadesResult:
    """The evaluation: acceptable and undecided statements, applicable arguments, each statement's outcome."""

    acceptable: frozenset[str]
    undecided: frozenset[str]
    applicable: frozenset[str]
    weights: Mapping[str, float]
    outcomes: Mapping[str, Outcome]
    problems: tuple[Problem, ...]


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
    worst = _check(s.standard, [(w, i) for sure, _, w, _, i in ours if sure],
                   [(w, i) for _, possible, _, w, i in theirs if possible], alpha, beta, gamma, *sides)
    best = _check(s.standard, [(w, i) for _, possible, _, w, i in ours if possible],
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


def _check(standard: ProofStandard, ours: Sequence, theirs: Sequence, alpha: float, beta: float, gamma: float,
           side: str = "pro", other_side: str = "con") -> tuple[bool, str]:
    """Whether applicable arguments, as (weight, id) pairs for and against, meet *standard*; and why, in words."""
    mine = max(ours, default=None, key=lambda x: x[0])
    other = max(theirs, default=None, key=lambda x: x[0])
    if mine is None:
        return False, f"no {side} argument applies"
    p, c = mine[0], other[0] if other else 0.0
    strongest = f"the strongest applicable {side} argument, {_name(mine)},"
    against = f"the strongest {other_side} one, {_name(other)}" if other else f"no {other_side} argument applies"
    if standard is ProofStandard.SE:
        return True, f"{_name(mine)} is an applicable {side} argument"
    if standard is ProofStandard.DV:
        if other:
            return False, f"{_name(mine)} is an applicable {side} argument, but so is the {other_side} {_name(other)}"
        return True, f"{_name(mine)} is an applicable {side} argument and no {other_side} argument applies"
    if standard is ProofStandard.PE:
        won = p > c + _EPS
        if other:
            return won, f"{strongest} {'outweighs' if won else 'does not outweigh'} {against}"
        return won, f"{strongest} {'has weight above 0' if won else 'weighs nothing'}, and {against}"
    margin = f"by {p - c:.6g} over " + (f"the strongest {other_side} one, {_name(other)}" if other
                                         else f"no {other_side} argument")
    failures = []
    if not p > alpha + _EPS:
        failures.append(f"is not above alpha = {alpha:g}")
    if not p - c > beta + _EPS:
        failures.append(f"leads {margin}, not by more than beta = {beta:g}")
    if standard is ProofStandard.BRD and not c < gamma - _EPS:
        failures.append(f"faces a {other_side} argument of weight {c:g}, not below gamma = {gamma:g}")
    if failures:
        return False, f"{strongest} " + ", and ".join(failures)
    doubt = f", and no {other_side} argument reaches gamma = {gamma:g}" if standard is ProofStandard.BRD else ""
    return True, f"{strongest} is above alpha = {alpha:g} and leads {margin}, more than beta = {beta:g}{doubt}"


def _name(x: tuple[float, str]) -> str:
    return f"{x[1]} ({x[0]:g})" if x[1] else f"{x[0]:g}"


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
