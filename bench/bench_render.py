"""How long drawing takes: argmap's own work (the DOT) against Graphviz's layout.

    .venv/bin/python bench/bench_render.py                 # 100, 1,000 and 5,000 claims
    .venv/bin/python bench/bench_render.py --sizes 100 1000 --timeout 120
    .venv/bin/python bench/bench_render.py --engine auto   # the layout `argmap render` picks by size

Maps are generated: a tree of claims in two cases, each supporting one
earlier claim, every seventh rebutting one, every thirteenth with a
quotation and a footnote.  For each size and each renderer present
(embedded always; system when `dot` is on PATH) it prints the time to
build the DOT (argmap), to lay it out and write SVG (Graphviz), and
argmap's share.  A layout that outlives --timeout is reported as such.
The layout is the layered ``dot`` unless --engine says otherwise; with
``auto``, the one argmap chooses for the diagram's size (sfdp with straight
edges above DOT_NODE_LIMIT nodes).
"""

from __future__ import annotations

import argparse
import random
import time

from argmap.model import Case, Citation, Claim, Footnote, Map, Quote, Ref, Relation, Thesis
from argmap.rendering import RenderTimeout, diagram
from argmap.rendering import engines


def generated_map(n: int, seed: int = 1) -> Map:
    """A map of *n* claims under one thesis."""
    rng = random.Random(seed)
    words = "the new approach will lead Russia to compromise on islands economic cooperation trust".split()
    claims, relations = [], []
    for i in range(n):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(6, 30))).capitalize() + "."
        quotes = (Quote("a quotation of some length, verbatim", (Citation("1"),)),) if i % 13 == 0 else ()
        claims.append(Claim(f"c{i}", text, case=Ref("pro" if i % 2 else "con"), quotes=quotes,
                            citations=(Citation("1"),) if i % 13 == 0 else ()))
        target = Ref("t") if i < 4 else Ref(f"c{rng.randrange(max(1, i - 50), i)}")
        relations.append(Relation("rebuts" if i % 7 == 3 else "supports", Ref(f"c{i}"), target))
    return Map(theses=(Thesis("t", "The thesis."),),
               cases=(Case("pro", "for", Ref("t"), "For."), Case("con", "against", Ref("t"), "Against.")),
               claims=tuple(claims), relations=tuple(relations), footnotes=(Footnote("1", "TASS, 2016."),))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds allowed for one layout")
    parser.add_argument("--engine", choices=("auto", *engines.ENGINES), default="dot",
                        help="layout engine (default: dot); auto: the one chosen for the diagram's size")
    args = parser.parse_args()
    renderers = ["embedded"] + (["system"] if engines.system_dot() else [])
    engines.run("digraph { a -> b }", "svg", renderer="embedded", timeout=60)  # start the worker, compile the module
    print(f"{'claims':>7} {'engine':>6} {'renderer':>9} {'argmap DOT':>11} {'Graphviz':>10} {'argmap share':>13} "
          f"{'DOT size':>9}")
    for n in args.sizes:
        m = generated_map(n)
        start = time.perf_counter()
        drawn = diagram(m, engine=None if args.engine == "auto" else args.engine)
        built = time.perf_counter() - start
        source, engine = drawn.source, drawn.drawing.engine
        for renderer in renderers:
            start = time.perf_counter()
            try:
                engines.run(source, "svg", engine, renderer=renderer, timeout=args.timeout)
            except RenderTimeout:
                print(f"{n:>7} {engine:>6} {renderer:>9} {built:>10.2f}s {'> ' + format(args.timeout, 'g') + 's':>10} "
                      f"{'-':>13} {len(source) // 1024:>7}KB")
                continue
            layout = time.perf_counter() - start
            print(f"{n:>7} {engine:>6} {renderer:>9} {built:>10.2f}s {layout:>9.2f}s {built / (built + layout):>12.1%} "
                  f"{len(source) // 1024:>7}KB", flush=True)


if __name__ == "__main__":
    main()
