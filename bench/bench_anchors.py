"""What the article rules and anchored quotations cost, against a plain check of the same map.

    .venv/bin/python bench/bench_anchors.py [--claims 20000] [--repeat 3] [--seeds ../shared/seeds]

The map has CLAIMS claims, each quoting six words of a 1 MB text (Brown's
article repeated) at a random place; everything happens in a temporary
folder.  Every step checks with every rule: a plain check (C120-C126 off,
no lock), a check without a lock (C120-C122 on), writing the lock, and a
check that compares with it (C120-C126 and the lock).  The steps run in
turn, REPEAT rounds; prints the least CPU time of each, the overhead over
the plain check and the lock's size.
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


def cpu(step) -> float:
    """The CPU time of one run of *step* (CPU time, not wall time: the machine is shared)."""
    t0 = time.process_time()
    step()
    return time.process_time() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seeds", type=Path, default=HERE.parent.parent / "shared" / "seeds")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    try:
        build(folder, args.seeds, args.claims)
        lock = folder / LOCK_NAME
        plain_rules = Config(ignore=tuple(f"C12{i}" for i in range(7)))
        check_paths([folder], config=Config(), update_anchors=True)
        written = lock.read_bytes()

        def plain():
            check_paths([folder], config=plain_rules)

        def without():
            check_paths([folder], config=Config())

        def write():
            check_paths([folder], config=Config(), update_anchors=True)

        def compare():
            report = check_paths([folder], config=Config())
            assert not [d for d in report.diagnostics if d.code in ("C123", "C124", "C125", "C126")]

        steps = {"plain check (C120-C126 off, no lock)": plain, "check without a lock": without,
                 "check --update-anchors": write, "check comparing the lock": compare}
        least = dict.fromkeys(steps, float("inf"))
        for _ in range(args.repeat):
            for name, step in steps.items():
                lock.unlink(missing_ok=True)
                if step is compare:
                    lock.write_bytes(written)
                least[name] = min(least[name], cpu(step))
        base = least["plain check (C120-C126 off, no lock)"]
        print(f"{args.claims} claims, CPU seconds, best of {args.repeat}:")
        for name, seconds in least.items():
            print(f"  {name:38} {seconds:6.2f} s  ({(seconds / base - 1) * 100:+.0f}%)")
        print(f"  lock: {len(written) / 1e6:.1f} MB")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
