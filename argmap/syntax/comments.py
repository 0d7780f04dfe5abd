"""Comments, collected as the lexer passes them: each with its position and whether it trails a statement.

A newline token swallows the comments after it; a lark lexer callback
(:func:`collect_comments`) keeps them in the bucket of the parse under way
(:func:`comment_bucket`), one bucket a thread.
"""

from __future__ import annotations

import re
import threading

from lark import Token

from argmap.diagnostics import Span
from argmap.model import Comment

_comments = threading.local()


def collect_comments(tok: Token) -> Token:
    """Keep the comments a newline token swallows, with their positions (a lark lexer callback)."""
    bucket = getattr(_comments, "bucket", None)
    if bucket is not None and "#" in tok:
        for i, raw in enumerate(re.split(r"\r?\n", str(tok))):
            hash_at = raw.find("#")
            if hash_at < 0 or raw[:hash_at].strip():
                continue
            body = raw[hash_at + 1:].rstrip()
            # Only the token's first piece can share its line with a statement:
            # it does unless the token starts the file.
            trailing = i == 0 and tok.start_pos > 0
            column = (tok.column + hash_at) if i == 0 else hash_at + 1
            bucket.append(Comment(body[1:] if body.startswith(" ") else body, Span(tok.line + i, column), trailing))
    return tok


def comment_bucket(bucket: list[Comment] | None) -> None:
    """Collect comments into *bucket* from now on (None: stop collecting)."""
    _comments.bucket = bucket
