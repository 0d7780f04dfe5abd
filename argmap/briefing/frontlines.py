"""Blocks (frontlines), weak points and cross-examination: the parts of a brief read against the other side.

A *block* is the debater's prepared answer to one argument of the other
side: "If they say X", then our answers numbered, each with its card.
Blocks come in the order the speeches meet them: attacks on the thesis,
then line by line.  Questions are ranked by what the evaluation says
decides the thesis (:func:`argmap.evaluation.deciding.deciding_claims`),
at most :data:`MAX_QUESTIONS`, no question form used more than
:data:`PER_FORM` times.
"""

from __future__ import annotations

from argmap.analysis import queries as q
from argmap.analysis.nodes import case_names
from argmap.briefing.builder import Builder, sentence, short
from argmap.briefing.cards import cards
from argmap.briefing.document import Heading, Item, ItemList, Paragraph
from argmap.evaluation.core import Label
from argmap.model import Claim

MAX_QUESTIONS = 10
"""Most cross-examination questions a brief asks: a student has three minutes, not thirty."""

PER_FORM = 2
"""Most questions of one form; the unsourced claims share one question."""

_VERB = {"rebuts": "rebuts", "contradicts": "contradicts", "undercuts": "undercuts"}


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _where(b: Builder, target: str) -> tuple[int, str]:
    """Where an attack lands, for the speech order: (rank, words)."""
    if target in b.theses:
        return 0, "the thesis"
    line = b.line_of.get(target) or b.line_of.get(target.partition(" -> ")[0])
    return (line, f"line {line}") if line else (10**6, "a claim outside the lines")


def _article(b: Builder, key: str) -> str:
    owner = q.owner_map(b.m, key)
    doc = owner.document
    year = doc.published_date.year if doc is not None and doc.published_date is not None else None
    who = doc.authors[0] if doc is not None and doc.authors else owner.id
    return f"{who}{f' ({year})' if year else ''}"


def blocks(b: Builder) -> None:
    """One block for each attack the other side can make, in speech order, our numbered answers with cards."""
    b.blocks.append(Heading(2, "Blocks: if they say …"))
    if not b.attacks:
        b.blocks.append(Paragraph((("t", "Nothing in the debate attacks our case."),)))
        return
    articles = sorted({_article(b, a.attacker) for a, _ in b.attacks})
    arguments = len({a.attacker for a, _ in b.attacks})
    many = f"{_count(len(b.attacks), 'attack')} on our case"
    if arguments != len(b.attacks):
        many += f" by {_count(arguments, 'argument')}"
    b.blocks.append(Paragraph((("t", f"{many}, from {', '.join(articles)}, in the order the speeches meet them: "
                                     "the thesis first, then line by line, one block per argument. "
                                     "Under each, our answers, numbered, each with its card."),)))
    ordered = sorted(b.attacks, key=lambda pair: (_where(b, pair[0].target)[0], b.order.get(pair[0].attacked, 0)))
    # one block per argument of theirs: a claim that attacks several of ours is answered once, where the
    # speeches first meet it, and the block names everything it hits
    grouped: dict[str, list] = {}
    for attack, answers in ordered:
        grouped.setdefault(attack.attacker, []).append((attack, answers))
    for number, (attacker, hits) in enumerate(grouped.items(), 1):
        b.blocks.append(Heading(3, f"{number}. If they say: {short(b.text(attacker))}"))
        who = b.speaker(attacker)
        what = "; ".join(f"it {_VERB[a.relation]} {b.short(a.target)} ({_where(b, a.target)[1]})" for a, _ in hits)
        b.blocks.append(Paragraph((
            ("t", f"{who + ', in ' if who else 'In '}{_article(b, attacker)}: "),
            *b.claim_parts(attacker),
            ("t", f" {what[0].upper()}{what[1:]}."))))
        b.blocks.extend(cards(b, attacker))  # their card: what they will read, so we know what we answer
        answers = list(dict.fromkeys(x for _, xs in hits for x in xs))
        if not answers:
            b.blocks.append(Paragraph((("b", "No answer in the debate yet."),
                                       ("t", " Prepare one: evidence against it, or a reason it does not reach "
                                             "the claim it attacks."),)))
            continue
        for i, answer in enumerate(answers, 1):
            how = "undercuts the attack" if " -> " in answer.target else f"{answer.relation} it"
            b.blocks.append(Paragraph((("b", f"Answer {i}: "), *b.claim_parts(answer.attacker),
                                       ("t", f" ({how}; {_article(b, answer.attacker)})"))))
            b.blocks.extend(cards(b, answer.attacker))


