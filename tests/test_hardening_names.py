"""Names the file system refuses (too long, a NUL byte) are messages at their place, never a traceback."""

from __future__ import annotations

import pytest

from argmap.cli import main

LONG = "a" * 300  # past the 255 bytes a file name may have


@pytest.mark.parametrize("field, code", [(f'text "{LONG}.txt"', "C113"), ('text "x\\u0000y.txt"', None)])
def test_a_source_text_name_the_system_refuses_is_reported_at_the_field(tmp_path, capsys, field, code):
    (tmp_path / "m.argmap").write_text(f'map m "T" {{\n  {field}\n}}\n\nclaim c: C.\n', encoding="utf-8")
    result = main(["check", str(tmp_path / "m.argmap"), "--text-dir", str(tmp_path)])
    err = capsys.readouterr()
    assert "Traceback" not in err.err and result in (0, 1, 2)
    if code:
        assert f"m.argmap:2:3: {code}" in err.out + err.err and "cannot be a file here" in err.out + err.err


def test_a_use_of_a_name_too_long_is_an_error_at_the_use(tmp_path, capsys):
    (tmp_path / "m.argmap").write_text(f'use x from "{LONG}.argmap"\nclaim c: C.\n', encoding="utf-8")
    assert main(["check", str(tmp_path / "m.argmap")]) == 2  # as for any use that cannot be read
    out = capsys.readouterr().out
    assert "m.argmap:1:" in out and "A002" in out and "File name too long" in out


@pytest.mark.parametrize("argv", [["eval", "{dir}/" + LONG + ".argmap"], ["render", "{map}", "-o", "{dir}/" + LONG + ".svg"],
                                  ["check", "{dir}/" + LONG + ".argmap"], ["fmt", "{dir}/" + LONG + ".argmap"]])
def test_a_command_line_path_too_long_is_a_message_and_exit_2(tmp_path, capsys, argv):
    (tmp_path / "m.argmap").write_text("thesis t: T.\n", encoding="utf-8")
    args = [a.format(dir=tmp_path, map=tmp_path / "m.argmap") for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"argmap {argv[0]}") and "too long" in err.lower() and "Traceback" not in err
    assert len(err.splitlines()[0]) < 300  # the name is cut short in the message


@pytest.mark.parametrize("date, month", [("ſept 5, 2016", 9), ("Auguſt 5, 2016", 8), ("5 ſeptember 2016", 9)])
def test_a_month_written_with_a_long_s_reads_as_the_month(tmp_path, capsys, date, month):
    import argmap

    m = argmap.loads(f"claim a: A. [^1]\n\nfootnotes\n  [^1]: Kyodo, {date}.\n")
    info = m.footnote_table["1"].info
    assert info.date is not None and info.date.year == 2016 and info.date.month == month
