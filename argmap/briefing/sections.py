"""The sections of a brief, in the order they are written (``docs/briefing.md`` describes them)."""

from __future__ import annotations

import attrs

from argmap.analysis import queries as q
from argmap.briefing.builder import SHORT, Builder, note_order, sentence, short
from argmap.briefing.document import Brief, Heading, Item, ItemList, Paragraph
from argmap.evaluation.core import Label
from argmap.model import Claim


def build(b: Builder) -> Brief:
    """Every section of the brief *b* is making, then its sources in the order they were cited."""
    text = b.case.text.strip().rstrip(".")
    title = f"Brief: {text if len(text) <= 2 * SHORT else short(text)}"
    b.blocks.append(Heading(1, title))
    heading(b)
    shown = lines(b, top_points(b))
    other_points(b, shown)
    concessions(b)
    unanswered(b)
    weak_points(b)
    questions(b)
    sources = tuple(attrs.evolve(s, notes=tuple(sorted(s.notes, key=note_order))) for s in b.sources.values())
    return Brief(title, tuple(b.blocks), sources)


def _is_concession(b: Builder, key: str) -> bool:
    return getattr(q.node(b.m, key), "concession", False)


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
    """The case's claims that bear directly on the thesis; without one, the roots of its support."""
    tops: list[str] = []
    if b.thesis is not None:
        wanted = "supports" if b.case.stance == "for" else None
        for source, how in q.supports_in(b.m, b.thesis):
            if wanted and source in b.ours and how == "supports":
                tops.append(source)
        if not wanted:
            tops += [a.id for a in q.attackers(b.m, b.thesis, depth=1) if a.id in b.ours]
    if not tops:
        tops = [k for k in b.ours if not _is_concession(b, k)
                and not any(t in b.ours for t, _ in q.supports_out(b.m, k))]
    return b.in_order(dict.fromkeys(tops))


def lines(b: Builder, tops: list[str]) -> set[str]:
    """Our lines of argument: each top claim with its supports nested beneath, then the attacks on it."""
    shown = b.line_of
    attacks = q.attacks_on_case(b.m, b.case_id)
    b.blocks.append(Heading(2, "Our lines of argument"))
    if not tops:
        b.blocks.append(Paragraph((("t", "The case has no claim that supports anything."),)))
        return set()
    relation = "support" if b.case.stance == "for" else "attack"
    intro = (f"Each line is a claim of ours that bears on the thesis directly ({relation}s it), with the claims "
             "that support it indented beneath. After each line come the other side's attacks on it and our "
             "answers, if we have one.")
    if b.thesis is None:
        intro = ("Each line is a claim of ours that no other claim of ours builds on, with the claims that "
                 "support it indented beneath, then the attacks on it and our answers.")
    b.blocks.append(Paragraph((("t", intro),)))
    thesis_attacks = [(a, ans) for a, ans in attacks if a.target == b.thesis]
    if thesis_attacks:
        b.blocks.append(Heading(3, "Attacks on the thesis itself"))
        b.blocks.append(attack_list(b, thesis_attacks))
    for number, top in enumerate(tops, 1):
        b.blocks.append(Heading(3, f"Line {number}"))
        first = len(shown)
        tree = b.support_tree(top, number, shown)
        b.blocks.append(Paragraph(tree.parts))
        if tree.children:
            b.blocks.append(Paragraph((("t", "Supported by:"),)))
            b.blocks.extend(tree.children)
        in_line = set(list(shown)[first:])
        here = [(a, ans) for a, ans in attacks if a.attacked in in_line or a.target in in_line]
        if here:
            b.blocks.append(Paragraph((("b", "Their attacks on this line, and our answers"),)))
            b.blocks.append(attack_list(b, here))
    return set(shown)


def attack_list(b: Builder, pairs) -> ItemList:
    """Attacks, each with our answers (or none) beneath."""
    items = []
    for attack, answers in pairs:
        verb = {"rebuts": "rebuts", "contradicts": "contradicts", "undercuts": "undercuts"}[attack.relation]
        head = [("b", "Attack: "), *b.claim_parts(attack.attacker, always_speaker=True),
                ("t", f" It {verb} {b.short(attack.target)}.")]
        sub = []
        for answer in answers:
            how = ("undercuts the attack" if " -> " in answer.target else f"{answer.relation} it")
            sub.append(Item((("b", "Our answer: "), *b.claim_parts(answer.attacker), ("t", f" ({how})"))))
        if not sub:
            sub.append(Item((("b", "No answer in the map"), ("t", " (see Attacks to prepare for)."))))
        items.append(Item(tuple(head), (ItemList(tuple(sub)),)))
    return ItemList(tuple(items))


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


def unanswered(b: Builder) -> None:
    """The attacks on our case that nothing of ours answers, as a numbered list."""
    attacks = q.unanswered_attacks(b.m, b.case_id)
    b.blocks.append(Heading(2, "Attacks to prepare for"))
    if not attacks:
        b.blocks.append(Paragraph((("t", "Every attack by others on our case has an answer in the map."),)))
        return
    b.blocks.append(Paragraph((("t", "Attacks on our case that no claim of ours answers yet, with the line "
                                     "they hit; the lines above give them in full."),)))
    items = []
    for a in attacks:
        who = b.speaker(a.attacker)
        line = b.line_of.get(a.attacked) or b.line_of.get(a.target.partition(" -> ")[0])
        where = f" (line {line})" if line else " (the thesis)" if a.target == b.thesis else ""
        items.append(Item((("t", f"{b.short(a.attacker)}{f' ({who})' if who else ''} {a.relation} "
                                 f"{b.short(a.target)}{where}."),)))
    b.blocks.append(ItemList(tuple(items), ordered=True))


