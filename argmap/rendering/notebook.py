"""How a map shows itself in Jupyter: as its diagram, drawn with the default options.

``Map._repr_mimebundle_`` hands over to :func:`mimebundle`, so that the
model knows nothing of drawing.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.model import Map
from argmap.rendering.diagrams import diagram, svg_bundle


def mimebundle(m: Map, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None) -> dict[str, str]:
    """What Jupyter shows for the map *m*: ``{"image/svg+xml": ...}``, or a ``text/plain`` line saying why it
    could not be drawn; ``{}`` when *include*/*exclude* leave SVG out (then nothing is drawn)."""
    return svg_bundle(lambda: diagram(m).svg(), include, exclude)
