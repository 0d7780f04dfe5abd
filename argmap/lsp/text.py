"""Positions: argmap's spans (1-based, in characters) and LSP's (0-based, in UTF-16 code units).

LSP counts a line's characters in UTF-16 code units unless the client
agrees otherwise (LSP 3.17, "Position"); Python counts code points.  The
two differ only on characters outside the Basic Multilingual Plane, so
lines without them are converted by arithmetic alone.
"""

from __future__ import annotations

import re
import attrs
from lsprotocol import types

from argmap.diagnostics import Span

WORD = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)?")
"""A name as a map writes it: ``id`` or ``map.id`` (the grammar's REF)."""


@attrs.frozen
class Lines:
    """A document's lines, for converting between offsets and positions."""

    lines: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Lines:
        """The lines of *text* (split at ``\\n`` only, as the parser counts them)."""
        return cls(tuple(text.split("\n")))

    def line(self, number: int) -> str:
        """Line *number* (0-based) without its newline; empty past the end."""
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def to_utf16(self, line: int, column: int) -> int:
        """The UTF-16 offset of code-point *column* (0-based) on 0-based *line*."""
        text = self.line(line)[:max(column, 0)]
        if text.isascii():
            return len(text)
        return len(text.encode("utf-16-le")) // 2

    def from_utf16(self, line: int, character: int) -> int:
        """The code-point column of UTF-16 offset *character* on 0-based *line*."""
        text = self.line(line)
        if text.isascii():
            return min(character, len(text))
        units = 0
        for i, ch in enumerate(text):
            if units >= character:
                return i
            units += 2 if ord(ch) > 0xFFFF else 1
        return len(text)

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of a 1-based argmap *line* and *column*."""
        return types.Position(line=max(line - 1, 0), character=self.to_utf16(line - 1, column - 1))

    def range_of(self, span: Span, length: int | None = None) -> types.Range:
        """The LSP range of *span*; *length* characters long when the span has no end (a name's span)."""
        start = self.position(span.line, span.column)
        if span.end_line is not None and span.end_column is not None:
            end = self.position(span.end_line, span.end_column)
        elif length is not None:
            end = self.position(span.line, span.column + length)
        else:  # to the end of the line: the whole statement head the span starts
            line = self.line(span.line - 1)
            end = self.position(span.line, len(line.rstrip()) + 1)
            if end.character <= start.character:
                end = types.Position(line=start.line, character=start.character + 1)
        return types.Range(start=start, end=end)

    def offset(self, position: types.Position) -> int:
        """The offset into the text of an LSP *position*."""
        before = sum(len(line) + 1 for line in self.lines[:position.line])
        return before + self.from_utf16(position.line, position.character)

    def whole(self) -> types.Range:
        """The range of the whole document."""
        last = len(self.lines) - 1
        return types.Range(start=types.Position(line=0, character=0),
                           end=types.Position(line=last, character=self.to_utf16(last, len(self.lines[last]))))


def contains(span: Span, length: int, line: int, column: int) -> bool:
    """Whether 1-based *line*, *column* lies on the *length* characters *span* starts (its end included)."""
    return span.line == line and span.column <= column <= span.column + length


def word_at(text: str, column: int) -> tuple[str, int] | None:
    """The name (``id`` or ``map.id``) on a line *text* around 0-based *column*, and where it starts."""
    for match in WORD.finditer(text):
        if match.start() <= column <= match.end():
            return match.group(), match.start()
    return None


def apply_change(text: str, lines: Lines, change: types.Range | None, new: str) -> str:
    """*text* with the characters in *change* replaced by *new* (the whole text when *change* is None)."""
    if change is None:
        return new
    start, end = lines.offset(change.start), lines.offset(change.end)
    return text[:start] + new + text[max(end, start):]


def edit(lines: Lines, span: Span, length: int, new: str) -> types.TextEdit:
    """The edit that replaces the *length* characters at *span* with *new*."""
    return types.TextEdit(range=lines.range_of(Span(span.line, span.column), length), new_text=new)


def ranges_overlap(a: types.Range, b: types.Range) -> bool:
    """Whether two ranges share a position (touching counts)."""
    return not ((a.end.line, a.end.character) < (b.start.line, b.start.character)
                or (b.end.line, b.end.character) < (a.start.line, a.start.character))
