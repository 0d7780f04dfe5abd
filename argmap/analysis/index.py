"""The relations of a map as the queries read them, indexed both ways, built once per map.

Supports and attacks as the map writes them (the evaluation's graph adds
derived attacks, which the queries leave to the labels), on the numbers of
the evaluation's :class:`~argmap.evaluation.mapgraph.AttackGraph`: nodes
``0 .. n_nodes - 1``, then support links.  Each list is in the order the
maps are read, a map's arguments before its relations.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from argmap.evaluation.core import attack_graph
from argmap.evaluation.mapgraph import ARGUMENT, AttackGraph
from argmap.model import Map
from argmap.resolve import CONTRADICTS, ON_LINK, REBUTS, RELATION_NAMES, SUPPORTS, UNDERCUTS_LINK, Resolved, memo

Steps = dict[int, list[tuple[int, str]]]


@attrs.frozen(eq=False)
class Index:
    """Who supports and attacks what, directly: node -> [(other node, relation)], in map order.

    ``supports_in[b]`` lists what supports *b* (relation ``supports``, or
    ``premise`` for the premises of a linked argument *b*); ``attacks_in``
    what attacks a node or a support link (``rebuts``, ``contradicts``,
    ``undercuts``); ``supports_out`` and ``attacks_out`` the same from the
    other end.  ``undercut_attacks[(a, b)]`` lists the nodes that undercut
    the attack of *a* on *b* (``undercuts a -> b`` where a rebuts or
    contradicts b).
    """

    graph: AttackGraph
    supports_in: Steps
    supports_out: Steps
    attacks_in: Steps
    attacks_out: Steps
    undercut_attacks: dict[tuple[int, int], list[int]]

    @property
    def resolved(self) -> Resolved:
        return self.graph.resolved

    @property
    def names(self) -> Sequence[str]:
        """The name of every node and support link."""
        return self.graph.names

    @functools.cached_property
    def numbers(self) -> dict[str, int]:
        """Node or link number by name (a node also by its key)."""
        table = dict(self.resolved.index)
        table.update(zip(self.names[self.graph.n_nodes:], range(self.graph.n_nodes, self.graph.n_public)))
        return table

    def number(self, name: str) -> int | None:
        """The number of the node or link *name* names, or None."""
        return self.numbers.get(name)

    def link(self, a: int, b: int) -> int | None:
        """The link node of the support *a* -> *b*, or None when *a* does not support *b*."""
        return self.graph.link_number.get((a, b))


def index(m: Map) -> Index:
    """The query index of *m* (built once per map object)."""
    return memo(m, "query index", _build)


def _build(m: Map) -> Index:
    graph = attack_graph(m)
    r = graph.resolved
    n, items, kinds = r.n_defined, r.items, r.kinds
    supports_in: Steps = {}
    supports_out: Steps = {}
    attacks_in: Steps = {}
    attacks_out: Steps = {}
    seen: set[tuple[int, int, str, int]] = set()  # (from, to, relation, table): each step once

    def add(table: Steps, which: int, a: int, b: int, how: str) -> None:
        if (a, b, how, which) not in seen:
            seen.add((a, b, how, which))
            table.setdefault(a, []).append((b, how))

    def support(a: int, b: int, how: str = "supports") -> None:
        add(supports_in, 0, b, a, how)
        add(supports_out, 1, a, b, how)

    def attack(a: int, b: int, how: str) -> None:
        add(attacks_in, 2, b, a, how)
        add(attacks_out, 3, a, b, how)

    hits: dict[tuple[int, int], list[int]] = {}  # (premise, conclusion) -> what an undercut of it hits
    undercuts: list[tuple[int, int, int]] = []
    link_sources, link_number = r.link_sources, graph.link_number
    for arguments, relations in zip(r.map_arguments, r.map_relations):
        for i in arguments:
            me, conclusion = r.arg_nodes[i], r.arg_conclusions[i]
            if items[me] is not r.arguments[i] or conclusion >= n:
                continue
            attacks = r.arguments[i].attacks  # a linked attack: the argument rebuts its "conclusion"
            for premise in r.arg_premises[i]:
                if premise < n:
                    support(premise, me, "premise")
                    if not attacks:
                        hits.setdefault((premise, conclusion), []).append(me)
            if attacks:
                attack(me, conclusion, "rebuts")
            else:
                support(me, conclusion)
        for j in relations:
            source, target, kind = r.rel_sources[j], r.rel_targets[j], r.rel_kinds[j]
            if source >= n:
                continue
            if kind >= ON_LINK:
                if kind == UNDERCUTS_LINK:
                    undercuts.append((source, link_sources[j], target))
                continue
            if target >= n:
                continue
            if kind == SUPPORTS:
                support(source, target)
                hits.setdefault((source, target), []).insert(0, link_number[source, target])
            elif kind == CONTRADICTS:
                attack(source, target, "contradicts")
                attack(target, source, "contradicts")
            elif kind == REBUTS or kinds[target] == ARGUMENT:
                attack(source, target, RELATION_NAMES[kind])
    undercut_attacks: dict[tuple[int, int], list[int]] = {}
    for source, a, b in undercuts:
        for hit in hits.get((a, b), ()):
            attack(source, hit, "undercuts")
        if (a, b, "rebuts", 3) in seen or (a, b, "contradicts", 3) in seen:
            undercut_attacks.setdefault((a, b), []).append(source)
    return Index(graph, supports_in, supports_out, attacks_in, attacks_out, undercut_attacks)
