"""Queries for debate preparation: who supports or attacks what, and what decides a thesis.

Pure functions over a :class:`~argmap.model.Map` and the maps it uses.  Node
ids in results are strings as :mod:`argmap.evaluation.core` writes them: ``failed``
for a node of the map itself, ``togo2013.hikiwake`` for one of a used map,
``a -> b`` for the support link from ``a`` to ``b``.  Every query reads the
same graph as the evaluation (:func:`argmap.evaluation.core.attack_graph`), so what
a query calls an attack is what the labels count.

Relations, as the queries read them:

* ``supports``: a claim is a reason for another; the premises of a linked
  argument support its conclusion together (relation ``premise``, at the same
  distance as the argument itself).
* ``rebuts``, ``contradicts`` (both ways): an attack on a claim.
* ``undercuts``: an attack on the link from a reason to what it supports (or
  on a linked argument); it counts as an attack on what the link supports.

All traversals are iterative and visit each node and edge a bounded number
of times, so support cycles terminate.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Iterator

import attrs

from argmap.evaluation.core import AttackGraph, Label, attack_graph, grounded
from argmap.model import Argument, Case, Claim, Link, Map, Node, Ref

MAX_CHAINS = 100
"""Most chains :func:`chains_to_thesis` returns unless told otherwise."""

CHAIN_BUDGET = 20_000
"""Most partial chains :func:`chains_to_thesis` extends before it stops."""


# ------------------------------------------------------------ the graph ----


@attrs.frozen
class Reach:
    """A node reached by a query: its id, how many steps away, and its first step's relation."""

    id: str
    distance: int
    relation: str


@attrs.frozen
class Attack:
    """One attack: ``attacker`` rebuts, contradicts or undercuts ``target`` (a node or a link ``a -> b``)."""

    attacker: str
    relation: str
    target: str

    @property
    def attacked(self) -> str:
        """The node the attack bears on: the target, or what an undercut link supports."""
        return self.target.partition(" -> ")[2] or self.target


@attrs.frozen
class Chains:
    """The chains found from a claim up to a thesis, shortest first.

    Each chain is a tuple of steps ``(id, relation)``: ``relation`` is how the
    node bears on the next one (``supports``, ``premise``, ``rebuts``,
    ``contradicts``, ``undercuts``); the last step, the thesis, has ``None``.
    ``truncated`` is True when :data:`MAX_CHAINS` (or the limit given) or the
    work budget cut the search short: there may be more chains.
    """

    paths: tuple[tuple[tuple[str, str | None], ...], ...]
    truncated: bool = False

    def __iter__(self) -> Iterator[tuple[tuple[str, str | None], ...]]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, index):
        return self.paths[index]


@attrs.frozen
class Decider:
    """A claim whose label decides a thesis: flipping it would change the thesis's label."""

    id: str
    label: Label
    thesis_label: Label
    thesis_label_if_flipped: Label


@attrs.frozen(eq=False)
class _Graph:
    """The attack graph of a map, indexed for queries (built once per map)."""

    graph: AttackGraph
    maps: dict  # map id ('' for the map itself) -> Map
    supports_in: dict  # node -> [(source, relation)], in map order
    supports_out: dict  # node -> [(target, relation)]
    attacks_in: dict  # node or link -> [(attacker, relation)]
    attacks_out: dict  # node -> [(target, relation)]
    undercut_attacks: dict  # (attacker, target) -> the nodes that undercut that attack


_CACHE: dict[int, tuple[weakref.ref, _Graph]] = {}


