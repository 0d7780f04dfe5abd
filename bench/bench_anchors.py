"""What anchored quotations cost: a check without a lock, writing the lock, a check that compares with it.

    .venv/bin/python bench/bench_anchors.py [--claims 20000] [--repeat 3] [--seeds ../shared/seeds]

The map has CLAIMS claims, each quoting six words of a 1 MB text (Brown's
article repeated) at a random place; everything happens in a temporary
folder.  Prints the least CPU time of REPEAT runs of each step and the
lock's size.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from argmap.checks.anchors import LOCK_NAME
from argmap.checks.paths import check_paths
from argmap.checks.runner import Config

HERE = Path(__file__).resolve().parent


def build(folder: Path, seeds: Path, claims: int) -> None:
    body = (seeds / "001_ecff49c0a03a943e.txt").read_text(encoding="utf-8")
    text = (body * (1_000_000 // len(body) + 1))[:1_000_000]
    (folder / "source.txt").write_text(text, encoding="utf-8")
    words = text.split()
    rng = random.Random(1)
    out = ['map big "Big" {\n  text "source.txt"\n}\n']
    for i in range(claims):
        at = rng.randrange(len(words) - 6)
        quote = " ".join(words[at:at + 6]).replace("\\", "").replace('"', "")
        if '"' in quote or "“" in quote or "”" in quote:
            quote = "the"
        out.append(f'claim c{i}: Claim {i}.\n  quote "{quote}"\n')
    (folder / "big.argmap").write_text("".join(out), encoding="utf-8")


def best(step, repeat: int) -> float:
    """The least CPU time of *repeat* runs (CPU time, not wall time: the machine is shared)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        step()
        times.append(time.process_time() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seeds", type=Path, default=HERE.parent.parent / "shared" / "seeds")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    try:
        build(folder, args.seeds, args.claims)
        config = Config(select=("C",))
        lock = folder / LOCK_NAME

        def plain():
            lock.unlink(missing_ok=True)
            check_paths([folder], config=config)

        def write():
            lock.unlink(missing_ok=True)
            check_paths([folder], config=config, update_anchors=True)

        def compare():
            report = check_paths([folder], config=config)
            assert not [d for d in report.diagnostics if d.code in ("C123", "C124", "C125", "C126")]

        without = best(plain, args.repeat)
        writing = best(write, args.repeat)
        comparing = best(compare, args.repeat)
        print(f"{args.claims} claims, CPU seconds, best of {args.repeat}:")
        print(f"  check without a lock      {without:6.2f} s")
        print(f"  check --update-anchors    {writing:6.2f} s  (lock {lock.stat().st_size / 1e6:.1f} MB)")
        print(f"  check comparing the lock  {comparing:6.2f} s  ({(comparing / without - 1) * 100:+.0f}%)")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
