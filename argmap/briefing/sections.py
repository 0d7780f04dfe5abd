"""The sections of a brief, in the order they are written (``docs/briefing.md`` describes them)."""

from __future__ import annotations

import attrs

from argmap.analysis import queries as q
from argmap.briefing import frontlines
from argmap.briefing.cards import cards
from argmap.briefing.questions import critical_questions
from argmap.briefing.builder import SHORT, Builder, note_order, sentence, short
from argmap.briefing.document import Brief, Heading, Item, ItemList, Paragraph
from argmap.evaluation.core import Label
from argmap.model import Argument


def build(b: Builder) -> Brief:
    """Every section of the brief *b* is making, then its sources in the order they were cited."""
    text = b.case.text.strip().rstrip(".")
    title = f"Brief: {text if len(text) <= 2 * SHORT else short(text)}"
    b.blocks.append(Heading(1, title))
    heading(b)
    tops = top_points(b)
    outline(b, tops)
    shown = lines(b, tops)
    frontlines.blocks(b)
    other_points(b, shown)
    frontlines.allies(b)
    concessions(b)
    frontlines.weak_points(b)
    frontlines.questions(b)
    critical_questions(b)
    sources = tuple(attrs.evolve(s, notes=tuple(sorted(s.notes, key=note_order))) for s in b.sources.values())
    return Brief(title, tuple(b.blocks), sources)


def _is_concession(b: Builder, key: str) -> bool:
    return getattr(b.node(key), "concession", False)


def heading(b: Builder) -> None:
    """The thesis, our stance, the article mapped, and where the thesis stands."""
    case, m = b.case, b.m
    stance = "for" if case.stance == "for" else "against"
    if b.thesis is None:
        b.blocks.append(Paragraph((("b", "Thesis: "), ("t", f"the case names “{case.thesis}”, which is not in the map; "
                                                           "the brief lists the case's claims without a thesis."))))
    else:
        b.blocks.append(Paragraph((("b", "Thesis: "), *b.claim_parts(b.thesis))))
    b.blocks.append(Paragraph((("b", "Our stance: "), ("t", f"{stance} the thesis."))))
    doc = m.document
    if doc is not None and (doc.title or doc.authors):
        words = ", ".join(doc.authors)
        title = f"“{doc.title}”" if doc.title else ""
        when = f" ({doc.published})" if doc.published else ""
        b.blocks.append(Paragraph((("b", "Mapped from: "), ("t", ", ".join(p for p in (words, title) if p) + when + "."))))
    if b.thesis is not None:
        label = b.evaluation.labels.get(b.thesis)
        verdict = {Label.IN: "stands", Label.OUT: "falls", Label.UNDEC: "is undecided"}.get(label, "is not evaluated")
        good = (label is Label.IN) == (case.stance == "for") if label is not Label.UNDEC else None
        why = b.reason_words(b.thesis)
        text = f"Counting every attack in the map (grounded evaluation), the thesis {verdict}"
        text += f": {why}." if why else "."
        if good is not None:
            text += " That favours our side." if good else " That favours the other side."
        deciders = q.deciding_claims(m, b.thesis)
        if deciders:
            names = "; ".join(b.short(d.id) + (" (ours)" if d.id in b.ours else "") for d in deciders)
            text += f" It turns on single claims: {names}. If any of these changed, so would the verdict."
        elif label is not None:
            text += " No single claim decides it: changing any one claim would leave the verdict as it is."
        b.blocks.append(Paragraph((("b", "Where the thesis stands: "), ("t", text))))
    if b.voice:
        b.blocks.append(Paragraph((("t", f"Claims are {b.voice}’s unless another speaker is named. "
                                         "Numbers in brackets refer to the sources at the end."),)))


def top_points(b: Builder) -> list[str]:
    """The side's claims that bear directly on a thesis of its cases; without one, the roots of its support."""
    tops: list[str] = []
    for case_id in b.cases:
        thesis, case = q.thesis_of(b.m, case_id), q.find_case(b.m, case_id)
        if thesis is None:
            continue
        if case.stance == "for":
            tops += [s for s, how in q.supports_in(b.m, thesis) if s in b.ours and how == "supports"]
        else:
            tops += [a for a, _ in q.attacks_in(b.m, thesis) if a in b.ours]
    if not tops:
        tops = [k for k in b.ours if not _is_concession(b, k)
                and not any(t in b.ours for t, _ in q.supports_out(b.m, k))]
    return b.in_order(dict.fromkeys(tops))


def _impact(b: Builder, key: str) -> str:
    """What a line does for the side, in words: the thesis it supports or attacks."""
    for t, how in q.supports_out(b.m, key):
        if t in b.theses:
            return f"supports the thesis {b.short(t)}"
    for t, how in q.attacks_out(b.m, key):
        if t in b.theses:
            return f"{how} the thesis {b.short(t)}"
    return "bears on the case"


