"""Structure rules about cases: a claim arguing against its own case (S206), a case that never
reaches its thesis (S207)."""

from __future__ import annotations

from collections import deque

from argmap.checks.rules import Finding, rule
from argmap.checks.rules.coherence import STRUCTURE
from argmap.diagnostics import Severity
from argmap.evaluation.mapgraph import ARGUMENT, LINK, attack_graph
from argmap.resolve import CONTRADICTS, NONE, ON_LINK, REBUTS, SUPPORTS, Resolved, resolve


@rule("S206", "case-against-itself", Severity.WARNING, STRUCTURE)
def case_against_itself(ctx):
    """A claim that argues against its own case.

    What it finds: a claim of a `for` case that rebuts or contradicts the
    case's thesis, or a claim of an `against` case that supports it; and a
    claim that rebuts, contradicts or undercuts a claim of its own case.
    Claims marked `concession` (and attacks on them) are exempt: granting a
    point to the other side, and answering it, is how arguments go.
    Why it matters: usually the claim was put in the wrong case, or the
    relation is the wrong way round; if the author concedes the point, say
    so with `concession`.

    Fails:
        thesis deal: A territorial deal is near.
        case brown against deal: Brown's case.
        claim visit (brown): Putin's visit produced joint projects.
          supports deal

    Passes:
        thesis deal: A territorial deal is near.
        case brown against deal: Brown's case.
        claim visit (brown): Putin's visit produced joint projects.
          concession
          supports deal
    """
    r = resolve(ctx.map)
    if not r.map_cases[0]:
        return
    homes, items = r.homes, r.items
    # the case of the map's own claims and arguments that are not concessions (theses have none)
    case_of = {}
    for i in r.map_nodes[0]:
        c = r.case_of[i]
        if c != NONE and r.case_homes[c] == 0 and not getattr(items[i], "concession", False):
            case_of[i] = c
    kinds, sources, targets = r.rel_kinds, r.rel_sources, r.rel_targets
    for j in r.map_relations[0]:
        s = sources[j]
        c = case_of.get(s)
        if c is None:
            continue
        t = targets[j]  # for an undercut of a link, what the link supports
        thesis = r.case_theses[c]
        if homes[t] != 0 or homes[thesis] != 0:
            continue
        case, rel, kind = r.cases[c], r.relations[j], kinds[j] % ON_LINK  # an undercut of a link too
        if t == thesis:
            if case.stance == "for" and kind in (REBUTS, CONTRADICTS):
                yield Finding(rel.span, f"{r.ids[s]} belongs to case {case.id}, which argues for {case.thesis.id}, "
                              f"yet it {rel.kind} {case.thesis.id}",
                              "move the claim to the other side's case, or mark it `concession`")
            elif case.stance == "against" and kind == SUPPORTS:
                yield Finding(rel.span, f"{r.ids[s]} belongs to case {case.id}, which argues against {case.thesis.id}, "
                              f"yet it supports {case.thesis.id}",
                              "move the claim to the other side's case, or mark it `concession`")
            continue
        if kind == SUPPORTS:
            continue
        if case_of.get(t) == c:  # not a concession, and of the same case
            yield Finding(rel.span, f"{r.ids[s]} {rel.kind} {r.ids[t]}, a claim of its own case {case.id}",
                          "mark one of them `concession`, or put it in the case it belongs to")


def _members(r: Resolved) -> dict[int, list[int]]:
    """Case number -> the nodes whose claims and arguments (every statement) name that case of the map."""
    members: dict[int, list[int]] = {}
    table = r.tables[0]
    for a in r.map_assertions[0]:
        c = r.assertion_cases[a]
        if c != NONE and r.case_homes[c] == 0:
            members.setdefault(c, []).append(table[r.assertions[a].id])
    return members


