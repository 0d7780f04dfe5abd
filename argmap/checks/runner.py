"""check: run the registered rules over a map and collect diagnostics."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable
from pathlib import Path

import attrs

from argmap.diagnostics import Diagnostic, Severity, sort_diagnostics
from argmap.model import Map
from argmap._gc import no_gc
from argmap.checks.quotes import SourceText
from argmap.checks.rules import Rule, all_rules


@attrs.frozen
class Config:
    """Which rules run and how severe they are, as linters configure it.

    ``select`` and ``ignore`` take codes (``C101``), code prefixes (``C1``),
    rule names (``undefined-footnote``) or groups (``citations``).
    ``per_file_ignores`` maps glob patterns of paths to such lists.
    ``severity`` maps a code or name to ``error``, ``warning`` or ``info``.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    base: str | None = None  # per-file-ignores patterns are relative to this folder

    @staticmethod
    def _matches(rule: Rule, selector: str) -> bool:
        s = selector.strip()
        if re.fullmatch(r"[A-Za-z]\d*", s):  # a code or a code prefix: C101, C1, C
            return rule.code.upper().startswith(s.upper())
        return s.upper() == "ALL" or s.lower() == rule.name or s.lower() in rule.groups

    def enabled(self, rule: Rule, path: str | None = None) -> bool:
        """Whether *rule* runs for the file at *path*."""
        if self.select and not any(self._matches(rule, s) for s in self.select):
            return False
        if any(self._matches(rule, s) for s in self.ignore):
            return False
        if path is not None and self.per_file_ignores:
            candidates = {path.replace(os.sep, "/")}
            if self.base is not None:
                relative = os.path.relpath(os.path.abspath(path), self.base)
                candidates.add(relative.replace(os.sep, "/"))
            for pattern, codes in self.per_file_ignores:
                if any(fnmatch.fnmatch(c, pattern) for c in candidates):
                    if any(self._matches(rule, s) for s in codes):
                        return False
        return True

    def severity_of(self, rule: Rule) -> Severity:
        """The severity *rule*'s findings are reported with: the configured one, else the rule's own."""
        for key, value in self.severity:
            if key.upper() == rule.code.upper() or key.lower() == rule.name:
                return Severity.parse(value)
        return rule.severity

    def merged(self, other: Config) -> Config:
        """This configuration with *other*'s settings added on top."""
        return Config(
            select=other.select or self.select,
            ignore=self.ignore + other.ignore,
            per_file_ignores=self.per_file_ignores + other.per_file_ignores,
            severity=self.severity + other.severity,
            base=other.base or self.base,
        )


@attrs.define
class Context:
    """What a rule sees: the map, its source text if found, and the options."""

    map: Map
    source: SourceText | None = None
    source_name: str | None = None
    config: Config = attrs.field(factory=Config)


_SUPPRESS = re.compile(r"argmap:\s*ignore(?:\[([^\]]*)\]|\s+([\w\-, ]+))?", re.I)


def suppressions(m: Map) -> dict[int, set[str] | None]:
    """Lines whose diagnostics a comment suppresses: line -> codes (None: all).

    ``# argmap: ignore[C102]`` trailing a statement suppresses that code on
    the statement's line; on a line of its own, on the next line.
    """
    table: dict[int, set[str] | None] = {}
    for comment in m.comments:
        match = _SUPPRESS.search(comment.text)
        if not match:
            continue
        raw = match.group(1) or match.group(2)
        codes = {c.strip().upper() for c in re.split(r"[,\s]+", raw) if c.strip()} if raw else None
        line = comment.span.line if comment.trailing else comment.span.line + 1
        table[line] = codes
    return table


def _suppressed(d: Diagnostic, table: dict[int, set[str] | None], name_of: dict[str, str]) -> bool:
    if d.span.line not in table:
        return False
    codes = table[d.span.line]
    return codes is None or d.code.upper() in codes or name_of.get(d.code, "").upper() in codes


def check(
    m: Map,
    *,
    text_dirs: Iterable[str | os.PathLike] = (),
    root: str | os.PathLike | None = None,
    config: Config | None = None,
    source_text: str | None = None,
) -> list[Diagnostic]:
    """Every problem in *m*, sorted by position.

    ``source_text`` gives the article's text directly; otherwise it is found
    through the map's ``text`` field beside the map or in ``text_dirs``.
    Problems found while loading (``Map.problems``) are included.
    """
    from argmap.files.loader import find_source_text

    config = config or Config()
    rules = all_rules()
    by_code = {r.code: r for r in rules}
    diagnostics: list[Diagnostic] = list(m.problems)
    # A problem deep in what the map uses (a use chain too deep, a cycle) makes
    # this map's references unresolvable too: report it when this map is checked.
    diagnostics.extend(d for used in _used_maps(m) for d in used.problems)
    source_name = None
    if source_text is None:
        text, found, problem = find_source_text(m, list(text_dirs), Path(root) if root else None)
        if problem is not None:
            diagnostics.append(problem)
        source_text = text
        source_name = found.name if found else None
    else:
        source_name = (m.document.text if m.document and m.document.text else "source text")
    ctx = Context(m, SourceText(source_text) if source_text is not None else None, source_name, config)
    path = m.display_path
    with no_gc():
        for r in rules:
            if r.function is None or not config.enabled(r, path):
                continue
            severity = config.severity_of(r)
            for finding in r.function(ctx):
                diagnostics.append(Diagnostic(
                    path, finding.span, r.code, r.name,
                    finding.severity if finding.severity is not None and severity == r.severity else severity,
                    finding.message, finding.hint))
    kept = []
    table = suppressions(m)
    names = {r.code: r.name for r in rules}
    for d in diagnostics:
        declared = by_code.get(d.code)  # a code the loader reports: configured here, not by a check
        if declared is not None and declared.function is None:
            if not config.enabled(declared, d.path):
                continue
            if config.severity_of(declared) != declared.severity:
                d = attrs.evolve(d, severity=config.severity_of(declared))
        if d.path == path and _suppressed(d, table, names):
            continue
        kept.append(d)
    return sort_diagnostics(kept)


def _used_maps(m: Map) -> list[Map]:
    """Every map *m* uses, directly or through others, each once."""
    seen = {id(m)}
    order = []
    todo = list(m.imports.values())
    while todo:
        used = todo.pop()
        if id(used) in seen:
            continue
        seen.add(id(used))
        order.append(used)
        todo.extend(used.imports.values())
    return order