def allies(b: Builder) -> None:
    """What the debate's other articles give our side: their attacks on the other side's claims and their
    reasons for ours, one entry per claim of theirs with its article and card.  Answers already in a block
    are not repeated."""
    theirs = {k for c in b.their_cases for k in q.case_nodes(b.m, c)}

    def outside(key: str) -> bool:
        case = q.case_of(b.m, key)
        return key not in b.ours and key not in theirs and case is not None and case not in b.their_cases

    answered = {a.attacker for a, _ in b.attacks}
    does: dict[str, list[tuple[int, str, str]]] = {}  # ally -> (0 against / 1 behind, how, target)
    for t in b.in_order(theirs - answered):
        for x, how in q.attacks_in(b.m, t):
            if outside(x):
                does.setdefault(x, []).append((0, _VERB.get(how, how), t))
    for k in b.in_order(b.ours):
        for r in q.supporters(b.m, k, depth=1):
            if r.relation != "premise" and outside(r.id):
                does.setdefault(r.id, []).append((1, "supports", k))
    if not does:
        return
    b.blocks.append(Heading(2, "From the other articles"))
    against = sum(1 for d in does.values() if any(side == 0 for side, _, _ in d))
    b.blocks.append(Paragraph((("t", f"{len(does)} claims of the debate's other articles take our side"
                                     f"{f', {against} of them against the other side' if against else ''}: "
                                     "read them against their points, or behind ours."),)))
    for x in sorted(does, key=lambda k: (min(side for side, _, _ in does[k]), b.order[k])):
        what = "; ".join(f"it {how} {b.short(t)}" for _, how, t in sorted(does[x], key=lambda d: d[0]))
        b.blocks.append(Paragraph((("b", f"{_article(b, x)}: "), *b.claim_parts(x), ("t", f" ({what})"))))
        b.blocks.extend(cards(b, x))


def weak_points(b: Builder) -> None:
    """Our claims that do not stand, those attacked with no source, and what the checks found on our cards."""
    labels = b.evaluation.labels
    order = [k for k in b.in_order(b.ours) if isinstance(b.node(k), Claim) and not b.node(k).concession]
    b.blocks.append(Heading(2, "Weak points"))
    defeated = [k for k in order if labels.get(k) in (Label.OUT, Label.UNDEC)]
    uncited = {k for c in b.cases for k in q.uncited_claims(b.m, c)}
    # the author's own analysis is no weak point by being unsourced: only once something attacks it
    exposed = [k for k in order if k in uncited and k in b.attacked and not q.supports_in(b.m, k)
               and k not in defeated]
    flagged = [k for k in order if b.flagged.get(k)]
    if not (defeated or exposed or flagged):
        b.blocks.append(Paragraph((("t", "None found: every claim of ours stands, every attacked one has a source "
                                         "or a reason, and every card matches its source."),)))
    if defeated:
        b.blocks.append(Paragraph((("b", "Defeated or undecided."), ("t", " Once every attack in the debate is "
                                   "counted, these claims of ours do not stand:"))))
        b.blocks.append(ItemList(tuple(
            Item((("t", sentence(short(b.text(k)))), ("t", f" It {b.label_words(k)}: {b.reason_words(k)}.")))
            for k in defeated)))
    if exposed:
        b.blocks.append(Paragraph((("b", "Attacked and unsourced."), ("t", " The other side attacks these and "
                                   "we give neither a source nor a reason for them:"))))
        b.blocks.append(ItemList(tuple(Item((("t", sentence(short(b.text(k)))),)) for k in exposed)))
    if flagged:
        b.blocks.append(Paragraph((("b", "Check before the round."), ("t", " The cards of these claims carry a "
                                   "finding (it is printed on the card too):"))))
        b.blocks.append(ItemList(tuple(Item((("t", sentence(short(b.text(k)))), ("t", " " + sentence("; ".join(b.flagged[k])))))
                                       for k in flagged)))


