"""Free text and quoted strings (the grammar's TEXT and STRING) end where their definitions say.

The terminals are written for speed: runs of plain characters, and a run of
spaces with the word after it, are each taken in one step, and the
repetition is possessive (it never gives back what it took).  What it reads
must be what free text is defined to be: any characters up to the end of
the line, the first footnote citation (``[^``), a line-continuing backslash
(taken with the line break and the next line's indent), or a directive
comment (`` # argmap: ...`` after a space).  The definition below takes one
space or word run per step; the terminal must end every match where it does.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from argmap.syntax.parser import _lane

DEFINITION = re.compile(
    r"(?:[^\s\[\\]|\[(?!\^)|\\(?!\r?\n))"  # a first character that is not a space, a citation or a continuation
    r"(?:[^\n\[\\ \t]+"  # a run of plain characters
    r"|[ \t]+(?!#[ \t]*argmap:)"  # spaces, unless a directive comment follows them
    r"|\[(?!\^)"  # a bracket that opens no citation
    r"|\\\r?\n[ \t]*"  # a continuation: backslash, line break, the next line's indent
    r"|\\(?!\r?\n))*")  # a backslash that continues nothing

PIECES = ["a", "word", " ", "\t", "\n", "\r", "[", "^", "[^1]", "\\", "#", "argmap:", "# argmap: ignore", "é", "1"]


TEXT = re.compile(_lane().terminals["TEXT"].pattern.to_regexp())


def _end(pattern: re.Pattern, s: str) -> int | None:
    m = pattern.match(s)
    return None if m is None else m.end()


def test_text_ends_where_free_text_is_defined_to_end_on_every_short_line():
    # every line of up to four pieces: about 55,000 of them
    for n in range(1, 5):
        for pieces in itertools.product(PIECES, repeat=n):
            s = "".join(pieces)
            assert _end(TEXT, s) == _end(DEFINITION, s), repr(s)


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join))
def test_text_ends_where_free_text_is_defined_to_end(s):
    assert _end(TEXT, s) == _end(DEFINITION, s), repr(s)


STRING_DEFINITION = re.compile(
    r'"(?:[^"\\\n]'  # a plain character
    r'|\\[^\n]'  # an escaped one: \" or \\
    r'|\\\r?\n[ \t]*)*"')  # a continuation: backslash, line break, the next line's indent
STRING = re.compile(_lane().terminals["STRING"].pattern.to_regexp())
STRING_PIECES = ["a", "word ", '"', "\\", '\\"', "\n", "\r", " ", "\t", "é", "\\\n  "]


def test_a_string_ends_where_a_quoted_string_is_defined_to_end_on_every_short_line():
    for n in range(0, 5):  # about 16,000 strings
        for pieces in itertools.product(STRING_PIECES, repeat=n):
            s = '"' + "".join(pieces)
            assert _end(STRING, s) == _end(STRING_DEFINITION, s), repr(s)


@given(st.lists(st.sampled_from(STRING_PIECES), max_size=30).map(lambda p: '"' + "".join(p)))
def test_a_string_ends_where_a_quoted_string_is_defined_to_end(s):
    assert _end(STRING, s) == _end(STRING_DEFINITION, s), repr(s)


def test_a_directive_after_free_text_stays_a_comment():
    line = "Abe met Putin twice.  # argmap: ignore S209"
    assert line[:_end(TEXT, line)].rstrip() == "Abe met Putin twice."
