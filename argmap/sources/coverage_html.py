"""The coverage page: the article's text with what a map quotes and cites marked, in one HTML file.

Quoted passages are marked in one colour, sentences a claim only cites in a
lighter one; each links to the claims that use it, listed below the text
with links back.  Every footnote marker is coloured by whether a claim
cites it, and a prose paragraph nothing touches is set off in the margin.
The page needs nothing but itself: no script, no font, no image.
"""

from __future__ import annotations

import bisect
import html

from argmap.sources.coverage import Coverage, summary_lines

_STYLE = """
body { font: 16px/1.55 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 2em; }
.summary { font-family: system-ui, sans-serif; background: #f4f4f4; padding: .6em 1em; border-radius: 4px; }
.summary li { margin: .15em 0; }
p { white-space: pre-wrap; margin: 0 0 1em; padding-left: .6em; border-left: 3px solid transparent; }
p.untouched { border-left-color: #d9a400; }
p.notes { color: #555; }
a.quote, span.quote { background: #ffe16b; color: inherit; text-decoration: none; }
a.cite, span.cite { background: #d8ecff; color: inherit; text-decoration: none; }
a.quote:hover, a.cite:hover, a.quote:focus, a.cite:focus { outline: 2px solid #225; }
.marker { font-family: system-ui, sans-serif; font-size: .8em; padding: 0 .15em; border-radius: 3px; }
.marker.cited { background: #2a7d2a; color: #fff; }
.marker.uncited { background: #c0392b; color: #fff; }
.legend span { margin-right: 1em; }
.untouched-key { color: #d9a400; }
dl.claims dt { font-family: monospace; margin-top: .6em; }
dl.claims dd { margin-left: 1.5em; }
"""


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def coverage_html(cov: Coverage, title: str) -> str:
    """The whole page for *cov*, headed *title*."""
    source, text = cov.source, cov.source.text
    # Cut the text at every edge of a passage or a marker; colour each piece by what covers it.
    edges = {0, len(text)}
    for p in source.paragraphs:
        edges.update((p.start, p.end))
    for x in cov.passages:
        edges.update((x.start, x.end))
    for m in source.markers:
        edges.update((m.offset, m.end))
    cuts = sorted(edges)
    markers = {m.offset: m for m in source.markers}
    passage_at: dict[int, list[int]] = {}
    for n, x in enumerate(cov.passages):
        for i in range(_index(cuts, x.start), _index(cuts, x.end)):
            passage_at.setdefault(i, []).append(n)
    used: dict[str, list[int]] = {}  # claim id -> passages, for the links back
    for n, x in enumerate(cov.passages):
        for cid in x.claims:
            used.setdefault(cid, []).append(n)
    untouched = set(cov.prose) - cov.touched
    body: list[str] = []
    for k, para in enumerate(source.paragraphs):
        klass = "notes" if para.start >= source.body_end else ("untouched" if k in untouched else "")
        pieces = []
        for i in range(_index(cuts, para.start), _index(cuts, para.end)):
            start, end = cuts[i], cuts[i + 1]
            piece = _escape(text[start:end])
            marker = markers.get(start)
            if marker is not None and end == marker.end:
                state = "cited" if marker.label in cov.cited else "uncited"
                piece = (f'<span class="marker {state}" title="note {_escape(marker.label)}: '
                         f'{"cited" if state == "cited" else "cited by no claim"}">{piece}</span>')
            covering = [cov.passages[n] for n in passage_at.get(i, ())]
            if covering:
                kind = "quote" if any(x.kind == "quote" for x in covering) else "cite"
                ids = list(dict.fromkeys(c for x in covering for c in x.claims))
                first = min(passage_at[i])
                piece = (f'<a class="{kind}" id="p{first}-{i}" href="#claim-{_escape(ids[0])}" '
                         f'title="{"quoted" if kind == "quote" else "cited"} by {_escape(", ".join(ids))}">'
                         f'{piece}</a>')
            pieces.append(piece)
        attr = f' class="{klass}"' if klass else ""
        body.append(f'<p id="para-{k}"{attr}>{"".join(pieces)}</p>')
    claims = []
    for cid, words in cov.claims:
        back = used.get(cid, [])
        links = " ".join(f'<a href="#{_first_piece(cov, cuts, n)}">passage {j}</a>' for j, n in enumerate(back, 1))
        claims.append(f'<dt id="claim-{_escape(cid)}">{_escape(cid)}</dt><dd>{_escape(words)}'
                      f'{" — " + links if links else " — touches no passage"}</dd>')
    summary = "".join(f"<li>{_escape(line)}</li>" for line in summary_lines(cov))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Coverage: {_escape(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>Coverage: {_escape(title)}</h1>
<ul class="summary" id="summary">{summary}</ul>
<p class="legend"><span class="quote">quoted</span><span class="cite">cited</span>\
<span><span class="marker cited">n</span> marker cited</span><span><span class="marker uncited">n</span> \
marker no claim cites</span><span class="untouched-key">▍ paragraph no claim touches</span></p>
<main id="article">
{chr(10).join(body)}
</main>
<h2>Claims</h2>
<dl class="claims" id="claims">{"".join(claims)}</dl>
</body>
</html>
"""


def _index(cuts: list[int], offset: int) -> int:
    return bisect.bisect_left(cuts, offset)


def _first_piece(cov: Coverage, cuts: list[int], n: int) -> str:
    """The id of the first marked piece of passage *n* (the one the page gives it)."""
    x = cov.passages[n]
    i = _index(cuts, x.start)
    # The piece carries the id of the lowest passage covering it, which may be an earlier one.
    covering = [k for k, y in enumerate(cov.passages) if y.start <= cuts[i] < y.end]
    return f"p{min(covering)}-{i}"
