"""No file a user names, or a map names, can hang argmap, flood it, or make it read outside its folder.

Every read goes through ``argmap.files.io.read_stamped``: it opens without
blocking, refuses what is not a regular file and stops at the size limit
whatever the file claims.  Folder scans follow the rule ``use`` follows: a
link that leads outside the folder is skipped with a diagnostic.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap.files.io as io
import argmap.files.loader as loader
from argmap.cli import main
from argmap.files.io import FileStamp, ReadRefused, read_limited, read_stamped
from argmap.files.loader import find_maps

pytestmark = pytest.mark.skipif(os.name != "posix", reason="named pipes, devices and links as POSIX has them")

MAP = "thesis t: T.\nclaim a (c): A.\n  supports t\n"
WORDS = "the words of a file outside the folder"
SECRET = f"claim secret: {WORDS}.\n"

# ------------------------------------------------------------ special files ----

# Every way a user's file reaches argmap (a map named on the command line or in a
# folder scan's place, a converter input, a map's `text`, a `use`), each given a
# named pipe, a character device or a socket.  One child process runs them all
# under a time limit, so a read that blocks fails the test instead of hanging it.
CHILD = r"""
import contextlib, io, json, os, socket, sys
from argmap.cli import main
kinds = json.loads(sys.argv[1])
results = {}
for case, argv in json.loads(sys.argv[2]).items():
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    results[case] = [code, out.getvalue() + err.getvalue()]
print(json.dumps(results))
"""

SPECIAL = ["fifo", "zero", "urandom", "socket"]
READERS = {
    "check": lambda f, d: ["check", f],
    "render": lambda f, d: ["render", f, "-o", str(d / "out.svg")],
    "bib": lambda f, d: ["bib", f],
    "convert-argdown": lambda f, d: ["convert", f, "--from", "argdown", "-o", str(d / "out.argmap")],
    "convert-aif": lambda f, d: ["convert", f, "--from", "aif", "-o", str(d / "out.argmap")],
    "convert-kialo": lambda f, d: ["convert", f, "--from", "kialo", "-o", str(d / "out.argmap")],
    "convert-argmap": lambda f, d: ["convert", f, "--from", "argmap", "--to", "aif", "-o", str(d / "out.json")],
}


def _special(kind: str, folder: Path) -> str:
    if kind == "fifo":
        path = folder / "pipe.argmap"
        os.mkfifo(path)
        return str(path)
    if kind == "socket":
        path = folder / "sock.argmap"
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
        _SOCKETS.append(s)
        return str(path)
    return f"/dev/{kind}"


_SOCKETS: list[socket.socket] = []


@pytest.fixture(scope="module")
def special_results(tmp_path_factory):
    """{case: (exit status, output)} for every reader given every special file, and a map's text and use."""
    folder = tmp_path_factory.mktemp("special")
    cases = {}
    for kind in SPECIAL:
        target = _special(kind, folder)
        for reader, argv in READERS.items():
            cases[f"{reader}/{kind}"] = argv(target, folder)
        # a map whose source text, and another whose `use`, is the special file
        name = Path(target).name
        beside = folder / f"text_{kind}"
        beside.mkdir()
        text_map = beside / "m.argmap"
        text_map.write_text(f'map m {{\n  text "{name}"\n}}\n{MAP}')
        cases[f"text/{kind}"] = ["check", str(text_map), "--text-dir", str(Path(target).parent)]
        use_map = folder / f"use_{kind}.argmap"
        use_map.write_text(f'use x from "{name}"\n{MAP}')  # beside it: inside the folder, so it is opened
        cases[f"use/{kind}"] = ["check", str(use_map)]
    proc = subprocess.run([sys.executable, "-c", CHILD, json.dumps(SPECIAL), json.dumps(cases)],
                          capture_output=True, text=True, timeout=120, cwd=folder)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {case: tuple(v) for case, v in json.loads(proc.stdout).items()}


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("reader", list(READERS))
def test_a_pipe_device_or_socket_is_refused_by_every_reader(special_results, reader, kind):
    code, out = special_results[f"{reader}/{kind}"]
    assert code == 2, out
    assert "Traceback" not in out
    what = {"fifo": "named pipe (FIFO)", "zero": "character device", "urandom": "character device",
            "socket": "socket"}
    assert f"{what[kind]}, not a regular file" in out
    assert ":1:1:" in out  # file:line:col, as every diagnostic


@pytest.mark.parametrize("kind", SPECIAL)
def test_a_source_text_that_is_no_regular_file_is_a_warning_not_a_hang(special_results, kind):
    code, out = special_results[f"text/{kind}"]
    assert "C113" in out and "not a regular file" in out and "Traceback" not in out
    assert code in (0, 1)


@pytest.mark.parametrize("kind", ["fifo", "socket"])
def test_a_use_of_a_pipe_or_socket_is_a_diagnostic_at_the_use(special_results, kind):
    code, out = special_results[f"use/{kind}"]
    assert code in (1, 2) and "Traceback" not in out
    assert ":1:5:" in out and "not a regular file" in out


