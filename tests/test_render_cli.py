"""``argmap render`` end to end: formats, folders, refusals, errors and --watch."""

from __future__ import annotations

import os
import threading
import time
import xml.etree.ElementTree as ET

import pytest

from argmap.cli import main
from argmap.rendering import engines

MAP = '''\
map one "One" {
  author "Tester"
}
use two

thesis t: The thesis.
claim a: Alpha supports it.
  supports t
two.b rebuts a
'''
TWO = '''\
map two "Two" {
  author "Tester"
}

claim b: Beta, the first version.
'''


@pytest.fixture
def maps(tmp_path):
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "one.argmap").write_text(MAP, encoding="utf-8")
    (folder / "two.argmap").write_text(TWO, encoding="utf-8")
    return folder


def test_svg_by_suffix_with_no_graphviz_installed(maps, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(engines, "system_dot", lambda: None)
    out = tmp_path / "one.svg"
    assert main(["render", str(maps / "one.argmap"), "-o", str(out)]) == 0
    root = ET.parse(out).getroot()
    assert "Alpha supports it." in "".join(root.itertext())
    assert "wrote" in capsys.readouterr().err


def test_png_without_dot_says_how_to_install_it(maps, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(engines, "system_dot", lambda: None)
    out = tmp_path / "one.png"
    assert main(["render", str(maps / "one.argmap"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "needs the system Graphviz `dot`" in err and "apt-get install graphviz" in err
    assert not out.exists()


def test_dot_to_stdout_and_format_option(maps, capsys):
    assert main(["render", str(maps / "one.argmap"), "--format", "dot", "--rankdir", "LR"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("digraph argmap {") and "rankdir=LR" in out


def test_dash_means_standard_output(maps, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(maps / "one.argmap"), "-o", "-", "--format", "dot"]) == 0
    assert capsys.readouterr().out.startswith("digraph argmap {")
    assert not (tmp_path / "-").exists()


def test_a_folder_of_maps_into_an_output_folder(maps, tmp_path):
    out = tmp_path / "docs" / "maps"
    assert main(["render", str(maps), "-o", f"{out}/", "--format", "dot"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["one.dot", "two.dot"]


def test_several_maps_into_one_file_is_refused(maps, tmp_path, capsys):
    assert main(["render", str(maps), "-o", str(tmp_path / "x.svg")]) == 2
    assert "use -o" in capsys.readouterr().err


@pytest.mark.parametrize("target", ["one.argmap", "new.argmap"])
def test_never_writes_over_a_map(maps, target, capsys):
    before = (maps / "one.argmap").read_bytes()
    assert main(["render", str(maps / "one.argmap"), "-o", str(maps / target), "--format", "svg"]) == 2
    assert "refusing to write over a map" in capsys.readouterr().err
    assert (maps / "one.argmap").read_bytes() == before and not (maps / "new.argmap").exists()


def test_a_broken_map_gives_diagnostics_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.argmap"
    bad.write_text("claim : no id here\n", encoding="utf-8")
    assert main(["render", str(bad), "-o", str(tmp_path / "bad.svg")]) == 2
    err = capsys.readouterr().err
    assert "bad.argmap:1:" in err and "Traceback" not in err
    assert not (tmp_path / "bad.svg").exists()


def test_unknown_view_is_a_usage_error(maps, tmp_path, capsys):
    assert main(["render", str(maps / "one.argmap"), "--focus", "alpah", "-o", str(tmp_path / "x.svg")]) == 2
    assert "no claim 'alpah'" in capsys.readouterr().err


def test_views_and_collapse_from_the_command_line(maps, capsys):
    assert main(["render", str(maps / "one.argmap"), "-f", "dot", "--collapse-imports", "--focus", "a"]) == 0
    out = capsys.readouterr().out
    assert "map two" in out and "Beta" not in out


def test_time_limit_reached_is_reported(maps, tmp_path, monkeypatch, capsys):
    def too_slow(*args, **kwargs):
        raise engines.RenderTimeout("Graphviz took longer than 1 s to lay out the diagram and was stopped", "draw less")
    monkeypatch.setattr(engines, "run", too_slow)
    assert main(["render", str(maps / "one.argmap"), "-o", str(tmp_path / "x.svg"), "--timeout", "1"]) == 2
    assert "took longer than 1 s" in capsys.readouterr().err


def test_output_is_replaced_whole(maps, tmp_path):
    out = tmp_path / "one.dot"
    out.write_text("old")
    assert main(["render", str(maps / "one.argmap"), "-o", str(out)]) == 0
    assert out.read_text().startswith("digraph") and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.slow
def test_watch_redraws_when_a_used_map_changes(maps, tmp_path):
    out = tmp_path / "one.dot"
    result = {}
    # 100 looks 20 ms apart: 2 s for the change below to be seen (it is made as soon as the first drawing is there)
    args = ["render", str(maps / "one.argmap"), "-o", str(out), "--watch", "--watch-interval", "0.02",
            "--watch-iterations", "100"]
    worker = threading.Thread(target=lambda: result.setdefault("code", main(args)))
    worker.start()
    deadline = time.monotonic() + 5
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert "Beta, the first version." in out.read_text()
    two = maps / "two.argmap"
    two.write_text(TWO.replace("the first version", "the second version"), encoding="utf-8")
    stamp = time.time() + 5
    os.utime(two, (stamp, stamp))
    worker.join(timeout=15)
    assert result.get("code") == 0
    assert "Beta, the second version." in out.read_text()
