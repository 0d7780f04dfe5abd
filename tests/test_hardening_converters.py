"""Converter inputs that once crashed or wrote a map argmap could not format: each is a diagnostic now."""

from __future__ import annotations

import pytest

from argmap.cli import main


def _convert(tmp_path, capsys, name: str, text: str, *extra: str) -> tuple[int, str, str]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.argmap"
    code = main(["convert", str(source), "-o", str(out), *extra])
    err = capsys.readouterr().err
    return code, err, out.read_text(encoding="utf-8") if out.exists() else ""


@pytest.mark.parametrize("date", ["2020-02-30", "2021-02-29", "2020-13-01", "2020-00", "2019-04-31"])
def test_an_impossible_date_in_front_matter_is_a_warning_at_its_line(tmp_path, capsys, date):
    code, err, written = _convert(tmp_path, capsys, "a.argdown", f"===\ntitle: T\ndate: {date}\n===\n\n[a]: text\n")
    assert code == 1, err
    assert f"a.argdown:3:1: X303" in err and date in err
    assert "Traceback" not in err and "published" not in written and "claim a: text" in written


@pytest.mark.parametrize("data", ["{when: 2020-02-31}", "{2019-13-01: x}", "{d: [2020-02-30, 2020-01-01]}"])
def test_an_impossible_date_in_statement_data_does_not_stop_the_conversion(tmp_path, capsys, data):
    code, err, written = _convert(tmp_path, capsys, "a.argdown", f"[a]: text {data}\n  + [b]: more\n")
    assert code in (0, 1), err
    assert "Traceback" not in err and "out of range" not in err
    assert "claim a: text" in written and "claim b: more" in written


def test_a_real_date_is_carried_over_as_written(tmp_path, capsys):
    code, err, written = _convert(tmp_path, capsys, "a.argdown", "===\ndate: 2020-02-29\n===\n\n[a]: text\n")
    assert code == 0, err
    assert "published 2020-02-29" in written


@pytest.mark.parametrize("thesis", ["1. \\", "1. \\\\\\", "1. \t\\"])
def test_a_kialo_thesis_without_words_keeps_its_place_and_is_reported(tmp_path, capsys, thesis):
    code, err, written = _convert(tmp_path, capsys, "k.txt", f"{thesis}\n1.1. Pro: A reason.\n", "--from", "kialo")
    assert code == 1, err
    assert "k.txt:1:1: X302" in err and "the thesis, has no text" in err
    assert "thesis k1: (item 1 has no text)" in written
    assert main(["check", str(tmp_path / "out.argmap")]) in (0, 1)  # what was written parses
    assert "Traceback" not in capsys.readouterr().err
