"""How the canonical writer breaks long text: the lines `argmap fmt` writes, and that they read back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap import parse
from argmap.formatting.writer import CONTINUATION, WIDTH, dumps, format_text, wrap
from argmap.model import Claim, Map

WORDS = st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=12), min_size=1, max_size=30)


def unwrap(lines: list[str], indent: str) -> str:
    """The one line the parser reads: each ``\\`` break and the next line's indentation become one space."""
    out = lines[0]
    for line in lines[1:]:
        assert out.endswith(" \\")
        out = out[:-2] + " " + line.removeprefix(indent + CONTINUATION)
    return out


@given(WORDS, st.sampled_from(["", " [^1]", " [^12] [^13]"]))
def test_wrapped_lines_fit_and_read_back_as_the_line(words, tail):
    head, text = "claim a: ", " ".join(words)
    lines = wrap(head, text, tail, "")
    assert unwrap(lines, "") == head + text + tail
    # words are at most 12 letters: every line has room for its continuation mark
    assert all(len(line) <= WIDTH for line in lines)
    assert lines[-1].endswith(tail)


def test_a_line_that_leaves_room_for_the_continuation_mark_stays_whole():
    head = "claim a: "
    text = "word " * ((WIDTH - 2 - len(head)) // 5)
    text = text.strip() + "x" * (WIDTH - 2 - len(head) - len(text.strip()))
    assert len(head + text) == WIDTH - 2
    assert wrap(head, text, "", "") == [head + text]


def test_a_line_one_column_short_of_the_width_is_still_broken():
    # the writer keeps two columns for " \\" when it adds a word: a line of
    # WIDTH - 1 columns with a space in it is broken before its last word
    head = "claim a: "
    last = "end"
    text = "w" * (WIDTH - 1 - len(head) - len(last) - 1) + " " + last
    assert len(head + text) == WIDTH - 1
    assert wrap(head, text, "", "") == [head + text[:-len(last) - 1] + " \\", CONTINUATION + last]


def test_long_claims_are_formatted_to_the_width_and_format_again_to_the_same_text():
    text = "Reasons " * 30
    m = Map(claims=(Claim("a", text.strip()), Claim("b", "Short.")))
    out = dumps(m)
    assert all(len(line) <= WIDTH for line in out.splitlines())
    assert parse(out) == m
    assert format_text(out) == out
    assert out.splitlines()[1].startswith(CONTINUATION + "Reasons")
