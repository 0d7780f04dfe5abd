"""The values of a Carneades evaluation (statements, arguments, sides, verdicts) and the proof standards' test.

:mod:`argmap.evaluation.carneades` evaluates a :class:`CarneadesGraph` made of
these; the definitions are in that module's docstring and ``docs/gradual.md``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence

import attrs

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
        return check_standard(self, [(w, "") for w in pro], [(w, "") for w in con], alpha, beta, gamma)[0]


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


def check_standard(standard: ProofStandard, ours: Sequence, theirs: Sequence, alpha: float, beta: float, gamma: float,
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
