"""The brief's section on critical questions: what to ask of their inferences, what to prepare for ours.

An inference that names a scheme (``supports x as expert_opinion``) comes
with the scheme's critical questions (:mod:`argmap.analysis.questions`).
Of the other side's inferences, the questions the map leaves open are what
the student can ask; of our own, they are what the student must be ready
for.  Questions the map already answers are named with the claim that
answers them.
"""

from __future__ import annotations

from argmap.analysis.questions import Inference, inferences
from argmap.briefing.builder import Builder, sentence
from argmap.briefing.document import Heading, Item, ItemList, Paragraph
from argmap.schemes import fill_letters

__all__ = ["critical_questions"]

MAX_INFERENCES = 12
"""Most inferences listed under each heading (the rest are counted)."""


def _ours(b: Builder, inference: Inference) -> bool:
    statement = inference.statement
    key = inference.reasons[0] if not hasattr(statement, "premises") else None
    if key is None:  # a linked argument: its own name when it is a node of ours, else its premises'
        return any(name in b.ours for name in (inference.name, *inference.reasons))
    return key in b.ours


_WORDS = {"speaker": "the source", "reason": "the reason", "conclusion": "the conclusion"}
"""What a scheme's letter becomes in a question when the map names nothing better."""


def _letters(b: Builder, inference: Inference) -> dict[str, str]:
    """The words each of the scheme's letters stands for in this inference: its speaker's name, "the conclusion"."""
    words = {}
    for letter, role in inference.scheme.letters:
        who = next((w for w in map(b.speaker, inference.reasons) if w), None) if role == "speaker" else None
        if who and who.startswith("The "):  # "the Russian government", inside a question
            who = "the " + who[4:]
        words[letter] = who or _WORDS[role]
    return words


def _item(b: Builder, inference: Inference, verb: str) -> Item:
    """The inference in one line, then its open questions one to a line, then those the map answers."""
    scheme = inference.scheme
    reasons = " and ".join(b.short(k) for k in inference.reasons)
    parts: list = [("b", f"{scheme.name}: "), ("t", f"{reasons}, so {b.short(inference.conclusion)}. ")]
    letters = _letters(b, inference)
    rows = [Item((("t", f"{sentence(fill_letters(q.question.text, letters))} ({q.question.id})"),))
            for q in inference.open_questions]
    if rows:
        parts.append(("t", verb))
    answered = inference.answered
    if answered:
        done = "; ".join(f"{q.question.id} by {b.short(q.answered_by[0])}" for q in answered)
        rows.append(Item((("t", f"Answered in the map: {done}."),)))
    return Item(tuple(parts), (ItemList(tuple(rows)),) if rows else ())


def critical_questions(b: Builder) -> None:
    """The section, when any inference of the maps names a scheme the catalogue knows."""
    found = [i for i in inferences(b.m, every_map=True) if i.scheme is not None and i.questions]
    if not found:
        return
    theirs = [i for i in found if not _ours(b, i) and i.open_questions]
    ours = [i for i in found if _ours(b, i)]
    b.blocks.append(Heading(2, "Critical questions"))
    b.blocks.append(Paragraph((("t", "Inferences of the map that follow a known argumentation scheme, with the "
                                     "scheme's critical questions, one to a line, with the map's words put "
                                     "in place of the scheme's letters where the scheme says which is which "
                                     "(argmap explain SCHEME gives the scheme in full)."),)))
    for title, chosen, verb, none in (
            ("What to ask them", theirs, "Ask:", "Every inference of theirs that names a scheme is answered in the map."),
            ("What to prepare", ours, "Be ready for:", "None of our inferences names a scheme.")):
        b.blocks.append(Heading(3, title))
        if not chosen:
            b.blocks.append(Paragraph((("t", none),)))
            continue
        b.blocks.append(ItemList(tuple(_item(b, i, verb) for i in chosen[:MAX_INFERENCES])))
        if len(chosen) > MAX_INFERENCES:
            b.blocks.append(Paragraph((("t", f"{len(chosen) - MAX_INFERENCES} more inferences are left out; "
                                             "`argmap check --select S219` lists them all."),)))
