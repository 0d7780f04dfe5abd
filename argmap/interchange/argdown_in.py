"""Argdown → argmap.

Reads the Argdown syntax (https://argdown.org/syntax/) into an intermediate
picture (equivalence classes, arguments with their premise-conclusion
structures, relations between members, sections), then maps it onto the
argmap model.  Everything argmap has no place for is reported with its
line and column (see docs/interop.md for the table).
"""

from __future__ import annotations

import datetime
import json
import re

import attrs

from argmap.interchange._common import Report, make_id, one_line
from argmap.model import (Argument, Case, Citation, Claim, Document, Field, Footnote, Link, Map,
                          Person, Quote, Ref, Relation, Thesis, Use)

_HEADING = re.compile(r"(#+) (.*)")
_PCS_LINE = re.compile(r"([ \t]*)\((\d+)\)[ \t]*")
_LIST_ITEM = re.compile(r"([ \t]*)(?:\d+\.|\*)(?=\s)[ \t]*")
_RELATION = re.compile(r"([ \t]*)(\+>|->|><|_>|<\+|<-|<_|\+|-|_(?=\s))[ \t]*")
_HYPHENS = re.compile(r"[ \t]*(-{2,})[ \t]*$")
_DATA = re.compile(r"\{((?!\}\s[^,}])(?:.|\n))*\}(?!\s*(?:,|\}))")
# As Argdown writes it, A-z range (which takes in "_" and "[\\]^`") included.
_TAG = re.compile(r"#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
_LINK = re.compile(r"\[[^\]]+?\]\([^)]+?\)")
_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|//[^\n]*", re.S)
_ESCAPED = re.compile(r"\\(.)")

# Front-matter keys that configure Argdown's own tools rather than say something.
_SETTINGS = {"model", "map", "dot", "group", "selection", "color", "svg", "html", "json", "pdf",
             "webComponent", "logLevel", "plugins", "processes", "process", "inputPath",
             "outputDir", "vizJs", "graphml", "sourceHighlighter", "ignoreFrontmatterSettings",
             "mode", "hide", "explanation"}
_DATA_KEYS = {"by", "cites", "quotes", "concession", "case", "thesis"}


@attrs.define
class _Member:
    kind: str  # "s" statement, "a" argument, "i" inference of an argument
    title: str
    step: int | None = None


@attrs.define
class _Class:
    title: str
    line: int
    column: int
    texts: list = attrs.field(factory=list)  # (text, line, column)
    tags: list = attrs.field(factory=list)
    data: dict = attrs.field(factory=dict)
    section: tuple = ()
    anonymous: bool = False


@attrs.define
class _Arg:
    title: str
    line: int
    column: int
    descriptions: list = attrs.field(factory=list)
    tags: list = attrs.field(factory=list)
    data: dict = attrs.field(factory=dict)
    steps: list | None = None  # [(premises, conclusion, line, column)]
    section: tuple = ()


@attrs.define
class _Heading:
    title: str
    level: int
    line: int
    column: int
    tags: list
    data: dict


class _Reader:
    def __init__(self, text: str, report: Report):
        self.text = text
        self.report = report
        self.classes: dict[str, _Class] = {}
        self.arguments: dict[str, _Arg] = {}
        self.relations: list = []  # (kind, from _Member, to _Member, line, column)
        self.headings: list[_Heading] = []
        self.section: list[_Heading] = []
        self.front: dict = {}
        self.front_lines: dict[str, int] = {}
        self.anon = 0

    # -- text pieces ---------------------------------------------------------

    def data(self, raw: str, line: int, column: int) -> dict:
        body = raw[1:-1]
        if body.startswith("\n") or body.startswith("\r\n"):
            source = body  # block format: the braces are not part of the YAML
        else:
            source = raw
        value = _load_yaml(source, self.report, line, column, "data")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.report.add("X302", "a data element must hold `key: value` pairs", line, column)
            return {}
        return value

    def inline(self, raw: str, line: int, column: int) -> tuple[str, list[str], dict]:
        """(text, tags, data) of an element's text after its title."""
        data: dict = {}
        masked = _ESCAPED.sub("\0\0", raw)  # escaped braces do not open data
        m = None
        for m in _DATA.finditer(masked):
            pass
        if m is not None and not raw[m.end():].strip():
            dl, dc = _advance(raw, m.start(), line, column)
            data = self.data(m.group(0), dl, dc)
            raw = raw[:m.start()]
        tags = []
        for t in _TAG.finditer(raw):
            if t.start() > 0 and raw[t.start() - 1] == "\\":
                continue
            tags.append(t.group(1) or t.group(2))
        raw = _TAG.sub(lambda t: t.group(0) if t.start() > 0 and raw[t.start() - 1] == "\\" else "", raw)
        text = _ESCAPED.sub(r"\1", raw)
        return " ".join(text.split()), tags, data

    # -- elements --------------------------------------------------------------

    def element(self, raw: str, line: int, column: int, role: str = "") -> _Member:
        """A statement or argument, defined or referred to, at the start of *raw*."""
        section = tuple(self.section)
        if not _LINK.match(raw):
            m = re.match(r"\[(.+?)\]:", raw) or re.match(r"\[([^-].*?)\]", raw)
            if m:
                title = m.group(1).strip()
                text, tags, data = self.inline(raw[m.end():], line, column + m.end())
                cls = self.classes.get(title)
                if cls is None:
                    cls = self.classes[title] = _Class(title, line, column, section=section)
                if text and m.group(0).endswith(":"):
                    if not cls.texts:
                        cls.section = section
                    cls.texts.append((text, line, column))
                cls.tags += tags
                self.merge(cls.data, data, line, column)
                return _Member("s", title)
            m = re.match(r"<(.+?)>:", raw) or re.match(r"<([^-].*?)>", raw)
            if m:
                title = m.group(1).strip()
                text, tags, data = self.inline(raw[m.end():], line, column + m.end())
                arg = self.arguments.get(title)
                if arg is None:
                    arg = self.arguments[title] = _Arg(title, line, column, section=section)
                if text:
                    if not arg.descriptions:
                        arg.section = section
                    arg.descriptions.append((text, line, column))
                arg.tags += tags
                self.merge(arg.data, data, line, column)
                return _Member("a", title)
        text, tags, data = self.inline(raw, line, column)
        self.anon += 1
        title = f"\0{self.anon}"
        self.classes[title] = _Class(title, line, column, [(text, line, column)] if text else [], tags,
                                     data, section, anonymous=True)
        return _Member("s", title)

    def merge(self, into: dict, data: dict, line: int, column: int) -> None:
        for key, value in data.items():
            if key in into and into[key] != value:
                self.report.add("X303", f"data key {key!r} given twice with different values; the first is kept",
                                line, column)
            into.setdefault(key, value)

    # -- blocks ----------------------------------------------------------------

    def read(self) -> None:
        text = self.front_matter(self.text)
        text = _blank_comments(text)
        lines = text.split("\n")
        blocks: list[list[tuple[int, str]]] = []
        current: list[tuple[int, str]] = []
        for number, line in enumerate(lines, 1):
            if line.strip():
                current.append((number, line))
            elif current:
                blocks.append(current)
                current = []
        if current:
            blocks.append(current)
        pending: _Member | None = None
        for block in blocks:
            first = block[0][1]
            if _HEADING.match(first):
                self.heading(block)
                pending = None
            elif _PCS_LINE.match(first):
                self.pcs(block, pending)
                pending = None
            elif _LIST_ITEM.match(first):
                self.tree(block, list_items=True)
                pending = None
            else:
                root, only_root = self.tree(block)
                pending = root if root is not None and root.kind == "a" and only_root else None

    def front_matter(self, text: str) -> str:
        m = re.match(r"\s*(===+)[ \t]*\n(.*?)\n[ \t]*===+[ \t]*(?:\n|$)", text, re.S)
        if not m:
            return text
        start_line = text.count("\n", 0, m.start(2)) + 1
        value = _load_yaml(m.group(2), self.report, start_line, 1, "front matter")
        if isinstance(value, dict):
            self.front = value
            for offset, line in enumerate(m.group(2).split("\n")):
                key = re.match(r"([^\s:#][^:]*?)\s*:", line)
                if key:
                    self.front_lines.setdefault(key.group(1).strip("'\""), start_line + offset)
        elif value is not None:
            self.report.add("X302", "the front matter must hold `key: value` pairs", start_line, 1)
        blank = re.sub(r"[^\n]", " ", text[:m.end()])
        return blank + text[m.end():]

    def heading(self, block) -> None:
        number, line = block[0]
        m = _HEADING.match(line)
        level = len(m.group(1))
        raw = " ".join([m.group(2)] + [l for _, l in block[1:]])
        text, tags, data = self.inline(raw, number, m.start(2) + 1)
        heading = _Heading(text, level, number, 1, tags, data)
        self.headings.append(heading)
        while self.section and self.section[-1].level >= level:
            self.section.pop()
        self.section.append(heading)

    def tree(self, block, list_items: bool = False):
        """A statement or argument with relations below it; (root member, no relations?)."""
        stack: list[tuple[int, _Member]] = []
        root = None
        pieces: list = []  # [indent, kind symbol or None, raw, line, column, parent]
        for number, line in block:
            rel = _RELATION.match(line)
            item = _LIST_ITEM.match(line) if list_items else None
            if rel and not _HYPHENS.match(line):
                pieces.append([len(rel.group(1)), rel.group(2), line[rel.end():], number, rel.end() + 1])
            elif item:
                pieces.append([len(item.group(1)), "item", line[item.end():], number, item.end() + 1])
            elif not pieces:
                indent = len(line) - len(line.lstrip())
                pieces.append([indent, None, line.strip(), number, indent + 1])
            else:
                pieces[-1][2] += "\n" + line.strip()
        only_root = len(pieces) == 1
        for indent, symbol, raw, number, column in pieces:
            if not raw.strip():
                self.report.add("X302", "a relation symbol with no statement or argument after it", number, column)
                continue
            member = self.element(raw, number, column)
            if symbol is None or symbol == "item":
                stack = [(indent, member)]
                root = root or member
                continue
            while stack and stack[-1][0] >= indent:
                stack.pop()
            if not stack:
                self.report.add("X302", "a relation with nothing above it to relate to", number, column,
                                "indent the relation under the statement or argument it belongs to")
                stack = [(indent, member)]
                continue
            self.relate(symbol, stack[-1][1], member, number, column)
            stack.append((indent, member))
        return root, only_root

    def relate(self, symbol: str, parent: _Member, child: _Member, line: int, column: int) -> None:
        base = "><" if symbol == "><" else symbol.strip("<>")
        kind = {"+": "support", "-": "attack", "_": "undercut", "><": "contradictory"}[base]
        if symbol == "><" or symbol.endswith(">"):  # the parent is the source
            self.relations.append((kind, parent, child, line, column))
        else:
            self.relations.append((kind, child, parent, line, column))

    def pcs(self, block, pending: _Member | None) -> None:
        number, first = block[0]
        if pending is None:
            title = f"argument {number}"
            self.arguments[title] = _Arg(title, number, 1, section=tuple(self.section))
            pending = _Member("a", title)
        arg = self.arguments[pending.title]
        if arg.steps is not None:
            self.report.add("X303", f"argument <{arg.title}> already has a premise-conclusion structure; "
                            "this second one is not carried over", number, 1)
            return
        stack: list[tuple[int, _Member]] = []
        premises: list[str] = []
        steps: list = []
        after_inference = None
        i = 0
        while i < len(block):
            number, line = block[i]
            statement = _PCS_LINE.match(line)
            hyphens = _HYPHENS.match(line)
            rel = _RELATION.match(line)
            if statement:
                raw = line[statement.end():]
                j = i + 1
                while j < len(block) and not (_PCS_LINE.match(block[j][1]) or _HYPHENS.match(block[j][1])
                                              or _RELATION.match(block[j][1])):
                    raw += "\n" + block[j][1].strip()
                    j += 1
                member = self.element(raw, number, statement.end() + 1)
                if after_inference is not None:
                    steps.append((list(premises), member.title, after_inference[0], after_inference[1]))
                    premises = [member.title]
                    after_inference = None
                else:
                    premises.append(member.title)
                stack = [(-1, member)]
                i = j
                continue
            if hyphens:
                column = hyphens.start(1) + 1
                if len(hyphens.group(1)) < 4:  # expanded inference: rules and data up to the closing line
                    j = i + 1
                    inner = []
                    while j < len(block) and not _HYPHENS.match(block[j][1]):
                        inner.append(block[j])
                        j += 1
                    if inner:
                        self.inference_details(inner, arg)
                    i = j
                after_inference = (number, column)
                stack = [(-1, _Member("i", arg.title, len(steps)))]
                i += 1
                continue
            if rel and stack:
                indent = len(rel.group(1))
                raw = line[rel.end():]
                member = self.element(raw, number, rel.end() + 1)
                while len(stack) > 1 and stack[-1][0] >= indent:
                    stack.pop()
                self.relate(rel.group(2), stack[-1][1], member, number, rel.end() + 1)
                stack.append((indent, member))
            else:
                self.report.add("X302", "this line is not part of the premise-conclusion structure", number, 1,
                                "a structure is numbered statements `(1) ...` and inference lines `----`")
            i += 1
        if after_inference is not None or not steps:
            self.report.add("X302", f"the premise-conclusion structure of <{arg.title}> does not end in a conclusion "
                            "after an inference line `----`; it is not carried over", block[0][0], 1)
            return
        arg.steps = steps

    def inference_details(self, inner, arg: _Arg) -> None:
        raw = "\n".join(line for _, line in inner)
        number = inner[0][0]
        m = _DATA.search(raw)
        rules = raw[:m.start()] if m else raw
        if m:
            data = self.data(m.group(0), number, 1)
            if data:
                self.report.add("X303", f"inference data ({', '.join(map(str, data))}) has no place in argmap",
                                number, 1)
        names = [r.strip() for r in rules.replace("\n", ",").split(",") if r.strip()]
        if names:
            self.report.add("X303", f"inference rule(s) {', '.join(names)} of <{arg.title}> have no place in argmap",
                            number, 1)


def _advance(raw: str, offset: int, line: int, column: int) -> tuple[int, int]:
    before = raw[:offset]
    if "\n" in before:
        return line + before.count("\n"), len(before) - before.rfind("\n")
    return line, column + offset


def _blank_comments(text: str) -> str:
    """Comments replaced by spaces (newlines kept), except inside links, data and escapes."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            out.append(text[i:i + 2])
            i += 2
            continue
        if c == "[":
            m = _LINK.match(text, i)
            if m:
                out.append(m.group(0))
                i = m.end()
                continue
        if c == "{":
            m = _DATA.match(text, i)
            if m:
                out.append(m.group(0))
                i = m.end()
                continue
        if c in "/<":
            m = _COMMENT.match(text, i)
            if m:
                out.append(re.sub(r"[^\n]", " ", m.group(0)))
                i = m.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _load_yaml(source: str, report: Report, line: int, column: int, what: str):
    """YAML (or JSON) *source*; None with an X302 when it does not parse."""
    try:
        return json.loads(source)
    except ValueError:
        pass
    try:
        import yaml
    except ImportError:  # pragma: no cover - pyyaml is a dependency of the converters
        report.add("X303", f"the {what} is YAML and cannot be read without the pyyaml package", line, column,
                   "pip install pyyaml")
        return None
    try:
        return yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where_line = line + (mark.line if mark else 0)
        where_column = (mark.column + 1) if mark else column
        if mark and mark.line == 0:
            where_column += column - 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        report.add("X302", f"the {what} is not valid YAML: {problem}; it is not carried over",
                   where_line, where_column, "YAML needs a space after each colon: `key: value`")
        return None


# ------------------------------------------------------------- mapping ----


def read_argdown(text: str, path: str | None = None) -> tuple[Map, list]:
    """Read Argdown text into a Map; (map, diagnostics)."""
    report = Report(path)
    reader = _Reader(text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff"), report)
    reader.read()
    if not reader.classes and not reader.arguments:
        report.fail("no statement or argument found: this does not look like Argdown",
                    hint="an Argdown file has statements such as `[title]: text` and arguments `<title>: text`")
    return _Mapper(reader, report, path).build(), report.items


class _Mapper:
    def __init__(self, reader: _Reader, report: Report, path: str | None):
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

    def statement(self, cls: _Class, thesis_ids) -> None:
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

    def unreconstructed(self, arg: _Arg) -> None:
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
                prem = [self.ref(_Member("s", p)) for p in premises]
                concl = self.ref(_Member("s", conclusion))
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

    def ref(self, member: _Member) -> Ref:
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
            src = self.ref(source) if source.kind != "i" else self.ref(_Member("a", source.title))
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

    def target(self, member: _Member, kind: str, line: int, column: int):
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

    def undercut(self, src: Ref, member: _Member, line: int, column: int):
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
