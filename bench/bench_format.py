"""Formatting generated maps: the writer and ``format_text``, the map already parsed, CPU seconds.

    .venv/bin/python bench/bench_format.py [--sizes 2000 20000] [--repeat 5]

For each size: the parse of the map (for scale), the writer alone
(``Writer(m, Hints.of(m, text)).write()`` on the parsed map), ``format_text``
whole, and ``format_text`` less the parse of its input (what formatting costs beyond
reading the file: the writer, and the check that the output reads back as
the same map; the difference of two best times, so only as steady as the
machine).  The generated map is canonical but for its long lines;
"edited" is the same map with comments, blank lines and extra spaces added,
which takes the full read-back check.  Target: ``format_text`` of 20,000
claims under 1 s.  Times are the best of *repeat* runs, CPU seconds
(``time.process_time``): on a shared machine the wall clock is noise.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def edited(text: str, seed: int = 5) -> str:
    """*text* with a comment before one line in twenty, a blank line before another, spaces after some colons."""
    rng = random.Random(seed)
    out = []
    for i, line in enumerate(text.split("\n")):
        if rng.random() < 0.05:
            out.append(f"# comment {i}")
        if rng.random() < 0.05:
            out.append("")
        out.append(line.replace(": ", ":   ", 1) if rng.random() < 0.1 else line)
    return "\n".join(out)


def best(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> None:
    from generate import generate_map

    import argmap
    from argmap._gc import no_gc
    from argmap.formatting import format_text
    from argmap.formatting.layout import Hints, Writer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    argmap.parse(generate_map(20))  # build the parser once, outside the timings
    print(f"{'claims':>8} {'map':>9} {'parse':>7} {'writer':>7} {'format_text':>12} {'format_text - parse':>20}")
    for n in args.sizes:
        for name, text in (("generated", generate_map(n)), ("edited", edited(generate_map(n)))):
            m = argmap.parse(text)
            parse = best(args.repeat, lambda: argmap.parse(text))

            def write() -> None:
                with no_gc():
                    Writer(m, Hints.of(m, text)).write()

            writer = best(args.repeat, write)
            fmt = best(args.repeat, lambda: format_text(text))
            print(f"{n:>8} {name:>9} {parse:>7.3f} {writer:>7.3f} {fmt:>12.3f} {fmt - parse:>20.3f}")


if __name__ == "__main__":
    main()
