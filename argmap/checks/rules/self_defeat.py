"""Evaluation rules: a claim defeated by its own case's concession (S213), a thesis defeated by an
attack that nothing backs (S214)."""

from __future__ import annotations

import attrs

from argmap.checks.rules import Finding, rule
from argmap.checks.rules.coherence import STRUCTURE
from argmap.diagnostics import Severity
from argmap.evaluation.dung import OUT, Label, grounded_codes
from argmap.evaluation.flips import Grounded
from argmap.evaluation.mapgraph import THESIS, attack_graph
from argmap.model import Claim
from argmap.resolve import resolve


def _own_cases(r, node: int) -> set[int]:
    """The cases a node belongs to: a claim's case, or every case `for` a thesis."""
    if r.kinds[node] == THESIS:
        return {k for k, t in enumerate(r.case_theses) if t == node and r.cases[k].stance == "for"}
    k = r.case_of[node]
    return {k} if k >= 0 else set()


MUCH_WEAKER = 0.5
"""How far (at least) a concession must pull a claim's DF-QuAD strength down for S213 to call it much weakened."""


def _weakening(graph, y: int, concessions: list[int]) -> tuple[float, float]:
    """*y*'s DF-QuAD strength with the concessions' attacks on it, and without them (base scores from
    the citations and weights: the rule does not read the article)."""
    # (imported here: only a claim that a concession attacks needs the gradual semantics)
    from argmap.evaluation.strengths import bipolar, solve

    b = bipolar(graph)
    gone = {(c, y) for c in concessions}
    kept = attrs.evolve(b, attacks=tuple(e for e in b.attacks if tuple(e) not in gone))
    return solve(b, "dfquad").values[y], solve(kept, "dfquad").values[y]


@rule("S213", "self-defeat", Severity.WARNING, STRUCTURE)
def self_defeat(ctx):
    """A claim that is OUT, or much weakened, only because a concession of its own case attacks it, unanswered.

    What it finds: a claim or thesis of the map that the grounded labelling
    puts OUT, where the attack that defeats it comes from a `concession`
    of the claim's own case (for a thesis: of a case `for` it), no claim
    of the case attacks that concession back, and without the concession
    the claim would not be OUT; or such a claim that is not OUT but whose
    DF-QuAD strength the unanswered concession lowers by 0.5 or more
    (`MUCH_WEAKER`: from 0.9 to below 0.4, say; half the scale, so a
    concession that merely trims a claim is left alone).
    Why it matters: an author's concession is a point granted, not a
    refutation of the author's own claim; mapped as an unanswered rebuttal
    it knocks the claim out, and the labels then say the article defeats
    itself.  Either the case answers the concession (add the claim of the
    article that does), or the concession is not an attack (the author
    grants a fact that limits the claim: drop the `rebuts`, or undercut
    the step it weakens).

    Fails:
        thesis t: Japan should keep talking to Russia.
        case akiyama for t: Akiyama's case.
        claim trust (akiyama): The leaders trust each other.
          supports t
        claim g7 (akiyama): G7 solidarity forced sanctions on Japan.
          concession
          rebuts t

    Passes:
        thesis t: Japan should keep talking to Russia.
        case akiyama for t: Akiyama's case.
        claim trust (akiyama): The leaders trust each other.
          supports t
        claim g7 (akiyama): G7 solidarity forced sanctions on Japan.
          concession
          rebuts t
        claim mild (akiyama): The sanctions were mild and left the talks open.
          rebuts g7
    """
    r = resolve(ctx.map)
    graph = attack_graph(ctx.map)
    items, names = r.items, graph.names
    against: dict[int, list[int]] = {}  # a claim of the map -> the unanswered concessions of its case on it
    for c in range(graph.n_nodes):
        concession = items[c]
        if r.homes[c] != 0 or not isinstance(concession, Claim) or not concession.concession:
            continue
        for y in graph.direct.get(c, ()):
            if y >= graph.n_nodes or r.homes[y] != 0 or y in against.get(y, ()):
                continue
            cases = _own_cases(r, y) & _own_cases(r, c)
            if cases and not any(c in ts and r.case_of[x] in cases for x, ts in graph.direct.items()):
                against.setdefault(y, []).append(c)
    for y, concessions in against.items():
        g = Grounded(graph.succ, y)
        concessions = list(dict.fromkeys(concessions))
        kind = "thesis" if r.kinds[y] == THESIS else "claim"
        which = " and ".join(names[c] for c in concessions)
        one = len(concessions) == 1
        if g.lab[y] != OUT:
            with_them, without = _weakening(graph, y, concessions)
            if without - with_them >= MUCH_WEAKER:
                yield Finding(items[y].span,
                              f"{kind} {names[y]} is much weakened by {which}, "
                              f"{'a concession' if one else 'concessions'} of its own case that the case does "
                              f"not answer: its DF-QuAD strength is {with_them:.2f}, {without:.2f} without "
                              f"{'it' if one else 'them'}",
                              f"answer {which} with the claim of the article that does, or, if the author grants "
                              f"{'it' if one else 'them'} without giving up {names[y]}, do not map "
                              f"{'it' if one else 'them'} as an attack on {names[y]}")
            continue
        if g.flipped(dict.fromkeys(concessions, OUT)) is Label.OUT:
            continue  # out for another reason too
        yield Finding(items[y].span,
                      f"{kind} {names[y]} is OUT only because {which}, "
                      f"{'a concession' if one else 'concessions'} of its own case, "
                      f"{'attacks' if one else 'attack'} it and the case does not answer "
                      f"{'it' if one else 'them'}",
                      f"answer {which} with the claim of the article that does, or, if the author grants "
                      f"{'it' if one else 'them'} without giving up {names[y]}, do not map "
                      f"{'it' if one else 'them'} as an attack on {names[y]}")


@rule("S214", "unsourced-defeat", Severity.WARNING, STRUCTURE)
def unsourced_defeat(ctx):
    """A thesis defeated by an attack that cites nothing and that nothing in the map supports.

    What it finds: a thesis of the map that the grounded labelling puts
    OUT, where the claim that defeats it cites no footnote (itself or in a
    quotation) and has no support in the map.
    Why it matters: a whole side's thesis falls to one bare assertion; that
    may be the analyst's reading rather than the article's.  Cite what the
    attack rests on, support it, or answer it.

    Fails:
        thesis t: The new approach will succeed.
        claim doubt (brown): It will not.
          rebuts t

    Passes:
        thesis t: The new approach will succeed.
        claim doubt (brown): It will not. [^1]
          rebuts t
        footnotes
          [^1]: Brown, "Japan's new approach", 2017.
    """
    r = resolve(ctx.map)
    graph = attack_graph(ctx.map)
    names = graph.names
    lab = reason = None
    for t in range(graph.n_nodes):
        if graph.kinds[t] != THESIS or r.homes[t] != 0:
            continue
        if lab is None:
            lab, reason = grounded_codes(graph.succ)
        if lab[t] != OUT:
            continue
        x = reason[t]
        if x >= graph.n_nodes or graph.kinds[x] > THESIS:
            continue  # a support or an argument defeats it: something backs the attack
        if graph.cites(x) or graph.supports.get(x):
            continue
        yield Finding(r.items[t].span,
                      f"thesis {names[t]} is OUT, defeated by {names[x]}, which cites no source and which nothing "
                      f"in the map supports",
                      f"cite the footnote {names[x]} rests on, support it, or answer it")
