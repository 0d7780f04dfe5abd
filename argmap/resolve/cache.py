"""What later stages compute from a map, kept once per map object.

A :class:`~argmap.model.Map` is a frozen value that several stages read in
turn (the rules, the evaluation, the queries, the diagram), so what they
derive from it (its resolution, its attack graph) is computed on first use
and kept while the map lives.  Entries are keyed by the map's identity,
not by its value: two equal maps with different imports are different
inputs, and hashing a whole map would cost as much as resolving it.

A kept value must not hold the map it was made from (only weakly), or the
map would never be freed: the table holds the value, and the value would
hold the map.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TypeVar

from argmap.model import Map

T = TypeVar("T")

_TABLE: dict[tuple[int, str], object] = {}


def memo(m: Map, name: str, make: Callable[[Map], T]) -> T:
    """``make(m)``, computed once per map object and *name*, and dropped with the map."""
    key = (id(m), name)
    try:
        return _TABLE[key]  # type: ignore[return-value]
    except KeyError:
        pass
    value = make(m)
    _TABLE[key] = value
    # The entry goes when the map does; its id cannot be reused before then.
    weakref.finalize(m, _TABLE.pop, key, None)
    return value
