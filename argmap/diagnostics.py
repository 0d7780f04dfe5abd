"""Diagnostics: what every stage reports, in one shape.

A diagnostic prints as ``path:line:col: CODE [severity] message`` with an
optional hint on the next line, and serialises to JSON with the same fields.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from typing import NamedTuple

import attrs


class Severity(enum.IntEnum):
    """How serious a finding is; higher is worse."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        """The severity called *name* (``error``, ``warning`` or ``info``)."""
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {name!r}: use error, warning or info"
            ) from None


class Span(NamedTuple):
    """Where something was written: 1-based line and column, end exclusive.

    A named tuple rather than an attrs class: the parser makes one for every
    name it reads, and this is the cheapest immutable value Python has.
    """

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


NOWHERE = Span(1, 1)


@attrs.frozen(order=False)
class Diagnostic:
    """One finding about one place in one file."""

    path: str
    span: Span
    code: str
    name: str
    severity: Severity
    message: str
    hint: str | None = None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code, self.message)

    def format(self) -> str:
        """The diagnostic as the CLI prints it (one or two lines)."""
        head = (
            f"{self.path}:{self.span.line}:{self.span.column}: "
            f"{self.code} [{self.severity}] {self.message}"
        )
        if self.hint:
            hint = self.hint.replace("\n", "\n    ")
            return f"{head}\n  hint: {hint}"
        return head

    __str__ = format

    def to_dict(self) -> dict:
        """The diagnostic as a JSON-ready dictionary."""
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
        }


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in file, line, column order, duplicates removed."""
    seen = set()
    unique = []
    for d in diagnostics:
        key = (d.path, d.span.line, d.span.column, d.code, d.message)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return sorted(unique, key=Diagnostic.sort_key)


def summarize(diagnostics: Iterable[Diagnostic], files: int) -> str:
    """A one-line count of diagnostics by severity."""
    counts = {s: 0 for s in Severity}
    for d in diagnostics:
        counts[d.severity] += 1

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (
        f"{n(files, 'map')} checked: {n(counts[Severity.ERROR], 'error')}, "
        f"{n(counts[Severity.WARNING], 'warning')}, {n(counts[Severity.INFO], 'note')}"
    )


def to_json(diagnostics: Iterable[Diagnostic], files: int) -> str:
    """Diagnostics and a summary as a JSON document."""
    items = list(diagnostics)
    return json.dumps(
        {
            "diagnostics": [d.to_dict() for d in items],
            "summary": summarize(items, files),
            "files": files,
        },
        indent=2,
        ensure_ascii=False,
    )
