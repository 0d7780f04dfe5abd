"""parse: text to :class:`argmap.model.Map`, or diagnostics that teach the syntax.

One LALR parser, built once from ``grammar/argmap.lark``, with the builder
passed to lark so that no parse tree is made: positions come straight from
the tokens.  On a syntax error the parser records a diagnostic, blanks the
statement it was in (keeping line numbers) and parses again, so one run
reports several mistakes.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import threading
from pathlib import Path

import attrs
from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from argmap._gc import no_gc
from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.model import (
    RELATION_KINDS,
    Argument,
    Case,
    Citation,
    Claim,
    Comment,
    Document,
    Field,
    Footnote,
    Link,
    Map,
    Person,
    Quote,
    Ref,
    Relation,
    Thesis,
    Use,
)

MAX_ERRORS = 25


class ArgmapError(ValueError):
    """Raised by :func:`parse` and :func:`argmap.load` when input cannot be read as a map.

    ``diagnostics`` holds every problem found, each with file, line and column.
    """

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics) or "invalid map")


def grammar_text() -> str:
    """The grammar, from the installed package or from the source tree."""
    packaged = importlib.resources.files("argmap").joinpath("grammar/argmap.lark")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    source_tree = Path(__file__).resolve().parents[2] / "grammar" / "argmap.lark"
    return source_tree.read_text(encoding="utf-8")


# ------------------------------------------------------------ the builder ----


def _span(tok: Token) -> Span:
    return Span(tok.line, tok.column, tok.end_line, tok.end_column)


def unescape(string_token: str) -> str:
    """The value of a quoted string as written in a map (``\\"`` and ``\\\\`` undone)."""
    body = string_token[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


_CONTINUATION = re.compile(r"[ \t]*\\\r?\n[ \t]*")


def _text(tok: Token) -> str:
    return _CONTINUATION.sub(" ", str(tok)).strip()


@attrs.frozen
class _Text:
    text: str
    citations: tuple[Citation, ...]
    span: Span


@attrs.frozen
class _Line:
    """One line under a claim, before it is folded into the claim."""

    kind: str
    value: object
    span: Span


_ONE_CITE = re.compile(r"\[\^([^\]\s]+)\]")
_NAME = re.compile(r"[^\W\d]\w*(?:\.[^\W\d]\w*)?")


def _cites(tok: Token | None) -> tuple[Citation, ...]:
    """The citations in one CITES token, each with its own column."""
    if tok is None:
        return ()
    line, column = tok.line, tok.column
    return tuple(Citation(m.group(1), Span(line, column + m.start(), line, column + m.end()))
                 for m in _ONE_CITE.finditer(tok))


def _ref_in(tok: Token) -> Ref:
    """The reference inside an OWNER ``(case)`` or ASSERTER ``by person`` token."""
    value = str(tok)
    start = 3 if value.startswith("by") else 1
    m = _NAME.search(value, start)
    head, dot, tail = m.group(0).partition(".")
    span = Span(tok.line, tok.column + m.start())
    return Ref(tail, head, span) if dot else Ref(head, None, span)


_CLAIM_HEAD = re.compile(
    r"claim[ \t]+(?P<id>[^\W\d]\w*)(?:[ \t]*\([ \t]*(?P<case>[^\W\d]\w*(?:\.[^\W\d]\w*)?)[ \t]*\))?"
    r"(?:[ \t]+by[ \t]+(?P<by>[^\W\d]\w*(?:\.[^\W\d]\w*)?))?")
_LINK_LINE = re.compile(
    r"(?P<kind>\w+)[ \t]+(?P<a>[^\W\d]\w*(?:\.[^\W\d]\w*)?)(?:[ \t]*->[ \t]*(?P<b>[^\W\d]\w*(?:\.[^\W\d]\w*)?))?")


def _ref_at(name: str, line: int, column: int) -> Ref:
    head, dot, tail = name.partition(".")
    span = Span(line, column)
    return Ref(tail, head, span) if dot else Ref(name, None, span)


def _owner_and_asserter(children) -> tuple[tuple[Ref | None, Ref | None], list]:
    """((case, by), the other children) from a statement's OWNER and ASSERTER tokens."""
    case = by = None
    others = []
    for item in children:
        if isinstance(item, Token) and item.type == "OWNER":
            case = _ref_in(item)
        elif isinstance(item, Token) and item.type == "ASSERTER":
            by = _ref_in(item)
        else:
            others.append(item)
    return (case, by), others


class Builder(Transformer):
    """Turns the parser's reductions into model objects, one rule at a time."""

    def text(self, children):
        tok = children[0]
        return _Text(_text(tok), _cites(children[1] if len(children) > 1 else None), Span(tok.line, tok.column))

    def ref(self, children):
        tok = children[0]
        head, dot, tail = tok.partition(".")
        span = Span(tok.line, tok.column)
        return Ref(tail, head, span) if dot else Ref(str(tok), None, span)

    def link_target(self, children):
        source, target = children
        return Link(source, target, source.span)

    def field(self, children):
        name, value = children
        raw = unescape(str(value)) if str(value).startswith('"') else str(value)
        return Field(str(name), raw, _span(name))

    def header(self, children):
        ident, *rest = children
        title = None
        if rest and isinstance(rest[0], Token) and rest[0].type == "STRING":
            title = unescape(str(rest.pop(0)))
        return Document(str(ident), title, tuple(rest), _span(ident))

    def use(self, children):
        ident = children[0]
        path = unescape(str(children[1])) if len(children) > 1 else None
        return Use(str(ident), path, _span(ident))

    def thesis(self, children):
        ident, text = children
        return Thesis(str(ident), text.text, text.citations, _span(ident))

    def case(self, children):
        ident, stance, thesis, text = children
        return Case(str(ident), str(stance), thesis, text.text, text.citations, _span(ident))

    def person(self, children):
        kind, ident, text = children
        return Person(str(ident), text.text, str(kind), text.citations, _span(ident))

    def quote(self, children):
        string = children[0]
        span = _span(string)
        return _Line("quote", Quote(unescape(str(string)), _cites(children[1] if len(children) > 1 else None), span), span)

    def tags(self, children):
        return _Line("tags", tuple(str(c) for c in children), _span(children[0]))

    def concession(self, children):
        return _Line("concession", True, Span(0, 0))

    def link(self, children):
        if len(children) == 1:  # the LINK_LINE fast lane
            tok = children[0]
            m = _LINK_LINE.match(tok)
            line, column = tok.line, tok.column
            target = _ref_at(m.group("a"), line, column + m.start("a"))
            if m.group("b"):
                target = Link(target, _ref_at(m.group("b"), line, column + m.start("b")), target.span)
            return _Line("link", (m.group("kind"), target), Span(line, column))
        kind, target = children
        return _Line("link", (str(kind), target), _span(kind))

    def claim(self, children):
        ident, *rest = children
        case = by = None
        if ident.type == "CLAIM_HEAD":  # the fast lane: pick the head apart
            m = _CLAIM_HEAD.match(ident)
            line, column = ident.line, ident.column
            if m.group("case"):
                case = _ref_at(m.group("case"), line, column + m.start("case"))
            if m.group("by"):
                by = _ref_at(m.group("by"), line, column + m.start("by"))
            ident = Token("ID", m.group("id"), ident.start_pos + m.start("id"), line, column + m.start("id"),
                          line, column + m.end("id"), ident.start_pos + m.end("id"))
        text = _Text("", (), _span(ident))
        (written_case, written_by), rest = _owner_and_asserter(rest)  # the fine-grained lane
        case, by = case or written_case, by or written_by
        lines: list[_Line] = []
        for item in rest:
            if isinstance(item, _Text):
                text = item
            else:
                lines.append(item)
        quotes = []
        tags: list[str] = []
        concession = False
        links = []
        for line in lines:
            if line.kind == "quote":
                quotes.append(line.value)
            elif line.kind == "tags":
                tags.extend(line.value)
            elif line.kind == "concession":
                concession = True
            else:
                kind, target = line.value
                links.append(Relation(kind, Ref(str(ident), None, _span(ident)), target, True, line.span))
        claim = Claim(str(ident), text.text, case, by, text.citations, tuple(quotes), tuple(tags), concession, _span(ident))
        return (claim, tuple(links))

    def relation(self, children):
        source, kind, target = children
        return Relation(str(kind), source, target, False, source.span)

    def argument(self, children):
        ident, *rest = children
        (case, by), refs = _owner_and_asserter(rest)
        *premises, conclusion = refs
        return Argument(str(ident), tuple(premises), conclusion, case, by, _span(ident))

    def footnotes_heading(self, children):
        return None

    def footnote(self, children):
        label, text = children
        return Footnote(str(label)[2:-2], text.text, _span(label))

    def start(self, children):
        return children


# ------------------------------------------------------------- the parser ----

_comments = threading.local()


def _collect_comments(tok: Token) -> Token:
    """Keep the comments the grammar's newline token swallows, with their positions."""
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


@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        transformer=Builder(),
        lexer_callbacks={"_NL": _collect_comments},
        cache=False,
        maybe_placeholders=False,
    )


# ------------------------------------------------------- error reporting ----

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
    ): ["claim a text\n", "claim a (c) text\n", "claim a (c) by p text\n", "thesis a text\n", "person a text\n"],
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
        "a linked argument lists premises joined by + and an arrow to its conclusion",
        "write `argument id (case): premise + premise -> conclusion`",
    ): ["argument a: b c\n", "argument a: b +\n", "argument a: b -> \n", "argument a: -> c\n", "argument a: b + c\n"],
    (
        "the map header needs an id and a block in braces",
        'write `map id "Title" {` on one line, one field a line, then `}`',
    ): ["map {\n", "map a\n", 'map a "t"\n', "map a { author \"x\" }\n"],
    (
        "unknown field in the map header",
        "the header takes: author, published, publisher, url, text, venue",
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
        "statements start with map, use, thesis, case, person, org, claim, argument, "
        "footnotes, [^n]:, or `a supports b`; put quote/tags/supports lines under a claim",
    ): ["hello world\n", "a b\n", "123\n", "  quote \"x\"\n", "concession\n", "tags a\n", "- a\n", "{\n", "}\n"],
    (
        "supports, rebuts, undercuts and contradicts take a single target",
        "put each relation on a line of its own",
    ): ["claim a: t\n  supports b c\n", "x supports y z\n"],
}


