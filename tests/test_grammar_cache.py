"""The compiled grammar kept between runs: used when it is the grammar's, ignored when it cannot be."""

from __future__ import annotations

import os

from argmap import language
from argmap.syntax import parser


def test_a_changed_grammar_is_kept_under_another_name(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = language.grammar_text()
    first = language.cache_path("tables", text)
    assert first is not None and os.path.dirname(first) == str(tmp_path / "argmap")
    assert language.cache_path("tables", text) == first
    assert language.cache_path("tables", text + "\n// a change\n") != first
    assert language.cache_path("parser", text) != first


def test_no_cache_where_the_folder_cannot_be_made(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert language.cache_path("tables", language.grammar_text()) is None
    terminals, rules = language._compiled.__wrapped__()
    assert rules and "TEXT" in terminals


def _same(a, b) -> None:
    assert a[1] == b[1]
    assert [hash(r) for r in a[1]] == [hash(r) for r in b[1]]  # usable as keys beside fresh rules
    assert [(r.alias, r.order, repr(r.options)) for r in a[1]] == [(r.alias, r.order, repr(r.options)) for r in b[1]]
    assert {n: (t.pattern.to_regexp(), t.priority) for n, t in a[0].items()} == \
        {n: (t.pattern.to_regexp(), t.priority) for n, t in b[0].items()}


def test_the_tables_read_back_are_the_compiled_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    written = language._compiled.__wrapped__()
    [kept] = (tmp_path / "argmap").iterdir()
    read = language._compiled.__wrapped__()
    _same(written, read)
    kept.write_bytes(kept.read_bytes()[:100])  # cut short: compiled again, and written again
    _same(written, language._compiled.__wrapped__())
    _same(written, language._compiled.__wrapped__())


def test_the_parser_read_back_parses_as_the_compiled_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = parser._parser.__wrapped__()
    assert any(p.name.startswith("parser-") for p in (tmp_path / "argmap").iterdir())
    loaded = parser._parser.__wrapped__()
    text = "thesis t: A thesis.\nclaim c (pro) by p: A claim. [^1]\n  supports t\n"
    assert loaded.parse(text) == built.parse(text)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "argmap" / "nowhere" / "x"))
    (tmp_path / "argmap" / "nowhere").write_text("")  # the folder cannot be made: compiled, not kept
    assert parser._parser.__wrapped__().parse(text) == built.parse(text)
