"""Structure rules about repetition: two claims saying the same (S209), one id defined twice (S212),
one relation written twice (S216)."""

from __future__ import annotations

import re
import unicodedata

from argmap.checks.rules import Finding, rule
from argmap.checks.rules.coherence import STRUCTURE
from argmap.diagnostics import Severity
from argmap.model import Claim
from argmap.resolve import CONTRADICTS, resolve


def normalized_text(text: str) -> str:
    """Text compared the way a reader would: case, accents, punctuation and spacing set aside."""
    if text.isascii():  # nothing to decompose; casefold is lower
        return " ".join(_WORDS(text.lower()))
    text = unicodedata.normalize("NFKD", text).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_WORDS(text))


_WORDS = re.compile(r"\w+").findall
# Every ASCII character that is not a word character (\w), as bytes to delete.
_NOT_WORD = bytes(i for i in range(128) if not re.match(r"\w", chr(i)))


@rule("S209", "duplicate-text", Severity.WARNING, STRUCTURE)
def duplicate_text(ctx):
    """Two claims that say the same thing.

    What it finds: claims whose texts are equal once case, accents,
    punctuation and spacing are set aside.
    Why it matters: the same claim under two ids splits its supports and
    attacks between them, so neither shows the whole picture; merge them.

    Fails:
        claim failed (brown): The new approach failed.
        claim failure (brown): The "new approach" failed!

    Passes:
        claim failed (brown): The new approach failed.
        claim failure (brown): The new approach failed in December.
    """
    claims = ctx.map.claims
    # Two claims with the same key have the same words, so the same letters once every other character
    # is dropped: only claims sharing those (a cheap C-level translation) need their key made.
    # (ASCII text as bytes: bytes.translate deletes by a table, str.translate looks each character up in a dict)
    rough = [claim.text.encode().lower().translate(None, _NOT_WORD) if claim.text.isascii() else None
             for claim in claims]
    counts: dict[str | None, int] = {}
    for r in rough:
        counts[r] = counts.get(r, 0) + 1
    first: dict[str, Claim] = {}
    for claim, r in zip(claims, rough):
        if counts[r] == 1:
            continue  # its words are those of no other claim
        text = claim.text  # normalized_text(text), its ASCII case written out
        key = " ".join(_WORDS(text.lower())) if text.isascii() else normalized_text(text)
        if not key:
            continue
        if key in first:
            yield Finding(claim.span, f"claim {claim.id} says the same as claim {first[key].id} "
                          f"(line {first[key].span.line})",
                          f"merge them: keep {first[key].id} and point {claim.id}'s relations at it")
        else:
            first[key] = claim


@rule("S212", "duplicate-id", Severity.ERROR, STRUCTURE)
def duplicate_id(ctx):
    """Two definitions with the same id.

    What it finds: two claims, theses or arguments with the same id (they
    share one namespace), two cases, two persons or two groups with the same id.
    Why it matters: every reference to the id means the first definition;
    the second one's relations and text are silently lost.

    Fails:
        claim failed (brown): The new approach failed.
        claim failed (brown): The December summit failed.

    Passes:
        claim failed (brown): The new approach failed.
        claim summit_failed (brown): The December summit failed.
    """
    m = ctx.map
    groups = (("claim, thesis or argument", (*m.theses, *m.claims, *m.arguments)),
              ("case", m.cases), ("person or org", m.persons), ("group", m.groups))
    for what, items in groups:
        if len({item.id for item in items}) == len(items):
            continue  # no id twice: nothing to sort
        first: dict[str, object] = {}
        for item in sorted(items, key=lambda i: (i.span.line, i.span.column)):
            if item.id in first:
                yield Finding(item.span, f"{item.id} is defined twice; the first {what} {item.id} is on line "
                              f"{first[item.id].span.line}",
                              "rename one of them and update the relations that mean it")
            else:
                first[item.id] = item



@rule("S216", "duplicate-relation", Severity.WARNING, STRUCTURE)
def duplicate_relation(ctx):
    """The same relation written twice.

    What it finds: two relations of the map with the same kind, source and
    target (for `contradicts`, the same two claims either way round), whether
    written under the claim or on a line of their own.
    Why it matters: a reason given twice is still one reason; the copy reads
    as if it counted double, and editing one leaves the other behind.  An
    argument exchanged in a dialogue corpus often arrives this way (the same
    inference annotated twice).

    Fails:
        claim visit (brown): Putin's visit brought nothing.
          supports failed
        visit supports failed

    Passes:
        claim visit (brown): Putin's visit brought nothing.
          supports failed
        visit rebuts success
    """
    r = resolve(ctx.map)
    kinds, sources, targets, links = r.rel_kinds, r.rel_sources, r.rel_targets, r.link_sources
    first: dict[tuple, int] = {}
    for j in r.map_relations[0]:
        a, b = sources[j], targets[j]
        key = (kinds[j], *sorted((a, b))) if kinds[j] == CONTRADICTS else (kinds[j], a, b, links.get(j))
        if key not in first:
            first[key] = j
            continue
        rel, earlier = r.relations[j], r.relations[first[key]]
        yield Finding(rel.span, f"`{rel.source} {rel.kind} {rel.target}` is written twice "
                      f"(first on line {earlier.span.line})", "remove one of them")
