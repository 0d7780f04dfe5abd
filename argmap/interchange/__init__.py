"""Converting maps to and from other formats: Argdown, AIF, Kialo, bibliographies.

One registry of formats; each format reads text into a :class:`~argmap.model.Map`
with diagnostics, writes a Map to text, or both::

    from argmap import interchange as convert
    m, diagnostics = convert.read(text, "argdown", path="debate.argdown")
    aif_json = convert.write(m, "aif")
    result = convert.convert("debate.argdown", output="debate.argmap")   # also argmap.convert

Foreign input that cannot be read at all raises :class:`ConvertError`;
anything read only in part is a diagnostic (codes X301-X306, see
``argmap rules --group interop`` and docs/interop.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeAlias

import attrs

from argmap.diagnostics import Diagnostic, Severity
from argmap.files.io import MAX_FILE_BYTES, ReadRefused, read_limited, write_atomic
from argmap.files.loader import SPLIT_HINT, decode, display, read_text, refusal
from argmap.interchange._common import ConvertError, Report
from argmap.model import Map
from argmap.syntax.parser import ArgmapError, parse

__all__ = ["FORMATS", "Conversion", "ConvertError", "Format", "bibliography", "convert", "export",
           "guess_format", "lost_something", "read", "write"]


Reader: TypeAlias = Callable[[str, "str | None"], "tuple[Map, list[Diagnostic]]"]
"""Reads text (and the path it came from) into a map and the diagnostics of reading."""
Writer: TypeAlias = Callable[[Map, Report], str]
"""Writes a map as text, recording what the format cannot hold in the report."""


@attrs.frozen
class Format:
    """A file format argmap reads, writes, or both."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: Reader | None = None
    writer: Writer | None = None


def _read_argmap(text: str, path: str | None) -> tuple[Map, list[Diagnostic]]:
    try:
        m = parse(text, path)
    except ArgmapError as exc:
        raise ConvertError(exc.diagnostics) from None
    return m, list(m.problems)


def _write_argmap(m: Map, report: Report) -> str:  # noqa: ARG001 (the writers' signature)
    from argmap.formatting.writer import dumps

    return dumps(m)


def _lazy(module: str, name: str) -> Callable:
    def call(*args):
        import importlib

        return getattr(importlib.import_module(f"argmap.interchange.{module}"), name)(*args)

    call.__name__ = name
    return call


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("argmap", (".argmap",), "argmap's own language", _read_argmap, _write_argmap),
    Format("argdown", (".argdown", ".ad"), "Argdown (argdown.org)",
           _lazy("argdown_in", "read_argdown"), _lazy("argdown_out", "write_argdown")),
    Format("aif", (".aif.json", ".aif", ".json"), "AIF JSON (AIFdb, OVA)",
           _lazy("aif", "read_aif"), _lazy("aif", "write_aif")),
    Format("kialo", (".kialo.txt", ".kialo", ".txt"), "Kialo's text export (read only)",
           _lazy("kialo", "read_kialo"), None),
    Format("csl-json", (".csl.json", ".csl"), "the footnotes as CSL-JSON (write only)",
           None, _lazy("bib", "write_csl_json")),
    Format("bibtex", (".bib", ".bibtex"), "the footnotes as BibTeX (write only)",
           None, _lazy("bib", "write_bibtex")),
    Format("graphml", (".graphml",), "GraphML (yEd, draw.io, graph libraries; write only)",
           None, _lazy("graphml", "write_graphml")),
)}


def guess_format(path: str | os.PathLike, writing: bool = False) -> str | None:
    """The format a file name suggests (longest suffix first), or None."""
    name = Path(path).name.lower()
    best = None
    for f in FORMATS.values():
        if (f.writer if writing else f.reader) is None:
            continue
        for suffix in f.suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), f.name)
    return best[1] if best else None


def _reader(name: str) -> Reader:
    reader = _format(name, writing=False).reader
    assert reader is not None  # _format refuses a format without one
    return reader


def _writer(name: str) -> Writer:
    writer = _format(name, writing=True).writer
    assert writer is not None  # _format refuses a format without one
    return writer


def _format(name: str, writing: bool) -> Format:
    f = FORMATS.get(name)
    if f is None:
        raise ValueError(f"unknown format {name!r}; formats: {', '.join(FORMATS)}")
    if (f.writer if writing else f.reader) is None:
        raise ValueError(f"argmap can {'read' if writing else 'write'} {name} but not "
                         f"{'write' if writing else 'read'} it")
    return f


def read(text: str, fmt: str, path: str | None = None) -> tuple[Map, list[Diagnostic]]:
    """Read *text* in format *fmt*: (map, diagnostics).  ConvertError when unreadable."""
    return _reader(fmt)(text, path)


def export(m: Map, fmt: str) -> tuple[str, list[Diagnostic]]:
    """Write *m* in format *fmt*: (text, diagnostics about what the format could not hold)."""
    report = Report(m.path)
    text = _writer(fmt)(m, report)
    return text, report.items


def write(m: Map, fmt: str) -> str:
    """The map in format *fmt* as text (see :func:`export` for what was lost)."""
    return export(m, fmt)[0]


@attrs.frozen
class Conversion:
    """What :func:`convert` made: the output ``text``, the ``map`` it went through, and every diagnostic."""

    text: str
    map: Map
    source: str  # the format read ("argmap" for a Map given as it is)
    target: str  # the format written
    diagnostics: tuple[Diagnostic, ...]

    @property
    def lost(self) -> bool:
        """True when a diagnostic says part of the input did not reach the output."""
        return lost_something(self.diagnostics)


