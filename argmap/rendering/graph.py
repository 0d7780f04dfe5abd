"""The diagram's graph: what is drawn, before any drawing is decided.

:func:`build` reads a :class:`~argmap.model.Map` into nodes (theses,
claims, linked arguments, claims of other maps that this one answers) and
edges (the relations, and the premises of linked arguments).  Views
(:mod:`argmap.rendering.views`) cut this graph down; :mod:`argmap.rendering.dot`
draws it.  Every node has a key ``mapid.id``, so claims of different maps
never collide.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

from argmap.model import Argument, Case, Claim, Link, Map, Ref, Thesis

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


def key_of(map_id: str, id: str) -> str:
    return f"{map_id}.{id}"


def build(m: Map) -> Graph:
    """The whole graph of *m*: its own nodes, and the nodes of used maps its relations name."""
    nodes: dict[str, Node] = {}
    cases: dict[str, tuple[Case, Map]] = {}
    for home in (m, *m.imports.values()):
        for case in home.cases:
            cases.setdefault(key_of(home.id, case.id), (case, home))
    root_id = m.id  # a property: read once
    case_keys: dict[tuple, str | None] = {}  # (map, case ref) -> case key: a few cases, many claims

    def case_key(home: Map, home_id: str, ref: Ref | None) -> str | None:
        if ref is None:
            return None
        memo = (id(home), ref.map, ref.id)
        if memo in case_keys:
            return case_keys[memo]
        case = home.resolve_case(ref)
        found = None if case is None else key_of(ref.map if ref.map and ref.map != home_id else home_id, case.id)
        case_keys[memo] = found
        return found

    def add(home: Map, item, home_id: str | None = None) -> str:
        if home_id is None:
            home_id = home.id
        key = f"{home_id}.{item.id}"
        if key not in nodes:
            kind = "thesis" if isinstance(item, Thesis) else "argument" if isinstance(item, Argument) else "claim"
            nodes[key] = Node(key, kind, item.id, home_id, item, home, case_key(home, home_id, getattr(item, "case", None)))
        return key

    def ref_key(ref: Ref) -> str:
        map_id = ref.map
        if not map_id or map_id == root_id:
            # In this map, the key is the same whether the item exists (added as itself) or not (missing).
            key = f"{root_id}.{ref.id}"
            if key in nodes:
                return key
            map_id = root_id
        home = m if map_id == root_id else m.imports.get(map_id)
        item = home.nodes.get(ref.id) if home is not None else None
        if item is None:
            key = key_of(map_id, ref.id)
            nodes.setdefault(key, Node(key, "missing", ref.id, map_id))
            return key
        return add(home, item, root_id if home is m else None)

    for group in (m.theses, m.claims, m.arguments):
        for item in group:
            add(m, item, root_id)
    edges: list[Edge] = []
    for argument in m.arguments:
        junction = key_of(root_id, argument.id)
        if nodes[junction].item is not argument:
            continue  # a second definition of the same id; the checker reports it
        for premise in argument.premises:
            edges.append(Edge("premise", ref_key(premise), junction))
        edges.append(Edge("supports", junction, ref_key(argument.conclusion)))
    for relation in m.relations:
        source = ref_key(relation.source)
        target = relation.target
        if isinstance(target, Link):
            link = (ref_key(target.source), ref_key(target.target))
            edges.append(Edge(relation.kind, source, link=link))
        else:
            edges.append(Edge(relation.kind, source, ref_key(target)))
    return Graph(m, nodes, tuple(dict.fromkeys(edges)), cases)
