"""evaluate: which claims stand once every attack is counted.

Two layers, both pure functions:

* the plain-graph layer, :func:`grounded`, :func:`preferred` and
  :func:`stable`, over any hashable node ids and ``(attacker, target)``
  pairs (Dung 1995); usable without a map, e.g. for ICCMA files;
* the map layer, :func:`attack_graph` and :func:`evaluate`, which turns a
  :class:`~argmap.model.Map` into an attack graph (supports flattened into
  derived attacks through one node per support link) and labels it.

``docs/evaluation.md`` explains the construction and the semantics, with
references.  The map layer builds the graph numbered from the start
(:func:`_numbered`); :class:`AttackGraph`'s string-keyed fields are made
from it when first read.  Grounded labelling is linear in nodes + attacks and iterative;
preferred and stable enumerate, and refuse graphs with more than
:data:`ENUMERATION_LIMIT` nodes left undecided by the grounded labelling.
"""

from __future__ import annotations

import enum
import itertools
import functools
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Literal

import attrs

from argmap._gc import no_gc
from argmap.model import Claim, Link, Map, Ref, Thesis

ENUMERATION_LIMIT = 24
"""Most nodes left undecided by grounded that preferred/stable will enumerate."""

MAX_LABELLINGS = 4096
"""Most preferred or stable labellings returned before giving up."""

SEMANTICS = ("grounded", "preferred", "stable")


