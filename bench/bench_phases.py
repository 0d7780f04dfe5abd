"""Where `argmap check` spends its time: start-up, parse, resolve, the attack graph, each rule.

    .venv/bin/python bench/bench_phases.py [--sizes 20000 100000] [--startup-runs 5] [--top 10]

Start-up is `argmap check` of a one-claim map run as a program (CPU = user +
system of the child, and wall; medians of --startup-runs), so it includes
what every run pays: starting Python, importing (and, with
PYTHONDONTWRITEBYTECODE, compiling) the modules the command needs, building
the parser.  Then, for each size, in a fresh process: the first parse of the
generated map (``bench/generate.py``), resolving it, building its attack
graph, every rule on its own (the slowest --top listed), and ``check_map`` on
a fresh parse of the same map; CPU seconds (``time.process_time``), which a
busy machine disturbs less than wall time.  The rules' times are taken with
the resolution and attack graph already made (``check_map`` pays those once).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def startup(runs: int) -> dict:
    """Median CPU and wall seconds of `argmap check` on a one-claim map, as a program."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.argmap"
        path.write_text("thesis t: A thesis.\nclaim c (x): A claim.\n  supports t\n", encoding="utf-8")
        cpu, wall = [], []
        for _ in range(runs):
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-m", "argmap", "check", str(path)], cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(proc.pid, 0)
            wall.append(time.perf_counter() - start)
            cpu.append(usage.ru_utime + usage.ru_stime)
    return {"cpu_s": statistics.median(cpu), "wall_s": statistics.median(wall)}


def phases(size: int, top: int) -> dict:
    sys.path.insert(0, str(HERE))
    from generate import generate_map

    clock = time.process_time
    t = clock()
    import argmap
    from argmap._gc import no_gc
    from argmap.checks.config import Config
    from argmap.checks.rules import all_rules
    from argmap.checks.runner import Context, check_map
    from argmap.evaluation.mapgraph import attack_graph
    from argmap.resolve import resolve

    out: dict = {"claims": size, "import_s": clock() - t}
    text = generate_map(size)
    t = clock()
    m = argmap.parse(text, "gen.argmap")
    out["parse_s"] = clock() - t
    t = clock()
    with no_gc():
        resolve(m)
    out["resolve_s"] = clock() - t
    t = clock()
    attack_graph(m)
    out["attack_graph_s"] = clock() - t
    ctx = Context(m, None, None, Config())
    rules = []
    with no_gc():
        for r in all_rules():
            if r.function is None:
                continue
            t = clock()
            list(r.function(ctx))
            rules.append((clock() - t, r.code, r.name))
    rules.sort(reverse=True)
    out["rules_s"] = sum(s for s, _, _ in rules)
    out["slowest_rules"] = [[code, name, s] for s, code, name in rules[:top]]
    fresh = argmap.parse(text, "gen.argmap")
    t = clock()
    check_map(fresh)
    out["check_map_s"] = clock() - t
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 100000])
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(phases(args.one, args.top)))
        return
    sys.path.insert(0, str(HERE))
    from compare_argdown import byte_compile

    print(byte_compile())
    s = startup(args.startup_runs)
    print(f"start-up (argmap check, one claim): {s['cpu_s']:.3f} s CPU, {s['wall_s']:.3f} s wall")
    for size in args.sizes:
        found = json.loads(subprocess.run([sys.executable, __file__, "--one", str(size), "--top", str(args.top)],
                                          capture_output=True, text=True, check=True, cwd=ROOT).stdout)
        print(f"\n{size:,} claims (CPU s): import {found['import_s']:.3f}  parse {found['parse_s']:.3f}  "
              f"resolve {found['resolve_s']:.3f}  attack graph {found['attack_graph_s']:.3f}  "
              f"rules {found['rules_s']:.3f}  check_map (all of it, fresh map) {found['check_map_s']:.3f}")
        for code, name, seconds in found["slowest_rules"]:
            print(f"  {seconds:6.3f}  {code} {name}")


if __name__ == "__main__":
    main()
