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

from argmap._gc import leave_to_exit
from argmap.checks.anchors import (
    LOCK_NAME,
    UPDATE,
    Lock,
    LockError,
    MapAnchors,
    dumps_lock,
    read_lock,
)
from argmap.checks.config import settings_for
from argmap.checks.rules import find_rule
from argmap.checks.runner import Acknowledged, AnchorView, Config, check_map
from argmap.diagnostics import Diagnostic, Severity, Span, sort_diagnostics, summarize
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
    locks: tuple[LockUpdate, ...] = ()  # with update_anchors: what became of each folder's lock

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


@attrs.frozen
class LockUpdate:
    """What ``--update-anchors`` did to one folder's lock: written or not, and what changed in it.

    ``kept`` names the maps whose old anchors stay because they could not be
    checked (no text found, or the map does not read); ``error`` says why
    the lock was not written, when it was not.
    """

    path: str
    written: bool
    maps: int = 0
    quotations: int = 0
    added: int = 0
    moved: int = 0
    dropped: int = 0
    texts: int = 0  # maps whose text (or its content) is not the one anchored before
    kept: tuple[str, ...] = ()
    error: str | None = None

    def describe(self) -> str:
        """One line for the terminal."""
        if self.error:
            return f"{self.path}: not written: {self.error}"
        size = f"{self.quotations} quotation{'s' if self.quotations != 1 else ''} of " \
               f"{self.maps} map{'s' if self.maps != 1 else ''}"
        if not self.written:
            line = f"{self.path} is up to date ({size})"
        else:
            texts = f", {self.texts} changed text{'s' if self.texts != 1 else ''}" if self.texts else ""
            line = f"wrote {self.path}: {size} ({self.added} new, {self.moved} moved, {self.dropped} dropped{texts})"
        if self.kept:
            line += f"; kept the old anchors of {', '.join(self.kept)} (not checked: no text found, or it does not read)"
        return line


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
                ignore: Iterable[str] = (), update_anchors: bool = False) -> CheckReport:
    """Check every map in *paths* (files, or folders searched for ``.argmap`` files).

    *config*, *select* and *ignore* are as for :func:`configure` (pass
    ``Config()`` to read no configuration file).  *text_dirs* are the
    folders holding the articles' texts; NotADirectoryError when one is not
    a folder.  A map in a folder may ``use`` maps anywhere below that
    folder; a file named alone, those beside it.  Files that cannot be read
    are diagnostics (A002), not exceptions.

    The ``quotations.lock`` beside each folder's maps is compared with
    (rules C123-C126); a lock that cannot be read is an A002 error at its
    line.  With *update_anchors* the locks are not compared but rewritten
    (whole, and only when their text changes; ``CheckReport.locks`` says
    what became of each), never touching a map.
    """
    settings = configure(paths, config, select=select, ignore=ignore)
    _check_text_dirs(text_dirs)
    files, unread = find_maps(paths)
    diagnostics: list[Diagnostic] = []
    acknowledged: list[Acknowledged] = []
    loaders: dict[Path, Loader] = {}
    locks: dict[Path, Lock | LockError | None] = {}
    now: dict[Path, dict[str, MapAnchors | None]] = {}
    for path, root in files:
        folder = path.parent.resolve()
        if folder not in locks:
            locks[folder] = _read_lock(folder, display(path.parent / LOCK_NAME))
        lock = locks[folder]
        now.setdefault(folder, {})[path.name] = None
        loader = loaders.setdefault(root.resolve(), Loader(root.resolve()))  # each used map is read once
        try:
            m = loader.load(path)
        except ArgmapError as exc:
            unread.extend(exc.diagnostics)
            continue
        view = AnchorView(LOCK_NAME, lock.maps.get(path.name)) if isinstance(lock, Lock) and not update_anchors \
            else None
        found = check_map(m, text_dirs=text_dirs, root=root, config=settings, anchors=view,
                          record_anchors=update_anchors)
        now[folder][path.name] = found.anchors
        diagnostics.extend(found.diagnostics)
        acknowledged.extend(found.acknowledged)
    for folder, lock in locks.items():
        if isinstance(lock, LockError):
            unread.append(lock.diagnostic())
        elif lock is not None and not update_anchors:
            unread.extend(_gone_maps(lock, folder))
    updates = tuple(_update(folder, locks[folder], now[folder], [f for f, _ in files]) for folder in now) \
        if update_anchors else ()
    unread = [d for d in unread if _enabled(settings, d)]
    leave_to_exit(loaders)  # the maps read: the argmap program ends without freeing them one by one
    return CheckReport(tuple(sort_diagnostics(diagnostics + unread)), len(files), tuple(acknowledged),
                       tuple(display(f) for f, _ in files), tuple(u for u in updates if u is not None))


