"""The line-oriented fast path builds exactly the map lark builds, or steps aside.

For every text here, :func:`argmap.syntax.fastparse.fastparse` either returns None
(lark then reads the text) or a map equal to lark's with the same span on
every object, the same comments with the same spans and ``trailing`` flags,
in the same order.  Spans take no part in equality, so :func:`same_map`
walks both maps field by field, spans included.  And on the maps people
actually write and on the benchmark maps it must not step aside, or the
speed it is there for is not real.
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.syntax.fastparse import KEYWORDS, fastparse
from argmap.syntax.parser import ArgmapError, parse
from argmap.formatting.writer import dumps
from tests.fuzz.harness import mutated, seeds
from tests.strategies import map_texts, maps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate_map  # noqa: E402

SEED_MAPS = sorted((ROOT / "maps").glob("*.argmap"))
TEST_MAPS = sorted((ROOT / "tests").rglob("*.argmap")) + sorted((ROOT / "tests" / "fuzz" / "corpus").glob("*"))
DOC_MAPS = sorted((ROOT / "docs").rglob("*.argmap"))


def differences(a, b, where: str = "map") -> list[str]:
    """Where *a* and *b* differ, spans and other fields left out of equality included."""
    if type(a) is not type(b):
        return [f"{where}: {type(a).__name__} != {type(b).__name__}"]
    if isinstance(a, tuple) and not hasattr(a, "_fields"):
        if len(a) != len(b):
            return [f"{where}: {len(a)} items != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{where}[{i}]")]
    if attrs.has(type(a)):
        out = []
        for f in attrs.fields(type(a)):
            if f.name == "imports":
                continue
            out += differences(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
        return out
    if a != b:  # a Span (a named tuple: line, column, end_line, end_column), a str, a bool...
        return [f"{where}: {a!r} != {b!r}"]
    return []


def lark_or_error(text: str):
    try:
        return parse(text, "t.argmap", fast=False)
    except ArgmapError as error:
        return error


def assert_same(text: str, *, must_be_fast: bool = False) -> None:
    """fastparse(text) is None or the lark path's map, spans and comments included."""
    fast = fastparse(text, "t.argmap")
    slow = lark_or_error(text)
    if fast is None:
        assert not must_be_fast, "the fast path stepped aside"
        return
    assert not isinstance(slow, ArgmapError), f"the fast path accepted a text lark rejects: {slow}"
    assert fast == slow
    found = differences(fast, slow)
    assert not found, "\n".join(found[:10])
    # and parse() takes the fast path's map as it is
    assert not differences(parse(text, "t.argmap"), slow)


def _doc_examples():
    from tests.test_docs_examples import examples

    return [p.values[0] for p in examples()]


@pytest.mark.parametrize("path", SEED_MAPS, ids=lambda p: p.name)
def test_seed_maps_take_the_fast_path_and_match(path):
    text = path.read_text(encoding="utf-8")
    assert_same(text, must_be_fast=True)
    assert_same(text.replace("\n", "\r\n"), must_be_fast=True)
    assert_same("\ufeff" + text.replace("\n  ", "\n\t"), must_be_fast=True)


