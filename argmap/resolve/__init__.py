"""resolve: every name of a map, and of the maps it uses, looked up once.

The stage between the model and everything that follows it.  A name in a
map (``failed``, ``togo2013.late_arrival``, the ``(brown)`` of a claim, the
thesis of a case) is resolved here and nowhere else: :func:`resolve`
numbers every node, case and person, turns every relation and linked
argument into an edge between numbers, and lists the names that name
nothing (:class:`Dangling`) for the rules to report.  The rules, the
evaluation, the queries, the diagram and the brief all read the one
:class:`Resolved` of a map; it is made once per map object and kept for as
long as the map lives (:func:`argmap.resolve.cache.memo`).

Keys and names
--------------

Every map taking part has a **namespace**: its id (the header's, else the
file name's stem).  When two different maps have the same id (two files
with the same header id, used side by side), the one read first keeps it
and the others get ``id#2``, ``id#3``...; their claims are never merged.

The **key** of a node (and of a case or person) is ``namespace.id``
(:func:`key_of`): ``brown2017.failed``, ``togo2013.late_arrival``.  Keys
are unique across everything a map uses.  The **name** of a node is the
same key written as the map itself would write it: its own nodes by their
id alone (``failed``), those of other maps by their key.  Results meant
for people (labels, reasons, query answers, the brief) use names; the
diagram, which draws several maps side by side, uses keys.  A support
link is named ``a -> b`` from the names of its ends.

A name that names nothing still gets a number (a *missing* node), keyed by
the namespace it was written in, or for ``other.x`` with no such used map,
by ``other`` as written.
"""

from argmap.resolve.build import build as _build
from argmap.resolve.cache import memo
from argmap.model import Map
from argmap.resolve.resolved import (
    ARGUMENT,
    CLAIM,
    CONTRADICTS,
    KIND_NAMES,
    MISSING,
    NONE,
    ON_LINK,
    REBUTS,
    RELATION_CODES,
    RELATION_NAMES,
    SUPPORTS,
    THESIS,
    UNDERCUTS,
    UNDERCUTS_LINK,
    Dangling,
    Resolved,
    key_of,
)

__all__ = [
    "ARGUMENT", "CLAIM", "CONTRADICTS", "KIND_NAMES", "MISSING", "NONE", "ON_LINK", "REBUTS", "RELATION_CODES",
    "RELATION_NAMES", "SUPPORTS", "THESIS", "UNDERCUTS", "UNDERCUTS_LINK", "Dangling", "Resolved", "key_of", "memo",
    "resolve",
]


def resolve(m: Map) -> Resolved:
    """The resolution of *m* and of the maps it uses, made once per map object."""
    return memo(m, "resolved", _build)
