"""render: argument maps as Graphviz diagrams and interactive HTML pages.

::

    from argmap.rendering import render, diagram
    svg = render(m)                                # bytes of an SVG image
    d = diagram(m, case="brown", labels=True)      # a Diagram to look at or save
    d.save("brown.svg"); d.save("brown.html")

The stages, each a module:

* :mod:`~argmap.rendering.graph` reads the map into nodes and edges;
  :mod:`~argmap.rendering.views` cuts out the part to show;
  :mod:`~argmap.rendering.marks` finds the verdicts and problems to mark;
* :mod:`~argmap.rendering.debate` cuts a debate to its neighbourhoods and
  :mod:`~argmap.rendering.overview` a map to its top lines;
  :mod:`~argmap.rendering.lanes` plans the layout (theses on top, a tree per
  line of argument, stubs for relations between cases);
* :mod:`~argmap.rendering.dot` draws the graph as DOT, with
  :mod:`~argmap.rendering.node_text` (what each box says),
  :mod:`~argmap.rendering.wrapping` (lines that fit a box),
  :mod:`~argmap.rendering.quoting` (user text made literal),
  :mod:`~argmap.rendering.style` (colours, shapes, arrows) and
  :mod:`~argmap.rendering.legend`;
* :mod:`~argmap.rendering.engines` lays it out with the system ``dot`` or
  the embedded Graphviz, :mod:`~argmap.rendering.search` keeps the most
  readable of a few layouts as :mod:`~argmap.rendering.geometry` measures
  them, and :mod:`~argmap.rendering.svg` styles the SVG;
* :mod:`~argmap.rendering.html` wraps the SVG in a page (its style and
  script are the package files ``page.css`` and ``page.js``);
  :mod:`~argmap.rendering.notebook` shows a map in Jupyter;
* :mod:`~argmap.rendering.diagrams` puts it together (:func:`diagram`,
  :func:`render`), and :mod:`~argmap.rendering.outputs` says which format
  a file's suffix asks for.
"""

from __future__ import annotations

from argmap.rendering.diagrams import Diagram, diagram, render
from argmap.rendering.dot import CLUSTERS, RANKDIRS
from argmap.rendering.engines import ENGINES, RENDERERS, RendererMissing, RenderError, RenderTimeout
from argmap.rendering.notebook import mimebundle
from argmap.rendering.outputs import FORMATS
from argmap.rendering.views import ViewError

__all__ = [
    "CLUSTERS", "Diagram", "ENGINES", "FORMATS", "RANKDIRS", "RENDERERS", "RenderError", "RenderTimeout",
    "RendererMissing", "ViewError", "diagram", "mimebundle", "render",
]
