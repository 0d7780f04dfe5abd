"""What the structure rules share: their group, and the hint that names a close match.

The rules read the resolved map (:func:`argmap.resolve.resolve`, made once
and shared with the evaluation): a name of the map itself is a node whose
home is map 0, a name that names nothing a node numbered from
``n_defined`` on, and what dangles is listed in ``Resolved.dangling``.
"""

from __future__ import annotations

from argmap.suggest import did_you_mean

__all__ = ["STRUCTURE", "did_you_mean"]

STRUCTURE = ("structure",)
"""The group of every structure rule."""
