"""The lock file's version 2: the hashes that let a check skip comparing, and version 1 files read as before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import MAPS

import argmap
from argmap.checks.anchors import (
    LOCK_NAME,
    LockError,
    anchors_since,
    dumps_lock,
    parse_lock,
    quotes_hash,
    read_lock,
)
from argmap.checks.lockfile import short_hash
from argmap.checks.quotes import SourceText
from argmap.cli import main

ROW = '  {{ claim = "{0}", quote = "7443fc09aa9f0fcd", line = 1, offset = {1}, passage = "7443fc09aa9f0fcd" }},\n'


@pytest.fixture
def work(tmp_path, seeds):
    shutil.copytree(MAPS, tmp_path / "maps", ignore=shutil.ignore_patterns(LOCK_NAME, "*.md"))
    assert main(["check", str(tmp_path / "maps"), "--text-dir", str(seeds), "--update-anchors", "-q"]) == 0
    return tmp_path / "maps"


def entry(name: str, rows: str, *, hashes: bool = True) -> str:
    head = f'\n[maps."{name}"]\ntext = "t.txt"\ntext-hash = "b28319eaa95aa2e5"\n'
    if hashes:
        head += f'quotes-hash = "0123456789abcdef"\nlines-hash = "{short_hash(rows)}"\n'
    return head + f"quotations = [\n{rows}]\n"


def test_the_lock_written_now_is_version_2_with_both_hashes(work, seeds):
    text = (work / LOCK_NAME).read_text(encoding="utf-8")
    assert "\nversion = 2\n" in text and text.count("quotes-hash = ") == text.count("lines-hash = ") == 5
    lock = read_lock(work / LOCK_NAME)
    brown = lock.maps["brown2017.argmap"]
    m = argmap.load(work / "brown2017.argmap")
    assert brown.quotes_hash == quotes_hash(m)
    source = SourceText((seeds / brown.text).read_text(encoding="utf-8"))
    assert anchors_since(m, source, brown.text, brown) is brown  # nothing changed: the entry itself
    assert dumps_lock(lock.maps) == text  # read and written again, byte for byte
    # every quotation line read on demand stands at its line of the file
    lines = text.split("\n")
    for e in lock.maps.values():
        assert lines[e.entry_line - 1].startswith("[maps.")
        for a in e.quotations:
            assert lines[a.entry_line - 1].startswith(f'  {{ claim = "{a.claim}"')


def test_a_version_1_lock_is_read_as_before_and_rewritten_whole(work, seeds, capsys):
    old = (MAPS / LOCK_NAME).read_text(encoding="utf-8")
    assert "\nversion = 1\n" in old and "quotes-hash" not in old
    (work / LOCK_NAME).write_text(old, encoding="utf-8")
    lock = read_lock(work / LOCK_NAME)
    assert all(e.quotes_hash is None for e in lock.maps.values())
    assert lock.maps == read_lock(MAPS / LOCK_NAME).maps
    m = argmap.load(work / "brown2017.argmap")
    brown = lock.maps["brown2017.argmap"]
    source = SourceText((seeds / brown.text).read_text(encoding="utf-8"))
    now = anchors_since(m, source, brown.text, brown)
    assert now is not brown and set(now.quotations) == set(brown.quotations)  # found again, and the same
    assert main(["check", str(work), "--text-dir", str(seeds), "--select", "anchors"]) == 0
    capsys.readouterr()
    assert main(["check", str(work), "--text-dir", str(seeds), "--update-anchors"]) == 0
    assert "44 quotations of 5 maps (0 new, 0 moved, 0 dropped)" in capsys.readouterr().err
    assert "\nversion = 2\n" in (work / LOCK_NAME).read_text(encoding="utf-8")


def test_hand_edited_lines_are_checked_and_errors_name_the_lines_of_the_file():
    good = ROW.format("a", 0) + ROW.format("b", 5)
    text = "version = 2\n" + entry("m.argmap", good) + entry("n.argmap", ROW.format("c", 0) + ROW.format("c", 0),
                                                                  hashes=False)
    with pytest.raises(LockError) as exc:
        parse_lock(text, Path(LOCK_NAME), LOCK_NAME)
    assert exc.value.line == text.split("\n").index(ROW.format("c", 0)[:-1]) + 2 and "anchored twice" in str(exc.value)
    # a line changed by hand no longer matches its lines-hash: read and checked as every line is
    edited = text.replace(ROW.format("b", 5), ROW.format("b", 5).replace('"7443fc09aa9f0fcd" }', '"nothex" }'))
    with pytest.raises(LockError) as exc:
        parse_lock(edited, Path(LOCK_NAME), LOCK_NAME)
    assert exc.value.line == 10 and "16 hex digits" in exc.value.message
    lock = parse_lock("version = 2\n" + entry("m.argmap", good) + entry("n.argmap", ROW.format("d", 1)),
                      Path(LOCK_NAME), LOCK_NAME)
    assert [(a.claim, a.entry_line) for e in lock.maps.values() for a in e.quotations] == [("a", 9), ("b", 10),
                                                                                       ("d", 19)]
    assert lock.maps["n.argmap"].entry_line == 13


def test_a_lines_hash_that_does_not_match_keeps_no_shortcut():
    rows = ROW.format("a", 0)
    text = "version = 2\n" + entry("m.argmap", rows).replace(f'lines-hash = "{short_hash(rows)}"',
                                                             'lines-hash = "0000000000000000"')
    lock = parse_lock(text, Path(LOCK_NAME), LOCK_NAME)
    assert lock.maps["m.argmap"].quotes_hash is None and len(lock.maps["m.argmap"].quotations) == 1


def test_version_1_knows_no_hash_keys():
    text = "version = 1\n" + entry("m.argmap", ROW.format("a", 0))
    with pytest.raises(LockError) as exc:
        parse_lock(text, Path(LOCK_NAME), LOCK_NAME)
    assert "unknown key 'lines-hash'" in exc.value.message and exc.value.line == 3


def test_a_changed_quotation_or_text_compares_again(work, seeds, capsys):
    path = work / "brown2017.argmap"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "quote \"We don't trade in territories.\"", "quote \"We don't trade in territories\""), encoding="utf-8")
    assert main(["check", str(work), "--text-dir", str(seeds), "--select", "anchors", "--output-format",
                 "json"]) == 0
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert sorted(d["code"] for d in found) == ["C125", "C126"]  # the old quotation is stale, the new one new
