"""Hover: what a name, a citation or a rule code stands for.

On a citation, the footnote's whole text ("Ibid." followed back to its
item) and, for a quotation's citation, the passage of the article it was
found in; on a claim, thesis or argument, its text, case, speaker and
evaluation label (grounded semantics); on a case or a person, what the map
says of them; on a rule code or name in a comment, the rule's explanation.
"""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.lsp.index import Key, Occurrence, home_of, maps_of
from argmap.lsp.navigation import target
from argmap.lsp.state import Analysis
from argmap.lsp.text import word_at
from argmap.model import Argument, Claim, Map, Thesis
from argmap.resolve import resolve

_CODE = re.compile(r"[A-Z]\d{3}\Z")
CONTEXT = 120
"""Characters of the article shown on each side of a found quotation."""


def hover(a: Analysis, position: types.Position) -> types.Hover | None:
    """The hover at *position*, or None where there is nothing to say."""
    o = target(a, position)
    text = None
    if o is not None:
        text = _of_name(a, o)
    if text is None:
        text = _of_rule(a, position)
    if text is None:
        return None
    rng = a.lines.range_of(o.span, o.length) if o is not None else None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text), range=rng)


def _home(a: Analysis, key: Key) -> Map | None:
    m = a.usable
    if m is None:
        return None
    return next((x for x in maps_of(m) if home_of(x) == key.home), None)


def _of_name(a: Analysis, o: Occurrence) -> str | None:
    m = _home(a, o.key)
    if m is None:
        return None
    kind, id = o.key.kind, o.key.id
    if kind == "footnote":
        return _footnote(a, m, id, o)
    if kind == "node":
        node = m.nodes.get(id)
        return _node(a, m, node) if node is not None else f"`{id}`: no claim, thesis or argument of that name"
    if kind == "case":
        case = m.case_table.get(id)
        return (f"**case {case.id}** ({case.stance} `{case.thesis}`)\n\n{case.text}" if case is not None
                else f"`{id}`: no case of that name")
    if kind == "person":
        person = m.person_table.get(id)
        return f"**{person.kind} {person.id}**\n\n{person.name}" if person is not None else f"`{id}`: nobody of that name"
    if kind == "group":
        group = m.group_table.get(id)
        if group is None:
            return f"`{id}`: no group of that name"
        inside = f" (in `{group.parent}`)" if group.parent is not None else ""
        return f"**group {group.id}**{inside}\n\n{group.title}\n\n{len(m.members(id))} claim(s)"
    if kind == "map":
        return f"**map {m.id}**" + (f": {m.document.title}" if m.document and m.document.title else "")
    return None


def _node(a: Analysis, m: Map, node: Claim | Thesis | Argument) -> str:
    parts = []
    if isinstance(node, Thesis):
        parts.append(f"**thesis {node.id}**\n\n{node.text}")
    elif isinstance(node, Argument):
        premises = " + ".join(str(p) for p in node.premises)
        if node.attacks:
            parts.append(f"**argument {node.id}**: {premises} rebut `{node.conclusion}` together (a linked attack)")
        else:
            parts.append(f"**argument {node.id}**: {premises} → `{node.conclusion}`")
    else:
        parts.append(f"**claim {node.id}**\n\n{node.text}")
        if node.wordings:
            parts.append("also worded:\n" + "\n".join(f"- {w.text}" for w in node.wordings))
        if node.group is not None:
            group = m.group_table.get(node.group)
            parts.append(f"group: `{node.group}`" + (f", {group.title}" if group else " (not defined)"))
    case = getattr(node, "case", None)
    if case is not None:
        found = resolve(m).case_named(case)
        parts.append(f"case: `{case}`" + (f" ({found.stance} `{found.thesis}`)" if found else " (not defined)"))
    by = getattr(node, "by", None)
    if by is not None:
        person = resolve(m).person_named(by)
        parts.append(f"speaker: `{by}`" + (f", {person.name}" if person else " (not defined)"))
    label = _label(a, m, node.id)
    if label is not None:
        parts.append(f"evaluation (grounded): **{label}**")
    return "\n\n".join(parts)


def _label(a: Analysis, m: Map, id: str) -> str | None:
    """The node's grounded label in the evaluation of the document's map (computed once per version)."""
    if a.map is None:
        return None
    if "labels" not in a.memo:
        from argmap.evaluation.core import evaluate

        try:
            a.memo["labels"] = {str(k): str(getattr(v, "value", v)).upper() for k, v in evaluate(a.map).labels.items()}
        except Exception:  # noqa: BLE001 - a map the evaluation cannot take still gets the rest of its hover
            a.memo["labels"] = {}
    labels = a.memo["labels"]
    name = id if m is a.map else f"{m.id}.{id}"
    return labels.get(name)


def _footnote(a: Analysis, m: Map, label: str, o: Occurrence) -> str:
    note = m.footnote_table.get(label)
    if note is None:
        return f"`[^{label}]`: no such footnote in this map"
    parts = [f"**[^{label}]** {note.text}"]
    if note.info.ibid:
        item = m.source_note(label)
        parts.append(f"Ibid. is [^{item.label}]: {item.text}" if item is not None
                     else "Ibid. with no earlier note to repeat")
    if m is a.map and not o.definition:
        passage = _passage(a, o)
        if passage:
            parts.append(passage)
    return "\n\n".join(parts)


def _passage(a: Analysis, o: Occurrence) -> str | None:
    """Where the quotation this citation sources was found in the article, or what came closest."""
    if a.map is None or a.source is None:
        return None
    for claim in a.map.claims:
        for q in claim.quotes:
            if not any(c.span.line == o.span.line and c.span.column + 2 == o.span.column for c in q.citations):
                continue
            match = a.source.find(q.text)
            text = a.source.normalized
            if match.found and match.start is not None and match.end is not None:
                before = text[max(match.start - CONTEXT, 0):match.start]
                after = text[match.end:match.end + CONTEXT]
                line = a.source.line_at(match.start)
                return (f"found in `{a.source_name}`, line {line}:\n\n> …{before}**{text[match.start:match.end]}**"
                        f"{after}…")
            if match.closest:
                return (f"**not found** in `{a.source_name}`; closest passage (line {match.closest_line}, "
                        f"{match.score:.0f}% alike):\n\n> {match.closest}")
            return f"**not found** in {a.source_name}"
    return None


def _of_rule(a: Analysis, position: types.Position) -> str | None:
    """The explanation of a rule named by code or name in a comment under *position*."""
    from argmap.checks.rules import find_rule

    line = a.lines.line(position.line)
    column = a.lines.from_utf16(position.line, position.character)
    if "#" not in line[:column + 1]:
        return None
    found = word_at(line, column)
    if found is None:
        return None
    word = found[0]
    r = find_rule(word) if _CODE.match(word) or "-" in word else None
    if r is None:
        return None
    body = "\n\n".join(f"*{title}*: {r.section(title)}" for title in ("What it finds", "Why it matters")
                       if r.section(title))
    return f"**{r.code} {r.name}** ({r.severity})\n\n{r.summary}\n\n{body}".rstrip()
