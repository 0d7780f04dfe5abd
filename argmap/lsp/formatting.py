"""Formatting through ``argmap fmt``'s formatter: the whole document, or the changes inside a range."""

from __future__ import annotations

import difflib

from lsprotocol import types

from argmap.lsp.state import Analysis
from argmap.lsp.text import ranges_overlap


def formatted(a: Analysis) -> str | None:
    """The document in the canonical layout, or None when it cannot be formatted (it does not parse)."""
    from argmap.formatting.pieces import CannotFormat, UnsafeFormat
    from argmap.formatting.writer import format_text
    from argmap.syntax.parser import ArgmapError

    try:
        return format_text(a.text, a.path)
    except (ArgmapError, CannotFormat, UnsafeFormat, RecursionError):
        return None


def format_document(a: Analysis) -> list[types.TextEdit]:
    """One edit that replaces the document with its formatted text; none when nothing changes."""
    new = formatted(a)
    if new is None or new == a.text:
        return []
    return [types.TextEdit(range=a.lines.whole(), new_text=new)]


def format_range(a: Analysis, where: types.Range) -> list[types.TextEdit]:
    """The formatter's changes to the lines *where* touches (whole statements: the formatter works on them)."""
    new = formatted(a)
    if new is None or new == a.text:
        return []
    old_lines, new_lines = a.text.split("\n"), new.split("\n")
    edits = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        # lines i1..i2 are replaced by new lines j1..j2; as an edit from the start of i1 to the start of i2
        start = types.Position(line=i1, character=0)
        if i2 < len(old_lines):
            end = types.Position(line=i2, character=0)
            text = "".join(line + "\n" for line in new_lines[j1:j2])
        else:  # the change runs to the end of the document, which has no line after it
            last = len(old_lines) - 1
            end = types.Position(line=last, character=a.lines.to_utf16(last, len(old_lines[last])))
            text = "\n".join(new_lines[j1:j2])
            if i1 > 0 and i1 == len(old_lines):
                start = types.Position(line=last, character=end.character)
                text = "\n" + text
        touched = types.Range(start=start, end=types.Position(line=max(i2 - 1, i1), character=0))
        if ranges_overlap(touched, where):
            edits.append(types.TextEdit(range=types.Range(start=start, end=end), new_text=text))
    return edits
