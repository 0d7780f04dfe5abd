"""A Pygments lexer for the argmap language (``pygmentize -l argmap``).

Keywords, the ids a statement defines, references (``togo2013.late_meaning``
as namespace, dot and name), strings, footnote citations ``[^11]`` and
labels ``[^11]:``, comments, and the free text of claims and notes.  It
follows ``grammar/argmap.lark`` line by line; whatever the grammar would
reject comes out as ``Error`` tokens, so an editor shows where a line breaks.
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, include
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    Whitespace,
)

from argmap import language as grammar

__all__ = ["ArgmapLexer", "KEYWORDS"]

# Every word and name pattern comes from grammar/argmap.lark (argmap.language).
_ID = grammar.pattern("ID")
_REF = grammar.pattern("REF")


def _any(words) -> str:
    return "(?:" + "|".join(words) + ")"


_LINKS = _any(grammar.RELATION_KINDS) + r"\b"
_DECLARES = [w for w in grammar.STATEMENT_WORDS if w not in ("map", "use", "argument", "footnotes")]
_CLAIM_LINES = sorted(grammar.CLAIM_LINE_KEYWORDS)
(_FROM,) = grammar.words("FROM")
(_BY,) = grammar.words("ASSERTER")
(_AS,) = grammar.words("AS")

#: The words the lexer shows as keywords or field names: the grammar's keywords, every one.
KEYWORDS = frozenset(["map", "use", *_DECLARES, "argument", "footnotes", *_CLAIM_LINES, *grammar.RELATION_KINDS,
                      *grammar.FIELD_NAMES, _FROM, _BY, _AS, *grammar.STANCES])


def _ref(lexer, match, ctx=None):
    """A reference: ``name``, or ``map.name`` split into namespace, dot and name."""
    start, text = match.start(), match.group()
    head, dot, tail = text.partition(".")
    if dot:
        yield start, Name.Namespace, head
        yield start + len(head), Punctuation, dot
        yield start + len(head) + 1, Name.Variable, tail
    else:
        yield start, Name.Variable, text


class ArgmapLexer(RegexLexer):
    """Lexer for argmap argument maps (``.argmap`` files)."""

    name = "argmap"
    aliases = ["argmap"]
    filenames = ["*.argmap"]
    mimetypes = ["text/x-argmap"]

    tokens = {
        "root": [
            (r"[ \t]*#[^\n]*", Comment.Single),
            (r"\s+", Whitespace),
            (rf"(map)([ \t]+)({_ID})", bygroups(Keyword.Declaration, Whitespace, Name.Namespace), "header"),
            (rf"(use)([ \t]+)({_ID})", bygroups(Keyword.Namespace, Whitespace, Name.Namespace), "use"),
            (rf"({'|'.join(_DECLARES)})([ \t]+)({_ID})",
             bygroups(Keyword.Declaration, Whitespace, Name.Function), "head"),
            (rf"(argument)([ \t]+)({_ID})", bygroups(Keyword.Declaration, Whitespace, Name.Function),
             "argument"),
            (r"(quote|wording)\b", Keyword, "quote"),
            (rf"(in)([ \t]+)({_ID})", bygroups(Keyword, Whitespace, Name.Class), "line_end"),
            (r"(tags)\b", Keyword, "tags"),
            (r"(weight)([ \t]+)([0-9]+(?:\.[0-9]+)?)", bygroups(Keyword, Whitespace, Number), "line_end"),
            (r"(standard|burden)([ \t]+)([^\W\d][\w-]*)", bygroups(Keyword, Whitespace, Name.Constant), "line_end"),
            (r"(concession|footnotes)\b", Keyword, "line_end"),
            (_LINKS, Keyword, "targets"),
            (r"(\[\^[^\]\s]+\]:)", Name.Label, "text"),
            (rf"({_REF})([ \t]+)({_LINKS})", bygroups(_ref, Whitespace, Keyword), "targets"),
            (r"[^\s#]+", Error),
        ],
        # what may follow a statement that does not end in free text
        "line_end": [
            (r"[ \t]+", Whitespace),
            (r"#[^\n]*", Comment.Single),
            (r"\n", Whitespace, "#pop"),
            (r"[^\s#]+", Error),
        ],
        "string": [
            (r'"', String.Double, "#pop"),
            (r"\\.", String.Escape),
            (r'[^"\\\n]+', String.Double),
            (r"\n", Error, "#pop"),
        ],
        "cites": [
            (r"\[\^[^\]\s]+\]", Name.Label),
        ],
        "header": [
            (r"\s+", Whitespace),
            (r"#[^\n]*", Comment.Single),
            (r'"', String.Double, "string"),
            (r"\{", Punctuation),
            (r"\}", Punctuation, "#pop"),
            (_any(grammar.FIELD_NAMES) + r"\b", Name.Attribute),
            (r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?=\s)", Literal.Date),
            (r'[^\s"{}#][^\s{}]*', Literal),
        ],
        "use": [
            (_FROM + r"\b", Keyword.Namespace),
            (r'"', String.Double, "string"),
            include("line_end"),
        ],
        # after `claim id`, `case id`, ...: (case), by person, for/against thesis, then `:` and text
        "head": [
            (r"[ \t]+", Whitespace),
            (rf"(\()([ \t]*)({_REF})([ \t]*)(\))", bygroups(Punctuation, Whitespace, _ref, Whitespace, Punctuation)),
            (rf"({_BY})([ \t]+)({_REF})", bygroups(Keyword, Whitespace, _ref)),
            (rf"({'|'.join(grammar.STANCES)})([ \t]+)({_REF})", bygroups(Keyword, Whitespace, _ref)),
            (r":", Punctuation, ("#pop", "text")),
            (r"#[^\n]*", Comment.Single),
            (r"\n", Whitespace, "#pop"),
            (r"[^\s#:]+", Error),
        ],
        "argument": [
            (r":", Punctuation, ("#pop", "targets")),
            include("head"),
        ],
        # free text to the end of the line; `\` at the end continues it
        "text": [
            include("cites"),
            (r"\\\r?\n[ \t]*", Punctuation),
            (r"\r?\n", Whitespace, "#pop"),
            (r"[^\n\[\\]+|\[|\\", Text),
        ],
        "quote": [
            (r'"', String.Double, "string"),
            include("cites"),
            include("line_end"),
        ],
        "tags": [
            (_ID, Name.Tag),
            include("line_end"),
        ],
        # relation targets, argument premises: refs joined by `->` and `+`, then `as scheme`
        "targets": [
            (rf"({_AS})([ \t]+)({_ID})", bygroups(Keyword, Whitespace, Name.Class), ("#pop", "line_end")),
            (_LINKS, Keyword),  # `p + q rebuts c`: a linked attack
            (_REF, _ref),
            (r"->|\+", Operator),
            include("line_end"),
        ],
    }
