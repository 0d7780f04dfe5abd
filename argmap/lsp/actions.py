"""Code actions: quick fixes for the findings that have one obvious fix, and renumbering footnotes.

- C101: add a stub for the missing footnote at the end of the footnotes;
- C108: put the article's exact wording in place of a quotation that is
  close to it (at least :data:`CLOSE_ENOUGH` percent alike);
- any finding: acknowledge it with ``# argmap: ignore[CODE] reason: ...``
  above its statement (the reason is left for the author to write);
- anywhere: renumber the numbered footnotes in the order they are first
  cited, moving their definitions into that order.
"""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.checks.rules.footnotes import STUB
from argmap.lsp.outline import extents
from argmap.lsp.state import Analysis, uri_of
from argmap.lsp.text import ranges_overlap
from argmap.model import Map

CLOSE_ENOUGH = 85.0
"""How alike (percent, rapidfuzz's partial ratio) a quotation and a passage must be to offer the passage."""
REASON = "say why this is right"
RENUMBER = "Renumber footnotes in citation order"


def code_actions(a: Analysis, where: types.Range, context: types.CodeActionContext) -> list[types.CodeAction]:
    """The actions offered for *where* and the diagnostics the client sends with it."""
    m = a.map
    if m is None or a.path is None:
        return []
    uri = uri_of(a.path)
    out: list[types.CodeAction] = []
    for d in context.diagnostics:
        if d.source != "argmap" or not isinstance(d.code, str) or not ranges_overlap(d.range, where):
            continue
        if d.code == "C101":
            out += _stub(a, m, uri, d)
        if d.code == "C108":
            out += _exact_wording(a, m, uri, d)
        out.append(_acknowledge(a, uri, d))
    renumber = renumbering(a, m, uri)
    if renumber is not None:
        out.append(renumber)
    return out


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _at(line: int, character: int = 0) -> types.Range:
    p = types.Position(line=line, character=character)
    return types.Range(start=p, end=p)


def _stub(a: Analysis, m: Map, uri: str, d: types.Diagnostic) -> list[types.CodeAction]:
    found = re.search(r"\[\^([^\]\s]+)\]", d.message)
    if found is None:
        return []
    label = found.group(1)
    stub = f"  [^{label}]: {STUB.format(label=label)}\n"  # the stub check --fix writes; C114 reports it
    if m.footnotes:
        ends = extents(m, a.lines)
        last = max(m.footnotes, key=lambda n: n.span.line)
        line = ends.get(last.span.line, last.span.line)  # 1-based last line: insert after it
        edit = types.TextEdit(range=_at(line), new_text=stub)
        if line >= len(a.lines.lines):
            edit = types.TextEdit(range=_at(line - 1, a.lines.to_utf16(line - 1, len(a.lines.line(line - 1)))),
                                  new_text="\n" + stub.rstrip("\n"))
    else:
        end = len(a.lines.lines) - 1
        edit = types.TextEdit(range=_at(end, a.lines.to_utf16(end, len(a.lines.line(end)))),
                              new_text=("\n" if a.lines.line(end) else "") + "\nfootnotes\n" + stub.rstrip("\n"))
    return [types.CodeAction(title=f"Add a stub for footnote [^{label}]", kind=types.CodeActionKind.QuickFix,
                             diagnostics=[d], edit=_edit(uri, [edit]), is_preferred=True)]


def _exact_wording(a: Analysis, m: Map, uri: str, d: types.Diagnostic) -> list[types.CodeAction]:
    if a.source is None:
        return []
    line = d.range.start.line
    for claim in m.claims:
        for q in claim.quotes:
            if q.span.line - 1 != line:
                continue
            match = a.source.find(q.text)
            passage = (match.closest or "").strip(" \"'")  # as C108's hint shows it
            if match.found or not passage or match.score < CLOSE_ENOUGH or '"' in passage or "\\" in passage:
                continue
            text = a.lines.line(line)
            literal = re.search(r'"(?:[^"\\\n]|\\.)*"', text[q.span.column - 1:])
            if literal is None:
                continue
            start = q.span.column - 1 + literal.start() + 1
            end = q.span.column - 1 + literal.end() - 1
            rng = types.Range(start=types.Position(line=line, character=a.lines.to_utf16(line, start)),
                              end=types.Position(line=line, character=a.lines.to_utf16(line, end)))
            return [types.CodeAction(
                title=f"Quote the article exactly: \"{passage[:60]}{'…' if len(passage) > 60 else ''}\"",
                kind=types.CodeActionKind.QuickFix, diagnostics=[d], is_preferred=True,
                edit=_edit(uri, [types.TextEdit(range=rng, new_text=passage)]))]
    return []


