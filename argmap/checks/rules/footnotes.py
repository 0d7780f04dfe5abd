"""Footnote rules: every footnote cited is defined, every one defined is cited, once, in order.

Together with :mod:`argmap.checks.rules.citations` they make the
``citations`` group (codes C1xx).
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.rules import Context, Finding, rule
from argmap.model import Citation, Footnote, Map

STUB = "TODO: copy note {label} from the article."
"""The text ``argmap check --fix`` gives a note it adds (argmap.fixing)."""


def _cited_labels(m: Map) -> Iterator[Citation]:
    """Every citation in the map, with what cites it."""
    for group in (m.theses, m.cases, m.persons, m.groups):
        for item in group:
            for c in item.citations:
                yield c
    for claim in m.claims:  # claim.all_citations, without building the tuple
        yield from claim.citations
        for quote in claim.quotes:
            yield from quote.citations
        for wording in claim.wordings:
            yield from wording.citations


@rule("C101")
def undefined_footnote(ctx: Context) -> Iterator[Finding]:
    """A citation of a footnote that the map never defines.

    What it finds: `[^12]` in a claim, quotation, thesis or case when no
    `[^12]: ...` line defines note 12.
    Why it matters: the reader cannot follow the claim to its source; usually
    a typo in the number or a note left out when copying the article.

    Fails:
        claim a (c): Russia offered nothing. [^12]

    Passes:
        claim a (c): Russia offered nothing. [^12]
        footnotes
          [^12]: The Japan Times, December 18, 2016.
    """
    table = ctx.map.footnote_table
    for c in _cited_labels(ctx.map):
        if c.label not in table:
            numbers = sorted(table, key=lambda s: (len(s), s))
            hint = f"defined notes: {', '.join(numbers[:12])}{'…' if len(numbers) > 12 else ''}" if numbers else \
                "add a `footnotes` block with `[^" + c.label + "]: ...`"
            yield Finding(c.span, f"footnote [^{c.label}] is cited but never defined", hint)


@rule("C102")
def unused_footnote(ctx: Context) -> Iterator[Finding]:
    """A footnote that no claim cites.

    What it finds: a `[^n]: ...` definition whose label appears in no
    citation anywhere in the map.
    Why it matters: every note of the article backs some step of its
    argument; an uncited note means a step is missing from the map, or a
    citation was mistyped.

    Fails:
        claim a (c): Russia offered nothing.
        footnotes
          [^1]: TASS, December 16, 2016.

    Passes:
        claim a (c): Russia offered nothing. [^1]
        footnotes
          [^1]: TASS, December 16, 2016.
    """
    cited = {c.label for c in _cited_labels(ctx.map)}
    for note in ctx.map.footnotes:
        if note.label not in cited:
            yield Finding(note.span, f"footnote [^{note.label}] is never cited",
                          "cite it from the claim it backs, e.g. `claim x: ... [^" + note.label + "]`")


@rule("C103")
def duplicate_footnote(ctx: Context) -> Iterator[Finding]:
    """The same footnote label defined twice.

    What it finds: two `[^n]:` lines with the same label.
    Why it matters: a citation of `[^n]` becomes ambiguous; only the first
    definition is used.

    Fails:
        footnotes
          [^3]: Mainichi Shimbun, November 7, 2016.
          [^3]: Kyodo, December 13, 2016.

    Passes:
        footnotes
          [^3]: Mainichi Shimbun, November 7, 2016.
          [^4]: Kyodo, December 13, 2016.
    """
    first: dict[str, Footnote] = {}
    for note in ctx.map.footnotes:
        if note.label in first:
            yield Finding(note.span, f"footnote [^{note.label}] is defined twice",
                          f"the first definition is on line {first[note.label].span.line}; renumber one of them")
        else:
            first[note.label] = note


@rule("C104")
def footnote_order(ctx: Context) -> Iterator[Finding]:
    """Numbered footnotes with gaps or out of order.

    What it finds: numeric footnote labels that skip a number (1, 2, 4) or
    go backwards (1, 3, 2) in the order they are defined.  Marks such as
    `*1` are not numbered and are left alone.
    Why it matters: the article numbers its notes in order; a gap is usually
    a note that was not copied, a step backwards a note copied under the
    wrong number.

    Fails:
        footnotes
          [^1]: The Financial Times, January 17, 2016.
          [^3]: Mainichi Shimbun, November 7, 2016.

    Passes:
        footnotes
          [^1]: The Financial Times, January 17, 2016.
          [^2]: Mainichi Shimbun, November 7, 2016.
    """
    previous = None
    for note in ctx.map.footnotes:
        n = note.number
        if n is None:
            continue
        if previous is not None:
            if n < previous:
                yield Finding(note.span, f"footnote {n} comes after footnote {previous}",
                              "keep the notes in the article's order")
            elif n > previous + 1:
                missing = f"{previous + 1}" if n == previous + 2 else f"{previous + 1}–{n - 1}"
                yield Finding(note.span, f"footnotes jump from {previous} to {n}; {missing} missing",
                              "copy every note of the article, even those the map does not use yet")
        if previous is None or n > previous:
            previous = n


@rule("C105")
def orphan_ibid(ctx: Context) -> Iterator[Finding]:
    """An "Ibid." with no earlier note to repeat.

    What it finds: a footnote whose text is "Ibid." (or "Ibidem") when it is
    the first note defined, or every note before it is itself unresolvable.
    Why it matters: "Ibid." means "the same source as the note before"; with
    nothing before it, the citation points nowhere.

    Fails:
        footnotes
          [^1]: Ibid.

    Passes:
        footnotes
          [^1]: Business Journal, January 19, 2017.
          [^2]: Ibid.
    """
    for note in ctx.map.footnotes:
        if note.info.ibid and ctx.map.source_note(note.label) is None:
            yield Finding(note.span, f"footnote [^{note.label}] says \"Ibid.\" but no note comes before it",
                          "write the source out in full")


@rule("C114")
def stub_footnote(ctx: Context) -> Iterator[Finding]:
    """A footnote that is still the stub `argmap check --fix` wrote for it.

    What it finds: a note whose text is `TODO: copy note n from the
    article.`, the stub `--fix` adds for a note that is cited but not
    defined.
    Why it matters: the stub makes the map whole, but the citation still
    leads nowhere until the note's text is copied from the article.

    Fails:
        claim a (c): Russia offered nothing. [^12]
        footnotes
          [^12]: TODO: copy note 12 from the article.

    Passes:
        claim a (c): Russia offered nothing. [^12]
        footnotes
          [^12]: The Japan Times, December 18, 2016.
    """
    for note in ctx.map.footnotes:
        if note.text == STUB.format(label=note.label):
            yield Finding(note.span, f"footnote [^{note.label}] is a stub: its text is still to be copied",
                          "replace the TODO with the note as the article prints it")
