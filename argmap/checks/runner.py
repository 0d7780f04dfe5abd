"""check: run the registered rules over a map and collect diagnostics."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from typing import TYPE_CHECKING

import attrs

from argmap.diagnostics import Diagnostic, sort_diagnostics
from argmap.model import Map
from argmap._gc import no_gc
from argmap.checks.anchors import LOCK_NAME, LockError, MapAnchors, anchors_since, read_lock
from argmap.checks.rules import all_rules
from argmap.checks.selection import Config, selector_problem, severity_key_problem  # noqa: F401  (their home was here)

if TYPE_CHECKING:
    from argmap.checks.quotes import SourceText


@attrs.define
class Context:
    """What a rule sees: the map, its source text if found, and the options."""

    map: Map
    source: SourceText | None = None
    source_name: str | None = None
    config: Config = attrs.field(factory=Config)
    #: the lock beside the map, when there is one (rules C123-C126 compare with it)
    anchors: AnchorView | None = None
    #: where the map's quotations stand in its text now (when a lock is read or written)
    anchors_now: MapAnchors | None = None


@attrs.frozen
class AnchorView:
    """What the anchor rules compare with: the lock's name and this map's entry in it (None: it has none)."""

    lock: str
    anchored: MapAnchors | None


LOOK_BESIDE = object()
"""``check_map(anchors=LOOK_BESIDE)``: read the lock beside the map file, if there is one."""


_DIRECTIVE = re.compile(r"argmap:\s*ignore(?P<file>-file)?(?![\w-])", re.I)
_REASON = re.compile(r"\breason:", re.I)


@attrs.frozen
class Directive:
    """One ``# argmap: ignore`` comment: the codes it covers and why.

    ``codes`` holds codes or rule names in upper case (None: every code);
    ``reason`` is the text after ``reason:``, None when there is none (then
    the comment only suppresses); ``line`` is where the comment is.
    """

    codes: frozenset[str] | None
    reason: str | None
    line: int
    whole_file: bool = False

    def covers(self, d: Diagnostic) -> bool:
        """Whether this directive applies to *d*'s code (given by code or by rule name)."""
        return self.codes is None or d.code.upper() in self.codes or d.name.upper() in self.codes


@attrs.frozen
class Directives:
    """Every ignore directive of a map: by the line each applies to, and those for the whole file."""

    by_line: Mapping[int, tuple[Directive, ...]] = attrs.field(factory=dict)
    whole_file: tuple[Directive, ...] = ()

    def match(self, d: Diagnostic) -> Directive | None:
        """The directive that applies to *d* (one with a reason first), or None."""
        found = [x for x in (*self.by_line.get(d.span.line, ()), *self.whole_file) if x.covers(d)]
        return next((x for x in found if x.reason), found[0] if found else None)


def parse_directive(text: str, line: int = 1) -> Directive | None:
    """The directive in a comment's *text* (without its ``#``), or None if it holds none.

    Forms: ``argmap: ignore`` (every code), ``argmap: ignore[C101, unused-footnote]``,
    ``argmap: ignore C101``, each optionally followed by ``reason: ...``;
    ``ignore-file`` instead of ``ignore`` for the whole file.
    """
    match = _DIRECTIVE.search(text)
    if not match:
        return None
    rest = text[match.end():]
    split = _REASON.search(rest)
    head, reason = (rest[:split.start()], rest[split.end():].strip()) if split else (rest, None)
    head = head.strip()
    raw = head[1:].split("]", 1)[0] if head.startswith("[") else head
    codes = frozenset(c.upper() for c in re.findall(r"[\w-]+", raw)) or None
    return Directive(codes, reason, line, bool(match.group("file")))


def directives(m: Map, text: str | None = None) -> Directives:
    """The ``# argmap: ignore`` comments of *m*, each placed on the lines it applies to.

    A comment trailing a statement applies to that line.  On a line of its
    own it applies to the next line that is not a comment and, when the
    map's *text* is given, to that statement's continuation lines (the lines
    after one ending in ``\\``).  ``ignore-file`` applies to the whole file.
    A reason may run on over the comment lines that directly follow it.
    """
    own = {c.span.line: c.text for c in m.comments if not c.trailing}
    lines = text.splitlines() if text is not None else None
    by_line: dict[int, list[Directive]] = {}
    whole: list[Directive] = []
    for comment in m.comments:
        found = parse_directive(comment.text, comment.span.line)
        if found is None:
            continue
        target = comment.span.line + (0 if comment.trailing else 1)
        more: list[str] = []
        collecting = found.reason is not None and not comment.trailing
        while not comment.trailing and target in own:  # comments between the directive and its statement
            collecting = collecting and _DIRECTIVE.search(own[target]) is None
            if collecting:
                more.append(own[target].strip())
            target += 1
        reason = " ".join(part for part in (found.reason, *more) if part) or None
        found = attrs.evolve(found, reason=reason)
        if found.whole_file:
            whole.append(found)
            continue
        covered = [target]
        while (lines is not None and not comment.trailing and covered[-1] <= len(lines)
               and lines[covered[-1] - 1].rstrip().endswith("\\")):
            covered.append(covered[-1] + 1)
        for line in covered:
            by_line.setdefault(line, []).append(found)
    return Directives({k: tuple(v) for k, v in by_line.items()}, tuple(whole))


