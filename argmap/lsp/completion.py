"""Completion: the names that can stand where the cursor is.

Footnote labels after ``[^``; case names inside a claim's ``( )``; persons
after ``by``; claims, theses and arguments after a relation keyword and in
``argument`` lines (the maps ``use`` brings in as ``map.id``); field names
inside the map header's braces.  The context is read from the line's text
before the cursor, so completion works while the line does not parse yet.
"""

from __future__ import annotations

import re

from lsprotocol import types

from argmap import language
from argmap.lsp.state import Analysis
from argmap.model import Map

_RELATION = "|".join(language.RELATION_KINDS)
_NOTE = re.compile(r"\[\^([^\]\s]*)\Z")
_CASE = re.compile(r"^\s*(?:claim|argument)\s+[\w-]+\s*\(\s*([\w.-]*)\Z")
_BY = re.compile(r"^\s*(?:claim|argument)\s+[\w-]+(?:\s*\([^)]*\))?\s+by\s+([\w.-]*)\Z")
_NODE = re.compile(rf"(?:^|\s)(?:{_RELATION})\s+(?:[\w.-]+\s*->\s*)?([\w.-]*)\Z")
_ARGUMENT = re.compile(r"^\s*argument\s+[^:]*:(?:[^+>]*[+>]|\s*)\s*([\w.-]*)\Z")
_RELATION_START = re.compile(r"^([\w.-]*)\Z")


def complete(a: Analysis, position: types.Position) -> types.CompletionList:
    """The completions at *position* (an empty list where nothing fits)."""
    m = a.usable
    line = a.lines.line(position.line)
    before = line[:a.lines.from_utf16(position.line, position.character)]
    items: list[types.CompletionItem] = []
    if m is not None:
        items = _items(a, m, before, position)
    return types.CompletionList(is_incomplete=False, items=items)


def _items(a: Analysis, m: Map, before: str, position: types.Position) -> list[types.CompletionItem]:
    if (found := _NOTE.search(before)) is not None:
        return [_item(n.label, types.CompletionItemKind.Reference, n.text, sort=f"{n.number or 0:08d}")
                for n in m.footnotes if n.label.startswith(found.group(1))]
    if _in_header(a, m, position):
        word = before.strip()
        return [_item(f, types.CompletionItemKind.Field, f"header field `{f}`") for f in language.FIELD_NAMES
                if f.startswith(word)] if re.fullmatch(r"\s*\w*", before) else []
    if (found := _CASE.search(before)) is not None:
        return [_item(name, types.CompletionItemKind.Class, f"{c.stance} {c.thesis}: {c.text}")
                for name, c in _named(m, "case_table") if name.startswith(found.group(1))]
    if (found := _BY.search(before)) is not None:
        return [_item(name, types.CompletionItemKind.Constant, p.name)
                for name, p in _named(m, "person_table") if name.startswith(found.group(1))]
    found = _NODE.search(before) or _ARGUMENT.search(before)
    if found is not None:
        return [_item(name, types.CompletionItemKind.Variable, getattr(node, "text", "") or "argument")
                for name, node in _named(m, "nodes") if name.startswith(found.group(1))]
    return []


def _named(m: Map, table: str) -> list[tuple[str, object]]:
    """The entries of one look-up table of *m* and of the maps it uses (as ``map.id``), by name."""
    out = list(getattr(m, table).items())
    for alias, used in m.imports.items():
        out.extend((f"{alias}.{id}", value) for id, value in getattr(used, table).items())
    return out


def _in_header(a: Analysis, m: Map, position: types.Position) -> bool:
    """Whether *position* is between the header's ``{`` and ``}``."""
    doc = m.document
    if doc is None or doc.close_span is None:
        return False
    return doc.span.line - 1 < position.line < doc.close_span.line - 1


def _item(label: str, kind: types.CompletionItemKind, detail: str, sort: str | None = None) -> types.CompletionItem:
    detail = detail if len(detail) <= 200 else detail[:197] + "…"
    return types.CompletionItem(label=label, kind=kind, detail=detail, sort_text=sort)
