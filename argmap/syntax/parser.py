"""parse: text to :class:`argmap.model.Map`, or diagnostics that teach the syntax.

One LALR parser, built once from ``grammar/argmap.lark``, with the builder
passed to lark so that no parse tree is made.  The line lane
(:mod:`argmap.syntax.lane`, compiled from the same grammar) reads the lines it
recognises and calls the same callbacks; a statement it does not recognise
is read by lark, from the very parser state a whole-file parse would be in.
A syntax error is reported, and reading goes on at the next line that starts
a statement, so one pass reports several mistakes (at most :data:`MAX_ERRORS`).
"""

from __future__ import annotations

import functools
import re

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput, VisitError
from lark.lexer import LexerState, LexerThread, LineCounter, TextSlice
from lark.parsers.lalr_parser_state import ParseConf, ParserState

from argmap._gc import no_gc
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import (
    BURDENS,
    STANDARD_ALIASES,
    STANDARDS,
    Argument,
    Case,
    Claim,
    Document,
    Footnote,
    Group,
    Map,
    Person,
    Relation,
    Thesis,
    Use,
)
from argmap.suggest import close_matches
from argmap.syntax.builder import Builder, Heading, unescape
from argmap.syntax.comments import collect_comments, comment_bucket
from argmap.syntax.codegen import make_token
from argmap.language import CLAIM_LINE_KEYWORDS, RESERVED, STATEMENT_KEYWORDS, cache_path, grammar, grammar_text
from argmap.syntax.lane import Lane, Stop
from argmap.syntax.reader import read as read_lines

SETTING_KEYWORDS = ("weight", "standard", "burden")

__all__ = ["ArgmapError", "CLAIM_LINE_KEYWORDS", "MAX_ERRORS", "RESERVED", "STATEMENT_KEYWORDS", "assemble",
           "grammar_text", "parse", "unescape"]

MAX_ERRORS = 25


class ArgmapError(ValueError):
    """Raised by :func:`parse` and :func:`argmap.load` when input cannot be read as a map.

    ``diagnostics`` holds every problem found, each with file, line and column.
    """

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics) or "invalid map")


@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    # The LALR tables take most of a small map's start-up: built once, then read back from the
    # cache folder (lark checks the grammar's digest it wrote there, and ignores a file it cannot
    # read or write).
    text = grammar_text()
    path = cache_path("parser", text)
    return Lark(
        text if path is not None else grammar(),
        parser="lalr",
        lexer="contextual",
        transformer=Builder(),
        lexer_callbacks={"_NL": collect_comments},
        cache=path if path is not None else False,
        maybe_placeholders=False,
    )


@functools.lru_cache(maxsize=1)
def _lane() -> Lane:
    # the comment collector only acts on a newline token holding a `#`
    return Lane(_parser(), {"_NL": "#"})


# ------------------------------------------------------------- lark's part ----


