"""Properties of the canonical writer, over random valid maps.

``fmt`` never changes what a map says, settles in one pass, keeps every
comment; a map built in Python is written as text that reads back equal.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings

from argmap.syntax.parser import parse
from argmap.formatting.writer import dumps, format_text
from tests.strategies import map_texts, maps

pytestmark = pytest.mark.slow  # hundreds of random maps, a few seconds a test

# Every text format a map can be written to and read back from: (name, write, read).
# Later export formats that can be read back join this list.
ROUND_TRIP_FORMATS = [
    ("argmap", dumps, parse),
]


@settings(max_examples=50, deadline=None)
@given(map_texts())
def test_fmt_keeps_the_map(text):
    assert parse(format_text(text)) == parse(text)


@settings(max_examples=50, deadline=None)
@given(map_texts())
def test_fmt_is_idempotent(text):
    once = format_text(text)
    assert format_text(once) == once


@settings(max_examples=50, deadline=None)
@given(map_texts())
def test_fmt_keeps_every_comment(text):
    before = parse(text).comments
    out = format_text(text)
    assert Counter(c.text for c in parse(out).comments) == Counter(c.text for c in before)
    for c in before:
        assert ("# " + c.text if c.text else "#") in out


@pytest.mark.parametrize("name, write, read", ROUND_TRIP_FORMATS, ids=[f[0] for f in ROUND_TRIP_FORMATS])
@settings(max_examples=80, deadline=None)
@given(m=maps())
def test_written_maps_read_back_equal(name, write, read, m):
    assert read(write(m)) == m


@settings(max_examples=40, deadline=None)
@given(maps())
def test_dumps_is_already_canonical(m):
    text = dumps(m)
    assert format_text(text) == text
