"""What decides a thesis: the single claims and the single footnotes whose loss would change it.

Changing one node's label can only change the labels of what it reaches,
and a thesis's label depends only on what reaches it.  So a flip is
re-labelled on its **cone**, the nodes both reachable from the flipped
node and reaching the thesis, with every other label kept: grounded
semantics is SCC-recursive (Baroni, Giacomin & Guida 2005), so the labels
inside the cone are the grounded labels of the cone given the labels
around it.  The re-labelling stops as soon as the thesis is decided.

Candidates are pruned first.  An IN or OUT thesis has a *proof* in the
grounded labelling: for an IN node every attacker, for an OUT node the IN
attacker that defeated it, down to unattacked nodes.  Removing an IN node
outside the proof, or letting a node outside it stand, leaves the proof
intact (the node attacks no IN node of the proof, or it would be in it),
so only the proof's nodes can decide the thesis.  The work is the size of
the proof plus, for each candidate, the size of its cone: linear on a map
shaped like an argument tree, and never one full evaluation per candidate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from argmap.evaluation.dung import IN, LABELS, OUT, Label
from argmap.evaluation.flips import Grounded as _Grounded
from argmap.evaluation.evidence import BaseScores
from argmap.evaluation.mapgraph import CLAIM, THESIS, AttackGraph, cites
from argmap.evaluation.strengths import Bipolar, bipolar, solve
from argmap.model import Claim


@attrs.frozen
class Decider:
    """A claim whose label decides a thesis: flipping it would change the thesis's label."""

    id: str
    label: Label
    thesis_label: Label
    thesis_label_if_flipped: Label


@attrs.frozen
class Source:
    """A footnote, the claims that cite it, and what the thesis would be without it.

    Without the note, the claims that cite no other note (``resting``) count
    as defeated for the grounded label, and every citing claim is rescored
    as if it did not cite the note for the strength.
    """

    note: str
    claims: tuple[str, ...]
    resting: tuple[str, ...]
    thesis_label: Label
    thesis_label_if_lost: Label
    strength: float | None = None
    strength_if_lost: float | None = None

    @property
    def flips(self) -> bool:
        """Whether losing the note changes the thesis's grounded label."""
        return self.thesis_label is not self.thesis_label_if_lost

    @property
    def shift(self) -> float:
        """How far losing the note moves the thesis's strength (0 without strengths)."""
        if self.strength is None or self.strength_if_lost is None:
            return 0.0
        return self.strength_if_lost - self.strength


def deciding_claims(graph: AttackGraph, thesis: int) -> tuple[Decider, ...]:
    """The claims whose flip changes *thesis*'s grounded label, in map order.

    A claim that stands (IN) is removed, as if defeated; one that does not
    (OUT, UNDEC) loses every attack on it, as if it stood.
    """
    g = _Grounded(graph.succ, thesis)
    before = LABELS[g.lab[thesis]]
    proof = g.proof()
    kinds, names = graph.kinds, graph.names
    result = []
    for n in range(graph.n_nodes):
        if kinds[n] != CLAIM or n == thesis or not g.ancestors[n] or (proof is not None and n not in proof):
            continue
        after = g.flipped({n: OUT if g.lab[n] == IN else IN})
        if after is not before:
            result.append(Decider(names[n], LABELS[g.lab[n]], before, after))
    return tuple(result)


def _notes(graph: AttackGraph) -> dict[str, list[tuple[int, bool]]]:
    """Each footnote (``label``, or ``map.label`` for a used map's) -> the nodes citing it, and whether
    it is the only note each cites."""
    r = graph.resolved
    out: dict[str, list[tuple[int, bool]]] = {}
    for i in range(graph.n_nodes):
        item = r.items[i]
        if graph.kinds[i] > THESIS or not cites(item):
            continue
        labels = {c.label for c in item.citations}
        if isinstance(item, Claim):
            labels.update(c.label for q in item.quotes for c in q.citations)
        prefix = "" if r.homes[i] == 0 else r.namespaces[r.homes[i]] + "."
        for label in sorted(labels):
            out.setdefault(prefix + label, []).append((i, len(labels) == 1))
    return out


