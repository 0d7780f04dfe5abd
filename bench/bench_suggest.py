""""Did you mean" on maps with many dangling names: difflib against argmap.suggest.

    .venv/bin/python bench/bench_suggest.py [--sizes 1000 3000] [--ids words|numbered]

The lookups S201 makes on a map of N claims that each support a
misspelling of another claim's id (a letter dropped, doubled or swapped):
N dangling references, each looked up among the N ids.  Both searches get
the same words and names and must agree on every suggestion; the table
gives the CPU seconds each takes for all N lookups (CPU rather than wall
time: the machine may be busy).
"""

from __future__ import annotations

import argparse
import difflib
import random
import time

from argmap.suggest import Names, close_matches

WORDS = ("visit summit trust sanction islands treaty talks border fishing economy energy pipeline "
         "investment dialogue security alliance policy approach failure success leader minister aide "
         "declaration compromise sovereignty jurisdiction project cooperation tension").split()


def names(count: int, kind: str, rng: random.Random) -> list[str]:
    """*count* distinct claim ids: two or three words joined (as the seed maps write them), or c0, c1, ..."""
    if kind == "numbered":
        return [f"c{i}" for i in range(count)]
    out: dict[str, None] = {}
    while len(out) < count:
        out["_".join(rng.sample(WORDS, rng.choice((2, 3))))] = None
    return list(out)


def misspell(name: str, rng: random.Random) -> str:
    """A typo of *name*: one letter dropped, doubled or swapped with the next."""
    i = rng.randrange(len(name) - 1)
    how = rng.randrange(3)
    if how == 0:
        return name[:i] + name[i + 1:]
    if how == 1:
        return name[:i] + name[i] + name[i:]
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]


def run(size: int, kind: str) -> tuple[float, float, int]:
    rng = random.Random(size)
    known = names(size, kind, rng)
    words = [misspell(rng.choice(known), rng) for _ in range(size)]
    t0 = time.process_time()
    before = [difflib.get_close_matches(w, known, n=3, cutoff=0.6) for w in words]
    t1 = time.process_time()
    index = Names(known)
    after = [index.close_matches(w) for w in words]
    t2 = time.process_time()
    assert after == before, "argmap.suggest disagrees with difflib"
    assert [close_matches(w, known) for w in words[:50]] == before[:50]
    return t1 - t0, t2 - t1, sum(1 for b in before if b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--ids", choices=("words", "numbered"), nargs="+", default=["words", "numbered"])
    args = parser.parse_args()
    print(f"{'ids':>9} {'names':>6} {'lookups':>7} {'difflib s':>10} {'suggest s':>10} {'with hint':>9}")
    for kind in args.ids:
        for size in args.sizes:
            slow, fast, hinted = run(size, kind)
            print(f"{kind:>9} {size:>6} {size:>7} {slow:>10.2f} {fast:>10.2f} {hinted:>9}")


if __name__ == "__main__":
    main()
