"""The resolution pass: one walk over a map and the maps it uses, every name looked up once.

The commonest name by far, a node of the map itself named by its bare id,
is looked up straight in the map's table, a whole map's relations at a
time; the others (names of other maps, names of nothing) go through
:meth:`_MapPass.node`.
"""

from __future__ import annotations

from operator import attrgetter

from argmap._gc import no_gc
from argmap.model import Claim, Link, Map, Ref, Thesis
from argmap.resolve.resolved import (
    ARGUMENT,
    CLAIM,
    MISSING,
    NONE,
    ON_LINK,
    RELATION_CODES,
    THESIS,
    Dangling,
    Resolved,
)

def order(m: Map) -> list[Map]:
    """The maps taking part, each once, in the order they are numbered.

    Depth first from *m*: a map's used maps are put on a stack in the
    order of its ``use`` statements, so the last one is read next.  (Maps
    in ``imports`` that no ``use`` names, which only a map built by hand
    has, come after the used ones.)
    """
    maps = []
    todo = [m]
    seen = {id(m)}
    while todo:
        current = todo.pop()
        maps.append(current)
        imports = current.imports
        if not imports:
            continue
        named = [imports[u.id] for u in current.uses if u.id in imports]
        for other in (*named, *imports.values()):
            if id(other) not in seen:
                seen.add(id(other))
                todo.append(other)
    return maps


def namespaces(maps: list[Map]) -> tuple[str, ...]:
    """Each map's namespace: its id, and for a second map with the same id, ``id#2`` (then ``#3``...)."""
    found: list[str] = []
    count: dict[str, int] = {}
    for current in maps:
        mid = current.id
        n = count[mid] = count.get(mid, 0) + 1
        found.append(mid if n == 1 else f"{mid}#{n}")
    return tuple(found)


def _ranges(starts: list[int], end: int) -> tuple[range, ...]:
    return tuple(range(a, b) for a, b in zip(starts, starts[1:] + [end]))


def _joined(maps: list[Map], what) -> tuple:
    return what(maps[0]) if len(maps) == 1 else tuple(x for m in maps for x in what(m))


def _numbered(table, start: int) -> dict:
    """Each key of *table* with its number, counting from *start*."""
    return dict(zip(table, range(start, start + len(table))))


def build(m: Map) -> Resolved:
    """Resolve *m* and the maps it uses (see :class:`~argmap.resolve.resolved.Resolved`)."""
    with no_gc():  # a big map resolves into a few large lists and no cycles
        return _Pass(m).run()


