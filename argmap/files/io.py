"""Writing files so that an interrupted run never leaves half of one.

Every command that writes (``argmap fmt``, ``render``, ``brief``, exports)
goes through :func:`write_atomic`: the data goes to a temporary file in the
target's own folder, is flushed to disk, and replaces the target with one
rename, so the old file stays whole until the new one is complete.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

MAP_SUFFIX = ".argmap"


class RefusedWrite(OSError):
    """The target is a file argmap must not overwrite (an input map, say)."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def check_writable(path: str | os.PathLike, *, protected: Iterable[str | os.PathLike] = (),
                   allow_maps: bool = False) -> Path:
    """The real path *path* would write to; RefusedWrite if writing it would destroy an input.

    *protected* names files that must survive (a command's inputs); unless
    *allow_maps*, an existing ``.argmap`` file is never replaced either, so
    ``argmap render brown.argmap -o brown.argmap`` cannot eat the map.
    """
    target = Path(path)
    for p in protected:
        if _same_file(target, Path(p)):
            raise RefusedWrite(f"{path}: refusing to overwrite an input file")
    if not allow_maps and target.suffix == MAP_SUFFIX and target.exists():
        raise RefusedWrite(f"{path}: refusing to overwrite a map file; choose another output name")
    if target.is_dir():
        raise RefusedWrite(f"{path}: is a folder")
    # write through a symbolic link to the file it points at, keeping the link
    return Path(os.path.realpath(target))


def write_atomic(path: str | os.PathLike, data: str | bytes, *, protected: Iterable[str | os.PathLike] = (),
                 allow_maps: bool = False, encoding: str = "utf-8") -> None:
    """Replace *path* with *data* in one step: a temporary file beside it, then ``os.replace``.

    Text is written as UTF-8 with ``\\n`` line ends, exactly as given.  An
    existing file keeps its permission bits.  On any failure the temporary
    file is removed and the original is untouched.
    """
    target = check_writable(path, protected=protected, allow_maps=allow_maps)
    payload = data.encode(encoding) if isinstance(data, str) else data
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
