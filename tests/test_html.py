"""The interactive HTML page: self-contained, safe, and working in a real browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

import argmap
from argmap.rendering import diagram

MAP = '''\
map page "A page </script><script>alert(1)</script>" {
  author "Tester"
}

thesis t: The thesis <b>is</b> true.
case pro for t: The case for.
person ann: Ann Example, an analyst.

claim a (pro) by ann: Alpha </script> supports the thesis. [^2]
  quote "Alpha is so." [^1]
  supports t
claim b (pro): Beta attacks alpha & friends.
  rebuts a

footnotes
  [^1]: TASS, December 16, 2016, http://example.org/tass.
  [^2]: Ibid.
'''

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture
def page_file(tmp_path):
    (tmp_path / "page.argmap").write_text(MAP, encoding="utf-8")
    m = argmap.load(tmp_path / "page.argmap")
    d = diagram(m, renderer="embedded")
    out = d.save(tmp_path / "page.html")
    return d, out


def test_page_is_self_contained_and_escapes_user_text(page_file):
    d, path = page_file
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)  # nothing fetched from the network
    assert text.count("<script") == 2 and text.count("</script>") == 2  # user text cannot end a script
    assert "<svg" in text and "<style>" in text
    data = json.loads(re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', text,
                                re.DOTALL).group(1))
    a = data["nodes"][d.drawing.ids["page.a"]]
    assert a["text"] == "Alpha </script> supports the thesis."
    assert a["by"] == "Ann Example, an analyst."
    assert a["footnotes"] == [{"label": "2", "text": "Ibid.",
                               "source": {"label": "1", "text": "TASS, December 16, 2016, http://example.org/tass."}},
                              {"label": "1", "text": "TASS, December 16, 2016, http://example.org/tass.",
                               "source": None}]
    assert a["supporters"] == [] and a["attackers"] == [d.drawing.ids["page.b"]]


PROBE = """<script>
(function () {
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var id = Object.keys(data.nodes).find(function (k) { return data.nodes[k].key === "page.a"; });
  document.getElementById(id).dispatchEvent(new MouseEvent("click", {bubbles: true}));
  var search = document.getElementById("search");
  search.value = "beta"; search.dispatchEvent(new Event("input"));
  var svg = document.querySelector("#diagram svg"), zoom = document.getElementById("zoom");
  var fitted = svg.getBoundingClientRect().width;
  document.getElementById("zoom-in").click();
  var larger = svg.getBoundingClientRect().width, label = zoom.textContent;
  zoom.click();
  var out = document.createElement("pre"); out.id = "probe";
  out.textContent = JSON.stringify({
    panel: document.getElementById("panel").textContent,
    attacker: document.getElementById(data.nodes[id].attackers[0]).getAttribute("class"),
    hits: document.getElementById("hits").textContent,
    zoom: {fitted: fitted, larger: larger, label: label, back: svg.getBoundingClientRect().width},
    errors: window.__errors
  });
  document.body.appendChild(out);
})();
</script></body>"""
TRAP = '<head><script>window.__errors=[];window.addEventListener("error",function(e){window.__errors.push(String(e.message))});</script>'
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.mark.slow
@pytest.mark.needs_chromium
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (CI installs the Debian package `chromium`)")
def test_page_works_in_headless_chromium(page_file, tmp_path):
    _, path = page_file
    probe = tmp_path / "probe.html"
    probe.write_text(path.read_text(encoding="utf-8").replace("<head>", TRAP, 1).replace("</body>", PROBE, 1),
                     encoding="utf-8")
    run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile1'}", "--enable-logging=stderr",
                          "--v=0", "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=60)
    found = re.search(r'<pre id="probe">(.*?)</pre>', run.stdout, re.DOTALL)
    assert found, f"the page's script did not run:\n{run.stderr[-2000:]}"
    result = json.loads(found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
                        .replace("&amp;", "&"))
    assert result["errors"] == []
    assert not re.search(r"CONSOLE.*(Uncaught|Error)", run.stderr)
    # a click shows the footnotes in full, Ibid. resolved, and highlights the attacker
    assert "TASS, December 16, 2016, http://example.org/tass." in result["panel"]
    assert "Ibid. = [1] TASS" in result["panel"] and "— Ann Example, an analyst." in result["panel"]
    assert "hl-attack" in result["attacker"]
    assert result["hits"] == "1 claim"
    # "+" makes the diagram a quarter larger; "Fit width" brings it back
    zoom = result["zoom"]
    assert zoom["larger"] == pytest.approx(zoom["fitted"] * 1.25, rel=0.02)
    assert zoom["label"].endswith("% · fit width") and zoom["back"] == pytest.approx(zoom["fitted"], rel=0.01)
    shot = tmp_path / "page.png"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile2'}", f"--screenshot={shot}",
                    "--window-size=1200,800", path.as_uri()], capture_output=True, timeout=60)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000
