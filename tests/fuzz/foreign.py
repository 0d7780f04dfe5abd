"""Fuzzing the converters: foreign files (Argdown, AIF, Kialo) and the writers, damaged as people damage them.

Seeds are the converters' own output for every map in ``maps/`` and the
converter fixtures in ``tests/data/``.  Text is mutated line by line with
each format's syntax (:func:`mutated_text`); AIF is also mutated as a JSON
tree (:func:`mutated_json`): a value anywhere, the ``"argmap"`` block
especially, replaced by one of another type or by an id that is no id.

Each ``exercise_*`` function reads one input the way ``argmap convert``
does and raises :class:`~tests.fuzz.harness.Finding` for anything but a
clean result or a :class:`~argmap.interchange.ConvertError` with
diagnostics: a traceback, or a conversion to argmap whose text does not
parse.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DATA = ROOT / "tests" / "data"


class Finding(Exception):
    """An input a converter mishandled."""


# ----------------------------------------------------------------- seeds ----


@functools.lru_cache(maxsize=None)
def _maps() -> tuple:
    import argmap

    files = sorted((ROOT / "maps").glob("*.argmap"))
    return tuple(argmap.load(f) for f in files)


@functools.lru_cache(maxsize=None)
def seeds(fmt: str) -> tuple[str, ...]:
    """Texts in format *fmt* to start from: the writers' output for the real maps, and the fixtures."""
    from argmap import interchange

    texts = []
    if fmt in ("argdown", "aif"):
        texts += [interchange.write(m, fmt) for m in _maps()]
    folder = {"argdown": "argdown", "aif": "aif", "kialo": "kialo"}.get(fmt)
    if folder and (DATA / folder).is_dir():
        texts += [f.read_text(encoding="utf-8") for f in sorted((DATA / folder).iterdir()) if f.is_file()]
    return tuple(texts) or ("1. A thesis.\n",)


PIECES = {
    "argdown": ["[", "]", "<", ">", "[a]", "<a>", "[a]: ", "<a>: ", ": ", "+> ", "-> ", "<+ ", "<- ", "<_ ", "_> ",
                "><", "+", "-", "_ ", "(1) ", "(2) ", "----", "--", "-- rule {a: 1} --", "{", "}", "{a: b}",
                '{"by": [1]}', '{"cites": {"x": 1}}', '{"quotes": [1, {"text": [2]}]}', "{case: 3, thesis: [x]}",
                "#", "#tag", "#(a b)", "#(", "===", "===\n", "argmap:\n", "  persons: [1, 2]\n",
                "  footnotes: 3\n", "  uses: {a: [1]}\n", "  theses: 7\n", "  fields: [[1, 2, 3]]\n", "title: [1]\n",
                "author: {a: 1}\n", "date: 2017-02-30\n", "//", "/*", "*/", "<!--", "-->", "\\", '"', "'",
                "&a ", "*a", "[*a, *a]", "!!binary aGk=", "!!set {a}", "\\u003D", "\\u007B", "\n", "\n\n", "\t",
                "  ", "# h {case: c, stance: for, thesis: t}", "\ufeff", "\u2028", "\x00", "é", "😀"],
    "kialo": ["1. ", "1.1. Pro: ", "1.1. Con: ", "1.2.1. Pro: ", "Pro: ", "Con: ", "-> See 1.1.", "-> See 1.",
              "-> See 9.9.", "Discussion Title: ", "1.1.1.", "2. ", ".", " ", "\t", "\n", "\n\n", "\r\n",
              "\ufeff", "\x00", "é", "[^1]", "\\", "claim ", "#"],
    "aif": ['"', ",", ":", "{", "}", "[", "]", "null", "true", "1e999", '"nodeID": ', '"type": "I"',
            '"type": "CA"', '"fromID": "1"', '"toID": "1"', '"argmap": ', '"claims": ', '"by": 1', '"tags": [[]]',
            "\\u0000", "\\ud800", "\n", " ", "\ufeff"],
}


# ------------------------------------------------------------- mutations ----


@st.composite
def mutated_text(draw, fmt: str):
    """A slice of one of the seeds of *fmt* with up to four line-level mutations using its pieces."""
    sources, pieces = seeds(fmt), PIECES[fmt]
    lines = sources[draw(st.integers(0, len(sources) - 1))].split("\n")
    if draw(st.booleans()):
        start = draw(st.integers(0, max(0, len(lines) - 1)))
        lines = lines[start:start + draw(st.integers(1, 60))]
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.integers(0, 5))
        n = len(lines)
        i = draw(st.integers(0, max(0, n - 1)))
        if op == 0 and n > 1:
            del lines[i]
        elif op == 1 and n:
            lines.insert(i, lines[draw(st.integers(0, n - 1))])
        elif op == 2 and n > 1:
            j = draw(st.integers(0, n - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3 and n:
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.sampled_from(pieces)) + lines[i][k:]
        elif op == 4 and n:
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.characters(blacklist_categories=("Cs",))) + lines[i][k + 1:]
        else:
            lines.insert(i, "".join(draw(st.lists(st.sampled_from(pieces), max_size=6))))
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


