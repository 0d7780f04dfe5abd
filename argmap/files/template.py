"""A new map file from a template: what ``argmap init`` writes.

The template parses and checks clean as it is, so the first diagnostics a
user sees are about their own text; every placeholder is in CAPITALS.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Sequence
from pathlib import Path

from argmap.files.io import MAP_SUFFIX

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


class BadMapId(ValueError):
    """A file name that cannot be a map's id; ``suggestion`` is the same path with one that can."""

    def __init__(self, map_id: str, suggestion: Path, reason: str | None = None):
        self.map_id = map_id
        self.suggestion = suggestion
        self.reason = reason or "use letters, digits and _, starting with a letter"
        super().__init__(f"{map_id!r} cannot be a map id: {self.reason}")


def _unusable(map_id: str) -> str | None:
    """Why another map could not write ``use <map_id>``, or None when it could.

    Asked of the parser itself, so the answer follows the language (a
    keyword such as ``claim`` reads as the start of a statement).
    """
    from argmap.syntax.parser import ArgmapError, parse

    try:
        problems = [d for d in parse(f"use {map_id}\n", "<name>").problems if d.severity.name == "ERROR"]
    except ArgmapError as exc:
        problems = list(exc.diagnostics)
    if not problems:
        return None
    if any(d.code == "A009" for d in problems):
        return "it is a keyword of the language, so no other map could `use` it"
    return f"no other map could `use` it ({problems[0].message})"


def _string(value: str) -> str:
    """*value* as the inside of a map string: backslashes and double quotes escaped, one line."""
    return " ".join(value.split()).replace("\\", "\\\\").replace('"', '\\"')


def template(map_id: str, title: str | None = None, authors: Sequence[str] = ()) -> str:
    """The text of a new map *map_id*, placeholders where nothing is given."""
    raw_title, title = title, (_string(title) if title else "THE ARTICLE'S TITLE")
    names = [_string(a) for a in authors] or ["AUTHOR'S NAME"]
    return TEMPLATE.format(
        id=map_id,
        file=f"{map_id}{MAP_SUFFIX}",
        title=title,
        title_comment=" ".join(raw_title.split()) if raw_title else "THE ARTICLE'S TITLE",
        authors="".join(f'  author "{a}"\n' for a in names),
        person=", ".join(names) if authors else "THE AUTHOR, WHO THEY ARE",
    )


def map_file(name: str | os.PathLike[str]) -> Path:
    """The map file *name* stands for (``.argmap`` added); BadMapId if its last part is not an id."""
    path = Path(name)
    if path.suffix.lower() == MAP_SUFFIX:
        path = path.with_suffix("")
    map_id = path.name
    if not _ID.match(map_id):
        suggestion = re.sub(r"\W", "_", map_id)
        suggestion = suggestion if _ID.match(suggestion) else f"map_{suggestion}"
        if _unusable(suggestion) is not None:
            suggestion = f"{suggestion}_map"
        raise BadMapId(map_id, path.with_name(suggestion))
    reason = _unusable(map_id)
    if reason is not None:
        raise BadMapId(map_id, path.with_name(f"{map_id}_map"), reason)
    return path.with_name(map_id + MAP_SUFFIX)


def new_map(name: str | os.PathLike[str], *, title: str | None = None, authors: Sequence[str] = ()) -> Path:
    """Write a new map from the template at *name* (see :func:`map_file`) and return its path.

    An existing file is never replaced: FileExistsError.  BadMapId for a
    name that cannot be an id, FileNotFoundError when the folder does not
    exist, OSError when the file cannot be written.
    """
    target = map_file(name)
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(target.parent))
    text = template(target.stem, title, authors)
    with open(target, "x", encoding="utf-8", newline="\n") as f:  # "x": never over an existing file
        f.write(text)
    return target