class _Pass:
    """The tables being filled while a map is resolved."""

    def __init__(self, m: Map):
        self.m = m
        self.maps = order(m)
        self.spaces = namespaces(self.maps)
        self.number = {id(x): k for k, x in enumerate(self.maps)}
        self.ids: list[str] = []
        self.items: list = []
        self.kinds = bytearray()
        self.homes: list[int] = []
        self.tables: list[dict[str, int]] = []
        self.case_tables: list[dict[str, int]] = []
        self.person_tables: list[dict[str, int]] = []
        self.missing: dict[str, int] = {}
        self.missing_keys: list[str] = []
        self.missing_names: list[str] = []
        self.dangling: list[Dangling] = []

    def run(self) -> Resolved:
        maps, ids = self.maps, self.ids
        node_starts, case_starts, person_starts = [], [], []
        cases: list = []
        persons: list = []
        for k, current in enumerate(maps):  # every node, case and person numbered before any name is looked up
            own = current.nodes
            node_starts.append(len(ids))
            self.tables.append(_numbered(own, len(ids)))
            ids.extend(own)
            self.items.extend(own.values())
            if len(own) == len(current.theses) + len(current.claims) + len(current.arguments):
                # no id defined twice: the table lists the theses, the claims, the arguments
                self.kinds += (bytes([THESIS]) * len(current.theses) + bytes([CLAIM]) * len(current.claims)
                               + bytes([ARGUMENT]) * len(current.arguments))
            else:
                self.kinds.extend(CLAIM if isinstance(n, Claim) else THESIS if isinstance(n, Thesis) else ARGUMENT
                                  for n in own.values())
            self.homes.extend([k] * len(own))
            case_starts.append(len(cases))
            self.case_tables.append(_numbered(current.case_table, len(cases)))
            cases.extend(current.case_table.values())
            person_starts.append(len(persons))
            self.person_tables.append(_numbered(current.person_table, len(persons)))
            persons.extend(current.person_table.values())
        self.n_defined = n_defined = len(ids)
        self.case_theses = [NONE] * len(cases)
        self.rel_kinds = bytearray()
        self.rel_sources: list[int] = []
        self.rel_targets: list[int] = []
        self.link_sources: dict[int, int] = {}
        self.arg_nodes: list[int] = []
        self.arg_premises: list[tuple[int, ...]] = []
        self.arg_conclusions: list[int] = []
        self.assertion_cases: list[int] = []
        self.assertion_persons: list[int] = []
        self.case_of = [NONE] * n_defined
        self.person_of = [NONE] * n_defined
        relation_starts, argument_starts, assertion_starts = [], [], []
        for k, current in enumerate(maps):
            argument_starts.append(len(self.arg_nodes))
            relation_starts.append(len(self.rel_sources))
            assertion_starts.append(len(self.assertion_cases))
            _MapPass(self, k, current).run(cases)
        return Resolved(
            root=self.m, used=tuple(maps[1:]), namespaces=self.spaces,
            n_defined=n_defined, ids=ids, items=self.items, kinds=self.kinds, homes=self.homes,
            missing_keys=self.missing_keys, missing_names=self.missing_names, tables=tuple(self.tables),
            map_nodes=_ranges(node_starts, n_defined),
            relations=_joined(maps, _RELATIONS), rel_kinds=self.rel_kinds, rel_sources=self.rel_sources,
            rel_targets=self.rel_targets, link_sources=self.link_sources,
            map_relations=_ranges(relation_starts, len(self.rel_sources)),
            arguments=_joined(maps, _ARGUMENTS), arg_nodes=self.arg_nodes, arg_premises=self.arg_premises,
            arg_conclusions=self.arg_conclusions, map_arguments=_ranges(argument_starts, len(self.arg_nodes)),
            assertions=_joined(maps, _ASSERTIONS), assertion_cases=self.assertion_cases,
            assertion_persons=self.assertion_persons,
            map_assertions=_ranges(assertion_starts, len(self.assertion_cases)),
            case_of=self.case_of, person_of=self.person_of,
            cases=tuple(cases), case_homes=_homes(case_starts, len(cases)), case_theses=self.case_theses,
            case_tables=tuple(self.case_tables), map_cases=_ranges(case_starts, len(cases)),
            persons=tuple(persons), person_homes=_homes(person_starts, len(persons)),
            person_tables=tuple(self.person_tables), dangling=tuple(self.dangling),
        )

    def intern_missing(self, key: str, name: str, id_: str, home: int) -> int:
        """The number of the missing node *key*, numbered on first use."""
        found = self.missing.get(key)
        if found is None:
            found = self.missing[key] = len(self.ids)
            self.missing_keys.append(key)
            self.missing_names.append(name)
            self.ids.append(id_)
            self.items.append(None)
            self.kinds.append(MISSING)
            self.homes.append(home)
        return found


_RELATIONS, _ARGUMENTS = attrgetter("relations"), attrgetter("arguments")


def _ASSERTIONS(m: Map) -> tuple:
    return (*m.claims, *m.arguments)


def _homes(starts: list[int], end: int) -> list[int]:
    return [k for k, r in enumerate(_ranges(starts, end)) for _ in r]