# LALR states differ after different statements: teach each example in the
# contexts a mistake is usually made in.
_EXAMPLE_CONTEXTS = ("", "\n", "claim z: t\n", "\nclaim z: t\n", "thesis z: t\n", "[^9]: n\n", "claim z: t\n  supports y\n")


@functools.lru_cache(maxsize=1)
def _examples() -> dict[tuple[str, str], list[str]]:
    return {label: [ctx + ex for ex in examples for ctx in _EXAMPLE_CONTEXTS] for label, examples in ERROR_EXAMPLES.items()}


def _error_keys(error: UnexpectedInput) -> list[tuple]:
    """Keys for the error's place, most specific first.

    The top of the state stack says where in which statement the parser was;
    the top state alone is shared by every place a name can stand.
    """
    stack = getattr(getattr(error, "state", None), "state_stack", None) or ()
    token = getattr(getattr(error, "token", None), "type", type(error).__name__)
    return [(tuple(stack[-depth:]), token) for depth in (3, 2, 1)] + [(tuple(stack[-1:]), None)]


@functools.lru_cache(maxsize=1)
def _example_table() -> dict[tuple, tuple[str, str]]:
    """Where (parser state, offending token kind) each labelled example fails.

    The first example to claim a key keeps it, so more specific labels go
    first in ERROR_EXAMPLES.  (lark's ``match_examples`` does the same job
    but compares states only.)
    """
    table: dict[tuple, tuple[str, str]] = {}
    for label, examples in _examples().items():
        for example in examples:
            try:
                _bare_parser().parse(example)
            except UnexpectedInput as error:
                for key in _error_keys(error):
                    table.setdefault(key, label)
    return table


