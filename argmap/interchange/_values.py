"""Reading values from a foreign file's own blocks (JSON or YAML) that anyone may have edited.

AIF's ``"argmap"`` object, an Argdown front matter's ``argmap:`` block and
statement data carry what argmap writes there itself, but the file may come
from anywhere: a list where a name belongs, a number where an object does,
an id that is no argmap id.  :class:`Values` reads each field with the type
it must have and turns everything else into a diagnostic (X302), so a
conversion never fails with a traceback and never writes a map that does not
parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from argmap.interchange._common import Report, make_id, one_line
from argmap.model import FIELD_NAMES, Citation, Person, Ref

__all__ = ["FIELD_NAMES", "RESERVED", "Values", "is_id", "is_ref", "kind"]

# The words the argmap parser refuses as names (its A009 list): statement and
# claim-line keywords and the relation kinds.  tests/test_hardening_convert.py
# holds this to the parser's own set.
RESERVED = frozenset(
    "map use thesis case person org claim argument footnotes quote tags concession "
    "supports rebuts undercuts contradicts".split()
)

_ID = re.compile(r"[^\W\d]\w*\Z")
_LABEL = re.compile(r"[^\]\s]+\Z")

Where = Callable[[tuple], "tuple[int, int]"]


def is_id(value) -> bool:
    """Whether *value* is a string argmap accepts as the name of a statement."""
    return isinstance(value, str) and bool(_ID.match(value)) and value not in RESERVED


def is_ref(value) -> bool:
    """Whether *value* is a reference: ``id`` or ``map.id``."""
    return isinstance(value, str) and all(is_id(part) for part in value.split(".", 1)) and value.count(".") <= 1


def kind(value) -> str:
    """What a JSON or YAML value is, in words, for a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return f"the string {value[:40]!r}" if len(value) <= 40 else "a string"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


class Values:
    """Reads the fields of one untrusted block, reporting each value that does not fit (X302).

    *where* gives the line and column of a path in the file (a JSON path, or
    the nearest line known); *block* names the block in messages.
    """

    def __init__(self, report: Report, where: Where, block: str):
        self.report = report
        self.where = where
        self.block = block

    def bad(self, path: tuple, expected: str, value, outcome: str = "it is not carried over") -> None:
        """Report that the value at *path* is not *expected*."""
        name = ".".join(str(p) for p in path) or "the block"
        self.report.add("X302", f"`{name}` in {self.block} must be {expected}, not {kind(value)}; {outcome}",
                        *self.where(path))

    def mapping(self, value, path: tuple) -> dict:
        """*value* if it is an object; {} (reported unless missing) otherwise."""
        if isinstance(value, dict):
            return value
        if value is not None:
            self.bad(path, "an object", value)
        return {}

    def items(self, value, path: tuple) -> list:
        """*value* as a list: a list as it is, one value as a list of it, nothing as []."""
        if value is None:
            return []
        if isinstance(value, (list, tuple)):
            return list(value)
        if isinstance(value, dict):
            self.bad(path, "a list", value)
            return []
        return [value]

    def text(self, value, path: tuple, default: str | None = "") -> str | None:
        """A string (a number is taken as its digits); *default*, reported unless missing, otherwise."""
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if value is not None:
            self.bad(path, "a string", value)
        return default

    def file_path(self, value, path: tuple) -> str | None:
        """A file path a ``use`` can name: a string on one line, not blank; None, reported, otherwise."""
        text = self.text(value, path, None)
        if text is None:
            return None
        if not text.strip() or any(ch in text for ch in "\n\r\x00\u2028\u2029\x85\x0b\x0c"):
            self.bad(path, "a file path on one line", value)
            return None
        return text

    def ident(self, value, path: tuple, what: str = "an id") -> str | None:
        """An argmap id (letters, digits and _, not a keyword); None, reported unless missing, otherwise."""
        if is_id(value):
            return value
        if value is not None:
            self.bad(path, f"{what} (letters, digits and _, starting with a letter, not a keyword)", value)
        return None

    def ref(self, value, path: tuple, what: str = "an id") -> Ref | None:
        """A reference ``id`` or ``map.id``; None, reported unless missing or empty, otherwise."""
        if is_ref(value):
            return Ref.parse(value)
        if value not in (None, ""):
            self.bad(path, f"{what} (`id` or `map.id`)", value)
        return None

    def label(self, value, path: tuple) -> str | None:
        """A footnote label (``11``, ``*1``); None, reported, otherwise."""
        text = self.text(value, path, None)
        if text is not None and _LABEL.match(text):
            return text
        if text is not None:
            self.bad(path, "a footnote label (no spaces or ])", value)
        return None

    def citations(self, value, path: tuple) -> tuple[Citation, ...]:
        """Footnote citations from a list of labels (or one label)."""
        labels = (self.label(v, path + (i,)) for i, v in enumerate(self.items(value, path)))
        return tuple(Citation(label) for label in labels if label is not None)

    def tags(self, value, path: tuple) -> tuple[str, ...]:
        """Tags: each an id; another text becomes one (an X305 says so), anything else is reported."""
        out: list[str] = []
        for i, v in enumerate(self.items(value, path)):
            text = self.text(v, path + (i,), None)
            if text is None or not text.strip():
                continue
            tag = text if is_id(text) else make_id(text, None, "tag")
            if tag != text:
                self.report.add("X305", f"tag {text!r} becomes {tag!r} (argmap tags are names)", *self.where(path))
            if tag not in out:
                out.append(tag)
        return tuple(out)

    def flag(self, value, path: tuple) -> bool:
        """A true/false value (missing is false)."""
        if value is None or isinstance(value, bool):
            return bool(value)
        self.bad(path, "true or false", value, "it is read as false")
        return False

    def persons(self, value, path: tuple) -> list[Person]:
        """The persons of a block's ``persons`` mapping (id -> {name, kind}), in order; bad entries reported."""
        out = []
        for k, p in self.mapping(value, path).items():
            at = path + (k,)
            ident = self.ident(k, at, "a person's id")
            p = self.mapping(p, at)
            if ident is None:
                continue
            kind = p.get("kind", "person")
            if kind not in ("person", "org"):
                self.bad(at + ("kind",), "person or org", kind, "it is read as person")
                kind = "person"
            out.append(Person(ident, one_line(self.text(p.get("name"), at + ("name",), None) or "") or ident, kind))
        return out
