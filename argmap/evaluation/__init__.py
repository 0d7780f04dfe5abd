"""evaluate: which claims stand once every attack is counted.

``evaluate(m, semantics=...)`` labels a map (see :mod:`argmap.evaluation.core`);
``grounded``, ``preferred`` and ``stable`` label plain attack graphs;
:mod:`argmap.evaluation.iccma` reads the competition formats and
:mod:`argmap.evaluation.report` writes evaluations as text and JSON.
"""

from argmap.evaluation.core import (
    ENUMERATION_LIMIT,
    AttackGraph,
    Evaluation,
    EvaluationError,
    Label,
    Labelling,
    Reason,
    attack_graph,
    evaluate,
    grounded,
    grounded_extension,
    preferred,
    stable,
)

__all__ = [
    "ENUMERATION_LIMIT", "AttackGraph", "Evaluation", "EvaluationError", "Label", "Labelling", "Reason",
    "attack_graph", "evaluate", "grounded", "grounded_extension", "preferred", "stable",
]
