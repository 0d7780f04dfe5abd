"""Converting maps to and from other formats: Argdown, AIF, Kialo, bibliographies.

One registry of formats; each format reads text into a :class:`~argmap.model.Map`
with diagnostics, writes a Map to text, or both::

    from argmap import interchange as convert
    m, diagnostics = convert.read(text, "argdown", path="debate.argdown")
    aif_json = convert.write(m, "aif")
    diagnostics = convert.convert("debate.argdown", "debate.argmap")

Foreign input that cannot be read at all raises :class:`ConvertError`;
anything read only in part is a diagnostic (codes X301-X306, see
``argmap rules --group interop`` and docs/interop.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import attrs

from argmap.interchange._common import ConvertError, Report, write_atomic
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import Map

__all__ = ["FORMATS", "ConvertError", "Format", "convert", "export", "guess_format", "read", "write"]


@attrs.frozen
class Format:
    """A file format argmap reads, writes, or both."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: Callable | None = None  # (text, path) -> (Map, diagnostics)
    writer: Callable | None = None  # (Map, Report) -> str


def _read_argmap(text: str, path: str | None):
    from argmap.syntax.parser import ArgmapError, parse

    try:
        m = parse(text, path)
    except ArgmapError as exc:
        raise ConvertError(exc.diagnostics) from None
    return m, list(m.problems)


def _write_argmap(m: Map, report: Report) -> str:
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
    return _format(fmt, writing=False).reader(text, path)


def export(m: Map, fmt: str) -> tuple[str, list[Diagnostic]]:
    """Write *m* in format *fmt*: (text, diagnostics about what the format could not hold)."""
    report = Report(m.path)
    text = _format(fmt, writing=True).writer(m, report)
    return text, report.items


def write(m: Map, fmt: str) -> str:
    """The map in format *fmt* as text (see :func:`export` for what was lost)."""
    return export(m, fmt)[0]


def convert(in_path: str | os.PathLike, out_path: str | os.PathLike, from_: str | None = None,
            to: str | None = None) -> list[Diagnostic]:
    """Convert the file *in_path* to *out_path*; the diagnostics of reading and writing.

    Formats are guessed from the file names unless given.  Raises
    ConvertError (nothing written) when the input cannot be read; the
    output is written whole or not at all, and never over the input.
    """
    from argmap.files.loader import display, read_text
    from argmap.syntax.parser import ArgmapError

    shown = display(Path(in_path))
    report = Report(shown)
    source = from_ or guess_format(in_path)
    target = to or guess_format(out_path, writing=True)
    if source is None:
        report.fail(f"cannot tell the format of {shown} from its name; give --from",
                    hint=f"formats: {', '.join(n for n, f in FORMATS.items() if f.reader)}")
    if target is None:
        report.fail(f"cannot tell the format to write from the name {out_path}; give --to",
                    hint=f"formats: {', '.join(n for n, f in FORMATS.items() if f.writer)}")
    if Path(out_path).exists() and Path(out_path).resolve() == Path(in_path).resolve():
        report.fail("the output file is the input file; write to another file")
    try:
        text = read_text(Path(in_path), shown)
    except ArgmapError as exc:
        raise ConvertError([attrs.evolve(d, code="X301", name="foreign-unreadable") if source != "argmap" else d
                            for d in exc.diagnostics]) from None
    m, diagnostics = read(text, source, shown)
    out, lost = export(m, target)
    write_atomic(out_path, out, inputs=(in_path,))
    return list(diagnostics) + lost


def lost_something(diagnostics: list[Diagnostic]) -> bool:
    """True when a diagnostic says part of the input did not reach the output."""
    return any(d.severity >= Severity.WARNING for d in diagnostics)
