"""Anchored quotations: `argmap check --update-anchors` writes quotations.lock, later checks compare with it."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import argmap
from argmap.checks.anchors import LOCK_NAME, LockError, parse_lock, quotations, read_lock
from argmap.cli import main

from conftest import MAPS

BROWN_TEXT = "001_ecff49c0a03a943e.txt"
NO_TRADE = "“We don’t trade in territories.”"
NO_TRADE_QUOTE = "quote \"We don't trade in territories.\""


@pytest.fixture
def work(tmp_path, seeds):
    """A copy of the seed maps (maps/) and of their texts (texts/), anchored once."""
    shutil.copytree(MAPS, tmp_path / "maps", ignore=shutil.ignore_patterns(LOCK_NAME, "*.md"))
    shutil.copytree(seeds, tmp_path / "texts")
    assert main(["check", str(tmp_path / "maps"), "--text-dir", str(tmp_path / "texts"), "--update-anchors",
                 "-q"]) == 0
    return tmp_path


def check(capsys, work: Path, *extra: str, path: str | None = None):
    """(exit status, diagnostics as JSON, stderr) of a check; with --update-anchors, stdout as it is."""
    args = ["check", path or str(work / "maps"), "--text-dir", str(work / "texts")]
    update = "--update-anchors" in extra
    code = main(args + list(extra) if update else args + ["--select", "C1", "--output-format", "json", *extra])
    out = capsys.readouterr()
    return code, out.out if update else json.loads(out.out)["diagnostics"], out.err


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def anchor_codes(diagnostics):
    return [d for d in diagnostics if d["code"] in ("C123", "C124", "C125", "C126")]


def test_lock_lists_every_verified_quotation_and_a_clean_rerun_changes_nothing(work, capsys):
    lock_file = work / "maps" / LOCK_NAME
    lock = read_lock(lock_file)
    assert set(lock.maps) == {"akiyama2015.argmap", "brown2017.argmap", "suzuki2012.argmap", "togo2013.argmap",
                              "tsuruoka2020.argmap"}  # the debate map quotes no text of its own
    brown = lock.maps["brown2017.argmap"]
    mapped = {key for *_, key in quotations(argmap.load(work / "maps" / "brown2017.argmap"))}
    assert brown.text == BROWN_TEXT and {a.key for a in brown.quotations} == mapped and len(mapped) == 23
    no_trade = brown.by_key()[next(k for k in brown.by_key() if k[0] == "no_trade_territories")]
    text = (work / "texts" / BROWN_TEXT).read_text(encoding="utf-8")
    assert text[no_trade.offset:].startswith("We don’t trade in territories.")
    assert no_trade.line == line_of(text, NO_TRADE)
    code, found, _ = check(capsys, work)
    assert code == 0 and anchor_codes(found) == []
    before, stamp = lock_file.read_bytes(), lock_file.stat().st_mtime_ns
    maps_before = {p.name: p.read_bytes() for p in (work / "maps").glob("*.argmap")}
    code, _, err = check(capsys, work, "--update-anchors")
    assert code == 0 and "is up to date (44 quotations of 5 maps)" in err
    assert lock_file.read_bytes() == before and lock_file.stat().st_mtime_ns == stamp
    assert {p.name: p.read_bytes() for p in (work / "maps").glob("*.argmap")} == maps_before


def test_a_paragraph_inserted_above_a_quotation_reports_it_moved(work, capsys):
    path = work / "texts" / BROWN_TEXT
    text = path.read_text(encoding="utf-8")
    old_line = line_of(text, NO_TRADE)
    at = text.index("He responded without hesitation")  # the paragraph above Putin's words
    path.write_text(text[:at] + "A paragraph added\nby a later edition.\n\n" + text[at:], encoding="utf-8")
    code, found, _ = check(capsys, work)
    assert code == 0  # notes and a warning: nothing fails at the default --fail-on error
    brown_map = (work / "maps" / "brown2017.argmap").read_text(encoding="utf-8")
    moved = [d for d in found if d["code"] == "C123" and "no_trade_territories" in d["message"]]
    assert len(moved) == 1
    assert moved[0]["line"] == line_of(brown_map, NO_TRADE_QUOTE) and moved[0]["severity"] == "info"
    assert f"from line {old_line} to line {old_line + 3}" in moved[0]["message"]
    changed = [d for d in found if d["code"] == "C124"]
    assert len(changed) == 1 and changed[0]["path"].endswith("brown2017.argmap")
    assert changed[0]["line"] == line_of(brown_map, f'text "{BROWN_TEXT}"') and changed[0]["severity"] == "warning"
    # quotations above the insertion stay where they were and are not named
    lock = read_lock(work / "maps" / LOCK_NAME).maps["brown2017.argmap"]
    above = [a.claim for a in lock.quotations if a.offset < at]
    assert above and not any(a in d["message"] for a in above for d in found if d["code"] == "C123")
    assert [d["path"] for d in anchor_codes(found) if not d["path"].endswith("brown2017.argmap")] == []
    # accepting the new text: the lock is rewritten, and the check is clean again
    code, _, err = check(capsys, work, "--update-anchors")
    assert code == 0 and "wrote" in err and ", 1 changed text)" in err
    code, found, _ = check(capsys, work)
    assert anchor_codes(found) == []


def test_a_deleted_passage_is_reported_with_the_line_it_was_anchored_at(work, capsys):
    path = work / "texts" / BROWN_TEXT
    text = path.read_text(encoding="utf-8")
    old_line = line_of(text, NO_TRADE)
    path.write_text(text.replace(NO_TRADE, "“No comment.”"), encoding="utf-8")
    code, found, _ = check(capsys, work)
    assert code == 1
    line = line_of((work / "maps" / "brown2017.argmap").read_text(encoding="utf-8"), NO_TRADE_QUOTE)
    here = sorted(d["code"] for d in found if d["line"] == line and d["path"].endswith("brown2017.argmap"))
    assert here == ["C108", "C123"]
    gone = next(d for d in found if d["code"] == "C123" and "no_trade_territories" in d["message"])
    assert f"anchored at line {old_line} of {BROWN_TEXT}" in gone["message"] and "no longer has it" in gone["message"]
    assert "1 vanished" in next(d for d in found if d["code"] == "C124")["message"]


def test_stale_anchors_are_named_and_a_removed_map_is_reported_on_the_lock(work, capsys):
    path = work / "maps" / "brown2017.argmap"
    path.write_text(path.read_text(encoding="utf-8").replace(f"  {NO_TRADE_QUOTE} [^13]\n", ""), encoding="utf-8")
    suzuki = len(read_lock(work / "maps" / LOCK_NAME).maps["suzuki2012.argmap"].quotations)
    (work / "maps" / "suzuki2012.argmap").unlink()
    code, found, _ = check(capsys, work)
    stale = [d for d in found if d["code"] == "C125"]
    assert len(stale) == 2
    on_map = next(d for d in stale if d["path"].endswith("brown2017.argmap"))
    assert "1 anchor" in on_map["message"] and "no_trade_territories" in on_map["message"]
    assert on_map["line"] == line_of(path.read_text(encoding="utf-8"), "map brown2017")
    on_lock = next(d for d in stale if d["path"].endswith(LOCK_NAME))
    lock_text = (work / "maps" / LOCK_NAME).read_text(encoding="utf-8")
    assert "suzuki2012.argmap" in on_lock["message"]
    assert on_lock["line"] == line_of(lock_text, '[maps."suzuki2012.argmap"]')
    code, _, err = check(capsys, work, "--update-anchors")
    assert f"{suzuki + 1} dropped" in err  # Suzuki's quotations and Putin's
    assert "suzuki2012" not in (work / "maps" / LOCK_NAME).read_text(encoding="utf-8")


def test_new_quotations_are_reported_once_per_map(work, capsys):
    path = work / "maps" / "togo2013.argmap"
    text = path.read_text(encoding="utf-8")
    lock = read_lock(work / "maps" / LOCK_NAME)
    del_entry = lock.maps["togo2013.argmap"].quotations
    assert del_entry
    # two new quotations, from Togo's own text
    togo = (work / "texts" / lock.maps["togo2013.argmap"].text).read_text(encoding="utf-8")
    words = [w for w in togo.split("\n") if len(w) > 80][:2]
    extra = "".join(f"\nclaim new_{i}: New.\n  quote \"{w[:40].strip()}\"\n" for i, w in enumerate(words))
    path.write_text(text + extra, encoding="utf-8")
    code, found, _ = check(capsys, work)
    new = [d for d in found if d["code"] == "C126"]
    assert len(new) == 1 and "2 quotations of this map are not anchored" in new[0]["message"]
    assert "new_0, new_1" in new[0]["message"]


@pytest.mark.parametrize("content, line, words", [
    ('version = 1\n\n[maps."brown2017.argmap"\ntext = "x"\n', 3, "not valid TOML"),
    ("<<<<<<< HEAD\nversion = 1\n=======\nversion = 1\n>>>>>>> other\n", 1, "merge conflict"),
    ('version = 7\n', 1, "version 7"),
    ('version = 1\n\n[maps."brown2017.argmap"]\ntext = "001_ecff49c0a03a943e.txt"\n'
     'text-hash = "b28319eaa95aa2e5"\nquotations = [\n'
     '  { claim = "a", quote = "7443fc09aa9f0fcd", line = 1, offset = 0, passage = "7443fc09aa9f0fcd" },\n'
     '  { claim = "b", quote = "nothex", line = 1, offset = 0, passage = "7443fc09aa9f0fcd" },\n]\n',
     8, "16 hex digits"),
])
def test_a_corrupt_lock_is_an_error_at_its_line_and_exit_2(work, capsys, content, line, words):
    (work / "maps" / LOCK_NAME).write_text(content, encoding="utf-8")
    code = main(["check", str(work / "maps"), "--text-dir", str(work / "texts")])
    out = capsys.readouterr()
    assert code == 2 and "Traceback" not in out.out + out.err
    report = next(x for x in out.out.splitlines() if "A002" in x)
    assert f"{LOCK_NAME}:{line}:" in report and words in report
    # --update-anchors does not write over a lock it cannot read
    code = main(["check", str(work / "maps"), "--text-dir", str(work / "texts"), "--update-anchors"])
    err = capsys.readouterr().err
    assert code == 2 and "not written" in err
    assert (work / "maps" / LOCK_NAME).read_text(encoding="utf-8") == content


def test_parse_lock_refuses_an_entry_twice():
    entry = '  { claim = "a", quote = "7443fc09aa9f0fcd", line = 1, offset = 0, passage = "7443fc09aa9f0fcd" },\n'
    text = (f'version = 1\n[maps."m.argmap"]\ntext = "t.txt"\ntext-hash = "b28319eaa95aa2e5"\n'
            f'quotations = [\n{entry}{entry}]\n')
    with pytest.raises(LockError) as exc:
        parse_lock(text, Path(LOCK_NAME), LOCK_NAME)
    assert exc.value.line == 7 and "anchored twice" in exc.value.message


def test_one_map_updated_alone_keeps_the_others_anchors(work, capsys):
    lock_file = work / "maps" / LOCK_NAME
    before = read_lock(lock_file)
    path = work / "texts" / BROWN_TEXT
    path.write_text("A new first line.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    togo = work / "texts" / before.maps["togo2013.argmap"].text
    togo.write_text("A new first line.\n" + togo.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = check(capsys, work, "--update-anchors", path=str(work / "maps" / "brown2017.argmap"))
    after = read_lock(lock_file)
    assert after.maps["togo2013.argmap"] == before.maps["togo2013.argmap"]  # not checked: as it was
    assert all(a.line == b.line + 1 for a, b in zip(after.maps["brown2017.argmap"].quotations,
                                                    before.maps["brown2017.argmap"].quotations))
    code, found, _ = check(capsys, work)
    assert {d["path"].rsplit("/", 1)[-1] for d in anchor_codes(found)} == {"togo2013.argmap"}


def test_a_map_whose_text_is_not_found_keeps_its_anchors(work, capsys):
    before = (work / "maps" / LOCK_NAME).read_text(encoding="utf-8")
    main(["check", str(work / "maps"), "--update-anchors", "-q"])  # no --text-dir
    err = capsys.readouterr().err
    assert "kept the old anchors of akiyama2015.argmap, brown2017.argmap" in err
    assert (work / "maps" / LOCK_NAME).read_text(encoding="utf-8") == before


def test_standard_input_reads_no_lock_and_cannot_write_one(work, capsys, monkeypatch):
    path = work / "texts" / BROWN_TEXT
    path.write_text("A new first line.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    brown = (work / "maps" / "brown2017.argmap").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(brown)))
    main(["check", "-", "--stdin-filename", str(work / "maps" / "brown2017.argmap"), "--text-dir",
                 str(work / "texts"), "--output-format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert anchor_codes(found) == [] and not [d for d in found if d["code"] == "C108"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(brown)))
    assert main(["check", "-", "--update-anchors"]) == 2
    assert "--update-anchors writes the lock beside map files" in capsys.readouterr().err


def test_the_language_server_reads_the_lock_and_writes_none(work):
    from argmap.lsp.state import Environment, analyse, uri_of

    path = work / "texts" / BROWN_TEXT
    path.write_text("A new first line.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    env = Environment(text_dirs=(str(work / "texts"),))
    brown = work / "maps" / "brown2017.argmap"
    lock_file = work / "maps" / LOCK_NAME
    before = lock_file.read_bytes()
    analysis = analyse(uri_of(str(brown)), brown.read_text(encoding="utf-8"), 1, env)
    codes = [d.code for d in analysis.diagnostics]
    assert codes.count("C124") == 1 and codes.count("C123") == 23  # every quotation moved down a line
    lock_file.unlink()
    analysis = analyse(uri_of(str(brown)), brown.read_text(encoding="utf-8"), 2, env)
    assert not [d for d in analysis.diagnostics if d.code.startswith("C12") and d.code >= "C123"]
    assert not lock_file.exists() and before


def test_the_seed_maps_lock_is_current(seeds, capsys):
    """maps/quotations.lock anchors every verified quotation of the seed maps where the seed texts have it."""
    lock = read_lock(MAPS / LOCK_NAME)
    assert sum(len(e.quotations) for e in lock.maps.values()) == 44
    assert main(["check", str(MAPS), "--text-dir", str(seeds), "--select", "anchors", "--output-format",
                 "json"]) == 0
    assert json.loads(capsys.readouterr().out)["diagnostics"] == [], (
        f"maps/{LOCK_NAME} is out of date: run argmap check maps/ --text-dir ../shared/seeds --update-anchors")


def test_a_passage_printed_differently_in_place_is_reported(work, capsys):
    path = work / "texts" / BROWN_TEXT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("We don’t trade in territories.", "We don't trade in territories."),
                    encoding="utf-8")  # the same length: the passage starts where it did
    code, found, _ = check(capsys, work)
    notes = [d for d in found if d["code"] == "C123"]
    assert len(notes) == 1 and "no_trade_territories" in notes[0]["message"]
    assert "printed differently" in notes[0]["message"] and f"line {line_of(text, NO_TRADE)}" in notes[0]["message"]


def test_a_lock_laid_out_by_hand_reads_as_the_one_argmap_writes(work):
    lock_file = work / "maps" / LOCK_NAME
    written = read_lock(lock_file)
    text = lock_file.read_text(encoding="utf-8")
    # the same entries re-spaced and one moved to a line of its own: read by tomllib, not line by line
    by_hand = text.replace("  { claim = ", "  {claim=").replace(", quote = ", ",quote=").replace(
        "quotations = [\n", "quotations = [\n\n", 1)
    lock_file.write_text(by_hand, encoding="utf-8")
    assert read_lock(lock_file).maps == written.maps
