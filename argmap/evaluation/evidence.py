"""Base scores from the evidence: what backs each claim sets where its strength starts.

A gradual semantics starts every node at a base score.  argmap reads it
from what the map says backs the claim or thesis, so that the evaluation
weighs sources:

* ``verified``: a quotation found in the article's text that cites a
  footnote (the words are the article's, and the note says where they come
  from);
* ``cited``: the claim cites a footnote, or quotes the article correctly
  without a note;
* ``uncited``: nothing backs the claim but the analyst's reading;
* ``failed``: a citation names a footnote the map does not define, or a
  quotation is not in the article's text (what C101 and C108 report).

A failed check outranks everything else: one misquotation puts the claim
under ``failed`` whatever else it cites.  Quotations are checked only when
the article's text is given; without it a quoting claim counts by its
citations.  Arguments (linked premises), support links and "premise out"
nodes are inferences, not claims: their base score is 1, so they pass on
their premises' strength.  Each weight is configurable (``base-scores`` in
``[tool.argmap]`` or ``argmap.toml``); docs/evaluation.md lists the defaults.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from argmap.evaluation.mapgraph import THESIS, AttackGraph
from argmap.model import Claim, Map, Thesis

LEVELS = ("verified", "cited", "uncited", "failed")
"""The kinds of backing, strongest first."""


def _unit(instance, attribute, value: float) -> None:
    if not 0.0 <= value <= 1.0:  # NaN fails this too
        raise ValueError(f"the base score for {attribute.name} claims must be in [0, 1], got {value!r}")


@attrs.frozen
class BaseScores:
    """The base score given to a claim by its backing (see the module's description)."""

    verified: float = attrs.field(default=0.9, converter=float, validator=_unit)
    cited: float = attrs.field(default=0.7, converter=float, validator=_unit)
    uncited: float = attrs.field(default=0.5, converter=float, validator=_unit)
    failed: float = attrs.field(default=0.2, converter=float, validator=_unit)

    @classmethod
    def of(cls, table: Mapping[str, float] | Sequence[tuple[str, float]] | None) -> BaseScores:
        """The scores with *table*'s entries (``{"cited": 0.8}``) over the defaults; ValueError for a bad key."""
        items = dict(table or {})
        unknown = sorted(set(items) - set(LEVELS))
        if unknown:
            raise ValueError(f"unknown base-score kind {unknown[0]!r}: use {', '.join(LEVELS)}")
        return cls(**items)

    def weight(self, level: str) -> float:
        """The base score for one kind of backing."""
        return getattr(self, level)


def backing(node: Claim | Thesis, m: Map, source: str | None = None) -> str:
    """What backs *node*, one of :data:`LEVELS`; *m* is the map that defines it, *source* its article's
    text (or None: quotations are then not checked)."""
    table = m.footnote_table
    quotes = node.quotes if isinstance(node, Claim) else ()
    citations = list(node.citations) + [c for q in quotes for c in q.citations]
    if any(c.label not in table for c in citations):
        return "failed"
    if source is not None and quotes:
        from argmap.sources.match import find_quotation  # the article's reading: only for a map that has one

        found = [find_quotation(q.text, source).found for q in quotes]
        if not all(found):
            return "failed"
        if any(q.citations for q in quotes):
            return "verified"
        return "cited"
    return "cited" if citations else "uncited"


def weights(graph: AttackGraph) -> dict[int, float]:
    """The base score each claim or thesis of the graph is given by a ``weight`` line, by node number.

    A weight is the analyst's own base score for the claim: it overrides the
    one its backing gives (a weight outside [0, 1] is an error of loading,
    A010, and is not used).
    """
    r = graph.resolved
    out: dict[int, float] = {}
    for i in range(graph.n_nodes):
        item = r.items[i]
        if graph.kinds[i] <= THESIS and isinstance(item, (Claim, Thesis)) and item.settings:
            try:
                w = item.weight
            except ValueError:
                continue
            if w is not None and 0.0 <= w <= 1.0:
                out[i] = w
    return out


def levels(graph: AttackGraph, sources: Mapping[int, str] | None = None) -> list[str | None]:
    """The backing of every claim and thesis of the graph (None for arguments); *sources* maps a map's
    number (0 for the map itself) to its article's text, where it was found."""
    r = graph.resolved
    sources = sources or {}
    out: list[str | None] = []
    for i in range(graph.n_nodes):
        item = r.items[i]
        if graph.kinds[i] > THESIS or not isinstance(item, (Claim, Thesis)):
            out.append(None)
            continue
        home = r.homes[i]
        out.append(backing(item, r.map(home), sources.get(home)))
    return out
