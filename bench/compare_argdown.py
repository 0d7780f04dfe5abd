"""argmap against Argdown, side by side, on the same generated maps.

    .venv/bin/python bench/compare_argdown.py --install-argdown /tmp/argdown    # once: npm install
    .venv/bin/python bench/compare_argdown.py --argdown /tmp/argdown           # 2k, 20k, 100k claims
    .venv/bin/python bench/compare_argdown.py --argdown /tmp/argdown --sizes 2000 --repeat 5 --json out.json

For each size the map of ``bench/generate.py`` is written as argmap text and
as Argdown text with the same statements and the same support/attack
relations: the thesis and every claim as a titled statement
``[id]: text``, each relation as ``+> [target]`` (supports) or
``-> [target]`` (rebuts) under its source.  No cases, data or front matter
on the Argdown side: plain statements and relations, so both tools do
comparable work.  (Argdown has no footnotes; argmap's side has them and
checks them, which is work Argdown does not do.)

Then, as command-line programs, interleaved (argmap, Argdown, argmap,
Argdown, ...) so that a change in the machine's load hits both alike:

* ``argmap check MAP``            against ``argdown json FILE --stdout``
  (read, parse, build the model; argmap also runs all its checks);
* ``argmap render MAP --format dot`` against ``argdown map FILE --format dot --stdout``
  (read, parse, model, the DOT text; no layout on either side).

argmap runs as an installed copy would, with its bytecode written first
(:func:`byte_compile`; Node compiles Argdown's JavaScript on every run, as
it always does).  Each command runs --repeat times; the table shows medians of wall time,
CPU time (user + system: fairer than wall time on a busy machine) and
peak memory (maximum resident set size), and Argdown's figure divided by
argmap's (above 1: argmap is faster or smaller).  Peak memory and CPU
come from ``/usr/bin/time -v`` when present, else from ``os.wait4``'s
rusage of each child.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARGDOWN_PACKAGE = "@argdown/cli@1"
TASKS = ("check", "dot")
_SYMBOL = {"supports": "+>", "rebuts": "->", "contradicts": "><"}


# ------------------------------------------------------------- the maps ----


def argdown_text(m) -> str:
    """*m* as plain Argdown: one titled statement per thesis and claim, its relations under it."""
    from argmap.interchange.argdown_out import escape

    out: dict[str, list[str]] = {}
    for node in (*m.theses, *m.claims):
        out[node.id] = [f"[{node.id}]: {escape(node.text)}"]
    for rel in m.relations:
        symbol = _SYMBOL.get(rel.kind)
        if symbol is None or rel.source.id not in out:
            continue  # undercuts and arguments: the generated maps have none
        out[rel.source.id].append(f"  {symbol} [{rel.target.id}]")
    return "\n\n".join("\n".join(lines) for lines in out.values()) + "\n"


def write_maps(size: int, folder: Path) -> tuple[Path, Path, dict]:
    """The argmap and Argdown files of *size* claims in *folder*, and their sizes."""
    sys.path.insert(0, str(HERE))
    from generate import generate_map

    import argmap

    text = generate_map(size)
    m = argmap.parse(text)
    ours = folder / f"gen{size}.argmap"
    theirs = folder / f"gen{size}.argdown"
    ours.write_text(text, encoding="utf-8")
    theirs.write_text(argdown_text(m), encoding="utf-8")
    relations = sum(1 for r in m.relations if r.kind in _SYMBOL)
    return ours, theirs, {"claims": len(m.claims), "relations": relations,
                          "argmap_bytes": ours.stat().st_size, "argdown_bytes": theirs.stat().st_size}


# ------------------------------------------------------------- running ----

_TIME = "/usr/bin/time"


def _has_gnu_time() -> bool:
    if not os.access(_TIME, os.X_OK):
        return False
    done = subprocess.run([_TIME, "-v", "true"], capture_output=True, text=True)
    return "Maximum resident set size" in done.stderr


def measure(cmd: list[str], timeout: float) -> dict:
    """Run *cmd* once under ``/usr/bin/time -v`` (output thrown away): wall s, cpu s, peak MiB, exit status."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        full = [_TIME, "-v", "-o", report.name, *cmd]
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return {"wall_s": None, "cpu_s": None, "peak_mib": None, "status": "timeout"}
        wall = time.perf_counter() - start
        text = Path(report.name).read_text()
        user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
        system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
        peak_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
        m = re.search(r"Exit status: (\d+)", text)
        status = int(m.group(1)) if m else proc.returncode
    return {"wall_s": wall, "cpu_s": user + system, "peak_mib": peak_kib / 1024, "status": status,
            "stderr": err.decode("utf-8", "replace")[-400:]}