@given(size=st.integers(0, 3000), limit=st.integers(0, 3000))
def test_the_limit_counts_bytes_read_not_the_size_the_file_claims(tmp_path_factory, size, limit):
    path = tmp_path_factory.mktemp("sized") / "f"
    data = bytes(i % 251 for i in range(size))
    path.write_bytes(data)
    if size <= limit:
        assert read_limited(path, limit=limit) == data
    else:
        with pytest.raises(ReadRefused) as refused:
            read_limited(path, limit=limit)
        assert refused.value.reason == "too-large"


def test_a_file_that_claims_to_be_small_is_still_cut_at_the_limit(tmp_path, monkeypatch):
    """Files in /proc say they hold 0 bytes; a file may grow while it is read."""
    path = tmp_path / "big.argmap"
    path.write_bytes(b"x" * 5000)
    real = os.fstat

    def lying(fd):
        st = real(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 0,
                               st.st_atime, st.st_mtime, st.st_ctime))

    monkeypatch.setattr(io.os, "fstat", lying)
    with pytest.raises(ReadRefused, match="over"):
        read_limited(path, limit=4096)
    assert read_limited(path, limit=5000) == b"x" * 5000


def test_the_stamp_is_the_file_as_it_was_opened(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_text(MAP)
    data, stamp = read_stamped(path)
    assert data == MAP.encode() and stamp == FileStamp(path.stat().st_mtime_ns, len(data))


@pytest.mark.parametrize("fmt, words", [("argmap", "joined with `use`"), ("argdown", "Argdown file"),
                                        ("aif", "nodeset"), ("kialo", "branches")])
def test_an_input_over_the_size_limit_is_told_what_to_do_in_its_own_format(tmp_path, capsys, fmt, words):
    big = tmp_path / f"big.{fmt}"
    with big.open("wb") as f:
        f.truncate(io.MAX_FILE_BYTES + 1)
    code = main(["convert", str(big), "--from", fmt, "--to", "aif" if fmt == "argmap" else "argmap",
                 "-o", str(tmp_path / "out.txt")])
    err = capsys.readouterr().err
    assert code == 2 and "limited to 16 MiB" in err and words in err
    assert fmt == "argmap" or "`use`" not in err
    assert not (tmp_path / "out.txt").exists()


# ------------------------------------------------------------------ links ----


@pytest.fixture
def reads(monkeypatch):
    """Every file the loader reads, resolved."""
    seen: list[Path] = []
    real = loader.read_text

    def spy(path, shown=None):
        seen.append(Path(path).resolve())
        return real(path, shown)

    monkeypatch.setattr(loader, "read_text", spy)
    return seen


def _layout(tmp_path: Path, link: str) -> tuple[Path, Path]:
    """A maps folder with one good map and one *link* of the given kind; (folder, the link)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.argmap").write_text(SECRET)
    (outside / "sub").mkdir()
    (outside / "sub" / "deep.argmap").write_text(SECRET)
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "good.argmap").write_text(MAP)
    (maps / "inner").mkdir()
    at = maps / "inner" / "link.argmap"
    if link == "file outside":
        at.symlink_to(outside / "secret.argmap")
    elif link == "folder outside":
        at = maps / "inner" / "linked"
        at.symlink_to(outside / "sub", target_is_directory=True)
    elif link == "relative outside":
        at.symlink_to(Path("..") / ".." / "outside" / "secret.argmap")
    elif link == "chain through inside":
        (maps / "hop.lnk").symlink_to(outside / "secret.argmap")
        at.symlink_to(maps / "hop.lnk")
    elif link == "dangling":
        at.symlink_to(tmp_path / "nowhere.argmap")
    elif link == "loop":
        at.symlink_to(at)
    return maps, at


LINKS = ["file outside", "folder outside", "relative outside", "chain through inside", "dangling", "loop"]


@pytest.mark.parametrize("link", LINKS)
def test_a_folder_scan_never_reads_through_a_link_out_of_the_folder(tmp_path, reads, capsys, link):
    maps, at = _layout(tmp_path, link)
    files, problems = find_maps([maps])
    assert [f.name for f, _ in files] == ["good.argmap"]
    assert len(problems) == 1 and problems[0].path.endswith(str(at.relative_to(tmp_path)))
    assert problems[0].severity.name == "WARNING" and "skipped" in problems[0].message
    for command in (["check", str(maps)], ["render", str(maps), "-o", str(tmp_path / "out") + "/"]):
        main(command)
        out = capsys.readouterr()
        assert WORDS not in out.out + out.err and "Traceback" not in out.out + out.err
        assert "skipped" in out.out + out.err
    assert all(p.is_relative_to(maps.resolve()) for p in reads)


def test_a_link_that_stays_inside_the_folder_is_read_once(tmp_path, reads):
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "good.argmap").write_text(MAP)
    (maps / "alias.argmap").symlink_to(maps / "good.argmap")
    files, problems = find_maps([maps])
    assert problems == [] and len(files) == 1
