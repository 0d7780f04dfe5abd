"""The canonical writer: a :class:`~argmap.model.Map` as argmap text.

``dumps(map)`` writes any map, parsed or built in Python, in one layout;
``format_text(text)`` is what ``argmap fmt`` does to a file: parse it, then
write it again in that layout, keeping every comment and the author's blank
lines, which the model does not hold, from the text itself.

The layout:

* the map header first, one field a line, indented by two spaces;
* then every statement in the order the author wrote it, each claim followed
  by its quote, tags, concession and relation lines, indented by two spaces,
  in the order the author wrote those;
* then ``footnotes`` and every footnote, indented by two spaces, in order;
* one space between words; a trailing comment two spaces after its line;
* a blank line where the author had one or more (none inside a header or a
  claim); for a map built in Python, a blank line between kinds of statement
  and around claims with lines under them;
* text longer than :data:`WIDTH` columns continued on the next line with a
  backslash, never inside a citation (the parser reads the break as one
  space).
"""

from __future__ import annotations

import os
import re

import attrs

from argmap._gc import no_gc
from argmap.formatting.layout import Hints, Writer
from argmap.formatting.pieces import CONTINUATION, INDENT, WIDTH, CannotFormat, UnsafeFormat, quote_string, wrap
from argmap.model import Map
from argmap.language import CLAIM_LINE_KEYWORDS, STATEMENT_KEYWORDS

__all__ = ["CLAIM_LINE_KEYWORDS", "CONTINUATION", "INDENT", "STATEMENT_KEYWORDS", "WIDTH", "CannotFormat",
           "UnsafeFormat", "dump", "dumps", "format_text", "normalize", "quote_string", "wrap"]



def dumps(m: Map) -> str:
    """The map as canonical argmap text.

    A map read from a file keeps its order and comments; a map built in
    Python (no positions) is written in the model's order, its comments
    first.  ValueError when something cannot be said in the language (a
    line break inside a text, a claim with citations but no text).
    """
    with no_gc():  # thousands of lines and entries, no cycles (see argmap._gc)
        return Writer(m, None).write()


def dump(m: Map, path: str | os.PathLike) -> None:
    """Write the map to *path* as canonical text, through a temporary file and a rename.

    Refuses (ValueError) text that would not read back, and never replaces
    an existing file with half a map.
    """
    from argmap.files.io import write_atomic
    from argmap.syntax.parser import ArgmapError, parse

    text = dumps(m)
    try:
        parse(text, os.fspath(path))
    except ArgmapError as exc:  # pragma: no cover - a writer bug, kept from the disk
        raise CannotFormat(f"argmap would write a map that does not read back:\n{exc}") from None
    write_atomic(path, text, allow_maps=True)


def normalize(m: Map) -> Map:
    """The parts of a map that formatting keeps: everything but the comments' order."""
    return attrs.evolve(m, comments=tuple(sorted(m.comments, key=lambda c: c.text)))


# The writer's continuations: `wrap` breaks free text only at a single space between words,
# writing ` \\`, a line break, and the entry's indent with CONTINUATION (no line of the
# writer's own is indented by four spaces or more; see layout.py).
_CONTINUED = re.compile(rf" \\\n(?:{INDENT})?{CONTINUATION}(?=[^ \t\n])")


def _unwrapped(out: str) -> str:
    """The writer's output with the continuations it made joined again, one space each."""
    return _CONTINUED.sub(" ", out) if "\\\n" in out else out


def format_text(text: str, path: str | None = None) -> str:
    """What ``argmap fmt`` makes of *text*: the same map, canonically laid out.

    Raises :class:`argmap.ArgmapError` when the text does not parse or holds
    something formatting would lose (a second header), and
    :class:`UnsafeFormat` if the result would not read back as the same map.
    """
    from argmap.syntax.parser import ArgmapError, parse

    text = text.removeprefix("\ufeff")
    m = parse(text, path)
    strays = [d for d in m.problems if d.code == "A010" and d.message.startswith("thesis ")]
    if strays:  # a quote or relation line under a thesis has no place in the model: it would be lost
        raise ArgmapError(strays)
    second_headers = [d for d in m.problems if d.code == "A006"]
    if second_headers:
        raise ArgmapError([attrs.evolve(d, hint="argmap fmt keeps one header per map; merge the two, then format")
                           for d in second_headers])
    source = text if text.endswith("\n") else text + "\n"
    with no_gc():  # thousands of lines and entries, no cycles (see argmap._gc)
        out = Writer(m, Hints.of(m, source)).write()  # CannotFormat: reported to the user as it is
    if out == source or _unwrapped(out) == source:
        # already canonical, or canonical but for the long lines the writer continued: the text
        # just parsed into m, with some single spaces of free text written as continuations,
        # which the parser reads as one space again (see _unwrapped); it reads back as m
        return out
    try:
        again = parse(out, path)
    except ArgmapError as exc:
        raise UnsafeFormat(f"the formatted map does not parse:\n{exc}") from None
    if normalize(again) != normalize(m):
        raise UnsafeFormat("the formatted map differs from the original")
    return out
