"""Why a claim has its label or its strength, in words a debater reads.

:func:`why_label` walks the grounded labelling's reasons from one node: an
OUT node is out because an IN attacker defeats it, and that attacker is in
because every attack on it is defeated in turn, down to attackers nothing
attacks.  :func:`why_strength` lists the attacks and supports on a node
whose removal would move its gradual strength most (each edge taken away
alone, the other inputs as they are).
"""

from __future__ import annotations

from argmap.evaluation.dung import IN, LABELS, OUT, grounded_codes
from argmap.evaluation.mapgraph import AttackGraph
from argmap.evaluation.strengths import MapStrengths

MAX_DEPTH = 6
"""How many steps of reasons :func:`why_label` follows before it stops."""


def _attackers(graph: AttackGraph) -> list[list[int]]:
    pred: list[list[int]] = [[] for _ in graph.succ]
    for x, targets in enumerate(graph.succ):
        for y in targets:
            pred[y].append(x)
    return pred


def _name(graph: AttackGraph, x: int) -> str:
    if x >= graph.n_public:
        return f"the premise {graph.names[graph.premise_of[x]]} being out"
    return graph.names[x]


def _step(graph: AttackGraph, x: int, y: int) -> str:
    """How *x* attacks *y*, as a verb phrase."""
    if x >= graph.n_public:
        return f"{_name(graph, x)} undoes it"
    if x >= graph.n_nodes:
        a, _, b = graph.names[x].partition(" -> ")
        return f"{a} supports {b}, which attacks it"
    return f"{graph.names[x]} {graph.how(x, y)} it"


def why_label(graph: AttackGraph, node: int, *, depth: int = MAX_DEPTH) -> list[str]:
    """The chain of attacks and defences that decides *node*'s grounded label, one indented line a step."""
    lab, reason = grounded_codes(graph.succ)
    pred = _attackers(graph)
    lines: list[str] = []
    seen: set[int] = set()

    def say(v: int, indent: int, level: int) -> None:
        pad = "  " * indent
        word = str(LABELS[lab[v]])
        name = _name(graph, v)
        if v in seen:
            lines.append(f"{pad}{name} is {word} (as above)")
            return
        seen.add(v)
        if level >= depth:
            lines.append(f"{pad}{name} is {word} (and so on)")
            return
        if lab[v] == OUT:
            x = reason[v]
            lines.append(f"{pad}{name} is OUT: {_step(graph, x, v)}, and that stands:")
            say(x, indent + 1, level + 1)
        elif lab[v] == IN:
            if not pred[v]:
                lines.append(f"{pad}{name} is IN: nothing attacks it")
                return
            lines.append(f"{pad}{name} is IN: every attack on it is defeated:")
            for x in pred[v]:
                say(x, indent + 1, level + 1)
        else:
            undecided = [x for x in pred[v] if lab[x] != OUT]
            lines.append(f"{pad}{name} is UNDEC: caught in a conflict no one settles; undecided attackers:")
            for x in undecided[:3]:
                say(x, indent + 1, level + 1)

    say(node, 0, 0)
    return lines


def why_strength(s: MapStrengths, node: int, *, top: int = 5) -> list[str]:
    """The largest contributions to *node*'s gradual strength: each attack or support, and what the
    strength would be without it."""
    b = s.graph
    graph = b.graph
    values = s.values
    names = graph.names
    public = {step: names[link] for link, step in b.inference.items()}
    public.update({neg: f"not {names[p]}" for p, neg in b.negation.items()})
    inputs = [(x, "attacks") for x, y in b.attacks if y == node] + [(x, "supports") for x, y in b.supports if y == node]
    me = values[node]
    lines = [f"{names[node]}: strength {me:.3f} from a base score of {b.base[node]:.2f}"
             + (f" ({b.backing[node]})" if b.backing[node] else "")]
    rows = []
    for x, how in inputs:
        without = _without(s, node, x, how, inputs)
        rows.append((abs(me - without), x, how, without))
    rows.sort(key=lambda r: (-r[0], r[1]))
    for _, x, how, without in rows[:top]:
        who = public.get(x, names[x] if x < len(names) else str(x))
        lines.append(f"  {who} ({values[x]:.3f}) {how} it: without it, {without:.3f} ({me - without:+.3f} from it)")
    if len(rows) > top:
        lines.append(f"  and {len(rows) - top} smaller contributions")
    if not rows:
        lines.append("  nothing attacks or supports it: its strength is its base score")
    return lines


