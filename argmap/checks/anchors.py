"""Anchored quotations: the lock file that records where each verified quotation stands in its article.

``argmap check --update-anchors`` writes ``quotations.lock`` beside the
maps of a folder: for each map, the article it quotes with a hash of that
text, and for each quotation found in it the claim, a hash of the
quotation, the line and character offset of the passage, and a hash of the
passage as printed.  Later checks compare (rules C123-C126 in
:mod:`argmap.checks.rules.anchors`): a passage that moved or vanished, a
text that changed, anchors the map no longer needs, quotations not yet
anchored.  The format is TOML, sorted, one quotation a line, so that a
diff shows exactly what moved (docs/sources.md, "Anchored quotations");
:mod:`argmap.checks.lockfile` reads it; this module finds the map's
anchors now and writes them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from argmap.checks.lockfile import (  # noqa: F401  (the lock's values and reading were defined here)
    HASH_DIGITS,
    LOCK_NAME,
    UPDATE,
    VERSION,
    Anchor,
    Lock,
    LockError,
    MapAnchors,
    parse_lock,
    read_lock,
    short_hash,
)
from argmap.model import Map
from argmap.resolve.cache import memo

ANCHORING = 1
"""How quotations are found and hashed: a change to the matcher or the hashes that could move an anchor
raises it, so that no lock written before takes the shortcut of :func:`anchors_since`."""


def lock_path(folder: str | Path) -> Path:
    """The lock file of the maps in *folder*."""
    return Path(folder) / LOCK_NAME


def quote_hash(quotation: str) -> str:
    """The hash a quotation is known by: of its normalised words, so respacing it changes nothing."""
    from argmap.sources.match import normalize

    return short_hash(normalize(quotation))


# ---------------------------------------------------------------- writing ----

HEADER = f"""\
# Where each verified quotation of the maps in this folder stands in its article.
# Written by `{UPDATE}`; `argmap check` reports a passage that moved or
# vanished.  Hashes are the first {HASH_DIGITS} hex digits of SHA-256; see docs/sources.md.
# quotes-hash is of the map's quotations, lines-hash of the lines below it: while they and
# text-hash hold, nothing moved, and a check reads no further.
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
        lines = "".join(f"  {{ claim = {_string(a.claim)}, quote = \"{a.quote}\", line = {a.line}, "
                        f"offset = {a.offset}, passage = \"{a.passage}\" }},\n" for a in rows)
        if entry.quotes_hash is not None:
            out.append(f"quotes-hash = \"{entry.quotes_hash}\"\nlines-hash = \"{short_hash(lines)}\"\n")
        out.append(f"quotations = [\n{lines}]\n" if rows else "quotations = []\n")
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
    return MapAnchors(text_name, short_hash(source.raw), tuple(found), quotes_hash=quotes_hash(m))


def quotes_hash(m: Map) -> str:
    """A hash of the map's own quotations (claim ids and words, in order) and of :data:`ANCHORING`.

    Where the anchors of a map fall depends on nothing else but its text:
    while this hash and the text's are those a lock entry recorded, the
    entry is what :func:`anchors_of` would find.
    """
    return short_hash(json.dumps([ANCHORING, [(claim.id, q.text) for claim in m.claims for q in claim.quotes]]))


def anchors_since(m: Map, source, text_name: str, anchored: MapAnchors | None) -> MapAnchors:
    """The anchors of *m* in *source* now: *anchored* itself when neither the map's quotations nor the text
    changed since it was written (nothing can have moved), else :func:`anchors_of`."""
    if (anchored is not None and anchored.quotes_hash is not None and anchored.text == text_name
            and anchored.text_hash == short_hash(source.raw) and anchored.quotes_hash == quotes_hash(m)):
        return anchored
    return anchors_of(m, source, text_name)