def _acknowledge(a: Analysis, uri: str, d: types.Diagnostic) -> types.CodeAction:
    """``# argmap: ignore[CODE] reason: ...`` on its own line above the statement the finding is on."""
    line = d.range.start.line
    while line > 0 and a.lines.line(line - 1).rstrip().endswith("\\"):  # a continuation: go to its first line
        line -= 1
    text = a.lines.line(line)
    indent = text[:len(text) - len(text.lstrip())]
    comment = f"{indent}# argmap: ignore[{d.code}] reason: {REASON}\n"
    return types.CodeAction(title=f"Acknowledge {d.code} here, with a reason", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[d], edit=_edit(uri, [types.TextEdit(range=_at(line), new_text=comment)]))


def renumbering(a: Analysis, m: Map, uri: str) -> types.CodeAction | None:
    """Numbered footnotes relabelled 1, 2, 3... in the order first cited, definitions moved into that order.

    None when they already are, or when the map has notes not numbered
    (``[^*1]``), which the renumbering could not place.
    """
    if not m.footnotes or any(n.number is None for n in m.footnotes):
        return None
    names = sorted((o for o in a.names if o.key.kind == "footnote"), key=lambda o: (o.span.line, o.span.column))
    order: list[str] = []
    for o in names:
        if not o.definition and o.key.id in m.footnote_table and o.key.id not in order:
            order.append(o.key.id)
    order += [n.label for n in m.footnotes if n.label not in order]
    new = {label: str(i) for i, label in enumerate(order, 1)}
    defined = [n.label for n in m.footnotes]
    if all(new[label] == label for label in order) and defined == sorted(defined, key=int):
        return None
    edits = [types.TextEdit(range=a.lines.range_of(o.span, o.length), new_text=new[o.key.id])
             for o in names if not o.definition and o.key.id in new and new[o.key.id] != o.key.id]
    edits += _reordered(a, m, new)
    return types.CodeAction(title=RENUMBER, kind=types.CodeActionKind.Source, edit=_edit(uri, edits))


def _reordered(a: Analysis, m: Map, new: dict[str, str]) -> list[types.TextEdit]:
    """The footnote definitions, relabelled, rewritten in their new order (one edit over the block)."""
    ends = extents(m, a.lines)
    blocks = []
    for n in m.footnotes:
        first, last = n.span.line, ends.get(n.span.line, n.span.line)
        while first - 1 > 0 and a.lines.line(first - 2).lstrip().startswith("#"):
            first -= 1  # a comment just above a note travels with it
        lines = [a.lines.line(i - 1) for i in range(first, last + 1)]
        k = n.span.line - first
        head = lines[k]
        column = n.span.column - 1
        lines[k] = head[:column] + f"[^{new[n.label]}]:" + head[column + len(n.label) + 4:]
        blocks.append((int(new[n.label]), first, last, lines))
    start, end = min(b[1] for b in blocks), max(b[2] for b in blocks)
    covered = sum(b[2] - b[1] + 1 for b in blocks)
    if covered != end - start + 1:  # something else between the notes: relabel them in place
        return [types.TextEdit(range=a.lines.range_of(n.span.__class__(n.span.line, n.span.column + 2), len(n.label)),
                               new_text=new[n.label]) for n in m.footnotes if new[n.label] != n.label]
    blocks.sort()
    body = "".join(line + "\n" for b in blocks for line in b[3])
    rng = types.Range(start=types.Position(line=start - 1, character=0), end=types.Position(line=end, character=0))
    if end >= len(a.lines.lines):
        body = body.rstrip("\n")
        last = len(a.lines.lines) - 1
        rng = types.Range(start=rng.start, end=types.Position(line=last, character=a.lines.to_utf16(last, len(a.lines.line(last)))))
    return [types.TextEdit(range=rng, new_text=body)]
