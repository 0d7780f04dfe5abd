"""Queries for debate preparation: who supports or attacks what, and what decides a thesis.

Pure functions over a :class:`~argmap.model.Map` and the maps it uses.  Node
ids in results are names as :mod:`argmap.resolve` writes them: ``failed``
for a node of the map itself, ``togo2013.hikiwake`` for one of a used map,
``a -> b`` for the support link from ``a`` to ``b``.  Every query reads the
map resolved once and the same graph as the evaluation
(:func:`argmap.evaluation.core.attack_graph`), so what a query calls an
attack is what the labels count.

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

from collections import deque
from collections.abc import Iterator

import attrs

from argmap.analysis.index import Index, index
from argmap.analysis.nodes import (  # the queries about single nodes are queries too
    case_members,
    attacks_out,
    case_nodes,
    case_of,
    find_case,
    is_cited,
    node,
    node_ids,
    owner_map,
    person_of,
    supports_in,
    supports_out,
    thesis_of,
)
from argmap.evaluation import deciding
from argmap.evaluation.deciding import Decider, Source
from argmap.evaluation.mapgraph import ARGUMENT, CLAIM, THESIS
from argmap.model import Claim, Map

__all__ = [
    "CHAIN_BUDGET", "MAX_CHAINS", "Attack", "Chains", "Decider", "Reach", "attackers", "attacks_on_case", "attacks_out",
    "attacks_in", "case_nodes", "case_of", "chains_to_thesis", "deciding_claims", "deciding_sources", "Source", "find_case", "is_cited", "node", "node_ids",
    "owner_map", "person_of", "supporters", "supports_in", "supports_out", "thesis_of", "unanswered_attacks",
    "uncited_claims",
]

MAX_CHAINS = 100
"""Most chains :func:`chains_to_thesis` returns unless told otherwise."""

CHAIN_BUDGET = 20_000
"""Most partial chains :func:`chains_to_thesis` extends before it stops."""


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


# --------------------------------------------------------------- queries ----


def _walk(g: Index, start: int, step, depth: int | None) -> tuple[Reach, ...]:
    """Breadth-first from *start*; *step(node)* yields (next, relation)."""
    found: list[Reach] = []
    frontier = deque([(start, 0)])
    seen = {start}
    names = g.names
    while frontier:
        current, dist = frontier.popleft()
        d = dist + 1
        if depth is not None and d > depth:
            continue
        for nxt, relation in step(current):
            if nxt in seen:
                continue
            seen.add(nxt)
            found.append(Reach(names[nxt], d, relation))
            frontier.append((nxt, d))
    return tuple(found)


def _support_steps(g: Index, n: int):
    """What supports *n*, one step away; a linked argument's premises right after it, at its distance."""
    ins = g.supports_in
    for source, relation in ins.get(n, ()):
        if relation == "premise":
            continue  # listed with their argument
        yield source, relation
        for premise, how in ins.get(source, ()):
            if how == "premise":
                yield premise, how


def supporters(m: Map, claim: str, depth: int | None = None) -> tuple[Reach, ...]:
    """What supports *claim*, directly (distance 1) and through other supports.

    Linked arguments are listed with their premises at the same distance.
    *depth* stops the search that many supports away (None: no limit).
    """
    g = index(m)
    start = g.number(claim)
    return () if start is None else _walk(g, start, lambda n: _support_steps(g, n), depth)


def _direct_attackers(g: Index, n: int) -> list[tuple[int, str]]:
    found = list(g.attacks_in.get(n, ()))
    kinds = g.graph.kinds
    for s, _ in g.supports_in.get(n, ()):  # undercuts of the links and arguments that support n
        hit = s if kinds[s] == ARGUMENT else g.link(s, n)
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
    g = index(m)
    start = g.number(claim)
    if start is None:
        return ()

    def step(n):
        return _direct_attackers(g, n) if n == start else _support_steps(g, n)

    return _walk(g, start, step, depth)


def _steps_out(g: Index, n: int) -> list[tuple[int, str]]:
    """Where a chain can go from *n*: what it supports and what it attacks (a link: what it supports)."""
    out = list(g.supports_out.get(n, ()))
    links, first = g.graph.links, g.graph.n_nodes
    for target, how in g.attacks_out.get(n, ()):
        out.append((links[target - first][1] if target >= first else target, how))
    return out


