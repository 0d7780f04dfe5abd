"""The top-level Python API: every name importable and documented, each call doing what its command does."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.reporting import render as render_report

ROOT = Path(__file__).resolve().parent.parent
MAP = """\
thesis t: The approach works.
case pro for t: The case for.
claim a (pro): Talks resumed. [^1]
  supports t
claim b (pro): Nothing moved.
  rebuts a

footnotes
  [^1]: TASS, December 16, 2016.
"""


def test_every_public_name_imports_and_says_what_it_is():
    for name in argmap.__all__:
        value = getattr(argmap, name)
        assert value is not None, name
        doc = getattr(value, "__doc__", None)
        assert doc and doc.strip(), f"argmap.{name} has no docstring"
    assert set(argmap.__all__) <= set(dir(argmap))


def test_the_later_stages_are_the_packages_own_functions():
    from argmap.interchange import convert
    from argmap.rendering import render

    assert argmap.render is render and argmap.convert is convert
    assert argmap.parse is argmap.loads


def test_import_argmap_leaves_the_later_stages_unloaded():
    code = ("import sys, argmap; print(sorted(m for m in ('argmap.rendering', 'argmap.evaluation.core', "
            "'argmap.briefing.brief', 'argmap.interchange', 'argmap.formatting.writer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"`import argmap` loaded {out.strip()}: the CLI would start slower"


def test_argmap_check_loads_only_what_checking_needs(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_text(MAP, encoding="utf-8")
    unwanted = ("argmap.rendering", "argmap.evaluation.core", "argmap.evaluation.carneades", "argmap.briefing",
                "argmap.cli.commands.render", "argmap.sources.extract", "argmap.syntax.errors",
                "confusable_homoglyphs", "rapidfuzz")
    code = ("import sys; from argmap.cli.main import main; status = main(['check', sys.argv[1]]); "
            f"print('LOADED', sorted(m for m in {unwanted!r} if m in sys.modules), status)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True).stdout
    assert "1 map checked: 0 errors" in out
    assert out.strip().splitlines()[-1] == "LOADED [] 0", f"`argmap check` loaded more than it needs: {out}"


def test_one_command_is_parsed_as_with_every_command_registered(capsys):
    from argmap.cli.main import build_parser, main

    argv = ["check", "maps/", "--select", "C", "--output-format", "json", "--statistics"]
    assert vars(build_parser("check").parse_args(argv)) == vars(build_parser().parse_args(argv))
    # `explain` is defined by the module of `rules`: named alone, it still runs
    assert main(["explain", "S213"]) == 0
    assert capsys.readouterr().out.startswith("S213 self-defeat")


def test_render_returns_svg_bytes():
    svg = argmap.render(argmap.loads(MAP))
    assert isinstance(svg, bytes) and b"<svg" in svg
    assert b"Talks resumed." in svg


def test_render_takes_a_format_and_the_diagram_options():
    dot = argmap.render(argmap.loads(MAP), "dot", case="pro").decode()
    assert dot.lstrip().startswith(("digraph", "strict digraph")) and "Talks resumed." in dot


def test_dumps_and_loads_round_trip():
    text = argmap.dumps(argmap.loads(MAP))
    assert argmap.dumps(argmap.loads(text)) == text, "the canonical text is its own canonical text"
    again = argmap.loads(text)
    assert [(c.id, c.text) for c in again.claims] == [("a", "Talks resumed."), ("b", "Nothing moved.")]
    assert [(r.kind, str(r.source), str(r.target)) for r in again.relations] == \
        [("supports", "a", "t"), ("rebuts", "b", "a")]


def test_dump_writes_the_canonical_text(tmp_path):
    path = tmp_path / "m.argmap"
    argmap.dump(argmap.loads(MAP), path)
    assert path.read_text(encoding="utf-8") == argmap.dumps(argmap.loads(MAP))
    formatted = argmap.format_text(MAP)
    assert argmap.format_text(formatted) == formatted
    assert [c.id for c in argmap.loads(formatted).claims] == ["a", "b"]


def test_evaluate_labels_the_unattacked_attacker_in():
    labels = argmap.evaluate(argmap.loads(MAP)).labels
    # b attacks a and nothing attacks b: b stands, a falls (grounded semantics)
    assert labels["b"] == "in" and labels["a"] == "out"
    assert argmap.evaluate(argmap.loads(MAP), "preferred").labels["a"] == "out"


def test_brief_is_made_for_a_case_and_refuses_an_unknown_one():
    from argmap.briefing import BriefError, to_markdown

    text = to_markdown(argmap.brief(argmap.loads(MAP), "pro"))
    assert "Talks resumed." in text
    with pytest.raises(BriefError):
        argmap.brief(argmap.loads(MAP), "nobody")


def test_convert_a_map_a_text_and_a_file(tmp_path):
    m = argmap.loads(MAP, "m.argmap")
    result = argmap.convert(m, "argdown")
    assert isinstance(result, argmap.Conversion) and result.target == "argdown" and result.map is m
    back = argmap.convert(text=result.text, from_="argdown", to="argmap", path="m.argdown")
    assert {c.text for c in back.map.claims} >= {"Talks resumed.", "Nothing moved."}
    assert back.source == "argdown" and back.text == argmap.dumps(back.map)

    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    out = tmp_path / "m.json"
    written = argmap.convert(source, output=out)  # both formats from the file names
    assert written.source == "argmap" and written.target == "aif"
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(written.text)


def test_convert_refuses_what_it_cannot_do(tmp_path):
    m = argmap.loads(MAP)
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        argmap.convert(m, "yaml")
    with pytest.raises(ValueError, match="not write"):
        argmap.convert(m, "kialo")
    with pytest.raises(TypeError):
        argmap.convert(m)  # no format to write, no file name to guess it from
    with pytest.raises(argmap.ConvertError):
        argmap.convert(tmp_path / "missing.argdown", "argmap")
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    with pytest.raises(argmap.ConvertError, match="the output file is the input file"):
        argmap.convert(source, "argmap", output=source)
    assert source.read_text(encoding="utf-8") == MAP


# ---- check_paths: the folder checking `argmap check` does ------------------------------------------


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "m.argmap").write_text(MAP.replace("[^1]\n", "[^2]\n"), encoding="utf-8")
    (tmp_path / "maps" / "drafts").mkdir()
    (tmp_path / "maps" / "drafts" / "d.argmap").write_text("claim x: X. [^9]\n", encoding="utf-8")
    return tmp_path / "maps"


def test_check_paths_checks_every_map_below_a_folder(tmp_path):
    report = argmap.check_paths([_folder(tmp_path)], config=argmap.Config())
    assert isinstance(report, argmap.CheckReport) and report.files == 2
    found = {(Path(d.path).name, d.code) for d in report.diagnostics}
    assert {("m.argmap", "C101"), ("m.argmap", "C102"), ("d.argmap", "C101")} <= found
    assert report.fails() and report.summary.startswith("2 maps checked: ")
    assert json.loads(render_report(report, "json"))["files"] == 2


def test_check_paths_reads_the_nearest_configuration(tmp_path):
    folder = _folder(tmp_path)
    (folder / "argmap.toml").write_text('ignore = ["C102"]\nper-file-ignores = { "drafts/*.argmap" = ["C101"] }\n')
    codes = {(Path(d.path).name, d.code) for d in argmap.check_paths([folder]).diagnostics}
    assert ("m.argmap", "C102") not in codes and ("d.argmap", "C101") not in codes
    assert ("m.argmap", "C101") in codes
    # a Config given as it is reads no file; select and ignore go on top of either
    ignored = argmap.check_paths([folder], config=argmap.Config(), ignore=["C1"])
    assert not [d for d in ignored.diagnostics if d.code.startswith("C1")]
    selected = argmap.check_paths([folder], select=["C101"])
    assert {d.code for d in selected.diagnostics} == {"C101"}


def test_check_paths_reports_bad_configuration_and_missing_text_folders(tmp_path):
    folder = _folder(tmp_path)
    (tmp_path / "argmap.toml").write_text('ignroe = ["C102"]\n')
    with pytest.raises(argmap.ConfigError) as bad:
        argmap.check_paths([folder])
    assert bad.value.diagnostic.code == "A008"
    with pytest.raises(NotADirectoryError):
        argmap.check_paths([folder], config=argmap.Config(), text_dirs=[tmp_path / "no_texts"])


def test_check_paths_reports_unreadable_inputs_without_raising(tmp_path):
    report = argmap.check_paths([tmp_path / "nothing.argmap"], config=argmap.Config())
    assert report.files == 0 and report.unreadable
    assert [d.code for d in report.diagnostics] == ["A002"]


# ---- new_map: the template `argmap init` writes ---------------------------------------------------


def test_new_map_writes_a_map_that_checks_clean_and_never_overwrites(tmp_path):
    path = argmap.new_map(tmp_path / "brown2017", title="Japan's Russia Policy", authors=["James D. J. Brown"])
    assert path == tmp_path / "brown2017.argmap"
    m = argmap.load(path)
    assert m.id == "brown2017" and m.document.authors == ("James D. J. Brown",)
    assert argmap.check(m) == []
    with pytest.raises(FileExistsError):
        argmap.new_map(path)


def test_new_map_suggests_an_id_for_a_name_that_is_not_one(tmp_path):
    from argmap.files.template import BadMapId

    with pytest.raises(BadMapId) as bad:
        argmap.new_map(tmp_path / "brown-2017")
    assert bad.value.suggestion == tmp_path / "brown_2017"
    assert not list(tmp_path.iterdir())


# ---- the documented snippets run ------------------------------------------------------------------


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", text, re.M | re.S)


@pytest.fixture
def clone(tmp_path, seeds, monkeypatch) -> Path:
    """A working folder laid out like a clone: maps/ here, the articles' texts in ../shared/seeds."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "maps", repo / "maps")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "seeds").symlink_to(seeds)
    (repo / "debate.argdown").write_text("[a]: Talks resumed.\n  - [b]: Nothing moved.\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    return repo


def test_the_readme_python_section_runs(clone, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [block] = _python_blocks(readme)
    exec(compile(block, "README.md", "exec"), {})
    assert "maps/brown2017.argmap:" in capsys.readouterr().out


@pytest.mark.slow
def test_the_api_page_example_runs(clone):
    [block] = _python_blocks((ROOT / "docs" / "api.md").read_text(encoding="utf-8"))
    exec(compile(block, "docs/api.md", "exec"), {})
    assert argmap.load(clone / "debate.argmap").claims


def test_the_model_reaches_later_stages_only_through_hooks():
    """Map.evaluate and notebook display work, yet the model's modules import no later stage."""
    import ast
    from pathlib import Path

    later = ("argmap.evaluation", "argmap.rendering", "argmap.briefing", "argmap.checks", "argmap.analysis",
             "argmap.interchange", "argmap.formatting", "argmap.cli")
    for path in (Path(argmap.__file__).parent / "model").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            assert not [n for n in names if n.startswith(later)], f"{path.name} imports a later stage: {names}"
    m = argmap.loads("thesis t: T\ncase c for t: C\nclaim a (c): A.\n  supports t\nclaim b (c): B.\n  rebuts a\n")
    assert str(m.evaluate().labels["a"]) == "OUT"
    assert m._repr_mimebundle_()["image/svg+xml"].lstrip().startswith("<")
