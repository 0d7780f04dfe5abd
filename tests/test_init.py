"""`argmap init`: a new map that checks clean, placeholders to fill, nothing overwritten."""

from __future__ import annotations

import argmap
from argmap.cli import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_writes_a_map_that_parses_and_checks_clean(tmp_path, capsys):
    code, _, err = run(capsys, "init", tmp_path / "brown2017")
    path = tmp_path / "brown2017.argmap"
    assert code == 0 and path.is_file()
    assert "argmap check" in err, "init should say what to do next"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Argument map of")
    assert 'map brown2017 "' in text and "footnotes\n  [^1]:" in text
    m = argmap.load(path)
    assert m.id == "brown2017" and m.claims and m.footnotes and m.theses and m.cases
    assert argmap.check(m) == [], "a fresh map should check clean, so the first errors a user sees are their own"
    assert code == 0 and run(capsys, "check", path)[0] == 0


def test_title_and_authors_fill_the_header(tmp_path, capsys):
    code, _, _ = run(capsys, "init", tmp_path / "m.argmap", "--title", 'Putin\'s "hikiwake"',
                     "--author", "James D. J. Brown", "--author", "Togo Kazuhiko")
    assert code == 0
    m = argmap.load(tmp_path / "m.argmap")
    assert m.document.title == 'Putin\'s "hikiwake"'
    assert m.document.authors == ("James D. J. Brown", "Togo Kazuhiko")


def test_never_overwrites_an_existing_file(tmp_path, capsys):
    path = tmp_path / "mine.argmap"
    path.write_text("claim a: my work\n", encoding="utf-8")
    code, _, err = run(capsys, "init", tmp_path / "mine")
    assert code == 2
    assert "already exists" in err and "not overwriting" in err
    assert path.read_text(encoding="utf-8") == "claim a: my work\n"


def test_a_name_that_cannot_be_an_id_gets_a_suggestion(tmp_path, capsys):
    code, _, err = run(capsys, "init", tmp_path / "brown-2017")
    assert code == 2
    assert "cannot be a map id" in err and "brown_2017" in err
    assert not list(tmp_path.iterdir())


def test_a_missing_folder_is_reported_not_raised(tmp_path, capsys):
    code, _, err = run(capsys, "init", tmp_path / "nowhere" / "m")
    assert code == 2 and "no such folder" in err
