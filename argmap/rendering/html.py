"""An interactive HTML page for a diagram: one self-contained file.

The page holds the SVG, its CSS and its script inline (nothing is fetched
from the network).  Pointing at a claim shows, in a side panel, its full
text, who asserts it, its quotations and its footnotes in full ("Ibid."
shown with the note it stands for); clicking pins it and highlights what
supports it (green) and what attacks it (red); a search box highlights the
claims whose words match; the diagram opens fitted to the window's width,
and buttons (or the + and - keys) zoom it in and out.  User text reaches the page only as JSON data put
into the document with ``textContent``, never as markup.
"""

from __future__ import annotations

import html
import json
import re


CSS = """
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222; }
header { display: flex; gap: 1em; align-items: center; padding: .5em 1em; border-bottom: 1px solid #ddd; background: #fafafa; }
header h1 { font-size: 1.05em; margin: 0; flex: 1; }
header input { font: inherit; padding: .25em .5em; width: 18em; }
#hits { color: #555; min-width: 6em; }
main { display: flex; height: calc(100vh - 3em); }
#diagram { flex: 1; overflow: auto; padding: .5em; }
#diagram svg { max-width: none; height: auto; }
#diagram.fit svg { width: 100%; height: auto; }
body { overflow: hidden; }
header button { font: inherit; }
aside { width: 26em; overflow: auto; border-left: 1px solid #ddd; padding: .75em 1em; background: #fff; }
aside h2 { font-size: 1em; margin: .2em 0 .4em; }
aside .meta { color: #555; font-size: .9em; }
aside blockquote { font-style: italic; margin: .5em 0; padding-left: .8em; border-left: 3px solid #bbb; }
aside ol { padding-left: 1.2em; }
aside .ibid { color: #555; }
aside .hint { color: #777; }
g.node { cursor: pointer; }
svg.focused g.node, svg.focused g.edge, svg.searching g.node { opacity: .25; }
svg.focused g.node.hl-self, svg.focused g.node.hl-support, svg.focused g.node.hl-attack,
svg.focused g.edge.hl-edge, svg.searching g.node.match { opacity: 1; }
g.node.hl-self > path, g.node.hl-self > polygon { stroke: #000; stroke-width: 4; }
g.node.hl-support > path, g.node.hl-support > polygon { stroke: #1B7837; stroke-width: 4; }
g.node.hl-attack > path, g.node.hl-attack > polygon { stroke: #B2182B; stroke-width: 4; }
g.node.match > path, g.node.match > polygon { stroke: #000; stroke-width: 4; }
g.edge.hl-edge path { stroke-width: 3; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var svg = document.querySelector("#diagram svg");
  var panel = document.getElementById("panel");
  var pinned = null;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function show(id) {
    var d = data.nodes[id];
    panel.replaceChildren();
    if (!d) { panel.appendChild(el("p", "Point at a claim to read it; click to pin it.", "hint")); return; }
    panel.appendChild(el("div", d.kind + " " + d.key, "meta"));
    if (d.text) panel.appendChild(el("h2", d.text));
    if (d.case) panel.appendChild(el("div", "case: " + d.case, "meta"));
    if (d.by) panel.appendChild(el("p", "— " + d.by));
    d.quotes.forEach(function (q) {
      var b = el("blockquote", "\u201c" + q.text + "\u201d");
      if (q.cites.length) b.appendChild(el("span", " [" + q.cites.join("] [") + "]", "meta"));
      panel.appendChild(b);
    });
    if (d.tags.length) panel.appendChild(el("div", "tags: " + d.tags.join(", "), "meta"));
    if (d.footnotes.length) {
      panel.appendChild(el("h2", "Footnotes"));
      var ol = el("ol");
      d.footnotes.forEach(function (f) {
        var li = el("li", "[" + f.label + "] " + (f.text === null ? "(no such footnote in the map)" : f.text), "footnote");
        li.value = parseInt(f.label, 10) || undefined;
        if (f.source) li.appendChild(el("div", "Ibid. = [" + f.source.label + "] " + f.source.text, "ibid"));
        ol.appendChild(li);
      });
      panel.appendChild(ol);
    }
    if (d.problems.length) {
      panel.appendChild(el("h2", "Problems found"));
      d.problems.forEach(function (p) { panel.appendChild(el("div", "\u26a0 " + p)); });
    }
    var s = d.supporters.length, a = d.attackers.length;
    panel.appendChild(el("p", s + " supporting, " + a + " attacking" + (pinned ? " (highlighted)" : ""), "meta"));
  }
  function clear(cls) {
    svg.querySelectorAll("." + cls).forEach(function (e) { e.classList.remove(cls); });
  }
  function mark(ids, cls) {
    ids.forEach(function (i) { var e = document.getElementById(i); if (e) e.classList.add(cls); });
  }
  function pin(id) {
    ["hl-self", "hl-support", "hl-attack", "hl-edge"].forEach(clear);
    pinned = (id && id !== pinned) ? id : null;
    svg.classList.toggle("focused", !!pinned);
    if (pinned) {
      var d = data.nodes[pinned];
      mark([pinned], "hl-self"); mark(d.supporters, "hl-support"); mark(d.attackers, "hl-attack"); mark(d.edges, "hl-edge");
    }
    show(pinned);
  }
  svg.querySelectorAll("g.node").forEach(function (g) {
    if (!data.nodes[g.id]) return;
    g.addEventListener("mouseenter", function () { if (!pinned) show(g.id); });
    g.addEventListener("click", function (ev) { ev.stopPropagation(); pin(g.id); });
  });
  svg.addEventListener("click", function () { if (pinned) pin(null); });
  var search = document.getElementById("search");
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase(), n = 0;
    clear("match");
    svg.classList.toggle("searching", q.length > 0);
    if (q) Object.keys(data.nodes).forEach(function (id) {
      if (data.nodes[id].search.indexOf(q) >= 0) { mark([id], "match"); n++; }
    });
    document.getElementById("hits").textContent = q ? n + (n === 1 ? " claim" : " claims") : "";
  });
  // Zoom: the page opens with the diagram fitted to the window's width;
  // "+" and "-" (or the + and - keys) scale it from there, "Fit width" goes back.
  var box = document.getElementById("diagram"), zoom = document.getElementById("zoom");
  var natural = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width
    ? svg.viewBox.baseVal.width * 4 / 3 : svg.getBoundingClientRect().width;
  var scale = null;  // null: fitted to the width
  function current() { return scale === null ? svg.getBoundingClientRect().width / natural : scale; }
  function apply() {
    box.classList.toggle("fit", scale === null);
    svg.style.width = scale === null ? "" : Math.round(natural * scale) + "px";
    zoom.textContent = scale === null ? "Fit width" : Math.round(scale * 100) + "% · fit width";
  }
  function by(factor) { scale = Math.min(4, Math.max(0.05, current() * factor)); apply(); }
  document.getElementById("zoom-in").addEventListener("click", function () { by(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { by(0.8); });
  zoom.addEventListener("click", function () { scale = null; apply(); });
  document.addEventListener("keydown", function (e) {
    if (e.target === search) return;
    if (e.key === "+" || e.key === "=") by(1.25);
    else if (e.key === "-") by(0.8);
    else if (e.key === "0") { scale = null; apply(); }
  });
  show(null);
})();
"""


