"""argmap's diagnostics as LSP diagnostics: code, a link to the rule's docs, related places.

Related information (LSP 3.17, ``DiagnosticRelatedInformation``) is read
from what a finding names: the claims of a support circle, the first note
of a repeated source, the line of a first definition.  Findings about a
map this one uses are shown on the ``use`` line that brings it in.
"""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types

from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.lsp.index import Occurrence
from argmap.lsp.state import Analysis, uri_of

SOURCE = "argmap"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_LABEL = re.compile(r"\[\^([^\]\s]+)\]")
_LINE = re.compile(r"\bline (\d+)\b")
_NAME = re.compile(r"[A-Za-z_][\w-]*")
_MAX_RELATED = 8


def docs_link(code: str, base: str | None) -> str | None:
    """The address of *code*'s entry in the rule reference under *base*, or None without a base.

    The anchors are those docs/rules.md gives each rule: ``#c101-undefined-footnote``.
    """
    from argmap.diagnostics import CODES

    entry = CODES.get(code)
    if base is None or entry is None:
        return None
    return f"{base}#{code.lower()}-{entry.name}"


def default_docs() -> str | None:
    """The rule reference of a source checkout (docs/rules.md beside the package), as a file URI, if present."""
    here = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    return here.as_uri() if here.is_file() else None


def to_lsp(a: Analysis, docs: str | None = None) -> list[types.Diagnostic]:
    """Every diagnostic of *a*, as the client shows them."""
    own = a.path or a.uri
    out = []
    for d in a.diagnostics:
        span, message = d.span, d.message
        if _other_file(d, own):
            span, message = _use_line(a, d), f"{d.path}:{d.span}: {d.message}"
        full = f"{message}\nhint: {d.hint}" if d.hint else message
        link = docs_link(d.code, docs)
        out.append(types.Diagnostic(
            range=a.lines.range_of(span),
            message=full,
            severity=_SEVERITY[d.severity],
            code=d.code,
            code_description=types.CodeDescription(href=link) if link else None,
            source=SOURCE,
            related_information=_related(a, d, span) or None,
            data={"name": d.name},
        ))
    return out


def _other_file(d: Diagnostic, own: str) -> bool:
    if d.path == own:
        return False
    try:
        return Path(d.path).resolve() != Path(own).resolve()
    except (OSError, ValueError):
        return True


def _use_line(a: Analysis, d: Diagnostic) -> Span:
    """Where a finding about a used map shows: the ``use`` that (directly or not) brings it in."""
    m = a.usable
    if m is None or not m.uses:
        return Span(1, 1)
    from argmap.lsp.index import maps_of

    target = Path(d.path).resolve()
    for use in m.uses:
        used = m.imports.get(use.id)
        if used is not None and any(x.path and Path(x.path).resolve() == target for x in maps_of(used)):
            return use.span
    return m.uses[0].span


def _related(a: Analysis, d: Diagnostic, at: Span) -> list[types.DiagnosticRelatedInformation]:
    """The other places a finding names: claims, footnotes, the line of a first definition."""
    if a.map is None or a.path is None:
        return []
    uri = uri_of(a.path)
    text = f"{d.message} {d.hint or ''}"
    defined = {o.key.id: o for o in a.names if o.definition and o.key.kind == "node"}
    notes = {o.key.id: o for o in a.names if o.definition and o.key.kind == "footnote"}
    places: list[tuple[Occurrence | int, str]] = []
    for label in _LABEL.findall(text):
        if label in notes:
            places.append((notes[label], f"footnote [^{label}]"))
    for name in dict.fromkeys(_NAME.findall(d.message)):
        if name in defined:
            places.append((defined[name], name))
    for line in _LINE.findall(text):
        places.append((int(line), f"line {line}"))
    out, seen = [], {(at.line, at.column)}
    for place, what in places:
        span = Span(place, 1) if isinstance(place, int) else place.span
        length = 1 if isinstance(place, int) else place.length
        if (span.line, span.column) in seen or span.line == at.line:  # its own line is no other place
            continue
        seen.add((span.line, span.column))
        out.append(types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=a.lines.range_of(span, length)), message=what))
        if len(out) >= _MAX_RELATED:
            break
    return out
