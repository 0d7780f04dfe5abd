"""Choosing a layout by looking at it: a few candidate drawings laid out, the most readable kept.

Graphviz's ``dot`` orders each row with heuristics (Gansner et al., "A
technique for drawing directed graphs", IEEE TSE 19(3), 1993): a small
change, one more row for a crowded claim's reasons or a longer search for
a good order (``mclimit``), can halve a diagram's crossings or double its
width, and which one does cannot be told before the layout.  The seed maps
take 0.05 to 0.3 s each to lay out, so for a diagram of modest size
:func:`choose` lays out a handful of candidates (:func:`candidates`),
measures each (:func:`argmap.rendering.geometry.measure`) and keeps the
best by :func:`badness`: near a screen's shape first, then the fewest
crossings, then the fewest edges through boxes, then the shortest edges.
The candidates and their order are fixed, so the same map always gives
the same picture with the same Graphviz.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from argmap.rendering.engines import RenderError
from argmap.rendering.geometry import Metrics, crossings_by_edge, lengths_by_edge, measure

#: The widest (and tallest) shape accepted without penalty, width : height; the issue's bound is 2.5.
ASPECT_LIMIT = 2.4
#: A layout variant: the rows a crowded claim's reasons are spread over (None: the plan's estimate),
#: and graph attributes for Graphviz.
Variant = tuple[int | None, tuple[tuple[str, str], ...]]
_LONGER = (("mclimit", "4"),)  # mincross tries four times as long
_WIDER = (("searchsize", "100"), ("mclimit", "2"))  # and follows negative cut values further
_ORDERED = (("ordering", "out"),)  # a claim's reasons keep the order the map gives them
#: Every variant, in the order tried: the estimate's own first, then those that did best on the seed maps.
VARIANTS: tuple[Variant, ...] = (
    (None, ()), (None, _LONGER), (None, _WIDER), (1, ()), (8, ()), (3, _LONGER), (6, ()), (4, ()), (5, _LONGER),
    (3, ()), (2, ()), (8, _LONGER), (1, _ORDERED), (4, _LONGER),
)
#: A link between articles drawn as an edge may cross this many other edges; past it, it is drawn as stubs.
LINK_CROSSINGS = 2
#: ... and be this many times as long as the drawing's median edge, at most (a line across half the
#: picture is no easier to follow than a stub naming the claim at its other end).
LINK_LENGTH = 8.0
#: How many times the links that cross too much are turned into stubs and the diagram laid out again.
LINK_ROUNDS = 4
#: The rows of articles a debate is tried in (see :func:`argmap.rendering.debate.article_rows`).
BANDS = (1, 2)
#: How many variants are tried, by the number of nodes drawn (up to the first number: the second).  A
#: dozen boxes have little to order and are laid out once; past that, the smaller the more variants.
TRIES: tuple[tuple[int, int], ...] = ((11, 1), (60, 13), (200, 8), (400, 3))


def tries(nodes: int) -> int:
    """How many layouts are tried for a diagram of *nodes* nodes (1: the plan's own, no search)."""
    for most, n in TRIES:
        if nodes <= most:
            return n
    return 1


def candidates(nodes: int, stagger: int | None = None) -> tuple[Variant, ...]:
    """The variants tried for a diagram of *nodes* nodes; a *stagger* the caller forced is kept in each."""
    chosen = VARIANTS[:tries(nodes)]
    if stagger is not None:
        chosen = tuple(dict.fromkeys((stagger, extra) for _, extra in chosen))
    return chosen


def badness(m: Metrics) -> tuple[float, int, int, float]:
    """How unreadable a layout is, compared in order: how far its shape is past :data:`ASPECT_LIMIT`
    (in log ratio, 0 within it), crossings, edges through boxes, edge length per node."""
    off = max(0.0, abs(math.log(m.aspect)) - math.log(ASPECT_LIMIT)) if m.aspect > 0 else math.inf
    return round(off, 3), m.crossings, m.cuts, m.length_per_node


def choose(make: Callable[[Variant], object], lay_out: Callable[[object], str],
           variants: Sequence[Variant]) -> tuple[object, str, Metrics | None]:
    """The best of the drawings ``make(v)`` for each of *variants*, its SVG by *lay_out*, and its metrics.

    With one variant nothing is measured.  A variant whose layout fails
    (too slow, Graphviz's error) is passed over, unless it is the first: then
    the error is the caller's.
    """
    first = make(variants[0])
    svg = lay_out(first)
    if len(variants) == 1:
        return first, svg, None
    metrics = measure(svg)
    best = (badness(metrics), 0, first, svg, metrics)
    for n, v in enumerate(variants[1:], 1):
        drawing = make(v)
        try:
            other = lay_out(drawing)
        except RenderError:
            continue
        metrics = measure(other)
        if (badness(metrics), n) < best[:2]:
            best = (badness(metrics), n, drawing, other, metrics)
    return best[2], best[3], best[4]


def with_bands(variants: Sequence[Variant], bands: Sequence[int] = BANDS) -> tuple[tuple, ...]:
    """The first half of *variants* (at least one), each with the articles of a debate in each number of
    rows of *bands*: ``(rows, attributes, bands)``; as many layouts as *variants* alone when two."""
    half = variants[:max(1, len(variants) // len(bands))]
    return tuple((rows, extra, b) for b in bands for rows, extra in half)


def choose_links(make: Callable[[object, frozenset[int]], object], lay_out: Callable[[object], str],
                 variants: Sequence, links: frozenset[int], *, limit: int = LINK_CROSSINGS,
                 rounds: int = LINK_ROUNDS) -> tuple[object, str, Metrics | None]:
    """:func:`choose` for a debate, whose links between articles (*links*, edge indices) are drawn as
    edges only where they cross little: ``make(v, stubbed)`` draws variant *v* with the links *stubbed*
    drawn as stubs.  After each choice the links drawn as edges that cross more than *limit* other edges
    or are longer than :data:`LINK_LENGTH` times the median edge are added to the stubbed ones and the
    choice made again, up to *rounds* times, so that what is left
    as lines can be followed by eye.  A drawing's ``edge_ids`` give the SVG ids of each edge, by index.
    """
    stubbed: frozenset[int] = frozenset()
    chosen = choose(lambda v: make(v, stubbed), lay_out, variants)
    for _ in range(rounds):
        drawing, svg, _ = chosen
        crossed, lengths = crossings_by_edge(svg), lengths_by_edge(svg)
        ordered = sorted(lengths.values())
        longest = LINK_LENGTH * ordered[len(ordered) // 2] if ordered else math.inf

        def too_much(ids: tuple[str, ...]) -> bool:
            return sum(crossed.get(x, 0) for x in ids) > limit or sum(lengths.get(x, 0.0) for x in ids) > longest

        worse = frozenset(i for i, (_, ids) in enumerate(drawing.edge_ids)
                          if i in links and i not in stubbed and too_much(ids))
        if not worse:
            break
        stubbed |= worse
        chosen = choose(lambda v: make(v, stubbed), lay_out, variants)
    return chosen
