"""Source rules: every quotation in its source, every date and address well formed, every name into another map found.

The footnote apparatus itself (labels defined, used, unique, in order;
Ibid.) is checked in :mod:`argmap.checks.rules.footnotes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from argmap.checks.rules import Context, Finding, declare, rule
from argmap.diagnostics import Severity
from argmap.model import Footnote, Ref
from argmap.model.notes import item_key
from argmap.resolve import resolve
from argmap.suggest import close_matches


@rule("C106")
def source_after_article(ctx: Context) -> Iterator[Finding]:
    """A cited item dated after the article that cites it.

    What it finds: a footnote whose date (read from its text, to the year,
    month or day) is later than the map's `published` date, compared at the
    precision both have.  "Ibid." notes are judged by the note they repeat.
    Why it matters: an article cannot cite what did not exist yet; either
    the note's date or the article's is wrong.  Articles do carry such
    typos: keep the note as written and say so in a comment.

    Fails:
        map a {
          published 2017-02
        }
        footnotes
          [^17]: Kyodo, May 7, 2017.

    Passes:
        map a {
          published 2017-02
        }
        footnotes
          [^17]: Kyodo, May 7, 2016.
    """
    doc = ctx.map.document
    published = doc.published_date if doc else None
    if doc is None or published is None:
        return
    published_as = doc.published
    for note in ctx.map.footnotes:
        if note.info.ibid:
            continue
        date = note.info.date
        if date is not None and date.is_after(published):
            yield Finding(note.span, f"footnote [^{note.label}] is dated {note.info.date_text}, "
                          f"after the article ({published_as})",
                          "check the date in the note or the map's `published` field")


@rule("C107")
def uncited_quotation(ctx: Context) -> Iterator[Finding]:
    """A quotation with no footnote.

    What it finds: a `quote "..."` line with no `[^n]` after it, under a
    claim that cites nothing either, in a map that has footnotes.  (When
    the article has no footnotes at all there is nothing to cite; its
    quotations are still checked against its text by C108.)
    Why it matters: a quotation is a claim about what someone said; the
    reader needs to know where it was said.  Some articles quote without a
    note: say so in a comment above the quotation.

    Fails:
        claim a (c) by putin: Putin denies any territorial problem.
          quote "We believe we have no territorial problems at all."
        claim b (c) by putin: Putin refuses to trade territory. [^13]
        footnotes
          [^13]: Bloomberg, September 2, 2016.

    Passes:
        claim a (c) by putin: Putin denies any territorial problem.
          quote "We believe we have no territorial problems at all." [^14]
        claim b (c) by putin: Putin refuses to trade territory. [^13]
        footnotes
          [^13]: Bloomberg, September 2, 2016.
          [^14]: Kyodo, December 13, 2016.
    """
    if not ctx.map.footnotes:
        return
    for claim in ctx.map.claims:
        for q in claim.quotes:
            if not q.citations and not claim.citations:
                yield Finding(q.span, f"the quotation in claim {claim.id} cites no footnote",
                              "add the note that sources it: quote \"...\" [^n]")


@rule("C108")
def quotation_not_in_source(ctx: Context) -> Iterator[Finding]:
    """A quotation that does not occur in the article's text.

    What it finds: a `quote "..."` whose words are not in the source text
    named by the map's `text` field, compared after normalising whitespace,
    curly and straight quotes, dashes and ellipses.  `...` inside a
    quotation marks an omission: each part must occur, in order.  The hint
    shows the closest passage of the text.
    Why it matters: a misquotation put into a brief is the quickest way to
    lose a debate.  Runs only when the source text is found (see C113).

    Fails:
        claim a (c) by ushakov: Russian law applies.
          quote "Of course, this is Russian territory." [^11]

    Passes:
        claim a (c) by ushakov: Russian law applies.
          quote "Of course, this is the territory of the Russian Federation." [^11]
    """
    source = ctx.source
    if source is None:
        return
    for claim in ctx.map.claims:
        for q in claim.quotes:
            match = source.match(q.text)  # argmap.sources.find_quotation: bounded work, original offsets
            if match.found:
                continue
            hint = None
            if match.closest:
                closest = match.closest.strip(" \"'")
                passage = closest if len(closest) <= 160 else closest[:157] + "…"
                hint = f"closest passage ({ctx.source_name}, line {match.closest_line}, {match.score:.0f}% alike): \"{passage}\""
            yield Finding(q.span, f"the quotation in claim {claim.id} is not in the source text", hint)


@rule("C109")
def same_source(ctx: Context) -> Iterator[Finding]:
    """Two footnotes that cite the same item.

    What it finds: a note whose text is the same as an earlier note's once
    case, punctuation and spacing are set aside ("Ibid." is not counted).
    Why it matters: nothing is wrong (articles often repeat a full
    reference), but the bibliography should list the item once, and a brief
    should not count it as two sources.

    Fails:
        footnotes
          [^8]: Bloomberg, September 2, 2016.
          [^13]: Bloomberg, September 2, 2016.

    Passes:
        footnotes
          [^8]: Bloomberg, September 2, 2016.
          [^13]: Kyodo, December 13, 2016.
    """
    first: dict[str, Footnote] = {}
    for note in ctx.map.footnotes:
        if note.info.ibid:
            continue
        key = item_key(note.text)
        if key in first and first[key].label != note.label:
            yield Finding(note.span, f"footnote [^{note.label}] cites the same item as [^{first[key].label}]")
        else:
            first.setdefault(key, note)


@rule("C110")
def unresolved_map_reference(ctx: Context) -> Iterator[Finding]:
    """A reference into another map that does not resolve.

    What it finds: `other.id` where the map has no `use other`, or where
    the map `other` has no claim, thesis, argument, case or person `id`.
    Why it matters: links between articles are the point of a debate map;
    a broken one silently drops an answer from the debate.

    Fails:
        use togo2013
        claim a (c): Putin's lateness is routine.
          rebuts togo2013.no_such_claim

    Passes:
        use togo2013
        claim a (c): Putin's lateness is routine.
          rebuts togo2013.late_arrival_meaning
    """
    m = ctx.map
    r = resolve(m)
    used = {u.id for u in m.uses}
    for d in r.dangling:  # only the names in this map that point into another
        if d.map != 0 or d.local:
            continue
        ref = d.ref
        if ref.map not in used:
            yield Finding(ref.span, f"{ref} refers to a map {ref.map} that this map does not use",
                          f"add `use {ref.map}` at the top of the map")
            continue
        other = m.imports.get(ref.map)
        if other is None:
            continue  # the use itself is reported (missing file, cycle, ...)
        kind = _NAMED.get(d.role, "node")
        table = {"thesis": other.nodes, "node": other.nodes, "case": other.case_table, "person": other.person_table}[kind]
        close = close_matches(ref.id, table)
        hint = f"did you mean {', '.join(f'{ref.map}.{c}' for c in close)}?" if close else None
        yield Finding(ref.span, f"map {ref.map} has no {'claim' if kind == 'node' else kind} {Ref(ref.id)}", hint)


_NAMED = {"thesis": "thesis", "case": "case", "by": "person"}
"""What a dangling name of each role should have named; every other role names a node."""


_URL_OK = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#]+\.[^\s/?#]+")


def _bad_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return True
    return parts.scheme not in ("http", "https", "ftp") or not parts.netloc or not _URL_OK.match(url) or " " in url


@rule("C111")
def malformed_date(ctx: Context) -> Iterator[Finding]:
    """A date that is not a date.

    What it finds: a `published` field that is not YYYY, YYYY-MM or
    YYYY-MM-DD or names a day that does not exist, and (as a warning) a
    footnote date such as "February 30, 2016".
    Why it matters: dates are how argmap finds sources cited before they
    existed; a malformed one turns that check off.

    Fails:
        map a {
          published 2017-13
        }

    Passes:
        map a {
          published 2017-02
        }
    """
    from argmap.model import PartialDate

    doc = ctx.map.document
    if doc is not None:
        for f in doc.fields:
            if f.name == "published":
                try:
                    PartialDate.parse(f.value)
                except ValueError:
                    yield Finding(f.span, f"`published {f.value}` is not a date",
                                  "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. `published 2017-02`")
    for note in ctx.map.footnotes:
        if note.info.bad_date:
            yield Finding(note.span, f"footnote [^{note.label}] has an impossible date: {note.info.bad_date}",
                          "check the day and month", Severity.WARNING)


@rule("C112")
def malformed_url(ctx: Context) -> Iterator[Finding]:
    """A url that is not a web address.

    What it finds: a `url` field that is not an http(s) address with a host,
    and (as a warning) a footnote url with no host.
    Why it matters: a reader who follows the link lands nowhere.

    Fails:
        map a {
          url "htp:/example"
        }

    Passes:
        map a {
          url "https://theasanforum.org/japans-russia-policy/"
        }
    """
    doc = ctx.map.document
    if doc is not None:
        for f in doc.fields:
            if f.name == "url" and _bad_url(f.value):
                yield Finding(f.span, f"`url {f.value}` is not a web address",
                              "write the full address, e.g. https://example.org/article")
    for note in ctx.map.footnotes:
        if note.info.url and _bad_url(note.info.url):
            yield Finding(note.span, f"footnote [^{note.label}] has a malformed url: {note.info.url}",
                          None, Severity.WARNING)


declare("C113", """\
The article's text could not be found, so quotations are not verified.

What it finds: a map whose `text` field names a file that is neither
beside the map nor in a `--text-dir` folder, or that lies outside the maps'
folder (argmap never reads it there).
Why it matters: without the text, C108 cannot check a single quotation.

Fails:
    map a {
      text "missing.txt"
    }

Passes:
    map a {
      text "001_ecff49c0a03a943e.txt"
    }
""")
