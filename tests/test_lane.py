"""The line lane builds exactly the map lark alone builds.

For every text here, :func:`argmap.parse` (the lane, with lark for what it
does not recognise) and ``parse(..., fast=False)`` (lark alone) give equal
maps with the same span on every object, the same comments with the same
spans and ``trailing`` flags, in the same order, or the same diagnostics.
Spans take no part in equality, so :func:`differences` walks both maps field
by field, spans included.  And on the maps people actually write, and on the
benchmark maps, the lane must not hand a line to lark, or the speed it is
there for is not real.
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from argmap.formatting import dumps
from argmap.syntax import parser as parser_module
from argmap.syntax.parser import ArgmapError, parse
from tests.fuzz.harness import mutated, seeds
from tests.strategies import map_texts, maps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate_map  # noqa: E402

SEED_MAPS = sorted((ROOT / "maps").glob("*.argmap"))
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


def _read(text: str, fast: bool):
    try:
        return parse(text, "t.argmap", fast=fast)
    except ArgmapError as error:
        return error


def assert_same(text: str, *, lane_reads_all: bool = False) -> None:
    """The lane's map (or diagnostics) is lark's, spans and comments included."""
    handed = []
    original = parser_module._Reader._lark

    def spy(self, stop, failed):
        handed.append(stop.line)
        return original(self, stop, failed)

    parser_module._Reader._lark = spy
    try:
        fast = _read(text, True)
    finally:
        parser_module._Reader._lark = original
    slow = _read(text, False)
    if isinstance(slow, ArgmapError) or isinstance(fast, ArgmapError):
        assert isinstance(fast, ArgmapError) and isinstance(slow, ArgmapError), (fast, slow)
        assert [d.format() for d in fast.diagnostics] == [d.format() for d in slow.diagnostics]
        return
    assert fast == slow
    found = differences(fast, slow)
    assert not found, "\n".join(found[:10])
    if lane_reads_all:
        assert not handed, f"the lane handed lines {handed[:5]} to lark"


def _doc_examples():
    from tests.test_docs_examples import examples

    return [p.values[0] for p in examples()]


@pytest.mark.parametrize("path", SEED_MAPS + DOC_MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_maps_are_read_by_the_lane_alone_and_match(path):
    text = path.read_text(encoding="utf-8")
    assert_same(text, lane_reads_all=True)
    assert_same(text.replace("\n", "\r\n"), lane_reads_all=True)
    assert_same("\ufeff" + text.replace("\n  ", "\n\t"), lane_reads_all=True)


def test_doc_examples_match():
    examples = _doc_examples()
    assert len(examples) > 10
    for text in examples:
        assert_same(text)


def test_benchmark_map_is_read_by_the_lane_alone():
    assert_same(generate_map(300, attacks_per_claim=1.0), lane_reads_all=True)


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
    for variant in (text, text.replace("\n", "\r\n"), "\ufeff" + text.replace("  ", "\t")):
        assert_same(variant)


def test_well_formed_shapes_are_read_by_the_lane():
    """Every shape above that parses, keywords used as names included, is read without lark."""
    for text in SHAPES:
        if not isinstance(_read(text, False), ArgmapError):
            assert_same(text, lane_reads_all=True)


@settings(max_examples=15)
@given(map_texts())
def test_careless_texts_match(text):
    assert_same(text, lane_reads_all=True)


@settings(max_examples=12)
@given(maps())
def test_formatted_maps_match(m):
    assert_same(dumps(m), lane_reads_all=True)


@settings(max_examples=20)
@given(mutated(seeds()))
def test_mutated_maps_match(text):
    assert_same(text)


def test_parse_can_be_told_to_use_lark():
    text = SEED_MAPS[0].read_text(encoding="utf-8")
    assert not differences(parse(text, fast=False), parse(text))
    with pytest.raises(ArgmapError):
        parse("claim a t\n", fast=False)