class _Reader:
    """Reads a text with the lane where it can and with lark where it cannot."""

    def __init__(self, text: str, path: str, fast: bool):
        self.text, self.path, self.fast = text, path, fast
        self.lark = _parser()
        self.lane = _lane()
        frontend = self.lark.parser
        self.lexer = frontend.lexer
        self.parser = frontend.parser.parser
        self.star = self.lane.star
        self.statements: list = []
        self.comments: list = []
        self.diagnostics: list[Diagnostic] = []

    def read(self) -> list:
        lane, text = self.lane, self.text
        leading = None
        pos, line, ctx = 0, 1, lane.base
        first, _ = lane.first(ctx)
        m = first.match(text, 0)
        while m is not None and m.lastgroup in lane.ignore:
            m = first.match(text, m.end())
        if m is not None and m.lastgroup == "_NL":  # blank lines and comments before the first statement
            leading = collect_comments(make_token(m, 0, "_NL", 1, 0, len(text), text))
            ctx = lane.context(lane.simulate(lane.stack(ctx), ["_NL"])[2])
            pos, line = m.end(), 1 + m.group().count("\n")
        while pos < len(text) and len(self.diagnostics) < MAX_ERRORS:
            if self.fast:
                stop = read_lines(lane, text, pos, line, ctx, self.statements, self.comments)
                if stop is None:
                    break
                failed = stop.failed
            else:
                stack = lane.reduced_any(ctx)
                stop = Stop(pos, line, pos - text.rfind("\n", 0, pos), stack, len(self.comments))
                failed = None
            del self.comments[stop.bucket:]  # lark reads those lines again
            pos, line, ctx = self._lark(stop, failed)
        return lane.finish(self.statements, leading)

    def _lark(self, stop: Stop, failed: int | None) -> tuple[int, int, int]:
        """Read from *stop* with lark up to the first statement after the line at *failed*.

        Returns where the lane goes on: (offset, line, context).
        """
        text, lane = self.text, self.lane
        until = self._next_statement(failed) if failed is not None else None
        counter = LineCounter("\n")
        counter.char_pos, counter.line, counter.column = stop.pos, stop.line, stop.column
        counter.line_start_pos = stop.pos - stop.column + 1
        thread = LexerThread(self.lexer, LexerState(TextSlice(text, stop.pos, len(text)), counter))
        stack = list(stop.stack)
        # what lark would hold for the states below: the statements so far (read already), a newline
        values = [Tree(self.star, []) if lane.is_star(a, b) else None for a, b in zip(stack, stack[1:])]
        state = ParserState(ParseConf(self.parser.parse_table, self.parser.callbacks, "start"), thread, stack, values)
        tok = None
        previous = None
        try:
            for tok in thread.lex(state):
                state.feed_token(tok)
                if (until is not None and tok.start_pos >= until and previous == "_NL"
                        and isinstance(state.value_stack[-2], Tree)):
                    # the statement before is complete: what lark read goes in, the lane goes on.  (Not
                    # when the line that looked like a statement goes on one before, after a `\`.)
                    self.statements.extend(state.value_stack[-2].children)
                    return tok.start_pos, tok.line, lane.context(tuple(state.state_stack[:-1]))
                previous = tok.type
            end = Token.new_borrow_pos("$END", "", tok) if tok is not None else Token("$END", "", stop.pos, 1, 1)
            self.statements.extend(state.feed_token(end, True))
            return len(text), counter.line, lane.base
        except UnexpectedInput as error:
            from argmap.syntax import errors  # the table of messages: only for a map with a mistake

            comment_bucket(None)  # the labelled examples are parsed too, the first time
            try:
                self.diagnostics.append(errors.diagnostic(self.path, error, text, self.lark))
            finally:
                comment_bucket(self.comments)
            _, _, offset = errors.error_position(error, text)
            resume = self._next_statement(offset)
            resume_line = text.count("\n", 0, resume) + 1
            return resume, resume_line, lane.context(lane.with_statements(tuple(stop.stack)))
        except VisitError as error:  # a bug in the builder, never the user's fault
            raise error.orig_exc from None

    def _next_statement(self, offset: int) -> int:
        """The offset of the first line after the one at *offset* that starts a statement (or the end)."""
        text = self.text
        pos = text.find("\n", offset)
        while pos >= 0:
            pos += 1
            if self.lane.starts_statement(text, pos):
                return pos
            pos = text.find("\n", pos)
        return len(text)


_BARE_CR = re.compile(r"\r(?!\n)")


