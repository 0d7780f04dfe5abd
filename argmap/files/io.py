"""Reading and writing files so that no file can hang, flood or half-overwrite a run.

Every read of a user's file (maps, source texts, converter inputs) goes
through :func:`read_limited`: it opens without blocking, refuses anything
that is not a regular file (a named pipe, a device such as ``/dev/zero``, a
socket, a folder) and never reads more than the limit, whatever the file's
size claims to be.

Every command that writes (``argmap fmt``, ``render``, ``brief``, exports)
goes through :func:`write_atomic`: the data goes to a temporary file in the
target's own folder, is flushed to disk, and replaces the target with one
rename, so the old file stays whole until the new one is complete.  Only a
regular file, or a name that does not exist yet, is ever replaced.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

MAP_SUFFIX = ".argmap"
MAX_FILE_BYTES = 16 * 1024 * 1024  # maps, texts and converter inputs alike
_CHUNK = 1 << 20


# ------------------------------------------------------------------ reads ----


class FileStamp(NamedTuple):
    """When a file was last changed and how big it was: enough to notice that another program saved it."""

    mtime_ns: int
    size: int


class ReadRefused(OSError):
    """A file argmap will not read; ``reason`` says why, ``message`` says it in words.

    ``reason`` is one of ``missing``, ``folder``, ``special`` (a pipe, a device
    or a socket), ``too-large`` or ``unreadable``; ``size`` is the file's size
    when it is known.
    """

    def __init__(self, path: str | os.PathLike, reason: str, message: str, size: int | None = None):
        super().__init__(message)
        self.path = os.fspath(path)
        self.reason = reason
        self.message = message
        self.size = size

    def __str__(self) -> str:
        return self.message


def kind_of(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words (``a named pipe (FIFO)``, ``a folder``...)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def _too_large(path, size: int | None, limit: int) -> ReadRefused:
    amount = f"is {size / 1048576:.1f} MiB" if size is not None else f"is over {limit / 1048576:g} MiB"
    return ReadRefused(path, "too-large", f"the file {amount}; the files argmap reads are limited to "
                       f"{limit / 1048576:g} MiB", size)


# O_NONBLOCK: opening a named pipe must not wait for a writer; O_NOCTTY: a
# terminal named as a file must not become ours.
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def read_stamped(path: str | os.PathLike, *, limit: int = MAX_FILE_BYTES) -> tuple[bytes, FileStamp]:
    """The bytes of the regular file *path* and its stamp as it was opened; ReadRefused otherwise.

    At most *limit* bytes are read, whatever ``st_size`` says (files in
    ``/proc`` claim 0 bytes, a file may grow while it is read).  The stamp is
    taken before the read, so a change made during it shows as a change.
    """
    try:
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        raise ReadRefused(path, "missing", "no such file") from None
    except IsADirectoryError:
        raise ReadRefused(path, "folder", "this is a folder, not a file") from None
    except NotADirectoryError:
        raise ReadRefused(path, "missing", "no such file (a part of the path is not a folder)") from None
    except OSError as exc:
        try:  # a socket cannot be opened at all (ENXIO): say what it is, not what open said
            mode = os.stat(path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):
            raise ReadRefused(path, "special", f"this is {kind_of(mode)}, not a regular file; "
                              "argmap reads only regular files") from None
        raise ReadRefused(path, "unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadRefused(path, "folder", "this is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise ReadRefused(path, "special", f"this is {kind_of(st.st_mode)}, not a regular file; "
                              "argmap reads only regular files")
        if st.st_size > limit:
            raise _too_large(path, st.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _too_large(path, None, limit)
        return b"".join(chunks), FileStamp(st.st_mtime_ns, st.st_size)
    except ReadRefused:
        raise
    except OSError as exc:
        raise ReadRefused(path, "unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_limited(path: str | os.PathLike, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file *path*, at most *limit* of them; ReadRefused otherwise."""
    return read_stamped(path, limit=limit)[0]


def file_stamp(path: str | os.PathLike) -> FileStamp | None:
    """The stamp of the file *path* now (following links), or None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileStamp(st.st_mtime_ns, st.st_size)


# ----------------------------------------------------------------- writes ----


class RefusedWrite(OSError):
    """The target is a file argmap must not overwrite (an input map, a device, a folder)."""


class ChangedMeanwhile(RefusedWrite):
    """The target changed since it was read: another program saved it, so it is not overwritten."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _names_folder(raw: str) -> bool:
    return raw.endswith(("/", os.sep) + ((os.altsep,) if os.altsep else ()))


