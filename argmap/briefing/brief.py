"""brief: a debate brief for one case of a map, as Markdown or HTML.

:func:`brief` builds the brief as a small document (headings, paragraphs,
nested lists, numbered references) from the queries of :mod:`argmap.analysis.queries`
and the grounded evaluation; :func:`to_markdown` and :func:`to_html` write
it out.  Everything is ordered by the map, so the same map always gives the
same bytes.  ``docs/briefing.md`` describes the sections.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import attrs

from argmap.analysis import queries as q
from argmap.evaluation.core import Evaluation, Label, Reason
from argmap.model.notes import item_key
from argmap.model import Argument, Citation, Claim, Map, Thesis

SHORT = 90
"""Longest claim text, in characters, when a claim is named inside a sentence."""


class BriefError(ValueError):
    """A brief that cannot be made: the case is not in the map."""


# ------------------------------------------------------ the document model ----
# Inline parts are tuples: ("t", text), ("em", text), ("b", text), ("ref", number).


@attrs.frozen
class Heading:
    level: int
    text: str


@attrs.frozen
class Paragraph:
    parts: tuple


@attrs.frozen
class Item:
    parts: tuple
    children: tuple = ()  # nested blocks (lists)


@attrs.frozen
class ItemList:
    items: tuple[Item, ...]
    ordered: bool = False


@attrs.frozen
class Source:
    """One item of the bibliography: its brief number, its text and the notes that cite it."""

    number: int
    text: str
    notes: tuple[str, ...]


@attrs.frozen
class Brief:
    """A brief: its title, its blocks, and the sources its references point to."""

    title: str
    blocks: tuple
    sources: tuple[Source, ...]


# --------------------------------------------------------------- building ----


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…", "”", '"')) else text + "."


def _short(text: str) -> str:
    text = text.strip().rstrip(".")
    if len(text) <= SHORT:
        return text
    cut = text[:SHORT].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _note_order(label: str) -> tuple:
    """Notes of a source in the article's order: by map, then by number."""
    m = re.match(r"(?:(.*), )?note (\d+)?(\S*)", label)
    where, number, rest = m.groups() if m else ("", None, label)
    return (where or "", int(number) if number else 10**9, rest)


