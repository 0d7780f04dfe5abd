"""An interactive HTML page for a diagram: one self-contained file.

The page holds the SVG, its CSS and its script inline (nothing is fetched
from the network).  Pointing at a claim shows, in a side panel, its full
text, who asserts it, its quotations and its footnotes in full ("Ibid."
shown with the note it stands for); clicking pins it and highlights what
supports it (green) and what attacks it (red); a search box highlights the
claims whose words match; the diagram opens fitted to the window's width,
and buttons (or the + and - keys) zoom it in and out.

A map too big to read whole opens on its overview
(:mod:`argmap.rendering.overview`): the theses and the top lines of each
case, each folded subtree a box saying how many claims it holds (and how
many are IN and OUT when labelled).  Clicking a folded box (or Enter on
it, boxes being reachable with Tab) unfolds it: the whole map, scrolled to
that claim; searching reveals the whole map's matches the same way.  The
page never opens smaller than 75 %, so its text stays readable; a minimap
in the corner shows where the view is.  User text reaches the page only as JSON data put
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
g.node:focus { outline: none; }
g.node:focus > path, g.node:focus > polygon { stroke: #000; stroke-width: 3; stroke-dasharray: 4 2; }
#diagram { position: relative; }
.view[hidden] { display: none; }
#minimap { position: fixed; right: 27em; bottom: 1em; width: 180px; border: 1px solid #999; background: #fff;
  opacity: .9; cursor: pointer; }
#minimap svg { width: 100%; height: auto; display: block; }
#minimap .port { position: absolute; border: 2px solid #B2182B; pointer-events: none; }
.badge { font: 11px sans-serif; fill: #222; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var views = {whole: document.getElementById("whole"), overview: document.getElementById("overview")};
  var svg = views.whole.querySelector("svg");
  var osvg = views.overview ? views.overview.querySelector("svg") : null;
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
  function hook(g, open) {
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.addEventListener("mouseenter", function () { if (!pinned) show(open); });
    g.addEventListener("focus", function () { if (!pinned) show(open); });
    g.addEventListener("click", function (ev) { ev.stopPropagation(); act(g, open); });
    g.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); act(g, open); }
    });
  }
  function act(g, id) {
    var fold = data.folds[g.id];
    if (fold !== undefined && g.ownerSVGElement === osvg) { unfold(fold.root); return; }
    if (g.ownerSVGElement === osvg) { unfold(id); return; }
    pin(id);
  }
  svg.querySelectorAll("g.node").forEach(function (g) { if (data.nodes[g.id]) hook(g, g.id); });
  if (osvg) osvg.querySelectorAll("g.node").forEach(function (g) {
    var fold = data.folds[g.id], whole = data.overview[g.id];
    if (fold) {
      hook(g, fold.root);
      var t = document.createElementNS("http://www.w3.org/2000/svg", "text");
      t.setAttribute("class", "badge");
      g.appendChild(t);
      if (fold.badge) {
        var box = g.querySelector("polygon, path");
        if (box && box.getBBox) {
          var r = box.getBBox();
          t.setAttribute("x", r.x + 6); t.setAttribute("y", r.y + r.height + 13);
        }
        t.textContent = fold.badge;
      }
    } else if (whole) hook(g, whole);
  });
  var current_view = osvg ? "overview" : "whole";
  function switchTo(name) {
    current_view = name;
    Object.keys(views).forEach(function (k) { if (views[k]) views[k].hidden = (k !== name); });
    document.getElementById("view").textContent = name === "overview" ? "Whole map" : "Overview";
    document.getElementById("view").hidden = !osvg;
    apply(); mini();
  }
  function unfold(id, pinIt) {
    switchTo("whole");
    if (scale === null || scale < 0.75) { scale = Math.max(0.75, scale || 0); apply(); }
    var g = document.getElementById(id);
    if (g) {
      var r = g.getBoundingClientRect(), c = box.getBoundingClientRect();
      box.scrollLeft += r.left - c.left - c.width / 2 + r.width / 2;
      box.scrollTop += r.top - c.top - c.height / 3;
      if (pinIt !== false) { g.focus({preventScroll: true}); if (pinned !== id) pin(id); }
    }
    mini();
  }
  svg.addEventListener("click", function () { if (pinned) pin(null); });
  var search = document.getElementById("search");
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase(), n = 0;
    clear("match");
    svg.classList.toggle("searching", q.length > 0);
    var first = null;
    if (q) Object.keys(data.nodes).forEach(function (id) {
      if (data.nodes[id].search.indexOf(q) >= 0) { mark([id], "match"); n++; if (!first) first = id; }
    });
    if (q && first && current_view === "overview") unfold(first, false);  // search reveals: the whole map
    document.getElementById("hits").textContent = q ? n + (n === 1 ? " claim" : " claims") : "";
  });
  // Zoom: the page opens with the diagram fitted to the window's width, but never below 75 %
  // (smaller text cannot be read); "+" and "-" (or the keys) scale it, "Fit width" goes back.
  var box = document.getElementById("diagram"), zoom = document.getElementById("zoom");
  function shown() { return current_view === "overview" ? osvg : svg; }
  function natural() {
    var s = shown();
    return s.viewBox && s.viewBox.baseVal && s.viewBox.baseVal.width ? s.viewBox.baseVal.width * 4 / 3
      : s.getBoundingClientRect().width;
  }
  var MIN_OPEN = 0.75;
  var scale = null;  // null: fitted to the width
  function current() { return scale === null ? shown().getBoundingClientRect().width / natural() : scale; }
  function apply() {
    var s = shown();
    if (scale === null && (box.clientWidth - 16) / natural() < MIN_OPEN) scale = MIN_OPEN;
    box.classList.toggle("fit", scale === null);
    [svg, osvg].forEach(function (x) { if (x) x.style.width = ""; });
    s.style.width = scale === null ? "" : Math.round(natural() * scale) + "px";
    zoom.textContent = scale === null ? "Fit width" : Math.round(scale * 100) + "% · fit width";
  }
  // The minimap: the shown diagram small, with a frame where the view is; a click moves the view there.
  var minimap = document.getElementById("minimap");
  function mini() {
    if (!minimap) return;
    var s = shown();
    minimap.replaceChildren();
    var copy = s.cloneNode(true);
    copy.removeAttribute("id"); copy.style.width = "";
    copy.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
    copy.querySelectorAll("[tabindex]").forEach(function (e) { e.removeAttribute("tabindex"); });
    minimap.appendChild(copy);
    var port = document.createElement("div"); port.className = "port"; minimap.appendChild(port);
    var W = s.getBoundingClientRect().width || 1, H = s.getBoundingClientRect().height || 1;
    var k = minimap.clientWidth / W;
    port.style.left = (box.scrollLeft * k) + "px"; port.style.top = (box.scrollTop * k) + "px";
    port.style.width = Math.min(minimap.clientWidth, box.clientWidth * k) + "px";
    port.style.height = Math.min(minimap.clientHeight, box.clientHeight * k) + "px";
    minimap.hidden = W <= box.clientWidth + 2 && H <= box.clientHeight + 2;
  }
  if (minimap) minimap.addEventListener("click", function (ev) {
    var r = minimap.getBoundingClientRect(), W = shown().getBoundingClientRect().width;
    var k = W / r.width;
    box.scrollLeft = (ev.clientX - r.left) * k - box.clientWidth / 2;
    box.scrollTop = (ev.clientY - r.top) * k - box.clientHeight / 2;
    mini();
  });
  box.addEventListener("scroll", function () {
    var port = minimap && minimap.querySelector(".port");
    if (!port) return;
    var k = minimap.clientWidth / (shown().getBoundingClientRect().width || 1);
    port.style.left = (box.scrollLeft * k) + "px"; port.style.top = (box.scrollTop * k) + "px";
  });
  document.getElementById("view").addEventListener("click", function () {
    switchTo(current_view === "overview" ? "whole" : "overview");
  });
  function by(factor) { scale = Math.min(4, Math.max(0.05, current() * factor)); apply(); mini(); }
  document.getElementById("zoom-in").addEventListener("click", function () { by(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { by(0.8); });
  zoom.addEventListener("click", function () { scale = null; box.classList.add("fit"); shown().style.width = "";
    box.classList.toggle("fit", true); zoom.textContent = "Fit width"; mini(); });
  document.addEventListener("keydown", function (e) {
    if (e.target === search) return;
    if (e.key === "+" || e.key === "=") by(1.25);
    else if (e.key === "-") by(0.8);
    else if (e.key === "0") { scale = null; apply(); mini(); }
    else if (e.key === "o" && osvg) switchTo(current_view === "overview" ? "whole" : "overview");
    else if (e.key === "Escape" && pinned) pin(null);
  });
  show(null);
  switchTo(current_view);
  // Open on the first thesis: centred across, at the top.
  var first = shown().querySelector("g.node");
  if (first && box.scrollWidth > box.clientWidth) {
    var r = first.getBoundingClientRect(), c = box.getBoundingClientRect();
    box.scrollLeft += r.left - c.left - c.width / 2 + r.width / 2;
    mini();
  }
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
    return {"nodes": nodes, "folds": {}, "overview": {}}


def overview_data(diagram, data: dict) -> None:
    """Add to the page's *data* what its overview's boxes stand for: each folded box's claims (their
    number, their IN/OUT counts) and the whole map's node each shown claim is."""
    made = diagram.overview
    if made is None:
        return
    small, folded = made
    whole_ids = diagram.drawing.ids
    verdicts = {}
    for key, node_id in whole_ids.items():
        verdicts[key] = None
    labels = diagram.options.get("labels") or {}
    for key, small_id in small.drawing.ids.items():
        if key in folded:
            members = folded[key]
            counts = {}
            for k in members:
                n = diagram.graph.nodes[k]
                v = labels.get(k) if k in labels else labels.get(n.id) if n.map_id == diagram.graph.root.id else None
                if v is not None:
                    name = (getattr(v, "name", None) or str(v)).rsplit(".", 1)[-1].upper()
                    counts[name] = counts.get(name, 0) + 1
            badge = " · ".join(f"{c} {v}" for v, c in sorted(counts.items()))
            root = key[:-1]
            data["folds"][small_id] = {"root": whole_ids.get(root), "size": len(members),
                                       "members": [whole_ids[k] for k in members if k in whole_ids],
                                       "badge": badge}
        elif key in whole_ids:
            data["overview"][small_id] = whole_ids[key]