def check_writable(path: str | os.PathLike, *, protected: Iterable[str | os.PathLike] = (),
                   allow_maps: bool = False) -> Path:
    """The real path *path* would write to; RefusedWrite if writing it would destroy an input.

    *protected* names files that must survive (a command's inputs); unless
    *allow_maps*, an existing ``.argmap`` file is never replaced either, so
    ``argmap render brown.argmap -o brown.argmap`` cannot eat the map.  Only
    a regular file or a new name is written: a device (``/dev/null``), a
    named pipe, a socket or a folder is refused, and so is a name ending in
    ``/``, which names a folder.
    """
    raw = os.fspath(path)
    target = Path(raw)
    if _names_folder(raw):
        if target.is_dir():
            raise RefusedWrite(f"{raw}: is a folder; give a file name")
        if target.exists():
            raise RefusedWrite(f"{raw}: {raw.rstrip('/' + os.sep)} is a file, not a folder (the name ends in /)")
        raise RefusedWrite(f"{raw}: the name ends in / so it names a folder; give a file name")
    for p in protected:
        if _same_file(target, Path(p)):
            raise RefusedWrite(f"{raw}: refusing to overwrite an input file")
    if not allow_maps and target.suffix == MAP_SUFFIX and target.exists():
        raise RefusedWrite(f"{raw}: refusing to overwrite a map file; choose another output name")
    # write through a symbolic link to the file it points at, keeping the link
    real = Path(os.path.realpath(target))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return real
    except OSError as exc:
        raise RefusedWrite(f"{raw}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise RefusedWrite(f"{raw}: is a folder")
    if not stat.S_ISREG(mode):
        raise RefusedWrite(f"{raw}: is {kind_of(mode)}, not a regular file; argmap writes only regular files")
    return real


# Temporary files are named ``.<target>.argmap-<pid>-<random>.tmp``: hidden,
# never ``*.argmap``, so no folder scan reads one, and with the pid of the run
# that made it, so a later run can tell a leftover of a killed run from a
# write still under way.
_TEMP = re.compile(r"\.(?P<name>.+)\.argmap-(?P<pid>\d+)-[^.]+\.tmp\Z")
_PENDING: set[str] = set()
_STALE_SECONDS = 24 * 3600  # where the pid cannot be asked about (Windows)


def temp_prefix(target: Path) -> str:
    """The start of the name of this process's temporary files for *target*."""
    return f".{target.name}.argmap-{os.getpid()}-"


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill on Windows would end the process; age decides there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True


def remove_stale_temps(target: str | os.PathLike) -> list[Path]:
    """Remove the leftover temporary files of *target* that runs killed mid-write left; returns them.

    A temporary file is stale when the run that made it is gone (or, where
    that cannot be asked, when it is a day old); one still being written is
    left alone.
    """
    target = Path(target)
    removed = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.match(entry.name)
        if not m or m.group("name") != target.name or entry.path in _PENDING:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            pid = int(m.group("pid"))
            if pid == os.getpid():
                continue  # another thread of this run may be writing it
            if os.name == "posix":
                stale = not _alive(pid)
            else:
                stale = time.time() - entry.stat(follow_symlinks=False).st_mtime > _STALE_SECONDS
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _remove_pending() -> None:
    for temp in list(_PENDING):
        try:
            os.unlink(temp)
        except OSError:
            pass
        _PENDING.discard(temp)


def _on_signal(signum, frame) -> None:  # noqa: ARG001 (a signal handler's signature)
    """Remove the temporary files, then die of the signal as the default action would."""
    _remove_pending()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


_CLEANUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


@contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """While a temporary file exists, a signal that would end the run removes it first.

    Only signals left at their default action are taken over (Python's own
    SIGINT handler raises KeyboardInterrupt, which ``write_atomic`` cleans up
    after), and only in the main thread, the one Python lets set handlers.
    """
    saved = []
    if threading.current_thread() is threading.main_thread():
        for sig in _CLEANUP_SIGNALS:
            try:
                if signal.getsignal(sig) == signal.SIG_DFL:
                    signal.signal(sig, _on_signal)
                    saved.append(sig)
            except (OSError, ValueError):
                continue
    try:
        yield
    finally:
        for sig in saved:
            signal.signal(sig, signal.SIG_DFL)


def write_atomic(path: str | os.PathLike, data: str | bytes, *, protected: Iterable[str | os.PathLike] = (),
                 allow_maps: bool = False, encoding: str = "utf-8",
                 expect_unchanged: FileStamp | tuple[int, int] | None = None) -> None:
    """Replace *path* with *data* in one step: a temporary file beside it, then ``os.replace``.

    Text is written as UTF-8 with ``\\n`` line ends, exactly as given.  An
    existing file keeps its permission bits.  On any failure, and when the
    run is ended by SIGTERM, SIGHUP or SIGINT, the temporary file is removed
    and the original is untouched; leftovers of runs killed outright are
    removed on the next write.

    With *expect_unchanged* (the :class:`FileStamp` of the file as it was
    read, from :func:`read_stamped` or :func:`file_stamp`), ChangedMeanwhile
    is raised instead of writing when the file is no longer as it was: a
    formatter never overwrites what an editor saved in the meantime.
    RefusedWrite (see :func:`check_writable`) for a target that must not be
    written.
    """
    target = check_writable(path, protected=protected, allow_maps=allow_maps)
    payload = data.encode(encoding) if isinstance(data, str) else data
    expected = FileStamp(*expect_unchanged) if expect_unchanged is not None else None
    if expected is not None and file_stamp(target) != expected:
        raise ChangedMeanwhile(f"{os.fspath(path)}: changed on disk since it was read; not overwritten")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    remove_stale_temps(target)
    with _cleanup_on_signals():
        fd, temp = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp", dir=target.parent)
        _PENDING.add(temp)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(temp, mode)
            if expected is not None and file_stamp(target) != expected:  # again, as late as can be
                raise ChangedMeanwhile(f"{os.fspath(path)}: changed on disk since it was read; not overwritten")
            os.replace(temp, target)
        except BaseException:
            try:
                os.unlink(temp)
            except FileNotFoundError:
                pass
            raise
        finally:
            _PENDING.discard(temp)
