"""Structure rules about names: a name that names nothing (S201), a claim nothing names (S208).

Names may be used before they are defined: the language has no order
requirement (a claim often supports one written further down), so there is
no "used before definition" rule.  Names of other maps (``other.id``) are
C110's business.
"""

from __future__ import annotations

from argmap.checks.rules import Finding, rule
from argmap.checks.rules.coherence import STRUCTURE, did_you_mean
from argmap.diagnostics import Severity
from argmap.model import Claim, Ref
from argmap.resolve import CLAIM, THESIS, resolve


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
    r = resolve(ctx.map)
    nodes = r.tables[0]
    for d in r.dangling:
        if d.map != 0 or not d.local:
            continue
        ref, origin = d.ref, d.origin
        if d.role in ("source", "target"):
            yield _dangling(ref, f"the {origin.kind} relation", nodes)
        elif d.role == "link":
            yield _dangling(ref, f"the {origin.kind} link", nodes)
        elif d.role in ("premise", "conclusion"):
            yield _dangling(ref, f"argument {origin.id}", nodes)
        elif d.role == "case":
            kind = "claim" if isinstance(origin, Claim) else "argument"
            yield Finding(ref.span, f"{kind} {origin.id} belongs to case {ref.id}, which is not defined",
                          did_you_mean(ref.id, r.case_tables[0])
                          or f"define it: `case {ref.id} for|against THESIS: ...`")
        elif d.role == "by":
            kind = "claim" if isinstance(origin, Claim) else "argument"
            yield Finding(ref.span, f"{kind} {origin.id} is asserted by {ref.id}, who is not defined",
                          did_you_mean(ref.id, r.person_tables[0])
                          or f"define them: `person {ref.id}: ...` or `org {ref.id}: ...`")
        else:  # the thesis of a case
            theses = [id for id, i in nodes.items() if r.kinds[i] == THESIS]
            yield Finding(ref.span, f"case {origin.id} argues about {ref.id}, which is not defined",
                          did_you_mean(ref.id, theses or nodes) or f"define it: `thesis {ref.id}: ...`")


def _dangling(ref: Ref, holder: str, nodes) -> Finding:
    return Finding(ref.span, f"{holder} names {ref.id}, which is not a claim, thesis or argument of this map",
                   did_you_mean(ref.id, nodes) or f"define it: `claim {ref.id}: ...`")


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
    r = resolve(ctx.map)
    # Every node the map's relations and arguments name; a name of another map
    # never names a node of this one, so there is no need to tell them apart.
    used = bytearray(len(r.ids))
    relations, arguments = r.map_relations[0], r.map_arguments[0]
    for i in r.rel_sources[relations.start:relations.stop]:
        used[i] = 1
    for i in r.rel_targets[relations.start:relations.stop]:
        used[i] = 1
    for j, a in r.link_sources.items():
        if j in relations:
            used[a] = 1
    for i in arguments:
        for p in r.arg_premises[i]:
            used[p] = 1
        used[r.arg_conclusions[i]] = 1
    kinds, items = r.kinds, r.items
    for i in r.map_nodes[0]:
        if kinds[i] == CLAIM and not used[i]:
            claim = items[i]
            yield Finding(claim.span, f"claim {claim.id} is not related to any other claim",
                          "say what it supports or attacks, e.g. `supports x` under it")
