"""Parse time of generated maps: valid ones, ones with syntax errors, and formatting.

    .venv/bin/python bench/bench_parse.py [--claims 4900] [--errors 25] [--repeat 3]

A map of *claims* claims (4,900 make about 546 kB) is parsed as it is, then
with *errors* claim lines broken (``claim cN (pro) by p text``, no colon)
at even intervals, which must all be reported in one pass; then formatted
with ``format_text``; the formatting map is also timed parsing alone.  Targets:
25 errors in 546 kB under 1 s; ``format_text`` of a 20,000-claim map under 1 s;
parsing 20,000 claims in 0.5 s.  Times are the best of *repeat* runs, wall clock:
on a shared machine run it more than once.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def with_errors(text: str, errors: int) -> str:
    """*text* with *errors* claim lines, evenly spread, missing the colon after their head."""
    lines = text.split("\n")
    claims = [i for i, line in enumerate(lines) if line.startswith("claim ")]
    step = max(1, len(claims) // max(errors, 1))
    for i in claims[step // 2::step][:errors]:
        lines[i] = re.sub(r":", "", lines[i], count=1)
    return "\n".join(lines)


def best(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    from generate import generate_map

    import argmap
    from argmap.formatting import format_text

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=4900)
    parser.add_argument("--errors", type=int, default=25)
    parser.add_argument("--format-claims", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    argmap.parse(generate_map(20))  # build the parser once, outside the timings
    text = generate_map(args.claims)
    bad = with_errors(text, args.errors)

    def errors() -> None:
        try:
            argmap.parse(bad, "bad.argmap")
        except argmap.ArgmapError as exc:
            assert len(exc.diagnostics) == args.errors, len(exc.diagnostics)
        else:
            raise AssertionError("the broken map parsed")

    print(f"valid map, {len(text.encode()) / 1e3:.0f} kB: parse {best(args.repeat, lambda: argmap.parse(text)):.3f} s")
    print(f"{args.errors} syntax errors in {len(bad.encode()) / 1e3:.0f} kB: {best(args.repeat, errors):.3f} s")
    big = generate_map(args.format_claims)
    print(f"valid map, {args.format_claims} claims: parse {best(args.repeat, lambda: argmap.parse(big)):.3f} s")
    print(f"format_text, {args.format_claims} claims: {best(args.repeat, lambda: format_text(big)):.3f} s")


if __name__ == "__main__":
    main()