def chains_to_thesis(m: Map, claim_id: str, thesis_id: str | None = None, *,
                     limit: int = MAX_CHAINS, budget: int = CHAIN_BUDGET) -> Chains:
    """The chains of support and attack from *claim_id* up to a thesis (any thesis when None).

    Chains are simple (no node twice) and found shortest first.  Only nodes
    from which a thesis can be reached are explored, and at most *budget*
    partial chains are extended, so the work is O(budget · out-degree) even
    where the number of chains grows exponentially; ``truncated`` says so.
    """
    g = index(m)
    kinds, n = g.graph.kinds, g.graph.n_nodes
    if thesis_id is not None:
        target = g.number(thesis_id)
        targets = {target} if target is not None else set()
    else:
        targets = {i for i in range(n) if kinds[i] == THESIS}
    start = g.number(claim_id)
    # nodes that can reach a target, found backwards from the targets
    ins: dict[int, list[int]] = {}
    for i in set(g.supports_out) | set(g.attacks_out):
        for target, _ in _steps_out(g, i):
            ins.setdefault(target, []).append(i)
    useful = set(targets)
    todo = list(targets)
    while todo:
        for prev in ins.get(todo.pop(), ()):
            if prev not in useful:
                useful.add(prev)
                todo.append(prev)
    if start not in useful:
        return Chains(())
    names = g.names
    found: list = []
    queue = deque([((start,), ())])
    work = 0
    truncated = False
    while queue:
        if len(found) >= limit or work >= budget:
            truncated = True
            break
        nodes, relations = queue.popleft()
        work += 1
        last = nodes[-1]
        if last in targets and (len(nodes) > 1 or start in targets):
            found.append(tuple(zip((names[i] for i in nodes), relations + (None,))))
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
    g = index(m)
    r = g.resolved
    ours = set(case_members(g, case_id))
    c = r.case_index.get(case_id)
    targets = set(ours)
    if c is not None and r.cases[c].stance == "for" and r.case_theses[c] < r.n_defined:
        targets.add(r.case_theses[c])
    kinds, names = g.graph.kinds, g.names
    order = []
    for k in range(g.graph.n_nodes):
        if k in targets:
            order.append(k)
        for s, how in g.supports_in.get(k, ()):
            link = g.link(s, k) if s in ours and how == "supports" else None
            if link is not None:  # an argument's support of its conclusion is no link
                order.append(link)
    result = []
    for target in order:
        for attacker, how in g.attacks_in.get(target, ()):
            if attacker in ours or kinds[attacker] not in (CLAIM, ARGUMENT):
                continue
            attack = Attack(names[attacker], how, names[target])
            # the attacked claim contradicting back is a standoff, not an answer
            answers = [Attack(names[a], h, names[attacker]) for a, h in g.attacks_in.get(attacker, ())
                       if a in ours and a != target]
            answers += [Attack(names[a], "undercuts", f"{names[attacker]} -> {names[target]}")
                        for a in g.undercut_attacks.get((attacker, target), ()) if a in ours]
            result.append((attack, tuple(answers)))
    return tuple(result)


def uncited_claims(m: Map, case_id: str) -> tuple[str, ...]:
    """The claims of *case_id* that cite nothing, neither themselves nor in a quotation.

    Concessions are left out: the case does not rest on them.
    """
    g = index(m)
    items = g.resolved.items
    return tuple(g.names[i] for i in case_members(g, case_id)
                 if isinstance(items[i], Claim) and not items[i].concession and not g.graph.cites(i))


def deciding_claims(m: Map, thesis_id: str) -> tuple[Decider, ...]:
    """The claims whose label decides the grounded label of *thesis_id*.

    Each claim that can reach the thesis along supports and attacks is
    flipped in turn: one that stands (IN) is removed, as if defeated; one that
    does not (OUT, UNDEC) loses every attack on it, as if it stood.  The
    claims whose flip changes the thesis's label are returned, in map order.
    Only the claims of the thesis's grounded proof can decide it, and each
    flip is re-labelled on the nodes between the claim and the thesis
    (:mod:`argmap.evaluation.deciding`), not on the whole map.
    """
    g = index(m)
    thesis = g.number(thesis_id)
    if thesis is None:
        raise KeyError(f"no thesis {thesis_id!r} in map {m.id}")
    return deciding.deciding_claims(g.graph, thesis)


def deciding_sources(m: Map, thesis_id: str, *, semantics: str | None = "dfquad") -> tuple[Source, ...]:
    """The footnotes whose loss would flip *thesis_id*'s grounded label, then those that would move its
    strength under *semantics* most (see :func:`argmap.evaluation.deciding.deciding_sources`)."""
    g = index(m)
    thesis = g.number(thesis_id)
    if thesis is None:
        raise KeyError(f"no thesis {thesis_id!r} in map {m.id}")
    return deciding.deciding_sources(g.graph, thesis, semantics=semantics)


def attacks_in(m: Map, key: str) -> tuple[tuple[str, str], ...]:
    """What attacks *key* directly, as (id, relation), in the order of the maps: what rebuts or
    contradicts it, and what undercuts it when it is a link ``a -> b`` or an argument."""
    g = index(m)
    i = g.number(key)
    return () if i is None else tuple((g.names[j], how) for j, how in g.attacks_in.get(i, ()))