class Label(str, enum.Enum):
    """A node's status: accepted (IN), rejected (OUT) or undecided (UNDEC)."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"

    def __str__(self) -> str:
        return self.name


class EvaluationError(ValueError):
    """An evaluation that cannot be done: unknown semantics, a graph too large to enumerate."""


_UNDEC, _IN, _OUT = 0, 1, 2


_LABEL = (Label.UNDEC, Label.IN, Label.OUT)


# ---------------------------------------------------------- plain graphs ----


@attrs.frozen
class Labelling:
    """A labelling of a plain attack graph, with the IN attacker of every OUT node."""

    labels: Mapping[Hashable, Label]
    reasons: Mapping[Hashable, Hashable] = attrs.field(factory=dict)

    def extension(self) -> frozenset:
        """The IN nodes."""
        return frozenset(n for n, lab in self.labels.items() if lab is Label.IN)


@attrs.frozen
class _Indexed:
    """A graph on the integers 0..n-1: successors lists and in-degrees."""

    nodes: Sequence[Hashable]
    succ: list
    indegree: list


def _index(nodes: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]]) -> _Indexed:
    nodes = list(dict.fromkeys(nodes))
    index = {node: i for i, node in enumerate(nodes)}
    succ: list[list[int]] = [[] for _ in nodes]
    indegree = [0] * len(nodes)
    pair = None
    try:
        for pair in attacks:
            a, b = pair
            j = index[b]
            succ[index[a]].append(j)
            indegree[j] += 1
    except KeyError as exc:
        raise EvaluationError(f"the attack {pair[0]!r} -> {pair[1]!r} names a node that is not in the graph: {exc.args[0]!r}") from None
    return _Indexed(nodes, succ, indegree)


def _grounded_core(succ: list, indegree: list) -> tuple[bytearray, list]:
    """Grounded labelling on integer nodes: (labels, reason) in O(nodes + attacks).

    A node goes IN when its last live attacker goes OUT; every IN node puts
    all it attacks OUT.  Each attack is looked at a bounded number of times.
    """
    n = len(succ)
    lab = bytearray(n)
    reason = [-1] * n
    live = indegree[:]
    queue = [i for i in range(n) if not live[i]]
    for x in queue:  # the list grows while it is read: a FIFO queue without pops
        lab[x] = _IN
        for y in succ[x]:
            if not lab[y]:
                lab[y] = _OUT
                reason[y] = x
                for z in succ[y]:
                    live[z] -= 1
                    if not live[z] and not lab[z]:
                        queue.append(z)
    return lab, reason


def grounded(nodes: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]]) -> Labelling:
    """The grounded labelling of a plain attack graph (Dung 1995; Caminada 2006).

    >>> grounded("abc", [("a", "b"), ("b", "c")]).labels["c"]
    <Label.IN: 'in'>
    """
    with no_gc():
        g = _index(nodes, attacks)
        lab, reason = _grounded_core(g.succ, g.indegree)
        names = g.nodes
        labels = dict(zip(names, map(_LABEL.__getitem__, lab)))
        reasons = {names[i]: names[r] for i, r in enumerate(reason) if r >= 0}
    return Labelling(labels, reasons)


def grounded_extension(nodes: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]]) -> frozenset:
    """The IN nodes of the grounded labelling, without building label tables."""
    with no_gc():
        g = _index(nodes, attacks)
        lab, _ = _grounded_core(g.succ, g.indegree)
        names = g.nodes
        return frozenset(names[i] for i, v in enumerate(lab) if v == _IN)


def preferred(nodes: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]], *,
              limit: int = ENUMERATION_LIMIT) -> tuple[Labelling, ...]:
    """Every preferred labelling (maximal admissible sets), for small undecided parts."""
    g = _index(nodes, attacks)
    return tuple(_labelling_of(g, ext) for ext in _enumerate(g, "preferred", limit))


def stable(nodes: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]], *,
           limit: int = ENUMERATION_LIMIT) -> tuple[Labelling, ...]:
    """Every stable labelling (conflict-free sets attacking all else); may be empty."""
    g = _index(nodes, attacks)
    return tuple(_labelling_of(g, ext) for ext in _enumerate(g, "stable", limit))


def _labelling_of(g: _Indexed, extension: set[int]) -> Labelling:
    lab = bytearray(len(g.nodes))
    reason: dict[int, int] = {}
    for x in extension:
        lab[x] = _IN
    for x in sorted(extension):
        for y in g.succ[x]:
            if lab[y] != _OUT:
                lab[y] = _OUT
                reason[y] = x
    names = g.nodes
    return Labelling({names[i]: _LABEL[v] for i, v in enumerate(lab)},
                     {names[y]: names[x] for y, x in reason.items()})


def _enumerate(g: _Indexed, semantics: str, limit: int) -> list[set[int]]:
    """Preferred or stable extensions as sets of node numbers.

    Every complete extension contains the grounded one, and the extensions
    of the graph are the grounded extension joined with those of the part
    it leaves undecided (the reduct; Baumann, Brewka & Ulbricht 2020).  That
    part is split into weakly connected components, each enumerated on
    bitmasks, and the results combined.
    """
    lab, _ = _grounded_core(g.succ, g.indegree)
    base = {i for i, v in enumerate(lab) if v == _IN}
    undecided = [i for i, v in enumerate(lab) if v == _UNDEC]
    if len(undecided) > limit:
        raise EvaluationError(
            f"{semantics} semantics enumerates labellings, and this graph leaves {len(undecided)} nodes "
            f"undecided after grounded evaluation (the limit is {limit}); use grounded semantics, "
            f"or break some of the cycles of attacks")
    pos = {u: k for k, u in enumerate(undecided)}
    k = len(undecided)
    att = [0] * k  # attackers within the undecided part, as bitmasks
    tgt = [0] * k
    for u in undecided:
        for v in g.succ[u]:
            if v in pos:
                tgt[pos[u]] |= 1 << pos[v]
                att[pos[v]] |= 1 << pos[u]
    per_component = []
    for comp in _components(k, att, tgt):
        exts = _component_extensions(comp, att, tgt, semantics)
        if not exts:
            return []  # no stable extension anywhere
        per_component.append(exts)
    total = 1
    for exts in per_component:
        total *= len(exts)
    if total > MAX_LABELLINGS:
        raise EvaluationError(f"this graph has {total} {semantics} labellings, more than the {MAX_LABELLINGS} "
                              f"argmap lists; use grounded semantics")
    results = [0]
    for exts in per_component:
        results = [r | e for r in results for e in exts]
    return [base | {undecided[b] for b in range(k) if mask >> b & 1} for mask in sorted(results)]


def _components(k: int, att: list, tgt: list) -> list[list[int]]:
    seen = [False] * k
    comps = []
    for start in range(k):
        if seen[start]:
            continue
        seen[start] = True
        comp, stack = [], [start]
        while stack:
            x = stack.pop()
            comp.append(x)
            neighbours = att[x] | tgt[x]
            while neighbours:
                low = neighbours & -neighbours
                y = low.bit_length() - 1
                neighbours ^= low
                if not seen[y]:
                    seen[y] = True
                    stack.append(y)
        comps.append(sorted(comp))
    return comps


def _component_extensions(comp: list[int], att: list, tgt: list, semantics: str) -> list[int]:
    """Preferred (or stable) extensions of one component, as bitmasks."""
    admissible = []
    stack = [(0, 0, 0, 0)]  # next index, chosen set, what it attacks, what attacks it
    n = len(comp)
    while stack:
        i, chosen, attacked, attackers = stack.pop()
        if i == n:
            if attackers & ~attacked == 0:
                admissible.append(chosen)
            continue
        stack.append((i + 1, chosen, attacked, attackers))
        x = comp[i]
        bit = 1 << x
        if (tgt[x] | att[x]) & (chosen | bit):
            continue  # would be in conflict with the set, or with itself
        stack.append((i + 1, chosen | bit, attacked | tgt[x], attackers | att[x]))
    admissible.sort(key=lambda s: -s.bit_count())
    maximal: list[int] = []
    for s in admissible:
        if not any(s & m == s for m in maximal):
            maximal.append(s)
    if semantics == "stable":
        everything = 0
        for x in comp:
            everything |= 1 << x
        out = []
        for s in maximal:
            reach = s
            for x in comp:
                if s >> x & 1:
                    reach |= tgt[x]
            if reach & everything == everything:
                out.append(s)
        return out
    return maximal


# ------------------------------------------------------------------ maps ----

NodeKind = Literal["claim", "thesis", "argument", "link", "premise-out"]


class AttackGraph:
    """A map's attack graph: the nodes, the attacks, and what each one stands for.

    Node keys are ids (``failed``), ids in an imported map (``togo2013.x``),
    support links (``a -> b``) and, internally, "premise is out" nodes.
    ``relation`` names the relation kind behind each direct attack;
    ``supports`` lists, for each node, the link and argument nodes that
    support it.

    The evaluation works on the numbered graph behind it (node numbers,
    successor lists); the string-keyed fields are made from it the first
    time they are read.
    """

    _core: _Numbered | None = None

    def __init__(self, nodes: tuple[str, ...], attacks: tuple[tuple[str, str], ...], kind: Mapping[str, NodeKind],
                 relation: Mapping[tuple[str, str], str], supports: Mapping[str, tuple[str, ...]],
                 cited: frozenset[str], premise_of: Mapping[str, str],
                 support_edges: tuple[tuple[str, str], ...] = (), links: Mapping[str, tuple[str, str]] | None = None):
        # set in the instance: these shadow the lazy properties below
        self.__dict__.update(nodes=nodes, attacks=attacks, kind=kind, relation=relation, supports=supports,
                             cited=cited, premise_of=premise_of, support_edges=support_edges,
                             links={} if links is None else links)

    @classmethod
    def _of(cls, core: _Numbered) -> AttackGraph:
        graph = cls.__new__(cls)
        graph._core = core
        return graph

    def __repr__(self) -> str:
        return f"AttackGraph({len(self.nodes)} nodes, {len(self.attacks)} attacks)"

    @functools.cached_property
    def nodes(self) -> tuple[str, ...]:
        return tuple(self._core.all_names())

    @functools.cached_property
    def kind(self) -> Mapping[str, NodeKind]:
        kinds = _KINDS
        return dict(zip(self._core.all_names(), map(kinds.__getitem__, self._core.kinds)))

    @functools.cached_property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        names = self._core.all_names()
        return tuple((names[a], names[b]) for a, b in self._core.attack_pairs())

    @functools.cached_property
    def relation(self) -> Mapping[tuple[str, str], str]:
        names = self._core.all_names()
        return {(names[a], names[b]): how for (a, b), how in self._core.full_relation().items()}

    @functools.cached_property
    def supports(self) -> Mapping[str, tuple[str, ...]]:
        names = self._core.all_names()
        return {names[n]: tuple(names[s] for s in sup) for n, sup in self._core.supports.items()}

    @functools.cached_property
    def cited(self) -> frozenset[str]:
        return frozenset(self._core.cited)

    @functools.cached_property
    def premise_of(self) -> Mapping[str, str]:
        names = self._core.all_names()
        return {names[po]: names[p] for p, po in self._core.premise_out.items()}

    @functools.cached_property
    def support_edges(self) -> tuple[tuple[str, str], ...]:
        names, core = self._core.all_names(), self._core
        return tuple((names[a], names[b]) for a, b in core.links) + tuple(
            (names[p], names[c]) for _, premises, c in core.arguments if c is not None for p in premises)

    @functools.cached_property
    def links(self) -> Mapping[str, tuple[str, str]]:
        names, core = self._core.all_names(), self._core
        return {names[core.n_keys + i]: (names[a], names[b]) for i, (a, b) in enumerate(core.links)}


_KINDS: tuple[NodeKind, ...] = ("claim", "thesis", "argument", "link", "premise-out")
_CLAIM, _THESIS, _ARGUMENT, _LINK, _PREMISE_OUT = range(5)


@attrs.define(eq=False)
class _Numbered:
    """The attack graph on the integers: node keys first, then support links, then "premise out" nodes.

    Built straight from the model; the numbering, the order of every
    successor list and the relation table are those of the string-keyed
    graph, so the labels and reasons are the same.
    """

    keys: list  # node keys (claims, theses, arguments), numbered 0..n_keys-1
    kinds: bytearray  # per node: _CLAIM .. _PREMISE_OUT
    link_names: list  # "a -> b", numbered n_keys..
    links: list  # (a, b) per link
    premise_out: dict  # premise node -> its "premise out" node, in order of first use
    arguments: list  # (argument node, premise nodes, conclusion node or None)
    direct: dict  # attacker -> targets, the direct attacks
    one_sided: dict  # node -> attackers it does not attack back
    relation: dict
    """(attacker, target) -> relation kind, as in AttackGraph.relation but without the pairs
    whose kind is ``rebuts`` and whose attacker is not an argument: for those ``get(pair,
    "rebuts")`` is still right, and only an argument's attacks are ever asked whether they are
    in the table at all.  It saves a table entry per rebuttal."""
    calls: list  # the attacker of each direct attack, in the order they were made
    supports: dict  # node -> link and argument nodes supporting it
    cited: set  # node keys that cite something
    succ: list
    _names: list | None = None

    @property
    def n_keys(self) -> int:
        return len(self.keys)

    def all_names(self) -> list:
        if self._names is None:
            self._names = self.keys + self.link_names + ["\x00not " + self.keys[p] for p in self.premise_out]
        return self._names

    def full_relation(self) -> dict:
        """The relation table with every pair, in the order the string-keyed graph fills it."""
        full: dict[tuple[int, int], str] = {}
        sparse, direct = self.relation, self.direct
        cursor: dict[int, int] = {}
        for a in self.calls:
            k = cursor.get(a, 0)
            cursor[a] = k + 1
            pair = (a, direct[a][k])
            if pair not in full:
                full[pair] = sparse.get(pair, "rebuts")
        one_sided_get = self.one_sided.get
        n = self.n_keys
        for name, (_, b) in enumerate(self.links, n):
            for x in one_sided_get(b, ()):
                full.setdefault((x, name), full.get((x, b), "rebuts"))
        for arg, _, conclusion in self.arguments:
            if conclusion is not None:
                for x in one_sided_get(conclusion, ()):
                    full.setdefault((x, arg), full.get((x, conclusion), "rebuts"))
        return full

    def attack_pairs(self) -> list:
        """The attacks in the order the string-keyed graph lists them."""
        out = []
        add, direct_get, one_sided_get, premise_out = out.append, self.direct.get, self.one_sided.get, self.premise_out
        n = self.n_keys
        for i, (a, b) in enumerate(self.links):
            name = n + i
            add((premise_out[a], name))
            for t in direct_get(b, ()):
                add((name, t))
            for x in one_sided_get(b, ()):
                add((x, name))
        for arg, premises, conclusion in self.arguments:
            for p in premises:
                add((premise_out[p], arg))
            if conclusion is not None:
                for t in direct_get(conclusion, ()):
                    add((arg, t))
                for x in one_sided_get(conclusion, ()):
                    add((x, arg))
        for p, po in premise_out.items():
            add((p, po))
        for a, targets in self.direct.items():
            for t in targets:
                add((a, t))
        return out


def _not(key: str) -> str:
    return "\x00not " + key


def attack_graph(m: Map) -> AttackGraph:
    """The attack graph of *m* and of the maps it uses (see docs/evaluation.md)."""
    core = _numbered(m)
    if core is None:
        return _string_graph(m)
    return AttackGraph._of(core)


def _map_order(m: Map) -> list | None:
    """The maps taking part, with their key prefixes, in the order the graph numbers their nodes.

    The order in which :func:`_string_graph` meets them: depth first, each
    used map pushed when a relation or argument of the map being read first
    names one of its nodes.  None when a used map names a node of *m* itself
    (``m.id.x``, a key no node has): left to :func:`_string_graph`.
    """
    if not m.imports:
        return [(m, "")]
    order = []
    todo = [(m, "")]
    seen = {id(m)}
    back_to_m = False
    while todo:
        current, prefix = todo.pop()
        order.append((current, prefix))
        own_nodes, own_id, imports = current.nodes, current.id, current.imports

        def visit(ref: Ref) -> bool:
            if ref.map is None or ref.map == own_id:
                return ref.id in own_nodes
            other = imports.get(ref.map)
            if other is None or ref.id not in other.nodes:
                return False
            if other is m:
                nonlocal back_to_m
                back_to_m = True
            if id(other) not in seen:
                seen.add(id(other))
                todo.append((other, other.id + "."))
            return True

        for uses in current.uses:
            other = imports.get(uses.id)
            if other is not None and id(other) not in seen:
                seen.add(id(other))
                todo.append((other, other.id + "."))
        for arg in current.arguments:
            if own_nodes.get(arg.id) is not arg:
                continue
            for r in arg.premises:
                visit(r)
            visit(arg.conclusion)
        for rel in current.relations:
            if not visit(rel.source):
                continue
            ref = rel.target
            if isinstance(ref, Link):
                if rel.kind == "undercuts":
                    visit(ref.source)
                    visit(ref.target)
                continue
            visit(ref)
    return None if back_to_m else order


def _numbered(m: Map) -> _Numbered | None:
    """The attack graph of *m* on the integers, built from the model without string keys.

    None when a node key could be mistaken for a link or "premise out" name
    (it contains `` -> `` or a NUL): :func:`_string_graph` then builds the
    graph, merging such nodes as the string keys do.
    """
    order = _map_order(m)
    if order is None:
        return None
    index: dict[str, int] = {}
    kinds = bytearray()
    cited: set[str] = set()
    known: list[int] = []  # how many nodes are numbered once each map is read
    for current, prefix in order:
        own_nodes = current.nodes
        keys = list(own_nodes) if not prefix else [prefix + k for k in own_nodes]
        codes = bytearray(_CLAIM if isinstance(n, Claim) else _THESIS if isinstance(n, Thesis) else _ARGUMENT
                          for n in own_nodes.values())
        if not index.keys().isdisjoint(keys):
            return None  # a key met before: _string_graph merges the two nodes
        index.update(zip(keys, itertools.count(len(index))))
        kinds += codes
        known.append(len(index))
        cited.update(prefix + k for k, n in own_nodes.items()
                     if isinstance(n, (Claim, Thesis)) and (n.citations or (  # Claim.all_citations, without the tuple
                         isinstance(n, Claim) and n.quotes and any(q.citations for q in n.quotes))))
    keys = list(index)
    everything = "\n".join(keys)
    if " -> " in everything or "\x00" in everything:
        return None
    del everything
    n_keys = len(keys)

    direct: dict[int, list[int]] = {}
    relation: dict[tuple[int, int], str] = {}
    support_pairs: list[tuple[int, int]] = []
    arguments: list[tuple[int, list[int], int | None]] = []
    link_owner: dict[tuple[int, int], list[int]] = {}
    undercut_links: list[tuple[int, int, int]] = []

    calls: list[int] = []  # the attacker of each direct attack, in the order they are made

    def attack(a: int, b: int, how: str) -> None:
        """A direct attack other than a rebuttal (see _Numbered.relation)."""
        targets = direct.setdefault(a, [])
        if (a, b) not in relation and (kinds[a] == _ARGUMENT or b not in targets):
            relation[a, b] = how
        targets.append(b)
        calls.append(a)

    for (current, prefix), seen in zip(order, known):
        own_nodes, own_id, imports = current.nodes, current.id, current.imports
        local = index if len(order) == 1 else {k: index[prefix + k] for k in own_nodes}
        local_get = local.get

        def key(ref: Ref) -> int | None:
            """The node *ref* names (None: dangling, reported by S201/C110)."""
            if ref.map is None or ref.map == own_id:
                return local_get(ref.id)
            other = imports.get(ref.map)
            if other is None or ref.id not in other.nodes:
                return None
            return index[f"{other.id}.{ref.id}"]

        for arg in current.arguments:
            if own_nodes.get(arg.id) is not arg:
                continue  # a duplicate id: the first definition stands (S211 reports it)
            premises = [p for p in (key(r) for r in arg.premises) if p is not None]
            conclusion = key(arg.conclusion)
            me = local[arg.id]
            arguments.append((me, premises, conclusion))
            if conclusion is not None:
                for p in premises:
                    link_owner.setdefault((p, conclusion), []).append(me)
        for rel in current.relations:
            ref = rel.source  # key(ref), inlined for the commonest case: a name of this map
            source = local_get(ref.id) if ref.map is None or ref.map == own_id else key(ref)
            if source is None:
                continue
            ref = rel.target
            if isinstance(ref, Link):
                if rel.kind == "undercuts":
                    a, b = key(ref.source), key(ref.target)
                    if a is not None and b is not None:
                        undercut_links.append((source, a, b))
                continue
            target = local_get(ref.id) if ref.map is None or ref.map == own_id else key(ref)
            if target is None:
                continue
            kind = rel.kind
            if kind == "supports":
                support_pairs.append((source, target))
            elif kind == "rebuts":
                direct.setdefault(source, []).append(target)  # attack(), inlined
                calls.append(source)
                if kinds[source] == _ARGUMENT:
                    relation.setdefault((source, target), "rebuts")
            elif kind == "contradicts":
                attack(source, target, "contradicts")
                attack(target, source, "contradicts")
            elif kind == "undercuts" and target < seen and kinds[target] == _ARGUMENT:  # a node of a map
                # not read yet has no kind in _string_graph at this point
                attack(source, target, "undercuts")

    link_number = dict(zip(dict.fromkeys(support_pairs), itertools.count(n_keys)))
    links = list(link_number)
    for source, a, b in undercut_links:
        name = link_number.get((a, b))
        if name is not None:
            attack(source, name, "undercuts")
        for arg in link_owner.get((a, b), ()):
            attack(source, arg, "undercuts")

    # the attackers of each supported node that it does not attack back; only supported
    # nodes (the conclusions of links and arguments) are asked for theirs
    supported = bytearray(n_keys + len(links))
    for _, b in links:
        supported[b] = 1
    for _, _, conclusion in arguments:
        if conclusion is not None:
            supported[conclusion] = 1
    one_sided: dict[int, list[int]] = {}
    direct_get = direct.get
    for x, targets in direct.items():
        for t in targets:
            if supported[t] and x not in direct_get(t, ()):
                one_sided.setdefault(t, []).append(x)

    # the attacks, straight into successor lists, in the order of _string_graph
    succ: list[list[int]] = [[] for _ in range(n_keys + len(links))]
    premise_out: dict[int, int] = {}
    supports: dict[int, list[int]] = {}
    direct_get, one_sided_get, relation_get = direct.get, one_sided.get, relation.get
    for name, (a, b) in enumerate(links, n_keys):
        supports.setdefault(b, []).append(name)
        po = premise_out.get(a)
        if po is None:
            po = premise_out[a] = len(succ)
            succ.append([name])
        else:
            succ[po].append(name)
        targets = direct_get(b)
        if targets is not None:
            succ[name].extend(targets)
        xs = one_sided_get(b)
        if xs is not None:
            for x in xs:
                succ[x].append(name)
                how = relation_get((x, b))
                if how is not None or kinds[x] == _ARGUMENT:
                    _relate(relation, direct, kinds, x, name, how or "rebuts")
    for arg, premises, conclusion in arguments:
        for p in premises:
            po = premise_out.get(p)
            if po is None:
                po = premise_out[p] = len(succ)
                succ.append([arg])
            else:
                succ[po].append(arg)
        if conclusion is not None:
            supports.setdefault(conclusion, []).append(arg)
            succ[arg].extend(direct_get(conclusion, ()))
            for x in one_sided_get(conclusion, ()):
                succ[x].append(arg)
                how = relation_get((x, conclusion))
                if how is not None or kinds[x] == _ARGUMENT:
                    _relate(relation, direct, kinds, x, arg, how or "rebuts")
    for p, po in premise_out.items():
        succ[p].append(po)
    for a, targets in direct.items():
        succ[a].extend(targets)
    kinds.extend(bytes([_LINK]) * len(links))
    kinds.extend(bytes([_PREMISE_OUT]) * len(premise_out))
    link_names = [f"{keys[a]} -> {keys[b]}" for a, b in links]
    return _Numbered(keys, kinds, link_names, links, premise_out, arguments, direct, one_sided, relation,
                     calls, supports, cited, succ)


def _relate(relation: dict, direct: dict, kinds: bytearray, x: int, y: int, how: str) -> None:
    """relation.setdefault((x, y), how) on the table of _Numbered.relation, which leaves out
    the pairs an attacker other than an argument first attacks by rebuttal."""
    if (x, y) in relation:
        return
    if kinds[x] == _ARGUMENT or y not in direct.get(x, ()):
        relation[x, y] = how


def _string_graph(m: Map) -> AttackGraph:
    """The attack graph of *m* built on string keys: the general construction, for maps whose
    ids could be mistaken for link names."""
    kind: dict[str, NodeKind] = {}
    cited: set[str] = set()
    direct: dict[str, list[str]] = {}
    relation: dict[tuple[str, str], str] = {}
    support_pairs: list[tuple[str, str]] = []
    arguments: list[tuple[str, list[str], str | None]] = []
    link_owner: dict[tuple[str, str], list[str]] = {}  # (premise, conclusion) -> argument keys
    undercut_links: list[tuple[str, str, str]] = []

    def attack(a: str, b: str, how: str) -> None:
        direct.setdefault(a, []).append(b)
        relation.setdefault((a, b), how)

    todo = [(m, "")]
    seen_maps = {id(m)}
    while todo:
        current, prefix = todo.pop()
        own_nodes, own_id, imports = current.nodes, current.id, current.imports  # look-ups hoisted: hot loop

        def key(ref: Ref) -> str | None:
            """The node key *ref* names (None: dangling, reported by S201/C110)."""
            if ref.map is None or ref.map == own_id:
                return prefix + ref.id if ref.id in own_nodes else None
            other = imports.get(ref.map)
            if other is None or ref.id not in other.nodes:
                return None
            if id(other) not in seen_maps:
                seen_maps.add(id(other))
                todo.append((other, other.id + "."))
            return f"{other.id}.{ref.id}"

        # one pass in C per table rather than a Python loop: this runs once per node
        kind.update({prefix + k: "claim" if isinstance(n, Claim) else "thesis" if isinstance(n, Thesis) else "argument"
                     for k, n in own_nodes.items()})
        cited.update(prefix + k for k, n in own_nodes.items()
                     if isinstance(n, (Claim, Thesis)) and (n.citations or (  # Claim.all_citations, without the tuple
                         isinstance(n, Claim) and n.quotes and any(q.citations for q in n.quotes))))
        for uses in current.uses:  # every map used takes part, referenced or not
            other = current.imports.get(uses.id)
            if other is not None and id(other) not in seen_maps:
                seen_maps.add(id(other))
                todo.append((other, other.id + "."))
        for arg in current.arguments:
            if own_nodes.get(arg.id) is not arg:
                continue  # a duplicate id: the first definition stands (S211 reports it)
            premises = [p for p in (key(r) for r in arg.premises) if p is not None]
            conclusion = key(arg.conclusion)
            arguments.append((prefix + arg.id, premises, conclusion))
            if conclusion is not None:
                for p in premises:
                    link_owner.setdefault((p, conclusion), []).append(prefix + arg.id)
        for rel in current.relations:
            ref = rel.source  # key(ref), inlined for the commonest case: a name of this map
            if ref.map is None or ref.map == own_id:
                source = prefix + ref.id if ref.id in own_nodes else None
            else:
                source = key(ref)
            if source is None:
                continue
            ref = rel.target
            if isinstance(ref, Link):
                if rel.kind == "undercuts":
                    a, b = key(ref.source), key(ref.target)
                    if a is not None and b is not None:
                        undercut_links.append((source, a, b))
                continue
            if ref.map is None or ref.map == own_id:
                target = prefix + ref.id if ref.id in own_nodes else None
            else:
                target = key(ref)
            if target is None:
                continue
            if rel.kind == "supports":
                support_pairs.append((source, target))
            elif rel.kind == "rebuts":
                attack(source, target, "rebuts")
            elif rel.kind == "contradicts":
                attack(source, target, "contradicts")
                attack(target, source, "contradicts")
            elif rel.kind == "undercuts" and kind.get(target) == "argument":
                attack(source, target, "undercuts")
            # `undercuts c` of a claim c names no inference: S205 reports it

    links: dict[str, tuple[str, str]] = {}
    for a, b in support_pairs:
        links.setdefault(f"{a} -> {b}", (a, b))
    for source, a, b in undercut_links:
        name = f"{a} -> {b}"
        if name in links:
            attack(source, name, "undercuts")
        for arg_key in link_owner.get((a, b), ()):
            attack(source, arg_key, "undercuts")

    attacks: list[tuple[str, str]] = []
    premise_of: dict[str, str] = {}
    supports: dict[str, list[str]] = {}
    # A support link stands when its premise stands and nothing undercuts it
    # (premise -> not-premise -> link), and then attacks what the supported
    # node attacks (supported attack, Cayrol & Lagasquie-Schiex 2005).
    # It falls, too, with its conclusion when that is attacked by a node the
    # conclusion does not attack back (a one-sided rebuttal defeats the
    # inference as well, as in ASPIC+); in a two-sided conflict it is what
    # tips the balance.
    one_sided: dict[str, list[str]] = {}
    for x, targets in direct.items():
        for t in targets:
            if x not in direct.get(t, ()):
                one_sided.setdefault(t, []).append(x)

    def step(name: str, conclusion: str) -> None:
        for t in direct.get(conclusion, ()):
            attacks.append((name, t))
        for x in one_sided.get(conclusion, ()):
            attacks.append((x, name))
            relation.setdefault((x, name), relation.get((x, conclusion), "rebuts"))

    add, direct_get, one_sided_get = attacks.append, direct.get, one_sided.get  # the hot loop: one per support
    kind.update(dict.fromkeys(links, "link"))
    for name, (a, b) in links.items():
        supports.setdefault(b, []).append(name)
        not_a = "\x00not " + a  # _not(a)
        premise_of[not_a] = a
        add((not_a, name))
        for t in direct_get(b, ()):  # step(name, b), inlined
            add((name, t))
        for x in one_sided_get(b, ()):
            add((x, name))
            relation.setdefault((x, name), relation.get((x, b), "rebuts"))
    for arg_key, premises, conclusion in arguments:
        for p in premises:
            premise_of[_not(p)] = p
            attacks.append((_not(p), arg_key))
        if conclusion is not None:
            supports.setdefault(conclusion, []).append(arg_key)
            step(arg_key, conclusion)
    for p in premise_of:
        kind[p] = "premise-out"
        attacks.append((premise_of[p], p))
    for a, targets in direct.items():
        for t in targets:
            attacks.append((a, t))
    support_edges = tuple(links.values()) + tuple(
        (p, conclusion) for _, premises, conclusion in arguments if conclusion is not None for p in premises)
    return AttackGraph(tuple(kind), tuple(attacks), kind, relation,
                       {k: tuple(v) for k, v in supports.items()}, frozenset(cited), premise_of, support_edges, links)


@attrs.frozen
class Reason:
    """Why a node is OUT (the IN node that defeats it) or UNDEC (an undecided attacker).

    ``how`` is the relation kind of a direct attack (``rebuts``,
    ``undercuts``, ``contradicts``), ``supports`` when ``by`` is a support
    link ``a -> b`` (or an argument) whose conclusion attacks the node, or
    ``premise`` when the node is a link or argument and its premise ``by``
    is OUT (or undecided).  ``undecided`` is True for the reason of an
    UNDEC node.
    """

    by: str
    how: str
    undecided: bool = False

    def __str__(self) -> str:
        tail = ", which is undecided" if self.undecided else ""
        if self.how == "premise":
            return f"its premise {self.by} is {'undecided' if self.undecided else 'out'}"
        if self.how == "supports":
            source, arrow, target = self.by.partition(" -> ")
            if not arrow:
                return f"argument {self.by} concludes what attacks it{tail}"
            return f"{source} supports {target}, which attacks it{tail}"
        verb = {"rebuts": "rebutted", "undercuts": "undercut", "contradicts": "contradicted"}.get(self.how, self.how)
        return f"{verb} by {self.by}{tail}"


@attrs.frozen
class Evaluation:
    """The labels of a map's claims, theses and arguments under one semantics.

    ``labels`` maps every node id (``togo2013.x`` for nodes of used maps) to
    its label; for preferred and stable it is the sceptical view (IN or OUT
    when every labelling agrees, else UNDEC) and ``labellings`` holds each
    labelling.  ``reasons`` says why each OUT node is out; ``links`` labels
    the support links ``a -> b``; ``weakened`` lists claims that are not OUT
    but whose every support is OUT while they cite nothing themselves.
    """

    semantics: str
    labels: Mapping[str, Label]
    reasons: Mapping[str, Reason] = attrs.field(factory=dict)
    weakened: frozenset[str] = frozenset()
    links: Mapping[str, Label] = attrs.field(factory=dict)
    labellings: tuple[Mapping[str, Label], ...] = ()

    def __getitem__(self, id: str) -> Label:
        return self.labels[id]

    def ids(self, label: Label) -> tuple[str, ...]:
        """The ids labelled *label*, in the map's order."""
        return tuple(k for k, v in self.labels.items() if v is label)