def _graph(m: Map) -> _Graph:
    """The relations of *m* and the maps it uses, indexed both ways (built once per map object).

    Supports and attacks are read as the map writes them; the evaluation's
    graph adds derived attacks, which the queries leave to the labels.
    """
    hit = _CACHE.get(id(m))
    if hit is not None and hit[0]() is m:
        return hit[1]
    g = attack_graph(m)
    kind = g.kind
    maps = {"": m}
    todo = [m]
    while todo:
        for other in todo.pop().imports.values():
            if other.id not in maps and other is not m:
                maps[other.id] = other
                todo.append(other)
    supports_in: dict[str, list] = {}
    supports_out: dict[str, list] = {}
    attacks_in: dict[str, list] = {}
    attacks_out: dict[str, list] = {}
    undercut_attacks: dict[tuple[str, str], list[str]] = {}

    def add(table: dict, a: str, b: str, how: str) -> None:
        if (b, how) not in table.setdefault(a, []):
            table[a].append((b, how))

    def support(a: str, b: str, how: str = "supports") -> None:
        add(supports_in, b, a, how)
        add(supports_out, a, b, how)

    def attack(a: str, b: str, how: str) -> None:
        add(attacks_in, b, a, how)
        add(attacks_out, a, b, how)

    links: dict[tuple[str, str], list[str]] = {}  # (premise, conclusion) -> what an undercut of it hits
    undercuts: list[tuple[str, str, str]] = []
    for map_id, current in maps.items():
        for arg in current.arguments:
            akey = _key_in(m, map_id, Ref(arg.id))
            conclusion = _key_in(m, map_id, arg.conclusion)
            if current.nodes.get(arg.id) is not arg or conclusion not in kind:
                continue
            for premise in (_key_in(m, map_id, p) for p in arg.premises):
                if premise in kind:
                    support(premise, akey, "premise")
                    links.setdefault((premise, conclusion), []).append(akey)
            support(akey, conclusion)
        for rel in current.relations:
            source = _key_in(m, map_id, rel.source)
            if source not in kind:
                continue
            if isinstance(rel.target, Link):
                if rel.kind == "undercuts":
                    undercuts.append((source, _key_in(m, map_id, rel.target.source),
                                      _key_in(m, map_id, rel.target.target)))
                continue
            target = _key_in(m, map_id, rel.target)
            if target not in kind:
                continue
            if rel.kind == "supports":
                support(source, target)
                links.setdefault((source, target), []).insert(0, f"{source} -> {target}")
            elif rel.kind == "contradicts":
                attack(source, target, "contradicts")
                attack(target, source, "contradicts")
            elif rel.kind == "rebuts" or kind[target] == "argument":
                attack(source, target, rel.kind)
    for source, a, b in undercuts:
        for hit in links.get((a, b), ()):
            attack(source, hit, "undercuts")
        if (b, "rebuts") in attacks_out.get(a, ()) or (b, "contradicts") in attacks_out.get(a, ()):
            undercut_attacks.setdefault((a, b), []).append(source)
    result = _Graph(g, maps, supports_in, supports_out, attacks_in, attacks_out, undercut_attacks)
    _CACHE[id(m)] = (weakref.ref(m, _forget), result)
    return result


def _forget(ref: weakref.ref) -> None:
    """Drop the graph of a map that no longer exists."""
    cache = globals().get("_CACHE")  # None while the interpreter shuts down
    if cache:
        for key, (r, _) in list(cache.items()):
            if r is ref:
                del cache[key]


def _split(key: str) -> tuple[str, str]:
    head, dot, tail = key.partition(".")
    return (head, tail) if dot else ("", head)


def node(m: Map, key: str) -> Node | None:
    """The claim, thesis or argument a query id names (``x`` or ``mapid.x``)."""
    map_id, local = _split(key)
    owner = _graph(m).maps.get(map_id) if map_id != m.id else m
    return owner.nodes.get(local) if owner is not None else None


def owner_map(m: Map, key: str) -> Map:
    """The map a query id belongs to (for its footnotes and persons)."""
    map_id, _ = _split(key)
    return _graph(m).maps.get(map_id, m) if map_id != m.id else m


def _qualify(m: Map, key: str, ref: Ref) -> str:
    """The query id of *ref* written in the map that node *key* belongs to."""
    return _key_in(m, _split(key)[0], ref)


def _key_in(m: Map, map_id: str, ref: Ref) -> str:
    """The query id of *ref* written in the map *map_id* ('' for *m* itself)."""
    target_map = ref.map if ref.map is not None else map_id
    if target_map in ("", m.id):
        return ref.id
    return f"{target_map}.{ref.id}"


def case_of(m: Map, key: str) -> str | None:
    """The query id of the case node *key* belongs to, or None."""
    n = node(m, key)
    if isinstance(n, (Claim, Argument)) and n.case is not None:
        return _qualify(m, key, n.case)
    return None


def find_case(m: Map, case_id: str) -> Case | None:
    """The case a query id names (``brown`` or ``mapid.brown``)."""
    map_id, local = _split(case_id)
    owner = _graph(m).maps.get(map_id) if map_id != m.id else m
    return owner.case_table.get(local) if owner is not None else None


def thesis_of(m: Map, case_id: str) -> str | None:
    """The query id of the thesis *case_id* argues about, or None when it does not resolve."""
    case = find_case(m, case_id)
    if case is None:
        return None
    key = _qualify(m, case_id, case.thesis)
    return key if node(m, key) is not None else None


