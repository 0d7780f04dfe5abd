"""Benchmark: `argmap eval FILE.i23` end to end against formal-argumentation's build + grounded.

    .venv/bin/python bench/bench_iccma.py                     # 100k / 300k side by side, 1M / 3M alone
    .venv/bin/python bench/bench_iccma.py --sizes 100000 --repeat 5

Each measurement is a whole process (start-up, reading the file, labelling,
printing for argmap; reading the same file with a plain split, building the
ArgumentationFramework and computing its grounded extension for
formal-argumentation), the two run alternately, best of ``--repeat``.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

THEIRS = """
import sys
from argumentation.core.dung import ArgumentationFramework, grounded_extension
lines = open(sys.argv[1]).read().split("\\n")
n = int(lines[0].split()[2])
attacks = frozenset((int(a), int(b)) for a, b in (line.split() for line in lines[1:] if line))
print(len(grounded_extension(ArgumentationFramework(frozenset(range(1, n + 1)), attacks))))
"""


def write(path: Path, n: int, seed: int = 1) -> None:
    """An ICCMA 2023 file: n arguments, 3n random attacks."""
    rnd = random.Random(seed)
    with path.open("w") as f:
        f.write(f"p af {n}\n")
        f.write("".join(f"{i + 1} {rnd.randrange(n) + 1}\n" for i in range(n) for _ in range(3)))


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--vs-max", type=int, default=100_000, help="largest size also run with formal-argumentation")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    argmap_cmd = [str(Path(sys.executable).with_name("argmap")), "eval"]
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"g{n}.i23"
            write(path, n)
            ours, theirs = [], []
            for _ in range(args.repeat):
                ours.append(timed(argmap_cmd + [str(path)]))
                if n <= args.vs_max:
                    theirs.append(timed([sys.executable, "-c", THEIRS, str(path)]))
            line = f"{n} arguments / {3 * n} attacks: argmap eval {min(ours):.2f} s"
            if theirs:
                line += f", formal-argumentation build + grounded {min(theirs):.2f} s ({min(theirs) / min(ours):.2f}x)"
            print(line, flush=True)


if __name__ == "__main__":
    main()