@pytest.mark.parametrize("path", TEST_MAPS + DOC_MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_test_and_doc_maps_match(path):
    assert_same(path.read_text(encoding="utf-8", errors="replace"))


def test_doc_examples_match():
    examples = _doc_examples()
    assert len(examples) > 10
    for text in examples:
        assert_same(text)


@pytest.mark.parametrize("kwargs", [{}, {"attacks_per_claim": 2.0, "seed": 3}])
def test_benchmark_maps_take_the_fast_path_and_match(kwargs):
    assert_same(generate_map(3000, **kwargs), must_be_fast=True)


# Each line shape, and the spacing, comments and continuations the grammar allows around it.
SHAPES = [
    "",
    "\n\n",
    "# only a comment",
    "   # an indented comment on the first line is read as trailing",
    "\n   # but not on the second",
    "\t#\tcomment with a tab\n#",
    'map m "Title: with \\"quotes\\"" {\n  author "A. B."\n  published 2017-02 # when\n  url https://x.org/a#b\n'
    '\n  # inside\n  text "x.txt"\n} # closed\n',
    'map m{\n}\n',
    "map m {\npublisher\"P\"\n}",
    'use other\nuse b from "dir/b.argmap" # why\nuse c from"c.argmap"',
    "thesis t: A thesis. [^1]\ncase pro for t: For it.\ncase con against t:Against it.[^2] [^3] # note",
    "person p: Someone, 2016. [^4]\norg   o :   An org.",
    "claim a: Text.\nclaim b (c) by p: Text [^1][^2]\n  supports a\n  rebuts m.x # r\n  undercuts a -> b",
    "claim a(c) by  p.q :text\n\tquote \"Q \\\" q\" [^5] # q\n\ttags x y\n\ttags z\n\tconcession\n\tcontradicts a",
    "claim a:\nclaim b: \n  supports a\n\n  # between\n\n  supports b",
    "claim a: # not a comment: text\nclaim b: a [x] [^7] # but this is",
    "claim a: one \\\n   two \\\n\tthree [^1]\n  supports b\nclaim b: x \\\n  [^2] # c",
    "claim a: ends in a backslash \\",
    "claim a: a \\ b, and c\\d",
    "claim a: t\r\n  supports b\r\n# c\r\nclaim b: u [^1]\r\n",
    "claim é_ü: Unicode.\nclaim Москва (東京) by x1: Names.\n  supports é_ü",
    "a supports b\nm.a rebuts b # why\nx undercuts a -> b\nclaim c: t\ny contradicts c\n  supports c",
    "argument arg (c) by p: a + b -> c # linked\nargument g:a+m.b->c\nargument h (c)by p: a -> c",
    "footnotes # all\n  [^1]: Ibid.\n  [^x2]: A [^1] note [^2]\n[^3]:Tight.",
    "claim a: t\n  supports b c",  # errors: lark's messages
    "claim a t",
    "quote \"orphan\"",
    "supports a",
    "claim a: t\nthesis b: u\n  supports a",
    "claim claim: keyword as id",
    "thesis use: keyword as id",
    "claim a: t\n  tags quote",
    "quote.x supports y",
    "person.x supports y",
    "claim a (case) by by: t",
    'map a {\n}\nmap b {\n}',
    'map a {\n  author "x"',
    "claim a: t [^1] more",
    "claim a: t [^ 1]",
    "claim a: [^1]",
    "claim a: t\f",
    "claim\fa: t",
    "claim a: t\r",
    "  \r\n",
    "claim a: t\n\f# c",
    "claim a: t\u2028u\nclaim b: v\x85w",
    "claim a: \u00a0t",
]


@pytest.mark.parametrize("text", SHAPES)
def test_shapes_match(text):
    for variant in (text, text + "\n", text.replace("\n", "\r\n"), "\ufeff" + text, text.replace("  ", "\t")):
        assert_same(variant)


def test_shapes_mostly_take_the_fast_path():
    fast = [t for t in SHAPES if fastparse(t) is not None]
    assert len(fast) >= 22, "the fast path should read every well-formed shape above"


@settings(max_examples=300)
@given(map_texts())
def test_careless_texts_match(text):
    assert_same(text)


def without_keywords(value):
    """*value* (a map, or anything in one) with every name that is a keyword of the language renamed."""
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(without_keywords(v) for v in value)
    if not attrs.has(type(value)):
        return value
    changes = {}
    for f in attrs.fields(type(value)):
        old = getattr(value, f.name)
        if f.name in ("id", "map") and old in KEYWORDS:
            new = old + "_"
        elif f.name == "tags":
            new = tuple(t + "_" if t in KEYWORDS else t for t in old)
        elif f.name not in ("imports", "problems"):
            new = without_keywords(old)
        else:
            continue
        if new is not old:
            changes[f.name] = new
    return attrs.evolve(value, **changes) if changes else value


@settings(max_examples=300)
@given(map_texts(maps(with_comments=False).map(without_keywords)))
def test_careless_texts_take_the_fast_path_and_match(text):
    """Every valid text is read by the fast path, unless it uses a keyword as a name."""
    assert_same(text, must_be_fast=True)


@settings(max_examples=200)
@given(maps())
def test_formatted_maps_match(m):
    assert_same(dumps(m))
    assert_same(dumps(without_keywords(m)), must_be_fast=True)


_SPACE = st.sampled_from(["", " ", "  ", "\t", " \t"])


@st.composite
def respaced(draw):
    """A formatted map with spacing, comments and continuations changed at random places."""
    lines = dumps(draw(maps().map(without_keywords))).split("\n")
    out = []
    for line in lines:
        choice = draw(st.integers(0, 9))
        if choice == 0:
            line = draw(_SPACE) + line.lstrip(" ")
        elif choice == 1:
            line = line + draw(_SPACE)
        elif choice == 2:
            line = line + draw(_SPACE) + "# " + draw(st.text(max_size=5).filter(lambda s: "\n" not in s))
        elif choice == 3:
            out.append(draw(_SPACE) + "#" + draw(st.sampled_from(["", " c", "#", " \\"])))
        elif choice == 4 and " " in line.strip():
            k = line.index(" ", len(line) - len(line.lstrip()))
            line = line[:k] + draw(st.sampled_from([" \\\n", "\\\n  ", "\t\\\n\t", " ", "  "])) + line[k + 1:]
        elif choice == 5:
            out.append(draw(_SPACE))
        out.append(line)
    return draw(st.sampled_from(["", "\ufeff"])) + draw(st.sampled_from(["\n", "\r\n"])).join(out)


@settings(max_examples=300)
@given(respaced())
def test_respaced_maps_match(text):
    assert_same(text)


@settings(max_examples=400)
@given(mutated(seeds()))
def test_mutated_maps_match(text):
    assert_same(text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(list("claimby (). :\t") + ["claim ", " by ", "é", "1", "x.y"]), max_size=20).map("".join))
def test_the_claim_head_is_the_grammars(text):
    """The fast path's claim head (the builder's, with names) matches where the grammar's CLAIM_HEAD does."""
    import re

    from argmap.syntax.fastparse import _terminal
    from argmap.syntax.parser import _CLAIM_HEAD, grammar_text

    grammar = re.compile(_terminal(grammar_text(), "CLAIM_HEAD"))
    ours = re.compile(_CLAIM_HEAD.pattern + r"[ \t]*:")
    for t in (text, "claim " + text):
        a, b = grammar.match(t), ours.match(t)
        assert (a and a.span()) == (b and b.span())


def test_parse_can_be_told_to_use_lark():
    text = SEED_MAPS[0].read_text(encoding="utf-8")
    assert not differences(parse(text, fast=False), parse(text))
    with pytest.raises(ArgmapError):
        parse("claim a t\n", fast=False)