class _MapPass:
    """The names written in one map, looked up."""

    def __init__(self, p: _Pass, k: int, current: Map):
        self.p, self.k, self.current = p, k, current
        self.own_id = current.id
        self.own_get = p.tables[k].get
        self.imports = current.imports

    def other(self, where: str) -> int:
        """The number of the map *where* names (a use of this map), or NONE."""
        other = self.imports.get(where)
        return self.p.number[id(other)] if other is not None else NONE

    def node(self, ref: Ref) -> int:
        """The node *ref* names, a missing one when it names nothing."""
        p, where = self.p, ref.map
        if where is None or where == self.own_id:
            found = self.own_get(ref.id)
            if found is None:
                key = f"{p.spaces[self.k]}.{ref.id}"
                found = p.intern_missing(key, ref.id if self.k == 0 else key, ref.id, self.k)
            return found
        j = self.other(where)
        found = p.tables[j].get(ref.id) if j != NONE else None
        if found is None:
            key = f"{where}.{ref.id}"
            found = p.intern_missing(key, key, ref.id, j)
        return found

    def nodes(self, refs: list[Ref]) -> tuple[list[int], list[int]]:
        """``node(ref)`` for each of *refs*, and the positions of those that name nothing."""
        own_get = self.own_get
        found = [own_get(ref.id) if ref.map is None else None for ref in refs]
        if None not in found:
            return found, []
        lost, node, n_defined = [], self.node, self.p.n_defined
        for j, ref in enumerate(refs):
            if found[j] is None:
                found[j] = i = node(ref)
                if i >= n_defined:
                    lost.append(j)
        return found, lost

    def looked_up(self, ref: Ref | None, tables: list[dict[str, int]]) -> int:
        """The case (person) number *ref* names in *tables*, or NONE."""
        if ref is None:
            return NONE
        where = ref.map
        j = self.k if where is None or where == self.own_id else self.other(where)
        return tables[j].get(ref.id, NONE) if j != NONE else NONE

    def all_looked_up(self, refs: list[Ref | None], tables: list[dict[str, int]], role, owners) -> list[int]:
        """``looked_up`` for each of *refs* (the cases, or persons, of *owners*); what names nothing is lost."""
        if all(ref is None for ref in refs):  # (not list.count: it would call Ref.__eq__ on every ref)
            return [NONE] * len(refs)
        local, look = tables[self.k].get, self.looked_up
        found = [local(ref.id, NONE) if ref is not None and ref.map is None else look(ref, tables) for ref in refs]
        if NONE in found:
            for ref, i, owner in zip(refs, found, owners):
                if i == NONE and ref is not None:
                    self.lost(ref, role, owner)
        return found

    def lost(self, ref: Ref, role, origin) -> None:
        """Note a name that names nothing."""
        self.p.dangling.append(Dangling(self.k, ref, role, origin, ref.map is None or ref.map == self.own_id))

    def run(self, cases: list) -> None:
        p, current, n_defined = self.p, self.current, self.p.n_defined
        node, lost = self.node, self.lost
        for arg in current.arguments:
            premises = tuple(node(ref) for ref in arg.premises)
            conclusion = node(arg.conclusion)
            for i, ref in zip(premises, arg.premises):
                if i >= n_defined:
                    lost(ref, "premise", arg)
            if conclusion >= n_defined:
                lost(arg.conclusion, "conclusion", arg)
            p.arg_nodes.append(self.own_get(arg.id))
            p.arg_premises.append(premises)
            p.arg_conclusions.append(conclusion)

        relations = current.relations
        start = len(p.rel_sources)
        kinds = bytearray([RELATION_CODES[rel.kind] for rel in relations])
        targets = [rel.target for rel in relations]
        if Link in set(map(type, targets)):  # a relation naming a link a -> b: a here, b with the other targets
            for j, (rel, target) in enumerate(zip(relations, targets)):
                if isinstance(target, Link):
                    a = node(target.source)
                    if a >= n_defined:
                        lost(target.source, "link", rel)
                    p.link_sources[start + j] = a
                    kinds[j] += ON_LINK
                    targets[j] = target.target
        sources, lost_sources = self.nodes([rel.source for rel in relations])
        ends, lost_ends = self.nodes(targets)
        for j in lost_sources:
            lost(relations[j].source, "source", relations[j])
        for j in lost_ends:
            lost(targets[j], "link" if kinds[j] >= ON_LINK else "target", relations[j])
        p.rel_kinds += kinds
        p.rel_sources += sources
        p.rel_targets += ends

        owners = _ASSERTIONS(current)
        in_cases = self.all_looked_up([owner.case for owner in owners], p.case_tables, "case", owners)
        by = self.all_looked_up([owner.by for owner in owners], p.person_tables, "by", owners)
        first = len(p.assertion_cases)
        p.assertion_cases += in_cases
        p.assertion_persons += by
        table, items = p.tables[self.k], p.items
        if len(table) == len(current.theses) + len(owners):
            # no id defined twice: the claims and arguments are the map's nodes after its theses, in order
            if owners:
                i = table[owners[0].id]
                p.case_of[i:i + len(owners)] = in_cases
                p.person_of[i:i + len(owners)] = by
        else:
            for offset, owner in enumerate(owners):
                i = table[owner.id]
                if items[i] is owner:
                    p.case_of[i] = p.assertion_cases[first + offset]
                    p.person_of[i] = p.assertion_persons[first + offset]

        first_case = p.case_tables[self.k]
        for case in current.cases:
            thesis = node(case.thesis)
            if thesis >= n_defined:
                lost(case.thesis, "thesis", case)
            c = first_case[case.id]
            if cases[c] is case:
                p.case_theses[c] = thesis
