"""The SVG Graphviz wrote, styled: a CSS class on each label line saying what it is.

Graphviz draws plain labels in one font; the roles of the lines
(:mod:`argmap.rendering.node_text`) make ids small and grey, quotations
italic and the checker's problems red.  Done on the SVG, not with HTML-like
labels, so that the embedded renderer (which has no XML parser for them)
gives the same picture as the system ``dot``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

SVG_STYLE = """<style type="text/css">
.argmap-meta { fill: #555555; font-size: 11px; }
.argmap-quote { font-style: italic; }
.argmap-by { fill: #333333; }
.argmap-diag { fill: #B2182B; font-weight: bold; }
</style>
"""
_NODE_GROUP = re.compile(r'<g id="([^"]+)" class="node">(.*?)</g>', re.DOTALL)


def style_svg(svg: str, roles: Mapping[str, Sequence[str]]) -> str:
    """The SVG Graphviz wrote, with a CSS class on each label line saying its role.

    Graphviz writes one ``<text>`` per label line, in order, inside the
    node's group; the class makes ids small and grey and quotations italic.
    """
    def one(match: re.Match) -> str:
        line_roles = list(roles.get(match.group(1), ()))
        if not line_roles:
            return match.group(0)

        def tag(_: re.Match) -> str:
            if not line_roles:
                return "<text "
            classes = " ".join(f"argmap-{r}" for r in line_roles.pop(0).split())
            return f'<text class="{classes}" '
        return f'<g id="{match.group(1)}" class="node">' + re.sub(r"<text ", tag, match.group(2)) + "</g>"

    svg = _NODE_GROUP.sub(one, svg)
    start = svg.find("<svg")
    end = svg.find(">", start) + 1 if start >= 0 else 0
    return svg[:end] + "\n" + SVG_STYLE + svg[end:]
