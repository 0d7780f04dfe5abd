"""evaluate: which claims stand once every attack is counted.

``evaluate(m, semantics=...)`` labels a map (see :mod:`argmap.evaluation.core`);
``grounded``, ``preferred`` and ``stable`` label plain attack graphs;
:mod:`argmap.evaluation.iccma` reads the competition formats and
:mod:`argmap.evaluation.report` writes evaluations as text and JSON.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    """The names above, from :mod:`argmap.evaluation.core` on first use (PEP 562): a rule that needs the
    attack graph alone imports :mod:`argmap.evaluation.mapgraph` without every semantics."""
    if name not in __all__:
        raise AttributeError(f"module 'argmap.evaluation' has no attribute {name!r}")
    value = getattr(importlib.import_module("argmap.evaluation.core"), name)
    globals()[name] = value
    return value
