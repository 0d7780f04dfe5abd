"""Limits a user cannot trip by accident but a hostile file cannot exceed.

Maps are at most loader.MAX_FILE_BYTES, ``use`` goes at most
loader.MAX_USE_DEPTH maps deep, and nothing outside the maps' folder is read
through ``use`` or a map's ``text`` field.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap.files.loader as loader
from argmap import check, load
from argmap.cli import main
from argmap.files.loader import MAX_FILE_BYTES, MAX_USE_DEPTH
from argmap.syntax.parser import ArgmapError


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


def test_a_use_chain_deeper_than_the_limit_is_cut_with_a_diagnostic(tmp_path, capsys):
    depth = 40
    for i in range(depth):
        nxt = f"use m{i + 1}\n" if i + 1 < depth else ""
        (tmp_path / f"m{i}.argmap").write_text(f"{nxt}claim c{i}: claim {i}.\n")
    m = load(tmp_path / "m0.argmap")
    deepest, hops = m, 0
    while deepest.imports:
        deepest, hops = next(iter(deepest.imports.values())), hops + 1
    assert hops == MAX_USE_DEPTH - 1  # loading stopped at the limit, not at the end of the chain
    assert [d.code for d in deepest.problems] == ["A005"]
    assert main(["check", str(tmp_path)]) == 1
    assert f"`use` goes more than {MAX_USE_DEPTH} maps deep" in capsys.readouterr().out


def test_a_use_chain_within_the_limit_loads(tmp_path):
    for i in range(5):
        nxt = f"use m{i + 1}\n" if i + 1 < 5 else ""
        (tmp_path / f"m{i}.argmap").write_text(f"{nxt}claim c{i}: claim {i}.\n")
    assert not [d for d in check(load(tmp_path / "m0.argmap")) if d.code.startswith("A")]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, capsys):
    big = tmp_path / "big.argmap"
    with big.open("wb") as f:
        f.truncate(17 * 1024 * 1024)
    assert big.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(ArgmapError, match="MiB"):
        load(big)
    assert main(["check", str(big)]) == 2
    assert main(["fmt", str(big)]) == 2
    assert "limited to 16 MiB" in capsys.readouterr().err
    assert big.stat().st_size == 17 * 1024 * 1024  # fmt left it alone


def test_use_cannot_leave_the_maps_folder(tmp_path, reads, capsys):
    root = tmp_path / "maps"
    root.mkdir()
    secret = tmp_path / "secret.argmap"
    secret.write_text("claim secret: do not read me.\n")
    (root / "m.argmap").write_text('use x from "../../etc/passwd"\nuse y from "../secret.argmap"\nclaim a: A.\n')
    m = load(root / "m.argmap")
    problems = [d for d in check(m) if d.code == "A003"]
    assert len(problems) == 2
    assert all(p.is_relative_to(root.resolve()) for p in reads)
    assert main(["check", str(root)]) == 1
    assert "outside the maps' folder" in capsys.readouterr().out


def test_a_symlink_does_not_smuggle_a_use_outside(tmp_path, reads):
    root = tmp_path / "maps"
    root.mkdir()
    (tmp_path / "outside.argmap").write_text("claim o: outside.\n")
    (root / "link.argmap").symlink_to(tmp_path / "outside.argmap")
    (root / "m.argmap").write_text("use link\nclaim a: A.\n")
    m = load(root / "m.argmap")
    assert "link" not in m.imports
    assert [d.code for d in check(m) if d.code == "A003"] == ["A003"]
    assert (tmp_path / "outside.argmap").resolve() not in reads


def test_a_source_text_outside_the_folder_is_not_read(tmp_path, reads):
    root = tmp_path / "maps"
    root.mkdir()
    (tmp_path / "passwd").write_text("root:x:0:0\n")
    (root / "m.argmap").write_text(
        'map m {\n  text "../passwd"\n}\nclaim a: A.\n  quote "root:x"\n')
    diagnostics = check(load(root / "m.argmap"), root=root)
    assert any(d.code == "C113" and "outside the maps' folder" in d.message for d in diagnostics)
    assert (tmp_path / "passwd").resolve() not in reads


def test_a_path_in_free_text_is_only_text(tmp_path, reads):
    (tmp_path / "m.argmap").write_text("claim a: ../../etc/passwd\nthesis t: /etc/passwd\n")
    m = load(tmp_path / "m.argmap")
    assert m.claim("a").text == "../../etc/passwd"
    check(m, root=tmp_path)
    assert reads == [(tmp_path / "m.argmap").resolve()]
