"""Nothing argmap writes replaces what is not a regular file, leaves a temporary file behind, or overwrites a newer save.

``write_atomic`` writes only to a regular file or a new name, removes its
temporary file when the run is ended by a signal and the leftovers of runs
that were killed outright, and with ``expect_unchanged`` refuses to replace
a file another program saved since it was read.
"""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.cli.main import build_parser
from argmap.files.io import (ChangedMeanwhile, RefusedWrite, check_writable, file_stamp, remove_stale_temps,
                             temp_prefix, write_atomic)
from argmap.files.loader import find_maps

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pipes, sockets and signals as POSIX has them")

MAP = "thesis t: T.\nclaim a (c): A. [^1]\n  supports t\n\nfootnotes\n  [^1]: A note, 2017.\n"


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ------------------------------------------------------ what may be written ----


def _target(kind: str, folder: Path) -> tuple[str, callable]:
    """An output name of *kind* in *folder*, and a check that it is still what it was."""
    if kind == "fifo":
        path = folder / "out.svg"
        os.mkfifo(path)
        return str(path), lambda: stat.S_ISFIFO(os.lstat(path).st_mode)
    if kind == "socket":
        path = folder / "out.svg"
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
        return str(path), lambda: stat.S_ISSOCK(os.lstat(path).st_mode)
    if kind == "folder":
        path = folder / "out.svg"
        path.mkdir()
        return str(path), lambda: path.is_dir() and not any(path.iterdir())
    if kind == "file then /":
        path = folder / "out.svg"
        path.write_text("kept")
        return str(path) + "/", lambda: path.read_text() == "kept"
    if kind == "link to fifo":
        real = folder / "real.pipe"
        os.mkfifo(real)
        (folder / "out.svg").symlink_to(real)
        return str(folder / "out.svg"), lambda: stat.S_ISFIFO(os.stat(real).st_mode)
    raise ValueError(kind)


KINDS = ["fifo", "socket", "folder", "file then /", "link to fifo"]
COMMANDS = {
    "render": lambda m, out: ["render", m, "-o", out],
    "convert": lambda m, out: ["convert", m, "--to", "aif", "-o", out],
    "bib": lambda m, out: ["bib", m, "-o", out],
}


@pytest.mark.parametrize("command, kind", [(c, k) for c in COMMANDS for k in KINDS
                                           if (c, k) != ("render", "folder")])  # one diagram per map in it
def test_an_output_that_is_no_regular_file_is_refused_and_left_as_it_was(tmp_path, capsys, command, kind):
    m = tmp_path / "m.argmap"
    m.write_text(MAP)
    out, unchanged = _target(kind, tmp_path)
    code = main(COMMANDS[command](str(m), out))
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert any(words in err for words in ("not a regular file", "is a folder", "is a file, not a folder"))
    assert unchanged()
    assert _temps(tmp_path) == []