def case_nodes(m: Map, case_id: str) -> tuple[str, ...]:
    """The claims and arguments of *case_id*, in the order of the maps."""
    g = _graph(m)
    return tuple(k for k, kind in g.graph.kind.items() if kind in ("claim", "argument") and case_of(m, k) == case_id)


# --------------------------------------------------------------- queries ----


def _walk(start: str, step, depth: int | None) -> tuple[Reach, ...]:
    """Breadth-first from *start*; *step(node, distance)* yields (next, relation, 1)."""
    found: list[Reach] = []
    frontier = deque([(start, 0)])
    seen = {start}
    while frontier:
        current, dist = frontier.popleft()
        for nxt, relation, cost in step(current, dist):
            d = dist + cost
            if nxt in seen or (depth is not None and d > depth):
                continue
            seen.add(nxt)
            found.append(Reach(nxt, d, relation))
            frontier.append((nxt, d))
    return tuple(found)


def supporters(m: Map, claim: str, depth: int | None = None) -> tuple[Reach, ...]:
    """What supports *claim*, directly (distance 1) and through other supports.

    Linked arguments are listed with their premises at the same distance.
    *depth* stops the search that many supports away (None: no limit).
    """
    g = _graph(m)
    return _walk(claim, lambda n, _: _support_steps(g, n), depth)


def _support_steps(g: _Graph, n: str):
    """What supports *n*, one step away; a linked argument's premises right after it, at its distance."""
    for source, relation in g.supports_in.get(n, ()):
        if relation == "premise":
            continue  # listed with their argument
        yield source, relation, 1
        for premise, how in g.supports_in.get(source, ()):
            if how == "premise":
                yield premise, how, 1


def _direct_attackers(g: _Graph, n: str) -> list[tuple[str, str]]:
    found = list(g.attacks_in.get(n, ()))
    for s, how in g.supports_in.get(n, ()):  # undercuts of the links and arguments that support n
        hit = s if g.graph.kind.get(s) == "argument" else f"{s} -> {n}"
        found.extend((a, "undercuts") for a, how in g.attacks_in.get(hit, ()) if how == "undercuts")
    return found


def attackers(m: Map, claim: str, depth: int | None = None) -> tuple[Reach, ...]:
    """What attacks *claim*: directly (distance 1), and through what supports an attacker.

    A direct attacker rebuts or contradicts the claim, or undercuts a link
    (or linked argument) that supports it.  The supporters of an attacker
    attack the claim too, one step further each (a supported attack, as the
    evaluation counts it).  Attacks on the claim's own supporters are *not*
    attacks on the claim: ask :func:`attackers` about the supporter.
    """
    g = _graph(m)

    def step(n, dist):
        if n == claim:
            for a, how in _direct_attackers(g, n):
                yield a, how, 1
        else:
            yield from _support_steps(g, n)

    return _walk(claim, step, depth)


def _steps_out(g: _Graph, n: str) -> list[tuple[str, str]]:
    """Where a chain can go from *n*: what it supports and what it attacks."""
    out = list(g.supports_out.get(n, ()))
    for target, how in g.attacks_out.get(n, ()):
        target = target.partition(" -> ")[2] or target
        out.append((target, how))
    return out


def chains_to_thesis(m: Map, claim_id: str, thesis_id: str | None = None, *,
                     limit: int = MAX_CHAINS, budget: int = CHAIN_BUDGET) -> Chains:
    """The chains of support and attack from *claim_id* up to a thesis (any thesis when None).

    Chains are simple (no node twice) and found shortest first.  Only nodes
    from which a thesis can be reached are explored, and at most *budget*
    partial chains are extended, so the work is O(budget · out-degree) even
    where the number of chains grows exponentially; ``truncated`` says so.
    """
    g = _graph(m)
    kind = g.graph.kind
    targets = {thesis_id} if thesis_id is not None else {k for k, v in kind.items() if v == "thesis"}
    targets &= set(kind)
    # nodes that can reach a target, found backwards from the targets
    ins: dict[str, list[str]] = {}
    for n in kind:
        for target, _ in _steps_out(g, n):
            ins.setdefault(target, []).append(n)
    useful = set(targets)
    todo = list(targets)
    while todo:
        for prev in ins.get(todo.pop(), ()):
            if prev not in useful:
                useful.add(prev)
                todo.append(prev)
    if claim_id not in useful:
        return Chains(())
    found: list = []
    queue = deque([((claim_id,), ())])
    work = 0
    truncated = False
    while queue:
        if len(found) >= limit or work >= budget:
            truncated = True
            break
        nodes, relations = queue.popleft()
        work += 1
        last = nodes[-1]
        if last in targets and (len(nodes) > 1 or claim_id in targets):
            found.append(tuple(zip(nodes, relations + (None,))))
            continue
        for nxt, how in _steps_out(g, last):
            if nxt in useful and nxt not in nodes:
                queue.append((nodes + (nxt,), relations + (how,)))
    return Chains(tuple(found), truncated)