def evaluate(m: Map, semantics: str = "grounded", *, limit: int = ENUMERATION_LIMIT) -> Evaluation:
    """Label every claim, thesis and argument of *m* (and of the maps it uses).

    ``semantics`` is ``grounded`` (one labelling, linear time), ``preferred``
    or ``stable`` (every labelling; EvaluationError when more than *limit*
    nodes are left undecided by grounded).
    """
    if semantics not in SEMANTICS:
        raise EvaluationError(f"unknown semantics {semantics!r}: use {', '.join(SEMANTICS)}")
    with no_gc():
        return _evaluate(m, semantics, limit)


def _evaluate(m: Map, semantics: str, limit: int) -> Evaluation:
    graph = m.attack_graph
    core = graph._core
    if semantics == "grounded" and core is not None:
        return _grounded_numbered(core)
    g = _index(graph.nodes, graph.attacks)
    names = g.nodes
    if semantics == "grounded":
        lab, reason = _grounded_core(g.succ, g.indegree)
        labellings: tuple = ()
        reason_of = {i: r for i, r in enumerate(reason) if r >= 0}
        for x, targets in enumerate(g.succ):  # an undecided attacker for each undecided node
            if lab[x] == _UNDEC:
                for y in targets:
                    if lab[y] == _UNDEC and y not in reason_of:
                        reason_of[y] = x
    else:
        exts = _enumerate(g, semantics, limit)
        all_labs = []
        for ext in exts:
            one = _labelling_of(g, ext)
            all_labs.append([_code(one.labels[n]) for n in names])
        labellings = tuple(all_labs)
        lab = bytearray(len(names))
        reason_of = {}
        if all_labs:
            for i in range(len(names)):
                first = all_labs[0][i]
                if all(la[i] == first for la in all_labs):
                    lab[i] = first
        in_everywhere = {i for i in range(len(names)) if lab[i] == _IN}
        attackers: dict[int, list[int]] = {}
        for x, targets in enumerate(g.succ):
            for y in targets:
                if lab[y] == _OUT:
                    attackers.setdefault(y, []).append(x)
        for y, xs in attackers.items():
            good = [x for x in xs if x in in_everywhere]
            reason_of[y] = good[0] if good else next(
                (x for x in xs if all_labs[0][x] == _IN), xs[0])
    public = {"claim", "thesis", "argument"}
    labels = {n: _LABEL[lab[i]] for i, n in enumerate(names) if graph.kind[n] in public}
    links = {n: _LABEL[lab[i]] for i, n in enumerate(names) if graph.kind[n] == "link"}
    reasons = {}
    for y, x in reason_of.items():
        target, attacker = names[y], names[x]
        if graph.kind[target] not in public and graph.kind[target] != "link":
            continue
        undecided = lab[y] == _UNDEC
        if graph.kind[attacker] == "premise-out":
            reasons[target] = Reason(graph.premise_of[attacker], "premise", undecided)
        elif graph.kind[attacker] in ("link", "argument") and (attacker, target) not in graph.relation:
            reasons[target] = Reason(attacker, "supports", undecided)
        else:
            reasons[target] = Reason(attacker, graph.relation.get((attacker, target), "rebuts"), undecided)
    label_of = dict(zip(names, lab))
    weakened = frozenset(
        n for n, sup in graph.supports.items()
        if graph.kind.get(n) in ("claim", "thesis") and n not in graph.cited
        and label_of[n] != _OUT and all(label_of[s] == _OUT for s in sup))
    public_labellings = tuple(
        {n: _LABEL[one[i]] for i, n in enumerate(names) if graph.kind[n] in public} for one in labellings)
    return Evaluation(semantics, labels, reasons, weakened, links, public_labellings)


