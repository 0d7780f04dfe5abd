"""`argmap convert` and `argmap bib` on the command line: exit codes, output files, no tracebacks."""

from __future__ import annotations

import json
import shutil

import pytest

from argmap.cli import main
from tests._convert_helpers import DATA, FIXTURE_MAP


@pytest.fixture
def fixture_map(tmp_path):
    path = tmp_path / "fixture.argmap"
    path.write_text(FIXTURE_MAP, encoding="utf-8")
    return path


def test_convert_without_loss_exits_0_and_reads_back(fixture_map, tmp_path, capsys):
    out = tmp_path / "fixture.argdown"
    assert main(["convert", str(fixture_map), "-o", str(out)]) == 0
    back = tmp_path / "back.argmap"
    assert main(["convert", str(out), "-o", str(back)]) == 0
    import argmap

    assert {c.id for c in argmap.load(back).claims} == {c.id for c in argmap.load(fixture_map).claims}


def test_convert_with_loss_exits_1_and_prints_positions(tmp_path, capsys):
    source = tmp_path / "constructs.argdown"
    shutil.copy(DATA / "argdown" / "constructs.argdown", source)
    out = tmp_path / "constructs.argmap"
    assert main(["convert", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "constructs.argdown:41:1: X303 [warning] inference rule(s)" in err
    assert out.exists()


@pytest.mark.parametrize("name,fmt", [("not_aif.json", None), ("broken.json", "aif")])
def test_unreadable_input_exits_2_and_writes_nothing(tmp_path, capsys, name, fmt):
    out = tmp_path / "out.argmap"
    args = ["convert", str(DATA / "aif" / name), "-o", str(out)] + (["--from", fmt] if fmt else [])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "X301 [error]" in err and "Traceback" not in err
    assert not out.exists()


def test_convert_never_writes_over_its_input(fixture_map, capsys):
    before = fixture_map.read_text()
    assert main(["convert", str(fixture_map), "-o", str(fixture_map), "--to", "argdown"]) == 2
    assert fixture_map.read_text() == before


def test_failed_write_leaves_the_old_output_whole(fixture_map, tmp_path, monkeypatch):
    out = tmp_path / "old.json"
    out.write_text("old content")
    import os

    import argmap.interchange as convert

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        convert.convert(fixture_map, "aif", output=out)
    assert out.read_text() == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fixture.argmap", "old.json"]  # no temp file left


def test_unknown_format_is_a_usage_error(fixture_map, tmp_path, capsys):
    assert main(["convert", str(fixture_map), "-o", str(tmp_path / "x.out")]) == 2
    assert "--to" in capsys.readouterr().err


def test_bib_prints_csl_json_and_writes_bibtex(fixture_map, tmp_path, capsys):
    assert main(["bib", str(fixture_map), "--to", "csl-json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["id"] for i in items] == ["fixture-1", "fixture-2"]
    out = tmp_path / "fixture.bib"
    assert main(["bib", str(fixture_map), "--to", "bibtex", "-o", str(out)]) == 0
    assert out.read_text().startswith("@article{fixture-1,")


def test_bib_of_a_broken_map_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.argmap"
    bad.write_text("claim a The colon is missing.\n")
    assert main(["bib", str(bad)]) == 2
    assert "A001" in capsys.readouterr().err


def test_convert_does_not_replace_an_existing_map(tmp_path, capsys):
    target = tmp_path / "mine.argmap"
    target.write_text("claim a: Hand-written.\n")
    assert main(["convert", str(DATA / "kialo" / "discussion.txt"), "-o", str(target)]) == 2
    assert target.read_text() == "claim a: Hand-written.\n"
    assert "refusing" in capsys.readouterr().err
