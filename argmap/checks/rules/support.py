"""Structure rules about support: a claim supporting itself (S202), support in a circle (S203),
an argument assuming its conclusion (S211).

Every traversal is iterative and linear in the size of the map, so a
100,000-claim support chain or cycle is checked without recursion.
"""

from __future__ import annotations

from collections import deque

from argmap.checks.rules import Finding, rule
from argmap.checks.rules.coherence import STRUCTURE
from argmap.diagnostics import Severity
from argmap.graphs import strongly_connected
from argmap.resolve import SUPPORTS, Resolved, resolve


@rule("S202", "self-support", Severity.ERROR, STRUCTURE)
def self_support(ctx):
    """A claim that supports itself.

    What it finds: `supports x` under claim x, or `x supports x`.
    Why it matters: a claim is no reason for itself; the map says nothing
    about why it should be believed.  (An argument whose premises include its
    conclusion is S211.)

    Fails:
        claim failed (brown): The new approach failed.
          supports failed

    Passes:
        claim failed (brown): The new approach failed.
        claim visit (brown): Putin's visit brought nothing.
          supports failed
    """
    r = resolve(ctx.map)
    kinds, sources, targets, homes = r.rel_kinds, r.rel_sources, r.rel_targets, r.homes
    for j in r.map_relations[0]:
        s = sources[j]
        if kinds[j] == SUPPORTS and s == targets[j] and homes[s] == 0:
            rel = r.relations[j]
            yield Finding(rel.span, f"claim {rel.source.id} supports itself",
                          "name the claim it is a reason for, or remove the relation")


def support_edges(r: Resolved) -> list[tuple[int, int]]:
    """The map's own support edges (reason, conclusion) between nodes it defines: its supports,
    then each argument's premises to its conclusion."""
    n, homes = r.n_defined, r.homes
    kinds, sources, targets = r.rel_kinds, r.rel_sources, r.rel_targets
    edges = []
    for j in r.map_relations[0]:
        if kinds[j] != SUPPORTS:
            continue
        a, b = sources[j], targets[j]
        if a < n and b < n and homes[a] == 0 and homes[b] == 0:
            edges.append((a, b))
    for i in r.map_arguments[0]:
        c = r.arg_conclusions[i]
        if c >= n or homes[c] != 0 or r.arguments[i].attacks:  # a linked attack supports nothing
            continue
        for p in r.arg_premises[i]:
            if p < n and homes[p] == 0 and p != c:
                edges.append((p, c))
    return edges


def _cycle_through(start: int, members: set[int], succ: dict[int, list[int]]) -> list[int]:
    """A shortest support cycle from *start* back to it, inside one component (BFS)."""
    parent: dict[int, int | None] = {start: None}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for w in succ.get(v, ()):
            if w == start:
                path = [v]
                while parent[path[-1]] is not None:
                    path.append(parent[path[-1]])
                return path[::-1]
            if w in members and w not in parent:
                parent[w] = v
                queue.append(w)
    return [start]  # pragma: no cover - a component of two or more always has a cycle


@rule("S203", "circular-support", Severity.ERROR, STRUCTURE)
def circular_support(ctx):
    """Claims that support each other in a circle.

    What it finds: a chain of `supports` (and argument premises to their
    conclusion) that leads back to where it started.  Each circle is
    reported once, at its first claim in the file, naming every claim on it.
    Why it matters: circular reasoning: none of the claims on the circle is
    backed by anything outside it.

    Fails:
        claim failed (brown): The new approach failed.
          supports no_deal
        claim no_deal (brown): No territorial deal is in sight.
          supports failed

    Passes:
        claim failed (brown): The new approach failed.
        claim no_deal (brown): No territorial deal is in sight.
          supports failed
    """
    r = resolve(ctx.map)
    succ: dict[int, list[int]] = {}
    for a, b in support_edges(r):
        if a != b:
            succ.setdefault(a, []).append(b)
    ids, items = r.ids, r.items
    for comp in strongly_connected(list(succ), lambda v: succ.get(v, ()), r.n_defined):
        if len(comp) < 2:
            continue
        members = sorted(comp, key=lambda i: (items[i].span.line, items[i].span.column))
        first = members[0]
        cycle = _cycle_through(first, set(comp), succ)
        loop = " → ".join(ids[i] for i in cycle + [first])
        if len(cycle) == len(comp):
            message = f"circular support: {loop}"
        else:
            shown = ", ".join(ids[i] for i in members[:20]) + (f", … ({len(members)} in all)" if len(members) > 20 else "")
            message = f"circular support among {len(members)} claims: {shown}; for example {loop}"
        yield Finding(items[first].span, message,
                      "remove one `supports` on the circle, or give the claims a reason from outside it")


@rule("S211", "begging-argument", Severity.ERROR, STRUCTURE)
def begging_argument(ctx):
    """An argument whose premises include its own conclusion.

    What it finds: `argument x: a + b -> a`.
    Why it matters: the argument assumes what it sets out to show.

    Fails:
        argument hard (brown): legal + demography -> legal

    Passes:
        argument hard (brown): legal + demography -> no_condominium
    """
    r = resolve(ctx.map)
    for i in r.map_arguments[0]:
        arg, conclusion = r.arguments[i], r.arg_conclusions[i]
        for p, ref in zip(r.arg_premises[i], arg.premises):
            if p == conclusion:
                yield Finding(ref.span, f"argument {arg.id} has {'the claim it rebuts' if arg.attacks else 'its conclusion'} "
                              f"{arg.conclusion} among its premises", "an argument's premises must be other claims")
                break
