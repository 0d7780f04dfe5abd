"""Parse + check time and peak memory for generated maps of 1k, 10k and 100k claims.

    .venv/bin/python bench/bench_check.py [--sizes 1000 10000 100000] [--repeat 3]

Each size runs in a fresh process so that peak memory (ru_maxrss) is the
size's own.  Target: 100k claims parse and check in under 5 s, and time
grows linearly with size.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def one(size: int) -> dict:
    sys.path.insert(0, str(HERE))
    from generate import generate_map

    import argmap

    text = generate_map(size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    m = argmap.parse(text, "gen.argmap")
    t1 = time.perf_counter()
    diagnostics = argmap.check(m)
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "claims": len(m.claims),
        "relations": len(m.relations),
        "bytes": len(text.encode()),
        "parse_s": t1 - t0,
        "check_s": t2 - t1,
        "total_s": t2 - t0,
        "peak_rss_mb": peak / 1024,
        "rss_growth_mb": (peak - before) / 1024,
        "diagnostics": len(diagnostics),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    print(f"{'claims':>8} {'relations':>9} {'MB':>6} {'parse s':>8} {'check s':>8} {'total s':>8} {'s/10k':>6} {'peak MB':>8}")
    for size in args.sizes:
        runs = []
        for _ in range(args.repeat):
            out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout))
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"{med['claims']:>8.0f} {med['relations']:>9.0f} {med['bytes'] / 1e6:>6.2f} {med['parse_s']:>8.3f} "
              f"{med['check_s']:>8.3f} {med['total_s']:>8.3f} {med['total_s'] / size * 1e4:>6.3f} {med['peak_rss_mb']:>8.1f}")


if __name__ == "__main__":
    main()
