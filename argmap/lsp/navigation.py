"""Go to definition, find references and rename, across the maps ``use`` joins.

The maps searched are the document's, every map it uses, and every map in
its folder tree (a map there may use this one); an open document's text
wins over its file.  A map is parsed only when its text holds the name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from lsprotocol import types

from argmap import language
from argmap.diagnostics import Span
from argmap.lsp.index import Key, Occurrence, at, home_of, maps_of, occurrences
from argmap.lsp.state import Analysis, uri_of
from argmap.lsp.text import Lines
from argmap.syntax.parser import ArgmapError, parse

MAX_FILES = 500
"""Maps searched below the document's folder at most (a big tree is not read whole on each request)."""

_ID = re.compile(rf"(?:{language.pattern('ID')})\Z")
_LABEL = re.compile(r"[^\]\s\[^:]+\Z")


def target(a: Analysis, position: types.Position) -> Occurrence | None:
    """The name under *position* in the document."""
    if a.map is None:
        return None
    column = a.lines.from_utf16(position.line, position.character) + 1
    found = at(a.names, position.line + 1, column)
    if found is None:  # on the `[` or `^` of a citation `[^5]`: the label it opens
        text = a.lines.line(position.line)
        step = {"[": 2, "^": 1}.get(text[column - 1:column], 0) if column >= 1 else 0
        if step and text[column - 1:column + step - 1] in ("[^", "^"):
            found = at(a.names, position.line + 1, column + step)
    return found


@functools.lru_cache(maxsize=256)
def _parsed(path: str, text: str) -> tuple[Occurrence, ...]:
    try:
        return occurrences(parse(text, path))
    except (ArgmapError, RecursionError):
        return ()


def _read(path: str, texts: Mapping[str, str]) -> str | None:
    if path in texts:
        return texts[path]
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _files(a: Analysis) -> list[str]:
    """The maps a name of *a* may be written in: its own, those it uses, those in its folder tree."""
    found: dict[str, None] = {}
    if a.path and a.map is not None:
        found[home_of(a.map)] = None
    m = a.usable
    if m is not None:
        for used in maps_of(m):
            if used.path:
                found.setdefault(home_of(used), None)
    if a.path:
        for i, p in enumerate(sorted(Path(a.path).parent.rglob("*.argmap"))):
            if i >= MAX_FILES:
                break
            found.setdefault(str(p.resolve()), None)
    return list(found)


def _everywhere(a: Analysis, key: Key, texts: Mapping[str, str]) -> Iterator[tuple[str, Lines, Occurrence]]:
    """Every occurrence of *key* in the maps searched: (file, its lines, occurrence)."""
    own = home_of(a.map) if a.map is not None and a.path else None
    for path in _files(a):
        if path == own:
            lines, names = a.lines, a.names
        else:
            text = _read(path, texts)
            if text is None or key.id not in text:
                continue
            lines, names = Lines.of(text), _parsed(path, text)
        for o in names:
            if o.key == key:
                yield path, lines, o


def _location(path: str, lines: Lines, o: Occurrence) -> types.Location:
    return types.Location(uri=uri_of(path), range=lines.range_of(o.span, o.length))


def definition(a: Analysis, position: types.Position, texts: Mapping[str, str] | None = None) -> list[types.Location]:
    """Where the name under *position* is defined (for a ``use``, the used map's file)."""
    o = target(a, position)
    if o is None:
        return []
    if o.key.kind == "map":
        if Path(o.key.home).is_file():
            start = types.Position(line=0, character=0)
            return [types.Location(uri=uri_of(o.key.home), range=types.Range(start=start, end=start))]
        return []
    found = [(p, lines, x) for p, lines, x in _everywhere(a, o.key, texts or {}) if x.definition]
    return [_location(p, lines, x) for p, lines, x in found[:1]]


def references(a: Analysis, position: types.Position, texts: Mapping[str, str],
               include_declaration: bool = True) -> list[types.Location]:
    """Every place the name under *position* is written, in every map searched."""
    o = target(a, position)
    if o is None or o.key.kind == "map":
        return []
    return [_location(p, lines, x) for p, lines, x in _everywhere(a, o.key, texts)
            if include_declaration or not x.definition]


def prepare_rename(a: Analysis, position: types.Position) -> types.Range | None:
    """The range of the name under *position* when it can be renamed (not a ``use``)."""
    o = target(a, position)
    if o is None or o.key.kind == "map":
        return None
    return a.lines.range_of(o.span, o.length)


def valid_name(kind: str, name: str) -> bool:
    """Whether *name* can stand where a name of *kind* is written (not a keyword)."""
    if kind == "footnote":
        return bool(_LABEL.match(name))
    return bool(_ID.match(name)) and name not in language.RESERVED


def rename(a: Analysis, position: types.Position, new_name: str,
           texts: Mapping[str, str]) -> types.WorkspaceEdit | None:
    """Every occurrence of the name under *position* renamed to *new_name*, in every map searched.

    Renaming a footnote label renames its citations with it.  None when the
    name cannot be renamed, *new_name* is not a name, or it is already taken.
    """
    o = target(a, position)
    if o is None or o.key.kind == "map":
        return None
    new_name = new_name.strip()
    if o.key.kind == "footnote" and new_name.startswith("[^"):
        new_name = new_name[2:].rstrip("]:")
    if not valid_name(o.key.kind, new_name) or new_name == o.key.id:
        return None
    taken = Key(o.key.kind, o.key.home, new_name)
    if any(x.definition for _, _, x in _everywhere(a, taken, texts)):
        return None
    changes: dict[str, list[types.TextEdit]] = {}
    for path, lines, x in _everywhere(a, o.key, texts):
        changes.setdefault(uri_of(path), []).append(
            types.TextEdit(range=lines.range_of(Span(x.span.line, x.span.column), x.length), new_text=new_name))
    return types.WorkspaceEdit(changes=changes)
