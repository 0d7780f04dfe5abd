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


def test_a_map_canonical_but_for_its_long_lines_reads_back_without_a_second_parse(monkeypatch):
    from argmap.formatting import writer

    text = "claim c: " + "word " * 30 + "end. [^1]\n  supports d\nclaim d: short\n\nfootnotes\n  [^1]: " + "note " * 30 + "end\n"
    m = parse(text)
    calls = []
    real = writer.normalize
    monkeypatch.setattr(writer, "normalize", lambda x: calls.append(x) or real(x))
    out = writer.format_text(text)
    assert out != text and writer._unwrapped(out) == text
    assert calls == []  # only continuations were added: the text is m's own
    assert parse(out) == m


def test_only_the_writers_own_continuations_are_joined():
    from argmap.formatting.writer import _unwrapped

    assert _unwrapped("a \\\n    b\n  [^1]: x \\\n      y\n") == "a b\n  [^1]: x y\n"
    # an author's continuation with another indent is not the writer's: the full check reads it
    assert _unwrapped("c \\\n     z\nd \\\n  e\n") == "c \\\n     z\nd \\\n  e\n"
