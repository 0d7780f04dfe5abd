"""A map's attack graph: supports flattened into attacks, built once from the resolved map.

Dung's frameworks know one relation, attack; a map has four.  The graph
(docs/evaluation.md gives the construction and its sources):

* every claim, thesis and argument is a node, numbered as
  :class:`~argmap.resolve.Resolved` numbers it (``0 .. n_nodes - 1``);
* ``a rebuts b`` is an attack a -> b, ``a contradicts b`` two attacks;
  ``u undercuts arg`` (or ``u rebuts arg``) an attack on the argument;
* each support ``a supports b`` is a **link node** ``a -> b``, numbered
  from ``n_nodes`` on: it is attacked by a "premise out" node that ``a``
  attacks (so the link falls with ``a``), by every undercut of the step,
  and by every node that attacks ``b`` without ``b`` attacking it back;
  and it attacks whatever ``b`` attacks (a supported attack, Cayrol &
  Lagasquie-Schiex 2005);
* a linked argument behaves like one link from all its premises together
  (a "premise out" node for each premise attacks it); a linked attack
  (``argument x: p + q rebuts c``) is such a node too, attacked the same
  way, which attacks ``c`` (it supports nothing).

"Premise out" nodes are numbered last, one per premise, in order of first
use.  The order of every successor list is fixed by the map's order, so the
labels and the reasons chosen for them never depend on anything else.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator, Sequence

import attrs

from argmap._gc import no_gc
from argmap.model import Claim, Map, Thesis
from argmap.resolve import CONTRADICTS, REBUTS, SUPPORTS, UNDERCUTS, UNDERCUTS_LINK, Resolved, memo, resolve

CLAIM, THESIS, ARGUMENT, LINK, PREMISE_OUT = range(5)
"""Node kinds; the first three are the codes :class:`~argmap.resolve.Resolved` uses."""

KIND_NAMES = ("claim", "thesis", "argument", "link", "premise-out")


@attrs.frozen(eq=False)
class AttackGraph:
    """The attack graph of a map and the maps it uses, on the integers.

    Nodes ``0 .. n_nodes - 1`` are the map's claims, theses and arguments
    (the numbers of :class:`~argmap.resolve.Resolved`), then come the
    support links (``links[i]`` is the ``(a, b)`` of node ``n_nodes + i``),
    then the "premise out" nodes (``premise_out[p]`` is premise *p*'s).
    ``succ`` holds every attack.  ``direct`` holds the attacks the map's
    relations make, attacker -> targets, and ``one_sided`` each supported
    node's attackers that it does not attack back.  ``arguments`` lists each
    linked argument as (node, premises, conclusion or None); ``supports``
    maps a node to the link and argument nodes that support it.

    ``relation`` gives the relation behind an attack (``rebuts``,
    ``contradicts``, ``undercuts``) for every pair but those where a claim
    or thesis rebuts: :meth:`how` reads it.  Leaving rebuttals out saves a
    table entry per rebuttal, the commonest relation.
    """

    resolved: Resolved
    n_nodes: int
    kinds: bytearray
    links: list[tuple[int, int]]
    premise_out: dict[int, int]
    arguments: list[tuple[int, list[int], int | None]]
    direct: dict[int, list[int]]
    one_sided: dict[int, list[int]]
    relation: dict[tuple[int, int], str]
    supports: dict[int, list[int]]
    succ: list[list[int]]

    def __repr__(self) -> str:
        return f"AttackGraph({len(self.succ)} nodes, {sum(map(len, self.succ))} attacks)"

    @property
    def n_public(self) -> int:
        """How many nodes a user can see: the map's nodes and the support links (not "premise out")."""
        return self.n_nodes + len(self.links)

    @functools.cached_property
    def link_number(self) -> dict[tuple[int, int], int]:
        """The link node of each support ``(a, b)``."""
        return dict(zip(self.links, itertools.count(self.n_nodes)))

    @functools.cached_property
    def names(self) -> Sequence[str]:
        """The name of every node but "premise out" ones: node names, then ``a -> b`` for links."""
        names = list(self.resolved.names[:self.n_nodes])
        return names + [f"{names[a]} -> {names[b]}" for a, b in self.links]

    def cites(self, node: int) -> bool:
        """Whether the claim or thesis *node* cites a footnote, itself or in a quotation."""
        return cites(self.resolved.items[node])

    @functools.cached_property
    def premise_of(self) -> dict[int, int]:
        """The premise each "premise out" node stands for."""
        return {po: p for p, po in self.premise_out.items()}

    def how(self, x: int, y: int) -> str:
        """The relation behind the attack x -> y that a relation of the map makes or carries over."""
        return self.relation.get((x, y), "rebuts")

    def relation_pairs(self) -> Iterator[tuple[int, int, str]]:
        """Every attack made by a relation, each pair once: (attacker, target, relation).

        The direct attacks first, then those on links and arguments carried
        over from a one-sided attack on their conclusion.
        """
        seen: set[tuple[int, int]] = set()
        for x, targets in self.direct.items():
            for y in targets:
                if (x, y) not in seen:
                    seen.add((x, y))
                    yield x, y, self.how(x, y)
        conclusions = [(name, b) for name, (_, b) in enumerate(self.links, self.n_nodes)]
        conclusions += [(arg, c) for arg, _, c in self.arguments if c is not None]
        for y, c in conclusions:
            for x in self.one_sided.get(c, ()):
                if (x, y) not in seen:
                    seen.add((x, y))
                    yield x, y, self.how(x, y)

    def support_edges(self) -> Iterator[tuple[int, int]]:
        """Every support as (reason, conclusion): the links, then each argument's premises."""
        yield from self.links
        for _, premises, c in self.arguments:
            if c is not None:
                for p in premises:
                    yield p, c

    def succ_without(self, how: str) -> list[list[int]]:
        """The successor lists without the attacks whose relation is *how* (``contradicts``, ``undercuts``)."""
        relation = self.relation
        if not any(v == how for v in relation.values()):
            return self.succ
        return [[y for y in targets if relation.get((x, y)) != how] for x, targets in enumerate(self.succ)]


def cites(node) -> bool:
    """Whether a claim or thesis cites a footnote: Claim.all_citations (or Thesis.citations) is not
    empty, without building the tuple."""
    return isinstance(node, (Claim, Thesis)) and bool(
        node.citations or (isinstance(node, Claim) and node.quotes and any(q.citations for q in node.quotes)))


def build(r: Resolved) -> AttackGraph:
    """The attack graph of a resolved map (see the module's description)."""
    n = r.n_defined
    items = r.items
    kinds = bytearray(r.kinds[:n])  # claim, thesis, argument: the same codes

    direct: dict[int, list[int]] = {}
    relation: dict[tuple[int, int], str] = {}
    support_pairs: list[tuple[int, int]] = []
    arguments: list[tuple[int, list[int], int | None]] = []
    link_owner: dict[tuple[int, int], list[int]] = {}  # (premise, conclusion) -> arguments

    def attack(a: int, b: int, how: str) -> None:
        """A direct attack by a relation other than a rebuttal by a claim or thesis (see AttackGraph.relation)."""
        targets = direct.setdefault(a, [])
        if (a, b) not in relation and (kinds[a] == ARGUMENT or b not in targets):
            relation[a, b] = how
        targets.append(b)

    for i, arg in enumerate(r.arguments):
        me = r.arg_nodes[i]
        if items[me] is not arg:
            continue  # a second definition of the id: the first stands (S212 reports it)
        premises = [p for p in r.arg_premises[i] if p < n]
        conclusion = r.arg_conclusions[i]
        if conclusion >= n:
            conclusion = None
        if arg.kind != "supports":  # a linked attack: the argument attacks what it names, and concludes nothing
            if conclusion is not None and arg.kind == "rebuts":
                direct.setdefault(me, []).append(conclusion)
                relation.setdefault((me, conclusion), "rebuts")
            conclusion = None
        arguments.append((me, premises, conclusion))
        if conclusion is not None:
            for p in premises:
                link_owner.setdefault((p, conclusion), []).append(me)

    direct_get = direct.get
    for kind, source, target in zip(r.rel_kinds, r.rel_sources, r.rel_targets):
        if source >= n or target >= n:
            continue  # a name that names nothing takes no part (S201, C110)
        if kind == REBUTS:
            targets = direct_get(source)
            if targets is None:
                direct[source] = [target]
            else:
                targets.append(target)
            if kinds[source] == ARGUMENT:
                relation.setdefault((source, target), "rebuts")
        elif kind == SUPPORTS:
            support_pairs.append((source, target))
        elif kind == CONTRADICTS:
            attack(source, target, "contradicts")
            attack(target, source, "contradicts")
        elif kind == UNDERCUTS and kinds[target] == ARGUMENT:
            attack(source, target, "undercuts")
        # `undercuts c` of a claim c names no inference (S205 reports it); a relation naming a link, below
    undercut_links = [(r.rel_sources[j], a, r.rel_targets[j]) for j, a in r.link_sources.items()
                      if r.rel_kinds[j] == UNDERCUTS_LINK and max(r.rel_sources[j], a, r.rel_targets[j]) < n]

    link_number = dict(zip(dict.fromkeys(support_pairs), itertools.count(n)))
    links = list(link_number)
    for source, a, b in undercut_links:
        name = link_number.get((a, b))
        if name is not None:
            attack(source, name, "undercuts")
        for arg in link_owner.get((a, b), ()):
            attack(source, arg, "undercuts")

    # the attackers of each supported node that it does not attack back; only supported
    # nodes (the conclusions of links and arguments) are asked for theirs
    supported = bytearray(n + len(links))
    for _, b in links:
        supported[b] = 1
    for _, _, conclusion in arguments:
        if conclusion is not None:
            supported[conclusion] = 1
    one_sided: dict[int, list[int]] = {}
    for x, targets in direct.items():
        for t in targets:
            if supported[t] and x not in direct_get(t, ()):
                one_sided.setdefault(t, []).append(x)

    # every attack, straight into successor lists
    succ: list[list[int]] = [[] for _ in range(n + len(links))]
    premise_out: dict[int, int] = {}
    supports: dict[int, list[int]] = {}
    inferences = [(name, (a,), b) for name, (a, b) in enumerate(links, n)]
    inferences += [(arg, premises, conclusion) for arg, premises, conclusion in arguments]
    for name, premises, conclusion in inferences:
        for p in premises:  # a "premise out" node attacks the link (argument) when p is out
            po = premise_out.get(p)
            if po is None:
                po = premise_out[p] = len(succ)
                succ.append([name])
            else:
                succ[po].append(name)
        if conclusion is None:
            continue
        supports.setdefault(conclusion, []).append(name)
        succ[name].extend(direct_get(conclusion, ()))  # supported attack
        for x in one_sided.get(conclusion, ()):  # a one-sided attack on the conclusion defeats the step
            succ[x].append(name)
            how = relation.get((x, conclusion))
            if how is not None or kinds[x] == ARGUMENT:
                _relate(relation, direct, kinds, x, name, how or "rebuts")
    for p, po in premise_out.items():
        succ[p].append(po)
    for a, targets in direct.items():
        succ[a].extend(targets)
    kinds.extend(bytes([LINK]) * len(links))
    kinds.extend(bytes([PREMISE_OUT]) * len(premise_out))
    return AttackGraph(r, n, kinds, links, premise_out, arguments, direct, one_sided, relation, supports, succ)


def _relate(relation: dict, direct: dict, kinds: bytearray, x: int, y: int, how: str) -> None:
    """``relation.setdefault((x, y), how)``, on a table that leaves out the pairs where a claim or
    thesis first attacks by rebuttal."""
    if (x, y) in relation:
        return
    if kinds[x] == ARGUMENT or y not in direct.get(x, ()):
        relation[x, y] = how


def _build(m: Map) -> AttackGraph:
    with no_gc():
        return build(resolve(m))


def attack_graph(m: Map) -> AttackGraph:
    """The attack graph of *m* and of the maps it uses, built once per map object (see docs/evaluation.md)."""
    return memo(m, "attack graph", _build)
