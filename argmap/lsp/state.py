"""The documents the editor has open, each analysed once per version.

:func:`analyse` is the whole pipeline for one text: parse, load what it
uses, check with the project's settings, index its names.  It is a pure
function of the text and an :class:`Environment` (settings, used maps and
article texts, each read from disk once and read again only when the file
changes), so a keystroke costs one parse and one check of the map itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import attrs

from argmap.checks.config import ConfigError, Settings, find_config, load_settings
from argmap.checks.quotes import SourceText
from argmap.checks.runner import Acknowledged, check_map
from argmap.diagnostics import Diagnostic
from argmap.files.loader import Loader, with_uses
from argmap.lsp.index import Occurrence, occurrences
from argmap.lsp.text import Lines
from argmap.model import Map
from argmap.syntax.parser import ArgmapError, parse


def path_of(uri: str) -> str | None:
    """The file a ``file:`` URI names, or None for any other scheme (an unsaved buffer)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return os.path.normpath(unquote(parsed.path))


def uri_of(path: str) -> str:
    """The ``file:`` URI of *path*."""
    return Path(path).resolve().as_uri()


@attrs.frozen
class Analysis:
    """One version of one document, analysed.

    ``map`` is None when the text does not parse; ``last_map`` is then the
    map of the last version that did (what navigation and completion use
    while the user is in the middle of a line).
    """

    uri: str
    version: int | None
    text: str
    lines: Lines
    path: str | None
    map: Map | None
    diagnostics: tuple[Diagnostic, ...]
    acknowledged: tuple[Acknowledged, ...] = ()
    last_map: Map | None = None
    settings: Settings = attrs.field(factory=Settings)
    source: SourceText | None = attrs.field(default=None, eq=False)
    source_name: str | None = None
    memo: dict = attrs.field(factory=dict, eq=False, repr=False)  # answers computed on first request

    @property
    def names(self) -> tuple[Occurrence, ...]:
        """Every name the map writes (indexed on first request: diagnostics are published before)."""
        if "names" not in self.memo:
            self.memo["names"] = occurrences(self.map) if self.map is not None else ()
        return self.memo["names"]

    @property
    def uses(self) -> frozenset[Path]:
        """The files of every map this one uses, directly or through others, resolved."""
        if "uses" not in self.memo:
            found: set[Path] = set()
            todo = list(self.map.imports.values()) if self.map is not None else []
            while todo:
                used = todo.pop()
                if used.path:
                    where = Path(used.path).resolve()
                    if where in found:
                        continue
                    found.add(where)
                todo.extend(used.imports.values())
            self.memo["uses"] = frozenset(found)
        return self.memo["uses"]

    @property
    def usable(self) -> Map | None:
        """The map to navigate: this version's, else the last one that parsed."""
        return self.map if self.map is not None else self.last_map


