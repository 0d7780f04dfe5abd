"""Word briefs: Verbatim's styles, cards as Tag/Cite/card text, the same bytes each time, and LibreOffice reads them."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap.briefing import Card, brief, to_docx
from argmap.cli import main

docx = pytest.importorskip("docx", reason="python-docx (the docx extra) is not installed")

from tests.test_brief_cards import ARTICLE, MAP  # noqa: E402

DATA = Path(__file__).parent / "data" / "brief"


@pytest.fixture(scope="module")
def made():
    b = brief(argmap.parse(MAP), "pro", {"town": ARTICLE})
    return b, to_docx(b)


def test_the_file_defines_verbatims_styles_and_uses_them(made):
    b, data = made
    doc = docx.Document(io.BytesIO(data))
    names = {s.name for s in doc.styles}
    assert {"Pocket", "Hat", "Block", "Tag", "Cite", "Underline", "Emphasis"} <= names
    used = [p.style.name for p in doc.paragraphs]
    assert used[0] == "Pocket" and "Hat" in used and "Block" in used
    cards = [x for x in b.blocks if isinstance(x, Card)]
    assert used.count("Tag") == len(cards) and used.count("Cite") >= len(cards)


def test_the_quoted_words_are_in_emphasis_and_the_rest_of_the_paragraph_is_kept(made):
    _, data = made
    doc = docx.Document(io.BytesIO(data))
    runs = [r for p in doc.paragraphs for r in p.runs if r.style is not None and r.style.name == "Emphasis"]
    assert [r.text for r in runs] == ["Admissions halved within a year."]
    body = next(p for p in doc.paragraphs if "Emphasis" in {r.style.name for r in p.runs if r.style is not None})
    assert body.text == ARTICLE.split("\n\n")[2]


def test_a_tag_reads_bold_as_its_style_says_and_a_bold_part_stays_bold(made):
    """No run of a Tag turns bold off: Word and LibreOffice would show the tag in plain type."""
    b, data = made
    doc = docx.Document(io.BytesIO(data))
    assert doc.styles["Tag"].font.bold is True
    tags = [p for p in doc.paragraphs if p.style.name == "Tag"]
    assert tags and all(r.bold is not False for p in tags for r in p.runs)
    # in body text a part the brief marks bold is bold, the rest inherits (plain)
    answers = [r for p in doc.paragraphs if p.style.name == "Normal" for r in p.runs]
    assert any(r.bold is True for r in answers) and not any(r.bold is False for r in answers)


def test_the_same_brief_gives_the_same_bytes(made):
    b, data = made
    assert to_docx(b) == data


def test_cli_writes_docx_by_suffix(tmp_path):
    out = tmp_path / "pro.docx"
    assert main(["brief", str(DATA / "debate.argmap"), "--case", "pro", "-o", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK" and docx.Document(str(out)).paragraphs[0].style.name == "Pocket"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_brief_to_pdf(made, tmp_path):
    _, data = made
    src = tmp_path / "brief.docx"
    src.write_bytes(data)
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                         capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "brief.pdf"
    assert pdf.exists(), run.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
        text = " ".join(text.split())  # lines wrap where the page ends them
        assert "Asthma admissions fell after the ban." in text and "Admissions halved within a year." in text
