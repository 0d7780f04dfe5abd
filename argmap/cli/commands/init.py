"""``argmap init``: start a new map from a template with placeholders."""

from __future__ import annotations

import sys

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap init brown2017                       write brown2017.argmap
  argmap init maps/brown2017 --title "Japan's Russia Policy" --author "James D. J. Brown"
  argmap check brown2017.argmap               then check it as you fill it in

The new map parses and checks as it is; replace each placeholder (in
CAPITALS) with the article's own details.  An existing file is never
overwritten.

exit status: 0 written, 2 the file exists, the name is not a valid id, or it cannot be written
"""


def register(sub) -> None:
    p = sub.add_parser("init", help="start a new map from a template",
                       description="Write NAME.argmap: a map header, a thesis, a case, a claim and a "
                                   "footnotes block, with placeholders to replace.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("name", metavar="NAME", help="the map's id, or a path ending in it (.argmap is added)")
    p.add_argument("--title", help="the article's title")
    p.add_argument("--author", action="append", default=[], metavar="NAME",
                   help="an author of the article (repeat for several)")
    p.set_defaults(func=run)


def run(args) -> int:
    from argmap.files.template import BadMapId, new_map

    try:
        target = new_map(args.name, title=args.title, authors=tuple(args.author))
    except BadMapId as exc:
        print(f"argmap init: {exc}", file=sys.stderr)
        print(f"  hint: argmap init {exc.suggestion}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"argmap init: no such folder: {exc.filename}", file=sys.stderr)
        print(f"  hint: mkdir -p {exc.filename}", file=sys.stderr)
        return 2
    except FileExistsError as exc:
        print(f"argmap init: {exc.filename} already exists; not overwriting it", file=sys.stderr)
        print(f"  hint: choose another name, or edit {exc.filename}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"argmap init: cannot write {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"wrote {target}", file=sys.stderr)
    print(f"next: fill in the placeholders, then run  argmap check {target}", file=sys.stderr)
    return 0
