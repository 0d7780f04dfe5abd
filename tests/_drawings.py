"""The seed maps drawn with the embedded renderer, once a test run: their SVG and their HTML page.

Several test modules measure the same drawings, and the debate's takes seconds to lay out.  Each
map's :class:`~argmap.rendering.Diagram` is made once a process (:func:`seed_diagram`); its SVG and
page once a run (:class:`SeedDrawings`): the first worker to need them writes them to a folder
every worker shares, under a lock, and the others read them there (see tests/_shared.py).
"""

from __future__ import annotations

import functools
from pathlib import Path

import argmap
from argmap.rendering import diagram
from tests._shared import locked

MAPS = Path(__file__).resolve().parent.parent / "maps"


@functools.cache
def seed_diagram(name: str):
    """``diagram(argmap.load(maps/<name>.argmap), renderer="embedded")``, made once a process."""
    return diagram(argmap.load(MAPS / f"{name}.argmap"), renderer="embedded")


class SeedDrawings:
    """The SVG and the HTML page of each seed map's default diagram, made once for all the workers."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._texts: dict[str, tuple[str, str]] = {}

    def svg(self, name: str) -> str:
        return self._drawn(name)[0]

    def page(self, name: str) -> str:
        return self._drawn(name)[1]

    def _drawn(self, name: str) -> tuple[str, str]:
        if name not in self._texts:
            svg, page = self.folder / f"{name}.svg", self.folder / f"{name}.html"
            with locked(page):  # another worker drawing this map: wait for it
                if not page.exists():
                    d = seed_diagram(name)
                    svg.write_text(d.svg(), encoding="utf-8")
                    page.write_text(d.render("html").decode(), encoding="utf-8")  # last: both are there
                self._texts[name] = (svg.read_text(encoding="utf-8"), page.read_text(encoding="utf-8"))
        return self._texts[name]
