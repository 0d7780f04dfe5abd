"""Abstract argumentation (Dung 1995) on plain graphs: grounded, preferred and stable labellings.

Everything here works on the integers 0..n-1 (successor lists); the public
functions :func:`grounded`, :func:`preferred` and :func:`stable` take any
hashable node ids and ``(attacker, target)`` pairs and number them first.
The map evaluation (:mod:`argmap.evaluation.labels`) and the ICCMA files
(:mod:`argmap.evaluation.iccma`) use the numbered layer directly.

Labellings follow Caminada (2006).  Grounded labelling is linear in nodes +
attacks and iterative; preferred and stable enumerate, on the part the
grounded labelling leaves undecided, and refuse graphs with more than
:data:`ENUMERATION_LIMIT` nodes in that part.  See docs/evaluation.md.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Mapping, Sequence

import attrs

from argmap._gc import no_gc

ENUMERATION_LIMIT = 24
"""Most nodes left undecided by grounded that preferred/stable will enumerate."""

MAX_LABELLINGS = 4096
"""Most preferred or stable labellings returned before giving up."""

SEMANTICS = ("grounded", "preferred", "stable")

UNDEC, IN, OUT = 0, 1, 2
"""Label codes in the byte arrays of the numbered layer."""


class Label(str, enum.Enum):
    """A node's status: accepted (IN), rejected (OUT) or undecided (UNDEC)."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"

    def __str__(self) -> str:
        return self.name


LABELS = (Label.UNDEC, Label.IN, Label.OUT)
"""The Label of each code."""


class EvaluationError(ValueError):
    """An evaluation that cannot be done: unknown semantics, a graph too large to enumerate."""


@attrs.frozen
class Labelling:
    """A labelling of a plain attack graph, with the IN attacker of every OUT node."""

    labels: Mapping[Hashable, Label]
    reasons: Mapping[Hashable, Hashable] = attrs.field(factory=dict)

    def extension(self) -> frozenset:
        """The IN nodes."""
        return frozenset(n for n, lab in self.labels.items() if lab is Label.IN)


@attrs.frozen(eq=False)
class Numbered:
    """A graph on the integers 0..n-1: each node's name and successor list."""

    names: Sequence[Hashable]
    succ: Sequence[list[int]]


def number(nodes: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]]) -> Numbered:
    """*nodes* numbered in order (each once) and *attacks* as successor lists; EvaluationError for an unknown node."""
    names = list(dict.fromkeys(nodes))
    index = {node: i for i, node in enumerate(names)}
    succ: list[list[int]] = [[] for _ in names]
    pair = None
    try:
        for pair in attacks:
            a, b = pair
            j = index[b]
            succ[index[a]].append(j)
    except KeyError as exc:
        raise EvaluationError(f"the attack {pair[0]!r} -> {pair[1]!r} names a node that is not in the graph: "
                              f"{exc.args[0]!r}") from None
    return Numbered(names, succ)


def grounded_codes(succ: Sequence[list[int]]) -> tuple[bytearray, list[int]]:
    """Grounded labelling on integer nodes: (label codes, the IN attacker of each OUT node or -1).

    A node goes IN when its last live attacker goes OUT; every IN node puts
    all it attacks OUT.  Each attack is looked at a bounded number of times:
    O(nodes + attacks), no recursion.
    """
    n = len(succ)
    live = [0] * n
    for targets in succ:
        for y in targets:
            live[y] += 1
    lab = bytearray(n)
    reason = [-1] * n
    queue = [i for i in range(n) if not live[i]]
    for x in queue:  # the list grows while it is read: a FIFO queue without pops
        lab[x] = IN
        for y in succ[x]:
            if not lab[y]:
                lab[y] = OUT
                reason[y] = x
                for z in succ[y]:
                    live[z] -= 1
                    if not live[z] and not lab[z]:
                        queue.append(z)
    return lab, reason


