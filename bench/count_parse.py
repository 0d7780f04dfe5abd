"""The parse of a generated map, to be counted in instructions (the clock is too noisy on a shared machine).

    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python bench/count_parse.py 5000
    PYTHONHASHSEED=0 valgrind ... .venv/bin/python bench/count_parse.py 5000 --no-parse

Both import argmap, generate the map of N claims (``bench/generate.py``) and parse a 10-claim map,
so that the grammar and the line lane are ready; the first then parses the big map.  The
difference of the two counts is the parse alone; divided by N, instructions per claim.  A fixed
hash seed matters: a random one moves the count by about 0.7%.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_map  # noqa: E402

import argmap  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("claims", type=int)
    ap.add_argument("--no-parse", action="store_true", help="everything but the big map's parse")
    args = ap.parse_args()
    text = generate_map(args.claims)
    argmap.loads(generate_map(10))
    if not args.no_parse:
        argmap.loads(text)


if __name__ == "__main__":
    main()
