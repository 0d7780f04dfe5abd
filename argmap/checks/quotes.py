"""Finding a quotation in its source text.

Quotations are compared after normalising what typesetting changes and
writers do not mean: runs of whitespace, curly and straight quotes,
the various dashes, and the ellipsis character.  An ellipsis inside a
quotation (``...``) marks an omission: each part must occur, in order.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})
_ELLIPSIS = re.compile(r"\s*(?:\u2026|\.\s?\.\s?\.)\s*")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Text with quotes, dashes, ellipses and whitespace made uniform."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = _ELLIPSIS.sub(" ... ", text)
    text = re.sub(r"\s*-\s*-\s*", " - ", text)  # a double hyphen is a dash
    return _SPACE.sub(" ", text).strip()


@attrs.frozen
class Match:
    """Where a quotation was found, or the closest passage when it was not."""

    found: bool
    start: int | None = None
    end: int | None = None
    closest: str | None = None
    closest_line: int | None = None
    score: float = 0.0


class SourceText:
    """A source text prepared once for many quotation look-ups."""

    def __init__(self, text: str):
        self.raw = text
        self.normalized = normalize(text)
        # Index from normalised offsets back to raw lines, for hints.
        self._line_of_offset = self._line_table(text)

    @staticmethod
    def _line_table(text: str) -> list[tuple[int, int]]:
        table = []
        offset = 0
        for number, line in enumerate(text.splitlines(), 1):
            piece = normalize(line)
            if piece:
                table.append((offset, number))
                offset += len(piece) + 1
        return table

    def line_at(self, offset: int) -> int:
        line = 1
        for start, number in self._line_of_offset:
            if start > offset:
                break
            line = number
        return line

    def find(self, quotation: str) -> Match:
        """Look the quotation up; on failure, say which passage comes closest."""
        parts = [p.strip() for p in normalize(quotation).split("...")]
        parts = [p for p in parts if p]
        if not parts:
            return Match(True, 0, 0)
        position = 0
        first = None
        for part in parts:
            at = self.normalized.find(part, position)
            if at < 0:
                return self._closest(normalize(quotation).replace("...", " "))
            first = at if first is None else first
            position = at + len(part)
        return Match(True, first, position)

    def _closest(self, quotation: str) -> Match:
        from rapidfuzz import fuzz

        alignment = fuzz.partial_ratio_alignment(quotation, self.normalized)
        if alignment is None:
            return Match(False)
        start, end = alignment.dest_start, alignment.dest_end
        passage = self.normalized[start:end]
        return Match(False, closest=passage, closest_line=self.line_at(start), score=alignment.score)