def _without(s: MapStrengths, node: int, gone: int, how: str, inputs) -> float:
    """*node*'s strength computed from its inputs but one, the others' strengths as they are."""
    from argmap.evaluation.gradual import _combine, _settle

    values, v0 = s.values, s.graph.base[node]
    rest = [(x, h) for x, h in inputs if not (x == gone and h == how)]
    if s.semantics == "dfquad":
        att = sup = 1.0
        for x, h in rest:
            if h == "attacks":
                att *= 1.0 - values[x]
            else:
                sup *= 1.0 - values[x]
        return _combine(v0, att, sup)
    energy = sum(values[x] if h == "supports" else -values[x] for x, h in rest)
    return _settle(v0, energy)


def why(m, e, node_id: str, *, json_output: bool = False) -> str:
    """``argmap eval --why``: *node_id*'s grounded chain of reasons, and its strength's largest
    contributions when *e* is a gradual evaluation; KeyError for an id the map does not define."""
    import json

    from argmap.evaluation.core import attack_graph
    from argmap.resolve import resolve

    graph = attack_graph(m)
    node = resolve(m).lookup(node_id)
    if node is None or node >= graph.n_nodes:
        raise KeyError(f"no claim, thesis or argument {node_id!r} in map {m.id}")
    label = why_label(graph, node)
    strength = why_strength(e, node) if isinstance(e, MapStrengths) else []
    if json_output:
        return json.dumps({"id": graph.names[node], "label": label, "strength": strength}, indent=2,
                          ensure_ascii=False)
    return "\n".join(label + ([""] + strength if strength else []))


def deciding_text(m, semantics: str, *, json_output: bool = False, **options) -> str:
    """``argmap eval --deciding``: for each thesis, the claims and footnotes whose loss would change it."""
    import json

    from argmap.evaluation.core import attack_graph
    from argmap.evaluation.deciding import deciding_claims, deciding_sources
    from argmap.evaluation.evidence import BaseScores
    from argmap.evaluation.mapgraph import THESIS

    graph = attack_graph(m)
    gradual = semantics if semantics in ("dfquad", "quadratic-energy") else "dfquad"
    scores = BaseScores.of(options.get("base_scores"))
    text = options.get("source_text")
    sources = {0: text} if text is not None else None
    data, lines = [], []
    for t in range(graph.n_nodes):
        if graph.kinds[t] != THESIS:
            continue
        claims = deciding_claims(graph, t)
        notes = deciding_sources(graph, t, semantics=gradual, scores=scores, sources=sources)
        name = graph.names[t]
        label = LABELS[grounded_codes(graph.succ)[0][t]]
        data.append({"thesis": name, "label": label.value,
                     "claims": [{"id": d.id, "label": d.label.value, "if_flipped": d.thesis_label_if_flipped.value}
                                for d in claims],
                     "sources": [{"note": s.note, "claims": list(s.claims), "resting": list(s.resting),
                                  "if_lost": s.thesis_label_if_lost.value, "strength": s.strength,
                                  "strength_if_lost": s.strength_if_lost} for s in notes]})
        lines.append(f"{name} ({label}):")
        for d in claims:
            lines.append(f"  claim {d.id} ({d.label}): flipped, the thesis would be {d.thesis_label_if_flipped}")
        for s in notes[:10]:
            flip = f"the thesis would be {s.thesis_label_if_lost}" if s.flips else "the label holds"
            lines.append(f"  note [^{s.note}] ({', '.join(s.claims)}): without it {flip}; "
                         f"{gradual} strength {s.strength:.3f} -> {s.strength_if_lost:.3f}")
        if not claims and not notes:
            lines.append("  no single claim or footnote decides it")
    return json.dumps(data, indent=2, ensure_ascii=False) if json_output else "\n".join(lines)