def _match_example(error: UnexpectedInput) -> tuple[str, str] | None:
    table = _example_table()
    for key in _error_keys(error):
        if key in table:
            return table[key]
    return None


@functools.lru_cache(maxsize=1)
def _bare_parser() -> Lark:
    return Lark(grammar_text(), parser="lalr", lexer="contextual", maybe_placeholders=False)


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
    "LINK_KIND": "supports, rebuts, undercuts or contradicts",
    "STANCE": "for or against",
    "FIELD_NAME": "a header field (author, published, publisher, url, text, venue)",
    "PERSON_KIND": "person or org",
    "BARE": "a value",
}


def _expected_words(expected) -> str:
    words = []
    for name in sorted(expected or ()):
        word = _TOKEN_WORDS.get(name)
        if word is None:
            term = next((t for t in _bare_parser().terminals if t.name == name), None)
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


def _describe(error: UnexpectedInput, text: str) -> tuple[str, str | None]:
    label = _UNCLOSED if _unclosed_quotation(error, text) else _match_example(error)
    expected = _expected_words(getattr(error, "expected", None) or getattr(error, "allowed", None))
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


_STATEMENT_START = re.compile(
    r"^[ \t]*(?:map|use|thesis|case|person|org|claim|argument|footnotes|\[\^)(?![\w])|^[^\W\d]\w*(?:\.\w+)?[ \t]+(?:supports|rebuts|undercuts|contradicts)\b",
    re.M,
)


def _error_position(error: UnexpectedInput, text: str) -> tuple[int, int, int]:
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


