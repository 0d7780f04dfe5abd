"""The article's text as the checker hands it to rules: an adapter over :mod:`argmap.sources`.

The checker and the language server build one :class:`SourceText` per map
from the text its ``text`` field names.  Quotations are found by
:func:`argmap.sources.find_quotation` (work bounded by the quotation's
length plus a few scans of the text, never their product); the article's
structure (paragraphs, markers, notes) is read by
:func:`argmap.sources.read_source` the first time a rule asks for it.
"""

from __future__ import annotations

import bisect
import functools

import attrs

from argmap.sources import QuoteMatch, find_quotation, read_source
from argmap.sources import Marker, Sentence
from argmap.sources import SourceText as Structure
from argmap.sources.match import Prepared, normalize, prepare

__all__ = ["Match", "SourceText", "normalize"]


@attrs.frozen
class Match:
    """Where a quotation was found (offsets in :attr:`SourceText.normalized`), or the closest passage."""

    found: bool
    start: int | None = None
    end: int | None = None
    closest: str | None = None
    closest_line: int | None = None
    score: float = 0.0


class SourceText:
    """A source text prepared once for many quotation look-ups, with its structure read on demand."""

    def __init__(self, text: str, name: str | None = None):
        self.raw = text
        self.name = name
        self._matches: dict[str, QuoteMatch] = {}  # several rules ask about the same quotation

    @functools.cached_property
    def prepared(self) -> Prepared:
        """The normalised text with the way back to the original's offsets."""
        return prepare(self.raw)

    @property
    def normalized(self) -> str:
        """The text with quotes, dashes, ellipses and whitespace made uniform."""
        return self.prepared.normalized

    @functools.cached_property
    def structure(self) -> Structure:
        """Paragraphs, sentences, footnote markers and notes of the article."""
        return read_source(self.raw, self.name)

    def line_at(self, offset: int) -> int:
        """The 1-based line of the original text holding the normalised *offset*."""
        first, _ = self.prepared.span(offset, offset + 1)
        return self.prepared.line_at(first)

    def match(self, quotation: str) -> QuoteMatch:
        """The quotation looked up, with offsets into the original text (``self.raw``)."""
        found = self._matches.get(quotation)
        if found is None:
            found = self._matches[quotation] = find_quotation(quotation, self.raw)
        return found

    @functools.cached_property
    def _sentences(self) -> tuple[tuple[Sentence, ...], list[int]]:
        sentences = self.structure.sentences
        return sentences, [s.start for s in sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding the original *offset*, or None (a heading, the notes)."""
        sentences, starts = self._sentences
        i = bisect.bisect_right(starts, offset) - 1
        return sentences[i] if i >= 0 and offset < sentences[i].end else None

    @functools.cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.structure.paragraphs]

    def paragraph_at(self, offset: int) -> int:
        """The index of the paragraph holding (or last starting before) the original *offset*."""
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    @functools.cached_property
    def _marker_offsets(self) -> list[int]:
        return [m.offset for m in self.structure.markers]

    def markers_between(self, start: int, end: int) -> tuple[Marker, ...]:
        """The footnote markers printed within the original span ``[start, end)``."""
        offsets = self._marker_offsets
        return self.structure.markers[bisect.bisect_left(offsets, start):bisect.bisect_left(offsets, end)]

    def marker_after(self, offset: int) -> Marker | None:
        """The first footnote marker at or after the original *offset*, in the same paragraph."""
        markers = self.structure.markers
        i = bisect.bisect_left(self._marker_offsets, offset)
        if i == len(markers) or markers[i].paragraph != self.paragraph_at(offset):
            return None
        return markers[i]

    def find(self, quotation: str) -> Match:
        """Look the quotation up; on failure, say which passage comes closest."""
        parts = [p for p in (p.strip() for p in normalize(quotation).split("...")) if p]
        if not parts:
            return Match(True, 0, 0)
        text, position, first = self.normalized, 0, None
        for part in parts:
            at = text.find(part, position)
            if at < 0:
                found = self.match(quotation)
                return Match(False, closest=found.closest, closest_line=found.closest_line, score=found.score)
            first = at if first is None else first
            position = at + len(part)
        return Match(True, first, position)
