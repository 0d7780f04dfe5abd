"""argmap extract: a draft of each seed article that checks clean and transcribes every note; never overwrites."""

from __future__ import annotations

import pytest

import argmap
from argmap import Severity
from argmap.cli import main
from argmap.sources import read_source
from conftest import SEEDS

# article -> the labels of its notes (README.md of the seeds: 31 for Brown, 5 for Togo, Suzuki's editor's note)
NOTES = {
    "001_ecff49c0a03a943e.txt": [str(n) for n in range(1, 32)],
    "002_2a25ef9673323473.txt": ["1", "2", "3", "4", "5"],
    "000_34e8190a59be87ba.txt": ["*1"],
    "004_e081191c5fe33cf7.txt": [],
    "003_eb6d3b6236a2093a.txt": [],
}


@pytest.mark.parametrize("name", sorted(NOTES))
def test_the_draft_checks_clean_and_holds_every_note(name, tmp_path):
    out = tmp_path / "draft.argmap"
    assert main(["extract", str(SEEDS / name), "-o", str(out)]) == 0
    m = argmap.load(out)
    assert [f.label for f in m.footnotes] == NOTES[name]
    notes = {n.label: n.text for n in read_source((SEEDS / name).read_text(encoding="utf-8")).notes}
    assert {f.label: f.text for f in m.footnotes} == notes  # word for word
    found = argmap.check(m, text_dirs=[SEEDS])
    assert [d.format() for d in found if d.severity is Severity.ERROR] == []
    # the article's own markers and notes agree with the draft: nothing of C120-C122 to say
    assert [d.format() for d in found if d.code in ("C120", "C121", "C122")] == []


def test_an_existing_file_is_never_overwritten(tmp_path, capsys):
    out = tmp_path / "draft.argmap"
    out.write_text("my own work\n", encoding="utf-8")
    assert main(["extract", str(SEEDS / "002_2a25ef9673323473.txt"), "-o", str(out)]) == 2
    assert "never written over" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my own work\n"


def test_without_output_the_draft_is_printed(capsys):
    assert main(["extract", str(SEEDS / "002_2a25ef9673323473.txt")]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# Draft map") and "[^5]: Hokkaido shimbun, May 25, 2013." in printed


def test_an_unreadable_text_is_refused(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert capsys.readouterr().err
