"""Diagrams of maps in Sphinx: the ``argmap-diagram`` directive.

In ``conf.py``: ``extensions = ["argmap.integrations.sphinx_ext"]``.  Then, in a page::

    .. argmap-diagram::
       :labels: true

       claim a: A claim.
         supports b
       claim b: What it supports.

or, for a map kept in a file (relative to the page's source file)::

    .. argmap-diagram:: ../maps/brown2017.argmap
       :case: brown

Options: ``labels``, ``legend`` (true/false), ``case``, ``focus``,
``depth``, ``rankdir``, as for the Markdown fence (:mod:`argmap.integrations.mkdocs_fence`).
The diagram is inlined as SVG in HTML output.  A map that does not parse
is shown as an error block with its diagnostics and reported as a Sphinx
warning; the build goes on.
"""

from __future__ import annotations

import html as _html
from pathlib import Path
from typing import Any

from argmap.integrations.mkdocs_fence import draw

__all__ = ["diagram_for", "setup"]

OPTION_NAMES = ("labels", "legend", "case", "focus", "depth", "rankdir")


def _error(message: str) -> tuple[str, str]:
    return f'<div class="argmap-diagram-error"><pre>{_html.escape(message)}</pre></div>', message


def diagram_for(content: str, argument: str | None, options: dict, page_dir: Path) -> tuple[str, str | None]:
    """The directive's work without Sphinx: (HTML, warning or None).

    *argument* is the directive's optional path to a map file, read relative
    to *page_dir*; otherwise *content* is the map.
    """
    name = "argmap-diagram.argmap"
    if argument:
        path = (page_dir / argument).resolve()
        try:
            content = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            message = f"argmap-diagram: cannot read {argument}: {getattr(exc, 'strerror', None) or exc}"
            return _error(message)
        name = str(argument)
    elif not content.strip():
        message = "argmap-diagram: give a map, either as the directive's content or as a file name"
        return _error(message)
    return draw(content, name, {k: str(v) for k, v in options.items() if v is not None})


def setup(app: Any) -> dict[str, bool]:
    """Register the directive (Sphinx calls this for ``extensions = ["argmap.integrations.sphinx_ext"]``)."""
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives

    class ArgmapDiagram(Directive):
        """``.. argmap-diagram:: [FILE]`` with the map as content, or in FILE."""

        optional_arguments = 1
        has_content = True
        option_spec = {name: directives.unchanged for name in OPTION_NAMES}

        def run(self) -> list[Any]:
            source = self.state_machine.get_source_and_line(self.lineno)[0] or ""
            page_dir = Path(source).parent if source else Path.cwd()
            argument = self.arguments[0] if self.arguments else None
            html, warning = diagram_for("\n".join(self.content) + "\n", argument, dict(self.options), page_dir)
            result = [nodes.raw("", html, format="html")]
            if warning:
                result.append(self.state.document.reporter.warning(warning, line=self.lineno))
            return result

    app.add_directive("argmap-diagram", ArgmapDiagram)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
