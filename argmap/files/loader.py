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
from argmap.files.io import MAP_SUFFIX, MAX_FILE_BYTES, FileStamp, ReadRefused, read_stamped
from argmap.model import Map, Use
from argmap.syntax.parser import ArgmapError, parse

MAX_USE_DEPTH = 32
SUFFIX = MAP_SUFFIX  # the one spelling, in argmap.files.io
SPLIT_HINT = "split the map into several files joined with `use`"


def refusal(exc: ReadRefused, shown: str, code: str = "A002", hint: str | None = None) -> Diagnostic:
    """The diagnostic for a file :func:`~argmap.files.io.read_limited` refused, with a hint that fits."""
    if hint is None:
        hint = {"special": "name the file itself; argmap does not read pipes, devices or sockets",
                "too-large": SPLIT_HINT}.get(exc.reason)
    return Diagnostic.of(code, shown, NOWHERE, exc.message, hint)


def read_text_stamped(path: Path, shown: str | None = None) -> tuple[str, FileStamp]:
    """The map file's text and its stamp as read (for ``write_atomic(expect_unchanged=...)``).

    ArgmapError (A002) says why it cannot be read as a map: missing, a
    folder, not a regular file, over the size limit, binary or not UTF-8.
    """
    shown = shown or str(path)
    try:
        data, stamp = read_stamped(path, limit=MAX_FILE_BYTES)
    except ReadRefused as exc:
        if exc.reason == "folder":
            exc.message = "this is a folder, not a map file"
        raise ArgmapError([refusal(exc, shown)]) from None
    return decode(data, shown), stamp


def read_text(path: Path, shown: str | None = None) -> str:
    """The file's text, or ArgmapError saying why it cannot be read as a map."""
    return read_text_stamped(path, shown)[0]


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
    """Whether *path*, links followed, is *root* or inside it: the one rule for every file argmap reads."""
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a loop of links (Python < 3.13)
        return False


@attrs.frozen
class _Loaded:
    """A map with its imports resolved, and how many maps deep its ``use`` chains go (itself counted)."""

    map: Map
    height: int
    cut: bool  # the depth limit cut a chain below it: valid only where the same budget is left


