"""evaluate: which claims stand once every attack is counted.

Two layers, both pure functions:

* the plain-graph layer, :func:`grounded`, :func:`preferred` and
  :func:`stable` (:mod:`argmap.evaluation.dung`), over any hashable node
  ids and ``(attacker, target)`` pairs (Dung 1995); usable without a map,
  e.g. for ICCMA files (:mod:`argmap.evaluation.iccma`);
* the map layer, :func:`attack_graph` and :func:`evaluate`, which turns a
  resolved :class:`~argmap.model.Map` into one attack graph on the
  integers (:mod:`argmap.evaluation.mapgraph`: supports flattened into
  derived attacks through one node per support link) and labels it
  (:mod:`argmap.evaluation.labels`).

``docs/evaluation.md`` explains the construction and the semantics, with
references.  Grounded labelling is linear in nodes + attacks and
iterative; preferred and stable enumerate, and refuse graphs with more
than :data:`ENUMERATION_LIMIT` nodes left undecided by the grounded
labelling.
"""

from __future__ import annotations

from argmap._gc import no_gc
from argmap.evaluation import mapgraph
from argmap.evaluation.dung import (
    ENUMERATION_LIMIT,
    MAX_LABELLINGS,
    SEMANTICS,
    EvaluationError,
    Label,
    Labelling,
    grounded,
    grounded_extension,
    preferred,
    stable,
)
from argmap.evaluation.labels import Evaluation, Reason, label
from argmap.evaluation.mapgraph import AttackGraph
from argmap.model import Map
from argmap.resolve import memo, resolve

__all__ = [
    "ENUMERATION_LIMIT", "MAX_LABELLINGS", "SEMANTICS", "AttackGraph", "Evaluation", "EvaluationError", "Label",
    "Labelling", "Reason", "attack_graph", "evaluate", "grounded", "grounded_extension", "preferred", "stable",
]


def _build(m: Map) -> AttackGraph:
    with no_gc():
        return mapgraph.build(resolve(m))


def attack_graph(m: Map) -> AttackGraph:
    """The attack graph of *m* and of the maps it uses, built once per map object (see docs/evaluation.md)."""
    return memo(m, "attack graph", _build)


def evaluate(m: Map, semantics: str = "grounded", *, limit: int = ENUMERATION_LIMIT) -> Evaluation:
    """Label every claim, thesis and argument of *m* (and of the maps it uses).

    ``semantics`` is ``grounded`` (one labelling, linear time), ``preferred``
    or ``stable`` (every labelling; EvaluationError when more than *limit*
    nodes are left undecided by grounded).
    """
    if semantics not in SEMANTICS:
        raise EvaluationError(f"unknown semantics {semantics!r}: use {', '.join(SEMANTICS)}")
    graph = attack_graph(m)
    with no_gc():
        return label(graph, semantics, limit)
