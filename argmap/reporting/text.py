"""The text report: what ``argmap check`` prints on a terminal.

Each finding is ``path:line:col: CODE [severity] message``, then, with
``show_source``, the line it points into with a caret under the column
(as compilers show it), then the hint.  Acknowledged findings follow when
asked for, each with its reason; then the counts per rule when asked for;
then the one-line summary.  Without colour and source the findings read
exactly as :meth:`Diagnostic.format` writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic, Severity
from argmap.reporting import Options, statistics
from argmap.reporting.colour import Palette

if TYPE_CHECKING:
    from argmap.checks.paths import CheckReport


class Sources:
    """The lines of the files findings point into, each file read once (None when it cannot be read)."""

    def __init__(self, given: Mapping[str, str]):
        self._lines: dict[str, list[str] | None] = {path: text.splitlines() for path, text in given.items()}

    def line(self, path: str, number: int) -> str | None:
        """Line *number* (1-based) of *path*, or None."""
        if path not in self._lines:
            try:
                self._lines[path] = Path(path).read_text(encoding="utf-8").removeprefix("\ufeff").splitlines()
            except (OSError, UnicodeDecodeError):
                self._lines[path] = None
        lines = self._lines[path]
        return lines[number - 1] if lines is not None and 1 <= number <= len(lines) else None


def snippet(d: Diagnostic, line: str, palette: Palette) -> list[str]:
    """The source *line* of *d* with its number, and a caret under the span's columns."""
    number = str(d.span.line)
    gutter = " " * len(number)
    start = max(d.span.column, 1)
    width = 1
    if d.span.end_line in (None, d.span.line) and d.span.end_column and d.span.end_column > start:
        width = d.span.end_column - start
    width = max(1, min(width, len(line) - start + 1)) if len(line) >= start else 1
    # keep the line's tabs in the caret line, so the caret stands under the character on any tab width
    lead = "".join(c if c == "\t" else " " for c in line[:start - 1]).ljust(start - 1)
    return [f"  {palette.dim(number + ' |')} {line}",
            f"  {palette.dim(gutter + ' |')} {lead}{palette.severity('^' * width, d.severity)}"]


def head(d: Diagnostic, palette: Palette, tag: str | None = None) -> str:
    """The first line of a finding: where, the code, the severity (or *tag*) and the message."""
    where = palette.bold(f"{d.path}:{d.span.line}:{d.span.column}:")
    label = f"[{tag}]" if tag else f"[{d.severity}]"
    marked = palette.acknowledged(label) if tag else palette.severity(label, d.severity)
    return f"{where} {palette.bold(d.code)} {marked} {d.message}"


def _hint(text: str, label: str, palette: Palette) -> str:
    return f"  {palette.good(label + ':')} " + text.replace("\n", "\n    ")


def text_report(report: CheckReport, options: Options) -> str:
    """*report* as text, as ``argmap check`` prints it (``options.quiet``: the summary and statistics only)."""
    palette = Palette(options.colour)
    sources = Sources(options.sources)
    out: list[str] = []

    def finding(d: Diagnostic, tag: str | None = None, reason: str | None = None) -> None:
        out.append(head(d, palette, tag))
        line = sources.line(d.path, d.span.line) if options.show_source else None
        if line is not None:
            out.extend(snippet(d, line, palette))
        if reason is not None:
            out.append(_hint(reason, "reason", palette))
        elif d.hint:
            out.append(_hint(d.hint, "hint", palette))

    if not options.quiet:
        for d in report.diagnostics:
            finding(d)
    if options.show_acknowledged:
        for a in report.acknowledged:
            finding(a.diagnostic, "acknowledged", a.reason)
    if options.statistics:
        out.extend(statistics_table(report, palette))
    clean = not report.diagnostics
    out.append(palette.good(report.summary) if clean else _summary(report, palette))
    return "\n".join(out) + "\n"


def statistics_table(report: CheckReport, palette: Palette) -> list[str]:
    """One line a rule with findings: how many, its code, its name, its severity."""
    rows = statistics(report)
    if not rows:
        return ["no findings"]
    width = max(len(str(n)) for _, _, n in rows)
    names = max(len(name) for _, name, _ in rows)
    severity = {d.code: d.severity for d in report.diagnostics}
    return [f"{n:>{width}}  {palette.bold(code)}  {name:<{names}}  "
            f"{palette.severity('[' + str(severity[code]) + ']', severity[code])}" for code, name, n in rows]


def _summary(report: CheckReport, palette: Palette) -> str:
    worst = max(d.severity for d in report.diagnostics)
    return palette.severity(report.summary, worst) if worst >= Severity.WARNING else report.summary