def _read_lock(folder: Path, shown: str) -> Lock | LockError | None:
    from argmap._gc import no_gc

    try:
        with no_gc():  # a big lock is many small objects: collecting while they are made only costs time
            return read_lock(folder / LOCK_NAME, shown)
    except LockError as exc:
        return exc


def _gone_maps(lock: Lock, folder: Path) -> list[Diagnostic]:
    """C125 on the lock file for each map it anchors that is no longer in the folder."""
    shown = display(lock.path)
    return [Diagnostic.of("C125", shown, Span(entry.entry_line or 1, 1),
                          f"anchors for {name}, which is no longer in {display(folder)}",
                          f"`{UPDATE}` drops them")
            for name, entry in sorted(lock.maps.items()) if not (folder / name).is_file()]


def _update(folder: Path, lock: Lock | LockError | None, checked: dict[str, MapAnchors | None],
            inputs: list[Path]) -> LockUpdate | None:
    """Write the folder's lock from what its maps quote now (None: nothing to anchor and no lock)."""
    from argmap.files.io import write_atomic

    path = folder / LOCK_NAME
    shown = display(path)
    if isinstance(lock, LockError):
        return LockUpdate(shown, False, error=f"it cannot be read ({lock.line}:{lock.column}: {lock.message}); "
                                              "delete it to write it anew")
    old = dict(lock.maps) if lock is not None else {}
    maps = {name: entry for name, entry in old.items() if (folder / name).is_file()}
    kept = []
    for name, entry in checked.items():
        if entry is not None:
            maps[name] = entry
        elif name in old:
            kept.append(name)
    if lock is None and not maps:
        return None
    before = {(name, a.key): a for name, e in old.items() for a in e.quotations}
    after = {(name, a.key): a for name, e in maps.items() for a in e.quotations}
    moved = sum(1 for k, a in after.items() if k in before and before[k].offset != a.offset)
    counts = dict(maps=len(maps), quotations=len(after), added=len(after.keys() - before.keys()), moved=moved,
                  dropped=len(before.keys() - after.keys()), kept=tuple(sorted(kept)),
                  texts=sum(1 for name, e in maps.items()
                            if name in old and (old[name].text, old[name].text_hash) != (e.text, e.text_hash)))
    text = dumps_lock(maps)
    try:
        if path.read_text(encoding="utf-8") == text:
            return LockUpdate(shown, False, **counts)
    except (OSError, UnicodeDecodeError):
        pass
    try:
        write_atomic(path, text, protected=inputs)
    except OSError as exc:
        return LockUpdate(shown, False, error=str(exc.strerror or exc))
    return LockUpdate(shown, True, **counts)


def check_text(text: str, path: PathLike | None = None, *, text_dirs: Sequence[PathLike] = (),
               config: Config | PathLike | None = None, select: Iterable[str] = (),
               ignore: Iterable[str] = ()) -> CheckReport:
    """Check one map given as *text* (``argmap check -`` reads it from standard input).

    *path* is the name diagnostics give the map (default ``<stdin>``); the
    configuration is looked for from its folder, and ``use`` and the
    ``text`` field are resolved beside it, as for a file of that name.
    Other arguments are as for :func:`check_paths`; no ``quotations.lock``
    is compared (it records the map files, not this text).
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
    found = check_map(m, text_dirs=text_dirs, root=Path(shown).parent, config=settings, map_text=text,
                      anchors=None)  # the lock describes the files, not this text
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
