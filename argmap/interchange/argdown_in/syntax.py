"""The Argdown syntax at the level of lines and tokens: patterns, comments, YAML data, positions.

The patterns follow the Argdown syntax (https://argdown.org/syntax/).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator

from argmap.interchange._common import MAX_NESTING, Report, too_deep

HEADING = re.compile(r"[ \t]*(#+) (.*)", re.S)  # Argdown reads an indented heading as a heading too
INCLUDE = re.compile(r"[ \t]*@include\((?P<files>[^)]*)\)")
PCS_LINE = re.compile(r"([ \t]*)\((\d+)\)[ \t]*")
LIST_ITEM = re.compile(r"([ \t]*)(?:\d+\.|\*)(?=\s)[ \t]*")
RELATION = re.compile(r"([ \t]*)(\+>|->|><|_>|<\+|<-|<_|\+|-|_(?=\s))[ \t]*")
HYPHENS = re.compile(r"[ \t]*(-{2,})[ \t]*$")
DATA = re.compile(r"\{((?!\}\s[^,}])(?:.|\n))*\}(?!\s*(?:,|\}))")
# As Argdown writes it, A-z range (which takes in "_" and "[\\]^`") included.
TAG = re.compile(r"#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
LINK = re.compile(r"\[[^\]]+?\]\([^)]+?\)")
COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|//[^\n]*", re.S)
ESCAPED = re.compile(r"\\(.)")


def advance(raw: str, offset: int, line: int, column: int) -> tuple[int, int]:
    before = raw[:offset]
    if "\n" in before:
        return line + before.count("\n"), len(before) - before.rfind("\n")
    return line, column + offset


class DataFinder:
    """Where :data:`DATA` matches in one text, found in linear time.

    ``DATA.match`` tries from a ``{`` to the end of the text before it gives
    up, so a line of many ``{`` took quadratic time.  The pattern matches from
    ``{`` at *s* up to the last ``}`` that is not followed by ``,`` or ``}``
    (white space between allowed) at or before the first ``}`` followed by
    white space and another character; both kinds of ``}`` are found once,
    and each match is a binary search.  tests/test_hardening_convert.py holds
    this to the pattern on generated texts.
    """

    _STOP = re.compile(r"\}(?=\s[^,}])")
    _CLOSE = re.compile(r"\}(?!\s*(?:,|\}))")

    def __init__(self, text: str):
        self.text = text
        self.stops = [m.start() for m in self._STOP.finditer(text)]
        self.closes = [m.start() for m in self._CLOSE.finditer(text)]

    def match(self, s: int) -> int | None:
        """The end of the data element starting at *s* (DATA.match), or None."""
        if not self.text.startswith("{", s):
            return None
        k = bisect.bisect_left(self.stops, s + 1)
        limit = self.stops[k] if k < len(self.stops) else len(self.text) - 1
        j = bisect.bisect_right(self.closes, limit) - 1
        if j >= 0 and self.closes[j] >= s + 1:
            return self.closes[j] + 1
        return None

    def finditer(self, start: int = 0) -> Iterator[tuple[int, int]]:
        """(start, end) of each data element, left to right, as DATA.finditer finds them."""
        i = self.text.find("{", start)
        while i >= 0:
            end = self.match(i)
            if end is None:
                i = self.text.find("{", i + 1)
            else:
                yield i, end
                i = self.text.find("{", end)


_TAG_NAME = re.compile(TAG.pattern.split("|", 1)[1][:-1])  # the second alternative: #name


def find_tags(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of each match of :data:`TAG`, left to right, in linear time.

    ``#(`` scans to the next ``)``; with many ``#(`` and no ``)`` the
    pattern searched the rest of the text from each one.  Here the search
    for ``)`` is shared.  tests/test_hardening_convert.py holds this to the
    pattern.
    """
    out = []
    closing = _Finder(text, ")")
    i = text.find("#")
    while i >= 0:
        end = None
        if text.startswith("(", i + 1):
            k = closing.find(i + 2)
            if k > i + 2:
                end, tag = k + 1, text[i + 2:k]
        else:
            m = _TAG_NAME.match(text, i + 1)
            if m:
                end, tag = m.end(), m.group(1)
        if end is None:
            i = text.find("#", i + 1)
        else:
            out.append((i, end, tag))
            i = text.find("#", end)
    return out


class _Finder:
    """``text.find(needle, i)`` for rising *i*, each part of the text searched once.

    Searching afresh from every ``<!--`` for a ``-->`` that is not there
    costs the rest of the text each time; the answer found last holds for
    every start up to it.
    """

    def __init__(self, text: str, needle: str):
        self.text, self.needle = text, needle
        self.start, self.found = -1, -1

    def find(self, i: int) -> int:
        """The first occurrence of the needle at or after *i* (-1 for none)."""
        if self.start >= 0 and self.start <= i and (self.found == -1 or i <= self.found):
            return self.found
        self.start, self.found = i, self.text.find(self.needle, i)
        return self.found


def _link_end(text: str, i: int, closing: _Finder, parens: _Finder) -> int | None:
    """The end of the Markdown link ``[text](url)`` at *i* (what LINK matches), or None."""
    if text.startswith("]", i + 1):
        return None
    j = closing.find(i + 1)
    if j < 0 or not text.startswith("(", j + 1) or text.startswith(")", j + 2):
        return None
    k = parens.find(j + 2)
    return k + 1 if k >= 0 else None


