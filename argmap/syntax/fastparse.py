"""A line-oriented fast path in front of the LALR parser.

Nearly every line of a real map is one of a few well-formed shapes: a claim
head, a relation under it, a footnote.  :func:`fastparse` reads the text a
statement (one line, or several joined by ``\\`` continuations) at a time,
each with one precompiled regular expression, and builds exactly the
:class:`~argmap.model.Map` that :func:`argmap.syntax.parser.parse` builds through
lark: the same objects in the same order, the same spans, the same comments.

It never reports an error.  The moment a line fits none of its shapes, or
anything is doubtful (a keyword used as a name, a second header, a claim's
lines with no claim above them), it returns None and :func:`~argmap.syntax.parser.parse`
runs lark on the whole text, which also gives the syntax diagnostics.

The grammar (``grammar/argmap.lark``) stays the reference: the terminals
below (ID, REF, TEXT, CITES, STRING, BARE, FOOTNOTE_LABEL, the claim head and
the relation line) are read out of it, and ``tests/test_fastparse.py`` holds
this module equal to the lark path on every map, example and fuzz input the
project has and on generated ones.
"""

from __future__ import annotations

import functools
import re

from argmap.diagnostics import Span
from argmap.model import (
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
from argmap.syntax.parser import _CLAIM_HEAD, RESERVED, grammar_text, unescape

# Every word the grammar gives a meaning: a name spelt like one may be lexed
# as the keyword in some places, so the fast path leaves such maps to lark.
KEYWORDS = RESERVED | {"from", "for", "against", "by", "author", "published", "publisher", "url", "text", "venue"}

_CONTINUATION = re.compile(r"[ \t]*\\\r?\n[ \t]*")
_ONE_CITE = re.compile(r"\[\^([^\]\s]+)\]")
_NAME = re.compile(r"[^\W\d]\w*(?:\.[^\W\d]\w*)?")


def _terminal(grammar: str, name: str) -> str:
    """The regular expression of terminal *name* as the grammar writes it."""
    m = re.search(rf"^{name}(?:\.\d+)?:[ \t]*/(.*)/[ \t]*$", grammar, re.M)
    if m is None:  # pragma: no cover - the grammar and this module disagree
        raise LookupError(f"terminal {name} not found in the grammar")
    return m.group(1)


_PLAIN = r"(?:[^\n\[\\]|\[(?!\^)"
_PLAIN_RUN = r"(?:[^\n\[\\]++|\[(?!\^)"


def _words(pattern: str) -> str:
    """``a|b`` out of a keyword terminal written ``(a|b)\\b``."""
    m = re.fullmatch(r"\(([\w|]+)\)\\b", pattern)
    if m is None:  # pragma: no cover - the grammar and this module disagree
        raise LookupError(f"not a keyword terminal: {pattern}")
    return m.group(1)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """(the statement pattern, the header-field pattern), built from the grammar's terminals."""
    g = grammar_text()
    # Each terminal is matched as lark's lexer matches it, on its own: an
    # atomic group keeps the match the terminal alone would give.
    ID = f"(?>{_terminal(g, 'ID')})"
    REF = f"(?>{_terminal(g, 'REF')})"
    # TEXT takes one character per turn of its loop; taking each run of plain
    # characters in one turn gives the same match, four times faster
    TEXT = f"(?>{_terminal(g, 'TEXT').replace(_PLAIN, _PLAIN_RUN, 1)})"
    CITES = f"(?>{_terminal(g, 'CITES')})"
    STRING = f"(?>{_terminal(g, 'STRING')})"
    BARE = f"(?>{_terminal(g, 'BARE')})"
    LABEL = f"(?>{_terminal(g, 'FOOTNOTE_LABEL')})"
    KIND = _words(_terminal(g, "LINK_KIND"))
    FIELD = _words(_terminal(g, "FIELD_NAME"))
    ind = r"[ \t]*+"

    def end(tag: str) -> str:
        """The end of a line: spaces, a trailing comment, the newline."""
        return rf"[ \t]*+(?:(?P<{tag}_com>#[^\n]*+)\n|\r?\n)"

    def text(tag: str, optional: bool = False) -> str:
        """Free text after a colon, its citations, and the end of the line."""
        body = (rf"[ \t]*+(?P<{tag}_t>{TEXT})(?:(?P<{tag}_c>{CITES})[ \t]*+(?:(?P<{tag}_com>#[^\n]*+)|\r)?)?\n")
        return rf"(?:{body}|[ \t]*+\r?\n)" if optional else body

    # the claim head is the grammar's CLAIM_HEAD with its parts named, as the builder reads it
    head = _CLAIM_HEAD.pattern.replace("(?P<", "(?P<cl_") + r"[ \t]*:"
    shapes = {
        "claim": rf"{ind}(?P<cl_at>)(?>{head}){text('cl', optional=True)}",
        "link": (rf"{ind}(?P<li_k>{KIND})[ \t]++(?P<li_a>{REF})(?:[ \t]*+->[ \t]*+(?P<li_b>{REF}))?{end('li')}"),
        "blank": r"[ \t]*+\r?\n",
        "comment": r"(?P<cm_ind>[ \t]*+)#(?P<cm>[^\n]*+)\n",
        "relation": (rf"{ind}(?P<re_s>{REF})[ \t]++(?P<re_k>{KIND})\b[ \t]*+(?P<re_a>{REF})"
                     rf"(?:[ \t]*+->[ \t]*+(?P<re_b>{REF}))?{end('re')}"),
        "quote": rf"{ind}quote[ \t]++(?P<qu_s>{STRING})(?:[ \t]*+(?P<qu_c>{CITES}))?{end('qu')}",
        "tags": rf"{ind}(?P<tg_at>)tags(?P<tg>(?:[ \t]++{ID})++){end('tg')}",
        "concession": rf"{ind}concession{end('co')}",
        "thesis": rf"{ind}thesis[ \t]++(?P<th_id>{ID})[ \t]*+:{text('th')}",
        "case": (rf"{ind}case[ \t]++(?P<ca_id>{ID})[ \t]++(?P<ca_st>for|against)\b[ \t]*+(?P<ca_th>{REF})"
                 rf"[ \t]*+:{text('ca')}"),
        "person": rf"{ind}(?P<pe_k>person|org)[ \t]++(?P<pe_id>{ID})[ \t]*+:{text('pe')}",
        "use": rf"{ind}use[ \t]++(?P<us_id>{ID})(?:[ \t]++from[ \t]*+(?P<us_p>{STRING}))?{end('us')}",
        "map": rf"{ind}map[ \t]++(?P<ma_id>{ID})(?:[ \t]*+(?P<ma_t>{STRING}))?[ \t]*+\{{{end('ma')}",
        "argument": (rf"{ind}argument[ \t]++(?P<ar_id>{ID})(?:[ \t]*+\([ \t]*+(?P<ar_c>{REF})[ \t]*+\))?"
                     rf"(?:[ \t]*+by[ \t]++(?P<ar_b>{REF})(?![\w.]))?[ \t]*+:[ \t]*+"
                     rf"(?P<ar_p>{REF}(?:[ \t]*+\+[ \t]*+{REF})*+)[ \t]*+->[ \t]*+(?P<ar_to>{REF}){end('ar')}"),
        "footnotes": rf"{ind}footnotes{end('fs')}",
        "footnote": rf"{ind}(?P<fn_l>{LABEL}){text('fn')}",
    }
    statement = re.compile("|".join(f"(?P<{name}>{shape})" for name, shape in shapes.items()))
    header = re.compile("|".join((
        rf"(?P<field>{ind}(?P<fi_n>{FIELD})\b[ \t]*+(?P<fi_v>{STRING}|{BARE}){end('fi')})",
        rf"(?P<close>{ind}\}}{end('cb')})",
        rf"(?P<blank>{shapes['blank']})",
        rf"(?P<comment>{shapes['comment']})",
    )))
    return statement, header


class _GiveUp(Exception):
    """The text is not one the fast path is sure of: let lark read it."""


def _comment_text(raw: str) -> str:
    body = raw.rstrip()
    return body[1:] if body.startswith(" ") else body


def fastparse(text: str, path: str | None = None) -> Map | None:
    """The map in *text*, built without lark; None when the fast path is not sure.

    Same result as :func:`argmap.syntax.parser.parse` (text normalised the same way:
    a byte-order mark dropped, a final newline added) whenever it is not None.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.endswith("\n"):
        text += "\n"
    try:
        return _scan(text, path)
    except _GiveUp:
        return None


def _scan(text: str, path: str | None) -> Map:  # noqa: C901 - one loop, one branch per statement
    statement_re, header_re = _patterns()
    statement_match, header_match = statement_re.match, header_re.match
    keywords = KEYWORDS
    cite_iter = _ONE_CITE.finditer
    new = tuple.__new__  # Span(line, column) without the named tuple's Python-level __new__
    group = statement_re.groupindex  # numbered groups for the two commonest lines
    LI_K, LI_A, LI_B, LI_COM = group["li_k"], group["li_a"], group["li_b"], group["li_com"]
    CL_ID, CL_CASE, CL_BY, CL_T, CL_C, CL_COM = (group[g] for g in ("cl_id", "cl_case", "cl_by", "cl_t", "cl_c", "cl_com"))

    document = None
    uses: list[Use] = []
    theses: list[Thesis] = []
    cases: list[Case] = []
    persons: list[Person] = []
    claims: list[Claim] = []
    arguments: list[Argument] = []
    relations: list[Relation] = []
    footnotes: list[Footnote] = []
    comments: list[Comment] = []
    fields: list[Field] | None = None  # inside the header block
    header_head = None

    # the claim being read: its head, and what the lines under it add
    claim_head = None  # (id, text, case, by, citations, span)
    quotes: list[Quote] | None = None
    tags: list[str] | None = None
    concession = False
    source = None  # Ref to the claim, source of its relations

    def finish() -> None:
        claims.append(Claim(claim_head[0], claim_head[1], claim_head[2], claim_head[3], claim_head[4],
                            tuple(quotes) if quotes else (), tuple(tags) if tags else (), concession, claim_head[5]))

    def ref(name: str, line: int, column: int) -> Ref:
        head, dot, tail = name.partition(".")
        if head in keywords or tail in keywords:
            raise _GiveUp
        return Ref(tail, head, Span(line, column)) if dot else Ref(name, None, Span(line, column))

    def ident(name: str, line: int, column: int) -> Span:
        if name in keywords:
            raise _GiveUp
        return Span(line, column, line, column + len(name))

    def place(start: int, line: int, p: int) -> tuple[int, int]:
        """(line, column) of offset *p* in a statement that starts at *start* on *line*."""
        breaks = text.count("\n", start, p)
        if not breaks:
            return line, p - start + 1
        return line + breaks, p - text.rfind("\n", start, p)

    def cites(s: str | None, at: tuple[int, int]) -> tuple[Citation, ...]:
        if s is None:
            return ()
        line, column = at
        return tuple(Citation(c.group(1), Span(line, column + c.start(), line, column + c.end())) for c in cite_iter(s))

    def free_text(m, tag: str, start: int, line: int) -> tuple[str, tuple[Citation, ...], int]:
        """(text, citations, lines the statement takes) of a statement ending in free text."""
        raw = m.group(tag + "_t")
        if raw is None:
            return "", (), 1
        value = _CONTINUATION.sub(" ", raw).strip() if "\\" in raw else raw.strip()
        cite_text = m.group(tag + "_c")
        lines = 1 + text.count("\n", start, m.end() - 1) if "\n" in raw else 1
        found = cites(cite_text, place(start, line, m.start(tag + "_c"))) if cite_text is not None else ()
        com = m.group(tag + "_com")
        if com is not None:
            at_line, column = place(start, line, m.start(tag + "_com"))
            comments.append(Comment(_comment_text(com[1:]), Span(at_line, column), True))
        return value, found, lines

    def trailing(m, tag: str, start: int, line: int) -> None:
        com = m.group(tag + "_com")
        if com is not None:
            comments.append(Comment(_comment_text(com[1:]), Span(line, m.start(tag + "_com") - start + 1), True))

    pos = 0
    line = 1
    n = len(text)
    while pos < n:
        if fields is not None:  # inside the header block
            m = header_match(text, pos)
            if m is None:
                raise _GiveUp
            kind = m.lastgroup
            if kind == "field":
                value = m.group("fi_v")
                name = m.group("fi_n")
                column = m.start("fi_n") - pos + 1
                fields.append(Field(name, unescape(value) if value.startswith('"') else value,
                                    Span(line, column, line, column + len(name))))
                trailing(m, "fi", pos, line)
            elif kind == "close":
                trailing(m, "cb", pos, line)
                document = Document(header_head[0], header_head[1], tuple(fields), header_head[2])
                fields = None
            elif kind == "comment":
                comments.append(Comment(_comment_text(m.group("cm")), Span(line, len(m.group("cm_ind")) + 1),
                                        line == 1 and m.start("cm") > pos + 1))
            pos = m.end()
            line += 1
            continue

        m = statement_match(text, pos)
        if m is None:
            raise _GiveUp
        kind = m.lastgroup
        lines = 1
        # The two commonest lines come first, with ref() and free_text() written out.
        if kind == "link":
            if claim_head is None:
                raise _GiveUp
            k, a, b, com = m.group(LI_K, LI_A, LI_B, LI_COM)
            column = m.start(LI_A) - pos + 1
            if "." in a or a in keywords:
                target = ref(a, line, column)
            else:
                target = Ref(a, None, new(Span, (line, column, None, None)))
            if b is not None:
                target = Link(target, ref(b, line, m.start(LI_B) - pos + 1), target.span)
            relations.append(Relation(k, source, target, True, new(Span, (line, m.start(LI_K) - pos + 1, None, None))))
            if com is not None:
                comments.append(Comment(_comment_text(com[1:]), Span(line, m.start(LI_COM) - pos + 1), True))
        elif kind == "claim":
            if claim_head is not None:  # finish(), written out
                claims.append(Claim(*claim_head[:5], tuple(quotes) if quotes else (), tuple(tags) if tags else (),
                                    concession, claim_head[5]))
            name, case, by, raw, cite_text = m.group(CL_ID, CL_CASE, CL_BY, CL_T, CL_C)
            if name in keywords:
                raise _GiveUp
            column = m.start(CL_ID) - pos + 1
            span = new(Span, (line, column, line, column + len(name)))
            if case is not None:
                column = m.start(CL_CASE) - pos + 1
                case = ref(case, line, column) if "." in case or case in keywords else \
                    Ref(case, None, new(Span, (line, column, None, None)))
            if by is not None:
                column = m.start(CL_BY) - pos + 1
                by = ref(by, line, column) if "." in by or by in keywords else \
                    Ref(by, None, new(Span, (line, column, None, None)))
            if raw is None:
                value, found = "", ()
            elif "\n" in raw or "\\" in raw or m.group(CL_COM) is not None:
                value, found, lines = free_text(m, "cl", pos, line)
            else:
                value = raw.strip()
                found = () if cite_text is None else cites(cite_text, (line, m.start(CL_C) - pos + 1))
            claim_head = (name, value, case, by, found, span)
            quotes = tags = None
            concession = False
            source = Ref(name, None, span)
        elif kind == "blank":
            pass
        elif kind == "comment":
            comments.append(Comment(_comment_text(m.group("cm")), Span(line, len(m.group("cm_ind")) + 1),
                                    line == 1 and m.start("cm") > pos + 1))
        elif kind in ("quote", "tags", "concession"):
            if claim_head is None:
                raise _GiveUp
            if kind == "quote":
                if quotes is None:
                    quotes = []
                s = m.group("qu_s")
                column = m.start("qu_s") - pos + 1
                c = m.group("qu_c")
                quotes.append(Quote(unescape(s), cites(c, (line, m.start("qu_c") - pos + 1)) if c else (),
                                    Span(line, column, line, column + len(s))))
                trailing(m, "qu", pos, line)
            elif kind == "tags":
                if tags is None:
                    tags = []
                for tag in m.group("tg").split():
                    if tag in keywords:
                        raise _GiveUp
                    tags.append(tag)
                trailing(m, "tg", pos, line)
            else:
                concession = True
                trailing(m, "co", pos, line)
        else:  # a statement that ends the claim being read, if any
            if claim_head is not None:
                finish()
                claim_head = None
            if kind == "relation":
                src = ref(m.group("re_s"), line, m.start("re_s") - pos + 1)
                target = ref(m.group("re_a"), line, m.start("re_a") - pos + 1)
                b = m.group("re_b")
                if b is not None:
                    target = Link(target, ref(b, line, m.start("re_b") - pos + 1), target.span)
                relations.append(Relation(m.group("re_k"), src, target, False, src.span))
                trailing(m, "re", pos, line)
            elif kind == "thesis":
                name = m.group("th_id")
                span = ident(name, line, m.start("th_id") - pos + 1)
                value, found, lines = free_text(m, "th", pos, line)
                theses.append(Thesis(name, value, found, span))
            elif kind == "case":
                name = m.group("ca_id")
                span = ident(name, line, m.start("ca_id") - pos + 1)
                thesis = ref(m.group("ca_th"), line, m.start("ca_th") - pos + 1)
                value, found, lines = free_text(m, "ca", pos, line)
                cases.append(Case(name, m.group("ca_st"), thesis, value, found, span))
            elif kind == "person":
                name = m.group("pe_id")
                span = ident(name, line, m.start("pe_id") - pos + 1)
                value, found, lines = free_text(m, "pe", pos, line)
                persons.append(Person(name, value, m.group("pe_k"), found, span))
            elif kind == "footnote":
                label = m.group("fn_l")
                column = m.start("fn_l") - pos + 1
                value, _, lines = free_text(m, "fn", pos, line)  # a note's own citations are not kept
                footnotes.append(Footnote(label[2:-2], value, Span(line, column, line, column + len(label))))
            elif kind == "footnotes":
                trailing(m, "fs", pos, line)
            elif kind == "use":
                name = m.group("us_id")
                span = ident(name, line, m.start("us_id") - pos + 1)
                p = m.group("us_p")
                uses.append(Use(name, unescape(p) if p is not None else None, span))
                trailing(m, "us", pos, line)
            elif kind == "argument":
                name = m.group("ar_id")
                span = ident(name, line, m.start("ar_id") - pos + 1)
                case = m.group("ar_c")
                if case is not None:
                    case = ref(case, line, m.start("ar_c") - pos + 1)
                by = m.group("ar_b")
                if by is not None:
                    by = ref(by, line, m.start("ar_b") - pos + 1)
                premises = tuple(ref(p.group(), line, p.start() - pos + 1)
                                 for p in _NAME.finditer(text, m.start("ar_p"), m.end("ar_p")))
                conclusion = ref(m.group("ar_to"), line, m.start("ar_to") - pos + 1)
                arguments.append(Argument(name, premises, conclusion, case, by, span))
                trailing(m, "ar", pos, line)
            elif kind == "map":
                if document is not None:
                    raise _GiveUp  # a second header: lark's path reports it
                name = m.group("ma_id")
                title = m.group("ma_t")
                header_head = (name, unescape(title) if title is not None else None,
                               ident(name, line, m.start("ma_id") - pos + 1))
                fields = []
                trailing(m, "ma", pos, line)
            else:  # pragma: no cover - every shape is handled above
                raise _GiveUp
        pos = m.end()
        line += lines
    if fields is not None:
        raise _GiveUp  # the header is never closed
    if claim_head is not None:
        finish()
    return Map(
        document=document,
        uses=tuple(uses),
        theses=tuple(theses),
        cases=tuple(cases),
        persons=tuple(persons),
        claims=tuple(claims),
        arguments=tuple(arguments),
        relations=tuple(relations),
        footnotes=tuple(footnotes),
        comments=tuple(comments),
        path=path,
    )
