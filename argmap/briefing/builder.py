"""What the sections of a brief share: the case, the evaluation, the words for a claim and its sources.

A :class:`Builder` collects the blocks of one brief and numbers the sources
as they are first cited, so the order in which claims are written decides
the numbers; :mod:`argmap.briefing.sections` writes the sections in order.
Everything is read through the public queries of
:mod:`argmap.analysis.queries` and the grounded evaluation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

from argmap.analysis import queries as q
from argmap.analysis.nodes import case_names
from argmap.analysis.index import index
from argmap.briefing.document import BriefError, Item, ItemList, Source
from argmap.evaluation.core import Evaluation, Label, Reason, evaluate
from argmap.model import Argument, Citation, Claim, Map, Thesis
from argmap.model.notes import item_key

SHORT = 90
"""Longest claim text, in characters, when a claim is named inside a sentence."""


def sentence(text: str) -> str:
    """*text* ending in a full stop (or the mark it already ends in)."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…", "”", '"')) else text + "."


def short(text: str) -> str:
    """*text* cut to :data:`SHORT` characters at a word, with an ellipsis."""
    text = text.strip().rstrip(".")
    if len(text) <= SHORT:
        return text
    cut = text[:SHORT].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def note_order(label: str) -> tuple:
    """Notes of a source in the article's order: by map, then by number."""
    m = re.match(r"(?:(.*), )?note (\d+)?(\S*)", label)
    where, number, rest = m.groups() if m else ("", None, label)
    return (where or "", int(number) if number else 10**9, rest)


def side_named(m: Map, name: str) -> tuple[str, ...]:
    """The cases a ``--case`` name means, by query name: the case itself, else every case of that id.

    ``brown`` on the debate map is ``brown2017.brown``; ``togo`` is Togo's
    own case in togo2013 together with Brown's account of it in brown2017,
    one side of the debate told in two articles.  The first in the maps'
    order leads (its thesis heads the brief).
    """
    r = index(m).resolved
    if name in r.case_index:
        return (r.case_names[r.case_index[name]],)
    return tuple(n for n, c in zip(case_names(m), r.cases) if c.id == name)


