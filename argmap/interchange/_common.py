"""Pieces the converters share: diagnostics, ids, JSON positions."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import NoReturn

from argmap.diagnostics import Diagnostic, Span

# Words the argmap grammar reserves; an id equal to one gets a trailing underscore.
KEYWORDS = frozenset(
    "map use from thesis case for against person org claim by quote tags concession "
    "supports rebuts undercuts contradicts argument footnotes author published "
    "publisher url text venue".split()
)


class ConvertError(ValueError):
    """Input that cannot be converted at all; ``diagnostics`` say why and where."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics) or "cannot convert")


class Report:
    """Collects the diagnostics of one conversion, all for one file."""

    def __init__(self, path: str | None):
        self.path = path or "<string>"
        self.items: list[Diagnostic] = []

    def add(self, code: str, message: str, line: int = 1, column: int = 1,
            hint: str | None = None) -> None:
        """Record a diagnostic *code* (X302-X306: see :data:`argmap.diagnostics.CODES`) at *line*, *column*."""
        self.items.append(Diagnostic.of(code, self.path, Span(max(line, 1), max(column, 1)), message, hint))

    def fail(self, message: str, line: int = 1, column: int = 1, hint: str | None = None) -> NoReturn:
        """Record an X301 and raise ConvertError with everything so far."""
        self.add("X301", message, line, column, hint)
        raise ConvertError(self.items)


# ------------------------------------------------------------------ ids ----

def make_id(text: str, taken: set[str] | None = None, prefix: str = "c") -> str:
    """An argmap id made from *text* (a title, a number), unique within *taken*."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    slug = re.sub(r"\W+", "_", folded).strip("_")
    if not slug or not re.match(r"[^\W\d]", slug):
        slug = f"{prefix}_{slug}" if slug else prefix
    if slug in KEYWORDS:
        slug += "_"
    if taken is None:
        return slug
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}_{n}", n + 1
    taken.add(candidate)
    return candidate


def one_line(text: str) -> str:
    """Text on one line, runs of white space made one space.

    A footnote mark ``[^`` that is not a citation would end argmap's free
    text, so a space is put after the bracket.
    """
    text = re.sub(r"\s+", " ", text).strip()
    return text.replace("[^", "[ ^").rstrip("\\")


# ------------------------------------------------------- JSON positions ----

def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of *offset* in *text*."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_WS = re.compile(r"[ \t\n\r]*")
_NUMBER_OR_WORD = re.compile(r"-?(?:\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|true|false|null")


def json_positions(text: str) -> dict[tuple, int]:
    """Offsets of every object and array in valid JSON *text*, keyed by path.

    ``{("nodes", 3): 120}`` says the fourth item of the top-level ``nodes``
    list starts at offset 120.  Parse with :func:`json.loads` first: this
    scanner assumes the text is well-formed.
    """
    positions: dict[tuple, int] = {}
    decoder_string = json.decoder.scanstring

    def value(i: int, path: tuple) -> int:
        i = _WS.match(text, i).end()
        c = text[i]
        if c == "{":
            positions[path] = i
            i = _WS.match(text, i + 1).end()
            if text[i] == "}":
                return i + 1
            while True:
                i = _WS.match(text, i).end()
                key, i = decoder_string(text, i + 1)
                i = _WS.match(text, i).end() + 1  # the colon
                i = value(i, path + (key,))
                i = _WS.match(text, i).end()
                if text[i] == "}":
                    return i + 1
                i += 1  # comma
        if c == "[":
            positions[path] = i
            i = _WS.match(text, i + 1).end()
            if text[i] == "]":
                return i + 1
            n = 0
            while True:
                i = value(i, path + (n,))
                n += 1
                i = _WS.match(text, i).end()
                if text[i] == "]":
                    return i + 1
                i += 1
        if c == '"':
            return decoder_string(text, i + 1)[1]
        m = _NUMBER_OR_WORD.match(text, i)
        return m.end() if m else i + 1

    try:
        value(0, ())
    except (IndexError, ValueError):  # pragma: no cover - only for text json.loads refused
        pass
    return positions

