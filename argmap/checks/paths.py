"""Checking files and folders as ``argmap check`` does: find the maps, the configuration, the texts.

:func:`check_paths` expands folders into their ``.argmap`` files, reads
the settings from the nearest ``argmap.toml`` (or ``[tool.argmap]`` in
``pyproject.toml``), loads each map once with what it uses, and checks
it; :class:`CheckReport` holds the diagnostics and the number of maps.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from argmap.checks.config import find_config, load_config
from argmap.checks.rules import find_rule
from argmap.checks.runner import Config, check
from argmap.diagnostics import Diagnostic, Severity, sort_diagnostics, summarize, to_json
from argmap.files.loader import Loader, find_maps
from argmap.syntax.parser import ArgmapError

PathLike = str | os.PathLike[str]


@attrs.frozen
class CheckReport:
    """What a check of files and folders found: the sorted ``diagnostics`` and the number of ``files``."""

    diagnostics: tuple[Diagnostic, ...]
    files: int

    @property
    def summary(self) -> str:
        """The one-line count ``argmap check`` ends with: maps checked, errors, warnings, notes."""
        return summarize(self.diagnostics, self.files)

    def to_json(self) -> str:
        """The report as ``argmap check --format json`` prints it."""
        return to_json(self.diagnostics, self.files)

    @property
    def unreadable(self) -> bool:
        """True when an input could not be read at all (an A002 error): the run did not check everything."""
        return any(d.code == "A002" and d.severity == Severity.ERROR for d in self.diagnostics)

    def fails(self, threshold: Severity = Severity.ERROR) -> bool:
        """True when a diagnostic is at least as severe as *threshold*."""
        return any(d.severity >= threshold for d in self.diagnostics)


def configure(paths: Sequence[PathLike] = (), config: Config | PathLike | None = None, *,
              select: Iterable[str] = (), ignore: Iterable[str] = ()) -> Config:
    """The configuration a check of *paths* runs with.

    *config* is a :class:`Config` to use as it is, or the path of a
    configuration file to read; by default the nearest ``argmap.toml`` or
    ``pyproject.toml`` with ``[tool.argmap]`` at or above the first path
    (or the working folder).  *select* and *ignore* go on top, as the
    command line's ``--select`` and ``--ignore`` do.  Raises
    :class:`~argmap.checks.config.ConfigError` for a file that cannot be used.
    """
    if isinstance(config, Config):
        base = config
    else:
        found = Path(config) if config is not None else find_config(Path(paths[0]) if paths else Path.cwd())
        base = load_config(found) if found is not None else Config()
    return base.merged(Config(select=tuple(select), ignore=tuple(ignore)))


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
    for folder in text_dirs:
        if not Path(folder).is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "no such folder", str(folder))
    files, unread = find_maps(paths)
    diagnostics: list[Diagnostic] = []
    loaders: dict[Path, Loader] = {}
    for path, root in files:
        loader = loaders.setdefault(root.resolve(), Loader(root.resolve()))  # each used map is read once
        try:
            m = loader.load(path)
        except ArgmapError as exc:
            unread.extend(exc.diagnostics)
            continue
        diagnostics.extend(check(m, text_dirs=text_dirs, root=root, config=settings))
    unread = [d for d in unread if _enabled(settings, d)]
    return CheckReport(tuple(sort_diagnostics(diagnostics + unread)), len(files))


def _enabled(config: Config, d: Diagnostic) -> bool:
    """Whether the configuration keeps a diagnostic made before any check ran (an unreadable file)."""
    r = find_rule(d.code)
    return r is None or config.enabled(r, d.path)
