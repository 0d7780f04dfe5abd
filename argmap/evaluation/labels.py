"""The labels of a map's attack graph, and the reason for each, in words.

:func:`label` runs a semantics of :mod:`argmap.evaluation.dung` on an
:class:`~argmap.evaluation.mapgraph.AttackGraph` and names what it finds:
the label of every claim, thesis and argument (by name, see
:mod:`argmap.resolve`), of every support link ``a -> b``, and why each
node that is not IN is not.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.evaluation.dung import (
    IN,
    LABELS,
    OUT,
    UNDEC,
    Label,
    extension_codes,
    extensions,
    grounded_codes,
    undecided_reasons,
)
from argmap.evaluation.mapgraph import ARGUMENT, THESIS, AttackGraph


@attrs.frozen
class Reason:
    """Why a node is OUT (the IN node that defeats it) or UNDEC (an undecided attacker).

    ``how`` is the relation kind of a direct attack (``rebuts``,
    ``undercuts``, ``contradicts``), ``supports`` when ``by`` is a support
    link ``a -> b`` (or an argument) whose conclusion attacks the node, or
    ``premise`` when the node is a link or argument and its premise ``by``
    is OUT (or undecided).  ``undecided`` is True for the reason of an
    UNDEC node.
    """

    by: str
    how: str
    undecided: bool = False

    def __str__(self) -> str:
        tail = ", which is undecided" if self.undecided else ""
        if self.how == "premise":
            return f"its premise {self.by} is {'undecided' if self.undecided else 'out'}"
        if self.how == "supports":
            source, arrow, target = self.by.partition(" -> ")
            if not arrow:
                return f"argument {self.by} concludes what attacks it{tail}"
            return f"{source} supports {target}, which attacks it{tail}"
        verb = {"rebuts": "rebutted", "undercuts": "undercut", "contradicts": "contradicted"}.get(self.how, self.how)
        return f"{verb} by {self.by}{tail}"


@attrs.frozen
class Evaluation:
    """The labels of a map's claims, theses and arguments under one semantics.

    ``labels`` maps every node id (``togo2013.x`` for nodes of used maps) to
    its label; for preferred and stable it is the sceptical view (IN or OUT
    when every labelling agrees, else UNDEC) and ``labellings`` holds each
    labelling.  ``reasons`` says why each OUT node is out; ``links`` labels
    the support links ``a -> b``; ``weakened`` lists claims that are not OUT
    but whose every support is OUT while they cite nothing themselves.
    """

    semantics: str
    labels: Mapping[str, Label]
    reasons: Mapping[str, Reason] = attrs.field(factory=dict)
    weakened: frozenset[str] = frozenset()
    links: Mapping[str, Label] = attrs.field(factory=dict)
    labellings: tuple[Mapping[str, Label], ...] = ()

    def __getitem__(self, id: str) -> Label:
        return self.labels[id]

    def ids(self, label: Label) -> tuple[str, ...]:
        """The ids labelled *label*, in the map's order."""
        return tuple(k for k, v in self.labels.items() if v is label)

    def summary(self, name: str) -> str:
        """One line counting the labels, as ``argmap eval`` ends: ``name: N nodes under ...``."""
        from argmap.evaluation.report import summary

        return summary(self, name)

    def to_text(self, name: str) -> str:
        """The labels one line a node, with the reason, and the summary: what ``argmap eval`` prints."""
        from argmap.evaluation.report import map_text

        return map_text(self, name)

    def to_json(self, name: str) -> dict:
        """The evaluation as JSON-ready data, as ``argmap eval --format json`` writes it."""
        from argmap.evaluation.report import map_json

        return map_json(self, name)


def label(graph: AttackGraph, semantics: str, limit: int) -> Evaluation:
    """The evaluation of a map's attack graph under *semantics* (already checked to be known)."""
    succ = graph.succ
    labellings: list[bytearray] = []
    if semantics == "grounded":
        lab, reason = grounded_codes(succ)
        # the IN attacker of each OUT node, then an undecided attacker of each undecided node
        reason_of = dict(filter(_has_attacker, enumerate(reason)))
        reason_of.update(undecided_reasons(succ, lab))
    else:
        labellings = [extension_codes(succ, ext)[0] for ext in extensions(succ, semantics, limit)]
        lab, reason_of = _sceptical(succ, labellings)
    names = graph.names
    n, n_public = graph.n_nodes, graph.n_public
    labels = dict(zip(names[:n], map(LABELS.__getitem__, lab[:n])))
    links = dict(zip(names[n:n_public], map(LABELS.__getitem__, lab[n:n_public])))
    kinds, relation, premise_of = graph.kinds, graph.relation, graph.premise_of
    reasons = {}
    for y, x in reason_of.items():
        if y >= n_public:
            continue
        undecided = lab[y] == UNDEC
        if x >= n_public:
            reasons[names[y]] = Reason(names[premise_of[x]], "premise", undecided)
        elif (x >= n or kinds[x] == ARGUMENT) and (x, y) not in relation:
            reasons[names[y]] = Reason(names[x], "supports", undecided)
        else:  # the relation table holds no rebuttal by a claim: often it is empty
            reasons[names[y]] = Reason(names[x], relation.get((x, y), "rebuts") if relation else "rebuts", undecided)
    weakened = frozenset(
        names[c] for c, sup in graph.supports.items()
        if kinds[c] <= THESIS and lab[c] != OUT and all(lab[s] == OUT for s in sup) and not graph.cites(c))
    public = tuple(dict(zip(names[:n], map(LABELS.__getitem__, one[:n]))) for one in labellings)
    return Evaluation(semantics, labels, reasons, weakened, links, public)


def _has_attacker(pair: tuple[int, int]) -> bool:
    return pair[1] >= 0


def _sceptical(succ, labellings: list[bytearray]) -> tuple[bytearray, dict[int, int]]:
    """The labels every labelling agrees on (UNDEC elsewhere), and for each OUT node an attacker that
    is IN everywhere, else one IN in the first labelling."""
    size = len(succ)
    lab = bytearray(size)
    if labellings:
        first = labellings[0]
        for i in range(size):
            v = first[i]
            if all(one[i] == v for one in labellings):
                lab[i] = v
    attackers: dict[int, list[int]] = {}
    for x, targets in enumerate(succ):
        for y in targets:
            if lab[y] == OUT:
                attackers.setdefault(y, []).append(x)
    reason_of = {}
    for y, xs in attackers.items():
        good = [x for x in xs if lab[x] == IN]
        reason_of[y] = good[0] if good else next((x for x in xs if labellings[0][x] == IN), xs[0])
    return lab, reason_of
