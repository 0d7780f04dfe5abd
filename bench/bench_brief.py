"""How long `argmap brief` takes on generated maps, and a 500-claim support chain.

    .venv/bin/python bench/bench_brief.py                  # 5,000, 10,000 and 20,000 claims
    .venv/bin/python bench/bench_brief.py --sizes 20000 30000

Maps come from bench/generate.py (two cases, a forest of supports, about one
claim in five rebutting the other case, one in three citing a footnote),
with every attacker of the case ``pro`` in play.  For each size it prints the
time to parse the map (not the brief's work) and to build the brief and
write it as Markdown, HTML and Word (when python-docx is installed), and the
brief's size.  The chain is 500 claims each supporting the next up to the
thesis: it must be briefed without RecursionError.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import argmap  # noqa: E402
from argmap.briefing import brief, to_html, to_markdown  # noqa: E402
from generate import generate_map  # noqa: E402


def chain(n: int) -> str:
    """A thesis with *n* claims each supporting the next one up."""
    lines = ["thesis t: The thesis.", "case pro for t: The case."]
    lines += [f"claim c{i} (pro): Claim number {i}.\n  supports {f'c{i - 1}' if i else 't'}" for i in range(n)]
    return "\n".join(lines) + "\n"


def measure(text: str, case: str) -> dict:
    """Seconds to parse *text*, to build the brief of *case*, and to write each format."""
    t0 = time.perf_counter()
    m = argmap.parse(text)
    t1 = time.perf_counter()
    b = brief(m, case)
    t2 = time.perf_counter()
    md = to_markdown(b)
    html = to_html(b)
    t3 = time.perf_counter()
    row = {"parse": t1 - t0, "brief": t2 - t1, "md+html": t3 - t2, "kB": len(md) // 1024, "html kB": len(html) // 1024}
    try:
        from argmap.briefing import to_docx

        t4 = time.perf_counter()
        to_docx(b)
        row["docx"] = time.perf_counter() - t4
    except ImportError:
        row["docx"] = float("nan")
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000])
    args = ap.parse_args()
    print(f"{'map':>16} {'parse s':>8} {'brief s':>8} {'md+html s':>10} {'docx s':>7} {'md kB':>6} {'html kB':>8}")
    cases = [(f"{n} claims", generate_map(n), "pro") for n in args.sizes] + [("500-claim chain", chain(500), "pro")]
    for name, text, case in cases:
        r = measure(text, case)
        print(f"{name:>16} {r['parse']:8.2f} {r['brief']:8.2f} {r['md+html']:10.2f} {r['docx']:7.2f} {r['kB']:6d} {r['html kB']:8d}")


if __name__ == "__main__":
    main()
