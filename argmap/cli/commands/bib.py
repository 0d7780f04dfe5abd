"""``argmap bib``: a map's footnotes as a bibliography (CSL-JSON or BibTeX)."""

from __future__ import annotations

import sys

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap bib maps/brown2017.argmap --to csl-json             print CSL-JSON
  argmap bib maps/brown2017.argmap --to bibtex -o brown.bib  write BibTeX to a file

Notes that cite the same item become one entry; "Ibid." counts for the note
it repeats; each entry's `note` field lists the footnotes that cite it.

exit status: 0 written, 1 written but a note had no item (printed), 2 the map
could not be read or usage error
"""


def register(sub) -> None:
    p = sub.add_parser("bib", help="write a map's footnotes as CSL-JSON or BibTeX",
                       description="Write the map's footnotes as a bibliography, one entry per cited item.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("map", metavar="MAP", help="the map file")
    p.add_argument("--to", choices=("csl-json", "bibtex"), default="csl-json",
                   help="the bibliography format (default: csl-json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output (- is standard output)")
    p.set_defaults(func=run)


def run(args) -> int:
    from argmap.files.io import RefusedWrite, write_atomic
    from argmap.interchange import bibliography, lost_something
    from argmap.syntax.parser import ArgmapError

    try:
        text, diagnostics = bibliography(args.map, args.to)
    except ArgmapError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        return 2
    for d in diagnostics:
        print(d.format(), file=sys.stderr)
    if args.output and args.output != "-":
        try:
            write_atomic(args.output, text, protected=(args.map,))
        except RefusedWrite as exc:
            print(f"argmap bib: cannot write {exc}", file=sys.stderr)
            return 2
        except (OSError, ValueError) as exc:
            print(f"argmap bib: cannot write {args.output}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    return 1 if lost_something(diagnostics) else 0
