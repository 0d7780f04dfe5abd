"""Diagrams of inline maps in Markdown: a ``pymdownx.superfences`` custom fence.

In ``mkdocs.yml``::

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: argmap-diagram
              class: argmap-diagram
              format: !!python/name:argmap.integrations.mkdocs_fence.format_diagram
              validator: !!python/name:argmap.integrations.mkdocs_fence.validate_options

Then a fenced block ```` ```argmap-diagram ```` holding a map is shown as
its SVG diagram.  Options go after the fence's name, as in
```` ```argmap-diagram labels="true" case="brown" ````: ``labels``,
``legend`` (true/false), ``case``, ``focus``, ``depth``, ``rankdir``.

A map that does not parse, or a diagram Graphviz cannot draw, becomes a
visible error block with argmap's diagnostics, and a logged warning (which
``mkdocs build --strict`` turns into a failed build).  :func:`diagram_html` is
the same thing without Markdown, for other documentation tools, and
:func:`draw` also returns the problem as text (:mod:`argmap.integrations.sphinx_ext` logs it).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["diagram_html", "draw", "format_diagram", "validate_options"]

_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
_OPTIONS = ("labels", "legend", "case", "focus", "depth", "rankdir")
_SVG_START = re.compile(r"<svg\b")
_log = logging.getLogger("mkdocs.plugins.argmap")  # MkDocs counts warnings under "mkdocs"


def _render_options(options: Mapping[str, str]) -> dict[str, Any]:
    """Fence options (all strings) as keyword arguments of :func:`argmap.rendering.render`."""
    out: dict = {}
    for key, value in options.items():
        if key in ("labels", "legend"):
            if value.lower() not in _BOOLEANS:
                raise ValueError(f"option {key}={value!r}: use true or false")
            out[key] = _BOOLEANS[value.lower()]
        elif key == "depth":
            if not value.isdigit():
                raise ValueError(f"option depth={value!r}: use a whole number")
            out[key] = int(value)
        elif key in _OPTIONS:
            out[key] = value
        else:
            raise ValueError(f"unknown option {key!r}; options: {', '.join(_OPTIONS)}")
    return out


def _problem(title: str, detail: str) -> tuple[str, str]:
    block = ('<div class="admonition failure argmap-diagram-error">'
             f'<p class="admonition-title">{html.escape(title)}</p>'
             f"<pre><code>{html.escape(detail)}</code></pre></div>")
    return block, f"{title}\n{detail}"


def draw(source: str, name: str = "diagram.argmap", options: Mapping[str, str] | None = None) -> tuple[str, str | None]:
    """``(html, problem)``: the map text *source* as an inline ``<svg>`` in a ``<div>`` and None,
    or an HTML error block and the problem as plain text (diagnostics included).

    *name* is the file name diagnostics mention; *options* as for the fence.
    Never raises: whatever goes wrong is shown in the returned block.
    """
    try:
        kwargs = _render_options(options or {})
    except ValueError as exc:
        return _problem("argmap-diagram: bad option", str(exc))
    try:
        from argmap.syntax.parser import ArgmapError, parse

        m = parse(source, name)
    except ArgmapError as exc:
        return _problem("argmap-diagram: the map does not parse", "\n".join(d.format() for d in exc.diagnostics))
    try:
        from argmap.rendering import RenderError, ViewError, render
    except ImportError as exc:  # rendering is an optional part of some installations
        return _problem("argmap-diagram: argmap cannot draw diagrams here", str(exc))
    try:
        svg = render(m, format="svg", **kwargs).decode("utf-8")
    except RenderError as exc:
        return _problem("argmap-diagram: Graphviz could not draw the map", exc.format())
    except ViewError as exc:
        return _problem("argmap-diagram: the options select nothing in the map", str(exc))
    except Exception as exc:  # a documentation build should show the problem, not stop on it
        return _problem("argmap-diagram: the map could not be drawn", f"{type(exc).__name__}: {exc}")
    start = _SVG_START.search(svg)
    svg = svg[start.start():] if start else svg  # drop the XML prolog and doctype: not allowed inside HTML
    return f'<div class="argmap-diagram" style="overflow-x: auto">{svg}</div>', None


def diagram_html(source: str, name: str = "diagram.argmap", options: Mapping[str, str] | None = None) -> str:
    """The map text *source* drawn as an inline ``<svg>`` in a ``<div>``, or an HTML error block.

    *name* is the file name diagnostics mention; *options* as for the fence.
    Never raises: whatever goes wrong is shown in the returned block.
    """
    return draw(source, name, options)[0]


def format_diagram(source: str, language: str, css_class: str, options: Mapping[str, str], md: Any,
                   **kwargs: Any) -> str:
    """superfences ``format`` hook: the fenced map as its diagram (see :func:`diagram_html`).

    A problem is also logged as a warning, so ``mkdocs build --strict`` fails on it.
    """
    out, problem = draw(source, "argmap-diagram.argmap", options)
    if problem:
        _log.warning(problem)
    return out


def validate_options(language: str, inputs: Mapping[str, str], options: dict[str, str], attrs: dict[str, str],
                     md: Any) -> bool:
    """superfences ``validator`` hook: accept the diagram options, keep them for :func:`format_diagram`."""
    for key, value in inputs.items():
        options[key] = value
    return True
