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

__all__ = ["critical_questions"]

MAX_INFERENCES = 12
"""Most inferences listed under each heading (the rest are counted)."""


def _ours(b: Builder, inference: Inference) -> bool:
    statement = inference.statement
    key = inference.reasons[0] if not hasattr(statement, "premises") else None
    if key is None:  # a linked argument: its own name when it is a node of ours, else its premises'
        return any(name in b.ours for name in (inference.name, *inference.reasons))
    return key in b.ours


def _item(b: Builder, inference: Inference, verb: str) -> Item:
    scheme = inference.scheme
    reasons = " and ".join(b.short(k) for k in inference.reasons)
    parts: list = [("b", f"{scheme.name}: "), ("t", f"{reasons}, so {b.short(inference.conclusion)}. ")]
    open_ = inference.open_questions
    if open_:
        parts.append(("t", f"{verb} "))
        parts.append(("t", " ".join(f"{sentence(q.question.text)} [{q.question.id}]" for q in open_)))
    answered = inference.answered
    if answered:
        done = "; ".join(f"{q.question.id} by {b.short(q.answered_by[0])}" for q in answered)
        parts.append(("t", f"{' ' if open_ else ''}Answered in the map: {done}."))
    return Item(tuple(parts))


def critical_questions(b: Builder) -> None:
    """The section, when any inference of the maps names a scheme the catalogue knows."""
    found = [i for i in inferences(b.m, every_map=True) if i.scheme is not None and i.questions]
    if not found:
        return
    theirs = [i for i in found if not _ours(b, i) and i.open_questions]
    ours = [i for i in found if _ours(b, i)]
    b.blocks.append(Heading(2, "Critical questions"))
    b.blocks.append(Paragraph((("t", "Inferences of the map that follow a known argumentation scheme, with the "
                                     "scheme's critical questions (`argmap explain SCHEME`). Letters such as E "
                                     "and A stand for the source and the claim."),)))
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
