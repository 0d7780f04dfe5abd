"""render: argument maps as Graphviz diagrams and interactive HTML pages.

::

    from argmap.rendering import render, diagram
    svg = render(m)                                # bytes of an SVG image
    d = diagram(m, case="brown", labels=True)      # a Diagram to look at or save
    d.save("brown.svg"); d.save("brown.html")

The stages: :mod:`~argmap.rendering.graph` reads the map into nodes and edges,
:mod:`~argmap.rendering.views` cuts out the part to show,
:mod:`~argmap.rendering.dot` draws it as DOT, :mod:`~argmap.rendering.engines`
lays it out with the system ``dot`` or the embedded Graphviz, and
:mod:`~argmap.rendering.html` wraps the SVG in a page.
"""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from argmap.files.io import write_atomic  # one implementation for every output file
from argmap.model import Map
from argmap.rendering import dot as _dot
from argmap.rendering import views
from argmap.rendering.engines import (
    DEFAULT_TIMEOUT,
    ENGINES,
    RENDERERS,
    RendererMissing,
    RenderError,
    RenderTimeout,
)
from argmap.rendering.graph import Graph, build
from argmap.rendering.views import ViewError

FORMATS = ("svg", "dot", "png", "pdf", "html")

__all__ = [
    "Diagram", "ENGINES", "FORMATS", "RENDERERS", "RenderError", "RenderTimeout", "RendererMissing",
    "ViewError", "diagram", "mimebundle", "render", "write_atomic",
]


class Diagram:
    """A drawn map: its DOT ``source``, and the same picture as SVG, PNG, PDF or an HTML page."""

    def __init__(self, m: Map, drawing: _dot.Drawing, *, renderer: str = "auto",
                 timeout: float | None = DEFAULT_TIMEOUT):
        self.map = m
        self.drawing = drawing
        self.renderer = renderer
        self.timeout = timeout

    @property
    def source(self) -> str:
        """The diagram in the DOT language."""
        return self.drawing.source

    @property
    def graph(self) -> Graph:
        """The nodes and edges drawn (after views)."""
        return self.drawing.graph

    @functools.cached_property
    def _svg(self) -> str:
        from argmap.rendering.engines import run

        raw = run(self.source, "svg", self.drawing.engine, self.renderer, self.timeout)
        return _dot.style_svg(raw.decode("utf-8"), self.drawing.roles)

    def svg(self) -> str:
        """The diagram as SVG text (laid out once, then kept)."""
        return self._svg

    def render(self, format: str = "svg") -> bytes:
        """The diagram as *format*: svg, dot, png, pdf (these two need the system ``dot``) or html."""
        from argmap.rendering.engines import run

        if format == "svg":
            return self.svg().encode("utf-8")
        if format == "dot":
            return self.source.encode("utf-8")
        if format == "html":
            from argmap.rendering.html import page

            return page(self).encode("utf-8")
        if format not in FORMATS:
            raise RenderError(f"unknown format {format!r}", f"use one of {', '.join(FORMATS)}")
        return run(self.source, format, self.drawing.engine, self.renderer, self.timeout)

    def save(self, path: str | os.PathLike, format: str | None = None) -> Path:
        """Write the diagram to *path* (format from its suffix unless given), whole or not at all."""
        path = Path(path)
        format = format or path.suffix.lstrip(".").lower() or "svg"
        write_atomic(path, self.render(format))
        return path

    def _repr_svg_(self) -> str:
        return self.svg()

    def _repr_mimebundle_(self, include=None, exclude=None):
        return _bundle(lambda: self.svg(), include, exclude)


def _bundle(make_svg, include, exclude) -> dict:
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
            rankdir: str = "BT", engine: str = "dot", cluster: str = "document", legend: bool = True,
            wrap: int = _dot.WRAP, stagger: int = 3, labels: bool | Mapping[str, object] = False, semantics: str = "grounded",
            diagnostics: bool | Sequence = False, text_dirs: Iterable[str | os.PathLike] = (),
            renderer: str = "auto", timeout: float | None = DEFAULT_TIMEOUT) -> Diagram:
    """Draw the map *m* as a :class:`Diagram`; nothing is laid out until asked for.

    Views: *focus* (a claim id) with *depth* relation steps around it, *case*,
    *tag*, *document* (a map id), *collapse_imports*.  Drawing: *rankdir*
    (BT puts conclusions on top), *engine*, *cluster* (document, case or
    none), *legend*, *wrap* (characters per line), *stagger* (rows to spread
    a claim's many leaf reasons over).  *labels* draws the
    evaluation's IN/OUT/UNDEC (True to evaluate under *semantics*, or a
    mapping of node id to label); *diagnostics* marks claims the checker
    finds problems with (True to run :func:`argmap.check` with *text_dirs*,
    or a list of diagnostics).  ViewError when a view names nothing in the map.
    """
    if engine not in ENGINES:
        raise RenderError(f"unknown layout engine {engine!r}", f"use one of {', '.join(ENGINES)}")
    from argmap._gc import no_gc  # the graph of a big map is a few hundred thousand objects and no cycles

    with no_gc():
        g = views.apply(build(m), focus_on=focus, depth=depth, case_id=case, tag_name=tag, document_id=document,
                        collapse=collapse_imports)
    label_table = _labels(m, semantics) if labels is True else (labels or None)
    found = diagnostics
    if diagnostics is True:
        from argmap.checks.runner import check

        found = check(m, text_dirs=text_dirs)
    problems = _problems(m, g, found) if found else None
    drawing = _dot.to_dot(g, rankdir=rankdir, cluster=cluster, legend=legend, wrap=wrap, labels=label_table,
                          problems=problems, engine=engine, stagger=stagger)
    return Diagram(m, drawing, renderer=renderer, timeout=timeout)


def render(m: Map, format: str = "svg", **options) -> bytes:
    """The map *m* drawn as *format* (svg, dot, png, pdf, html); *options* as for :func:`diagram`."""
    return diagram(m, **options).render(format)


def mimebundle(m: Map, include=None, exclude=None) -> dict:
    """What Jupyter shows for a map: ``{"image/svg+xml": ...}``."""
    return _bundle(lambda: diagram(m).svg(), include, exclude)


def _labels(m: Map, semantics: str) -> Mapping[str, object] | None:
    try:
        from argmap.evaluation.core import evaluate
    except ImportError:
        warnings.warn("labels need argmap.evaluation.core, which this installation lacks; drawing without them",
                      stacklevel=3)
        return None
    return evaluate(m, semantics).labels


def _problems(m: Map, g: Graph, found: Sequence) -> dict[str, list[str]]:
    """Diagnostics by the key of the node written where each was found."""
    # For each file, line -> (length of the statement's line range, node key): a
    # diagnostic on a line goes to the shortest statement that covers it.
    owner: dict[str, dict[int, tuple[int, str]]] = {}
    for n in g.nodes.values():
        if n.item is None or n.home is None:
            continue
        span = n.item.span
        end = max([span.end_line or span.line] + [r.span.end_line or r.span.line
                                                  for r in n.home.relations_from(n.id) if r.inline])
        lines = owner.setdefault(n.home.display_path, {})
        for line in range(span.line, end + 1):
            if line not in lines or end - span.line < lines[line][0]:
                lines[line] = (end - span.line, n.key)
    out: dict[str, list[str]] = {}
    for d in found:
        best = owner.get(d.path, {}).get(d.span.line)
        if best is not None:
            text = f"{d.code} {d.name}"
            if text not in out.setdefault(best[1], []):
                out[best[1]].append(text)
    return out