def blank_comments(text: str, spans: list | None = None) -> str:
    """Comments replaced by spaces (newlines kept), except inside links, data and escapes.

    With *spans*, the (start, end) offsets of each comment are appended to
    it.  Linear in the length of the text, however many comment openers,
    brackets or braces it holds.
    """
    out = []
    i = 0
    n = len(text)
    data = DataFinder(text)
    ends = {"<!--": _Finder(text, "-->"), "/*": _Finder(text, "*/")}
    closing, parens = _Finder(text, "]"), _Finder(text, ")")
    special = re.compile(r"[\\\[{/<]")
    while i < n:
        m = special.search(text, i)
        if m is None:
            out.append(text[i:])
            break
        if m.start() > i:
            out.append(text[i:m.start()])
            i = m.start()
        c = text[i]
        if c == "\\":
            out.append(text[i:i + 2])
            i += 2
            continue
        end = None
        if c == "[":
            end = _link_end(text, i, closing, parens)
        elif c == "{":
            end = data.match(i)
        if end is not None:
            out.append(text[i:end])
            i = end
            continue
        opener = "<!--" if text.startswith("<!--", i) else "/*" if text.startswith("/*", i) else None
        if opener is not None:
            close = ends[opener].find(i + len(opener))
            if close >= 0:
                end = close + (3 if opener == "<!--" else 2)
                out.append(re.sub(r"[^\n]", " ", text[i:end]))
                if spans is not None:
                    spans.append((i, end))
                i = end
                continue
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            if spans is not None:
                spans.append((i, end))
            i = end
            continue
        out.append(c)
        i += 1
    return "".join(out)


def comment_lines(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """The (1-based) lines of *text* that a comment of *spans* touches.

    A line left blank by its comments, or a blank line inside a comment,
    does not end a block: Argdown skips comments before it looks for empty
    lines.
    """
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines: set[int] = set()
    for start, end in spans:
        first = bisect.bisect_right(starts, start)
        last = bisect.bisect_right(starts, max(end - 1, start))
        lines.update(range(first, last + 1))
    return lines


def data_lines(text: str) -> set[int]:
    """The (1-based) lines of *text* that begin inside a data element ``{...}`` spread over lines.

    Such a line goes on with the element: it is YAML, not a relation, a
    statement or an empty line ending the block (Argdown reads the whole
    element as one token).
    """
    masked = ESCAPED.sub("\0\0", text)  # escaped braces open nothing
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines: set[int] = set()
    for start, end in DataFinder(masked).finditer():
        first = bisect.bisect_right(starts, start)
        last = bisect.bisect_right(starts, end - 1)
        lines.update(range(first + 1, last + 1))
    return lines


MAX_YAML_CHARS = 1 << 20
"""Front matter and data elements are a few lines; YAML beyond this is refused, not parsed for minutes."""


def _yaml_loader():
    """A safe YAML loader that refuses aliases (``*name``).

    Aliases let a few hundred bytes stand for gigabytes once expanded (the
    "billion laughs"); argmap's own files never use them.
    """
    import yaml

    class NoAliases(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, f"an alias (*{event.anchor}) repeats an earlier value; argmap does not "
                    "expand aliases, write the value out", event.start_mark)
            return super().compose_node(parent, index)

    # A date stays the text it was written as: YAML's own reading turns an
    # impossible one (2020-02-30) into an exception, and the mapper reads and
    # checks dates itself.
    NoAliases.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)
    return NoAliases


def load_yaml(source: str, report: Report, line: int, column: int, what: str):
    """YAML (or JSON) *source*; None with an X302 when it does not parse, is too large or nests too deeply."""
    if len(source) > MAX_YAML_CHARS:
        report.add("X302", f"the {what} is over {MAX_YAML_CHARS // 1024} KiB of YAML; it is not read", line, column,
                   "front matter and data hold a few fields; put long texts in the statements")
        return None
    try:
        value = json.loads(source)
    except (ValueError, RecursionError):  # not JSON, or nested past Python's limit: YAML says which
        pass
    else:
        return value if not _nested_too_deep(value, report, line, column, what) else None
    try:
        import yaml
    except ImportError:  # pragma: no cover - pyyaml is a dependency of the converters
        report.add("X303", f"the {what} is YAML and cannot be read without the pyyaml package", line, column,
                   "pip install pyyaml")
        return None
    try:
        value = yaml.load(source, Loader=_yaml_loader())  # noqa: S506 (a SafeLoader that also refuses aliases)
    except RecursionError:
        report.add("X302", f"the {what} nests too deeply to be read; it is not carried over", line, column)
        return None
    except (ValueError, TypeError, OverflowError) as exc:  # a value YAML resolved but cannot build
        report.add("X302", f"the {what} holds a value YAML cannot read ({exc}); it is not carried over", line, column)
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where_line = line + (mark.line if mark else 0)
        where_column = (mark.column + 1) if mark else column
        if mark and mark.line == 0:
            where_column += column - 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        colon = "mapping values" in problem or "expected ':'" in problem  # the usual slip: `key:value`
        report.add("X302", f"the {what} is not valid YAML: {problem}; it is not carried over",
                   where_line, where_column, "YAML needs a space after each colon: `key: value`" if colon else None)
        return None
    return value if not _nested_too_deep(value, report, line, column, what) else None


def _nested_too_deep(value, report: Report, line: int, column: int, what: str) -> bool:
    if not too_deep(value):
        return False
    report.add("X302", f"the {what} nests lists and objects more than {MAX_NESTING} levels deep; "
               "it is not carried over", line, column)
    return True
