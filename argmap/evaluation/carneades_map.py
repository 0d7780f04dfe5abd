"""A map read as a Carneades argument graph: proof standards and the burden of proof on a map.

What a map can say today becomes a CAES (:mod:`argmap.evaluation.carneades`):

* every claim and thesis is a statement, with the proof standard
  *preponderance of the evidence* and the burden of proof on the pro side,
  unless its ``standard`` or ``burden`` line, or *standards* or *burdens*
  (which win), say otherwise for its id;
* a ``weight`` line sets the claim's base score, which every argument it
  grounds then weighs;
* a claim or thesis that cites a source has a pro argument **from its
  source**, without premises, weighing its base score
  (:mod:`argmap.evaluation.evidence`): a source is a ground;
* ``a supports b`` is a pro argument for ``b`` with premise ``a``, weighing
  ``a``'s base score; an undercut of ``a -> b`` is its exception;
* ``x rebuts y`` is a con argument against ``y`` with premise ``x``
  (``contradicts``: one each way), weighing ``x``'s base score; an attack
  on an argument node is an exception of that argument;
* a linked argument ``p + q -> c`` is one pro argument with premises
  ``p, q`` and weighing LINKED, weighing its weakest premise's base score;
  a linked attack ``p + q rebuts c`` is one con argument against ``c`` the
  same way.

So a claim with no grounds, neither a source nor an acceptable support, is
not acceptable while the pro side bears the burden; with the burden on the
con side it stands unless the con arguments meet its standard.  Carneades
needs an acyclic graph: statements on a cycle of dependencies are undecided
and the cycle is reported.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.evaluation.carneades import (
    CArgument,
    CarneadesGraph,
    CarneadesResult,
    Outcome,
    ProofStandard,
    Side,
    Statement,
    Status,
    Weighing,
    evaluate_carneades,
)
from argmap.evaluation.evidence import BaseScores, levels, weights
from argmap.evaluation.mapgraph import THESIS, AttackGraph
from argmap.model import STANDARDS


@attrs.frozen
class CarneadesEvaluation:
    """The Carneades status of every claim and thesis of a map, with the outcome behind each."""

    status: Mapping[str, Status]
    outcomes: Mapping[str, Outcome]
    result: CarneadesResult = attrs.field(repr=False, eq=False)
    semantics: str = "carneades"

    def __getitem__(self, id: str) -> Status:
        return self.status[id]

    def summary(self, name: str) -> str:
        """One line counting the statuses and the cycles left undecided."""
        counts = {s: 0 for s in Status}
        for s in self.status.values():
            counts[s] += 1
        cycles = len(self.result.problems)
        text = (f"{name}: {len(self.status)} statements under carneades: {counts[Status.ACCEPTABLE]} acceptable, "
                f"{counts[Status.NOT_ACCEPTABLE]} not acceptable, {counts[Status.UNDECIDED]} undecided")
        return text + (f"; {cycles} cycle{'s' if cycles != 1 else ''} of dependencies" if cycles else "")

    def to_text(self, name: str) -> str:
        """One line a statement (id, status, standard and burden, why) and the summary."""
        width = max((len(i) for i in self.status), default=0)
        lines = [f"{i:<{width}}  {str(s):<14}  {o.standard} (burden {o.burden}): {o.reason}"
                 for (i, s), o in zip(self.status.items(), self.outcomes.values())]
        lines += [f"cycle: {p.message}" for p in self.result.problems]
        lines.append(self.summary(name))
        return "\n".join(lines)

    def to_json(self, name: str) -> dict:
        """The evaluation as JSON-ready data."""
        from argmap.evaluation.report import head

        return {**head("map", name, "carneades"),
                "status": {k: str(v) for k, v in self.status.items()},
                "outcomes": {k: {"standard": str(o.standard), "burden": str(o.burden), "met": o.met, "pro": o.pro,
                                 "con": o.con, "reason": o.reason} for k, o in self.outcomes.items()},
                "problems": [p.message for p in self.result.problems], "summary": self.summary(name)}


def carneades_graph(graph: AttackGraph, *, scores: BaseScores = BaseScores(),
                    sources: Mapping[int, str] | None = None,
                    standards: Mapping[str, ProofStandard | str] | None = None,
                    burdens: Mapping[str, Side | str] | None = None) -> CarneadesGraph:
    """The CAES of a map's graph (see the module's description)."""
    n = graph.n_nodes
    names = graph.names
    backing = levels(graph, sources)
    stmt = [i for i in range(n) if graph.kinds[i] <= THESIS]
    said_standards, said_burdens = _said(graph, stmt)
    standards = {**said_standards, **(standards or {})}
    burdens = {**said_burdens, **(burdens or {})}
    statements = [Statement(names[i], standards.get(names[i], ProofStandard.PE), burdens.get(names[i], Side.PRO))
                  for i in stmt]
    is_stmt = set(stmt)
    weighted = weights(graph)
    weight = {i: weighted[i] if i in weighted else scores.weight(backing[i]) for i in stmt}
    exceptions: dict[int, list[str]] = {}  # an argument node or a support link -> its undercutters
    cons: list[tuple[int, int]] = []
    for x, targets in graph.direct.items():
        for y in targets:
            if x not in is_stmt:
                continue  # an argument that attacks: its conclusion carries the conflict
            if y in is_stmt:
                cons.append((x, y))
            else:
                exceptions.setdefault(y, []).append(names[x])
    args: list[CArgument] = []
    for i in stmt:
        if backing[i] in ("verified", "cited"):
            args.append(CArgument(f"source of {names[i]}", names[i], Side.PRO, (), (), weight[i]))
    for k, (a, b) in enumerate(graph.links):
        if a in is_stmt and b in is_stmt:
            args.append(CArgument(names[n + k], names[b], Side.PRO, (names[a],), exceptions.get(n + k, ()), weight[a]))
    for arg, premises, conclusion in graph.arguments:
        if not premises or not all(p in is_stmt for p in premises):
            continue
        if conclusion in is_stmt:
            args.append(CArgument(names[arg], names[conclusion], Side.PRO, tuple(names[p] for p in premises),
                                  exceptions.get(arg, ()), min(weight[p] for p in premises), Weighing.LINKED))
        elif conclusion is None:  # a linked attack: one con argument with all its premises
            for y in graph.direct.get(arg, ()):
                if y in is_stmt:
                    args.append(CArgument(names[arg], names[y], Side.CON, tuple(names[p] for p in premises),
                                          exceptions.get(arg, ()), min(weight[p] for p in premises), Weighing.LINKED))
    for x, y in dict.fromkeys(cons):
        args.append(CArgument(f"{names[x]} against {names[y]}", names[y], Side.CON, (names[x],), (), weight[x]))
    return CarneadesGraph(statements, args)


def _said(graph: AttackGraph, stmt: list[int]) -> tuple[dict[str, ProofStandard], dict[str, Side]]:
    """The proof standards and burdens the map's ``standard`` and ``burden`` lines give, by id."""
    r, names = graph.resolved, graph.names
    standards: dict[str, ProofStandard] = {}
    burdens: dict[str, Side] = {}
    for i in stmt:
        item = r.items[i]
        if not getattr(item, "settings", ()):
            continue
        code = STANDARDS.get(item.standard or "")
        if code is not None:
            standards[names[i]] = ProofStandard(code)
        if item.burden in ("pro", "con"):
            burdens[names[i]] = Side(item.burden)
    return standards, burdens


def map_carneades(graph: AttackGraph, **options) -> CarneadesEvaluation:
    """Carneades' verdict on every claim and thesis of a map (options as for :func:`carneades_graph`)."""
    result = evaluate_carneades(carneades_graph(graph, **options))
    ids = list(result.outcomes)
    status = {}
    for i in ids:
        status[i] = (Status.ACCEPTABLE if i in result.acceptable else
                     Status.UNDECIDED if i in result.undecided else Status.NOT_ACCEPTABLE)
    return CarneadesEvaluation(status, {i: result.outcomes[i] for i in ids}, result)

