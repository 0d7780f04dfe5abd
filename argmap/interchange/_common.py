"""Pieces the converters share: diagnostics, ids, JSON positions."""

from __future__ import annotations

import bisect
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

class Names(set):
    """The ids already given, remembering for each base id the next number to try.

    Without it, the n-th statement that folds to the same id would try
    ``_2`` ... ``_n`` first: quadratic time for a file of many alike.
    """

    def __init__(self, *args):
        super().__init__(*args)
        self.next_number: dict[str, int] = {}


def make_id(text: str, taken: set[str] | None = None, prefix: str = "c") -> str:
    """An argmap id made from *text* (a title, a number), unique within *taken* (best a :class:`Names`)."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    slug = re.sub(r"\W+", "_", folded).strip("_")
    if not slug or not re.match(r"[^\W\d]", slug):
        slug = f"{prefix}_{slug}" if slug else prefix
    if slug in KEYWORDS:
        slug += "_"
    if taken is None:
        return slug
    counters = taken.next_number if isinstance(taken, Names) else None
    n = counters.get(slug, 2) if counters is not None else 2
    candidate = slug
    while candidate in taken:
        candidate, n = f"{slug}_{n}", n + 1
    if counters is not None and candidate != slug:
        counters[slug] = n  # every number below n is taken: the next one tried is n
    taken.add(candidate)
    return candidate


_DIRECTIVE = re.compile(r"((?:^|(?<=\s))#[ \t]*)argmap:")


def one_line(text: str) -> str:
    """Text on one line, runs of white space made one space.

    A footnote mark ``[^`` that is not a citation would end argmap's free
    text, so a space is put after the bracket.
    """
    text = re.sub(r"\s+", " ", text).strip().replace("[^", "[ ^")
    # `# argmap:` after a space would start a directive comment and cut the text there
    text = _DIRECTIVE.sub(r"\1argmap :", text)
    # a backslash at the end would join the next line; what is before it must not end in a blank either
    end = len(text)
    while end and (text[end - 1] == "\\" or text[end - 1].isspace()):
        end -= 1
    return text[:end]


# ------------------------------------------------------- JSON positions ----

def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of *offset* in *text* (for one look-up; use :class:`LineIndex` for many)."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class LineIndex:
    """Line and column of any offset in one text, each look-up a binary search.

    Counting newlines afresh for each diagnostic costs the length of the
    text each time: a file with many diagnostics would take quadratic time.
    """

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of *offset*."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


MAX_NESTING = 64
"""How deeply lists and objects may nest in the JSON and YAML argmap reads.

Real files nest a handful of levels; a limit keeps a hostile file from
exhausting Python's recursion (the JSON decoder, YAML's composer and any
code that walks the values recurse once per level).
"""

_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


def json_too_deep(text: str, limit: int = MAX_NESTING) -> int | None:
    """The offset of the first ``[`` or ``{`` nested deeper than *limit* in JSON *text*, or None.

    One pass over the brackets, skipping strings: linear, and it never
    recurses, so it can be asked before :func:`json.loads` is.
    """
    depth = 0
    for m in _JSON_TOKEN.finditer(text):
        c = text[m.start()]
        if c in "[{":
            depth += 1
            if depth > limit:
                return m.start()
        elif c in "]}":
            depth = max(depth - 1, 0)
    return None


def too_deep(value, limit: int = MAX_NESTING) -> bool:
    """Whether lists and dicts in *value* nest deeper than *limit* (an iterative walk: no recursion)."""
    todo = [(value, 1)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, dict):
            children = list(item.keys()) + list(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            children = list(item)
        else:
            continue
        if depth > limit:
            return True
        todo.extend((child, depth + 1) for child in children)
    return False


_WS = re.compile(r"[ \t\n\r]*")
_NUMBER_OR_WORD = re.compile(r"-?(?:\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|true|false|null")


def json_positions(text: str) -> dict[tuple, int]:
    """Offsets of every value in valid JSON *text*, keyed by path.

    ``{("nodes", 3): 120}`` says the fourth item of the top-level ``nodes``
    list starts at offset 120.  Parse with :func:`json.loads` first: this
    scanner assumes the text is well-formed, and nested no deeper than
    :data:`MAX_NESTING` (:func:`json_too_deep`), as it recurses per level.
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
        positions[path] = i
        if c == '"':
            return decoder_string(text, i + 1)[1]
        m = _NUMBER_OR_WORD.match(text, i)
        return m.end() if m else i + 1

    try:
        value(0, ())
    except (IndexError, ValueError):  # pragma: no cover - only for text json.loads refused
        pass
    return positions



def report_settings(m, report: Report, format_name: str) -> None:
    """X306 when the map has ``weight``, ``standard`` or ``burden`` lines, which *format_name* has no place for:
    said once, at the first, with how many there are."""
    found = [s for item in (*m.theses, *m.claims) for s in item.settings]
    if found:
        first = found[0]
        more = f" and {len(found) - 1} more" if len(found) > 1 else ""
        report.add("X306", f"{format_name} has no place for weight, standard and burden lines: "
                   f"`{first.keyword} {first.value}`{more} are not carried over",
                   first.span.line, first.span.column,
                   "they stay in the .argmap file; the evaluation there uses them")