@pytest.mark.parametrize("kind", KINDS)
def test_write_atomic_refuses_what_is_no_regular_file(tmp_path, kind):
    out, unchanged = _target(kind, tmp_path)
    with pytest.raises(RefusedWrite):
        write_atomic(out, "data")
    assert unchanged() and _temps(tmp_path) == []


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero", "/dev/tty"])
def test_a_device_is_never_a_place_to_write(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    with pytest.raises(RefusedWrite, match="character device"):
        check_writable(device)


def test_standard_output_is_still_dash(tmp_path, capsys):
    m = tmp_path / "m.argmap"
    m.write_text(MAP)
    assert main(["convert", str(m), "--to", "aif", "-o", "-"]) == 0
    assert '"nodes"' in capsys.readouterr().out
    assert main(["bib", str(m), "-o", "-"]) == 0
    assert "A note" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argmap"]


@pytest.mark.parametrize("out", ["afile/", "afile/x.svg", "afile/sub/"])
def test_a_file_in_the_place_of_a_folder_is_a_clear_error(tmp_path, capsys, out):
    m = tmp_path / "m.argmap"
    m.write_text(MAP)
    (tmp_path / "afile").write_text("kept")
    code = main(["render", str(m), "-o", f"{tmp_path}/{out}"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and "afile" in err
    assert "not a folder" in err or "Not a directory" in err
    assert (tmp_path / "afile").read_text() == "kept"


# ----------------------------------------------------------- interrupted ----

# A child process writes with write_atomic and is signalled at one of the
# steps between making the temporary file and renaming it.
CHILD = textwrap.dedent("""
    import os, sys
    import argmap.files.io as io
    target, signum, step = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if step == "write":  # half the data written when the signal comes
        real_fdopen = os.fdopen
        def fdopen(fd, mode):
            f = real_fdopen(fd, mode)
            whole = f.write
            def write(data):
                whole(data[:1])
                os.kill(os.getpid(), signum)
                return whole(data[1:])
            f.write = write
            return f
        os.fdopen = fdopen
    else:  # the data written, then the signal, before the flush to disk or the rename
        real = getattr(os, step)
        def interrupt(*args, **kwargs):
            os.kill(os.getpid(), signum)
            return real(*args, **kwargs)
        setattr(os, step, interrupt)
    io.write_atomic(target, "new text")
""")


@pytest.mark.parametrize("step", ["write", "fsync", "chmod"])
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_run_ended_by_a_signal_leaves_no_temporary_file_and_the_old_file_whole(tmp_path, signame, step):
    target = tmp_path / "out.svg"
    target.write_text("old text")
    signum = getattr(signal, signame)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(target), str(signum), step],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0, "the signal should have ended the run"
    assert target.read_text() == "old text"
    assert _temps(tmp_path) == []


def test_leftovers_of_killed_runs_are_removed_and_a_write_under_way_is_not(tmp_path):
    target = tmp_path / "out.svg"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stale = tmp_path / f".out.svg.argmap-{dead.pid}-abc123.tmp"
        busy = tmp_path / f".out.svg.argmap-{alive.pid}-def456.tmp"
        other = tmp_path / f".other.svg.argmap-{dead.pid}-abc123.tmp"
        for p in (stale, busy, other):
            p.write_text("half")
        write_atomic(target, "whole")
        assert target.read_text() == "whole"
        assert not stale.exists() and busy.exists() and other.exists()
        assert remove_stale_temps(tmp_path / "other.svg") == [other]
    finally:
        alive.kill()
        alive.wait()


def test_temporary_files_are_never_taken_for_maps(tmp_path):
    (tmp_path / "m.argmap").write_text(MAP)
    (tmp_path / (temp_prefix(tmp_path / "m.argmap") + "x1.tmp")).write_text("half a map")
    files, problems = find_maps([tmp_path])
    assert [f.name for f, _ in files] == ["m.argmap"] and problems == []


# ------------------------------------------------------- saved meanwhile ----


def _append(p: Path) -> None:
    p.write_text(p.read_text() + "more\n")


def _same_size_later(p: Path) -> None:
    st = p.stat()
    p.write_text(p.read_text().upper())
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def _replaced(p: Path) -> None:
    other = p.with_name("editor-save.tmp")
    other.write_text("an editor's save, in full\n")
    os.replace(other, p)


def _removed(p: Path) -> None:
    p.unlink()


@pytest.mark.parametrize("change", [_append, _same_size_later, _replaced, _removed])
def test_a_file_saved_by_another_program_since_it_was_read_is_not_overwritten(tmp_path, change):
    p = tmp_path / "m.argmap"
    p.write_text(MAP)
    stamp = file_stamp(p)
    change(p)
    after = p.read_text() if p.exists() else None
    with pytest.raises(ChangedMeanwhile, match="changed on disk"):
        write_atomic(p, "formatted\n", allow_maps=True, expect_unchanged=stamp)
    assert (p.read_text() if p.exists() else None) == after
    assert _temps(tmp_path) == []


def test_an_unchanged_file_is_written(tmp_path):
    p = tmp_path / "m.argmap"
    p.write_text(MAP)
    write_atomic(p, "formatted\n", allow_maps=True, expect_unchanged=file_stamp(p))
    assert p.read_text() == "formatted\n"


@pytest.mark.parametrize("change", [_append, _same_size_later, _replaced])
def test_fmt_keeps_an_edit_saved_while_it_formats(tmp_path, monkeypatch, capsys, change):
    # the editor saves between fmt's read and its write: the save wins, fmt says so and exits 1
    import argmap.formatting.writer as writer

    p = tmp_path / "m.argmap"
    p.write_text(MAP.replace("claim a (c):", "claim   a (c):"))  # not canonical: fmt has something to write
    real = writer.format_text

    saved = []

    def format_while_saving(text, *args, **kwargs):
        out = real(text, *args, **kwargs)
        change(p)
        saved.append(p.read_text())
        return out

    monkeypatch.setattr(writer, "format_text", format_while_saving)
    status = main(["fmt", str(p)])
    assert status == 1
    assert "changed on disk while it was being formatted" in capsys.readouterr().err
    assert p.read_text() == saved[0]  # the other program's save, untouched
    assert _temps(tmp_path) == []


# -------------------------------------------------------------- --timeout ----


@pytest.mark.parametrize("value", ["inf", "-inf", "1e309", "nan", "-1", "0", "abc", ""])
def test_a_time_limit_that_is_no_positive_finite_number_is_a_usage_error(value, capsys):
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["render", "m.argmap", "--timeout", value])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "--timeout" in err and "Traceback" not in err


@pytest.mark.parametrize("value, seconds", [("0.5", 0.5), ("60", 60.0), ("1e3", 1000.0)])
def test_a_positive_time_limit_is_taken(value, seconds):
    assert build_parser().parse_args(["render", "m.argmap", "--timeout", value]).timeout == seconds
