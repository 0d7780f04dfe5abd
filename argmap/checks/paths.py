"""Checking files and folders as ``argmap check`` does: find the maps, the configuration, the texts.

:func:`check_paths` expands folders into their ``.argmap`` files, reads
the settings from the nearest ``argmap.toml`` (or ``[tool.argmap]`` in
``pyproject.toml``), loads each map once with what it uses, and checks
it; :class:`CheckReport` holds the diagnostics, the acknowledged findings
and the maps checked.  :func:`check_text` checks a map given as text (read
from standard input), and :func:`watch` checks again whenever a map changes.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from argmap.checks.config import settings_for
from argmap.checks.rules import find_rule
from argmap.checks.runner import Acknowledged, Config, check_map
from argmap.diagnostics import Diagnostic, Severity, sort_diagnostics, summarize
from argmap.files.loader import Loader, display, find_maps, with_uses
from argmap.syntax.parser import ArgmapError, parse

PathLike = str | os.PathLike[str]


@attrs.frozen
class CheckReport:
    """What a check of files and folders found.

    ``diagnostics`` are sorted; ``acknowledged`` holds the findings the maps
    acknowledge with a reason (not in ``diagnostics``); ``files`` counts the
    maps checked and ``paths`` names them, as the diagnostics do.
    """

    diagnostics: tuple[Diagnostic, ...]
    files: int
    acknowledged: tuple[Acknowledged, ...] = ()
    paths: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """The one-line count ``argmap check`` ends with: maps checked, errors, warnings, notes, acknowledged."""
        return summarize(self.diagnostics, self.files, acknowledged=len(self.acknowledged))

    @property
    def unreadable(self) -> bool:
        """True when an input could not be read at all (an A002 error): the run did not check everything."""
        return any(d.code == "A002" and d.severity == Severity.ERROR for d in self.diagnostics)

    def fails(self, threshold: Severity = Severity.ERROR) -> bool:
        """True when a diagnostic is at least as severe as *threshold* (acknowledged findings never count)."""
        return any(d.severity >= threshold for d in self.diagnostics)


def configure(paths: Sequence[PathLike] = (), config: Config | PathLike | None = None, *,
              select: Iterable[str] = (), ignore: Iterable[str] = ()) -> Config:
    """The rule configuration a check of *paths* runs with.

    *config* is a :class:`Config` to use as it is, or the path of a
    configuration file to read; by default the nearest ``argmap.toml`` or
    ``pyproject.toml`` with ``[tool.argmap]`` at or above the first path
    (or the working folder).  *select* and *ignore* go on top, as the
    command line's ``--select`` and ``--ignore`` do; ValueError for one that
    selects no rule.  Raises :class:`~argmap.checks.config.ConfigError` for a
    file that cannot be used.
    """
    if isinstance(config, Config):
        from argmap.checks.config import Settings

        settings = Settings(rules=config)
    else:
        settings = settings_for(paths, config)
    return settings.overridden(select=select, ignore=ignore).rules


def _check_text_dirs(text_dirs: Sequence[PathLike]) -> None:
    for folder in text_dirs:
        if not Path(folder).is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "no such folder", str(folder))


def check_paths(paths: Sequence[PathLike], *, text_dirs: Sequence[PathLike] = (),
                config: Config | PathLike | None = None, select: Iterable[str] = (),
                ignore: Iterable[str] = ()) -> CheckReport:
    """Check every map in *paths* (files, or folders searched for ``.argmap`` files).

    *config*, *select* and *ignore* are as for :func:`configure` (pass
    ``Config()`` to read no configuration file).  *text_dirs* are the
    folders holding the articles' texts; NotADirectoryError when one is not
    a folder.  A map in a folder may ``use`` maps anywhere below that
    folder; a file named alone, those beside it.  Files that cannot be read
    are diagnostics (A002), not exceptions.
    """
    settings = configure(paths, config, select=select, ignore=ignore)
    _check_text_dirs(text_dirs)
    files, unread = find_maps(paths)
    diagnostics: list[Diagnostic] = []
    acknowledged: list[Acknowledged] = []
    loaders: dict[Path, Loader] = {}
    for path, root in files:
        loader = loaders.setdefault(root.resolve(), Loader(root.resolve()))  # each used map is read once
        try:
            m = loader.load(path)
        except ArgmapError as exc:
            unread.extend(exc.diagnostics)
            continue
        found = check_map(m, text_dirs=text_dirs, root=root, config=settings)
        diagnostics.extend(found.diagnostics)
        acknowledged.extend(found.acknowledged)
    unread = [d for d in unread if _enabled(settings, d)]
    return CheckReport(tuple(sort_diagnostics(diagnostics + unread)), len(files), tuple(acknowledged),
                       tuple(display(f) for f, _ in files))


def check_text(text: str, path: PathLike | None = None, *, text_dirs: Sequence[PathLike] = (),
               config: Config | PathLike | None = None, select: Iterable[str] = (),
               ignore: Iterable[str] = ()) -> CheckReport:
    """Check one map given as *text* (``argmap check -`` reads it from standard input).

    *path* is the name diagnostics give the map (default ``<stdin>``); the
    configuration is looked for from its folder, and ``use`` and the
    ``text`` field are resolved beside it, as for a file of that name.
    Other arguments are as for :func:`check_paths`.
    """
    shown = str(path) if path is not None else "<stdin>"
    where = [path] if path is not None else []
    settings = configure(where, config, select=select, ignore=ignore)
    _check_text_dirs(text_dirs)
    try:
        m = _load_text(text, shown, Path(shown).parent)
    except ArgmapError as exc:
        unread = [d for d in exc.diagnostics if _enabled(settings, d)]
        return CheckReport(tuple(sort_diagnostics(unread)), 1, (), (shown,))
    found = check_map(m, text_dirs=text_dirs, root=Path(shown).parent, config=settings, map_text=text)
    return CheckReport(found.diagnostics, 1, found.acknowledged, (shown,))


def _load_text(text: str, shown: str, folder: Path):
    """The map in *text*, with the maps it uses read from *folder* as a file there would have them."""
    return with_uses(parse(text.removeprefix("\ufeff"), shown), shown, folder, Loader(folder.resolve()))


def _enabled(config: Config, d: Diagnostic) -> bool:
    """Whether the configuration keeps a diagnostic made before any check ran (an unreadable file)."""
    r = find_rule(d.code)
    return r is None or config.enabled(r, d.path)


Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: Sequence[PathLike], extra: Iterable[PathLike] = ()) -> Snapshot:
    """The modification time and size of every map below *paths*, and of the *extra* files that exist."""
    files, _ = find_maps(paths)
    seen: Snapshot = {}
    for f in [*(f for f, _ in files), *(Path(e) for e in extra)]:
        try:
            stat = f.stat()
        except OSError:
            continue
        seen[str(f)] = (stat.st_mtime_ns, stat.st_size)
    return seen


def watch(paths: Sequence[PathLike], run: Callable[[], int], *, extra: Iterable[PathLike] = (),
          interval: float = 0.5, max_polls: int | None = None,
          sleep: Callable[[float], object] | None = None) -> int:
    """Call *run* now, then again whenever a map below *paths* (or an *extra* file) changes; its last result.

    Polls every *interval* seconds (a map added or removed counts as a
    change); *max_polls* bounds the number of polls (None: until
    interrupted); *sleep* waits (default :func:`time.sleep`).  Polling needs
    nothing but ``os.stat``, on every system.
    """
    extra = tuple(extra)
    sleep = sleep or time.sleep
    seen = snapshot(paths, extra)
    status = run()
    polls = 0
    while max_polls is None or polls < max_polls:
        sleep(interval)
        polls += 1
        now = snapshot(paths, extra)
        if now != seen:
            seen = now
            status = run()
    return status