def deciding_sources(graph: AttackGraph, thesis: int, *, semantics: str | None = "dfquad",
                     scores: BaseScores = BaseScores(), sources: Mapping[int, str] | None = None,
                     ) -> tuple[Source, ...]:
    """Every footnote that bears on *thesis*, those that flip its grounded label first, then by how far
    their loss moves its strength under *semantics* (None: no strengths)."""
    g = _Grounded(graph.succ, thesis)
    before = LABELS[g.lab[thesis]]
    b = bipolar(graph, scores, sources) if semantics else None
    weigh = _Cone(b, thesis, semantics) if b is not None else None
    names = graph.names
    found = []
    for note, citing in _notes(graph).items():
        relevant = [(i, only) for i, only in citing if g.ancestors[i] or (weigh is not None and weigh.anc[i])]
        if not relevant:
            continue
        resting = [i for i, only in relevant if only]
        after = g.flipped({i: OUT for i in resting}) if resting else before
        strength = lost = None
        if weigh is not None:
            strength = weigh.values[thesis]
            lost = weigh.without({i: scores.uncited for i in resting})
        found.append(Source(note, tuple(names[i] for i, _ in relevant), tuple(names[i] for i in resting),
                            before, after, strength, lost))
    found.sort(key=lambda s: (not s.flips, -abs(s.shift)))
    return tuple(found)


class _Cone:
    """A thesis's gradual strength recomputed on the cone of a few changed base scores."""

    def __init__(self, b: Bipolar, thesis: int, semantics: str):
        self.b, self.thesis, self.semantics = b, thesis, semantics
        self.values = solve(b, semantics).values
        size = b.size
        self.out: list[list[int]] = [[] for _ in range(size)]
        self.inputs: list[list[tuple[int, bool]]] = [[] for _ in range(size)]
        for edges, attack in ((b.attacks, True), (b.supports, False)):
            for x, y in edges:
                self.out[x].append(y)
                self.inputs[y].append((x, attack))
        anc = bytearray(size)
        anc[thesis] = 1
        todo = [thesis]
        while todo:
            for x, _ in self.inputs[todo.pop()]:
                if not anc[x]:
                    anc[x] = 1
                    todo.append(x)
        self.anc = anc

    def without(self, base: Mapping[int, float]) -> float:
        """The thesis's strength with the base scores *base* (node -> score) changed."""
        anc = self.anc
        cone = {v for v in base if anc[v]}
        todo = list(cone)
        for v in todo:
            for w in self.out[v]:
                if anc[w] and w not in cone:
                    cone.add(w)
                    todo.append(w)
        if self.thesis not in cone:
            return self.values[self.thesis]
        local = {v: k for k, v in enumerate(sorted(cone))}
        scores = [base.get(v, self.b.base[v]) for v in local]
        attacks, supports = [], []
        for v, k in local.items():
            for x, attack in self.inputs[v]:
                j = local.get(x)
                if j is None:  # an input from outside the cone: a fixed node at its strength
                    j = len(scores)
                    scores.append(self.values[x])
                (attacks if attack else supports).append((j, k))
        return solve_plain(scores, attacks, supports, self.semantics)[local[self.thesis]]


def solve_plain(base: Sequence[float], attacks: Iterable[tuple[int, int]], supports: Iterable[tuple[int, int]],
                semantics: str) -> tuple[float, ...]:
    """The kernel's strengths of a plain weighted bipolar graph."""
    from argmap.evaluation import gradual

    kernel = gradual.dfquad if semantics == "dfquad" else gradual.quadratic_energy
    return kernel(base, list(attacks), list(supports)).values
