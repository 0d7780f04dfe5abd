"""Syntax errors: a message a debate coach understands, and several per run."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError


def errors(text: str):
    with pytest.raises(ArgmapError) as info:
        argmap.parse(text, "m.argmap")
    return info.value.diagnostics


@pytest.mark.parametrize("text, line, words", [
    ('claim a (c): t\n  quote "never closed\n', 2, "quotation is never closed"),
    ("claim a text\n", 1, "ends with a colon"),
    ("claim: text\n", 1, "needs an id"),
    ("claim a (): text\n", 1, "case in brackets needs a name"),
    ("claim a: t\n  supports\n", 2, "needs the id of the claim"),
    ("case brown new_approach: x\n", 1, "for or against"),
    ("hello world\n", 1, "does not start a statement"),
    ("claim a: t\n  supports b c\n", 2, "single target"),
    ("argument a: b + c\n", 1, "premises joined by +"),
    ('map a {\n  title "x"\n}\n', 2, "unknown field"),
    ("footnotes\n[^1]:\n", 2, "footnote definition needs its text"),
    ("use ../../etc/passwd\n", 1, "names another map by its id"),
])
def test_messages_teach_the_syntax(text, line, words):
    (d,) = errors(text)
    assert d.line == line
    assert words in d.message
    assert d.hint, "every syntax error comes with a hint"


def test_hint_shows_the_right_form():
    (d,) = errors("claim a text\n")
    assert "claim id (case) by person: text" in d.hint


def test_several_mistakes_are_all_reported():
    text = "claim a: ok\nclaim b text\nclaim c: ok\ncase x y: z\nclaim d: ok\n  supports\n"
    found = errors(text)
    assert [d.line for d in found] == [2, 4, 6]


def test_error_count_is_bounded():
    found = errors("x y z\n" * 500)
    assert 1 <= len(found) <= 25


def test_columns_point_at_the_mistake():
    (d,) = errors("claim a (c): t\n  supports b c\n")
    assert (d.line, d.column) == (2, 14)


@pytest.mark.parametrize("text", ["claim tags (c): T\n", "thesis quote: T\n", "person claim: P\n",
                                  "argument supports: a + b -> c\n"])
def test_keywords_cannot_name_things(text):
    m = argmap.parse(text, "m.argmap")
    (d,) = [d for d in argmap.check(m) if d.code == "A009"]
    assert d.line == 1 and "keyword" in d.message and d.severity == argmap.Severity.ERROR


@pytest.mark.parametrize("text, words", [
    ("claim a A claim with no colon\n", "ends with a colon"),  # not "the case in brackets"
    ("claim a by p Russia offered nothing\n", "ends with a colon"),
    ("claim a (: text\n", "case in brackets needs a name"),
])
def test_a_missing_colon_is_not_mistaken_for_a_bad_case(text, words):
    (d,) = errors(text)
    assert words in d.message and "claim_head" not in d.message + (d.hint or "")


def test_a_quotation_continued_with_a_backslash_is_one_quotation():
    m = argmap.parse('claim a: t\n  quote "a long \\\n    quotation" [^1]\n\nfootnotes\n  [^1]: X, 2016.\n')
    [q] = m.claims[0].quotes
    assert q.text == "a long quotation" and [c.label for c in q.citations] == ["1"]
    # and one left open is still reported where it opens
    (d,) = errors('claim a: t\n  quote "a long \\\n    quotation [^1]\n')
    assert d.line == 2 and "never closed" in d.message


def _table_cases():
    from argmap.syntax.errors import ERROR_EXAMPLES

    for (message, _hint), examples in ERROR_EXAMPLES.items():
        for example in examples:
            yield pytest.param(example, message, id=f"{message[:30]}|{example!r}")


@pytest.mark.parametrize("example, message", list(_table_cases()))
def test_every_message_of_the_table_is_given_for_the_mistake_it_names(example, message):
    found = errors(example)
    assert found and message in found[0].message, f"{example!r}: {found[0].message}"
    assert found[0].hint


ODD = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u00a0", "\u202f", "\u3000", "\u2002", "\u00ad", "\u200e",
       "\u0301", "\u0007"]
PLACES = [
    ("claim a{}b: A.\n", "inside an id"),
    ("claim{}a: A.\n", "between a keyword and an id"),
    ("thesis t: T.\nclaim a: A.\n  supports t{}# note\n", "before a comment"),
    ("thesis t: T.\nclaim a: A.\n{}  supports t\n", "before an indented line"),
    ("thesis t: T.\nclaim a: A.\n  supports{}t\n", "between a relation and its target"),
]


@given(odd=st.sampled_from(ODD), place=st.sampled_from(PLACES))
def test_a_character_one_cannot_see_is_named_where_it_stands(odd, place):
    # none of these characters may stand in those places: the message names it, and points at it
    text = place[0].format(odd)
    d = errors(text)[0]
    assert f"U+{ord(odd):04X}" in d.message, (place[1], d.message)
    at = text.index(odd)
    assert (d.line, d.column) == (text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1)
