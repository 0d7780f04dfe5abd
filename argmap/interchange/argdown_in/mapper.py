"""Mapping the picture of an Argdown file onto the argmap model: header, statements, arguments, relations.

Everything argmap has no place for is reported with its line and column
(see docs/interop.md for the table).
"""

from __future__ import annotations

import datetime
import re

from argmap.interchange._common import Report, make_id, one_line
from argmap.interchange.argdown_in.picture import ArgumentEntry, Member, StatementClass
from argmap.interchange.argdown_in.reader import Reader
from argmap.model import (Argument, Case, Citation, Claim, Document, Field, Footnote, Link, Map,
                          Person, Quote, Ref, Relation, Thesis, Use)

# Front-matter keys that configure Argdown's own tools rather than say something.
_SETTINGS = {"model", "map", "dot", "group", "selection", "color", "svg", "html", "json", "pdf",
             "webComponent", "logLevel", "plugins", "processes", "process", "inputPath",
             "outputDir", "vizJs", "graphml", "sourceHighlighter", "ignoreFrontmatterSettings",
             "mode", "hide", "explanation"}
_DATA_KEYS = {"by", "cites", "quotes", "concession", "case", "thesis"}


class Mapper:
    """Builds a Map from what a :class:`Reader` read (:meth:`build`), reporting what does not fit."""

    def __init__(self, reader: Reader, report: Report, path: str | None):
        self.r = reader
        self.report = report
        self.path = path
        self.taken: set[str] = set()
        self.ids: dict[str, str] = {}  # statement title -> claim id
        self.arg_nodes: dict[str, list] = {}  # argument title -> per step: Ref to Argument id or Link
        self.claims: list[Claim] = []
        self.theses: list[Thesis] = []
        self.arguments: list[Argument] = []
        self.relations: list[Relation] = []
        self.cases: list[Case] = []
        self.case_of_heading: dict[int, str] = {}
        self.tag_of_heading: dict[int, str] = {}

    # -- front matter -----------------------------------------------------------

    def document(self):
        front = self.r.front
        own = front.get("argmap") if isinstance(front.get("argmap"), dict) else {}
        fields: list[Field] = []
        authors = front.get("author", front.get("authors"))
        for author in authors if isinstance(authors, list) else [authors] if authors else []:
            fields.append(Field("author", str(author)))
        if "date" in front:
            published = _date(front["date"])
            if published:
                fields.append(Field("published", published))
            else:
                self.report.add("X303", f"the date {front['date']!r} is not a date argmap can read "
                                "(YYYY, YYYY-MM or YYYY-MM-DD); it is not carried over", self.line_of("date"), 1)
        for item in own.get("fields", []) or []:
            if isinstance(item, (list, tuple)) and len(item) == 2:
                fields.append(Field(str(item[0]), str(item[1])))
        for key in front:
            if key in ("title", "author", "authors", "date", "argmap"):
                continue
            if key in _SETTINGS:
                self.report.add("X305", f"front matter setting {key!r} configures Argdown's tools; "
                                "argmap does not use it", self.line_of(key), 1)
            else:
                self.report.add("X303", f"front matter key {key!r} has no place in an argmap header",
                                self.line_of(key), 1)
        title = front.get("title")
        doc_id = own.get("id") or (make_id(self.path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0])
                                   if self.path else None)
        if title is None and not fields and not own.get("id"):
            return None, own
        return Document(str(doc_id or "argdown"), str(title) if title is not None else None, tuple(fields)), own

    def line_of(self, key) -> int:
        return self.r.front_lines.get(str(key), 1)

    # -- building ------------------------------------------------------------------

    def build(self) -> Map:
        document, own = self.document()
        uses = tuple(Use(str(k), v) for k, v in (own.get("uses") or {}).items())
        use_ids = {u.id for u in uses}
        thesis_ids = own.get("theses") or {}
        persons = tuple(Person(str(k), str(v.get("name", k)), v.get("kind", "person")
                               if v.get("kind") in ("person", "org") else "person")
                        for k, v in (own.get("persons") or {}).items() if isinstance(v, dict))
        footnotes = tuple(Footnote(str(k), one_line(str(v))) for k, v in (own.get("footnotes") or {}).items())
        self.headings()
        # ids first, so that relations can point forwards
        for cls in self.r.classes.values():
            head, dot, tail = cls.title.partition(".")
            if dot and head in use_ids:
                continue
            base = cls.texts[0][0] if cls.anonymous and cls.texts else cls.title
            if cls.anonymous:
                base = " ".join(base.split()[:5]) or "statement"
            self.ids[cls.title] = make_id(base, self.taken, "s")
        for arg in self.r.arguments.values():
            if arg.steps is None:
                self.ids.setdefault("<>" + arg.title, make_id(arg.title, self.taken, "a"))
        for cls in self.r.classes.values():
            if cls.title in self.ids:
                self.statement(cls, thesis_ids)
        self.plan_arguments()
        for arg in self.r.arguments.values():
            if arg.steps is None:
                self.unreconstructed(arg)
        self.map_relations()
        return Map(document=document, uses=uses, theses=tuple(self.theses), cases=tuple(self.cases),
                   persons=persons, claims=tuple(self.claims), arguments=tuple(self.arguments),
                   relations=tuple(self.relations), footnotes=footnotes, path=self.path)

    def headings(self) -> None:
        taken_cases: set[str] = set()
        for h in self.r.headings:
            data = h.data
            if data.get("case") and data.get("stance") in ("for", "against") and data.get("thesis"):
                case_id = make_id(str(data["case"]), taken_cases)
                cites = tuple(Citation(str(c)) for c in data.get("cites", []) or [])
                self.cases.append(Case(case_id, data["stance"], Ref.parse(str(data["thesis"])),
                                       one_line(h.title) or case_id, cites))
                self.case_of_heading[id(h)] = case_id
            else:
                tag = make_id(h.title, None, "section")
                self.tag_of_heading[id(h)] = tag
                self.report.add("X305", f"heading {h.title!r} becomes the tag {tag!r} on the statements under it",
                                h.line, h.column)
                extra = [k for k in data if k != "isGroup"]
                if extra:
                    self.report.add("X303", f"heading data ({', '.join(map(str, extra))}) has no place in argmap",
                                    h.line, h.column)
            for t in h.tags:
                self.report.add("X303", f"heading tag #{t} has no place in argmap", h.line, h.column)

    def section_info(self, section: tuple) -> tuple[Ref | None, list[str]]:
        case = None
        tags = []
        for h in section:
            if id(h) in self.case_of_heading:
                case = Ref(self.case_of_heading[id(h)])
            elif id(h) in self.tag_of_heading:
                tags.append(self.tag_of_heading[id(h)])
        return case, tags

    def tags(self, raw: list[str], line: int, column: int) -> list[str]:
        out = []
        for t in raw:
            tag = make_id(t, None, "tag")
            if tag != t:
                self.report.add("X305", f"tag #{t} becomes {tag!r} (argmap tags are names)", line, column)
            if tag not in out:
                out.append(tag)
        return out

    def claim_fields(self, data: dict, line: int, column: int) -> dict:
        out: dict = {}
        if data.get("by"):
            out["by"] = Ref.parse(str(data["by"]))
        if data.get("case"):
            out["case"] = Ref.parse(str(data["case"]))
        if data.get("cites"):
            out["citations"] = tuple(Citation(str(c)) for c in _as_list(data["cites"]))
        quotes = []
        for q in _as_list(data.get("quotes") or []):
            if isinstance(q, dict) and q.get("text"):
                quotes.append(Quote(str(q["text"]), tuple(Citation(str(c)) for c in _as_list(q.get("cites") or []))))
            elif isinstance(q, str):
                quotes.append(Quote(q))
        if quotes:
            out["quotes"] = tuple(quotes)
        if data.get("concession"):
            out["concession"] = True
        unknown = [k for k in data if k not in _DATA_KEYS]
        if unknown:
            self.report.add("X303", f"data key(s) {', '.join(map(str, unknown))} have no place in argmap",
                            line, column)
        return out

    def statement(self, cls: StatementClass, thesis_ids) -> None:
        ident = self.ids[cls.title]
        text = cls.texts[0][0] if cls.texts else ""
        for other, line, column in cls.texts[1:]:
            if other != text:
                self.report.add("X303", f"[{cls.title}] has another wording here; argmap keeps one text per "
                                "claim, the first", line, column)
        if not cls.texts:
            self.report.add("X304", f"[{cls.title}] is referred to but never given a text; the claim has none",
                            cls.line, cls.column)
        if cls.data.get("thesis") or cls.title in thesis_ids:
            cites = thesis_ids.get(cls.title) if isinstance(thesis_ids, dict) else None
            self.theses.append(Thesis(ident, one_line(text), tuple(Citation(str(c)) for c in cites or [])))
            return
        case, section_tags = self.section_info(cls.section)
        fields = self.claim_fields(cls.data, cls.line, cls.column)
        fields.setdefault("case", case)
        tags = self.tags(cls.tags, cls.line, cls.column)
        tags += [t for t in section_tags if t not in tags]
        self.claims.append(Claim(ident, one_line(text), tags=tuple(tags), **fields))

    def unreconstructed(self, arg: ArgumentEntry) -> None:
        """An argument without a premise-conclusion structure is a reason: a claim."""
        ident = self.ids["<>" + arg.title]
        text = arg.descriptions[0][0] if arg.descriptions else ""
        for other, line, column in arg.descriptions[1:]:
            if other != text:
                self.report.add("X303", f"<{arg.title}> has another description here; argmap keeps the first",
                                line, column)
        case, section_tags = self.section_info(arg.section)
        fields = self.claim_fields(arg.data, arg.line, arg.column)
        fields.setdefault("case", case)
        tags = self.tags(arg.tags, arg.line, arg.column) + section_tags
        self.claims.append(Claim(ident, one_line(text or arg.title), tags=tuple(dict.fromkeys(tags)), **fields))

    def plan_arguments(self) -> None:
        """Each inference step becomes a linked Argument or, with one premise, a `supports` relation."""
        targeted = {to.title for kind, _, to, *_ in self.r.relations
                    if to.kind == "a" and kind in ("support", "attack")}
        for arg in self.r.arguments.values():
            if arg.steps is None:
                continue
            base = make_id(arg.title, self.taken, "a")
            nodes = []
            for k, (premises, conclusion, line, column) in enumerate(arg.steps):
                last = k == len(arg.steps) - 1
                prem = [self.ref(Member("s", p)) for p in premises]
                concl = self.ref(Member("s", conclusion))
                if len(prem) == 1 and not (last and arg.title in targeted):
                    self.add_relation("supports", prem[0], concl)
                    nodes.append(Link(prem[0], concl))
                    continue
                ident = base if last else make_id(f"{base}_{k + 1}", self.taken)
                fields = {}
                if arg.data.get("case"):
                    fields["case"] = Ref.parse(str(arg.data["case"]))
                else:
                    fields["case"] = self.section_info(arg.section)[0]
                if arg.data.get("by"):
                    fields["by"] = Ref.parse(str(arg.data["by"]))
                self.arguments.append(Argument(ident, tuple(prem), concl, **fields))
                nodes.append(Ref(ident))
            self.arg_nodes[arg.title] = nodes
            if arg.descriptions:
                self.report.add("X303", f"the description of the reconstructed argument <{arg.title}> has no place "
                                "in argmap (its premises and conclusion are kept)", *arg.descriptions[0][1:])
            if arg.tags:
                self.report.add("X303", f"tags of the reconstructed argument <{arg.title}> have no place in argmap",
                                arg.line, arg.column)
            extra = [k for k in arg.data if k not in ("case", "by")]
            if extra:
                self.report.add("X303", f"data key(s) {', '.join(map(str, extra))} of <{arg.title}> have no place "
                                "in argmap", arg.line, arg.column)

    def ref(self, member: Member) -> Ref:
        if member.kind == "s":
            if member.title in self.ids:
                return Ref(self.ids[member.title])
            return Ref.parse(member.title)  # a claim of a map named by `use`
        if member.kind == "a" and "<>" + member.title in self.ids:
            return Ref(self.ids["<>" + member.title])
        arg = self.r.arguments[member.title]
        return Ref(self.ids[arg.steps[-1][1]]) if arg.steps else Ref("?")

    def add_relation(self, kind: str, source: Ref, target) -> None:
        relation = Relation(kind, source, target)
        if kind == "contradicts":
            mirror = Relation(kind, target, source)
            if mirror in self.relations:
                return
        if relation not in self.relations:
            self.relations.append(relation)

    def map_relations(self) -> None:
        strict = isinstance(self.r.front.get("model"), dict) and self.r.front["model"].get("mode") == "strict"
        for kind, source, target, line, column in self.r.relations:
            src = self.ref(source) if source.kind != "i" else self.ref(Member("a", source.title))
            both_statements = source.kind == "s" and target.kind == "s"
            if kind == "contradictory":
                self.add_relation("contradicts", src, self.ref(target))
            elif kind == "support":
                self.add_relation("supports", src, self.target(target, "support", line, column))
            elif kind == "attack":
                if strict and both_statements:
                    self.report.add("X305", "a contrary relation (strict mode) becomes `contradicts`", line, column)
                    self.add_relation("contradicts", src, self.ref(target))
                else:
                    self.add_relation("rebuts", src, self.target(target, "attack", line, column))
            else:
                self.add_relation(*self.undercut(src, target, line, column))

    def target(self, member: Member, kind: str, line: int, column: int):
        if member.kind == "s":
            return self.ref(member)
        if member.kind == "i" or member.title in self.arg_nodes:
            nodes = self.arg_nodes.get(member.title) or []
            node = nodes[member.step if member.step is not None and member.step < len(nodes) else -1] if nodes else None
            if isinstance(node, Ref):
                return node
            if isinstance(node, Link):
                return node.target
        return self.ref(member)

    def undercut(self, src: Ref, member: Member, line: int, column: int):
        if member.kind in ("a", "i") and member.title in self.arg_nodes:
            nodes = self.arg_nodes[member.title]
            step = member.step if member.kind == "i" and member.step is not None and member.step < len(nodes) else -1
            return "undercuts", src, nodes[step]
        target = self.ref(member)
        supported = [r.target for r in self.relations
                     if r.kind == "supports" and r.source == target and isinstance(r.target, Ref)]
        if member.kind == "a":
            later = [(k, s, t) for k, s, t, *_ in self.r.relations if k == "support" and self.ref(s) == target]
            supported = supported or [self.ref(t) for _, _, t in later]
        if len(set(supported)) == 1:
            self.report.add("X305", f"the undercut of <{member.title}> attacks its support for {supported[0]}",
                            line, column)
            return "undercuts", src, Link(target, supported[0])
        self.report.add("X305", f"an undercut of {'<' + member.title + '>' if member.kind == 'a' else 'a statement'} "
                        "with no single inference to attack becomes `rebuts`", line, column)
        return "rebuts", src, target


def _as_list(value) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _date(value) -> str | None:
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    for pattern in ("%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%B %d, %Y", "%d %B %Y", "%B %Y"):
        try:
            parsed = datetime.datetime.strptime(text, pattern)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m" if pattern == "%B %Y" else "%Y-%m-%d")
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    return None