def unanswered_attacks(m: Map, case_id: str) -> tuple[Attack, ...]:
    """Attacks by other cases' claims on *case_id* that no claim of the case answers.

    An attack bears on the case when it targets one of its claims, a support
    link from one of them, or (for a case *for* its thesis) the thesis.  It is
    answered when a claim of the case rebuts, contradicts or undercuts the
    attacker, or undercuts the attack itself (``undercuts attacker -> target``).
    """
    return tuple(a for a, answers in attacks_on_case(m, case_id) if not answers)


def attacks_on_case(m: Map, case_id: str) -> tuple[tuple[Attack, tuple[Attack, ...]], ...]:
    """Every attack by others on *case_id*, each with the case's answers to it."""
    g = _graph(m)
    ours = set(case_nodes(m, case_id))
    case = find_case(m, case_id)
    thesis = thesis_of(m, case_id)
    targets = set(ours)
    if case is not None and case.stance == "for" and thesis is not None:
        targets.add(thesis)
    undercut_attacks = g.undercut_attacks
    result = []
    order = []
    for k in g.graph.kind:
        if k in targets:
            order.append(k)
        order += [f"{s} -> {k}" for s, how in g.supports_in.get(k, ()) if s in ours and how == "supports"]
    for target in order:
        for attacker, how in g.attacks_in.get(target, ()):
            if attacker in ours or g.graph.kind.get(attacker) not in ("claim", "argument"):
                continue
            attack = Attack(attacker, how, target)
            # the attacked claim contradicting back is a standoff, not an answer
            answers = [Attack(a, h, attacker) for a, h in g.attacks_in.get(attacker, ())
                       if a in ours and a != target]
            answers += [Attack(a, "undercuts", f"{attacker} -> {target}")
                        for a in undercut_attacks.get((attacker, target), ()) if a in ours]
            result.append((attack, tuple(answers)))
    return tuple(result)


def is_cited(m: Map, key: str) -> bool:
    """True when the node cites a footnote itself or through one of its quotations."""
    return key in _graph(m).graph.cited


def uncited_claims(m: Map, case_id: str) -> tuple[str, ...]:
    """The claims of *case_id* that cite nothing, neither themselves nor in a quotation.

    Concessions are left out: the case does not rest on them.
    """
    result = []
    for key in case_nodes(m, case_id):
        n = node(m, key)
        if isinstance(n, Claim) and not n.concession and not is_cited(m, key):
            result.append(key)
    return tuple(result)


def deciding_claims(m: Map, thesis_id: str) -> tuple[Decider, ...]:
    """The claims whose label decides the grounded label of *thesis_id*.

    Each claim that can reach the thesis along supports and attacks is
    flipped in turn: one that stands (IN) is removed, as if defeated; one that
    does not (OUT, UNDEC) loses every attack on it, as if it stood.  The
    claims whose flip changes the thesis's label are returned, in map order.
    Cost: one grounded labelling, O(nodes + attacks), per candidate.
    """
    g = _graph(m)
    kind = g.graph.kind
    if kind.get(thesis_id) is None:
        raise KeyError(f"no thesis {thesis_id!r} in map {m.id}")
    nodes, attacks = g.graph.nodes, g.graph.attacks
    base = grounded(nodes, attacks).labels
    before = base[thesis_id]
    todo = [thesis_id]
    reached = {thesis_id}
    backwards: dict[str, list[str]] = {}
    for a, b in attacks:
        backwards.setdefault(b, []).append(a)
    while todo:
        for prev in backwards.get(todo.pop(), ()):
            if prev not in reached:  # a premise reaches its link through "premise out"
                reached.add(prev)
                todo.append(prev)
    candidates = {n for n in reached if kind.get(n) == "claim"}
    result = []
    for n in nodes:
        if n not in candidates or n == thesis_id:
            continue
        if base[n] is Label.IN:
            kept = [(a, b) for a, b in attacks if a != n and b != n]
            labels = grounded([x for x in nodes if x != n], kept).labels
        else:
            labels = grounded(nodes, [(a, b) for a, b in attacks if b != n]).labels
        after = labels[thesis_id]
        if after is not before:
            result.append(Decider(n, base[n], before, after))
    return tuple(result)

