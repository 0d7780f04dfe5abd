"""What a query id names: nodes, their maps, cases and persons, and their direct relations.

Part of :mod:`argmap.analysis.queries`, which exports every function here.
Ids are names as :mod:`argmap.resolve` writes them (``failed``,
``togo2013.hikiwake``; ``a -> b`` for a support link).
"""

from __future__ import annotations

from argmap.analysis.index import Index, index
from argmap.evaluation.mapgraph import THESIS
from argmap.model import Case, Map, Node, Person
from argmap.resolve import NONE



def node_ids(m: Map) -> tuple[str, ...]:
    """Every claim, thesis and argument, in the order of the maps (the order of the labels)."""
    g = index(m)
    return tuple(g.names[:g.graph.n_nodes])


def node(m: Map, key: str) -> Node | None:
    """The claim, thesis or argument a query id names (``x`` or ``mapid.x``)."""
    i = index(m).resolved.lookup(key)
    return None if i is None else index(m).resolved.items[i]


def owner_map(m: Map, key: str) -> Map:
    """The map a query id belongs to (for its footnotes and persons)."""
    r = index(m).resolved
    i = r.lookup(key)
    return m if i is None else r.home_map(i)


def person_of(m: Map, key: str) -> Person | None:
    """The person or organisation the claim or argument *key* is asserted by, when that names one."""
    r = index(m).resolved
    i = r.lookup(key)
    p = NONE if i is None else r.person_of[i]
    return None if p == NONE else r.persons[p]


def case_of(m: Map, key: str) -> str | None:
    """The query id of the case node *key* belongs to, or None."""
    r = index(m).resolved
    i = r.lookup(key)
    return None if i is None else r.case_name_of(i)


def find_case(m: Map, case_id: str) -> Case | None:
    """The case a query id names (``brown`` or ``mapid.brown``)."""
    r = index(m).resolved
    c = r.case_index.get(case_id)
    return None if c is None else r.cases[c]


def case_names(m: Map) -> tuple[str, ...]:
    """Every case the map and the maps it uses define, by its query name (``brown``, ``brown2017.brown``)."""
    return tuple(index(m).resolved.case_names)


def case_named(m: Map, name: str) -> str | None:
    """The query name of the case *name* means: itself when it names one, else the one case of that id.

    ``brown`` on a map that only uses brown2017 is ``brown2017.brown``; None
    when no case or several cases of the maps have that id (then the
    qualified name must be given).
    """
    r = index(m).resolved
    if name in r.case_index:
        return r.case_names[r.case_index[name]]
    found = [n for n, c in zip(r.case_names, r.cases) if c.id == name]
    return found[0] if len(found) == 1 else None


def thesis_of(m: Map, case_id: str) -> str | None:
    """The query id of the thesis *case_id* argues about, or None when it does not resolve."""
    r = index(m).resolved
    c = r.case_index.get(case_id)
    if c is None or r.case_theses[c] >= r.n_defined:
        return None
    return r.names[r.case_theses[c]]


def case_nodes(m: Map, case_id: str) -> tuple[str, ...]:
    """The claims and arguments of *case_id*, in the order of the maps."""
    return tuple(index(m).names[i] for i in case_members(index(m), case_id))


def case_members(g: Index, case_id: str) -> list[int]:
    """The numbers of the claims and arguments of the case *case_id* names, in map order."""
    r = g.resolved
    c = r.case_index.get(case_id)
    if c is None:
        return []
    kinds, case_of_node = r.kinds, r.case_of
    return [i for i in range(r.n_defined) if case_of_node[i] == c and kinds[i] != THESIS]


def _steps(g: Index, table, key: str) -> tuple[tuple[str, str], ...]:
    i = g.number(key)
    names = g.names
    return tuple((names[j], how) for j, how in table.get(i, ())) if i is not None else ()


def supports_in(m: Map, key: str) -> tuple[tuple[str, str], ...]:
    """What supports *key* directly, as (id, relation): ``supports``, or ``premise`` for the
    premises of a linked argument *key*; in the order of the maps."""
    g = index(m)
    return _steps(g, g.supports_in, key)


def supports_out(m: Map, key: str) -> tuple[tuple[str, str], ...]:
    """What *key* supports directly, as (id, relation): ``supports``, or ``premise`` for the
    linked arguments it is a premise of."""
    g = index(m)
    return _steps(g, g.supports_out, key)


def attacks_out(m: Map, key: str) -> tuple[tuple[str, str], ...]:
    """What *key* attacks directly, as (id, relation): nodes it rebuts or contradicts, links
    ``a -> b`` and arguments it undercuts."""
    g = index(m)
    return _steps(g, g.attacks_out, key)


def is_cited(m: Map, key: str) -> bool:
    """True when the node cites a footnote itself or through one of its quotations."""
    g = index(m)
    i = g.resolved.lookup(key)
    return i is not None and g.graph.cites(i)
