"""load: read map files from disk, resolve ``use``, find source texts.

All file reading happens here (and in the CLI).  Paths a map names, through
``use ... from`` or its ``text`` field, must stay inside the maps' root: the
folder being checked, or the folder of the file being loaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import attrs

from argmap.diagnostics import NOWHERE, Diagnostic, Severity, Span
from argmap.files.io import MAP_SUFFIX
from argmap.model import Map, Use
from argmap.syntax.parser import ArgmapError, parse

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_USE_DEPTH = 32
SUFFIX = MAP_SUFFIX  # the one spelling, in argmap.files.io


def read_text(path: Path, shown: str | None = None) -> str:
    """The file's text, or ArgmapError saying why it cannot be read as a map."""
    shown = shown or str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError(path)
        if size > MAX_FILE_BYTES:
            raise ArgmapError([Diagnostic.of(
                "A002", shown, NOWHERE,
                f"the file is {size / 1048576:.1f} MiB; maps are limited to {MAX_FILE_BYTES // 1048576} MiB",
                "split the map into several files joined with `use`")])
        data = path.read_bytes()
    except ArgmapError:
        raise
    except FileNotFoundError:
        raise ArgmapError([Diagnostic.of("A002", shown, NOWHERE, "no such file")]) from None
    except IsADirectoryError:
        raise ArgmapError([Diagnostic.of("A002", shown, NOWHERE, "this is a folder, not a map file")]) from None
    except OSError as exc:
        raise ArgmapError([Diagnostic.of("A002", shown, NOWHERE,
                                         f"cannot read the file: {exc.strerror or exc}")]) from None
    return decode(data, shown)


def decode(data: bytes, shown: str) -> str:
    """UTF-8 text (a byte-order mark is dropped), or ArgmapError at the first bad byte."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        column = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        raise ArgmapError([Diagnostic.of(
            "A002", shown, Span(line, column), "this looks like a binary file, not map text (it has a NUL byte)",
            "argmap reads UTF-8 text files")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[data.rfind(b"\n", 0, exc.start) + 1: exc.start].decode("utf-8", "replace")) + 1
        raise ArgmapError([Diagnostic.of(
            "A002", shown, Span(line, column), f"byte 0x{data[exc.start]:02x} is not UTF-8 text",
            "save the file as UTF-8")]) from None
    return text.removeprefix("\ufeff")


def display(path: Path) -> str:
    """A path as the user would like to read it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def is_inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


@attrs.define
class Loader:
    """Loads maps and what they use, each file once, refusing cycles and escapes.

    ``root`` is the folder no ``use`` may leave.
    """

    root: Path | None = None
    cache: dict = attrs.field(factory=dict)

    def load(self, path: str | os.PathLike) -> Map:
        """The map at *path*, with its imports; ArgmapError if the file itself is unusable."""
        path = Path(path)
        root = self.root if self.root is not None else path.resolve().parent
        return self._load(path, root, ())

    def _load(self, path: Path, root: Path, stack: tuple[Path, ...]) -> Map:
        key = path.resolve()
        if key in self.cache:
            return self.cache[key]
        shown = display(path)
        text = read_text(path, shown)
        m = parse(text, shown)
        imports: dict[str, Map] = {}
        problems = list(m.problems)
        for use in m.uses:
            problem = self._resolve_use(m, use, path, root, stack + (key,), imports)
            if problem is not None:
                problems.append(problem)
        m = attrs.evolve(m, imports=imports, problems=tuple(problems))
        self.cache[key] = m
        return m

    def _resolve_use(self, m: Map, use: Use, path: Path, root: Path, stack: tuple[Path, ...],
                     imports: dict[str, Map]) -> Diagnostic | None:
        shown = m.display_path
        target = (path.parent / use.filename)
        if not is_inside(target, root):
            return Diagnostic.of(
                "A003", shown, use.span,
                f"`use {use.id}` reads {use.filename}, which is outside the maps' folder {display(root)}",
                "keep the maps a map uses in the same folder tree")
        if len(stack) >= MAX_USE_DEPTH:
            return Diagnostic.of("A005", shown, use.span, f"`use` goes more than {MAX_USE_DEPTH} maps deep")
        resolved = target.resolve()
        if resolved in stack:
            cycle = [display(p) for p in stack[stack.index(resolved):]] + [display(resolved)]
            return Diagnostic.of("A004", shown, use.span, f"`use {use.id}` makes a cycle: {' → '.join(cycle)}",
                                 "maps may answer each other only through a third map that uses both")
        if not target.is_file():
            return Diagnostic.of("A002", shown, use.span, f"`use {use.id}`: no map file {display(target)}",
                                 f"create {use.filename} beside this map, or write `use {use.id} from \"path\"`")
        try:
            imported = self._load(target, root, stack)
        except ArgmapError as exc:
            first = exc.diagnostics[0]
            return Diagnostic.of(
                "A007", shown, use.span,
                f"`use {use.id}`: {display(target)} cannot be read: {first.message} (line {first.line})",
                "run `argmap check` on that map")
        if use.id in imports:
            return Diagnostic.of("A006", shown, use.span, f"`use {use.id}` appears twice")
        imports[use.id] = imported
        return None