def undecided_reasons(succ: Sequence[list[int]], lab: bytearray) -> dict[int, int]:
    """An undecided attacker for each undecided node that has one, in the order they are met."""
    found: dict[int, int] = {}
    x = lab.find(UNDEC)
    while x >= 0:
        for y in succ[x]:
            if lab[y] == UNDEC and y not in found:
                found[y] = x
        x = lab.find(UNDEC, x + 1)
    return found


def extension_codes(succ: Sequence[list[int]], extension: Iterable[int]) -> tuple[bytearray, dict[int, int]]:
    """The labelling of a conflict-free *extension*: (label codes, the first IN attacker of each OUT node)."""
    lab = bytearray(len(succ))
    reason: dict[int, int] = {}
    extension = sorted(extension)
    for x in extension:
        lab[x] = IN
    for x in extension:
        for y in succ[x]:
            if lab[y] != OUT:
                lab[y] = OUT
                reason[y] = x
    return lab, reason


def extensions(succ: Sequence[list[int]], semantics: str, limit: int = ENUMERATION_LIMIT) -> list[set[int]]:
    """Preferred or stable extensions as sets of node numbers.

    Every complete extension contains the grounded one, and the extensions
    of the graph are the grounded extension joined with those of the part
    it leaves undecided (the reduct; Baumann, Brewka & Ulbricht 2020).  That
    part is split into weakly connected components, each enumerated on
    bitmasks, and the results combined.
    """
    lab, _ = grounded_codes(succ)
    base = {i for i, v in enumerate(lab) if v == IN}
    undecided = [i for i, v in enumerate(lab) if v == UNDEC]
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
        for v in succ[u]:
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


# ------------------------------------------------------- named graphs ----


def _named(g: Numbered, lab: bytearray, reason) -> Labelling:
    names = g.names
    labels = dict(zip(names, map(LABELS.__getitem__, lab)))
    pairs = enumerate(reason) if isinstance(reason, list) else reason.items()
    return Labelling(labels, {names[y]: names[x] for y, x in pairs if x >= 0})


def labelling_codes(g: Numbered, semantics: str, limit: int = ENUMERATION_LIMIT) -> list[tuple[bytearray, object]]:
    """The labellings of a numbered graph under *semantics* (grounded: exactly one), as
    (label codes, the IN attacker of each OUT node: a list with -1 for none, or a dict)."""
    if semantics == "grounded":
        with no_gc():
            return [grounded_codes(g.succ)]
    if semantics not in SEMANTICS:
        raise EvaluationError(f"unknown semantics {semantics!r}: use {', '.join(SEMANTICS)}")
    return [extension_codes(g.succ, ext) for ext in extensions(g.succ, semantics, limit)]


def label_numbered(g: Numbered, semantics: str, limit: int = ENUMERATION_LIMIT) -> tuple[Labelling, ...]:
    """The labellings of a numbered graph under *semantics*, by node name."""
    return tuple(_named(g, lab, reason) for lab, reason in labelling_codes(g, semantics, limit))


def grounded(nodes: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]]) -> Labelling:
    """The grounded labelling of a plain attack graph (Dung 1995; Caminada 2006).

    >>> grounded("abc", [("a", "b"), ("b", "c")]).labels["c"]
    <Label.IN: 'in'>
    """
    with no_gc():
        g = number(nodes, attacks)
        return _named(g, *grounded_codes(g.succ))


def grounded_extension(nodes: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]]) -> frozenset:
    """The IN nodes of the grounded labelling, without building label tables."""
    with no_gc():
        g = number(nodes, attacks)
        lab, _ = grounded_codes(g.succ)
        names = g.names
        return frozenset(names[i] for i, v in enumerate(lab) if v == IN)


def preferred(nodes: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]], *,
              limit: int = ENUMERATION_LIMIT) -> tuple[Labelling, ...]:
    """Every preferred labelling (maximal admissible sets), for small undecided parts."""
    return label_numbered(number(nodes, attacks), "preferred", limit)


def stable(nodes: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]], *,
           limit: int = ENUMERATION_LIMIT) -> tuple[Labelling, ...]:
    """Every stable labelling (conflict-free sets attacking all else); may be empty."""
    return label_numbered(number(nodes, attacks), "stable", limit)