def suppressions(m: Map) -> dict[int, set[str] | None]:
    """Lines whose diagnostics a comment suppresses: line -> codes (None: all).

    ``# argmap: ignore[C102]`` trailing a statement suppresses that code on
    the statement's line; on a line of its own, on the next line that is not
    a comment.  :func:`directives` has the reasons and whole-file directives too.
    """
    table: dict[int, set[str] | None] = {}
    for line, found in directives(m).by_line.items():
        codes: set[str] | None = set()
        for x in found:
            codes = None if codes is None or x.codes is None else codes | x.codes
        table[line] = codes
    return table


@attrs.frozen
class Acknowledged:
    """A finding the map acknowledges, with the ``reason`` its comment gives."""

    diagnostic: Diagnostic
    reason: str


@attrs.frozen
class Findings:
    """What checking one map found: the ``diagnostics`` to report, and those ``acknowledged`` with a reason.

    ``anchors`` says where the map's quotations stand in its text, when a
    lock was compared or asked for and the text was found.
    """

    diagnostics: tuple[Diagnostic, ...]
    acknowledged: tuple[Acknowledged, ...] = ()
    anchors: MapAnchors | None = None


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
    Problems found while loading (``Map.problems``) are included; those a
    ``# argmap: ignore`` comment covers are not (:func:`check_map` keeps
    the acknowledged ones apart).
    """
    return list(check_map(m, text_dirs=text_dirs, root=root, config=config, source_text=source_text).diagnostics)


def check_map(
    m: Map,
    *,
    text_dirs: Iterable[str | os.PathLike] = (),
    root: str | os.PathLike | None = None,
    config: Config | None = None,
    source_text: str | None = None,
    map_text: str | None = None,
    anchors: AnchorView | None | object = LOOK_BESIDE,
    record_anchors: bool = False,
) -> Findings:
    """Check *m* as :func:`check` does, keeping apart the findings its comments acknowledge.

    A finding covered by ``# argmap: ignore[CODE] reason: ...`` is
    acknowledged: it is left out of ``diagnostics`` and kept, with the
    reason, in ``acknowledged``; one covered by a bare ``# argmap: ignore``
    is dropped.  *map_text* is the map's own text (read from ``m.path`` when
    not given): with it a directive covers a statement's continuation lines.

    *anchors* is what the anchor rules compare with: by default the lock
    beside the map file (``quotations.lock``; none for a map without a
    file), None for none.  With *record_anchors* the findings carry where
    the quotations stand now, for writing a lock.
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
    if anchors is LOOK_BESIDE:
        anchors = None
        if m.path:
            try:
                lock = read_lock(Path(m.path).parent / LOCK_NAME, str(Path(m.display_path).parent / LOCK_NAME))
            except LockError as exc:
                diagnostics.append(exc.diagnostic())
                lock = None
            if lock is not None:
                anchors = AnchorView(LOCK_NAME, lock.maps.get(Path(m.path).name))
    if source_text is not None:
        from argmap.checks.quotes import SourceText  # the article's reading: only for a map that has one

        ctx = Context(m, SourceText(source_text), source_name, config, anchors)
    else:
        ctx = Context(m, None, source_name, config, anchors)
    path = m.display_path
    with no_gc():
        if ctx.source is not None and (anchors is not None or record_anchors) and m.document and m.document.text:
            anchored = anchors.anchored if anchors is not None else None
            ctx.anchors_now = anchors_since(m, ctx.source, m.document.text, anchored)
        for r in rules:
            if r.function is None or not config.enabled(r, path):
                continue
            severity = config.severity_of(r)
            for finding in r.function(ctx):
                diagnostics.append(Diagnostic(
                    path, finding.span, r.code, r.name,
                    finding.severity if finding.severity is not None and severity == r.severity else severity,
                    finding.message, finding.hint))
    kept: list[Diagnostic] = []
    acknowledged: list[Acknowledged] = []
    table = directives(m, map_text if map_text is not None else _read(m.path))
    for d in diagnostics:
        declared = by_code.get(d.code)  # a code the loader reports: configured here, not by a check
        if declared is not None and declared.function is None:
            if not config.enabled(declared, d.path):
                continue
            if config.severity_of(declared) != declared.severity:
                d = attrs.evolve(d, severity=config.severity_of(declared))
        directive = table.match(d) if d.path == path else None
        if directive is None:
            kept.append(d)
        elif directive.reason:
            acknowledged.append(Acknowledged(d, directive.reason))
    unique = {a.diagnostic.sort_key(): a for a in reversed(acknowledged)}  # the first of duplicates
    return Findings(tuple(sort_diagnostics(kept)), tuple(unique[k] for k in sorted(unique)), ctx.anchors_now)


def _read(path: str | None) -> str | None:
    """The map's own text, for directives' continuation lines; None when it cannot be read."""
    if not path:
        return None
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


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
