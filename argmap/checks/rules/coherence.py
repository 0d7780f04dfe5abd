"""What the structure rules share: their group, and the hint that names a close match.

The rules read the resolved map (:func:`argmap.resolve.resolve`, made once
and shared with the evaluation): a name of the map itself is a node whose
home is map 0, a name that names nothing a node numbered from
``n_defined`` on, and what dangles is listed in ``Resolved.dangling``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

STRUCTURE = ("structure",)
"""The group of every structure rule."""


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """``did you mean x or y?`` for the names close to *name*, or None."""
    close = difflib.get_close_matches(name, list(candidates), n=3, cutoff=0.6)
    return f"did you mean {' or '.join(close)}?" if close else None
