"""Fuzzing argmap: mutated real maps and foreign files through every stage that reads them.

Run it (one process per entry point; see docs/fuzzing.md)::

    .venv/bin/python -m tests.fuzz.harness --inputs 200000 --seed 1
    .venv/bin/python -m tests.fuzz.harness --entry aif --inputs 40000 --seed 1

Entry points (``--entry``): ``map`` (the language: parse, check, fmt, draw),
``argdown``, ``aif`` and ``kialo`` (what ``argmap convert`` reads, see
:mod:`tests.fuzz.foreign`), ``writers`` (damaged maps through every writer
and back), ``config`` (argmap.toml and ``[tool.argmap]``, see :mod:`tests.fuzz.config`), or ``all`` (the inputs shared among them).

Hypothesis draws each input: a slice of a real map (maps/*.argmap and the
corpus) or of a converter seed, then a few mutations (delete, duplicate,
swap or cut lines, insert a piece of syntax or an odd character; for AIF,
values of the wrong type anywhere in the JSON).  Each input goes through
its entry point's exercise; anything but a clean result or a refusal with
diagnostics is a finding, and so is an input that takes longer than the
time limit.  Findings are written to ``tests/fuzz/findings/`` (new inputs
worth keeping go to ``corpus/`` by hand, minimised, so that
``tests/fuzz/test_corpus.py`` replays them).
"""

from __future__ import annotations

import argparse
import hashlib
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = HERE / "corpus"
FINDINGS = HERE / "findings"
TIME_LIMIT = 2.0  # seconds per input; real maps take milliseconds


class Finding(Exception):
    """An input argmap mishandled: a crash, a hang, or a formatter that changed the map."""


def exercise(text: str) -> str:
    """Parse, check, format and draw *text*; returns how far it got. Raises Finding on misbehaviour."""
    from argmap.checks.runner import check
    from argmap.syntax.parser import ArgmapError, parse
    from argmap.formatting.writer import CannotFormat, UnsafeFormat, format_text, normalize

    try:
        m = parse(text, "fuzz.argmap")
    except ArgmapError as exc:
        if not exc.diagnostics:
            raise Finding("ArgmapError without diagnostics") from exc
        for d in exc.diagnostics:
            d.format()
        return "rejected"
    check(m)
    try:
        once = format_text(text, "fuzz.argmap")
    except (ArgmapError, CannotFormat):
        return "not formatted"  # refused on purpose, with a message (a second header, say)
    except UnsafeFormat as exc:
        raise Finding(f"fmt would change the map: {exc}") from exc
    if normalize(parse(once, "fuzz.argmap")) != normalize(m):  # format_text's own check, made here too
        raise Finding("fmt changed the map")
    if format_text(once) != once:
        raise Finding("fmt is not idempotent")
    try:
        from argmap.rendering import diagram
    except ImportError:  # pragma: no cover - render not installed
        return "formatted"
    diagram(m).source
    return "drawn"


# ------------------------------------------------------------- mutations ----

PIECES = [
    "claim ", "thesis ", "case ", " for ", " against ", "person ", "org ", "argument ", "use ", " from ",
    "map ", "footnotes\n", "  quote ", "  tags ", "  concession\n", "  supports ", "  rebuts ", "  undercuts ",
    "  contradicts ", " -> ", " + ", " by ", "(", ")", "{", "}\n", ":", '"', '\\"', "\\", "\\\n", "\\\n    ",
    "[^", "[^1]", "[^1]:", "]", "#", " # c\n", "\n", "\n\n", "\r\n", "\t", "\f", ".", "a.b", "\ufeff",
    "é", "–", "😀", "\u2028", "\x85", "\x00", "\u200b", 'author "x"\n', "published 2017-02\n", 'text "../x"\n',
]


def seeds() -> list[str]:
    files = sorted((ROOT / "maps").glob("*.argmap")) + sorted(CORPUS.glob("*.argmap"))
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    return texts or ["claim a: A.\n"]


