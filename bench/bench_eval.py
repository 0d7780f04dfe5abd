"""Benchmark: parse + check + grounded evaluation, and grounded against formal-argumentation.

    .venv/bin/python bench/bench_eval.py                    # 10k, 100k maps; 1M graph; comparison
    .venv/bin/python bench/bench_eval.py --sizes 10000 100000 1000000 --parse-max 100000

Maps of up to ``--parse-max`` claims are generated as argmap text and go
through parse, check and evaluate; larger sizes are evaluated through the
plain-graph API (``argmap.evaluation.core.grounded``).  Every claim attacks about
three others.  Each size runs in a fresh process so that its peak memory
(maximum resident set size) is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

ATTACKS_PER_CLAIM = 3


def graph(n: int, seed: int = 1) -> tuple[list[str], list[tuple[str, str]]]:
    """n nodes, 3n random attacks (self-attacks allowed, as in ICCMA benchmarks)."""
    rnd = random.Random(seed)
    nodes = [f"c{i}" for i in range(n)]
    attacks = [(nodes[i], nodes[rnd.randrange(n)]) for i in range(n) for _ in range(ATTACKS_PER_CLAIM)]
    return nodes, attacks


def map_text(n: int, seed: int = 1) -> str:
    """A map of n claims, each rebutting three random claims (supports now and then)."""
    rnd = random.Random(seed)
    out = ["map bench {\n}\n"]
    for i in range(n):
        out.append(f"claim c{i}: Claim number {i} of the benchmark map.\n")
        for k in range(ATTACKS_PER_CLAIM):
            kind = "supports" if k == 0 and rnd.random() < 0.2 else "rebuts"
            out.append(f"  {kind} c{rnd.randrange(n)}\n")
    return "".join(out)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(n: int, parse: bool) -> dict:
    import argmap
    from argmap.checks.runner import Config
    from argmap.evaluation.core import evaluate, grounded

    row: dict = {"claims": n}
    if parse:
        text = map_text(n)
        t0 = time.perf_counter()
        m = argmap.parse(text)
        t1 = time.perf_counter()
        diagnostics = argmap.check(m, config=Config(ignore=("S210",)))  # S210 runs one more evaluation
        t2 = time.perf_counter()
        c2 = time.process_time()
        e = evaluate(m)
        t3 = time.perf_counter()
        row["grounded_cpu_s"] = time.process_time() - c2
        row.update(mode="map", attacks=sum(1 for r in m.relations if r.kind != "supports"),
                   parse_s=t1 - t0, check_s=t2 - t1, grounded_s=t3 - t2, diagnostics=len(diagnostics),
                   **{"in": sum(1 for v in e.labels.values() if v.value == "in")})
    else:
        nodes, attacks = graph(n)
        t0, c0 = time.perf_counter(), time.process_time()
        result = grounded(nodes, attacks)
        t1 = time.perf_counter()
        row["grounded_cpu_s"] = time.process_time() - c0
        row.update(mode="graph", attacks=len(attacks), grounded_s=t1 - t0,
                   **{"in": sum(1 for v in result.labels.values() if v.value == "in")})
    row["peak_mib"] = _peak_mib()
    return row


def compare(n: int = 100_000) -> dict:
    """argmap's grounded against formal-argumentation's on one graph, from the same edge list."""
    from argumentation.core.dung import ArgumentationFramework, grounded_extension as fa_grounded

    from argmap.evaluation.core import grounded_extension

    nodes, attacks = graph(n)
    best_a = best_f = float("inf")
    clock = time.process_time  # CPU time: fair to both even on a busy machine
    for _ in range(3):
        t0 = clock()
        ours = grounded_extension(nodes, attacks)
        t1 = clock()
        theirs = fa_grounded(ArgumentationFramework(frozenset(nodes), frozenset(attacks)))
        t2 = clock()
        best_a, best_f = min(best_a, t1 - t0), min(best_f, t2 - t1)
    assert ours == theirs, "argmap and formal-argumentation disagree"
    return {"arguments": n, "attacks": len(attacks), "argmap_s": best_a, "formal_argumentation_s": best_f,
            "speedup": best_f / best_a, "grounded_size": len(ours)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--parse-max", type=int, default=100_000,
                        help="largest size generated as map text and parsed (larger: graph API)")
    parser.add_argument("--compare", type=int, default=100_000, help="graph size for the comparison (0: skip)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--graph", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, parse=not args.graph)))
        return
    print(f"{'claims':>9} {'attacks':>9} {'mode':>5} {'parse s':>8} {'check s':>8} {'grounded s':>10} {'(cpu s)':>8} {'peak MiB':>9}")
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n)] + ([] if n <= args.parse_max else ["--graph"])
        row = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        rows.append(row)
        print(f"{row['claims']:>9} {row['attacks']:>9} {row['mode']:>5} {row.get('parse_s', 0):>8.2f} "
              f"{row.get('check_s', 0):>8.2f} {row['grounded_s']:>10.2f} {row['grounded_cpu_s']:>8.2f} {row['peak_mib']:>9.0f}")
    for a, b in zip(rows, rows[1:]):
        if a["mode"] == b["mode"]:
            print(f"growth {a['claims']} -> {b['claims']}: grounded cpu x{b['grounded_cpu_s'] / a['grounded_cpu_s']:.1f} "
                  f"for x{b['claims'] / a['claims']:.0f} claims")
    if args.compare:
        c = compare(args.compare)
        print(f"grounded on {c['arguments']} arguments / {c['attacks']} attacks (cpu, best of 3): argmap {c['argmap_s']:.2f} s, "
              f"formal-argumentation {c['formal_argumentation_s']:.2f} s ({c['speedup']:.1f}x faster)")


if __name__ == "__main__":
    main()
