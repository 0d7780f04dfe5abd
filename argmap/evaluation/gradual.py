"""Gradual semantics for weighted bipolar argumentation: DF-QuAD and quadratic energy.

Nodes are the integers ``0..n-1``; ``base[i]`` is node *i*'s base score (its
weight before any attack or support counts) and the edges are
``(source, target)`` pairs.  Both functions return a :class:`Strengths`.

* :func:`dfquad` is DF-QuAD (Rago, Toni, Aurisicchio & Baroni, KR 2016):
  the attackers' strengths, and the supporters', are each aggregated by
  ``F(v1..vn) = 1 - (1-v1)...(1-vn)`` (0 for none), and combined with the
  base score ``v0`` by ``C = v0 - v0*(va-vs)`` if ``va >= vs`` else
  ``v0 + (1-v0)*(vs-va)``.
* :func:`quadratic_energy` is Potyka's quadratic energy model (KR 2018):
  the energy ``E = sum(supporters) - sum(attackers)`` moves the base score
  by ``h(x) = max(x,0)^2 / (1+max(x,0)^2)``: ``base + (1-base)*h(E) - base*h(-E)``.

An acyclic graph is computed exactly in one pass in topological order
(Kahn's algorithm; linear in nodes + edges, no recursion), as both papers
compute it; there the continuous model's only equilibrium is that value.
What Kahn's pass cannot order is split into strongly connected components
(Tarjan, without recursion), solved one at a time in topological order
with their inputs from earlier components fixed, so a node downstream of a
cycle but on none is still computed exactly.  A cyclic component is
iterated: DF-QuAD as a Jacobi fixed-point iteration (every node updated
from the previous sweep, starting at the base scores), the quadratic energy
model by integrating Potyka's system
``ds/dt = base + (1-base)h(E) - base*h(-E) - s`` with classical RK4 at a
fixed step.  Neither need converge: two nodes of base 1 attacking each
other make DF-QuAD's sweeps oscillate, and for the continuous models there
is no general guarantee (Potyka's 2018 tutorial; Mossakowski & Neuhaus 2018 prove that
no sum-based semantics converges on every graph).  A component still
changing after ``max_iterations`` keeps its last values, and ``converged``
is False.

Attacks and supports are relations (sets of pairs): a repeated pair counts
once, and a pair may not be both an attack and a support (Potyka 2018,
Definition 1).  ``docs/gradual.md`` gives the definitions with
references.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import attrs

from argmap._gc import no_gc
from argmap.graphs import strongly_connected

STEP = 0.1
"""The default RK4 step of :func:`quadratic_energy`: the step Potyka's own
examples for his quadratic energy model use (Uncertainpy, ``DELTA = 10e-2``)."""


@attrs.frozen
class Strengths:
    """The final strength of every node, and how they were reached.

    ``iterations`` is the number of sweeps (DF-QuAD) or RK4 steps (quadratic
    energy) that the slowest cyclic component took; 0 when nothing was iterated,
    as for an acyclic graph, which is computed exactly.  ``converged`` is False when
    some cyclic component was still changing after ``max_iterations``.
    """

    values: tuple[float, ...]
    converged: bool
    iterations: int
    semantics: str
    tolerance: float


def dfquad(base: Sequence[float], attacks: Sequence[tuple[int, int]], supports: Sequence[tuple[int, int]], *,
           tolerance: float = 1e-9, max_iterations: int = 10_000) -> Strengths:
    """DF-QuAD strengths (Rago et al. 2016) of nodes ``0..len(base)-1``.

    A cyclic component is iterated until no strength changes by more than
    *tolerance* between two sweeps, or *max_iterations* sweeps.

    >>> dfquad([0.5, 0.5], [(0, 1)], []).values
    (0.5, 0.25)
    """
    _check_iteration(tolerance, max_iterations)
    return _evaluate(base, attacks, supports, _DFQuAD(tolerance, max_iterations), "dfquad", tolerance)


def quadratic_energy(base: Sequence[float], attacks: Sequence[tuple[int, int]], supports: Sequence[tuple[int, int]],
                     *, tolerance: float = 1e-9, max_iterations: int = 10_000, step: float = STEP) -> Strengths:
    """Quadratic energy strengths (Potyka 2018) of nodes ``0..len(base)-1``.

    A cyclic component is integrated with RK4 steps of size *step* until every
    derivative ``|ds/dt|`` is at most *tolerance* (the strengths are then a
    fixed point to within *tolerance*), or *max_iterations* steps.

    >>> quadratic_energy([0.5, 0.5], [(0, 1)], []).values   # h(0.5) = 0.2
    (0.5, 0.4)
    """
    _check_iteration(tolerance, max_iterations)
    if not step > 0.0:
        raise ValueError(f"step must be positive, got {step!r}")
    return _evaluate(base, attacks, supports, _Energy(tolerance, max_iterations, step), "quadratic-energy",
                     tolerance)


# ------------------------------------------------------------- validation ----


def _check_iteration(tolerance: float, max_iterations: int) -> None:
    if not tolerance > 0.0:
        raise ValueError(f"tolerance must be positive, got {tolerance!r}")
    if max_iterations < 1:
        raise ValueError(f"max_iterations must be at least 1, got {max_iterations!r}")


def _scores(base: Sequence[float]) -> list[float]:
    try:
        scores = [float(x) for x in base]
    except (TypeError, ValueError):
        raise ValueError("base scores must be numbers in [0, 1]") from None
    for i, x in enumerate(scores):
        if not 0.0 <= x <= 1.0:  # NaN fails this too
            raise ValueError(f"the base score of node {i} is {base[i]!r}; base scores must be in [0, 1]")
    return scores


def _relation(name: str, edges: Sequence[tuple[int, int]], n: int) -> set[tuple[int, int]]:
    """The edges as a set of pairs (their ends are checked as the graph is built)."""
    try:
        return set(edges)
    except TypeError:  # a list among them: unhashable
        _bad_edge(name, edges, n)
        raise


def _bad_edge(name: str, edges, n: int) -> None:
    """Raise a ValueError naming the first edge of *edges* that is not a pair of node indexes."""
    for p in edges:
        if not (isinstance(p, tuple) and len(p) == 2 and all(isinstance(x, int) and 0 <= x < n for x in p)):
            raise ValueError(f"{name}: {p!r} is not a (source, target) tuple of node indexes in 0..{n - 1}")
    raise ValueError(f"{name} must be a sequence of (source, target) pairs of node indexes")


# ----------------------------------------------------------------- driver ----


def _evaluate(base, attacks, supports, kernel, semantics: str, tolerance: float) -> Strengths:
    scores = _scores(base)
    n = len(scores)
    att = _relation("attacks", attacks, n)
    sup = _relation("supports", supports, n)
    both = att & sup
    if both:
        raise ValueError(f"{min(both)!r} is both an attack and a support; a pair may be only one of them")
    with no_gc():
        out_att: list[list[int]] = [[] for _ in range(n)]
        out_sup: list[list[int]] = [[] for _ in range(n)]
        indegree = [0] * n
        for name, edges, pairs, out in (("attacks", attacks, att, out_att), ("supports", supports, sup, out_sup)):
            try:
                for a, b in pairs:
                    if a < 0 or b < 0:  # too large fails the indexing below; a negative index would not
                        raise IndexError
                    out[a].append(b)
                    indegree[b] += 1
            except (TypeError, ValueError, IndexError):  # a triple, a float, an index out of range
                _bad_edge(name, edges, n)
        values, done = _acyclic(kernel, scores, out_att, out_sup, indegree)
        converged, iterations = True, 0
        if done < n:
            rest = [v for v in range(n) if indegree[v]]
            for comp in _components(rest, out_att, out_sup, n):
                ok, steps = _component(comp, values, out_att, out_sup, kernel)
                converged = converged and ok
                iterations = max(iterations, steps)
        return Strengths(tuple(values), converged, iterations, semantics, tolerance)


def _acyclic(kernel, scores: list[float], out_att: list, out_sup: list, indegree: list[int]) -> tuple[list[float], int]:
    """Kahn's topological pass: every node outside a cycle gets its exact strength in one visit.

    Returns the values (base scores where a cycle blocked the pass) and how
    many nodes were ordered; *indegree* is left counting what is still unseen.
    """
    values = scores[:]
    kernel.start(scores)
    queue = [v for v in range(len(scores)) if not indegree[v]]
    for v in queue:  # the list grows while it is read: a FIFO queue without pops
        x = values[v] = kernel.strength(v)
        attacked, supported = out_att[v], out_sup[v]
        kernel.push(v, x, attacked, supported)
        for t in chain(attacked, supported):
            indegree[t] -= 1
            if not indegree[t]:
                queue.append(t)
    return values, len(queue)


def _components(nodes: list[int], out_att: list, out_sup: list, n: int) -> list[list[int]]:
    """The strongly connected components among *nodes*, sources first.

    Every successor of a node in *nodes* is in *nodes* (the nodes Kahn's pass
    could not order are closed under successors), so no filtering is needed.
    """
    found = strongly_connected(nodes, lambda v: chain(out_att[v], out_sup[v]), n)
    found.reverse()
    return found


def _component(comp: list[int], values: list[float], out_att: list, out_sup: list, kernel) -> tuple[bool, int]:
    """Solve one strongly connected component, its inputs from earlier components fixed; push its results on."""
    where = {v: i for i, v in enumerate(comp)}
    in_att: list[list[int]] = [[] for _ in comp]  # sources inside the component, as local numbers
    in_sup: list[list[int]] = [[] for _ in comp]
    for i, v in enumerate(comp):
        for t in out_att[v]:
            if t in where:
                in_att[where[t]].append(i)
        for t in out_sup[v]:
            if t in where:
                in_sup[where[t]].append(i)
    update = kernel.update(comp, in_att, in_sup)
    start = [kernel.base[v] for v in comp]
    if len(comp) == 1 and not in_att[0] and not in_sup[0]:
        cur, converged, steps = update(start), True, 0  # on no cycle: one exact update
    else:
        cur, converged, steps = kernel.iterate(update, start)
    for v, x in zip(comp, cur):
        values[v] = x
        kernel.push(v, x, [t for t in out_att[v] if t not in where], [t for t in out_sup[v] if t not in where])
    return converged, steps


# ---------------------------------------------------------------- DF-QuAD ----


def _combine(v0: float, att: float, sup: float) -> float:
    """DF-QuAD's combination, from the products ``att = (1-a1)...(1-ak)`` over the attackers
    and ``sup`` over the supporters: ``va = 1 - att``, ``vs = 1 - sup``, so ``vs - va = att - sup``."""
    d = att - sup
    return v0 + v0 * d if d <= 0.0 else v0 + (1.0 - v0) * d


class _DFQuAD:
    """DF-QuAD's topological pass and its Jacobi iteration of a cyclic component."""

    def __init__(self, tolerance: float, max_iterations: int) -> None:
        self.tolerance = tolerance
        self.max_iterations = max_iterations

    def start(self, scores: list[float]) -> None:
        n = len(scores)
        self.base = scores
        self.att = [1.0] * n  # products (1 - a) over the attackers seen so far
        self.sup = [1.0] * n

    def strength(self, v: int) -> float:
        return _combine(self.base[v], self.att[v], self.sup[v])

    def update(self, comp, in_att, in_sup):
        v0s = [self.base[v] for v in comp]
        ext_att = [self.att[v] for v in comp]
        ext_sup = [self.sup[v] for v in comp]

        def update(cur: list[float]) -> list[float]:
            new = []
            for i, v0 in enumerate(v0s):
                a = ext_att[i]
                for j in in_att[i]:
                    a *= 1.0 - cur[j]
                s = ext_sup[i]
                for j in in_sup[i]:
                    s *= 1.0 - cur[j]
                new.append(_combine(v0, a, s))
            return new
        return update

    def iterate(self, update, cur):
        for steps in range(1, self.max_iterations + 1):
            new = update(cur)
            change = max(abs(x - y) for x, y in zip(new, cur))
            cur = new
            if change <= self.tolerance:
                return cur, True, steps
        return cur, False, self.max_iterations

    def push(self, v, x, attacked, supported):
        for t in attacked:
            self.att[t] *= 1.0 - x
        for t in supported:
            self.sup[t] *= 1.0 - x


