"""Benchmark: finding quotations in a big text, argmap.sources.match against argmap.checks.quotes.

    .venv/bin/python bench/bench_quotes.py                    # 4 MB text, 1,000-word quotations
    .venv/bin/python bench/bench_quotes.py --old              # the old matcher too (tens of seconds)
    .venv/bin/python bench/bench_quotes.py --size 1000000 --words 200 --repeat 5

The text is made-up prose drawn from the seed articles' words with one
article (Brown's) in the middle; the quotations are an absent one (random
words), a misquotation of 1,000 words of Brown (five words changed), and a
short exact quotation.  "prepare" is the one-off normalisation of the text;
each quotation is then timed on the prepared text, best of ``--repeat``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))

from argmap.checks import quotes  # noqa: E402
from argmap.sources import match  # noqa: E402

BROWN = "001_ecff49c0a03a943e.txt"


def big_text(size: int, rng: random.Random) -> tuple[str, str]:
    """(*size* characters of made-up prose with Brown's article in the middle, Brown's text)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    brown = (SEEDS / BROWN).read_text(encoding="utf-8")
    vocabulary = sorted({w for t in texts for w in t.split()})
    words, length = [], 0
    while length < size:
        words.append(rng.choice(vocabulary))
        length += len(words[-1]) + 1
    half = len(words) // 2
    return " ".join(words[:half]) + "\n\n" + brown + "\n\n" + " ".join(words[half:]), brown


def best_of(repeat: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=4_000_000, help="characters of text (default 4 MB)")
    parser.add_argument("--words", type=int, default=1000, help="words per long quotation")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--old", action="store_true", help="time argmap.checks.quotes as well (slow)")
    args = parser.parse_args(argv)

    rng = random.Random(1)
    text, brown = big_text(args.size, rng)
    vocabulary = sorted(set(brown.split()))
    cases = {
        "absent": " ".join(rng.choice(vocabulary) for _ in range(args.words)),
        "misquoted": " ".join(brown.split()[300:300 + args.words]).replace(" the ", " a ", 5),
        "exact (20 words)": " ".join(brown.split()[2000:2020]),
    }
    print(f"text: {len(text):,} characters; quotations of {args.words} words\n")
    match.prepare.cache_clear()
    t_prepare, _ = best_of(1, lambda: match.prepare(text))
    head = f"{'':18} {'new (s)':>10} {'found':>6} {'score':>6}"
    print(head + (f" {'old (s)':>10} {'found':>6} {'score':>6}" if args.old else ""))
    print(f"{'prepare':18} {t_prepare:10.3f}" + (" " * 14 if not args.old else ""), end="")
    old = None
    if args.old:
        t_old, old = best_of(1, lambda: quotes.SourceText(text))
        print(f" {'':6} {'':6} {t_old:10.3f}", end="")
    print()
    for name, quote in cases.items():
        t_new, new = best_of(args.repeat, lambda: match.find_quotation(quote, text))
        row = f"{name:18} {t_new:10.3f} {str(new.found):>6} {new.score:6.1f}"
        if old is not None:
            t_old, before = best_of(1, lambda: old.find(quote))
            row += f" {t_old:10.3f} {str(before.found):>6} {before.score:6.1f}"
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
