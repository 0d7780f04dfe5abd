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

from collections.abc import Mapping

from argmap._gc import no_gc
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
from argmap.evaluation.mapgraph import AttackGraph, attack_graph
from argmap.evaluation.carneades_map import CarneadesEvaluation, map_carneades
from argmap.evaluation.evidence import BaseScores
from argmap.evaluation.strengths import GRADUAL, MapStrengths, map_strengths
from argmap.model import Map

__all__ = [
    "ALL_SEMANTICS", "BaseScores", "CarneadesEvaluation", "MapStrengths", "ENUMERATION_LIMIT", "MAX_LABELLINGS", "SEMANTICS", "AttackGraph", "Evaluation", "EvaluationError", "Label",
    "Labelling", "Reason", "attack_graph", "evaluate", "grounded", "grounded_extension", "preferred", "stable",
]


ALL_SEMANTICS = (*SEMANTICS, *GRADUAL, "carneades")
"""Every semantics :func:`evaluate` knows: the Dung labellings, the gradual strengths, Carneades."""


def evaluate(m: Map, semantics: str = "grounded", *, limit: int = ENUMERATION_LIMIT,
             base_scores: BaseScores | Mapping[str, float] | None = None, source_text: str | None = None,
             tolerance: float = 1e-9, max_iterations: int = 10_000,
             standards: Mapping[str, str] | None = None, burdens: Mapping[str, str] | None = None,
             ) -> Evaluation | MapStrengths | CarneadesEvaluation:
    """Label (or weigh) every claim, thesis and argument of *m* (and of the maps it uses).

    ``semantics`` is ``grounded`` (one labelling, linear time), ``preferred``
    or ``stable`` (every labelling; EvaluationError when more than *limit*
    nodes are left undecided by grounded): an :class:`Evaluation`.
    ``dfquad`` or ``quadratic-energy``: a :class:`MapStrengths`, a strength
    in [0, 1] for every node from base scores set by the evidence
    (*base_scores* overrides the weights; *source_text*, the article's text,
    lets quotations be checked; cycles are iterated to *tolerance* within
    *max_iterations*).  ``carneades``: a :class:`CarneadesEvaluation`, with
    proof *standards* and *burdens* (``pro``/``con``) by node id.
    """
    if semantics not in ALL_SEMANTICS:
        raise EvaluationError(f"unknown semantics {semantics!r}: use {', '.join(ALL_SEMANTICS)}")
    graph = attack_graph(m)
    if semantics in SEMANTICS:
        with no_gc():
            return label(graph, semantics, limit)
    try:
        scores = base_scores if isinstance(base_scores, BaseScores) else BaseScores.of(base_scores)
    except (TypeError, ValueError) as exc:
        raise EvaluationError(str(exc)) from None
    sources = {0: source_text} if source_text is not None else None
    if semantics == "carneades":
        try:
            return map_carneades(graph, scores=scores, sources=sources, standards=standards, burdens=burdens)
        except ValueError as exc:
            raise EvaluationError(str(exc)) from None
    try:
        return map_strengths(graph, semantics, scores=scores, sources=sources, tolerance=tolerance,
                             max_iterations=max_iterations)
    except ValueError as exc:
        raise EvaluationError(str(exc)) from None