def _every_case_reaches_directly(r: Resolved, members: dict[int, list[int]]) -> bool:
    """Whether each case S207 looks at has a claim that supports its thesis (a `for` case) or
    rebuts or contradicts it (an `against` case) in one step.

    Such a claim reaches the thesis in the attack graph too (a support edge to
    it; an attack on it), so S207 has nothing to report; anything less plain
    (a case with no claims, a thesis in another map, a chain of supports) is
    left to the graph.
    """
    homes, n = r.homes, r.n_defined
    waiting: dict[int, list[tuple[int, str, set[int]]]] = {}  # thesis -> (case, stance, members)
    left = 0
    for c in r.map_cases[0]:
        thesis = r.case_theses[c]
        if homes[thesis] != 0:
            return False
        if thesis >= n:
            continue  # S201's business; S207 skips it too
        if not members.get(c):
            return False
        waiting.setdefault(thesis, []).append((c, r.cases[c].stance, set(members[c])))
        left += 1
    done: set[int] = set()
    kinds, sources, targets = r.rel_kinds, r.rel_sources, r.rel_targets
    for j in r.map_relations[0]:
        if left == len(done):
            break
        t = targets[j]
        if kinds[j] >= ON_LINK or homes[t] != 0:
            continue
        entries = waiting.get(t)
        if entries is None:
            continue
        s = sources[j]
        if homes[s] != 0 or s >= n or s == t:
            continue
        kind = kinds[j]
        for c, stance, claims in entries:
            if c not in done and s in claims and (
                    kind == SUPPORTS if stance == "for" else kind in (REBUTS, CONTRADICTS)):
                done.add(c)
    return left == len(done)


@rule("S207", "case-misses-thesis", Severity.WARNING, STRUCTURE)
def case_misses_thesis(ctx):
    """A case none of whose claims reaches its thesis.

    What it finds: a `for` case with no claim from which a chain of
    `supports` (through any claims, those of used maps included) leads to
    the thesis; an `against` case with no claim that rebuts, contradicts or
    undercuts the thesis or supports, through a chain, a claim that does.
    Why it matters: the case's claims may all be true and still say nothing
    about the thesis; the link that carries the case is missing.

    Fails:
        thesis deal: A territorial deal is near.
        case brown against deal: Brown's case.
        claim failed (brown): The new approach failed.
        claim visit (brown): Putin's visit brought nothing.
          supports failed

    Passes:
        thesis deal: A territorial deal is near.
        case brown against deal: Brown's case.
        claim failed (brown): The new approach failed.
          rebuts deal
        claim visit (brown): Putin's visit brought nothing.
          supports failed
    """
    r = resolve(ctx.map)
    if not r.map_cases[0]:
        return
    members = _members(r)
    if _every_case_reaches_directly(r, members):
        return  # the common case, found without building the attack graph
    graph = attack_graph(ctx.map)  # built once, shared with S210 and the evaluation
    back: dict[int, list[int]] = {}
    for a, b in graph.support_edges():
        back.setdefault(b, []).append(a)
    attackers: dict[int, list[int]] = {}
    undercutters: dict[int, list[int]] = {}
    kinds, links, n = graph.kinds, graph.links, graph.n_nodes
    for x, y, how in graph.relation_pairs():
        kind = kinds[y]
        if how == "undercuts":
            undercutters.setdefault(y, []).append(x)
            if kind == ARGUMENT:
                continue  # an undercut of an argument attacks its conclusion's support below
        target = links[y - n][1] if kind == LINK else y
        attackers.setdefault(target, []).append(x)
    for i in r.map_arguments[0]:  # undercutting an argument is attacking its conclusion's support
        if r.arguments[i].attacks:
            continue  # (of a linked attack: defending what it attacks)
        for x in undercutters.get(r.arg_nodes[i], ()):
            attackers.setdefault(r.arg_conclusions[i], []).append(x)

    def reaching(starts: list[int]) -> set[int]:
        seen = set(starts)
        queue = deque(starts)
        while queue:
            v = queue.popleft()
            for u in back.get(v, ()):
                if u not in seen:
                    seen.add(u)
                    queue.append(u)
        return seen

    for c in r.map_cases[0]:
        key = r.case_theses[c]
        if key >= r.n_defined:
            continue  # S201, C110
        case = r.cases[c]
        thesis = case.thesis
        own = members.get(c, [])
        if case.stance == "for":
            reach = reaching([key]) - {key}
            how = f"supports {thesis}, directly or through a chain of supports"
        else:
            reach = reaching(attackers.get(key, []))
            how = f"rebuts {thesis} or supports a claim that does"
        if not own:
            yield Finding(case.span, f"case {case.id} has no claims",
                          f"put claims in it: `claim x ({case.id}): ...`")
        elif not any(i in reach for i in own):
            yield Finding(case.span, f"no claim of case {case.id} reaches its thesis {thesis}",
                          f"add a claim of the case that {how}")
