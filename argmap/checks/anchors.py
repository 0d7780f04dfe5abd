"""Anchored quotations: the lock file that records where each verified quotation stands in its article.

``argmap check --update-anchors`` writes ``quotations.lock`` beside the
maps of a folder: for each map, the article it quotes with a hash of that
text, and for each quotation found in it the claim, a hash of the
quotation, the line and character offset of the passage, and a hash of the
passage as printed.  Later checks compare (rules C123-C126 in
:mod:`argmap.checks.rules.anchors`): a passage that moved or vanished, a
text that changed, anchors the map no longer needs, quotations not yet
anchored.  The format is TOML, sorted, one quotation a line, so that a
diff shows exactly what moved (docs/sources.md, "Anchored quotations").
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

import attrs

from argmap.diagnostics import Diagnostic, Span
from argmap.files.io import ReadRefused, read_limited
from argmap.model import Map
from argmap.resolve.cache import memo

LOCK_NAME = "quotations.lock"
VERSION = 1
HASH_DIGITS = 16  # hex digits of SHA-256 kept: 64 bits, plenty to tell passages apart
UPDATE = "argmap check --update-anchors"
_HEX = re.compile(rf"[0-9a-f]{{{HASH_DIGITS}}}\Z")
_MAP_FIELDS = ("text", "text-hash", "quotations")
_QUOTE_FIELDS = ("claim", "quote", "line", "offset", "passage")


def short_hash(text: str) -> str:
    """The first :data:`HASH_DIGITS` hex digits of the SHA-256 of *text* (as UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_DIGITS]


def quote_hash(quotation: str) -> str:
    """The hash a quotation is known by: of its normalised words, so respacing it changes nothing."""
    from argmap.sources.match import normalize

    return short_hash(normalize(quotation))


@attrs.frozen
class Anchor:
    """Where one quotation of a claim was found: its line and offset, and a hash of the passage."""

    claim: str
    quote: str  # quote_hash of the quotation
    line: int
    offset: int  # characters from the start of the text
    passage: str  # short_hash of the passage as printed
    entry_line: int = attrs.field(default=0, eq=False)  # where the entry stands in the lock file

    @property
    def key(self) -> tuple[str, str]:
        return (self.claim, self.quote)


@attrs.frozen
class MapAnchors:
    """One map's entry: the text it quotes, that text's hash, and its anchored quotations."""

    text: str
    text_hash: str
    quotations: tuple[Anchor, ...] = ()
    entry_line: int = attrs.field(default=0, eq=False)

    def by_key(self) -> dict[tuple[str, str], Anchor]:
        """The anchors by (claim, quote hash)."""
        return {(a.claim, a.quote): a for a in self.quotations}


@attrs.frozen
class Lock:
    """A folder's lock: map file name -> its anchors."""

    path: Path
    maps: Mapping[str, MapAnchors] = attrs.field(factory=dict)


class LockError(Exception):
    """A lock file that cannot be read, with the line and column at fault."""

    def __init__(self, path: str, line: int, column: int, message: str):
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message

    def diagnostic(self) -> Diagnostic:
        """The A002 error that reports it: the run stops short of comparing (exit status 2)."""
        return Diagnostic.of("A002", self.path, Span(self.line, self.column),
                             f"the quotation lock cannot be read: {self.message}",
                             f"delete it and run `{UPDATE}` to write it again")


# ---------------------------------------------------------------- reading ----

_SYNTAX_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_SYNTAX_END = re.compile(r"\s*\(at end of document\)\s*$")
_MAP_HEADER = re.compile(r"""\s*\[\s*maps\s*\.\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_.-]+?))\s*\]\s*(?:#.*)?$""")


def lock_path(folder: str | Path) -> Path:
    """The lock file of the maps in *folder*."""
    return Path(folder) / LOCK_NAME


def read_lock(path: str | Path, shown: str | None = None) -> Lock | None:
    """The lock at *path*, None when there is none; LockError (with file:line:col) when it cannot be used."""
    path = Path(path)
    shown = shown or str(path)
    if not path.exists():
        return None
    try:
        data = read_limited(path)
    except ReadRefused as exc:
        raise LockError(shown, 1, 1, exc.message) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LockError(shown, line, exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1,
                        "not UTF-8 text") from None
    return parse_lock(text, path, shown)


