"""Mapping the picture of an Argdown file onto the argmap model: header, statements, arguments, relations.

Everything argmap has no place for is reported with its line and column
(see docs/interop.md for the table).
"""

from __future__ import annotations

from argmap.interchange._common import Names, Report, make_id, one_line
from argmap.interchange._values import Values, is_ref
from argmap.interchange.argdown_in.front import FrontMatter
from argmap.interchange.argdown_in.linked import fold_linked_attacks
from argmap.interchange.argdown_in.notes import named_steps, sketched_note, steps_note
from argmap.interchange.argdown_in.picture import ArgumentEntry, Member, StatementClass
from argmap.interchange.argdown_in.reader import Reader
from argmap.interchange.argdown_titles import fits, title_comment
from argmap.model import Argument, Case, Claim, Group, Link, Map, Quote, Ref, Relation, Thesis, Wording

_DATA_KEYS = {"by", "cites", "quotes", "concession", "case", "thesis"}
# Data keys that say how Argdown draws its map (https://argdown.org/syntax/), not what the argument says.
_DISPLAY_KEYS = {"isInMap", "isGroup", "color", "fontColor"}

class Mapper:
    """Builds a Map from what a :class:`Reader` read (:meth:`build`), reporting what does not fit."""

    def __init__(self, reader: Reader, report: Report, path: str | None):
        self.r = reader
        self.report = report
        self.path = path
        self.taken: set[str] = Names()
        self.ids: dict[str, str] = {}  # statement title -> claim id
        self.arg_nodes: dict[str, list] = {}  # argument title -> per step: Ref to Argument id or Link
        self.claims: list[Claim] = []
        self.theses: list[Thesis] = []
        self.arguments: list[Argument] = []
        self.relations: list[Relation] = []
        self.cases: list[Case] = []
        self.case_of_heading: dict[int, str] = {}
        self.group_of_heading: dict[int, str] = {}
        self.groups: list[Group] = []
        self.later_supports: dict[Ref, list] | None = None
        self.named_steps: dict[str, set[int]] | None = None
        self.relation_set: set[Relation] = set()  # self.relations as a set: each test is one look-up
        self.supports_from: dict[Ref, list[Ref]] = {}  # source -> targets of its `supports`, for undercuts
        self.front = FrontMatter(reader, report, path)
        self.argument_ids: dict[str, str] = {}  # title of a reconstructed argument -> its id

    def data_values(self, what: str, line: int, column: int) -> Values:
        """Reads the data of one element, whose diagnostics point at the element."""
        return Values(self.report, lambda path: (line, column), f"the data of {what}")

    # -- building ------------------------------------------------------------------

    def build(self) -> Map:
        front = self.front
        document, own = front.document()
        uses = front.uses(own)
        use_ids = {u.id for u in uses}
        thesis_ids = front.thesis_ids(own)
        persons = front.persons(own)
        footnotes = front.footnotes(own)
        self.headings()
        self.make_groups()
        # ids first, so that relations can point forwards
        for cls in self.r.classes.values():
            head, dot, tail = cls.title.partition(".")
            if dot and head in use_ids and is_ref(cls.title):
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
        fold_linked_attacks(self.r.arguments.values(), self.argument_ids, self.claims, self.arguments, self.relations,
                            self.report)
        return Map(document=document, uses=uses, theses=tuple(self.theses), cases=tuple(self.cases),
                   persons=persons, groups=tuple(self.groups), claims=tuple(self.claims), arguments=tuple(self.arguments),
                   relations=tuple(self.relations), footnotes=footnotes, path=self.path,
                   comments=front.view_comments(lambda t: make_id(t, None, "tag")) + self.title_comments())

    def title_comments(self) -> tuple:
        """A comment for each title the ids do not say, and for each argument that became a claim."""
        kept, unfit = [], []
        for cls in self.r.classes.values():
            ident = self.ids.get(cls.title)
            if ident is not None and not cls.anonymous and ident != cls.title:
                (kept if fits(cls.title) else unfit).append((ident, cls.title, False, cls.line, cls.column))
        made = {a.id for a in self.arguments}
        sketched = [a for a in self.r.arguments.values() if a.steps is None and "<>" + a.title in self.ids]
        for arg in self.r.arguments.values():
            ident = self.ids.get("<>" + arg.title) if arg.steps is None else self.argument_ids.get(arg.title)
            steps = self.arg_nodes.get(arg.title, []) if arg.steps is not None else []
            if len(steps) > 1 and all(isinstance(n, Ref) for n in steps) and fits(arg.title):
                # the steps of one structure: the same title on each joins them again in Argdown
                kept += [(str(n), arg.title, True, arg.line, arg.column) for n in steps]
                continue
            if ident is not None and (arg.steps is None or (ident in made and ident != arg.title)):
                (kept if fits(arg.title) else unfit).append((ident, arg.title, True, arg.line, arg.column))
        if sketched:
            self.report.add("X305", sketched_note([a.title for a in sketched]), sketched[0].line, sketched[0].column)
        for ident, title, argument, line, column in unfit:
            shown = f"<{title}>" if argument else f"[{title}]"
            self.report.add("X305", f"the title {shown} becomes the id {ident}; it cannot be kept for the way back "
                            "to Argdown (a title kept in a comment is one line without brackets)", line, column)
        return tuple(title_comment(i, t, a) for i, t, a, *_ in kept)

    def headings(self) -> None:
        taken_cases: set[str] = Names()
        for h in self.r.headings:
            data = h.data
            v = self.data_values(f"the heading {h.title!r}", h.line, h.column)
            thesis = v.ref(data.get("thesis"), ("thesis",), "the id of a thesis") if data.get("case") else None
            name = v.text(data.get("case"), ("case",), None)
            if name and data.get("stance") in ("for", "against") and thesis is not None:
                case_id = make_id(name, taken_cases)
                self.cases.append(Case(case_id, data["stance"], thesis, one_line(h.title) or case_id,
                                       v.citations(data.get("cites"), ("cites",))))
                self.case_of_heading[id(h)] = case_id
            else:  # a section: a group (its id from `{group: id}`, as argmap writes it, or from the title)
                self.group_of_heading[id(h)] = v.text(data.get("group"), ("group",), None) or h.title
                extra = [k for k in data if k not in ("isGroup", "group")]
                if extra:
                    self.report.add("X303", f"heading data ({', '.join(map(str, extra))}) has no place in argmap",
                                    h.line, h.column)
            for t in h.tags:
                self.report.add("X303", f"heading tag #{t} has no place in argmap", h.line, h.column)

    def make_groups(self) -> None:
        """One group a section heading, inside the group of the nearest section heading above it."""
        taken: set[str] = Names()
        parent_at: list[tuple[int, str]] = []  # (level, group id) of the headings open above
        for h in self.r.headings:
            while parent_at and parent_at[-1][0] >= h.level:
                parent_at.pop()
            if id(h) not in self.group_of_heading:
                continue
            ident = make_id(self.group_of_heading[id(h)], taken, "section")
            self.group_of_heading[id(h)] = ident
            parent = Ref(parent_at[-1][1]) if parent_at else None
            self.groups.append(Group(ident, one_line(h.title) or ident, parent))
            parent_at.append((h.level, ident))

    def section_info(self, section: tuple) -> tuple[Ref | None, str | None]:
        """The case and the (innermost) group of the headings a statement stands under."""
        case = group = None
        for h in section:
            if id(h) in self.case_of_heading:
                case = Ref(self.case_of_heading[id(h)])
            elif id(h) in self.group_of_heading:
                group = self.group_of_heading[id(h)]
        return case, group

    def tags(self, raw: list[str], line: int, column: int) -> list[str]:
        out = []
        for t in raw:
            tag = make_id(t, None, "tag")
            if tag != t:
                self.report.add("X305", f"tag #{t} becomes {tag!r} (argmap tags are names)", line, column)
            if tag not in out:
                out.append(tag)
        return out

    def claim_fields(self, data: dict, line: int, column: int, what: str = "a statement") -> dict:
        v = self.data_values(what, line, column)
        out: dict = {}
        by = v.ref(data.get("by"), ("by",), "the id of a person")
        if by is not None:
            out["by"] = by
        case = v.ref(data.get("case"), ("case",), "the id of a case")
        if case is not None:
            out["case"] = case
        cites = v.citations(data.get("cites"), ("cites",))
        if cites:
            out["citations"] = cites
        quotes = []
        for i, q in enumerate(v.items(data.get("quotes"), ("quotes",))):
            if isinstance(q, str):
                q = {"text": q}
            if not isinstance(q, dict):
                v.bad(("quotes", i), "an object with `text` and `cites`", q)
                continue
            text = v.text(q.get("text"), ("quotes", i, "text"), None)
            if text and text.strip():
                quotes.append(Quote(" ".join(text.split()), v.citations(q.get("cites"), ("quotes", i, "cites"))))
        if quotes:
            out["quotes"] = tuple(quotes)
        if v.flag(data.get("concession"), ("concession",)):
            out["concession"] = True
        shown = [k for k in data if k in _DISPLAY_KEYS]
        if shown:
            self.report.add("X305", f"data key(s) {', '.join(shown)} configure Argdown's map; argmap does not use "
                            "them", line, column)
        unknown = [k for k in data if k not in _DATA_KEYS and k not in _DISPLAY_KEYS]
        if unknown:
            self.report.add("X303", f"data key(s) {', '.join(map(str, unknown))} have no place in argmap",
                            line, column)
        return out

    def statement(self, cls: StatementClass, thesis_ids) -> None:
        ident = self.ids[cls.title]
        text = cls.texts[0][0] if cls.texts else ""
        # the other members of the equivalence class: the claim's other wordings
        wordings = tuple(Wording(w) for w in dict.fromkeys(one_line(t) for t, _, _ in cls.texts[1:])
                         if w and w != one_line(text))
        if not cls.texts:
            # nothing is lost: Argdown has no text for it either
            self.report.add("X305", f"[{cls.title}] is referred to but never given a text; the claim has none "
                            "either", cls.line, cls.column)
        flag = self.data_values(f"[{cls.title}]", cls.line, cls.column).flag(cls.data.get("thesis"), ("thesis",))
        if flag or cls.title in thesis_ids:
            self.theses.append(Thesis(ident, one_line(text) or f"({cls.title})", thesis_ids.get(cls.title, ())))
            return
        case, group = self.section_info(cls.section)
        fields = self.claim_fields(cls.data, cls.line, cls.column, f"[{cls.title}]")
        fields.setdefault("case", case)
        tags = self.tags(cls.tags, cls.line, cls.column)
        # argmap has no citation without words before it: a claim that has none gets a placeholder
        text = one_line(text) or ("(no text)" if fields.get("citations") else "")
        self.claims.append(Claim(ident, text, tags=tuple(tags), group=group, wordings=wordings, **fields))

    def unreconstructed(self, arg: ArgumentEntry) -> None:
        """An argument without a premise-conclusion structure is a reason: a claim."""
        ident = self.ids["<>" + arg.title]
        text = arg.descriptions[0][0] if arg.descriptions else ""
        for other, line, column in arg.descriptions[1:]:
            if other != text:
                self.report.add("X303", f"<{arg.title}> has another description here; argmap keeps the first",
                                line, column)
        case, group = self.section_info(arg.section)
        fields = self.claim_fields(arg.data, arg.line, arg.column, f"<{arg.title}>")
        fields.setdefault("case", case)
        tags = self.tags(arg.tags, arg.line, arg.column)
        text = one_line(text or arg.title) or ("(no text)" if fields.get("citations") else "")
        self.claims.append(Claim(ident, text, tags=tuple(dict.fromkeys(tags)), group=group, **fields))

    def plan_arguments(self) -> None:
        """Each inference step becomes an Argument; an earlier step from one premise, a `supports` relation.

        The last step is the argument itself (its title, the relations that
        name it), so it stays an argument even from one premise; but a
        structure ``<a supports b>: (1) [a] ---- (2) [b]`` is how argmap
        writes a support that an undercut attacks or that names its scheme,
        and reads back as that support.
        """
        for arg in self.r.arguments.values():
            if arg.steps is None:
                continue
            base = self.argument_ids[arg.title] = make_id(arg.title, self.taken, "a")
            nodes = []
            for k, (premises, conclusion, line, column) in enumerate(arg.steps):
                last = k == len(arg.steps) - 1
                prem = [self.ref(Member("s", p)) for p in premises]
                concl = self.ref(Member("s", conclusion))
                scheme = arg.schemes.get(k)
                if len(prem) == 1 and (not last or arg.title == f"{premises[0]} supports {conclusion}"):
                    self.add_relation("supports", prem[0], concl, scheme=scheme)
                    nodes.append(Link(prem[0], concl))
                    continue
                ident = base if last else make_id(f"{base}_{k + 1}", self.taken)
                v = self.data_values(f"<{arg.title}>", arg.line, arg.column)
                fields = {"case": v.ref(arg.data.get("case"), ("case",), "the id of a case")
                          or self.section_info(arg.section)[0],
                          "by": v.ref(arg.data.get("by"), ("by",), "the id of a person")}
                self.arguments.append(Argument(ident, tuple(prem), concl, scheme=scheme, **fields))
                nodes.append(Ref(ident))
            self.arg_nodes[arg.title] = nodes
            self.note_steps(arg, nodes)
            if arg.descriptions:
                self.report.add("X303", f"the description of the reconstructed argument <{arg.title}> has no place "
                                "in argmap (its premises and conclusion are kept)", *arg.descriptions[0][1:])
            if arg.tags:
                self.report.add("X303", f"tags of the reconstructed argument <{arg.title}> have no place in argmap",
                                arg.line, arg.column)
            extra = [k for k in arg.data if k not in ("case", "by", "linked")]
            if extra:
                self.report.add("X303", f"data key(s) {', '.join(map(str, extra))} of <{arg.title}> have no place "
                                "in argmap", arg.line, arg.column)

    def note_steps(self, arg: ArgumentEntry, nodes: list) -> None:
        """Says how an argument that is not one argmap argument was carried over (Argdown counts it as one)."""
        if self.named_steps is None:  # built once, for all the arguments
            self.named_steps = named_steps(self.r.relations)
        note = steps_note(arg.title, nodes, self.named_steps.get(arg.title, set()))
        if note is not None:
            self.report.add("X305", note, arg.line, arg.column)

    def ref(self, member: Member) -> Ref:
        if member.kind == "s":
            if member.title in self.ids:
                return Ref(self.ids[member.title])
            return Ref.parse(member.title)  # a claim of a map named by `use`
        if member.kind in ("a", "i") and "<>" + member.title in self.ids:
            return Ref(self.ids["<>" + member.title])  # an argument without a structure is a claim
        arg = self.r.arguments[member.title]
        if arg.steps:
            return Ref(self.ids[arg.steps[-1][1]])
        return Ref(self.ids.setdefault("<>" + member.title, make_id(member.title, self.taken, "a")))

    def add_relation(self, kind: str, source: Ref, target, at: tuple | None = None, *,
                     scheme: str | None = None) -> None:
        if target == source:
            self.to_itself(kind, at)
            return
        relation = Relation(kind, source, target, scheme=scheme)
        if kind == "contradicts" and Relation(kind, target, source) in self.relation_set:
            return
        if relation not in self.relation_set:
            self.relation_set.add(relation)
            self.relations.append(relation)
            if kind == "supports" and isinstance(target, Ref):
                self.supports_from.setdefault(source, []).append(target)

    def map_relations(self) -> None:
        strict = isinstance(self.r.front.get("model"), dict) and self.r.front["model"].get("mode") == "strict"
        for kind, source, target, line, column in self.r.relations:
            src = self.ref(source) if source.kind != "i" else self.ref(Member("a", source.title))
            both_statements = source.kind == "s" and target.kind == "s"
            at = (source, target, line, column)
            if kind == "contradictory":
                self.add_relation("contradicts", src, self.ref(target), at)
            elif kind == "support":
                if strict and both_statements:
                    self.report.add("X305", "an entailment (a support between statements in strict mode) becomes "
                                    "`supports`", line, column)
                self.add_relation("supports", src, self.target(target, "support", line, column), at)
            elif kind == "attack":
                if strict and both_statements:
                    self.report.add("X305", "a contrary relation (strict mode) becomes `contradicts`", line, column)
                    self.add_relation("contradicts", src, self.ref(target), at)
                else:
                    self.add_relation("rebuts", src, self.target(target, "attack", line, column), at)
            else:
                self.add_relation(*self.undercut(src, target, line, column), at)

    def to_itself(self, kind: str, at: tuple | None) -> None:
        """A relation whose two ends are one claim: the argument's own conclusion link, or a slip."""
        if at is None:
            return
        source, target, line, column = at
        if kind == "supports" and {source.kind, target.kind} == {"a", "s"}:
            arg, statement = (source, target) if source.kind == "a" else (target, source)
            self.report.add("X305", f"{self.shown(arg)} supports {self.shown(statement)}, its own conclusion: "
                            "the argument says so already, so no relation is added", line, column)
            return
        self.report.add("X303", f"this `{kind}` relation between {self.shown(source)} and {self.shown(target)} "
                        "would relate a claim to itself; it is not carried over", line, column)

    def shown(self, member: Member) -> str:
        """A member as the diagnostics name it: `[title]`, `<title>`, or an untitled statement's id."""
        if member.kind != "s":
            return f"<{member.title}>"
        if member.title.startswith("\0"):
            return f"the untitled statement {self.ids.get(member.title, '')}".rstrip()
        return f"[{member.title}]"

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
        supported = list(self.supports_from.get(target, ()))
        if member.kind == "a" and not supported:
            if self.later_supports is None:  # the support relations of the file, by source: built once
                self.later_supports = {}
                for k, s, t, *_ in self.r.relations:
                    if k == "support":
                        self.later_supports.setdefault(self.ref(s), []).append(t)
            supported = [self.ref(t) for t in self.later_supports.get(target, ())]
        if len(set(supported)) == 1:
            self.report.add("X305", f"the undercut of <{member.title}> attacks its support for {supported[0]}",
                            line, column)
            return "undercuts", src, Link(target, supported[0])
        self.report.add("X305", f"an undercut of {'<' + member.title + '>' if member.kind == 'a' else 'a statement'} "
                        "with no single inference to attack becomes `rebuts`", line, column)
        return "rebuts", src, target

