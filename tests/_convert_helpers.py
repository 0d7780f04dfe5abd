"""Shared pieces of the converter tests: seed maps and comparison keys."""

from __future__ import annotations

from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FIXTURE_MAP = '''\
map fixture "A fixture map for the converters" {
  author "A. Student"
  published 2017-02
}

thesis pay: Japan should pay for talks.
case yes for pay: The case for paying.
case no against pay: The case against paying.
person putin: Vladimir Putin, President of Russia.

claim trust (yes): Help builds trust. [^1]
  supports pay
claim nothing (no) by putin: Russia gave nothing.
  quote "This is Russian territory." [^2]
  rebuts trust
  tags sovereignty
claim spin (no): The talks are spin.
  undercuts trust -> pay
claim never (no): Japan should never pay.
  contradicts pay
  concession
claim law (no): No legal regime exists.
claim people (no): Only Russians live there.
argument hard (no): law + people -> never

footnotes
  [^1]: Togo Kazuhiko, "Alternative Scenarios," The Asan Forum, Vol. 4, No. 6 (2016).
  [^2]: TASS, December 16, 2016.
  [^3]: Ibid.
'''


def seed_maps() -> list[tuple[str, argmap.Map]]:
    """Every map in maps/ (the fixture map when there is none), loaded."""
    files = sorted((ROOT / "maps").glob("*.argmap"))
    if not files:
        return [("fixture", argmap.parse(FIXTURE_MAP, "fixture.argmap"))]
    return [(f.stem, argmap.load(f)) for f in files]


def relation_keys(m: argmap.Map) -> set[tuple]:
    """Relations as comparable tuples; `contradicts` has no direction."""
    keys = set()
    for r in m.relations:
        a, b = str(r.source), str(r.target)
        keys.add((r.kind, *sorted((a, b))) if r.kind == "contradicts" else (r.kind, a, b))
    return keys


def claim_texts(m: argmap.Map) -> dict[str, str]:
    return {c.id: " ".join(c.text.split()) for c in (*m.claims, *m.theses)}
