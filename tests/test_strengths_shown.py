"""Gradual strengths on the diagram's boxes (`render --labels --semantics dfquad`) and in the brief (`--strengths`)."""

from __future__ import annotations

import re

import pytest

from argmap.cli import main

MAP = """\
thesis t: The talks will succeed.
case ours for t: Our case.
case theirs against t: Their case.
claim a (ours): The leaders trust each other. [^1]
  supports t
claim b (theirs): Sanctions stand in the way.
  rebuts t
footnotes
  [^1]: Kyodo, 16 December 2016.
"""


def _write(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_text(MAP)
    return path


def test_the_diagram_shows_each_strength_and_says_what_it_is(tmp_path):
    path, out = _write(tmp_path), tmp_path / "m.svg"
    assert main(["render", str(path), "--labels", "--semantics", "dfquad", "-o", str(out)]) == 0
    svg = out.read_text()
    # a: cited, base 0.7, unattacked; b: uncited 0.5; t: 0.5 + 0.5 * (0.7 - 0.5) = 0.6 under DF-QuAD
    for words in ("strength 0.70 · a", "strength 0.50 · b", "THESIS · strength 0.60 · t"):
        assert words in svg
    assert "IN: stands" not in svg and "score, 0 to 1" in svg


def test_the_diagram_under_carneades_shows_the_status(tmp_path):
    path, out = _write(tmp_path), tmp_path / "m.svg"
    assert main(["render", str(path), "--labels", "--semantics", "carneades", "-o", str(out)]) == 0
    svg = out.read_text()
    assert "acceptable · a" in svg and "not acceptable · b" in svg


def test_grounded_labels_are_drawn_as_before(tmp_path):
    path, out = _write(tmp_path), tmp_path / "m.svg"
    assert main(["render", str(path), "--labels", "-o", str(out)]) == 0
    svg = out.read_text()
    assert "✔ IN · a" in svg and "strength" not in svg


def test_the_brief_shows_strengths_when_asked(tmp_path, capsys):
    path = _write(tmp_path)
    assert main(["brief", str(path), "--case", "ours", "--strengths"]) == 0
    out = capsys.readouterr().out
    assert "**Thesis (strength 0.60):**" in out and "**Line 1 (strength 0.70):**" in out
    assert "### Line 1 (strength 0.70):" in out and "DF-QuAD strengths" in out
    assert main(["brief", str(path), "--case", "ours", "--strengths", "quadratic-energy"]) == 0
    qe = capsys.readouterr().out
    assert "quadratic energy strengths" in qe and re.search(r"\*\*Thesis \(strength 0\.\d\d\):\*\*", qe)
    assert main(["brief", str(path), "--case", "ours"]) == 0
    assert "strength" not in capsys.readouterr().out


@pytest.mark.parametrize("suffix", ["html", "docx"])
def test_the_brief_shows_strengths_in_html_and_word_too(tmp_path, capsys, suffix):
    path = _write(tmp_path)
    out = tmp_path / f"brief.{suffix}"
    assert main(["brief", str(path), "--case", "ours", "--strengths", "-o", str(out)]) == 0
    if suffix == "html":
        text = out.read_text(encoding="utf-8")
    else:
        docx = pytest.importorskip("docx", reason="python-docx (the docx extra) is not installed")
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Thesis (strength 0.60):" in text and "Line 1 (strength 0.70):" in text and "DF-QuAD strengths" in text
