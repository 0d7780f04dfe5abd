"""The Argdown syntax at the level of lines and tokens: patterns, comments, YAML data, positions.

The patterns follow the Argdown syntax (https://argdown.org/syntax/).
"""

from __future__ import annotations

import json
import re

from argmap.interchange._common import Report

HEADING = re.compile(r"(#+) (.*)")
PCS_LINE = re.compile(r"([ \t]*)\((\d+)\)[ \t]*")
LIST_ITEM = re.compile(r"([ \t]*)(?:\d+\.|\*)(?=\s)[ \t]*")
RELATION = re.compile(r"([ \t]*)(\+>|->|><|_>|<\+|<-|<_|\+|-|_(?=\s))[ \t]*")
HYPHENS = re.compile(r"[ \t]*(-{2,})[ \t]*$")
DATA = re.compile(r"\{((?!\}\s[^,}])(?:.|\n))*\}(?!\s*(?:,|\}))")
# As Argdown writes it, A-z range (which takes in "_" and "[\\]^`") included.
TAG = re.compile(r"#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
LINK = re.compile(r"\[[^\]]+?\]\([^)]+?\)")
COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|//[^\n]*", re.S)
ESCAPED = re.compile(r"\\(.)")


def advance(raw: str, offset: int, line: int, column: int) -> tuple[int, int]:
    before = raw[:offset]
    if "\n" in before:
        return line + before.count("\n"), len(before) - before.rfind("\n")
    return line, column + offset


def blank_comments(text: str) -> str:
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
            m = LINK.match(text, i)
            if m:
                out.append(m.group(0))
                i = m.end()
                continue
        if c == "{":
            m = DATA.match(text, i)
            if m:
                out.append(m.group(0))
                i = m.end()
                continue
        if c in "/<":
            m = COMMENT.match(text, i)
            if m:
                out.append(re.sub(r"[^\n]", " ", m.group(0)))
                i = m.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)


def load_yaml(source: str, report: Report, line: int, column: int, what: str):
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
