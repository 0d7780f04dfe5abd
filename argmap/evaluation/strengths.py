"""Gradual strengths of a map: DF-QuAD and quadratic energy on the map's bipolar graph.

The map is read as a weighted bipolar graph (a quantitative bipolar
argumentation framework, Baroni, Rago & Toni 2018) built from the same
resolved map and the same :class:`~argmap.evaluation.mapgraph.AttackGraph`
as the Dung labels:

* every claim, thesis and argument is a node with the base score of its
  evidence (:mod:`argmap.evaluation.evidence`; 1 for an argument);
* ``rebuts`` and ``undercuts`` are attacks, ``contradicts`` two attacks;
* ``a supports b`` is a support a -> b, except when the step is undercut:
  then it becomes an inference node ``a -> b`` of base 1, attacked by a
  *not-a* node (base 1, attacked by ``a``) and by the undercutters, which
  supports ``b``;
* a linked argument is an inference node the same way: attacked by *not-p*
  for every premise, supporting its conclusion.

Under DF-QuAD a node of base 1 attacked by *p* alone has strength 1 - p,
so an inference node has strength ``w * p1 * ... * pk * (1 - u1) ...``:
linked premises count together and an undercut weakens the step, not its
premise (docs/gradual.md).  The supported attacks of the Dung graph are
not added: a strength already carries its supports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from argmap.evaluation import gradual
from argmap.evaluation.evidence import BaseScores, levels, weights
from argmap.evaluation.mapgraph import AttackGraph

GRADUAL = ("dfquad", "quadratic-energy")
"""The gradual semantics a map can be evaluated under."""


@attrs.frozen(eq=False)
class Bipolar:
    """A map's weighted bipolar graph on the integers: the map's nodes keep their numbers.

    ``size`` nodes: the map's ``n_nodes`` first, then one inference node per
    undercut support link (``inference[link]``), then one *not-p* node per
    premise of an inference (``negation[p]``).  ``attacks`` and ``supports``
    are (source, target) pairs; ``base`` the base scores.
    """

    graph: AttackGraph
    base: tuple[float, ...]
    backing: tuple[str | None, ...]
    attacks: tuple[tuple[int, int], ...]
    supports: tuple[tuple[int, int], ...]
    inference: Mapping[int, int]
    negation: Mapping[int, int]

    @property
    def size(self) -> int:
        """How many nodes the bipolar graph has."""
        return len(self.base)


def bipolar(graph: AttackGraph, scores: BaseScores = BaseScores(), sources: Mapping[int, str] | None = None,
            ) -> Bipolar:
    """The weighted bipolar graph of a map's attack graph (see the module's description)."""
    n = graph.n_nodes
    backing = levels(graph, sources)
    weighted = weights(graph)
    base = [weighted[i] if i in weighted else 1.0 if b is None else scores.weight(b) for i, b in enumerate(backing)]
    backing = [f"weight, {b}" if i in weighted else b for i, b in enumerate(backing)]
    attacked_links = {y for targets in graph.direct.values() for y in targets if y >= n}
    inference: dict[int, int] = {}
    negation: dict[int, int] = {}
    attacks: dict[tuple[int, int], None] = {}
    supports: dict[tuple[int, int], None] = {}

    def node(score: float) -> int:
        base.append(score)
        backing.append(None)
        return len(base) - 1

    def premise(p: int, step: int) -> None:
        neg = negation.get(p)
        if neg is None:
            neg = negation[p] = node(1.0)
            attacks[p, neg] = None
        attacks[neg, step] = None

    for i, (a, b) in enumerate(graph.links):
        link = n + i
        if link in attacked_links:
            step = inference[link] = node(1.0)
            premise(a, step)
            supports[step, b] = None
        else:
            supports[a, b] = None
    for arg, premises, conclusion in graph.arguments:
        for p in premises:
            premise(p, arg)
        if conclusion is not None:
            supports[arg, conclusion] = None
    for x, targets in graph.direct.items():
        for y in targets:
            attacks[inference.get(x, x), inference.get(y, y)] = None
    # a pair both attack and support (S204 warns of it) counts as the attack
    kept = tuple(p for p in supports if p not in attacks)
    return Bipolar(graph, tuple(base), tuple(backing), tuple(attacks), kept, inference, negation)


@attrs.frozen
class MapStrengths:
    """The gradual strength of every claim, thesis and argument of a map, and how it was reached.

    ``strengths`` and ``base`` map node ids (as :class:`~argmap.evaluation.Evaluation` names
    them) to numbers in [0, 1]; ``backing`` names each claim's and thesis's evidence
    (``verified``, ``cited``, ``uncited``, ``failed``); ``links`` gives each support link
    ``a -> b`` the strength it passes on.  ``converged``, ``iterations`` and ``tolerance``
    are the kernel's (:class:`~argmap.evaluation.gradual.Strengths`).
    """

    semantics: str
    strengths: Mapping[str, float]
    base: Mapping[str, float]
    backing: Mapping[str, str]
    links: Mapping[str, float]
    converged: bool
    iterations: int
    tolerance: float
    values: tuple[float, ...] = attrs.field(default=(), repr=False, eq=False)
    graph: Bipolar | None = attrs.field(default=None, repr=False, eq=False)

    def __getitem__(self, id: str) -> float:
        return self.strengths[id]

    def summary(self, name: str) -> str:
        """One line: how many nodes, under which semantics, and whether the iteration converged."""
        how = ("computed exactly (no cycle)" if self.iterations == 0 else
               f"converged in {self.iterations} iterations to within {self.tolerance:g}" if self.converged else
               f"DID NOT CONVERGE within {self.iterations} iterations: the values are the last iteration's")
        return f"{name}: {len(self.strengths)} nodes under {self.semantics} semantics, base scores from the evidence; {how}"

    def to_text(self, name: str) -> str:
        """One line a node (id, strength, base score and its backing) and the summary."""
        width = max((len(i) for i in self.strengths), default=0)
        lines = []
        for i, s in self.strengths.items():
            why = f"base {self.base[i]:.2f}" + (f" ({self.backing[i]})" if i in self.backing else " (inference)")
            lines.append(f"{i:<{width}}  {s:.3f}  {why}")
        lines.append(self.summary(name))
        return "\n".join(lines)

    def to_json(self, name: str) -> dict:
        """The strengths as JSON-ready data, as ``argmap eval --semantics dfquad --format json`` writes them."""
        from argmap.evaluation.report import head

        return {**head("map", name, self.semantics), "strengths": dict(self.strengths), "base": dict(self.base),
                "backing": dict(self.backing), "links": dict(self.links), "converged": self.converged,
                "iterations": self.iterations, "tolerance": self.tolerance, "summary": self.summary(name)}


def solve(b: Bipolar, semantics: str, *, tolerance: float = 1e-9, max_iterations: int = 10_000,
          base: Sequence[float] | None = None) -> gradual.Strengths:
    """The kernel's strengths of the bipolar graph *b* (with other base scores, when given)."""
    kernel = gradual.dfquad if semantics == "dfquad" else gradual.quadratic_energy
    return kernel(b.base if base is None else base, b.attacks, b.supports,
                  tolerance=tolerance, max_iterations=max_iterations)


def map_strengths(graph: AttackGraph, semantics: str, *, scores: BaseScores = BaseScores(),
                  sources: Mapping[int, str] | None = None, tolerance: float = 1e-9,
                  max_iterations: int = 10_000) -> MapStrengths:
    """The strengths of a map's nodes under *semantics* (``dfquad`` or ``quadratic-energy``)."""
    if semantics not in GRADUAL:
        raise ValueError(f"unknown gradual semantics {semantics!r}: use {', '.join(GRADUAL)}")
    b = bipolar(graph, scores, sources)
    result = solve(b, semantics, tolerance=tolerance, max_iterations=max_iterations)
    values = result.values
    n = graph.n_nodes
    names = graph.names
    strengths = dict(zip(names[:n], values[:n]))
    links = {names[n + i]: values[b.inference.get(n + i, a)] for i, (a, _) in enumerate(graph.links)}
    return MapStrengths(semantics, strengths, dict(zip(names[:n], b.base[:n])),
                        {names[i]: lv for i, lv in enumerate(b.backing[:n]) if lv is not None}, links,
                        result.converged, result.iterations, tolerance, values, b)