def parse_lock(text: str, path: Path, shown: str) -> Lock:
    """The lock written in *text*; LockError at the line and column of what is wrong."""
    lines = text.split("\n")
    rows = _canonical_rows(lines)  # the lines argmap writes, read without tomllib (a large lock reads 10x faster)
    try:
        data = tomllib.loads(text if rows is None else "\n".join("" if i in rows else x
                                                                 for i, x in enumerate(lines, 1)))
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _SYNTAX_AT.search(message)
        line, column = (int(m.group(1)), int(m.group(2))) if m else (len(lines), len(lines[-1]) + 1)
        what = _SYNTAX_END.sub("", _SYNTAX_AT.sub("", message)).strip()
        conflict = any(x.startswith(("<<<<<<<", ">>>>>>>")) for x in lines)
        raise LockError(shown, line, column, f"this is not valid TOML: {what[:1].lower()}{what[1:]}"
                        + (" (an unresolved merge conflict?)" if conflict else "")) from None
    headers, entries = _positions(lines)

    def fail(line: int, message: str) -> LockError:
        return LockError(shown, line, 1, message)

    version = data.get("version")
    if version != VERSION:
        at = next((n for n, x in enumerate(lines, 1) if x.lstrip().startswith("version")), 1)
        raise fail(at, f"version {version!r} is not one this argmap reads (it reads version {VERSION}); "
                       "it was written by another argmap")
    unknown = sorted(set(data) - {"version", "maps"})
    if unknown:
        raise fail(1, f"unknown key {unknown[0]!r} (a lock holds `version` and `[maps.\"FILE\"]` tables)")
    maps = {}
    for name, entry in (data.get("maps") or {}).items():
        at = headers.get(name, 1)
        if not isinstance(entry, dict):
            raise fail(at, f"maps.{name} must be a table")
        extra = sorted(set(entry) - set(_MAP_FIELDS))
        missing = [f for f in _MAP_FIELDS if f not in entry]
        if extra or missing:
            raise fail(at, f"maps.{json.dumps(name)}: " + (f"unknown key {extra[0]!r}" if extra
                                                          else f"missing {missing[0]!r}"))
        if not isinstance(entry["text"], str) or not _is_hash(entry["text-hash"]):
            raise fail(at, f"maps.{json.dumps(name)}: text must be a file name and text-hash "
                           f"{HASH_DIGITS} hex digits")
        if not isinstance(entry["quotations"], list):
            raise fail(at, f"maps.{json.dumps(name)}: quotations must be a list")
        at_rows = entries.get(name, [])
        listed = [rows[n] for n in at_rows if n in rows] if rows is not None else entry["quotations"]
        if rows is not None and entry["quotations"]:  # the canonical entries were taken out; these are not
            raise fail(at, f"maps.{json.dumps(name)}: a quotation entry is not written as argmap writes it")
        anchors, seen = [], set()
        for i, q in enumerate(listed):
            row = at_rows[i] if i < len(at_rows) else at
            if type(q) is tuple and len(q[1]) == len(q[4]) == HASH_DIGITS and q[0] and q[2] >= 1:
                anchor = Anchor(*q, row)  # a canonical line, its form checked by _ROW
            else:
                anchor = _anchor(dict(zip(_QUOTE_FIELDS, q)) if type(q) is tuple else q, row, fail)
            if anchor.key in seen:
                raise fail(row, f"claim {anchor.claim}: the same quotation is anchored twice")
            seen.add(anchor.key)
            anchors.append(anchor)
        maps[name] = MapAnchors(entry["text"], entry["text-hash"], tuple(anchors), at)
    return Lock(path, maps)


_ROW = re.compile(r'\s*\{ claim = ("(?:[^"\\]|\\.)*"), quote = "([0-9a-f]+)", line = (\d+), offset = (\d+), '
                  r'passage = "([0-9a-f]+)" \},?\s*\Z')
_OPEN = re.compile(r"\s*quotations\s*=\s*\[\s*\Z")


def _canonical_rows(lines: list[str]) -> dict[int, tuple[str, str, int, int, str]] | None:
    """Line -> entry for each quotation line in the form :func:`dumps_lock` writes; None if any entry is not.

    Those lines are read with one regular expression each and taken out of
    the text tomllib reads.  An array holding any other line leaves the
    whole file to tomllib.
    """
    rows: dict[int, dict] = {}
    inside = False
    for number, line in enumerate(lines, 1):
        if not inside:
            inside = bool(_OPEN.match(line))
            continue
        if line.strip() == "]":
            inside = False
            continue
        m = _ROW.match(line)
        if m is None:
            return None
        claim = m.group(1)[1:-1]
        if "\\" in claim:
            try:
                claim = json.loads(m.group(1))
            except ValueError:
                return None
        rows[number] = (claim, m.group(2), int(m.group(3)), int(m.group(4)), m.group(5))
    return rows


def _is_hash(value: object) -> bool:
    return isinstance(value, str) and bool(_HEX.match(value))