def _svg_for_html(svg: str) -> str:
    """The SVG without its XML declaration and DOCTYPE, ready to sit inside HTML."""
    svg = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", svg)
    svg = re.sub(r"^\s*<!DOCTYPE[^>]*>\s*", "", svg)
    return svg


def page(diagram) -> str:
    """The diagram as one self-contained HTML page."""
    m = diagram.map
    title = m.document.title if m.document is not None and m.document.title else m.id
    data = page_data(diagram)
    made = diagram.overview if hasattr(diagram, "overview") else None
    overview = ""
    if made is not None:
        overview_data(diagram, data)
        # Small ids in the overview's SVG must not clash with the whole map's: prefix them.
        small = _svg_for_html(made[0].svg())
        small = re.sub(r'id="([^"]+)"', r'id="o_\1"', small)
        data["folds"] = {f"o_{k}": v for k, v in data["folds"].items()}
        data["overview"] = {f"o_{k}": v for k, v in data["overview"].items()}
        overview = f'<div id="overview" class="view">\n{small}\n</div>\n'
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
<button id="view" type="button" title="the overview or the whole map (o)" hidden>Whole map</button>
</header>
<main>
<div id="diagram" class="fit">
{overview}<div id="whole" class="view">
{_svg_for_html(diagram.svg())}
</div>
<div id="minimap" title="where the view is; click to move it" hidden></div>
</div>
<aside id="panel" aria-live="polite"></aside>
</main>
<script type="application/json" id="argmap-data">{_json_for_script(data)}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""