def outline(b: Builder, tops: list[str]) -> None:
    """The case in speech order: the thesis, each line in one sentence with its impact, then the blocks."""
    b.blocks.append(Heading(2, "Case outline, in speech order"))
    if b.strengths:
        names = {"dfquad": "DF-QuAD", "quadratic-energy": "quadratic energy"}
        b.blocks.append(Paragraph((("t", f"Strengths are {names.get(b.semantics, b.semantics)} strengths, from 0 "
                                         "to 1, with base scores from each claim's evidence (docs/evaluation.md): "
                                         "a line near 1 stands almost untouched, one near 0 is answered."),)))
    items = []
    if b.thesis is not None:
        items.append(Item((("b", f"Thesis{b.strength_note(b.thesis)}: "), ("t", sentence(b.text(b.thesis))),
                           ("t", f" We are {'for' if b.case.stance == 'for' else 'against'} it."))))
    for number, top in enumerate(tops, 1):
        items.append(Item((("b", f"Line {number}{b.strength_note(top)}: "), ("t", sentence(short(b.text(top)))),
                           ("t", f" Impact: it {_impact(b, top)}."))))
    if b.attacks:
        by: dict[str, bool] = {}
        for attack, answers in b.attacks:
            by[attack.attacker] = by.get(attack.attacker, False) or bool(answers)
        answered = sum(by.values())
        items.append(Item((("b", "Then the blocks: "), ("t", f"{len(by)} argument{'' if len(by) == 1 else 's'} they can make, "
                                                             f"{answered} with an answer of ours."))))
    b.blocks.append(ItemList(tuple(items), ordered=True))


def lines(b: Builder, tops: list[str]) -> set[str]:
    """Our lines of argument: each top claim with its supports nested beneath, then the cards for it."""
    shown = b.line_of
    b.blocks.append(Heading(2, "Our lines of argument"))
    if not tops:
        b.blocks.append(Paragraph((("t", "The case has no claim that supports anything."),)))
        return set()
    intro = ("Each line is a claim of ours that bears on a thesis directly, with the claims that support it "
             "indented beneath, then the evidence cards for the line.")
    if b.thesis is None:
        intro = ("Each line is a claim of ours that no other claim of ours builds on, with the claims that "
                 "support it indented beneath, then the evidence cards for the line.")
    b.blocks.append(Paragraph((("t", intro),)))
    for number, top in enumerate(tops, 1):
        b.blocks.append(Heading(3, f"Line {number}{b.strength_note(top)}: {short(b.text(top))}"))
        first = len(shown)
        tree = b.support_tree(top, number, shown)
        b.blocks.append(Paragraph(tree.parts))
        if tree.children:
            if not isinstance(b.node(top), Argument):  # an argument's own words say what follows
                b.blocks.append(Paragraph((("t", "Supported by:"),)))
            b.blocks.extend(tree.children)
        evidence = [k for k in list(shown)[first:] if getattr(b.node(k), "quotes", ()) or getattr(b.node(k), "citations", ())]
        for key in evidence[:CARDS_PER_LINE]:
            b.blocks.extend(cards(b, key))
        if len(evidence) > CARDS_PER_LINE:
            b.blocks.append(Paragraph((("t", f"The cards of {len(evidence) - CARDS_PER_LINE} further claims of "
                                             "this line are left out; the list above cites them."),)))
    return set(shown)


CARDS_PER_LINE = 40
"""Most claims of one line whose cards are written out (a line of a generated map can hold thousands)."""


def _what_it_does(b: Builder, key: str, *, premises: bool) -> list:
    does = [f"{how} {b.short(t)}" for t, how in q.attacks_out(b.m, key)]
    does += [f"supports {b.short(t)}" for t, how in q.supports_out(b.m, key) if premises or how == "supports"]
    return [("t", " It " + "; it ".join(does) + ".")] if does else []


def other_points(b: Builder, shown: set[str]) -> None:
    """Claims of ours outside the lines: mostly answers to the other side."""
    rest = [k for k in q.node_ids(b.m) if k in b.ours and k not in shown and not _is_concession(b, k)]
    if not rest:
        return
    b.blocks.append(Heading(2, "Our answers to their points"))
    b.blocks.append(Paragraph((("t", "Claims of ours outside the lines above: most answer a point of the "
                                     "other side directly."),)))
    b.blocks.append(ItemList(tuple(Item((*b.claim_parts(k), *_what_it_does(b, k, premises=False))) for k in rest)))


def concessions(b: Builder) -> None:
    """The points our side grants."""
    conceded = [k for k in q.node_ids(b.m) if k in b.ours and _is_concession(b, k)]
    if not conceded:
        return
    b.blocks.append(Heading(2, "What we concede"))
    b.blocks.append(Paragraph((("t", "Points our side grants; expect the other side to use them."),)))
    b.blocks.append(ItemList(tuple(Item((*b.claim_parts(k), *_what_it_does(b, k, premises=True)))
                                   for k in conceded)))


