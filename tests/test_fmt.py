"""``argmap fmt`` and the writer's layout, as a user meets them."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from argmap.model.builder import MapBuilder
from argmap.cli import main
from argmap.files.io import RefusedWrite, write_atomic
from argmap.model import Claim, Comment, Footnote, Map, Quote, Ref, Relation
from argmap.syntax.parser import parse
from argmap.formatting.writer import WIDTH, dump, dumps, format_text

MAPS = sorted((Path(__file__).resolve().parent.parent / "maps").glob("*.argmap"))

MESSY = """\
# Brown against the new approach.
map   brown2017 "Japan's Russia Policy"{
author    "James D. J. Brown"   # the author
    published 2017-02
}
thesis new_approach:   Abe's "new approach" will win a compromise.


claim failed   (brown)by ushakov:The new approach failed.
      supports new_approach # why
  # the words
  quote   "Of course, this is Russian territory."   [^11]
claim   b: b
failed rebuts b
footnotes
    [^11]:    TASS, December 16, 2016.
"""

CANONICAL = """\
# Brown against the new approach.
map brown2017 "Japan's Russia Policy" {
  author "James D. J. Brown"  # the author
  published 2017-02
}
thesis new_approach: Abe's "new approach" will win a compromise.

claim failed (brown) by ushakov: The new approach failed.
  supports new_approach  # why
  # the words
  quote "Of course, this is Russian territory." [^11]
claim b: b
failed rebuts b
footnotes
  [^11]: TASS, December 16, 2016.