def load(path: str | os.PathLike, *, root: str | os.PathLike | None = None) -> Map:
    """Read the map at *path* and the maps it uses.

    Raises :class:`argmap.ArgmapError` when the file cannot be read or parsed.
    Problems with what it uses (a cycle, a missing file, a path that leaves
    *root*, by default the map's own folder) are kept in ``Map.problems`` and
    reported by :func:`argmap.check`.
    """
    return Loader(Path(root) if root is not None else None).load(path)


def find_maps(paths: Iterable[str | os.PathLike]) -> tuple[list[tuple[Path, Path]], list[Diagnostic]]:
    """Expand files and folders into (map file, its root) pairs, sorted; problems as diagnostics."""
    found: list[tuple[Path, Path]] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob(f"*{SUFFIX}") if f.is_file())
            if not files:
                problems.append(Diagnostic.of("A002", display(p), NOWHERE, f"no {SUFFIX} files in this folder",
                                              severity=Severity.WARNING))
            found.extend((f, p) for f in files)
        elif p.exists():
            found.append((p, p.resolve().parent))
        else:
            problems.append(Diagnostic.of("A002", str(raw), NOWHERE, "no such file or folder"))
    seen = set()
    unique = []
    for f, r in found:
        if f.resolve() not in seen:
            seen.add(f.resolve())
            unique.append((f, r))
    return unique, problems


def find_source_text(m: Map, text_dirs: Iterable[str | os.PathLike] = (), root: Path | None = None) -> tuple[str | None, Path | None, Diagnostic | None]:
    """(text, path, problem) for the map's ``text`` field.

    The file is looked for beside the map (never outside *root*), then in each
    of *text_dirs*, which the user named and so may be anywhere.
    """
    doc = m.document
    if doc is None or not doc.text:
        return None, None, None
    field_span = next((f.span for f in doc.fields if f.name == "text"), doc.span)
    candidates: list[Path] = []
    if m.path:
        here = Path(m.path).parent
        beside = here / doc.text
        limit = root if root is not None else here
        if is_inside(beside, limit):
            candidates.append(beside)
        elif not text_dirs:
            return None, None, Diagnostic.of(
                "C113", m.display_path, field_span,
                f"the source text {doc.text} is outside the maps' folder and is not read",
                "name the file only, and pass --text-dir with the folder that holds it")
    name = Path(doc.text).name
    candidates.extend(Path(d) / name for d in text_dirs)
    for candidate in candidates:
        if candidate.is_file():
            try:
                return read_text(candidate, display(candidate)), candidate, None
            except ArgmapError as exc:
                d = exc.diagnostics[0]
                return None, None, Diagnostic.of(
                    "C113", m.display_path, field_span,
                    f"the source text {display(candidate)} cannot be read: {d.message}")
    looked = ", ".join(display(c.parent) for c in candidates) or "nowhere"
    return None, None, Diagnostic.of(
        "C113", m.display_path, field_span,
        f"the source text {doc.text} was not found (looked in {looked}); quotations are not verified",
        "pass --text-dir with the folder that holds the article's text")
