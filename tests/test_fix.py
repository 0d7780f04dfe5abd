"""argmap check --fix: the repairs with one right answer, each listed, nothing else changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.fixing import fix_text

MAPS = Path(__file__).resolve().parent.parent / "maps"

OUT_OF_ORDER = """\
thesis t: The new approach will work. [^3]
claim a (c): Russia offered nothing. [^1] [^4]
  supports t
case c for t: The case.

footnotes
  [^3]: Kyodo, December 13, 2016.
  # a comment between the notes stays where it is
  [^1]: The Japan Times, \\
    December 18, 2016.
  [^2]: TASS, December 16, 2016.
"""


def codes(text: str) -> list[str]:
    return sorted(d.code for d in argmap.check(argmap.parse(text)))


def test_notes_go_back_in_order_and_missing_ones_get_a_stub_that_is_reported():
    assert {"C101", "C104"} <= set(codes(OUT_OF_ORDER))
    fixed = fix_text(OUT_OF_ORDER)
    assert [f.code for f in fixed.fixes] == ["C104", "C101", "layout"]
    m, before = argmap.parse(fixed.text), argmap.parse(OUT_OF_ORDER)
    assert [n.label for n in m.footnotes] == ["1", "2", "3", "4"]
    # labels and texts are the article's: only the order changed, and note 4 is a stub
    assert {n.label: n.text for n in m.footnotes if n.label != "4"} == {n.label: n.text for n in before.footnotes}
    assert m.claims == before.claims and m.theses == before.theses
    assert "# a comment between the notes stays where it is" in fixed.text
    after = codes(fixed.text)
    assert "C101" not in after and "C104" not in after
    assert "C114" in after  # the stub is still a finding: the note is to be copied


def test_a_canonical_map_with_nothing_to_repair_is_left_as_it_is():
    text = (MAPS / "togo2013.argmap").read_text(encoding="utf-8")
    fixed = fix_text(text)
    assert not fixed.changed and fixed.text == text


@pytest.mark.parametrize("name", sorted(p.name for p in MAPS.glob("*.argmap")))
def test_fixing_the_seed_maps_changes_nothing(name):
    # they are canonical and their notes in order: --fix must find nothing to do
    text = (MAPS / name).read_text(encoding="utf-8")
    assert fix_text(text).fixes == ()


@given(order=st.permutations(list(range(1, 7))), cited=st.sets(st.integers(1, 9), min_size=1))
def test_fixing_twice_is_fixing_once(order, cited):
    notes = "".join(f"  [^{n}]: Source {n}, 2016.\n" for n in order)
    cites = " ".join(f"[^{n}]" for n in sorted(cited))
    text = f"thesis t: T.\nclaim a: A. {cites}\n  supports t\n\nfootnotes\n{notes}"
    once = fix_text(text)
    assert fix_text(once.text).fixes == ()
    m = argmap.parse(once.text)
    numbers = [n.number for n in m.footnotes]
    assert numbers == sorted(numbers)
    assert {str(n) for n in cited} <= set(m.footnote_table)


def test_the_cli_lists_each_repair_then_checks(tmp_path, capsys):
    p = tmp_path / "m.argmap"
    p.write_text(OUT_OF_ORDER, encoding="utf-8")
    main(["check", str(p), "--fix", "--diff"])
    out = capsys.readouterr()
    assert "+  [^4]: TODO: copy note 4 from the article." in out.out
    assert "would fix C104" in out.err and "would fix C101" in out.err
    assert p.read_text(encoding="utf-8") == OUT_OF_ORDER  # --diff writes nothing
    status = main(["check", str(p), "--fix"])
    out = capsys.readouterr()
    assert "fixed C104" in out.err and "fixed C101" in out.err and "fixed layout" in out.err
    assert "C114" in out.out and "C104" not in out.out
    assert status == 0  # what is left are warnings
    assert fix_text(p.read_text(encoding="utf-8")).fixes == ()


def test_a_map_that_does_not_parse_is_not_touched(tmp_path, capsys):
    p = tmp_path / "bad.argmap"
    text = "claim a A claim with no colon\n"
    p.write_text(text, encoding="utf-8")
    assert main(["check", str(p), "--fix"]) == 1
    err = capsys.readouterr().err
    assert "not fixed: the map has errors" in err
    assert p.read_text(encoding="utf-8") == text


def test_diff_needs_fix_and_fix_needs_files(capsys):
    assert main(["check", "maps", "--diff"]) == 2
    assert "give --fix with it" in capsys.readouterr().err
    assert main(["check", "-", "--fix"]) == 2
    assert "--fix rewrites map files" in capsys.readouterr().err