def convert(source: Map | str | os.PathLike[str] | None = None, to: str | None = None, *,
            text: str | None = None, from_: str | None = None, path: str | None = None,
            output: str | os.PathLike[str] | None = None) -> Conversion:
    """Convert a map, a file or a text to the format *to*: what ``argmap convert`` does.

    *source* is a :class:`~argmap.model.Map` or the path of a file; or give
    *text* instead, with *path* as the name its diagnostics show.  Formats
    are guessed from the file names (the input's, and *output*'s) unless
    *from_* and *to* are given.  With *output*, the result is also written
    there, whole or not at all, never over the input nor over an existing
    map file.

    Raises ConvertError (nothing written) when the input cannot be read,
    ValueError for a format argmap does not know or cannot read or write,
    OSError when *output* cannot be written.
    """
    for given in (from_, to):
        if given is not None and given not in FORMATS:
            raise ValueError(f"unknown format {given!r}; formats: {', '.join(FORMATS)}")
    diagnostics: list[Diagnostic] = []
    if isinstance(source, Map):
        if text is not None or from_ not in (None, "argmap"):
            raise TypeError("convert() takes a Map as it is: no text= or from_= with it")
        m, source_format = source, "argmap"
        target = _target(to, output, Report(source.display_path))
    else:
        if (source is None) == (text is None):
            raise TypeError("convert() takes a path or text=, one of the two")
        shown = display(Path(source)) if source is not None else (path or "<string>")
        report = Report(shown)
        named = source if source is not None else path
        guessed = from_ or (guess_format(named) if named is not None else None)
        if guessed is None:
            report.fail(f"cannot tell the format of {shown} from its name; give --from",
                        hint=f"formats: {', '.join(n for n, f in FORMATS.items() if f.reader)}")
        source_format = guessed
        target = _target(to, output, report)
        if source is not None:
            if output is not None and Path(output).exists() and Path(output).resolve() == Path(source).resolve():
                report.fail("the output file is the input file; write to another file")
            text = _read_file(Path(source), shown, source_format)
        assert text is not None  # given, or read just above
        m, diagnostics = read(text, source_format, shown)
    out, lost = export(m, target)
    if target == "argmap" and source_format != "argmap":
        lost = lost + _unparsable(out, display(Path(output)) if output is not None else "<converted>")
    if output is not None:
        write_atomic(output, out, protected=() if isinstance(source, Map) or source is None else (source,))
    return Conversion(out, m, source_format, target, tuple(diagnostics) + tuple(lost))


def _unparsable(text: str, shown: str) -> list[Diagnostic]:
    """What keeps the converted map *text* from parsing cleanly, at its place in the output.

    The readers make every id and reference fit the argmap language; this
    is the last guard, so that a conversion never reports success for a
    file that ``argmap check`` would then refuse.
    """
    try:
        problems = list(parse(text, shown).problems)
    except ArgmapError as exc:
        problems = list(exc.diagnostics)
    return [attrs.evolve(d, message=f"the converted map does not parse here: {d.message}",
                         hint="this is a fault of the converter: please report it with the input file")
            for d in problems if d.severity >= Severity.ERROR]


def _target(to: str | None, output: str | os.PathLike[str] | None, report: Report) -> str:
    """The format to write: *to*, or the one *output*'s name suggests (else an X301)."""
    if to is not None:
        return to
    if output is None:
        raise TypeError("convert() needs to= (the format to write) when there is no output file")
    target = guess_format(output, writing=True)
    if target is None:
        report.fail(f"cannot tell the format to write from the name {output}; give --to",
                    hint=f"formats: {', '.join(n for n, f in FORMATS.items() if f.writer)}")
    return target


#: What to do with an input over the size limit, in the terms of its format.
TOO_LARGE_HINT = {
    "argmap": SPLIT_HINT,
    "argdown": "split the Argdown file into several files (one per section, say) and convert each",
    "aif": "export the argument graph in parts (AIFdb exports one nodeset per file) and convert each",
    "kialo": "split the export into files of whole branches, each starting with the thesis line `1. ...`",
}


def _read_file(path: Path, shown: str, fmt: str) -> str:
    """The file's text; ConvertError when it cannot be read (X301 unless it was meant as a map)."""
    code = "A002" if fmt == "argmap" else "X301"
    try:
        data = read_limited(path, limit=MAX_FILE_BYTES)
    except ReadRefused as exc:
        hint = TOO_LARGE_HINT.get(fmt, "convert a smaller file") if exc.reason == "too-large" else None
        raise ConvertError([refusal(exc, shown, code, hint)]) from None
    try:
        return decode(data, shown)
    except ArgmapError as exc:
        raise ConvertError([Diagnostic.of(code, d.path, d.span, d.message, d.hint) for d in exc.diagnostics]) from None


def bibliography(source: Map | str | os.PathLike[str], fmt: str = "csl-json") -> tuple[str, list[Diagnostic]]:
    """The footnotes of a map (or of the map file *source*, read alone) as *fmt*: csl-json or bibtex.

    Returns the text and the diagnostics about notes no item could be made
    of.  Raises :class:`~argmap.ArgmapError` when the file cannot be read.
    """
    if not isinstance(source, Map):
        shown = display(Path(source))
        source = parse(read_text(Path(source), shown), shown)
    return export(source, fmt)


def lost_something(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when a diagnostic says part of the input did not reach the output."""
    return any(d.severity >= Severity.WARNING for d in diagnostics)
