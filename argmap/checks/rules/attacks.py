"""Structure rules about attacks: support and attack between the same claims (S204), an undercut
of nothing (S205), a contradiction the map leaves open (S210)."""

from __future__ import annotations

from argmap.checks.rules import Finding, rule
from argmap.checks.rules.coherence import STRUCTURE
from argmap.diagnostics import Severity
from argmap.evaluation.dung import IN, UNDEC, grounded_codes
from argmap.evaluation.mapgraph import attack_graph
from argmap.resolve import ARGUMENT, CLAIM, CONTRADICTS, REBUTS, SUPPORTS, UNDERCUTS, UNDERCUTS_LINK, resolve


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
    r = resolve(ctx.map)
    kinds, sources, targets, homes = r.rel_kinds, r.rel_sources, r.rel_targets, r.homes
    own = r.map_relations[0]
    # (a, b) and (b, a) -> the first rebuttal or contradiction between the map's own a and b, either way round
    attacks = {}
    for j in own:
        if kinds[j] in (REBUTS, CONTRADICTS):
            a, b = sources[j], targets[j]
            if homes[a] == 0 and homes[b] == 0 and (a, b) not in attacks:
                attacks[a, b] = attacks[b, a] = r.relations[j]
    if not attacks:
        return
    for j in own:
        if kinds[j] != SUPPORTS:
            continue
        a, b = sources[j], targets[j]
        if a != b and homes[a] == 0 and homes[b] == 0:
            other = attacks.get((a, b))
            if other is not None:
                rel = r.relations[j]
                yield Finding(rel.span, f"{rel.source.id} supports {rel.target.id}, but "
                              f"{other.source.id} also {other.kind} {other.target.id} (line {other.span.line})",
                              "keep the relation the article means and remove the other")


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
    r = resolve(ctx.map)
    kinds, targets, homes, links = r.rel_kinds, r.rel_targets, r.homes, r.link_sources
    n = r.n_defined
    own = r.map_relations[0]
    inferences = None
    for j in own:
        if kinds[j] not in (UNDERCUTS, UNDERCUTS_LINK):
            continue
        if inferences is None:  # built on the first undercut: most maps have none
            inferences = _inferences(r)
        t = r.relations[j].target
        b = targets[j]
        if kinds[j] == UNDERCUTS_LINK:
            a = links[j]
            if homes[a] != 0 or homes[b] != 0 or a >= n or b >= n:
                continue  # another map's (C110), or a name that names nothing (S201)
            if (a, b) not in inferences:
                yield Finding(t.span, f"the undercut of {t} attacks no inference: nothing says {t.source} supports {t.target}",
                              f"add `{t.source} supports {t.target}`, or write `rebuts {t.target}` to attack the claim")
        elif homes[b] == 0 and b < n and r.kinds[b] != ARGUMENT:
            what = "a claim" if r.kinds[b] == CLAIM else "a thesis"
            reasons = sorted({r.names[a] for a, c in inferences if c == b})
            hint = (f"undercut one of its reasons, e.g. `undercuts {reasons[0]} -> {t}`, or write `rebuts {t}`"
                    if reasons else f"write `rebuts {t}` to attack the claim itself")
            yield Finding(t.span, f"undercuts names {t}, which is {what}, not an argument", hint)


def _inferences(r) -> set[tuple[int, int]]:
    """(reason, conclusion) pairs an undercut may attack: the map's supports and argument premises."""
    found = set()
    kinds, sources, targets = r.rel_kinds, r.rel_sources, r.rel_targets
    for j in r.map_relations[0]:
        if kinds[j] == SUPPORTS:
            found.add((sources[j], targets[j]))
    for i in r.map_arguments[0]:
        if r.arguments[i].attacks:
            continue  # a linked attack's premises infer nothing: undercut the argument by its id
        c = r.arg_conclusions[i]
        for p in r.arg_premises[i]:
            found.add((p, c))
    return found


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
    r = resolve(ctx.map)
    kinds, sources, targets, homes = r.rel_kinds, r.rel_sources, r.rel_targets, r.homes
    n = r.n_defined
    pairs = [j for j in r.map_relations[0] if kinds[j] == CONTRADICTS
             and sources[j] < n and targets[j] < n and homes[sources[j]] == 0 and homes[targets[j]] == 0
             and sources[j] != targets[j]]
    if not pairs:
        return
    graph = attack_graph(ctx.map)  # shared with S207 and the evaluation
    labels, _ = grounded_codes(graph.succ)
    relaxed, _ = grounded_codes(graph.succ_without("contradicts"))
    for j in pairs:
        a, b = sources[j], targets[j]
        if labels[a] == UNDEC and labels[b] == UNDEC and relaxed[a] == IN and relaxed[b] == IN:
            rel = r.relations[j]
            a, b = rel.source.id, rel.target.id
            yield Finding(rel.span, f"{a} contradicts {b}, and nothing in the map decides between them: both are undecided",
                          f"add the evidence that defeats one of them, e.g. a claim that rebuts {b}")
