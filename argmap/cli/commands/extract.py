"""``argmap extract``: a draft map read from an article's text."""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap extract ../shared/seeds/001_ecff49c0a03a943e.txt -o draft.argmap
                                        draft a map of Brown's article
  argmap extract article.txt            print the draft instead

The draft holds the header the text states (title, author, date; TODO where
it states none), every note of the article word for word under its number,
and one claim for each sentence that carries a footnote marker, quoting the
sentence and citing its notes.  Every claim's text starts with TODO: rewrite
it in your own words, then add theses, cases, persons and relations.  The
draft checks with no errors against its text (`argmap check draft.argmap
--text-dir DIR`).  An existing file is never overwritten.

exit status: 0 written, 2 the text could not be read, the output exists, or
usage error
"""


def register(sub) -> None:
    p = sub.add_parser("extract", help="draft a map from an article's text",
                       description="Draft a map from an article: its header, its notes, one claim stub for each "
                                   "footnoted sentence.", epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("text", metavar="TEXT", help="the article as a plain-text file")
    p.add_argument("-o", "--output", metavar="FILE", help="write the draft to FILE, which must not exist "
                                                          "(default: standard output)")
    p.set_defaults(func=run)


def run(args) -> int:
    from argmap.files.loader import read_text
    from argmap.formatting.writer import dumps
    from argmap.sources import extract
    from argmap.syntax.parser import ArgmapError

    try:
        text = read_text(Path(args.text), args.text)
    except ArgmapError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        return 2
    draft = dumps(extract(text, Path(args.text).name))
    if not args.output or args.output == "-":
        sys.stdout.write(draft)
        return 0
    try:
        with open(args.output, "x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
            out.write(draft)
    except FileExistsError:
        print(f"argmap extract: {args.output} exists; the draft is never written over a file", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"argmap extract: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