def opponents(b: Builder) -> list[str]:
    """The other side's claims: those of cases opposing ours on one of our theses, and any that attack us."""
    opposing = {a.attacker for a, _ in b.attacks}
    stance = {t: q.find_case(b.m, c).stance for c in b.cases if (t := q.thesis_of(b.m, c)) is not None}
    theirs = set()
    for c in case_names(b.m):
        t = q.thesis_of(b.m, c)
        if c not in b.cases and t in stance and q.find_case(b.m, c).stance != stance[t]:
            theirs.add(c)
    if theirs:
        opposing |= {k for c in theirs for k in q.case_nodes(b.m, c)}
    return [k for k in b.in_order(opposing - b.ours) if isinstance(b.node(k), Claim) and not b.node(k).concession]


def questions(b: Builder) -> None:
    """At most ten questions, those on the claims that decide the thesis first, no form repeated often."""
    labels = b.evaluation.labels
    deciders: set[str] = set()
    for t in sorted(b.theses):
        deciders |= {d.id for d in q.deciding_claims(b.m, t)}
    attackers = {a.attacker for a, _ in b.attacks}
    theirs = opponents(b)
    rank = {k: (0 if k in deciders else 1 if k in attackers else 2, i) for i, k in enumerate(theirs)}
    asked: list[tuple[tuple, str, list]] = []  # (rank, form, parts)
    unsourced = []
    for key in theirs:
        reason = b.evaluation.reasons.get(key)
        theirs_words = b.short(key)
        why = " It decides the thesis." if key in deciders else ""
        if labels.get(key) is Label.OUT and reason is not None and reason.how in _VERB:
            if b.node(reason.by) is not None and getattr(b.node(reason.by), "concession", False) \
                    and q.case_of(b.m, reason.by) == q.case_of(b.m, key):
                asked.append((rank[key], "concede", [("t", f"You concede {b.short(reason.by)}. Does that not "
                                                          f"defeat {theirs_words}?{why}")]))
            else:
                asked.append((rank[key], "answer", [("t", f"What is your answer to {b.short(reason.by)}? Until "
                                                         f"you give one, {theirs_words} does not stand.{why}")]))
        elif labels.get(key) is Label.UNDEC:
            asked.append((rank[key], "settle", [("t", f"{theirs_words} is contested: {b.reason_words(key)}. "
                                                     f"What settles it in your favour?{why}")]))
        elif not q.is_cited(b.m, key) and not q.supports_in(b.m, key) and key in attackers:
            unsourced.append(key)
        elif key in deciders and q.is_cited(b.m, key):
            asked.append((rank[key], "rests", [("t", f"Your case turns on {theirs_words}. If its source is wrong "
                                                    "or out of date, what is left of it?")]))
    if unsourced:
        some = unsourced[:3]
        more = f" (and {len(unsourced) - 3} more of your attacks)" if len(unsourced) > 3 else ""
        names = [b.short(k) for k in some]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        asked.append(((1, -1), "source", [("t", f"Where is the evidence for {listed}{more}? You cite no source "
                                                "and give no reason.")]))
    asked.sort(key=lambda x: x[0])
    items, per_form = [], {}
    for _, form, parts in asked:
        if per_form.get(form, 0) >= PER_FORM or len(items) >= MAX_QUESTIONS:
            continue
        per_form[form] = per_form.get(form, 0) + 1
        items.append(Item(tuple(parts)))
    b.blocks.append(Heading(2, "Cross-examination"))
    if not items:
        b.blocks.append(Paragraph((("t", "None: every claim of the other side stands and has a source or a "
                                         "supporting reason."),)))
        return
    b.blocks.append(Paragraph((("t", f"{len(items)} questions, those on the claims that decide the thesis first."),)))
    b.blocks.append(ItemList(tuple(items), ordered=True))
