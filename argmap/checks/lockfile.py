"""The ``quotations.lock`` file: its values, and reading it (with the line at fault).

TOML, sorted, one quotation a line (docs/sources.md, "Anchored quotations").
Version 2 adds to a map's entry ``quotes-hash`` (of the map's quotations,
claim ids and words, when it was written) and ``lines-hash`` (of its
quotation lines as argmap wrote them).  While both and the text's hash
hold, nothing moved: the lines are read only if asked for, and
:func:`argmap.checks.anchors.anchors_since` takes the entry as the map's
anchors now.  Version 1 files (no such keys) are read as before; that module
writes the file.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from argmap.diagnostics import Diagnostic, Span
from argmap.files.io import ReadRefused, read_limited

LOCK_NAME = "quotations.lock"
VERSION = 2
READS = (1, 2)  # the versions this argmap reads
HASH_DIGITS = 16  # hex digits of SHA-256 kept: 64 bits, plenty to tell passages apart
UPDATE = "argmap check --update-anchors"
_HEX = re.compile(rf"[0-9a-f]{{{HASH_DIGITS}}}\Z")
_MAP_FIELDS = ("text", "text-hash", "quotations")
_HASH_FIELDS = ("quotes-hash", "lines-hash")  # version 2, optional
_QUOTE_FIELDS = ("claim", "quote", "line", "offset", "passage")


def short_hash(text: str) -> str:
    """The first :data:`HASH_DIGITS` hex digits of the SHA-256 of *text* (as UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_DIGITS]


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
    """One map's entry: the text it quotes, that text's hash, and its anchored quotations.

    ``quotes_hash`` is the hash of the map's quotations the anchors were
    found for (:func:`argmap.checks.anchors.quotes_hash`); None when it is
    not known, or when the entry's lines are not the ones argmap wrote.
    """

    text: str
    text_hash: str
    quotations: Sequence[Anchor] = ()
    entry_line: int = attrs.field(default=0, eq=False)
    quotes_hash: str | None = attrs.field(default=None, eq=False)

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
    text, cuts = _cut_vouched(text, shown)  # the quotation lines argmap wrote (their lines-hash says so): kept aside
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
        raise LockError(shown, cuts.line(line), column, f"this is not valid TOML: {what[:1].lower()}{what[1:]}"
                        + (" (an unresolved merge conflict?)" if conflict else "")) from None
    headers, entries = _positions(lines)
    bounds = sorted(headers.values())

    def fail(line: int, message: str) -> LockError:
        return LockError(shown, cuts.line(line), 1, message)

    version = data.get("version")
    if version not in READS:
        at = next((n for n, x in enumerate(lines, 1) if x.lstrip().startswith("version")), 1)
        raise fail(at, f"version {version!r} is not one this argmap reads (it reads versions "
                       f"{', '.join(map(str, READS[:-1]))} and {READS[-1]}); it was written by another argmap")
    unknown = sorted(set(data) - {"version", "maps"})
    if unknown:
        raise fail(1, f"unknown key {unknown[0]!r} (a lock holds `version` and `[maps.\"FILE\"]` tables)")
    fields = (*_MAP_FIELDS, *_HASH_FIELDS) if version >= 2 else _MAP_FIELDS
    maps = {}
    for name, entry in (data.get("maps") or {}).items():
        at = headers.get(name, 1)
        if not isinstance(entry, dict):
            raise fail(at, f"maps.{name} must be a table")
        extra = sorted(set(entry) - set(fields))
        missing = [f for f in _MAP_FIELDS if f not in entry]
        if extra or missing:
            raise fail(at, f"maps.{json.dumps(name)}: " + (f"unknown key {extra[0]!r}" if extra
                                                          else f"missing {missing[0]!r}"))
        if not isinstance(entry["text"], str) or not _is_hash(entry["text-hash"]):
            raise fail(at, f"maps.{json.dumps(name)}: text must be a file name and text-hash "
                           f"{HASH_DIGITS} hex digits")
        if any(f in entry and not _is_hash(entry[f]) for f in _HASH_FIELDS):
            raise fail(at, f"maps.{json.dumps(name)}: quotes-hash and lines-hash must be {HASH_DIGITS} hex digits")
        if not isinstance(entry["quotations"], list):
            raise fail(at, f"maps.{json.dumps(name)}: quotations must be a list")
        cut = None
        if name in headers:
            later = bisect.bisect_right(bounds, at)
            cut = cuts.rows_between(at, bounds[later] if later < len(bounds) else float("inf"))
        if cut is not None:
            maps[name] = MapAnchors(entry["text"], entry["text-hash"], cut, cuts.line(at), entry.get("quotes-hash"))
            continue
        at_rows = entries.get(name, [])
        listed = [rows[n] for n in at_rows if n in rows] if rows is not None else entry["quotations"]
        if rows is not None and entry["quotations"]:  # the canonical entries were taken out; these are not
            raise fail(at, f"maps.{json.dumps(name)}: a quotation entry is not written as argmap writes it")
        anchors, seen = [], set()
        for i, q in enumerate(listed):
            row = at_rows[i] if i < len(at_rows) else at
            if type(q) is tuple and len(q[1]) == len(q[4]) == HASH_DIGITS and q[0] and q[2] >= 1:
                anchor = Anchor(*q, cuts.line(row))  # a canonical line, its form checked by _ROW
            else:
                anchor = _anchor(dict(zip(_QUOTE_FIELDS, q)) if type(q) is tuple else q, row, fail, cuts.line(row))
            if anchor.key in seen:
                raise fail(row, f"claim {anchor.claim}: the same quotation is anchored twice")
            seen.add(anchor.key)
            anchors.append(anchor)
        vouched = not anchors and entry.get("lines-hash") == short_hash("")  # written as `quotations = []`
        maps[name] = MapAnchors(entry["text"], entry["text-hash"], tuple(anchors), cuts.line(at),
                                entry.get("quotes-hash") if vouched else None)
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
        row = _row(line)
        if row is None:
            return None
        rows[number] = row
    return rows


