"""Diagnostics: what every stage reports, in one shape, and the table of their codes.

A diagnostic prints as ``path:line:col: CODE [severity] message`` with an
optional hint on the next line, and serialises to JSON with the same fields.

:data:`CODES` is the one list of every code a user can see, with its name,
default severity and groups.  It lives here, below every stage, so that the
parser and the loader can report a code without importing the checks; the
rule registry (:mod:`argmap.checks.rules`) reads its codes from it and adds
each one's documentation.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

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


@attrs.frozen
class Code:
    """A diagnostic code: its stable ``code``, its ``name``, default ``severity`` and ``groups``."""

    code: str
    name: str
    severity: Severity
    groups: tuple[str, ...]


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
_USE = ("syntax", "use")

CODES: Mapping[str, Code] = {c.code: c for c in (
    # reading maps: reported by the parser, the loader and the configuration reader
    Code("A001", "syntax-error", _E, ("syntax",)),
    Code("A002", "unreadable-file", _E, ("syntax",)),
    Code("A003", "use-outside-root", _E, _USE),
    Code("A004", "use-cycle", _E, _USE),
    Code("A005", "use-too-deep", _E, _USE),
    Code("A006", "repeated-statement", _W, _USE),
    Code("A007", "broken-use", _E, _USE),
    Code("A008", "bad-config", _E, ("syntax",)),
    Code("A009", "reserved-word", _E, ("syntax",)),
    Code("A010", "bad-setting", _E, ("syntax",)),
    # citations
    Code("C101", "undefined-footnote", _E, ("citations",)),
    Code("C102", "unused-footnote", _W, ("citations",)),
    Code("C103", "duplicate-footnote", _E, ("citations",)),
    Code("C104", "footnote-order", _W, ("citations",)),
    Code("C105", "orphan-ibid", _E, ("citations",)),
    Code("C106", "source-after-article", _W, ("citations",)),
    Code("C107", "uncited-quotation", _W, ("citations",)),
    Code("C108", "quotation-not-in-source", _E, ("citations",)),
    Code("C109", "same-source", _I, ("citations",)),
    Code("C110", "unresolved-map-reference", _E, ("citations", "use")),
    Code("C111", "malformed-date", _E, ("citations",)),
    Code("C112", "malformed-url", _E, ("citations",)),
    Code("C113", "source-text-missing", _W, ("citations",)),  # reported by the loader
    Code("C114", "stub-footnote", _W, ("citations",)),
    Code("C120", "citation-position", _W, ("citations",)),
    Code("C121", "note-transcription", _W, ("citations",)),
    Code("C122", "quotation-distortion", _W, ("citations",)),
    # anchored quotations: the maps compared with their quotations.lock
    Code("C123", "anchor-moved", _I, ("citations", "anchors")),
    Code("C124", "source-text-changed", _W, ("citations", "anchors")),
    Code("C125", "stale-anchor", _I, ("citations", "anchors")),
    Code("C126", "unanchored-quotation", _I, ("citations", "anchors")),
    # structure
    Code("S201", "dangling-target", _E, ("structure",)),
    Code("S202", "self-support", _E, ("structure",)),
    Code("S203", "circular-support", _E, ("structure",)),
    Code("S204", "support-and-attack", _W, ("structure",)),
    Code("S205", "undercut-without-inference", _E, ("structure",)),
    Code("S206", "case-against-itself", _W, ("structure",)),
    Code("S207", "case-misses-thesis", _W, ("structure",)),
    Code("S208", "disconnected-claim", _W, ("structure",)),
    Code("S209", "duplicate-text", _W, ("structure",)),
    Code("S210", "unresolved-contradiction", _W, ("structure",)),
    Code("S211", "begging-argument", _E, ("structure",)),
    Code("S212", "duplicate-id", _E, ("structure",)),
    Code("S213", "self-defeat", _W, ("structure",)),
    Code("S214", "unsourced-defeat", _W, ("structure",)),
    Code("S215", "confusable-id", _W, ("structure",)),
    Code("S216", "duplicate-relation", _W, ("structure",)),
    Code("S217", "unknown-scheme", _W, ("structure", "schemes")),
    Code("S218", "scheme-on-attack", _W, ("structure", "schemes")),
    Code("S219", "open-critical-question", _I, ("structure", "schemes")),
    Code("S220", "unknown-group", _E, ("structure", "groups")),
    Code("S221", "group-cycle", _E, ("structure", "groups")),
    # converting to and from other formats
    Code("X301", "foreign-unreadable", _E, ("interop",)),
    Code("X302", "foreign-syntax", _W, ("interop",)),
    Code("X303", "foreign-not-carried-over", _W, ("interop",)),
    Code("X304", "foreign-dangling-reference", _W, ("interop",)),
    Code("X305", "foreign-approximated", _I, ("interop",)),
    Code("X306", "export-loss", _W, ("interop",)),
)}


def code_info(code: str) -> Code:
    """The table entry of *code*; KeyError naming the code when there is none."""
    try:
        return CODES[code]
    except KeyError:
        raise KeyError(f"no diagnostic code {code!r} in argmap.diagnostics.CODES") from None


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

    @classmethod
    def of(cls, code: str, path: str, span: Span, message: str, hint: str | None = None, *,
           severity: Severity | None = None) -> Diagnostic:
        """A diagnostic with *code*'s name and default severity from :data:`CODES`.

        *severity* overrides the default for the few findings that are
        milder (or graver) than their code usually is.
        """
        entry = code_info(code)
        return cls(path, span, code, entry.name, entry.severity if severity is None else severity, message, hint)

    @property
    def line(self) -> int:
        """The 1-based line the diagnostic points at."""
        return self.span.line

    @property
    def column(self) -> int:
        """The 1-based column the diagnostic points at."""
        return self.span.column

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """The order diagnostics are reported in: file, line, column, code, message."""
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

    def to_dict(self) -> dict[str, Any]:
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


def counts(diagnostics: Iterable[Diagnostic]) -> dict[Severity, int]:
    """How many of *diagnostics* there are of each severity (every severity present, zero or more)."""
    found = {s: 0 for s in Severity}
    for d in diagnostics:
        found[d.severity] += 1
    return found


def summarize(diagnostics: Iterable[Diagnostic], files: int, *, acknowledged: int = 0) -> str:
    """A one-line count of diagnostics by severity, and of the *acknowledged* findings when there are any."""
    found = counts(diagnostics)

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    line = (
        f"{n(files, 'map')} checked: {n(found[Severity.ERROR], 'error')}, "
        f"{n(found[Severity.WARNING], 'warning')}, {n(found[Severity.INFO], 'note')}"
    )
    return f"{line}; {acknowledged} acknowledged" if acknowledged else line


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
