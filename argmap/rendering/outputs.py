"""Where diagrams go: the output formats, the format a file's suffix asks for, and never over a map."""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from argmap.files.loader import SUFFIX
from argmap.model import Map

#: Every format a diagram can be written as.
FORMATS = ("svg", "dot", "png", "pdf", "html")
#: Formats that Graphviz lays out (DOT text is written as built: whoever lays it out chooses).
LAID_OUT = ("svg", "png", "pdf", "html")
#: The format each file suffix asks for.
SUFFIXES = {".dot": "dot", ".gv": "dot", ".svg": "svg", ".png": "png", ".pdf": "pdf", ".html": "html", ".htm": "html"}


def format_of(path: str | os.PathLike) -> str | None:
    """The format *path*'s suffix asks for (any case); svg for a path without one, None for a suffix that is
    no format's."""
    suffix = Path(path).suffix.lower()
    return SUFFIXES.get(suffix) if suffix else "svg"


def map_files(m: Map) -> list[Path]:
    """The files *m* was read from: its own and those of every map it uses, each once (none for a map made
    from a string)."""
    files, todo, seen = [], [m], set()
    while todo:
        one = todo.pop()
        if one.path and one.path not in seen:
            seen.add(one.path)
            files.append(Path(one.path))
        todo.extend(one.imports.values())
    return files


def writes_over_map(target: Path, maps: Collection[Path]) -> bool:
    """Whether writing *target* would replace a map: it has the maps' suffix, or is one of *maps* (paths
    made absolute with ``Path.resolve``)."""
    return target.suffix.lower() == SUFFIX or target.resolve() in maps
