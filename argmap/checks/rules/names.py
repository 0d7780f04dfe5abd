"""Names that look like other names: an id with a letter from another script, or one Unicode folds away.

Unicode's security mechanisms (UTS #39, "confusables") list the letters
that look alike across scripts, such as Cyrillic а and Latin a; the
``confusable-homoglyphs`` package carries that table.  Compatibility
characters (the Kelvin sign, the ligature ﬁ, full-width letters) are found
by NFKC normalisation changing the id.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from argmap.checks.rules import Finding, rule
from argmap.checks.rules.coherence import STRUCTURE
from argmap.diagnostics import Severity


def _named(ch: str) -> str:
    return f"{ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')})"


def look_alike(name: str) -> tuple[str, str] | None:
    """What in *name* looks like something else, in words, and the name written plainly; None when nothing does."""
    if name.isascii():
        return None
    folded = unicodedata.normalize("NFKC", name)
    if folded != name:
        odd = [ch for ch in name if unicodedata.normalize("NFKC", ch) != ch]
        why = ", ".join(f"{_named(ch)}, which reads as {unicodedata.normalize('NFKC', ch)!r}" for ch in odd)
        return why, folded
    from confusable_homoglyphs import confusables  # its table takes a while to load: only for such names

    found = confusables.is_confusable(name, greedy=True, preferred_aliases=["latin"]) or []
    parts, plain = [], name
    for entry in found:
        latin = [h["c"] for h in entry["homoglyphs"] if h["c"].isascii()]
        if latin:
            parts.append(f"{_named(entry['character'])}, which looks like the Latin {latin[0]!r}")
            plain = plain.replace(entry["character"], latin[0])
    return (", ".join(parts), plain) if parts else None


@rule("S215", "confusable-id", Severity.WARNING, STRUCTURE)
def confusable_id(ctx) -> Iterator[Finding]:
    """An id with a letter that looks like another one.

    What it finds: an id (of a claim, thesis, argument, case or person)
    holding a letter of another script that looks like a Latin one
    (Cyrillic `а` for `a`, Greek `ο` for `o`), or a compatibility
    character (the Kelvin sign, a ligature such as `ﬁ`, full-width letters).
    Why it matters: the id looks like another id but is not it; a reference
    typed the ordinary way then names nothing, or names the other claim.
    Ids in other scripts as a whole (Japanese, Russian) are fine.

    Fails:
        claim а (c): Russia offered nothing.

    Passes:
        claim a (c): Russia offered nothing.
    """
    m = ctx.map
    for group in (m.theses, m.claims, m.arguments, m.cases, m.persons):
        for item in group:
            found = look_alike(item.id)
            if found:
                why, plain = found
                yield Finding(item.span, f"id {item.id!r} holds {why}", f"write it in plain letters: {plain}")
