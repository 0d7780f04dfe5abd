"""How readable a diagram's geometry is, measured from the SVG Graphviz wrote.

    .venv/bin/python bench/diagram_metrics.py                  # every seed map in maps/, as `argmap render` draws it
    .venv/bin/python bench/diagram_metrics.py a.svg b.svg      # SVG files already drawn
    .venv/bin/python bench/diagram_metrics.py --markdown       # the table for docs/rendering.md

For each diagram it prints

* **size** in points and the **aspect** ratio, width : height (1.0 is
  square; a screen is about 1.6);
* **edge length per node**: the summed length of every drawn edge path,
  divided by the number of boxes (how far an eye travels along a line);
* **crossings**: points where two edges' paths cross, not counting those
  within a few points of an end (edges meeting at a box or junction);
* **cuts**: times an edge passes through a box that is neither of its ends.

Nodes and edges of the legend (ids ``legend...``) and the boxes of folded
subtrees count like any other box; only the diagram's own drawing is
measured.  Curves are flattened to 8 straight pieces per cubic Bézier;
crossings are counted by testing every pair of pieces of different edges
whose bounding boxes meet (the standard orientation test, as in Cormen et
al., *Introduction to Algorithms*, 33.1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import attrs

from argmap.rendering import geometry


def measure(svg: str) -> dict[str, float]:
    """The metrics of one SVG drawing, by name (see :mod:`argmap.rendering.geometry`)."""
    return attrs.asdict(geometry.measure(svg))


def seed_svgs(maps: Path, renderer: str, options: dict) -> list[tuple[str, str]]:
    """(map id, SVG) for every map in *maps*, drawn with :func:`argmap.rendering.diagram` and *options*."""
    import argmap
    from argmap.rendering import diagram

    out = []
    for path in sorted(maps.glob("*.argmap")):
        m = argmap.load(path)
        out.append((path.stem, diagram(m, renderer=renderer, **options).svg()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("svgs", nargs="*", type=Path, help="SVG files (default: draw every seed map)")
    parser.add_argument("--maps", type=Path, default=Path("maps"), help="folder of seed maps (default: maps)")
    parser.add_argument("--renderer", default="embedded", help="renderer for the seed maps (default: embedded)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                        help="a keyword of argmap.rendering.diagram (repeatable), e.g. legend=False")
    args = parser.parse_args()
    options = {}
    for item in args.option:
        key, _, value = item.partition("=")
        options[key] = {"True": True, "False": False, "None": None}.get(value, int(value) if value.isdigit() else value)
    named = ([(p.stem, p.read_text(encoding="utf-8")) for p in args.svgs] if args.svgs
             else seed_svgs(args.maps, args.renderer, options))
    if args.markdown:
        print("| map | size (pt) | aspect w:h | nodes | edges | edge length / node (pt) | crossings | cuts |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
    else:
        print(f"{'map':<22} {'size (pt)':>13} {'aspect':>7} {'nodes':>6} {'edges':>6} {'len/node':>9} "
              f"{'cross':>6} {'cuts':>5}")
    for name, svg in named:
        r = measure(svg)
        size = f"{r['width']:.0f} x {r['height']:.0f}"
        if args.markdown:
            print(f"| {name} | {size} | {r['aspect']:.2f} | {r['nodes']} | {r['edges']} | "
                  f"{r['length_per_node']:.0f} | {r['crossings']} | {r['cuts']} |")
        else:
            print(f"{name:<22} {size:>13} {r['aspect']:>7.2f} {r['nodes']:>6} {r['edges']:>6} "
                  f"{r['length_per_node']:>9.0f} {r['crossings']:>6} {r['cuts']:>5}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
