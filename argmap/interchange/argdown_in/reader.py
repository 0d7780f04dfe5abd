"""Reading Argdown text into the intermediate picture: front matter, blocks, elements, relations.

Blocks are separated by blank lines; each is a heading, a premise-conclusion
structure (numbered statements and inference lines), a list, or a tree of a
statement or argument with relations indented below it.
"""

from __future__ import annotations

import re

from argmap.interchange._common import Report
from argmap.interchange.schemes_map import scheme_of
from argmap.interchange.argdown_in.picture import ArgumentEntry, Heading, Member, StatementClass
from argmap.interchange.argdown_in.syntax import (
    ESCAPED,
    HEADING,
    INCLUDE,
    HYPHENS,
    LINK,
    LIST_ITEM,
    PCS_LINE,
    RELATION,
    DataFinder,
    advance,
    blank_comments,
    comment_lines,
    data_lines,
    find_tags,
    load_yaml,
)


class Reader:
    """Reads one Argdown text into statements, arguments, relations and headings (:meth:`read`)."""

    def __init__(self, text: str, report: Report):
        self.text = text
        self.report = report
        self.classes: dict[str, StatementClass] = {}
        self.arguments: dict[str, ArgumentEntry] = {}
        self.relations: list = []  # (kind, from Member, to Member, line, column)
        self.headings: list[Heading] = []
        self.section: list[Heading] = []
        self.front: dict = {}
        self.front_lines: dict[str, int] = {}
        self.front_text = ""  # the front matter's YAML, which begins on line front_start
        self.front_start = 1
        self.anon = 0

    # -- text pieces ---------------------------------------------------------

    def data(self, raw: str, line: int, column: int) -> dict:
        body = raw[1:-1]
        if body.startswith("\n") or body.startswith("\r\n"):
            source = body  # block format: the braces are not part of the YAML
        else:
            source = raw
        value = load_yaml(source, self.report, line, column, "data")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.report.add("X302", "a data element must hold `key: value` pairs", line, column)
            return {}
        return value

    def inline(self, raw: str, line: int, column: int) -> tuple[str, list[str], dict]:
        """(text, tags, data) of an element's text after its title."""
        data: dict = {}
        masked = ESCAPED.sub("\0\0", raw)  # escaped braces do not open data
        found = None
        for found in DataFinder(masked).finditer():
            pass
        if found is not None and not raw[found[1]:].strip():
            start, end = found
            dl, dc = advance(raw, start, line, column)
            # the element as written: the mask only finds where it is (it turns `\u003D` into NULs)
            data = self.data(raw[start:end], dl, dc)
            raw = raw[:start]
        tags = []
        kept, last = [], 0
        for start, end, tag in find_tags(raw):
            if start > 0 and raw[start - 1] == "\\":
                continue
            tags.append(tag)
            kept.append(raw[last:start])
            last = end
        raw = "".join(kept) + raw[last:]
        text = ESCAPED.sub(r"\1", raw)
        return " ".join(text.split()), tags, data

    # -- elements --------------------------------------------------------------

    def element(self, raw: str, line: int, column: int, role: str = "") -> Member:
        """A statement or argument, defined or referred to, at the start of *raw*."""
        section = tuple(self.section)
        if not LINK.match(raw):
            m = re.match(r"\[(.+?)\]:", raw) or re.match(r"\[([^-].*?)\]", raw)
            if m:
                title = m.group(1).strip()
                text, tags, data = self.inline(raw[m.end():], line, column + m.end())
                cls = self.classes.get(title)
                if cls is None:
                    cls = self.classes[title] = StatementClass(title, line, column, section=section)
                if text and m.group(0).endswith(":"):
                    if not cls.texts:
                        cls.section = section
                    cls.texts.append((text, line, column))
                cls.tags += tags
                self.merge(cls.data, data, line, column)
                return Member("s", title)
            m = re.match(r"<(.+?)>:", raw) or re.match(r"<([^-].*?)>", raw)
            if m:
                title = m.group(1).strip()
                text, tags, data = self.inline(raw[m.end():], line, column + m.end())
                arg = self.arguments.get(title)
                if arg is None:
                    arg = self.arguments[title] = ArgumentEntry(title, line, column, section=section)
                if text:
                    if not arg.descriptions:
                        arg.section = section
                    arg.descriptions.append((text, line, column))
                arg.tags += tags
                self.merge(arg.data, data, line, column)
                return Member("a", title)
        text, tags, data = self.inline(raw, line, column)
        self.anon += 1
        title = f"\0{self.anon}"
        self.classes[title] = StatementClass(title, line, column, [(text, line, column)] if text else [], tags,
                                     data, section, anonymous=True)
        return Member("s", title)

    def merge(self, into: dict, data: dict, line: int, column: int) -> None:
        for key, value in data.items():
            if key in into and into[key] != value:
                self.report.add("X303", f"data key {key!r} given twice with different values; the first is kept",
                                line, column)
            into.setdefault(key, value)

    # -- blocks ----------------------------------------------------------------

    def read(self) -> None:
        text = self.front_matter(self.text)
        spans: list[tuple[int, int]] = []
        text = blank_comments(text, spans)
        in_comments = comment_lines(text, spans)
        in_data = data_lines(text)
        lines = text.split("\n")
        blocks: list[list[tuple[int, str]]] = []
        current: list[tuple[int, str]] = []
        for number, line in enumerate(lines, 1):
            if number in in_data and current:
                current[-1] = (current[-1][0], current[-1][1] + "\n" + line)  # the data goes on
            elif line.strip():
                current.append((number, line))
            elif number in in_comments:
                continue  # a comment's line is not an empty line
            elif current:
                blocks.append(current)
                current = []
        if current:
            blocks.append(current)
        pending: Member | None = None
        for block in blocks:
            first = block[0][1]
            include = INCLUDE.match(first)
            if include:
                self.report.add("X303", f"@include({include.group('files')}) is not followed: convert each "
                                "included file too, and join the maps with `use`", block[0][0],
                                include.start("files") - len("@include(") + 1)
                block = block[1:]
                if not block:
                    continue
                first = block[0][1]
            if HEADING.match(first):
                self.heading(block)
                pending = None
            elif PCS_LINE.match(first):
                self.pcs(block, pending)
                pending = None
            elif LIST_ITEM.match(first):
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
        self.front_text, self.front_start = m.group(2), start_line
        value = load_yaml(m.group(2), self.report, start_line, 1, "front matter")
        if isinstance(value, dict):
            self.front = value
            for offset, line in enumerate(m.group(2).split("\n")):
                key = re.match(r"([^\s:#][^:]*):", line)  # greedy, then stripped: a lazy key with \s* is quadratic
                if key:
                    self.front_lines.setdefault(key.group(1).rstrip().strip("'\""), start_line + offset)
        elif value is not None:
            self.report.add("X302", "the front matter must hold `key: value` pairs", start_line, 1)
        blank = re.sub(r"[^\n]", " ", text[:m.end()])
        return blank + text[m.end():]

    def heading(self, block) -> None:
        number, line = block[0]
        m = HEADING.match(line)
        level = len(m.group(1))
        raw = " ".join([m.group(2)] + [l for _, l in block[1:]])
        text, tags, data = self.inline(raw, number, m.start(2) + 1)
        heading = Heading(text, level, number, 1, tags, data)
        self.headings.append(heading)
        while self.section and self.section[-1].level >= level:
            self.section.pop()
        self.section.append(heading)

    def tree(self, block, list_items: bool = False):
        """A statement or argument with relations below it; (root member, no relations?)."""
        stack: list[tuple[int, Member]] = []
        root = None
        pieces: list = []  # [indent, kind symbol or None, raw, line, column, parent]
        for number, line in block:
            rel = RELATION.match(line)
            item = LIST_ITEM.match(line) if list_items else None
            if rel and not HYPHENS.match(line):
                pieces.append([len(rel.group(1)), rel.group(2), [line[rel.end():]], number, rel.end() + 1])
            elif item:
                pieces.append([len(item.group(1)), "item", [line[item.end():]], number, item.end() + 1])
            elif not pieces:
                indent = len(line) - len(line.lstrip())
                pieces.append([indent, None, [line.strip()], number, indent + 1])
            else:
                pieces[-1][2].append(line.strip())  # joined below: += would copy the text for each line
        only_root = len(pieces) == 1
        for indent, symbol, parts, number, column in pieces:
            raw = "\n".join(parts)
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

    def relate(self, symbol: str, parent: Member, child: Member, line: int, column: int) -> None:
        base = "><" if symbol == "><" else symbol.strip("<>")
        kind = {"+": "support", "-": "attack", "_": "undercut", "><": "contradictory"}[base]
        if symbol == "><" or symbol.endswith(">"):  # the parent is the source
            self.relations.append((kind, parent, child, line, column))
        else:
            self.relations.append((kind, child, parent, line, column))

    def pcs(self, block, pending: Member | None) -> None:
        number, first = block[0]
        if pending is None:
            title = f"argument {number}"
            self.arguments[title] = ArgumentEntry(title, number, 1, section=tuple(self.section))
            pending = Member("a", title)
        arg = self.arguments[pending.title]
        if arg.steps is not None:
            self.report.add("X303", f"argument <{arg.title}> already has a premise-conclusion structure; "
                            "this second one is not carried over", number, 1)
            return
        stack: list[tuple[int, Member]] = []
        premises: list[str] = []
        steps: list = []
        after_inference = None
        i = 0
        while i < len(block):
            number, line = block[i]
            statement = PCS_LINE.match(line)
            hyphens = HYPHENS.match(line)
            rel = RELATION.match(line)
            if statement:
                parts, j = self.wrapped(block, i, line[statement.end():])
                member = self.element("\n".join(parts), number, statement.end() + 1)
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
                    while j < len(block) and not HYPHENS.match(block[j][1]):
                        inner.append(block[j])
                        j += 1
                    if inner:
                        self.inference_details(inner, arg, len(steps))
                    i = j
                after_inference = (number, column)
                stack = [(-1, Member("i", arg.title, len(steps)))]
                i += 1
                continue
            if rel and stack:
                indent = len(rel.group(1))
                parts, j = self.wrapped(block, i, line[rel.end():])  # its text may go on over lines
                member = self.element("\n".join(parts), number, rel.end() + 1)
                while len(stack) > 1 and stack[-1][0] >= indent:
                    stack.pop()
                self.relate(rel.group(2), stack[-1][1], member, number, rel.end() + 1)
                stack.append((indent, member))
                i = j
                continue
            else:
                self.report.add("X302", "this line is not part of the premise-conclusion structure", number, 1,
                                "a structure is numbered statements `(1) ...` and inference lines `----`")
            i += 1
        if after_inference is not None or not steps:
            self.report.add("X302", f"the premise-conclusion structure of <{arg.title}> does not end in a conclusion "
                            "after an inference line `----`; it is not carried over", block[0][0], 1)
            return
        arg.steps = steps

    @staticmethod
    def wrapped(block, i: int, first: str) -> tuple[list[str], int]:
        """The text that starts on line *i* of a structure, with the lines it is wrapped onto; and the next line."""
        parts = [first]
        j = i + 1
        while j < len(block) and not (PCS_LINE.match(block[j][1]) or HYPHENS.match(block[j][1])
                                      or RELATION.match(block[j][1])):
            parts.append(block[j][1].strip())
            j += 1
        return parts, j

    def inference_details(self, inner, arg: ArgumentEntry, step: int) -> None:
        raw = "\n".join(line for _, line in inner)
        number = inner[0][0]
        m = next(DataFinder(raw).finditer(), None)
        rules = raw[:m[0]] if m else raw
        if m:
            data = self.data(raw[m[0]:m[1]], number, 1)
            if data:
                self.report.add("X303", f"inference data ({', '.join(map(str, data))}) has no place in argmap",
                                number, 1)
        names = [r.strip() for r in rules.replace("\n", ",").split(",") if r.strip()]
        # a rule that names a scheme of the catalogue is the step's scheme; the others are logic's rules
        scheme, known = next(((s, k) for s, k in map(scheme_of, names) if k and s), (None, False))
        if scheme is not None:
            arg.schemes[step] = scheme
        rest = [n for n in names if scheme_of(n) != (scheme, True)]
        if rest:
            self.report.add("X303", f"inference rule(s) {', '.join(rest)} of <{arg.title}> name no argumentation "
                            "scheme argmap knows; they are not carried over", number, 1)
