"""A map drawn: :func:`diagram` makes a :class:`Diagram`, which is laid out as SVG, PNG, PDF or a page on demand.

Every option of ``argmap render`` is a keyword of :func:`diagram` (and of
:func:`render`), including the choice of layout: with no *engine*, a
diagram of more than :data:`~argmap.rendering.engines.DOT_NODE_LIMIT` nodes
is laid out by the faster ``sfdp`` with straight edges, and
:attr:`Diagram.note` says so.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from argmap._gc import no_gc
from argmap.diagnostics import Diagnostic
from argmap.files.io import write_atomic
from argmap.model import Map
from argmap.rendering import debate, engines, search, views
from argmap.rendering.dot import Drawing, to_dot
from argmap.rendering.engines import DEFAULT_TIMEOUT, ENGINES, RenderError, choose_layout
from argmap.rendering.graph import Graph, build
from argmap.rendering.marks import evaluation_labels, problems_by_node
from argmap.rendering.outputs import FORMATS, LAID_OUT, format_of, map_files, writes_over_map
from argmap.rendering.svg import style_svg
from argmap.rendering.views import ViewError
from argmap.rendering.wrapping import WRAP

#: The narrowest boxes drawn, in characters per line.
MIN_WRAP = 8


class Diagram:
    """A drawn map: its DOT ``source``, and the same picture as SVG, PNG, PDF or an HTML page.

    ``note`` is what the reader should be told about how it is drawn (that a
    big diagram gets a faster layout than asked for by default), or None.
    """

    def __init__(self, m: Map, drawing: Drawing, *, renderer: str = "auto",
                 timeout: float | None = DEFAULT_TIMEOUT, note: str | None = None,
                 variants: tuple[tuple[search.Variant, ...], Callable[[search.Variant], Drawing]] | None = None):
        self.map = m
        self.first = drawing  # the plan's own drawing; *variants* are the others tried, and how to make them
        self.variants = variants
        self.renderer = renderer
        self.timeout = timeout
        self.note = note
        self.options: dict[str, Any] = {}  # the drawing's options, for the page's overview
        self.links: frozenset[int] = frozenset()  # a debate's links that may be drawn as stubs, by edge index

    @functools.cached_property
    def _chosen(self) -> tuple[Drawing, str | None]:
        """The drawing kept (the most readable of the variants, laid out; see :mod:`~argmap.rendering.search`)
        and its SVG, or the plan's own drawing and None when there is nothing to choose from."""
        if self.variants is None or len(self.variants[0]) < 2:
            return self.first, None
        tried, make = self.variants
        made = {tried[0]: self.first}
        links = self.links
        if links:  # a debate: its links between articles drawn as lines only where they can be followed
            chosen, svg, _ = search.choose_links(
                lambda v, stubbed: (made.get(v) if not stubbed else None) or make(v, stubbed),
                self._lay_out, tried, links)
            return chosen, svg
        chosen, svg, _ = search.choose(lambda v: made.get(v) or make(v), self._lay_out, tried)
        return chosen, svg

    @property
    def drawing(self) -> Drawing:
        """The DOT drawing laid out: of several variants, the one whose layout reads best."""
        return self._chosen[0]

    @property
    def source(self) -> str:
        """The diagram in the DOT language, as planned (nothing is laid out to get it; the picture may be
        drawn from a variant of it, :attr:`drawing`)."""
        return self.first.source

    @property
    def graph(self) -> Graph:
        """The nodes and edges drawn (after views)."""
        return self.first.graph

    def _lay_out(self, drawing: Drawing) -> str:
        raw = engines.run(drawing.source, "svg", drawing.engine, self.renderer, self.timeout)
        return style_svg(raw.decode("utf-8"), drawing.roles)

    @functools.cached_property
    def _svg(self) -> str:
        drawing, svg = self._chosen
        return svg if svg is not None else self._lay_out(drawing)

    def svg(self) -> str:
        """The diagram as SVG text (laid out once, then kept)."""
        return self._svg

    @functools.cached_property
    def overview(self) -> tuple[Diagram, Mapping[str, tuple[str, ...]]] | None:
        """The diagram of the theses and top lines, the rest folded, and the keys each folded box holds;
        None when there is nothing to fold, or when the diagram is the debate's (its neighbourhoods
        are already the overview: folding them further would hide the links between articles)."""
        from argmap.rendering.overview import overview

        if len({n.map_id for n in self.graph.nodes.values()}) > 1:
            return None
        cut = overview(self.graph)
        if not cut.folded or self.first.engine != "dot":
            return None
        options = {**self.options, "legend": False}  # the page shows the whole map's legend with it
        drawing = to_dot(cut.graph, engine="dot", cluster="auto", folded=cut.folded, **options)
        return Diagram(self.map, drawing, renderer=self.renderer, timeout=self.timeout), cut.folded

    def render(self, format: str = "svg") -> bytes:
        """The diagram as *format*: svg, dot, png, pdf (these two need the system ``dot``) or html."""
        if format == "svg":
            return self.svg().encode("utf-8")
        if format == "dot":
            return self.source.encode("utf-8")
        if format == "html":
            from argmap.rendering.html import page

            return page(self).encode("utf-8")
        if format not in FORMATS:
            raise RenderError(f"unknown format {format!r}", f"use one of {', '.join(FORMATS)}")
        return engines.run(self.drawing.source, format, self.drawing.engine, self.renderer, self.timeout)

    def save(self, path: str | os.PathLike, format: str | None = None) -> Path:
        """Write the diagram to *path*, whole or not at all, as *format* or the one its suffix asks for.

        RenderError when the suffix names no format, or when *path* is a map (the map's suffix, or a
        file the map was read from).
        """
        path = Path(path)
        format = format or format_of(path)
        if format is None:
            raise RenderError(f"cannot tell the format from {path.name}",
                              "use a suffix .svg .png .pdf .dot .html, or give the format")
        if writes_over_map(path, {p.resolve() for p in map_files(self.map)}):
            raise RenderError(f"refusing to write over a map: {path}", "choose an output file with another suffix")
        write_atomic(path, self.render(format))
        return path

    def _repr_svg_(self) -> str:
        return self.svg()

    def _repr_mimebundle_(self, include: Iterable[str] | None = None,
                          exclude: Iterable[str] | None = None) -> dict[str, str]:
        return svg_bundle(self.svg, include, exclude)


