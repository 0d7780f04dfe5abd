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
from importlib import resources

from argmap.rendering.debate import links


def _asset(name: str) -> str:
    """A file of the page kept beside this module (its CSS and script), as text."""
    return resources.files("argmap.rendering").joinpath(name).read_text(encoding="utf-8")


#: The page's style and script, read once: package data, so they install with the wheel.
CSS = _asset("page.css")
SCRIPT = _asset("page.js")


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
            person = node.person
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
            text = (f"{' + '.join(str(p) for p in item.premises)} rebut {item.conclusion} (premises that attack only "
                    "together)" if item.attacks else
                    f"{' + '.join(str(p) for p in item.premises)} → {item.conclusion} (premises that support only together)")
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
    return {"nodes": nodes, "folds": {}, "overview": {}, "stubs": dict(getattr(drawing, "stubs", {})),
            "opening": {"whole": _opening(drawing), "overview": None}}


def _opening(drawing) -> str | None:
    """The DOT id of the node a page opens on, the map's first thesis; when the map has none of its own
    (the debate, whose theses are its articles'), the first thesis of the most linked article in the top
    row of articles; None when there is none either: the page then opens on the middle of the diagram."""
    g = drawing.graph
    own = [k for k, n in g.nodes.items() if n.kind == "thesis" and n.map_id == g.root.id]
    if own:
        return drawing.ids.get(own[0])
    top = drawing.rows[0] if getattr(drawing, "rows", ()) else ()
    linked = {map_id: 0 for map_id in top}
    for i in links(g):
        for map_id in {g.nodes[k].map_id for k in g.edges[i].ends}:
            if map_id in linked:
                linked[map_id] += 1
    for map_id in sorted(linked, key=lambda k: -linked[k]):  # stable: the row's own order among equals
        theses = [k for k, n in g.nodes.items() if n.kind == "thesis" and n.map_id == map_id]
        if theses:
            return drawing.ids.get(theses[0])
    return None


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
    # A stub of the overview names a claim of the overview: the page goes to that claim in the whole map.
    back = {small_id: whole_ids.get(key) for key, small_id in small.drawing.ids.items()}
    data["ostubs"] = {stub: back[named] for stub, named in small.drawing.stubs.items() if back.get(named)}
    data["opening"]["overview"] = _opening(small.drawing)


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
        data["stubs"].update({f"o_{k}": v for k, v in data.pop("ostubs", {}).items()})
        if data["opening"]["overview"]:
            data["opening"]["overview"] = "o_" + data["opening"]["overview"]
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
