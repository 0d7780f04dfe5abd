"""The page of every seed map in Chromium at 1400 x 900: readable at the opening view, centred on the
thesis, search reveals a folded claim, the keyboard works, and nothing goes to the console as an error."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest


MAPS = Path(__file__).resolve().parent.parent / "maps"
SEEDS = sorted(p.stem for p in MAPS.glob("*.argmap"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

TRAP = """<head><script>
window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
var __error = console.error;
console.error = function () { window.__errors.push(Array.prototype.join.call(arguments, " ")); __error.apply(console, arguments); };
</script>"""

# Runs once the page has settled; every step's result goes into one JSON record read from the DOM.
PROBE = r"""<script>
window.addEventListener("load", function () { setTimeout(function () {
  var out = {errors: null};
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var box = document.getElementById("diagram"), panel = document.getElementById("panel");
  var overview = document.getElementById("overview");
  function visible() { return document.querySelector(".view:not([hidden]) svg"); }
  function key(target, k) { target.dispatchEvent(new KeyboardEvent("keydown", {key: k, bubbles: true})); }
  // 1. the opening view: the size on screen of every line of box text in sight
  var shown = visible(), sizes = [], c = box.getBoundingClientRect();
  shown.querySelectorAll("g.node text").forEach(function (t) {
    var r = t.getBoundingClientRect();
    if (r.width && r.bottom > c.top && r.top < c.bottom && r.right > c.left && r.left < c.right) {
      sizes.push(parseFloat(getComputedStyle(t).fontSize) * shown.getBoundingClientRect().width
                 / shown.viewBox.baseVal.width);
    }
  });
  out.sizes = sizes;
  out.overview = !!overview && !overview.hidden;
  var open = overview ? data.opening.overview : data.opening.whole, g = open && document.getElementById(open);
  if (g) {
    var r = g.getBoundingClientRect();
    // in the middle across, or where it is when the whole width is in view and nothing scrolls
    out.centred = (Math.abs((r.left + r.right) / 2 - (c.left + c.right) / 2) < c.width / 4 ||
                   box.scrollWidth <= box.clientWidth + 1) && r.top < c.bottom && r.bottom > c.top;
  }
  // 2. the keyboard: every box can be reached with Tab; Enter on a claim pins it, Escape lets go
  // (a box has words; the dot where an undercut meets its link has none and is no stop for Tab)
  out.tabbable = Array.prototype.every.call(shown.querySelectorAll("g.node[id]:not([id*='legend'])"),
    function (n) { return !n.querySelector("text") || n.getAttribute("tabindex") === "0"; });
  if (out.overview) {
    key(document.body, "o"); out.o_whole = !document.getElementById("whole").hidden;
    key(document.body, "o"); out.o_back = !overview.hidden;
  }
  var whole = document.getElementById("whole").querySelector("svg");
  if (overview) key(document.body, "o");
  var claim = Object.keys(data.nodes).filter(function (id) { return data.nodes[id].kind === "claim"; })[0];
  var cg = document.getElementById(claim);
  cg.focus(); key(cg, "Enter");
  out.pinned = whole.classList.contains("focused") && panel.textContent.indexOf(data.nodes[claim].text) >= 0;
  key(document.body, "Escape");
  out.unpinned = !whole.classList.contains("focused");
  if (overview) key(document.body, "o");
  // 3. search reveals a claim folded away in the overview
  var folds = Object.keys(data.folds), member = null;
  folds.forEach(function (f) { if (!member && data.folds[f].members.length) member = data.folds[f].members[0]; });
  if (!member) member = claim;  // no overview: any claim, found on the whole map
  if (member) {
    var words = data.nodes[member].text.split(/\s+/).filter(function (w) { return /^[A-Za-z]{7,}$/.test(w); });
    var search = document.getElementById("search");
    search.value = (words[0] || data.nodes[member].key).toLowerCase();
    search.dispatchEvent(new Event("input"));
    out.search = {whole: !document.getElementById("whole").hidden,
                  match: document.getElementById(member).classList.contains("match"),
                  hits: document.getElementById("hits").textContent};
    key(search, "Escape");
    out.search.cleared = search.value === "" && !whole.classList.contains("searching");
  }
  // 4. Enter on a folded box unfolds it: the whole map, scrolled to that claim, pinned
  if (overview && folds.length) {
    document.getElementById("view").click();  // back to the overview
    var fold = document.getElementById(folds[0]);
    fold.focus(); key(fold, "Enter");
    var root = document.getElementById(data.folds[folds[0]].root).getBoundingClientRect();
    c = box.getBoundingClientRect();
    out.unfolded = !document.getElementById("whole").hidden && root.right > c.left && root.left < c.right &&
      root.bottom > c.top && root.top < c.bottom;
  }
  out.errors = window.__errors;
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}, 100); });
</script></body>"""


def run_page(page: str, tmp_path: Path) -> dict:
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("<head>", TRAP, 1).replace("</body>", PROBE, 1), encoding="utf-8")
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,900",
                          "--virtual-time-budget=3000", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="probe">(.*?)</pre>', run.stdout, re.DOTALL)
    assert found, run.stderr[-2000:]
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.slow
@pytest.mark.needs_chromium
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (CI installs the Debian package `chromium`)")
@pytest.mark.parametrize("name", SEEDS)
def test_the_page_reads_and_works_in_chromium(name, tmp_path, seed_drawings):
    page = seed_drawings.page(name)  # diagram(argmap.load(maps/name), renderer="embedded").render("html")
    r = run_page(page, tmp_path)
    assert r["errors"] == []
    assert r["sizes"] and min(r["sizes"]) >= 11, r["sizes"]  # readable at 1400 x 900, as opened
    assert r.get("centred", True), r  # the first thesis in the middle of the view (the debate: its middle)
    assert r["tabbable"] and r["pinned"] and r["unpinned"], r
    if r["overview"]:
        assert r["o_whole"] and r["o_back"], r
        assert r["unfolded"], r
    assert r["search"]["whole"] and r["search"]["match"] and r["search"]["cleared"], r["search"]