def _row(line: str) -> tuple[str, str, int, int, str] | None:
    """The values of a quotation line as :func:`dumps_lock` writes it, None for any other line."""
    m = _ROW.match(line)
    if m is None:
        return None
    claim = m.group(1)[1:-1]
    if "\\" in claim:
        try:
            claim = json.loads(m.group(1))
        except ValueError:
            return None
    return (claim, m.group(2), int(m.group(3)), int(m.group(4)), m.group(5))


_VOUCHED, _OPENING = "\nlines-hash = \"", "\"\nquotations = [\n"


class _Rows(Sequence):
    """Quotation lines that hash to their entry's lines-hash (so argmap wrote them): read on first use."""

    def __init__(self, block: str, first_line: int, shown: str):
        self._block, self._first, self._shown = block, first_line, shown
        self._anchors: tuple[Anchor, ...] | None = None

    @property
    def anchors(self) -> tuple[Anchor, ...]:
        if self._anchors is None:
            out = []
            for number, line in enumerate(self._block.split("\n")[:-1], self._first):
                row = _row(line)
                if row is None:  # pragma: no cover - only a forged lines-hash gets here
                    raise LockError(self._shown, number, 1, "a quotation entry is not written as argmap writes it")
                out.append(Anchor(*row, number))
            self._anchors, self._block = tuple(out), ""
        return self._anchors

    def __getitem__(self, index):
        return self.anchors[index]

    def __len__(self) -> int:
        return len(self.anchors)

    def __iter__(self) -> Iterator[Anchor]:
        return iter(self.anchors)

    def __eq__(self, other: object) -> bool:
        return tuple(self.anchors) == tuple(other) if isinstance(other, Sequence) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.anchors)

    def __repr__(self) -> str:
        return repr(self.anchors)


@attrs.frozen
class _Cuts:
    """The quotation arrays taken out of a lock's text before it is read, and the way back to its lines."""

    at: tuple[int, ...] = ()  # the line, in the text left, of each cut array's `quotations = [`
    sizes: tuple[int, ...] = ()  # lines taken out up to and with each array
    rows: tuple[_Rows, ...] = ()

    def line(self, line: int) -> int:
        """The line of the original text for *line* of the text left."""
        i = bisect.bisect_left(self.at, line)  # the arrays cut above the line
        return line + (self.sizes[i - 1] if i else 0)

    def rows_between(self, header: int, end: float) -> _Rows | None:
        """The cut lines of the array between lines *header* and *end* of the text left, if one was cut."""
        i = bisect.bisect_right(self.at, header)
        return self.rows[i] if i < len(self.at) and self.at[i] < end else None


def _cut_vouched(text: str, shown: str) -> tuple[str, _Cuts]:
    """*text* without the quotation lines its lines-hash keys vouch for, and those lines, read on demand.

    An array is cut when the line before its ``quotations = [`` is the
    ``lines-hash`` argmap writes and its lines, up to the ``]`` line, hash to
    it: they are then exactly what argmap wrote, and need no checking.  Only
    str.find and str.count run over the text.
    """
    start = text.find(_VOUCHED)
    if start < 0:
        return text, _Cuts()
    kept, at, sizes, rows = [], [], [], []
    position = newlines = total = 0  # text[:position] is done and holds *newlines* newlines
    while start >= 0:
        value = start + len(_VOUCHED)
        begin = value + HASH_DIGITS + len(_OPENING)  # the first quotation line
        end = text.find("\n]", begin - 1)  # the newline before the array's `]`
        if (end >= 0 and text.startswith(_OPENING, value + HASH_DIGITS) and text[end + 2:end + 3] in ("", "\n")
                and short_hash(text[begin:end + 1]) == text[value:value + HASH_DIGITS]):
            newlines += text.count("\n", position, begin)
            block = text[begin:end + 1]
            size = block.count("\n")
            kept.append(text[position:begin])
            at.append(newlines - total)
            rows.append(_Rows(block, newlines + 1, shown))
            total += size
            sizes.append(total)
            newlines += size
            position = end + 1
        start = text.find(_VOUCHED, max(start + 1, position))
    if not rows:
        return text, _Cuts()
    kept.append(text[position:])
    return "".join(kept), _Cuts(tuple(at), tuple(sizes), tuple(rows))


def _is_hash(value: object) -> bool:
    return isinstance(value, str) and bool(_HEX.match(value))


def _anchor(q: object, row: int, fail, entry_line: int) -> Anchor:
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
    return Anchor(q["claim"], q["quote"], q["line"], q["offset"], q["passage"], entry_line)


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