class _Builder:
    """Collects the blocks of one brief and numbers the sources as they are cited."""

    def __init__(self, m: Map, case_id: str):
        self.m = m
        self.case_id = case_id
        self.case = q.find_case(m, case_id)
        if self.case is None:
            raise BriefError(case_id)
        self.thesis = q.thesis_of(m, case_id)
        self.evaluation: Evaluation = m.evaluate("grounded")
        self.ours = set(q.case_nodes(m, case_id))
        self.blocks: list = []
        self.sources: dict[str, Source] = {}
        self.voice = self._voice()
        self.line_of: dict[str, int] = {}

    # -- texts ----------------------------------------------------------------

    def text(self, key: str) -> str:
        n = q.node(self.m, key)
        if isinstance(n, Argument):
            return "Taken together, the claims below"
        return n.text if n is not None and n.text else key

    def short(self, key: str) -> str:
        if " -> " in key:
            a, _, b = key.partition(" -> ")
            return f"the step from “{_short(self.text(a))}” to “{_short(self.text(b))}”"
        return f"“{_short(self.text(key))}”"

    def speaker(self, key: str) -> str | None:
        n = q.node(self.m, key)
        if not isinstance(n, (Claim, Argument)) or n.by is None:
            return None
        person = q.owner_map(self.m, key).resolve_person(n.by)
        if person is None:
            return str(n.by)
        return person.name.split(",", 1)[0].strip().rstrip(".")

    def _voice(self) -> str | None:
        counts: dict[str, int] = {}
        for key in sorted(self.ours, key=list(q._graph(self.m).graph.kind).index):
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
                text, item = _sentence(note.text), f"ibid:{owner.id}:{c.label}"
            else:
                text, item = _sentence(source.text), item_key(source.text)
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
        n = q.node(self.m, key)
        parts: list = [("t", _sentence(self.text(key)))]
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
        return parts

    def label_words(self, key: str) -> str:
        label = self.evaluation.labels.get(key)
        return {Label.IN: "stands", Label.OUT: "is defeated", Label.UNDEC: "is undecided"}.get(label, "is not evaluated")

    def reason_words(self, key: str) -> str:
        reason: Reason | None = self.evaluation.reasons.get(key)
        if reason is None:
            if self.evaluation.labels.get(key) is not Label.IN:
                return ""
            attacked = q.attackers(self.m, key, depth=1)
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

    # -- sections -------------------------------------------------------------

    def build(self) -> Brief:
        case = self.case
        text = case.text.strip().rstrip(".")
        title = f"Brief: {text if len(text) <= 2 * SHORT else _short(text)}"
        self.blocks.append(Heading(1, title))
        self.heading_section()
        lines = self.top_points()
        shown = self.lines_section(lines)
        self.other_points_section(shown)
        self.concessions_section()
        self.unanswered_section()
        self.weak_points_section()
        self.questions_section()
        sources = tuple(attrs.evolve(s, notes=tuple(sorted(s.notes, key=_note_order)))
                        for s in self.sources.values())
        return Brief(title, tuple(self.blocks), sources)

    def heading_section(self) -> None:
        case, m = self.case, self.m
        stance = "for" if case.stance == "for" else "against"
        if self.thesis is None:
            self.blocks.append(Paragraph((("b", "Thesis: "), ("t", f"the case names “{case.thesis}”, which is not in the map; "
                                                                  "the brief lists the case's claims without a thesis."))))
        else:
            self.blocks.append(Paragraph((("b", "Thesis: "), *self.claim_parts(self.thesis))))
        self.blocks.append(Paragraph((("b", "Our stance: "), ("t", f"{stance} the thesis."))))
        doc = m.document
        if doc is not None and (doc.title or doc.authors):
            words = ", ".join(doc.authors)
            title = f"“{doc.title}”" if doc.title else ""
            when = f" ({doc.published})" if doc.published else ""
            self.blocks.append(Paragraph((("b", "Mapped from: "), ("t", ", ".join(p for p in (words, title) if p) + when + "."))))
        if self.thesis is not None:
            label = self.evaluation.labels.get(self.thesis)
            verdict = {Label.IN: "stands", Label.OUT: "falls", Label.UNDEC: "is undecided"}.get(label, "is not evaluated")
            good = (label is Label.IN) == (case.stance == "for") if label is not Label.UNDEC else None
            why = self.reason_words(self.thesis)
            text = f"Counting every attack in the map (grounded evaluation), the thesis {verdict}"
            text += f": {why}." if why else "."
            if good is not None:
                text += " That favours our side." if good else " That favours the other side."
            deciders = q.deciding_claims(m, self.thesis)
            if deciders:
                names = "; ".join(self.short(d.id) + (" (ours)" if d.id in self.ours else "") for d in deciders)
                text += f" It turns on single claims: {names}. If any of these changed, so would the verdict."
            elif label is not None:
                text += " No single claim decides it: changing any one claim would leave the verdict as it is."
            self.blocks.append(Paragraph((("b", "Where the thesis stands: "), ("t", text))))
        if self.voice:
            self.blocks.append(Paragraph((("t", f"Claims are {self.voice}’s unless another speaker is named. "
                                                "Numbers in brackets refer to the sources at the end."),)))

    def top_points(self) -> list[str]:
        """The case's claims that bear directly on the thesis; without one, the roots of its support."""
        g = q._graph(self.m)
        order = list(g.graph.kind)
        tops: list[str] = []
        if self.thesis is not None:
            wanted = "supports" if self.case.stance == "for" else None
            for source, how in g.supports_in.get(self.thesis, ()):
                if wanted and source in self.ours and how == "supports":
                    tops.append(source)
            if not wanted:
                tops += [a.id for a in q.attackers(self.m, self.thesis, depth=1) if a.id in self.ours]
        if not tops:
            tops = [k for k in self.ours if not getattr(q.node(self.m, k), "concession", False)
                    and not any(t in self.ours for t, _ in g.supports_out.get(k, ()))]
        return sorted(dict.fromkeys(tops), key=order.index)

    def lines_section(self, tops: list[str]) -> set[str]:
        shown = self.line_of
        attacks = q.attacks_on_case(self.m, self.case_id)
        self.blocks.append(Heading(2, "Our lines of argument"))
        if not tops:
            self.blocks.append(Paragraph((("t", "The case has no claim that supports anything."),)))
            return set()
        relation = "support" if self.case.stance == "for" else "attack"
        intro = (f"Each line is a claim of ours that bears on the thesis directly ({relation}s it), with the claims "
                 "that support it indented beneath. After each line come the other side's attacks on it and our "
                 "answers, if we have one.")
        if self.thesis is None:
            intro = ("Each line is a claim of ours that no other claim of ours builds on, with the claims that "
                     "support it indented beneath, then the attacks on it and our answers.")
        self.blocks.append(Paragraph((("t", intro),)))
        thesis_attacks = [(a, ans) for a, ans in attacks if a.target == self.thesis]
        if thesis_attacks:
            self.blocks.append(Heading(3, "Attacks on the thesis itself"))
            self.blocks.append(self.attack_list(thesis_attacks))
        for number, top in enumerate(tops, 1):
            self.blocks.append(Heading(3, f"Line {number}"))
            first = len(shown)
            tree = self.support_tree(top, number, shown, ())
            self.blocks.append(Paragraph(tree.parts))
            if tree.children:
                self.blocks.append(Paragraph((("t", "Supported by:"),)))
                self.blocks.extend(tree.children)
            in_line = set(list(shown)[first:])
            here = [(a, ans) for a, ans in attacks if a.attacked in in_line or a.target in in_line]
            if here:
                self.blocks.append(Paragraph((("b", "Their attacks on this line, and our answers"),)))
                self.blocks.append(self.attack_list(here))
        return set(shown)

    def support_tree(self, key: str, line: int, shown: dict[str, int], path: tuple[str, ...]) -> Item:
        if key in shown:
            return Item((("t", f"{_sentence(_short(self.text(key)))} (see line {shown[key]})"),))
        shown[key] = line
        g = q._graph(self.m)
        children = [s for s, _ in g.supports_in.get(key, ()) if s not in path]
        items = tuple(self.support_tree(c, line, shown, path + (key,)) for c in children)
        parts = tuple(self.claim_parts(key))
        if isinstance(q.node(self.m, key), Argument):
            parts = (("t", "Taken together, these claims support it:"),)
        return Item(parts, (ItemList(items),) if items else ())

    def attack_list(self, pairs) -> ItemList:
        items = []
        for attack, answers in pairs:
            verb = {"rebuts": "rebuts", "contradicts": "contradicts", "undercuts": "undercuts"}[attack.relation]
            head = [("b", "Attack: "), *self.claim_parts(attack.attacker, always_speaker=True),
                    ("t", f" It {verb} {self.short(attack.target)}.")]
            sub = []
            for answer in answers:
                how = ("undercuts the attack" if " -> " in answer.target else f"{answer.relation} it")
                sub.append(Item((("b", "Our answer: "), *self.claim_parts(answer.attacker), ("t", f" ({how})"))))
            if not sub:
                sub.append(Item((("b", "No answer in the map"), ("t", " (see Attacks to prepare for)."))))
            items.append(Item(tuple(head), (ItemList(tuple(sub)),)))
        return ItemList(tuple(items))

    def other_points_section(self, shown: set[str]) -> None:
        g = q._graph(self.m)
        rest = [k for k in g.graph.kind if k in self.ours and k not in shown
                and not getattr(q.node(self.m, k), "concession", False)]
        if not rest:
            return
        self.blocks.append(Heading(2, "Our answers to their points"))
        self.blocks.append(Paragraph((("t", "Claims of ours outside the lines above: most answer a point of the "
                                            "other side directly."),)))
        items = []
        for key in rest:
            does = [f"{how} {self.short(t)}" for t, how in g.attacks_out.get(key, ())]
            does += [f"supports {self.short(t)}" for t, how in g.supports_out.get(key, ()) if how == "supports"]
            tail = [("t", " It " + "; it ".join(does) + ".")] if does else []
            items.append(Item((*self.claim_parts(key), *tail)))
        self.blocks.append(ItemList(tuple(items)))

    def concessions_section(self) -> None:
        g = q._graph(self.m)
        conceded = [k for k in g.graph.kind if k in self.ours and getattr(q.node(self.m, k), "concession", False)]
        if not conceded:
            return
        self.blocks.append(Heading(2, "What we concede"))
        self.blocks.append(Paragraph((("t", "Points our side grants; expect the other side to use them."),)))
        items = []
        for key in conceded:
            does = [f"{how} {self.short(t)}" for t, how in g.attacks_out.get(key, ())]
            does += [f"supports {self.short(t)}" for t, _ in g.supports_out.get(key, ())]
            tail = [("t", " It " + "; it ".join(does) + ".")] if does else []
            items.append(Item((*self.claim_parts(key), *tail)))
        self.blocks.append(ItemList(tuple(items)))

    def unanswered_section(self) -> None:
        unanswered = q.unanswered_attacks(self.m, self.case_id)
        self.blocks.append(Heading(2, "Attacks to prepare for"))
        if not unanswered:
            self.blocks.append(Paragraph((("t", "Every attack by others on our case has an answer in the map."),)))
            return
        self.blocks.append(Paragraph((("t", "Attacks on our case that no claim of ours answers yet, with the line "
                                            "they hit; the lines above give them in full."),)))
        items = []
        for a in unanswered:
            who = self.speaker(a.attacker)
            line = self.line_of.get(a.attacked) or self.line_of.get(a.target.partition(" -> ")[0])
            where = f" (line {line})" if line else " (the thesis)" if a.target == self.thesis else ""
            items.append(Item((("t", f"{self.short(a.attacker)}{f' ({who})' if who else ''} {a.relation} "
                                     f"{self.short(a.target)}{where}."),)))
        self.blocks.append(ItemList(tuple(items), ordered=True))

    def weak_points_section(self) -> None:
        g = q._graph(self.m)
        order = [k for k in g.graph.kind if k in self.ours and g.graph.kind[k] == "claim"
                 and not q.node(self.m, k).concession]
        labels = self.evaluation.labels
        self.blocks.append(Heading(2, "Weak points"))
        defeated = [k for k in order if labels.get(k) in (Label.OUT, Label.UNDEC)]
        weakened = [k for k in order if k in self.evaluation.weakened]
        uncited = set(q.uncited_claims(self.m, self.case_id))
        bare = [k for k in order if k in uncited and not g.supports_in.get(k)]
        resting = [k for k in order if k in uncited and g.supports_in.get(k)]
        if not (defeated or weakened or bare or resting):
            self.blocks.append(Paragraph((("t", "None found: every claim of ours stands and cites a source."),)))
        if defeated:
            self.blocks.append(Paragraph((("b", "Defeated or undecided."), ("t", " Once every attack in the map is "
                                           "counted, these claims of ours do not stand:"))))
            self.blocks.append(ItemList(tuple(
                Item((("t", _sentence(_short(self.text(k)))), ("t", f" It {self.label_words(k)}: {self.reason_words(k)}.")))
                for k in defeated)))
        if weakened:
            self.blocks.append(Paragraph((("b", "Weakened."), ("t", " These cite nothing and every claim supporting "
                                           "them is defeated:"))))
            self.blocks.append(ItemList(tuple(Item((("t", _sentence(_short(self.text(k)))),)) for k in weakened)))
        if bare:
            self.blocks.append(Paragraph((("b", "Without a source."), ("t", " Asserted with no footnote and no claim "
                                           "supporting them; expect to be asked for evidence:"))))
            self.blocks.append(ItemList(tuple(Item((("t", _sentence(self.text(k))),)) for k in bare)))
        if resting:
            many = len(resting) != 1
            self.blocks.append(Paragraph((("t", f"{len(resting)} further claim{'s' if many else ''} of ours "
                                                f"cite{'' if many else 's'} nothing {'themselves' if many else 'itself'} "
                                                f"but rest{'' if many else 's'} on the claims that support "
                                                f"{'them' if many else 'it'}."),)))

    def opponents(self) -> list[str]:
        """The other side's claims: those of cases opposing ours on our thesis, and any that attack us."""
        g = q._graph(self.m)
        opposing = set()
        if self.thesis is not None:
            for k in g.graph.kind:
                c = q.case_of(self.m, k)
                if c is not None and c != self.case_id and q.thesis_of(self.m, c) == self.thesis:
                    other = q.find_case(self.m, c)
                    if other is not None and other.stance != self.case.stance:
                        opposing.add(k)
        opposing |= {a.attacker for a, _ in q.attacks_on_case(self.m, self.case_id)}
        return [k for k in g.graph.kind if k in opposing and g.graph.kind[k] == "claim"]

    def questions_section(self) -> None:
        g = q._graph(self.m)
        labels = self.evaluation.labels
        items, sources = [], []
        for key in self.opponents():
            n = q.node(self.m, key)
            if n.concession:
                continue
            reason = self.evaluation.reasons.get(key)
            theirs = self.short(key)
            if labels.get(key) is Label.OUT and reason is not None and reason.how in ("rebuts", "contradicts", "undercuts"):
                by = reason.by
                if q.case_of(self.m, by) == q.case_of(self.m, key) and getattr(q.node(self.m, by), "concession", False):
                    text = f"You concede {self.short(by)}. Does that not defeat your claim {theirs}?"
                else:
                    text = f"How do you answer {self.short(by)}, which defeats your claim {theirs}?"
            elif labels.get(key) is Label.OUT:
                text = f"Your claim {theirs} does not stand: {self.reason_words(key)}. How do you answer that?"
            elif labels.get(key) is Label.UNDEC:
                text = f"How do you settle the conflict over {theirs}? It is undecided: {self.reason_words(key)}."
            elif not q.is_cited(self.m, key) and not g.supports_in.get(key):
                sources.append(Item((("t", f"What is your source for {theirs}?"),)))
                continue
            else:
                continue
            items.append(Item((("t", text),)))
        items += sources
        self.blocks.append(Heading(2, "Questions for the other side"))
        if not items:
            self.blocks.append(Paragraph((("t", "None: every claim of the other side stands and has a source or a "
                                                "supporting reason."),)))
            return
        self.blocks.append(Paragraph((("t", "Their claims that are defeated or undecided, then those asserted with "
                                            "no source and no supporting reason, put as questions."),)))
        self.blocks.append(ItemList(tuple(items), ordered=True))


