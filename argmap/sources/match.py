"""Finding a quotation in its source, in time that does not grow with quote x text.

The answers are those of :mod:`argmap.checks.quotes` (the same normalisation of
quotes, dashes, ellipses and whitespace; ``...`` in a quotation marks an
omission whose parts must occur in order), with three differences:

- offsets are given in the original text, for the whole passage and for each
  part, by keeping a map from the normalised text back to the original;
- the source is normalised once per text (a small cache keyed by the text);
- the closest passage for a quotation that is not found is looked for only
  near anchors: a few of the quotation's longest words (two or three words
  where one is common), found with ``str.find``.  Their positions vote for
  where the quotation would start; only the best few places are scored with
  rapidfuzz, on windows about the quotation's length.  The work is bounded
  by the quotation's length and a constant number of scans of the text, not
  their product.  Far-off passages that share no anchor word go unseen: the
  hint is a hint.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from array import array
from collections.abc import Iterable

import attrs

from argmap.sources.text import SourceText

ANCHORS = 16  # anchor words per quotation
OCCURRENCES = 32  # an anchor seen more often than this is too common to place the quotation
PLACES = 4  # places scored with rapidfuzz
SHORT = 1000  # up to this many characters, a place is scored by partial_ratio_alignment
# The normalisation of argmap.checks.quotes, step for step (tests hold the two equal).
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})
_ELLIPSIS = re.compile(r"\s*(?:\u2026|\.\s?\.\s?\.)\s*")
_DOUBLE_HYPHEN = re.compile(r"\s*-\s*-\s*")  # a double hyphen is a dash
_SPACE = re.compile(r"\s+")
_DOTS = re.compile(r"\.\s?\.\s?\.")  # the ellipsis typed as dots (the other is "\u2026")
_DASH_CORE = re.compile(r"-\s*-")
# Whitespace other than " ": \s means str.isspace, and no such character lies above U+3000.
_BLANKS = tuple(c for c in map(chr, range(0x3001)) if c.isspace() and c != " ")
_RUN = re.compile(" +")
_WORD = re.compile(r"\w+")


@attrs.frozen
class QuoteMatch:
    """Where a quotation is (offsets in the original text), or the closest passage when not."""

    found: bool
    start: int | None = None
    end: int | None = None
    parts: tuple[tuple[int, int], ...] = ()
    closest: str | None = None  # the passage as normalised, like argmap.checks.quotes.Match.closest
    closest_start: int | None = None
    closest_end: int | None = None
    closest_line: int | None = None
    score: float = 0.0


def normalize(text: str) -> str:
    """Text with quotes, dashes, ellipses and whitespace made uniform (as argmap.checks.quotes)."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = _ELLIPSIS.sub(" ... ", text)
    text = _DOUBLE_HYPHEN.sub(" - ", text)
    return _SPACE.sub(" ", text).strip()


# ---------------------------------------------------------------- offsets ----


@attrs.frozen
class _Stage:
    """One rewriting step: the places it rewrote, in output and input offsets.

    Outside them the output is the input shifted; inside one, every output
    character stands for the whole input span it replaced.
    """

    out_starts: array
    out_ends: array
    in_starts: array
    in_ends: array

    def back(self, position: int, *, end: bool) -> int:
        """The input offset for an output character's start (or, with *end*, its end)."""
        i = bisect.bisect_right(self.out_starts, position) - 1
        if i >= 0 and position < self.out_ends[i]:
            return self.in_ends[i] if end else self.in_starts[i]
        shift = (self.in_ends[i] - self.out_ends[i]) if i >= 0 else 0
        return position + shift + (1 if end else 0)


def _stage(changes: list[tuple[int, int, int]]) -> _Stage:
    """A stage from (input start, input end, output length) of each rewrite, in order."""
    out_starts, out_ends, in_starts, in_ends = array("q"), array("q"), array("q"), array("q")
    shift = 0
    for start, end, length in changes:
        out_starts.append(start + shift)
        out_ends.append(start + shift + length)
        in_starts.append(start)
        in_ends.append(end)
        shift += length - (end - start)
    return _Stage(out_starts, out_ends, in_starts, in_ends)


