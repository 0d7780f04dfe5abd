"""The resolved map: every name of a map and of the maps it uses, turned into a number.

See :mod:`argmap.resolve` for the key scheme.  Tables are parallel lists
indexed by node number (or relation, argument, case number): a map of
100,000 claims resolves into a few flat lists rather than as many objects.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Mapping, Sequence
from typing import Literal, Union

import attrs

from argmap.model import Argument, Case, Claim, Map, Node, Person, Ref, Relation

# node kinds (the evaluation numbers its own node kinds from the same codes)
CLAIM, THESIS, ARGUMENT, MISSING = 0, 1, 2, 3
KIND_NAMES = ("claim", "thesis", "argument", "missing")

# relation kinds: of a relation naming a node, and (ON_LINK added) of one naming a link a -> b
SUPPORTS, REBUTS, CONTRADICTS, UNDERCUTS = 0, 1, 2, 3
ON_LINK = 4
UNDERCUTS_LINK = UNDERCUTS + ON_LINK
RELATION_CODES = {"supports": SUPPORTS, "rebuts": REBUTS, "contradicts": CONTRADICTS, "undercuts": UNDERCUTS}
RELATION_NAMES = ("supports", "rebuts", "contradicts", "undercuts") * 2
"""The relation kind of each code, those on a link included."""

NONE = -1
"""In a table of case, person or link numbers: nothing (no case named, or the name names nothing)."""

Role = Literal["source", "target", "link", "premise", "conclusion", "case", "by", "thesis"]


def key_of(namespace: str, id: str) -> str:
    """The key of the item *id* of the map whose namespace is *namespace*: ``namespace.id``."""
    return f"{namespace}.{id}"


@attrs.frozen
class Dangling:
    """A name that names nothing: where it is written and what it should have named.

    ``map`` is the number of the map it is written in; ``role`` the place
    of the name in ``origin``: the ``source`` or ``target`` of a relation,
    an end of an undercut ``link``, an argument's ``premise`` or
    ``conclusion`` (all of which name a claim, thesis or argument), the
    ``case`` or the person (``by``) of a claim or argument, or a case's
    ``thesis``.  ``local`` is True for a name of the map itself
    (``x``, ``ownid.x``) and False for a name in another map
    (``other.x``), whether or not that map is used.
    """

    map: int
    ref: Ref
    role: Role
    origin: Union[Relation, Argument, Claim, Case]
    local: bool


def _weak(m: Map) -> weakref.ref:
    return weakref.ref(m)


@attrs.frozen(eq=False)
class Resolved:
    """A map and the maps it uses, every name in them resolved to a number.

    **Maps** are numbered in the order they are read: 0 is the map itself,
    then depth first through its ``use`` statements (the last used map
    first).  ``namespaces[k]`` is map *k*'s namespace (see
    :mod:`argmap.resolve`).

    **Nodes** (claims, theses, arguments; the first definition of an id
    wins) are numbered map by map, in the order ``Map.nodes`` lists them:
    ``0 .. n_defined - 1``.  Names that name no node are numbered after them,
    one *missing* node per name, so that a relation naming one is an edge
    like any other; stages that only want what exists skip numbers from
    ``n_defined`` on.  Per node: ``ids`` (the id in its map), ``items``
    (the Claim, Thesis or Argument; None when missing), ``kinds``
    (:data:`CLAIM`, :data:`THESIS`, :data:`ARGUMENT`, :data:`MISSING`) and
    ``homes`` (its map's number; for a missing node, the map its name
    points into, or -1 for a map that is not used).  A node is *local* to
    map *k* when its home is *k*: that is how "a name of this map" is asked.

    **Relations**, every relation of every map in map order: ``rel_kinds``
    (:data:`SUPPORTS` .. :data:`UNDERCUTS`, plus :data:`ON_LINK` for a
    relation naming a link ``a -> b``, as an undercut does:
    :data:`UNDERCUTS_LINK`), ``rel_sources``, ``rel_targets`` (for a link
    ``a -> b``, ``b``; ``link_sources`` maps the relation's number to ``a``),
    and the ``relations`` themselves.

    **Arguments**, every argument statement (second definitions too):
    ``arg_nodes`` (the node its id names, which is the argument itself only
    for a first definition), ``arg_premises``, ``arg_conclusions``.

    **Assertions**, every claim and argument statement: the case
    (``assertion_cases``) and person (``assertion_persons``) it names, as
    case and person numbers, or :data:`NONE`.  ``case_of`` and
    ``person_of`` give the same per node, for the node's first definition.

    **Cases** and **persons**, the first definition of each id in each map:
    ``cases``, ``case_homes``, ``case_theses`` (a node number, possibly
    missing); ``persons``, ``person_homes``.

    ``map_nodes``, ``map_relations``, ``map_arguments``,
    ``map_assertions``, ``map_cases`` give each map's range in those tables.
    ``dangling`` lists every name that names nothing, as data for the rules.
    """

    _root: weakref.ref = attrs.field(converter=_weak, alias="root")
    used: tuple[Map, ...]
    namespaces: tuple[str, ...]

    n_defined: int
    ids: list[str]
    items: list[Node | None]
    kinds: bytearray
    homes: list[int]
    missing_keys: list[str]
    missing_names: list[str]
    tables: tuple[Mapping[str, int], ...]
    map_nodes: tuple[range, ...]

    relations: tuple[Relation, ...]
    rel_kinds: bytearray
    rel_sources: list[int]
    rel_targets: list[int]
    link_sources: Mapping[int, int]
    map_relations: tuple[range, ...]

    arguments: tuple[Argument, ...]
    arg_nodes: list[int]
    arg_premises: list[tuple[int, ...]]
    arg_conclusions: list[int]
    map_arguments: tuple[range, ...]

    assertions: tuple[Claim | Argument, ...]
    assertion_cases: list[int]
    assertion_persons: list[int]
    map_assertions: tuple[range, ...]
    case_of: list[int]
    person_of: list[int]

    cases: tuple[Case, ...]
    case_homes: list[int]
    case_theses: list[int]
    case_tables: tuple[Mapping[str, int], ...]
    map_cases: tuple[range, ...]
    persons: tuple[Person, ...]
    person_homes: list[int]
    person_tables: tuple[Mapping[str, int], ...]

    dangling: tuple[Dangling, ...]

    # -- maps -----------------------------------------------------------------

    @property
    def root(self) -> Map:
        """The map that was resolved (held weakly: the resolution is kept for as long as the map)."""
        m = self._root()
        if m is None:
            raise ReferenceError("the map this resolution was made from no longer exists")
        return m

    @property
    def maps(self) -> tuple[Map, ...]:
        """Every map taking part, by number: the map itself first."""
        return (self.root, *self.used)

    def map(self, k: int) -> Map:
        """Map number *k*."""
        return self.root if k == 0 else self.used[k - 1]

    def number_of(self, m: Map) -> int | None:
        """The number of the map object *m*, or None when it takes no part."""
        if m is self._root():
            return 0
        for k, other in enumerate(self.used, 1):
            if other is m:
                return k
        return None

    # -- nodes ----------------------------------------------------------------

    @functools.cached_property
    def keys(self) -> Sequence[str]:
        """Every node's key, ``namespace.id``."""
        namespaces, homes = self.namespaces, self.homes
        return [f"{namespaces[homes[i]]}.{id}" for i, id in enumerate(self.ids[:self.n_defined])] + self.missing_keys

    @functools.cached_property
    def names(self) -> Sequence[str]:
        """Every node's name: its key, but the map's own nodes by their id alone, as the map writes them."""
        own = self.map_nodes[0]
        names = self.ids[own.start:own.stop]
        if own.stop < self.n_defined:
            names += self.keys[own.stop:self.n_defined]
        return names + self.missing_names

    @functools.cached_property
    def index(self) -> Mapping[str, int]:
        """Node number by name or key, for the nodes that exist."""
        table = dict(zip(self.names[:self.n_defined], range(self.n_defined)))
        own = self.map_nodes[0]
        prefix = self.namespaces[0] + "."
        table.update((prefix + self.ids[i], i) for i in own)
        return table

    def lookup(self, name: str) -> int | None:
        """The number of the node a name or key names (``x``, ``mapid.x``), or None."""
        return self.index.get(name)

    def namespace_of(self, node: int) -> str:
        """The namespace of *node*'s key: its map's, or for a missing node the one its name was written in."""
        if node < self.n_defined:
            return self.namespaces[self.homes[node]]
        return self.keys[node][:-len(self.ids[node]) - 1]

    def is_local(self, node: int, k: int) -> bool:
        """Whether *node* is named in map *k* as a name of that map itself (defined or not)."""
        return self.homes[node] == k

    def home_map(self, node: int) -> Map:
        """The map that defines (or would define) *node*."""
        return self.map(self.homes[node])

    # -- cases ----------------------------------------------------------------

    @functools.cached_property
    def case_names(self) -> Sequence[str]:
        """Every case's name: ``id`` for a case of the map itself, ``namespace.id`` for others."""
        namespaces = self.namespaces
        return [c.id if k == 0 else f"{namespaces[k]}.{c.id}" for c, k in zip(self.cases, self.case_homes)]

    @functools.cached_property
    def case_keys(self) -> Sequence[str]:
        """Every case's key, ``namespace.id``."""
        namespaces = self.namespaces
        return [f"{namespaces[k]}.{c.id}" for c, k in zip(self.cases, self.case_homes)]

    def case_name_of(self, node: int) -> str | None:
        """The name of the case *node* belongs to (its first definition's), or None when it names none.

        A case that is not defined is named as it is written, qualified like
        a missing node's name: ``c`` in the map itself, ``other.c`` elsewhere.
        """
        c = self.case_of[node]
        if c != NONE:
            return self.case_names[c]
        ref = getattr(self.items[node], "case", None)
        if ref is None:
            return None
        home = self.homes[node]
        where = ref.map if ref.map is not None and ref.map != self.map(home).id else self.namespaces[home]
        return ref.id if where == self.namespaces[0] else f"{where}.{ref.id}"

    @functools.cached_property
    def case_index(self) -> Mapping[str, int]:
        """Case number by name or key."""
        table = dict(zip(self.case_names, range(len(self.cases))))
        table.update(zip(self.case_keys, range(len(self.cases))))
        return table

    # -- names written in a map -------------------------------------------------

    def map_named(self, where: str | None, k: int = 0) -> int:
        """The number of the map that the prefix *where* of a name written in map *k* names, or NONE.

        No prefix, or map *k*'s own id, is map *k* itself; any other prefix
        is one of map *k*'s used maps (NONE when it uses no such map).
        """
        home = self.map(k)
        if where is None or where == home.id:
            return k
        other = home.imports.get(where)
        found = self.number_of(other) if other is not None else None
        return NONE if found is None else found

    def node_named(self, ref: Ref, k: int = 0) -> Node | None:
        """The claim, thesis or argument that *ref*, written in map *k*, names; None when it names nothing."""
        j = self.map_named(ref.map, k)
        i = self.tables[j].get(ref.id) if j != NONE else None
        return None if i is None else self.items[i]

    def case_named(self, ref: Ref, k: int = 0) -> Case | None:
        """The case that *ref*, written in map *k*, names; None when it names none."""
        j = self.map_named(ref.map, k)
        c = self.case_tables[j].get(ref.id) if j != NONE else None
        return None if c is None else self.cases[c]

    def person_named(self, ref: Ref, k: int = 0) -> Person | None:
        """The person that *ref*, written in map *k*, names; None when it names none."""
        j = self.map_named(ref.map, k)
        p = self.person_tables[j].get(ref.id) if j != NONE else None
        return None if p is None else self.persons[p]
