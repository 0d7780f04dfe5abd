"""Where each table and key of a TOML text is written, for messages that point at it.

tomllib gives values without positions; a line scan is enough for the
positions of keys, which is all an error message needs.  Used by the
configuration (``argmap.toml``, ``[tool.argmap]``) and by scheme catalogues.
"""

from __future__ import annotations

import re

_BARE = r"[A-Za-z0-9_-]+"
_KEY = rf'(?:{_BARE}|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = re.compile(rf"\s*(\[\[?)\s*({_DOTTED})\s*\]\]?")
_ASSIGN = re.compile(rf"\s*({_DOTTED})\s*=\s*")
_PART = re.compile(_KEY)


def parts(dotted: str) -> tuple[str, ...]:
    """The keys of a dotted key, quotes taken off: ``a."b.c"`` -> ``("a", "b.c")``."""
    return tuple(p[1:-1] if p[0] in "\"'" else p for p in (m.group(0) for m in _PART.finditer(dotted)))


def key_positions(text: str) -> dict[tuple, tuple[int, int]]:
    """Where each table and key of TOML *text* is written: path -> (line, column of the key's name).

    A dotted key gives each of its prefixes too (``a.b = 1`` places ``("a",)``
    and ``("a", "b")``).  ``[[a.b]]`` tables are numbered: the second
    ``[[schemes.x.questions]]`` is ``("schemes", "x", "questions", 1)``, and
    the array itself is where its first table is.  Lines inside multi-line
    strings are skipped; keys inside inline tables or arrays get no entry of
    their own.
    """
    positions: dict[tuple, tuple[int, int]] = {}
    counts: dict[tuple, int] = {}
    table: tuple = ()
    closing: str | None = None  # the quotes that end a multi-line string
    for number, line in enumerate(text.split("\n"), 1):
        if closing is not None:
            if closing in line:
                closing = None
            continue
        header = _HEADER.match(line)
        if header and not _ASSIGN.match(line):
            path = parts(header.group(2))
            where = (number, header.start(2) + 1)
            for n in range(1, len(path)):
                positions.setdefault(path[:n], where)
            if header.group(1) == "[[":
                positions.setdefault(path, where)  # the array: its first table
                counts[path] = counts.get(path, -1) + 1
                path = path + (counts[path],)
            table = path
            positions.setdefault(table, where)
            continue
        assign = _ASSIGN.match(line)
        if assign:
            keys = parts(assign.group(1))
            for n in range(1, len(keys) + 1):
                positions.setdefault(table + keys[:n], (number, assign.start(1) + 1))
            value = line[assign.end():]
            for quotes in ('"""', "'''"):
                if value.startswith(quotes) and quotes not in value[3:]:
                    closing = quotes
    return positions
