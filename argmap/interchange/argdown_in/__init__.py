"""Argdown → argmap.

Reads the Argdown syntax (https://argdown.org/syntax/) into an intermediate
picture (equivalence classes, arguments with their premise-conclusion
structures, relations between members, sections), then maps it onto the
argmap model.  Everything argmap has no place for is reported with its
line and column (see docs/interop.md for the table).

The stages, one module each: :mod:`.syntax` (patterns, comments, YAML),
:mod:`.picture` (what is read), :mod:`.reader` (text to picture),
:mod:`.front` (front matter to header), :mod:`.mapper` (picture to map) and
:mod:`.notes` (what it says of an argument carried over in another shape).
"""

from __future__ import annotations

from argmap.interchange._common import Report
from argmap.interchange.argdown_in.mapper import Mapper
from argmap.interchange.argdown_in.reader import Reader
from argmap.model import Map

__all__ = ["read_argdown"]


def read_argdown(text: str, path: str | None = None) -> tuple[Map, list]:
    """Read Argdown text into a Map; (map, diagnostics)."""
    report = Report(path)
    reader = Reader(text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff"), report)
    reader.read()
    if not reader.classes and not reader.arguments and not reader.headings:  # headings alone are groups
        report.fail("no statement, argument or heading found: this does not look like Argdown",
                    hint="an Argdown file has statements such as `[title]: text` and arguments `<title>: text`")
    return Mapper(reader, report, path).build(), report.items