def svg_bundle(make_svg: Callable[[], str], include: Iterable[str] | None = None,
               exclude: Iterable[str] | None = None) -> dict[str, str]:
    """A Jupyter mime bundle: ``{"image/svg+xml": make_svg()}``, or a ``text/plain`` line saying why the
    picture could not be made; ``{}`` (nothing made) when *include* and *exclude* leave SVG out."""
    wanted = {"image/svg+xml"}
    if include:
        wanted &= set(include)
    if exclude:
        wanted -= set(exclude)
    if not wanted:
        return {}
    try:
        return {"image/svg+xml": make_svg()}
    except (RenderError, ViewError) as exc:
        return {"text/plain": f"argmap could not draw the map: {exc}"}


def diagram(m: Map, *, focus: str | None = None, depth: int = 1, case: str | None = None,
            tag: str | None = None, document: str | None = None, collapse_imports: bool = False,
            neighbourhood: bool = True, choose: bool = True, stubs: bool | None = None,
            rankdir: str = "BT", engine: str | None = None, cluster: str = "auto", legend: bool = True,
            wrap: int = WRAP, stagger: int | None = None, labels: bool | Mapping[str, object] = False,
            semantics: str = "grounded", diagnostics: bool | Sequence[Diagnostic] = False,
            text_dirs: Iterable[str | os.PathLike] = (), renderer: str = "auto",
            timeout: float | None = DEFAULT_TIMEOUT, format: str = "svg") -> Diagram:
    """Draw the map *m* as a :class:`Diagram`; nothing is laid out until asked for.

    Views: *focus* (a claim id) with *depth* relation steps around it, *case*,
    *tag*, *document* (a map id), *collapse_imports*; with none of these,
    *neighbourhood* draws each used map's linked claims with their path to
    its thesis and a box counting the rest (False: the linked claims only).  Drawing: *rankdir*
    (BT puts conclusions on top), *cluster* (auto, document, case or none),
    *legend*, *wrap* (characters per line, at least 8), *stagger* (rows to
    spread a claim's many leaf reasons over), *stubs* (relations between
    cases drawn as a small box at each end naming the other claim; None:
    when the diagram shows one map, and of a debate the links between articles
    that would run far or cross more than a little, measured on the layout
    (:func:`argmap.rendering.search.choose_links`); False: as edges across the picture).  *labels* draws the
    evaluation's IN/OUT/UNDEC (True to evaluate under *semantics*, or a
    mapping of node id to label); *diagnostics* marks claims the checker
    finds problems with (True to run :func:`argmap.check` with *text_dirs*,
    or a list of diagnostics).  Layout: *renderer* (auto, system or
    embedded) and *timeout* (seconds; None or 0 for no limit); *choose*
    lays out a few variants of a ``dot`` diagram of modest size and keeps
    the most readable (:mod:`argmap.rendering.search`; False: the plan's
    own, laid out once).

    *engine* is the Graphviz layout engine.  When None it follows from the
    diagram's size and *format*, the format it is drawn for: for the formats
    Graphviz lays out (svg, png, pdf, html), ``dot`` up to
    :data:`~argmap.rendering.engines.DOT_NODE_LIMIT` nodes and the faster
    ``sfdp`` with straight edges above, said in :attr:`Diagram.note`; DOT
    text is built for ``dot`` (whoever lays it out chooses).

    ViewError when a view names nothing in the map; RenderError for an
    unknown engine or format.
    """
    if format not in FORMATS:
        raise RenderError(f"unknown format {format!r}", f"use one of {', '.join(FORMATS)}")
    if engine is not None and engine not in ENGINES:
        raise RenderError(f"unknown layout engine {engine!r}", f"use one of {', '.join(ENGINES)}")
    with no_gc():  # the graph of a big map is a few hundred thousand objects and no cycles
        g = views.apply(build(m), focus_on=focus, depth=depth, case_id=case, tag_name=tag, document_id=document,
                        collapse=collapse_imports, neighbourhood=neighbourhood)
    layout = choose_layout(len(g.nodes), engine if engine is not None or format in LAID_OUT else "dot")
    label_table = evaluation_labels(m, semantics) if labels is True else (labels or None)
    found = diagnostics
    if diagnostics is True:
        from argmap.checks.runner import check  # checking is a stage of its own, needed only here

        found = check(m, text_dirs=text_dirs)
    problems = problems_by_node(g, found) if found else None

    def make(variant: tuple, stubbed: frozenset[int] = frozenset()) -> Drawing:
        rows, extra, *more = variant  # a debate's variants say in how many rows its articles stand
        return to_dot(g, rankdir=rankdir, cluster=cluster, legend=legend, wrap=max(wrap, MIN_WRAP),
                      labels=label_table, problems=problems, engine=layout.engine, stagger=rows,
                      graph_attributes=(*layout.graph_attributes, *extra), stub=stubs,
                      stub_edges=stubbed if stubs is None else frozenset(), bands=more[0] if more else 1)

    tried = (search.candidates(len(g.nodes), stagger) if choose and layout.engine == "dot" and format in LAID_OUT
             else ((stagger, ()),))
    links = debate.links(g) if len(tried) > 1 and stubs is None else frozenset()
    if links:
        tried = search.with_bands(tried)
    drawn = Diagram(m, make(tried[0]), renderer=renderer,
                    timeout=timeout if timeout is not None and timeout > 0 else None, note=layout.message,
                    variants=(tried, make))
    drawn.links = links
    # What the page's overview is drawn with: the same marks and shape as the whole.
    drawn.options = dict(rankdir=rankdir, legend=legend, wrap=max(wrap, MIN_WRAP), labels=label_table,
                         problems=problems)
    return drawn


def render(m: Map, format: str = "svg", **options: Any) -> bytes:
    """The map *m* drawn as *format* (svg, dot, png, pdf, html); *options* as for :func:`diagram`."""
    return diagram(m, format=format, **options).render(format)