def brief(m: Map, case_id: str) -> Brief:
    """The brief for the case *case_id* of *m*; BriefError if there is no such case."""
    return _Builder(m, case_id).build()


# ---------------------------------------------------------------- writing ----

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_inline(parts) -> str:
    out = []
    for kind, value in parts:
        if kind == "t":
            out.append(_md_escape(value))
        elif kind == "em":
            out.append(f"*{_md_escape(value)}*")
        elif kind == "b":
            out.append(f"**{_md_escape(value.rstrip())}**" + (" " if value.endswith(" ") else ""))
        else:
            out.append(f" [{value}]")
    return "".join(out)


def _md_list(lst: ItemList, indent: str, lines: list[str]) -> None:
    for i, item in enumerate(lst.items, 1):
        marker = f"{i}. " if lst.ordered else "- "
        lines.append(indent + marker + _md_inline(item.parts))
        for child in item.children:
            _md_list(child, indent + " " * len(marker), lines)


def to_markdown(b: Brief) -> str:
    """The brief as Markdown (CommonMark), ending in one newline."""
    lines: list[str] = []
    for block in b.blocks:
        if lines:
            lines.append("")
        if isinstance(block, Heading):
            lines.append("#" * block.level + " " + _md_escape(block.text))
        elif isinstance(block, Paragraph):
            lines.append(_md_inline(block.parts))
        else:
            _md_list(block, "", lines)
    lines += ["", "## Sources", ""]
    if not b.sources:
        lines.append("No footnote is cited in this brief.")
    for s in b.sources:
        lines.append(f"{s.number}. {_md_escape(s.text)} ({_md_escape('; '.join(s.notes))})")
    return "\n".join(lines) + "\n"