@attrs.define
class Environment:
    """What analysing a document reads besides its text, each file read again only when it changes.

    ``text_dirs`` are folders of article texts given by the editor's settings,
    searched after those of the configuration file.
    """

    text_dirs: tuple[str, ...] = ()
    _settings: dict[str, tuple[Any, Settings | ConfigError]] = attrs.field(factory=dict)
    _loaders: dict[str, tuple[Loader, dict[Path, Any]]] = attrs.field(factory=dict)
    _sources: dict[str, tuple[Any, SourceText]] = attrs.field(factory=dict)

    def settings(self, folder: Path) -> Settings | ConfigError:
        """The settings of the nearest configuration at or above *folder* (or a ConfigError to report)."""
        found = find_config(folder)
        key = str(found)
        stamp = _stamp(found) if found is not None else None
        cached = self._settings.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            value: Settings | ConfigError = load_settings(found) if found is not None else Settings()
        except ConfigError as exc:
            value = exc
        self._settings[key] = (stamp, value)
        return value

    def loader(self, folder: Path, buffers: Mapping[Path, str] | None = None) -> Loader:
        """A loader for maps used from *folder*, new when a file it read has changed since.

        *buffers* are the editor's open documents by resolved path: a used map
        open in the editor is read from its buffer, saved or not, and a change
        to that buffer counts as a change to the file.
        """
        buffers = dict(buffers or {})

        def stamp(p: Path, overlay: Mapping[Path, str]):
            text = overlay.get(p)
            return _stamp(p) if text is None else ("buffer", len(text), hash(text))

        key = str(folder)
        cached = self._loaders.get(key)
        if cached is not None:
            loader, stamps = cached
            # what it read since last time, it read through the buffers it had then
            stamps.update((p, stamp(p, loader.overlay)) for p in loader.cache if p not in stamps)
            if all(stamp(p, buffers) == s for p, s in stamps.items()):
                loader.overlay = buffers  # what it reads from now on
                return loader
        loader = Loader(folder, overlay=buffers)
        self._loaders[key] = (loader, {})
        return loader

    def source(self, path: Path) -> SourceText | None:
        """The article at *path* prepared for quotation look-ups, or None when it cannot be read."""
        stamp = _stamp(path)
        cached = self._sources.get(str(path))
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            prepared = SourceText(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None
        self._sources[str(path)] = (stamp, prepared)
        return prepared

    def forget(self) -> None:
        """Drop everything read from disk (a file was saved or changed outside the editor)."""
        self._settings.clear()
        self._loaders.clear()
        self._sources.clear()


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def analyse(uri: str, text: str, version: int | None, env: Environment,
            previous: Analysis | None = None, buffers: Mapping[str, str] | None = None) -> Analysis:
    """*text* (the document at *uri*) parsed, checked and indexed; never raises for any text.

    *buffers* are the texts of the editor's other open documents, by file path: the maps this one
    uses are read from them where open.
    """
    path = path_of(uri)
    shown = path or uri
    folder = Path(path).parent if path else Path.cwd()
    lines = Lines.of(text)
    last = previous.usable if previous is not None else None
    found = env.settings(folder)
    problems: list[Diagnostic] = []
    settings = found if isinstance(found, Settings) else Settings()
    if isinstance(found, ConfigError):
        problems.append(found.diagnostic)
    try:
        m = parse(text.removeprefix("\ufeff"), shown)
    except ArgmapError as exc:
        return Analysis(uri, version, text, lines, path, None, tuple(exc.diagnostics) + tuple(problems),
                        last_map=last, settings=settings)
    except RecursionError:  # a guard: the parser reads nesting iteratively, but no input may end the server
        d = Diagnostic.of("A001", shown, _first_line(), "the map is too deeply nested to read")
        return Analysis(uri, version, text, lines, path, None, (d,), last_map=last, settings=settings)
    open_maps = {Path(p).resolve(): t for p, t in (buffers or {}).items() if p != path}
    m = with_uses(m, shown, folder, env.loader(folder.resolve(), open_maps))
    text_dirs = (*settings.text_dirs, *(d for d in env.text_dirs if d not in settings.text_dirs))
    findings = check_map(m, text_dirs=[d for d in text_dirs if Path(d).is_dir()], root=folder,
                         config=settings.rules, map_text=text)
    source, source_name = _source_of(m, text_dirs, folder, env)
    return Analysis(uri, version, text, lines, path, m, tuple(problems) + findings.diagnostics,
                    findings.acknowledged, m, settings, source, source_name)


def _first_line():
    from argmap.diagnostics import NOWHERE

    return NOWHERE


def _source_of(m: Map, text_dirs: Iterable[str], folder: Path, env: Environment) -> tuple[SourceText | None, str | None]:
    """The article the map's ``text`` field names, prepared once per file version, and its name."""
    if m.document is None or not m.document.text:
        return None, None
    name = Path(m.document.text).name
    for candidate in (folder / m.document.text, *(Path(d) / name for d in text_dirs)):
        if candidate.is_file():
            source = env.source(candidate)
            if source is not None:
                return source, candidate.name
    return None, None