def _grounded_numbered(core: _Numbered) -> Evaluation:
    """Grounded evaluation on the numbered graph: what :func:`_evaluate` does on the string keys."""
    succ = core.succ
    indegree = [0] * len(succ)
    for targets in succ:
        for y in targets:
            indegree[y] += 1
    lab, reason = _grounded_core(succ, indegree)
    del indegree
    keys, link_names, kinds, n_keys = core.keys, core.link_names, core.kinds, len(core.keys)
    n_public = n_keys + len(link_names)  # nodes numbered from here on are "premise out" nodes
    label_of = _LABEL.__getitem__
    labels = dict(zip(keys, map(label_of, lab[:n_keys])))
    links = dict(zip(link_names, map(label_of, lab[n_keys:n_public])))
    premise_of = {po: p for p, po in core.premise_out.items()}
    relation = core.relation
    names = keys + link_names
    reasons = {}

    def add(y: int, x: int, undecided: bool) -> None:
        if x >= n_public:
            reasons[names[y]] = Reason(keys[premise_of[x]], "premise", undecided)
        elif (x >= n_keys or kinds[x] == _ARGUMENT) and (x, y) not in relation:
            reasons[names[y]] = Reason(names[x], "supports", undecided)
        else:
            reasons[names[y]] = Reason(names[x], relation.get((x, y), "rebuts"), undecided)

    # the OUT nodes, in order, with the IN attacker that put them out
    if relation:
        for y in range(n_public):
            x = reason[y]
            if x >= 0:
                add(y, x, False)
    else:  # no relation but rebuttals: the commonest case, inlined
        for y in range(n_public):
            x = reason[y]
            if x >= 0:
                if x >= n_keys or kinds[x] == _ARGUMENT:
                    add(y, x, False)
                else:
                    reasons[names[y]] = Reason(keys[x], "rebuts", False)
    # then an undecided attacker for each undecided node, in the order _evaluate finds them
    undecided_reason: dict[int, int] = {}
    x = lab.find(_UNDEC)
    while x >= 0:
        for y in succ[x]:
            if lab[y] == _UNDEC and y not in undecided_reason:
                undecided_reason[y] = x
        x = lab.find(_UNDEC, x + 1)
    for y, x in undecided_reason.items():
        if y < n_public:
            add(y, x, True)
    cited = core.cited
    weakened = frozenset(
        keys[c] for c, sup in core.supports.items()
        if kinds[c] <= _THESIS and keys[c] not in cited
        and lab[c] != _OUT and all(lab[s] == _OUT for s in sup))
    return Evaluation("grounded", labels, reasons, weakened, links, ())


def _code(label: Label) -> int:
    return {Label.UNDEC: _UNDEC, Label.IN: _IN, Label.OUT: _OUT}[label]