def _nfc(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """NFC of *text* and the pieces it changed.

    NFC never combines across whitespace, so normalising line by line, and
    within a changed line word by word, gives the NFC of the whole.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, []
    out, changes = [], []
    for line in re.finditer(r"[^\n]*\n?", text):
        piece = line.group()
        if unicodedata.is_normalized("NFC", piece):
            out.append(piece)
            continue
        for word in re.finditer(r"\s+|\S+", piece):
            new = unicodedata.normalize("NFC", word.group())
            if new != word.group():
                changes.append((line.start() + word.start(), line.start() + word.end(), len(new)))
            out.append(new)
    joined = "".join(out)
    if joined != unicodedata.normalize("NFC", text):  # pragma: no cover - a safety net
        return unicodedata.normalize("NFC", text), [(0, len(text), len(unicodedata.normalize("NFC", text)))]
    return joined, changes


def _around(text: str, cores: Iterable[tuple[int, int]], replacement: str) -> tuple[str, _Stage]:
    """``re.sub(r"\\s*" + core + r"\\s*", replacement, text)`` and its stage, given the core's matches.

    The pattern's leading ``\\s*`` makes the regex engine try every position
    of the text; the core never starts with whitespace, so the pattern's
    matches are the core's, widened by hand over the whitespace either side
    (not back into the match before).
    """
    out, changes, position, size = [], [], 0, len(text)
    for start, end in cores:  # none starts in the whitespace a match swallowed: cores open with no blank
        while start > position and text[start - 1].isspace():
            start -= 1
        while end < size and text[end].isspace():
            end += 1
        out += (text[position:start], replacement)
        changes.append((start, end, len(replacement)))
        position = end
    out.append(text[position:])
    return "".join(out), _stage(changes)


def _ellipses(text: str) -> list[tuple[int, int]]:
    """The matches of ``\u2026|\\.\\s?\\.\\s?\\.``, in order (two fast searches, merged)."""
    cores = [m.span() for m in _DOTS.finditer(text)]
    at = text.find("\u2026")
    while at >= 0:
        cores.append((at, at + 1))
        at = text.find("\u2026", at + 1)
    return sorted(cores)


def _collapse(text: str) -> tuple[str, _Stage, _Stage]:
    """``" ".join(text.split())`` with its stages: the blanks stripped, then each run made one space."""
    for blank in _BLANKS:  # one character for one: no offset moves
        text = text.replace(blank, " ")
    lead = len(text) - len(text.lstrip(" "))
    text = text.strip(" ")
    out, changes, position = [], [], 0
    at = text.find("  ")
    while at >= 0:
        end = _RUN.match(text, at).end()
        out += (text[position:at], " ")
        changes.append((at, end, 1))
        position = end
        at = text.find("  ", end)
    out.append(text[position:])
    return "".join(out), _stage([(0, lead, 0)] if lead else []), _stage(changes)


@attrs.frozen(eq=False)
class Prepared:
    """A source text normalised once, with the way back to its original offsets."""

    original: str
    normalized: str
    stages: tuple[_Stage, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span ``[start, end)``."""
        if end <= start:
            at = self._back(start, end=False) if start < len(self.normalized) else len(self.original)
            return at, at
        return self._back(start, end=False), self._back(end - 1, end=True)

    def _back(self, position: int, *, end: bool) -> int:
        for number, stage in enumerate(reversed(self.stages)):
            position = stage.back(position, end=end)
            if end and number < len(self.stages) - 1:
                position -= 1  # the earlier stage is asked about the last character, not past it
        return position

    @functools.cached_property
    def lines(self) -> array:
        """Offsets of the original's newlines (found when a hint first needs a line number)."""
        return array("q", (m.start() for m in re.finditer("\n", self.original)))

    def line_at(self, offset: int) -> int:
        """The 1-based line of an original offset."""
        return bisect.bisect_left(self.lines, offset) + 1


@functools.lru_cache(maxsize=8)
def prepare(text: str) -> Prepared:
    """The normalised form of *text* (as :func:`argmap.checks.quotes.normalize`), kept for look-ups.

    The same steps as :func:`normalize`, each done with fast string scans
    (str.translate and patterns that open with ``\\s*`` take seconds on
    a few megabytes) and each keeping the offsets it moves.
    """
    nfc, changes = _nfc(text)
    translated = nfc
    for old, new in _TRANSLATE.items():  # one character for one: no offset moves
        translated = translated.replace(chr(old), new)
    ellipsed, ellipses = _around(translated, _ellipses(translated), " ... ")
    dashed, dashes = _around(ellipsed, (m.span() for m in _DASH_CORE.finditer(ellipsed)), " - ")
    normalized, strip, runs = _collapse(dashed)
    return Prepared(text, normalized, (_stage(changes), ellipses, dashes, strip, runs))


# ---------------------------------------------------------------- finding ----


def find_quotation(quote: str, source: SourceText | str) -> QuoteMatch:
    """Look *quote* up in *source*; on failure, say which passage comes closest."""
    prepared = prepare(source.text if isinstance(source, SourceText) else source)
    text = prepared.normalized
    wanted = normalize(quote)
    parts = [p for p in (p.strip() for p in wanted.split("...")) if p]
    if not parts:
        return QuoteMatch(True, 0, 0)
    position, spans = 0, []
    for part in parts:
        at = text.find(part, position)
        if at < 0:
            return _closest(prepared, wanted.replace("...", " "))
        spans.append(prepared.span(at, at + len(part)))
        position = at + len(part)
    return QuoteMatch(True, spans[0][0], spans[-1][1], tuple(spans))


def _anchors(quote: str) -> list[tuple[int, str]]:
    """(offset in the quotation, words) to search for: the longest word of each stretch."""
    words = list(_WORD.finditer(quote))
    if not words:
        return [(0, quote.strip())] if quote.strip() else []
    step = max(1, -(-len(words) // ANCHORS))
    chosen = []
    for first in range(0, len(words), step):
        group = words[first:first + step]
        best = max(range(len(group)), key=lambda i: len(group[i].group()))
        chosen.append(first + best)
    return [(words[i].start(), quote[words[i].start():words[min(i + n, len(words) - 1)].end()])
            for i in chosen for n in (0, 1, 2)]


def _votes(text: str, quote: str) -> list[tuple[int, int]]:
    """(where the quotation would start, the anchor's offset in it) for each sighting of an anchor."""
    votes: list[tuple[int, int]] = []
    done = set()
    for offset, words in _anchors(quote):
        if offset in done:
            continue  # placed by fewer words already, or absent (and longer runs with it)
        seen, at = [], text.find(words)
        while at >= 0 and len(seen) <= OCCURRENCES:
            seen.append(at)
            at = text.find(words, at + 1)
        if len(seen) <= OCCURRENCES:
            done.add(offset)
            votes.extend((at - offset, offset) for at in seen)
    return sorted(votes)


def _places(votes: list[tuple[int, int]], length: int) -> list[list[int]]:
    """The likeliest starts, grouped: those within a quarter of the quotation of each other."""
    width = max(16, length // 4)
    groups: list[tuple[list[int], set[int]]] = []
    for start, anchor in votes:
        if groups and start - groups[-1][0][0] <= width:
            groups[-1][0].append(start)
            groups[-1][1].add(anchor)
        else:
            groups.append(([start], {anchor}))
    ranked = sorted(range(len(groups)), key=lambda i: (-len(groups[i][1]), i))
    return [groups[i][0] for i in ranked[:PLACES]]


def __getattr__(name: str):
    """``fuzz``, rapidfuzz's scorers: loaded for the first quotation scored, not with every check."""
    if name == "fuzz":
        from rapidfuzz import fuzz

        globals()["fuzz"] = fuzz
        return fuzz
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _fuzz():
    return globals().get("fuzz") or __getattr__("fuzz")


def _score(quote: str, text: str, starts: list[int] | None) -> tuple[float, int, int] | None:
    """(score, start, end) of the best passage near *starts* (None: anywhere) in normalised *text*."""
    fuzz = _fuzz()
    length = len(quote)
    if starts is None or length <= SHORT:
        lo, hi = (0, len(text)) if starts is None else (max(0, starts[0] - length // 2),
                                                          starts[-1] + length + length // 2)
        alignment = fuzz.partial_ratio_alignment(quote, text[lo:hi])
        if alignment is None:
            return None
        return alignment.score, lo + alignment.dest_start, lo + alignment.dest_end
    # partial_ratio grows with the square of a long quotation: score the
    # anchored windows of the quotation's own length instead.
    shifts = sorted({max(0, s) for s in (starts[0], starts[len(starts) // 2], starts[-1])})
    return max((fuzz.ratio(quote, text[s:s + length]), s, min(len(text), s + length)) for s in shifts)


def _closest(prepared: Prepared, quote: str) -> QuoteMatch:
    text = prepared.normalized
    if not text or not quote:
        return QuoteMatch(False)
    places: list[list[int] | None]
    if len(quote) <= SHORT and len(text) <= 3 * len(quote):
        places = [None]  # a text this short is scored whole, as argmap.checks.quotes does
    else:
        places = _places(_votes(text, quote), len(quote))
    best = None
    for starts in places:
        found = _score(quote, text, starts)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    if best is None:
        return QuoteMatch(False)
    score, start, end = best
    first, last = prepared.span(start, end)
    return QuoteMatch(False, closest=text[start:end], closest_start=first, closest_end=last,
                      closest_line=prepared.line_at(first), score=score)
