"""How fast could any reader written in Python build the model of the generated map?  A floor for the parse.

    .venv/bin/python bench/parse_floor.py [--sizes 20000 100000] [--repeat 3]

Not a second parser: an experiment that bounds what another design of the
reader could gain.  It reads only the claim statements ``bench/generate.py``
writes (``claim cN (case) by p: text [^n]`` and its ``supports``/``rebuts``
lines, nothing else), with two expressions written for exactly those lines,
and makes the same objects the parser makes for them (the ``Claim``, its
``Relation`` lines, their ``Ref``, ``Span`` and ``Citation`` objects), with
the model's own fast constructors.  It checks that they are equal, field for
field, to what ``argmap.parse`` makes, then reports, in CPU seconds (medians
of ``--repeat``): the floor, ``argmap.parse`` of the whole map, and
``check_map`` of the parsed map.  Whatever a reader does beyond the floor is
the price of reading the language in general (any statement, any order,
comments, errors with their positions) from the grammar.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# the generated map's claim lines, and only them (see generate.py)
_HEAD = re.compile(r"claim (\w+) \(([ \t]*)(\w+)[ \t]*\) by[ \t]+(\w+): ((?:[^\n\[]|\[(?!\^))*+)"
                   r"(?:(\[\^[^\]\s]+\])[ \t]*)?\n")
_LINK = re.compile(r"  (supports|rebuts) (\w+)\n")


def floor_read(text: str, pos: int):
    """The claims and relations of the generated map's claim lines from *pos* on, and where they end."""
    from argmap.diagnostics import NOWHERE, Span
    from argmap.model import Citation, Claim, Ref, Relation
    from argmap.model._fast import maker

    make_claim, make_relation, make_ref, make_citation = maker(Claim), maker(Relation), maker(Ref), maker(Citation)
    span = tuple.__new__
    claims: list = []
    relations: list = []
    line = text.count("\n", 0, pos) + 1
    head, link = _HEAD.match, _LINK.match
    while (m := head(text, pos)) is not None:
        name = m.group(1)
        at = span(Span, (line, 7, line, 7 + len(name)))
        case = make_ref(m.group(3), None, span(Span, (line, m.start(3) - pos + 1, None, None)))
        by = make_ref(m.group(4), None, span(Span, (line, m.start(4) - pos + 1, None, None)))
        note = m.group(6)
        citations = (make_citation(note[2:-1], span(Span, (line, m.start(6) - pos + 1, line, m.end(6) - pos + 1))),
                     ) if note else ()
        claims.append(make_claim(name, m.group(5).strip(), case, by, citations, (), (), False, at, (), (), (), None,
                                 NOWHERE, ()))
        pos = m.end()
        line += 1
        source = make_ref(name, None, at)
        while (r := link(text, pos)) is not None:
            kind = r.group(1)
            target = make_ref(r.group(2), None, span(Span, (line, 4 + len(kind), None, None)))
            relations.append(make_relation(kind, source, target, True, span(Span, (line, 3, None, None)), None,
                                           NOWHERE))
            pos = r.end()
            line += 1
    return claims, relations, pos


def run(size: int, repeat: int) -> dict:
    sys.path.insert(0, str(HERE))
    from generate import generate_map

    import argmap
    from argmap._gc import no_gc
    from argmap.checks.runner import check_map

    text = generate_map(size)
    start = text.index("\nclaim ") + 1
    clock = time.process_time
    floors, parses, checks = [], [], []
    for _ in range(repeat):
        t = clock()
        with no_gc():
            claims, relations, end = floor_read(text, start)
        floors.append(clock() - t)
        t = clock()
        m = argmap.parse(text, "gen.argmap")
        parses.append(clock() - t)
        t = clock()
        check_map(m)
        checks.append(clock() - t)
    same = list(m.claims) == claims and [r for r in m.relations if r.inline] == relations
    if not same or len(claims) != size:
        raise SystemExit(f"{size}: the floor's objects differ from the parser's; the comparison would not be fair")
    return {"claims": size, "floor_s": statistics.median(floors), "parse_s": statistics.median(parses),
            "check_map_s": statistics.median(checks), "floor_covers": (end - start) / len(text)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'claims':>7} | {'floor s':>7} {'parse s':>7} {'parse/floor':>11} | {'check_map s':>11} "
          f"{'floor + check_map':>17}")
    for size in args.sizes:
        r = run(size, args.repeat)
        print(f"{size:>7} | {r['floor_s']:7.3f} {r['parse_s']:7.3f} {r['parse_s'] / r['floor_s']:11.2f} | "
              f"{r['check_map_s']:11.3f} {r['floor_s'] + r['check_map_s']:17.3f}")
    print("CPU seconds, medians; the floor reads the claim lines only (96% of the generated text), "
          "the parse the whole map")


if __name__ == "__main__":
    main()