@st.composite
def mutated(draw, sources: list[str]):
    lines = draw(st.sampled_from(sources)).split("\n")
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    size = draw(st.integers(1, 40))
    lines = lines[start:start + size]
    if draw(st.booleans()) and len(sources) > 1:  # keep the header sometimes
        lines = sources[0].split("\n")[:8] + lines
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.integers(0, 6))
        n = len(lines)
        i = draw(st.integers(0, max(0, n - 1)))
        if op == 0 and n > 1:
            del lines[i]
        elif op == 1 and n:
            lines.insert(i, lines[draw(st.integers(0, n - 1))])
        elif op == 2 and n > 1:
            j = draw(st.integers(0, n - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3 and n:
            line = lines[i]
            k = draw(st.integers(0, len(line)))
            lines[i] = line[:k] + draw(st.sampled_from(PIECES)) + line[k:]
        elif op == 4 and n:
            line = lines[i]
            k = draw(st.integers(0, len(line)))
            lines[i] = line[:k] + draw(st.characters(blacklist_categories=("Cs",))) + line[k + 1:]
        elif op == 5 and n:
            line = lines[i]
            k = draw(st.integers(0, len(line)))
            lines[i] = line[:k] if draw(st.booleans()) else line[k:]
        elif op == 6:
            lines.insert(i, "".join(draw(st.lists(st.sampled_from(PIECES + list("abc _-:.")), max_size=8))))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


# ---------------------------------------------------------------- runner ----


class _TooSlow(BaseException):
    pass


def _alarm(signum, frame):
    raise _TooSlow


ENTRIES = ("map", "argdown", "aif", "kialo", "writers", "config")
SUFFIX = {"map": ".argmap", "argdown": ".argdown", "aif": ".json", "kialo": ".kialo.txt", "writers": ".argmap",
          "config": ".toml"}


def exercise_for(entry: str):
    """The function that exercises one input of *entry*."""
    if entry == "map":
        return exercise
    if entry == "config":
        from tests.fuzz.config import exercise_config

        return exercise_config
    from tests.fuzz import foreign

    return getattr(foreign, f"exercise_{entry}")


def inputs_for(entry: str):
    """The hypothesis strategy of inputs for *entry*."""
    if entry in ("map", "writers"):
        return mutated(seeds())
    if entry == "config":
        from tests.fuzz import config

        return config.inputs()
    from tests.fuzz import foreign

    return foreign.inputs(entry)


def run_one(text: str, stats: Counter, time_limit: float = TIME_LIMIT, entry: str = "map") -> None:
    """Exercise one input of *entry* under the time limit, recording findings instead of stopping."""
    # CPU time, not wall time: a loaded machine must not turn a slow neighbour into a finding
    signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, time_limit)
    try:
        stats[exercise_for(entry)(text)] += 1
    except _TooSlow:
        record(text, f"took longer than {time_limit} s of CPU time", stats, entry)
    except Exception:  # noqa: BLE001 - every other exception is what we are looking for
        record(text, traceback.format_exc(), stats, entry)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)


def record(text: str, why: str, stats: Counter, entry: str = "map") -> None:
    stats["findings"] += 1
    FINDINGS.mkdir(exist_ok=True)
    key = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    (FINDINGS / f"{key}{SUFFIX[entry]}").write_text(text, encoding="utf-8", errors="surrogatepass")
    (FINDINGS / f"{key}.txt").write_text(why, encoding="utf-8")
    print(f"finding {key}: {why.strip().splitlines()[-1]}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--inputs", type=int, default=10_000, help="how many inputs to try")
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same inputs)")
    p.add_argument("--time-limit", type=float, default=TIME_LIMIT, help="seconds allowed per input")
    p.add_argument("--entry", choices=ENTRIES + ("all",), default="map",
                   help="what to fuzz (default: map, the language); all shares the inputs among every entry")
    args = p.parse_args(argv)
    entries = ENTRIES if args.entry == "all" else (args.entry,)
    total: Counter = Counter()
    for n, entry in enumerate(entries):
        share = args.inputs // len(entries) + (1 if n < args.inputs % len(entries) else 0)
        stats = fuzz_entry(entry, share, args.seed, args.time_limit)
        print(f"{entry}: {stats['inputs']} inputs in {stats['seconds']} s; outcomes {dict(stats)}", flush=True)
        total.update(stats)
    return 1 if total["findings"] else 0


def fuzz_entry(entry: str, inputs: int, seed: int = 0, time_limit: float = TIME_LIMIT) -> Counter:
    """Fuzz *entry* with *inputs* inputs drawn from *seed*; the outcomes counted, ``seconds`` the time taken."""
    from hypothesis import seed as hypothesis_seed

    stats: Counter = Counter()
    # One-time work (the syntax errors' table of examples, the renderer, the rule modules) is done
    # before the clock runs, so that the time limit measures the input, not the first call.
    for warm in ("claim a (c) A claim with no colon\n", "thesis t: T.\nclaim a (c): A.\n  supports t\n"):
        try:
            exercise_for(entry)(warm)
        except Exception:  # noqa: BLE001 - a warm-up input another entry point does not read
            pass
    began = time.monotonic()

    @settings(max_examples=inputs, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck), phases=["generate"])
    @given(inputs_for(entry))
    def fuzz(text):
        run_one(text, stats, time_limit, entry)
        stats["inputs"] += 1
        if stats["inputs"] % 10_000 == 0:
            print(f"{entry}: {stats['inputs']} inputs, {time.monotonic() - began:.0f} s, {dict(stats)}",
                  file=sys.stderr, flush=True)

    if inputs > 0:
        hypothesis_seed(seed)(fuzz)()
    stats["seconds"] = round(time.monotonic() - began)
    return stats


if __name__ == "__main__":
    raise SystemExit(main())
