"""A brief written as one self-contained HTML page: inline CSS, no scripts, nothing fetched."""

from __future__ import annotations

import html

from argmap.briefing.document import Brief, Card, Heading, ItemList, Paragraph

_CSS = """\
body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1,h2,h3{font-family:system-ui,sans-serif;line-height:1.2}
h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
li{margin:.25em 0}
a.ref{text-decoration:none;font-size:.85em;vertical-align:super}
ol.sources li:target{background:#ffd}
.card{border-left:3px solid #888;padding:.2em 0 .2em 1em;margin:1em 0}
.tag{font-weight:bold;margin:0}.cite{font-size:.9em;margin:.2em 0}
.card blockquote{margin:.4em 0;font-size:.85em;color:#444}
.card mark{background:#ff6;color:#000;font-size:1.15em;text-decoration:underline}
.flag{color:#8a1c00;font-weight:bold}
"""


def _html_inline(parts) -> str:
    out = []
    for kind, value in parts:
        if kind == "t":
            out.append(html.escape(value, quote=False))
        elif kind == "em":
            out.append(f"<q>{html.escape(value.strip('“”'), quote=False)}</q>")
        elif kind == "b":
            out.append(f"<strong>{html.escape(value, quote=False)}</strong>")
        else:
            out.append(f' <a class="ref" href="#source-{value}">[{value}]</a>')
    return "".join(out)


def _html_list(lst: ItemList, out: list[str]) -> None:
    """The list as ``<ul>``/``<ol>``, nested lists inside their ``<li>``: depth first, without recursion."""
    todo: list = [lst]  # lists still to write, and lines to write as they are
    while todo:
        entry = todo.pop()
        if isinstance(entry, str):
            out.append(entry)
            continue
        tag = "ol" if entry.ordered else "ul"
        out.append(f"<{tag}>")
        then: list = []
        for item in entry.items:
            then.append("<li>" + _html_inline(item.parts))
            then.extend(item.children)
            then.append("</li>")
        then.append(f"</{tag}>")
        todo.extend(reversed(then))


def _html_card(card: Card) -> str:
    """A card as a ``<div class="card">``: tag, cite, findings, the passage with the quoted words marked."""
    out = ['<div class="card">', f'<p class="tag">{_html_inline(card.tag)}</p>',
           f'<p class="cite">{_html_inline(card.cite)}</p>']
    out += [f'<p class="flag">⚠ {html.escape(f, quote=False)}</p>' for f in card.flags]
    if card.text:
        body = "".join(f"<mark>{html.escape(t, quote=False)}</mark>" if marked else html.escape(t, quote=False)
                       for t, marked in card.text)
        out.append("<blockquote><p>" + body.strip().replace("\n", "<br>\n") + "</p></blockquote>")
    out.append("</div>")
    return "\n".join(out)


def to_html(b: Brief) -> str:
    """The brief as one self-contained HTML page: inline CSS, no scripts, nothing fetched."""
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{html.escape(b.title)}</title>", f"<style>\n{_CSS}</style>", "</head>", "<body>", "<main>"]
    for block in b.blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{html.escape(block.text, quote=False)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{_html_inline(block.parts)}</p>")
        elif isinstance(block, Card):
            out.append(_html_card(block))
        else:
            _html_list(block, out)
    out.append("<h2>Sources</h2>")
    if not b.sources:
        out.append("<p>No footnote is cited in this brief.</p>")
    else:
        out.append('<ol class="sources">')
        for s in b.sources:
            out.append(f'<li id="source-{s.number}">{html.escape(s.text, quote=False)} '
                       f'({html.escape("; ".join(s.notes), quote=False)})</li>')
        out.append("</ol>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