NOT_IDS = ["", " ", "a b", "1x", "claim", "tags", "supports", "a.b.c", ".a", "a.", "x-y", "é!", "[^1]", "a]b",
           "x\ny", '"', "\\", "#", "a:b", "map"]


def _values(depth: int = 0):
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 10**20), st.floats(allow_nan=False),
                        st.sampled_from(NOT_IDS), st.text(max_size=8))
    if depth > 1:
        return scalars
    return st.one_of(scalars, st.lists(_values(depth + 1), max_size=3),
                     st.dictionaries(st.sampled_from(["id", "name", "text", "cites", "kind", "x", "1"]),
                                     _values(depth + 1), max_size=3))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _replace(value, path, new):
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: (_replace(v, rest, new) if k == head else v) for k, v in value.items()}
    return [(_replace(v, rest, new) if i == head else v) for i, v in enumerate(value)]


@st.composite
def mutated_tree(draw, doc, within: tuple = ()):
    """*doc* (parsed JSON or YAML) with one to three values below *within* replaced by others of any type."""
    for _ in range(draw(st.integers(1, 3))):
        below = [p for p in _paths(doc) if p[:len(within)] == within and len(p) > len(within)]
        if not below:
            break
        doc = _replace(doc, draw(st.sampled_from(below)), draw(_values()))
    return doc


@functools.lru_cache(maxsize=None)
def _json_seeds() -> tuple[str, ...]:
    out = []
    for text in seeds("aif"):
        try:
            json.loads(text)
        except ValueError:
            continue
        out.append(text)
    return tuple(out)


@st.composite
def mutated_json(draw):
    """AIF text: a seed with values replaced, the "argmap" block more often than the graph."""
    sources = _json_seeds()
    doc = json.loads(sources[draw(st.integers(0, len(sources) - 1))])
    within = ("argmap",) if isinstance(doc, dict) and "argmap" in doc and draw(st.integers(0, 3)) else ()
    return json.dumps(draw(mutated_tree(doc, within)), indent=1)


# ------------------------------------------------------------- exercises ----


def _through_argmap(m, where: str) -> None:
    """The map a converter read must become argmap text that parses, and survive every writer."""
    from argmap import interchange
    from argmap.syntax.parser import ArgmapError, parse

    text = interchange.write(m, "argmap")
    try:
        again = parse(text, "converted.argmap")
    except ArgmapError as exc:
        raise Finding(f"{where}: the converted map does not parse: {exc.diagnostics[0].format()}\n{text}") from exc
    errors = [d for d in again.problems if d.severity.name == "ERROR"]
    if errors:
        raise Finding(f"{where}: the converted map has errors: {errors[0].format()}\n{text}")
    for fmt in ("argdown", "aif", "graphml", "csl-json", "bibtex"):
        interchange.export(m, fmt)


def _read(text: str, fmt: str) -> str:
    from argmap import interchange

    try:
        m, diagnostics = interchange.read(text, fmt, f"fuzz.{fmt}")
    except interchange.ConvertError as exc:
        if not exc.diagnostics:
            raise Finding("ConvertError without diagnostics") from exc
        for d in exc.diagnostics:
            d.format()
        return "rejected"
    for d in diagnostics:
        d.format()
    _through_argmap(m, fmt)
    return "converted"


def exercise_argdown(text: str) -> str:
    """Read Argdown as ``argmap convert`` does; the result must become a map that parses."""
    return _read(text, "argdown")


def exercise_aif(text: str) -> str:
    """Read AIF as ``argmap convert`` does; the result must become a map that parses."""
    return _read(text, "aif")


def exercise_kialo(text: str) -> str:
    """Read a Kialo export as ``argmap convert`` does; the result must become a map that parses."""
    return _read(text, "kialo")


def exercise_writers(text: str) -> str:
    """A (damaged) map through every writer, and the Argdown and AIF written read back."""
    from argmap import interchange
    from argmap.syntax.parser import ArgmapError, parse

    try:
        m = parse(text, "fuzz.argmap")
    except ArgmapError:
        return "rejected"
    for fmt in ("argdown", "aif"):
        out, _ = interchange.export(m, fmt)
        try:
            back, _ = interchange.read(out, fmt, f"back.{fmt}")
        except interchange.ConvertError as exc:
            if m.claims or m.theses:
                raise Finding(f"{fmt}: argmap cannot read what it wrote: {exc}") from exc
            continue
        _through_argmap(back, f"{fmt} read back")
    for fmt in ("graphml", "csl-json", "bibtex"):
        interchange.export(m, fmt)
    return "written"


def inputs(entry: str):
    """The strategy of inputs for one entry point of the fuzzer."""
    if entry == "aif":
        return st.one_of(mutated_json(), mutated_text("aif"))
    if entry in ("argdown", "kialo"):
        return mutated_text(entry)
    raise ValueError(entry)
