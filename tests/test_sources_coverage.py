"""argmap coverage: what of its article a map quotes and cites, as figures, as a list and as a page."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.sources import read_source
from argmap.sources.coverage import coverage, coverage_text
from argmap.sources.coverage_html import coverage_html
from conftest import SEEDS

MAPS = Path(__file__).resolve().parent.parent / "maps"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WITH_TEXT = ["akiyama2015", "brown2017", "suzuki2012", "togo2013", "tsuruoka2020"]

ARTICLE = """Island Talks Resume

By Jane Q. Writer

The minister called the talks “a fresh start.”1 Critics were less sure, and said so at length.2

Nobody in the capital expected anything of the second round of talks this spring.

The envoy said little, but what he said was read closely in both capitals.3

Notes

1. Daily Courier, March 1, 2019.
2. Evening Post, March 2, 2019.
3. Ibid.
"""
MAP = """map island "Island Talks Resume" {
  text "island.txt"
}
claim fresh (c): The minister welcomed the talks.
  quote "a fresh start." [^1]
claim doubt (c): Critics doubted it. [^2]
footnotes
  [^1]: Daily Courier, March 1, 2019.
  [^2]: Evening Post, March 2, 2019.
  [^3]: Ibid.
"""


def _made_up():
    return coverage(argmap.parse(MAP), ARTICLE, "island.txt")


def test_the_figures_count_what_the_claims_use():
    cov = _made_up()
    # three prose paragraphs (the title and the byline are not prose); the claims touch the first
    assert cov.paragraphs == (1, 3)
    assert cov.markers == (2, 3) and cov.notes == (2, 3)  # notes 1 and 2 cited, 3 not


def test_a_quotation_and_a_cited_sentence_are_the_passages():
    cov = _made_up()
    text = cov.source.text
    kinds = {(text[p.start:p.end], p.kind, p.claims) for p in cov.passages}
    assert ("a fresh start.", "quote", ("fresh",)) in kinds
    # a claim citing [^2] touches the sentence that carries marker 2
    assert any(k == "cite" and c == ("doubt",) and s.startswith("Critics were less sure") for s, k, c in kinds)


def test_the_text_lists_the_paragraphs_no_claim_touches():
    out = coverage_text(_made_up(), "island")
    assert "paragraphs touched: 1 of 3 (33%)" in out and "markers cited: 2 of 3 (67%)" in out
    assert "line 7: Nobody in the capital" in out and "line 9: The envoy said little" in out
    assert "Critics were less sure" not in out


def test_a_text_without_notes_says_so():
    cov = coverage(argmap.parse('claim a (c): A.\n  quote "second round"\n'), "Talks went on.\n\nThe second round "
                   "of the talks was long and quiet and went on well into the night.\n")
    assert "the text has no notes section" in coverage_text(cov)
    assert cov.paragraphs == (1, 1)


def test_the_page_marks_passages_and_markers_and_links_to_the_claims():
    page = coverage_html(_made_up(), "island")
    assert '<a class="quote"' in page and 'href="#claim-fresh"' in page and 'id="claim-fresh"' in page
    article = page.split('<main id="article">')[1].split("</main>")[0]
    assert article.count('class="marker cited"') == 2 and article.count('class="marker uncited"') == 1
    assert 'class="untouched"' in page
    assert "<script" not in page and "http" not in page.split("<body>")[1].split("<main")[0]  # self-contained


@pytest.mark.parametrize("name", WITH_TEXT)
def test_the_command_on_every_seed_map(name, tmp_path, capsys):
    out = tmp_path / f"{name}.html"
    assert main(["coverage", str(MAPS / f"{name}.argmap"), "--text-dir", str(SEEDS), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"paragraphs touched: \d+ of \d+", printed)
    m = argmap.load(MAPS / f"{name}.argmap")
    source = read_source((SEEDS / m.document.text).read_text(encoding="utf-8"))
    if source.has_notes:  # every seed map cites every note of its article
        assert f"notes cited: {len(source.notes)} of {len(source.notes)} (100%)" in printed
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_map_with_no_text_is_refused(capsys):
    assert main(["coverage", str(MAPS / "new_approach_debate.argmap")]) == 2
    assert "names no source text" in capsys.readouterr().err


PROBE = r"""<script>
window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
window.addEventListener("load", function () {
  var quote = document.querySelector("main a.quote"), target = quote && document.querySelector(quote.getAttribute("href"));
  var marker = document.querySelector(".marker.uncited") || document.querySelector(".marker.cited");
  var out = {errors: window.__errors, quotes: document.querySelectorAll("main a.quote").length,
             linked: !!target, back: target ? !!document.querySelector(target.nextElementSibling.querySelector("a")
                                                                     .getAttribute("href")) : false,
             marked: marker ? getComputedStyle(marker).backgroundColor : null,
             highlighted: quote ? getComputedStyle(quote).backgroundColor : null,
             width: document.documentElement.scrollWidth};
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script></body>"""


@pytest.mark.slow
@pytest.mark.needs_chromium
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (CI installs the Debian package `chromium`)")
def test_the_page_in_chromium(tmp_path):
    m = argmap.load(MAPS / "brown2017.argmap")
    page = coverage_html(coverage(m, (SEEDS / m.document.text).read_text(encoding="utf-8")), "brown2017")
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", PROBE, 1), encoding="utf-8")
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,900",
                          "--virtual-time-budget=2000", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="probe">(.*?)</pre>', run.stdout, re.DOTALL)
    assert found, run.stderr[-2000:]
    r = json.loads(html.unescape(found.group(1)))
    assert r["errors"] == []
    assert r["quotes"] >= 20 and r["linked"] and r["back"]  # a quotation links to its claim, and back
    assert r["highlighted"] not in (None, "rgba(0, 0, 0, 0)") and r["marked"] not in (None, "rgba(0, 0, 0, 0)")
    assert r["width"] <= 1200  # the text wraps: nothing scrolls sideways
