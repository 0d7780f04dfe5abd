"""Syntax errors that teach the syntax: lark's error matched against labelled bad examples.

Every diagnostic the syntax stage makes goes through :func:`syntax_error`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.language import FIELD_NAMES, PERSON_KINDS, RELATION_KINDS, STANCES, STATEMENT_WORDS

def syntax_error(path: str, span: Span, message: str, hint: str | None = None, *, code: str = "A001",
                 name: str = "syntax-error", severity: Severity = Severity.ERROR) -> Diagnostic:
    """A diagnostic of the syntax stage (a syntax error unless told otherwise)."""
    return Diagnostic(path, span, code, name, severity, message, hint)


# Labelled bad examples: lark finds which one a syntax error looks like most,
# and the message and hint teach the right syntax (see lark's
# examples/advanced/error_reporting_lalr.py for the technique).
ERROR_EXAMPLES: dict[tuple[str, str], list[str]] = {
    (
        "a claim needs an id before its colon",
        "write `claim some_id: the claim in your words`",
    ): ["claim: text\n", "claim (case): text\n"],
    (
        "the case in brackets needs a name",
        "write `claim id (case_id): text`",
    ): ["claim a (): text\n", "claim a (: text\n"],
    (
        "a claim's first line ends with a colon and its text",
        "write `claim id (case) by person: text`",
    ): ["claim a text\n", "claim a (c) text\n", "claim a (c) by p text\n", "thesis a text\n", "person a text\n",
        # `text` is also a header field's name: the same mistakes with words that are only words
        "claim a Russia offered nothing\n", "claim a (c) Russia offered nothing\n",
        "claim a by p Russia offered nothing\n", "claim a (c) by p Russia offered nothing\n"],
    (
        "a quotation must be in double quotes",
        'write `quote "the exact words" [^1]`',
    ): ["claim a: t\n  quote words\n", "claim a: t\n  quote\n"],
    (
        "this quotation is never closed",
        'end the quotation with a double quote on the same line; write \\" for a quote mark inside it',
    ): ['claim a: t\n  quote "words\n'],
    (
        "a relation needs the id of the claim it points at",
        "write `supports other_claim_id` (or `undercuts reason -> conclusion`)",
    ): ["claim a: t\n  supports\n", "claim a: t\n  rebuts\n", "claim a: t\n  supports ->\n", "claim a: t\n  undercuts a ->\n"],
    (
        "a case argues for or against a thesis",
        "write `case id for thesis_id: description` or `case id against thesis_id: description`",
    ): ["case a: t\n", "case a b: t\n", "case a for: t\n"],
    (
        "a footnote definition needs its text",
        "write `[^3]: Author, “Title”, Publisher, 2016.`",
    ): ["[^1]:\n"],
    (
        "a linked argument lists premises joined by + and an arrow to its conclusion (or `rebuts` and the claim "
        "they attack together)",
        "write `argument id (case): premise + premise -> conclusion` or `argument id: premise + premise rebuts claim`",
    ): ["argument a: b c\n", "argument a: b +\n", "argument a: b -> \n", "argument a: -> c\n", "argument a: b + c\n",
        "argument a: b + c rebuts\n"],
    (
        "the map header needs an id and a block in braces",
        'write `map id "Title" {` on one line, one field a line, then `}`',
    ): ["map {\n", "map a\n", 'map a "t"\n', "map a { author \"x\" }\n"],
    (
        "unknown field in the map header",
        f"the header takes: {', '.join(FIELD_NAMES)}",
    ): ['map a {\n  title "x"\n}\n', "map a {\n  foo bar\n}\n"],
    (
        "the map header is never closed",
        "end the header with `}` on a line of its own",
    ): ['map a {\n  author "x"\n'],
    (
        "a `use` names another map by its id",
        'write `use other_map` or `use other_map from "path/to/file.argmap"`',
    ): ["use\n", 'use "x"\n', "use a from b\n", "use ../x\n"],
    (
        "this line does not start a statement",
        f"statements start with {', '.join(STATEMENT_WORDS)}, [^n]:, or `a {RELATION_KINDS[0]} b`; "
        "put quote/tags/supports lines under a claim",
    ): ["hello world\n", "a b\n", "123\n", "  quote \"x\"\n", "concession\n", "tags a\n", "- a\n", "{\n", "}\n"],
    (
        "the line before ends with a backslash, which carries its text on to this line",
        "remove the backslash if this line is a statement of its own",
    ): ["claim a: t \\\n[^1]: n\n", "thesis a: t \\\n[^1]: n\n", "[^1]: n \\\n[^2]: m\n"],
    (
        "supports, rebuts, undercuts and contradicts take a single target",
        "put each relation on a line of its own",
    ): ["claim a: t\n  supports b c\n", "x supports y z\n"],
}


# LALR states differ after different statements: teach each example in the
# contexts a mistake is usually made in.
# A claim's head ends in a state of its own for each way it can be written (with or
# without its case, its asserter, its text, citations): the mistake on the next line is
# taught after each.
_CLAIM_HEADS = tuple(f"claim z{case}{by}:{text}\n" for case in ("", " (c)") for by in ("", " by p")
                     for text in ("", " t", " t [^1]"))
_EXAMPLE_CONTEXTS = ("", "\n", "claim z: t\n", "\nclaim z: t\n", "thesis z: t\n", "[^9]: n\n",
                     "claim z: t\n  supports y\n") + tuple(h for h in _CLAIM_HEADS if h != "claim z: t\n")


def _either(words: tuple[str, ...]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]


@functools.lru_cache(maxsize=1)
def _examples() -> dict[tuple[str, str], list[str]]:
    return {label: [ctx + ex for ex in examples for ctx in _EXAMPLE_CONTEXTS] for label, examples in ERROR_EXAMPLES.items()}


def _error_keys(error: UnexpectedInput) -> list[tuple]:
    """Keys for the error's place, most specific first.

    The top of the state stack says where in which statement the parser was;
    the top state alone is shared by every place a name can stand.
    """
    stack = getattr(getattr(error, "state", None), "state_stack", None) or ()
    tok = getattr(error, "token", None)
    token = getattr(tok, "type", type(error).__name__)
    keys = [(tuple(stack[-depth:]), token) for depth in (3, 2, 1)] + [(tuple(stack[-1:]), None)]
    if token == "TEXT":
        # After `claim a`, free text where the case or the colon belongs: `claim a (: t` is a case in
        # brackets gone wrong, `claim a A claim` a missing colon.  The same state, so the text tells.
        opens = str(tok).startswith("(")
        keys = [(*keys[0], opens), (*keys[1], opens)] + keys
    return keys


@functools.lru_cache(maxsize=1)
def _example_table(parser: Lark) -> dict[tuple, tuple[str, str]]:
    """Where (parser state, offending token kind) each labelled example fails.

    The first example to claim a key keeps it, so more specific labels go
    first in ERROR_EXAMPLES.  (lark's ``match_examples`` does the same job
    but compares states only.)
    """
    table: dict[tuple, tuple[str, str]] = {}
    for label, examples in _examples().items():
        for example in examples:
            try:
                parser.parse(example)
            except UnexpectedInput as error:
                for key in _error_keys(error):
                    table.setdefault(key, label)
    return table


def _match_example(error: UnexpectedInput, parser: Lark) -> tuple[str, str] | None:
    table = _example_table(parser)
    for key in _error_keys(error):
        if key in table:
            return table[key]
    return None


_TOKEN_WORDS = {
    "_NL": "the end of the line",
    "$END": "the end of the file",
    "ID": "a name (letters, digits, _)",
    "STRING": 'a "quoted string"',
    "TEXT": "text",
    "CITES": "a footnote citation like [^1]",
    "REF": "a name (letters, digits, _), or map.name",
    "OWNER": "the claim's case in brackets, like (brown)",
    "ASSERTER": "`by` and who asserts it, like by ushakov",
    "COLON": "a colon (:)",
    "LPAR": "(",
    "RPAR": ")",
    "LBRACE": "{",
    "RBRACE": "}",
    "DOT": ".",
    "PLUS": "+",
    "__ANON_0": "->",
    "FOOTNOTE_LABEL": "a footnote label like [^1]:",
    "LINK_KIND": _either(RELATION_KINDS),
    "STANCE": _either(STANCES),
    "FIELD_NAME": f"a header field ({', '.join(FIELD_NAMES)})",
    "PERSON_KIND": _either(PERSON_KINDS),
    "BARE": "a value",
}


def _expected_words(expected, parser: Lark) -> str:
    words = []
    for name in sorted(expected or ()):
        word = _TOKEN_WORDS.get(name)
        if word is None:
            term = next((t for t in parser.terminals if t.name == name), None)
            pattern = getattr(getattr(term, "pattern", None), "value", None)
            word = repr(pattern) if pattern and getattr(term.pattern, "type", "") == "str" else name.lower()
        if word not in words:
            words.append(word)
    if not words:
        return ""
    if len(words) > 6:
        words = words[:6] + ["…"]
    return ", ".join(words)


_UNCLOSED = (
    "this quotation is never closed",
    'end the quotation with a double quote on the same line; write \\" for a quote mark inside it',
)


def _unclosed_quotation(error: UnexpectedInput, text: str) -> bool:
    token = getattr(error, "token", None)
    pos = getattr(token, "start_pos", None)
    if pos is None:
        pos = getattr(error, "pos_in_stream", None)
    if pos is None or pos >= len(text) or text[pos] != '"':
        return False
    line_end = text.find("\n", pos)
    rest = text[pos + 1: line_end if line_end >= 0 else len(text)]
    return re.search(r'(?<!\\)"', rest.replace("\\\\", "")) is None


# Characters a reader cannot see, or cannot tell from a plain one: a syntax error at one of
# them is about the character, whatever the parser expected there.
_ODD_CATEGORIES = {"Cf": "an invisible character", "Zs": "a space that is not a plain space",
                   "Zl": "a line separator", "Zp": "a paragraph separator", "Mn": "a combining mark",
                   "Me": "a combining mark", "Cc": "a control character", "Co": "a private-use character"}


def _odd_character(error: UnexpectedInput, text: str) -> tuple[str, str] | None:
    """(message, hint) when the error stands at a character that looks like nothing or like a space."""
    token = getattr(error, "token", None)
    pos = getattr(token, "start_pos", None)
    if pos is None:
        pos = getattr(error, "pos_in_stream", None)
    if pos is None or pos >= len(text):
        return None
    ch = text[pos]
    what = _ODD_CATEGORIES.get(unicodedata.category(ch))
    if what is None or ch in " \t\n\r":
        return None
    name = unicodedata.name(ch, "without a name")
    if what == "a combining mark":
        return (f"{what}, U+{ord(ch):04X} {name}, follows a letter here",
                "names are plain letters, digits and _: write the letter without the mark (or as one character)")
    return (f"{what}, U+{ord(ch):04X} {name}, is here",
            "delete it, or type a plain space where a space belongs; names are letters, digits and _")


def _describe(error: UnexpectedInput, text: str, parser: Lark) -> tuple[str, str | None]:
    odd = _odd_character(error, text)
    if odd is not None:
        return odd
    label = _UNCLOSED if _unclosed_quotation(error, text) else _match_example(error, parser)
    expected = _expected_words(getattr(error, "expected", None) or getattr(error, "allowed", None), parser)
    if isinstance(error, UnexpectedCharacters):
        found = repr(text[error.pos_in_stream]) if error.pos_in_stream < len(text) else "the end"
        base = f"unexpected character {found}"
    elif isinstance(error, UnexpectedEOF):
        base = "the file ends in the middle of a statement"
    else:
        tok = error.token
        if tok.type == "$END":
            base = "the file ends in the middle of a statement"
        elif tok.type == "_NL":
            base = "the line ends too early"
        else:
            shown = str(tok) if len(str(tok)) <= 40 else str(tok)[:37] + "…"
            base = f"unexpected {shown!r}"
    if label:
        message, hint = label
        message = f"{message} ({base})"
    else:
        message, hint = base, None
    if expected and not (label and expected.endswith("…")):
        hint = f"{hint}; expected here: {expected}" if hint else f"expected here: {expected}"
    return message, hint




def error_position(error: UnexpectedInput, text: str) -> tuple[int, int, int]:
    """(line, column, offset) of a syntax error, 1-based line and column."""
    if isinstance(error, UnexpectedToken) and error.token.type == "$END":
        offset = len(text)
    else:
        offset = getattr(error, "pos_in_stream", None)
        if offset is None:
            offset = len(text)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column, offset


def diagnostic(path: str, error: UnexpectedInput, text: str, parser: Lark) -> Diagnostic:
    """The diagnostic for one syntax error *parser* raised on *text* (its examples are read with it)."""
    line, column, _ = error_position(error, text)
    message, hint = _describe(error, text, parser)
    return syntax_error(path, Span(line, column), message, hint)