def _json_for_script(value) -> str:
    """JSON that cannot end the ``<script>`` element it sits in."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def page_data(diagram) -> dict:
    """What the page's script knows about each drawn node, by its SVG id."""
    drawing = diagram.drawing
    g = drawing.graph
    nodes: dict[str, dict] = {}
    related: dict[str, dict[str, set]] = {k: {"supporters": set(), "attackers": set(), "edges": set()}
                                          for k in g.nodes}
    ids = drawing.ids
    for edge, edge_ids in drawing.edge_ids:
        if edge.kind in ("supports", "premise") and edge.target in related:
            related[edge.target]["supporters"].add(ids[edge.source])
            related[edge.target]["edges"].update(edge_ids)
        elif edge.kind in ("rebuts", "contradicts") and edge.target in related:
            related[edge.target]["attackers"].add(ids[edge.source])
            related[edge.target]["edges"].update(edge_ids)
            if edge.kind == "contradicts":
                related[edge.source]["attackers"].add(ids[edge.target])
                related[edge.source]["edges"].update(edge_ids)
        elif edge.kind == "undercuts":
            target = edge.link[1] if edge.link else edge.target
            if target in related:
                related[target]["attackers"].add(ids[edge.source])
                related[target]["edges"].update(edge_ids)
    problems = getattr(drawing, "problems", None) or {}
    for key, node in g.nodes.items():
        item, home = node.item, node.home
        case = None
        if node.case in g.cases:
            c, case_home = g.cases[node.case]
            case = f"{c.id} ({c.stance} {c.thesis}): {c.text}"
        by = None
        if getattr(item, "by", None) is not None:
            person = home.resolve_person(item.by) if home is not None else None
            by = person.name if person is not None else str(item.by)
        footnotes = []
        cited = list(dict.fromkeys(c.label for c in (getattr(item, "all_citations", None)
                                                      or getattr(item, "citations", ()))))
        for label in cited:
            note = home.footnote_table.get(label) if home is not None else None
            source = home.source_note(label) if home is not None and note is not None else None
            footnotes.append({
                "label": label,
                "text": note.text if note is not None else None,
                "source": ({"label": source.label, "text": source.text}
                           if source is not None and source is not note else None),
            })
        if node.kind == "argument":
            text = f"{' + '.join(str(p) for p in item.premises)} → {item.conclusion} (premises that support only together)"
        elif node.kind == "import":
            doc = home.document if home is not None else None
            text = (doc.title if doc is not None and doc.title else node.id)
        elif node.kind == "missing":
            text = f"{node.key} is not defined"
        else:
            text = item.text
        quotes = [{"text": q.text, "cites": [c.label for c in q.citations]} for q in getattr(item, "quotes", ())]
        tags = list(getattr(item, "tags", ()))
        words = " ".join([node.key, text or "", by or "", *(q["text"] for q in quotes), *tags]).lower()
        rel = related[key]
        nodes[ids[key]] = {
            "key": node.key, "kind": node.kind, "text": text, "case": case, "by": by, "quotes": quotes,
            "footnotes": footnotes, "tags": tags, "problems": list(problems.get(key, ())),
            "supporters": sorted(rel["supporters"]), "attackers": sorted(rel["attackers"]),
            "edges": sorted(rel["edges"]), "search": words,
        }
    return {"nodes": nodes}


def _svg_for_html(svg: str) -> str:
    """The SVG without its XML declaration and DOCTYPE, ready to sit inside HTML."""
    svg = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", svg)
    svg = re.sub(r"^\s*<!DOCTYPE[^>]*>\s*", "", svg)
    return svg


def page(diagram) -> str:
    """The diagram as one self-contained HTML page."""
    m = diagram.map
    title = m.document.title if m.document is not None and m.document.title else m.id
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap">
<title>{html.escape(title)} — argument map</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{html.escape(title)}</h1>
<label>Search <input id="search" type="search" placeholder="words in claims, quotes, names" autocomplete="off"></label>
<span id="hits" aria-live="polite"></span>
<button id="zoom-out" type="button" title="smaller (-)">&minus;</button>
<button id="zoom" type="button" title="fit to the window's width (0)">Fit width</button>
<button id="zoom-in" type="button" title="larger (+)">+</button>
</header>
<main>
<div id="diagram" class="fit">
{_svg_for_html(diagram.svg())}
</div>
<aside id="panel" aria-live="polite"></aside>
</main>
<script type="application/json" id="argmap-data">{_json_for_script(page_data(diagram))}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""
