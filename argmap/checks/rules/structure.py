"""Coherence rules: does the argument hang together?

Names may be used before they are defined: the language has no order
requirement (a claim often supports one written further down), so there is
no "used before definition" rule.  References into other maps
(``other.id``) are C110's business; these rules skip them, except that the
reachability check (S207) follows them.

Every traversal here is iterative and linear in the size of the map, so a
100,000-claim support chain or cycle is checked without recursion.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import deque

from argmap.diagnostics import Severity
from argmap.model import Argument, Case, Claim, Link, Map, Ref
from argmap.checks.rules import Finding, rule

STRUCTURE = ("structure",)


def _local(m: Map, ref: Ref) -> bool:
    return ref.map is None or ref.map == m.id


def _did_you_mean(name: str, candidates) -> str | None:
    close = difflib.get_close_matches(name, list(candidates), n=3, cutoff=0.6)
    return f"did you mean {' or '.join(close)}?" if close else None


@rule("S201", "dangling-target", Severity.ERROR, STRUCTURE)
def dangling_target(ctx):
    """A name that points at nothing in this map.

    What it finds: a relation, undercut link or argument premise/conclusion
    naming a claim, thesis or argument the map never defines; a claim or
    argument whose `(case)` is not a case, or whose `by` is not a person or
    org; a case whose thesis is not defined.  Forward references are fine:
    the language does not require a name to be defined before it is used.
    Names of other maps (`togo2013.x`) are checked by C110.
    Why it matters: the relation silently drops out of the argument, the
    diagram and the evaluation; usually a typo, which the hint corrects.

    Fails:
        claim failed (brown): The new approach failed.
        case brown against new_approach: Brown's case.
        thesis new_approach: The new approach will work.
        claim visit (brown): Putin's visit brought nothing.
          supports faild

    Passes:
        claim failed (brown): The new approach failed.
        case brown against new_approach: Brown's case.
        thesis new_approach: The new approach will work.
        claim visit (brown): Putin's visit brought nothing.
          supports failed
    """
    m = ctx.map
    nodes = m.nodes
    own = m.id
    # every local name of a claim, thesis or argument; this runs over every name in
    # the map, and the holder's words are only needed for the few that dangle
    for rel in m.relations:
        ref = rel.source
        if (ref.map is None or ref.map == own) and ref.id not in nodes:
            yield _dangling(ref, f"the {rel.kind} relation", nodes)
        target = rel.target
        if isinstance(target, Link):
            for ref in (target.source, target.target):
                if (ref.map is None or ref.map == own) and ref.id not in nodes:
                    yield _dangling(ref, f"the {rel.kind} link", nodes)
        elif (target.map is None or target.map == own) and target.id not in nodes:
            yield _dangling(target, f"the {rel.kind} relation", nodes)
    for arg in m.arguments:
        for ref in (*arg.premises, arg.conclusion):
            if (ref.map is None or ref.map == own) and ref.id not in nodes:
                yield _dangling(ref, f"argument {arg.id}", nodes)
    for owner in (*m.claims, *m.arguments):
        kind = "claim" if isinstance(owner, Claim) else "argument"
        if owner.case is not None and _local(m, owner.case) and owner.case.id not in m.case_table:
            yield Finding(owner.case.span, f"{kind} {owner.id} belongs to case {owner.case.id}, which is not defined",
                          _did_you_mean(owner.case.id, m.case_table)
                          or f"define it: `case {owner.case.id} for|against THESIS: ...`")
        if owner.by is not None and _local(m, owner.by) and owner.by.id not in m.person_table:
            yield Finding(owner.by.span, f"{kind} {owner.id} is asserted by {owner.by.id}, who is not defined",
                          _did_you_mean(owner.by.id, m.person_table)
                          or f"define them: `person {owner.by.id}: ...` or `org {owner.by.id}: ...`")
    for case in m.cases:
        if _local(m, case.thesis) and case.thesis.id not in nodes:
            theses = {t.id for t in m.theses}
            yield Finding(case.thesis.span, f"case {case.id} argues about {case.thesis.id}, which is not defined",
                          _did_you_mean(case.thesis.id, theses or nodes)
                          or f"define it: `thesis {case.thesis.id}: ...`")


def _dangling(ref: Ref, holder: str, nodes) -> Finding:
    return Finding(ref.span, f"{holder} names {ref.id}, which is not a claim, thesis or argument of this map",
                   _did_you_mean(ref.id, nodes) or f"define it: `claim {ref.id}: ...`")


def _supports(m: Map) -> list[tuple[str, str]]:
    """Local support edges (source, target), arguments read premise -> conclusion."""
    nodes = m.nodes
    own = m.id
    edges = []
    for rel in m.relations:
        if rel.kind != "supports":
            continue
        a, b = rel.source, rel.target
        if isinstance(b, Ref) and (a.map is None or a.map == own) and (b.map is None or b.map == own) \
                and a.id in nodes and b.id in nodes:
            edges.append((a.id, b.id))
    for arg in m.arguments:
        c = arg.conclusion
        if not _local(m, c) or c.id not in nodes:
            continue
        for p in arg.premises:
            if _local(m, p) and p.id in nodes and p.id != c.id:
                edges.append((p.id, c.id))
    return edges


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
    m = ctx.map
    for rel in m.relations:
        if rel.kind == "supports" and isinstance(rel.target, Ref) and rel.source.id == rel.target.id \
                and _local(m, rel.source) and _local(m, rel.target):
            yield Finding(rel.span, f"claim {rel.source.id} supports itself",
                          "name the claim it is a reason for, or remove the relation")


def strongly_connected(nodes: list[str], succ: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan 1972), iteratively, in O(nodes + edges)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(succ.get(root, ())))]
        while work:
            v, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(succ.get(w, ()))))
                    break
                if w in on_stack and index[w] < low[v]:
                    low[v] = index[w]
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    if low[v] < low[parent]:
                        low[parent] = low[v]
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    found.append(comp)
    return found


def _cycle_through(start: str, members: set[str], succ: dict[str, list[str]]) -> list[str]:
    """A shortest support cycle from *start* back to it, inside one component (BFS)."""
    parent = {start: None}
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
    m = ctx.map
    succ: dict[str, list[str]] = {}
    for a, b in _supports(m):
        if a != b:
            succ.setdefault(a, []).append(b)
    nodes = m.nodes
    order = None
    for comp in strongly_connected(list(succ), succ):
        if len(comp) < 2:
            continue
        if order is None:  # only a map with a circle needs it
            order = {n.id: (n.span.line, n.span.column) for n in nodes.values()}
        members = sorted(comp, key=lambda k: order[k])
        first = members[0]
        cycle = _cycle_through(first, set(comp), succ)
        loop = " → ".join(cycle + [first])
        if len(cycle) == len(comp):
            message = f"circular support: {loop}"
        else:
            shown = ", ".join(members[:20]) + (f", … ({len(members)} in all)" if len(members) > 20 else "")
            message = f"circular support among {len(members)} claims: {shown}; for example {loop}"
        yield Finding(nodes[first].span, message,
                      "remove one `supports` on the circle, or give the claims a reason from outside it")


def _attack_pairs(m: Map) -> dict[tuple[str, str], object]:
    """(a, b) and (b, a) -> the first rebuttal or contradiction between a and b, either way round."""
    pairs = {}
    for rel in m.relations:
        if rel.kind in ("rebuts", "contradicts") and isinstance(rel.target, Ref) \
                and _local(m, rel.source) and _local(m, rel.target):
            a, b = rel.source.id, rel.target.id
            if (a, b) not in pairs:
                pairs[a, b] = pairs[b, a] = rel
    return pairs


@rule("S204", "support-and-attack", Severity.WARNING, STRUCTURE)
def support_and_attack(ctx):
    """Two claims linked by both a support and an attack.

    What it finds: `a supports b` together with `a rebuts b`, `b rebuts a`
    or a `contradicts` between them.
    Why it matters: one claim cannot be both a reason for another and a
    reason against it (or against its own consequence); one of the
    relations is a slip.

    Fails:
        claim failed (brown): The new approach failed.
        claim no_deal (brown): No territorial deal is in sight.
          supports failed
          rebuts failed

    Passes:
        claim failed (brown): The new approach failed.
        claim no_deal (brown): No territorial deal is in sight.
          supports failed
    """
    m = ctx.map
    attacks = _attack_pairs(m)
    if not attacks:
        return
    own = m.id
    for rel in m.relations:
        if rel.kind != "supports":
            continue
        a, b = rel.source, rel.target
        if isinstance(b, Ref) and (a.map is None or a.map == own) and (b.map is None or b.map == own) \
                and a.id != b.id:
            other = attacks.get((a.id, b.id))
            if other is not None:
                yield Finding(rel.span, f"{rel.source.id} supports {rel.target.id}, but "
                              f"{other.source.id} also {other.kind} {other.target.id} (line {other.span.line})",
                              "keep the relation the article means and remove the other")


def _inferences(m: Map) -> set[tuple[str, str]]:
    """(reason, conclusion) pairs an undercut may attack: supports and argument premises."""
    found = set()
    for rel in m.relations:
        if rel.kind == "supports" and isinstance(rel.target, Ref):
            a, b = rel.source, rel.target  # str(ref), without the call for a plain name
            found.add((a.id if a.map is None else str(a), b.id if b.map is None else str(b)))
    for arg in m.arguments:
        for p in arg.premises:
            found.add((str(p), str(arg.conclusion)))
    return found


@rule("S205", "undercut-without-inference", Severity.ERROR, STRUCTURE)
def undercut_without_inference(ctx):
    """An undercut that attacks no inference.

    What it finds: `undercuts a -> b` when the map has no `a supports b` and
    no argument with premise a and conclusion b; and `undercuts x` when x is
    a claim or thesis rather than an argument.
    Why it matters: an undercut attacks the step from a reason to its
    conclusion, not a claim; pointing it at nothing means it counts for
    nothing in the evaluation.  To attack a claim itself, use `rebuts`.

    Fails:
        claim success (togo): The visit was a clear success.
        claim jea (togo): Joint economic activities were agreed.
        claim routine (brown): Such agreements are routine.
          undercuts jea -> success

    Passes:
        claim success (togo): The visit was a clear success.
        claim jea (togo): Joint economic activities were agreed.
          supports success
        claim routine (brown): Such agreements are routine.
          undercuts jea -> success
    """
    m = ctx.map
    nodes = m.nodes
    inferences = None
    for rel in m.relations:
        if rel.kind != "undercuts":
            continue
        if inferences is None:  # built on the first undercut: most maps have none
            inferences = _inferences(m)
        t = rel.target
        if isinstance(t, Link):
            if not (_local(m, t.source) and _local(m, t.target)):
                continue
            if t.source.id not in nodes or t.target.id not in nodes:
                continue  # S201
            if (str(t.source), str(t.target)) not in inferences:
                yield Finding(t.span, f"the undercut of {t} attacks no inference: nothing says {t.source} supports {t.target}",
                              f"add `{t.source} supports {t.target}`, or write `rebuts {t.target}` to attack the claim")
        elif _local(m, t):
            node = nodes.get(t.id)
            if node is not None and not isinstance(node, Argument):
                what = "a claim" if isinstance(node, Claim) else "a thesis"
                reasons = sorted({a for a, b in inferences if b == str(t)})
                hint = (f"undercut one of its reasons, e.g. `undercuts {reasons[0]} -> {t}`, or write `rebuts {t}`"
                        if reasons else f"write `rebuts {t}` to attack the claim itself")
                yield Finding(t.span, f"undercuts names {t}, which is {what}, not an argument", hint)


def _cases_of(m: Map, cases, skip_concessions: bool = False) -> dict[str, Case]:
    """Node id -> its case, for every claim and argument (first definitions) whose `(case)` is a case of this map."""
    own = m.id
    table = {}
    for node in m.nodes.values():
        case = getattr(node, "case", None)
        if case is None or not (case.map is None or case.map == own):
            continue
        if skip_concessions and getattr(node, "concession", False):
            continue
        found = cases.get(case.id)
        if found is not None:
            table[node.id] = found
    return table


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
    m = ctx.map
    nodes, cases = m.nodes, m.case_table
    if not cases:
        return
    own = m.id
    # the case of every claim and argument that is not a concession (theses have none)
    case_of = _cases_of(m, cases, skip_concessions=True)
    for rel in m.relations:
        ref = rel.source
        if not (ref.map is None or ref.map == own):
            continue
        case = case_of.get(ref.id)
        if case is None:
            continue
        source = nodes[ref.id]
        target_ref = rel.target.target if isinstance(rel.target, Link) else rel.target
        thesis = case.thesis
        if not (target_ref.map is None or target_ref.map == own) or not (thesis.map is None or thesis.map == own):
            continue
        if target_ref.id == case.thesis.id:
            if case.stance == "for" and rel.kind in ("rebuts", "contradicts"):
                yield Finding(rel.span, f"{source.id} belongs to case {case.id}, which argues for {case.thesis.id}, "
                              f"yet it {rel.kind} {case.thesis.id}",
                              "move the claim to the other side's case, or mark it `concession`")
            elif case.stance == "against" and rel.kind == "supports":
                yield Finding(rel.span, f"{source.id} belongs to case {case.id}, which argues against {case.thesis.id}, "
                              f"yet it supports {case.thesis.id}",
                              "move the claim to the other side's case, or mark it `concession`")
            continue
        if rel.kind == "supports":
            continue
        if case_of.get(target_ref.id) is case:  # not a concession, and of the same case
            yield Finding(rel.span, f"{source.id} {rel.kind} {target_ref.id}, a claim of its own case {case.id}",
                          "mark one of them `concession`, or put it in the case it belongs to")


def _every_case_reaches_directly(m: Map, members: dict[str, list[str]]) -> bool:
    """Whether each case S207 looks at has a claim that supports its thesis (a `for`
    case) or rebuts or contradicts it (an `against` case) in one step.

    Such a claim reaches the thesis in the attack graph too (a support edge to
    it; an attack on it), so S207 has nothing to report; anything less plain
    (a case with no claims, a thesis in another map, a chain of supports) is
    left to the graph.
    """
    own, nodes = m.id, m.nodes
    waiting: dict[str, list[tuple[str, str, set[str]]]] = {}  # thesis id -> (case id, stance, members)
    left = 0
    for case in m.cases:
        if m.case_table.get(case.id) is not case:
            continue
        thesis = case.thesis
        if not (thesis.map is None or thesis.map == own):
            return False
        if thesis.id not in nodes:
            continue  # S201's business; S207 skips it too
        if not members.get(case.id):
            return False
        waiting.setdefault(thesis.id, []).append((case.id, case.stance, set(members[case.id])))
        left += 1
    done: set[str] = set()
    for rel in m.relations:
        if left == len(done):
            break
        target = rel.target
        if isinstance(target, Link) or not (target.map is None or target.map == own):
            continue
        entries = waiting.get(target.id)
        if entries is None:
            continue
        source = rel.source
        if not (source.map is None or source.map == own) or source.id not in nodes or source.id == target.id:
            continue
        for case_id, stance, claims in entries:
            if case_id not in done and source.id in claims and (
                    rel.kind == "supports" if stance == "for" else rel.kind in ("rebuts", "contradicts")):
                done.add(case_id)
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
    m = ctx.map
    if not m.cases:
        return
    members: dict[str, list[str]] = {}
    cases = m.case_table
    own = m.id
    for node in (*m.claims, *m.arguments):
        case = node.case
        if case is not None and (case.map is None or case.map == own):
            case = cases.get(case.id)
            if case is not None:
                members.setdefault(case.id, []).append(node.id)
    if _every_case_reaches_directly(m, members):
        return  # the common case, found without building the attack graph
    graph = m.attack_graph  # built once, shared with S210 and the evaluation
    back: dict[str, list[str]] = {}
    for a, b in graph.support_edges:
        back.setdefault(b, []).append(a)
    attackers: dict[str, list[str]] = {}
    undercutters: dict[str, list[str]] = {}
    kind_of, links = graph.kind.get, graph.links
    for (x, y), how in graph.relation.items():
        kind = kind_of(y)
        if how == "undercuts":
            undercutters.setdefault(y, []).append(x)
            if kind == "argument":
                continue  # an undercut of an argument attacks its conclusion's support below
        target = links[y][1] if kind == "link" else y
        attackers.setdefault(target, []).append(x)
    for arg in m.arguments:  # undercutting an argument is attacking its conclusion's support
        for x in undercutters.get(arg.id, ()):
            attackers.setdefault(str(arg.conclusion), []).append(x)

    def reaching(starts: list[str]) -> set[str]:
        seen = set(starts)
        queue = deque(starts)
        while queue:
            v = queue.popleft()
            for u in back.get(v, ()):
                if u not in seen:
                    seen.add(u)
                    queue.append(u)
        return seen

    for case in m.cases:
        if m.case_table.get(case.id) is not case:
            continue
        thesis = case.thesis
        if _local(m, thesis):
            if thesis.id not in m.nodes:
                continue  # S201
            key = thesis.id
        else:
            other = m.imports.get(thesis.map)
            if other is None or thesis.id not in other.nodes:
                continue  # C110
            key = f"{other.id}.{thesis.id}"
        own = members.get(case.id, [])
        if case.stance == "for":
            reach = reaching([key]) - {key}
            how = f"supports {thesis}, directly or through a chain of supports"
        else:
            reach = reaching(attackers.get(key, []))
            how = f"rebuts {thesis} or supports a claim that does"
        if not own:
            yield Finding(case.span, f"case {case.id} has no claims",
                          f"put claims in it: `claim x ({case.id}): ...`")
        elif not any(n in reach for n in own):
            yield Finding(case.span, f"no claim of case {case.id} reaches its thesis {thesis}",
                          f"add a claim of the case that {how}")


@rule("S208", "disconnected-claim", Severity.WARNING, STRUCTURE)
def disconnected_claim(ctx):
    """A claim related to nothing.

    What it finds: a claim that no relation starts or ends at, that no
    undercut link names and that is in no argument.
    Why it matters: a claim outside the argument's graph does no work: it
    supports nothing and nothing answers it.  Either a relation is missing
    or the claim belongs in a comment.

    Fails:
        claim failed (brown): The new approach failed.
        claim weather (brown): It snowed in Nagato.

    Passes:
        claim failed (brown): The new approach failed.
        claim weather (brown): Snow delayed the talks in Nagato.
          supports failed
    """
    m = ctx.map
    own = m.id
    used: set[str] = set()
    add = used.add
    for rel in m.relations:  # every local name of a claim, thesis or argument, as in S201
        ref = rel.source
        if ref.map is None or ref.map == own:
            add(ref.id)
        target = rel.target
        refs = (target.source, target.target) if isinstance(target, Link) else (target,)
        for ref in refs:
            if ref.map is None or ref.map == own:
                add(ref.id)
    for arg in m.arguments:
        for ref in (*arg.premises, arg.conclusion):
            if ref.map is None or ref.map == own:
                add(ref.id)
    nodes = m.nodes
    for claim in m.claims:
        if claim.id not in used and nodes.get(claim.id) is claim:
            yield Finding(claim.span, f"claim {claim.id} is not related to any other claim",
                          "say what it supports or attacks, e.g. `supports x` under it")


def normalized_text(text: str) -> str:
    """Text compared the way a reader would: case, accents, punctuation and spacing set aside."""
    if text.isascii():  # nothing to decompose; casefold is lower
        return " ".join(_WORDS(text.lower()))
    text = unicodedata.normalize("NFKD", text).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_WORDS(text))


_WORDS = re.compile(r"\w+").findall


@rule("S209", "duplicate-text", Severity.WARNING, STRUCTURE)
def duplicate_text(ctx):
    """Two claims that say the same thing.

    What it finds: claims whose texts are equal once case, accents,
    punctuation and spacing are set aside.
    Why it matters: the same claim under two ids splits its supports and
    attacks between them, so neither shows the whole picture; merge them.

    Fails:
        claim failed (brown): The new approach failed.
        claim failure (brown): The "new approach" failed!

    Passes:
        claim failed (brown): The new approach failed.
        claim failure (brown): The new approach failed in December.
    """
    first: dict[str, Claim] = {}
    for claim in ctx.map.claims:
        text = claim.text  # normalized_text(text), its ASCII case written out
        key = " ".join(_WORDS(text.lower())) if text.isascii() else normalized_text(text)
        if not key:
            continue
        if key in first:
            yield Finding(claim.span, f"claim {claim.id} says the same as claim {first[key].id} "
                          f"(line {first[key].span.line})",
                          f"merge them: keep {first[key].id} and point {claim.id}'s relations at it")
        else:
            first[key] = claim


@rule("S210", "unresolved-contradiction", Severity.WARNING, STRUCTURE)
def unresolved_contradiction(ctx):
    """Contradictory claims that the map leaves both standing.

    What it finds: `a contradicts b` where both claims would be IN under the
    grounded labelling if contradictions were set aside, and nothing else
    in the map decides between them, so both end UNDEC.  (With the
    contradiction counted, two contradictory claims can never both be IN:
    `contradicts` is a mutual attack; see docs/evaluation.md.)
    Why it matters: the map records that two claims cannot both be true but
    gives the reader no reason to prefer either; a debate brief cannot say
    which side wins the point.  Add the support or attack that decides it.

    Fails:
        claim success (togo): The visit was a clear success.
        claim failure (brown): The visit was a failure.
          contradicts success

    Passes:
        claim success (togo): The visit was a clear success.
        claim failure (brown): The visit was a failure.
          contradicts success
        claim nothing (brown): Russia agreed only to discuss joint projects.
          rebuts success
    """
    from argmap.evaluation.core import Label, evaluate, grounded

    m = ctx.map
    pairs = [rel for rel in m.relations if rel.kind == "contradicts" and isinstance(rel.target, Ref)
             and _local(m, rel.source) and _local(m, rel.target)
             and rel.source.id in m.nodes and rel.target.id in m.nodes and rel.source.id != rel.target.id]
    if not pairs:
        return
    labels = evaluate(m).labels
    graph = m.attack_graph  # the graph evaluate(m) just used
    relaxed = grounded(graph.nodes, [(a, b) for a, b in graph.attacks if graph.relation.get((a, b)) != "contradicts"]
                       ).labels
    for rel in pairs:
        a, b = rel.source.id, rel.target.id
        if labels[a] is Label.UNDEC and labels[b] is Label.UNDEC \
                and relaxed[a] is Label.IN and relaxed[b] is Label.IN:
            yield Finding(rel.span, f"{a} contradicts {b}, and nothing in the map decides between them: both are undecided",
                          f"add the evidence that defeats one of them, e.g. a claim that rebuts {b}")


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
    m = ctx.map
    for arg in m.arguments:
        for p in arg.premises:
            if str(p) == str(arg.conclusion):
                yield Finding(p.span, f"argument {arg.id} has its conclusion {arg.conclusion} among its premises",
                              "an argument's premises must be other claims")
                break


@rule("S212", "duplicate-id", Severity.ERROR, STRUCTURE)
def duplicate_id(ctx):
    """Two definitions with the same id.

    What it finds: two claims, theses or arguments with the same id (they
    share one namespace), two cases or two persons with the same id.
    Why it matters: every reference to the id means the first definition;
    the second one's relations and text are silently lost.

    Fails:
        claim failed (brown): The new approach failed.
        claim failed (brown): The December summit failed.

    Passes:
        claim failed (brown): The new approach failed.
        claim summit_failed (brown): The December summit failed.
    """
    m = ctx.map
    groups = (("claim, thesis or argument", (*m.theses, *m.claims, *m.arguments)),
              ("case", m.cases), ("person or org", m.persons))
    for what, items in groups:
        if len({item.id for item in items}) == len(items):
            continue  # no id twice: nothing to sort
        first: dict[str, object] = {}
        for item in sorted(items, key=lambda i: (i.span.line, i.span.column)):
            if item.id in first:
                yield Finding(item.span, f"{item.id} is defined twice; the first {what} {item.id} is on line "
                              f"{first[item.id].span.line}",
                              "rename one of them and update the relations that mean it")
            else:
                first[item.id] = item