def _anchor(q: object, row: int, fail) -> Anchor:
    if not isinstance(q, dict):
        raise fail(row, "each quotation must be an inline table { claim = ..., quote = ..., ... }")
    extra = sorted(set(q) - set(_QUOTE_FIELDS))
    missing = [f for f in _QUOTE_FIELDS if f not in q]
    if extra or missing:
        raise fail(row, f"unknown key {extra[0]!r}" if extra else f"missing {missing[0]!r}")
    if not isinstance(q["claim"], str) or not q["claim"]:
        raise fail(row, "claim must be a claim id")
    if not _is_hash(q["quote"]) or not _is_hash(q["passage"]):
        raise fail(row, f"quote and passage must be {HASH_DIGITS} hex digits")
    for field, least in (("line", 1), ("offset", 0)):
        if not isinstance(q[field], int) or isinstance(q[field], bool) or q[field] < least:
            raise fail(row, f"{field} must be a whole number of at least {least}")
    return Anchor(q["claim"], q["quote"], q["line"], q["offset"], q["passage"], row)


def _positions(lines: list[str]) -> tuple[dict[str, int], dict[str, list[int]]]:
    """The line of each ``[maps."FILE"]`` header and of each ``{ ... }`` entry below it (a line scan)."""
    headers: dict[str, int] = {}
    entries: dict[str, list[int]] = {}
    current = None
    for number, line in enumerate(lines, 1):
        if current is not None and line.startswith("  {"):  # the common case: a quotation as argmap writes it
            entries[current].append(number)
            continue
        header = _MAP_HEADER.match(line) if line.lstrip().startswith("[") else None
        if header:
            quoted, literal, bare = header.groups()
            current = json.loads(f'"{quoted}"') if quoted is not None else (literal if literal is not None else bare)
            headers.setdefault(current, number)
            entries.setdefault(current, [])
        elif current is not None and line.lstrip().startswith("{"):
            entries.setdefault(current, []).append(number)
    return headers, entries


# ---------------------------------------------------------------- writing ----

HEADER = f"""\
# Where each verified quotation of the maps in this folder stands in its article.
# Written by `{UPDATE}`; `argmap check` reports a passage that moved or
# vanished.  Hashes are the first {HASH_DIGITS} hex digits of SHA-256; see docs/sources.md.
"""


def _string(value: str) -> str:
    """*value* as a TOML basic string (JSON's escapes are TOML's, but for DEL)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def dumps_lock(maps: Mapping[str, MapAnchors]) -> str:
    """The lock file's text: sorted by map, then claim and quotation; the same anchors give the same bytes."""
    out = [HEADER, f"version = {VERSION}\n"]
    for name in sorted(maps):
        entry = maps[name]
        out.append(f"\n[maps.{_string(name)}]\ntext = {_string(entry.text)}\ntext-hash = {_string(entry.text_hash)}\n")
        rows = sorted(entry.quotations, key=lambda a: (a.claim, a.offset, a.quote))
        if not rows:
            out.append("quotations = []\n")
            continue
        out.append("quotations = [\n")
        out.extend(f"  {{ claim = {_string(a.claim)}, quote = \"{a.quote}\", line = {a.line}, "
                   f"offset = {a.offset}, passage = \"{a.passage}\" }},\n" for a in rows)
        out.append("]\n")
    return "".join(out)


# ------------------------------------------------------- the map, now ----


def quotations(m: Map) -> tuple[tuple[object, object, tuple[str, str]], ...]:
    """(claim, quote, key) for each distinct quotation of the map's own claims, in the map's order (once per map)."""
    return memo(m, "anchored-quotations", _quotations)


def _quotations(m: Map) -> tuple[tuple[object, object, tuple[str, str]], ...]:
    seen, out, hashes = set(), [], {}
    for claim in m.claims:
        for q in claim.quotes:
            digest = hashes.get(q.text)
            if digest is None:
                digest = hashes[q.text] = quote_hash(q.text)
            key = (claim.id, digest)
            if key not in seen:
                seen.add(key)
                out.append((claim, q, key))
    return tuple(out)


def anchors_of(m: Map, source, text_name: str) -> MapAnchors:
    """The anchors of *m*'s quotations found in *source* (a :class:`argmap.checks.quotes.SourceText`)."""
    found = []
    for claim, q, key in quotations(m):
        match = source.match(q.text)
        if not match.found or match.start is None or match.end <= match.start:
            continue  # C108 reports what is not there; an empty quotation has no place
        found.append(Anchor(claim.id, key[1], source.prepared.line_at(match.start), match.start,
                            short_hash(source.raw[match.start:match.end])))
    return MapAnchors(text_name, short_hash(source.raw), tuple(found))
