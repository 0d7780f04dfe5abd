"""Hypothesis strategies for valid maps, as models and as text.

* :func:`maps` draws a :class:`~argmap.model.Map` built the way Python users
  build one (no positions): every text is one the language can say.
* :func:`map_texts` draws map *text* written carelessly, as people do: odd
  spacing and indentation, random line breaks with ``\\``, blank lines,
  comments on their own lines and after statements, a claim's lines in any
  order, tags split over several lines.  It returns the text; parse it for
  the model.

Other test files import these (``from tests.strategies import maps``).
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

from argmap.formatting.writer import CLAIM_LINE_KEYWORDS, STATEMENT_KEYWORDS
from argmap.model import (
    FIELD_NAMES,
    RELATION_KINDS,
    Argument,
    Case,
    Citation,
    Claim,
    Comment,
    Document,
    Field,
    Footnote,
    Link,
    Map,
    Person,
    Quote,
    Ref,
    Relation,
    Thesis,
    Use,
)

KEYWORDS = ["map", "use", "from", "thesis", "case", "for", "against", "person", "org", "claim", "by",
            "quote", "tags", "concession", "argument", "footnotes", "author", "text"]

ids = st.one_of(
    st.from_regex(r"[a-z_][a-z0-9_]{0,10}", fullmatch=True),
    st.sampled_from(["é_ü", "Москва", "東京", "x1"]),
    st.sampled_from(KEYWORDS),
)
refs = st.builds(Ref, ids, st.one_of(st.none(), ids))
targets = st.one_of(refs, st.builds(Link, refs, refs))

# Characters a text may hold: anything but a line break, with the awkward ones
# (#, [, backslash, quotes, tabs, non-ASCII) drawn often.
_awkward = st.sampled_from(list('#[]\\"\'{}():.+->^\t') + ["é", "–", "’", "東", "😀", "\u00a0"])
_chars = st.one_of(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x85\u2028\u2029"),
                   _awkward, st.sampled_from(list(string.ascii_letters)))
_words = st.lists(st.text(_chars, min_size=1, max_size=10), min_size=1, max_size=20)


def _as_text(words: list[str]) -> str:
    text = " ".join(words)
    while "[^" in text:
        text = text.replace("[^", "[ ^")
    text = text.strip()
    while text.endswith("\\"):
        text = text[:-1].strip()
    return text


texts = _words.map(_as_text).filter(bool)
labels = st.one_of(st.integers(1, 120).map(str), st.from_regex(r"[^\]\s]{1,6}", fullmatch=True))
citations = st.lists(st.builds(Citation, labels), max_size=3).map(tuple)
strings = st.text(st.one_of(_chars, st.just('"'), st.just("\\")), max_size=20)
comment_texts = st.text(st.one_of(_chars, st.just("#")), max_size=12).map(str.rstrip)


@st.composite
def documents(draw):
    fields = draw(st.lists(st.builds(Field, st.sampled_from(FIELD_NAMES),
                                     st.one_of(strings, st.sampled_from(["2017", "2017-02", "2016-12-16"]))),
                           max_size=5))
    return Document(draw(ids), draw(st.one_of(st.none(), strings)), tuple(fields))


@st.composite
def claims(draw, claim_id=None):
    cites = draw(citations)
    text = draw(texts) if cites else draw(st.one_of(st.just(""), texts))
    quotes = draw(st.lists(st.builds(Quote, strings, citations), max_size=2))
    return Claim(claim_id or draw(ids), text, draw(st.one_of(st.none(), refs)), draw(st.one_of(st.none(), refs)),
                 cites, tuple(quotes), tuple(draw(st.lists(ids, max_size=3))), draw(st.booleans()))


@st.composite
def maps(draw, with_comments: bool = True):
    """A valid map built in Python: what ``dumps`` must write and read back."""
    claim_list = draw(st.lists(claims(), max_size=4))
    relations = []
    for c in claim_list:
        for kind, target in draw(st.lists(st.tuples(st.sampled_from(RELATION_KINDS), targets), max_size=3)):
            relations.append(Relation(kind, Ref(c.id), target, inline=True))
    # a line starting with a statement keyword is that statement, so a relation
    # on its own line cannot start with one (see argmap.formatting.writer.STATEMENT_KEYWORDS)
    sources = refs.filter(lambda r: (r.map if r.map is not None else r.id)
                          not in STATEMENT_KEYWORDS | CLAIM_LINE_KEYWORDS)
    relations += draw(st.lists(st.builds(Relation, st.sampled_from(RELATION_KINDS), sources, targets), max_size=3))
    arguments = draw(st.lists(st.builds(Argument, ids, st.lists(refs, min_size=1, max_size=3).map(tuple), refs,
                                        st.one_of(st.none(), refs), st.one_of(st.none(), refs)), max_size=2))
    return Map(
        document=draw(st.one_of(st.none(), documents())),
        uses=tuple(draw(st.lists(st.builds(Use, ids, st.one_of(st.none(), strings)), max_size=2))),
        theses=tuple(draw(st.lists(st.builds(Thesis, ids, texts, citations), max_size=2))),
        cases=tuple(draw(st.lists(st.builds(Case, ids, st.sampled_from(["for", "against"]), refs, texts, citations),
                                  max_size=2))),
        persons=tuple(draw(st.lists(st.builds(Person, ids, texts, st.sampled_from(["person", "org"]), citations),
                                    max_size=2))),
        claims=tuple(claim_list),
        arguments=tuple(arguments),
        relations=tuple(relations),
        footnotes=tuple(draw(st.lists(st.builds(Footnote, labels, texts), max_size=4))),
        comments=tuple(draw(st.lists(st.builds(Comment, comment_texts), max_size=3))) if with_comments else (),
    )


# ------------------------------------------------------------ careless text ----


class _Sloppy:
    """Writes a map the way a hurried person might, drawing every choice."""

    def __init__(self, draw):
        self.draw = draw
        self.lines: list[str] = []

    def gap(self) -> str:
        return self.draw(st.sampled_from([" ", " ", "  ", "\t", " \t "]))

    def indent(self) -> str:
        return self.draw(st.sampled_from(["", "  ", "    ", "\t", " "]))

    def before(self, indent: str | None = None) -> None:
        """Blank lines and own-line comments before a line."""
        for _ in range(self.draw(st.integers(0, 2))):
            if self.draw(st.booleans()):
                self.lines.append(self.draw(st.sampled_from(["", "   ", "\t"])))
            else:
                self.lines.append((indent if indent is not None else self.indent()) + "#"
                                  + self.draw(st.sampled_from(["", " "])) + self.draw(comment_texts))

    def emit(self, line: str, closed: bool) -> None:
        """A line; *closed* lines (not ending in free text) may get a trailing comment."""
        if closed and self.draw(st.integers(0, 3)) == 0:
            line += self.gap() + "# " + self.draw(comment_texts)
        self.lines.append(line)

    def text(self, text: str, cites) -> tuple[str, bool]:
        """Text with random continuation breaks, then its citations; and whether it ends closed."""
        out = []
        i = 0
        for j, ch in enumerate(text):
            if (ch == " " and 0 < j < len(text) - 1 and text[j - 1] not in " \t" and text[j + 1] not in " \t"
                    and self.draw(st.integers(0, 5)) == 0):
                out.append(text[i:j] + self.draw(st.sampled_from(["\\", " \\", "\t\\"])) + "\n"
                           + self.draw(st.sampled_from(["", "    ", "\t", "  "])))
                i = j + 1
        out.append(text[i:])
        body = "".join(out)
        joiner = self.draw(st.sampled_from(["", " "]))
        cited = joiner.join(f"[^{c.label}]" for c in cites)
        if cited:
            body += self.gap() + cited
        return body, bool(cites)


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def map_texts(draw, model=maps(with_comments=False)):
    """Careless text for a valid map (footnotes last, as maps are written)."""
    m = draw(model)
    w = _Sloppy(draw)
    g = w.gap
    if draw(st.booleans()):
        w.before("")
    doc = m.document
    if doc is not None:
        title = g() + _q(doc.title) if doc.title is not None else ""
        w.emit(f"map{g()}{doc.id}{title}{g()}{{", True)
        for f in doc.fields:
            w.before()
            bare = f.value and f.value[0].isdigit() and set(f.value) <= set("0123456789-")
            w.emit(f"{w.indent()}{f.name}{g()}{f.value if bare else _q(f.value)}", True)
        w.before()
        w.emit(w.indent() + "}", True)
    owned: dict[str, list[Relation]] = {}
    for r in m.relations:
        if r.inline:
            owned.setdefault(r.source.id, []).append(r)
    statements: list = [*m.uses, *m.theses, *m.cases, *m.persons, *m.claims, *m.arguments,
                        *(r for r in m.relations if not r.inline)]
    for s in statements:
        w.before("" if draw(st.booleans()) else None)
        if isinstance(s, Use):
            w.emit(f"use{g()}{s.id}" + (f"{g()}from{g()}{_q(s.path)}" if s.path is not None else ""), True)
        elif isinstance(s, (Thesis, Case, Person)):
            head = {Thesis: lambda: f"thesis{g()}{s.id}:",
                    Case: lambda: f"case{g()}{s.id}{g()}{s.stance}{g()}{s.thesis}{w.draw(st.sampled_from(['', ' ']))}:",
                    Person: lambda: f"{getattr(s, 'kind', '')}{g()}{s.id}:"}[type(s)]()
            body, closed = w.text(s.name if isinstance(s, Person) else s.text, s.citations)
            w.emit(f"{head}{g()}{body}", closed)
        elif isinstance(s, Claim):
            head = f"claim{g()}{s.id}"
            if s.case is not None:
                head += f"{g()}({draw(st.sampled_from(['', ' ']))}{s.case})"
            if s.by is not None:
                head += f"{g()}by{g()}{s.by}"
            body, closed = w.text(s.text, s.citations) if s.text else ("", False)
            w.emit(f"{head}:{g()}{body}" if body else f"{head}:", closed)
            lines = [f"quote{g()}{_q(q.text)}" + "".join(f"{g()}[^{c.label}]" for c in q.citations) for q in s.quotes]
            tag_groups = []
            tags = list(s.tags)
            while tags:
                k = draw(st.integers(1, len(tags)))
                tag_groups.append(tags[:k])
                tags = tags[k:]
            extras = [f"tags{g()}" + g().join(t) for t in tag_groups]
            extras += ["concession"] * (draw(st.integers(1, 2)) if s.concession else 0)
            links = [f"{r.kind}{g()}{r.target}" for r in owned.pop(s.id, [])]
            # quotes keep their order, links theirs; the rest may fall anywhere
            merged: list[str] = []
            queues = [lines, extras, links]
            while any(queues):
                q = draw(st.sampled_from([q for q in queues if q]))
                merged.append(q.pop(0))
            for line in merged:
                if draw(st.integers(0, 3)) == 0:
                    w.before()
                w.emit(w.indent() + line, True)
        elif isinstance(s, Argument):
            owner = f"{g()}({s.case})" if s.case is not None else ""
            by = f"{g()}by{g()}{s.by}" if s.by is not None else ""
            premises = f"{g()}+{g()}".join(str(p) for p in s.premises)
            w.emit(f"argument{g()}{s.id}{owner}{by}:{g()}{premises}{g()}->{g()}{s.conclusion}", True)
        elif isinstance(s, Relation):
            w.emit(f"{s.source}{g()}{s.kind}{g()}{s.target}", True)
    if m.footnotes:
        w.before("")
        w.emit("footnotes", True)
        for note in m.footnotes:
            w.before()
            body, closed = w.text(note.text, ())
            w.emit(f"{w.indent()}[^{note.label}]:{g()}{body}", closed)
    if draw(st.booleans()):
        w.before("")
    return "\n".join(w.lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


def relation_order_ok(m: Map) -> bool:
    """Whether each claim's inline relations follow the claims' order (so text can say them)."""
    index = {}
    for i, c in enumerate(m.claims):
        index.setdefault(c.id, i)
    last = -1
    for r in m.relations:
        if r.inline:
            i = index.get(r.source.id, -1)
            if i < last:
                return False
            last = i
    return True