"""


def fmt(*args: str) -> int:
    return main(["fmt", *args])


def test_messy_map_gets_the_canonical_layout():
    assert format_text(MESSY) == CANONICAL


def test_long_text_is_wrapped_with_backslashes_and_reads_back_the_same():
    words = " ".join(f"word{i}" for i in range(60))
    text = f"claim long: {words} [^1] [^2]\nfootnotes\n  [^1]: {words}\n  [^2]: x\n"
    out = format_text(text)
    lines = out.splitlines()
    assert len(lines) > 6
    assert all(len(line) <= WIDTH for line in lines)
    assert lines[0].endswith("\\") and lines[1].startswith("    word")
    assert any(line.endswith("[^1] [^2]") for line in lines)  # citations stay whole, on the last line
    assert parse(out) == parse(text)


def test_footnotes_move_to_the_end_with_their_comments():
    text = "footnotes\n# about note 1\n[^1]: One.\nclaim a: A. [^1]\n"
    out = format_text(text)
    assert out == "claim a: A. [^1]\nfootnotes\n  # about note 1\n  [^1]: One.\n"
    assert parse(out).footnotes == parse(text).footnotes


def test_blank_lines_are_kept_once_and_never_added_inside_a_claim():
    out = format_text("claim a: A.\n\n\n\nclaim b: B.\n\n  supports a\n")
    assert out == "claim a: A.\n\nclaim b: B.\n  supports a\n"


def test_a_hash_after_free_text_stays_part_of_the_text():
    out = format_text("claim a: 5 # of 6 cases\n")
    assert parse(out).claim("a").text == "5 # of 6 cases"
    assert parse(out).comments == ()


def test_header_close_keeps_its_comment():
    text = 'map m {\n  author "x"\n  # last field\n}  # end of header\nclaim a: A.\n'
    assert format_text(text) == text


def test_second_header_is_refused_not_dropped(tmp_path):
    path = tmp_path / "two.argmap"
    original = 'map a {\n}\nmap b {\n}\n'
    path.write_text(original)
    assert fmt(str(path)) == 1
    assert path.read_text() == original


# ------------------------------------------------------------------- CLI ----


def test_fmt_rewrites_files_and_folders(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    messy = tmp_path / "sub" / "m.argmap"
    messy.write_text(MESSY)
    clean = tmp_path / "c.argmap"
    clean.write_text(CANONICAL)
    assert fmt(str(tmp_path)) == 0
    assert messy.read_text() == CANONICAL
    err = capsys.readouterr().err
    assert "reformatted" in err and "1 map reformatted, 1 map left unchanged" in err


def test_check_lists_changed_files_and_writes_nothing(tmp_path, capsys):
    messy = tmp_path / "m.argmap"
    messy.write_text(MESSY)
    assert fmt("--check", str(messy)) == 1
    assert messy.read_text() == MESSY
    assert f"would reformat {messy}" in capsys.readouterr().err.replace(os.path.relpath(messy), str(messy))
    messy.write_text(CANONICAL)
    assert fmt("--check", str(messy)) == 0


def test_diff_shows_a_unified_diff(tmp_path, capsys):
    messy = tmp_path / "m.argmap"
    messy.write_text(MESSY)
    assert fmt("--diff", str(messy)) == 1
    out = capsys.readouterr().out
    assert "(original)" in out and "(formatted)" in out
    assert "-    published 2017-02" in out and "+  published 2017-02" in out
    assert messy.read_text() == MESSY


def test_stdin_to_stdout(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MESSY.encode())))
    assert fmt("-") == 0
    assert capsys.readouterr().out == CANONICAL


def test_stdin_that_does_not_parse_comes_back_unchanged(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"claim: oops\n")))
    assert fmt("-") == 1
    captured = capsys.readouterr()
    assert captured.out == "claim: oops\n"
    assert "A001" in captured.err


def test_a_map_with_errors_is_never_written(tmp_path, capsys):
    bad = tmp_path / "bad.argmap"
    original = "claim a: fine\nclaim: broken\n"
    bad.write_text(original)
    before = bad.stat().st_mtime_ns
    assert fmt(str(bad)) == 1
    assert bad.read_text() == original and bad.stat().st_mtime_ns == before
    assert "bad.argmap:2:6: A001" in capsys.readouterr().err


def test_unreadable_input_exits_2(tmp_path):
    binary = tmp_path / "b.argmap"
    binary.write_bytes(b"claim a: \x00\n")
    assert fmt(str(binary)) == 2
    assert fmt(str(tmp_path / "missing.argmap")) == 2


def test_interrupted_write_leaves_the_original_whole(tmp_path, monkeypatch):
    path = tmp_path / "m.argmap"
    path.write_text(MESSY)

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    assert fmt(str(path)) == 130
    assert path.read_text() == MESSY
    assert [p.name for p in tmp_path.iterdir()] == ["m.argmap"]  # no temporary file left behind


def test_write_atomic_keeps_permissions_and_refuses_input_maps(tmp_path):
    out = tmp_path / "out.dot"
    out.write_text("old")
    out.chmod(0o640)
    write_atomic(out, "new")
    assert out.read_text() == "new" and (out.stat().st_mode & 0o777) == 0o640
    the_map = tmp_path / "m.argmap"
    the_map.write_text(CANONICAL)
    with pytest.raises(RefusedWrite):
        write_atomic(the_map, "digraph {}")
    with pytest.raises(RefusedWrite):
        write_atomic(out, "x", protected=[out])
    assert the_map.read_text() == CANONICAL


# ---------------------------------------------------------- Python API ----


def test_builder_map_is_written_as_canonical_text_that_reads_back():
    m = (MapBuilder("brown2017", title="Japan's Russia Policy", author="James D. J. Brown", published="2017-02")
         .thesis("new_approach", "Abe's new approach will win a territorial compromise.")
         .case("brown", "against", "new_approach", "Brown's case against it.")
         .person("ushakov", "Yurii Ushakov, Putin's top foreign-policy aide.")
         .claim("failed", "The new approach failed.", case="brown", supports="new_approach")
         .claim("russian_law", "Russia says the islands are Russian.", case="brown", by="ushakov",
                quote='Of course, this is "the territory" of the Russian Federation.', cites=11,
                rebuts="togo2013.success", undercuts="a -> failed")
         .relation("failed", "contradicts", "russian_law")
         .footnote(11, "TASS, December 16, 2016.")
         .build())
    text = dumps(m)
    assert parse(text) == m
    assert format_text(text) == text
    assert '  quote "Of course, this is \\"the territory\\" of the Russian Federation." [^11]' in text
    assert text.endswith("footnotes\n  [^11]: TASS, December 16, 2016.\n")


def test_model_relations_keep_their_order_when_written():
    a, b = Claim("a", "A."), Claim("b", "B.")
    m = Map(claims=(a, b), relations=(
        Relation("supports", Ref("a"), Ref("b"), inline=True),
        Relation("rebuts", Ref("x"), Ref("a")),
        Relation("supports", Ref("b"), Ref("a"), inline=True),
    ), comments=(Comment("written by hand"),))
    assert parse(dumps(m)) == m


def test_unsayable_text_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="line break"):
        dumps(Map(claims=(Claim("a", "two\nlines"),)))
    with pytest.raises(ValueError, match="citations"):
        dumps(Map(claims=(Claim("a", "", quotes=(Quote("q"),), citations=(parse("claim z: t [^1]").claims[0].citations)),)))
    with pytest.raises(ValueError, match="footnote citation"):
        dumps(Map(footnotes=(Footnote("1", "see [^2]"),)))


def test_dump_writes_atomically(tmp_path):
    m = MapBuilder("m").claim("a", "A.").build()
    path = tmp_path / "m.argmap"
    dump(m, path)
    assert parse(path.read_text()) == m


@pytest.mark.parametrize("path", MAPS, ids=[p.stem for p in MAPS])
def test_real_maps_format_without_loss_and_settle(path):
    text = path.read_text(encoding="utf-8")
    out = format_text(text)
    assert parse(out) == parse(text)
    assert format_text(out) == out


def test_what_the_layout_cannot_say_is_refused_with_a_reason(tmp_path, capsys):
    path = tmp_path / "m.argmap"
    original = "claim a: ends in a backslash\\ \n"  # the text is `... backslash\`
    path.write_text(original)
    assert fmt(str(path)) == 1
    assert "cannot end with a backslash" in capsys.readouterr().err
    assert path.read_text() == original


def test_crlf_and_byte_order_mark_become_plain_lines():
    out = format_text("\ufeffclaim a: A.\r\n  supports b  # why\r\n")
    assert out == "claim a: A.\n  supports b  # why\n"
