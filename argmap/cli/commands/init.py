"""``argmap init``: start a new map from a template with placeholders."""

from __future__ import annotations

import re
import sys
from pathlib import Path

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

_ID = re.compile(r"[^\W\d]\w*\Z")

TEMPLATE = """\
# Argument map of: {title_comment}
# Replace the placeholders in CAPITALS; `argmap check {file}` after each step.
map {id} "{title}" {{
{authors}  # published YYYY-MM      # when it appeared: YYYY, YYYY-MM or YYYY-MM-DD
  # text "ARTICLE.txt"    # the article's text, to check quotations against
}}

thesis main_thesis: THE QUESTION THE ARTICLE ARGUES ABOUT, AS A STATEMENT.
case author_case for main_thesis: THE AUTHOR'S CASE, IN ONE LINE.
person author: {person}.

claim first_reason (author_case) by author: A REASON THE AUTHOR GIVES, IN YOUR OWN WORDS. [^1]
  supports main_thesis
  # quote "WORDS QUOTED VERBATIM FROM THE ARTICLE" [^1]

footnotes
  [^1]: THE ARTICLE'S FIRST NOTE, AS IT WORDS IT.
"""


def _string(value: str) -> str:
    """*value* as the inside of a map string: backslashes and double quotes escaped, one line."""
    return " ".join(value.split()).replace("\\", "\\\\").replace('"', '\\"')


def template(map_id: str, title: str | None = None, authors: tuple[str, ...] = ()) -> str:
    """The text of a new map *map_id*, placeholders where nothing is given."""
    raw_title, title = title, (_string(title) if title else "THE ARTICLE'S TITLE")
    names = [_string(a) for a in authors] or ["AUTHOR'S NAME"]
    return TEMPLATE.format(
        id=map_id,
        file=f"{map_id}.argmap",
        title=title,
        title_comment=" ".join(raw_title.split()) if raw_title else "THE ARTICLE'S TITLE",
        authors="".join(f'  author "{a}"\n' for a in names),
        person=", ".join(names) if authors else "THE AUTHOR, WHO THEY ARE",
    )


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
    from argmap.files.loader import SUFFIX

    path = Path(args.name)
    if path.suffix.lower() == SUFFIX:
        path = path.with_suffix("")
    map_id = path.name
    if not _ID.match(map_id):
        suggestion = re.sub(r"\W", "_", map_id)
        suggestion = suggestion if _ID.match(suggestion) else f"map_{suggestion}"
        print(f"argmap init: {map_id!r} cannot be a map id: use letters, digits and _, starting with a letter",
              file=sys.stderr)
        print(f"  hint: argmap init {path.with_name(suggestion)}", file=sys.stderr)
        return 2
    target = path.with_name(map_id + SUFFIX)
    if not target.parent.is_dir():
        print(f"argmap init: no such folder: {target.parent}", file=sys.stderr)
        print(f"  hint: mkdir -p {target.parent}", file=sys.stderr)
        return 2
    text = template(map_id, args.title, tuple(args.author))
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except FileExistsError:
        print(f"argmap init: {target} already exists; not overwriting it", file=sys.stderr)
        print(f"  hint: choose another name, or edit {target}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"argmap init: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"wrote {target}", file=sys.stderr)
    print(f"next: fill in the placeholders, then run  argmap check {target}", file=sys.stderr)
    return 0