_CSS = """\
body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1,h2,h3{font-family:system-ui,sans-serif;line-height:1.2}
h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
li{margin:.25em 0}
a.ref{text-decoration:none;font-size:.85em;vertical-align:super}
ol.sources li:target{background:#ffd}
"""


def _html_inline(parts) -> str:
    out = []
    for kind, value in parts:
        if kind == "t":
            out.append(html.escape(value, quote=False))
        elif kind == "em":
            out.append(f"<q>{html.escape(value.strip('“”'), quote=False)}</q>")
        elif kind == "b":
            out.append(f"<strong>{html.escape(value, quote=False)}</strong>")
        else:
            out.append(f' <a class="ref" href="#source-{value}">[{value}]</a>')
    return "".join(out)


def _html_list(lst: ItemList, out: list[str]) -> None:
    tag = "ol" if lst.ordered else "ul"
    out.append(f"<{tag}>")
    for item in lst.items:
        out.append("<li>" + _html_inline(item.parts))
        for child in item.children:
            _html_list(child, out)
        out.append("</li>")
    out.append(f"</{tag}>")


def to_html(b: Brief) -> str:
    """The brief as one self-contained HTML page: inline CSS, no scripts, nothing fetched."""
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{html.escape(b.title)}</title>", f"<style>\n{_CSS}</style>", "</head>", "<body>", "<main>"]
    for block in b.blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{html.escape(block.text, quote=False)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{_html_inline(block.parts)}</p>")
        else:
            _html_list(block, out)
    out.append("<h2>Sources</h2>")
    if not b.sources:
        out.append("<p>No footnote is cited in this brief.</p>")
    else:
        out.append('<ol class="sources">')
        for s in b.sources:
            out.append(f'<li id="source-{s.number}">{html.escape(s.text, quote=False)} '
                       f'({html.escape("; ".join(s.notes), quote=False)})</li>')
        out.append("</ol>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
