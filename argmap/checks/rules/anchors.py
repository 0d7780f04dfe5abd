"""Anchor rules: the map's quotations compared with where the lock file last found them.

They run only when a ``quotations.lock`` stands beside the map (``argmap
check --update-anchors`` writes it; :mod:`argmap.checks.anchors` reads it)
and, but for C125, when the map's source text is found.  ``argmap check -``
reads no lock, and ``--update-anchors`` rewrites it instead of comparing.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.anchors import UPDATE, quotations
from argmap.checks.rules import Context, Finding, rule
from argmap.diagnostics import NOWHERE, Span

MAX_NAMED = 5  # claims named in a message about several quotations


def _text_span(ctx: Context) -> Span:
    doc = ctx.map.document
    if doc is None:
        return NOWHERE
    return next((f.span for f in doc.fields if f.name == "text"), doc.span)


def _header_span(ctx: Context) -> Span:
    return ctx.map.document.span if ctx.map.document is not None else NOWHERE


def _names(ids: list[str]) -> str:
    unique = list(dict.fromkeys(ids))
    shown = ", ".join(unique[:MAX_NAMED])
    return shown + (f" and {len(unique) - MAX_NAMED} more" if len(unique) > MAX_NAMED else "")


def _unchanged(ctx: Context) -> bool:
    """Whether the lock's entry is the map's anchors now (neither its quotations nor the text changed since)."""
    view, now = getattr(ctx, "anchors", None), getattr(ctx, "anchors_now", None)
    return view is not None and view.anchored is not None and now is view.anchored


def _comparable(ctx: Context):
    """(anchored, now) when the lock has this map and the text it anchored is the one the map quotes now."""
    view, now = getattr(ctx, "anchors", None), getattr(ctx, "anchors_now", None)
    if view is None or view.anchored is None or now is None or view.anchored.text != now.text or _unchanged(ctx):
        return None
    return view.anchored, now


def _changes(ctx: Context):
    """(claim, quote, was, is) for each anchored quotation that no longer stands where it did (is: None if gone)."""
    pair = _comparable(ctx)
    if pair is None:
        return
    anchored, now = pair
    was_at, is_at = anchored.by_key(), now.by_key()
    for claim, q, key in quotations(ctx.map):
        was, is_ = was_at.get(key), is_at.get(key)
        if was is not None and (is_ is None or is_.offset != was.offset or is_.passage != was.passage):
            yield claim, q, was, is_


@rule("C123")
def anchor_moved(ctx: Context) -> Iterator[Finding]:
    """A quotation that no longer stands where the lock file anchored it.

    What it finds: with a `quotations.lock` beside the map, a quotation whose
    passage the text now prints at another place (the message gives the
    old and the new line), prints differently (quotes, dashes or spacing
    that normalise the same), or no longer has at all (C108 reports the
    quotation as missing; this note adds the line it was anchored at).
    Why it matters: an article edited after the map was made is the usual
    reason a checked quotation goes wrong.  A moved passage is usually
    harmless (a paragraph inserted above it) but deserves a look before
    `argmap check --update-anchors` records its new place.  Runs only when
    the lock exists and the source text is found.

    Fails:
        map example "Brown's article" {
          text "001_ecff49c0a03a943e.txt"
        }
        claim law: Russian law applies on the islands.
          quote "Of course, this is the territory of the Russian Federation."
        # quotations.lock beside the map (anchored before a paragraph was added above the passage):
        #   version = 1
        #   [maps."example.argmap"]
        #   text = "001_ecff49c0a03a943e.txt"
        #   text-hash = "6d1e0f3a9c4b2a71"
        #   quotations = [
        #     { claim = "law", quote = "7443fc09aa9f0fcd", line = 51, offset = 18212, passage = "7443fc09aa9f0fcd" },
        #   ]

    Passes:
        map example "Brown's article" {
          text "001_ecff49c0a03a943e.txt"
        }
        claim law: Russian law applies on the islands.
          quote "Of course, this is the territory of the Russian Federation."
        # quotations.lock beside the map (the lock `argmap check --update-anchors` writes for it):
        #   version = 1
        #   [maps."example.argmap"]
        #   text = "001_ecff49c0a03a943e.txt"
        #   text-hash = "b28319eaa95aa2e5"
        #   quotations = [
        #     { claim = "law", quote = "7443fc09aa9f0fcd", line = 55, offset = 18643, passage = "7443fc09aa9f0fcd" },
        #   ]

    """
    for claim, q, was, is_ in _changes(ctx):
        lock, text = ctx.anchors.lock, ctx.anchors_now.text
        if is_ is None:
            yield Finding(q.span, f"the quotation in claim {claim.id} was anchored at line {was.line} of {text} "
                                  "and the text no longer has it",
                          f"see C108 for the closest passage; once the map quotes the text again, `{UPDATE}` "
                          "anchors the quotation anew")
        elif is_.offset == was.offset:
            yield Finding(q.span, f"the passage of the quotation in claim {claim.id} (line {is_.line} of {text}) "
                                  "is printed differently since it was anchored (quotes, dashes or spacing)",
                          f"compare it with the article; `{UPDATE}` records it as it is now")
        else:
            where = (f"from line {was.line} to line {is_.line}" if is_.line != was.line
                     else f"within line {is_.line}")
            yield Finding(q.span, f"the quotation in claim {claim.id} moved in {text} {where} since {lock} "
                                  "anchored it",
                          f"the words are still there; `{UPDATE}` records their new place")


@rule("C124")
def source_text_changed(ctx: Context) -> Iterator[Finding]:
    """The article's text changed since the map's quotations were anchored.

    What it finds: with a `quotations.lock` beside the map, a source text
    whose hash is not the one the lock recorded, or a map whose `text` field
    now names another file than the one its quotations were anchored in.
    The message counts the quotations that moved or vanished (C123 names
    them).
    Why it matters: the quotations were verified against the text as it
    was; a changed text (a new edition, a re-download, a bad copy) may
    no longer say what the map has it say.  Review the changes, then run
    `argmap check --update-anchors`.  Runs only when the lock exists and the
    source text is found.

    Fails:
        map example "Brown's article" {
          text "001_ecff49c0a03a943e.txt"
        }
        claim law: Russian law applies on the islands.
          quote "Of course, this is the territory of the Russian Federation."
        # quotations.lock beside the map (anchored in an earlier copy of the text):
        #   version = 1
        #   [maps."example.argmap"]
        #   text = "001_ecff49c0a03a943e.txt"
        #   text-hash = "6d1e0f3a9c4b2a71"
        #   quotations = [
        #     { claim = "law", quote = "7443fc09aa9f0fcd", line = 55, offset = 18643, passage = "7443fc09aa9f0fcd" },
        #   ]

    Passes:
        map example "Brown's article" {
          text "001_ecff49c0a03a943e.txt"
        }
        claim law: Russian law applies on the islands.
          quote "Of course, this is the territory of the Russian Federation."
        # quotations.lock beside the map (the lock `argmap check --update-anchors` writes for it):
        #   version = 1
        #   [maps."example.argmap"]
        #   text = "001_ecff49c0a03a943e.txt"
        #   text-hash = "b28319eaa95aa2e5"
        #   quotations = [
        #     { claim = "law", quote = "7443fc09aa9f0fcd", line = 55, offset = 18643, passage = "7443fc09aa9f0fcd" },
        #   ]

    """
    view, now = getattr(ctx, "anchors", None), getattr(ctx, "anchors_now", None)
    if view is None or view.anchored is None or now is None or _unchanged(ctx):
        return
    was = view.anchored
    if was.text != now.text:
        yield Finding(_text_span(ctx), f"the map now quotes {now.text}, but {view.lock} anchors its quotations "
                                       f"in {was.text}",
                      f"when every quotation checks against {now.text}, `{UPDATE}` anchors them there")
        return
    if was.text_hash == now.text_hash:
        return
    changes = list(_changes(ctx))
    gone = sum(1 for *_, is_ in changes if is_ is None)
    moved = len(changes) - gone
    if changes:
        what = f"{moved} quotation{'s' if moved != 1 else ''} moved, {gone} vanished (C123 names them)"
    else:
        what = "every anchored quotation still stands where it did"
    yield Finding(_text_span(ctx), f"{now.text} changed since {view.lock} anchored the map's quotations: {what}",
                  f"review the changes, then `{UPDATE}` records the text as it is now")


@rule("C125")
def stale_anchor(ctx: Context) -> Iterator[Finding]:
    """The lock file anchors quotations the map no longer has.

    What it finds: entries of `quotations.lock` for this map whose claim
    is gone or no longer has that quotation (it was removed or reworded),
    reported once on the map's header with the claims they name; and, on
    the lock file itself, entries for a map file that is no longer in the
    folder.
    Why it matters: a lock that records what is no longer there hides
    nothing, but it is out of date: `argmap check --update-anchors` drops
    those entries.  Runs whenever the lock exists.

    Fails:
        map example "Brown's article" {
          text "001_ecff49c0a03a943e.txt"
        }
        claim law: Russian law applies on the islands.
        # quotations.lock beside the map (written when the claim still quoted Ushakov):
        #   version = 1
        #   [maps."example.argmap"]
        #   text = "001_ecff49c0a03a943e.txt"
        #   text-hash = "b28319eaa95aa2e5"
        #   quotations = [
        #     { claim = "law", quote = "7443fc09aa9f0fcd", line = 55, offset = 18643, passage = "7443fc09aa9f0fcd" },
        #   ]

    Passes:
        map example "Brown's article" {
          text "001_ecff49c0a03a943e.txt"
        }
        claim law: Russian law applies on the islands.
        # quotations.lock beside the map (the lock `argmap check --update-anchors` writes for it):
        #   version = 1
        #   [maps."example.argmap"]
        #   text = "001_ecff49c0a03a943e.txt"
        #   text-hash = "b28319eaa95aa2e5"
        #   quotations = []

    """
    view = getattr(ctx, "anchors", None)
    if view is None or view.anchored is None or _unchanged(ctx):
        return
    have = {key for *_, key in quotations(ctx.map)}
    stale = [a for a in view.anchored.quotations if (a.claim, a.quote) not in have]
    if stale:
        n = len(stale)
        yield Finding(_header_span(ctx), f"{view.lock} holds {n} anchor{'s' if n != 1 else ''} for quotations "
                                         f"this map no longer has (claim{'s' if n != 1 else ''} "
                                         f"{_names([a.claim for a in stale])})",
                      f"`{UPDATE}` drops them")


@rule("C126")
def unanchored_quotation(ctx: Context) -> Iterator[Finding]:
    """Quotations found in the article that the lock file does not anchor yet.

    What it finds: with a `quotations.lock` beside the map, the map's
    verified quotations that have no entry in it (added since the lock was
    written, or the whole map when the lock has none for it): one note for
    the map, on its header, naming the claims.
    Why it matters: a quotation without an anchor is checked against the
    text as it is, but a later change of the text cannot be traced to it.
    `argmap check --update-anchors` anchors it.  Runs only when the lock
    exists and the source text is found.

    Fails:
        map example "Brown's article" {
          text "001_ecff49c0a03a943e.txt"
        }
        claim law: Russian law applies on the islands.
          quote "Of course, this is the territory of the Russian Federation."
        # quotations.lock beside the map (written for other maps of the folder):
        #   version = 1

    Passes:
        map example "Brown's article" {
          text "001_ecff49c0a03a943e.txt"
        }
        claim law: Russian law applies on the islands.
          quote "Of course, this is the territory of the Russian Federation."
        # quotations.lock beside the map (the lock `argmap check --update-anchors` writes for it):
        #   version = 1
        #   [maps."example.argmap"]
        #   text = "001_ecff49c0a03a943e.txt"
        #   text-hash = "b28319eaa95aa2e5"
        #   quotations = [
        #     { claim = "law", quote = "7443fc09aa9f0fcd", line = 55, offset = 18643, passage = "7443fc09aa9f0fcd" },
        #   ]

    """
    view, now = getattr(ctx, "anchors", None), getattr(ctx, "anchors_now", None)
    if view is None or now is None or _unchanged(ctx) or not now.quotations:
        return
    if view.anchored is None:
        n = len(now.quotations)
        yield Finding(_header_span(ctx), f"{view.lock} has no anchors for this map ({n} verified "
                                         f"quotation{'s' if n != 1 else ''})", f"`{UPDATE}` anchors them")
        return
    if view.anchored.text != now.text:
        return  # C124: the map quotes another text now
    anchored = view.anchored.by_key()
    new = [a for a in now.quotations if (a.claim, a.quote) not in anchored]
    if new:
        n = len(new)
        yield Finding(_header_span(ctx), f"{n} quotation{'s' if n != 1 else ''} of this map "
                                         f"{'are' if n != 1 else 'is'} not anchored in {view.lock} "
                                         f"(claim{'s' if n != 1 else ''} {_names([a.claim for a in new])})",
                      f"`{UPDATE}` anchors them")
