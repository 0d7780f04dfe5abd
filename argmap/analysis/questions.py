"""The critical questions of a map's inferences: which the map answers, which it leaves open.

An *inference* is a support (``a supports b as expert_opinion``) or a
linked argument (``argument x: a + b -> c as consequences``) that names an
argumentation scheme.  The scheme's critical questions (the catalogue,
:mod:`argmap.schemes`) are the doubts such an inference has to survive.  A
question counts as **answered** when a claim tagged with the question's id
(``tags expertise``) takes it up where it bites:

* it undercuts the inference (``undercuts a -> b``, or the argument's id),
* it rebuts or contradicts the conclusion or one of the reasons,
* it supports one of the reasons (the map has the answer ready), or
* it is one of a linked argument's own premises (the premise states it).

Every other question is **open**: for the side that makes the inference,
something to prepare; for the other side, something to ask.  The rule S219
reports them, and ``argmap brief`` lists them.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from argmap.diagnostics import Span
from argmap.model import Argument, Map, Relation
from argmap.resolve import ARGUMENT, CONTRADICTS, REBUTS, SUPPORTS, UNDERCUTS, UNDERCUTS_LINK, resolve
from argmap.schemes import Catalogue, CriticalQuestion, Scheme, load_catalogue

__all__ = ["Inference", "Question", "inferences"]


@attrs.frozen
class Question:
    """One critical question of an inference, and the names of the claims that answer it (none: open)."""

    question: CriticalQuestion
    answered_by: tuple[str, ...] = ()

    @property
    def open(self) -> bool:
        return not self.answered_by


@attrs.frozen
class Inference:
    """A support or linked argument that names a scheme, with the state of each of its critical questions.

    ``reasons`` and ``conclusion`` are node names (as :mod:`argmap.resolve`
    writes them); ``scheme`` is None when the catalogue has no scheme of
    that name (then there are no questions: rule S217 says so).
    """

    statement: Relation | Argument
    scheme_name: str
    scheme: Scheme | None
    reasons: tuple[str, ...]
    conclusion: str
    questions: tuple[Question, ...]
    span: Span

    @property
    def open_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.open)

    @property
    def answered(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if not q.open)

    @property
    def name(self) -> str:
        """How the brief and the messages name it: ``a -> b``, or the argument's id."""
        if isinstance(self.statement, Argument):
            return self.statement.id
        return f"{self.reasons[0]} -> {self.conclusion}"


def _tags(item) -> frozenset[str]:
    return frozenset(t.casefold() for t in getattr(item, "tags", ()) or ())


def inferences(m: Map, catalogue: Catalogue | None = None, *, every_map: bool = False) -> tuple[Inference, ...]:
    """The inferences of *m* that name a scheme, in the map's order; with *every_map*, those of the maps it uses too.

    *catalogue* defaults to the shipped one.  Claims of used maps that
    answer a question count either way.
    """
    catalogue = catalogue if catalogue is not None else load_catalogue()
    r = resolve(m)
    names = r.names
    maps = range(len(r.map_relations)) if every_map else range(1)
    wanted = [(k, i) for k in maps for i in r.map_relations[k]
              if r.relations[i].scheme is not None and r.rel_kinds[i] == SUPPORTS]
    wanted_args = [(k, j) for k in maps for j in r.map_arguments[k]
                   if r.arguments[j].scheme is not None and not r.arguments[j].attacks]
    if not wanted and not wanted_args:
        return ()
    # every relation by what it points at: the nodes it names, and the links it undercuts
    into: dict[int, list[int]] = {}
    on_link: dict[tuple[int, int], list[int]] = {}
    for i, kind in enumerate(r.rel_kinds):
        if kind == UNDERCUTS_LINK:
            on_link.setdefault((r.link_sources[i], r.rel_targets[i]), []).append(i)
        else:
            into.setdefault(r.rel_targets[i], []).append(i)

    def takers(reasons: Sequence[int], conclusion: int, undercut_node: int | None) -> list[tuple[int, str]]:
        """(source node, how) of every relation that takes the inference up."""
        found = []
        for reason in reasons:
            for i in on_link.get((reason, conclusion), ()):
                found.append((r.rel_sources[i], "undercut"))
            for i in into.get(reason, ()):
                kind = r.rel_kinds[i]
                if kind in (REBUTS, CONTRADICTS, SUPPORTS):
                    found.append((r.rel_sources[i], "reason"))
        for i in into.get(conclusion, ()):
            if r.rel_kinds[i] in (REBUTS, CONTRADICTS):
                found.append((r.rel_sources[i], "conclusion"))
        if undercut_node is not None:
            for i in into.get(undercut_node, ()):
                if r.rel_kinds[i] == UNDERCUTS:
                    found.append((r.rel_sources[i], "undercut"))
        return found

    def state(scheme: Scheme | None, candidates: list[int]) -> tuple[Question, ...]:
        if scheme is None:
            return ()
        out = []
        for cq in scheme.questions:
            key = cq.id.casefold()
            by = [names[n] for n in dict.fromkeys(candidates) if key in _tags(r.items[n])]
            out.append(Question(cq, tuple(by)))
        return tuple(out)

    made: list[tuple[tuple[int, int], Inference]] = []
    for k, i in wanted:
        rel = r.relations[i]
        scheme = catalogue.get(rel.scheme)
        source, target = r.rel_sources[i], r.rel_targets[i]
        candidates = [n for n, _ in takers((source,), target, None)]
        made.append(((k, rel.span.line, rel.span.column), Inference(
            rel, rel.scheme, scheme, (names[source],), names[target], state(scheme, candidates),
            rel.scheme_span)))
    for k, j in wanted_args:
        arg = r.arguments[j]
        scheme = catalogue.get(arg.scheme)
        node = r.arg_nodes[j]
        premises, conclusion = r.arg_premises[j], r.arg_conclusions[j]
        own = node if r.kinds[node] == ARGUMENT else None
        candidates = [n for n, _ in takers(premises, conclusion, own)] + list(premises)
        made.append(((k, arg.span.line, arg.span.column), Inference(
            arg, arg.scheme, scheme, tuple(names[p] for p in premises), names[conclusion],
            state(scheme, candidates), arg.scheme_span)))
    made.sort(key=lambda pair: pair[0])
    return tuple(inference for _, inference in made)
