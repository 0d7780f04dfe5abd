"""``argmap coverage``: how much of its article a map quotes and cites."""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap coverage maps/brown2017.argmap --text-dir ../shared/seeds
                                        the summary and the paragraphs no claim touches
  argmap coverage maps/brown2017.argmap --text-dir ../shared/seeds -o brown-coverage.html
                                        the article with every quoted and cited passage marked

A claim touches the article where one of its quotations is found, and in
the sentence of every footnote marker it cites.  The summary gives the
share of prose paragraphs touched, of footnote markers cited and of notes
cited.  The page is one HTML file: quoted passages link to their claims,
markers are green when a claim cites them and red when none does.

exit status: 0 written, 2 the map or its text could not be read, or usage error
"""


def register(sub) -> None:
    p = sub.add_parser("coverage", help="show what of its article a map quotes and cites",
                       description="Show the article's passages the map quotes or cites, the footnote markers and "
                                   "notes it cites, and the paragraphs no claim touches.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("map", metavar="MAP", help="the map file")
    p.add_argument("--text-dir", action="append", default=[], metavar="DIR",
                   help="folder holding the article's text named by the map's `text` field (repeatable)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the HTML page to FILE (the summary still "
                                                          "goes to standard output)")
    p.set_defaults(func=run)


def run(args) -> int:
    import argmap
    from argmap.files.io import RefusedWrite, write_atomic
    from argmap.files.loader import find_source_text
    from argmap.sources.coverage import coverage, coverage_text
    from argmap.sources.coverage_html import coverage_html

    try:
        m = argmap.load(args.map)
    except argmap.ArgmapError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        return 2
    text, found, problem = find_source_text(m, args.text_dir)
    if text is None or found is None:
        why = problem.message if problem is not None else "the map names no source text (`text` field)"
        print(f"argmap coverage: {args.map}: {why}", file=sys.stderr)
        return 2
    cov = coverage(m, text, found.name)
    title = f"{Path(args.map).name} against {found.name}"
    sys.stdout.write(coverage_text(cov, title))
    if args.output:
        try:
            write_atomic(args.output, coverage_html(cov, title), protected=(args.map, found))
        except RefusedWrite as exc:
            print(f"argmap coverage: cannot write {exc}", file=sys.stderr)
            return 2
        except (OSError, ValueError) as exc:
            print(f"argmap coverage: cannot write {args.output}: {getattr(exc, 'strerror', None) or exc}",
                  file=sys.stderr)
            return 2
    return 0