@attrs.define
class Loader:
    """Loads maps and what they use, each file read once, refusing cycles and escapes.

    ``root`` is the folder no ``use`` may leave.  ``cache`` holds every map
    loaded, by its resolved path.  The depth limit is the same whatever order
    maps are loaded in: a map from the cache is used only where the chain
    below it still fits under :data:`MAX_USE_DEPTH`, and a map whose chain
    the limit cut is kept only for that same depth.
    """

    root: Path | None = None
    cache: dict = attrs.field(factory=dict)
    #: Texts that stand in for files, by resolved path: an editor's unsaved buffers (the language server).
    overlay: dict = attrs.field(factory=dict)
    _parsed: dict = attrs.field(factory=dict, init=False)  # resolved path -> parsed Map or ArgmapError
    _whole: dict = attrs.field(factory=dict, init=False)  # resolved path -> _Loaded, nothing cut
    _cut: dict = attrs.field(factory=dict, init=False)  # (resolved path, depth left) -> _Loaded
    _targets: dict = attrs.field(factory=dict, init=False)  # (map, file named, root) -> (path, real path, inside)

    def load(self, path: str | os.PathLike) -> Map:
        """The map at *path*, with its imports; ArgmapError if the file itself is unusable."""
        path = Path(path)
        root = self.root if self.root is not None else path.resolve().parent
        return self._load(path, root, (), path.resolve()).map

    def _parse(self, path: Path, key: Path) -> Map:
        found = self._parsed.get(key)
        if found is None:
            shown = display(path)
            try:
                text = self.overlay.get(key)
                found = parse(read_text(path, shown) if text is None else text.removeprefix("\ufeff"), shown)
            except ArgmapError as exc:
                found = exc
            self._parsed[key] = found
        if isinstance(found, ArgmapError):
            raise found
        return found

    def _load(self, path: Path, root: Path, stack: tuple[Path, ...], key: Path) -> _Loaded:
        left = MAX_USE_DEPTH - len(stack)  # maps the chain may still hold, this one included
        whole = self._whole.get(key)
        if whole is not None and whole.height <= left:
            return whole
        if (key, left) in self._cut:
            return self._cut[(key, left)]
        m = self._parse(path, key)
        imports: dict[str, Map] = {}
        problems = list(m.problems)
        height, cut = 1, False
        for use in m.uses:
            problem, loaded = self._resolve_use(m, use, path, key, root, stack + (key,), imports)
            if problem is not None:
                problems.append(problem)
                cut = cut or problem.code == "A005"
            if loaded is not None:
                height = max(height, loaded.height + 1)
                cut = cut or loaded.cut
        result = _Loaded(attrs.evolve(m, imports=imports, problems=tuple(problems)), height, cut)
        if cut:
            self._cut[(key, left)] = result
        else:
            self._whole[key] = result
        self.cache[key] = result.map
        return result

    def _target(self, path: Path, key: Path, filename: str, root: Path) -> tuple[Path, Path, bool]:
        """The file a ``use`` in the map at *path* names, its real path, and whether it is inside *root*.

        Kept per map and name: the same map is resolved again at each depth
        the limit is counted from, and resolving a path asks the file system.
        """
        found = self._targets.get((key, filename, root))
        if found is None:
            target = path.parent / filename
            found = self._targets[(key, filename, root)] = (target, target.resolve(), is_inside(target, root))
        return found

    def _resolve_use(self, m: Map, use: Use, path: Path, key: Path, root: Path, stack: tuple[Path, ...],
                     imports: dict[str, Map]) -> tuple[Diagnostic | None, _Loaded | None]:
        shown = m.display_path
        try:
            target, resolved, inside = self._target(path, key, use.filename, root)
            missing = not inside or (resolved not in self._parsed and not target.exists())
        except (OSError, ValueError) as exc:  # a name too long for the file system, a NUL byte
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            return Diagnostic.of("A002", shown, use.span, f"`use {use.id}`: {use.filename!r} cannot be a file "
                                 f"here: {why}", "name a map file in this folder tree"), None
        if not inside:
            return Diagnostic.of(
                "A003", shown, use.span,
                f"`use {use.id}` reads {use.filename}, which is outside the maps' folder {display(root)}",
                "keep the maps a map uses in the same folder tree"), None
        if len(stack) >= MAX_USE_DEPTH:
            return Diagnostic.of("A005", shown, use.span, f"`use` goes more than {MAX_USE_DEPTH} maps deep"), None
        if resolved in stack:
            cycle = [display(p) for p in stack[stack.index(resolved):]] + [display(resolved)]
            return Diagnostic.of("A004", shown, use.span, f"`use {use.id}` makes a cycle: {' → '.join(cycle)}",
                                 "maps may answer each other only through a third map that uses both"), None
        if missing:
            return Diagnostic.of("A002", shown, use.span, f"`use {use.id}`: no map file {display(target)}",
                                 f"create {use.filename} beside this map, or write `use {use.id} from \"path\"`"), None
        try:
            loaded = self._load(target, root, stack, resolved)
        except ArgmapError as exc:
            first = exc.diagnostics[0]
            where = f" (line {first.line})" if first.span != NOWHERE else ""
            return Diagnostic.of(
                "A007", shown, use.span,
                f"`use {use.id}`: {display(target)} cannot be read: {first.message}{where}",
                "run `argmap check` on that map"), None
        if use.id in imports:
            return Diagnostic.of("A006", shown, use.span, f"`use {use.id}` appears twice"), None
        imports[use.id] = loaded.map
        return None, loaded


def load(path: str | os.PathLike, *, root: str | os.PathLike | None = None) -> Map:
    """Read the map at *path* and the maps it uses.

    Raises :class:`argmap.ArgmapError` when the file cannot be read or parsed.
    Problems with what it uses (a cycle, a missing file, a path that leaves
    *root*, by default the map's own folder) are kept in ``Map.problems`` and
    reported by :func:`argmap.check`.
    """
    return Loader(Path(root) if root is not None else None).load(path)


