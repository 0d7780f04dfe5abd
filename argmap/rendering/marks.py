"""What a diagram can mark on its boxes: the evaluation's verdicts and the checker's problems."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping

from argmap.diagnostics import Diagnostic
from argmap.model import Map
from argmap.rendering.graph import Graph
from argmap.resolve import resolve


def evaluation_labels(m: Map, semantics: str) -> Mapping[str, object] | None:
    """The IN/OUT/UNDEC label of each claim of *m* under *semantics* (a gradual semantics: its strength,
    a float; carneades: its status's words); None, with a warning, when this installation has no
    evaluation."""
    try:
        from argmap.evaluation.core import evaluate
    except ImportError:
        warnings.warn("labels need argmap.evaluation.core, which this installation lacks; drawing without them",
                      stacklevel=3)
        return None
    e = evaluate(m, semantics)
    if hasattr(e, "strengths"):
        return dict(e.strengths)
    if hasattr(e, "status"):
        return {k: str(v) for k, v in e.status.items()}
    return e.labels


def problems_by_node(g: Graph, found: Iterable[Diagnostic]) -> dict[str, list[str]]:
    """The *found* diagnostics as short texts (``S210 unresolved-contradiction``), by the key of the node
    written where each was found; diagnostics elsewhere (a header, a footnote) are left out."""
    # For each file, line -> (length of the statement's line range, node key): a
    # diagnostic on a line goes to the shortest statement that covers it.
    owner: dict[str, dict[int, tuple[int, str]]] = {}
    r = resolve(g.root)
    last: dict[str, int] = {}  # the last line of the relations written under each claim
    for j, rel in enumerate(r.relations):
        if rel.inline:
            key = r.keys[r.rel_sources[j]]
            last[key] = max(last.get(key, 0), rel.span.end_line or rel.span.line)
    for n in g.nodes.values():
        if n.item is None or n.home is None:
            continue
        span = n.item.span
        end = max(span.end_line or span.line, last.get(n.key, 0))
        lines = owner.setdefault(n.home.display_path, {})
        for line in range(span.line, end + 1):
            if line not in lines or end - span.line < lines[line][0]:
                lines[line] = (end - span.line, n.key)
    out: dict[str, list[str]] = {}
    for d in found:
        best = owner.get(d.path, {}).get(d.span.line)
        if best is not None:
            text = f"{d.code} {d.name}"
            if text not in out.setdefault(best[1], []):
                out[best[1]].append(text)
    return out
