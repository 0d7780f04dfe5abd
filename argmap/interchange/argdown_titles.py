"""Argdown titles kept in argmap comments, for the way back to Argdown.

An Argdown title such as ``[Epidemic Influence Hypothesis]`` becomes the id
``epidemic_influence_hypothesis``; the argmap language has no place for the
title itself, nor for the fact that a claim was an Argdown argument
(``<Title>: text`` without a premise-conclusion structure).  The reader
writes one comment for each such title::

    # argdown title: epidemic_influence_hypothesis = [Epidemic Influence Hypothesis]
    # argdown title: no_bubbles = <No bubbles, no preemption>

and the writer gives the claim or argument that title again (``<...>`` makes
a claim an argument again).  A comment that no longer fits its id (edited,
or the id renamed) is ignored: the id is the title then.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.model import Comment

_PREFIX = "argdown title:"
_RECORD = re.compile(r"argdown title:[ \t]*([^\W\d][\w.]*)[ \t]*=[ \t]*(\[[^\[\]\n]+\]|<[^<>\n]+>)[ \t]*$")


def title_comment(ident: str, title: str, argument: bool) -> Comment:
    """The comment that keeps *title* (an argument's when *argument*) for the claim or argument *ident*."""
    shown = f"<{title}>" if argument else f"[{title}]"
    return Comment(f"{_PREFIX} {ident} = {shown}")


def fits(title: str) -> bool:
    """Whether *title* can be written back as an Argdown title (one line, no brackets, no blanks at its ends)."""
    return bool(title) and title == title.strip() and not re.search(r"[\[\]<>\n\r]", title)


def read_titles(comments: Iterable[Comment]) -> dict[str, tuple[str, bool]]:
    """Id -> (title, was an argument) from the title comments among *comments*."""
    out: dict[str, tuple[str, bool]] = {}
    for comment in comments:
        m = _RECORD.match(comment.text.strip())
        if m:
            shown = m.group(2)
            out.setdefault(m.group(1), (shown[1:-1].strip(), shown.startswith("<")))
    return out


def is_title_comment(comment: Comment) -> bool:
    """Whether *comment* is one of these records (the writer does not repeat it as an Argdown comment)."""
    return _RECORD.match(comment.text.strip()) is not None