def _scan(folder: Path) -> tuple[list[Path], list[Diagnostic]]:
    """The map files below *folder*, and a warning for each one argmap will not read there.

    A symbolic link (to a file or a folder) that leads outside *folder* is
    skipped, by the same rule as ``use`` (:func:`is_inside`), and so is a
    ``.argmap`` name that is not a regular file (a pipe, a device).  Links
    that stay inside are not followed: what they point at is found anyway.
    """
    files: list[Path] = []
    skipped: list[Diagnostic] = []

    def skip(p: Path, why: str, code: str = "A003",
             hint: str = "keep the maps in the folder itself; links may point only inside it") -> None:
        skipped.append(Diagnostic.of(code, display(p), NOWHERE, f"{why}; it is skipped", hint,
                                     severity=Severity.WARNING))

    for here, folders, names in os.walk(folder, followlinks=False):
        base = Path(here)
        for name in list(folders):
            p = base / name
            if p.is_symlink() and not is_inside(p, folder):
                skip(p, f"this folder is a link to {_target_of(p)}, outside {display(folder)}")
        for name in names:
            if not name.endswith(SUFFIX):
                continue
            p = base / name
            if p.is_symlink() and not is_inside(p, folder):
                skip(p, f"this map is a link to {_target_of(p)}, outside {display(folder)}")
            elif p.is_symlink() and not p.exists():
                skip(p, "this map is a link to a file that does not exist", "A002", "remove the link or restore its file")
            elif not p.is_file():
                skip(p, "this is not a regular file (a pipe, a device or a socket)", "A002",
                     "argmap reads maps only from regular files")
            else:
                files.append(p)
    return sorted(files), skipped


def _target_of(link: Path) -> str:
    try:
        return display(link.resolve())
    except (OSError, RuntimeError):
        return "a loop of links"


def find_maps(paths: Iterable[str | os.PathLike]) -> tuple[list[tuple[Path, Path]], list[Diagnostic]]:
    """Expand files and folders into (map file, its root) pairs, sorted; problems as diagnostics.

    In a folder, links that lead outside it are skipped with a warning (A003).
    """
    found: list[tuple[Path, Path]] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files, skipped = _scan(p)
            problems.extend(skipped)
            if not files and not skipped:
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
        try:
            there = candidate.exists() and not candidate.is_dir()  # a pipe or a device is refused, in words
        except (OSError, ValueError) as exc:  # a name too long for the file system, a NUL byte
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            return None, None, Diagnostic.of("C113", m.display_path, field_span,
                                             f"the source text {doc.text!r} cannot be a file here: {why}")
        if there:
            try:
                return read_text(candidate, display(candidate)), candidate, None
            except ArgmapError as exc:
                d = exc.diagnostics[0]
                where = f" (at {d.path}:{d.span})" if d.span != NOWHERE else ""
                return None, None, Diagnostic.of(
                    "C113", m.display_path, field_span,
                    f"the source text {display(candidate)} cannot be read: {d.message}{where}")
    looked = ", ".join(display(c.parent) for c in candidates) or "nowhere"
    return None, None, Diagnostic.of(
        "C113", m.display_path, field_span,
        f"the source text {doc.text} was not found (looked in {looked}); quotations are not verified",
        "pass --text-dir with the folder that holds the article's text")


def with_uses(m: Map, shown: str, folder: Path, loader: Loader) -> Map:
    """*m*, read from text rather than a file, with the maps it uses loaded from *folder* by *loader*.

    What a map file in *folder* would have: each ``use`` read from beside it,
    and a diagnostic on the ``use`` line for one that is missing (A002) or
    cannot be read (A007).  For standard input and an editor's unsaved buffer.
    """
    if not m.uses:
        return m
    imports = {}
    problems = list(m.problems)
    for use in m.uses:
        target = folder / use.filename
        if not target.is_file():
            problems.append(Diagnostic.of("A002", shown, use.span, f"`use {use.id}`: no map file {display(target)}",
                                          f"create {use.filename} beside this map"))
            continue
        try:
            imports[use.id] = loader.load(target)
        except ArgmapError as exc:
            first = exc.diagnostics[0]
            problems.append(Diagnostic.of("A007", shown, use.span, f"`use {use.id}`: {display(target)} cannot be "
                                          f"read: {first.message} (line {first.line})", "open that map to fix it"))
        except (OSError, RecursionError) as exc:
            problems.append(Diagnostic.of("A007", shown, use.span,
                                          f"`use {use.id}`: {display(target)} cannot be read: {exc}"))
    return attrs.evolve(m, imports=imports, problems=tuple(problems))