def weak_points(b: Builder) -> None:
    """Our claims that are defeated, undecided, weakened or without a source."""
    order = [k for k in q.node_ids(b.m) if k in b.ours and isinstance(q.node(b.m, k), Claim)
             and not q.node(b.m, k).concession]
    labels = b.evaluation.labels
    b.blocks.append(Heading(2, "Weak points"))
    defeated = [k for k in order if labels.get(k) in (Label.OUT, Label.UNDEC)]
    weakened = [k for k in order if k in b.evaluation.weakened]
    uncited = set(q.uncited_claims(b.m, b.case_id))
    bare = [k for k in order if k in uncited and not q.supports_in(b.m, k)]
    resting = [k for k in order if k in uncited and q.supports_in(b.m, k)]
    if not (defeated or weakened or bare or resting):
        b.blocks.append(Paragraph((("t", "None found: every claim of ours stands and cites a source."),)))
    if defeated:
        b.blocks.append(Paragraph((("b", "Defeated or undecided."), ("t", " Once every attack in the map is "
                                   "counted, these claims of ours do not stand:"))))
        b.blocks.append(ItemList(tuple(
            Item((("t", sentence(short(b.text(k)))), ("t", f" It {b.label_words(k)}: {b.reason_words(k)}.")))
            for k in defeated)))
    if weakened:
        b.blocks.append(Paragraph((("b", "Weakened."), ("t", " These cite nothing and every claim supporting "
                                   "them is defeated:"))))
        b.blocks.append(ItemList(tuple(Item((("t", sentence(short(b.text(k)))),)) for k in weakened)))
    if bare:
        b.blocks.append(Paragraph((("b", "Without a source."), ("t", " Asserted with no footnote and no claim "
                                   "supporting them; expect to be asked for evidence:"))))
        b.blocks.append(ItemList(tuple(Item((("t", sentence(b.text(k))),)) for k in bare)))
    if resting:
        many = len(resting) != 1
        b.blocks.append(Paragraph((("t", f"{len(resting)} further claim{'s' if many else ''} of ours "
                                         f"cite{'' if many else 's'} nothing {'themselves' if many else 'itself'} "
                                         f"but rest{'' if many else 's'} on the claims that support "
                                         f"{'them' if many else 'it'}."),)))


def opponents(b: Builder) -> list[str]:
    """The other side's claims: those of cases opposing ours on our thesis, and any that attack us."""
    opposing = set()
    if b.thesis is not None:
        for k in q.node_ids(b.m):
            c = q.case_of(b.m, k)
            if c is not None and c != b.case_id and q.thesis_of(b.m, c) == b.thesis:
                other = q.find_case(b.m, c)
                if other is not None and other.stance != b.case.stance:
                    opposing.add(k)
    opposing |= {a.attacker for a, _ in q.attacks_on_case(b.m, b.case_id)}
    return [k for k in q.node_ids(b.m) if k in opposing and isinstance(q.node(b.m, k), Claim)]


def questions(b: Builder) -> None:
    """Questions to put to the other side: on their defeated and undecided claims, then their unsourced ones."""
    labels = b.evaluation.labels
    items, sources = [], []
    for key in opponents(b):
        n = q.node(b.m, key)
        if n.concession:
            continue
        reason = b.evaluation.reasons.get(key)
        theirs = b.short(key)
        if labels.get(key) is Label.OUT and reason is not None and reason.how in ("rebuts", "contradicts", "undercuts"):
            by = reason.by
            if q.case_of(b.m, by) == q.case_of(b.m, key) and _is_concession(b, by):
                text = f"You concede {b.short(by)}. Does that not defeat your claim {theirs}?"
            else:
                text = f"How do you answer {b.short(by)}, which defeats your claim {theirs}?"
        elif labels.get(key) is Label.OUT:
            text = f"Your claim {theirs} does not stand: {b.reason_words(key)}. How do you answer that?"
        elif labels.get(key) is Label.UNDEC:
            text = f"How do you settle the conflict over {theirs}? It is undecided: {b.reason_words(key)}."
        elif not q.is_cited(b.m, key) and not q.supports_in(b.m, key):
            sources.append(Item((("t", f"What is your source for {theirs}?"),)))
            continue
        else:
            continue
        items.append(Item((("t", text),)))
    items += sources
    b.blocks.append(Heading(2, "Questions for the other side"))
    if not items:
        b.blocks.append(Paragraph((("t", "None: every claim of the other side stands and has a source or a "
                                         "supporting reason."),)))
        return
    b.blocks.append(Paragraph((("t", "Their claims that are defeated or undecided, then those asserted with "
                                     "no source and no supporting reason, put as questions."),)))
    b.blocks.append(ItemList(tuple(items), ordered=True))
