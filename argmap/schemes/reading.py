"""Reading scheme catalogues: the shipped TOML file and users' own, checked with positions.

TOML gives the values but not where they are written; :func:`key_positions`
finds the line and column of each key, so that a bad value is reported
where it stands (docs/schemes.md describes the layout).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from argmap.schemes.catalogue import _NO_SCHEME, LETTER_ROLES, Catalogue, CatalogueError, CriticalQuestion, Premise, Scheme, normalise
from argmap.suggest import close_matches
from argmap.tomlpos import key_positions

__all__ = ["load_catalogue", "read_catalogue_text"]

SHIPPED = "walton.toml"
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_LETTER = re.compile(r"[A-Z][0-9]*\Z")
_SCHEME_FIELDS = ("name", "aif", "aliases", "premises", "conclusion", "questions", "source", "letters")
_REQUIRED = ("name", "premises", "conclusion", "questions", "source")
_QUESTION_FIELDS = ("id", "text", "premise")

_SYNTAX_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_SYNTAX_END = re.compile(r"\s*\(at end of document\)\s*$")


def _syntax_error(path: str, text: str, exc: tomllib.TOMLDecodeError) -> CatalogueError:
    message, lines = str(exc), text.split("\n")
    m = _SYNTAX_AT.search(message)  # else "(at end of document)": point past the last character
    line, column = (int(m.group(1)), int(m.group(2))) if m else (len(lines), len(lines[-1]) + 1)
    what = _SYNTAX_END.sub("", _SYNTAX_AT.sub("", message)).strip()
    return CatalogueError(path, line, column, f"this is not valid TOML: {what[:1].lower()}{what[1:]}")


# --------------------------------------------------------------- reading ----

_TYPE_NAMES = {bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "a table"}


def _kind(value: object) -> str:
    return _TYPE_NAMES.get(type(value), "a date or time")


class _Reader:
    """Turns one file's parsed TOML into schemes, or raises CatalogueError at the culprit."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.positions = key_positions(text)

    def fail(self, where: tuple, message: str):
        while where and where not in self.positions:
            where = where[:-1]
        line, column = self.positions.get(where, (1, 1))
        raise CatalogueError(self.path, line, column, message)

    def ident(self, value: str, where: tuple, what: str) -> str:
        if not _ID.match(value):
            self.fail(where, f"{what} `{value}` should be snake_case: lower-case letters, digits and "
                      "underscores, starting with a letter")
        return value

    def text(self, value: object, where: tuple, what: str) -> str:
        if not isinstance(value, str):
            self.fail(where, f"{what} should be text in quotes, not {_kind(value)}")
        if not value.strip():
            self.fail(where, f"{what} is empty")
        return value.strip()

    def unknown(self, given, known: Sequence[str], where: tuple, what: str):
        for key in given:
            if key not in known:
                close = close_matches(key, known, n=1)
                hint = f"; did you mean `{close[0]}`?" if close else f"; the fields are {', '.join(known)}"
                self.fail(where + (key,), f"{what} has a field `{key}` that argmap does not know{hint}")

    def catalogue(self, data: dict) -> list[Scheme]:
        self.unknown(data, ("format", "schemes"), (), "the catalogue")
        if "format" in data and data["format"] != 1:
            self.fail(("format",), f"format {data['format']!r} is not one argmap reads; this version reads format 1")
        schemes = data.get("schemes")
        if not isinstance(schemes, dict):
            self.fail(("schemes",), "the file defines no schemes: each one starts with a [schemes.ID] table"
                      if schemes is None else f"`schemes` should be a table of schemes, not {_kind(schemes)}")
        out = [self.scheme(sid, raw) for sid, raw in schemes.items()]
        owner: dict[str, Scheme] = {}
        for scheme in out:
            for field, names in (("id", (scheme.id,)), ("name", (scheme.name,)), ("aif", scheme.aif),
                                 ("aliases", scheme.aliases)):
                for name in names:
                    other = owner.setdefault(normalise(name), scheme)
                    if other is not scheme:
                        self.fail(("schemes", scheme.id, field), f"{name!r} names both scheme `{other.id}` and "
                                  f"scheme `{scheme.id}`; a name may stand for one scheme only")
        return out

    def scheme(self, sid: str, raw: object) -> Scheme:
        at = ("schemes", self.ident(sid, ("schemes", sid), "scheme id"))
        if not isinstance(raw, dict):
            self.fail(at, f"scheme `{sid}` should be a table ([schemes.{sid}]), not {_kind(raw)}")
        self.unknown(raw, _SCHEME_FIELDS, at, f"scheme `{sid}`")
        missing = [f for f in _REQUIRED if f not in raw]
        if missing:
            listed = " or ".join(", ".join(f"`{f}`" for f in missing).rsplit(", ", 1))
            self.fail(at, f"scheme `{sid}` has no {listed}: every scheme needs "
                      f"{', '.join(_REQUIRED[:-1])} and {_REQUIRED[-1]}")
        text = {f: self.text(raw[f], at + (f,), f"the {f} of scheme `{sid}`") for f in ("name", "conclusion", "source")}
        names = {f: self.names(raw.get(f, []), at + (f,), f"`{f}` of scheme `{sid}`") for f in ("aif", "aliases")}
        premises = self.premises(raw["premises"], at + ("premises",), sid)
        questions = self.questions(raw["questions"], at + ("questions",), sid, premises)
        letters = self.letters(raw.get("letters", {}), at + ("letters",), sid,
                               (text["conclusion"], *(p.text for p in premises), *(q.text for q in questions)))
        return Scheme(sid, text["name"], premises, text["conclusion"], questions, text["source"],
                      names["aif"], names["aliases"], letters, origin=self.path)

    def letters(self, value: object, where: tuple, sid: str, texts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        """The ``letters`` table: each letter the scheme's texts use, and the part of the inference it stands for."""
        if not isinstance(value, dict):
            self.fail(where, f"the letters of scheme `{sid}` should be a table [schemes.{sid}.letters] with "
                      f"one `LETTER = \"{'|'.join(LETTER_ROLES)}\"` line each, not {_kind(value)}")
        out = []
        for letter, role in value.items():
            at = where + (letter,)
            if not _LETTER.match(letter):
                self.fail(at, f"`{letter}` in the letters of scheme `{sid}` is not a letter: a letter is a capital, "
                          "maybe with digits (A, C1), so that no word of the texts is taken for one")
            if not re.search(rf"(?<![\w']){re.escape(letter)}(?![\w])", " ".join(texts)):
                self.fail(at, f"scheme `{sid}` uses no letter `{letter}` in its premises, conclusion or questions")
            if not isinstance(role, str) or role not in LETTER_ROLES:
                close = close_matches(str(role), list(LETTER_ROLES), n=1)
                hint = f"; did you mean `{close[0]}`?" if close else ""
                self.fail(at, f"letter `{letter}` of scheme `{sid}` stands for {role!r}, which is not one of "
                          f"{', '.join(LETTER_ROLES)}{hint}")
            out.append((letter, role))
        return tuple(out)

    def names(self, value: object, where: tuple, what: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.fail(where, f"{what} should be a list of names in quotes, not {_kind(value)}")
        out = tuple(self.text(v, where, f"each name in {what}") for v in value)
        for label in out:
            if normalise(label) in _NO_SCHEME:
                self.fail(where, f"{label!r} is AIF's label for an inference with no scheme; it cannot name one")
        return out

    def premises(self, value: object, where: tuple, sid: str) -> tuple[Premise, ...]:
        if not isinstance(value, dict):
            self.fail(where, f"the premises of scheme `{sid}` should be a table [schemes.{sid}.premises] with "
                      f"one `name = \"text\"` line each, not {_kind(value)}")
        if not value:
            self.fail(where, f"scheme `{sid}` has no premises")
        return tuple(Premise(self.ident(pid, where + (pid,), "premise name"),
                             self.text(text, where + (pid,), f"premise `{pid}` of scheme `{sid}`"))
                     for pid, text in value.items())

    def questions(self, value: object, where: tuple, sid: str,
                  premises: tuple[Premise, ...]) -> tuple[CriticalQuestion, ...]:
        if not isinstance(value, list) or not all(isinstance(q, dict) for q in value):
            self.fail(where, f"the questions of scheme `{sid}` should be [[schemes.{sid}.questions]] tables, "
                      f"not {_kind(value)}")
        if not value:
            self.fail(where, f"scheme `{sid}` has no critical questions")
        out: list[CriticalQuestion] = []
        seen: dict[str, int] = {}
        known = [p.id for p in premises]
        for i, raw in enumerate(value):
            at = where + (i,)
            self.unknown(raw, _QUESTION_FIELDS, at, f"question {i + 1} of scheme `{sid}`")
            for f in ("id", "text"):
                if f not in raw:
                    self.fail(at, f"question {i + 1} of scheme `{sid}` has no `{f}`")
            qid = self.ident(self.text(raw["id"], at + ("id",), f"the id of question {i + 1} of scheme `{sid}`"),
                             at + ("id",), "question id")
            if qid in seen:
                first = self.positions.get(where + (seen[qid], "id"), (0, 0))[0]
                self.fail(at + ("id",), f"scheme `{sid}` has two questions with the id `{qid}`"
                          + (f" (the first at line {first})" if first else ""))
            seen[qid] = i
            premise = None
            if "premise" in raw:
                premise = self.text(raw["premise"], at + ("premise",), f"the premise of question `{qid}`")
                if premise not in known:
                    self.fail(at + ("premise",), f"question `{qid}` of scheme `{sid}` doubts premise `{premise}`, "
                              f"which the scheme does not have; its premises are {', '.join(known)}")
            out.append(CriticalQuestion(qid, self.text(raw["text"], at + ("text",), f"the text of question `{qid}`"),
                                        premise))
        return tuple(out)


def read_catalogue_text(text: str, path: str = "<string>") -> tuple[Scheme, ...]:
    """The schemes of one catalogue file's *text*; CatalogueError if it cannot be used."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, text, exc) from None
    return tuple(_Reader(path, text).catalogue(data))


def _read_file(path: Path) -> tuple[Scheme, ...]:
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogueError(shown, 1, 1, f"cannot read the scheme catalogue: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CatalogueError(shown, line, column, "the file is not UTF-8 text") from None
    return read_catalogue_text(text.removeprefix("\ufeff"), shown)


@functools.lru_cache(maxsize=1)
def _shipped() -> tuple[Scheme, ...]:
    text = resources.files("argmap.schemes").joinpath(SHIPPED).read_text(encoding="utf-8")
    return read_catalogue_text(text, f"argmap/schemes/{SHIPPED}")


def load_catalogue(extra_paths: Sequence[Path] = ()) -> Catalogue:
    """The shipped catalogue, extended or overridden by id by each file of *extra_paths* in turn.

    The shipped file is read once per process; users' files on every call,
    so an edit shows at once.  CatalogueError when a file cannot be used.
    """
    schemes = {s.id: s for s in _shipped()}
    for path in extra_paths:
        for scheme in _read_file(Path(path)):
            schemes[scheme.id] = scheme  # a replaced scheme keeps its place in the order
    return Catalogue(tuple(schemes.values()))
