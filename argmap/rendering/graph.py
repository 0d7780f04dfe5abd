"""The diagram's graph: what is drawn, before any drawing is decided.

:func:`build` reads a :class:`~argmap.model.Map` into nodes (theses,
claims, linked arguments, claims of other maps that this one answers) and
edges (the relations, and the premises of linked arguments).  Views
(:mod:`argmap.rendering.views`) cut this graph down; :mod:`argmap.rendering.dot`
draws it.  Every node has the key :mod:`argmap.resolve` gives it,
``namespace.id`` (:func:`key_of`), so claims of different maps never collide.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

from argmap.model import Argument, Case, Claim, Map, Person, Thesis
from argmap.resolve import NONE, ON_LINK, RELATION_NAMES, key_of, resolve

__all__ = ["Edge", "EdgeKind", "Graph", "Node", "NodeKind", "build", "key_of"]

NodeKind = Literal["thesis", "claim", "argument", "missing", "import"]
EdgeKind = Literal["supports", "rebuts", "undercuts", "contradicts", "premise"]


@attrs.frozen
class Node:
    """One box of the diagram.

    ``home`` is the map that defines the item (the map itself or one it
    uses); ``case`` the key of the case it belongs to.  ``missing`` nodes
    stand for references to ids that no map defines; ``import`` nodes for a
    whole used map drawn as one box.
    """

    key: str
    kind: NodeKind
    id: str
    map_id: str
    item: Claim | Thesis | Argument | None = attrs.field(default=None, eq=False)
    home: Map | None = attrs.field(default=None, eq=False, repr=False)
    case: str | None = None
    size: int = 0  # for import nodes: how many nodes the used map has
    person: Person | None = attrs.field(default=None, eq=False, repr=False)
    """Who asserts the claim or argument (its ``by``), resolved; None when it names no one defined."""


@attrs.frozen
class Edge:
    """A relation between nodes.

    An undercut of a link has ``link`` (the reason's key, the conclusion's
    key) and no ``target``; every other edge has a ``target``.  ``premise``
    edges join a premise to its linked argument's junction; the junction
    ``supports`` the conclusion.
    """

    kind: EdgeKind
    source: str
    target: str | None = None
    link: tuple[str, str] | None = None

    @property
    def ends(self) -> tuple[str, ...]:
        """Every node key this edge touches."""
        return (self.source,) + ((self.target,) if self.target is not None else ()) + (self.link or ())


@attrs.frozen
class Graph:
    """Nodes by key (in drawing order), edges, and the cases of every map involved."""

    root: Map
    nodes: Mapping[str, Node]
    edges: tuple[Edge, ...]
    cases: Mapping[str, tuple[Case, Map]]

    def restrict(self, keep) -> Graph:
        """The graph with only the nodes in *keep* and the edges among them.

        An undercut whose undercutter is kept but whose link has lost an end
        is dropped; a link that lost its undercutter is drawn as a plain
        support.
        """
        keep = set(keep)
        nodes = {k: n for k, n in self.nodes.items() if k in keep}
        edges = tuple(e for e in self.edges if all(k in nodes for k in e.ends))
        return attrs.evolve(self, nodes=nodes, edges=edges)


_KINDS: tuple[NodeKind, ...] = ("claim", "thesis", "argument", "missing")


def build(m: Map) -> Graph:
    """The whole graph of *m*: its own nodes, and the nodes of used maps its relations name.

    Read from the resolved map (:func:`argmap.resolve.resolve`): node keys
    are its keys, and a name that names nothing is drawn as a ``missing``
    node.  Nodes come in the order of the map, then those of other maps
    (and missing ones) in the order the map's arguments and relations
    first name them.
    """
    r = resolve(m)
    cases: dict[str, tuple[Case, Map]] = {}
    for home in (m, *m.imports.values()):  # the cases a diagram colours: the map's and those of the maps it uses
        for c in r.map_cases[r.number_of(home)]:
            cases.setdefault(r.case_keys[c], (r.cases[c], home))
    keys, ids, items, kinds, homes, case_of, case_keys, person_of, persons = (
        r.keys, r.ids, r.items, r.kinds, r.homes, r.case_of, r.case_keys, r.person_of, r.persons)
    nodes: dict[str, Node] = {}

    def key(i: int) -> str:
        k = keys[i]
        if k not in nodes:
            if i >= r.n_defined:
                nodes[k] = Node(k, "missing", ids[i], r.namespace_of(i))
            else:
                c, p = case_of[i], person_of[i]
                nodes[k] = Node(k, _KINDS[kinds[i]], ids[i], r.namespace_of(i), items[i], r.map(homes[i]),
                                case_keys[c] if c != NONE else None, person=persons[p] if p != NONE else None)
        return k

    for i in r.map_nodes[0]:
        key(i)
    edges: list[Edge] = []
    for i in r.map_arguments[0]:
        if items[r.arg_nodes[i]] is not r.arguments[i]:
            continue  # a second definition of the same id; the checker reports it
        junction = keys[r.arg_nodes[i]]
        for premise in r.arg_premises[i]:
            edges.append(Edge("premise", key(premise), junction))
        edges.append(Edge("rebuts" if r.arguments[i].attacks else "supports", junction, key(r.arg_conclusions[i])))
    relation_kinds, sources, targets, links = r.rel_kinds, r.rel_sources, r.rel_targets, r.link_sources
    for j in r.map_relations[0]:
        source = key(sources[j])
        kind = relation_kinds[j]
        if kind >= ON_LINK:
            link = (key(links[j]), key(targets[j]))
            edges.append(Edge(RELATION_NAMES[kind], source, link=link))
        else:
            edges.append(Edge(RELATION_NAMES[kind], source, key(targets[j])))
    return Graph(m, nodes, tuple(dict.fromkeys(edges)), cases)
