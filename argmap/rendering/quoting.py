r"""User text as DOT that Graphviz shows literally, and DOT attribute lists.

Every piece of user text goes into plain (not HTML-like) DOT labels:
HTML-like labels need Graphviz's XML parser, which the embedded renderer
lacks.  A line is made literal in three steps: characters XML cannot carry
become U+FFFD (an SVG could not hold them); ``&`` becomes ``&amp;``
(Graphviz decodes entities in labels); backslashes are doubled, as
``graphviz.escape`` does, so that ``\l`` or ``\N`` stay text.  Lines are
joined with ``\n`` after escaping, and the label is quoted the way
``graphviz.quoting.quote`` quotes a ``graphviz.nohtml`` string.

Escape strings and the DOT grammar: https://graphviz.org/doc/info/attrs.html#k:escString
and https://graphviz.org/doc/info/lang.html.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import graphviz

# Characters XML 1.0 cannot carry (and C1 controls): shown as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """*text* with characters an SVG cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def dot_text(line: str) -> str:
    """One line of user text as DOT label text that Graphviz shows literally."""
    return graphviz.escape(clean(line).replace("&", "&amp;"))


def dot_label(lines: Sequence[str]) -> str:
    """Lines of user text as one centred DOT label (never read as an HTML-like label), for graphviz's API."""
    return graphviz.nohtml("\\n".join(dot_text(line) for line in lines))


def label_text(lines: Sequence[str]) -> str:
    """``"\\n".join(dot_text(line) for line in lines)``: the same text, escaping the whole label at once."""
    joined = "\n".join(lines)
    if joined.count("\n") != len(lines) - 1:  # a line holds a newline of its own: one line at a time
        return "\\n".join(dot_text(line) for line in lines)
    if not joined.isascii() or _NOT_XML.search(joined):
        joined = _NOT_XML.sub("\ufffd", joined)
    if "&" in joined:
        joined = joined.replace("&", "&amp;")
    if "\\" in joined:
        joined = joined.replace("\\", "\\\\")
    return joined.replace("\n", "\\n")


# DOT's ID grammar (lang.html): a name or a numeral, needing no quotes; the ASCII part of it, as
# graphviz.quoting.quote reads it.  Its keywords, in any case, must be quoted.
_PLAIN_ID = re.compile(r"(?:[a-zA-Z_][a-zA-Z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?))\Z")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


def quote_label(text: str) -> str:
    r"""*text* from :func:`label_text` as a DOT string: what ``graphviz.quoting.quote(graphviz.nohtml(text))``
    writes for it.

    Our own because graphviz has no public function for text already escaped, and its ``quote`` runs
    three regular expressions over every label to find out what is known here: in text whose
    backslashes are all doubled every ``"`` is unescaped and no label ends in a lone backslash, so
    quoting is one replacement (a big diagram has tens of thousands of labels).
    """
    if " " not in text and "\\" not in text and _PLAIN_ID.match(text) and text.lower() not in _KEYWORDS:
        return text  # a one-word label (a claim with no text): no id has a space, nor a label of two lines
    return '"' + (text.replace('"', '\\"') if '"' in text else text) + '"'


_ID_SLOT = "argmap_id_slot"  # a plain DOT id, which quoting leaves as it is


def around_id(attributes: Mapping[str, str]) -> tuple[str, str]:
    """What graphviz writes inside ``[...]`` for *attributes* and an ``id``, cut where the id goes.

    A node or edge statement is then ``before + id + after`` for any plain DOT id (``n12``, ``e7_2``):
    the attributes most statements share are quoted once, not once per statement.
    """
    before, after = graphviz.quoting.attr_list(kwargs={**attributes, "id": _ID_SLOT})[2:-1].split(_ID_SLOT)
    return before, after