# --------------------------------------------------------- quadratic energy ----


def _settle(v0: float, energy: float) -> float:
    """Potyka's influence: where a base score *v0* settles under *energy*."""
    e2 = energy * energy
    return v0 + (1.0 - v0) * e2 / (1.0 + e2) if energy >= 0.0 else v0 - v0 * e2 / (1.0 + e2)


class _Energy:
    """The quadratic energy model's topological pass and its RK4 integration of a cyclic
    component; ``energy[v]`` sums the supporters' strengths less the attackers' seen so far."""

    def __init__(self, tolerance: float, max_iterations: int, step: float) -> None:
        self.tolerance = tolerance
        self.max_iterations = max_iterations
        self.step = step

    def start(self, scores: list[float]) -> None:
        self.base = scores
        self.energy = [0.0] * len(scores)

    def strength(self, v: int) -> float:
        return _settle(self.base[v], self.energy[v])

    def update(self, comp, in_att, in_sup):
        v0s = [self.base[v] for v in comp]
        ext = [self.energy[v] for v in comp]

        def update(cur: list[float]) -> list[float]:
            new = []
            for i, v0 in enumerate(v0s):
                e = ext[i]
                for j in in_sup[i]:
                    e += cur[j]
                for j in in_att[i]:
                    e -= cur[j]
                new.append(_settle(v0, e))
            return new
        return update

    def iterate(self, update, cur):
        """RK4 on ds/dt = update(s) - s until every |ds/dt| <= tolerance."""
        h = self.step

        def slope(s: list[float]) -> list[float]:
            return [x - y for x, y in zip(update(s), s)]

        for steps in range(self.max_iterations + 1):
            k1 = slope(cur)
            if max(map(abs, k1)) <= self.tolerance:
                return cur, True, steps
            if steps == self.max_iterations:
                break
            k2 = slope([y + 0.5 * h * k for y, k in zip(cur, k1)])
            k3 = slope([y + 0.5 * h * k for y, k in zip(cur, k2)])
            k4 = slope([y + h * k for y, k in zip(cur, k3)])
            # the exact flow stays in [0, 1]; clamp a step's rounding and overshoot
            cur = [min(1.0, max(0.0, y + h / 6.0 * (a + 2.0 * b + 2.0 * c + d)))
                   for y, a, b, c, d in zip(cur, k1, k2, k3, k4)]
        return cur, False, self.max_iterations

    def push(self, v, x, attacked, supported):
        for t in attacked:
            self.energy[t] -= x
        for t in supported:
            self.energy[t] += x