class Builder:
    """The state of one brief being written: the case, its claims, the blocks and the sources so far."""

    def __init__(self, m: Map, case_id: str, texts: Mapping[str, str] | None = None, *,
                 strengths: str | None = None):
        self.m = m
        self.cases = side_named(m, case_id)
        if not self.cases:
            raise BriefError(case_id)
        self.case_id = case_id = self.cases[0]
        self.case = q.find_case(m, case_id)
        self.thesis = q.thesis_of(m, case_id)
        self.evaluation: Evaluation = evaluate(m, "grounded")
        #: each claim's gradual strength, when the brief is asked to show them (and the semantics's name)
        self.semantics = strengths
        self.strengths: Mapping[str, float] = (
            evaluate(m, strengths, source_text=(texts or {}).get(m.id)).strengths if strengths else {})
        self.order = {key: i for i, key in enumerate(q.node_ids(m))}  # each node's place in the maps
        self.ours = {k for c in self.cases for k in q.case_nodes(m, c)}
        self.texts = dict(texts or {})
        self._nodes: dict[str, object] = {}
        self._speakers: dict[str, str | None] = {}
        # every attack on the side, once, in map order: the blocks, the lines and the weak points read it
        seen: dict = {}
        for c in self.cases:
            for attack, answers in q.attacks_on_case(m, c):
                if attack.attacker not in self.ours and attack not in seen:
                    seen[attack] = answers
        # the other side: the cases the attackers argue for, and those opposing ours on our theses
        theirs = {q.case_of(m, a.attacker) for a in seen} - {None}
        for name in case_names(m):
            t, other = q.thesis_of(m, name), q.find_case(m, name)
            for c in self.cases:
                if name not in self.cases and t is not None and t == q.thesis_of(m, c) \
                        and other.stance != q.find_case(m, c).stance:
                    theirs.add(name)
        self.their_cases = theirs
        # an answer may come from another article of the debate: any claim outside both sides that attacks
        # the attacker (Togo's 2013 account of a late Putin answers the reader's comment on Brown)
        for attack, answers in list(seen.items()):
            have = {x.attacker for x in answers}
            allies = tuple(q.Attack(x, how, attack.attacker) for x, how in q.attacks_in(m, attack.attacker)
                           if x not in self.ours and x not in have and x != attack.target
                           and q.case_of(m, x) not in theirs and q.case_of(m, x) is not None)
            seen[attack] = tuple(answers) + allies
        self.attacks: list = list(seen.items())
        self.attacked = {a.attacked for a in seen} | {a.target for a in seen}
        self.blocks: list = []
        self.sources: dict[str, Source] = {}
        self.flagged: dict[str, list[str]] = {}  # what the cards found, by claim, for the weak points
        self.theses = {t for t in (q.thesis_of(m, c) for c in self.cases) if t is not None}
        self.voice = self._voice()
        self.line_of: dict[str, int] = {}

    def claim_tag(self, key: str) -> list:
        """The claim in one line, for a card's tag."""
        return [("t", sentence(self.text(key)))]

    def node(self, key: str):
        """The node *key* names (looked up once)."""
        if key not in self._nodes:
            self._nodes[key] = q.node(self.m, key)
        return self._nodes[key]

    def in_order(self, keys: Iterable[str]) -> list[str]:
        """*keys* (nodes) in the order of the maps."""
        return sorted(keys, key=self.order.__getitem__)

    # -- texts ----------------------------------------------------------------

    def text(self, key: str) -> str:
        """The words of node *key* (an argument's stand-in words; the id when it has none)."""
        n = self.node(key)
        if isinstance(n, Argument):
            return "Taken together, the claims below"  # (a linked attack's words: support_tree)
        return n.text if n is not None and n.text else key

    def short(self, key: str) -> str:
        """*key* named in a sentence: its words cut short and quoted (a link: the step it names)."""
        if " -> " in key:
            a, _, b = key.partition(" -> ")
            return f"the step from “{short(self.text(a))}” to “{short(self.text(b))}”"
        return f"“{short(self.text(key))}”"

    def speaker(self, key: str) -> str | None:
        """Who asserts *key*, by name (None when nobody is named)."""
        if key in self._speakers:
            return self._speakers[key]
        n = self.node(key)
        if not isinstance(n, (Claim, Argument)) or n.by is None:
            who = None
        else:
            person = q.person_of(self.m, key)
            who = str(n.by) if person is None else person.name.split(",", 1)[0].strip().rstrip(".")
        self._speakers[key] = who
        return who

    def _voice(self) -> str | None:
        counts: dict[str, int] = {}
        for key in self.in_order(self.ours):
            who = self.speaker(key)
            if who:
                counts[who] = counts.get(who, 0) + 1
        return max(counts, key=counts.__getitem__) if counts else None

    def cite(self, key: str, citations: Iterable[Citation]) -> list:
        """Reference parts for the footnotes *citations* of node *key*."""
        owner = q.owner_map(self.m, key)
        where = "" if owner is self.m else f"{owner.id}, "
        parts = []
        for c in citations:
            note = owner.footnote_table.get(c.label)
            source = owner.source_note(c.label) if note is not None else None
            if note is None:
                text, item = f"Note {c.label} is not in the map.", f"missing:{owner.id}:{c.label}"
            elif source is None:
                text, item = sentence(note.text), f"ibid:{owner.id}:{c.label}"
            else:
                text, item = sentence(source.text), item_key(source.text)
            label = f"{where}note {c.label}"
            if note is not None and source is not None and source is not note:
                label += f", “{note.text.strip()}” of note {source.label}"
            elif note is not None and source is None:
                label += ", “Ibid.” with no earlier note"
            entry = self.sources.get(item)
            if entry is None:
                entry = self.sources[item] = Source(len(self.sources) + 1, text, (label,))
            elif label not in entry.notes:
                self.sources[item] = entry = attrs.evolve(entry, notes=entry.notes + (label,))
            if ("ref", entry.number) not in parts:
                parts.append(("ref", entry.number))
        return parts

    def claim_parts(self, key: str, *, always_speaker: bool = False) -> list:
        """A claim as inline parts: its text, references, speaker and quotations."""
        n = self.node(key)
        parts: list = [("t", sentence(self.text(key)))]
        if isinstance(n, (Claim, Thesis)):
            parts += self.cite(key, n.citations)
        who = self.speaker(key)
        quotes = n.quotes if isinstance(n, Claim) else ()
        if quotes:
            parts.append(("t", f" {who or 'Quoted'}:"))
            for quote in quotes:
                parts.append(("t", " "))
                parts.append(("em", f"“{quote.text}”"))
                parts += self.cite(key, quote.citations)
        if isinstance(n, Claim) and n.concession and key not in self.ours:
            parts.append(("t", f" ({'' if quotes or not who else who + '; '}conceded by the other side)"))
        elif who and not quotes and (always_speaker or who != self.voice):
            parts.append(("t", f" ({who})"))
        for wording in n.wordings if isinstance(n, Claim) else ():  # the same claim, put another way
            parts.append(("t", f" Also put as: {sentence(wording.text)}"))
            parts += self.cite(key, wording.citations)
        return parts

    def strength_note(self, key: str) -> str:
        """`` (strength 0.91)`` for a claim when the brief shows strengths, else nothing."""
        value = self.strengths.get(key) if self.strengths else None
        return "" if value is None else f" (strength {value:.2f})"

    def label_words(self, key: str) -> str:
        """How *key* fares in the grounded evaluation, in words."""
        label = self.evaluation.labels.get(key)
        return {Label.IN: "stands", Label.OUT: "is defeated", Label.UNDEC: "is undecided"}.get(label, "is not evaluated")

    def reason_words(self, key: str) -> str:
        """Why *key* has its label, in words ("" when there is nothing to say)."""
        reason: Reason | None = self.evaluation.reasons.get(key)
        if reason is None:
            if self.evaluation.labels.get(key) is not Label.IN:
                return ""
            attacked = key in self.attacked or q.attackers(self.m, key, depth=1)
            return "every attack on it is itself defeated" if attacked else "nothing in the map attacks it"
        tail = ", which is undecided" if reason.undecided else ""
        if reason.how == "premise":
            return f"it rests on {self.short(reason.by)}, which {'is undecided' if reason.undecided else 'is defeated'}"
        if reason.how == "supports":
            if " -> " in reason.by:
                a, _, b = reason.by.partition(" -> ")
                return f"{self.short(a)} supports {self.short(b)}, which attacks it{tail}"
            return f"{self.short(reason.by)} concludes what attacks it{tail}"
        verb = {"rebuts": "rebutted", "undercuts": "undercut", "contradicts": "contradicted"}.get(reason.how, reason.how)
        who = self.speaker(reason.by)
        return f"{verb} by {self.short(reason.by)}{f' ({who})' if who else ''}{tail}"

    # -- the tree of supports under a line -------------------------------------

    def support_tree(self, top: str, line: int, shown: dict[str, int]) -> Item:
        """*top* with what supports it nested beneath, each claim shown once (later: "see line").

        Depth first, without recursion, so a support chain of any length is
        written; a claim's parts are made once those beneath it are, which
        is the order its sources are numbered in.  A supporter that is
        already on the path from *top* (a support cycle) is left out.
        """
        frames: list[tuple[str, Iterable[str], list[Item]]] = []  # claim, its supporters left, their items
        on_path: set[str] = set()

        def enter(key: str) -> Item | None:
            """The item of a claim already shown; or None, with a frame opened for the claim."""
            if key in shown:
                return Item((("t", f"{sentence(short(self.text(key)))} (see line {shown[key]})"),))
            shown[key] = line
            children = [s for s, _ in q.supports_in(self.m, key) if s not in on_path]
            on_path.add(key)
            frames.append((key, iter(children), []))
            return None

        done = enter(top)
        while done is None:
            key, children, items = frames[-1]
            child = next(children, None)
            if child is not None:
                item = enter(child)
                if item is not None:
                    items.append(item)
                continue
            frames.pop()
            on_path.discard(key)
            parts = tuple(self.claim_parts(key))
            node = self.node(key)
            if isinstance(node, Argument):
                verb = "rebut" if node.attacks else "support"
                # nested, the argument is under what it supports: "it"; a line's top names its target
                home = key.rpartition(".")[0]
                target = str(node.conclusion) if node.conclusion.map or not home else f"{home}.{node.conclusion.id}"
                parts = (("t", f"Taken together, these claims {verb} {'it' if frames else self.short(target)}:"),)
            item = Item(parts, (ItemList(tuple(items)),) if items else ())
            if frames:
                frames[-1][2].append(item)
            else:
                done = item
        return done