def measure_wait4(cmd: list[str], timeout: float) -> dict:
    """:func:`measure` without GNU time: the child's own rusage from ``os.wait4``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            return {"wall_s": None, "cpu_s": None, "peak_mib": None, "status": "timeout"}
        time.sleep(0.005)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024,
            "status": proc.returncode}


def commands(task: str, ours: Path, theirs: Path, argdown: Path) -> tuple[list[str], list[str]]:
    """The argmap and Argdown command lines for *task*."""
    argmap_cli = [sys.executable, "-m", "argmap"]
    if task == "check":
        return [*argmap_cli, "check", str(ours)], [str(argdown), "json", str(theirs), "--stdout", "--silent"]
    return ([*argmap_cli, "render", str(ours), "--format", "dot"],
            [str(argdown), "map", str(theirs), "--format", "dot", "--stdout", "--silent"])


def byte_compile() -> str:
    """Write argmap's bytecode (``compileall``), as installing the package from a wheel does.

    Python reads a module's cached bytecode even where it may not write it
    (``PYTHONDONTWRITEBYTECODE``, which some machines set): without the cache,
    every ``argmap`` run would first compile the whole package again, about
    0.15 s that no installed copy pays.  Returns a line saying what was done.
    """
    import compileall

    import argmap

    folder = Path(argmap.__file__).parent
    compileall.compile_dir(str(folder), quiet=1)
    return f"argmap's bytecode written in {folder} (as an installed wheel has it)"


def argdown_bin(folder: Path) -> Path:
    return folder / "node_modules" / ".bin" / "argdown"


def install_argdown(folder: Path) -> Path | None:
    """``npm install --prefix FOLDER @argdown/cli@1``; None (with a message) when npm is missing."""
    npm = shutil.which("npm")
    if npm is None:
        print("npm is not installed: skipping the comparison with Argdown "
              "(install Node.js and npm, then run again with --install-argdown DIR)", file=sys.stderr)
        return None
    folder.mkdir(parents=True, exist_ok=True)
    print(f"installing {ARGDOWN_PACKAGE} into {folder} ...", file=sys.stderr)
    subprocess.run([npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", ARGDOWN_PACKAGE], check=True)
    return argdown_bin(folder)


def versions(argdown: Path | None) -> dict:
    out = {"python": platform.python_version(), "nproc": os.cpu_count(), "cpu": platform.processor() or ""}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                out["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    node = shutil.which("node")
    if node:
        out["node"] = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    if argdown is not None:
        out["argdown"] = subprocess.run([str(argdown), "--version"], capture_output=True, text=True).stdout.strip()
    import argmap

    out["argmap"] = getattr(argmap, "__version__", "")
    return out


def _median(runs: list[dict], key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000, 100000], help="claims per map")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (medians are shown)")
    parser.add_argument("--tasks", nargs="+", choices=TASKS, default=list(TASKS))
    parser.add_argument("--argdown", type=Path, metavar="DIR", help="folder Argdown was installed into")
    parser.add_argument("--install-argdown", type=Path, metavar="DIR",
                        help=f"npm install {ARGDOWN_PACKAGE} into DIR first (skips the comparison if npm is missing)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds allowed for one run")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="write the generated maps here and keep them")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every run as JSON")
    args = parser.parse_args()

    argdown = None
    if args.install_argdown is not None:
        argdown = install_argdown(args.install_argdown)
        if argdown is None:
            return 0
    elif args.argdown is not None:
        argdown = argdown_bin(args.argdown)
    if argdown is None or not argdown.exists():
        print("Argdown is not installed: use --install-argdown DIR (needs npm), or --argdown DIR "
              "if it is installed already", file=sys.stderr)
        return 2
    gnu_time = _has_gnu_time()
    run = (lambda cmd: measure(cmd, args.timeout)) if gnu_time else (lambda cmd: measure_wait4(cmd, args.timeout))
    info = versions(argdown)
    print(f"machine: {info['nproc']} cores, {info['cpu']}; Python {info['python']}, Node {info.get('node')}, "
          f"Argdown {info.get('argdown')}; memory from {'/usr/bin/time -v' if gnu_time else 'os.wait4'}")
    print(byte_compile())
    folder = args.keep or Path(tempfile.mkdtemp(prefix="argmap-vs-argdown-"))
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    header = (f"{'claims':>7} {'task':>5} | {'argmap s':>8} {'cpu s':>6} {'MiB':>6} | {'argdown s':>9} {'cpu s':>6} "
              f"{'MiB':>6} | {'x wall':>6} {'x cpu':>6} {'x mem':>6}")
    print(header)
    print("-" * len(header))
    try:
        for size in args.sizes:
            ours, theirs, shape = write_maps(size, folder)
            for task in args.tasks:
                a_cmd, b_cmd = commands(task, ours, theirs, argdown)
                a_runs, b_runs = [], []
                for _ in range(args.repeat):  # interleaved: argmap, argdown, argmap, argdown, ...
                    a_runs.append(run(a_cmd))
                    b_runs.append(run(b_cmd))
                bad = [r for r in a_runs + b_runs if r["status"] not in (0, 1)]
                for r in bad:
                    print(f"  warning: a run ended with status {r['status']}: {r.get('stderr', '').strip()[-200:]}",
                          file=sys.stderr)
                row = {"claims": size, "task": task, **shape,
                       "argmap": {k: _median(a_runs, k) for k in ("wall_s", "cpu_s", "peak_mib")},
                       "argdown": {k: _median(b_runs, k) for k in ("wall_s", "cpu_s", "peak_mib")},
                       "runs": {"argmap": a_runs, "argdown": b_runs},
                       "commands": {"argmap": a_cmd, "argdown": b_cmd}}
                ratio = {k: (row["argdown"][k] / row["argmap"][k]
                             if row["argdown"][k] and row["argmap"][k] else None) for k in row["argmap"]}
                row["ratio"] = ratio
                results.append(row)
                a, b = row["argmap"], row["argdown"]
                print(f"{size:>7} {task:>5} | {_fmt(a['wall_s'], '8.2f')} {_fmt(a['cpu_s'], '6.2f')} "
                      f"{_fmt(a['peak_mib'], '6.0f')} | {_fmt(b['wall_s'], '9.2f')} {_fmt(b['cpu_s'], '6.2f')} "
                      f"{_fmt(b['peak_mib'], '6.0f')} | {_fmt(ratio['wall_s'], '6.1f')} {_fmt(ratio['cpu_s'], '6.1f')} "
                      f"{_fmt(ratio['peak_mib'], '6.1f')}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print("x: Argdown's figure / argmap's (above 1: argmap faster or smaller); medians of "
          f"{args.repeat} runs; check = `argmap check` vs `argdown json`, dot = `argmap render --format dot` "
          "vs `argdown map --format dot`")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