def parse(text: str, path: str | None = None, *, fast: bool = True) -> Map:
    """Parse map text into a :class:`Map`.

    Raises :class:`ArgmapError` with one diagnostic per syntax error found
    (several when the parser can recover).  ``use`` statements are recorded,
    not followed: :func:`argmap.load` resolves them.

    Well-formed lines are read by the line lane (:mod:`argmap.syntax.lane`);
    ``fast=False`` sends the whole text to lark.  Both build the same map.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        # A carriage return alone ends a line too (old Mac files, some pastes): as a newline, one
        # character for one, so every position stays where it was written.
        text = _BARE_CR.sub("\n", text)
    if not text.endswith("\n"):
        text += "\n"
    reader = _Reader(text, path or "<string>", fast)
    comment_bucket(reader.comments)
    try:
        with no_gc():
            items = reader.read()
            if not reader.diagnostics:
                return assemble(items, tuple(reader.comments), path)
    finally:
        comment_bucket(None)
    raise ArgmapError(reader.diagnostics)


def _syntax_error(*args, **kwargs) -> Diagnostic:
    from argmap.syntax import errors  # the table of messages: only for a map with a mistake

    return errors.syntax_error(*args, **kwargs)


def _bad_settings(shown: str, theses, claims):
    """A010: a ``weight`` outside [0, 1], an unknown proof standard or side, a line a thesis cannot carry, a repeat."""
    for item in (*theses, *claims):
        seen: dict[str, int] = {}
        for s in item.settings:
            problem = hint = None
            if s.keyword not in SETTING_KEYWORDS:
                problem = f"thesis {item.id}: a thesis carries only weight, standard and burden lines, not `{s.keyword}`"
                hint = f"put the `{s.keyword}` line under a claim, or write the relation on a line of its own"
            elif s.keyword in seen:
                problem = f"a second `{s.keyword}` line under {item.id} (the first is on line {seen[s.keyword]})"
                hint = f"keep one `{s.keyword}` line"
            elif s.keyword == "weight" and not 0.0 <= float(s.value) <= 1.0:
                problem = f"weight {s.value} is outside 0..1: a weight is a base score, from 0 (no credence) to 1"
                hint = "write a number from 0 to 1, such as `weight 0.8`"
            elif s.keyword == "standard" and s.value.lower() not in STANDARD_ALIASES and s.value not in STANDARDS:
                guess = next(iter(close_matches(s.value.lower(), [*STANDARDS, *STANDARD_ALIASES], 1)), None)
                problem = f"unknown proof standard `{s.value}`"
                hint = (f"did you mean `{STANDARD_ALIASES.get(guess, guess)}`? " if guess else "") + \
                    f"the standards are {', '.join(STANDARDS)}"
            elif s.keyword == "burden" and s.value not in BURDENS:
                guess = next(iter(close_matches(s.value.lower(), BURDENS, 1)), None)
                problem = f"unknown side `{s.value}` for the burden of proof"
                hint = (f"did you mean `{guess}`? " if guess else "") + "write `burden pro` or `burden con`"
            seen.setdefault(s.keyword, s.span.line)
            if problem:
                yield _syntax_error(shown, s.span, problem, hint, code="A010", name="bad-setting")


def assemble(items, comments, path: str | None) -> Map:
    """Sort parsed statements into a Map."""
    document = None
    extra_headers = []
    headings = []
    groups: dict[type, list] = {t: [] for t in (Use, Thesis, Case, Person, Group, Claim, Argument, Relation, Footnote)}
    for item in items:
        if isinstance(item, tuple):
            claim, links = item
            groups[Claim].append(claim)
            groups[Relation].extend(links)
        elif isinstance(item, Heading):
            headings.append(item.span)
        elif isinstance(item, Document):
            if document is None:
                document = item
            else:
                extra_headers.append(item)
        else:
            groups[type(item)].append(item)
    shown = path or "<string>"
    problems = tuple(
        _syntax_error(shown, h.span, f"a map has one header; this is a second one (map {h.id})",
                            f"the first header is on line {document.span.line}",
                            code="A006", name="repeated-statement", severity=Severity.WARNING)
        for h in extra_headers
    ) + tuple(
        _syntax_error(shown, item.span,
                            f"`{item.id}` is a keyword of the language and cannot name a {type(item).__name__.lower()}",
                            f"a line starting with `{item.id}` means something else; call it `{item.id}_` or another name",
                            code="A009", name="reserved-word")
        for group in (groups[Thesis], groups[Case], groups[Person], groups[Group], groups[Claim], groups[Argument],
                      groups[Use])
        for item in group if item.id in RESERVED
    ) + tuple(_bad_settings(shown, groups[Thesis], groups[Claim])) + tuple(
        _syntax_error(shown, a.kind_span,
                      f"argument {a.id}: premises together can support (->) or rebut a claim, not `{a.kind}` it",
                      f"write `{' + '.join(map(str, a.premises))} -> {a.conclusion}` or "
                      f"`{' + '.join(map(str, a.premises))} rebuts {a.conclusion}`",
                      code="A001", name="syntax-error")
        for a in groups[Argument] if a.kind not in ("supports", "rebuts"))
    return Map(
        document=document,
        uses=tuple(groups[Use]),
        theses=tuple(groups[Thesis]),
        cases=tuple(groups[Case]),
        persons=tuple(groups[Person]),
        groups=tuple(groups[Group]),
        claims=tuple(groups[Claim]),
        arguments=tuple(groups[Argument]),
        relations=tuple(groups[Relation]),
        footnotes=tuple(groups[Footnote]),
        comments=comments,
        path=path,
        problems=problems,
        footnotes_spans=tuple(headings),
    )