def _blank_statement(text: str, offset: int) -> str | None:
    """*text* with the statement around *offset* blanked out (newlines kept), or None."""
    line_start = text.rfind("\n", 0, offset) + 1
    # the statement starts at the last statement-start line at or before the error
    start = line_start
    for m in _STATEMENT_START.finditer(text, 0, line_start + 1):
        if m.start() <= line_start:
            start = m.start()
    # the header is a block: blank the whole of it
    m = _STATEMENT_START.search(text, line_start + 1)
    end = m.start() if m else len(text)
    end = max(end, text.find("\n", offset) + 1 if text.find("\n", offset) >= 0 else len(text))
    if start >= end:
        return None
    chunk = text[start:end]
    return text[:start] + re.sub(r"[^\n]", " ", chunk) + text[end:]


def _syntax_diagnostic(path: str, error: UnexpectedInput, text: str) -> Diagnostic:
    line, column, _ = _error_position(error, text)
    message, hint = _describe(error, text)
    return Diagnostic(path, Span(line, column), "A001", "syntax-error", Severity.ERROR, message, hint)


def parse(text: str, path: str | None = None, *, fast: bool = True) -> Map:
    """Parse map text into a :class:`Map`.

    Raises :class:`ArgmapError` with one diagnostic per syntax error found
    (several when the parser can recover).  ``use`` statements are recorded,
    not followed: :func:`argmap.load` resolves them.

    Well-formed lines are read by the line-oriented fast path
    (:mod:`argmap.syntax.fastparse`), which builds the same map; ``fast=False``
    sends the text straight to lark.
    """
    shown = path or "<string>"
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.endswith("\n"):
        text += "\n"
    if fast:
        from argmap.syntax.fastparse import fastparse

        with no_gc():
            m = fastparse(text, path)
        if m is not None:
            return m
    diagnostics: list[Diagnostic] = []
    current = text
    while True:
        _comments.bucket = []
        try:
            with no_gc():
                items = _parser().parse(current)
            comments = tuple(_comments.bucket)
            break
        except UnexpectedInput as error:
            # The fast parser's states carry built values, which the labelled
            # examples cannot be matched against: ask the tree-less twin.
            try:
                _bare_parser().parse(current)
            except UnexpectedInput as twin:
                error = twin
            diagnostics.append(_syntax_diagnostic(shown, error, current))
            _, _, offset = _error_position(error, current)
            blanked = _blank_statement(current, offset)
            if blanked is None or blanked == current or len(diagnostics) >= MAX_ERRORS:
                raise ArgmapError(diagnostics) from None
            current = blanked
        except VisitError as error:  # a bug in the builder, never the user's fault
            raise error.orig_exc from None
        finally:
            _comments.bucket = None
    if diagnostics:
        raise ArgmapError(diagnostics)
    return assemble(items, comments, path)


# Words that start a statement or a line under a claim: a name spelt like one
# would make a relation written from it read as something else.
STATEMENT_KEYWORDS = frozenset({"map", "use", "thesis", "case", "person", "org", "claim", "argument", "footnotes"})
CLAIM_LINE_KEYWORDS = frozenset({"quote", "tags", "concession"})
RESERVED = STATEMENT_KEYWORDS | CLAIM_LINE_KEYWORDS | frozenset(RELATION_KINDS)


def assemble(items, comments, path: str | None) -> Map:
    """Sort parsed statements into a Map."""
    document = None
    extra_headers = []
    groups: dict[type, list] = {t: [] for t in (Use, Thesis, Case, Person, Claim, Argument, Relation, Footnote)}
    for item in items:
        if item is None:
            continue
        if isinstance(item, tuple):
            claim, links = item
            groups[Claim].append(claim)
            groups[Relation].extend(links)
        elif isinstance(item, Document):
            if document is None:
                document = item
            else:
                extra_headers.append(item)
        else:
            groups[type(item)].append(item)
    from argmap.diagnostics import Diagnostic as _D

    problems = tuple(
        _D(path or "<string>", h.span, "A006", "repeated-statement", Severity.WARNING,
           f"a map has one header; this is a second one (map {h.id})",
           f"the first header is on line {document.span.line}")
        for h in extra_headers
    ) + tuple(
        _D(path or "<string>", item.span, "A009", "reserved-word", Severity.ERROR,
           f"`{item.id}` is a keyword of the language and cannot name a {type(item).__name__.lower()}",
           f"a line starting with `{item.id}` means something else; call it `{item.id}_` or another name")
        for group in (groups[Thesis], groups[Case], groups[Person], groups[Claim], groups[Argument], groups[Use])
        for item in group if item.id in RESERVED
    )
    return Map(
        document=document,
        uses=tuple(groups[Use]),
        theses=tuple(groups[Thesis]),
        cases=tuple(groups[Case]),
        persons=tuple(groups[Person]),
        claims=tuple(groups[Claim]),
        arguments=tuple(groups[Argument]),
        relations=tuple(groups[Relation]),
        footnotes=tuple(groups[Footnote]),
        comments=comments,
        path=path,
        problems=problems,
    )
