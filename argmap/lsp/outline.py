"""The document's shape: outline symbols, folding ranges and semantic tokens.

Semantic tokens come from the Pygments lexer (:mod:`argmap.integrations.lexer`),
whose word table is the grammar's: the editor colours what ``pygmentize``
and the docs colour, the same way.
"""

from __future__ import annotations

from lsprotocol import types
from pygments.token import Comment, Keyword, Literal, Name, Operator, String, _TokenType

from argmap.lsp.state import Analysis
from argmap.lsp.text import Lines
from argmap.model import Argument, Case, Claim, Footnote, Map, Person, Thesis, Use

# token types in the legend's order; standard LSP 3.17 names, so every theme colours them
TOKEN_TYPES = ("keyword", "function", "variable", "namespace", "string", "comment", "number", "operator",
               "macro", "type", "property")
TOKEN_MODIFIERS = ("declaration",)
LEGEND = types.SemanticTokensLegend(token_types=list(TOKEN_TYPES), token_modifiers=list(TOKEN_MODIFIERS))

_BY_TOKEN: tuple[tuple[_TokenType, str, int], ...] = (
    (Keyword, "keyword", 0),
    (Name.Function, "function", 1),
    (Name.Namespace, "namespace", 0),
    (Name.Variable, "variable", 0),
    (Name.Label, "macro", 0),
    (Name.Tag, "type", 0),
    (Name.Attribute, "property", 0),
    (String, "string", 0),
    (Comment, "comment", 0),
    (Literal.Date, "number", 0),
    (Literal.Number, "number", 0),
    (Operator, "operator", 0),
)


def _kind_of(token: _TokenType) -> tuple[int, int] | None:
    for parent, name, modifiers in _BY_TOKEN:
        if token in parent:
            return TOKEN_TYPES.index(name), modifiers
    return None


def semantic_tokens(text: str) -> types.SemanticTokens:
    """The coloured words of *text*, relative-encoded as LSP 3.17 asks (line, start, length deltas)."""
    from argmap.integrations.lexer import ArgmapLexer

    lines = Lines.of(text)
    data: list[int] = []
    last_line = last_start = 0
    line = 0
    line_start = 0
    for offset, token, value in ArgmapLexer(stripnl=False, ensurenl=False).get_tokens_unprocessed(text):
        kind = _kind_of(token)
        pieces = value.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                line += 1
                line_start = offset + sum(len(p) + 1 for p in pieces[:i])
            column = (offset - line_start) if i == 0 else 0
            if kind is None or not piece.strip():
                continue
            start = lines.to_utf16(line, column)
            length = lines.to_utf16(line, column + len(piece)) - start
            data += [line - last_line, start - last_start if line == last_line else start, length, *kind]
            last_line, last_start = line, start
    return types.SemanticTokens(data=data)


def extents(m: Map, lines: Lines) -> dict[int, int]:
    """Each statement's last line (1-based) by its first: up to the next statement, blank and comment lines left out."""
    starts = sorted({s.span.line for s in m.statements()} | {s.line for s in m.footnotes_spans})
    out: dict[int, int] = {}
    for i, start in enumerate(starts):
        end = (starts[i + 1] - 1) if i + 1 < len(starts) else len(lines.lines)
        while end > start and (not lines.line(end - 1).strip() or lines.line(end - 1).lstrip().startswith("#")):
            end -= 1
        out[start] = end
    return out


def folding(a: Analysis) -> list[types.FoldingRange]:
    """Folds for the header, each statement over several lines, the footnotes and runs of comment lines."""
    m = a.usable
    if m is None:
        return []
    ends = extents(m, a.lines)
    found: list[types.FoldingRange] = []
    for start, end in ends.items():
        if end > start:
            found.append(types.FoldingRange(start_line=start - 1, end_line=end - 1))
    if m.document is not None and m.document.close_span.line > m.document.span.line:
        found.append(types.FoldingRange(start_line=m.document.span.line - 1, end_line=m.document.close_span.line - 1))
    for heading in m.footnotes_spans:
        notes = [n for n in m.footnotes if n.span.line > heading.line]
        if notes:
            last = max(n.span.line for n in notes)
            found.append(types.FoldingRange(start_line=heading.line - 1, end_line=ends.get(last, last) - 1))
    run: list[int] = []
    for number, text in enumerate([*a.lines.lines, ""]):
        if text.lstrip().startswith("#"):
            run.append(number)
            continue
        if len(run) > 1:
            found.append(types.FoldingRange(start_line=run[0], end_line=run[-1],
                                            kind=types.FoldingRangeKind.Comment))
        run = []
    unique = {(f.start_line, f.end_line): f for f in found}
    return [unique[k] for k in sorted(unique)]


_KINDS = {Thesis: types.SymbolKind.Interface, Case: types.SymbolKind.Class, Claim: types.SymbolKind.Function,
          Argument: types.SymbolKind.Operator, Person: types.SymbolKind.Constant, Footnote: types.SymbolKind.Key,
          Use: types.SymbolKind.Module}


def symbols(a: Analysis) -> list[types.DocumentSymbol]:
    """The outline: theses with their cases and each case's claims; claims without a case; persons; footnotes."""
    m = a.usable
    if m is None:
        return []
    ends = extents(m, a.lines)

    def symbol(item, name: str, detail: str, children=None) -> types.DocumentSymbol:
        start = item.span.line
        whole = types.Range(start=types.Position(line=start - 1, character=0),
                            end=types.Position(line=ends.get(start, start) - 1,
                                               character=a.lines.to_utf16(ends.get(start, start) - 1, 10 ** 6)))
        length = len(item.label) + 3 if isinstance(item, Footnote) else len(name)
        pick = a.lines.range_of(item.span.__class__(item.span.line, item.span.column), length)
        pick = pick if _inside(pick, whole) else whole
        return types.DocumentSymbol(name=name, detail=_short(detail), kind=_KINDS[type(item)], range=whole,
                                    selection_range=pick, children=children or None)

    by_case: dict[str, list] = {}
    loose = []
    for item in (*m.claims, *m.arguments):
        if item.case is not None and item.case.map is None and item.case.id in m.case_table:
            by_case.setdefault(item.case.id, []).append(item)
        else:
            loose.append(item)

    def claim(item) -> types.DocumentSymbol:
        return symbol(item, item.id, getattr(item, "text", "") or "argument")

    cases = {c.id: symbol(c, c.id, f"{c.stance} {c.thesis}: {c.text}", [claim(x) for x in by_case.get(c.id, [])])
             for c in m.cases if m.case_table.get(c.id) is c}
    out = []
    placed = set()
    for t in m.theses:
        children = [cases[c.id] for c in m.cases if c.id in cases and c.thesis.map is None and c.thesis.id == t.id]
        placed.update(id(x) for x in children)
        out.append(symbol(t, t.id, t.text, children))
    out += [s for s in cases.values() if id(s) not in placed]
    out += [claim(x) for x in loose]
    out += [symbol(p, p.id, p.name) for p in m.persons]
    out += [symbol(n, f"[^{n.label}]", n.text) for n in m.footnotes]
    return sorted(out, key=lambda s: (s.range.start.line, s.range.start.character))


def _inside(inner: types.Range, outer: types.Range) -> bool:
    return ((outer.start.line, outer.start.character) <= (inner.start.line, inner.start.character)
            and (inner.end.line, inner.end.character) <= (outer.end.line, outer.end.character))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:117] + "…"
